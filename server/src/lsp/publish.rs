//! `textDocument/publishDiagnostics`, from one task, in order.
//!
//! Handlers only mark a document dirty (under the lock, before any await) and wake this
//! task. It takes one dirty document at a time, lints a snapshot outside the lock, checks
//! that the version is still current (a newer edit has marked it dirty again: that one
//! will be published instead) and publishes with the version. One task means two
//! publications for one document can never overtake each other, and a burst of edits is
//! linted once.

use super::backend::Shared;
use super::convert;
use std::sync::Arc;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::Uri;

pub async fn run(shared: Arc<Shared>, client: Client) {
    loop {
        shared.wake.notified().await;
        loop {
            // A statement of its own: the guard must be dropped before the await.
            let next = shared.session().take_dirty();
            let Some(uri) = next else { break };
            publish(&shared, &client, uri).await;
        }
        let reports = shared.session().take_config_reports();
        let encoding = shared.session().encoding;
        for (path, errors) in reports {
            let Some(uri) = Uri::from_file_path(&path) else {
                continue;
            };
            let diagnostics = errors
                .iter()
                .map(|e| convert::config_error(e, encoding))
                .collect();
            client.publish_diagnostics(uri, diagnostics, None).await;
        }
    }
}

async fn publish(shared: &Shared, client: &Client, uri: Uri) {
    let snapshot = shared.session().snapshot(&uri);
    let Some(snap) = snapshot else {
        // Closed: clear what was published.
        client.publish_diagnostics(uri, Vec::new(), None).await;
        return;
    };
    let diagnostics = match snap.analyze() {
        Some(analysis) => analysis
            .report
            .diagnostics
            .iter()
            .map(|d| convert::diagnostic(d, &snap.rope, snap.encoding, snap.version))
            .collect(),
        // Not a resume: quiet (an empty list, which also clears an earlier one).
        None => Vec::new(),
    };
    if shared.session().version(&uri) != Some(snap.version) {
        return;
    }
    client
        .publish_diagnostics(uri, diagnostics, Some(snap.version))
        .await;
}
