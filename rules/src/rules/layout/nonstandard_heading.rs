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
    pub struct NonstandardHeading {
        id: "nonstandard-heading",
        category: Layout,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for NonstandardHeading {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
