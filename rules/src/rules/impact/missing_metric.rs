use crate::diagnostic::{Edit, Fix};
use crate::document::{BlockKind, SectionKind};
use crate::matchers::words;
use crate::rules::verbs::weak_opener::{ListShape, list_shape};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags an achievement bullet (a top-level bullet under a role, or in an experience
    /// or volunteer section; project bullets describe the project and are left alone) with nothing measurable in it: no digit, no "%",
    /// no currency sign, no number word ("two", "hundred", "million"), no multiplier
    /// ("doubled", "halved", "2x") and no frequency ("weekly"). A bullet whose sub-bullets
    /// carry the number is fine. Bullets of fewer than four words, lists of technologies
    /// ("Rust, Go, Python", "Built with Rust and Tokio"), labels ("Stack: Rust") and
    /// recognitions ("Won the …prize", "Promoted to …") are skipped.
    ///
    /// ## Why is this bad?
    /// The US resume guide puts it first: recruiters "look for impact (metrics)" and "rank
    /// resumes higher when they see impact (e.g. 'Increased conversion by 20%') instead of
    /// duties". A number (percentage, money, time saved, team size, users) shows the size
    /// of what you did; without one, the bullet reads as a duty.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Automated the month-end close for the finance team
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Automated the close for a 12-person finance team, cutting it from 6 days to 2
    /// ```
    ///
    /// ## Fix
    /// Suggestions that append a placeholder, never an invented number: " by [N]%" or
    /// " from [X] to [Y]" after a verb of change ("Reduced", "Improved"), " for [N] users"
    /// or ", saving [N] hours a week" otherwise. `unfilled-placeholder` then reports the
    /// placeholder until you replace it with the real figure.
    ///
    /// ## Known limits
    /// Any digit counts, so "Migrated to Python 3" passes although a version is not a result.
    /// A bullet that states a duty and no outcome ("Handled customer calls for the billing
    /// team") is left to `duty-not-achievement` when that rule is on.
    pub struct MissingMetric {
        id: "missing-metric",
        category: Impact,
        severity: Warning,
        fix: Sometimes,
    }
}

/// Verbs of change, whose result reads as "by [N]%" (base forms).
const CHANGE_VERBS: &[&str] = &[
    "accelerate",
    "boost",
    "cut",
    "decrease",
    "expand",
    "grow",
    "improve",
    "increase",
    "lower",
    "optimize",
    "raise",
    "reduce",
    "shorten",
    "speed",
];

/// Where text can be appended to a bullet: its end in the source, before a final period.
/// None where the end of the text does not map to the source verbatim, or where a plain
/// YAML scalar continues on its line (a flow collection, where "[" is syntax).
pub(crate) fn append_point(cx: &Context<'_>, text: &crate::document::Text) -> Option<usize> {
    let s = text.as_str();
    let body = s.trim_end();
    let end = body.strip_suffix('.').map_or(body.len(), str::len);
    if end == 0 || !text.is_verbatim(end.saturating_sub(1)..end) {
        return None;
    }
    let at = text.source_range(end.saturating_sub(1)..end).end();
    if cx.resume.format != crate::document::Format::Markdown {
        let rest_of_line = cx.source.get(at..).unwrap_or("");
        let rest_of_line = rest_of_line.split('\n').next().unwrap_or("").trim();
        let closes_scalar = rest_of_line.is_empty()
            || rest_of_line.starts_with('#')
            || rest_of_line.starts_with(['"', '\'']);
        if !closes_scalar {
            return None;
        }
    }
    Some(at)
}

/// One suggestion per placeholder phrasing, appended at the end of the bullet (see
/// `append_point`).
fn placeholder_fixes(cx: &Context<'_>, text: &crate::document::Text) -> Vec<Fix> {
    let Some(at) = append_point(cx, text) else {
        return Vec::new();
    };
    let s = text.as_str();
    let verbs = &cx.data().verbs;
    let first = words(s)
        .next()
        .map(|(_, w)| w.to_lowercase())
        .unwrap_or_default();
    let change = verbs
        .base_of(&first)
        .is_some_and(|base| CHANGE_VERBS.contains(&base));
    let phrasings: &[&str] = if change {
        &[" by [N]%", " from [X] to [Y]"]
    } else {
        &[" for [N] users", ", saving [N] hours a week"]
    };
    phrasings
        .iter()
        .map(|p| {
            Fix::suggestion(
                format!("Add a placeholder metric: \"…{p}\""),
                vec![Edit::insert(at, *p)],
            )
        })
        .collect()
}

