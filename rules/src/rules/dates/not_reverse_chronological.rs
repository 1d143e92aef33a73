use super::{dates_range, label, written};
use crate::document::dates::{Date, End, Period};
use crate::document::{Role, SectionKind};
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;
use std::cmp::Ordering;

declare_rule! {
    /// ## What it does
    /// Flags an entry (a job, a degree, a volunteer role) listed below an older one in the
    /// experience, education or volunteer section: the most recent comes first.
    ///
    /// ## Why is this bad?
    /// Recruiters read the top entry of a section as your current or latest role, and
    /// ATS software expects the reverse-chronological order the US resume guide
    /// recommends. A current job buried under an old one is easy to miss.
    ///
    /// ## Example
    /// ```markdown
    /// ## Experience
    ///
    /// ### Junior Developer, Contoso — 2016 – 2018
    ///
    /// - Built the billing page
    ///
    /// ### Backend Engineer, Northwind — 2019 – Present
    ///
    /// - Cut settlement time from 3 days to 4 hours
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind — 2019 – Present
    ///
    /// - Cut settlement time from 3 days to 4 hours
    ///
    /// ### Junior Developer, Contoso — 2016 – 2018
    ///
    /// - Built the billing page
    /// ```
    ///
    /// ## Known limits
    /// A role counts as more recent only when it ends later *and* does not start
    /// earlier: a long role that overlaps a short one may come in either order, and two
    /// roles that go on may too. Dates whose order is uncertain ("2020" and "Mar 2020")
    /// are never compared. Projects, publications and awards are left alone: they are
    /// often ordered by weight rather than by date. A section listed oldest first gets one
    /// diagnostic, at its first entry.
    pub struct NotReverseChronological {
        id: "not-reverse-chronological",
        category: Dates,
        severity: Warning,
        fix: None,
    }
}

/// An entry of a section, dated.
struct Item {
    period: Period,
    /// Where to report it.
    range: TextRange,
    /// Its dates as written, for messages.
    label: String,
}

impl Rule for NotReverseChronological {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let education = cx.education_entries();
        for (index, section) in cx.resume.sections.iter().enumerate() {
            if !matches!(
                section.kind,
                SectionKind::Experience | SectionKind::Education | SectionKind::Volunteer
            ) {
                continue;
            }
            let mut items: Vec<Item> = cx
                .resume
                .roles
                .iter()
                .filter(|r| r.section == Some(index) && r.period.start.is_some())
                .filter_map(|r: &Role| {
                    Some(Item {
                        period: r.period.clone(),
                        range: dates_range(r)?,
                        label: label(r),
                    })
                })
                .collect();
            if items.is_empty() {
                // YAML / JSON education entries are fields, not roles.
                items = education
                    .iter()
                    .filter(|(s, _)| *s == index)
                    .filter_map(|(_, p)| {
                        let start = p.start.as_ref()?;
                        let mut label = written(cx.source, start).to_owned();
                        if let Some(end) = p.end_date() {
                            label = format!("{label} – {}", written(cx.source, end));
                        }
                        Some(Item {
                            period: p.clone(),
                            range: start.span,
                            label,
                        })
                    })
                    .collect();
            }
            // (the entry listed below, the entry above it) for each pair out of order
            let pairs: Vec<(&Item, &Item)> = items
                .windows(2)
                .filter_map(|w| match w {
                    [above, below] if more_recent(&below.period, &above.period) => {
                        Some((below, above))
                    }
                    _ => None,
                })
                .collect();
            if pairs.is_empty() {
                continue;
            }
            let name = section
                .heading
                .as_ref()
                .map_or("This section", |h| h.as_str());
            if items.len() >= 3 && pairs.len() == items.len() - 1 {
                if let Some(first) = items.first() {
                    sink.report(
                        first.range,
                        format!("\"{name}\" lists its entries oldest first"),
                    );
                }
                continue;
            }
            for (below, above) in pairs {
                sink.report(
                    below.range,
                    format!(
                        "\"{}\" is listed below an older entry (\"{}\")",
                        below.label, above.label
                    ),
                );
            }
        }
    }
}

/// The date a role ends on for ordering: its end, or its only date.
enum Last<'a> {
    Ongoing,
    Date(&'a Date),
}

fn last(p: &Period) -> Option<Last<'_>> {
    match &p.end {
        Some(End::Present(_) | End::Open) => Some(Last::Ongoing),
        Some(End::Date(d)) => Some(Last::Date(&d.date)),
        None => p.start.as_ref().map(|s| Last::Date(&s.date)),
    }
}

