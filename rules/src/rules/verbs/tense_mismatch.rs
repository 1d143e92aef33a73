use crate::data::{Form, Tense, Verbs};
use crate::diagnostic::{Edit, Fix};
use crate::document::Role;
use crate::document::dates::YearMonth;
use crate::matchers::match_case;
use crate::rules::verbs::weak_opener::{DETERMINERS, Tok, find, gap, opener_verb};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags an achievement bullet of a role that has ended which opens with a verb in the
    /// present tense ("Manage the payroll", "Builds dashboards"). A role has ended when its
    /// dates end in a date ("2019 – 2022", `endDate: 2022-01`); a role whose dates end in
    /// "Present" (or a JSON Resume / RenderCV entry with a start and no end) goes on, and
    /// a role with no dates, or a single date ("Acme, 2021"), is not judged. When the lint
    /// knows today's month, a role whose end date is this month or later is not judged
    /// either.
    ///
    /// ## Why is this bad?
    /// A job you have left is described in the past tense: "Managed", not "Manage". A
    /// present-tense bullet under an old job reads as if it were copied from the job ad,
    /// or as if the resume was never brought up to date, and the mix makes a recruiter
    /// stop to work out which work is current.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Manage the payroll of 400 employees
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Managed the payroll of 400 employees
    ///
    /// **Senior Payroll Analyst**, Acme | 2022 – Present
    ///
    /// - Manage the payroll of 900 employees
    /// - Moved payroll to a new provider in 2023
    /// ```
    ///
    /// ## Fix
    /// A suggestion puts the verb in the past tense, with the verbs coordinated right
    /// after it ("Design and build the API" becomes "Designed and built the API").
    ///
    /// ## Known limits
    /// A role that goes on is not checked at all: present tense for its ongoing duties and
    /// past tense for its finished achievements are both right, so no mix there is
    /// reported. Only the verb that opens a bullet is read. A word that is as often a noun
    /// as a verb ("Lead", "Design", "Support", "Test", "Report") counts as a verb only
    /// before a determiner ("the", "a", "every"), a number, an adverb or another
    /// coordinated verb ("Lead developer for …" is not reported), and no verb counts
    /// before "of" or a job title ("Build engineer for the CI team"). A word that is also a past form ("Cut", "Set", "Read", "Found")
    /// is not reported. Gerunds ("Leading the team") are not judged. A weak opener in the
    /// present ("Help build", "Work on") is reported by `weak-opener`, whose fix already
    /// uses the role's tense, and not here; sentences of a role's description paragraph
    /// (which often describe the company, in the present) are not checked.
    pub struct TenseMismatch {
        id: "tense-mismatch",
        category: Verbs,
        severity: Warning,
        fix: Sometimes,
    }
}

/// Verbs whose base or third-person form opens bullets as a noun or adjective as often as
/// a verb ("Lead developer", "Support tickets", "Increase in revenue", "Reports for…").
const NOUN_LIKE: &[&str] = &[
    "act",
    "address",
    "answer",
    "audit",
    "author",
    "balance",
    "benchmark",
    "boost",
    "budget",
    "campaign",
    "catalog",
    "chair",
    "champion",
    "check",
    "close",
    "coach",
    "code",
    "contribute",
    "deal",
    "decrease",
    "design",
    "document",
    "double",
    "draft",
    "drive",
    "edit",
    "engineer",
    "experiment",
    "file",
    "fix",
    "head",
    "help",
    "hire",
    "hold",
    "host",
    "increase",
    "instrument",
    "interview",
    "launch",
    "lead",
    "lower",
    "map",
    "mentor",
    "merge",
    "model",
    "monitor",
    "partner",
    "patch",
    "pilot",
    "plan",
    "present",
    "process",
    "program",
    "prototype",
    "raise",
    "record",
    "repair",
    "report",
    "research",
    "review",
    "run",
    "save",
    "scale",
    "schedule",
    "secure",
    "sign",
    "source",
    "speed",
    "sponsor",
    "start",
    "structure",
    "study",
    "support",
    "test",
    "track",
    "train",
    "travel",
    "triple",
    "tutor",
    "update",
    "upgrade",
    "visit",
    "volunteer",
    "win",
    "work",
];

/// Job titles: after one, the word before is part of a title ("Build engineer", "Design
/// lead", "Support specialist").
const ROLE_NOUNS: &[&str] = &[
    "admin",
    "administrator",
    "analyst",
    "architect",
    "assistant",
    "associate",
    "consultant",
    "coordinator",
    "designer",
    "developer",
    "director",
    "engineer",
    "engineers",
    "expert",
    "intern",
    "lead",
    "liaison",
    "manager",
    "member",
    "officer",
    "owner",
    "representative",
    "specialist",
    "technician",
];

