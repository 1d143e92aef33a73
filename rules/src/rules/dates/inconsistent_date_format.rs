use super::written;
use crate::diagnostic::{Edit, Fix};
use crate::document::Format;
use crate::document::dates::{RoleDate, Style};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags role dates written in a different format from the resume's other dates:
    /// "01/2020" among "Jan 2020"s, or "January 2020" among "2020-01"s. The format most
    /// dates use wins; the first one written breaks a tie.
    ///
    /// ## Why is this bad?
    /// Consistent formatting is one of the things recruiters check in a quick scan; mixed
    /// formats look careless, and an ATS that learnt one format from your first role may
    /// misread the others.
    ///
    /// ## Example
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind — Jan 2021 – Present
    ///
    /// ### Developer, Contoso — 06/2018 – Dec 2020
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Experience
    ///
    /// ### Backend Engineer, Northwind — Jan 2021 – Present
    ///
    /// ### Developer, Contoso — Jun 2018 – Dec 2020
    /// ```
    ///
    /// ```json
    /// {"work": [
    ///   {"name": "Northwind", "startDate": "2021-01-01"},
    ///   {"name": "Contoso", "startDate": "2018-06-01", "endDate": "2020-12-31"}
    /// ]}
    /// ```
    ///
    /// ## Fix
    /// A safe fix rewrites the date in the dominant format ("06/2018" to "Jun 2018"),
    /// where the date is written as is in the source and has no day (a day would be lost).
    ///
    /// ## Known limits
    /// Only formats that name a month are compared: "Jan 2020", "Jan. 2020", "January
    /// 2020", "2020-01" and "01/2020". Years alone ("2019 – 2021"), seasons and short
    /// years are a precision choice, not a format. "May", "June", "July", "March" and
    /// "April" fit both the short and the long month style. The separator is part of a
    /// numeric format: "2020.01" and "2020-01" differ. In YAML and JSON, dates in
    /// the ISO format ("2020-01", "2020-01-15") are the schema's machine format (JSON
    /// Resume and RenderCV require it in `startDate` / `start_date`), not your style:
    /// they are left out, and only the other dates are compared with one another.
    pub struct InconsistentDateFormat {
        id: "inconsistent-date-format",
        category: Dates,
        severity: Info,
        fix: Sometimes,
    }
}

/// Whether a style writes the month's name ("Jan", "Jan.", "January", or "May").
fn is_named(style: Style) -> bool {
    matches!(
        style,
        Style::MonthShort | Style::MonthShortDot | Style::MonthLong | Style::MonthEither
    )
}

/// A date's format: its style and, for "2020-01" / "01/2020", the separator it uses
/// ("2020.01" and "2020-01" are two formats).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    style: Style,
    sep: Option<char>,
}

fn key_of(source: &str, date: &RoleDate) -> Key {
    let text = written(source, date);
    let sep = match date.date.style {
        Style::YearFirst => text.chars().nth(4),
        Style::MonthFirst => text.chars().find(|c| !c.is_ascii_digit()),
        _ => None,
    };
    Key {
        style: date.date.style,
        sep,
    }
}

/// Whether a date of format `key` fits a resume whose format is `dominant`.
fn fits(key: Key, dominant: Key) -> bool {
    key == dominant || key.style == Style::MonthEither && is_named(dominant.style)
}

/// The key most dates map to under `group` (`None`: not counted); the first written
/// breaks a tie.
fn most_used(keys: &[Key], group: impl Fn(Key) -> Option<Key>) -> Option<Key> {
    let mut best: Option<(Key, usize)> = None;
    let mut seen: Vec<Key> = Vec::new();
    for k in keys.iter().filter_map(|k| group(*k)) {
        if seen.contains(&k) {
            continue;
        }
        seen.push(k);
        let count = keys.iter().filter(|x| group(**x) == Some(k)).count();
        if best.is_none_or(|(_, c)| count > c) {
            best = Some((k, count));
        }
    }
    best.map(|(k, _)| k)
}

/// `year`-`month` written in the format `key`.
fn write(key: Key, year: u16, month: u8) -> Option<String> {
    let text = key.style.write(year, month)?;
    Some(match (key.style, key.sep) {
        (Style::YearFirst, Some(sep)) => text.replacen('-', &sep.to_string(), 1),
        (Style::MonthFirst, Some(sep)) => text.replacen('/', &sep.to_string(), 1),
        _ => text,
    })
}

