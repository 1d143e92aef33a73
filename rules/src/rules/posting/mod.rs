//! Posting: the resume against the job posting it is written for (`--posting`). These
//! rules stay quiet when there is no posting.

pub mod keyword_only_in_skills;
pub mod missing_keyword;
pub mod near_miss_keyword;

use crate::diagnostic::Edit;
use crate::document::{BlockKind, Format, SectionKind};
use crate::rules::Context;
use crate::span::TextRange;

/// Where a diagnostic about the skills section goes: its heading (or its key in YAML and
/// JSON), else the first line of the document.
pub(crate) fn skills_anchor(cx: &Context<'_>) -> TextRange {
    let section = cx
        .resume
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Skills);
    if let Some(section) = section {
        if let Some(heading) = &section.heading {
            return heading.span();
        }
        let key = cx
            .resume
            .fields
            .iter()
            .filter(|f| f.key.span().end() <= section.span.start())
            .max_by_key(|f| f.key.span().end());
        if let Some(field) = key {
            return field.key.span();
        }
    }
    let source = cx.source;
    let start = source.len() - source.trim_start().len();
    let end = source
        .get(start..)
        .and_then(|rest| rest.find('\n'))
        .map_or(source.len(), |i| start + i);
    TextRange::new(start, end)
}

/// How a keyword is added to the skills section in the resume's own format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Insertion {
    /// Append `separator` + keyword at `at` (a comma list in a bullet, a paragraph or a
    /// YAML/JSON string).
    Append { at: usize, separator: String },
    /// A new list item after `at`: `prefix` + keyword (prefix starts with a newline).
    Item { at: usize, prefix: String },
    /// A new element of a JSON or YAML flow array after `at`.
    Element { at: usize, quoted: bool },
    /// A new skills section at the end of a Markdown document.
    Section { at: usize, lead: String },
}

impl Insertion {
    /// The edit that adds `name`.
    pub(crate) fn edit(&self, name: &str) -> Edit {
        match self {
            Insertion::Append { at, separator } => Edit::insert(*at, format!("{separator}{name}")),
            Insertion::Item { at, prefix } => Edit::insert(*at, format!("{prefix}{name}")),
            Insertion::Element { at, quoted } => {
                let value = if *quoted || needs_quotes(name) {
                    format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
                } else {
                    name.to_owned()
                };
                Edit::insert(*at, format!(", {value}"))
            }
            Insertion::Section { at, lead } => {
                Edit::insert(*at, format!("{lead}## Skills\n\n- {name}\n"))
            }
        }
    }
}

/// Whether a plain YAML scalar would not read back as this string.
fn needs_quotes(name: &str) -> bool {
    name.contains([
        ':', '#', ',', '[', ']', '{', '}', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`',
    ]) || name.starts_with(['-', '?', ' '])
}

/// Keys whose string value is a list of skills ("details: Python, Go").
const LIST_KEYS: &[&str] = &[
    "details", "items", "keywords", "list", "skills", "tools", "value",
];

/// Where a keyword can be added to the resume's skills section, when there is a way.
pub(crate) fn skills_insertion(cx: &Context<'_>) -> Option<Insertion> {
    let resume = cx.resume;
    let source = cx.source;
    let section = resume
        .sections
        .iter()
        .position(|s| s.kind == SectionKind::Skills);
    let Some(section) = section else {
        if resume.format != Format::Markdown {
            return None;
        }
        let lead = if source.is_empty() || source.ends_with("\n\n") {
            ""
        } else if source.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        return Some(Insertion::Section {
            at: source.len(),
            lead: lead.to_owned(),
        });
    };
    let blocks = resume
        .blocks
        .iter()
        .filter(|b| b.section == Some(section) && b.kind != BlockKind::Heading);
    let candidates: Vec<_> = blocks.collect();
    for block in candidates.into_iter().rev() {
        let text = &block.text;
        let value = text.as_str();
        let Some(last) = value
            .char_indices()
            .next_back()
            .map(|(i, c)| i..i + c.len_utf8())
        else {
            continue;
        };
        if !text.is_verbatim(last) {
            continue;
        }
        let span = text.span();
        let line_start = source
            .get(..span.start())
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1);
        let line_end = source
            .get(span.end()..)
            .and_then(|s| s.find('\n'))
            .map_or(source.len(), |i| span.end() + i);
        let lead = source.get(line_start..span.start()).unwrap_or("");
        let separator = list_separator(value);
        match resume.format {
            Format::Markdown => {
                if !matches!(
                    block.kind,
                    BlockKind::Bullet | BlockKind::Paragraph | BlockKind::Field
                ) {
                    continue;
                }
                if block.kind == BlockKind::Bullet && separator.is_none() {
                    let indent = lead.len() - lead.trim_start().len();
                    let marker = lead
                        .trim_start()
                        .chars()
                        .next()
                        .filter(|c| matches!(c, '-' | '*' | '+'));
                    let prefix = match marker {
                        Some(m) => format!("\n{}{m} ", lead.get(..indent).unwrap_or("")),
                        None => "\n- ".to_owned(),
                    };
                    return Some(Insertion::Item {
                        at: line_end,
                        prefix,
                    });
                }
                return Some(Insertion::Append {
                    at: span.end(),
                    separator: separator.unwrap_or(", ").to_owned(),
                });
            }
            Format::Yaml | Format::Json => {
                let quote = source
                    .get(span.end()..)
                    .and_then(|s| s.chars().next())
                    .filter(|&c| {
                        (c == '"' || c == '\'')
                            && source.get(..span.start()).is_some_and(|b| b.ends_with(c))
                    });
                let outer_start = span.start() - usize::from(quote.is_some());
                let outer_end = span.end() + usize::from(quote.is_some());
                let before = source.get(..outer_start).unwrap_or("").trim_end();
                match before.chars().next_back() {
                    Some('[' | ',') => {
                        return Some(Insertion::Element {
                            at: outer_end,
                            quoted: resume.format == Format::Json || quote.is_some(),
                        });
                    }
                    Some('-') if resume.format == Format::Yaml && lead.trim() == "-" => {
                        return Some(Insertion::Item {
                            at: line_end,
                            prefix: format!("\n{lead}"),
                        });
                    }
                    Some(':') => {
                        let key = before
                            .trim_end_matches(':')
                            .rsplit(['\n', '{', ',', ' '])
                            .next()
                            .unwrap_or("")
                            .trim()
                            .trim_matches(['"', '\''])
                            .to_ascii_lowercase();
                        // A plain or quoted one-line value only: a block scalar (`|`, `>`)
                        // or a folded value is left alone.
                        let one_line = !source
                            .get(span.start()..span.end())
                            .unwrap_or("")
                            .contains('\n');
                        if LIST_KEYS.contains(&key.as_str()) && one_line {
                            return Some(Insertion::Append {
                                at: span.end(),
                                separator: separator.unwrap_or(", ").to_owned(),
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    None
}

/// The separator of a list written on one line: ", ", " | ", " · " or " • ".
fn list_separator(value: &str) -> Option<&'static str> {
    [" | ", " · ", " • ", ", "]
        .into_iter()
        .find(|s| value.contains(s))
}
