use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Placeholder.
    ///
    /// ## Why is this bad?
    /// Placeholder.
    ///
    /// ## Example
    /// ```markdown
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ```
    pub struct MissingActionVerb {
        id: "missing-action-verb",
        category: Verbs,
        severity: Info,
        fix: None,
    }
}

impl Rule for MissingActionVerb {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
