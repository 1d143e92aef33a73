//! `textDocument/codeLens`: at the top of a resume linted against a posting, the match in
//! figures ("Posting match 72% · must-have 9/11 · 3 missing"). A label: its command is
//! empty.

use super::session::Snapshot;
use tower_lsp_server::ls_types::{CodeLens, Command, Position, Range};

pub fn code_lenses(snap: &Snapshot) -> Option<Vec<CodeLens>> {
    let score = snap.analysis()?.score()?;
    let top = Range::new(Position::new(0, 0), Position::new(0, 0));
    Some(vec![CodeLens {
        range: top,
        command: Some(Command {
            title: score.title(),
            command: String::new(),
            arguments: None,
        }),
        data: None,
    }])
}
