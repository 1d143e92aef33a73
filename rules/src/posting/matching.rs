//! Matching a posting's keywords in a resume, and the match score.

use super::tokens::{Word, words_lowered};
use super::{Importance, NearForm, Posting};
use crate::data::SkillCategory;
use crate::document::{BlockKind, Resume, SectionKind};
use crate::span::TextRange;
use foldhash::{HashMap, HashMapExt};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The English stem of a lowercase word ("deployed", "deployment" -> "deploy").
pub(super) fn stem(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

/// How a keyword was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// Spelt as the posting (or the taxonomy) spells it.
    Exact,
    /// In another letter case, or with a space for a hyphen.
    Case,
    /// An acronym or synonym: "k8s" for "Kubernetes".
    Alias,
    /// Another form of the same word: "deployed" for "deployment".
    Stem,
    /// A likely misspelling: "Kuberentes".
    NearMiss,
}

impl MatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Case => "case",
            MatchKind::Alias => "alias",
            MatchKind::Stem => "stem",
            MatchKind::NearMiss => "near-miss",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Matched,
    Missing,
    NearMiss,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Matched => "matched",
            Status::Missing => "missing",
            Status::NearMiss => "near-miss",
        }
    }
}

/// Where in the resume a keyword was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A skills section: a list a recruiter reads as a claim.
    Skills,
    /// Anywhere else: bullets, summaries, role headers, other fields.
    Elsewhere,
}

/// One place a keyword was found in the resume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte range in the resume's source.
    pub range: TextRange,
    pub kind: MatchKind,
    /// The resume's text as read (for messages).
    pub found: String,
    /// Index into `Resume::blocks`.
    pub block: usize,
    pub place: Place,
    /// The range of the hit is the source text byte for byte (an edit may replace it).
    pub verbatim: bool,
}

/// One keyword of the posting and how the resume covers it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeywordMatch {
    /// Index into `Posting::keywords`.
    pub keyword: usize,
    pub name: String,
    pub category: Option<SkillCategory>,
    pub importance: Importance,
    pub years: Option<u32>,
    /// Byte ranges in the posting's source.
    pub posting: Vec<TextRange>,
    /// The other keywords of its group of alternatives, by name.
    pub alternatives: Vec<String>,
    /// The posting's job title (see `Keyword::title`).
    pub title: bool,
    pub status: Status,
    /// The best kind among the hits.
    pub kind: Option<MatchKind>,
    pub hits: Vec<Hit>,
}

impl KeywordMatch {
    /// Found, and only in a skills section.
    pub fn only_in_skills(&self) -> bool {
        self.status == Status::Matched && self.hits.iter().all(|h| h.place == Place::Skills)
    }

    fn credit(&self) -> f64 {
        match self.status {
            Status::Matched if self.only_in_skills() => SKILLS_ONLY_CREDIT,
            Status::Matched => 1.0,
            Status::Missing | Status::NearMiss => 0.0,
        }
    }
}

/// The resume against a posting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PostingMatch {
    /// 0-100: every requirement once (a group of alternatives counts once), must-haves
    /// weighted `MUST_WEIGHT` times a nice-to-have.
    pub score: u8,
    /// The same over the must-haves alone.
    pub must_have_score: u8,
    /// In the posting's order.
    pub keywords: Vec<KeywordMatch>,
}

/// The match in figures, for a status line or a code lens: each requirement counted once
/// (a group of alternatives is one requirement, of its highest importance).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Must-have requirements the resume matches (a near miss does not count).
    pub must_matched: usize,
    pub must_total: usize,
    /// Requirements of which the resume names no keyword at all (what `missing-keyword`
    /// reports), in the posting's order: the name, and its alternatives ("Kubernetes or
    /// Docker").
    pub missing: Vec<String>,
}

impl PostingMatch {
    /// Counts the requirements of `posting` (the posting this match was made against).
    pub fn tally(&self, posting: &Posting) -> Tally {
        let mut tally = Tally::default();
        let mut groups_done = Vec::new();
        for km in &self.keywords {
            let group = posting.keywords.get(km.keyword).and_then(|k| k.group);
            let members: Vec<&KeywordMatch> = match group {
                Some(g) => {
                    if groups_done.contains(&g) {
                        continue;
                    }
                    groups_done.push(g);
                    posting
                        .groups
                        .get(g)
                        .map(|ks| ks.iter().filter_map(|&k| self.keywords.get(k)).collect())
                        .unwrap_or_default()
                }
                None => vec![km],
            };
            let must = members.iter().any(|m| m.importance == Importance::Must);
            let matched = members.iter().any(|m| m.status == Status::Matched);
            if must {
                tally.must_total += 1;
                tally.must_matched += usize::from(matched);
            }
            if members.iter().all(|m| m.status == Status::Missing) {
                let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
                tally.missing.push(names.join(" or "));
            }
        }
        tally
    }
}

