//! `hirelint server`: the language server. The only code that knows LSP.
//!
//! This file lists what the server offers (capabilities) and which handler serves each
//! method; `backend.rs` dispatches, one module per request family does the work:
//! `publish` (diagnostics, the posting score), `code_action`, `code_lens`, `hover`,
//! `document_symbol`, `watch` (configuration and posting changes). `session` holds the state, `document` a rope per open file,
//! `position` the negotiated encoding, `convert` the engine -> LSP values, `ext` the custom
//! protocol.
//!
//! | method                                | handler                              |
//! | ------------------------------------- | ------------------------------------ |
//! | `textDocument/didOpen/didChange/didClose` | `session` (then `publish`)       |
//! | `textDocument/publishDiagnostics`     | `publish::run`                       |
//! | `textDocument/codeAction`             | `code_action::code_actions`          |
//! | `textDocument/hover`                  | `hover::hover`                       |
//! | `textDocument/documentSymbol`         | `document_symbol::document_symbols`  |
//! | `textDocument/codeLens`               | `code_lens::code_lenses`             |
//! | `workspace/executeCommand`            | `execute_command` (`hirelint.applyFix`, `hirelint.setPosting`) |
//! | `workspace/didChangeWatchedFiles`     | `watch` + `Session::reload_config` / `posting_changed` |
//! | `workspace/didChangeConfiguration`    | `Backend::read_settings` (`workspace/configuration`) |
//! | `hirelint/viewFileText` (custom)      | `Session::text`                      |
//! | `hirelint/score` (custom, to client)  | `publish` (see `ext.rs`)             |

mod backend;
mod code_action;
mod code_lens;
mod convert;
mod document;
mod document_symbol;
mod execute_command;
mod ext;
mod hover;
mod position;
mod publish;
mod session;
mod snippet;
mod transport;
mod watch;

use backend::{Backend, Shared};
use position::PositionEncoding;
use session::ClientCaps;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{LspService, Server};

/// Serves LSP on standard input and output until `exit` (or end of input). Exit code 0
/// after `shutdown` then `exit`, 1 otherwise, as the protocol asks.
pub fn run() -> ExitCode {
    init_logging();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!("cannot start the server's runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let shared = Arc::new(Shared::new());
    runtime.block_on(serve(Arc::clone(&shared)));
    // At once: dropping the runtime would wait for the thread blocked reading stdin.
    std::process::exit(exit_code(&shared))
}

async fn serve(shared: Arc<Shared>) {
    let backend_shared = Arc::clone(&shared);
    let (service, socket) = LspService::build(move |client| Backend {
        client,
        shared: backend_shared,
    })
    .custom_method(ext::VIEW_FILE_TEXT, Backend::view_file_text)
    .custom_method(transport::INVALID_MESSAGE, Backend::invalid_message)
    .finish();
    let (to_server, from_filter) = tokio::io::duplex(64 << 10);
    tokio::spawn(read_stdin(shared, to_server));
    Server::new(from_filter, tokio::io::stdout(), socket)
        .serve(service)
        .await;
}

/// Standard input through `transport::filter` into the server. After `exit`, ends the
/// process: tower-lsp returns from `serve` only once the handlers in flight finish, and one
/// may wait on a client that is gone (a registration never answered). The last responses
/// get a moment to be written.
async fn read_stdin(shared: Arc<Shared>, to_server: tokio::io::DuplexStream) {
    let on_initialize = |params: &serde_json::Value| {
        let snippets = params
            .pointer("/capabilities/workspace/workspaceEdit/snippetEditSupport")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false);
        shared.snippet_edits.store(snippets, Ordering::SeqCst);
    };
    let ended = transport::filter(tokio::io::stdin(), to_server, on_initialize).await;
    if ended == transport::Ended::Exit {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        std::process::exit(exit_code(&shared));
    }
}

/// 0 after `shutdown`, 1 otherwise, as the protocol asks.
fn exit_code(shared: &Shared) -> i32 {
    if shared.shut_down.load(Ordering::SeqCst) {
        0
    } else {
        1
    }
}

/// Logs go to standard error (standard output is the protocol), at the level named by
/// `HIRELINT_LOG` or `RUST_LOG` (`error`, `warn`, `info`, `debug`, `trace`; default `warn`).
/// Resume text is never logged.
fn init_logging() {
    let level = ["HIRELINT_LOG", "RUST_LOG"]
        .iter()
        .find_map(|v| std::env::var(v).ok())
        .and_then(|v| v.trim().parse::<tracing::Level>().ok())
        .unwrap_or(tracing::Level::WARN);
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level)
        .with_ansi(false)
        .with_target(false)
        .try_init();
}

mod capabilities {
    use super::*;

    pub fn client_caps(c: &ClientCapabilities) -> ClientCaps {
        let text = c.text_document.as_ref();
        ClientCaps {
            markdown_hover: text
                .and_then(|t| t.hover.as_ref())
                .and_then(|h| h.content_format.as_ref())
                .is_some_and(|f| f.contains(&MarkupKind::Markdown)),
            watch_dynamic_registration: c
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            hierarchical_symbols: text
                .and_then(|t| t.document_symbol.as_ref())
                .and_then(|s| s.hierarchical_document_symbol_support)
                .unwrap_or(false),
            // Not in ls-types: read from the raw params by `transport.rs`.
            snippet_edits: false,
            related_information: text
                .and_then(|t| t.publish_diagnostics.as_ref())
                .and_then(|p| p.related_information)
                .unwrap_or(false),
            code_lens_refresh: c
                .workspace
                .as_ref()
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|l| l.refresh_support)
                .unwrap_or(false),
            configuration: c
                .workspace
                .as_ref()
                .and_then(|w| w.configuration)
                .unwrap_or(false),
            watch_relative_patterns: c
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.relative_pattern_support)
                .unwrap_or(false),
        }
    }

    /// Everything the server offers, in one place.
    pub fn initialize_result(encoding: PositionEncoding) -> InitializeResult {
        InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            super::code_action::fix_all_kind(),
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![
                        super::snippet::APPLY_FIX.to_owned(),
                        super::ext::SET_POSTING.to_owned(),
                    ],
                    ..ExecuteCommandOptions::default()
                }),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "hirelint".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        }
    }
}