/// Words that carry a quantity (sorted: searched by bisection).
const NUMBER_WORDS: &[&str] = &[
    "annually",
    "billion",
    "billions",
    "daily",
    "days",
    "double",
    "doubled",
    "doubling",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "half",
    "halved",
    "halving",
    "hourly",
    "hours",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "milliseconds",
    "minutes",
    "monthly",
    "months",
    "nine",
    "nineteen",
    "ninety",
    "one",
    "percent",
    "quadrupled",
    "quarterly",
    "seconds",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "thirteen",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "thrice",
    "triple",
    "tripled",
    "tripling",
    "twelve",
    "twenty",
    "twice",
    "two",
    "weekly",
    "weeks",
    "yearly",
    "years",
    "zero",
];

/// Words of a bullet that reports a recognition: the award or promotion is the result
/// (sorted: searched by bisection).
const RECOGNITION: &[&str] = &[
    "award",
    "awarded",
    "awards",
    "certification",
    "certified",
    "champion",
    "elected",
    "fellowship",
    "finalist",
    "honor",
    "honors",
    "honour",
    "honours",
    "medal",
    "nominated",
    "patent",
    "prize",
    "promoted",
    "promotion",
    "scholarship",
    "winner",
    "won",
];

/// "Built with Next.js and Postgres": the technologies of a project, not an achievement.
fn is_stack_line(text: &str) -> bool {
    [
        "built with ",
        "built using ",
        "developed with ",
        "made with ",
        "powered by ",
        "written in ",
        "tech stack",
        "technologies used",
        "tools used",
        "using ",
    ]
    .iter()
    .any(|p| starts_with_lowercase(text, p))
}

/// Whether `text.to_lowercase()` starts with the ASCII `prefix`, lowercasing only as
/// many chars as needed (a char lowercases the same alone as in a string, but for a
/// final sigma, which is not ASCII either way).
fn starts_with_lowercase(text: &str, prefix: &str) -> bool {
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|c| lower.next() == Some(c))
}

/// Whether `word` lowercased is in `list` (sorted lowercase ASCII words).
fn in_list(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        // No lowercased copy: compare byte by byte, lowercasing on the fly.
        list.binary_search_by(|w| w.bytes().cmp(word.bytes().map(|b| b.to_ascii_lowercase())))
            .is_ok()
    } else {
        list.binary_search(&word.to_lowercase().as_str()).is_ok()
    }
}

pub(crate) fn is_recognition_word(w: &str) -> bool {
    in_list(w, RECOGNITION)
}

/// Whether a word (or a part of a hyphenated one) is a number word.
pub(crate) fn is_number_word(w: &str) -> bool {
    if w.is_ascii() {
        return in_list(w, NUMBER_WORDS) || w.split('-').any(|part| in_list(part, NUMBER_WORDS));
    }
    let w = w.to_lowercase();
    let listed = |part: &str| NUMBER_WORDS.binary_search(&part).is_ok();
    listed(&w) || w.split('-').any(listed)
}

/// Whether `text` has a digit or a quantity symbol.
pub(crate) fn has_metric_char(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '%' | '$' | '€' | '£' | '¥' | '₹' | '×'))
}

/// Whether `text` states a quantity.
pub(crate) fn has_metric(text: &str) -> bool {
    has_metric_char(text) || words(text).any(|(_, w)| is_number_word(w))
}

