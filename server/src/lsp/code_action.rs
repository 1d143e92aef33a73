//! `textDocument/codeAction`: one quick fix per fix of each diagnostic in the range, the
//! "disable this rule" comments, and `source.fixAll.hirelint` (the safe fixes, as
//! `hirelint lint --fix` applies them). Everything is recomputed from the current text.

use super::convert;
use super::position;
use super::session::{Analysis, Snapshot};
use super::snippet;
use hirelint_rules::{
    Applicability, Diagnostic, Edit, Format, RuleId, TextRange, fix_until_stable,
};
use std::collections::HashMap;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, WorkspaceEdit,
};

/// The kind of the fix-all source action.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.hirelint")
}

pub fn code_actions(snap: &Snapshot, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
    let Some(analysis) = snap.analysis() else {
        return Vec::new();
    };
    let only = params.context.only.as_deref();
    let wanted = |kind: &CodeActionKind| {
        only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind
                        .as_str()
                        .strip_prefix(o.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    };
    let (range, _) = position::text_range(&snap.rope, params.range, snap.encoding);
    let mut actions = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        let in_range: Vec<&Diagnostic> = analysis
            .report
            .diagnostics
            .iter()
            .filter(|d| touches(d.range, range))
            .collect();
        for d in &in_range {
            actions.extend(quick_fixes(snap, d));
        }
        // One pair of "disable" actions per rule, after every fix.
        let mut seen: Vec<RuleId> = Vec::new();
        for d in in_range {
            if !seen.contains(&d.rule) {
                seen.push(d.rule);
                actions.extend(disable_actions(snap, &analysis, d));
            }
        }
    }
    if wanted(&fix_all_kind())
        && let Some(action) = fix_all(snap, &analysis)
    {
        actions.push(action);
    }
    actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// Whether a diagnostic's range meets the requested range (an empty request range inside
/// or at either end of it counts: the cursor is on it).
fn touches(d: TextRange, request: TextRange) -> bool {
    d.start() <= request.end() && request.start() <= d.end()
}

fn edit_for(snap: &Snapshot, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(snap.uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn quick_fixes(snap: &Snapshot, d: &Diagnostic) -> Vec<CodeAction> {
    let lsp_diagnostic = convert::diagnostic(d, &snap.rope, snap.encoding, snap.version, None);
    let preferred = d
        .fixes
        .iter()
        .position(|f| f.applicability == Applicability::Safe);
    d.fixes
        .iter()
        .enumerate()
        .map(|(i, fix)| {
            let mut action = CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diagnostic.clone()]),
                is_preferred: Some(preferred == Some(i)),
                ..CodeAction::default()
            };
            if snap.caps.snippet_edits
                && fix
                    .edits
                    .iter()
                    .any(|e| snippet::has_placeholder(&e.replacement))
            {
                // The client applies it as a snippet, the placeholder selected: through
                // `workspace/applyEdit`, since the typed `WorkspaceEdit` has no snippets.
                action.command = Some(snippet::command(snap, d, i, &fix.title));
            } else {
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| convert::text_edit(e, &snap.rope, snap.encoding))
                    .collect();
                action.edit = Some(edit_for(snap, edits));
            }
            action
        })
        .collect()
}

/// "Disable RULE for this line" and "… for this file": the format's suppression comment,
/// offered only where re-linting shows that it silences the diagnostic (a `#` line inside a
/// YAML block scalar is text, not a comment; JSON has no comments).
fn disable_actions(snap: &Snapshot, analysis: &Analysis, d: &Diagnostic) -> Vec<CodeAction> {
    let Some(resolved) = snap.resolved.as_deref() else {
        return Vec::new();
    };
    let format = snap.input(&analysis.text, resolved, None).format;
    let text = analysis.text.as_str();
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let rule = d.rule.as_str();
    let comment = |directive: &str| match format {
        Format::Markdown => Some(format!("<!-- hirelint-{directive} {rule} -->")),
        Format::Yaml => Some(format!("# hirelint-{directive} {rule}")),
        Format::Json => None,
    };
    let mut actions = Vec::new();

    let line_start = line_start(text, d.range.start());
    let indent: String = text
        .get(line_start..)
        .unwrap_or("")
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    if let Some(comment) = comment("disable-next-line") {
        let edit = Edit::insert(line_start, format!("{indent}{comment}{eol}"));
        if silences(snap, analysis, d, &edit) {
            actions.push(disable_action(
                snap,
                format!("Disable {rule} for this line"),
                &edit,
            ));
        }
    }
    if let Some(comment) = comment("disable-file") {
        let at = file_comment_offset(text, format);
        let edit = Edit::insert(at, format!("{comment}{eol}"));
        if silences(snap, analysis, d, &edit) {
            actions.push(disable_action(
                snap,
                format!("Disable {rule} for this file"),
                &edit,
            ));
        }
    }
    actions
}

