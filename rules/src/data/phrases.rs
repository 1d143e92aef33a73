//! A set of lowercase phrases found in one pass (an Aho-Corasick automaton built on first
//! use), ASCII-case-insensitively and on word boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    phrases: Vec<String>,
    /// Built by the first `find`: a set no enabled rule asks for (the gap reasons of a
    /// resume with no gap, the buzzwords under `--select`) costs nothing at start-up.
    automaton: OnceLock<Option<AhoCorasick>>,
}

/// One phrase found in a text: its byte range and its index in the set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

impl PhraseSet {
    pub fn new(phrases: Vec<String>) -> Result<PhraseSet, String> {
        let set = PhraseSet {
            phrases,
            automaton: OnceLock::new(),
        };
        // The data tests parse every table: there, each set is built at once.
        #[cfg(test)]
        set.automaton()
            .ok_or_else(|| "phrase automaton over the size limits".to_owned())?;
        Ok(set)
    }

    /// The automaton. Building fails only past aho-corasick's size limits (billions of
    /// states), far beyond any data table; the data tests build every built-in set.
    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&self.phrases)
                    .ok()
            })
            .as_ref()
    }

    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// Every phrase of the set in `text` on word boundaries, longest first where two
    /// overlap, in text order.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let Some(ac) = self.automaton() else {
            return Vec::new();
        };
        let mut found: Vec<PhraseMatch> = ac
            .find_overlapping_iter(text)
            .filter(|m| on_boundaries(text, m.start(), m.end()))
            .map(|m| PhraseMatch {
                start: m.start(),
                end: m.end(),
                index: m.pattern().as_usize(),
            })
            .collect();
        if found.len() > 1 {
            found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
            let mut last_end = 0;
            found.retain(|m| {
                let keep = m.start >= last_end;
                if keep {
                    last_end = m.end;
                }
                keep
            });
        }
        found
    }
}

/// Whether `text[start..end]` is not part of a longer word: no word character touches it,
/// nor a hyphen or apostrophe that joins it to one ("non-dynamic", "rockstar's" is fine).
fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let mut back = before.chars().rev();
    let ok_before = match back.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('-' | '\'' | '’') => !back.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    };
    let last = text.get(..end).and_then(|s| s.chars().next_back());
    let mut fwd = after.chars();
    let ok_after = match fwd.next() {
        None => true,
        // A phrase ending in punctuation ("etc.") ends where it ends.
        Some(_) if last.is_some_and(|c| !c.is_alphanumeric()) => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('-') => !fwd.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    };
    ok_before && ok_after
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn set(list: &[&str]) -> PhraseSet {
        PhraseSet::new(list.iter().map(|s| (*s).to_owned()).collect()).unwrap()
    }

    fn found<'a>(s: &PhraseSet, text: &'a str) -> Vec<&'a str> {
        s.find(text)
            .iter()
            .map(|m| text.get(m.start..m.end).unwrap())
            .collect()
    }

    #[test]
    fn word_boundaries_and_case() {
        let s = set(&["team player", "guru", "etc.", "results-driven"]);
        assert_eq!(
            found(&s, "A Team Player and SEO guru."),
            ["Team Player", "guru"]
        );
        assert!(found(&s, "steam players, gurus, non-guru, guru-like").is_empty());
        assert_eq!(found(&s, "Go, etc.)"), ["etc."]);
        assert_eq!(
            found(&s, "Results-driven, results-driven."),
            ["Results-driven", "results-driven"]
        );
        assert_eq!(found(&s, "the guru's"), ["guru"]);
    }

    #[test]
    fn longest_wins_on_overlap() {
        let s = set(&["a variety of", "a wide variety of", "variety"]);
        assert_eq!(
            found(&s, "in a wide variety of ways"),
            ["a wide variety of"]
        );
    }
}
