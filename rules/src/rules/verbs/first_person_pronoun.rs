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
    pub struct FirstPersonPronoun {
        id: "first-person-pronoun",
        category: Verbs,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for FirstPersonPronoun {
    fn check(&self, _cx: &Context<'_>, _sink: &mut Sink) {}
}
