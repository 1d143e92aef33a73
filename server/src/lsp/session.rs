//! The server's state: open documents, configuration, the negotiated encoding and what the
//! client can do. Plain synchronous code: the backend locks it, calls one method, unlocks.
//! Nothing here awaits.

use super::document::{Applied, Document};
use super::position::PositionEncoding;
use crate::config::resolve::Overrides;
use crate::config::{ConfigError, Resolved};
use crate::workspace::{self, LoadedPosting, Postings, Workspace};
use hirelint_rules::document::dates::YearMonth;
use hirelint_rules::posting::Tally;
use hirelint_rules::{Format, Report};
use ropey::Rope;
use std::collections::{BTreeSet, HashMap, HashSet};
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
    /// `textDocument.publishDiagnostics.relatedInformation`: posting rules point at the
    /// posting's line.
    pub related_information: bool,
    /// `workspace.codeLens.refreshSupport`: asked to refresh when a score changes.
    pub code_lens_refresh: bool,
    /// `workspace.configuration`: the `hirelint` section is read with
    /// `workspace/configuration`.
    pub configuration: bool,
    /// `workspace.didChangeWatchedFiles.relativePatternSupport`.
    pub watch_relative_patterns: bool,
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
    /// Where relative editor settings resolve: the workspace root (else the directory the
    /// server started in).
    root: Arc<PathBuf>,
    /// The posting named by the editor (`hirelint.posting`, `hirelint.setPosting`): the
    /// CLI's `--posting`. Absolute.
    editor_posting: Option<PathBuf>,
    /// Parsed postings by (normalized, absolute) path, shared with the snapshots: read on
    /// first use, forgotten when the watcher reports a change.
    postings: Arc<Postings>,
    /// The posting each open document was last linted against.
    uses: HashMap<Uri, PathBuf>,
    /// Posting files whose failure to load was shown (once, until the file changes).
    warned: HashSet<PathBuf>,
    /// Posting files the client was asked to watch.
    watched: HashSet<PathBuf>,
    /// The code lens figures last published per document, to refresh lenses on a change.
    scores: HashMap<Uri, Score>,
    /// The lint last published per document, with its version (`None`: not a resume):
    /// requests on that version (code actions, hover, code lens, symbols) reuse it rather
    /// than lint again. Forgotten once the document is dirty.
    published: HashMap<Uri, (i32, Option<Arc<Analysis>>)>,
    /// The clock (`workspace::today`; a stand-in in tests) and the month the workspace's
    /// settings were built with: a long session moves on when the month turns.
    clock: fn() -> Option<YearMonth>,
    month: Option<YearMonth>,
}

/// A resume's match against its posting, in figures (the code lens, `hirelint/score`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    pub score: u8,
    pub must_matched: usize,
    pub must_total: usize,
    pub missing: Vec<String>,
}

impl Score {
    /// The code lens title: "Posting match 72% · must-have 9/11 · 3 missing".
    pub fn title(&self) -> String {
        format!(
            "Posting match {}% · must-have {}/{} · {} missing",
            self.score,
            self.must_matched,
            self.must_total,
            self.missing.len()
        )
    }
}

/// What the publisher must do after linting a document with a posting.
#[derive(Debug, Default)]
pub struct PostingNotes {
    /// A `window/showMessage` warning (the posting cannot be read), shown once per file.
    pub warning: Option<String>,
    /// A posting file to ask the client to watch.
    pub watch: Option<PathBuf>,
    /// The score changed: refresh the code lenses.
    pub refresh_lenses: bool,
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
    /// The posting named by the editor, if any (else the CLI's front matter / config).
    pub editor_posting: Option<PathBuf>,
    pub postings: Arc<Postings>,
    /// The workspace root: a posting is named relative to it where it can be.
    pub root: Arc<PathBuf>,
    /// The published lint of this version, when there is one.
    pub published: Option<Option<Arc<Analysis>>>,
}

