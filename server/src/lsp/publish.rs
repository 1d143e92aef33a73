//! `textDocument/publishDiagnostics`, from one task, in order.
//!
//! Handlers only mark a document dirty (under the lock, before any await) and wake this
//! task. It takes one dirty document at a time, lints a snapshot outside the lock, checks
//! that the version is still current (a newer edit has marked it dirty again: that one
//! will be published instead) and publishes with the version. One task means two
//! publications for one document can never overtake each other, and a burst of edits is
//! linted once. The published lint is kept for that version: code actions, hover, the code
//! lens and symbols reuse it rather than lint again.
//!
//! After a document linted against a posting: a warning once if the posting cannot be
//! read, a watcher for the posting file, the `hirelint/score` notification (after the
//! diagnostics), and `workspace/codeLens/refresh` when the score changed.

use super::backend::Shared;
use super::convert::{self, PostingFile};
use super::session::{Analysis, Snapshot};
use super::{ext, watch};
use std::sync::Arc;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{MessageType, Uri};
use tracing::warn;

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
    let analysis = snap.analyze().map(Arc::new);
    let diagnostics = match &analysis {
        Some(analysis) => {
            let posting = posting_file(&snap, analysis);
            analysis
                .report
                .diagnostics
                .iter()
                .map(|d| {
                    convert::diagnostic(
                        d,
                        &snap.rope,
                        snap.encoding,
                        snap.version,
                        posting.as_ref(),
                    )
                })
                .collect()
        }
        // Not a resume: quiet (an empty list, which also clears an earlier one).
        None => Vec::new(),
    };
    let notes = {
        let mut session = shared.session();
        if session.version(&uri) != Some(snap.version) {
            return;
        }
        session.note_posting(&uri, snap.version, analysis.as_ref())
    };
    if let Some(message) = notes.warning {
        client.show_message(MessageType::WARNING, message).await;
    }
    if let Some(path) = notes.watch {
        // Not awaited here: a client slow to answer must not hold up publishing.
        let client = client.clone();
        let relative = snap.caps.watch_relative_patterns;
        tokio::spawn(async move {
            if let Err(e) = client
                .register_capability(vec![watch::posting_registration(&path, relative)])
                .await
            {
                warn!("the client refused to watch the posting: {e}");
            }
        });
    }
    client
        .publish_diagnostics(uri.clone(), diagnostics, Some(snap.version))
        .await;
    if let Some(score) = analysis.as_deref().and_then(Analysis::score) {
        client
            .send_notification::<ext::Score>(ext::ScoreParams::new(uri, snap.version, &score))
            .await;
    }
    if notes.refresh_lenses {
        let client = client.clone();
        tokio::spawn(async move {
            if let Err(e) = client.code_lens_refresh().await {
                warn!("the client did not refresh code lenses: {e}");
            }
        });
    }
}

/// The posting a document was linted against, when the client shows related places.
fn posting_file(snap: &Snapshot, analysis: &Analysis) -> Option<PostingFile> {
    if !snap.caps.related_information {
        return None;
    }
    let posting = analysis.posting.as_deref()?;
    let uri = Uri::from_file_path(analysis.posting_path.as_deref()?)?;
    Some(PostingFile {
        uri,
        rope: posting.rope().clone(),
    })
}
