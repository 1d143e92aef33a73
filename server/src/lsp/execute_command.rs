//! `workspace/executeCommand`: `hirelint.applyFix` applies a placeholder fix as a snippet
//! (see `snippet.rs`); `hirelint.setPosting` sets the session's posting (see `ext.rs`).

use super::backend::Shared;
use super::session::Session;
use super::snippet::{self, APPLY_FIX, ApplySnippetEdit};
use serde_json::Value;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{ExecuteCommandParams, Uri};
use tracing::warn;

/// `hirelint.setPosting [PATH | null]`: whether the argument was understood (then every
/// open document is to be linted again).
pub fn set_posting(session: &mut Session, params: &ExecuteCommandParams) -> bool {
    match params.arguments.first() {
        Some(Value::String(path)) => session.set_editor_posting(Some(path)),
        Some(Value::Null) | None => session.set_editor_posting(None),
        Some(other) => {
            warn!(argument = %other, "hirelint.setPosting takes a path or null");
            return false;
        }
    }
    true
}

/// Computes, under the lock and before any await, what the command will send.
pub fn prepare(shared: &Shared, params: &ExecuteCommandParams) -> Option<Value> {
    if params.command != APPLY_FIX {
        warn!(command = %params.command, "unknown command");
        return None;
    }
    let args = params.arguments.first()?;
    let uri: Uri = args.get("uri")?.as_str()?.parse().ok()?;
    let snapshot = shared.session().snapshot(&uri)?;
    let apply = snippet::apply_params(&snapshot, args);
    if apply.is_none() {
        warn!("the fix is gone: the document changed since it was offered");
    }
    apply
}

pub async fn run(client: &Client, apply: Value) {
    if let Err(e) = client.send_request::<ApplySnippetEdit>(apply).await {
        warn!("the client did not apply the fix: {e}");
    }
}
