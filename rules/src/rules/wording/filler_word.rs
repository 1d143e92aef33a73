use super::{in_code_span, is_own_prose, is_quoted_or_code, looks_like_name};
use crate::data::FILLERS;
use crate::diagnostic::{Edit, Fix};
use crate::matchers::{capitalize, match_case};
use crate::rules::{Context, Rule, Sink, declare_rule};
use std::ops::Range;

declare_rule! {
    /// ## What it does
    /// Flags filler words and wordy phrases that add length but no meaning:
    /// "successfully", "various", "etc.", "very", "really", "basically", "actually",
    /// "extremely", "a variety of", and phrases with a shorter wording: "in order to"
    /// ("to"), "due to the fact that" ("because"), "on a daily basis" ("daily"). The list is
    /// in `rules/data/fillers.toml`.
    ///
    /// ## Why is this bad?
    /// Recruiters skim a resume in seconds, and the US resume guide asks for concise,
    /// "scannable, keyword-rich content without fluff". "Successfully" is implied by the
    /// achievement itself, "various" and "etc." tell the reader nothing they can check,
    /// and every wordy phrase pushes your results further down the line.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// **Backend Engineer**, Acme | 2019 – 2022
    ///
    /// - Successfully migrated various services to Kubernetes in order to cut costs
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// **Backend Engineer**, Acme | 2019 – 2022
    ///
    /// - Migrated 14 services to Kubernetes to cut hosting costs by 30%
    /// ```
    ///
    /// ## Fix
    /// A suggestion that removes the word with one adjacent space and keeps the sentence
    /// well-formed: "Successfully led" becomes "Led", "Python, Go, etc." becomes "Python,
    /// Go." (the period stays when it ends the sentence), "in order to" becomes "to". It is
    /// offered only where the text maps one to one onto the file (not across Markdown
    /// markup or YAML escapes).
    ///
    /// ## Known limits
    /// A word capitalized in mid-sentence, or in Title Case before another capitalized word,
    /// is taken for a name ("Very Large Scale Integration") and not reported, nor are
    /// words in double quotes, code or links, or in the references and interests sections.
    /// Phrases split across lines are not found.
    pub struct FillerWord {
        id: "filler-word",
        category: Wording,
        severity: Info,
        fix: Sometimes,
    }
}

impl Rule for FillerWord {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let fillers = &cx.data().fillers;
        for (i, block) in cx.resume.blocks.iter().enumerate() {
            if !is_own_prose(cx.resume, block) {
                continue;
            }
            let text = block.text.as_str();
            for m in cx.wording(i, FILLERS) {
                let range = block.text.source_range(m.start..m.end);
                if looks_like_name(text, m.start, m.end)
                    || is_quoted_or_code(text, m.start, m.end)
                    || in_code_span(cx.source, range.start())
                {
                    continue;
                }
                let found = text.get(m.start..m.end).unwrap_or("");
                if cx.posting_uses(found) {
                    // The posting uses the phrase: the resume may echo it.
                    continue;
                }
                let replacement = fillers.replacement(m.index);
                let message = if replacement.is_some() || found.contains(' ') {
                    format!("Wordy phrase \"{found}\"")
                } else {
                    format!("Filler word \"{found}\"")
                };
                let mut fixes = Vec::new();
                if let Some((edit, new, title)) = rewrite(text, m.start..m.end, replacement)
                    && block.text.is_verbatim(edit.clone())
                {
                    fixes.push(Fix::suggestion(
                        title,
                        vec![Edit::replace(block.text.source_range(edit), new)],
                    ));
                }
                sink.report_with(range, message, fixes);
            }
        }
    }
}

