use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports where the document cannot be read: invalid YAML or JSON, a duplicate key,
    /// an unclosed front matter block, a suppression comment naming a rule that does not
    /// exist. What could be read is still linted.
    ///
    /// ## Why is this bad?
    /// The tool that renders the resume (a JSON Resume theme, RenderCV, a static site) fails
    /// or silently drops the broken part, so the resume a recruiter sees is not the one you
    /// wrote. A duplicate key keeps only one of the two values.
    ///
    /// ## Example
    /// ```yaml
    /// basics:
    ///   name: Ada Lovelace
    ///   name: Ada King
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// basics:
    ///   name: Ada Lovelace
    /// ```
    pub struct SyntaxError {
        id: "syntax-error",
        category: Syntax,
        severity: Error,
        fix: None,
    }
}

impl Rule for SyntaxError {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        for problem in &cx.resume.problems {
            sink.report(problem.span, problem.message.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, messages};

    #[test]
    fn duplicate_key_in_yaml() {
        let text = "basics:\n  name: Ada\n  name: Bob\n";
        let found = messages(RuleId::SyntaxError, Format::Yaml, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("duplicate key \"name\""), "{found:?}");
    }

    #[test]
    fn broken_json() {
        let text = "{\"basics\": {\"name\": \"Ada\" \"email\": \"a@b.c\"}}";
        assert_eq!(messages(RuleId::SyntaxError, Format::Json, text).len(), 1);
    }

    #[test]
    fn valid_documents_are_clean() {
        assert_clean(RuleId::SyntaxError, Format::Yaml, "basics:\n  name: Ada\n");
        assert_clean(
            RuleId::SyntaxError,
            Format::Json,
            "{\"basics\": {\"name\": \"Ada\"}}",
        );
        assert_clean(
            RuleId::SyntaxError,
            Format::Markdown,
            "# Ada\n\n- Built things\n",
        );
    }
}
