//! A small YAML tree with byte spans, built from saphyr-parser events without recursion.
//!
//! Aliases stay aliases (never expanded), nesting deeper than `MAX_DEPTH` is skipped,
//! duplicate keys and scan errors become problems, and whatever was read before an
//! error is kept.

use super::chars::CharIndex;
use super::scalar::scalar_text;
use crate::document::{SyntaxProblem, Text};
use crate::span::TextRange;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// Collections nested deeper than this are not read into the tree.
pub(super) const MAX_DEPTH: usize = 200;

#[derive(Debug)]
pub(super) enum NodeKind {
    Scalar {
        text: Text,
        style: ScalarStyle,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    Alias,
    /// A collection below `MAX_DEPTH`, or a value lost to an error.
    Skipped,
}

#[derive(Debug)]
pub(super) struct Node {
    pub kind: NodeKind,
    pub span: TextRange,
}

impl Node {
    /// The value of a scalar node.
    pub fn scalar(&self) -> Option<&Text> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// True for a plain scalar that YAML reads as null.
    pub fn is_null(&self) -> bool {
        matches!(
            &self.kind,
            NodeKind::Scalar { text, style: ScalarStyle::Plain }
                if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL")
        )
    }

    /// True for a plain scalar that YAML reads as null, a boolean or a number.
    pub fn is_non_string(&self) -> bool {
        match &self.kind {
            NodeKind::Scalar {
                text,
                style: ScalarStyle::Plain,
            } => {
                let v = text.as_str();
                matches!(
                    v,
                    "" | "~"
                        | "null"
                        | "Null"
                        | "NULL"
                        | "true"
                        | "True"
                        | "TRUE"
                        | "false"
                        | "False"
                        | "FALSE"
                ) || v.parse::<f64>().is_ok()
            }
            _ => false,
        }
    }

    /// The value under `key` in a mapping (ASCII case-insensitive).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .find(|(k, _)| {
                    k.scalar()
                        .is_some_and(|t| t.as_str().eq_ignore_ascii_case(key))
                })
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

pub(super) struct Tree {
    /// One root per document.
    pub roots: Vec<Node>,
    pub problems: Vec<SyntaxProblem>,
    /// Source ranges of every scalar, in document order (for the comment scan).
    pub scalar_spans: Vec<TextRange>,
    /// Where reading stopped on an error.
    pub error_at: Option<usize>,
}

enum FrameKind {
    Seq(Vec<Node>),
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        /// Key string -> index into `entries`, built only for large maps (small ones
        /// are searched directly, without a map and a copy of every key).
        seen: Option<HashMap<String, usize>>,
    },
}

struct Frame {
    kind: FrameKind,
    start: usize,
}

struct Builder<'a> {
    src: &'a str,
    chars: CharIndex<'a>,
    stack: Vec<Frame>,
    /// Collections being skipped below `MAX_DEPTH`.
    skipping: usize,
    skipped_start: usize,
    /// Line starts, for messages; empty until needed.
    lines: Vec<usize>,
    tree: Tree,
}

pub(super) fn build(src: &str) -> Tree {
    let mut b = Builder {
        src,
        chars: CharIndex::new(src),
        stack: Vec::new(),
        skipping: 0,
        skipped_start: 0,
        lines: Vec::new(),
        tree: Tree {
            roots: Vec::new(),
            problems: Vec::new(),
            scalar_spans: Vec::new(),
            error_at: None,
        },
    };
    for item in Parser::new_from_str(src) {
        match item {
            Ok((event, span)) => b.event(event, span),
            Err(e) => {
                let at = b.chars.byte(e.marker().index());
                let len = src
                    .get(at..)
                    .and_then(|s| s.chars().next())
                    .filter(|c| *c != '\n' && *c != '\r')
                    .map_or(0, char::len_utf8);
                b.tree.problems.push(SyntaxProblem {
                    truncates: true,
                    span: TextRange::new(at, at + len),
                    message: format!(
                        "{} at line {} column {}",
                        e.info(),
                        e.marker().line(),
                        e.marker().col() + 1
                    ),
                });
                b.tree.error_at = Some(at);
                break;
            }
        }
    }
    // Close whatever is open (after an error, or a truncated stream).
    b.skipping = 0;
    while !b.stack.is_empty() {
        let end = b.tree.error_at.unwrap_or(src.len());
        b.close(TextRange::empty(end));
    }
    b.tree
}

