use crate::document::BlockKind;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a placeholder left in the text: "[N]", "[X]" or "[Y]", as the fixes of
    /// `missing-metric` insert them ("Cut costs by [N]%").
    ///
    /// ## Why is this bad?
    /// A placeholder is a note to yourself. A recruiter who reads "[N]%" sees an unfinished
    /// resume, and an ATS indexes the brackets as text. Put the real figure in, or reword
    /// the bullet.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// - Reduced cloud costs by [N]%
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// - Reduced cloud costs by 18%
    /// ```
    pub struct UnfilledPlaceholder {
        id: "unfilled-placeholder",
        category: Impact,
        severity: Error,
        fix: None,
    }
}

const PLACEHOLDERS: &[&str] = &["[N]", "[X]", "[Y]"];

/// Whether `text` holds one of the placeholders the fixes insert.
pub(crate) fn has_placeholder(text: &str) -> bool {
    text.contains('[') && PLACEHOLDERS.iter().any(|p| text.contains(p))
}

impl Rule for UnfilledPlaceholder {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        for block in &cx.resume.blocks {
            let text = block.text.as_str();
            if block.kind == BlockKind::Field || !has_placeholder(text) {
                continue;
            }
            for placeholder in PLACEHOLDERS {
                for (at, _) in text.match_indices(placeholder) {
                    sink.report(
                        block.text.source_range(at..at + placeholder.len()),
                        format!("Unfilled placeholder \"{placeholder}\""),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged};

    const RULE: RuleId = RuleId::UnfilledPlaceholder;

    #[test]
    fn flags_placeholders_in_every_format() {
        let md = "# Experience\n\n- Reduced costs by [N]% from [X] to [Y]\n";
        assert_eq!(flagged(RULE, Format::Markdown, md), ["[N]", "[X]", "[Y]"]);
        let yaml = "work:\n  - position: Dev\n    highlights:\n      - \"Served [N] users\"\n";
        assert_eq!(flagged(RULE, Format::Yaml, yaml), ["[N]"]);
        let json = r#"{"work":[{"position":"Dev","highlights":["Saved [N] hours a week"]}]}"#;
        assert_eq!(flagged(RULE, Format::Json, json), ["[N]"]);
    }

    #[test]
    fn real_figures_and_other_brackets_are_clean() {
        let md = "# Experience\n\n- Reduced costs by 18% [see the case study](https://example.com)\n- Wrote [Nim] bindings\n";
        assert_clean(RULE, Format::Markdown, md);
        assert_clean(RULE, Format::Yaml, "basics:\n  summary: Cut costs by 18%\n");
        assert_clean(
            RULE,
            Format::Json,
            r#"{"basics":{"summary":"Cut costs by 18%"}}"#,
        );
    }
}
