//! hirelint's additions to the protocol, in one place (documented in ARCHITECTURE.md,
//! "Language server", and the README's server section).
//!
//! Settings (the `hirelint` section; VS Code's `hirelint.*` settings):
//! - `posting` (string or `null`): the job posting every resume is linted against, as
//!   `hirelint lint --posting` would; a relative path resolves against the workspace root.
//!   Without it, the posting comes from the resume's front matter (`posting:`) or the
//!   configuration (`posting = "..."`), as in the CLI.
//!   The one shape of the initialization options is the section itself, `{ "posting":
//!   PATH }` (what the VS Code and Neovim clients send); `{ "hirelint": { "posting": PATH
//!   } }` is read too. The server then asks `workspace/configuration` for section
//!   `hirelint` (same shape) when the client supports it, and again on
//!   `workspace/didChangeConfiguration` (else it reads that notification's `settings`,
//!   `{ "hirelint": { "posting": PATH } }`). A section or key that is absent changes
//!   nothing; `null` or `""` clears the posting.
//!
//! Server -> client:
//! - notification `hirelint/score`, after each publication of diagnostics for a resume
//!   linted against a posting: `{ uri, version, score, mustHave: { matched, total },
//!   missing }`. `score` is the match score in percent (0-100, what `hirelint match`
//!   prints); `mustHave` counts the posting's must-have requirements (a group of
//!   alternatives, "Kubernetes or Docker", is one) and how many the resume matches (a
//!   misspelling does not count); `missing` names the requirements the resume does not
//!   mention at all (what `missing-keyword` reports), in the posting's order, alternatives
//!   joined with " or ".
//! - a code lens at the top of such a resume, with the same figures: "Posting match 72% ·
//!   must-have 9/11 · 3 missing" (its command is empty: a label), and
//!   `workspace/codeLens/refresh` when they change, for clients with `refreshSupport`.
//! - `window/showMessage` (warning), once per posting file that cannot be read (until the
//!   file changes); the resume is linted without it.
//!
//! Client -> server:
//! - command `hirelint.setPosting` (`workspace/executeCommand`), arguments `[PATH]` or
//!   `[null]`: sets (or clears) the posting of the session, as the setting does, and
//!   re-lints every open resume. The last of the setting and the command wins.
//! - request `hirelint/viewFileText`, params `TextDocumentIdentifier`, result the server's
//!   text of that document or `null` (after rust-analyzer's `viewFileText`): lets tests and
//!   bug reports see exactly what the server lints.
//! - command `hirelint.applyFix` (`workspace/executeCommand`), the action of a placeholder
//!   fix for clients with `workspace.workspaceEdit.snippetEditSupport`: arguments `[{ uri,
//!   version, rule, start, end, fix }]` (byte offsets of the diagnostic, index of the fix);
//!   the server answers with `workspace/applyEdit` carrying a snippet edit ("[N]" a tab
//!   stop), or nothing if the document changed since.
//!
//! Standard protocol the server also uses:
//! - code action kind `source.fixAll.hirelint` ([`super::code_action::fix_all_kind`]);
//! - diagnostic `data`: `{ "rule": id, "version": n }`; `relatedInformation` on posting
//!   rules (the place in the posting), for clients that take it;
//! - `workspace/didChangeWatchedFiles` for every `.hirelint.toml` and each posting file in
//!   use.

use super::session::Score as Figures;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tower_lsp_server::ls_types::Uri;
use tower_lsp_server::ls_types::notification::Notification;

/// The method name of `hirelint/viewFileText`.
pub const VIEW_FILE_TEXT: &str = "hirelint/viewFileText";

/// The command that sets the session's posting.
pub const SET_POSTING: &str = "hirelint.setPosting";

/// The settings section the server reads.
pub const SECTION: &str = "hirelint";

/// `hirelint/score`.
pub enum Score {}

impl Notification for Score {
    type Params = ScoreParams;
    const METHOD: &'static str = "hirelint/score";
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreParams {
    pub uri: Uri,
    pub version: i32,
    pub score: u8,
    pub must_have: MustHave,
    pub missing: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MustHave {
    pub matched: usize,
    pub total: usize,
}

impl ScoreParams {
    pub fn new(uri: Uri, version: i32, f: &Figures) -> ScoreParams {
        ScoreParams {
            uri,
            version,
            score: f.score,
            must_have: MustHave {
                matched: f.must_matched,
                total: f.must_total,
            },
            missing: f.missing.clone(),
        }
    }
}

/// The `posting` setting in a settings value: the section itself (`{"posting": P}`) or the
/// section under its name (`{"hirelint": {"posting": P}}`). `None`: not set there (change
/// nothing); `Some(None)`: cleared (`null` or an empty string).
pub fn posting_setting(value: &Value) -> Option<Option<String>> {
    let section = match value.get(SECTION) {
        Some(inner) if inner.is_object() => inner,
        _ => value,
    };
    match section.get("posting")? {
        Value::String(s) if !s.trim().is_empty() => Some(Some(s.clone())),
        Value::Null | Value::String(_) => Some(None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn posting_setting_in_either_shape() {
        let p = |v| posting_setting(&v);
        assert_eq!(
            p(json!({ "posting": "job.md" })),
            Some(Some("job.md".into()))
        );
        assert_eq!(
            p(json!({ "hirelint": { "posting": "job.md" } })),
            Some(Some("job.md".into()))
        );
        assert_eq!(p(json!({ "posting": null })), Some(None));
        assert_eq!(p(json!({ "posting": " " })), Some(None));
        assert_eq!(p(json!({ "hirelint": {} })), None);
        assert_eq!(p(json!(null)), None);
        assert_eq!(p(json!({ "posting": 3 })), None);
    }
}
