//! The commands. Only this module and `output/` print.

pub mod args;
pub mod exit;
pub mod explain;
pub mod lint;
pub mod matching;
pub mod rules;

use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to stdout. A closed pipe (`hirelint rules | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The posting named by `--posting`, loaded once; an unreadable one is reported naming the
/// file (the caller exits with 2).
pub fn load_posting(
    postings: &crate::workspace::Postings,
    path: Option<&Path>,
) -> Result<Option<std::sync::Arc<crate::workspace::LoadedPosting>>, ()> {
    let Some(path) = path else {
        return Ok(None);
    };
    postings.load(path).map(Some).map_err(|message| {
        write_stderr(&format!("error: {message}"));
    })
}

/// Writes one message to stderr, ignoring a closed stderr.
pub fn write_stderr(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    if !text.ends_with('\n') {
        let _ = err.write_all(b"\n");
    }
}

/// Whether to draw colours on a stream: a terminal, and `NO_COLOR` unset or empty.
pub fn use_color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A path as shown to the user: as given, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut text: &str = &text;
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    text.to_owned()
}
