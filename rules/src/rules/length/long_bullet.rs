use crate::document::BlockKind;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a bullet of more than 35 words: more than two lines on a printed page.
    ///
    /// ## Why is this bad?
    /// Recruiters spend seconds on a resume (the US resume guide) and read the first line
    /// of each bullet. A bullet that runs to three lines hides its result in the middle; a
    /// bullet of one or two lines that leads with the verb and ends with the number is read
    /// whole.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// - Led the migration of the billing platform from a monolith to services, which
    ///   involved coordinating with the finance, support and data teams, writing the
    ///   migration runbooks, and training the on-call rotation on the new dashboards, so
    ///   that invoices went out 40% faster
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// - Moved billing from a monolith to 6 services, sending invoices out 40% faster
    /// - Wrote the runbooks and trained the 12-person on-call rotation on the new dashboards
    /// ```
    pub struct LongBullet {
        id: "long-bullet",
        category: Length,
        severity: Warning,
        fix: None,
    }
}

/// Words in two printed lines of a bullet.
pub(crate) const MAX_BULLET_WORDS: usize = 35;

impl Rule for LongBullet {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        for (i, block) in cx
            .resume
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Bullet)
        {
            let text = block.text.as_str();
            // Cheap bound first: 35 words need at least 70 bytes.
            if text.len() < 2 * MAX_BULLET_WORDS {
                continue;
            }
            // The words the verbs rules tokenized already (`words` of the text).
            let count = cx.tokens(i).len();
            if count > MAX_BULLET_WORDS {
                sink.report(
                    block.text.source_range(0..text.len()),
                    format!("Bullet of {count} words; two lines hold about {MAX_BULLET_WORDS}"),
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

    const RULE: RuleId = RuleId::LongBullet;

    fn long() -> String {
        "Coordinated ".to_owned() + &"the team and ".repeat(12) + "shipped"
    }

    #[test]
    fn flags_long_bullets_in_every_format() {
        let md = format!("# Experience\n\n- {}\n- Cut costs by 20%\n", long());
        assert_eq!(
            messages(RULE, Format::Markdown, &md),
            ["Bullet of 38 words; two lines hold about 35"]
        );
        let yaml = format!(
            "work:\n  - position: Dev\n    highlights:\n      - {}\n",
            long()
        );
        assert_eq!(messages(RULE, Format::Yaml, &yaml).len(), 1);
        let json = format!(
            r#"{{"work":[{{"position":"Dev","highlights":["{}"]}}]}}"#,
            long()
        );
        assert_eq!(messages(RULE, Format::Json, &json).len(), 1);
    }

    #[test]
    fn short_bullets_and_long_paragraphs_are_clean() {
        assert_clean(
            RULE,
            Format::Markdown,
            "# Experience\n\n- Cut costs by 20% for 40 staff\n",
        );
        let para = format!("# Summary\n\n{}\n", long());
        assert_clean(RULE, Format::Markdown, &para);
        assert_clean(
            RULE,
            Format::Yaml,
            "work:\n  - highlights:\n      - Cut costs by 20%\n",
        );
        assert_clean(
            RULE,
            Format::Json,
            r#"{"work":[{"highlights":["Cut costs by 20%"]}]}"#,
        );
    }
}
