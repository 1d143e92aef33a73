//! Keyword extraction: taxonomy skills, technology tokens and repeated multi-word terms,
//! each with its importance (from the posting's headings and phrases), the years of
//! experience asked for, and groups of alternatives ("Kubernetes or ECS").

use super::tokens::{Word, words};
use super::{Form, Importance, Keyword, PostingFormat};
use crate::data::skills::{SkillCategory, Skills, lookup_key};
use crate::span::TextRange;
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// Phrases that make a heading, a label or a clause a nice-to-have. Checked before
/// `MUST_MARKERS`, so "Preferred qualifications" and "not required" are nice.
const NICE_MARKERS: &[&str] = &[
    "a plus",
    "advantage",
    "appreciated",
    "bonus",
    "desirable",
    "desired",
    "extra credit",
    "ideally",
    "nice to have",
    "nice to haves",
    "not required",
    "optional",
    "pluses",
    "preferably",
    "preferred",
    "would be great",
];

/// Phrases that make a heading or a label a list of requirements.
const MUST_MARKERS: &[&str] = &[
    "essential",
    "minimum",
    "must have",
    "qualifications",
    "required",
    "requirements",
    "responsibilities",
    "what you bring",
    "what you'll do",
    "what you will do",
    "who you are",
    "you bring",
    "you have",
    "you will need",
    "you'll need",
    "your skills",
];

/// Words that never start or end a multi-word term: function words and the generic words
/// of any posting ("experience", "team", "strong").
const STOPWORDS: &[&str] = &[
    "a",
    "ability",
    "able",
    "about",
    "across",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "background",
    "be",
    "both",
    "but",
    "by",
    "can",
    "candidate",
    "company",
    "deep",
    "demonstrated",
    "do",
    "each",
    "etc",
    "excellent",
    "experience",
    "experienced",
    "familiarity",
    "for",
    "from",
    "good",
    "grasp",
    "great",
    "has",
    "have",
    "how",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "job",
    "knowledge",
    "more",
    "most",
    "must",
    "new",
    "not",
    "of",
    "on",
    "or",
    "other",
    "our",
    "own",
    "part",
    "plus",
    "proficiency",
    "proven",
    "role",
    "should",
    "skill",
    "skills",
    "so",
    "solid",
    "strong",
    "such",
    "team",
    "teams",
    "than",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
    "to",
    "understanding",
    "us",
    "use",
    "using",
    "via",
    "we",
    "well",
    "what",
    "when",
    "where",
    "which",
    "who",
    "will",
    "with",
    "within",
    "work",
    "working",
    "would",
    "year",
    "years",
    "you",
    "your",
];

/// Acronyms that are not skills.
const NOT_SKILLS: &[&str] = &[
    "AM", "AND", "ASAP", "CEO", "CFO", "COO", "CTO", "EOE", "ETA", "EU", "FAQ", "FTE", "HQ", "HR",
    "INC", "LLC", "NYC", "OK", "OR", "PDF", "PM", "PTO", "SF", "TBD", "UK", "US", "USA", "VP",
];

static YEARS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?years?\b").ok()
});

/// The keywords of a posting and its groups of alternatives.
pub(super) fn keywords(
    source: &str,
    format: PostingFormat,
    skills: &Skills,
) -> (Vec<Keyword>, Vec<Vec<usize>>) {
    let mut c = Collector {
        skills,
        keywords: Vec::new(),
        by_key: HashMap::new(),
        groups: Vec::new(),
        runs: Vec::new(),
        intro: format == PostingFormat::Text,
    };
    match format {
        PostingFormat::Text => {
            let mut section = Importance::Must;
            let mut seen_text = false;
            for (range, kind) in paragraphs(source) {
                let text = source.get(range.clone()).unwrap_or("");
                let base = range.start;
                let map = |r: Range<usize>| TextRange::new(base + r.start, base + r.end);
                match kind {
                    Para::Heading => {
                        // The title heading above the intro does not end it.
                        if seen_text || marker(text).is_some() {
                            c.intro = false;
                        }
                        section = marker(text).unwrap_or(Importance::Must);
                    }
                    Para::Text => {
                        seen_text = true;
                        c.paragraph(text, &map, &mut section);
                    }
                    Para::Row(len) => {
                        // A row of a skill matrix: the skill, whole when the taxonomy
                        // knows nothing in it.
                        let name = text.get(..len).unwrap_or("").trim_end();
                        if c.clause(name, &map, section, true) == 0 && !name.is_empty() {
                            c.add_raw(name, section, map(0..name.len()));
                        }
                    }
                }
            }
        }
        PostingFormat::Structured => {
            for (path, text) in crate::document::structured_scalars(source) {
                let value = text.as_str();
                let map = |r: Range<usize>| text.source_range(r);
                match path.as_str() {
                    "title" => {
                        let trimmed = value.trim();
                        let lead = value.len() - value.trim_start().len();
                        if !trimmed.is_empty() {
                            let k = c.add_raw(
                                trimmed,
                                Importance::Nice,
                                map(lead..lead + trimmed.len()),
                            );
                            if let Some(keyword) = c.keywords.get_mut(k) {
                                keyword.title = true;
                            }
                        }
                    }
                    "skills.keywords" | "skills" => c.listed(value, &map),
                    "skills.name" => {
                        c.clause(value, &map, Importance::Must, true);
                    }
                    "qualifications" | "responsibilities" | "description" | "requirements" => {
                        c.paragraph(value, &map, &mut Importance::Must);
                    }
                    "nice_to_have" | "preferred" | "bonus" => {
                        c.paragraph(value, &map, &mut Importance::Nice);
                    }
                    _ => {}
                }
            }
        }
    }
    c.repeated_terms(source);
    (c.keywords, c.groups)
}

