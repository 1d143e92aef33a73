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
    pub struct PersonalData {
        id: "personal-data",
        category: Privacy,
        severity: Warning,
        fix: None,
    }
}

impl Rule for PersonalData {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
