//! Position encodings: engine byte offsets <-> LSP `Position`s, in the encoding negotiated
//! in `initialize`. The only place (with `output/text.rs` for the CLI) that turns bytes into
//! lines and columns for an editor.
//!
//! Lines break at LF, CRLF and CR, exactly as LSP counts them (ropey's `cr_lines`, without
//! `unicode_lines`). Every conversion goes through ropey's indices: O(log n), never a scan.
//! A position past the end of its line is clamped to the line's end, a line past the end of
//! the document to the end of the document; the caller learns that it was clamped.

use hirelint_rules::TextRange;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// How columns are counted. UTF-8 when the client offers it (cheap and exact), else UTF-16,
/// the protocol's default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PositionEncoding {
    Utf8,
    #[default]
    Utf16,
}

impl PositionEncoding {
    /// Picks from the client's `general.positionEncodings`.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> PositionEncoding {
        let utf8 = offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8));
        if utf8 {
            PositionEncoding::Utf8
        } else {
            PositionEncoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A byte offset resolved from a `Position`, and whether it had to be clamped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offset {
    pub byte: usize,
    pub clamped: bool,
}

/// The char range of line `line` without its line break.
fn line_chars(rope: &Rope, line: usize) -> (usize, usize) {
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut len = slice.len_chars();
    if len > 0 && slice.char(len - 1) == '\n' {
        len -= 1;
    }
    if len > 0 && slice.char(len - 1) == '\r' {
        len -= 1;
    }
    (start, start + len)
}

/// The byte offset of `pos`, clamped into the document and onto a char boundary.
pub fn offset(rope: &Rope, pos: Position, encoding: PositionEncoding) -> Offset {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return Offset {
            byte: rope.len_bytes(),
            clamped: true,
        };
    }
    let (start, end) = line_chars(rope, line);
    let column = pos.character as usize;
    let (char_index, clamped) = match encoding {
        PositionEncoding::Utf8 => {
            let start_byte = rope.char_to_byte(start);
            let end_byte = rope.char_to_byte(end);
            match start_byte.checked_add(column) {
                Some(byte) if byte <= end_byte => (rope.byte_to_char(byte), false),
                _ => (end, true),
            }
        }
        PositionEncoding::Utf16 => {
            let start_unit = rope.char_to_utf16_cu(start);
            let end_unit = rope.char_to_utf16_cu(end);
            match start_unit.checked_add(column) {
                Some(unit) if unit <= end_unit => (rope.utf16_cu_to_char(unit), false),
                _ => (end, true),
            }
        }
    };
    Offset {
        byte: rope.char_to_byte(char_index),
        clamped,
    }
}

/// The position of a byte offset (clamped into the text, and back onto a char boundary).
pub fn position(rope: &Rope, byte: usize, encoding: PositionEncoding) -> Position {
    let char_index = rope.byte_to_char(byte.min(rope.len_bytes()));
    let line = rope.char_to_line(char_index);
    let start = rope.line_to_char(line);
    let column = match encoding {
        PositionEncoding::Utf8 => rope.char_to_byte(char_index) - rope.char_to_byte(start),
        PositionEncoding::Utf16 => rope.char_to_utf16_cu(char_index) - rope.char_to_utf16_cu(start),
    };
    Position::new(to_u32(line), to_u32(column))
}

pub fn range(rope: &Rope, range: TextRange, encoding: PositionEncoding) -> Range {
    Range::new(
        position(rope, range.start(), encoding),
        position(rope, range.end(), encoding),
    )
}