/// A must-have weighs this many nice-to-haves.
pub const MUST_WEIGHT: f64 = 3.0;
/// A keyword named only in a skills list earns this share: a list of names proves less
/// than a bullet that uses the skill, and stuffing the list does not max the score.
pub const SKILLS_ONLY_CREDIT: f64 = 0.75;

/// The words of one resume block, with their stems computed on demand (the vector of
/// stems is only allocated for a block where one is needed).
struct BlockWords<'r> {
    words: Vec<Word<'r>>,
    stems: Vec<Option<String>>,
}

/// Finds every keyword of `posting` in `resume`.
pub fn match_resume(posting: &Posting, resume: &Resume) -> PostingMatch {
    let mut hits: Vec<Vec<Hit>> = vec![Vec::new(); posting.keywords.len()];
    let lowered: Vec<String> = resume
        .blocks
        .iter()
        .map(|b| b.text.as_str().to_ascii_lowercase())
        .collect();
    let mut blocks: Vec<BlockWords<'_>> = resume
        .blocks
        .iter()
        .zip(&lowered)
        .map(|(b, lower)| {
            let words = words_lowered(b.text.as_str(), lower);
            BlockWords {
                stems: Vec::new(),
                words,
            }
        })
        .collect();
    let place = |b: usize| match resume.blocks.get(b) {
        Some(block) if resume.section_kind(block) == Some(SectionKind::Skills) => Place::Skills,
        Some(block)
            if block.kind == BlockKind::Field && block.key.as_deref() == Some("keywords") =>
        {
            Place::Skills
        }
        _ => Place::Elsewhere,
    };
    let hit = |b: usize, first: &Word, last: &Word, kind: MatchKind| -> Option<Hit> {
        let block = resume.blocks.get(b)?;
        let logical = first.range.start..last.range.end;
        Some(Hit {
            range: block.text.source_range(logical.clone()),
            kind,
            found: block.text.as_str().get(logical.clone())?.to_owned(),
            block: b,
            place: place(b),
            verbatim: block.text.is_verbatim(logical),
        })
    };

    // Names, aliases and other cases.
    for (b, bw) in blocks.iter().enumerate() {
        let Some(block) = resume.blocks.get(b) else {
            continue;
        };
        let text = block.text.as_str();
        for (i, w) in bw.words.iter().enumerate() {
            if !w.token_start {
                continue;
            }
            if !posting.may_start_form(&w.lower) {
                continue;
            }
            let Some(candidates) = posting.index.get(w.lower.as_ref()) else {
                continue;
            };
            for &(k, f) in candidates {
                let Some(form) = posting.keywords.get(k).and_then(|kw| kw.forms.get(f)) else {
                    continue;
                };
                let n = form.words.len();
                let Some(window) = bw.words.get(i..i + n) else {
                    continue;
                };
                let (Some(first), Some(last)) = (window.first(), window.last()) else {
                    continue;
                };
                if !last.token_end
                    || !window
                        .iter()
                        .zip(&form.words)
                        .all(|(w, f)| w.lower == f.as_str())
                {
                    continue;
                }
                let raw = text.get(first.range.start..last.range.end).unwrap_or("");
                if form.exact_case && raw != form.spelling {
                    continue;
                }
                let kind = if form.alias {
                    MatchKind::Alias
                } else if raw == form.spelling {
                    MatchKind::Exact
                } else {
                    MatchKind::Case
                };
                if let (Some(h), Some(list)) = (hit(b, first, last, kind), hits.get_mut(k)) {
                    list.push(h);
                }
            }
        }
    }

    // Stems, for keywords not found so far. Only a word that starts like one of their
    // stems (less its last letter: "deplo" for "deploy") is stemmed.
    let mut open: HashMap<char, Vec<&str>> = HashMap::new();
    for lead in &posting.stem_leads {
        if lead
            .keywords
            .iter()
            .any(|k| hits.get(*k).is_some_and(Vec::is_empty))
        {
            open.entry(lead.first).or_default().push(lead.lead.as_str());
        }
    }
    // First letters of the open stems, as bits: most words are ruled out without hashing.
    let mut ascii_firsts: u128 = 0;
    let mut other_firsts = false;
    for &c in open.keys() {
        match u32::from(c) {
            n if n < 128 => ascii_firsts |= 1 << n,
            _ => other_firsts = true,
        }
    }
    let may_open = |first: Option<char>| match first.map(u32::from) {
        Some(n) if n < 128 => ascii_firsts & (1 << n) != 0,
        Some(_) => other_firsts,
        None => false,
    };
    if !open.is_empty() {
        let mut stem_cache: HashMap<String, String> = HashMap::new();
        for (b, bw) in blocks.iter_mut().enumerate() {
            for i in 0..bw.words.len() {
                let Some(w) = bw.words.get(i) else { continue };
                let first = w.lower.chars().next();
                let starts_like = w.token_start
                    && may_open(first)
                    && first
                        .and_then(|c| open.get(&c))
                        .is_some_and(|leads| leads.iter().any(|l| w.lower.starts_with(l)));
                if !starts_like {
                    continue;
                }
                let first_stem = stem_at(bw, &mut stem_cache, i);
                let Some(candidates) = first_stem.and_then(|s| posting.stems.get(s)) else {
                    continue;
                };
                for (k, stems) in candidates {
                    if hits
                        .get(*k)
                        .is_none_or(|h| h.iter().any(|h| h.kind != MatchKind::Stem))
                    {
                        continue;
                    }
                    let n = stems.len();
                    let all = (0..n).all(|j| {
                        stem_at(bw, &mut stem_cache, i + j) == stems.get(j).map(String::as_str)
                    });
                    let (Some(first), Some(last)) = (bw.words.get(i), bw.words.get(i + n - 1))
                    else {
                        continue;
                    };
                    if !all || !last.token_end {
                        continue;
                    }
                    if let (Some(h), Some(list)) =
                        (hit(b, first, last, MatchKind::Stem), hits.get_mut(*k))
                    {
                        list.push(h);
                    }
                }
            }
        }
    }

    // Near misses, for single-word keywords still not found.
    let unmatched: Vec<&NearForm> = posting
        .near_forms
        .iter()
        .filter(|n| hits.get(n.keyword).is_some_and(Vec::is_empty))
        .collect();
    if !unmatched.is_empty() {
        for (b, bw) in blocks.iter().enumerate() {
            for w in &bw.words {
                if !(w.token_start && w.token_end) {
                    continue;
                }
                let first = w.lower.chars().next();
                let len = w.lower.chars().count();
                if len < 5 {
                    continue;
                }
                let mut counts = None;
                for near in &unmatched {
                    let (k, form, form_len) = (near.keyword, near.word.as_str(), near.len);
                    let allowed = if form_len >= TWO_EDITS_FROM { 2 } else { 1 };
                    if near.first != first || form_len.abs_diff(len) > allowed || form == w.lower {
                        continue;
                    }
                    // Each edit changes at most two letter counts: a cheap bound before the
                    // distance itself.
                    let word_letters = counts.get_or_insert_with(|| letters(&w.lower));
                    if let (Some(a), Some(b)) = (&near.letters, word_letters.as_ref()) {
                        let diff: u32 = a
                            .iter()
                            .zip(b)
                            .map(|(x, y)| u32::from(x.abs_diff(*y)))
                            .sum();
                        if diff > 2 * allowed as u32 {
                            continue;
                        }
                    }
                    if w.lower.chars().all(char::is_alphabetic)
                        && is_near_miss(form, &w.lower, bw_text(resume, b, w))
                        && let (Some(h), Some(list)) =
                            (hit(b, w, w, MatchKind::NearMiss), hits.get_mut(k))
                    {
                        list.push(h);
                    }
                }
            }
        }
    }

    // A name and an alias found at the same place ("event-driven architecture" and its
    // alias "event-driven") are one hit, of the better kind.
    for list in &mut hits {
        list.sort_by_key(|h| (h.range.start(), h.kind, std::cmp::Reverse(h.range.end())));
        list.dedup_by_key(|h| h.range.start());
    }
    let keywords: Vec<KeywordMatch> = posting
        .keywords
        .iter()
        .zip(hits)
        .enumerate()
        .map(|(k, (kw, hits))| {
            let kind = hits.iter().map(|h| h.kind).min();
            let status = match kind {
                None => Status::Missing,
                Some(MatchKind::NearMiss) => Status::NearMiss,
                Some(_) => Status::Matched,
            };
            KeywordMatch {
                keyword: k,
                name: kw.name.clone(),
                category: kw.category,
                importance: kw.importance,
                years: kw.years,
                posting: kw.posting.clone(),
                alternatives: posting.alternatives(k).map(|a| a.name.clone()).collect(),
                title: kw.title,
                status,
                kind,
                hits,
            }
        })
        .collect();
    let (score, must_have_score) = scores(posting, &keywords);
    PostingMatch {
        score,
        must_have_score,
        keywords,
    }
}

