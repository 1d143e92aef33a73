//! YAML and JSON resumes (JSON is read as YAML): JSON Resume, RenderCV, FRESH, and a
//! best-effort reading of other shapes.
//!
//! The source is read into a small tree with byte spans (`tree`), every scalar as a `Text`
//! mapped exactly to its source (`scalar`), then the tree is walked into the `Resume`
//! model: sections from section keys, roles from entries of experience-like lists,
//! bullets from `highlights`-like lists, fields from every key.

mod chars;
mod scalar;
mod tree;

use super::{Block, BlockKind, Comment, Field, Format, Resume, Role, Section, SectionKind, Text};
use crate::data::Data;
use crate::span::TextRange;
use tree::{Node, NodeKind, Tree};

/// Reads a YAML or JSON document into the resume model. Never fails: problems (syntax
/// errors, duplicate keys) are in `Resume::problems`, and what was read before an error
/// is in the model.
pub fn parse(source: &str, format: Format, data: &Data) -> Resume {
    let tree = tree::build(source);
    let mut walker = Walker {
        src: source,
        data,
        resume: Resume {
            format,
            ..Resume::default()
        },
        rendercv: false,
        path: String::new(),
    };
    walker.resume.comments = comments(source, &tree);
    for root in &tree.roots {
        if declares_resume(root) {
            walker.resume.declares_resume = true;
        }
        walker.rendercv |= root
            .get("cv")
            .is_some_and(|cv| matches!(cv.kind, NodeKind::Map(_)));
    }
    let Tree {
        roots, problems, ..
    } = tree;
    // The tree is consumed: its texts move into the model rather than being copied.
    for root in roots {
        walker.node(root, Ctx::default());
    }
    walker.resume.problems = problems;
    walker.resume.header_end = 0;
    walker.resume
}

/// Every string scalar of a YAML or JSON document with the dotted path of mapping keys
/// above it (lowercase; sequence items add nothing): `skills.keywords`, `title`. For
/// documents that are not resumes, such as a job posting.
pub(crate) fn scalars(source: &str) -> Vec<(String, Text)> {
    fn walk(node: &Node, path: &mut String, out: &mut Vec<(String, Text)>, depth: usize) {
        if depth > tree::MAX_DEPTH {
            return;
        }
        match &node.kind {
            NodeKind::Scalar { text, .. } if !node.is_non_string() => {
                out.push((path.clone(), text.clone()));
            }
            NodeKind::Seq(items) => {
                for item in items {
                    walk(item, path, out, depth + 1);
                }
            }
            NodeKind::Map(entries) => {
                for (key, value) in entries {
                    let Some(name) = key.scalar() else { continue };
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&name.as_str().trim().to_lowercase());
                    walk(value, path, out, depth + 1);
                    path.truncate(len);
                }
            }
            _ => {}
        }
    }
    let tree = tree::build(source);
    let mut out = Vec::new();
    for root in &tree.roots {
        walk(root, &mut String::new(), &mut out, 0);
    }
    out
}

/// JSON Resume, RenderCV or FRESH keys at the top level.
fn declares_resume(root: &Node) -> bool {
    let has = |k: &str| root.get(k).is_some();
    let json_resume = (has("basics") && (has("work") || has("education") || has("skills")))
        || root
            .get("$schema")
            .and_then(Node::scalar)
            .is_some_and(|t| t.as_str().to_ascii_lowercase().contains("jsonresume"));
    let rendercv = root
        .get("cv")
        .is_some_and(|cv| cv.get("sections").is_some() || cv.get("name").is_some());
    let fresh = has("employment")
        || has("info")
        || (has("contact") && has("name"))
        || root
            .get("meta")
            .and_then(|m| m.get("format"))
            .and_then(Node::scalar)
            .is_some_and(|t| t.as_str().to_ascii_lowercase().contains("fresh"));
    json_resume || rendercv || fresh
}

