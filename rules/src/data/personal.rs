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
    /// Header items that state it on their own ("男").
    #[serde(default)]
    pub tokens: Vec<String>,
}

impl PersonalItem {
    /// Whether this item should not appear on a resume for `market`.
    pub fn applies_to(&self, market: &str) -> bool {
        self.markets.iter().any(|m| m.eq_ignore_ascii_case(market))
    }
}

#[derive(Clone, Debug, Default)]
pub struct PersonalData {
    /// The valid values of the `market` setting.
    pub markets: Vec<String>,
    pub items: Vec<PersonalItem>,
    /// The longest label and token, in bytes: lowercasing shrinks a string to no less
    /// than a third of its bytes, so a longer text cannot be one (computed at load).
    pub max_label_len: usize,
    pub max_token_len: usize,
}

impl PersonalData {
    pub fn parse(src: &str) -> Result<PersonalData, String> {
        let raw: RawPersonal = toml::from_str(src).map_err(|e| e.to_string())?;
        let longest = |list: fn(&PersonalItem) -> &Vec<String>| {
            raw.items
                .iter()
                .flat_map(list)
                .map(String::len)
                .max()
                .unwrap_or(0)
        };
        let max_label_len = longest(|i| &i.labels);
        let max_token_len = longest(|i| &i.tokens);
        Ok(PersonalData {
            markets: raw.markets,
            items: raw.items,
            max_label_len,
            max_token_len,
        })
    }

    /// The item with this name.
    pub fn item(&self, name: &str) -> Option<&PersonalItem> {
        self.items.iter().find(|i| i.name == name)
    }

    /// Whether `market` is one the data knows.
    pub fn is_market(&self, market: &str) -> bool {
        self.markets.iter().any(|m| m.eq_ignore_ascii_case(market))
    }

    /// The item whose keys contain `key` (any case, `_`, `-` and spaces ignored).
    pub fn item_for_key(&self, key: &str) -> Option<&PersonalItem> {
        let key = normalize_key(key);
        self.items.iter().find(|i| i.keys.contains(&key))
    }
}

/// A key lowercased, without `_`, `-`, `.` or spaces: `date_of_birth` -> `dateofbirth`.
pub fn normalize_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    normalize_key_into(key, &mut out);
    out
}

/// `normalize_key` into a reused buffer (cleared first).
pub fn normalize_key_into(key: &str, out: &mut String) {
    out.clear();
    out.extend(
        key.chars()
            .filter(|c| !matches!(c, '_' | '-' | ' ' | '.'))
            .flat_map(char::to_lowercase),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Data;

    fn data() -> PersonalData {
        PersonalData::parse(include_str!("../../data/personal_data.toml")).unwrap_or_default()
    }

    fn sorted_unique(list: &[String]) -> bool {
        list.windows(2).all(|w| matches!(w, [a, b] if a < b))
    }

    #[test]
    fn parses() {
        assert!(PersonalData::parse(include_str!("../../data/personal_data.toml")).is_ok());
        assert!(Data::load().is_ok());
        assert!(!data().items.is_empty());
    }

    #[test]
    fn markets_are_sorted_unique_lowercase() {
        let d = data();
        assert!(sorted_unique(&d.markets), "{:?}", d.markets);
        assert!(d.markets.iter().all(|m| *m == m.to_lowercase()));
        assert!(d.is_market("us"), "the default market must be valid");
    }

    #[test]
    fn items_are_sorted_and_use_valid_markets() {
        let d = data();
        let names: Vec<String> = d.items.iter().map(|i| i.name.to_lowercase()).collect();
        assert!(sorted_unique(&names), "{names:?}");
        for item in &d.items {
            assert!(!item.markets.is_empty(), "{} has no market", item.name);
            assert!(
                sorted_unique(&item.markets),
                "{}: {:?}",
                item.name,
                item.markets
            );
            for m in &item.markets {
                assert!(d.is_market(m), "{}: unknown market {m}", item.name);
            }
            for list in [&item.keys, &item.labels, &item.tokens] {
                assert!(sorted_unique(list), "{}: {list:?}", item.name);
                assert!(list.iter().all(|s| *s == s.to_lowercase() && !s.is_empty()));
            }
            assert!(
                item.keys.iter().all(|k| normalize_key(k) == *k),
                "{}: keys must be normalized",
                item.name
            );
        }
    }

    #[test]
    fn keys_and_labels_belong_to_one_item() {
        let d = data();
        let mut keys: Vec<&String> = d.items.iter().flat_map(|i| &i.keys).collect();
        let mut labels: Vec<&String> = d.items.iter().flat_map(|i| &i.labels).collect();
        for list in [&mut keys, &mut labels] {
            let n = list.len();
            list.sort();
            list.dedup();
            assert_eq!(n, list.len(), "shared between items: {list:?}");
        }
    }

    #[test]
    fn us_market_follows_the_guide() {
        // "remove any personal details (photo, DOB, marital status)".
        let d = data();
        for name in ["photo", "date of birth", "marital status"] {
            assert!(
                d.item(name).is_some_and(|i| i.applies_to("us")),
                "{name} must apply to us"
            );
        }
        // Photo and birth date are customary in Germany and France.
        assert!(d.item("photo").is_some_and(|i| !i.applies_to("de")));
        assert!(d.item("date of birth").is_some_and(|i| !i.applies_to("fr")));
        assert_eq!(
            d.item_for_key("birthDate").map(|i| i.name.as_str()),
            Some("date of birth")
        );
        assert_eq!(
            d.item_for_key("marital_status").map(|i| i.name.as_str()),
            Some("marital status")
        );
    }
}
