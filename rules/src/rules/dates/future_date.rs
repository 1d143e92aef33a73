use super::{says_expected, written};
use crate::document::SectionKind;
use crate::document::dates::YearMonth;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a date of a job, a volunteer role or a project that lies after the current
    /// month: "Jan 2020 – Dec 2027" for a role you hold today, or a start date next year.
    ///
    /// ## Why is this bad?
    /// A date in the future reads as a typo for the current year ("2062" for "2026"), or
    /// as a claim about a job you do not hold yet. Either way an ATS miscounts your
    /// experience and a recruiter stops to wonder. The US resume guide counts vague or
    /// wrong dates among the resume killers.
    ///
    /// ## Example
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind — Mar 2021 – Dec 2099
    ///
    /// - Cut settlement time from 3 days to 4 hours
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind — Mar 2021 – Present
    ///
    /// - Cut settlement time from 3 days to 4 hours
    ///
    /// ### Incoming Software Engineer Intern, Contoso — Summer 2099
    ///
    /// ## Education
    ///
    /// ### B.S. Computer Science, State University — Expected May 2099
    /// ```
    ///
    /// ## Known limits
    /// The current month comes from the machine's clock (the CLI and the editor pass it
    /// in); without it the rule stays quiet. Only experience, volunteer and project
    /// entries count: an expected graduation, a certification that expires, or a paper
    /// to appear are meant to lie ahead. An entry whose lines say "expected",
    /// "incoming", "upcoming", "starting", "planned", "contract" or "through" is not
    /// flagged either.
    pub struct FutureDate {
        id: "future-date",
        category: Dates,
        severity: Warning,
        fix: None,
    }
}

impl Rule for FutureDate {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let Some(today) = cx.settings.today else {
            return;
        };
        for (index, role) in cx.resume.roles.iter().enumerate() {
            let counted = cx.resume.role_section_kind(role).is_some_and(|k| {
                matches!(
                    k,
                    SectionKind::Experience | SectionKind::Volunteer | SectionKind::Projects
                )
            });
            if !counted {
                continue;
            }
            // The first date after today (the start when the whole role lies ahead).
            let Some(date) = role.period.dates().find(|d| d.date.earliest() > today) else {
                continue;
            };
            if says_expected(cx.resume, index) {
                continue;
            }
            sink.report(
                date.span,
                format!(
                    "\"{}\" is after the current month ({})",
                    written(cx.source, date),
                    month_name(today)
                ),
            );
        }
    }
}

/// "Nov 2026".
fn month_name(m: YearMonth) -> String {
    crate::document::dates::Style::MonthShort
        .write(m.year, m.month)
        .unwrap_or_else(|| m.year.to_string())
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::rules::{Context, Rule, Sink};
    use crate::testing::{assert_clean, flagged, messages};
    use crate::{Resume, Settings};

    const R: RuleId = RuleId::FutureDate;

    #[test]
    fn doc() {
        crate::rules::layout::check_doc(R, super::FutureDate::META.doc);
    }

    #[test]
    fn flags_dates_after_today_in_every_format() {
        // The tests run in November 2026.
        let md = "## Experience\n\n### Engineer, Acme (Jan 2020 – Mar 2027)\n\n- Shipped it\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["Mar 2027"]);
        assert_eq!(
            messages(R, Format::Markdown, md),
            ["\"Mar 2027\" is after the current month (Nov 2026)"]
        );
        let yaml = "work:\n  - name: Acme\n    startDate: 2027-01\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["2027-01"]);
        let json = r#"{"work":[{"name":"Acme","startDate":"2020-01","endDate":"2062-06"}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["2062-06"]);
        let md = "## Projects\n\n### Tracer (2027)\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["2027"]);
    }

    #[test]
    fn this_month_and_the_past_are_clean() {
        for md in [
            "## Experience\n\n### Engineer, Acme (Jan 2020 – Nov 2026)\n",
            "## Experience\n\n### Engineer, Acme (2026)\n",
            "## Experience\n\n### Engineer, Acme (2020 – Present)\n",
        ] {
            assert_clean(R, Format::Markdown, md);
        }
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"name":"Acme","startDate":"2020-01-01","endDate":null}]}"#,
        );
    }

    #[test]
    fn expected_dates_are_clean() {
        for md in [
            "## Education\n\n### B.S. Computer Science, State University (Expected May 2027)\n",
            "## Education\n\n### M.S., State University (2025 – 2028)\n",
            "## Experience\n\n### Incoming Software Engineer Intern, Acme (Summer 2027)\n",
            "## Experience\n\n### Engineer, Acme (Starting Jan 2027)\n",
            "## Experience\n\n### Engineer, Acme (contract, Jan 2026 – Jun 2027)\n",
            "## Certifications\n\n- AWS Solutions Architect (valid until 2028)\n",
            "## Publications\n\n### A paper, to appear (2027)\n",
            // A year inside a name is not a date.
            "## Projects\n\n### Census 2030 Planning Tool\n\n- Used by 3 cities\n",
        ] {
            assert_clean(R, Format::Markdown, md);
        }
        assert_clean(
            R,
            Format::Yaml,
            "education:\n  - institution: State University\n    startDate: 2024-09\n    endDate: 2028-05\n",
        );
        assert_clean(
            R,
            Format::Json,
            r#"{"education":[{"institution":"State","startDate":"2024-09","endDate":"2028-05"}]}"#,
        );
    }

    #[test]
    fn without_today_the_rule_is_quiet() {
        let md = "## Experience\n\n### Engineer, Acme (2020 – 2099)\n";
        let settings = Settings::only(&[R]);
        let resume = Resume::parse(md, Format::Markdown, &settings.data);
        let cx = Context::new(md, &resume, &settings);
        let mut sink = Sink::new(R, crate::Severity::Warning);
        super::FutureDate.check(&cx, &mut sink);
        assert!(sink.diagnostics.is_empty());
    }
}