struct Collector<'a> {
    skills: &'a Skills,
    keywords: Vec<Keyword>,
    /// `#index` for skills, the lookup key for other terms -> index in `keywords`.
    by_key: HashMap<String, usize>,
    groups: Vec<Vec<usize>>,
    /// Runs of words that are no keyword, for repeated multi-word terms.
    runs: Vec<(Vec<(String, TextRange)>, Importance)>,
    /// Before the first heading or label of a text posting: the paragraphs that present
    /// the company ("a results-driven team building payment services"), where a soft
    /// skill's words are prose, not a requirement.
    intro: bool,
}

/// A keyword found in a clause: its words `start..end` and its index.
#[derive(Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    keyword: usize,
}

impl Collector<'_> {
    /// A paragraph: an optional "Requirements:" label that sets the section's importance,
    /// then clauses, each nice-to-have when it says so ("a plus", "preferred").
    fn paragraph(
        &mut self,
        text: &str,
        map: &dyn Fn(Range<usize>) -> TextRange,
        section: &mut Importance,
    ) {
        let mut body = 0;
        if let Some(colon) = text.find(':') {
            let label = text.get(..colon).unwrap_or("");
            if label.split_whitespace().count() <= 5
                && !label.contains(['.', ';'])
                && let Some(importance) = marker(label)
            {
                *section = importance;
                body = colon + 1;
                self.intro = false;
            }
        }
        for range in clauses(text, body) {
            let clause = text.get(range.clone()).unwrap_or("");
            let importance = if has_any(clause, NICE_MARKERS) {
                Importance::Nice
            } else {
                *section
            };
            let start = range.start;
            self.clause(
                clause,
                &|r: Range<usize>| map(start + r.start..start + r.end),
                importance,
                true,
            );
        }
    }

    /// One entry of a skills list: a keyword whole, or the keywords in it.
    fn listed(&mut self, value: &str, map: &dyn Fn(Range<usize>) -> TextRange) {
        let trimmed = value.trim();
        let lead = value.len() - value.trim_start().len();
        if trimmed.is_empty() {
            return;
        }
        let range = map(lead..lead + trimmed.len());
        if let Some(index) = self.skills.lookup(trimmed) {
            self.add_skill(index, Importance::Must, range);
        } else if self.clause(value, map, Importance::Must, true) == 0 {
            self.add_raw(trimmed, Importance::Must, range);
        }
    }

    /// Finds the keywords of one clause; returns how many.
    fn clause(
        &mut self,
        text: &str,
        map: &dyn Fn(Range<usize>) -> TextRange,
        importance: Importance,
        raw_terms: bool,
    ) -> usize {
        let words = words(text);
        let mut found = Vec::new();
        let mut run: Vec<(String, TextRange)> = Vec::new();
        let mut i = 0;
        while let Some(word) = words.get(i) {
            if let Some((n, keyword)) = self.match_at(text, &words, i, importance, map, raw_terms) {
                self.flush(&mut run, importance);
                found.push(Found {
                    start: i,
                    end: i + n,
                    keyword,
                });
                i += n;
                continue;
            }
            let joined = i
                .checked_sub(1)
                .and_then(|p| words.get(p))
                .is_some_and(|prev| {
                    text.get(prev.range.end..word.range.start)
                        .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || c == '-'))
                });
            if !joined {
                self.flush(&mut run, importance);
            }
            run.push((word.lower.to_string(), map(word.range.clone())));
            i += 1;
        }
        self.flush(&mut run, importance);
        self.years(text, &words, &found);
        self.alternatives(text, &words, &found);
        found.len()
    }

    fn flush(&mut self, run: &mut Vec<(String, TextRange)>, importance: Importance) {
        if run.len() >= 2 {
            self.runs.push((std::mem::take(run), importance));
        }
        run.clear();
    }

    /// The keyword starting at word `i`: the longest taxonomy name or alias, else a
    /// technology token.
    fn match_at(
        &mut self,
        text: &str,
        words: &[Word],
        i: usize,
        importance: Importance,
        map: &dyn Fn(Range<usize>) -> TextRange,
        raw_terms: bool,
    ) -> Option<(usize, usize)> {
        let first = words.get(i)?;
        if !first.token_start {
            return None;
        }
        for n in (1..=self.skills.max_words().max(1)).rev() {
            let Some(last) = words.get(i + n - 1) else {
                continue;
            };
            if !last.token_end {
                continue;
            }
            let key = words
                .get(i..i + n)?
                .iter()
                .map(|w| w.lower.as_ref())
                .collect::<Vec<_>>()
                .join(" ");
            let Some(index) = self.skills.lookup_key(&key) else {
                continue;
            };
            let skill = self.skills.get(index)?;
            let raw = text.get(first.range.start..last.range.end)?;
            if skill.word && lookup_key(&skill.name) == key && raw != skill.name {
                continue;
            }
            if self.intro && skill.category == SkillCategory::Soft {
                continue;
            }
            let range = map(first.range.start..last.range.end);
            return Some((n, self.add_skill(index, importance, range)));
        }
        if !raw_terms {
            return None;
        }
        let end = words.get(i..)?.iter().position(|w| w.token_end)? + i;
        let last = words.get(end)?;
        let raw = text.get(first.range.start..last.range.end)?;
        if !is_technology(raw) {
            return None;
        }
        let range = map(first.range.start..last.range.end);
        Some((end - i + 1, self.add_raw(raw, importance, range)))
    }

    fn add_skill(&mut self, index: usize, importance: Importance, range: TextRange) -> usize {
        let key = format!("#{index}");
        if let Some(&k) = self.by_key.get(&key) {
            self.merge(k, importance, range);
            return k;
        }
        let Some(skill) = self.skills.get(index) else {
            return 0;
        };
        let mut forms = vec![Form {
            words: split_key(&skill.name),
            spelling: skill.name.clone(),
            alias: false,
            exact_case: skill.word,
        }];
        forms.extend(skill.aliases.iter().map(|a| Form {
            words: split_key(a),
            spelling: a.clone(),
            alias: true,
            exact_case: false,
        }));
        self.push(
            key,
            Keyword {
                name: skill.name.clone(),
                skill: Some(index),
                category: Some(skill.category),
                importance,
                years: None,
                posting: vec![range],
                group: None,
                forms,
                title: false,
            },
        )
    }

    fn add_raw(&mut self, raw: &str, importance: Importance, range: TextRange) -> usize {
        let singular = acronym_singular(raw);
        let key = lookup_key(singular);
        if let Some(&k) = self.by_key.get(&key) {
            self.merge(k, importance, range);
            return k;
        }
        self.push(
            key,
            Keyword {
                name: raw.to_owned(),
                skill: None,
                category: None,
                importance,
                years: None,
                posting: vec![range],
                group: None,
                title: false,
                forms: if singular == raw {
                    vec![Form {
                        words: split_key(raw),
                        spelling: raw.to_owned(),
                        alias: false,
                        exact_case: false,
                    }]
                } else {
                    // Either number counts as the same spelling.
                    [singular, raw]
                        .iter()
                        .map(|s| Form {
                            words: split_key(s),
                            spelling: (*s).to_owned(),
                            alias: false,
                            exact_case: false,
                        })
                        .collect()
                },
            },
        )
    }

    fn push(&mut self, key: String, keyword: Keyword) -> usize {
        let k = self.keywords.len();
        self.keywords.push(keyword);
        self.by_key.insert(key, k);
        k
    }

    fn merge(&mut self, k: usize, importance: Importance, range: TextRange) {
        if let Some(keyword) = self.keywords.get_mut(k) {
            keyword.importance = keyword.importance.max(importance);
            if !keyword.posting.contains(&range) {
                keyword.posting.push(range);
            }
        }
    }

    /// "4+ years of Python": the years go to the first keyword after the phrase, or the
    /// last one before it ("Python (3+ years)").
    fn years(&mut self, text: &str, words: &[Word], found: &[Found]) {
        let Some(re) = YEARS.as_ref() else { return };
        for caps in re.captures_iter(text) {
            let (Some(whole), Some(n)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let Ok(years) = n.as_str().parse::<u32>() else {
                continue;
            };
            let start_of = |f: &Found| words.get(f.start).map_or(0, |w| w.range.start);
            let target = found
                .iter()
                .find(|f| start_of(f) >= whole.end())
                .or_else(|| found.iter().rev().find(|f| start_of(f) < whole.start()));
            if let Some(f) = target
                && let Some(keyword) = self.keywords.get_mut(f.keyword)
            {
                keyword.years = Some(keyword.years.map_or(years, |y| y.max(years)));
            }
        }
    }

    /// "Kubernetes or ECS", "Amplitude, Mixpanel, or Looker": a list whose last separator
    /// is ", or" is a group of alternatives; a plain "or" groups its two neighbours.
    fn alternatives(&mut self, text: &str, words: &[Word], found: &[Found]) {
        let mut chain: Vec<usize> = Vec::new();
        let mut last_or = false;
        let close = |chain: &mut Vec<usize>, last_or: bool, this: &mut Self| {
            let mut members = std::mem::take(chain);
            members.dedup();
            if last_or && members.len() >= 2 {
                let members: Vec<usize> = members
                    .into_iter()
                    .filter(|&k| this.keywords.get(k).is_some_and(|kw| kw.group.is_none()))
                    .collect();
                if members.len() >= 2 {
                    let g = this.groups.len();
                    for &k in &members {
                        if let Some(kw) = this.keywords.get_mut(k) {
                            kw.group = Some(g);
                        }
                    }
                    this.groups.push(members);
                }
            }
        };
        for (n, f) in found.iter().enumerate() {
            let Some(prev) = n.checked_sub(1).and_then(|p| found.get(p)) else {
                chain.push(f.keyword);
                continue;
            };
            let gap_start = words.get(prev.end - 1).map_or(0, |w| w.range.end);
            let gap_end = words.get(f.start).map_or(0, |w| w.range.start);
            let gap: String = text
                .get(gap_start..gap_end)
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')'))
                .collect::<String>()
                .to_lowercase();
            match gap.as_str() {
                "," => {
                    last_or = false;
                    chain.push(f.keyword);
                }
                ",or" | ",and/or" => {
                    last_or = true;
                    chain.push(f.keyword);
                }
                // "Python, Kafka, Kubernetes or ECS": without a comma, "or" binds the two
                // names around it.
                "or" | "and/or" => {
                    chain.pop();
                    close(&mut chain, false, self);
                    chain.extend([prev.keyword, f.keyword]);
                    last_or = true;
                }
                _ => {
                    close(&mut chain, last_or, self);
                    last_or = false;
                    chain.push(f.keyword);
                }
            }
        }
        close(&mut chain, last_or, self);
    }

    /// Multi-word terms (two or three words) that the posting uses at least twice and
    /// that are not in the taxonomy.
    fn repeated_terms(&mut self, source: &str) {
        type Seen = Vec<(TextRange, Importance)>;
        let mut counts: HashMap<Vec<String>, Seen> = HashMap::new();
        let mut order: Vec<Vec<String>> = Vec::new();
        for (run, importance) in &self.runs {
            for n in [3, 2] {
                for window in run.windows(n) {
                    let words: Vec<String> = window.iter().map(|(w, _)| w.clone()).collect();
                    if !is_term(&words) {
                        continue;
                    }
                    let (Some(first), Some(last)) = (window.first(), window.last()) else {
                        continue;
                    };
                    let entry = counts.entry(words.clone()).or_insert_with(|| {
                        order.push(words);
                        Vec::new()
                    });
                    entry.push((first.1.cover(last.1), *importance));
                }
            }
        }
        let mut accepted: Vec<Vec<String>> = Vec::new();
        order.sort_by_key(|w| std::cmp::Reverse(w.len()));
        for words in order {
            let Some(seen) = counts.get(&words) else {
                continue;
            };
            if seen.len() < 2 || accepted.iter().any(|a| contains_seq(a, &words)) {
                continue;
            }
            let Some(&(first, _)) = seen.first() else {
                continue;
            };
            let name = first.slice(source);
            let name = if name.contains(['\\', '\n', '&']) {
                words.join(" ")
            } else {
                name.to_owned()
            };
            let k = self.add_raw(&name, Importance::Nice, first);
            for &(range, importance) in seen {
                self.merge(k, importance, range);
            }
            accepted.push(words);
        }
    }
}