/// A linted resume.
#[derive(Debug)]
pub struct Analysis {
    pub text: String,
    pub report: Report,
    /// The posting it was linted against.
    pub posting: Option<Arc<LoadedPosting>>,
    /// The posting file it names (whether or not it could be read), and the error if not.
    pub posting_path: Option<PathBuf>,
    pub posting_error: Option<String>,
}

impl Analysis {
    /// The parsed posting, for the engine.
    pub fn engine_posting(&self) -> Option<&hirelint_rules::Posting> {
        self.posting.as_deref().map(|p| &p.posting)
    }

    /// The match in figures, when a posting was used.
    pub fn score(&self) -> Option<Score> {
        let posting = self.posting.as_deref()?;
        let matched = self.report.posting.as_ref()?;
        let Tally {
            must_matched,
            must_total,
            missing,
        } = matched.tally(&posting.posting);
        Some(Score {
            score: matched.score,
            must_matched,
            must_total,
            missing,
        })
    }
}

impl Snapshot {
    /// A posting file as shown to the user: relative to the workspace root when under it.
    pub fn display(&self, path: &Path) -> String {
        let shown = path.strip_prefix(self.root.as_path()).unwrap_or(path);
        shown.display().to_string()
    }

    /// The lint of this version: the published one, else the document linted now.
    pub fn analysis(&self) -> Option<Arc<Analysis>> {
        match &self.published {
            Some(published) => published.clone(),
            None => self.analyze().map(Arc::new),
        }
    }

    /// Lints the document, or `None` when it is not a resume, or cannot be linted.
    /// A panic anywhere in the engine is logged and yields `None`: never fatal.
    pub fn analyze(&self) -> Option<Analysis> {
        let resolved = self.resolved.as_deref()?;
        let text = self.rope.to_string();
        let base = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let posting_path =
            workspace::posting_path(&text, &base, resolved, self.editor_posting.as_deref())
                .map(|p| normalize(&p));
        let (posting, posting_error) = match &posting_path {
            Some(path) => match self.postings.load(path) {
                Ok(p) => (Some(p), None),
                Err(message) => (None, Some(message)),
            },
            None => (None, None),
        };
        let linted = catch_unwind(AssertUnwindSafe(|| {
            let input = self.input(&text, resolved, posting.as_deref().map(|p| &p.posting));
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
        in_scope.then_some(Analysis {
            text,
            report,
            posting,
            posting_path,
            posting_error,
        })
    }

    pub fn input<'a>(
        &'a self,
        text: &'a str,
        resolved: &'a Resolved,
        posting: Option<&'a hirelint_rules::Posting>,
    ) -> hirelint_rules::Input<'a> {
        workspace::editor_input(
            text,
            self.file_name.as_deref(),
            self.language,
            resolved,
            posting,
        )
    }
}

impl Session {
    pub fn new(encoding: PositionEncoding, caps: ClientCaps) -> Session {
        Session::with_clock(encoding, caps, workspace::today)
    }

    pub fn with_clock(
        encoding: PositionEncoding,
        caps: ClientCaps,
        clock: fn() -> Option<YearMonth>,
    ) -> Session {
        let month = clock();
        Session {
            encoding,
            caps,
            docs: HashMap::new(),
            workspace: new_workspace(month),
            dirty: BTreeSet::new(),
            config_errors: HashMap::new(),
            config_changed: false,
            config_published: BTreeSet::new(),
            root: Arc::new(std::env::current_dir().unwrap_or_default()),
            editor_posting: None,
            postings: Arc::new(Postings::default()),
            uses: HashMap::new(),
            warned: HashSet::new(),
            watched: HashSet::new(),
            scores: HashMap::new(),
            published: HashMap::new(),
            clock,
            month,
        }
    }

    /// The workspace root, against which a relative `hirelint.posting` resolves.
    pub fn set_root(&mut self, root: PathBuf) {
        self.root = Arc::new(root);
    }

