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
    pub struct ContactNotAtTop {
        id: "contact-not-at-top",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for ContactNotAtTop {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
