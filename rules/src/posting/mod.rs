//! The job posting a resume is written for: its keywords (skills of the taxonomy,
//! technology tokens, multi-word terms it repeats), how much each matters, and how the
//! resume covers them.
//!
//! A posting is parsed once (`Posting::parse`) and reused for every lint: the CLI lints
//! many resumes against one posting, the language server re-lints one resume on each edit.

mod extract;
mod matching;
pub mod tokens;

pub use matching::{Hit, KeywordMatch, MatchKind, Place, PostingMatch, Status, match_resume};

use crate::data::{Data, SkillCategory};
use crate::span::TextRange;
use std::collections::{HashMap, HashSet};

/// How a posting is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PostingFormat {
    /// Plain text or Markdown.
    #[default]
    Text,
    /// The JSON Resume job schema, in JSON or YAML (`title`, `skills[].keywords`,
    /// `qualifications`, `responsibilities`, `description`).
    Structured,
}

impl PostingFormat {
    /// From the file name (`.json`, `.yaml`, `.yml` are structured), then the content
    /// (a JSON object is structured).
    pub fn detect(file_name: Option<&str>, source: &str) -> PostingFormat {
        let ext = file_name
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("json" | "yaml" | "yml") => PostingFormat::Structured,
            _ if source
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{') =>
            {
                PostingFormat::Structured
            }
            _ => PostingFormat::Text,
        }
    }
}

/// Whether the posting requires a keyword or only welcomes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Importance {
    /// "Nice to have", "Bonus", "Preferred", "a plus".
    Nice,
    /// Everything else: "Requirements", "You have", the description of the stack.
    Must,
}

impl Importance {
    pub fn as_str(self) -> &'static str {
        match self {
            Importance::Must => "must",
            Importance::Nice => "nice",
        }
    }
}

/// One spelling a keyword is matched by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// Lowercase words (hyphens split off): `["event", "driven", "architecture"]`.
    pub words: Vec<String>,
    /// As written in the taxonomy or the posting.
    pub spelling: String,
    /// An alias or acronym of the canonical name.
    pub alias: bool,
    /// Matches only in this exact casing (a name that is also an English word: "Go").
    pub exact_case: bool,
}

/// What the posting asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyword {
    /// The canonical name from the taxonomy, or the posting's own spelling.
    pub name: String,
    /// Index into the skills taxonomy, when the keyword is a known skill.
    pub skill: Option<usize>,
    pub category: Option<SkillCategory>,
    pub importance: Importance,
    /// "4+ years of Python": the most years the posting asks for.
    pub years: Option<u32>,
    /// Every place the posting names it: byte ranges in `Posting::source`.
    pub posting: Vec<TextRange>,
    /// Index into `Posting::groups` when the posting offers alternatives ("Kubernetes or
    /// ECS"): any one of the group satisfies it.
    pub group: Option<usize>,
    /// The first form is the name; the others are aliases.
    pub forms: Vec<Form>,
}

/// A parsed job posting.
#[derive(Clone, Debug, Default)]
pub struct Posting {
    pub source: String,
    pub format: PostingFormat,
    pub keywords: Vec<Keyword>,
    /// Alternatives: keyword indices of which any one is enough.
    pub groups: Vec<Vec<usize>>,
    /// The posting's words, lowercase, each between single spaces: for `uses_phrase`.
    phrases: String,
    /// First word of each form -> (keyword, form).
    index: HashMap<String, Vec<(usize, usize)>>,
    /// First word stem of each stemmable form -> (keyword, form stems).
    stems: HashMap<String, Vec<(usize, Vec<String>)>>,
    /// The first three characters of every stem in `stems`: only resume words that
    /// start like one are stemmed.
    stem_prefixes: HashSet<String>,
}

impl Posting {
    /// Reads a posting with the built-in skills taxonomy.
    pub fn parse(source: &str, format: PostingFormat) -> Posting {
        Posting::parse_with(source, format, &Data::builtin())
    }

    pub fn parse_with(source: &str, format: PostingFormat, data: &Data) -> Posting {
        let (keywords, groups) = extract::keywords(source, format, &data.skills);
        let mut phrases = String::from(" ");
        for w in tokens::words(source) {
            phrases.push_str(&w.lower);
            phrases.push(' ');
        }
        let mut posting = Posting {
            source: source.to_owned(),
            format,
            keywords,
            groups,
            phrases,
            ..Posting::default()
        };
        posting.build_index();
        posting
    }

    fn build_index(&mut self) {
        for (k, keyword) in self.keywords.iter().enumerate() {
            for (f, form) in keyword.forms.iter().enumerate() {
                let Some(first) = form.words.first() else {
                    continue;
                };
                self.index.entry(first.clone()).or_default().push((k, f));
                let stemmable = !form.exact_case
                    && form
                        .words
                        .iter()
                        .all(|w| w.chars().all(char::is_alphabetic) && w.chars().count() >= 4);
                if stemmable {
                    let stems: Vec<String> = form.words.iter().map(|w| matching::stem(w)).collect();
                    if let Some(first) = stems.first() {
                        self.stem_prefixes.insert(prefix(first));
                        self.stems
                            .entry(first.clone())
                            .or_default()
                            .push((k, stems));
                    }
                }
            }
        }
    }

    /// Whether the posting itself uses `phrase` (any case, hyphens or spaces): a word the
    /// posting asks for is not a buzzword in the resume written for it.
    pub fn uses_phrase(&self, phrase: &str) -> bool {
        let words = tokens::words(phrase);
        if words.is_empty() {
            return false;
        }
        let mut needle = String::from(" ");
        for w in words {
            needle.push_str(&w.lower);
            needle.push(' ');
        }
        self.phrases.contains(&needle)
    }

    /// The other keywords of this keyword's group of alternatives.
    pub fn alternatives(&self, keyword: usize) -> impl Iterator<Item = &Keyword> {
        let group = self
            .keywords
            .get(keyword)
            .and_then(|k| k.group)
            .and_then(|g| self.groups.get(g))
            .map_or(&[][..], Vec::as_slice);
        group
            .iter()
            .filter(move |&&k| k != keyword)
            .filter_map(|&k| self.keywords.get(k))
    }
}

/// The first three characters of a word.
fn prefix(word: &str) -> String {
    word.chars().take(3).collect()
}
