//! The `Text` of a scalar: its logical value mapped back to the source bytes.
//!
//! saphyr gives the cooked value and the span of the scalar. Each style is re-read here
//! from the source so that every piece of the value maps to where it was written: text
//! runs map byte for byte, escapes (`\u00e9`, `''`) and folded line breaks map to the
//! source they stand for. The result is checked against saphyr's value; when they differ
//! (a case this reader does not model), the whole value maps to the whole scalar.

use crate::document::Text;
use crate::span::TextRange;
use saphyr_parser::ScalarStyle;

/// The text of a scalar whose event span (with anchor and tag, if any) is `span`.
pub(super) fn scalar_text(
    src: &str,
    span: TextRange,
    style: ScalarStyle,
    has_props: bool,
    cooked: &str,
) -> Text {
    let end = span.end().min(src.len());
    let mut start = span.start().min(end);
    if has_props && !matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
        start = skip_props(src, start, end);
    }
    // Fast path: a scalar written exactly as its value (most of them).
    let inner = match style {
        ScalarStyle::Plain => src.get(start..end).map(|s| s.trim_end_matches([' ', '\t'])),
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => src
            .get(start..end)
            .map(|s| s.trim_end_matches([' ', '\t', '\r', '\n']))
            .and_then(|s| s.get(1..s.len().saturating_sub(1))),
        ScalarStyle::Literal | ScalarStyle::Folded => None,
    };
    if inner == Some(cooked) {
        let offset = if style == ScalarStyle::Plain {
            start
        } else {
            start + 1
        };
        let mut t = Text::default();
        t.push_verbatim(cooked, offset);
        return t;
    }
    let built = match style {
        ScalarStyle::Plain => Some(flow(src, start, end, Flow::Plain)),
        ScalarStyle::SingleQuoted => quoted(src, start, end, b'\'', Flow::Single),
        ScalarStyle::DoubleQuoted => quoted(src, start, end, b'"', Flow::Double),
        ScalarStyle::Literal | ScalarStyle::Folded => {
            block(src, start, end, has_props, style == ScalarStyle::Folded)
        }
    };
    let fallback_range = TextRange::new(start, end);
    match built.and_then(|t| reconcile(t, cooked, end)) {
        Some(t) => t,
        None => {
            let mut t = Text::default();
            t.push_mapped(cooked, fallback_range);
            t
        }
    }
}

/// Makes `built` equal `cooked` when they differ only by trailing line breaks (block
/// scalar chomping); `None` when they differ otherwise.
fn reconcile(built: Text, cooked: &str, end: usize) -> Option<Text> {
    let value = built.as_str();
    if value == cooked {
        return Some(built);
    }
    if value.starts_with(cooked) && value.get(cooked.len()..)?.chars().all(is_break_char) {
        return Some(built.sub(0..cooked.len()));
    }
    if let Some(rest) = cooked.strip_prefix(value)
        && rest.chars().all(is_break_char)
    {
        let mut t = built;
        t.push_mapped(rest, TextRange::empty(end));
        return Some(t);
    }
    None
}

fn is_break_char(c: char) -> bool {
    c == '\n' || c == '\r'
}

fn byte_at(src: &str, pos: usize) -> Option<u8> {
    src.as_bytes().get(pos).copied()
}

fn char_at(src: &str, pos: usize, end: usize) -> Option<char> {
    src.get(pos..end).and_then(|s| s.chars().next())
}

