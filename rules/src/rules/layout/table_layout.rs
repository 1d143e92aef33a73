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
    pub struct TableLayout {
        id: "table-layout",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for TableLayout {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