/// Words after a verb-or-noun that make it the verb, besides determiners.
const VERB_CUES: &[&str] = &[
    "any", "both", "each", "every", "many", "me", "multiple", "out", "several", "them", "up", "us",
    "your",
];

impl Rule for TenseMismatch {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let verbs = &cx.data().verbs;
        for (index, block) in cx.resume.blocks.iter().enumerate() {
            if !cx.is_achievement(index) {
                continue;
            }
            let Some(role) = block.role.and_then(|i| cx.resume.roles.get(i)) else {
                continue;
            };
            if !has_ended(role, cx.settings.today) {
                continue;
            }
            let text = block.text.as_str();
            let toks = cx.tokens(index);
            // "Do you really believe …?": a question is not a claim about the role.
            if text.trim_end().ends_with('?') {
                continue;
            }
            // A weak opener is `weak-opener`'s, with a fix in the role's tense.
            if find(verbs, text, toks, 0, Tense::Past).is_some() {
                continue;
            }
            let Some(op) = opener_verb(verbs, text, toks) else {
                continue;
            };
            let Some(tok) = toks.get(op.index) else {
                continue;
            };
            if !is_present(verbs, &tok.lower, op.form) {
                continue;
            }
            // "Design: …", "Lead – payments": a label, not a verb.
            if text
                .get(tok.end..)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '–', '—', '|']))
            {
                continue;
            }
            let chained = coordinated(verbs, text, toks, op.index);
            let next = toks.get(op.index + 1);
            // "Implementation of", "Build engineer for the CI team": a noun phrase.
            if next.is_some_and(|n| n.lower == "of" || ROLE_NOUNS.contains(&n.lower_str())) {
                continue;
            }
            // "Lead a team", "Document every pipeline", "Work closely with": a verb.
            let verb_like = next.is_some_and(|n| {
                DETERMINERS.contains(&n.lower_str())
                    || VERB_CUES.contains(&n.lower_str())
                    || (n.lower.ends_with("ly") && n.lower.len() > 4)
                    || n.word.starts_with(|c: char| c.is_ascii_digit())
            });
            if NOUN_LIKE.contains(&op.base) && !verb_like && chained.is_empty() {
                continue;
            }
            let Some(past) = verbs.past(op.base) else {
                continue;
            };
            let end = chained.last().and_then(|&j| toks.get(j)).unwrap_or(tok);
            let mut new = match_case(tok.word, past);
            let mut pos = tok.end;
            for t in chained.iter().filter_map(|&j| toks.get(j)) {
                let Some(past) = verbs.form_of(&t.lower).and_then(|(b, _)| verbs.past(b)) else {
                    continue;
                };
                new.push_str(text.get(pos..t.start).unwrap_or(""));
                new.push_str(&match_case(t.word, past));
                pos = t.end;
            }
            let fixes = if block.text.is_verbatim(tok.start..end.end) {
                let old = text.get(tok.start..end.end).unwrap_or("");
                vec![Fix::suggestion(
                    format!("Replace \"{old}\" with \"{new}\""),
                    vec![Edit::replace(
                        block.text.source_range(tok.start..end.end),
                        new.clone(),
                    )],
                )]
            } else {
                Vec::new()
            };
            sink.report_with(
                block.text.source_range(tok.start..tok.end),
                format!("Present tense \"{}\" in a role that has ended", tok.word),
                fixes,
            );
        }
    }
}

/// The role's dates end in a date, before today's month when it is known. Not the
/// negation of `Role::is_current`: a role with a start and no end ("2020") is neither
/// current nor known to have ended.
fn has_ended(role: &Role, today: Option<YearMonth>) -> bool {
    role.period
        .end_date()
        .is_some_and(|end| today.is_none_or(|today| end.date.latest() < today))
}

/// A base or third-person form that is not also a past form ("cut", "found", "read").
fn is_present(verbs: &Verbs, word: &str, form: Form) -> bool {
    matches!(form, Form::Base | Form::Third) && !verbs.is_past_form(word)
}

