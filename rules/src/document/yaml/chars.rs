//! Char index → byte offset, built once per document.
//!
//! saphyr counts positions in characters. An ASCII document maps one to one; otherwise a
//! checkpoint every `STEP` characters bounds each lookup to a short walk.

use std::cell::Cell;

const STEP: usize = 64;

pub(super) struct CharIndex<'a> {
    src: &'a str,
    ascii: bool,
    /// Byte offset of char `k * STEP`.
    checkpoints: Vec<u32>,
    /// The last lookup (char index, byte offset): events come in order, so the next
    /// lookup is usually a short walk from there.
    cursor: Cell<(usize, usize)>,
}

impl<'a> CharIndex<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        let ascii = src.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            for (n, (byte, _)) in src.char_indices().enumerate() {
                if n % STEP == 0 {
                    checkpoints.push(u32::try_from(byte).unwrap_or(u32::MAX));
                }
            }
        }
        CharIndex {
            src,
            ascii,
            checkpoints,
            cursor: Cell::new((0, 0)),
        }
    }

    /// The byte offset of char `index`; the end of the source past the last char.
    pub(super) fn byte(&self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.src.len());
        }
        let (cursor_char, cursor_byte) = self.cursor.get();
        let (from_char, from_byte) = if index >= cursor_char && index - cursor_char < index % STEP {
            (cursor_char, cursor_byte)
        } else {
            let Some(&start) = self.checkpoints.get(index / STEP) else {
                return self.src.len();
            };
            (index - index % STEP, start as usize)
        };
        let rest = self.src.get(from_byte..).unwrap_or("");
        let byte = rest
            .char_indices()
            .nth(index - from_char)
            .map_or(self.src.len(), |(b, _)| from_byte + b);
        if byte < self.src.len() {
            self.cursor.set((index, byte));
        }
        byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_chars_to_bytes() {
        let src = "aé😀b".repeat(50);
        let idx = CharIndex::new(&src);
        for (n, (b, _)) in src.char_indices().enumerate() {
            assert_eq!(idx.byte(n), b);
        }
        assert_eq!(idx.byte(200), src.len());
        assert_eq!(idx.byte(10_000), src.len());
        let ascii = CharIndex::new("abc");
        assert_eq!(ascii.byte(2), 2);
        assert_eq!(ascii.byte(9), 3);
    }
}
