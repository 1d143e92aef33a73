//! `textDocument/hover`: on a diagnostic's range, the rule's doc (what it does, why it is
//! bad, an example, what to write instead) in Markdown.
// Issue 4: a hover on a matched posting keyword ("how it matched") is a second provider
// here, asked when no diagnostic covers the position.

use super::position;
use super::session::Snapshot;
use hirelint_rules::RuleId;
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

/// The doc sections a hover shows, in order.
const SECTIONS: [&str; 4] = ["What it does", "Why is this bad?", "Example", "Use instead"];

pub fn hover(snap: &Snapshot, at: Position) -> Option<Hover> {
    let analysis = snap.analyze()?;
    let offset = position::offset(&snap.rope, at, snap.encoding).byte;
    let covering: Vec<_> = analysis
        .report
        .diagnostics
        .iter()
        .filter(|d| d.range.start() <= offset && offset <= d.range.end())
        .collect();
    let first = covering.first()?;
    let mut range = first.range;
    let mut rules: Vec<RuleId> = Vec::new();
    let mut value = String::new();
    for d in &covering {
        range = range.cover(d.range);
        if rules.contains(&d.rule) {
            continue;
        }
        rules.push(d.rule);
        if !value.is_empty() {
            value.push_str("\n\n---\n\n");
        }
        value.push_str(&rule_markdown(d.rule, &d.message));
    }
    let kind = if snap.caps.markdown_hover {
        MarkupKind::Markdown
    } else {
        MarkupKind::PlainText
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind, value }),
        range: Some(position::range(&snap.rope, range, snap.encoding)),
    })
}

/// `hirelint: RULE` and the message, then the rule doc's sections, headings one level down.
pub fn rule_markdown(rule: RuleId, message: &str) -> String {
    let meta = rule.meta();
    let mut out = format!("**{}** ({}): {message}\n", meta.id, meta.category);
    let mut keep = false;
    for line in meta.doc.lines() {
        let line = line.strip_prefix(' ').unwrap_or(line);
        if let Some(heading) = line.strip_prefix("## ") {
            keep = SECTIONS.contains(&heading.trim());
            if keep {
                out.push_str("\n### ");
                out.push_str(heading.trim());
                out.push('\n');
            }
            continue;
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hover_text_has_the_four_sections_only() {
        let text = rule_markdown(RuleId::WeakOpener, "Weak opener \"Responsible for\"");
        assert!(
            text.starts_with("**weak-opener** (verbs): Weak opener"),
            "{text}"
        );
        let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("### ")).collect();
        assert_eq!(
            headings,
            [
                "### What it does",
                "### Why is this bad?",
                "### Example",
                "### Use instead"
            ]
        );
        assert!(!text.contains("Known limits"));
        assert!(text.contains("```markdown"));
    }
}