/// `a` certainly ends later than `b` and does not start before it.
fn more_recent(a: &Period, b: &Period) -> bool {
    let ends_later = match (last(a), last(b)) {
        (Some(Last::Ongoing), Some(Last::Date(_))) => true,
        (Some(Last::Date(x)), Some(Last::Date(y))) => x.certainly_cmp(y) == Some(Ordering::Greater),
        _ => false,
    };
    let starts_earlier = match (&a.start, &b.start) {
        (Some(x), Some(y)) => x.date.certainly_cmp(&y.date) == Some(Ordering::Less),
        _ => true,
    };
    ends_later && !starts_earlier
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const R: RuleId = RuleId::NotReverseChronological;

    #[test]
    fn doc() {
        crate::rules::layout::check_doc(R, super::NotReverseChronological::META.doc);
    }

    #[test]
    fn flags_a_role_below_an_older_one_in_every_format() {
        let md = "## Experience\n\n### Lead, Acme (2021 – Present)\n\n### Intern, Globex (2012 – 2013)\n\n\
                  ### Engineer, Initech (2016 – 2020)\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["2016 – 2020"]);
        assert_eq!(
            messages(R, Format::Markdown, md),
            ["\"2016 – 2020\" is listed below an older entry (\"2012 – 2013\")"]
        );
        let yaml = "work:\n  - name: Globex\n    startDate: 2012-01\n    endDate: 2013-01\n\
                    \x20 - name: Acme\n    startDate: 2021-01\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["2021-01"]);
        assert_eq!(
            messages(R, Format::Yaml, yaml),
            ["\"2021-01\" is listed below an older entry (\"2012-01 – 2013-01\")"]
        );
        let json = r#"{"volunteer":[{"organization":"A","startDate":"2010-09","endDate":"2014-06"},
            {"organization":"B","startDate":"2015-09","endDate":"2017-06"}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["2015-09"]);
        let json = r#"{"education":[{"institution":"A","area":"Math","startDate":"2010-09","endDate":"2014-06"},
            {"institution":"B","area":"CS","courses":["X","Y"],"startDate":"2015-09","endDate":"2017-06"}]}"#;
        assert_eq!(
            messages(R, Format::Json, json),
            ["\"2015-09 – 2017-06\" is listed below an older entry (\"2010-09 – 2014-06\")"]
        );
        let yaml = "cv:\n  sections:\n    education:\n      - institution: A\n        start_date: 2010-09\n        end_date: 2014-06\n\
                    \x20     - institution: B\n        start_date: 2015-09\n        end_date: 2017-06\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["2015-09"]);
    }

    #[test]
    fn a_section_oldest_first_gets_one_diagnostic() {
        let md = "## Experience\n\n### A (2010 – 2012)\n\n### B (2013 – 2015)\n\n### C (2016 – Present)\n";
        assert_eq!(
            messages(R, Format::Markdown, md),
            ["\"Experience\" lists its entries oldest first"]
        );
        assert_eq!(flagged(R, Format::Markdown, md), ["2010 – 2012"]);
    }

    #[test]
    fn recent_first_overlaps_and_uncertain_orders_are_clean() {
        for md in [
            "## Experience\n\n### A (2019 – Present)\n\n### B (2016 – 2018)\n",
            // A long role below a short one inside it.
            "## Experience\n\n### A (2019 – 2020)\n\n### B (2015 – 2021)\n",
            // Two roles that go on.
            "## Experience\n\n### Advisor (2015 – Present)\n\n### CTO (2020 – Present)\n",
            "## Experience\n\n### A (2020)\n\n### B (Mar 2020)\n",
            // Projects are often ordered by weight.
            "## Projects\n\n### A (2015)\n\n### B (2020)\n",
            "## Education\n\n### Ph.D. (2012)\n\n### M.S. (2008)\n\n### B.S. (2006)\n",
        ] {
            assert_clean(R, Format::Markdown, md);
        }
        assert_clean(
            R,
            Format::Json,
            r#"{"education":[{"institution":"B","startDate":"2015-09","endDate":"2017-06"},
                {"institution":"A","startDate":"2010-09","endDate":"2014-06"}]}"#,
        );
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"name":"A","startDate":"2021-01"},{"name":"B","startDate":"2018-01","endDate":"2020-12"}]}"#,
        );
    }
}
