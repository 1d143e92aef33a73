//! Shared text matchers: words with offsets, phrases on word boundaries, case matching.

/// Whether `c` can be part of a word (letters, digits, inner apostrophes and hyphens are
/// handled by `words`).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of `text` with their byte offsets. A word is a run of alphanumerics, with
/// inner apostrophes and hyphens ("don't", "cross-functional") kept.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    // The char at byte `i` and its length; ASCII (most text) without UTF-8 decoding.
    let char_at = move |i: usize| -> Option<(char, usize)> {
        let b = *bytes.get(i)?;
        if b.is_ascii() {
            return Some((char::from(b), 1));
        }
        let c = text.get(i..)?.chars().next()?;
        Some((c, c.len_utf8()))
    };
    let mut pos = 0;
    std::iter::from_fn(move || {
        // Skip to a word start.
        let start = loop {
            let (c, n) = char_at(pos)?;
            let at = pos;
            pos += n;
            if is_word_char(c) {
                break at;
            }
        };
        while let Some((c, n)) = char_at(pos) {
            // An apostrophe or hyphen is kept only if a word char follows.
            if is_word_char(c)
                || (matches!(c, '\'' | '’' | '-')
                    && char_at(pos + n).is_some_and(|(d, _)| is_word_char(d)))
            {
                pos += n;
                continue;
            }
            break;
        }
        text.get(start..pos).map(|w| (start, w))
    })
}

/// Byte ranges where `phrase` (lowercase, words separated by single spaces) occurs in
/// `text` on word boundaries, case-insensitively, with any run of whitespace between words.
pub fn find_phrase(text: &str, phrase: &str) -> Vec<std::ops::Range<usize>> {
    let wanted: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
    let Some(first) = wanted.first() else {
        return Vec::new();
    };
    let all: Vec<(usize, &str)> = words(text).collect();
    let mut out = Vec::new();
    for (i, &(start, word)) in all.iter().enumerate() {
        if !word.eq_ignore_ascii_case(first) && word.to_lowercase() != *first {
            continue;
        }
        let mut ok = true;
        let mut end = start + word.len();
        for (k, w) in wanted.iter().enumerate().skip(1) {
            match all.get(i + k) {
                Some(&(s, next))
                    if next.to_lowercase() == *w
                        && text.get(end..s).is_some_and(|gap| gap.trim().is_empty()) =>
                {
                    end = s + next.len();
                }
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            out.push(start..end);
        }
    }
    out
}

/// If `text` starts with `phrase` (lowercase words) on a word boundary, the byte length
/// of the match.
pub fn starts_with_phrase(text: &str, phrase: &str) -> Option<usize> {
    find_phrase(text, phrase)
        .into_iter()
        .next()
        .filter(|r| r.start == 0)
        .map(|r| r.end)
}

/// `replacement` with its first letter upper-cased when `model` starts upper-case.
pub fn match_case(model: &str, replacement: &str) -> String {
    if model.chars().next().is_some_and(char::is_uppercase) {
        capitalize(replacement)
    } else {
        replacement.to_owned()
    }
}

pub fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first word of `text`, with its offset.
pub fn first_word(text: &str) -> Option<(usize, &str)> {
    words(text).next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-iterator tokenizer `words` replaced, as the reference it must agree with.
    fn words_reference(text: &str) -> Vec<(usize, &str)> {
        let mut chars = text.char_indices().peekable();
        std::iter::from_fn(move || {
            let start = loop {
                let (i, c) = chars.next()?;
                if is_word_char(c) {
                    break i;
                }
            };
            let mut end = text.len();
            while let Some(&(i, c)) = chars.peek() {
                if is_word_char(c) {
                    chars.next();
                    continue;
                }
                if matches!(c, '\'' | '’' | '-') {
                    let mut look = chars.clone();
                    look.next();
                    if look.peek().is_some_and(|&(_, n)| is_word_char(n)) {
                        chars.next();
                        continue;
                    }
                }
                end = i;
                break;
            }
            text.get(start..end).map(|w| (start, w))
        })
        .collect()
    }

    #[test]
    fn words_agree_with_the_reference() {
        let pieces = [
            "a", "Z", "9", "é", "日", "'", "’", "-", " ", "—", "٣", "\n", "--", "''",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(state % 16) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            state = state.wrapping_add(0x2545_f491_4f6c_dd1d);
            assert_eq!(
                words(&text).collect::<Vec<_>>(),
                words_reference(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let w: Vec<&str> = words("I don't - cross-functional, 20%")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["I", "don't", "cross-functional", "20"]);
    }

    #[test]
    fn phrases_match_on_word_boundaries() {
        assert_eq!(
            find_phrase("Worked  on the API", "worked on"),
            vec![(0..10)]
        );
        assert!(find_phrase("Reworked on", "worked on").is_empty());
        assert_eq!(
            starts_with_phrase("Responsible for X", "responsible for"),
            Some(15)
        );
        assert_eq!(
            starts_with_phrase("I was responsible for", "responsible for"),
            None
        );
    }

    #[test]
    fn case_follows_model() {
        assert_eq!(match_case("Helped", "led"), "Led");
        assert_eq!(match_case("helped", "led"), "led");
    }
}
