//! `workspace/didChangeWatchedFiles`: the server asks the client to watch every
//! `.hirelint.toml`; any change re-reads configuration and re-lints every open resume.
// Issue 4: the posting file joins the watchers here, and a change to it drops the cached
// posting.

use crate::config::CONFIG_FILE_NAME;
use tower_lsp_server::ls_types::{
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher,
    GlobPattern, Registration,
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
