//! Placeholder fixes as snippets, for clients that accept snippet edits (LSP 3.18
//! `workspace.workspaceEdit.snippetEditSupport`): `missing-metric` appends " by [N]%", and
//! the editor should leave "[N]" selected, ready to type over.
//!
//! The typed `WorkspaceEdit` of ls-types has no snippet edits, so the quick fix carries the
//! command `hirelint.applyFix` instead of an edit; `workspace/executeCommand` recomputes
//! the fix from the current text and sends the snippet edit with `workspace/applyEdit`.

use super::position;
use super::session::Snapshot;
use hirelint_rules::Diagnostic;
use serde_json::{Value, json};
use tower_lsp_server::ls_types::{Command, request::Request};

/// The command of a placeholder quick fix.
pub const APPLY_FIX: &str = "hirelint.applyFix";

/// The placeholders `missing-metric` inserts and `unfilled-placeholder` reports.
const PLACEHOLDERS: &[&str] = &["[N]", "[X]", "[Y]"];

pub fn has_placeholder(text: &str) -> bool {
    PLACEHOLDERS.iter().any(|p| text.contains(p))
}

/// `workspace/applyEdit` with raw JSON params (a snippet edit is not in ls-types).
pub enum ApplySnippetEdit {}

impl Request for ApplySnippetEdit {
    type Params = Value;
    type Result = Value;
    const METHOD: &'static str = "workspace/applyEdit";
}

/// The command that applies fix `index` of `d`: what identifies it in the current text.
pub fn command(snap: &Snapshot, d: &Diagnostic, index: usize, title: &str) -> Command {
    Command {
        title: title.to_owned(),
        command: APPLY_FIX.to_owned(),
        arguments: Some(vec![json!({
            "uri": snap.uri.as_str(),
            "version": snap.version,
            "rule": d.rule.as_str(),
            "start": d.range.start(),
            "end": d.range.end(),
            "fix": index,
        })]),
    }
}

/// The text as a snippet: `$`, `}` and `\` escaped, each placeholder a tab stop.
pub fn to_snippet(text: &str) -> String {
    let mut out = String::new();
    let mut stop = 0;
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(p) = PLACEHOLDERS.iter().find(|p| rest.starts_with(**p)) {
            stop += 1;
            out.push_str(&format!("${{{stop}:{p}}}"));
            rest = rest.get(p.len()..).unwrap_or("");
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        if matches!(c, '$' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or("");
    }
    out
}

/// The `workspace/applyEdit` params for a `hirelint.applyFix` command, recomputed from the
/// current text; `None` when the document changed since the action was offered, or the fix
/// is gone.
pub fn apply_params(snap: &Snapshot, args: &Value) -> Option<Value> {
    if args.get("version")?.as_i64()? != i64::from(snap.version) {
        return None;
    }
    let analysis = snap.analysis()?;
    let rule = args.get("rule")?.as_str()?;
    let start = usize::try_from(args.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(args.get("end")?.as_u64()?).ok()?;
    let index = usize::try_from(args.get("fix")?.as_u64()?).ok()?;
    let d =
        analysis.report.diagnostics.iter().find(|d| {
            d.rule.as_str() == rule && d.range.start() == start && d.range.end() == end
        })?;
    let fix = d.fixes.get(index)?;
    let edits: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| {
            let range = position::range(&snap.rope, e.range, snap.encoding);
            if has_placeholder(&e.replacement) {
                json!({ "range": range, "snippet": { "kind": "snippet", "value": to_snippet(&e.replacement) } })
            } else {
                json!({ "range": range, "newText": e.replacement })
            }
        })
        .collect();
    Some(json!({
        "label": fix.title,
        "edit": { "documentChanges": [{
            "textDocument": { "uri": snap.uri.as_str(), "version": snap.version },
            "edits": edits,
        }] },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_tab_stops_and_the_rest_is_escaped() {
        assert_eq!(to_snippet(" by [N]%"), " by ${1:[N]}%");
        assert_eq!(to_snippet(" from [X] to [Y]"), " from ${1:[X]} to ${2:[Y]}");
        assert_eq!(to_snippet("$5 {a} \\ [N]"), "\\$5 {a\\} \\\\ ${1:[N]}");
        assert!(has_placeholder("saving [N] hours") && !has_placeholder("saving 5 hours"));
    }
}
