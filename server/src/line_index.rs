//! Byte offsets -> 1-based lines and 1-based columns counted in chars (Unicode scalar
//! values), the unit of every CLI output format.

/// Line starts of one text, built once.
#[derive(Debug)]
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

/// A 1-based line and a 1-based column in chars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { source, starts }
    }

    /// Clamps an offset into the text and back onto a char boundary.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = self.clamp(offset);
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = self.clamp(offset);
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let column = self
            .source
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// Byte bounds of a 0-based line, without its line break.
    pub fn line_bounds(&self, line: usize) -> (usize, usize) {
        let start = self.starts.get(line).copied().unwrap_or(self.source.len());
        let next = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.source.len());
        let text = self.source.get(start..next).unwrap_or("");
        let text = text.strip_suffix('\n').unwrap_or(text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        (start, start + text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars() {
        let text = "ab\né😀x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(3), LineCol { line: 2, column: 1 });
        let x = text.find('x').unwrap_or(0);
        assert_eq!(index.line_col(x), LineCol { line: 2, column: 3 });
        // Inside a multi-byte char: clamped back to its start.
        assert_eq!(index.line_col(4), LineCol { line: 2, column: 1 });
        assert_eq!(index.line_col(999), LineCol { line: 3, column: 1 });
        assert_eq!(index.line_bounds(1), (3, x + 1));
    }
}
