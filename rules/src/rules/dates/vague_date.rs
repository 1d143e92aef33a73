use crate::document::dates::{missing_start, month_without_year};
use crate::document::{BlockKind, Format, SectionKind, Text};
use crate::rules::{Context, Rule, Sink, declare_rule};
use std::ops::Range;

declare_rule! {
    /// ## What it does
    /// Flags a role whose dates are not dates: "recently", "a few years", "some time";
    /// months with no year ("Jan – Mar", "May – Present"); a range with no start
    /// ("??? – Present", or an end date field with no start date field); or a length
    /// ("3 years") as a job's only date.
    ///
    /// ## Why is this bad?
    /// Recruiters and ATS software read a role's dates to place it in time and to count
    /// your years of experience. "A few years" tells them neither, and looks like you are
    /// hiding something. The US resume guide lists "using vague dates" among the resume
    /// killers. Write a month and a year at each end ("Jan 2020 – Mar 2023"), or at least
    /// the years.
    ///
    /// ## Example
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind (a few years)
    ///
    /// - Cut settlement time from 3 days to 4 hours
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind (Jan 2020 – Mar 2023)
    ///
    /// - Cut settlement time from 3 days to 4 hours
    /// ```
    ///
    /// ## Known limits
    /// Only a role with no readable date is checked, and in a role line only a part of its
    /// own between separators ("Engineer, Acme (a few years)"): "worked there for a few
    /// years" in a bullet is prose, and "Jan 2020 – Present · 3 yrs" has dates. A role
    /// with no date at all is not flagged (that may be a template or an undated entry).
    pub struct VagueDate {
        id: "vague-date",
        category: Dates,
        severity: Warning,
        fix: None,
    }
}

impl Rule for VagueDate {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let structured = cx.resume.format != Format::Markdown;
        for (index, role) in cx.resume.roles.iter().enumerate() {
            if role.period.start.is_some() {
                continue;
            }
            let is_job = matches!(
                cx.resume.role_section_kind(role),
                Some(SectionKind::Experience | SectionKind::Volunteer)
            );
            if structured {
                // A date field holds nothing but its date.
                for text in role.dates.iter().chain(&role.end) {
                    check_text(cx, text, true, is_job, sink);
                }
                // An end date and no start.
                if role.dates.is_none()
                    && let Some(end) = &role.end
                    && role.period.end.is_some()
                {
                    sink.report(
                        end.span(),
                        format!("\"{}\" ends a role that has no start date", end.as_str()),
                    );
                }
            } else {
                for block in cx
                    .resume
                    .blocks
                    .iter()
                    .filter(|b| b.role == Some(index) && b.kind == BlockKind::RoleHeader)
                {
                    check_text(cx, &block.text, false, is_job, sink);
                }
            }
        }
    }
}

/// `job`: the role is a job or a volunteer role, where a length ("3 years") stands for
/// dates; a project may well give its length alone.
fn check_text(cx: &Context<'_>, text: &Text, whole: bool, job: bool, sink: &mut Sink) {
    let s = text.as_str();
    if let Some(r) = missing_start(s) {
        let written = s.get(r.clone()).unwrap_or("");
        sink.report(
            text.source_range(r),
            format!("\"{written}\" has no start date"),
        );
        return;
    }
    if let Some(r) = month_without_year(s, whole) {
        let written = s.get(r.clone()).unwrap_or("");
        sink.report(text.source_range(r), format!("\"{written}\" has no year"));
        return;
    }
    for r in segments(s) {
        let Some(written) = s.get(r.clone()) else {
            continue;
        };
        let phrase = normalize(written);
        let message = if cx.data().dates.is_vague(&phrase) {
            format!("\"{written}\" is not a date")
        } else if job && is_length(&phrase) {
            format!("\"{written}\" is a length of time, not dates")
        } else {
            continue;
        };
        sink.report(text.source_range(r), message);
    }
}

