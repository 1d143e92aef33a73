//! Renderers: one file per output format. They build strings; the CLI writes them.

pub mod github;
pub mod json;
pub mod sarif;
pub mod text;

use crate::line_index::{LineCol, LineIndex};
use hirelint_rules::{Diagnostic, TextRange};

/// The diagnostics of one linted file, with its source for positions and snippets.
#[derive(Debug)]
pub struct FileReport {
    /// As the user named it (relative paths stay relative), with `/` separators.
    pub path: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Start and end (exclusive) of a range, as 1-based lines and char columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub start: LineCol,
    pub end: LineCol,
}

impl Region {
    pub fn new(index: &LineIndex<'_>, range: TextRange) -> Region {
        Region {
            start: index.line_col(range.start()),
            end: index.line_col(range.end()),
        }
    }
}