/// How many of each letter a-z a lowercase ASCII word has; `None` for other words.
pub(super) fn letters(word: &str) -> Option<[u8; 26]> {
    let mut counts = [0u8; 26];
    for b in word.bytes() {
        let slot = counts.get_mut(usize::from(b.checked_sub(b'a')?))?;
        *slot = slot.saturating_add(1);
    }
    Some(counts)
}

/// The resume's word as written.
fn bw_text<'r>(resume: &'r Resume, b: usize, w: &Word<'_>) -> &'r str {
    resume
        .blocks
        .get(b)
        .and_then(|block| block.text.as_str().get(w.range.clone()))
        .unwrap_or("")
}

/// Keywords of this many letters may be misspelt by two edits ("Elasticsaerch"); shorter
/// ones by one. Two edits of a ten-letter word reach other words: "mentoring" is two
/// edits from "monitoring", "providing" and "promising" from "profiling".
const TWO_EDITS_FROM: usize = 12;

/// Whether `word` (lowercase, as written `raw`) is a misspelling of the keyword `form`:
/// two edits at most for twelve letters or more; otherwise one swap of neighbours
/// ("Pyhton"), or one edit in a capitalized word (a name: "Dockr"), so that English words
/// ("docket") are not taken for "Docker". A word the taxonomy knows is never a misspelling.
fn is_near_miss(form: &str, word: &str, raw: &str) -> bool {
    if crate::data::Data::skills().lookup(word).is_some() {
        return false;
    }
    // Optimal string alignment: edits and swaps of neighbours, without the allocations of
    // the unrestricted Damerau distance.
    let distance = strsim::osa_distance(form, word);
    if distance == 0 {
        return false;
    }
    if form.chars().count() >= TWO_EDITS_FROM {
        return distance <= 2;
    }
    let swap = distance == 1 && strsim::levenshtein(form, word) == 2;
    let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
    distance == 1 && (swap || capitalized)
}