/// The logical range to replace, its replacement and the fix title, when the sentence
/// stays well-formed without the filler.
fn rewrite(
    text: &str,
    range: Range<usize>,
    replacement: Option<&str>,
) -> Option<(Range<usize>, String, String)> {
    let found = text.get(range.clone())?;
    if let Some(new) = replacement {
        let new = match_case(found, new);
        let title = format!("Replace \"{found}\" with \"{new}\"");
        return Some((range, new, title));
    }
    let title = format!("Remove \"{found}\"");
    let before = text.get(..range.start)?;
    let after = text.get(range.end..)?;
    if found.ends_with('.') {
        // "etc.": drop it with the separator before it; its period stays when it also
        // ends the sentence.
        let sep = if before.ends_with(", ") {
            2
        } else if before.ends_with(' ') {
            1
        } else {
            return None;
        };
        let rest = after.trim_start();
        let ends_sentence = rest.is_empty()
            || (after.starts_with(char::is_whitespace)
                && (rest.starts_with(char::is_uppercase)
                    || after.get(..after.len() - rest.len())?.contains('\n')));
        // The period stays unless the text before already ends with one ("etc. etc.").
        // After a label ("Tools: etc.") nothing would be left: no fix.
        let last = before.get(..before.len() - sep)?.chars().next_back()?;
        if !(last.is_alphanumeric() || matches!(last, ')' | '%' | '.' | '+' | '#')) {
            return None;
        }
        let kept_period = last == '.';
        let end = if ends_sentence && !kept_period {
            range.end - 1
        } else {
            range.end
        };
        return Some((range.start - sep..end, String::new(), title));
    }
    let word_follows = after
        .strip_prefix(' ')
        .and_then(|a| a.chars().next())
        .is_some_and(char::is_alphanumeric);
    let space_or_start = before.is_empty() || before.ends_with(char::is_whitespace);
    if word_follows && space_or_start {
        // "Successfully led" -> "Led": the next word takes the capital.
        let next = after.get(1..)?;
        let first = next.chars().next()?;
        if found.starts_with(char::is_uppercase) && first.is_lowercase() {
            let end = range.end + 1 + first.len_utf8();
            return Some((range.start..end, capitalize(&first.to_string()), title));
        }
        return Some((range.start..range.end + 1, String::new(), title));
    }
    let ends_clause = after.is_empty() || after.starts_with(['.', ',', ';', ':', '!', '?', ')']);
    let after_word = before
        .strip_suffix(' ')
        .and_then(|b| b.chars().next_back())
        .is_some_and(|c| c.is_alphanumeric() || c == ')' || c == '%');
    if ends_clause && after_word {
        // "deployed successfully." -> "deployed."
        return Some((range.start - 1..range.end, String::new(), title));
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{apply_fix, assert_clean, diagnostics, fix_titles, flagged, messages};

    const R: RuleId = RuleId::FillerWord;

    fn md(bullet: &str) -> String {
        format!("## Experience\n\n### Analyst, Acme — 2019 – 2022\n\n- {bullet}\n")
    }

    /// The bullet after applying fix `n`.
    fn fixed(bullet: &str) -> String {
        let out = apply_fix(R, Format::Markdown, &md(bullet), 0);
        out.lines()
            .find_map(|l| l.strip_prefix("- "))
            .unwrap_or("")
            .to_owned()
    }

    #[test]
    fn quiet_on_a_phrase_the_posting_uses() {
        use crate::testing::posting_flagged;
        let posting = "You will work with various teams on a daily basis.";
        let doc = "## Experience\n\n### Analyst, Acme — 2019 – 2022\n\n- Successfully met various teams on a daily basis\n";
        assert_eq!(
            posting_flagged(RuleId::FillerWord, Format::Markdown, doc, posting),
            ["Successfully"]
        );
        let yaml = "work:\n  - highlights:\n      - Met various teams on a daily basis\n";
        assert!(posting_flagged(RuleId::FillerWord, Format::Yaml, yaml, posting).is_empty());
        let json = r#"{"work":[{"highlights":["Met various teams"]}]}"#;
        assert!(posting_flagged(RuleId::FillerWord, Format::Json, json, posting).is_empty());
    }

    #[test]
    fn flags_fillers_with_messages_and_titles() {
        let doc = md("Successfully shipped various apps in order to grow revenue");
        assert_eq!(
            flagged(R, Format::Markdown, &doc),
            ["Successfully", "various", "in order to"]
        );
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            [
                "Filler word \"Successfully\"",
                "Filler word \"various\"",
                "Wordy phrase \"in order to\""
            ]
        );
        let titles: Vec<String> = diagnostics(R, Format::Markdown, &doc)
            .iter()
            .flat_map(|d| d.fixes.iter().map(|f| f.title.clone()))
            .collect();
        assert_eq!(
            titles,
            [
                "Remove \"Successfully\"",
                "Remove \"various\"",
                "Replace \"in order to\" with \"to\""
            ]
        );
    }

    #[test]
    fn removal_keeps_the_sentence_well_formed() {
        assert_eq!(fixed("Successfully led the migration"), "Led the migration");
        assert_eq!(fixed("Led various teams"), "Led teams");
        assert_eq!(
            fixed("Deployed the service successfully."),
            "Deployed the service."
        );
        assert_eq!(fixed("Deployed it successfully"), "Deployed it");
        assert_eq!(
            fixed("In order to cut costs, moved to ARM"),
            "To cut costs, moved to ARM"
        );
        assert_eq!(fixed("Used Python, Go, etc."), "Used Python, Go.");
        assert_eq!(
            fixed("Used Python, Go, etc. Cut costs"),
            "Used Python, Go. Cut costs"
        );
        assert_eq!(fixed("Used Python, Go, etc"), "Used Python, Go, etc");
        assert_eq!(
            fixed("Used (Python, Go, etc.) daily"),
            "Used (Python, Go) daily"
        );
        assert_eq!(
            fixed("Used Python, Go, etc. to cut costs"),
            "Used Python, Go to cut costs"
        );
        assert_eq!(fixed("Used a wide variety of tools"), "Used tools");
        assert_eq!(fixed("Used Go etc. etc."), "Used Go etc.");
        assert_eq!(fixed("Met clients on a weekly basis"), "Met clients weekly");
    }

    #[test]
    fn no_fix_that_would_break_punctuation_or_markup() {
        let doc = md("Led, successfully, the migration");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["successfully"]);
        assert!(fix_titles(R, Format::Markdown, &doc).is_empty());
        let doc = md("Tools: etc.");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["etc."]);
        assert!(fix_titles(R, Format::Markdown, &doc).is_empty());
        let doc = md("**Successfully** led the migration");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Successfully"]);
        assert!(fix_titles(R, Format::Markdown, &doc).is_empty());
    }

    #[test]
    fn not_in_interests_or_references() {
        let doc = "## Interests\n\n- Listening to a variety of genres\n\n## References\n\nShe really delivered. — J. Doe\n";
        assert_clean(R, Format::Markdown, doc);
        let json = r#"{"interests":[{"name":"Music","summary":"I enjoy a variety of genres"}]}"#;
        assert_clean(R, Format::Json, json);
    }

    #[test]
    fn not_flagged() {
        for bullet in [
            "Led the migration of 14 services",
            "Designed VLSI (Very Large Scale Integration) layouts",
            "Very Large Scale Integration course, 2019",
            "Presented \"Various Ways to Scale\" at RustConf",
            "Migrated every service, cutting costs by 30%",
            "Built a very-low-latency cache",
            "Set `etc.` config via /etc/hosts",
        ] {
            assert_clean(R, Format::Markdown, &md(bullet));
        }
    }

    #[test]
    fn yaml_fix_inside_a_quoted_scalar_stays_valid() {
        let doc = "work:\n  - position: Analyst\n    highlights:\n      - \"Successfully led payroll: 400 staff\"\n      - 'Used Python, Go, etc.'\n";
        assert_eq!(flagged(R, Format::Yaml, doc), ["Successfully", "etc."]);
        let out = apply_fix(R, Format::Yaml, doc, 0);
        assert!(
            out.contains("      - \"Led payroll: 400 staff\"\n"),
            "{out}"
        );
        let out = apply_fix(R, Format::Yaml, &out, 0);
        assert!(out.contains("      - 'Used Python, Go.'\n"), "{out}");
        // Still valid YAML: no syntax error.
        assert_clean(RuleId::SyntaxError, Format::Yaml, &out);
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - position: Analyst\n    highlights:\n      - Led payroll for 400 staff\n",
        );
    }

    #[test]
    fn json() {
        let doc = r#"{"basics":{"summary":"Results-driven engineer"},"work":[{"position":"Dev","startDate":"2020-01","highlights":["Successfully shipped 3 apps"]}]}"#;
        assert_eq!(flagged(R, Format::Json, doc), ["Successfully"]);
        let out = apply_fix(R, Format::Json, doc, 0);
        assert!(out.contains(r#"["Shipped 3 apps"]"#), "{out}");
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"position":"Dev","highlights":["Shipped 3 apps"]}]}"#,
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::FillerWord::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