fn disable_action(snap: &Snapshot, title: String, edit: &Edit) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(edit_for(
            snap,
            vec![convert::text_edit(edit, &snap.rope, snap.encoding)],
        )),
        ..CodeAction::default()
    }
}

/// Whether inserting `edit` (an insertion) makes the diagnostic go away.
fn silences(snap: &Snapshot, analysis: &Analysis, d: &Diagnostic, edit: &Edit) -> bool {
    let Some(resolved) = snap.resolved.as_deref() else {
        return false;
    };
    let at = edit.range.start();
    let mut text = analysis.text.clone();
    if !text.is_char_boundary(at) {
        return false;
    }
    text.insert_str(at, &edit.replacement);
    let shift = |i: usize| {
        if i >= at {
            i + edit.replacement.len()
        } else {
            i
        }
    };
    let moved = TextRange::new(shift(d.range.start()), shift(d.range.end()));
    let report = hirelint_rules::lint(&snap.input(&text, resolved, analysis.engine_posting()));
    !report
        .diagnostics
        .iter()
        .any(|other| other.rule == d.rule && other.range == moved)
}

fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|before| before.rfind(['\n', '\r']))
        .map_or(0, |i| i + 1)
}

/// Where a file-wide comment goes: the top, after a byte order mark and, in Markdown, after
/// the front matter (which must stay first).
fn file_comment_offset(text: &str, format: Format) -> usize {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = text.get(bom..).unwrap_or("");
    if format == Format::Markdown && (body.starts_with("---\n") || body.starts_with("---\r\n")) {
        let mut offset = bom;
        for (i, line) in body.split_inclusive('\n').enumerate() {
            offset += line.len();
            if i > 0 && line.trim_end() == "---" {
                return offset;
            }
        }
    }
    bom
}

/// `source.fixAll.hirelint`: every safe fix, applied until stable, as one edit covering
/// only what changed.
fn fix_all(snap: &Snapshot, analysis: &Analysis) -> Option<CodeAction> {
    let resolved = snap.resolved.as_deref()?;
    let has_safe = analysis.report.diagnostics.iter().any(|d| {
        d.fixes
            .iter()
            .any(|f| f.applicability == Applicability::Safe)
    });
    if !has_safe {
        return None;
    }
    let fixed = fix_until_stable(
        &snap.input(&analysis.text, resolved, analysis.engine_posting()),
        Applicability::Safe,
    );
    let edit = minimal_edit(&analysis.text, &fixed.text)?;
    Some(CodeAction {
        title: "Fix all safe hirelint problems".to_owned(),
        kind: Some(fix_all_kind()),
        edit: Some(edit_for(
            snap,
            vec![convert::text_edit(&edit, &snap.rope, snap.encoding)],
        )),
        ..CodeAction::default()
    })
}

/// One edit from `before` to `after`: the span between their common prefix and suffix.
pub fn minimal_edit(before: &str, after: &str) -> Option<Edit> {
    if before == after {
        return None;
    }
    let mut prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = before.len().min(after.len()) - prefix;
    let mut suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(before.len() - suffix)
        || !after.is_char_boundary(after.len() - suffix)
    {
        suffix -= 1;
    }
    Some(Edit::replace(
        TextRange::new(prefix, before.len() - suffix),
        after.get(prefix..after.len() - suffix).unwrap_or(""),
    ))
}

/// The text after applying LSP edits (as a client would), for tests.
#[cfg(test)]
fn apply(before: &str, edit: &Edit) -> String {
    let mut s = before.to_owned();
    s.replace_range(edit.range.as_range(), &edit.replacement);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_edits_round_trip() {
        for (a, b) in [
            ("abc", "abd"),
            ("- ⭐ Led\n", "- Led\n"),
            ("aaa", "aaaa"),
            ("😀x", "😁x"),
            ("x", ""),
            ("", "y"),
        ] {
            let edit = minimal_edit(a, b).unwrap();
            assert_eq!(apply(a, &edit), b, "{a:?} -> {b:?}");
        }
        assert_eq!(minimal_edit("same", "same"), None);
    }

    #[test]
    fn file_comments_go_after_front_matter() {
        let md = "---\nname: Ada\n---\n# Ada\n";
        assert_eq!(file_comment_offset(md, Format::Markdown), 18);
        assert_eq!(file_comment_offset("# Ada\n", Format::Markdown), 0);
        assert_eq!(file_comment_offset("\u{feff}name: x\n", Format::Yaml), 3);
    }
}
