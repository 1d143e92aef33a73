//! The server's state: open documents, configuration, the negotiated encoding and what the
//! client can do. Plain synchronous code: the backend locks it, calls one method, unlocks.
//! Nothing here awaits.

use super::document::{Applied, Document};
use super::position::PositionEncoding;
use crate::config::resolve::Overrides;
use crate::config::{ConfigError, Resolved};
use crate::workspace::{self, Workspace};
use hirelint_rules::{Format, Report};
use ropey::Rope;
use std::collections::{BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};
use tracing::{debug, error, warn};

/// What the client told us it supports, read once in `initialize`.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientCaps {
    pub markdown_hover: bool,
    pub watch_dynamic_registration: bool,
    pub hierarchical_symbols: bool,
    /// `workspace.workspaceEdit.snippetEditSupport` (LSP 3.18), read from the raw
    /// `initialize` params by `transport.rs` (ls-types does not know the field).
    pub snippet_edits: bool,
    // Issue 4: `related_information` (publishDiagnostics.relatedInformation), for posting
    // rules.
}

#[derive(Debug)]
pub struct Session {
    pub encoding: PositionEncoding,
    pub caps: ClientCaps,
    docs: HashMap<Uri, Document>,
    /// `.hirelint.toml` discovery and cache: the CLI's, rebuilt when a config file changes.
    workspace: Workspace,
    /// Documents whose diagnostics must be published again (or cleared, once closed).
    dirty: BTreeSet<Uri>,
    /// Configuration files with errors, published as diagnostics on those files.
    config_errors: HashMap<PathBuf, Vec<ConfigError>>,
    /// Whether `config_errors` changed since it was last published.
    config_changed: bool,
    /// Configuration files whose errors were published, to clear once fixed.
    config_published: BTreeSet<PathBuf>,
    // Issue 4 (posting) plugs in here: the `hirelint.posting` path from the initialization
    // options / `workspace/configuration`, and the parsed posting cached across edits
    // (`Option<Arc<Posting>>`), dropped when the watcher reports the posting file changed.
    // `Snapshot` then carries it to `lint`, `hover` (keyword matches) and the lens.
}

/// Everything a request needs, taken under the lock and used after it (the rope clone is
/// O(1)), so linting never holds the lock.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub uri: Uri,
    pub version: i32,
    pub rope: Rope,
    pub encoding: PositionEncoding,
    pub caps: ClientCaps,
    pub language: Option<Format>,
    pub path: Option<PathBuf>,
    pub file_name: Option<String>,
    /// `None` when the governing configuration file is broken (its errors are published on
    /// it; the CLI would not lint this file either).
    pub resolved: Option<Arc<Resolved>>,
}

/// A linted resume.
#[derive(Debug)]
pub struct Analysis {
    pub text: String,
    pub report: Report,
}

impl Snapshot {
    /// Lints the document, or `None` when it is not a resume, or cannot be linted.
    /// A panic anywhere in the engine is logged and yields `None`: never fatal.
    pub fn analyze(&self) -> Option<Analysis> {
        let resolved = self.resolved.as_deref()?;
        let text = self.rope.to_string();
        let linted = catch_unwind(AssertUnwindSafe(|| {
            let input = self.input(&text, resolved);
            hirelint_rules::lint(&input)
        }));
        let report = match linted {
            Ok(report) => report,
            Err(_) => {
                error!(uri = %self.uri.as_str(), "internal error while linting; no diagnostics for this version");
                return None;
            }
        };
        if !report.failed_rules.is_empty() {
            let names: Vec<&str> = report.failed_rules.iter().map(|r| r.as_str()).collect();
            error!(uri = %self.uri.as_str(), rules = %names.join(", "), "internal error in rule(s); the other rules ran");
        }
        let in_scope = workspace::in_scope(
            self.path.as_deref(),
            self.file_name.as_deref(),
            resolved,
            &report,
        );
        in_scope.then_some(Analysis { text, report })
    }

    pub fn input<'a>(&'a self, text: &'a str, resolved: &'a Resolved) -> hirelint_rules::Input<'a> {
        workspace::editor_input(text, self.file_name.as_deref(), self.language, resolved)
    }
}

