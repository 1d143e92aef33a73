use crate::data::Tense;
use crate::diagnostic::{Edit, Fix};
use crate::document::{BlockKind, SectionKind};
use crate::matchers::capitalize;
use crate::registry::RuleId;
use crate::rules::verbs::weak_opener::{Tok, find, in_scope};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags the first-person pronouns "I", "me", "my", "mine", "myself", "I'm", "I've",
    /// "I'd" and "I'll" in bullets, summaries and other prose, and "we" where it opens a
    /// bullet or sentence. Names, contact fields, headings, role lines and references (written
    /// by someone else) are not checked, nor links, nor text in double quotes (a talk or paper title). A Roman numeral "I" ("Engineer I",
    /// "Phase I", "Calculus I and II") is not a pronoun.
    ///
    /// An "I" that opens a bullet's weak opener ("I worked on") is left to `weak-opener`
    /// when that rule is on: its fix rewrites the whole opener, the "I" included.
    ///
    /// ## Why is this bad?
    /// US resumes are written in the implied first person: "Led the team", not "I led the
    /// team". The pronoun takes the place of the action verb the guide wants at the start
    /// of every bullet, and recruiters read it as a letter, not a resume. "We" at the start
    /// of a bullet hides what you did yourself. "Our" and "us" are left alone: "Grew our
    /// team from 3 to 12" is normal resume English.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - I led the move of payroll for 400 employees to a new system
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Led the move of payroll for 400 employees to a new system
    /// ```
    ///
    /// ## Fix
    /// When "I" opens a bullet or sentence before a verb hirelint knows ("I led"), a
    /// suggestion removes it and capitalizes the verb. Other pronouns need a rewrite.
    pub struct FirstPersonPronoun {
        id: "first-person-pronoun",
        category: Verbs,
        severity: Warning,
        fix: Sometimes,
    }
}

/// Words before "I" that make it a Roman numeral: "Phase I", "Engineer I".
const NUMERAL_CONTEXT: &[&str] = &[
    "accountant",
    "administrator",
    "analyst",
    "associate",
    "book",
    "calculus",
    "chapter",
    "chemistry",
    "class",
    "consultant",
    "designer",
    "developer",
    "engineer",
    "grade",
    "level",
    "manager",
    "part",
    "phase",
    "physics",
    "programmer",
    "scientist",
    "section",
    "series",
    "specialist",
    "stage",
    "step",
    "technician",
    "tier",
    "type",
    "vol",
    "volume",
    "war",
];

impl Rule for FirstPersonPronoun {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let verbs = &cx.data().verbs;
        for (index, block) in cx.resume.blocks.iter().enumerate() {
            // References and testimonials are written by someone else, in their first person.
            if !matches!(
                block.kind,
                BlockKind::Bullet | BlockKind::Summary | BlockKind::Paragraph
            ) || cx.resume.section_kind(block) == Some(SectionKind::References)
            {
                continue;
            }
            let text = block.text.as_str();
            let toks = cx.tokens(index);
            let mut quoted = None;
            for (i, tok) in toks.iter().enumerate() {
                // Only the words matched below can be pronouns: test them first.
                if !matches!(
                    tok.word,
                    "I" | "I'm"
                        | "I’m"
                        | "I've"
                        | "I’ve"
                        | "I'd"
                        | "I’d"
                        | "I'll"
                        | "I’ll"
                        | "me"
                        | "Me"
                        | "my"
                        | "My"
                        | "mine"
                        | "Mine"
                        | "myself"
                        | "Myself"
                        | "We"
                        | "we"
                ) {
                    continue;
                }
                let quoted = quoted.get_or_insert_with(|| quoted_ranges(text));
                if quoted.iter().any(|q| q.contains(&tok.start)) || in_link(text, tok) {
                    continue;
                }
                let opens = opens_sentence(text, toks, i);
                let pronoun = match tok.word {
                    "I" => is_pronoun_i(text, toks, i),
                    "I'm" | "I’m" | "I've" | "I’ve" | "I'd" | "I’d" | "I'll" | "I’ll" => {
                        true
                    }
                    "me" | "Me" | "my" | "My" | "mine" | "Mine" | "myself" | "Myself" => true,
                    "We" | "we" => opens,
                    _ => false,
                };
                if !pronoun || opens_weak_opener(cx, index, text, toks, i) {
                    continue;
                }
                let range = block.text.source_range(tok.start..tok.end);
                let message = format!("First-person pronoun \"{}\"", tok.word);
                let mut fixes = Vec::new();
                if tok.word == "I"
                    && opens
                    && let Some(next) = toks.get(i + 1)
                    && text.get(tok.end..next.start) == Some(" ")
                    && next.word.chars().next().is_some_and(char::is_lowercase)
                    && (verbs.is_verb(&next.lower) || next.lower.ends_with("ed"))
                    && !matches!(next.lower_str(), "am" | "was" | "have" | "had" | "do")
                {
                    let first_len = next.word.chars().next().map_or(0, char::len_utf8);
                    let first = next.word.get(..first_len).unwrap_or("");
                    let edit = tok.start..next.start + first_len;
                    if block.text.is_verbatim(edit.clone()) {
                        fixes.push(Fix::suggestion(
                            format!("Remove \"I\" and start with \"{}\"", capitalize(next.word)),
                            vec![Edit::replace(
                                block.text.source_range(edit),
                                capitalize(first),
                            )],
                        ));
                    }
                }
                sink.report_with(range, message, fixes);
            }
        }
    }
}

