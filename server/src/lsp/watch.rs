//! `workspace/didChangeWatchedFiles`: the server asks the client to watch every
//! `.hirelint.toml`; any change re-reads configuration and re-lints every open resume.
//! Each posting file in use is watched too (one registration per file, asked when a resume
//! is first linted against it); a change drops the parsed posting and re-lints the resumes
//! that use it.

use crate::config::CONFIG_FILE_NAME;
use std::path::{Path, PathBuf};
use tower_lsp_server::ls_types::{
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher,
    GlobPattern, OneOf, Registration, RelativePattern, Uri,
};

pub const REGISTRATION_ID: &str = "hirelint-watch";

pub fn registration() -> Registration {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE_NAME}")),
            kind: None,
        }],
    };
    Registration {
        id: REGISTRATION_ID.to_owned(),
        method: "workspace/didChangeWatchedFiles".to_owned(),
        register_options: serde_json::to_value(options).ok(),
    }
}

/// Whether a change concerns the configuration (clients may report more than we asked).
pub fn touches_config(params: &DidChangeWatchedFilesParams) -> bool {
    params.changes.iter().any(|c| {
        let uri = c.uri.as_str();
        let name = uri.rsplit('/').next().unwrap_or(uri);
        name == CONFIG_FILE_NAME || name == ".hirelint%2Etoml"
    })
}

/// A watcher for one posting file: with `relative` (the client's
/// `relativePatternSupport`, LSP 3.17), the file's name relative to its directory, which
/// clients watch outside the workspace too; else the absolute path as a glob.
pub fn posting_registration(path: &Path, relative: bool) -> Registration {
    let name = path
        .file_name()
        .map(|n| glob_escape(&n.to_string_lossy()))
        .unwrap_or_default();
    let dir = path.parent().filter(|_| relative);
    let pattern = match dir.and_then(Uri::from_file_path) {
        Some(dir) => GlobPattern::Relative(RelativePattern {
            base_uri: OneOf::Right(dir),
            pattern: name,
        }),
        None => GlobPattern::String(glob_escape(&path.to_string_lossy())),
    };
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: pattern,
            kind: None,
        }],
    };
    Registration {
        id: format!("hirelint-watch-posting:{}", path.display()),
        method: "workspace/didChangeWatchedFiles".to_owned(),
        register_options: serde_json::to_value(options).ok(),
    }
}

/// The file paths of the changes (`file:` URIs only).
pub fn file_paths(params: &DidChangeWatchedFilesParams) -> Vec<PathBuf> {
    params
        .changes
        .iter()
        .filter_map(|c| c.uri.to_file_path().map(|p| p.into_owned()))
        .collect()
}

/// A file name as a glob that matches only itself.
fn glob_escape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '{' | '}') {
            out.push('[');
            out.push(c);
            out.push(']');
        } else {
            out.push(c);
        }
    }
    out
}
