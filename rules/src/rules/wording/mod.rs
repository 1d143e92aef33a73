//! Wording: words that cost a recruiter's attention and say nothing.

pub mod buzzword;
pub mod filler_word;
pub mod miscased_technology;

use crate::document::{Block, BlockKind, Resume, SectionKind};

/// Prose about your work: bullets, summaries and paragraphs, not references (someone
/// else's words), interests (a hobby may be "passionate"), headings, names, dates or URLs.
pub(crate) fn is_own_prose(resume: &Resume, block: &Block) -> bool {
    matches!(
        block.kind,
        BlockKind::Bullet | BlockKind::Summary | BlockKind::Paragraph
    ) && !matches!(
        resume.section_kind(block),
        Some(SectionKind::References | SectionKind::Interests)
    )
}

/// Whether `text[start..end]` is quoted, code, or part of a link, an email or a file name:
/// a title or a name, not your wording.
pub(crate) fn is_quoted_or_code(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let inside = |open: &[char], close: &[char]| {
        let mut depth = false;
        for c in before.chars() {
            if !depth && open.contains(&c) {
                depth = true;
            } else if depth && close.contains(&c) {
                depth = false;
            }
        }
        depth
    };
    if inside(&['"', '“'], &['"', '”']) || inside(&['`'], &['`']) {
        return true;
    }
    // The whitespace-delimited chunk: a URL, an email, a path or a dotted name.
    let chunk_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let chunk_end = text
        .get(end..)
        .and_then(|a| a.find(char::is_whitespace).map(|i| end + i))
        .unwrap_or(text.len());
    let chunk = text.get(chunk_start..chunk_end).unwrap_or("");
    chunk.contains(['@', '/', '#', '_', '='])
        || chunk
            .trim_end_matches(['.', ',', ';', ':', ')', '!', '?'])
            .trim_start_matches('(')
            .split('.')
            .filter(|part| !part.is_empty())
            .count()
            > 1
}

/// Whether the source at `start` is inside a Markdown code span: an odd number of
/// backticks before it on its line.
pub(crate) fn in_code_span(source: &str, start: usize) -> bool {
    let line = source.get(..start).unwrap_or("");
    let line = line.rsplit('\n').next().unwrap_or(line);
    line.bytes().filter(|&b| b == b'`').count() % 2 == 1
}

/// Whether a capitalized word at `start` opens a sentence, a bullet or a list item after
/// a label; mid-sentence, a capital marks a name ("Rockstar Games", "Team Player Award").
pub(crate) fn opens_sentence(text: &str, start: usize) -> bool {
    let before = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '(' | '['));
    before.is_empty()
        || before.ends_with(['.', '!', '?', ':', ';', '—', '–', '-', '|', '•', '·', '\n'])
}

/// Whether a match is written as a name: capitalized (or all caps) in mid-sentence, or
/// in Title Case with the next word capitalized too ("Guru Nanak Dev University",
/// "Team Player Award", "Very Large Scale Integration").
pub(crate) fn looks_like_name(text: &str, start: usize, end: usize) -> bool {
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let found = text.get(start..end).unwrap_or("");
    if !capital(found) {
        return false;
    }
    if !opens_sentence(text, start) {
        return true;
    }
    let title_case = found.split([' ', '-']).all(capital);
    let next_capital = text
        .get(end..)
        .and_then(|a| a.strip_prefix(' '))
        .is_some_and(capital);
    title_case && next_capital
}