/// Verbs in the present coordinated right after token `at`: "Design and build",
/// "Design, build and test".
fn coordinated(verbs: &Verbs, text: &str, toks: &[Tok<'_>], at: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut coord = false;
    let mut j = at + 1;
    while let (Some(prev), Some(t)) = (toks.get(j - 1), toks.get(j)) {
        let g = gap(text, prev, t);
        if g.contains(['.', ';', ':', '(', ')', '\n']) {
            break;
        }
        if matches!(t.lower_str(), "and" | "or") && g.trim().is_empty() {
            coord = true;
            j += 1;
            continue;
        }
        coord |= g.contains(',');
        let present = coord
            && !verbs.is_non_verb(&t.lower)
            && verbs.form_of(&t.lower).is_some_and(|(b, f)| {
                !matches!(b, "be" | "have") && is_present(verbs, &t.lower, f)
            });
        if !present {
            break;
        }
        out.push(j);
        coord = false;
        j += 1;
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{apply_fix, assert_clean, fix_titles, flagged, messages};

    const R: RuleId = RuleId::TenseMismatch;

    fn md(bullet: &str) -> String {
        format!("## Experience\n\n### Analyst, Acme — 2019 – 2022\n\n- {bullet}\n")
    }

    fn md_current(bullet: &str) -> String {
        format!("## Experience\n\n### Analyst, Acme — 2019 – Present\n\n- {bullet}\n")
    }

    fn fixed(doc: &str) -> String {
        let out = apply_fix(R, Format::Markdown, doc, 0);
        out.lines()
            .find_map(|l| l.strip_prefix("- "))
            .unwrap_or("")
            .to_owned()
    }

    #[test]
    fn flags_present_tense_in_an_ended_role() {
        let doc = md("Manage the payroll of 400 employees");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Manage"]);
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            ["Present tense \"Manage\" in a role that has ended"]
        );
        assert_eq!(
            fix_titles(R, Format::Markdown, &doc),
            ["Replace \"Manage\" with \"Managed\""]
        );
        assert_eq!(fixed(&doc), "Managed the payroll of 400 employees");
        let doc = md("Builds dashboards for the finance team");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Builds"]);
        assert_eq!(fixed(&doc), "Built dashboards for the finance team");
        assert_eq!(
            fixed(&md("Oversees payroll for 3 offices")),
            "Oversaw payroll for 3 offices"
        );
    }

    #[test]
    fn coordinated_verbs_follow() {
        let doc = md("Design and build the billing API");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Design"]);
        assert_eq!(
            fix_titles(R, Format::Markdown, &doc),
            ["Replace \"Design and build\" with \"Designed and built\""]
        );
        assert_eq!(
            fixed(&md("Design, build and test the billing API")),
            "Designed, built and tested the billing API"
        );
        assert_eq!(
            fixed(&md("Designs and maintains the billing API")),
            "Designed and maintained the billing API"
        );
        // A list of nouns after the verb stays.
        assert_eq!(
            fixed(&md("Manage payroll, invoicing and audits")),
            "Managed payroll, invoicing and audits"
        );
    }

    #[test]
    fn ongoing_undated_and_single_date_roles_are_not_judged() {
        assert_clean(R, Format::Markdown, &md_current("Manage the payroll team"));
        assert_clean(R, Format::Markdown, &md_current("Managed the move to SAP"));
        assert_clean(
            R,
            Format::Markdown,
            "## Experience\n\n### Analyst, Acme\n\n- Manage the payroll team\n",
        );
        assert_clean(
            R,
            Format::Markdown,
            "## Experience\n\n### Analyst, Acme — 2021\n\n- Manage the payroll team\n",
        );
        // An end date this month or later (TODAY is 2026-11): not judged.
        assert_clean(
            R,
            Format::Markdown,
            "## Experience\n\n### Analyst, Acme — 2024 – Dec 2026\n\n- Manage the payroll team\n",
        );
    }

    #[test]
    fn past_gerund_and_ambiguous_forms_are_fine() {
        for bullet in [
            "Managed the payroll of 400 employees",
            "Led the migration to SAP",
            "Leading the migration to SAP",
            "Cut costs by 20%",
            "Set up the on-call rotation",
            "Found 31 defects before release",
            "Read 200 contracts a month",
        ] {
            assert_clean(R, Format::Markdown, &md(bullet));
        }
    }

    #[test]
    fn nouns_that_are_also_verbs() {
        for bullet in [
            "Lead developer for the payments team",
            "Support tickets for 300 users, answered within a day",
            "Increase in revenue of 20% after the relaunch",
            "Design: a ledger for small banks",
            "Reports for the finance team, weekly",
            "Management of the vendor relationships",
            "Test automation for 12 services",
            "Build engineer for the CI team",
            "Support specialist for 300 users",
        ] {
            assert_clean(R, Format::Markdown, &md(bullet));
        }
        // Before a determiner, a number or an adverb they are verbs.
        assert_eq!(
            fixed(&md("Document every pipeline in the catalog")),
            "Documented every pipeline in the catalog"
        );
        assert_eq!(
            fixed(&md("Work closely with clinicians on definitions")),
            "Worked closely with clinicians on definitions"
        );
        assert_eq!(
            flagged(R, Format::Markdown, &md("Lead a team of 9 engineers")),
            ["Lead"]
        );
        assert_eq!(
            fixed(&md("Lead a team of 9 engineers")),
            "Led a team of 9 engineers"
        );
        assert_eq!(
            flagged(R, Format::Markdown, &md("Support 300 users across 4 sites")),
            ["Support"]
        );
    }

    #[test]
    fn questions_are_not_claims() {
        // Placeholder text in a template: "Do you really believe …?"
        assert_clean(
            R,
            Format::Markdown,
            &md("Do you really believe they charged an armed enemy?"),
        );
    }

    #[test]
    fn weak_openers_are_weak_opener_s() {
        assert_clean(R, Format::Markdown, &md("Help build the billing API"));
        assert_clean(R, Format::Markdown, &md("Work on the checkout flow"));
        assert_clean(R, Format::Markdown, &md("Handle customer escalations"));
    }

    #[test]
    fn only_achievement_bullets() {
        assert_clean(
            R,
            Format::Markdown,
            "## Education\n\n### BSc, MIT — 2015 – 2019\n\n- Build robots in the lab club\n",
        );
        assert_clean(
            R,
            Format::Markdown,
            "## Experience\n\n### Analyst, Acme — 2019 – 2022\n\nAcme builds payroll software for banks.\n",
        );
    }

    #[test]
    fn after_i() {
        let doc = md("I manage the payroll team");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["manage"]);
        assert_eq!(fixed(&doc), "I managed the payroll team");
    }

    #[test]
    fn yaml_and_json() {
        let yaml = "work:\n  - position: Analyst\n    startDate: 2019-01\n    endDate: 2022-01\n    highlights:\n      - Manage the payroll of 400 employees\n      - Led the ledger migration\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["Manage"]);
        let out = apply_fix(R, Format::Yaml, yaml, 0);
        assert!(
            out.contains("      - Managed the payroll of 400 employees\n"),
            "{out}"
        );
        // A quoted and a folded scalar.
        let quoted = "work:\n  - position: Analyst\n    startDate: 2019-01\n    endDate: 2022-01\n    highlights:\n      - \"Design and build the \\\"ledger\\\" API\"\n      - >\n        Oversee payroll\n        for 3 offices\n";
        assert_eq!(flagged(R, Format::Yaml, quoted), ["Design", "Oversee"]);
        let out = apply_fix(R, Format::Yaml, quoted, 0);
        assert!(
            out.contains("- \"Designed and built the \\\"ledger\\\" API\""),
            "{out}"
        );
        // No end date: the role goes on.
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - position: Analyst\n    startDate: 2019-01\n    highlights:\n      - Manage the payroll of 400 employees\n",
        );
        // RenderCV's one `date` field with a range that has ended.
        let ranged = "cv:\n  sections:\n    experience:\n      - company: Acme\n        position: Analyst\n        date: 2019 – 2021\n        highlights:\n          - Manage payroll for 400 staff\n";
        assert_eq!(flagged(R, Format::Yaml, ranged), ["Manage"]);
        let ranged = ranged.replace("2019 – 2021", "2019 – present");
        assert_clean(R, Format::Yaml, &ranged);
        let rendercv = "cv:\n  sections:\n    experience:\n      - company: Acme\n        position: Analyst\n        start_date: 2020-01\n        end_date: present\n        highlights:\n          - Manage payroll for 400 staff\n";
        assert_clean(R, Format::Yaml, rendercv);
        let json = r#"{"work":[{"position":"Analyst","startDate":"2018-01","endDate":"2020-01","highlights":["Builds dashboards for finance","Led payroll"]}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["Builds"]);
        let out = apply_fix(R, Format::Json, json, 0);
        assert!(out.contains(r#"["Built dashboards for finance","#), "{out}");
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"position":"Analyst","startDate":"2018-01","endDate":"2020-01","highlights":["Built dashboards for finance"]}]}"#,
        );
    }

    #[test]
    fn inside_markup() {
        let doc = md("**Manage** the payroll team");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Manage"]);
        assert_eq!(fixed(&doc), "**Managed** the payroll team");
        // A coordinated verb across the markup: reported, no fix.
        let doc = md("**Design** and build the API");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Design"]);
        assert!(fix_titles(R, Format::Markdown, &doc).is_empty());
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::TenseMismatch::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