impl Builder<'_> {
    fn range(&self, span: Span) -> TextRange {
        TextRange::new(
            self.chars.byte(span.start.index()),
            self.chars.byte(span.end.index()),
        )
    }

    fn event(&mut self, event: Event<'_>, span: Span) {
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                if self.skipping > 0 {
                    return;
                }
                let range = self.range(span);
                self.tree.scalar_spans.push(range);
                let has_props = anchor != 0 || tag.is_some();
                let text = scalar_text(self.src, range, style, has_props, &value);
                self.attach(Node {
                    kind: NodeKind::Scalar { text, style },
                    span: range,
                });
            }
            Event::Alias(_) => {
                if self.skipping == 0 {
                    let span = self.range(span);
                    self.attach(Node {
                        kind: NodeKind::Alias,
                        span,
                    });
                }
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let start = self.range(span).start();
                if self.skipping > 0 || self.stack.len() >= MAX_DEPTH {
                    if self.skipping == 0 {
                        self.skipped_start = start;
                    }
                    self.skipping += 1;
                    return;
                }
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    FrameKind::Seq(Vec::new())
                } else {
                    FrameKind::Map {
                        entries: Vec::new(),
                        key: None,
                        seen: None,
                    }
                };
                self.stack.push(Frame { kind, start });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let range = self.range(span);
                if self.skipping > 0 {
                    self.skipping -= 1;
                    if self.skipping == 0 {
                        let span = TextRange::new(self.skipped_start, range.end());
                        self.attach(Node {
                            kind: NodeKind::Skipped,
                            span,
                        });
                    }
                    return;
                }
                self.close(range);
            }
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd => {}
        }
    }

    /// Closes the innermost collection; `end` is the span of its end event.
    fn close(&mut self, end: TextRange) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let (kind, last_end) = match frame.kind {
            FrameKind::Seq(items) => {
                let last = items.last().map_or(frame.start, |n| n.span.end());
                (NodeKind::Seq(items), last)
            }
            FrameKind::Map { entries, key, .. } => {
                // A key left without a value (after an error) is dropped.
                let last = entries
                    .iter()
                    .map(|(_, v)| v.span.end())
                    .max()
                    .unwrap_or(frame.start);
                let last = key.map_or(last, |k| last.max(k.span.end()));
                (NodeKind::Map(entries), last)
            }
        };
        // Flow collections end at their bracket; block ones at their last child.
        let stop = if end.is_empty() {
            last_end
        } else {
            end.end().max(last_end)
        };
        self.attach(Node {
            kind,
            span: TextRange::new(frame.start, stop),
        });
    }

    fn attach(&mut self, node: Node) {
        let Some(frame) = self.stack.last_mut() else {
            self.tree.roots.push(node);
            return;
        };
        match &mut frame.kind {
            FrameKind::Seq(items) => items.push(node),
            FrameKind::Map { entries, key, seen } => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    let name = k.scalar().map(Text::as_str);
                    let found = name.and_then(|n| find_key(entries, seen, n));
                    match found {
                        Some(index) => {
                            let first_line = entries.get(index).map_or(0, |(fk, _)| {
                                line_of(self.src, &mut self.lines, fk.span.start())
                            });
                            self.tree.problems.push(SyntaxProblem {
                                truncates: false,
                                span: k.span,
                                message: format!(
                                    "duplicate key \"{}\" (first defined on line {first_line}); \
                                     only the last value is used",
                                    name.unwrap_or("")
                                ),
                            });
                            // Keep the last value, like JSON.parse, in place of the first.
                            if let Some(slot) = entries.get_mut(index) {
                                *slot = (k, node);
                            }
                        }
                        None => {
                            if let (Some(n), Some(seen)) = (name, seen.as_mut()) {
                                seen.insert(n.to_owned(), entries.len());
                            }
                            entries.push((k, node));
                        }
                    }
                }
            },
        }
    }
}

/// Maps with more entries than this index their keys in a hash map.
const INDEXED_MAP: usize = 16;

/// The index of the entry whose key is the scalar `name`. Keys are unique in `entries`
/// (a duplicate replaces the first), so the first match is the only one.
fn find_key(
    entries: &[(Node, Node)],
    seen: &mut Option<HashMap<String, usize>>,
    name: &str,
) -> Option<usize> {
    if seen.is_none() && entries.len() >= INDEXED_MAP {
        let index = entries
            .iter()
            .enumerate()
            .filter_map(|(i, (k, _))| k.scalar().map(|t| (t.as_str().to_owned(), i)))
            .collect();
        *seen = Some(index);
    }
    match seen {
        Some(seen) => seen.get(name).copied(),
        None => entries
            .iter()
            .position(|(k, _)| k.scalar().is_some_and(|t| t.as_str() == name)),
    }
}

/// 1-based line of a byte offset; `lines` (line starts) is built on first use.
fn line_of(src: &str, lines: &mut Vec<usize>, offset: usize) -> usize {
    if lines.is_empty() {
        lines.push(0);
        lines.extend(src.match_indices('\n').map(|(i, _)| i + 1));
    }
    lines.partition_point(|&start| start <= offset).max(1)
}