    /// Sets (or clears) the posting named by the editor; a relative path resolves against
    /// the workspace root. The file is read again (a setting re-applied is how a user
    /// forces it) and every open document is linted again.
    pub fn set_editor_posting(&mut self, path: Option<&str>) {
        let path = path
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| normalize(&self.root.join(p)));
        debug!(posting = ?path, "editor posting set; re-linting every open document");
        if let Some(p) = &path {
            self.postings.forget(p);
            self.warned.remove(p);
        }
        self.editor_posting = path;
        self.dirty.extend(self.docs.keys().cloned());
    }

    /// A watched file changed: when it is a posting in use, it is read again and every open
    /// document linted against it is linted again. Whether it was a posting.
    pub fn posting_changed(&mut self, path: &Path) -> bool {
        let path = normalize(path);
        let known = self.postings.forget(&path) | self.warned.remove(&path);
        let users: Vec<Uri> = self
            .uses
            .iter()
            .filter(|(_, p)| **p == path)
            .map(|(u, _)| u.clone())
            .collect();
        if users.is_empty() && !known {
            return false;
        }
        debug!(
            users = users.len(),
            "posting changed; re-linting the resumes that use it"
        );
        self.dirty.extend(users);
        true
    }

    /// Records what a publication found about its posting, and says what to tell the
    /// client.
    pub fn note_posting(
        &mut self,
        uri: &Uri,
        version: i32,
        analysis: Option<&Arc<Analysis>>,
    ) -> PostingNotes {
        if !self.dirty.contains(uri) {
            self.published
                .insert(uri.clone(), (version, analysis.map(Arc::clone)));
        }
        let analysis = analysis.map(|a| &**a);
        let mut notes = PostingNotes::default();
        let path = analysis.and_then(|a| a.posting_path.clone());
        let score = analysis.and_then(Analysis::score);
        match &path {
            Some(p) => {
                self.uses.insert(uri.clone(), p.clone());
                if self.caps.watch_dynamic_registration && self.watched.insert(p.clone()) {
                    notes.watch = Some(p.clone());
                }
            }
            None => {
                self.uses.remove(uri);
            }
        }
        if let (Some(p), Some(error)) = (&path, analysis.and_then(|a| a.posting_error.as_ref()))
            && self.warned.insert(p.clone())
        {
            notes.warning = Some(format!("hirelint: {error}; linting without it"));
        }
        let changed = match &score {
            Some(s) => self.scores.insert(uri.clone(), s.clone()).as_ref() != Some(s),
            None => self.scores.remove(uri).is_some(),
        };
        notes.refresh_lenses = changed && self.caps.code_lens_refresh;
        notes
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
        self.uses.remove(uri);
        self.scores.remove(uri);
        self.published.remove(uri);
        self.dirty.insert(uri.clone());
    }

    /// A configuration file changed: forget every resolved configuration and re-lint
    /// every open document.
    pub fn reload_config(&mut self) {
        debug!("configuration changed; re-linting every open document");
        self.workspace = new_workspace(self.month);
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

    /// The next document to publish; its published lint is out of date from now on.
    pub fn take_dirty(&mut self) -> Option<Uri> {
        let uri = self.dirty.pop_first()?;
        self.published.remove(&uri);
        Some(uri)
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
        self.follow_the_clock();
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
        let published = match self.published.get(uri) {
            Some((version, analysis)) if *version == doc.version && !self.dirty.contains(uri) => {
                Some(analysis.clone())
            }
            _ => None,
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
            editor_posting: self.editor_posting.clone(),
            postings: Arc::clone(&self.postings),
            root: Arc::clone(&self.root),
            published,
        })
    }

