//! Markdown (CommonMark + GFM tables, front matter) into the resume model.
//!
//! Pass 1 walks pulldown-cmark's offset iterator and collects raw blocks (headings,
//! paragraphs, list items, table cells) as `Text`s mapped to source bytes, plus layout
//! elements and comments. Pass 2 decides which headings are sections and which lines are
//! roles.

use super::dates::date_span;
use super::{
    Block, BlockKind, Comment, Field, Format, Layout, LayoutKind, Resume, Role, Section,
    SectionKind, Text,
};
use crate::data::Data;
use crate::data::headings::HeadingMatch;
use crate::span::TextRange;
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

/// Characters that open a pseudo-bullet line typed without list syntax.
const PSEUDO_BULLETS: &[char] = &[
    '•', '·', '▪', '◦', '‣', '●', '○', '■', '□', '➢', '►', '▶', '✓', '✔', '–', '—',
];

#[derive(Debug)]
enum RawKind {
    Heading(u8),
    Paragraph,
    Item(u8),
    Cell,
}

#[derive(Debug)]
struct Raw {
    kind: RawKind,
    text: Text,
    span: TextRange,
    /// The block opens with bold or italic text (a role line such as "**Engineer**, Acme").
    emphasis_start: bool,
}

struct Collector<'s> {
    source: &'s str,
    raws: Vec<Raw>,
    layout: Vec<Layout>,
    comments: Vec<Comment>,
    /// Text being collected, with its kind and start.
    current: Option<(RawKind, Text, usize, bool)>,
    list_depth: u8,
    image_depth: u32,
    code_block: bool,
    html_block: Option<TextRange>,
}

impl<'s> Collector<'s> {
    fn open(&mut self, kind: RawKind, start: usize) {
        self.flush(start);
        self.current = Some((kind, Text::default(), start, false));
    }

    fn flush(&mut self, end: usize) {
        if let Some((kind, text, start, emphasis_start)) = self.current.take() {
            let text = text.trimmed();
            if !text.is_empty() {
                let span = TextRange::new(start, end.max(start));
                self.raws.push(Raw {
                    kind,
                    text,
                    span,
                    emphasis_start,
                });
            }
        }
    }

    fn push_text(&mut self, logical: &str, range: std::ops::Range<usize>) {
        if self.image_depth > 0 || self.code_block {
            return;
        }
        let Some((_, text, _, _)) = self.current.as_mut() else {
            return;
        };
        if self.source.get(range.clone()) == Some(logical) {
            text.push_verbatim(logical, range.start);
        } else if let Some(pos) = self
            .source
            .get(range.clone())
            .and_then(|src| src.find(logical))
            .filter(|_| !logical.is_empty())
        {
            // Inline code: the content sits inside the backticks.
            text.push_verbatim(logical, range.start + pos);
        } else {
            text.push_mapped(logical, TextRange::from(range));
        }
    }

    fn mark_emphasis(&mut self) {
        if let Some((_, text, _, emphasis)) = self.current.as_mut()
            && text.as_str().trim().is_empty()
        {
            *emphasis = true;
        }
    }

    fn html(&mut self, html: &str, range: std::ops::Range<usize>, block: bool) {
        if block {
            // An HTML block arrives line by line: merge the lines into one element.
            let range = TextRange::from(range);
            match self.html_block.as_mut() {
                Some(open) => *open = open.cover(range),
                None => self.html_block = Some(range),
            }
            return;
        }
        let trimmed = html.trim();
        if let Some(body) = trimmed.strip_prefix("<!--") {
            let body = body.strip_suffix("-->").unwrap_or(body);
            self.comments.push(Comment {
                body: body.trim().to_owned(),
                span: TextRange::from(range),
            });
            return;
        }
        if let Some(tag) = tag_name(trimmed)
            && !trimmed.starts_with("</")
        {
            self.layout.push(Layout {
                kind: LayoutKind::Html { tag },
                span: TextRange::from(range),
            });
        }
    }