fn contains_seq(long: &[String], short: &[String]) -> bool {
    long.windows(short.len()).any(|w| w == short)
}

/// Words of a repeated term: letters only, no stopword at either end, none at all in a
/// two-word term.
fn is_term(words: &[String]) -> bool {
    let stop = |w: &String| STOPWORDS.binary_search(&w.as_str()).is_ok();
    let alphabetic = words
        .iter()
        .all(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic));
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    alphabetic && !stop(first) && !stop(last) && (words.len() > 2 || !words.iter().any(stop))
}

fn split_key(spelling: &str) -> Vec<String> {
    lookup_key(spelling)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether a token outside the taxonomy looks like a technology: "C++", ".NET", "S3",
/// "ElastiCache", "AWS" (two capitals or more, a digit after a letter, `+` or `#`).
pub(super) fn is_technology(token: &str) -> bool {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    if token.contains(['+', '#']) || token.starts_with('.') {
        return true;
    }
    let first_letter = token.chars().next().is_some_and(char::is_alphabetic);
    if first_letter && token.chars().any(|c| c.is_ascii_digit()) && !token.contains('.') {
        return true;
    }
    let upper = token.chars().filter(|c| c.is_uppercase()).count();
    // "AI-Assisted", "Property-Based": capitals of words, not of a name.
    if upper < 2
        || NOT_SKILLS.contains(&acronym_singular(token))
        || token.contains(['\'', '’', '-'])
    {
        return false;
    }
    let shouting = token
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && letters > 6;
    !shouting
}

/// "APIs" -> "API", "OKRs" -> "OKR": the plural of an acronym names the same thing.
fn acronym_singular(token: &str) -> &str {
    match token.strip_suffix('s') {
        Some(stem)
            if stem.chars().count() >= 2
                && stem
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) =>
        {
            stem
        }
        _ => token,
    }
}

