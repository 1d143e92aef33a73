//! A tokenizer that keeps technology names whole: "C++", "C#", ".NET", "Node.js", "CI/CD",
//! "gRPC", "TCP/IP", "F#", "Objective-C".
//!
//! A token is a run of letters and digits joined by `.`, `-`, `_`, `'` or `/` (each
//! followed by a letter or digit), with trailing `+` or `#` kept ("C++", "C#") and a
//! leading `.` before a letter (".NET"). A `/` only joins short parts without lowercase
//! letters ("CI/CD", "TCP/IP", "A/B"); "Kubernetes/ECS" and "and/or" are split.

use std::borrow::Cow;
use std::ops::Range;

/// The byte ranges of the tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Range<usize>> {
    if text.is_ascii() {
        // Every byte is a character: no decoding.
        let bytes = text.as_bytes();
        tokens_with(
            text,
            |i| bytes.get(i).map(|&b| char::from(b)),
            |i| {
                i.checked_sub(1)
                    .and_then(|j| bytes.get(j))
                    .map(|&b| char::from(b))
            },
        )
    } else {
        tokens_with(
            text,
            |i| text.get(i..).and_then(|s| s.chars().next()),
            |i| text.get(..i).and_then(|s| s.chars().next_back()),
        )
    }
}

/// `tokens`, with the character at a byte offset and the one before it.
fn tokens_with(
    text: &str,
    char_at: impl Fn(usize) -> Option<char>,
    char_before: impl Fn(usize) -> Option<char>,
) -> Vec<Range<usize>> {
    let alnum_at = |i: usize| char_at(i).is_some_and(char::is_alphanumeric);
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut i = 0;
    let mut prev_alnum = false;
    while let Some(c) = char_at(i) {
        let leading_dot = c == '.' && !prev_alnum && alnum_at(i + 1);
        if !c.is_alphanumeric() && !leading_dot {
            prev_alnum = false;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut slashed = false;
        i += c.len_utf8();
        loop {
            match char_at(i) {
                Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
                Some(j @ ('.' | '-' | '_' | '\'' | '’' | '/')) if alnum_at(i + j.len_utf8()) => {
                    slashed |= j == '/';
                    i += j.len_utf8();
                }
                Some('+' | '#') => {
                    while matches!(char_at(i), Some('+' | '#')) {
                        i += 1;
                    }
                    break;
                }
                _ => break,
            }
        }
        prev_alnum = char_before(i).is_some_and(char::is_alphanumeric);
        if slashed {
            split_slashes(text, start..i, &mut out);
        } else {
            out.push(start..i);
        }
    }
    out
}

/// Splits a token at `/` unless every part is short and has no lowercase letter.
fn split_slashes(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let token = text.get(range.clone()).unwrap_or("");
    let keep = !token.contains('/')
        || token
            .split('/')
            .all(|p| p.chars().count() <= 4 && !p.chars().any(char::is_lowercase));
    if keep {
        out.push(range);
        return;
    }
    let mut at = range.start;
    for part in token.split('/') {
        if !part.is_empty() {
            out.push(at..at + part.len());
        }
        at += part.len() + 1;
    }
}

/// One word of a text for matching: tokens split further at hyphens, so "event-driven"
/// is two words and a phrase of two words matches it, while "C" never matches inside
/// "C-suite" (a match must start where a token starts and end where one ends).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub range: Range<usize>,
    /// Lowercase; borrowed when the text already is.
    pub lower: Cow<'a, str>,
    pub token_start: bool,
    pub token_end: bool,
}

/// `part` in lowercase, borrowed when it already is.
fn lower(part: &str) -> Cow<'_, str> {
    let upper = if part.is_ascii() {
        part.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        part.chars().any(char::is_uppercase)
    };
    if upper {
        Cow::Owned(part.to_lowercase())
    } else {
        Cow::Borrowed(part)
    }
}

/// The words of `text` (see `Word`).
pub fn words(text: &str) -> Vec<Word<'_>> {
    words_with(text, None)
}