    /// Ends an HTML block: its comments become comments; what is left, if anything, is a
    /// layout element.
    fn close_html_block(&mut self) {
        let Some(range) = self.html_block.take() else {
            return;
        };
        let html = range.slice(self.source);
        let mut rest = String::new();
        let mut offset = 0;
        while let Some(start) = html.get(offset..).and_then(|h| h.find("<!--")) {
            let abs = offset + start;
            rest.push_str(html.get(offset..abs).unwrap_or(""));
            // An unclosed comment runs to the end of the block.
            let close = html
                .get(abs + 4..)
                .and_then(|h| h.find("-->"))
                .map(|i| abs + 4 + i);
            let end = close.map_or(html.len(), |i| i + 3);
            let body = html.get(abs + 4..close.unwrap_or(html.len())).unwrap_or("");
            self.comments.push(Comment {
                body: body.trim().to_owned(),
                span: TextRange::new(range.start() + abs, range.start() + end),
            });
            offset = end;
        }
        rest.push_str(html.get(offset..).unwrap_or(""));
        let rest = rest.trim();
        if rest.is_empty() {
            return;
        }
        let tag = tag_name(rest).unwrap_or_else(|| "html".to_owned());
        self.layout.push(Layout {
            kind: LayoutKind::Html { tag },
            span: range,
        });
    }
}

/// The element name of an HTML tag: `<div class=x>` -> `div`.
fn tag_name(html: &str) -> Option<String> {
    let rest = html.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

pub fn parse(source: &str, data: &Data) -> Resume {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_HEADING_ATTRIBUTES;
    options.remove(Options::ENABLE_SMART_PUNCTUATION);
    let mut c = Collector {
        source,
        raws: Vec::new(),
        layout: Vec::new(),
        comments: Vec::new(),
        current: None,
        list_depth: 0,
        image_depth: 0,
        code_block: false,
        html_block: None,
    };
    let mut resume = Resume {
        format: Format::Markdown,
        ..Resume::default()
    };
    let mut in_metadata = false;

    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        if !matches!(event, Event::Html(_)) {
            c.close_html_block();
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => c.open(RawKind::Heading(level as u8), range.start),
                // A paragraph inside a list item continues the item.
                Tag::Paragraph | Tag::DefinitionListTitle | Tag::DefinitionListDefinition
                    if c.list_depth == 0 || c.current.is_none() =>
                {
                    let kind = if c.list_depth > 0 {
                        RawKind::Item(c.list_depth - 1)
                    } else {
                        RawKind::Paragraph
                    };
                    c.open(kind, range.start);
                }
                Tag::List(_) => {
                    c.flush(range.start);
                    c.list_depth = c.list_depth.saturating_add(1);
                }
                Tag::Item => c.open(RawKind::Item(c.list_depth.saturating_sub(1)), range.start),
                Tag::Table(_) => {
                    c.flush(range.start);
                    c.layout.push(Layout {
                        kind: LayoutKind::Table,
                        span: TextRange::from(range.clone()),
                    });
                }
                Tag::TableCell => c.open(RawKind::Cell, range.start),
                Tag::Image { dest_url, .. } => {
                    c.image_depth += 1;
                    let alt = range_alt(source, &range);
                    c.layout.push(Layout {
                        kind: LayoutKind::Image {
                            alt,
                            url: dest_url.to_string(),
                        },
                        span: TextRange::from(range.clone()),
                    });
                }
                Tag::Strong | Tag::Emphasis => c.mark_emphasis(),
                Tag::CodeBlock(_) => {
                    c.flush(range.start);
                    c.code_block = true;
                }
                Tag::MetadataBlock(MetadataBlockKind::YamlStyle) => in_metadata = true,
                Tag::MetadataBlock(_) => in_metadata = true,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) | TagEnd::TableCell => c.flush(range.end),
                TagEnd::Paragraph
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                    if c.list_depth == 0 =>
                {
                    c.flush(range.end)
                }
                TagEnd::Item => c.flush(range.end),
                TagEnd::List(_) => {
                    c.flush(range.end);
                    c.list_depth = c.list_depth.saturating_sub(1);
                }
                TagEnd::Image => c.image_depth = c.image_depth.saturating_sub(1),
                TagEnd::CodeBlock => c.code_block = false,
                TagEnd::MetadataBlock(_) => in_metadata = false,
                _ => {}
            },
            Event::Text(text) => {
                if in_metadata {
                    front_matter(source, &text, range.start, &mut resume);
                } else {
                    c.push_text(&text, range);
                }
            }
            Event::Code(code) => c.push_text(&code, range),
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text, _, _)) = c.current.as_mut() {
                    text.push_mapped("\n", TextRange::from(range));
                }
            }
            Event::Html(html) => c.html(&html, range, true),
            Event::InlineHtml(html) => c.html(&html, range, false),
            _ => {}
        }
    }
    c.close_html_block();
    c.flush(source.len());

    resume.layout = c.layout;
    resume.comments = c.comments;
    structure(source, c.raws, data, &mut resume);
    resume
}

