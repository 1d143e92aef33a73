use super::{dates_range, written};
use crate::rules::{Context, Rule, Sink, declare_rule};
use std::cmp::Ordering;

declare_rule! {
    /// ## What it does
    /// Flags a role whose end date comes before its start date ("2021 – 2019").
    ///
    /// ## Why is this bad?
    /// It is a typo, but a costly one: an ATS computes your years of experience from these
    /// dates, and a recruiter who notices it wonders what else is wrong. The US resume
    /// guide counts vague or wrong dates among the resume killers.
    ///
    /// ## Example
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind — Mar 2021 – Feb 2020
    ///
    /// - Cut settlement time from 3 days to 4 hours
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind — Mar 2020 – Feb 2021
    ///
    /// - Cut settlement time from 3 days to 4 hours
    /// ```
    ///
    /// ## Known limits
    /// Only dates whose order is certain count: "2020 – Mar 2020" is not flagged, since
    /// "2020" may mean any month of that year. No fix: which of the two dates is wrong is
    /// for you to say.
    pub struct EndBeforeStart {
        id: "end-before-start",
        category: Dates,
        severity: Warning,
        fix: None,
    }
}

impl Rule for EndBeforeStart {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        for role in &cx.resume.roles {
            let period = &role.period;
            let (Some(start), Some(end)) = (&period.start, period.end_date()) else {
                continue;
            };
            if start.date.certainly_cmp(&end.date) != Some(Ordering::Greater) {
                continue;
            }
            // One line ("Mar 2021 – Feb 2020"): the whole range; two fields: the end.
            let range = if role.end.is_none() {
                dates_range(role).unwrap_or(end.span)
            } else {
                end.span
            };
            let message = if role.end.is_none() {
                format!(
                    "\"{}\" ends before it starts",
                    range.slice(cx.source).trim()
                )
            } else {
                format!(
                    "End date \"{}\" is before start date \"{}\"",
                    written(cx.source, end),
                    written(cx.source, start)
                )
            };
            sink.report(range, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const R: RuleId = RuleId::EndBeforeStart;

    #[test]
    fn doc() {
        crate::rules::layout::check_doc(R, super::EndBeforeStart::META.doc);
    }

    #[test]
    fn flags_an_end_before_the_start_in_every_format() {
        let md = "## Experience\n\n### Engineer, Acme (2021 – 2019)\n\n- Shipped it\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["2021 – 2019"]);
        assert_eq!(
            messages(R, Format::Markdown, md),
            ["\"2021 – 2019\" ends before it starts"]
        );
        let yaml = "work:\n  - name: Acme\n    startDate: 2021-03\n    endDate: 2021-01\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["2021-01"]);
        assert_eq!(
            messages(R, Format::Yaml, yaml),
            ["End date \"2021-01\" is before start date \"2021-03\""]
        );
        let json = r#"{"work":[{"name":"Acme","startDate":"2020-05-01","endDate":"2019-05-01"}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["2019-05-01"]);
    }

    #[test]
    fn uncertain_or_ordered_dates_are_clean() {
        for md in [
            "## Experience\n\n### Engineer, Acme (2019 – 2021)\n",
            "## Experience\n\n### Engineer, Acme (2020 – Mar 2020)\n",
            "## Experience\n\n### Engineer, Acme (Nov – Feb 2021)\n",
            "## Experience\n\n### Engineer, Acme (Jan 2020 – Present)\n",
            "## Experience\n\n### Engineer, Acme (2020)\n",
        ] {
            assert_clean(R, Format::Markdown, md);
        }
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - name: Acme\n    startDate: 2021-03-15\n    endDate: 2021-03-01\n",
        );
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"name":"Acme","startDate":"2019-05-01","endDate":null}]}"#,
        );
    }
}
