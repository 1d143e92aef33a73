//! Shared text matchers: words with offsets, phrases on word boundaries, case matching.

/// Whether `c` can be part of a word (letters, digits, inner apostrophes and hyphens are
/// handled by `words`).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of `text` with their byte offsets. A word is a run of alphanumerics, with
/// inner apostrophes and hyphens ("don't", "cross-functional") kept.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip to a word start.
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
                // Keep it only if a word char follows.
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
