//! The job posting a resume is written for: its keywords (skills of the taxonomy,
//! technology tokens, multi-word terms it repeats), how much each matters, and how the
//! resume covers them.
//!
//! A posting is parsed once (`Posting::parse`) and reused for every lint: the CLI lints
//! many resumes against one posting, the language server re-lints one resume on each edit.

mod extract;
mod matching;
pub mod tokens;

pub use matching::{
    Hit, KeywordMatch, MatchKind, Place, PostingMatch, Status, Tally, match_resume,
};

use crate::data::{Data, SkillCategory, Skills};
use crate::span::TextRange;
use foldhash::HashMap;

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
    /// The job title of a structured posting: a keyword to use in a summary or a role,
    /// not a skill to list.
    pub title: bool,
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
    /// For each first byte of a form's first word, a bit per byte length (63 for longer
    /// ones): most resume words are ruled out without a hash lookup.
    first_words: Vec<u64>,
    /// First word stem of each stemmable form -> (keyword, form stems).
    stems: HashMap<String, Vec<(usize, Vec<String>)>>,
    /// For each key of `stems`: its first letter and the lead a resume word must start
    /// with to be stemmed (the stem less its last letter, three letters at least:
    /// "deplo" for "deploy"), and the keywords of its forms.
    stem_leads: Vec<StemLead>,
    /// The one-word, all-letter forms of six letters or more, in keyword order: the
    /// candidates for a near miss, with what the resume's words are compared against.
    near_forms: Vec<NearForm>,
}

/// See `Posting::near_forms`.
#[derive(Clone, Debug, Default)]
pub(crate) struct NearForm {
    pub(crate) keyword: usize,
    pub(crate) word: String,
    /// Its length in characters.
    pub(crate) len: usize,
    pub(crate) first: Option<char>,
    /// Its letter counts (see `matching::letters`).
    pub(crate) letters: Option<[u8; 26]>,
}

/// See `Posting::stem_leads`.
#[derive(Clone, Debug, Default)]
pub(crate) struct StemLead {
    pub(crate) first: char,
    pub(crate) lead: String,
    pub(crate) keywords: Vec<usize>,
}

impl Posting {
    /// Reads a posting with the built-in skills taxonomy.
    pub fn parse(source: &str, format: PostingFormat) -> Posting {
        Posting::parse_with(source, format, Data::skills())
    }