impl Rule for InconsistentDateFormat {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let structured = cx.resume.format != Format::Markdown;
        let dates: Vec<&RoleDate> = cx
            .resume
            .roles
            .iter()
            .flat_map(|r| r.period.dates())
            .filter(|d| d.date.style.has_month())
            .filter(|d| !(structured && d.date.style == Style::YearFirst))
            .collect();
        let keys: Vec<Key> = dates.iter().map(|d| key_of(cx.source, d)).collect();
        // First the family: month names ("May 2020" counts as one), "2020-01" or
        // "01/2020"; then, among names, the short, dotted or long style.
        let named = Key {
            style: Style::MonthShort,
            sep: None,
        };
        let Some(family) = most_used(&keys, |k| Some(if is_named(k.style) { named } else { k }))
        else {
            return;
        };
        let dominant = if family == named {
            most_used(&keys, |k| {
                (is_named(k.style) && k.style != Style::MonthEither).then_some(k)
            })
            .unwrap_or(named)
        } else {
            family
        };
        // An example of the dominant format, as the resume writes it.
        let example = dates
            .iter()
            .zip(&keys)
            .find(|(_, k)| fits(**k, dominant))
            .map(|(d, _)| written(cx.source, d))
            .unwrap_or("");
        for (date, key) in dates.iter().zip(&keys) {
            if fits(*key, dominant) {
                continue;
            }
            let text = written(cx.source, date);
            let fixes = match date.date.month {
                Some(month) if date.verbatim && date.date.day.is_none() => {
                    write(dominant, date.date.year, month)
                        .map(|new| {
                            vec![Fix::safe(
                                format!("Replace \"{text}\" with \"{new}\""),
                                vec![Edit::replace(date.span, new)],
                            )]
                        })
                        .unwrap_or_default()
                }
                _ => Vec::new(),
            };
            sink.report_with(
                date.span,
                format!("\"{text}\" is written differently from the other dates (\"{example}\")"),
                fixes,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{apply_fix, assert_clean, fix_titles, flagged, messages};

    const R: RuleId = RuleId::InconsistentDateFormat;

    #[test]
    fn doc() {
        crate::rules::layout::check_doc(R, super::InconsistentDateFormat::META.doc);
    }

    #[test]
    fn flags_the_odd_format_out_in_markdown() {
        let md = "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (06/2018 – Dec 2020)\n\n\
                  ### C (Feb 2016 – 2018-05)\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["06/2018", "2018-05"]);
        assert_eq!(
            messages(R, Format::Markdown, md)[0],
            "\"06/2018\" is written differently from the other dates (\"Jan 2021\")"
        );
        assert_eq!(
            fix_titles(R, Format::Markdown, md),
            ["Replace \"06/2018\" with \"Jun 2018\""]
        );
        assert_eq!(
            apply_fix(R, Format::Markdown, md, 0),
            md.replace("06/2018", "Jun 2018")
        );
    }

    #[test]
    fn long_month_names_are_a_format_too() {
        let md = "## Experience\n\n### A (January 2021 – Present)\n\n### B (September 2018 – Dec 2020)\n\n\
                  ### C (February 2016 – August 2018)\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["Dec 2020"]);
        assert_eq!(
            apply_fix(R, Format::Markdown, md, 0),
            md.replace("Dec 2020", "December 2020")
        );
    }

    #[test]
    fn compares_free_text_dates_in_yaml_and_json() {
        let yaml = "cv:\n  sections:\n    experience:\n      - company: A\n        date: Jan 2021\n\
                    \x20     - company: B\n        date: 03/2019\n      - company: C\n        date: Feb 2017\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["03/2019"]);
        let json = r#"{"work":[{"name":"A","dates":"Jan 2021 - Present"},{"name":"B","dates":"January 2018 - Dec 2020"}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["January 2018"]);
    }

    #[test]
    fn iso_fields_one_format_and_months_that_fit_are_clean() {
        for md in [
            "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (Sept 2015 – June 2020)\n",
            "## Experience\n\n### A (2021-01 – Present)\n\n### B (2015-09 – 2020-06)\n",
            "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (2015 – 2020)\n",
            "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (Summer 2019)\n",
        ] {
            assert_clean(R, Format::Markdown, md);
        }
        // ISO in startDate / endDate is the schema's format, whatever other fields say.
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"name":"A","startDate":"2021-01-01"},{"name":"B","startDate":"2018-06","endDate":"2020-12"},
                {"name":"C","dates":"Jan 2017"}]}"#,
        );
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - name: A\n    startDate: 2021-01\n  - name: B\n    startDate: 2019-03\n    endDate: 2020-12\n",
        );
    }

    #[test]
    fn months_that_fit_every_name_style_count_as_names() {
        let md = "## Experience\n\n### A (May 2021 – Present)\n\n### B (June 2018 – July 2020)\n\n\
                  ### C (2016-01 – March 2018)\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["2016-01"]);
        assert_eq!(
            fix_titles(R, Format::Markdown, md),
            ["Replace \"2016-01\" with \"Jan 2016\""]
        );
    }

    #[test]
    fn separators_are_part_of_the_format() {
        let md = "## Experience\n\n### A (2021.01 – Present)\n\n### B (2018.06 – 2020.12)\n\n\
                  ### C (2016-02 – 2018-05)\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["2016-02", "2018-05"]);
        assert_eq!(
            messages(R, Format::Markdown, md)[0],
            "\"2016-02\" is written differently from the other dates (\"2021.01\")"
        );
        assert_eq!(
            apply_fix(R, Format::Markdown, md, 0),
            md.replace("2016-02", "2016.02")
        );
    }

    #[test]
    fn a_date_with_a_day_gets_no_fix() {
        let md = "## Experience\n\n### A (Jan 2021 – Present)\n\n### B (Feb 2019 – 01/15/2020)\n";
        assert_eq!(flagged(R, Format::Markdown, md), ["01/15/2020"]);
        assert!(fix_titles(R, Format::Markdown, md).is_empty());
    }
}
