//! `impl LanguageServer`: each handler locks the session, calls one function, unlocks, and
//! (for notifications) wakes the publisher. No logic lives here.
//!
//! Concurrency discipline (tower-lsp runs handlers concurrently, interleaved at awaits):
//! `didOpen`, `didChange`, `didClose` and `didChangeWatchedFiles` change the session before
//! their first `.await`, so edits apply in wire order; the `std::sync::Mutex` is never held
//! across an `.await`; requests lint a snapshot taken under the lock, after it.

use super::session::{ClientCaps, Session};
use super::{
    capabilities, code_action, code_lens, document_symbol, execute_command, ext, hover, position,
    publish, transport, watch,
};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use tokio::sync::Notify;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};
use tracing::{debug, error, info, warn};

pub struct Shared {
    session: OnceLock<Mutex<Session>>,
    pub wake: Notify,
    /// Set by `shutdown`: `exit` then ends the process with 0 (else 1, per the protocol).
    pub shut_down: AtomicBool,
    /// Whether the client takes snippet edits (set by `transport.rs` from the raw
    /// `initialize`, before `initialize` is handled).
    pub snippet_edits: AtomicBool,
}

impl Shared {
    pub fn new() -> Shared {
        Shared {
            session: OnceLock::new(),
            wake: Notify::new(),
            shut_down: AtomicBool::new(false),
            snippet_edits: AtomicBool::new(false),
        }
    }

    /// The session (created by `initialize`; before it, tower-lsp answers every request
    /// with an error itself). A panic while it was held does not make it unusable.
    pub fn session(&self) -> MutexGuard<'_, Session> {
        let mutex = self
            .session
            .get_or_init(|| Mutex::new(Session::new(Default::default(), ClientCaps::default())));
        mutex.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

pub struct Backend {
    pub client: Client,
    pub shared: Arc<Shared>,
}

impl Backend {
    /// `hirelint/viewFileText` (see `ext.rs`).
    pub async fn view_file_text(&self, params: TextDocumentIdentifier) -> Result<Option<String>> {
        Ok(self.shared.session().text(&params.uri))
    }

    /// The stand-in for a message that could not be decoded (see `transport.rs`).
    pub async fn invalid_message(&self, params: serde_json::Value) -> Result<()> {
        Err(transport::error_for(&params))
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = position::PositionEncoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let mut caps = capabilities::client_caps(&params.capabilities);
        caps.snippet_edits = self.shared.snippet_edits.load(Ordering::SeqCst);
        let mut session = Session::new(encoding, caps);
        if let Some(root) = workspace_root(&params) {
            session.set_root(root);
        }
        if let Some(posting) = params
            .initialization_options
            .as_ref()
            .and_then(ext::posting_setting)
        {
            session.set_editor_posting(posting.as_deref());
        }
        let _ = self.shared.session.set(Mutex::new(session));
        tokio::spawn(publish::run(Arc::clone(&self.shared), self.client.clone()));
        info!(?encoding, "initialized");
        Ok(capabilities::initialize_result(encoding))
    }

    async fn initialized(&self, _: InitializedParams) {
        let dynamic = self.shared.session().caps.watch_dynamic_registration;
        if dynamic
            && let Err(e) = self
                .client
                .register_capability(vec![watch::registration()])
                .await
        {
            warn!("the client refused to watch .hirelint.toml: {e}");
        }
        self.read_settings(None).await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let d = params.text_document;
        self.shared
            .session()
            .open(d.uri, &d.text, d.version, &d.language_id);
        self.shared.wake.notify_one();
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let d = params.text_document;
        let changed = self
            .shared
            .session()
            .change(&d.uri, d.version, params.content_changes);
        if changed {
            self.shared.wake.notify_one();
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.shared.session().close(&params.text_document.uri);
        self.shared.wake.notify_one();
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut session = self.shared.session();
        let mut changed = false;
        if watch::touches_config(&params) {
            session.reload_config();
            changed = true;
        }
        for path in watch::file_paths(&params) {
            changed |= session.posting_changed(&path);
        }
        drop(session);
        if changed {
            self.shared.wake.notify_one();
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Rule settings live in `.hirelint.toml`; the editor's only setting is the posting.
        self.read_settings(Some(&params.settings)).await;
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let snapshot = self.shared.session().snapshot(&params.text_document.uri);
        Ok(guarded("codeLens", || {
            snapshot.and_then(|snap| code_lens::code_lenses(&snap))
        }))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let snapshot = self.shared.session().snapshot(&params.text_document.uri);
        Ok(guarded("codeAction", || {
            snapshot.map(|snap| code_action::code_actions(&snap, &params))
        }))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let snapshot = self.shared.session().snapshot(&p.text_document.uri);
        Ok(guarded("hover", || {
            snapshot.and_then(|snap| hover::hover(&snap, p.position))
        }))
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        if params.command == ext::SET_POSTING {
            let set = execute_command::set_posting(&mut self.shared.session(), &params);
            if set {
                self.shared.wake.notify_one();
            }
            return Ok(None);
        }
        let prepared = guarded("executeCommand", || {
            execute_command::prepare(&self.shared, &params)
        });
        let Some(apply) = prepared else {
            return Ok(None);
        };
        execute_command::run(&self.client, apply).await;
        Ok(None)
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let snapshot = self.shared.session().snapshot(&params.text_document.uri);
        Ok(guarded("documentSymbol", || {
            snapshot.and_then(|snap| document_symbol::document_symbols(&snap))
        }))
    }
}

impl Backend {
    /// Reads the `hirelint` section with `workspace/configuration` when the client offers
    /// it, else from `pushed` (a `didChangeConfiguration`'s settings), and applies the
    /// posting setting if it is there.
    async fn read_settings(&self, pushed: Option<&serde_json::Value>) {
        let asks = self.shared.session().caps.configuration;
        let value = if asks {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some(ext::SECTION.to_owned()),
            };
            match self.client.configuration(vec![item]).await {
                Ok(values) => values.into_iter().next(),
                Err(e) => {
                    warn!("workspace/configuration failed: {e}");
                    None
                }
            }
        } else {
            pushed.cloned()
        };
        let Some(posting) = value.as_ref().and_then(ext::posting_setting) else {
            debug!("no hirelint.posting in the editor settings");
            return;
        };
        self.shared.session().set_editor_posting(posting.as_deref());
        self.shared.wake.notify_one();
    }
}

/// The workspace root: the first workspace folder, else the root URI.
#[allow(deprecated)] // `root_uri`: older clients send only that.
fn workspace_root(params: &InitializeParams) -> Option<std::path::PathBuf> {
    let uri = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri)
        .or(params.root_uri.as_ref())?;
    uri.to_file_path().map(|p| p.into_owned())
}

/// Runs a request's work; a panic (a bug) is logged and answered with nothing, never fatal.
fn guarded<T>(request: &str, work: impl FnOnce() -> Option<T>) -> Option<T> {
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(result) => result,
        Err(_) => {
            error!("internal error in {request}; answered with nothing");
            None
        }
    }
}
