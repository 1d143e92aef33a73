//! `duties.toml`: how a bullet states a duty ("In charge of", "Maintenance of") and how it
//! states what changed ("resulting in", "cutting"), for `duty-not-achievement`.

use super::phrases::{PhraseMatch, PhraseSet};
use foldhash::HashSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawDuties {
    duty_openers: Vec<String>,
    duty_nouns: Vec<String>,
    duty_noun_links: Vec<String>,
    duty_qualifiers: Vec<String>,
    outcome_phrases: Vec<String>,
    change_words: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Duties {
    /// Each opener split into its words, longest first ("in charge of" before "in").
    openers: Vec<Vec<String>>,
    nouns: HashSet<String>,
    links: HashSet<String>,
    qualifiers: HashSet<String>,
    outcomes: PhraseSet,
    change_words: HashSet<String>,
    /// Every list as written, for the data tests.
    lists: Vec<(&'static str, Vec<String>)>,
}

impl Duties {
    pub fn parse(src: &str) -> Result<Duties, String> {
        let raw: RawDuties = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut openers: Vec<Vec<String>> = raw
            .duty_openers
            .iter()
            .map(|p| p.split(' ').map(str::to_owned).collect())
            .collect();
        openers.sort_by_key(|words| std::cmp::Reverse(words.len()));
        let set = |v: &[String]| v.iter().cloned().collect::<HashSet<_>>();
        Ok(Duties {
            openers,
            nouns: set(&raw.duty_nouns),
            links: set(&raw.duty_noun_links),
            qualifiers: set(&raw.duty_qualifiers),
            change_words: set(&raw.change_words),
            outcomes: PhraseSet::new(raw.outcome_phrases.clone())?,
            lists: vec![
                ("duty-openers", raw.duty_openers),
                ("duty-nouns", raw.duty_nouns),
                ("duty-noun-links", raw.duty_noun_links),
                ("duty-qualifiers", raw.duty_qualifiers),
                ("outcome-phrases", raw.outcome_phrases),
                ("change-words", raw.change_words),
            ],
        })
    }

    /// The duty opener whose words (lowercase) start `words`, as a number of words.
    pub fn opener_len<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
        self.openers.iter().find_map(|opener| {
            let mut ws = words.clone();
            opener
                .iter()
                .all(|w| ws.next() == Some(w.as_str()))
                .then_some(opener.len())
        })
    }

    /// A noun naming a duty ("maintenance"), lowercase.
    pub fn is_noun(&self, word: &str) -> bool {
        self.nouns.contains(word)
    }

    /// A word after a duty noun that confirms it ("of", "for", "included").
    pub fn is_link(&self, word: &str) -> bool {
        self.links.contains(word)
    }

    /// A word before a duty noun ("day-to-day", "key").
    pub fn is_qualifier(&self, word: &str) -> bool {
        self.qualifiers.contains(word)
    }

    /// A word that says what changed ("reduced", "faster"), lowercase.
    pub fn is_change_word(&self, word: &str) -> bool {
        self.change_words.contains(word)
    }

    /// Every outcome phrase in `text` ("resulting in").
    pub fn outcomes(&self, text: &str) -> Vec<PhraseMatch> {
        self.outcomes.find(text)
    }

    pub fn lists(&self) -> &[(&'static str, Vec<String>)] {
        &self.lists
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const SRC: &str = include_str!("../../data/duties.toml");

    #[test]
    fn lists_are_sorted_lowercase_and_unique() {
        let d = Duties::parse(SRC).unwrap();
        assert_eq!(d.lists().len(), 6);
        for (name, list) in d.lists() {
            assert!(list.len() > 5, "{name} is short");
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
                assert_eq!(w.trim(), w, "{name}: {w:?} has outer spaces");
                assert!(!w.contains("  "), "{name}: {w:?} has a double space");
            }
        }
    }

    #[test]
    fn single_word_lists_hold_single_words() {
        let d = Duties::parse(SRC).unwrap();
        for (name, list) in d.lists() {
            if matches!(*name, "duty-openers" | "outcome-phrases") {
                continue;
            }
            for w in list {
                assert!(!w.contains(' '), "{name}: {w:?} is not one word");
            }
        }
    }

    #[test]
    fn lookups() {
        let d = Duties::parse(SRC).unwrap();
        let words = ["in", "charge", "of", "the", "report"];
        assert_eq!(d.opener_len(words.iter().copied()), Some(3));
        assert_eq!(d.opener_len(["in", "2021"].iter().copied()), None);
        assert_eq!(d.opener_len(["handled", "calls"].iter().copied()), Some(1));
        assert!(d.is_noun("maintenance") && d.is_link("of") && d.is_qualifier("day-to-day"));
        assert!(d.is_change_word("reduced") && !d.is_change_word("reduce"));
        assert_eq!(
            d.outcomes("Handled refunds, resulting in fewer calls")
                .len(),
            1
        );
    }
}
