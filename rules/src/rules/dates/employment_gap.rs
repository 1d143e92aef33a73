use super::written;
use crate::document::dates::{End, Period, RoleDate, YearMonth};
use crate::document::{Resume, SectionKind};
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;

declare_rule! {
    /// ## What it does
    /// Flags a gap of more than six months between two jobs of the experience section,
    /// unless something near it explains the gap: a line on either side that mentions a
    /// career break, a sabbatical, parental leave, caregiving, study, a relocation,
    /// travel and the like; or a degree that covers part of the gap, or a volunteer role or
    /// a project that starts or ends within it. Gaps next to an internship, a co-op or a
    /// summer job are school terms, and are not flagged either.
    ///
    /// ## Why is this bad?
    /// Recruiters notice unexplained gaps and fill them with the worst guess. The US
    /// resume guide lists "leaving gaps unexplained" among the resume killers, and advises
    /// a brief, honest line ("Career break for family", "Professional development").
    ///
    /// ## Example
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind — Jan 2021 – Present
    ///
    /// - Cut settlement time from 3 days to 4 hours
    ///
    /// ### Developer, Contoso — Jun 2017 – Dec 2019
    ///
    /// - Built the billing page
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind — Jan 2021 – Present
    ///
    /// - Cut settlement time from 3 days to 4 hours
    ///
    /// ### Career break — Jan 2020 – Dec 2020
    ///
    /// - Cared for a family member; completed the AWS Solutions Architect course
    ///
    /// ### Developer, Contoso — Jun 2017 – Dec 2019
    ///
    /// - Built the billing page
    /// ```
    ///
    /// ## Known limits
    /// The gap is measured at its shortest: "2019" ends in December 2019 at the latest, and
    /// "2021" starts in January 2021 at the earliest, so only gaps the dates prove are
    /// flagged. Overlapping jobs leave no gap; the jobs of every experience section are read
    /// together. Roles without a readable date are left out.
    /// A gap after a role that goes on is impossible; a gap before today (no job now) is
    /// not flagged.
    pub struct EmploymentGap {
        id: "employment-gap",
        category: Dates,
        severity: Info,
        fix: None,
    }
}

/// More than this many whole months between two jobs is a gap.
const MAX_GAP_MONTHS: i32 = 6;

/// A role's months at their widest: from the earliest its start can mean to the latest its
/// end can mean (`None`: it goes on, or ends at a month we do not know).
struct Span<'a> {
    index: usize,
    from: YearMonth,
    to: Option<YearMonth>,
    start: &'a RoleDate,
    end: Option<&'a RoleDate>,
}

fn span_of(index: usize, period: &Period) -> Option<Span<'_>> {
    let start = period.start.as_ref()?;
    let (to, end) = match &period.end {
        Some(End::Date(d)) => (Some(d.date.latest()), Some(d)),
        Some(End::Present(_) | End::Open) => (None, None),
        None => (Some(start.date.latest()), None),
    };
    Some(Span {
        index,
        from: start.date.earliest(),
        to,
        start,
        end,
    })
}

impl Rule for EmploymentGap {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let resume = cx.resume;
        let mut jobs: Vec<Span<'_>> = resume
            .roles
            .iter()
            .enumerate()
            .filter(|(_, r)| resume.role_section_kind(r) == Some(SectionKind::Experience))
            .filter_map(|(i, r)| span_of(i, &r.period))
            .collect();
        jobs.sort_by_key(|j| j.from);
        // Walk the jobs from the oldest, keeping the latest month covered so far.
        let mut covered: Option<(YearMonth, usize)> = None; // (until, job index in `jobs`)
        for (k, job) in jobs.iter().enumerate() {
            if let Some((until, prev)) = covered {
                let months = until.months_until(job.from) - 1;
                if months > MAX_GAP_MONTHS
                    && let Some(before) = jobs.get(prev)
                    && !explained(cx, before, job, until)
                {
                    let ended = before.end.unwrap_or(before.start);
                    // A year alone ("2017") may mean a later month: the gap is a minimum.
                    let at_least = if ended.date.month.is_none() || job.start.date.month.is_none() {
                        "at least "
                    } else {
                        ""
                    };
                    sink.report(
                        job.start.span,
                        format!(
                            "Gap of {at_least}{} between \"{}\" and \"{}\"",
                            length(months),
                            written(cx.source, ended),
                            written(cx.source, job.start)
                        ),
                    );
                }
            }
            match (job.to, covered) {
                (None, _) => return, // goes on: no gap can follow
                (Some(to), Some((until, _))) if to <= until => {}
                (Some(to), _) => covered = Some((to, k)),
            }
        }
    }
}

