//! One open document: a rope, the version the client gave it, its language and path.

use super::position::{self, PositionEncoding};
use hirelint_rules::{Format, TextRange};
use ropey::Rope;
use std::path::PathBuf;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

#[derive(Clone, Debug)]
pub struct Document {
    pub rope: Rope,
    pub version: i32,
    /// The format named by the client's language id, used when the file name has no
    /// known extension (an untitled buffer).
    pub language: Option<Format>,
    /// The file on disk, for `file:` URIs: configuration is discovered from it.
    pub path: Option<PathBuf>,
    /// The last segment of the URI: picks the format and says whether it is a resume.
    pub file_name: Option<String>,
}

/// What happened to one `didChange`.
#[derive(Debug, PartialEq, Eq)]
pub enum Applied {
    /// Applied; `clamped` edits had positions outside the text.
    Changed { clamped: usize },
    /// The version is not newer than the one we have: dropped.
    Stale,
}

impl Document {
    pub fn new(uri: &Uri, text: &str, version: i32, language_id: &str) -> Document {
        let path = if uri.as_str().starts_with("file:") {
            uri.to_file_path().map(|p| p.into_owned())
        } else {
            None
        };
        let file_name = match &path {
            Some(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
            None => {
                let raw = uri.as_str();
                let raw = raw.split(['?', '#']).next().unwrap_or(raw);
                raw.rsplit(['/', ':']).next().map(str::to_owned)
            }
        }
        .filter(|s| !s.is_empty());
        Document {
            rope: Rope::from_str(text),
            version,
            language: Format::from_language_id(language_id),
            path,
            file_name,
        }
    }

    /// Applies incremental (or whole-text) changes in order. Out-of-range positions are
    /// clamped; a version not newer than ours is dropped whole, since its ranges were
    /// computed against another text.
    pub fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: PositionEncoding,
    ) -> Applied {
        if version <= self.version {
            return Applied::Stale;
        }
        let mut clamped = 0;
        for change in changes {
            match change.range {
                None => self.rope = Rope::from_str(&change.text),
                Some(range) => {
                    let (range, was_clamped) = position::text_range(&self.rope, range, encoding);
                    clamped += usize::from(was_clamped);
                    self.replace(range, &change.text);
                }
            }
        }
        self.version = version;
        Applied::Changed { clamped }
    }

    /// Replaces a byte range (on char boundaries, inside the text) with `text`.
    pub fn replace(&mut self, range: TextRange, text: &str) {
        let start = self.rope.byte_to_char(range.start());
        let end = self.rope.byte_to_char(range.end());
        if start < end {
            self.rope.remove(start..end);
        }
        if !text.is_empty() {
            self.rope.insert(start, text);
        }
    }

    #[cfg(test)]
    pub fn text(&self) -> String {
        self.rope.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.to_owned(),
        }
    }

    fn doc(text: &str) -> Document {
        let uri: Uri = "file:///tmp/resume.md".parse().unwrap();
        Document::new(&uri, text, 1, "markdown")
    }

    #[test]
    fn incremental_edits_in_order() {
        let mut d = doc("- Led 😀 team\n- 履歴\n");
        let applied = d.apply(
            2,
            vec![change(0, 8, 0, 8, " big"), change(1, 2, 1, 4, "CV")],
            PositionEncoding::Utf16,
        );
        assert_eq!(applied, Applied::Changed { clamped: 0 });
        assert_eq!(d.text(), "- Led 😀 big team\n- CV\n");
        assert_eq!(d.version, 2);
    }

    #[test]
    fn stale_versions_are_dropped_and_bad_ranges_clamped() {
        let mut d = doc("ab\n");
        assert_eq!(
            d.apply(1, vec![change(0, 0, 0, 0, "x")], PositionEncoding::Utf8),
            Applied::Stale
        );
        assert_eq!(d.text(), "ab\n");
        let applied = d.apply(3, vec![change(5, 0, 0, 99, "!")], PositionEncoding::Utf8);
        assert_eq!(applied, Applied::Changed { clamped: 1 });
        assert_eq!(d.text(), "ab!");
    }

    #[test]
    fn names_and_languages() {
        let uri: Uri = "untitled:Untitled-1".parse().unwrap();
        let d = Document::new(&uri, "", 0, "yaml");
        assert_eq!(d.path, None);
        assert_eq!(d.language, Some(Format::Yaml));
        let d = doc("");
        assert_eq!(d.file_name.as_deref(), Some("resume.md"));
        assert!(d.path.is_some());
    }
}
