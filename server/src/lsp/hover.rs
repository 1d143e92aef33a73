//! `textDocument/hover`: on a posting keyword the resume matches, how it matched; on a
//! diagnostic's range, the rule's doc (what it does, why it is bad, an example, what to
//! write instead) in Markdown. Both when both apply, the keyword first.

use super::position;
use super::session::Snapshot;
use crate::line_index::LineIndex;
use hirelint_rules::posting::{Importance, KeywordMatch, MatchKind, Status};
use hirelint_rules::{DocLine, RuleId};
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

/// The doc sections a hover shows, in order.
const SECTIONS: [&str; 4] = ["What it does", "Why is this bad?", "Example", "Use instead"];

pub fn hover(snap: &Snapshot, at: Position) -> Option<Hover> {
    let analysis = snap.analysis()?;
    let offset = position::offset(&snap.rope, at, snap.encoding).byte;
    let covering: Vec<_> = analysis
        .report
        .diagnostics
        .iter()
        .filter(|d| d.range.start() <= offset && offset <= d.range.end())
        .collect();
    let mut range: Option<hirelint_rules::TextRange> = None;
    let mut value = String::new();
    if let (Some(posting), Some(matched)) = (&analysis.posting, &analysis.report.posting) {
        let index = LineIndex::new(&posting.posting.source);
        for k in &matched.keywords {
            let Some(hit) = k
                .hits
                .iter()
                .find(|h| h.range.start() <= offset && offset <= h.range.end())
            else {
                continue;
            };
            range = Some(range.map_or(hit.range, |r| r.cover(hit.range)));
            if !value.is_empty() {
                value.push_str("\n\n");
            }
            let shown = analysis
                .posting_path
                .as_deref()
                .map_or_else(|| posting.path.clone(), |p| snap.display(p));
            value.push_str(&keyword_text(k, hit.kind, &hit.found, &shown, &index));
        }
    }
    let mut rules: Vec<RuleId> = Vec::new();
    for d in &covering {
        range = Some(range.map_or(d.range, |r| r.cover(d.range)));
        if rules.contains(&d.rule) {
            continue;
        }
        rules.push(d.rule);
        if !value.is_empty() {
            value.push_str("\n\n---\n\n");
        }
        value.push_str(&rule_markdown(d.rule, &d.message));
    }
    let range = range?;
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

/// How the resume matches a posting keyword: `Matches the posting's "Kubernetes" (alias
/// "k8s"), a must-have, asked at posting.md:8`.
pub fn keyword_text(
    k: &KeywordMatch,
    kind: MatchKind,
    found: &str,
    posting: &str,
    index: &LineIndex,
) -> String {
    let how = match kind {
        MatchKind::Exact => "exact".to_owned(),
        MatchKind::NearMiss => format!("\"{found}\""),
        other => format!("{} \"{found}\"", other.as_str()),
    };
    let lead = if k.status == Status::NearMiss {
        "Looks like a misspelling of"
    } else {
        "Matches"
    };
    let importance = match k.importance {
        Importance::Must => "a must-have",
        Importance::Nice => "a nice-to-have",
    };
    let years = k
        .years
        .map(|y| format!(" ({y}+ years)"))
        .unwrap_or_default();
    let asked = k
        .posting
        .first()
        .map(|r| format!(", asked at {posting}:{}", index.line_col(r.start()).line))
        .unwrap_or_default();
    format!(
        "{lead} the posting's \"{}\" ({how}), {importance}{years}{asked}",
        k.name
    )
}

/// `hirelint: RULE` and the message, then the rule doc's sections, headings one level down.
pub fn rule_markdown(rule: RuleId, message: &str) -> String {
    let meta = rule.meta();
    let mut out = format!("**{}** ({}): {message}\n", meta.id, meta.category);
    let mut keep = false;
    for line in meta.doc_lines() {
        match line {
            DocLine::Heading(heading) => {
                keep = SECTIONS.contains(&heading);
                if keep {
                    out.push_str("\n### ");
                    out.push_str(heading);
                    out.push('\n');
                }
            }
            DocLine::Text(text) if keep => {
                out.push_str(text);
                out.push('\n');
            }
            DocLine::Text(_) => {}
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

    #[test]
    fn a_heading_inside_an_example_is_part_of_the_example() {
        let text = rule_markdown(RuleId::KeywordOnlyInSkills, "m");
        let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("### ")).collect();
        assert_eq!(headings.len(), 4, "{text}");
        assert!(text.contains("\n## Skills"), "{text}");
    }
}
