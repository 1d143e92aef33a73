//! Rules: one file per rule, grouped by category. Each file declares its rule with
//! `declare_rule!` (doc, id, category, default severity, fix availability) and implements
//! `Rule::check` against the parsed `Resume`.

pub mod dates;
pub mod impact;
pub mod layout;
pub mod length;
pub mod posting;
pub mod privacy;
pub mod syntax;
pub mod verbs;
pub mod wording;

use crate::data::{Data, PhraseMatch};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::Resume;
use crate::document::dates::Period;
use crate::posting::{Posting, PostingMatch};
use crate::registry::RuleId;
use crate::settings::Settings;
use crate::span::TextRange;
use layout::embedded_image::{Image, images};
use layout::missing_contact::{Contact, contacts};
use layout::missing_section::{Marker, section_markers};
use std::cell::OnceCell;
use std::fmt;
use verbs::weak_opener::{Tok, achievement_flags, tokens};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Impact,
    Verbs,
    Wording,
    Layout,
    Privacy,
    Length,
    Dates,
    Posting,
    Syntax,
}

impl Category {
    pub const ALL: &'static [Category] = &[
        Category::Impact,
        Category::Verbs,
        Category::Wording,
        Category::Layout,
        Category::Privacy,
        Category::Length,
        Category::Dates,
        Category::Posting,
        Category::Syntax,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Impact => "impact",
            Category::Verbs => "verbs",
            Category::Wording => "wording",
            Category::Layout => "layout",
            Category::Privacy => "privacy",
            Category::Length => "length",
            Category::Dates => "dates",
            Category::Posting => "posting",
            Category::Syntax => "syntax",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a rule offers fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "none",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "always",
        }
    }
}

/// What the registry knows of a rule, captured by `declare_rule!`.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    pub fix: FixAvailability,
    /// The doc comment: `## What it does`, `## Why is this bad?`, `## Example`, `## Use instead`.
    pub doc: &'static str,
    pub file: &'static str,
}

/// One line of a rule's doc, as `RuleMeta::doc_lines` reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocLine<'a> {
    /// A `## ` section heading of the doc (not one inside a fenced example): its title.
    Heading(&'a str),
    /// Any other line, fences and example text included.
    Text(&'a str),
}

impl RuleMeta {
    /// The doc comment line by line, without the space `///` leaves at the start of each
    /// line. A `## ` line inside a fenced example ("## Skills" of a sample resume) is the
    /// example's text, not a section of the doc. Every face (explain, docs/rules.md,
    /// SARIF, hover) reads the doc through this.
    pub fn doc_lines(&self) -> impl Iterator<Item = DocLine<'static>> {
        let mut in_fence = false;
        self.doc.lines().map(move |line| {
            let line = line.strip_prefix(' ').unwrap_or(line);
            if line.trim_start().starts_with("```") {
                in_fence = !in_fence;
            }
            match line.strip_prefix("## ") {
                Some(title) if !in_fence => DocLine::Heading(title.trim()),
                _ => DocLine::Text(line),
            }
        })
    }

    /// The doc as Markdown text, without the leading spaces of `///` comments.
    pub fn doc_text(&self) -> String {
        let mut out = String::with_capacity(self.doc.len());
        for line in self.doc_lines() {
            match line {
                DocLine::Heading(title) => {
                    out.push_str("## ");
                    out.push_str(title);
                }
                DocLine::Text(text) => out.push_str(text),
            }
            out.push('\n');
        }
        out.trim().to_owned()
    }

    /// The first sentence of "What it does", on one line, for listings.
    pub fn summary(&self) -> String {
        let body = self
            .doc
            .split("## What it does")
            .nth(1)
            .unwrap_or("")
            .split("##")
            .next()
            .unwrap_or("");
        let text = body.split_whitespace().collect::<Vec<_>>().join(" ");
        match text.find(". ") {
            Some(i) => text.get(..=i).unwrap_or(&text).to_owned(),
            None => text,
        }
    }
}

pub trait Rule: Sync {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink);
}

