//! The resume model: every format is read into the same `Resume`, with byte spans into
//! the original source for every piece of text.

pub mod dates;
mod detect;
mod markdown;
pub mod suppress;
mod text;
mod yaml;

pub use detect::{Format, detect_format, looks_like_resume};
pub use text::Text;

/// Every string scalar of a YAML or JSON document, with the dotted path of the keys above
/// it (see `yaml::scalars`).
pub(crate) fn structured_scalars(source: &str) -> Vec<(String, Text)> {
    yaml::scalars(source)
}

use crate::data::Data;
use crate::span::TextRange;

/// Where a piece of prose sits in the resume.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A section heading (Markdown heading, YAML section key).
    Heading,
    /// The line naming a role: title, company, dates.
    RoleHeader,
    /// A list item or pseudo-bullet, or one YAML `highlights` entry.
    Bullet,
    /// A summary / objective / profile paragraph.
    Summary,
    /// Any other paragraph or scalar of prose.
    Paragraph,
    /// A field value that is not prose: a name, an email, a date, a URL, a location.
    Field,
}

/// A standard resume section, recognised from its heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Contact,
    Summary,
    Experience,
    Education,
    Skills,
    Projects,
    Certifications,
    Awards,
    Publications,
    Volunteer,
    Languages,
    Interests,
    References,
    /// A heading that is not one of the above.
    Other,
}

impl SectionKind {
    pub fn parse(name: &str) -> Option<SectionKind> {
        Some(match name {
            "contact" => SectionKind::Contact,
            "summary" => SectionKind::Summary,
            "experience" => SectionKind::Experience,
            "education" => SectionKind::Education,
            "skills" => SectionKind::Skills,
            "projects" => SectionKind::Projects,
            "certifications" => SectionKind::Certifications,
            "awards" => SectionKind::Awards,
            "publications" => SectionKind::Publications,
            "volunteer" => SectionKind::Volunteer,
            "languages" => SectionKind::Languages,
            "interests" => SectionKind::Interests,
            "references" => SectionKind::References,
            _ => return None,
        })
    }

    /// Sections whose bullets are achievements (held to impact and verb rules).
    pub fn has_achievements(self) -> bool {
        matches!(
            self,
            SectionKind::Experience | SectionKind::Projects | SectionKind::Volunteer
        )
    }
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub text: Text,
    /// Index into `Resume::sections`.
    pub section: Option<usize>,
    /// Index into `Resume::roles`.
    pub role: Option<usize>,
    /// Nesting depth for bullets (0 = top level).
    pub depth: u8,
    /// For `Field` blocks: the key that holds this value (lowercase, as written).
    pub key: Option<String>,
}

