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
    pub struct EmbeddedImage {
        id: "embedded-image",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for EmbeddedImage {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