/// The stem of word `i` of a block, computed once per word of the resume (`cache`, by
/// lowercase word) and kept in the block.
fn stem_at<'b>(
    bw: &'b mut BlockWords<'_>,
    cache: &mut HashMap<String, String>,
    i: usize,
) -> Option<&'b str> {
    let word = bw.words.get(i)?;
    if bw.stems.len() < bw.words.len() {
        bw.stems.resize(bw.words.len(), None);
    }
    let slot = bw.stems.get_mut(i)?;
    let stem = slot.get_or_insert_with(|| {
        if let Some(s) = cache.get(word.lower.as_ref()) {
            return s.clone();
        }
        let s = stem(&word.lower);
        cache.insert(word.lower.clone().into_owned(), s.clone());
        s
    });
    Some(stem.as_str())
}

/// The score over every requirement (each group of alternatives once), and over the
/// must-haves.
fn scores(posting: &Posting, keywords: &[KeywordMatch]) -> (u8, u8) {
    let mut units: Vec<(Importance, f64)> = Vec::new();
    for (g, members) in posting.groups.iter().enumerate() {
        let members: Vec<&KeywordMatch> = members.iter().filter_map(|&k| keywords.get(k)).collect();
        let importance = members.iter().map(|m| m.importance).max();
        let credit = members.iter().map(|m| m.credit()).fold(0.0, f64::max);
        if let Some(importance) = importance {
            units.push((importance, credit));
        }
        let _ = g;
    }
    for m in keywords {
        if posting
            .keywords
            .get(m.keyword)
            .is_some_and(|k| k.group.is_none())
        {
            units.push((m.importance, m.credit()));
        }
    }
    let percent = |units: &mut dyn Iterator<Item = &(Importance, f64)>| {
        let (mut got, mut total) = (0.0, 0.0);
        for &(importance, credit) in units {
            let weight = if importance == Importance::Must {
                MUST_WEIGHT
            } else {
                1.0
            };
            got += weight * credit;
            total += weight;
        }
        if total == 0.0 {
            100
        } else {
            ((got / total) * 100.0).round().clamp(0.0, 100.0) as u8
        }
    };
    let all = percent(&mut units.iter());
    let must = percent(&mut units.iter().filter(|u| u.0 == Importance::Must));
    (all, must)
}
