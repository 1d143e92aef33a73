//! `personal_data.toml`: personal details employers in a market must not see.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPersonal {
    markets: Vec<String>,
    items: Vec<PersonalItem>,
}

/// One kind of personal detail: how it is spotted and where it does not belong.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PersonalItem {
    /// What the message names: "date of birth".
    pub name: String,
    /// Markets where this item should not be on a resume.
    pub markets: Vec<String>,
    /// YAML / JSON keys that hold it (lowercase, without separators).
    #[serde(default)]
    pub keys: Vec<String>,
    /// Labels that introduce it in prose ("date of birth:"), lowercase.
    #[serde(default)]
    pub labels: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct PersonalData {
    pub markets: Vec<String>,
    pub items: Vec<PersonalItem>,
}

impl PersonalData {
    pub fn parse(src: &str) -> Result<PersonalData, String> {
        let raw: RawPersonal = toml::from_str(src).map_err(|e| e.to_string())?;
        Ok(PersonalData {
            markets: raw.markets,
            items: raw.items,
        })
    }
}