    /// When the month turned since the settings were built, builds them again (the dates
    /// rules compare with the current month) and re-lints every open document. One clock
    /// read per snapshot.
    fn follow_the_clock(&mut self) {
        let now = (self.clock)();
        if now != self.month {
            debug!(?now, "the month turned; settings rebuilt");
            self.month = now;
            self.reload_config();
        }
    }
}

/// The CLI's configuration without command-line overrides: the nearest `.hirelint.toml`,
/// with the month the session read.
fn new_workspace(today: Option<YearMonth>) -> Workspace {
    Workspace::discovering(Overrides {
        today,
        ..Overrides::default()
    })
}

/// An absolute path without `.` and `..` components (no file system access): one key per
/// posting file, however it was named.
pub fn normalize(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU16, Ordering};

    /// The stand-in clock's month, as `year * 12 + month - 1`.
    static MONTH: AtomicU16 = AtomicU16::new(2026 * 12);

    fn clock() -> Option<YearMonth> {
        let m = MONTH.load(Ordering::SeqCst);
        let month = u8::try_from(m % 12 + 1).ok()?;
        Some(YearMonth::new(m / 12, month))
    }

    #[test]
    fn requests_reuse_the_published_lint_until_the_next_edit() {
        let mut session = Session::new(PositionEncoding::default(), ClientCaps::default());
        let uri: Uri = "untitled:resume.md".parse().unwrap();
        session.open(uri.clone(), "# Ada\n", 1, "markdown");
        let published = |s: &mut Session| s.snapshot(&uri).and_then(|snap| snap.published);
        assert!(
            published(&mut session).is_none(),
            "dirty: nothing published yet"
        );
        assert_eq!(session.take_dirty(), Some(uri.clone()));
        let analysis = session.snapshot(&uri).unwrap().analysis();
        assert!(analysis.is_some(), "a resume");
        session.note_posting(&uri, 1, analysis.as_ref());
        let reused = published(&mut session).expect("the published lint");
        assert_eq!(
            reused.as_ref().map(Arc::as_ptr),
            analysis.as_ref().map(Arc::as_ptr)
        );
        // An edit makes it stale: requests lint the new text until it is published.
        let edit = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "# Ada Lovelace\n".into(),
        };
        assert!(session.change(&uri, 2, vec![edit]));
        assert!(published(&mut session).is_none());
        assert_eq!(session.take_dirty(), Some(uri.clone()));
        assert!(published(&mut session).is_none());
        // Published while dirty again: not kept, a newer publication follows.
        session.reload_config();
        session.note_posting(&uri, 2, None);
        assert_eq!(session.take_dirty(), Some(uri.clone()));
        assert!(published(&mut session).is_none());
    }

    #[test]
    fn a_long_session_lints_with_the_current_month() {
        let mut session =
            Session::with_clock(PositionEncoding::default(), ClientCaps::default(), clock);
        let uri: Uri = "untitled:resume".parse().unwrap();
        session.open(uri.clone(), "# Ada\n", 1, "markdown");
        while session.take_dirty().is_some() {}
        let today = |s: &mut Session| {
            s.snapshot(&uri)
                .and_then(|snap| snap.resolved)
                .and_then(|r| r.settings.today)
        };
        assert_eq!(today(&mut session), Some(YearMonth::new(2026, 1)));
        assert_eq!(session.take_dirty(), None);
        // The month turns while the server runs: new settings, and the resume is linted again.
        MONTH.store(2026 * 12 + 1, Ordering::SeqCst);
        assert_eq!(today(&mut session), Some(YearMonth::new(2026, 2)));
        assert_eq!(session.take_dirty(), Some(uri.clone()));
        assert_eq!(today(&mut session), Some(YearMonth::new(2026, 2)));
        assert_eq!(session.take_dirty(), None);
    }

    #[test]
    fn paths_are_normalized_without_the_file_system() {
        let p = normalize(Path::new("/a/b/../c/./d.md"));
        assert_eq!(p, PathBuf::from("/a/c/d.md"));
    }
}
