use crate::document::BlockKind;
use crate::matchers::words;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a summary (or objective, or profile) of more than 80 words, about five lines.
    /// The paragraphs of one summary count together.
    ///
    /// ## Why is this bad?
    /// The US resume guide lists "writing a long summary or objective instead of a
    /// concise, achievement-focused one" among the resume killers. The summary is read
    /// first and quickly: three to five lines with your role, your years and one or two
    /// results; the details belong in the experience section.
    ///
    /// ## Example
    /// ```yaml
    /// basics:
    ///   name: Ada Lovelace
    ///   summary: >
    ///     I am a passionate and dedicated software engineer with a strong background in
    ///     building reliable systems, and I enjoy working with cross-functional teams to
    ///     deliver high-quality products that delight customers, while continuously
    ///     learning new technologies and mentoring others, and I am looking for a role
    ///     where I can grow my skills, take on new challenges, contribute to a mission I
    ///     believe in, and help the company reach its goals with my broad experience in
    ///     distributed systems, databases, cloud infrastructure and team leadership.
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// basics:
    ///   name: Ada Lovelace
    ///   summary: >
    ///     Backend engineer with 8 years in payments. Cut settlement time from 3 days to
    ///     4 hours at Northwind; led a team of 5 through a PCI audit with zero findings.
    /// ```
    pub struct LongSummary {
        id: "long-summary",
        category: Length,
        severity: Warning,
        fix: None,
    }
}

/// About five lines of a summary.
const MAX_SUMMARY_WORDS: usize = 80;

impl Rule for LongSummary {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        // Summary blocks grouped by section (the resume-level summary has none).
        let mut groups: Vec<(Option<usize>, usize, crate::span::TextRange)> = Vec::new();
        for block in cx
            .resume
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Summary)
        {
            let count = words(block.text.as_str()).count();
            let span = block.text.span();
            match groups.iter_mut().find(|(s, _, _)| *s == block.section) {
                Some((_, total, range)) => {
                    *total += count;
                    *range = range.cover(span);
                }
                None => groups.push((block.section, count, span)),
            }
        }
        for (_, total, range) in groups {
            if total > MAX_SUMMARY_WORDS {
                sink.report(
                    range,
                    format!(
                        "Summary of {total} words; recruiters read about {MAX_SUMMARY_WORDS} (five lines)"
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, messages};

    const RULE: RuleId = RuleId::LongSummary;

    fn words(n: usize) -> String {
        vec!["word"; n].join(" ")
    }

    #[test]
    fn flags_long_summaries_in_every_format() {
        let md = format!(
            "# Ada\n\n## Summary\n\n{}\n\n{}\n\n## Experience\n\n- Cut costs by 20%\n",
            words(50),
            words(40)
        );
        assert_eq!(
            messages(RULE, Format::Markdown, &md),
            ["Summary of 90 words; recruiters read about 80 (five lines)"]
        );
        let yaml = format!("basics:\n  name: Ada\n  summary: {}\n", words(81));
        assert_eq!(messages(RULE, Format::Yaml, &yaml).len(), 1);
        let json = format!(
            r#"{{"basics":{{"name":"Ada","summary":"{}"}}}}"#,
            words(100)
        );
        assert_eq!(messages(RULE, Format::Json, &json).len(), 1);
    }

    #[test]
    fn short_summaries_are_clean() {
        let md = format!(
            "# Ada\n\n## Summary\n\n{}\n\n## Experience\n\n- {}\n",
            words(80),
            words(90)
        );
        assert_clean(RULE, Format::Markdown, &md);
        assert_clean(
            RULE,
            Format::Yaml,
            &format!("basics:\n  summary: {}\n", words(60)),
        );
        assert_clean(
            RULE,
            Format::Json,
            &format!(r#"{{"basics":{{"summary":"{}"}}}}"#, words(60)),
        );
    }
}
