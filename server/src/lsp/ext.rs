//! hirelint's additions to the protocol, in one place (documented in ARCHITECTURE.md,
//! "Language server").
//!
//! None are sent yet. Planned with the posting engine (issue 4):
//! - notification `hirelint/score` (server -> client), after each publication for a
//!   resume when a posting is set: `{ uri, version, score, mustHave: { matched, total },
//!   missing }`, for clients with a status bar;
//! - command `hirelint.setPosting` (`workspace/executeCommand`, argument: a path or
//!   `null`), and the `hirelint.posting` setting (initialization options and
//!   `workspace/configuration`).
//!
//! Sent today:
//! - request `hirelint/viewFileText` (client -> server), params `TextDocumentIdentifier`,
//!   result the server's text of that document or `null` (after rust-analyzer's
//!   `viewFileText`): lets tests and bug reports see exactly what the server lints.
//! - command `hirelint.applyFix` (`workspace/executeCommand`), the action of a placeholder
//!   fix for clients with `workspace.workspaceEdit.snippetEditSupport`: arguments `[{ uri,
//!   version, rule, start, end, fix }]` (byte offsets of the diagnostic, index of the fix);
//!   the server answers with `workspace/applyEdit` carrying a snippet edit ("[N]" a tab
//!   stop), or nothing if the document changed since.
//!
//! Standard protocol the server also uses:
//! - code action kind `source.fixAll.hirelint` ([`super::code_action::fix_all_kind`]);
//! - diagnostic `data`: `{ "rule": id, "version": n }`.

/// The method name of `hirelint/viewFileText`.
pub const VIEW_FILE_TEXT: &str = "hirelint/viewFileText";
