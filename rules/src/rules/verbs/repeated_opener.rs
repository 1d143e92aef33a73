use crate::data::{Form, Tense, Verbs};
use crate::diagnostic::{Edit, Fix};
use crate::matchers::match_case;
use crate::rules::verbs::weak_opener::{Tok, find, is_current_role, opener_verb};
use crate::rules::{Context, Rule, Sink, declare_rule};
use foldhash::{HashMap, HashMapExt, HashSet};

declare_rule! {
    /// ## What it does
    /// Flags a verb that opens too many achievement bullets: more than two bullets of one
    /// role (or of one section without roles), or more than four bullets of the whole
    /// resume. Forms of a verb count together ("Led", "Lead", "Leads", "Leading"). The
    /// first uses are fine; each use past the limit is reported, in document order.
    ///
    /// ## Why is this bad?
    /// Recruiters scan the first word of each bullet. Three bullets in a row that start
    /// with "Developed" read as one claim made three times, and hide what was different
    /// about each; varied, precise verbs ("Designed", "Migrated", "Automated") show the
    /// range of what you did, and the US resume guide asks for a strong action verb on
    /// every bullet.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// **Engineering Manager**, Acme | 2019 – 2022
    ///
    /// - Led the migration of 40 services to Kubernetes
    /// - Led a team of 6 engineers across two time zones
    /// - Led the on-call rotation for the payments platform
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// **Engineering Manager**, Acme | 2019 – 2022
    ///
    /// - Led the migration of 40 services to Kubernetes
    /// - Managed a team of 6 engineers across two time zones
    /// - Ran the on-call rotation for the payments platform
    /// ```
    ///
    /// ## Fix
    /// Suggestions replace the verb with up to three close synonyms (`synonyms` in
    /// `rules/data/verbs.toml`: "Led" becomes "Directed", "Headed", "Oversaw"…) that no
    /// bullet of the resume opens with yet, in the same form as the original ("Leads"
    /// becomes "Directs"). Each repeated use offers the synonyms in a different order, so
    /// accepting the first suggestion everywhere does not create a new repetition. A verb
    /// without listed synonyms, or with several senses ("Trained" a model or a team), is
    /// reported without a fix. A synonym can still read oddly with a given object
    /// ("Enhanced latency"): read the suggestion before you take it.
    ///
    /// ## Known limits
    /// Only the verb that opens a bullet counts (after "I" or "we"), not verbs later in
    /// the bullet, nor sentences of paragraphs. Weak openers ("Helped", "Worked on") do
    /// not count: `weak-opener` reports each of them. The limits do not grow with the
    /// length of the resume.
    pub struct RepeatedOpener {
        id: "repeated-opener",
        category: Verbs,
        severity: Info,
        fix: Sometimes,
    }
}

/// Bullets of one role that may open with the same verb.
const PER_ROLE: usize = 2;
/// Bullets of the whole resume that may open with the same verb.
const PER_RESUME: usize = 4;
/// Suggestions per diagnostic.
const MAX_FIXES: usize = 3;

/// The role, or else the section, a bullet belongs to.
type Group = (Option<usize>, Option<usize>);

/// A bullet's opening verb.
struct Use<'a> {
    block: usize,
    tok: usize,
    base: &'a str,
    form: Form,
    group: Group,
}

