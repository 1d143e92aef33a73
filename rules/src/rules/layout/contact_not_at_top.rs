use super::missing_contact::ContactKind;
use crate::document::{Format, SectionKind};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags an email address or phone number that appears only after the first content
    /// section (Summary, Experience, Education...), for example in a Contact section at
    /// the end. A Contact section at the top, before the other sections, is fine. Markdown
    /// only: in YAML and JSON the theme decides where contact details go.
    ///
    /// ## Why is this bad?
    /// Recruiters look for contact details under the name, and ATS parsers read the top of
    /// the page to fill the candidate record. The US resume guide: "Ensure your contact
    /// information is clearly visible and easily parsable at the top of your resume".
    ///
    /// ## Example
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ## Experience
    ///
    /// - Wrote the first published algorithm for the Analytical Engine
    ///
    /// ## Contact
    ///
    /// ada@example.com · +44 20 7946 0958
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ada@example.com · +44 20 7946 0958
    ///
    /// ## Experience
    ///
    /// - Wrote the first published algorithm for the Analytical Engine
    /// ```
    pub struct ContactNotAtTop {
        id: "contact-not-at-top",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for ContactNotAtTop {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        if cx.resume.format != Format::Markdown {
            return;
        }
        let Some(top_end) = cx
            .section_markers()
            .iter()
            .find(|m| m.kind != SectionKind::Contact)
            .map(|m| m.start)
        else {
            return;
        };
        let found = cx.contacts();
        for kind in [ContactKind::Email, ContactKind::Phone] {
            let mut of_kind = found.iter().filter(|c| c.kind == kind);
            let Some(first) = of_kind.next() else {
                continue;
            };
            if first.range.start() < top_end {
                continue;
            }
            let shown = first.range.slice(cx.source);
            sink.report(
                first.range,
                format!(
                    "{} \"{shown}\" is not at the top of the resume",
                    kind.name()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const RULE: RuleId = RuleId::ContactNotAtTop;
    const MD: Format = Format::Markdown;

    #[test]
    fn contact_section_at_the_end() {
        let text =
            "# Ada\n\n## Experience\n\n- Built\n\n## Contact\n\nada@example.com | (555) 010-0000\n";
        assert_eq!(
            flagged(RULE, MD, text),
            ["ada@example.com", "(555) 010-0000"]
        );
        assert_eq!(
            messages(RULE, MD, text),
            [
                "Email address \"ada@example.com\" is not at the top of the resume",
                "Phone number \"(555) 010-0000\" is not at the top of the resume"
            ]
        );
    }

    #[test]
    fn only_the_late_one_is_flagged() {
        let text = "# Ada\n\nada@example.com\n\n## Summary\n\nEngineer.\n\n## Contact\n\nPhone: 555-0100\n";
        assert_eq!(flagged(RULE, MD, text), ["Phone: 555-0100"]);
    }

    #[test]
    fn header_and_leading_contact_section_are_fine() {
        assert_clean(
            RULE,
            MD,
            "# Ada\n\nada@example.com · 555-010-0000\n\n## Experience\n\n- Built\n\n## Contact\n\nada@example.com\n",
        );
        assert_clean(
            RULE,
            MD,
            "# Ada\n\n## Contact Information\n\n- 📧 ada@example.com\n- 555-010-0000\n\n## Experience\n\n- Built\n",
        );
        // Nothing known to measure "top" by: quiet.
        assert_clean(RULE, MD, "# Ada\n\n## 其他\n\n- 开发\n\nada@example.com\n");
        // No contact at all is missing-contact's business.
        assert_clean(RULE, MD, "# Ada\n\n## Experience\n\n- Built\n");
    }

    #[test]
    fn plain_text_resume() {
        let text = "ADA LOVELACE\nEngineer | ada@example.com\n\nEXPERIENCE\nEngine Co, 2020 - Present\n- Built\n";
        assert_clean(RULE, MD, text);
        let late = "ADA LOVELACE\nEngineer\n\nEXPERIENCE\nEngine Co, 2020 - Present\n- Built\n\nCONTACT\nada@example.com\n";
        assert_eq!(flagged(RULE, MD, late), ["ada@example.com"]);
    }

    #[test]
    fn yaml_and_json_are_not_checked() {
        let yaml = "cv:\n  name: Ada\n  sections:\n    experience:\n      - company: X\n  email: ada@example.com\n";
        assert_clean(RULE, Format::Yaml, yaml);
        let json = r#"{"work":[{"name":"X"}],"basics":{"email":"ada@example.com"}}"#;
        assert_clean(RULE, Format::Json, json);
    }

    #[test]
    fn doc_example_triggers_and_use_instead_is_clean() {
        crate::rules::layout::check_doc(RULE, ContactNotAtTop::META.doc);
    }
}