impl Rule for MissingMetric {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let blocks = &cx.resume.blocks;
        for (i, block) in blocks.iter().enumerate() {
            // Project bullets describe what a project does; impact is asked of roles.
            // A duty with no outcome is `duty-not-achievement`'s, when it is on.
            if !cx.is_achievement(i)
                || cx.resume.section_kind(block) == Some(SectionKind::Projects)
                || cx.duty_claims(i)
            {
                continue;
            }
            let text = block.text.as_str();
            // Cheapest tests first; all of them must pass. One pass over the words
            // counts them and looks for a number word or a recognition.
            if has_metric_char(text)
                || text.trim_end().ends_with(':')
                || super::unfilled_placeholder::has_placeholder(text)
            {
                continue;
            }
            let mut count = 0;
            let mut stated = false;
            for (_, w) in words(text) {
                count += 1;
                if is_number_word(w) || is_recognition_word(w) {
                    stated = true;
                    break;
                }
            }
            if stated || count < 4 || is_stack_line(text) || list_shape(text) != ListShape::Sentence
            {
                continue;
            }
            // The number may sit in the bullet's sub-bullets.
            let details = blocks
                .iter()
                .skip(i + 1)
                .take_while(|b| b.kind == BlockKind::Bullet && b.depth > 0);
            if details.clone().any(|b| has_metric(b.text.as_str())) {
                continue;
            }
            let excerpt = excerpt(text, 6);
            sink.report_with(
                block.text.source_range(0..text.len()),
                format!("No number or measurable result in \"{excerpt}\""),
                placeholder_fixes(cx, &block.text),
            );
        }
    }
}

