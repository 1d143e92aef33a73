//! Char index → byte offset, built once per document.
//!
//! saphyr counts positions in characters. An ASCII document maps one to one; otherwise a
//! checkpoint every `STEP` characters bounds each lookup to a short walk.

const STEP: usize = 64;

pub(super) struct CharIndex<'a> {
    src: &'a str,
    ascii: bool,
    /// Byte offset of char `k * STEP`.
    checkpoints: Vec<u32>,
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
        }
    }

    /// The byte offset of char `index`; the end of the source past the last char.
    pub(super) fn byte(&self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.src.len());
        }
        let Some(&start) = self.checkpoints.get(index / STEP) else {
            return self.src.len();
        };
        let start = start as usize;
        let rest = self.src.get(start..).unwrap_or("");
        rest.char_indices()
            .nth(index % STEP)
            .map_or(self.src.len(), |(b, _)| start + b)
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
