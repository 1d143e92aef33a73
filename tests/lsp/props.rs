//! Property: random incremental edits (emoji, CJK, combining marks, CRLF, in UTF-8 and
//! UTF-16) leave the server's text equal to the same edits applied to a plain string, and
//! its diagnostics equal to a fresh `hirelint lint` of that string.

use crate::client::{Encoding, Server, range};
use crate::parity::{cli_json, cli_keys, lsp_keys};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "",
    "a",
    " ",
    "Javascript ",
    "😀",
    "履歴書",
    "e\u{301}",
    "\n",
    "\r\n",
    "\r",
    "- Responsible for payroll\n",
    "## Skills\n",
    "🚀 Led 5 teams",
    "<!-- hirelint-disable-next-line weak-opener -->\n",
];

/// The offset moved back onto a char boundary, and off the middle of a CRLF (LSP cannot
/// address it).
fn snap(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if at > 0 && text.as_bytes()[at - 1] == b'\r' && text.as_bytes().get(at) == Some(&b'\n') {
        at -= 1;
    }
    at
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_match_a_string_and_a_fresh_lint(
        utf8 in any::<bool>(),
        edits in prop::collection::vec((any::<u16>(), 0usize..16, prop::sample::select(PIECES)), 1..30),
        batch in 1usize..4,
    ) {
        let mut server = Server::builder()
            .encodings(Some(if utf8 { &["utf-8"][..] } else { &["utf-16"][..] }))
            .start();
        let enc = server.encoding;
        prop_assert_eq!(enc, if utf8 { Encoding::Utf8 } else { Encoding::Utf16 });
        let mut text = crate::RESUME.to_owned();
        let uri = server.open("resume.md", "markdown", &text);
        let mut version = 1;
        // Several changes per didChange, each against the text after the previous one.
        for chunk in edits.chunks(batch) {
            let mut changes = Vec::new();
            for &(at, len, piece) in chunk {
                let start = snap(&text, usize::from(at) % (text.len() + 1));
                let end = snap(&text, start + len).max(start);
                changes.push((range(&text, start, end, enc), piece));
                text.replace_range(start..end, piece);
            }
            version += 1;
            server.change(&uri, version, &changes);
        }
        let published = server.diagnostics(&uri, Some(version));
        let server_text = server.text(&uri);
        prop_assert_eq!(server_text.as_deref(), Some(text.as_str()));
        let fresh = cli_json(&server.root, "resume.md", Some(&text));
        prop_assert_eq!(lsp_keys(&text, &published, enc), cli_keys(&text, &fresh));
    }
}