/// Every `# comment` outside scalars, before any syntax error.
fn comments(src: &str, tree: &Tree) -> Vec<Comment> {
    let limit = tree.error_at.unwrap_or(src.len());
    let spans = &tree.scalar_spans;
    let inside = |pos: usize| {
        let i = spans.partition_point(|r| r.end() <= pos);
        spans.get(i).is_some_and(|r| r.contains(pos))
    };
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    // The line after the last comment found: a line has at most one comment.
    let mut next_line = 0;
    // The start of the line of the last `#` seen, and where the search for it stopped.
    let (mut start, mut scanned) = (0, 0);
    // `#` is ASCII, so every match is a char boundary; most lines have none.
    for (pos, _) in src.match_indices('#') {
        if pos >= limit {
            break;
        }
        if let Some(i) = src.get(scanned..pos).and_then(|s| s.rfind('\n')) {
            start = scanned + i + 1;
        }
        scanned = pos;
        if pos < next_line {
            continue;
        }
        // After a space, a tab, a byte order mark, or at the start of the line.
        let before = pos.checked_sub(1).and_then(|i| bytes.get(i));
        let blank = pos == start
            || matches!(before, Some(b' ' | b'\t'))
            || src.get(start..pos).is_some_and(|s| s.ends_with('\u{feff}'));
        if !blank || inside(pos) {
            continue;
        }
        let line_end = src
            .get(pos..)
            .and_then(|s| s.find('\n'))
            .map_or(src.len(), |i| pos + i);
        next_line = line_end + 1;
        let body = src
            .get(pos..line_end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r']);
        let text = body.get(1..).unwrap_or("");
        out.push(Comment {
            body: text.trim().to_owned(),
            span: TextRange::new(pos, pos + body.len()),
        });
    }
    out
}

/// A highlight is split into at most this many sub-bullets.
const MAX_SUB_BULLETS: usize = 64;

/// Keys whose list items are achievement bullets.
const BULLET_KEYS: &[&str] = &[
    "highlights",
    "bullets",
    "achievements",
    "accomplishments",
    "responsibilities",
    "duties",
    "tasks",
    "contributions",
    "impact",
    "items",
    "points",
];

/// Keys whose value is a summary or description paragraph.
const SUMMARY_KEYS: &[&str] = &[
    "summary",
    "description",
    "about",
    "objective",
    "brief",
    "profile",
    "abstract",
    "bio",
    "overview",
    "introduction",
];

/// Other keys whose value is prose.
const PROSE_KEYS: &[&str] = &[
    "reference",
    "text",
    "content",
    "body",
    "note",
    "notes",
    "comment",
    "bullet",
];

/// Keys that mark an entry (list item) as a role.
const ROLE_KEYS: &[&str] = &["position", "company", "employer", "organization", "role"];

/// Keys that carry the role's title, best first.
const HEADER_KEYS: &[&str] = &[
    "position",
    "title",
    "role",
    "job_title",
    "jobtitle",
    "job",
    "company",
    "employer",
    "organization",
    "name",
];

/// Keys that carry the role's dates, best first.
const DATE_KEYS: &[&str] = &[
    "startdate",
    "start_date",
    "start",
    "date",
    "dates",
    "from",
    "period",
    "years",
];

/// Keys of `DATE_KEYS` that name a start: without an end date, the role goes on.
const START_KEYS: &[&str] = &["startdate", "start_date", "start", "from"];

/// Keys that carry the role's end date.
const END_KEYS: &[&str] = &["enddate", "end_date", "end", "to", "until"];

/// Section keys outside `headings.toml`.
fn extra_section_key(key: &str) -> Option<SectionKind> {
    match key {
        "service" | "volunteering" | "volunteer_experience" => Some(SectionKind::Volunteer),
        "history" | "work_history" | "career" => Some(SectionKind::Experience),
        "recognition" => Some(SectionKind::Awards),
        _ => None,
    }
}

/// `personalProjects` / `work-history` as words: "personal projects", "work history".
fn split_words(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    let mut prev_lower = false;
    for c in key.trim().chars() {
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        out.push(if c == '-' || c == '_' { ' ' } else { c });
    }
    out
}

/// Where a node sits. The dotted path of keys is `Walker::path` while the node is read.
#[derive(Clone, Copy, Default)]
struct Ctx<'k> {
    /// The key that holds the current node (for list items: the list's key), lowercase.
    key: Option<&'k str>,
    section: Option<usize>,
    role: Option<usize>,
    /// The node is an item of a list.
    in_list: bool,
    /// The node is an item of a RenderCV `cv.sections.<title>` list.
    section_entry: bool,
}

struct Walker<'d> {
    src: &'d str,
    data: &'d Data,
    resume: Resume,
    rendercv: bool,
    /// Lowercase dotted path of keys to the node being read (one buffer, pushed and
    /// truncated as the walk goes down and up).
    path: String,
}

