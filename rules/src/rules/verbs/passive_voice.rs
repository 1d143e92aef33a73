use crate::data::{Tense, Verbs};
use crate::document::BlockKind;
use crate::rules::verbs::weak_opener::{Tok, find, gap, in_scope, opener_verb_at, sentence_starts};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags the passive voice in bullets, summaries and role descriptions: a form of "be"
    /// followed by a past participle ("The API was rebuilt by me", "New features were
    /// implemented", "Latency has been improved by 40%"), with up to two adverbs between
    /// ("was successfully migrated"). A bullet gets one diagnostic at most; a paragraph one
    /// per sentence.
    ///
    /// ## Why is this bad?
    /// The passive hides who did the work, and on a resume the reader needs to know it was
    /// you. "Costs were reduced by 20%" could be anyone's doing; "Reduced costs by 20%"
    /// claims it, and opens with the action verb the US resume guide asks for.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - The payroll system was rebuilt by me for 400 employees
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Rebuilt the payroll system for 400 employees
    /// - Was promoted to senior analyst within a year
    /// - Built a ledger that is used by 3 banks
    /// ```
    ///
    /// ## Known limits
    /// Participles hirelint does not know as verbs are not read ("was assigned"), and
    /// neither is a passive without "be" ("got promoted"). What happens to you and is an
    /// achievement is not reported ("was promoted", "was awarded", "was elected", "was
    /// invited to speak"), nor participles that read as adjectives ("is based in", "am
    /// motivated by", "is highly organized"): they are `passive-exceptions` in
    /// `rules/data/verbs.toml`. A sentence that opens with an active verb ("Built a ledger
    /// that is used by 3 banks") is not checked further, and neither is a passive in a
    /// relative clause ("a tool that was adopted by 5 teams") or after a subject that
    /// already says whose work it is ("Interfaces I designed are used by 2M people", "My
    /// runbooks are used across the company"). What a thing is made of, in the present,
    /// describes it and is not reported ("The library is written in Rust", "is built on
    /// Tokio"); "was written in Rust" is. "Was responsible for",
    /// "was tasked with" and "was involved in" are adjectives or weak openers:
    /// `weak-opener` reports them, and a bullet it flags is not checked here. There is no
    /// fix: who did the work is for you to say.
    pub struct PassiveVoice {
        id: "passive-voice",
        category: Verbs,
        severity: Info,
        fix: None,
    }
}

const AUX: &[&str] = &["am", "are", "be", "been", "being", "is", "was", "were"];

/// Words that may stand between the auxiliary and the participle.
const ADVERBS: &[&str] = &["also", "first", "later", "then", "since", "soon"];

impl Rule for PassiveVoice {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let verbs = &cx.data().verbs;
        for (index, block) in cx.resume.blocks.iter().enumerate() {
            let starts = match block.kind {
                BlockKind::Bullet if in_scope(cx.resume, block) => vec![0],
                // JSON Resume's `basics.summary` sits in the contact block.
                BlockKind::Summary => sentence_starts(block.text.as_str()),
                BlockKind::Paragraph if block.role.is_some() && in_scope(cx.resume, block) => {
                    sentence_starts(block.text.as_str())
                }
                _ => continue,
            };
            let one_only = block.kind == BlockKind::Bullet;
            let text = block.text.as_str();
            let toks = cx.tokens(index);
            let bounds: Vec<usize> = starts
                .iter()
                .map(|&s| toks.iter().position(|t| t.start >= s).unwrap_or(toks.len()))
                .collect();
            for (n, &first) in bounds.iter().enumerate() {
                let last = bounds.get(n + 1).copied().unwrap_or(toks.len());
                let Some(sentence) = toks.get(first..last) else {
                    continue;
                };
                let Some(head) = sentence.first() else {
                    continue;
                };
                // A weak opener is `weak-opener`'s; an active verb makes the clause active.
                // ("Reports were written", "Design critiques are run": a word that could be
                // a verb, one or two words before "be", is the subject or part of it.)
                let from = starts.get(n).copied().unwrap_or(head.start);
                let active = opener_verb_at(verbs, text, toks, first, from).is_some_and(|op| {
                    !sentence
                        .iter()
                        .skip((op.index + 1).saturating_sub(first))
                        .take(2)
                        .any(|next| {
                            AUX.contains(&next.lower_str())
                                || matches!(next.lower_str(), "has" | "have" | "had")
                        })
                });
                if active || find(verbs, text, toks, first, Tense::Past).is_some() {
                    continue;
                }
                let Some((from, to)) = passive(verbs, text, sentence) else {
                    continue;
                };
                let (Some(a), Some(b)) = (sentence.get(from), sentence.get(to)) else {
                    continue;
                };
                let quoted = text.get(a.start..b.end).unwrap_or("");
                sink.report(
                    block.text.source_range(a.start..b.end),
                    format!("Passive voice \"{quoted}\""),
                );
                if one_only {
                    break;
                }
            }
        }
    }
}

