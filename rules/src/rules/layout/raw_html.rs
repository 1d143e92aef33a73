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
    pub struct RawHtml {
        id: "raw-html",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for RawHtml {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