/// What a rule sees: the parsed resume, the source text, the data and the settings.
pub struct Context<'a> {
    pub source: &'a str,
    pub resume: &'a Resume,
    pub settings: &'a Settings,
    /// The job posting, when the resume is linted against one.
    pub posting: Option<&'a Posting>,
    /// How the resume covers the posting (computed once, before the rules run).
    pub posting_match: Option<&'a PostingMatch>,
    /// Facts about the document that several rules need, computed once per lint.
    pub(crate) cache: Cache<'a>,
}

/// Per-document facts shared by rules, filled on first use.
#[derive(Default)]
pub(crate) struct Cache<'a> {
    markers: OnceCell<Vec<Marker>>,
    contacts: OnceCell<Vec<Contact>>,
    images: OnceCell<Vec<Image>>,
    achievements: OnceCell<Vec<bool>>,
    /// Per block: a duty with no outcome (see `duty_not_achievement`).
    unmet_duties: OnceCell<Vec<bool>>,
    /// The education entries of a YAML / JSON resume (see `dates::education_entries`).
    education: OnceCell<Vec<(usize, Period)>>,
    /// The words of each block, tokenized on first use.
    tokens: OnceCell<Vec<OnceCell<Vec<Tok<'a>>>>>,
    /// The buzzwords, fillers and technology names of each block, found on first use.
    wording: OnceCell<Vec<OnceCell<Vec<Vec<PhraseMatch>>>>>,
}

impl<'a> Context<'a> {
    pub fn new(source: &'a str, resume: &'a Resume, settings: &'a Settings) -> Self {
        Context {
            source,
            resume,
            settings,
            posting: None,
            posting_match: None,
            cache: Cache::default(),
        }
    }

    /// The same context, linting against a posting.
    pub fn with_posting(self, posting: &'a Posting, matched: &'a PostingMatch) -> Self {
        Context {
            posting: Some(posting),
            posting_match: Some(matched),
            ..self
        }
    }

    /// Whether the posting itself uses `phrase`: wording rules leave it alone.
    pub(crate) fn posting_uses(&self, phrase: &str) -> bool {
        self.posting.is_some_and(|p| p.uses_phrase(phrase))
    }

    pub fn data(&self) -> &Data {
        &self.settings.data
    }

    /// The standard sections the document has, in source order (see `section_markers`).
    pub(crate) fn section_markers(&self) -> &[Marker] {
        self.cache.markers.get_or_init(|| section_markers(self))
    }

    /// Every email address and phone number in the document (see `missing_contact::contacts`).
    pub(crate) fn contacts(&self) -> &[Contact] {
        self.cache.contacts.get_or_init(|| contacts(self))
    }

    /// Every image of the document (see `embedded_image::images`): embedded-image reports
    /// them, personal-data the photos among them.
    pub(crate) fn images(&self) -> &[Image] {
        self.cache.images.get_or_init(|| images(self))
    }

    /// The education entries of a YAML / JSON resume, with their section index (see
    /// `dates::education_entries`): `employment-gap` and `not-reverse-chronological` read
    /// them.
    pub(crate) fn education_entries(&self) -> &[(usize, Period)] {
        self.cache
            .education
            .get_or_init(|| dates::education_entries(self.resume))
    }

    /// Whether the block at `index` in `resume.blocks` is an achievement bullet (see
    /// `weak_opener::is_achievement`).
    pub(crate) fn is_achievement(&self, index: usize) -> bool {
        self.cache
            .achievements
            .get_or_init(|| achievement_flags(self.resume, self.data()))
            .get(index)
            .copied()
            .unwrap_or(false)
    }

    /// Whether the block at `index` is a bullet stating a duty with no outcome (see
    /// `duty_not_achievement::unmet_duty_flags`).
    pub(crate) fn is_unmet_duty(&self, index: usize) -> bool {
        self.cache
            .unmet_duties
            .get_or_init(|| impact::duty_not_achievement::unmet_duty_flags(self))
            .get(index)
            .copied()
            .unwrap_or(false)
    }

    /// Whether `duty-not-achievement` is on and reports the block at `index`: the rules
    /// that would say the same of it (`weak-opener`, `missing-action-verb`,
    /// `missing-metric`) leave it alone.
    pub(crate) fn duty_claims(&self, index: usize) -> bool {
        self.settings.is_enabled(RuleId::DutyNotAchievement) && self.is_unmet_duty(index)
    }

