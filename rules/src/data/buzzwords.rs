//! `buzzwords.toml`: cliches recruiters skim past ("results-driven", "team player").

use super::phrases::{PhraseMatch, PhraseSet};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBuzzwords {
    buzzwords: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Buzzwords {
    set: PhraseSet,
}

impl Buzzwords {
    pub fn parse(src: &str) -> Result<Buzzwords, String> {
        let raw: RawBuzzwords = toml::from_str(src).map_err(|e| e.to_string())?;
        Ok(Buzzwords {
            set: PhraseSet::new(raw.buzzwords)?,
        })
    }

    /// Every buzzword in `text`, on word boundaries, case-insensitively.
    /// The phrase set, for scans shared with other sets (`Data::wording`).
    pub(crate) fn set(&self) -> &PhraseSet {
        &self.set
    }

    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        self.set.find(text)
    }

    pub fn phrases(&self) -> &[String] {
        self.set.phrases()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const SRC: &str = include_str!("../../data/buzzwords.toml");

    #[test]
    fn list_is_sorted_lowercase_and_unique() {
        let b = Buzzwords::parse(SRC).unwrap();
        let list = b.phrases();
        assert!(list.len() > 20);
        for pair in list.windows(2) {
            assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
        }
        for w in list {
            assert_eq!(*w, w.to_lowercase(), "{w:?} is not lowercase");
            assert_eq!(w.trim(), w, "{w:?} has outer spaces");
            assert!(!w.contains("  "), "{w:?} has a double space");
        }
    }
}