/// "9 months", "1 year and 3 months", "2 years".
fn length(months: i32) -> String {
    let (y, m) = (months / 12, months % 12);
    let unit = |n: i32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (y, m) {
        (0, m) => unit(m, "month", "months"),
        (y, 0) => unit(y, "year", "years"),
        (y, m) => format!(
            "{} and {}",
            unit(y, "year", "years"),
            unit(m, "month", "months")
        ),
    }
}

/// Whether the gap between `before` (covered until `until`) and `after` is explained: by
/// words in the two roles or between them, or by another entry dated inside the gap.
fn explained(cx: &Context<'_>, before: &Span<'_>, after: &Span<'_>, until: YearMonth) -> bool {
    let resume = cx.resume;
    let role_span = |i: usize| resume.roles.get(i).map(|r| r.span);
    let (Some(a), Some(b)) = (role_span(before.index), role_span(after.index)) else {
        return true;
    };
    let between = TextRange::new(a.start().min(b.start()), a.end().max(b.end()));
    let near =
        |span: TextRange| between.contains_range(span) || a.intersects(span) || b.intersects(span);
    let words = resume
        .blocks
        .iter()
        .filter(|blk| {
            blk.role
                .is_some_and(|r| r == before.index || r == after.index)
                || near(blk.text.span())
        })
        .any(|blk| !cx.data().dates.gap_reasons(blk.text.as_str()).is_empty())
        || resume
            .comments
            .iter()
            .any(|c| near(c.span) && !cx.data().dates.gap_reasons(&c.body).is_empty());
    words
        || is_student_job(resume, before.index)
        || is_student_job(resume, after.index)
        || filled_by_other_entry(cx, until, after.from)
}

/// An internship, a co-op or a summer job: the months around it are school.
fn is_student_job(resume: &Resume, index: usize) -> bool {
    const WORDS: &[&str] = &["co-op", "coop", "intern", "internship", "student", "summer"];
    resume
        .roles
        .get(index)
        .and_then(|r| r.header.as_ref())
        .is_some_and(|h| {
            crate::matchers::words(h.as_str())
                .any(|(_, w)| WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)))
                || h.as_str().to_ascii_lowercase().contains("co-op")
        })
}

