//! `tech_names.toml`: technology names and the other spellings people write.

use super::phrases::{PhraseMatch, PhraseSet};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTechNames {
    names: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, Default)]
pub struct TechNames {
    /// Every spelling matched (lowercase): each canonical name and its variants.
    set: PhraseSet,
    /// For each phrase of `set`, its canonical spelling.
    canonical: Vec<String>,
}

impl TechNames {
    pub fn parse(src: &str) -> Result<TechNames, String> {
        let raw: RawTechNames = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut phrases = Vec::new();
        let mut canonical = Vec::new();
        for (name, variants) in raw.names {
            for spelling in std::iter::once(name.to_lowercase()).chain(variants) {
                phrases.push(spelling);
                canonical.push(name.clone());
            }
        }
        Ok(TechNames {
            set: PhraseSet::new(phrases)?,
            canonical,
        })
    }

    /// The canonical spelling of the name whose spelling is phrase `index` of the set.
    pub fn canonical(&self, index: usize) -> Option<&str> {
        self.canonical.get(index).map(String::as_str)
    }

    /// Every spelling of a known name in `text`, with its canonical spelling.
    /// The phrase set, for scans shared with other sets (`Data::wording`).
    pub(crate) fn set(&self) -> &PhraseSet {
        &self.set
    }

    pub fn find<'a>(&'a self, text: &str) -> impl Iterator<Item = (PhraseMatch, &'a str)> + 'a {
        let found = self.set.find(text);
        found.into_iter().filter_map(move |m| {
            let name = self.canonical.get(m.index)?;
            Some((m, name.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = include_str!("../../data/tech_names.toml");

    #[test]
    fn data_is_sorted_unique_and_lowercase_where_it_should_be() {
        let raw: RawTechNames = toml::from_str(SRC).expect("tech_names.toml parses");
        let mut seen = std::collections::HashSet::new();
        for (name, variants) in &raw.names {
            assert!(seen.insert(name.to_lowercase()), "{name} twice");
            let mut sorted = variants.clone();
            sorted.sort();
            assert_eq!(&sorted, variants, "variants of {name} are not sorted");
            for v in variants {
                assert_eq!(
                    v,
                    &v.to_lowercase(),
                    "variant {v:?} of {name} is not lowercase"
                );
                assert_ne!(v, &name.to_lowercase(), "variant {v:?} repeats {name}");
                assert!(seen.insert(v.clone()), "{v:?} maps to two names");
            }
        }
    }

    #[test]
    fn finds_every_spelling_with_its_canonical_name() {
        let names = TechNames::parse(SRC).expect("parses");
        let found: Vec<(String, &str)> = names
            .find("Built with Javascript, nodejs and Postgress on github")
            .map(|(m, name)| (format!("{}..{}", m.start, m.end), name))
            .collect();
        let names_only: Vec<&str> = found.iter().map(|(_, n)| *n).collect();
        assert_eq!(
            names_only,
            ["JavaScript", "Node.js", "PostgreSQL", "GitHub"]
        );
    }
}
