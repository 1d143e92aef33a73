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
    pub struct MissingSection {
        id: "missing-section",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for MissingSection {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