/// Another dated entry lies in the gap: a degree that covers part of it, or a volunteer
/// role or a project that starts or ends inside it (one that merely goes on through the
/// gap, alongside the jobs, explains nothing).
fn filled_by_other_entry(cx: &Context<'_>, from: YearMonth, to: YearMonth) -> bool {
    let resume = cx.resume;
    let inside = |m: YearMonth| from < m && m < to;
    let periods_in = |education: bool| {
        resume
            .roles
            .iter()
            .filter(move |r| match resume.role_section_kind(r) {
                Some(SectionKind::Experience) => false,
                Some(SectionKind::Education) => education,
                _ => !education,
            })
            .map(|r| &r.period)
    };
    let mut studies = cx
        .education_entries()
        .iter()
        .map(|(_, p)| p)
        .chain(periods_in(true));
    let mut others = periods_in(false);
    studies.any(|p| {
        // Overlaps the gap's months (strictly between `from` and `to`).
        span_of(0, p).is_some_and(|s| s.from < to && s.to.is_none_or(|end| end > from))
    }) || others.any(|p| {
        // A date that may fall inside ("2018" for a gap from April to December) counts.
        let may_be_inside = |d: &RoleDate| {
            inside(d.date.earliest())
                || inside(d.date.latest())
                || d.date.earliest() <= from && to <= d.date.latest()
        };
        p.start.as_ref().is_some_and(may_be_inside) || p.end_date().is_some_and(may_be_inside)
    })
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const R: RuleId = RuleId::EmploymentGap;

    #[test]
    fn doc() {
        crate::rules::layout::check_doc(R, super::EmploymentGap::META.doc);
    }

    #[test]
    fn flags_gaps_over_six_months_in_every_format() {
        let md = "## Experience\n\n### A (Jan 2021 – Present)\n\n- Shipped it\n\n\
                  ### B (Jun 2017 – Mar 2020)\n\n- Shipped it\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["Jan 2021"]);
        assert_eq!(
            messages(R, Format::Markdown, md),
            ["Gap of 9 months between \"Mar 2020\" and \"Jan 2021\""]
        );
        let yaml = "work:\n  - name: A\n    startDate: 2022-03\n  - name: B\n    startDate: 2018-01\n    endDate: 2020-12\n";
        assert_eq!(
            messages(R, Format::Yaml, yaml),
            ["Gap of 1 year and 2 months between \"2020-12\" and \"2022-03\""]
        );
        let md = "## Experience\n\n### A (2019 – 2022)\n\n### B (2015 – 2017)\n";
        assert_eq!(
            messages(R, Format::Markdown, md),
            ["Gap of at least 1 year between \"2017\" and \"2019\""]
        );
        let json = r#"{"work":[{"name":"A","startDate":"2016-01-01","endDate":"2017-01-01"},
            {"name":"B","startDate":"2020-01-01","endDate":"2021-01-01"}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["2020-01-01"]);
    }

    #[test]
    fn short_overlapping_and_year_only_gaps_are_clean() {
        for md in [
            // Six months exactly (Apr – Sep).
            "## Experience\n\n### A (Oct 2020 – Present)\n\n### B (Jun 2017 – Mar 2020)\n",
            // Overlapping roles; a long role covering a short one.
            "## Experience\n\n### A (2019 – Present)\n\n### B (2015 – 2020)\n\n### C (2016 – 2017)\n",
            // "2019" may end in December, "2020" may start in January.
            "## Experience\n\n### A (2020 – 2022)\n\n### B (2017 – 2019)\n",
            // Between internships: school terms.
            "## Experience\n\n### Software Intern, A (Jun 2015 – Aug 2015)\n\n### Summer Analyst, B (Jun 2014 – Aug 2014)\n",
            // Other sections do not count.
            "## Projects\n\n### A (2022)\n\n### B (2015)\n",
        ] {
            assert_clean(R, Format::Markdown, md);
        }
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"name":"A","startDate":"2019-01-01"},{"name":"B","startDate":"2012-01-01","endDate":"2018-12-31"}]}"#,
        );
    }

    #[test]
    fn a_side_role_through_the_gap_does_not_explain_it() {
        let md = "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (Jun 2017 – Mar 2020)\n\n\
                  ## Volunteer\n\n### Mentor, Code Club (2016 – Present)\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["Jan 2021"]);
    }

    #[test]
    fn explained_gaps_are_clean() {
        for md in [
            "## Experience\n\n### A (Jan 2021 – Present)\n\n- Shipped it\n\n\
             Career break: cared for my father.\n\n### B (Jun 2017 – Mar 2020)\n",
            "## Experience\n\n### A (Jan 2021 – Present)\n\n- Joined after a sabbatical\n\n\
             ### B (Jun 2017 – Mar 2020)\n",
            "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (Jun 2017 – Mar 2020)\n\n\
             - Left to take parental leave\n",
            "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (Jun 2017 – Mar 2020)\n\n\
             ## Education\n\n### M.S., State University (Sep 2020 – Jun 2021)\n",
            "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (Jun 2017 – Mar 2020)\n\n\
             ## Volunteer\n\n### Builder, Habitat (Apr 2020 – Sep 2020)\n",
            // "2020" may be a month inside the gap.
            "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (Jun 2017 – Mar 2020)\n\n\
             ## Volunteer\n\n### Mentor, Code Club (2020 – Present)\n",
        ] {
            assert_clean(R, Format::Markdown, md);
        }
        // Education entries of YAML / JSON are fields, not roles.
        assert_clean(
            R,
            Format::Yaml,
            "cv:\n  sections:\n    experience:\n      - company: A\n        start_date: 2020-05\n        end_date: 2020-08\n\
             \x20     - company: B\n        start_date: 2019-05\n        end_date: 2019-08\n\
             \x20   education:\n      - institution: State\n        start_date: 2018-09\n        end_date: 2023-05\n",
        );
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"name":"A","startDate":"2022-03"},{"name":"B","startDate":"2018-01","endDate":"2020-12"}],
                "education":[{"institution":"State","startDate":"2021-01","endDate":"2021-12"}]}"#,
        );
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - name: A\n    startDate: 2022-03\n    summary: Rejoined the field after relocating to Berlin\n\
             \x20 - name: B\n    startDate: 2018-01\n    endDate: 2020-12\n",
        );
    }
}