/// The parts of a role line between separators, trimmed: "Engineer", "Acme", "a few
/// years" in "Engineer, Acme (a few years)".
fn segments(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev = ' ';
    let push = |from: usize, to: usize, out: &mut Vec<Range<usize>>| {
        let part = s.get(from..to).unwrap_or("");
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    for (i, c) in s.char_indices() {
        let sep = matches!(
            c,
            '|' | ',' | '(' | ')' | '[' | ']' | '·' | '•' | '–' | '—' | ';' | ':' | '\n'
        ) || c == '-' && prev.is_whitespace();
        if sep {
            push(start, i, &mut out);
            start = i + c.len_utf8();
        }
        prev = c;
    }
    push(start, s.len(), &mut out);
    out
}

/// Lowercase, without outer punctuation, emphasis or a leading "for" / "over" / "the
/// past": "For the past few years." -> "few years".
fn normalize(written: &str) -> String {
    let mut lower = written
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_lowercase();
    loop {
        let stripped = [
            "for ", "over ", "the ", "past ", "last ", "about ", "around ", "almost ", "nearly ",
        ]
        .iter()
        .find_map(|p| lower.strip_prefix(p));
        match stripped {
            Some(rest) => lower = rest.trim_start().to_owned(),
            None => return lower,
        }
    }
}

/// "3 years", "2+ yrs", "two years", "1 yr 6 mos", "18 months": a length, not dates.
fn is_length(phrase: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    const UNITS: &[&str] = &["year", "years", "yr", "yrs", "month", "months", "mo", "mos"];
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || !words.len().is_multiple_of(2) || words.len() > 4 {
        return false;
    }
    words.chunks(2).all(|pair| match pair {
        [n, unit] => {
            let n = n.trim_end_matches('+');
            let number =
                !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.') && n.len() <= 4
                    || NUMBERS.contains(&n);
            number && UNITS.contains(&unit.trim_end_matches('.'))
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const R: RuleId = RuleId::VagueDate;

    #[test]
    fn doc() {
        crate::rules::layout::check_doc(R, super::VagueDate::META.doc);
    }

    #[test]
    fn flags_vague_dates_in_markdown() {
        let md = "## Experience\n\n### Engineer, Acme (a few years)\n\n- Shipped it\n\n\
                  ### Analyst | Globex | Recently\n\n- Shipped it\n\n\
                  ### Intern, Initech (Jan – Mar)\n\n- Shipped it\n\n\
                  ### Lead, Hooli — May – Present\n\n- Shipped it\n\n\
                  ### Clerk, Umbrella (3 years)\n\n- Shipped it\n\n\
                  ### Creator, Blog (??? — Present)\n";
        assert_eq!(
            flagged(R, Format::Markdown, md),
            [
                "a few years",
                "Recently",
                "Jan – Mar",
                "May – Present",
                "3 years",
                "??? — Present"
            ]
        );
        assert_eq!(
            messages(R, Format::Markdown, md),
            [
                "\"a few years\" is not a date",
                "\"Recently\" is not a date",
                "\"Jan – Mar\" has no year",
                "\"May – Present\" has no year",
                "\"3 years\" is a length of time, not dates",
                "\"??? — Present\" has no start date",
            ]
        );
    }

    #[test]
    fn flags_vague_date_fields_in_yaml_and_json() {
        let yaml = "work:\n  - name: Acme\n    startDate: March\n    endDate: June\n\
                    \x20 - name: Globex\n    date: some time\n";
        assert_eq!(
            flagged(R, Format::Yaml, yaml),
            ["March", "June", "some time"]
        );
        let json = r#"{"work":[{"name":"Acme","dates":"2+ years"},{"name":"Globex","endDate":"2020-01"}]}"#;
        assert_eq!(
            messages(R, Format::Json, json),
            [
                "\"2+ years\" is a length of time, not dates",
                "\"2020-01\" ends a role that has no start date"
            ]
        );
    }

    #[test]
    fn real_dates_and_prose_are_clean() {
        for md in [
            "## Experience\n\n### Engineer, Acme (Jan 2020 – Present)\n\n- Worked there for a few years\n",
            "## Experience\n\n### Engineer, Acme (Jan 2020 – Present · 3 yrs)\n",
            "## Experience\n\n### Engineer, Acme (Jan – Mar 2020)\n",
            "## Experience\n\n### Engineer, Acme\n\n- Recently shipped a feature\n",
            "## Experience\n\n### Recent Projects\n\n- Shipped it\n",
            "## Experience\n\n### Engineer, Acme (Dates)\n",
            "## Skills\n\n- Rust (5 years)\n",
            "## Projects\n\n### Compiler (2 years)\n\n- Wrote it\n",
            "## Experience\n\n### May the best team win\n",
        ] {
            assert_clean(R, Format::Markdown, md);
        }
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - name: Acme\n    startDate: 2020-01\n    endDate: 2021-06\n",
        );
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"name":"Acme","startDate":"","summary":"Did it for a few years"}]}"#,
        );
    }
}