/// The importance a heading or label announces.
fn marker(text: &str) -> Option<Importance> {
    if has_any(text, NICE_MARKERS) {
        Some(Importance::Nice)
    } else if has_any(text, MUST_MARKERS) {
        Some(Importance::Must)
    } else {
        None
    }
}

/// Whether `text` has one of `phrases` on word boundaries, in any case, hyphens read as
/// spaces.
fn has_any(text: &str, phrases: &[&str]) -> bool {
    let mut norm = String::from(" ");
    for word in text
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        norm.push_str(&word.replace('’', "'"));
        norm.push(' ');
    }
    phrases.iter().any(|p| norm.contains(&format!(" {p} ")))
}

/// What a paragraph of a text posting is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Para {
    Text,
    Heading,
    /// A row of a skill matrix ("Database Indexing A W A E E"): the skill is its first
    /// `len` bytes.
    Row(usize),
}

/// Paragraphs of a text posting: blank lines and list items start a paragraph; a heading
/// and a skill-matrix row are lines of their own; repeated lines are skipped.
fn paragraphs(source: &str) -> Vec<(Range<usize>, Para)> {
    let boilerplate = repeated_lines(source);
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() || boilerplate.contains(trimmed) {
            out.extend(current.take().map(|r| (r, Para::Text)));
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let range = start + lead..start + lead + trimmed.len();
        if let Some(len) = matrix_row(trimmed) {
            out.extend(current.take().map(|r| (r, Para::Text)));
            out.push((range, Para::Row(len)));
        } else if is_heading(trimmed) {
            out.extend(current.take().map(|r| (r, Para::Text)));
            out.push((range, Para::Heading));
        } else if is_list_item(trimmed) {
            out.extend(current.take().map(|r| (r, Para::Text)));
            current = Some(range);
        } else {
            match &mut current {
                Some(r) => r.end = range.end,
                None => current = Some(range),
            }
        }
    }
    out.extend(current.map(|r| (r, Para::Text)));
    out
}