/// The alt text of an image, read from the source `![alt](url)`.
fn range_alt(source: &str, range: &std::ops::Range<usize>) -> String {
    let src = source.get(range.clone()).unwrap_or("");
    src.strip_prefix("![")
        .and_then(|s| s.split_once(']'))
        .map(|(alt, _)| alt.to_owned())
        .unwrap_or_default()
}

/// Front matter `key: value` lines, read as fields; `resume: true` marks a resume.
fn front_matter(source: &str, body: &str, base: usize, resume: &mut Resume) {
    // The event text may be the source itself; if not, fall back to mapping the whole block.
    let verbatim = source.get(base..base + body.len()) == Some(body);
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if !verbatim || line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key_trim = key.trim();
        if key_trim.is_empty() {
            continue;
        }
        let key_start = base + start + (key.len() - key.trim_start().len());
        let value_lead = value.len() - value.trim_start().len();
        let value_trim = value.trim().trim_matches(['"', '\'']);
        let value_start = base
            + start
            + key.len()
            + 1
            + value_lead
            + usize::from(value.trim_start().starts_with(['"', '\'']));
        let path = key_trim.to_lowercase();
        if matches!(path.as_str(), "resume" | "hirelint")
            && matches!(
                value_trim.to_ascii_lowercase().as_str(),
                "true" | "yes" | "resume"
            )
        {
            resume.declares_resume = true;
        }
        if path == "layout" && matches!(value_trim.to_ascii_lowercase().as_str(), "resume" | "cv") {
            resume.declares_resume = true;
        }
        let value = (!value_trim.is_empty()).then(|| {
            Text::verbatim(
                source,
                TextRange::new(value_start, value_start + value_trim.len()),
            )
        });
        resume.fields.push(Field {
            path,
            key: Text::verbatim(
                source,
                TextRange::new(key_start, key_start + key_trim.len()),
            ),
            value,
        });
    }
}

/// A plain-text heading: a line of capitals that names a known section ("EXPERIENCE",
/// "WORK HISTORY:"), as plain-text resumes and converted PDFs write them.
fn is_plain_heading(line: &str, data: &Data) -> bool {
    let letters = || line.chars().filter(|c| c.is_alphabetic());
    line.len() <= 40
        && letters().count() >= 3
        && letters().all(char::is_uppercase)
        && data.headings.classify(line) != HeadingMatch::Unknown
}

/// In a document without Markdown section headings, a paragraph that opens with a
/// plain-text heading line becomes that heading plus the rest of the paragraph.
fn plain_headings(raws: Vec<Raw>, data: &Data) -> Vec<Raw> {
    let has_markdown_sections = raws.iter().any(|r| {
        matches!(r.kind, RawKind::Heading(_))
            && data.headings.classify(r.text.as_str()) != HeadingMatch::Unknown
    });
    if has_markdown_sections {
        return raws;
    }
    let mut out = Vec::with_capacity(raws.len());
    for raw in raws {
        let s = raw.text.as_str();
        let first_end = s.find('\n').unwrap_or(s.len());
        let first = s.get(..first_end).unwrap_or(s);
        if !matches!(raw.kind, RawKind::Paragraph) || !is_plain_heading(first.trim(), data) {
            out.push(raw);
            continue;
        }
        let heading = raw.text.sub(0..first_end).trimmed();
        let span = heading.span();
        out.push(Raw {
            kind: RawKind::Heading(2),
            text: heading,
            span,
            emphasis_start: false,
        });
        let rest = raw.text.sub(first_end..s.len()).trimmed();
        if !rest.is_empty() {
            out.push(Raw {
                kind: RawKind::Paragraph,
                span: TextRange::new(rest.span().start(), raw.span.end()),
                text: rest,
                emphasis_start: false,
            });
        }
    }
    out
}

