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
    pub struct MissingMetric {
        id: "missing-metric",
        category: Impact,
        severity: Warning,
        fix: Always,
    }
}

impl Rule for MissingMetric {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