/// The words of `text`, lowercase words borrowed from `ascii_lower` (`text` with
/// `str::to_ascii_lowercase`, so byte for byte at the same offsets) where the word is
/// ASCII: one allocation per text instead of one per capitalized word.
pub fn words_lowered<'a>(text: &'a str, ascii_lower: &'a str) -> Vec<Word<'a>> {
    words_with(text, Some(ascii_lower))
}

fn words_with<'a>(text: &'a str, ascii_lower: Option<&'a str>) -> Vec<Word<'a>> {
    let all_ascii = ascii_lower.is_some() && text.is_ascii();
    let lower_at = |range: Range<usize>| -> Cow<'a, str> {
        let part = text.get(range.clone()).unwrap_or("");
        match ascii_lower.and_then(|l| l.get(range)) {
            Some(l) if all_ascii || part.is_ascii() => Cow::Borrowed(l),
            _ => lower(part),
        }
    };
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    for token in tokens(text) {
        let Some(t) = text.get(token.clone()) else {
            continue;
        };
        if !t.contains('-') {
            out.push(Word {
                lower: lower_at(token.clone()),
                range: token,
                token_start: true,
                token_end: true,
            });
            continue;
        }
        let mut at = token.start;
        let mut parts = t.split('-').peekable();
        let mut first = true;
        while let Some(part) = parts.next() {
            let last = parts.peek().is_none();
            if !part.is_empty() {
                let range = at..at + part.len();
                out.push(Word {
                    lower: lower_at(range.clone()),
                    range,
                    token_start: first,
                    token_end: last,
                });
            }
            first = false;
            at += part.len() + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn keeps_technology_tokens_whole() {
        assert_eq!(
            toks("C++, C#, .NET, Node.js, CI/CD, gRPC, TCP/IP, F#, Objective-C."),
            [
                "C++",
                "C#",
                ".NET",
                "Node.js",
                "CI/CD",
                "gRPC",
                "TCP/IP",
                "F#",
                "Objective-C"
            ]
        );
        assert_eq!(toks("(C++)"), ["C++"]);
        assert_eq!(toks("Built on .NET."), ["Built", "on", ".NET"]);
        assert_eq!(
            toks("A/B testing and UI/UX"),
            ["A/B", "testing", "and", "UI/UX"]
        );
    }

    #[test]
    fn splits_long_slash_pairs_and_trailing_punctuation() {
        assert_eq!(toks("Kubernetes/ECS"), ["Kubernetes", "ECS"]);
        assert_eq!(toks("and/or"), ["and", "or"]);
        assert_eq!(
            toks("PostgreSQL/Redis/ClickHouse"),
            ["PostgreSQL", "Redis", "ClickHouse"]
        );
        assert_eq!(toks("Python; Go. Rust!"), ["Python", "Go", "Rust"]);
        assert_eq!(toks("4+ years"), ["4+", "years"]);
        assert_eq!(toks("Bachelor's degree"), ["Bachelor's", "degree"]);
        assert_eq!(toks("Zoë’s café"), ["Zoë’s", "café"]);
        assert_eq!(toks(""), Vec::<&str>::new());
        assert_eq!(toks("..."), Vec::<&str>::new());
    }

    #[test]
    fn words_split_hyphens_and_mark_token_edges() {
        let w = words("event-driven C-suite");
        let lower: Vec<&str> = w.iter().map(|w| w.lower.as_ref()).collect();
        assert_eq!(lower, ["event", "driven", "c", "suite"]);
        assert!(w[0].token_start && !w[0].token_end);
        assert!(!w[1].token_start && w[1].token_end);
        assert_eq!(&"event-driven C-suite"[w[3].range.clone()], "suite");
    }

    #[test]
    fn lowered_words_are_the_words() {
        for text in [
            "Led the C++ and .NET teams; Kubernetes/ECS, CI/CD, Node.js",
            "Zoë’s CAFÉ-Bar in São Paulo: Event-Driven A/B tests",
            "",
        ] {
            let lower = text.to_ascii_lowercase();
            assert_eq!(words_lowered(text, &lower), words(text), "{text}");
        }
    }
}
