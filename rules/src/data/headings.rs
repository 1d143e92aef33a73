//! `headings.toml`: standard sections and the headings and keys that name them.

use super::Extensions;
use crate::document::SectionKind;
use foldhash::HashMap;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    standard: String,
    accepted: Vec<String>,
    synonyms: Vec<String>,
    keys: Vec<String>,
}

/// How a heading reads against the standard sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingMatch {
    /// A heading ATS parsers recognise.
    Accepted(SectionKind),
    /// A heading that means a standard section but is not one ATS parsers recognise.
    Synonym(SectionKind),
    /// Not a known section heading.
    Unknown,
}

#[derive(Clone, Debug, Default)]
pub struct Headings {
    /// Standard heading text per section.
    standard: HashMap<SectionKind, String>,
    /// Lowercase heading -> section, for accepted headings.
    accepted: HashMap<String, SectionKind>,
    synonyms: HashMap<String, SectionKind>,
    keys: HashMap<String, SectionKind>,
    /// Names of the tables, to validate `extend-headings` targets.
    names: BTreeMap<String, SectionKind>,
    /// The length of the longest accepted heading or synonym (normalized).
    longest: usize,
}

impl Headings {
    pub fn parse(src: &str) -> Result<Headings, String> {
        let raw: BTreeMap<String, RawSection> = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut h = Headings::default();
        for (name, section) in raw {
            let kind =
                SectionKind::parse(&name).ok_or_else(|| format!("unknown section `{name}`"))?;
            h.names.insert(name, kind);
            h.standard.insert(kind, section.standard);
            for a in section.accepted {
                h.accepted.insert(a, kind);
            }
            for s in section.synonyms {
                h.synonyms.insert(s, kind);
            }
            for k in section.keys {
                h.keys.insert(k, kind);
            }
        }
        h.longest = h
            .accepted
            .keys()
            .chain(h.synonyms.keys())
            .map(String::len)
            .max()
            .unwrap_or(0);
        Ok(h)
    }

    pub fn extend(&mut self, ext: &Extensions) {
        for (heading, section) in &ext.headings {
            if let Some(kind) = self.section_named(section) {
                let key = normalize(heading);
                self.longest = self.longest.max(key.len());
                self.accepted.insert(key, kind);
            }
        }
    }

    /// The section a data-table name (`experience`, `skills`...) stands for.
    pub fn section_named(&self, name: &str) -> Option<SectionKind> {
        self.names.get(&name.to_ascii_lowercase()).copied()
    }

    pub fn section_names(&self) -> impl Iterator<Item = &str> {
        self.names.keys().map(String::as_str)
    }

    pub fn standard(&self, kind: SectionKind) -> &str {
        self.standard.get(&kind).map_or("", String::as_str)
    }

    pub fn classify(&self, heading: &str) -> HeadingMatch {
        // Headings are short; a sentence is never one (and is not worth normalizing).
        if heading.len() > MAX_HEADING_LEN {
            return HeadingMatch::Unknown;
        }
        // Normalizing keeps every ASCII letter and digit, one byte each: a heading with
        // more of them than the longest known one is none of them.
        if heading.bytes().filter(u8::is_ascii_alphanumeric).count() > self.longest {
            return HeadingMatch::Unknown;
        }
        self.classify_normalized(&normalize(heading))
    }

    /// `classify` on an already normalized heading (no length limit).
    /// The length of the longest accepted heading or synonym, normalized.
    pub fn longest(&self) -> usize {
        self.longest
    }

    pub fn classify_normalized(&self, key: &str) -> HeadingMatch {
        if let Some(&kind) = self.accepted.get(key) {
            HeadingMatch::Accepted(kind)
        } else if let Some(&kind) = self.synonyms.get(key) {
            HeadingMatch::Synonym(kind)
        } else {
            HeadingMatch::Unknown
        }
    }

    /// The section a heading names, accepted or synonym.
    pub fn section_of(&self, heading: &str) -> SectionKind {
        match self.classify(heading) {
            HeadingMatch::Accepted(k) | HeadingMatch::Synonym(k) => k,
            HeadingMatch::Unknown => SectionKind::Other,
        }
    }