    /// The phrases of set `set` (`data::BUZZWORDS`, `FILLERS` or `TECH_NAMES`) in the block
    /// at `index` of `resume.blocks`: one scan of the block finds all three sets.
    pub(crate) fn wording(&self, index: usize, set: usize) -> &[PhraseMatch] {
        let resume: &'a Resume = self.resume;
        let cells = self.cache.wording.get_or_init(|| {
            std::iter::repeat_with(OnceCell::new)
                .take(resume.blocks.len())
                .collect()
        });
        match (cells.get(index), resume.blocks.get(index)) {
            (Some(cell), Some(block)) => cell
                .get_or_init(|| self.data().wording(block.text.as_str()))
                .get(set)
                .map_or(&[], Vec::as_slice),
            _ => &[],
        }
    }

    /// The words of the block at `index` in `resume.blocks` (see `weak_opener::tokens`).
    pub(crate) fn tokens(&self, index: usize) -> &[Tok<'a>] {
        let resume: &'a Resume = self.resume;
        let cells = self.cache.tokens.get_or_init(|| {
            std::iter::repeat_with(OnceCell::new)
                .take(resume.blocks.len())
                .collect()
        });
        match (cells.get(index), resume.blocks.get(index)) {
            (Some(cell), Some(block)) => cell.get_or_init(|| tokens(block.text.as_str())),
            _ => &[],
        }
    }
}

/// Collects the diagnostics of one rule.
pub struct Sink {
    rule: RuleId,
    severity: Severity,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Sink {
    pub(crate) fn new(rule: RuleId, severity: Severity) -> Self {
        Sink {
            rule,
            severity,
            diagnostics: Vec::new(),
        }
    }

    /// Reports `message` at `range`.
    pub fn report(&mut self, range: TextRange, message: impl Into<String>) {
        self.report_with(range, message, Vec::new());
    }

    pub fn report_with(&mut self, range: TextRange, message: impl Into<String>, fixes: Vec<Fix>) {
        self.diagnostics.push(Diagnostic {
            rule: self.rule,
            severity: self.severity,
            range,
            message: message.into(),
            fixes,
            related: Vec::new(),
        });
    }

    /// The severity the rule is configured at.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Reports a complete diagnostic at a severity of the rule's choosing (at most the
    /// configured one), with related places.
    pub fn report_full(
        &mut self,
        severity: Severity,
        range: TextRange,
        message: impl Into<String>,
        fixes: Vec<Fix>,
        related: Vec<crate::diagnostic::Related>,
    ) {
        self.diagnostics.push(Diagnostic {
            rule: self.rule,
            severity: severity.min(self.severity),
            range,
            message: message.into(),
            fixes,
            related,
        });
    }
}

/// Declares a rule: its doc comment, unit struct and metadata.
///
/// ```text
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub struct WeakOpener {
///         id: "weak-opener",
///         category: Verbs,
///         severity: Warning,
///         fix: Sometimes,
///     }
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            category: $category:ident,
            severity: $severity:ident,
            fix: $fix:ident $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                category: $crate::rules::Category::$category,
                default_severity: $crate::diagnostic::Severity::$severity,
                fix: $crate::rules::FixAvailability::$fix,
                doc: concat!($($doc, "\n",)*),
                file: file!(),
            };
        }
    };
}
pub(crate) use declare_rule;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_lines_strip_the_comment_space_and_keep_example_headings() {
        let meta = RuleMeta {
            doc: " ## What it does\n Flags things.\n\n ## Example\n ```markdown\n ## Skills\n ```\n",
            ..*crate::RuleId::WeakOpener.meta()
        };
        assert_eq!(
            meta.doc_lines().collect::<Vec<_>>(),
            [
                DocLine::Heading("What it does"),
                DocLine::Text("Flags things."),
                DocLine::Text(""),
                DocLine::Heading("Example"),
                DocLine::Text("```markdown"),
                DocLine::Text("## Skills"),
                DocLine::Text("```"),
            ]
        );
        assert_eq!(
            meta.doc_text(),
            "## What it does\nFlags things.\n\n## Example\n```markdown\n## Skills\n```"
        );
    }
}
