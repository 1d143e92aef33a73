//! Rule data: the TOML tables in `rules/data/`, embedded at compile time, parsed once,
//! and extended by the user's `extend-*` settings.

mod buzzwords;
mod dates;
mod duties;
mod fillers;
pub mod headings;
mod personal;
mod phrases;
pub mod skills;
mod tech_names;
mod verbs;

pub use buzzwords::Buzzwords;
pub use dates::DateWords;
pub use duties::Duties;
pub use fillers::Fillers;
pub use headings::Headings;
pub use personal::{PersonalData, PersonalItem, normalize_key, normalize_key_into};
pub use phrases::{PhraseMatch, PhraseScan, PhraseSet};
pub use skills::{Skill, SkillCategory, Skills};
pub use tech_names::TechNames;
pub use verbs::{Form, Tense, Verbs, WeakOpener};

use std::sync::{Arc, LazyLock};

/// Source of every embedded data file, by name, for the data lint.
pub const FILES: &[(&str, &str)] = &[
    ("buzzwords.toml", include_str!("../../data/buzzwords.toml")),
    ("dates.toml", include_str!("../../data/dates.toml")),
    ("duties.toml", include_str!("../../data/duties.toml")),
    ("fillers.toml", include_str!("../../data/fillers.toml")),
    ("headings.toml", include_str!("../../data/headings.toml")),
    (
        "personal_data.toml",
        include_str!("../../data/personal_data.toml"),
    ),
    ("skills.toml", include_str!("../../data/skills.toml")),
    (
        "tech_names.toml",
        include_str!("../../data/tech_names.toml"),
    ),
    ("verbs.toml", include_str!("../../data/verbs.toml")),
];

fn file(name: &str) -> &'static str {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, src)| *src)
}

#[derive(Clone, Debug, Default)]
pub struct Data {
    pub buzzwords: Buzzwords,
    pub dates: DateWords,
    pub duties: Duties,
    pub tech_names: TechNames,
    pub fillers: Fillers,
    pub headings: Headings,
    pub personal: PersonalData,
    pub verbs: Verbs,
    /// Buzzwords, fillers and technology names in one scan (see `Data::wording`).
    pub wording: PhraseScan,
}

/// The sets of `Data::wording`, by position.
pub const BUZZWORDS: usize = 0;
pub const FILLERS: usize = 1;
pub const TECH_NAMES: usize = 2;

/// User additions to the built-in data, from `extend-*` settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extensions {
    /// Extra weak openers: phrase, then replacement verbs (base form).
    pub weak_openers: Vec<(String, Vec<String>)>,
    /// Extra strong action verbs (base form).
    pub action_verbs: Vec<String>,
    /// Extra accepted headings: heading text, then the standard section it means.
    pub headings: Vec<(String, String)>,
}

impl Extensions {
    pub fn is_empty(&self) -> bool {
        *self == Extensions::default()
    }
}

static BUILTIN: LazyLock<Arc<Data>> = LazyLock::new(|| Arc::new(Data::load().unwrap_or_default()));

static SKILLS: LazyLock<Skills> =
    LazyLock::new(|| Skills::parse(file("skills.toml")).unwrap_or_default());

impl Data {
    /// The built-in data, parsed once.
    pub fn builtin() -> Arc<Data> {
        Arc::clone(&BUILTIN)
    }

    /// Parses the embedded files. A failure here is a bug caught by the data tests.
    pub fn load() -> Result<Data, String> {
        Ok(Data {
            buzzwords: Buzzwords::parse(file("buzzwords.toml"))
                .map_err(|e| format!("buzzwords.toml: {e}"))?,
            dates: DateWords::parse(file("dates.toml")).map_err(|e| format!("dates.toml: {e}"))?,
            duties: Duties::parse(file("duties.toml")).map_err(|e| format!("duties.toml: {e}"))?,
            tech_names: TechNames::parse(file("tech_names.toml"))
                .map_err(|e| format!("tech_names.toml: {e}"))?,
            fillers: Fillers::parse(file("fillers.toml"))
                .map_err(|e| format!("fillers.toml: {e}"))?,
            headings: Headings::parse(file("headings.toml"))
                .map_err(|e| format!("headings.toml: {e}"))?,
            personal: PersonalData::parse(file("personal_data.toml"))
                .map_err(|e| format!("personal_data.toml: {e}"))?,
            verbs: Verbs::parse(file("verbs.toml")).map_err(|e| format!("verbs.toml: {e}"))?,
            wording: PhraseScan::default(),
        })
    }

    /// The skills taxonomy, parsed on first use: only a posting needs it, and it is the
    /// largest table (parsing it on every start would double the CLI's start-up cost).
    pub fn skills() -> &'static Skills {
        &SKILLS
    }

    /// The buzzwords, fillers and technology names in `text`, in one scan: indexed by
    /// `BUZZWORDS`, `FILLERS` and `TECH_NAMES`, each as that set's own `find` gives it.
    pub fn wording(&self, text: &str) -> Vec<Vec<PhraseMatch>> {
        self.wording.find(
            &[
                self.buzzwords.set(),
                self.fillers.set(),
                self.tech_names.set(),
            ],
            text,
        )
    }

    /// A copy of this data with the user's additions.
    pub fn extended(&self, ext: &Extensions) -> Data {
        let mut data = self.clone();
        data.verbs.extend(ext);
        data.headings.extend(ext);
        data
    }
}
