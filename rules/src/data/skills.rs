//! `skills.toml`: the skills taxonomy. Each skill has a canonical name, a category and the
//! other names people write for it (acronyms, synonyms), which all mean the canonical name.

use serde::Deserialize;
use std::collections::HashMap;

/// What kind of skill a taxonomy entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkillCategory {
    /// A technique or discipline: "SQL", "A/B Testing", "Machine Learning".
    Hard,
    /// A product or framework: "Kubernetes", "PostgreSQL", "Jira".
    Tool,
    /// "Communication", "Leadership".
    Soft,
    /// "AWS Certified Solutions Architect", "PMP".
    Certification,
}

impl SkillCategory {
    pub const ALL: &'static [SkillCategory] = &[
        SkillCategory::Hard,
        SkillCategory::Tool,
        SkillCategory::Soft,
        SkillCategory::Certification,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SkillCategory::Hard => "hard",
            SkillCategory::Tool => "tool",
            SkillCategory::Soft => "soft",
            SkillCategory::Certification => "certification",
        }
    }

    pub fn parse(s: &str) -> Option<SkillCategory> {
        SkillCategory::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkills {
    skill: Vec<RawSkill>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkill {
    name: String,
    category: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    word: bool,
}

/// One taxonomy entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skill {
    /// The canonical spelling: "Kubernetes", "PostgreSQL".
    pub name: String,
    pub category: SkillCategory,
    /// Other names, lowercase: "k8s", "postgres".
    pub aliases: Vec<String>,
    /// The name is also an English word ("Go", "Rust"): it only counts in its canonical
    /// casing.
    pub word: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Skills {
    skills: Vec<Skill>,
    /// Lowercase name or alias, with hyphens read as spaces -> index in `skills`.
    by_name: HashMap<String, usize>,
    /// The most words any name or alias has.
    max_words: usize,
}

impl Skills {
    pub fn parse(src: &str) -> Result<Skills, String> {
        let raw: RawSkills = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut skills = Skills::default();
        for entry in raw.skill {
            let category = SkillCategory::parse(&entry.category).ok_or_else(|| {
                format!(
                    "{}: unknown category \"{}\" (hard, tool, soft or certification)",
                    entry.name, entry.category
                )
            })?;
            let index = skills.skills.len();
            for spelling in std::iter::once(&entry.name).chain(&entry.aliases) {
                let key = lookup_key(spelling);
                skills.max_words = skills.max_words.max(key.split(' ').count());
                // An alias that reads as its own name ("actix-web" for "Actix Web") adds
                // nothing; one that names another skill keeps the first (the data test
                // reports it, and the other data must still load).
                skills.by_name.entry(key).or_insert(index);
            }
            skills.skills.push(Skill {
                name: entry.name,
                category,
                aliases: entry.aliases,
                word: entry.word,
            });
        }
        Ok(skills)
    }

    pub fn all(&self) -> &[Skill] {
        &self.skills
    }

    pub fn get(&self, index: usize) -> Option<&Skill> {
        self.skills.get(index)
    }

    /// The skill a name or alias stands for, in any letter case.
    pub fn lookup(&self, spelling: &str) -> Option<usize> {
        self.by_name.get(&lookup_key(spelling)).copied()
    }

    /// The skill whose name or alias is these words (lowercase, hyphens split off), in the
    /// form `lookup_key` makes.
    pub fn lookup_key(&self, key: &str) -> Option<usize> {
        self.by_name.get(key).copied()
    }

    /// The most words a name or alias has: how far a matcher needs to look ahead.
    pub fn max_words(&self) -> usize {
        self.max_words
    }
}

/// The form names are compared in: lowercase, hyphens and runs of whitespace as one space.
pub fn lookup_key(spelling: &str) -> String {
    spelling
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = include_str!("../../data/skills.toml");

    #[test]
    fn every_alias_names_one_skill_and_no_name_is_an_alias() {
        let raw: RawSkills = toml::from_str(SRC).expect("skills.toml parses");
        // Case-insensitively, no spelling twice; as matched (hyphens read as spaces), no
        // spelling of two skills.
        let mut exact: HashMap<String, &str> = HashMap::new();
        let mut matched: HashMap<String, &str> = HashMap::new();
        for s in &raw.skill {
            for spelling in std::iter::once(&s.name).chain(&s.aliases) {
                if let Some(other) = exact.insert(spelling.to_lowercase(), &s.name) {
                    panic!("{spelling:?} of {} is also {other:?}", s.name);
                }
                if let Some(other) = matched.insert(lookup_key(spelling), &s.name)
                    && other != s.name
                {
                    panic!(
                        "{spelling:?} of {} reads as a spelling of {other:?}",
                        s.name
                    );
                }
            }
        }
        let names: std::collections::HashSet<String> =
            raw.skill.iter().map(|s| lookup_key(&s.name)).collect();
        for s in &raw.skill {
            for alias in &s.aliases {
                assert!(
                    !names.contains(&lookup_key(alias)),
                    "alias {alias:?} of {} is a canonical name",
                    s.name
                );
                assert_eq!(
                    alias,
                    &alias.to_lowercase(),
                    "alias {alias:?} is not lowercase"
                );
                assert_ne!(alias.trim(), "", "empty alias of {}", s.name);
            }
        }
    }

    #[test]
    fn sorted_by_name_with_valid_categories() {
        let raw: RawSkills = toml::from_str(SRC).expect("skills.toml parses");
        for pair in raw.skill.windows(2) {
            assert!(
                pair[0].name.to_lowercase() < pair[1].name.to_lowercase(),
                "{} should come after {}",
                pair[0].name,
                pair[1].name
            );
        }
        for s in &raw.skill {
            assert!(
                SkillCategory::parse(&s.category).is_some(),
                "{}: category {:?}",
                s.name,
                s.category
            );
            assert_eq!(s.name.trim(), s.name, "{:?} has outer spaces", s.name);
        }
        assert!(Skills::parse(SRC).is_ok());
    }

    #[test]
    fn looks_up_names_and_aliases_in_any_case() {
        let skills = Skills::parse(SRC).unwrap();
        let name = |s: &str| {
            skills
                .lookup(s)
                .and_then(|i| skills.get(i))
                .map(|s| s.name.as_str())
        };
        assert_eq!(name("k8s"), Some("Kubernetes"));
        assert_eq!(name("Postgres"), Some("PostgreSQL"));
        assert_eq!(name("JS"), Some("JavaScript"));
        assert_eq!(name("GCP"), Some("Google Cloud"));
        assert_eq!(
            name("event driven architecture"),
            Some("Event-Driven Architecture")
        );
        assert_eq!(name("nothing-like-it"), None);
        assert!(Skills::parse("[[skill]]\nname = \"X\"\ncategory = \"weird\"\n").is_err());
        let first_wins = Skills::parse(
            "[[skill]]\nname = \"X\"\ncategory = \"tool\"\naliases = [\"y\"]\n[[skill]]\nname = \"Y\"\ncategory = \"tool\"\n",
        )
        .unwrap();
        assert_eq!(first_wins.lookup("Y"), Some(0));
    }
}