impl Walker<'_> {
    fn section_kind(&self, ctx: &Ctx<'_>) -> Option<SectionKind> {
        ctx.section
            .and_then(|i| self.resume.sections.get(i))
            .map(|s| s.kind)
    }

    fn node(&mut self, node: Node, ctx: Ctx<'_>) {
        match node.kind {
            NodeKind::Scalar { .. } => {
                if !node.is_non_string()
                    && let NodeKind::Scalar { text, .. } = node.kind
                {
                    self.scalar(text, ctx);
                }
            }
            NodeKind::Seq(items) => {
                let item_ctx = Ctx {
                    in_list: true,
                    section_entry: self.rendercv
                        && self.path.starts_with("cv.sections.")
                        && self.path.matches('.').count() == 2,
                    ..ctx
                };
                for item in items {
                    self.node(item, item_ctx);
                }
            }
            NodeKind::Map(_) => {
                let mut ctx = ctx;
                if ctx.in_list && self.is_role(&node, &ctx) {
                    ctx.role = Some(self.role(&node, &ctx));
                }
                ctx.in_list = false;
                ctx.section_entry = false;
                if let NodeKind::Map(entries) = node.kind {
                    for (key, value) in entries {
                        self.entry(key, value, ctx);
                    }
                }
            }
            NodeKind::Alias | NodeKind::Skipped => {}
        }
    }

    fn is_role(&self, map: &Node, ctx: &Ctx<'_>) -> bool {
        if ROLE_KEYS.iter().any(|k| map.get(k).is_some()) {
            return true;
        }
        let achievements = self
            .section_kind(ctx)
            .is_some_and(SectionKind::has_achievements);
        achievements
            && HEADER_KEYS
                .iter()
                .chain(DATE_KEYS)
                .chain(BULLET_KEYS)
                .chain(SUMMARY_KEYS)
                .any(|k| map.get(k).is_some())
    }

    fn role(&mut self, map: &Node, ctx: &Ctx<'_>) -> usize {
        let scalar_of = |keys: &[&str]| {
            keys.iter()
                .filter_map(|k| map.get(k))
                // `endDate: null` is no end date; `startDate: 2020` (a number) is a date.
                .filter(|n| !n.is_null())
                .filter_map(Node::scalar)
                .find(|t| !t.as_str().trim().is_empty())
                .map(Text::trimmed)
        };
        let dates = scalar_of(DATE_KEYS);
        let end = scalar_of(END_KEYS);
        // A start date with no end date, or `endDate: null` / `""`: the role goes on. A
        // single `date:` (a RenderCV publication, an award) is a date, not a start.
        let has_start = START_KEYS.iter().any(|k| {
            map.get(k)
                .and_then(Node::scalar)
                .is_some_and(|t| !t.as_str().trim().is_empty())
        });
        self.resume.roles.push(Role {
            section: ctx.section,
            header: scalar_of(HEADER_KEYS),
            open_ended: has_start && end.is_none(),
            end,
            dates,
            span: map.span,
            period: Default::default(),
        });
        self.resume.roles.len() - 1
    }

    fn entry(&mut self, key: Node, value: Node, ctx: Ctx<'_>) {
        let key_span = key.span;
        let NodeKind::Scalar { text: key_text, .. } = key.kind else {
            // A complex key: read the value without a name.
            self.node(value, ctx);
            return;
        };
        let name = key_text.as_str().trim().to_lowercase();
        let parent_len = self.path.len();
        let at_root = self.path.is_empty();
        let in_cv_sections = self.path == "cv.sections";
        if !at_root {
            self.path.push('.');
        }
        self.path.push_str(&name);
        let mut child = Ctx {
            key: Some(&name),
            in_list: false,
            section_entry: false,
            ..ctx
        };
        if self.rendercv && in_cv_sections {
            // RenderCV: the key is the section title the PDF shows.
            let title = key_text.as_str().replace('_', " ");
            let kind = match self.data.headings.section_of(&title) {
                SectionKind::Other => self
                    .data
                    .headings
                    .section_of_key(&name)
                    .unwrap_or(SectionKind::Other),
                kind => kind,
            };
            let index = self.push_section(Some(key_text.clone()), kind, key_span.cover(value.span));
            self.resume.blocks.push(Block {
                kind: BlockKind::Heading,
                text: key_text.trimmed(),
                section: Some(index),
                role: None,
                depth: 0,
                key: None,
            });
            child.section = Some(index);
            child.role = None;
        } else if ctx.section.is_none() && ctx.role.is_none() {
            let kind = self
                .data
                .headings
                .section_of_key(&name)
                .or_else(|| extra_section_key(&name))
                // FRESH's `affiliation.history` lists memberships, not jobs (its jobs are
                // `employment.history`).
                .filter(|_| !(name == "history" && self.path.starts_with("affiliation.")))
                .or_else(|| {
                    self.data
                        .headings
                        .section_of_key(&split_words(key_text.as_str()))
                });
            let is_collection = matches!(value.kind, NodeKind::Seq(_) | NodeKind::Map(_));
            if let Some(kind) = kind
                && (is_collection || kind == SectionKind::Summary)
                && !(self.rendercv && at_root && name == "cv")
            {
                child.section = Some(self.push_section(None, kind, value.span));
            }
        }
        self.resume.fields.push(Field {
            path: self.path.clone(),
            key: key_text,
            value: value.scalar().cloned(),
        });
        self.node(value, child);
        self.path.truncate(parent_len);
    }

    fn push_section(&mut self, heading: Option<Text>, kind: SectionKind, span: TextRange) -> usize {
        self.resume.sections.push(Section {
            heading,
            kind,
            span,
            level: 0,
        });
        self.resume.sections.len() - 1
    }

    fn scalar(&mut self, text: Text, ctx: Ctx<'_>) {
        let value = text.as_str();
        let text = if value.trim().len() == value.len() {
            text
        } else {
            text.trimmed()
        };
        if text.is_empty() {
            return;
        }
        let key = ctx.key.unwrap_or("");
        let section = self.section_kind(&ctx);
        let words = text.as_str().split_whitespace().count();
        let achievements = ctx.role.is_some() || section.is_some_and(SectionKind::has_achievements);
        let kind = if (ctx.in_list && BULLET_KEYS.contains(&key)) || key == "bullet" {
            BlockKind::Bullet
        } else if ctx.in_list && achievements && (words >= 4 || SUMMARY_KEYS.contains(&key)) {
            // A list of sentences under a role, such as `description: [...]`.
            BlockKind::Bullet
        } else if ctx.section_entry {
            // A RenderCV text entry: a plain paragraph under a section title.
            if section == Some(SectionKind::Summary) {
                BlockKind::Summary
            } else {
                BlockKind::Paragraph
            }
        } else if SUMMARY_KEYS.contains(&key) && !ctx.in_list {
            let resume_level = ctx.role.is_none()
                && matches!(
                    section,
                    None | Some(SectionKind::Contact | SectionKind::Summary)
                );
            if resume_level {
                BlockKind::Summary
            } else {
                BlockKind::Paragraph
            }
        } else if PROSE_KEYS.contains(&key)
            || (ctx.in_list && SUMMARY_KEYS.contains(&key))
            || words >= 12
        {
            BlockKind::Paragraph
        } else {
            BlockKind::Field
        };
        let block = |kind, text, depth| Block {
            kind,
            text,
            section: ctx.section,
            role: ctx.role,
            depth,
            key: (kind == BlockKind::Field).then(|| key.to_owned()),
        };
        if kind == BlockKind::Bullet && text.as_str().contains(" - ") {
            for (i, piece) in self.split_sub_bullets(&text).into_iter().enumerate() {
                let depth = u8::from(i > 0);
                self.resume.blocks.push(block(kind, piece, depth));
            }
        } else {
            self.resume.blocks.push(block(kind, text, 0));
        }
    }

    /// RenderCV folds nested bullets into one string: "Did X - sub one - sub two" (the
    /// sub-bullets are continuation lines starting with "- "). Splits it; in other
    /// schemas only where the " - " is such a folded line break.
    fn split_sub_bullets(&self, text: &Text) -> Vec<Text> {
        let value = text.as_str();
        let mut pieces = Vec::new();
        let mut start = 0;
        for (i, _) in value.match_indices(" - ") {
            if i < start {
                continue;
            }
            if pieces.len() >= MAX_SUB_BULLETS {
                break;
            }
            // Outside RenderCV, only a folded line break (not a written space) splits.
            if !self.rendercv && text.source_range(i..i + 1).slice(self.src) == " " {
                continue;
            }
            let piece = text.sub(start..i).trimmed();
            if !piece.is_empty() {
                pieces.push(piece);
            }
            start = i + 3;
        }
        let last = text.sub(start..value.len()).trimmed();
        if !last.is_empty() {
            pieces.push(last);
        }
        pieces
    }
}

#[cfg(test)]
mod tests;