/// The byte range of an LSP range, ordered, and whether either end was clamped.
pub fn text_range(rope: &Rope, range: Range, encoding: PositionEncoding) -> (TextRange, bool) {
    let start = offset(rope, range.start, encoding);
    let end = offset(rope, range.end, encoding);
    let (a, b) = (start.byte.min(end.byte), start.byte.max(end.byte));
    (
        TextRange::new(a, b),
        start.clamped || end.clamped || start.byte > end.byte,
    )
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::PositionEncoding::{Utf8, Utf16};
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    /// (line, column)
    type LineCol = (u32, u32);

    /// (text, byte offset, UTF-8 position, UTF-16 position)
    const TABLE: &[(&str, usize, LineCol, LineCol)] = &[
        // ASCII
        ("abc\ndef", 0, (0, 0), (0, 0)),
        ("abc\ndef", 2, (0, 2), (0, 2)),
        ("abc\ndef", 4, (1, 0), (1, 0)),
        ("abc\ndef", 7, (1, 3), (1, 3)),
        // An emoji: 4 bytes, 2 UTF-16 units (astral plane).
        ("a😀b", 1, (0, 1), (0, 1)),
        ("a😀b", 5, (0, 5), (0, 3)),
        ("a😀b", 6, (0, 6), (0, 4)),
        // CJK: 3 bytes, 1 unit.
        ("履歴書 ok", 3, (0, 3), (0, 1)),
        ("履歴書 ok", 9, (0, 9), (0, 3)),
        // A combining mark is its own char: e + U+0301 (2 bytes, 1 unit).
        ("e\u{301}x", 1, (0, 1), (0, 1)),
        ("e\u{301}x", 3, (0, 3), (0, 2)),
        // CRLF and CR are one line break each.
        ("ab\r\ncd", 4, (1, 0), (1, 0)),
        ("ab\r\ncd", 6, (1, 2), (1, 2)),
        ("ab\rcd", 3, (1, 0), (1, 0)),
        ("ab\rcd\ré", 8, (2, 2), (2, 1)),
        // No final newline, and a final newline (an empty last line).
        ("ab\ncd", 5, (1, 2), (1, 2)),
        ("ab\n", 3, (1, 0), (1, 0)),
        // A byte order mark is a char like any other: 3 bytes, 1 unit.
        ("\u{feff}ab", 3, (0, 3), (0, 1)),
        ("\u{feff}ab", 4, (0, 4), (0, 2)),
    ];

    #[test]
    fn table_both_ways() {
        for &(text, byte, utf8, utf16) in TABLE {
            let rope = Rope::from_str(text);
            for (encoding, (line, col)) in [(Utf8, utf8), (Utf16, utf16)] {
                let p = pos(line, col);
                assert_eq!(
                    position(&rope, byte, encoding),
                    p,
                    "{text:?} {byte} {encoding:?}"
                );
                assert_eq!(
                    offset(&rope, p, encoding),
                    Offset {
                        byte,
                        clamped: false
                    },
                    "{text:?} {p:?} {encoding:?}"
                );
            }
        }
    }

    #[test]
    fn past_the_end_is_clamped() {
        let rope = Rope::from_str("ab\r\ncd😀\n");
        // (position, encoding, byte, clamped)
        let cases = [
            // Past the end of a line: the line's end, before its break.
            (pos(0, 99), Utf8, 2, true),
            (pos(0, 99), Utf16, 2, true),
            (pos(0, u32::MAX), Utf8, 2, true),
            (pos(0, u32::MAX), Utf16, 2, true),
            // Past the last line: the end of the document.
            (pos(9, 0), Utf8, 11, true),
            (pos(9, 0), Utf16, 11, true),
            // The end of the emoji's line, in either unit: not clamped.
            (pos(1, 6), Utf8, 10, false),
            (pos(1, 4), Utf16, 10, false),
        ];
        for (p, encoding, byte, clamped) in cases {
            assert_eq!(
                offset(&rope, p, encoding),
                Offset { byte, clamped },
                "{p:?} {encoding:?}"
            );
        }
        // Byte offsets past the end, or inside a char, map to a real position.
        assert_eq!(position(&rope, 999, Utf16), pos(2, 0));
        assert_eq!(position(&rope, 8, Utf16), pos(1, 2));
    }

    #[test]
    fn inside_a_char_snaps_to_its_start() {
        let rope = Rope::from_str("a😀b");
        // The middle of the emoji's bytes, or between its two UTF-16 units.
        assert_eq!(offset(&rope, pos(0, 3), Utf8).byte, 1);
        assert_eq!(offset(&rope, pos(0, 2), Utf16).byte, 1);
    }

    proptest::proptest! {
        /// Every addressable offset survives byte -> position -> byte, in both encodings.
        #[test]
        fn round_trip(pieces in proptest::collection::vec(
            proptest::sample::select(&["a", " ", "😀", "履", "e\u{301}", "\n", "\r\n", "\r", "\u{feff}"][..]),
            0..40,
        )) {
            let text: String = pieces.concat();
            let rope = Rope::from_str(&text);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                if text[..byte].ends_with('\r') && text[byte..].starts_with('\n') {
                    continue; // Inside a CRLF: no position names it.
                }
                for encoding in [Utf8, Utf16] {
                    let p = position(&rope, byte, encoding);
                    proptest::prop_assert_eq!(offset(&rope, p, encoding), Offset { byte, clamped: false });
                }
            }
        }
    }

    #[test]
    fn negotiation() {
        let utf8 = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(PositionEncoding::negotiate(Some(&utf8)), Utf8);
        assert_eq!(
            PositionEncoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Utf16
        );
        assert_eq!(PositionEncoding::negotiate(None), Utf16);
    }
}