impl Rule for RepeatedOpener {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let verbs = &cx.data().verbs;
        let mut uses = Vec::new();
        for (index, block) in cx.resume.blocks.iter().enumerate() {
            if !cx.is_achievement(index) {
                continue;
            }
            let text = block.text.as_str();
            let toks = cx.tokens(index);
            if text.trim_end().ends_with('?') || find(verbs, text, toks, 0, Tense::Past).is_some() {
                continue;
            }
            let Some(op) = opener_verb(verbs, text, toks) else {
                continue;
            };
            let group = match block.role {
                Some(role) => (Some(role), None),
                None => (None, block.section),
            };
            uses.push(Use {
                block: index,
                tok: op.index,
                base: op.base,
                form: op.form,
                group,
            });
        }
        let used: HashSet<&str> = uses.iter().map(|u| u.base).collect();
        let mut in_group: HashMap<(Group, &str), usize> = HashMap::new();
        for u in &uses {
            *in_group.entry((u.group, u.base)).or_default() += 1;
        }
        let mut in_resume: HashMap<&str, usize> = HashMap::new();
        for u in &uses {
            *in_resume.entry(u.base).or_default() += 1;
        }
        let mut seen_group: HashMap<(Group, &str), usize> = HashMap::new();
        let mut seen_resume: HashMap<&str, usize> = HashMap::new();
        let mut reported: HashMap<&str, usize> = HashMap::new();
        for u in &uses {
            let g = seen_group.entry((u.group, u.base)).or_default();
            *g += 1;
            let r = seen_resume.entry(u.base).or_default();
            *r += 1;
            let (Some(block), Some(tok)) =
                (cx.resume.blocks.get(u.block), cx.tokens(u.block).get(u.tok))
            else {
                continue;
            };
            let word = tok.word;
            let message = if *g > PER_ROLE {
                let total = in_group.get(&(u.group, u.base)).copied().unwrap_or(*g);
                let unit = if u.group.0.is_some() {
                    "one role"
                } else {
                    "one section"
                };
                format!("\"{word}\" opens {total} bullets of {unit}")
            } else if *r > PER_RESUME {
                let total = in_resume.get(u.base).copied().unwrap_or(*r);
                format!("\"{word}\" opens {total} bullets of the resume")
            } else {
                continue;
            };
            let toks = cx.tokens(u.block);
            let nth = reported.entry(u.base).or_default();
            let form = form_for(verbs, tok, u.form, is_current_role(cx.resume, block));
            let fixes = if block.text.is_verbatim(tok.start..tok.end) {
                let range = block.text.source_range(tok.start..tok.end);
                replacements(verbs, u.base, form, &used, toks, *nth)
                    .into_iter()
                    .map(|new| {
                        let new = match_case(tok.word, &new);
                        Fix::suggestion(
                            format!("Replace \"{}\" with \"{new}\"", tok.word),
                            vec![Edit::replace(range, new)],
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            *nth += 1;
            sink.report_with(block.text.source_range(tok.start..tok.end), message, fixes);
        }
    }
}

/// The form the replacement takes: the original's, or for a base that is also its past
/// ("Cut", "Set"), the role's tense.
fn form_for(verbs: &Verbs, tok: &Tok<'_>, form: Form, current: bool) -> Form {
    if form == Form::Base && verbs.is_past_form(&tok.lower) && !current {
        Form::Past
    } else {
        form
    }
}

/// Synonyms of `base` no bullet opens with and the bullet does not use, in `form`,
/// starting at the `nth` of them.
fn replacements(
    verbs: &Verbs,
    base: &str,
    form: Form,
    used: &HashSet<&str>,
    toks: &[Tok<'_>],
    nth: usize,
) -> Vec<String> {
    let in_bullet: HashSet<&str> = toks
        .iter()
        .filter_map(|t| verbs.base_of(&t.lower))
        .collect();
    let fresh: Vec<&String> = verbs
        .synonyms(base)
        .iter()
        .filter(|s| !used.contains(s.as_str()) && !in_bullet.contains(s.as_str()))
        .collect();
    let Some(shift) = nth.checked_rem(fresh.len()) else {
        return Vec::new();
    };
    fresh
        .iter()
        .cycle()
        .skip(shift)
        .take(fresh.len().min(MAX_FIXES))
        .filter_map(|s| verbs.form(s, form))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{apply_fix, assert_clean, diagnostics, flagged, messages};

    const R: RuleId = RuleId::RepeatedOpener;

    fn role(dates: &str, bullets: &[&str]) -> String {
        let mut s = format!("### Engineer, Acme — {dates}\n\n");
        for b in bullets {
            s.push_str(&format!("- {b}\n"));
        }
        s.push('\n');
        s
    }

    fn md(roles: &[String]) -> String {
        format!("## Experience\n\n{}", roles.concat())
    }

    fn titles(format: Format, doc: &str, n: usize) -> Vec<String> {
        diagnostics(R, format, doc)[n]
            .fixes
            .iter()
            .map(|f| f.title.clone())
            .collect()
    }

    #[test]
    fn third_use_in_one_role() {
        let doc = md(&[role(
            "2019 – 2022",
            &[
                "Led the migration of 40 services",
                "Led a team of 6 engineers",
                "Led the on-call rotation",
                "Led the hiring loop",
            ],
        )]);
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Led", "Led"]);
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            [
                "\"Led\" opens 4 bullets of one role",
                "\"Led\" opens 4 bullets of one role"
            ]
        );
        assert_eq!(
            titles(Format::Markdown, &doc, 0),
            [
                "Replace \"Led\" with \"Directed\"",
                "Replace \"Led\" with \"Headed\"",
                "Replace \"Led\" with \"Oversaw\"",
            ]
        );
        // The next use starts from the next synonym.
        assert_eq!(
            titles(Format::Markdown, &doc, 1),
            [
                "Replace \"Led\" with \"Headed\"",
                "Replace \"Led\" with \"Oversaw\"",
                "Replace \"Led\" with \"Spearheaded\"",
            ]
        );
        let out = apply_fix(R, Format::Markdown, &doc, 0);
        assert!(out.contains("- Directed the on-call rotation\n"), "{out}");
    }

    #[test]
    fn forms_count_together_and_the_fix_keeps_the_form() {
        let doc = md(&[role(
            "2019 – Present",
            &[
                "Lead the platform team",
                "Led the move to Rust",
                "Leads the incident reviews",
            ],
        )]);
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Leads"]);
        assert_eq!(
            titles(Format::Markdown, &doc, 0)[0],
            "Replace \"Leads\" with \"Directs\""
        );
        let doc = md(&[role(
            "2019 – Present",
            &[
                "Building the platform team",
                "Building the move to Rust",
                "Building the incident reviews",
            ],
        )]);
        assert_eq!(
            titles(Format::Markdown, &doc, 0)[0],
            "Replace \"Building\" with \"Creating\""
        );
    }

    #[test]
    fn synonyms_already_used_are_not_offered() {
        let doc = md(&[role(
            "2019 – 2022",
            &[
                "Directed the migration of 40 services",
                "Led a team of 6 engineers",
                "Led the on-call rotation",
                "Led the hiring loop, which oversaw 40 interviews",
            ],
        )]);
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Led"]);
        // "Directed" opens a bullet; "oversaw" is in this one.
        assert_eq!(
            titles(Format::Markdown, &doc, 0),
            [
                "Replace \"Led\" with \"Headed\"",
                "Replace \"Led\" with \"Spearheaded\"",
                "Replace \"Led\" with \"Steered\"",
            ]
        );
    }

    #[test]
    fn across_the_resume() {
        let doc = md(&[
            role("2022 – Present", &["Built the ledger", "Built the API"]),
            role("2020 – 2022", &["Built the ETL jobs", "Built the CLI"]),
            role("2018 – 2020", &["Built the website", "Shipped the app"]),
        ]);
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Built"]);
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            ["\"Built\" opens 5 bullets of the resume"]
        );
        assert_eq!(
            titles(Format::Markdown, &doc, 0),
            [
                "Replace \"Built\" with \"Created\"",
                "Replace \"Built\" with \"Developed\"",
                "Replace \"Built\" with \"Engineered\"",
            ]
        );
    }

    #[test]
    fn within_the_limits() {
        let doc = md(&[
            role("2022 – Present", &["Built the ledger", "Built the API"]),
            role("2020 – 2022", &["Built the ETL jobs", "Built the CLI"]),
            role("2018 – 2020", &["Led the website", "Shipped the app"]),
        ]);
        assert_clean(R, Format::Markdown, &doc);
    }

    #[test]
    fn weak_openers_and_non_verbs_do_not_count() {
        let doc = md(&[role(
            "2019 – 2022",
            &[
                "Helped build the ledger",
                "Helped build the API",
                "Helped build the CLI",
                "The ledger cut costs by 20%",
                "The API served 3M calls a day",
                "The CLI had 400 users",
            ],
        )]);
        assert_clean(R, Format::Markdown, &doc);
    }

    #[test]
    fn a_section_without_roles_is_one_group() {
        let doc = "## Projects\n\n- Built a ledger in Rust\n- Built a CLI in Go\n- Built a website in Elm\n";
        assert_eq!(flagged(R, Format::Markdown, doc), ["Built"]);
        assert_eq!(
            messages(R, Format::Markdown, doc),
            ["\"Built\" opens 3 bullets of one section"]
        );
    }

    #[test]
    fn synonyms_keep_the_meaning() {
        // "Boosted latency" would say the opposite; "train" has two senses.
        let doc = md(&[role(
            "2019 – 2022",
            &[
                "Improved p99 latency by 3x",
                "Improved build times by 40%",
                "Improved query latency by 60%",
                "Trained a ranking model on 2B events",
                "Trained a fraud model on 5 years of data",
                "Trained a churn model for marketing",
            ],
        )]);
        let diags = diagnostics(R, Format::Markdown, &doc);
        assert_eq!(diags.len(), 2);
        let improved: Vec<&str> = diags[0].fixes.iter().map(|f| f.title.as_str()).collect();
        assert!(
            !improved.iter().any(|t| t.contains("Boosted")),
            "{improved:?}"
        );
        assert!(diags[1].fixes.is_empty());
    }

    #[test]
    fn without_synonyms_no_fix() {
        let doc = md(&[role(
            "2019 – 2022",
            &[
                "Audited 40 vendors",
                "Audited the ledger",
                "Audited the payroll",
            ],
        )]);
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Audited"]);
        assert!(titles(Format::Markdown, &doc, 0).is_empty());
    }

    #[test]
    fn yaml_and_json() {
        let yaml = "work:\n  - position: Engineer\n    startDate: 2019-01\n    endDate: 2022-01\n    highlights:\n      - Improved build times by 40%\n      - Improved test coverage to 90%\n      - Improved the onboarding guide for 3 teams\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["Improved"]);
        let out = apply_fix(R, Format::Yaml, yaml, 0);
        assert!(
            out.contains("      - Enhanced the onboarding guide for 3 teams\n"),
            "{out}"
        );
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - position: Engineer\n    highlights:\n      - Improved build times by 40%\n      - Cut test time to 4 minutes\n      - Raised test coverage to 90%\n",
        );
        let json = r#"{"work":[{"position":"Engineer","highlights":["Reduced costs by 20%","Reduced churn by 5%","Reduced latency by 3x"]}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["Reduced"]);
        let out = apply_fix(R, Format::Json, json, 0);
        assert!(out.contains(r#""Cut latency by 3x""#), "{out}");
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"position":"Engineer","highlights":["Reduced costs by 20%","Reduced churn by 5%","Lowered latency by 3x"]}]}"#,
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::RepeatedOpener::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