impl Session {
    pub fn new(encoding: PositionEncoding, caps: ClientCaps) -> Session {
        Session {
            encoding,
            caps,
            docs: HashMap::new(),
            workspace: new_workspace(),
            dirty: BTreeSet::new(),
            config_errors: HashMap::new(),
            config_changed: false,
            config_published: BTreeSet::new(),
        }
    }

    pub fn open(&mut self, uri: Uri, text: &str, version: i32, language_id: &str) {
        let doc = Document::new(&uri, text, version, language_id);
        self.docs.insert(uri.clone(), doc);
        self.dirty.insert(uri);
    }

    /// Applies one `didChange`, in wire order. Returns whether the document changed.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> bool {
        let encoding = self.encoding;
        let Some(doc) = self.docs.get_mut(uri) else {
            warn!(uri = %uri.as_str(), "change for a document that is not open; ignored");
            return false;
        };
        match doc.apply(version, changes, encoding) {
            Applied::Stale => {
                warn!(uri = %uri.as_str(), version, current = doc.version, "stale change dropped");
                false
            }
            Applied::Changed { clamped } => {
                if clamped > 0 {
                    warn!(uri = %uri.as_str(), version, clamped, "change with positions outside the text; clamped");
                }
                self.dirty.insert(uri.clone());
                true
            }
        }
    }

    pub fn close(&mut self, uri: &Uri) {
        self.docs.remove(uri);
        self.dirty.insert(uri.clone());
    }

    /// A configuration file changed: forget every resolved configuration and re-lint
    /// every open document.
    pub fn reload_config(&mut self) {
        debug!("configuration changed; re-linting every open document");
        self.workspace = new_workspace();
        self.config_errors.clear();
        self.config_changed = true;
        self.dirty.extend(self.docs.keys().cloned());
    }

    pub fn version(&self, uri: &Uri) -> Option<i32> {
        self.docs.get(uri).map(|d| d.version)
    }

    /// The server's copy of a document's text.
    pub fn text(&self, uri: &Uri) -> Option<String> {
        self.docs.get(uri).map(|d| d.rope.to_string())
    }

    pub fn take_dirty(&mut self) -> Option<Uri> {
        self.dirty.pop_first()
    }

    /// Configuration files whose diagnostics changed since the last call: (file, errors;
    /// empty = clear them).
    pub fn take_config_reports(&mut self) -> Vec<(PathBuf, Vec<ConfigError>)> {
        if !std::mem::take(&mut self.config_changed) {
            return Vec::new();
        }
        let mut out: Vec<(PathBuf, Vec<ConfigError>)> = self
            .config_errors
            .iter()
            .map(|(p, e)| (p.clone(), e.clone()))
            .collect();
        for old in std::mem::take(&mut self.config_published) {
            if !self.config_errors.contains_key(&old) {
                out.push((old, Vec::new()));
            }
        }
        self.config_published = self.config_errors.keys().cloned().collect();
        out
    }

    /// The document as it is now, with its settings; `None` when it is not open.
    pub fn snapshot(&mut self, uri: &Uri) -> Option<Snapshot> {
        let doc = self.docs.get(uri)?;
        let resolved = match &doc.path {
            Some(path) => {
                let resolved = self.workspace.resolve(path).ok();
                for e in self.workspace.take_errors() {
                    if let Some(file) = &e.path {
                        let file = std::path::absolute(file).unwrap_or_else(|_| file.clone());
                        self.config_errors.entry(file).or_default().push(e);
                        self.config_changed = true;
                    }
                }
                resolved
            }
            // An untitled buffer: the configuration of the current directory.
            None => self.workspace.resolve(Path::new("untitled")).ok(),
        };
        Some(Snapshot {
            uri: uri.clone(),
            version: doc.version,
            rope: doc.rope.clone(),
            encoding: self.encoding,
            caps: self.caps,
            language: doc.language,
            path: doc.path.clone(),
            file_name: doc.file_name.clone(),
            resolved,
        })
    }
}

/// The CLI's configuration without command-line overrides: the nearest `.hirelint.toml`.
fn new_workspace() -> Workspace {
    Workspace::discovering(Overrides::default())
}