/// Pass 2: sections, roles and blocks.
fn structure(source: &str, raws: Vec<Raw>, data: &Data, resume: &mut Resume) {
    let raws = plain_headings(raws, data);
    let headings = &data.headings;
    // The section level: the shallowest level that has a known section heading; else 2
    // when there are level-2 headings, else 1.
    let levels = raws.iter().filter_map(|r| match r.kind {
        RawKind::Heading(l) => Some((l, r)),
        _ => None,
    });
    let known = levels
        .clone()
        .filter(|(_, r)| headings.classify(r.text.as_str()) != HeadingMatch::Unknown)
        .map(|(l, _)| l)
        .min();
    let section_level = known.unwrap_or_else(|| {
        if levels.clone().any(|(l, _)| l == 2) {
            2
        } else {
            1
        }
    });
    // A lone top-level heading above the sections is the name, not a section.
    let first_heading_is_name = raws
        .iter()
        .find(|r| matches!(r.kind, RawKind::Heading(_)))
        .is_some_and(|r| {
            matches!(r.kind, RawKind::Heading(l) if l == section_level)
                && headings.classify(r.text.as_str()) == HeadingMatch::Unknown
                && raws
                    .iter()
                    .filter(|x| matches!(x.kind, RawKind::Heading(l) if l == section_level))
                    .count()
                    > 1
                && section_level == 1
        });

    let mut section: Option<usize> = None;
    let mut role: Option<usize> = None;
    let mut role_has_bullets = false;
    let mut header_end: Option<usize> = None;
    let mut seen_name = false;

    let close_role = |resume: &mut Resume, role: Option<usize>, end: usize| {
        if let Some(r) = role.and_then(|i| resume.roles.get_mut(i)) {
            r.span = TextRange::new(r.span.start(), end.max(r.span.start()));
        }
    };
    let close_section = |resume: &mut Resume, section: Option<usize>, end: usize| {
        if let Some(s) = section.and_then(|i| resume.sections.get_mut(i)) {
            s.span = TextRange::new(s.span.start(), end.max(s.span.start()));
        }
    };

    for raw in raws {
        match raw.kind {
            RawKind::Heading(level) => {
                let is_name = !seen_name && first_heading_is_name;
                seen_name = true;
                if level < section_level || is_name {
                    resume.blocks.push(Block {
                        kind: BlockKind::Field,
                        text: raw.text,
                        section: None,
                        role: None,
                        depth: 0,
                        key: Some("name".to_owned()),
                    });
                    continue;
                }
                if level == section_level {
                    close_role(resume, role, raw.span.start());
                    close_section(resume, section, raw.span.start());
                    role = None;
                    header_end.get_or_insert(raw.span.start());
                    let kind = headings.section_of(raw.text.as_str());
                    resume.sections.push(Section {
                        heading: Some(raw.text.clone()),
                        kind,
                        span: raw.span,
                        level,
                    });
                    section = Some(resume.sections.len() - 1);
                    resume
                        .blocks
                        .push(Block::new(BlockKind::Heading, raw.text, section, None, 0));
                } else {
                    // A sub-heading: a role (or an entry such as a degree or a project).
                    close_role(resume, role, raw.span.start());
                    let dates = date_span(raw.text.as_str()).map(|r| raw.text.sub(r));
                    role = Some(start_role(resume, section, &raw, dates));
                    role_has_bullets = false;
                    resume.blocks.push(Block::new(
                        BlockKind::RoleHeader,
                        raw.text,
                        section,
                        role,
                        0,
                    ));
                }
            }
            RawKind::Paragraph | RawKind::Cell => {
                let kind_of_section = section.and_then(|i| resume.sections.get(i)).map(|s| s.kind);
                // Pseudo-bullets: lines that open with "•" and the like, from the first on.
                let first_line = raw
                    .text
                    .as_str()
                    .split('\n')
                    .map(str::trim)
                    .find(|l| !l.is_empty());
                if first_line.is_some_and(|l| l.starts_with(PSEUDO_BULLETS)) {
                    for line in split_lines(&raw.text) {
                        let s = line.as_str();
                        let glyph = s.chars().next().map_or(0, char::len_utf8);
                        let item = line.sub(glyph..s.len()).trimmed();
                        if item.is_empty() {
                            continue;
                        }
                        role_has_bullets |= role.is_some();
                        resume
                            .blocks
                            .push(Block::new(BlockKind::Bullet, item, section, role, 0));
                    }
                    continue;
                }
                let in_roles = kind_of_section.is_some_and(|k| {
                    k.has_achievements() || matches!(k, SectionKind::Education | SectionKind::Other)
                });
                let may_be_role_line = matches!(raw.kind, RawKind::Paragraph)
                    && in_roles
                    && raw.text.as_str().lines().count() <= 3;
                // Dates are read only where they can make a role line.
                let dated = may_be_role_line
                    .then(|| date_span(raw.text.as_str()))
                    .flatten();
                let is_role_line = may_be_role_line
                    && (raw.emphasis_start
                        || dated.is_some()
                            && raw.text.as_str().len() <= 120
                            && !raw.text.as_str().trim_end().ends_with(['.', '!', '?']));
                if is_role_line {
                    let attach = role.is_some_and(|i| {
                        !role_has_bullets && resume.roles.get(i).is_some_and(|r| r.dates.is_none())
                    });
                    if attach && let Some(r) = role.and_then(|i| resume.roles.get_mut(i)) {
                        r.dates = dated.map(|d| raw.text.sub(d));
                    } else {
                        close_role(resume, role, raw.span.start());
                        role = Some(start_role(
                            resume,
                            section,
                            &raw,
                            dated.map(|d| raw.text.sub(d)),
                        ));
                        role_has_bullets = false;
                    }
                    resume.blocks.push(Block::new(
                        BlockKind::RoleHeader,
                        raw.text,
                        section,
                        role,
                        0,
                    ));
                    continue;
                }
                let kind = if kind_of_section == Some(SectionKind::Summary) {
                    BlockKind::Summary
                } else {
                    BlockKind::Paragraph
                };
                resume
                    .blocks
                    .push(Block::new(kind, raw.text, section, role, 0));
            }
            RawKind::Item(depth) => {
                role_has_bullets |= role.is_some();
                resume.blocks.push(Block::new(
                    BlockKind::Bullet,
                    raw.text,
                    section,
                    role,
                    depth,
                ));
            }
        }
    }
    close_role(resume, role, source.len());
    close_section(resume, section, source.len());
    resume.header_end = header_end.unwrap_or(source.len());
}