/// The first passive of a sentence: the indices of its first word ("was", or "has" of
/// "has been") and of its participle.
fn passive(verbs: &Verbs, text: &str, toks: &[Tok<'_>]) -> Option<(usize, usize)> {
    let joined = |a: usize, b: usize| {
        toks.get(a)
            .zip(toks.get(b))
            .is_some_and(|(x, y)| gap(text, x, y).trim().is_empty())
    };
    for (i, t) in toks.iter().enumerate() {
        if !AUX.contains(&t.lower_str()) {
            continue;
        }
        // "has been", "will be", "to be": the phrase starts at the helper.
        let mut from = i;
        if let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p).map(|t| (p, t)))
            && joined(prev.0, i)
            && matches!(
                (prev.1.lower_str(), t.lower_str()),
                ("has" | "have" | "had", "been") | ("will" | "to" | "can" | "could", "be")
            )
        {
            from = prev.0;
        }
        // "Interfaces I designed are used by 2 million people", "My runbooks are used
        // across the company": the subject already says whose work it is.
        if toks.get(..from).is_some_and(|before| {
            before
                .iter()
                .any(|w| matches!(w.lower_str(), "i" | "we" | "my"))
        }) {
            return None;
        }
        // "a tool that was adopted": a relative clause.
        if from
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| matches!(p.lower_str(), "that" | "which" | "who" | "whom"))
            && from.checked_sub(1).is_some_and(|p| joined(p, from))
        {
            continue;
        }
        let mut j = i + 1;
        while toks.get(j).is_some_and(|w| {
            (w.lower.ends_with("ly") && w.lower.len() > 3) || ADVERBS.contains(&w.lower_str())
        }) && j < i + 3
            && joined(j - 1, j)
        {
            j += 1;
        }
        let Some(p) = toks.get(j) else {
            continue;
        };
        if !joined(j - 1, j) || verbs.is_passive_exception(&p.lower) {
            continue;
        }
        let Some(base) = verbs.participle_base(&p.lower) else {
            continue;
        };
        // "was become", "is have": not passives.
        if matches!(base, "be" | "have" | "become" | "go") {
            continue;
        }
        // "The library is written in Rust", "is built on Tokio": what a thing is made of,
        // in the present, describes it; "was written in Rust" tells of work done.
        if matches!(t.lower_str(), "is" | "are")
            && toks
                .get(j + 1)
                .is_some_and(|w| matches!(w.lower_str(), "in" | "on" | "with" | "using"))
        {
            continue;
        }
        return Some((from, j));
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const R: RuleId = RuleId::PassiveVoice;

    fn md(bullet: &str) -> String {
        format!("## Experience\n\n### Analyst, Acme — 2019 – 2022\n\n- {bullet}\n")
    }

    #[test]
    fn flags_be_and_a_participle() {
        let doc = md("The payroll system was rebuilt by me");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["was rebuilt"]);
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            ["Passive voice \"was rebuilt\""]
        );
        for (bullet, found) in [
            (
                "New features were implemented every sprint",
                "were implemented",
            ),
            ("Latency has been improved by 40%", "has been improved"),
            (
                "The data was successfully migrated to Postgres",
                "was successfully migrated",
            ),
            ("Reports were written for the board", "were written"),
            ("Was given ownership of the billing API", "Was given"),
            ("Costs were cut by 20%", "were cut"),
            ("Design critiques are run weekly by me", "are run"),
            ("The library was written in Rust", "was written"),
        ] {
            assert_eq!(
                flagged(R, Format::Markdown, &md(bullet)),
                [found],
                "{bullet}"
            );
        }
    }

    #[test]
    fn one_per_bullet() {
        let doc = md("Tests were written and bugs were fixed");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["were written"]);
    }

    #[test]
    fn achievements_adjectives_and_weak_openers_are_not_passive() {
        for bullet in [
            "Was promoted to senior analyst within a year",
            "Was awarded Employee of the Year",
            "Was invited to speak at RustConf",
            "Was responsible for the payroll",
            "Was tasked with the data migration",
            "I was involved in the audit",
            "Team is based in Berlin",
            "Was selected for the leadership program",
            "Was made team lead after 6 months",
            "The startup was acquired by Stripe in 2021",
            "Interfaces I designed are used by 2 million people",
            "My runbooks are used across the company",
            "The library is written in Rust and has 2,000 stars",
            "Service is built on Tokio and Axum",
        ] {
            assert_clean(R, Format::Markdown, &md(bullet));
        }
    }

    #[test]
    fn active_sentences_and_relative_clauses() {
        for bullet in [
            "Built a ledger that is used by 3 banks",
            "Rebuilt the payroll system for 400 employees",
            "A tool that was adopted by 5 teams",
            "Dashboards, which were used by the board",
            "Leading the team was rewarding",
            "The team was growing fast",
        ] {
            assert_clean(R, Format::Markdown, &md(bullet));
        }
    }

    #[test]
    fn summaries_one_per_sentence() {
        let doc = "# Jane Doe\n\n## Summary\n\nBackend engineer. Two platforms were designed by me. The platform has been cited widely and was rebuilt twice.\n";
        assert_eq!(
            flagged(R, Format::Markdown, doc),
            ["were designed", "was rebuilt"]
        );
        assert_clean(
            R,
            Format::Markdown,
            "# Jane Doe\n\n## Summary\n\nBackend engineer based in Berlin. I am motivated by hard problems.\n",
        );
    }

    #[test]
    fn not_in_skills_or_interests() {
        assert_clean(
            R,
            Format::Markdown,
            "## Skills\n\n- Code is reviewed daily\n\n## Interests\n\n- Bread is baked weekly\n",
        );
    }

    #[test]
    fn yaml_and_json() {
        let yaml = "basics:\n  summary: Two platforms were designed by me.\nwork:\n  - position: Analyst\n    highlights:\n      - Costs were reduced by 20%\n      - Reduced churn by 5%\n";
        assert_eq!(
            flagged(R, Format::Yaml, yaml),
            ["were designed", "were reduced"]
        );
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - position: Analyst\n    highlights:\n      - Reduced costs by 20%\n",
        );
        let json = r#"{"work":[{"position":"Analyst","summary":"The ledger was rebuilt by me.","highlights":["Latency has been improved by 40%"]}]}"#;
        assert_eq!(
            flagged(R, Format::Json, json),
            ["was rebuilt", "has been improved"]
        );
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"position":"Analyst","highlights":["Was promoted twice in 3 years"]}]}"#,
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::PassiveVoice::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
