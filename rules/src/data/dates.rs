//! `dates.toml`: what a role's dates say instead of a date (`vague-date`), and the words
//! that explain a gap between two jobs (`employment-gap`).

use super::phrases::{PhraseMatch, PhraseSet};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawDates {
    vague: Vec<String>,
    gap_reasons: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct DateWords {
    vague: Vec<String>,
    gap_reasons: PhraseSet,
}

impl DateWords {
    pub fn parse(src: &str) -> Result<DateWords, String> {
        let raw: RawDates = toml::from_str(src).map_err(|e| e.to_string())?;
        Ok(DateWords {
            vague: raw.vague,
            gap_reasons: PhraseSet::new(raw.gap_reasons)?,
        })
    }

    /// Whether `phrase` (lowercase, trimmed) is a vague date.
    pub fn is_vague(&self, phrase: &str) -> bool {
        self.vague
            .binary_search_by(|v| v.as_str().cmp(phrase))
            .is_ok()
    }

    /// The words in `text` that explain a gap.
    pub fn gap_reasons(&self, text: &str) -> Vec<PhraseMatch> {
        self.gap_reasons.find(text)
    }

    pub fn vague(&self) -> &[String] {
        &self.vague
    }

    pub fn gap_reason_list(&self) -> &[String] {
        self.gap_reasons.phrases()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const SRC: &str = include_str!("../../data/dates.toml");

    #[test]
    fn lists_are_sorted_lowercase_and_unique() {
        let d = DateWords::parse(SRC).unwrap();
        for list in [d.vague(), d.gap_reason_list()] {
            assert!(list.len() > 10);
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
            }
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w:?} is not lowercase");
                assert_eq!(w.trim(), w, "{w:?} has outer spaces");
            }
        }
        assert!(d.is_vague("a few years"));
        assert!(!d.is_vague("2020"));
        assert_eq!(d.gap_reasons("Took a Career Break, travelling").len(), 2);
    }
}