/// Opens a role at `raw` (a sub-heading or a role line); returns its index.
fn start_role(
    resume: &mut Resume,
    section: Option<usize>,
    raw: &Raw,
    dates: Option<Text>,
) -> usize {
    resume.roles.push(Role {
        section,
        header: Some(raw.text.clone()),
        dates,
        end: None,
        open_ended: false,
        span: raw.span,
        period: Default::default(),
    });
    resume.roles.len() - 1
}

/// Splits a text at its line breaks, keeping each line's mapping.
fn split_lines(text: &Text) -> Vec<Text> {
    let s = text.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, ch) in s.char_indices() {
        if ch == '\n' {
            out.push(text.sub(start..i).trimmed());
            start = i + 1;
        }
    }
    out.push(text.sub(start..s.len()).trimmed());
    out.retain(|t| !t.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Resume;

    fn parse(src: &str) -> Resume {
        Resume::parse(src, Format::Markdown, &Data::builtin())
    }

    const SAMPLE: &str = "---\nresume: true\n---\n# Ada Lovelace\n\nada@example.com · (555) 010-0000\n\n## Summary\n\nEngineer who ships.\n\n## Work History\n\n### Analyst, Engine Co — Jan 2020 – Present\n\n- Helped build the *Analytical* Engine\n  - nested detail\n- Cut costs by 20%\n\n**Tutor**, Home School | 2018 – 2019\n\n• Taught maths\n• Wrote notes\n\n## Education\n\nBSc, 2017\n";

    #[test]
    fn sections_roles_and_bullets() {
        let r = parse(SAMPLE);
        assert!(r.declares_resume);
        let sections: Vec<(&str, SectionKind)> = r
            .sections
            .iter()
            .map(|s| (s.heading.as_ref().map_or("", |h| h.as_str()), s.kind))
            .collect();
        assert_eq!(
            sections,
            [
                ("Summary", SectionKind::Summary),
                ("Work History", SectionKind::Experience),
                ("Education", SectionKind::Education)
            ]
        );
        let bullets: Vec<(&str, u8, Option<usize>)> = r
            .bullets()
            .map(|b| (b.text.as_str(), b.depth, b.role))
            .collect();
        assert_eq!(
            bullets,
            [
                ("Helped build the Analytical Engine", 0, Some(0)),
                ("nested detail", 1, Some(0)),
                ("Cut costs by 20%", 0, Some(0)),
                ("Taught maths", 0, Some(1)),
                ("Wrote notes", 0, Some(1)),
            ]
        );
        assert_eq!(r.roles.len(), 3, "{:#?}", r.roles);
        let dates: Vec<&str> = r
            .roles
            .iter()
            .filter_map(|r| r.dates.as_ref())
            .map(Text::as_str)
            .collect();
        assert_eq!(dates, ["Jan 2020 – Present", "2018 – 2019", "2017"]);
        assert_eq!(r.header_end, SAMPLE.find("## Summary").unwrap_or(0));
        let summary: Vec<&str> = r
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Summary)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(summary, ["Engineer who ships."]);
    }

    #[test]
    fn spans_land_on_the_source_words() {
        let r = parse(SAMPLE);
        let first = r
            .bullets()
            .next()
            .map(|b| b.text.clone())
            .unwrap_or_default();
        let pos = first.as_str().find("Analytical").unwrap_or(0);
        assert_eq!(
            first.source_range(pos..pos + 10).slice(SAMPLE),
            "Analytical"
        );
        assert_eq!(first.source_range(0..6).slice(SAMPLE), "Helped");
    }

    #[test]
    fn layout_and_comments() {
        let src = "# A\n\n![me](photo.jpg)\n\n<div class=\"cols\">\nx\n</div>\n\n<!-- hirelint-disable-next-line weak-opener -->\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let r = parse(src);
        let kinds: Vec<&LayoutKind> = r.layout.iter().map(|l| &l.kind).collect();
        assert!(matches!(kinds[0], LayoutKind::Image { url, .. } if url == "photo.jpg"));
        assert!(matches!(kinds[1], LayoutKind::Html { tag } if tag == "div"));
        assert!(matches!(kinds[2], LayoutKind::Table));
        assert_eq!(r.comments.len(), 1);
        assert_eq!(r.comments[0].body, "hirelint-disable-next-line weak-opener");
    }

    #[test]
    fn setext_headings_and_entities() {
        let src = "Jane Doe\n========\n\nExperience\n----------\n\n- Led R&amp;D team\n";
        let r = parse(src);
        assert_eq!(r.sections.len(), 1);
        assert_eq!(r.sections[0].kind, SectionKind::Experience);
        let b = r
            .bullets()
            .next()
            .map(|b| b.text.clone())
            .unwrap_or_default();
        assert_eq!(b.as_str(), "Led R&D team");
        assert_eq!(b.source_range(4..7).slice(src), "R&amp;D");
    }

    #[test]
    fn definition_lists_heading_attributes_and_dated_sentences() {
        let src = "# Jane\n\n## Skills {#skills}\n\nWeb Design\n: Assertively exemplify.\n\n## Experience\n\nSince 2008 I've been building things for people who need them done right.\n";
        let r = parse(src);
        assert_eq!(r.sections[0].kind, SectionKind::Skills);
        assert_eq!(
            r.sections[0].heading.as_ref().map(Text::as_str),
            Some("Skills")
        );
        let texts: Vec<&str> = r.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"Web Design"), "{texts:?}");
        assert!(texts.contains(&"Assertively exemplify."), "{texts:?}");
        assert!(r.roles.is_empty(), "{:?}", r.roles);
    }

    #[test]
    fn multi_line_comments_are_comments() {
        let src = "# A\n\n<!--\nhirelint-disable-file\n-->\n\n<!-- one -->\n<div>x</div>\n";
        let r = parse(src);
        let bodies: Vec<&str> = r.comments.iter().map(|c| c.body.as_str()).collect();
        assert_eq!(bodies, ["hirelint-disable-file", "one"]);
        assert_eq!(r.layout.len(), 1, "{:?}", r.layout);
    }

    #[test]
    fn plain_text_capital_headings_are_sections() {
        let src = "SARAH JOHNSON\nEngineer | sarah@example.com\n\nEXPERIENCE\nAcme, Engineer, Jan 2022 - Present\n- Built a pipeline for 10M events a day\n\nEDUCATION\nState University, B.S., 2016 - 2020\n";
        let r = parse(src);
        let kinds: Vec<SectionKind> = r.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SectionKind::Experience, SectionKind::Education]);
        assert_eq!(
            r.sections[0].heading.as_ref().map(|h| h.span().slice(src)),
            Some("EXPERIENCE")
        );
        let bullet = r.bullets().next().expect("bullet");
        assert_eq!(bullet.role, Some(0));
        assert_eq!(
            r.roles[0].dates.as_ref().map(Text::as_str),
            Some("Jan 2022 - Present")
        );
        // "SARAH JOHNSON" is a name, not a section; with Markdown headings, capitals stay text.
        let md = "# Jane\n\n## Experience\n\nSKILLS\n\n- Built a pipeline for 10 teams\n";
        assert_eq!(parse(md).sections.len(), 1);
    }
}
