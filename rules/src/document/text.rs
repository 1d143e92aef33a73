//! `Text`: a piece of logical text (what the reader sees) mapped back to source bytes.
//!
//! Markdown entities, YAML escapes and folded block scalars make the logical text differ
//! from the source. A `Text` keeps a list of pieces; inside a piece whose logical and source
//! bytes are identical, offsets map one to one, so a diagnostic lands on the exact word.
//! Inside a piece that was transformed (an escape, an entity), any offset maps to the whole
//! source piece.

use crate::span::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    /// Start in the logical string.
    logical: u32,
    /// Byte length in the logical string.
    logical_len: u32,
    /// Range in the source.
    source: TextRange,
}

impl Piece {
    fn verbatim(&self) -> bool {
        self.logical_len as usize == self.source.len()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    value: String,
    pieces: Vec<Piece>,
}

impl Text {
    /// A text whose logical value is exactly `source[range]`.
    pub fn verbatim(source: &str, range: TextRange) -> Self {
        let mut t = Text::default();
        t.push_verbatim(range.slice(source), range.start());
        t
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Appends `logical`, which is the source text at `source_start` byte for byte.
    pub fn push_verbatim(&mut self, logical: &str, source_start: usize) {
        self.push_mapped(
            logical,
            TextRange::new(source_start, source_start + logical.len()),
        );
    }

    /// Appends `logical`, which stands for `source` (an escape, an entity, a line break).
    pub fn push_mapped(&mut self, logical: &str, source: TextRange) {
        if logical.is_empty() {
            return;
        }
        let start = self.value.len();
        self.value.push_str(logical);
        let piece = Piece {
            logical: u32::try_from(start).unwrap_or(u32::MAX),
            logical_len: u32::try_from(logical.len()).unwrap_or(u32::MAX),
            source,
        };
        // Merge with the previous piece when both are verbatim and contiguous.
        if let Some(last) = self.pieces.last_mut()
            && last.verbatim()
            && piece.verbatim()
            && last.source.end == piece.source.start
            && last.logical + last.logical_len == piece.logical
        {
            last.logical_len += piece.logical_len;
            last.source.end = piece.source.end;
            return;
        }
        self.pieces.push(piece);
    }

    /// The source range covered by the whole text.
    pub fn span(&self) -> TextRange {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(a), Some(b)) => a.source.cover(b.source),
            _ => TextRange::default(),
        }
    }

    /// Maps a logical byte offset, as the start of a range, to a source byte offset.
    fn map_offset_start(&self, offset: usize) -> usize {
        let offset32 = u32::try_from(offset).unwrap_or(u32::MAX);
        let idx = self
            .pieces
            .partition_point(|p| p.logical + p.logical_len <= offset32);
        match self.pieces.get(idx) {
            Some(piece) if piece.verbatim() => {
                (piece.source.start + offset32.saturating_sub(piece.logical)) as usize
            }
            Some(piece) => piece.source.start(),
            None => self.pieces.last().map_or(0, |p| p.source.end()),
        }
    }

    /// The source range of a logical byte range.
    pub fn source_range(&self, logical: std::ops::Range<usize>) -> TextRange {
        let start = self.map_offset_start(logical.start);
        let end = if logical.end == logical.start {
            start
        } else {
            self.map_offset_end(logical.end)
        };
        TextRange::new(start, end.max(start))
    }

    fn map_offset_end(&self, offset: usize) -> usize {
        // The end of a range: find the piece that contains offset-1.
        let last = offset.saturating_sub(1);
        let last32 = u32::try_from(last).unwrap_or(u32::MAX);
        let idx = self
            .pieces
            .partition_point(|p| p.logical + p.logical_len <= last32);
        let Some(piece) = self.pieces.get(idx).or(self.pieces.last()) else {
            return 0;
        };
        let rel = u32::try_from(offset)
            .unwrap_or(u32::MAX)
            .saturating_sub(piece.logical);
        if piece.verbatim() {
            (piece.source.start + rel.min(piece.logical_len)) as usize
        } else {
            piece.source.end()
        }
    }

    /// True when the logical range maps byte for byte onto the source, so an edit of the
    /// source range replaces exactly that text.
    pub fn is_verbatim(&self, logical: std::ops::Range<usize>) -> bool {
        let r = self.source_range(logical.clone());
        r.len() == logical.len()
            && self
                .pieces
                .iter()
                .filter(|p| {
                    let ps = p.logical as usize;
                    let pe = ps + p.logical_len as usize;
                    ps < logical.end && logical.start < pe
                })
                .all(Piece::verbatim)
    }

    /// Trims whitespace on both sides, keeping the mapping.
    pub fn trimmed(&self) -> Text {
        let start = self.value.len() - self.value.trim_start().len();
        let end = self.value.trim_end().len();
        self.sub(start..end.max(start))
    }

    /// The logical sub-range as its own `Text`.
    pub fn sub(&self, range: std::ops::Range<usize>) -> Text {
        let mut out = Text::default();
        let Some(value) = self.value.get(range.clone()) else {
            return out;
        };
        out.value = value.to_owned();
        for p in &self.pieces {
            let ps = p.logical as usize;
            let pe = ps + p.logical_len as usize;
            let s = ps.max(range.start);
            let e = pe.min(range.end);
            if s >= e {
                continue;
            }
            let source = if p.verbatim() {
                TextRange::new(p.source.start() + (s - ps), p.source.start() + (e - ps))
            } else {
                p.source
            };
            out.pieces.push(Piece {
                logical: u32::try_from(s - range.start).unwrap_or(u32::MAX),
                logical_len: u32::try_from(e - s).unwrap_or(u32::MAX),
                source,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_maps_one_to_one() {
        let src = "- Helped build things";
        let t = Text::verbatim(src, TextRange::new(2, src.len()));
        assert_eq!(t.as_str(), "Helped build things");
        assert_eq!(t.source_range(0..6).slice(src), "Helped");
        assert_eq!(t.source_range(7..12).slice(src), "build");
        assert!(t.is_verbatim(0..6));
    }

    #[test]
    fn mapped_piece_covers_its_source() {
        // "R&amp;D team" -> "R&D team"
        let src = "R&amp;D team";
        let mut t = Text::default();
        t.push_verbatim("R", 0);
        t.push_mapped("&", TextRange::new(1, 6));
        t.push_verbatim("D team", 6);
        assert_eq!(t.as_str(), "R&D team");
        assert_eq!(t.source_range(0..3).slice(src), "R&amp;D");
        assert_eq!(t.source_range(4..8).slice(src), "team");
        assert!(!t.is_verbatim(0..3));
        assert!(t.is_verbatim(4..8));
        assert_eq!(t.sub(4..8).span().slice(src), "team");
    }

    #[test]
    fn trimmed_keeps_mapping() {
        let src = "  hello  ";
        let t = Text::verbatim(src, TextRange::new(0, src.len())).trimmed();
        assert_eq!(t.as_str(), "hello");
        assert_eq!(t.span().slice(src), "hello");
    }
}