/// A line that ends with three level codes or more (single capital letters, "A W A E E"),
/// after a name of at most eight words: the length of the name.
fn matrix_row(line: &str) -> Option<usize> {
    let words: Vec<&str> = line.split(' ').collect();
    let codes = words
        .iter()
        .rev()
        .take_while(|w| w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase()))
        .count();
    let name_words = words.len().checked_sub(codes)?;
    if codes < 3 || name_words == 0 || name_words > 8 {
        return None;
    }
    let name: usize = words.iter().take(name_words).map(|w| w.len() + 1).sum();
    Some(name.saturating_sub(1))
}

/// Lines that a text repeats three times or more, word for word: table headers, page
/// furniture ("Skills Jun Mid Sen Lead Princ"), not requirements.
fn repeated_lines(source: &str) -> std::collections::HashSet<&str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in source.lines() {
        let line = line.trim();
        if !line.is_empty() {
            *counts.entry(line).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 3)
        .map(|(line, _)| line)
        .collect()
}

fn is_heading(line: &str) -> bool {
    if is_list_item(line) {
        return false;
    }
    let words = line.split_whitespace().count();
    line.starts_with('#')
        || (line.starts_with("**") && (line.ends_with("**") || line.ends_with("**:")) && words <= 8)
        || (line.ends_with(':') && words <= 6)
        || (words <= 5
            && !line.ends_with(['.', ',', ';'])
            && !line.contains(':')
            && names_a_list(line))
}