impl Block {
    /// A block of prose (no field key).
    pub fn new(
        kind: BlockKind,
        text: Text,
        section: Option<usize>,
        role: Option<usize>,
        depth: u8,
    ) -> Block {
        Block {
            kind,
            text,
            section,
            role,
            depth,
            key: None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Section {
    /// The heading as written, when there is one.
    pub heading: Option<Text>,
    /// What the heading means, from the headings data.
    pub kind: SectionKind,
    /// The whole section in the source.
    pub span: TextRange,
    /// Heading level in Markdown (1–6); 0 for YAML / JSON keys.
    pub level: u8,
}

#[derive(Clone, Debug)]
pub struct Role {
    pub section: Option<usize>,
    /// The heading or line carrying title / company / dates.
    pub header: Option<Text>,
    /// Date text of the role: the range in Markdown ("Jan 2020 – Present"), the start
    /// date in YAML / JSON.
    pub dates: Option<Text>,
    /// YAML / JSON: the end date ("2021-02", "present"), when the entry has one.
    pub end: Option<Text>,
    /// YAML / JSON: the entry has a start date and no end date, which JSON Resume and
    /// RenderCV read as a role that goes on.
    pub open_ended: bool,
    pub span: TextRange,
    /// The dates, read (from `dates` and `end`).
    pub period: dates::Period,
}

impl Role {
    /// Whether the role goes on: its dates end in "Present", "Current", "Now"..., or a
    /// structured entry has no end date.
    pub fn is_current(&self) -> bool {
        let says_current = |text: &Text| {
            crate::matchers::words(text.as_str()).any(|(_, w)| {
                ["present", "current", "now", "today", "ongoing"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
        };
        // The read period decides when it has a start: a RenderCV `date: 2019 – 2021` or
        // a single `date: 2021` is over, though the entry has no end field.
        if self.period.start.is_some() {
            return self.period.is_ongoing();
        }
        self.dates.as_ref().is_some_and(says_current)
            || self.end.as_ref().is_some_and(says_current)
            || self.open_ended
    }
}

/// A YAML / JSON key, or a front-matter key.
#[derive(Clone, Debug)]
pub struct Field {
    /// Dotted path of keys, lowercase: `basics.email`, `work.highlights`.
    pub path: String,
    /// The key itself as written, with its span.
    pub key: Text,
    /// The scalar value, when the value is a scalar.
    pub value: Option<Text>,
}

/// A layout element an ATS parser may mangle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayoutKind {
    Table,
    Image { alt: String, url: String },
    Html { tag: String },
}

#[derive(Clone, Debug)]
pub struct Layout {
    pub kind: LayoutKind,
    pub span: TextRange,
}

/// A comment in the source (HTML comment in Markdown, `#` comment in YAML).
#[derive(Clone, Debug)]
pub struct Comment {
    /// The comment body without its delimiters, trimmed.
    pub body: String,
    pub span: TextRange,
}

/// A problem found while reading the document: reported by `syntax-error`.
#[derive(Clone, Debug)]
pub struct SyntaxProblem {
    pub span: TextRange,
    pub message: String,
    /// Reading stopped here: the model lacks what follows, so rules about what is
    /// missing stay quiet. A duplicate key does not truncate.
    pub truncates: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Resume {
    pub format: Format,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    pub roles: Vec<Role>,
    pub fields: Vec<Field>,
    pub layout: Vec<Layout>,
    pub comments: Vec<Comment>,
    pub problems: Vec<SyntaxProblem>,
    /// End of the header: the part before the first section, where contact details belong.
    pub header_end: usize,
    /// The front matter marks the file as a resume (`resume: true`), or it has
    /// JSON Resume / RenderCV / FRESH keys.
    pub declares_resume: bool,
}

impl Resume {
    pub fn parse(source: &str, format: Format, data: &Data) -> Resume {
        let mut resume = match format {
            Format::Markdown => markdown::parse(source, data),
            Format::Yaml | Format::Json => yaml::parse(source, format, data),
        };
        for role in &mut resume.roles {
            role.period = dates::Period::of(role);
        }
        resume
    }

    pub fn bullets(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Bullet)
    }

    pub fn section_of(&self, block: &Block) -> Option<&Section> {
        block.section.and_then(|i| self.sections.get(i))
    }

    pub fn section_kind(&self, block: &Block) -> Option<SectionKind> {
        self.section_of(block).map(|s| s.kind)
    }

    /// The kind of section a role sits in.
    pub fn role_section_kind(&self, role: &Role) -> Option<SectionKind> {
        role.section
            .and_then(|i| self.sections.get(i))
            .map(|s| s.kind)
    }

    /// Bullets in sections that hold achievements (experience, projects, volunteer), or
    /// bullets under a role.
    pub fn achievement_bullets(&self) -> impl Iterator<Item = &Block> {
        self.bullets().filter(|b| {
            b.role.is_some()
                || self
                    .section_kind(b)
                    .is_some_and(SectionKind::has_achievements)
        })
    }

    /// Whether a syntax error cut the model short.
    pub fn is_truncated(&self) -> bool {
        self.problems.iter().any(|p| p.truncates)
    }

    pub fn has_section(&self, kind: SectionKind) -> bool {
        self.sections.iter().any(|s| s.kind == kind)
    }

    /// Every block of prose a reader sees: all blocks but structural fields.
    pub fn prose(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind != BlockKind::Field)
    }
}