/// Skips anchors (`&a`), tags (`!t`) and the whitespace around them.
fn skip_props(src: &str, mut pos: usize, end: usize) -> usize {
    loop {
        while pos < end && matches!(byte_at(src, pos), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            pos += 1;
        }
        if !matches!(byte_at(src, pos), Some(b'&' | b'!')) || pos >= end {
            return pos;
        }
        while pos < end && !matches!(byte_at(src, pos), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            pos += 1;
        }
        // Stop on a char boundary even if something odd happened.
        while pos < end && !src.is_char_boundary(pos) {
            pos += 1;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Plain,
    Single,
    Double,
}

fn quoted(src: &str, start: usize, end: usize, quote: u8, kind: Flow) -> Option<Text> {
    // In a flow collection the span can run past the closing quote over white space.
    let mut end = end;
    while end > start + 1 && matches!(byte_at(src, end - 1), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        end -= 1;
    }
    if byte_at(src, start) != Some(quote) || end < start + 2 || byte_at(src, end - 1) != Some(quote)
    {
        return None;
    }
    Some(flow(src, start + 1, end - 1, kind))
}

/// Past one line break (`\n`, `\r\n` or `\r`) at `pos`.
fn skip_break(src: &str, pos: usize) -> usize {
    match byte_at(src, pos) {
        Some(b'\r') if byte_at(src, pos + 1) == Some(b'\n') => pos + 2,
        Some(b'\r' | b'\n') => pos + 1,
        _ => pos,
    }
}

fn skip_blank(src: &str, mut pos: usize, end: usize) -> usize {
    while pos < end && matches!(byte_at(src, pos), Some(b' ' | b'\t')) {
        pos += 1;
    }
    pos
}

/// Plain and quoted scalars: text runs verbatim, line folding (trailing and leading
/// white space dropped, one break = a space, n empty lines = n newlines), escapes.
fn flow(src: &str, start: usize, end: usize, kind: Flow) -> Text {
    let mut t = Text::default();
    let mut pos = start;
    let mut pending: Option<usize> = None;
    let flush = |t: &mut Text, pending: &mut Option<usize>, pos: usize| {
        if let Some(p) = pending.take() {
            t.push_verbatim(src.get(p..pos).unwrap_or(""), p);
        }
    };
    while pos < end {
        let Some(c) = char_at(src, pos, end) else {
            break;
        };
        match c {
            ' ' | '\t' => {
                pending.get_or_insert(pos);
                pos += 1;
            }
            '\r' | '\n' => {
                let region = pending.take().unwrap_or(pos);
                pos = skip_break(src, pos);
                let mut empty = 0;
                loop {
                    let p = skip_blank(src, pos, end);
                    if p < end && matches!(byte_at(src, p), Some(b'\r' | b'\n')) {
                        empty += 1;
                        pos = skip_break(src, p);
                    } else {
                        pos = p;
                        break;
                    }
                }
                let logical = if empty == 0 {
                    " ".to_owned()
                } else {
                    "\n".repeat(empty)
                };
                t.push_mapped(&logical, TextRange::new(region, pos));
            }
            '\'' if kind == Flow::Single && byte_at(src, pos + 1) == Some(b'\'') => {
                flush(&mut t, &mut pending, pos);
                t.push_mapped("'", TextRange::new(pos, pos + 2));
                pos += 2;
            }
            '\\' if kind == Flow::Double => {
                flush(&mut t, &mut pending, pos);
                match byte_at(src, pos + 1) {
                    Some(b'\r' | b'\n') => {
                        // An escaped line break joins the lines with nothing between.
                        pos = skip_blank(src, skip_break(src, pos + 1), end);
                    }
                    _ => {
                        let (decoded, len) = escape(src, pos + 1, end);
                        let stop = (pos + 1 + len).min(end);
                        let mut buf = [0u8; 4];
                        let logical = decoded.map_or("", |d| d.encode_utf8(&mut buf));
                        if logical.is_empty() {
                            // Unknown escape: keep the source as is, the check will tell.
                            t.push_verbatim(src.get(pos..stop).unwrap_or(""), pos);
                        } else {
                            t.push_mapped(logical, TextRange::new(pos, stop));
                        }
                        pos = stop.max(pos + 1);
                        while pos < end && !src.is_char_boundary(pos) {
                            pos += 1;
                        }
                    }
                }
            }
            _ => {
                flush(&mut t, &mut pending, pos);
                // A run of ordinary text up to the next space, break, quote or escape
                // (all ASCII, so the run ends on a char boundary).
                let run = src
                    .get(pos..end)
                    .and_then(|s| {
                        s.bytes().skip(1).position(|b| {
                            matches!(b, b' ' | b'\t' | b'\r' | b'\n')
                                || (kind == Flow::Single && b == b'\'')
                                || (kind == Flow::Double && b == b'\\')
                        })
                    })
                    .map_or(end, |i| pos + 1 + i);
                let run = if src.is_char_boundary(run) {
                    run
                } else {
                    pos + c.len_utf8()
                };
                t.push_verbatim(src.get(pos..run).unwrap_or(""), pos);
                pos = run.max(pos + c.len_utf8());
            }
        }
    }
    // Plain scalars have no trailing white space (a flow span may run over some).
    if kind != Flow::Plain {
        flush(&mut t, &mut pending, pos.min(end));
    }
    t
}

/// The escape after a backslash at `pos`: the char it stands for and its source length.
fn escape(src: &str, pos: usize, end: usize) -> (Option<char>, usize) {
    let Some(c) = char_at(src, pos, end) else {
        return (None, 0);
    };
    let simple = match c {
        '0' => Some('\0'),
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        't' | '\t' => Some('\t'),
        'n' => Some('\n'),
        'v' => Some('\u{b}'),
        'f' => Some('\u{c}'),
        'r' => Some('\r'),
        'e' => Some('\u{1b}'),
        ' ' => Some(' '),
        '"' => Some('"'),
        '/' => Some('/'),
        '\\' => Some('\\'),
        'N' => Some('\u{85}'),
        '_' => Some('\u{a0}'),
        'L' => Some('\u{2028}'),
        'P' => Some('\u{2029}'),
        _ => None,
    };
    if simple.is_some() {
        return (simple, c.len_utf8());
    }
    let digits = match c {
        'x' => 2,
        'u' => 4,
        'U' => 8,
        _ => return (None, c.len_utf8()),
    };
    let hex = src.get(pos + 1..(pos + 1 + digits).min(end)).unwrap_or("");
    let decoded = if hex.len() == digits {
        u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
    } else {
        None
    };
    (decoded, 1 + hex.len())
}

/// Start of the line containing `pos`.
fn line_start(src: &str, pos: usize) -> usize {
    src.get(..pos)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// End of the line containing `pos` (before `\r\n` or `\n`).
fn line_end(src: &str, pos: usize, end: usize) -> usize {
    let e = src
        .get(pos..end)
        .and_then(|s| s.find('\n'))
        .map_or(end, |i| pos + i);
    if e > pos && byte_at(src, e - 1) == Some(b'\r') {
        e - 1
    } else {
        e
    }
}

/// Literal (`|`) and folded (`>`) block scalars.
fn block(src: &str, start: usize, end: usize, has_props: bool, folded: bool) -> Option<Text> {
    // Where the content lines begin, and the indentation.
    let (content, indent) = if has_props {
        let header = skip_props(src, start, end);
        if !matches!(byte_at(src, header), Some(b'|' | b'>')) {
            return None;
        }
        let next = src.get(header..end)?.find('\n').map(|i| header + i + 1)?;
        let mut indent = 0;
        let mut p = next;
        while p < end {
            let q = skip_blank(src, p, end);
            if q < end && !matches!(byte_at(src, q), Some(b'\r' | b'\n')) {
                indent = src.get(p..q)?.bytes().take_while(|&b| b == b' ').count();
                break;
            }
            p = src.get(q..end)?.find('\n').map_or(end, |i| q + i + 1);
        }
        (next, indent)
    } else {
        let ls = line_start(src, start);
        let indent = start - ls;
        // The header is on the closest line above that is not blank.
        let mut content = ls;
        while content > 0 {
            let prev = line_start(src, content - 1);
            if src.get(prev..content)?.trim().is_empty() {
                content = prev;
            } else {
                break;
            }
        }
        (content, indent)
    };

    // Content lines: (content start, content end) or None for an empty line, and the
    // start of each line's break.
    let mut lines: Vec<Option<(usize, usize)>> = Vec::new();
    let mut p = content;
    while p < end {
        let le = line_end(src, p, end);
        let body = src.get(p..le)?;
        let spaces = body.bytes().take_while(|&b| b == b' ').count();
        if body.trim_start_matches(' ').is_empty() && spaces <= indent {
            lines.push(None);
        } else if spaces >= indent {
            lines.push(Some((p + indent, le)));
        } else {
            break;
        }
        p = src.get(le..end)?.find('\n').map_or(end, |i| le + i + 1);
    }

    let mut t = Text::default();
    let mut prev: Option<(usize, usize)> = None;
    let mut empty = 0usize;
    // Where the pending break region starts: the end of the previous content line, or the
    // start of the content for leading empty lines.
    for line in lines {
        let Some((s, e)) = line else {
            empty += 1;
            continue;
        };
        let this = src.get(s..e)?;
        match prev {
            None => {
                if empty > 0 {
                    t.push_mapped(&"\n".repeat(empty), TextRange::new(content, s));
                }
            }
            Some((ps, pe)) => {
                let prev_text = src.get(ps..pe)?;
                let spaced = |l: &str| l.starts_with([' ', '\t']);
                let logical = if !folded || spaced(prev_text) || spaced(this) {
                    "\n".repeat(empty + 1)
                } else if empty == 0 {
                    " ".to_owned()
                } else {
                    "\n".repeat(empty)
                };
                t.push_mapped(&logical, TextRange::new(pe, s));
            }
        }
        t.push_verbatim(this, s);
        prev = Some((s, e));
        empty = 0;
    }
    if let Some((_, pe)) = prev {
        // The final break and trailing empty lines; chomping trims them in `reconcile`.
        t.push_mapped(&"\n".repeat(empty + 1), TextRange::new(pe, end.max(pe)));
    }
    Some(t)
}