    /// The section a YAML / JSON key holds.
    pub fn section_of_key(&self, key: &str) -> Option<SectionKind> {
        let key = key.to_ascii_lowercase();
        self.keys
            .get(&key)
            .or_else(|| self.accepted.get(&normalize(&key.replace('_', " "))))
            .copied()
    }

    /// Every accepted heading, for near-miss suggestions.
    pub fn accepted(&self) -> impl Iterator<Item = (&str, SectionKind)> {
        self.accepted.iter().map(|(k, v)| (k.as_str(), *v))
    }

    pub fn synonyms(&self) -> impl Iterator<Item = (&str, SectionKind)> {
        self.synonyms.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// Longest text (in bytes) that can be a heading.
pub const MAX_HEADING_LEN: usize = 80;

/// Lowercase, `&` as "and", no decoration or trailing colon, single spaces.
pub fn normalize(heading: &str) -> String {
    let mut out = String::with_capacity(heading.len());
    // One pass over the chars; a word is a run between separators. `start` is where the
    // current word's leading space goes, `kept` where its first kept char goes.
    let mut word: Option<(usize, usize)> = None;
    for c in heading.chars() {
        if is_word_separator(c) {
            if let Some((start, kept)) = word.take() {
                end_word(&mut out, start, kept);
            }
            continue;
        }
        if word.is_none() {
            let start = out.len();
            if start > 0 {
                out.push(' ');
            }
            word = Some((start, out.len()));
        }
        match c {
            '’' => out.push('\''),
            c if c.is_ascii_alphanumeric() || c == '\'' || c == '&' || c == '-' => {
                out.push(c.to_ascii_lowercase());
            }
            c if c.is_ascii() => {}
            c if c.is_alphanumeric() || c == '\'' || c == '&' || c == '-' => {
                out.extend(c.to_lowercase());
            }
            _ => {}
        }
    }
    if let Some((start, kept)) = word {
        end_word(&mut out, start, kept);
    }
    out
}

/// The chars between the words of a heading (see `normalize`).
pub fn is_word_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ':' | '|' | '/' | ',')
}

/// Ends the word written from `kept`: nothing kept drops its space, a lone `&` is "and".
fn end_word(out: &mut String, start: usize, kept: usize) {
    if out.len() == kept {
        out.truncate(start);
    } else if out.get(kept..) == Some("&") {
        out.truncate(kept);
        out.push_str("and");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split-then-map `normalize` the one-pass version replaced, as its reference.
    fn normalize_reference(heading: &str) -> String {
        let mut out = String::new();
        for word in heading
            .split(|c: char| c.is_whitespace() || c == ':' || c == '|' || c == '/' || c == ',')
            .filter(|w| !w.is_empty())
        {
            let start = out.len();
            if start > 0 {
                out.push(' ');
            }
            let kept = out.len();
            for c in word.chars() {
                match c {
                    '’' => out.push('\''),
                    c if c.is_ascii_alphanumeric() || c == '\'' || c == '&' || c == '-' => {
                        out.push(c.to_ascii_lowercase());
                    }
                    c if c.is_ascii() => {}
                    c if c.is_alphanumeric() || c == '\'' || c == '&' || c == '-' => {
                        out.extend(c.to_lowercase());
                    }
                    _ => {}
                }
            }
            if out.len() == kept {
                out.truncate(start);
            } else if out.get(kept..) == Some("&") {
                out.truncate(kept);
                out.push_str("and");
            }
        }
        out
    }

    #[test]
    fn normalize_agrees_with_the_reference() {
        let pieces = [
            "A", "z", "9", "É", "ß", "’", "'", "&", "-", " ", "\t", ":", "|", "/", ",", "—", "*",
            "İ", "日", "\u{a0}",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(state % 12) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            assert_eq!(normalize(&text), normalize_reference(&text), "{text:?}");
        }
    }

    #[test]
    fn normalizes_headings() {
        assert_eq!(normalize("  WORK   Experience: "), "work experience");
        assert_eq!(normalize("Honors & Awards"), "honors and awards");
        assert_eq!(normalize("Where I’ve Been"), "where i've been");
    }
}
