//! A set of lowercase phrases found in one pass (an Aho-Corasick automaton built on first
//! use), ASCII-case-insensitively and on word boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
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
        let found: Vec<PhraseMatch> = ac
            .find_overlapping_iter(text)
            .filter(|m| on_boundaries(text, m.start(), m.end()))
            .map(|m| PhraseMatch {
                start: m.start(),
                end: m.end(),
                index: m.pattern().as_usize(),
            })
            .collect();
        longest_first(found)
    }
}

/// Keeps, of matches that overlap, the one that starts first and then the longest; in text
/// order.
fn longest_first(mut found: Vec<PhraseMatch>) -> Vec<PhraseMatch> {
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

/// Several phrase sets found in one scan of a text: one automaton over all their phrases
/// (built on first use), whose matches are split back by set. For each set the result is
/// that of `PhraseSet::find`: an overlapping search reports every occurrence of every
/// phrase, in the same order within a set, whatever other phrases share the automaton.
#[derive(Clone, Debug, Default)]
pub struct PhraseScan {
    /// The automaton, and the index of each set's first phrase in it.
    automaton: OnceLock<Option<(AhoCorasick, Vec<usize>)>>,
}

impl PhraseScan {
    /// The matches of each of `sets` in `text`, as `sets[i].find(text)` gives them. `sets`
    /// must be the same sets on every call.
    pub fn find(&self, sets: &[&PhraseSet], text: &str) -> Vec<Vec<PhraseMatch>> {
        let built = self.automaton.get_or_init(|| {
            let mut firsts = Vec::with_capacity(sets.len());
            let mut all: Vec<&str> = Vec::new();
            for set in sets {
                firsts.push(all.len());
                all.extend(set.phrases().iter().map(String::as_str));
            }
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&all)
                .ok()
                .map(|ac| (ac, firsts))
        });
        let mut out: Vec<Vec<PhraseMatch>> = sets.iter().map(|_| Vec::new()).collect();
        let Some((ac, firsts)) = built else {
            return out;
        };
        for m in ac.find_overlapping_iter(text) {
            let pattern = m.pattern().as_usize();
            let set = firsts
                .partition_point(|&first| first <= pattern)
                .saturating_sub(1);
            let (Some(first), Some(found)) = (firsts.get(set), out.get_mut(set)) else {
                continue;
            };
            if on_boundaries(text, m.start(), m.end()) {
                found.push(PhraseMatch {
                    start: m.start(),
                    end: m.end(),
                    index: pattern - first,
                });
            }
        }
        out.into_iter().map(longest_first).collect()
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

    #[test]
    fn one_scan_finds_what_each_set_finds() {
        let sets = [
            set(&["team player", "team", "guru"]),
            set(&[]),
            set(&["player", "go", "golang", "team"]),
        ];
        let refs: Vec<&PhraseSet> = sets.iter().collect();
        let scan = PhraseScan::default();
        for text in [
            "A Team Player and Golang guru, go team",
            "steam players",
            "",
            "team team-player go-to",
        ] {
            let each: Vec<Vec<PhraseMatch>> = sets.iter().map(|s| s.find(text)).collect();
            assert_eq!(scan.find(&refs, text), each, "{text}");
        }
    }
}