/// A short line that opens or closes with a marker: "Nice to have", "Preferred
/// qualifications", "Basic Qualifications", but not "Terraform is a plus".
fn names_a_list(line: &str) -> bool {
    let norm = line
        .to_lowercase()
        .replace(['-', '’', '*', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    NICE_MARKERS
        .iter()
        .chain(MUST_MARKERS)
        .any(|m| norm.starts_with(m))
        || MUST_MARKERS.iter().any(|m| norm.ends_with(m))
}

fn is_list_item(line: &str) -> bool {
    if line.starts_with(['-', '*', '+', '•', '·']) {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && line
            .get(digits..)
            .is_some_and(|r| r.starts_with(['.', ')']))
}

/// Clauses of `text` from `start`: split at `;` and at sentence ends.
fn clauses(text: &str, start: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = start;
    let mut chars = text
        .char_indices()
        .skip_while(|&(i, _)| i < start)
        .peekable();
    while let Some((i, c)) = chars.next() {
        let next_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        if c == ';' || (matches!(c, '.' | '!' | '?') && next_space) {
            if i > from {
                out.push(from..i);
            }
            from = i + c.len_utf8();
        }
    }
    if from < text.len() {
        out.push(from..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOPWORDS);
    }

    #[test]
    fn technology_tokens() {
        for t in [
            "C++",
            ".NET",
            "S3",
            "EC2",
            "ElastiCache",
            "AWS",
            "OKRs",
            "SaaS",
            "gRPC",
            "B2B",
        ] {
            assert!(is_technology(t), "{t}");
        }
        for t in [
            "C-suite",
            "Berlin",
            "US",
            "REQUIREMENTS",
            "4+",
            "I'm",
            "Python",
            "2024",
        ] {
            assert!(!is_technology(t), "{t}");
        }
    }

    #[test]
    fn headings_labels_and_clauses() {
        assert_eq!(marker("Nice to have"), Some(Importance::Nice));
        assert_eq!(marker("Preferred qualifications"), Some(Importance::Nice));
        assert_eq!(marker("Requirements"), Some(Importance::Must));
        assert_eq!(marker("What you'll do"), Some(Importance::Must));
        assert_eq!(marker("About us"), None);
        assert!(is_heading("## Bonus"));
        assert!(is_heading("You have:"));
        assert!(is_heading("Nice to have"));
        assert!(!is_heading("Python and Go."));
        assert!(is_heading("Basic Qualifications"));
        assert!(!is_heading("Terraform is a plus"));
        assert!(!is_heading("- Bonus"));
        assert_eq!(matrix_row("Database Indexing A W A E E"), Some(17));
        assert_eq!(matrix_row("Network Fundamentals A W A"), Some(20));
        assert_eq!(matrix_row("A W A E E"), None);
        assert_eq!(matrix_row("Plan A"), None);
        let text = "Go; Rust. Kafka is a plus";
        let parts: Vec<&str> = clauses(text, 0).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["Go", " Rust", " Kafka is a plus"]);
    }
}
