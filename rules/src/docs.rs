//! The rule reference as Markdown: `docs/rules.md`, `hirelint rules --format markdown`.

use crate::registry::ALL_RULES;
use crate::rules::{Category, DocLine};
use std::fmt::Write;

/// The rule table, then each rule's doc, in registry order.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rule registry by `UPDATE_GENERATED=1 cargo test`. Do not edit. -->\n\n\
         | rule | category | default severity | fix |\n| --- | --- | --- | --- |\n",
    );
    for rule in ALL_RULES {
        let m = rule.meta();
        let _ = writeln!(
            out,
            "| [`{}`](#{}) | {} | {} | {} |",
            m.id,
            m.id,
            m.category,
            m.default_severity,
            m.fix.as_str()
        );
    }
    for category in Category::ALL {
        let _ = write!(out, "\n## {category}\n");
        for rule in ALL_RULES.iter().filter(|r| r.category() == *category) {
            let m = rule.meta();
            let _ = write!(
                out,
                "\n### {}\n\nCategory: {} · default severity: {} · fix: {}\n\n",
                m.id,
                m.category,
                m.default_severity,
                m.fix.as_str()
            );
            // Rule docs use `##` headings; nest them under the rule's `###`.
            for line in m.doc_lines() {
                let _ = match line {
                    DocLine::Heading(h) => writeln!(out, "#### {h}"),
                    DocLine::Text(text) => writeln!(out, "{text}"),
                };
            }
        }
    }
    out
}