/// The first `n` words of `text`, with "…" when cut.
pub(crate) fn excerpt(text: &str, n: usize) -> String {
    match words(text).nth(n) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text).trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, diagnostics, flagged, messages};

    const R: RuleId = RuleId::MissingMetric;

    #[test]
    fn word_lists_are_sorted_for_bisection() {
        for list in [super::NUMBER_WORDS, super::RECOGNITION] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    fn md(bullets: &str) -> String {
        format!("# Experience\n\n**Analyst**, Acme | 2019 – 2022\n\n{bullets}")
    }

    #[test]
    fn flags_a_bullet_without_numbers() {
        let doc =
            md("- Automated the monthly close\n- Rebuilt the billing pipeline for the team\n");
        assert_eq!(
            flagged(R, Format::Markdown, &doc),
            ["Rebuilt the billing pipeline for the team"]
        );
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            ["No number or measurable result in \"Rebuilt the billing pipeline for the…\""]
        );
        assert_eq!(diagnostics(R, Format::Markdown, &doc)[0].fixes.len(), 2);
    }

    #[test]
    fn numbers_in_any_form_count() {
        for bullet in [
            "Cut cloud spend by 30% in a quarter",
            "Saved $2M a year in licences",
            "Saved €40k on hosting costs",
            "Grew the user base to 1.2M users",
            "Led a team of five engineers",
            "Doubled the conversion rate on checkout",
            "Halved build times with remote caching",
            "Made the test suite 10× faster",
            "Served hundreds of thousands of requests",
            "Shipped releases weekly instead of quarterly",
            "Onboarded twenty-two new hires",
            "Reached zero downtime during the migration",
            "Reduced experiment turnaround from hours to minutes",
        ] {
            assert_clean(R, Format::Markdown, &md(&format!("- {bullet}\n")));
        }
    }

    #[test]
    fn skips_non_achievements() {
        for bullet in [
            "Built CI",
            "Rust, Go, Python, Kubernetes",
            "Stack: Rust, Tokio, Postgres and Redis",
            "hirelint — a linter for resumes in Rust",
            "Key projects:",
            "Won 'Best Presentation on an Emerging Technical Field' prize",
            "Promoted to senior analyst ahead of schedule",
            "Built with Next.js, PostgreSQL, and Prisma on Vercel",
        ] {
            assert_clean(R, Format::Markdown, &md(&format!("- {bullet}\n")));
        }
        // Skills and education bullets are not achievements.
        assert_clean(
            R,
            Format::Markdown,
            "# Skills\n\n- Building data pipelines with Rust\n\n# Education\n\n**BSc Physics**, MIT | 2015 – 2019\n\n- Thesis on the thermal noise of detectors\n",
        );
    }

    #[test]
    fn a_role_line_that_names_another_section_is_not_a_role() {
        // "### Skills" under a "## Title" section reads as a role; its bullets are skills.
        let doc = "# Jane Doe\n\n## Senior Developer\n\n### Skills {#skills}\n\n* Web design for small business clients\n";
        assert_clean(R, Format::Markdown, doc);
    }

    #[test]
    fn project_bullets_describe_the_project() {
        let doc = "# Projects\n\n**hirelint** | 2024\n\n- Renders surfaces in WebGL with adjustable controls\n";
        assert_clean(R, Format::Markdown, doc);
    }

    #[test]
    fn details_in_sub_bullets_count_and_are_not_checked() {
        let doc = md(
            "- Rebuilt the billing pipeline for the team\n  - Cut failed charges by 40%\n  - Wrote the runbook for on-call staff\n",
        );
        assert_clean(R, Format::Markdown, &doc);
    }

    #[test]
    fn yaml_and_json() {
        let yaml = "work:\n  - position: Analyst\n    startDate: 2019-01\n    highlights:\n      - Rebuilt the billing pipeline for the team\n      - Cut failed charges by 40%\n";
        assert_eq!(
            flagged(R, Format::Yaml, yaml),
            ["Rebuilt the billing pipeline for the team"]
        );
        let json = r#"{"work":[{"position":"Analyst","startDate":"2020-01","highlights":["Rebuilt the billing pipeline for the team","Cut failed charges by 40%"]}]}"#;
        assert_eq!(
            flagged(R, Format::Json, json),
            ["Rebuilt the billing pipeline for the team"]
        );
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"position":"Analyst","highlights":["Cut failed charges by 40%"]}]}"#,
        );
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - position: Analyst\n    highlights:\n      - Cut failed charges by 40%\n",
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::MissingMetric::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }

    #[test]
    fn placeholder_fixes_in_every_format() {
        use crate::testing::{apply_fix, fix_titles};
        let md = "# Experience\n\n**Analyst**, Acme | 2019 – 2022\n\n- Reduced the month-end close for the finance team.\n";
        assert_eq!(
            fix_titles(R, Format::Markdown, md),
            [
                "Add a placeholder metric: \"… by [N]%\"",
                "Add a placeholder metric: \"… from [X] to [Y]\""
            ]
        );
        assert_eq!(
            apply_fix(R, Format::Markdown, md, 0),
            "# Experience\n\n**Analyst**, Acme | 2019 – 2022\n\n- Reduced the month-end close for the finance team by [N]%.\n"
        );
        let yaml = "work:\n  - position: Dev\n    startDate: 2019-01\n    endDate: 2021-01\n    highlights:\n      - Built the customer portal for the sales team\n      - \"Built the partner portal for the sales team\"\n";
        let fixed = apply_fix(R, Format::Yaml, yaml, 0);
        assert!(
            fixed.contains("      - Built the customer portal for the sales team for [N] users\n"),
            "{fixed}"
        );
        // The result is still YAML, and the placeholder now satisfies this rule.
        assert!(diagnostics(RuleId::SyntaxError, Format::Yaml, &fixed).is_empty());
        assert_eq!(flagged(R, Format::Yaml, &fixed).len(), 1);
        let json = r#"{"work":[{"position":"Dev","startDate":"2019-01","endDate":"2021-01","highlights":["Built the customer portal for the sales team"]}]}"#;
        let fixed = apply_fix(R, Format::Json, json, 1);
        assert!(
            fixed.contains(
                r#""Built the customer portal for the sales team, saving [N] hours a week""#
            ),
            "{fixed}"
        );
        assert!(diagnostics(RuleId::SyntaxError, Format::Json, &fixed).is_empty());
        assert!(flagged(R, Format::Json, &fixed).is_empty());
    }

    #[test]
    fn no_placeholder_fix_inside_a_flow_sequence() {
        let yaml = "work:\n  - position: Dev\n    highlights: [Built the customer portal for the sales team, Wrote docs for the whole team]\n";
        let d = diagnostics(R, Format::Yaml, yaml);
        assert!(!d.is_empty());
        assert!(d.iter().all(|d| d.fixes.is_empty()), "{d:?}");
    }
}
