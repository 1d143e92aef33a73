//! `fillers.toml`: filler words and wordy phrases, with the shorter wording when there is
//! one ("in order to" -> "to") and nothing when the fix removes them ("successfully").

use super::phrases::{PhraseMatch, PhraseSet};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFillers {
    fillers: Vec<RawFiller>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFiller {
    phrase: String,
    #[serde(default)]
    replacement: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Fillers {
    set: PhraseSet,
    /// The replacement of each phrase, by index; `None` means remove.
    replacements: Vec<Option<String>>,
}

impl Fillers {
    pub fn parse(src: &str) -> Result<Fillers, String> {
        let raw: RawFillers = toml::from_str(src).map_err(|e| e.to_string())?;
        let (phrases, replacements) = raw
            .fillers
            .into_iter()
            .map(|f| (f.phrase, f.replacement))
            .unzip();
        Ok(Fillers {
            set: PhraseSet::new(phrases)?,
            replacements,
        })
    }

    /// Every filler in `text`, on word boundaries, case-insensitively.
    /// The phrase set, for scans shared with other sets (`Data::wording`).
    pub(crate) fn set(&self) -> &PhraseSet {
        &self.set
    }

    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        self.set.find(text)
    }

    /// The shorter wording for the phrase at `index`; `None` when it is simply removed.
    pub fn replacement(&self, index: usize) -> Option<&str> {
        self.replacements.get(index).and_then(|r| r.as_deref())
    }

    pub fn phrases(&self) -> &[String] {
        self.set.phrases()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const SRC: &str = include_str!("../../data/fillers.toml");

    #[test]
    fn list_is_sorted_lowercase_and_unique() {
        let f = Fillers::parse(SRC).unwrap();
        let list = f.phrases();
        assert!(list.len() > 10);
        for pair in list.windows(2) {
            assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
        }
        for (i, w) in list.iter().enumerate() {
            assert_eq!(*w, w.to_lowercase(), "{w:?} is not lowercase");
            assert_eq!(w.trim(), w, "{w:?} has outer spaces");
            if let Some(r) = f.replacement(i) {
                assert!(!r.is_empty() && r.len() < w.len(), "{w:?} -> {r:?}");
                assert_eq!(r, r.to_lowercase());
            }
        }
        assert_eq!(
            f.replacement(list.iter().position(|p| p == "in order to").unwrap()),
            Some("to")
        );
    }
}
