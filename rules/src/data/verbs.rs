//! `verbs.toml`: strong action verbs with their forms, and weak openers with replacements.

use super::Extensions;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawVerbs {
    /// base form -> [past, gerund]
    action_verbs: BTreeMap<String, [String; 2]>,
    weak_openers: Vec<RawWeakOpener>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeakOpener {
    phrase: String,
    replacements: Vec<String>,
}

/// A weak or passive opener and the strong verbs (base form) that can replace it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeakOpener {
    /// Lowercase phrase, as it opens a bullet: "responsible for", "helped".
    pub phrase: String,
    pub replacements: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Verbs {
    /// base -> (past, gerund)
    forms: HashMap<String, (String, String)>,
    /// any form (base, past, gerund) -> base
    base_of: HashMap<String, String>,
    pub weak_openers: Vec<WeakOpener>,
}

impl Verbs {
    pub fn parse(src: &str) -> Result<Verbs, String> {
        let raw: RawVerbs = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut v = Verbs::default();
        for (base, [past, ing]) in raw.action_verbs {
            v.add(base, past, ing);
        }
        v.weak_openers = raw
            .weak_openers
            .into_iter()
            .map(|w| WeakOpener {
                phrase: w.phrase,
                replacements: w.replacements,
            })
            .collect();
        Ok(v)
    }

    fn add(&mut self, base: String, past: String, ing: String) {
        self.base_of.insert(past.clone(), base.clone());
        self.base_of.insert(ing.clone(), base.clone());
        self.base_of.insert(base.clone(), base.clone());
        self.forms.insert(base, (past, ing));
    }

    pub fn extend(&mut self, ext: &Extensions) {
        for verb in &ext.action_verbs {
            let base = verb.to_lowercase();
            if !self.forms.contains_key(&base) {
                let (past, ing) = regular_forms(&base);
                self.add(base, past, ing);
            }
        }
        for (phrase, replacements) in &ext.weak_openers {
            let phrase = phrase.to_lowercase();
            self.weak_openers.retain(|w| w.phrase != phrase);
            self.weak_openers.push(WeakOpener {
                phrase,
                replacements: replacements.iter().map(|r| r.to_lowercase()).collect(),
            });
        }
        // Longest phrase first, so "worked closely on" wins over "worked on".
        self.weak_openers.sort_by(|a, b| {
            b.phrase
                .len()
                .cmp(&a.phrase.len())
                .then(a.phrase.cmp(&b.phrase))
        });
    }

    /// The base form of a known action verb form (lowercase input).
    pub fn base_of(&self, word: &str) -> Option<&str> {
        self.base_of.get(word).map(String::as_str)
    }

    pub fn is_action_verb(&self, word: &str) -> bool {
        self.base_of.contains_key(word)
    }

    pub fn past(&self, base: &str) -> Option<&str> {
        self.forms.get(base).map(|(p, _)| p.as_str())
    }

    pub fn gerund(&self, base: &str) -> Option<&str> {
        self.forms.get(base).map(|(_, g)| g.as_str())
    }

    pub fn action_verbs(&self) -> impl Iterator<Item = &str> {
        self.forms.keys().map(String::as_str)
    }
}

/// Past and gerund of a regular verb, for user-added verbs without listed forms.
pub fn regular_forms(base: &str) -> (String, String) {
    if let Some(stem) = base.strip_suffix('e') {
        (format!("{base}d"), format!("{stem}ing"))
    } else if let Some(stem) = base.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        (format!("{stem}ied"), format!("{base}ing"))
    } else {
        (format!("{base}ed"), format!("{base}ing"))
    }
}