    pub fn parse_with(source: &str, format: PostingFormat, skills: &Skills) -> Posting {
        let (keywords, groups) = extract::keywords(source, format, skills);
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
                if let Some(&b) = first.as_bytes().first() {
                    if self.first_words.is_empty() {
                        self.first_words = vec![0; 256];
                    }
                    if let Some(bits) = self.first_words.get_mut(usize::from(b)) {
                        *bits |= 1 << first.len().min(63);
                    }
                }
                if let [word] = form.words.as_slice() {
                    let len = word.chars().count();
                    if len >= 6 && word.chars().all(char::is_alphabetic) {
                        self.near_forms.push(NearForm {
                            keyword: k,
                            word: word.clone(),
                            len,
                            first: word.chars().next(),
                            letters: matching::letters(word),
                        });
                    }
                }
                let stemmable = !form.exact_case
                    && form
                        .words
                        .iter()
                        .all(|w| w.chars().all(char::is_alphabetic));
                if stemmable {
                    let stems: Vec<String> = form.words.iter().map(|w| matching::stem(w)).collect();
                    if let Some(first) = stems.first() {
                        self.stems
                            .entry(first.clone())
                            .or_default()
                            .push((k, stems));
                    }
                }
            }
        }
        for (first, entries) in &self.stems {
            let count = first.chars().count();
            let lead: String = first.chars().take(count.saturating_sub(1).max(3)).collect();
            if let Some(c) = first.chars().next() {
                self.stem_leads.push(StemLead {
                    first: c,
                    lead,
                    keywords: entries.iter().map(|(k, _)| *k).collect(),
                });
            }
        }
    }

    /// Whether a (lowercase) word may be the first word of a form: a cheap test before
    /// the lookup in `index`.
    pub(crate) fn may_start_form(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        self.first_words
            .get(usize::from(b))
            .is_some_and(|bits| bits & (1 << word.len().min(63)) != 0)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, Resume};

    fn parse(text: &str) -> Posting {
        Posting::parse(text, PostingFormat::Text)
    }

    fn keyword<'a>(p: &'a Posting, name: &str) -> &'a Keyword {
        p.keywords
            .iter()
            .find(|k| k.name == name)
            .unwrap_or_else(|| panic!("{name} not in {:?}", names(p)))
    }

    fn names(p: &Posting) -> Vec<&str> {
        p.keywords.iter().map(|k| k.name.as_str()).collect()
    }

    fn matched(posting: &str, resume: &str, format: Format) -> PostingMatch {
        let data = Data::builtin();
        match_resume(&parse(posting), &Resume::parse(resume, format, &data))
    }

    fn kind_of(m: &PostingMatch, name: &str) -> (Status, Option<MatchKind>) {
        let k = m.keywords.iter().find(|k| k.name == name).unwrap();
        (k.status, k.kind)
    }

    #[test]
    fn extracts_taxonomy_skills_by_alias_and_technology_tokens() {
        let p =
            parse("We run k8s, Postgres and GCP. You write JS, C++ and .NET on ZetaDB and Q9X.");
        assert_eq!(
            names(&p),
            [
                "Kubernetes",
                "PostgreSQL",
                "Google Cloud",
                "JavaScript",
                "C++",
                ".NET",
                "ZetaDB",
                "Q9X"
            ]
        );
        assert_eq!(
            keyword(&p, "Kubernetes").category,
            Some(SkillCategory::Tool)
        );
        assert_eq!(keyword(&p, "ZetaDB").category, None);
        let at: Vec<&str> = keyword(&p, "PostgreSQL")
            .posting
            .iter()
            .map(|r| r.slice(&p.source))
            .collect();
        assert_eq!(at, ["Postgres"]);
    }

    #[test]
    fn english_word_names_need_their_casing() {
        let p = parse("Go services in Rust. Let's go and rust-proof it.");
        assert_eq!(names(&p), ["Go", "Rust"]);
        assert_eq!(keyword(&p, "Go").posting.len(), 1);
    }

    #[test]
    fn soft_skills_in_the_company_intro_are_prose() {
        // "team building payment services" presents the team; under a heading the same
        // words are a requirement.
        let p = parse(
            "# Engineer\n\nWe are a team building payment services in Rust.\n\n## Requirements\n\n- Python\n",
        );
        assert_eq!(names(&p), ["Rust", "Python"]);
        let p = parse("We build payments.\n\n## You have\n\n- Team building and mentoring\n");
        assert!(names(&p).contains(&"Team Building"), "{:?}", names(&p));
    }

    #[test]
    fn importance_from_headings_labels_and_phrases() {
        let p = parse(
            "## Requirements\n\n- Python\n- Docker\n\n## Nice to have\n\n- Terraform\n\n## You have\n\n- Kafka; Redis is a plus\n- Bonus: Go\n",
        );
        let imp = |n: &str| keyword(&p, n).importance;
        assert_eq!(imp("Python"), Importance::Must);
        assert_eq!(imp("Docker"), Importance::Must);
        assert_eq!(imp("Terraform"), Importance::Nice);
        assert_eq!(imp("Kafka"), Importance::Must);
        assert_eq!(imp("Redis"), Importance::Nice);
        assert_eq!(imp("Go"), Importance::Nice);
        let p = parse(
            "Requirements: SQL. Preferred: dbt-like tools such as Looker; Kotlin appreciated but not required.",
        );
        assert_eq!(keyword(&p, "SQL").importance, Importance::Must);
        assert_eq!(keyword(&p, "Looker").importance, Importance::Nice);
        // Named as a must-have anywhere, it is a must-have.
        let p = parse("Nice to have: Redis.\n\nRequirements: Redis and SQL.");
        assert_eq!(keyword(&p, "Redis").importance, Importance::Must);
    }

    #[test]
    fn years_and_alternatives() {
        let p = parse(
            "5+ years of Python; Kubernetes or Docker; Amplitude, Mixpanel, or Looker; HTML, CSS, and JavaScript; Go (3 years).",
        );
        assert_eq!(keyword(&p, "Python").years, Some(5));
        assert_eq!(keyword(&p, "Go").years, Some(3));
        assert_eq!(keyword(&p, "HTML").years, None);
        let group = |n: &str| keyword(&p, n).group;
        assert!(group("Kubernetes").is_some() && group("Kubernetes") == group("Docker"));
        assert!(group("Amplitude").is_some() && group("Amplitude") == group("Looker"));
        assert_ne!(group("Kubernetes"), group("Looker"));
        assert_eq!(group("HTML"), None);
    }

    #[test]
    fn repeated_terms_outside_the_taxonomy() {
        let p = parse(
            "You build payment rails. Payment rails are hard. We value the experience of years.",
        );
        assert!(names(&p).contains(&"payment rails"), "{:?}", names(&p));
        assert!(!names(&p).iter().any(|n| n.contains("experience")));
    }

    #[test]
    fn structured_job_schema_in_json_and_yaml() {
        let json = r#"{"title":"Web Developer","skills":[{"name":"Web","keywords":["React","Node.js","Svelte"]}],"qualifications":["3+ years of JavaScript"],"responsibilities":["Build with Go; Rust is a plus"]}"#;
        let p = Posting::parse(json, PostingFormat::detect(Some("job.json"), json));
        assert_eq!(p.format, PostingFormat::Structured);
        assert_eq!(
            names(&p),
            [
                "Web Developer",
                "React",
                "Node.js",
                "Svelte",
                "JavaScript",
                "Go",
                "Rust"
            ]
        );
        assert_eq!(keyword(&p, "Web Developer").importance, Importance::Nice);
        assert_eq!(keyword(&p, "JavaScript").years, Some(3));
        assert_eq!(keyword(&p, "Rust").importance, Importance::Nice);
        assert_eq!(keyword(&p, "Svelte").posting[0].slice(json), "Svelte");
        let yaml = "title: Data Engineer\nskills:\n  - name: Data\n    keywords: [Kafka, \"dbt\"]\nqualifications:\n  - SQL\n";
        let p = Posting::parse(yaml, PostingFormat::detect(Some("job.yaml"), yaml));
        assert_eq!(names(&p), ["Data Engineer", "Kafka", "dbt", "SQL"]);
        assert_eq!(keyword(&p, "dbt").posting[0].slice(yaml), "dbt");
        assert_eq!(
            PostingFormat::detect(Some("job.txt"), "Requirements: x"),
            PostingFormat::Text
        );
    }

    #[test]
    fn each_match_kind() {
        let posting = "Requirements: Kubernetes, PostgreSQL, Prometheus, Kafka, Terraform.";
        let m = matched(
            posting,
            "- Ran k8s and postgresql; deployed automated releases\n- Watched Promethius alerts and Kafka\n",
            Format::Markdown,
        );
        assert_eq!(
            kind_of(&m, "Kubernetes"),
            (Status::Matched, Some(MatchKind::Alias))
        );
        assert_eq!(
            kind_of(&m, "PostgreSQL"),
            (Status::Matched, Some(MatchKind::Case))
        );
        assert_eq!(
            kind_of(&m, "Kafka"),
            (Status::Matched, Some(MatchKind::Exact))
        );
        assert_eq!(
            kind_of(&m, "Prometheus"),
            (Status::NearMiss, Some(MatchKind::NearMiss))
        );
        assert_eq!(kind_of(&m, "Terraform"), (Status::Missing, None));
        let p = parse(posting);
        assert!(names(&p).contains(&"Prometheus"));
        let m = matched(
            "Requirements: claim triage; claim triage daily.",
            "- Automated claims triage for 12 teams\n",
            Format::Markdown,
        );
        let k = m
            .keywords
            .iter()
            .find(|k| k.name == "claim triage")
            .unwrap();
        assert_eq!((k.status, k.kind), (Status::Matched, Some(MatchKind::Stem)));
    }

    #[test]
    fn english_words_a_few_edits_away_are_no_near_misses() {
        // Two edits from "monitoring" and "profiling", but words (and skills) of their own.
        let m = matched(
            "Requirements: Monitoring, Profiling, Elasticsearch.",
            "- Mentoring 3 engineers, providing promising results\n- Ran Elasticsaerch for 40 teams\n",
            Format::Markdown,
        );
        assert_eq!(kind_of(&m, "Monitoring"), (Status::Missing, None));
        assert_eq!(kind_of(&m, "Profiling"), (Status::Missing, None));
        assert_eq!(
            kind_of(&m, "Elasticsearch"),
            (Status::NearMiss, Some(MatchKind::NearMiss))
        );
    }

    #[test]
    fn score_weighs_must_haves_counts_groups_once_and_ignores_stuffing() {
        let posting =
            "Requirements: Python, Kafka, Kubernetes or Docker.\n\nNice to have: Terraform.";
        let all = matched(
            posting,
            "- Built Python on Kafka and Kubernetes with Terraform\n",
            Format::Markdown,
        );
        assert_eq!((all.score, all.must_have_score), (100, 100));
        let no_nice = matched(
            posting,
            "- Built Python on Kafka and Docker\n",
            Format::Markdown,
        );
        assert_eq!(no_nice.must_have_score, 100);
        assert_eq!(no_nice.score, 90); // 9 of 10: three must-haves weigh 3 each, the nice 1
        let half = matched(posting, "- Built Python with Terraform\n", Format::Markdown);
        assert_eq!(half.must_have_score, 33);
        let stuffed = matched(
            posting,
            "## Skills\n\n- Python, Python, Python, Kafka, Kafka, Kubernetes, Docker, Terraform\n",
            Format::Markdown,
        );
        assert_eq!(stuffed.score, 75); // only in a skills list: three quarters of the credit
        let tally = half.tally(&parse(posting));
        assert_eq!((tally.must_matched, tally.must_total), (1, 3));
        assert_eq!(tally.missing, ["Kafka", "Kubernetes or Docker"]);
        let tally = no_nice.tally(&parse(posting));
        assert_eq!((tally.must_matched, tally.must_total), (3, 3));
        assert_eq!(tally.missing, ["Terraform"]);
        let none = matched("We are a friendly team.", "- Anything\n", Format::Markdown);
        assert_eq!((none.score, none.keywords.len()), (100, 0));
    }

    #[test]
    fn posting_phrases() {
        let p = parse("We want a results-driven, detail oriented engineer.");
        assert!(p.uses_phrase("Results-driven"));
        assert!(p.uses_phrase("detail-oriented"));
        assert!(!p.uses_phrase("team player"));
        assert!(!p.uses_phrase(""));
    }
}