/// Whether the pronoun at token `i` opens a bullet's weak opener that `weak-opener`
/// reports ("I worked on"): its fix rewrites the whole opener, "I" included, so a second
/// diagnostic on the same word would say less than the first.
fn opens_weak_opener(
    cx: &Context<'_>,
    index: usize,
    text: &str,
    toks: &[Tok<'_>],
    i: usize,
) -> bool {
    let Some(block) = cx.resume.blocks.get(index) else {
        return false;
    };
    i == 0
        && block.kind == BlockKind::Bullet
        && cx.settings.is_enabled(RuleId::WeakOpener)
        && in_scope(cx.resume, block)
        && !cx.duty_claims(index)
        && find(&cx.data().verbs, text, toks, 0, Tense::Past).is_some()
}

/// Whether token `i` opens the block or a sentence.
fn opens_sentence(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let before = match i.checked_sub(1).and_then(|p| toks.get(p)) {
        Some(prev) => text.get(prev.end..toks.get(i).map_or(prev.end, |t| t.start)),
        None => text.get(..toks.get(i).map_or(0, |t| t.start)),
    };
    let before = before.unwrap_or("");
    i == 0 && !before.chars().any(char::is_alphanumeric)
        || before.contains(['.', '!', '?', ';', '\n', ':', '•'])
}

/// Whether a capital "I" at token `i` is the pronoun rather than a Roman numeral.
fn is_pronoun_i(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let Some(tok) = toks.get(i) else {
        return false;
    };
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(i + 1);
    // "Phase I", "Software Engineer I", "Calculus I".
    if prev.is_some_and(|p| NUMERAL_CONTEXT.contains(&p.lower_str())) {
        return false;
    }
    // A numeral series: "I and II", "I, II", "I/II", "I-III".
    let numeral =
        |t: &Tok<'_>| t.word.len() <= 4 && t.word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if next.is_some_and(|n| numeral(n) && n.word != "I")
        || next.is_some_and(|n| {
            matches!(n.lower_str(), "and" | "or") && toks.get(i + 2).is_some_and(numeral)
        })
        || prev.is_some_and(|p| numeral(p) && p.word != "I")
    {
        return false;
    }
    // The pronoun is followed by a word: "I led", "I am". A bare "I" before punctuation
    // or at the end ("Engineer I, Acme") is a numeral.
    match next {
        Some(n) => {
            let gap = text.get(tok.end..n.start).unwrap_or("");
            gap.trim().is_empty() && n.word.chars().next().is_some_and(char::is_lowercase)
        }
        None => false,
    }
}

/// Whether the token sits in a URL, an email address or a path: "janef.me/blog",
/// "me@example.com".
fn in_link(text: &str, tok: &Tok<'_>) -> bool {
    let start = text
        .get(..tok.start)
        .and_then(|b| b.rfind(char::is_whitespace).map(|i| i + 1))
        .unwrap_or(0);
    let end = text
        .get(tok.end..)
        .and_then(|a| a.find(char::is_whitespace).map(|i| tok.end + i))
        .unwrap_or(text.len());
    let chunk = text.get(start..end).unwrap_or("");
    chunk.contains(['@', '/'])
        || chunk
            .trim_end_matches(['.', ',', ';', ':', ')', '!', '?'])
            .split('.')
            .filter(|part| !part.is_empty())
            .count()
            > 1
}

/// Byte ranges inside straight or curly double quotes.
fn quoted_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('"', None) | ('“', None) => open = Some(i),
            ('"', Some(s)) | ('”', Some(s)) => {
                out.push(s..i);
                open = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{apply_fix, assert_clean, fix_titles, flagged, messages};

    const R: RuleId = RuleId::FirstPersonPronoun;

    #[test]
    fn an_i_that_opens_a_weak_opener_is_weak_openers() {
        // "I worked on": weak-opener reports the phrase and its fix drops the "I".
        let settings = crate::testing::only(&[R, RuleId::WeakOpener]);
        let doc = "## Experience\n\n- I worked on various internal tools\n- I led a team of 4 that shipped 3 apps\n";
        let found: Vec<(RuleId, &str)> =
            crate::testing::lint_with(&settings, Format::Markdown, doc)
                .iter()
                .map(|d| (d.rule, d.range.slice(doc)))
                .collect();
        assert_eq!(found, [(RuleId::WeakOpener, "I worked on"), (R, "I")]);
        // With weak-opener off, the pronoun is still reported.
        assert_eq!(
            flagged(
                R,
                Format::Markdown,
                "## Experience\n\n- I worked on various internal tools\n"
            ),
            ["I"]
        );
    }

    fn md(bullet: &str) -> String {
        format!("# Experience\n\n**Analyst**, Acme | 2019 – 2022\n\n- {bullet}\n")
    }

    #[test]
    fn flags_pronouns_in_bullets() {
        let doc = md("I led my team of five");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["I", "my"]);
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            ["First-person pronoun \"I\"", "First-person pronoun \"my\""]
        );
    }

    #[test]
    fn removes_a_leading_i_before_a_verb() {
        let doc = md("I led the team of five");
        assert_eq!(
            fix_titles(R, Format::Markdown, &doc),
            ["Remove \"I\" and start with \"Led\""]
        );
        let out = apply_fix(R, Format::Markdown, &doc, 0);
        assert!(out.ends_with("- Led the team of five\n"), "{out}");
        // In a paragraph, at a sentence start.
        let doc = "# Summary\n\nEngineer with 8 years in payments. I built two ledgers.\n";
        let out = apply_fix(R, Format::Markdown, doc, 0);
        assert!(out.contains("payments. Built two ledgers."), "{out}");
    }

    #[test]
    fn no_fix_where_it_is_not_mechanical() {
        for bullet in [
            "I am a payroll expert",
            "Grew revenue as I led sales",
            "I love SQL",
        ] {
            let doc = md(bullet);
            assert_eq!(flagged(R, Format::Markdown, &doc), ["I"], "{bullet}");
            assert!(fix_titles(R, Format::Markdown, &doc).is_empty(), "{bullet}");
        }
        let doc = md("I'm the payroll lead");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["I'm"]);
    }

    #[test]
    fn we_only_as_an_opener() {
        assert_eq!(
            flagged(
                R,
                Format::Markdown,
                &md("We shipped the ledger in 3 months")
            ),
            ["We"]
        );
        assert_clean(R, Format::Markdown, &md("Grew our team from 3 to 12"));
        assert_clean(R, Format::Markdown, &md("Built the tools we use daily"));
    }

    #[test]
    fn roman_numerals_are_not_pronouns() {
        for text in [
            "Promoted to Software Engineer II from Engineer I in 2020",
            "Led Phase I of the migration",
            "Tutored Calculus I and II",
            "Passed CFA Level I",
            "Built the I/O layer",
            "Engineer I, Acme",
        ] {
            assert_clean(R, Format::Markdown, &md(text));
        }
        assert_clean(
            R,
            Format::Markdown,
            "# Experience\n\n### Engineer I, Acme — 2019 – 2022\n\n- Led 3 launches\n",
        );
    }

    #[test]
    fn quoted_titles_and_other_words() {
        assert_clean(
            R,
            Format::Markdown,
            &md("Gave the talk \"What I Learned From 10 Outages\" at RustConf"),
        );
        assert_clean(
            R,
            Format::Markdown,
            &md("Migrated MySQL to Postgres for ME and MY offices"),
        );
        assert_clean(R, Format::Markdown, &md("Cut AI inference cost by 30%"));
        assert_clean(
            R,
            Format::Markdown,
            "# Jane Doe\n\nWeb: http://janef.me/blog · [me@mysite.com](mailto:me@mysite.com)\n\n## Experience\n\n- Led 3 teams\n",
        );
    }

    #[test]
    fn summaries_are_checked_headings_are_not() {
        let doc = "# Jane Doe\n\n## Summary\n\nI am an analyst who loves my work.\n\n## Experience\n\n### My Role, Acme — 2019 – 2022\n\n- Led payroll\n";
        assert_eq!(flagged(R, Format::Markdown, doc), ["I", "my"]);
    }

    #[test]
    fn references_are_written_by_someone_else() {
        let json = r#"{"references":[{"name":"Bob","reference":"I worked with Jane for years and I'd hire her again."}]}"#;
        assert_clean(R, Format::Json, json);
        let doc = "## References\n\nI worked with Jane for years.\n";
        assert_clean(R, Format::Markdown, doc);
    }

    #[test]
    fn yaml_and_json() {
        let yaml = "basics:\n  name: Jane Doe\n  summary: I build payroll systems.\nwork:\n  - position: Analyst\n    highlights:\n      - I led the migration\n      - Led my team\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["I", "I", "my"]);
        let out = apply_fix(R, Format::Yaml, yaml, 0);
        assert!(out.contains("summary: Build payroll systems."), "{out}");
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - position: Engineer I\n    highlights:\n      - Led the migration\n",
        );
        let json = r#"{"basics":{"name":"Jane Doe","summary":"I build payroll systems."},"work":[{"position":"Analyst","highlights":["I led the migration"]}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["I", "I"]);
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"position":"Engineer I","highlights":["Led the migration"]}]}"#,
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::FirstPersonPronoun::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
