use crate::data::Tense;
use crate::rules::verbs::weak_opener::{ListShape, Tok, find, list_shape};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags an achievement bullet whose first word cannot be its verb: an article or
    /// determiner ("The", "A", "Various", "Several"), a pronoun ("He", "They"), a
    /// preposition ("In", "Over", "With"), or a noun that labels a duty ("Responsibilities:",
    /// "Implementation of …", "Management of …"). It reports only what it is sure of: a
    /// bullet that opens with any form of a verb, a number, or a name is left alone, and so
    /// are lists of technologies and labels ("Stack: Rust, Go"), and an opening phrase
    /// followed by a comma and a verb ("In 2021, led …").
    ///
    /// ## Why is this bad?
    /// The US resume guide's advice is "leading each bullet with a strong action verb":
    /// recruiters scan the first word of each bullet, and an ATS ranks bullets that show
    /// what you did. "The new billing system…" makes the reader hunt for your part in it.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Implementation of a new payroll system for 400 employees
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Implemented a new payroll system for 400 employees
    /// ```
    ///
    /// ## Known limits
    /// Bullets that open with an adjective or a noun hirelint does not know ("Team lead
    /// for …") are not reported. Weak openers ("Responsible for") and "I" or "we" are
    /// reported by `weak-opener` and `first-person-pronoun` instead, and a duty noun with no
    /// outcome ("Maintenance of the build server") by `duty-not-achievement`, when it is on.
    pub struct MissingActionVerb {
        id: "missing-action-verb",
        category: Verbs,
        severity: Info,
        fix: None,
    }
}

/// Endings of nouns that name an activity ("implementation", "management").
const NOUN_ENDINGS: &[&str] = &[
    "ance", "ances", "ence", "ences", "ities", "ity", "ment", "ments", "ness", "ship", "ships",
    "sion", "sions", "tion", "tions",
];

/// Words after such a noun that confirm it is one: "Implementation of", "Support for".
const AFTER_NOUN: &[&str] = &[
    "and", "at", "for", "from", "in", "of", "on", "to", "with", "within",
];

impl Rule for MissingActionVerb {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let verbs = &cx.data().verbs;
        for (i, block) in cx.resume.blocks.iter().enumerate() {
            // A duty with no outcome ("Maintenance of …") is `duty-not-achievement`'s.
            if !cx.is_achievement(i) || cx.duty_claims(i) {
                continue;
            }
            let text = block.text.as_str();
            let toks = cx.tokens(i);
            let Some(first) = toks.first() else {
                continue;
            };
            if toks.len() < 4
                || text
                    .get(..first.start)
                    .is_none_or(|lead| !lead.trim().is_empty())
            {
                continue;
            }
            // Other rules own these openers.
            if matches!(
                first.lower_str(),
                "i" | "i'm" | "i've" | "i'd" | "me" | "my" | "we" | "we're" | "we've" | "our"
            ) || find(verbs, text, toks, 0, Tense::Past).is_some()
            {
                continue;
            }
            let is_verb = |t: &Tok<'_>| {
                verbs.is_verb(&t.lower)
                    || t.lower.ends_with("ed")
                    || (t.lower.ends_with("ing") && t.lower.len() > 4)
            };
            if is_verb(first) {
                continue;
            }
            let colon_after_first = text
                .get(first.end..)
                .is_some_and(|rest| rest.starts_with(':'));
            let noun = NOUN_ENDINGS.iter().any(|e| first.lower.ends_with(e))
                && first.lower.len() > 6
                && (colon_after_first
                    || toks
                        .get(1)
                        .is_some_and(|t| AFTER_NOUN.contains(&t.lower_str())));
            if !(verbs.is_non_verb(&first.lower) || noun) {
                continue;
            }
            // Lists and labels are not sentences, unless the label names duties.
            if list_shape(text) != ListShape::Sentence && !colon_after_first {
                continue;
            }
            // "In 2021, led …", "With a team of 4, shipped …": the verb follows the comma.
            let verb_after_comma = !colon_after_first
                && toks.windows(2).take(8).any(|w| {
                matches!(w, [a, b] if text.get(a.end..b.start).is_some_and(|g| g.contains(',')) && is_verb(b))
            });
            if verb_after_comma {
                continue;
            }
            sink.report(
                block.text.source_range(first.start..first.end),
                format!("Bullet opens with \"{}\", not an action verb", first.word),
            );
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const R: RuleId = RuleId::MissingActionVerb;

    fn md(bullet: &str) -> String {
        format!("# Experience\n\n**Analyst**, Acme | 2019 – 2022\n\n- {bullet}\n")
    }

    #[test]
    fn flags_determiners_prepositions_and_duty_nouns() {
        let doc = md("The new billing system cut failed charges by 40%");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["The"]);
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            ["Bullet opens with \"The\", not an action verb"]
        );
        for (bullet, word) in [
            ("Various reports for the finance team", "Various"),
            ("Implementation of a new payroll system", "Implementation"),
            (
                "Responsibilities: payroll, invoicing and audits",
                "Responsibilities",
            ),
            ("Management of the vendor relationships", "Management"),
            ("Over five years of payroll experience", "Over"),
            ("Member of the incident response rotation", "Member"),
        ] {
            assert_eq!(
                flagged(R, Format::Markdown, &md(bullet)),
                [word],
                "{bullet}"
            );
        }
    }

    #[test]
    fn any_verb_form_is_fine() {
        for bullet in [
            "Led the payroll migration",
            "Built the ledger service",
            "Wrote the on-call runbook",
            "Ran the weekly release",
            "Taught SQL to analysts",
            "Sold the platform to banks",
            "Leads the payroll team",
            "Leading the payroll migration",
            "Reconciled the accounts daily",
            "Document the release process",
            "Implement the new ledger",
            "Envision the product roadmap",
            "Position the product for banks",
        ] {
            assert_clean(R, Format::Markdown, &md(bullet));
        }
    }

    #[test]
    fn skips_what_is_not_a_sentence_or_not_its_business() {
        for bullet in [
            "Rust, Go, Python",
            "Stack: Rust, Tokio, Postgres",
            "The Rust Book",
            "40% fewer failed charges after the rebuild",
            "In 2021, led the payroll migration",
            "With a team of four, shipped the ledger",
            "I led the payroll migration",
            "Responsible for the payroll system",
            "Acme Payments — a ledger for small banks",
            "Team lead for the payroll migration",
        ] {
            assert_clean(R, Format::Markdown, &md(bullet));
        }
        assert_clean(
            R,
            Format::Markdown,
            "# Skills\n\n- The whole Rust toolchain\n\n# Education\n\n**BSc**, MIT | 2019\n\n- The thesis won an award\n",
        );
    }

    #[test]
    fn yaml_and_json() {
        let yaml = "work:\n  - position: Analyst\n    highlights:\n      - The new billing system cut failed charges by 40%\n      - Led the payroll migration\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["The"]);
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - position: Analyst\n    highlights:\n      - Led the payroll migration\n",
        );
        let json = r#"{"work":[{"position":"Analyst","highlights":["Implementation of a new payroll system","Led the payroll migration"]}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["Implementation"]);
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"position":"Analyst","highlights":["Led the payroll migration"]}]}"#,
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::MissingActionVerb::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
