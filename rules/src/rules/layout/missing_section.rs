use super::nonstandard_heading::{label_range, nearest};
use crate::data::Headings;
use crate::data::headings::{HeadingMatch, MAX_HEADING_LEN, is_word_separator, normalize};
use crate::document::{BlockKind, Format, SectionKind};
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Flags a resume with no Experience, no Education or no Skills section: one diagnostic
    /// per missing section, on the first line of the document.
    ///
    /// A section counts when its heading is a standard one, a synonym or a near miss (those
    /// are `nonstandard-heading`'s business), or names the section among other words
    /// ("Research Experience", "Technical Skills & Tools"). A plain-text line such as
    /// "EXPERIENCE" counts as a heading. In YAML and JSON the section keys count: `work`,
    /// `education`, `skills` (JSON Resume), `employment` (FRESH), `cv.sections.<title>`
    /// (RenderCV), when they hold something.
    ///
    /// A Volunteer section stands in for Experience, and an academic CV (one with a
    /// Publications section) is not asked for a Skills section. An empty document is
    /// left alone.
    ///
    /// ## Why is this bad?
    /// Recruiters and ATS filters look for three things first: where you worked, what you
    /// studied, what you can do. The US resume guide: "Include ... standard section headings
    /// (Experience, Education, Skills)" and "List your skills in a dedicated skills
    /// section". A missing section reads as missing qualifications, and an ATS that ranks
    /// on skills finds none to match.
    ///
    /// ## Example
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ## Experience
    ///
    /// - Wrote the first published algorithm for the Analytical Engine
    ///
    /// ## Education
    ///
    /// Private tutoring in mathematics, 1830s
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ## Experience
    ///
    /// - Wrote the first published algorithm for the Analytical Engine
    ///
    /// ## Education
    ///
    /// Private tutoring in mathematics, 1830s
    ///
    /// ## Skills
    ///
    /// Mathematics, algorithm design, technical writing
    /// ```
    pub struct MissingSection {
        id: "missing-section",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for MissingSection {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        if !judged_as_whole_resume(cx) {
            return;
        }
        let markers = cx.section_markers();
        let present: HashSet<SectionKind> = markers.iter().map(|m| m.kind).collect();
        let has = |k: SectionKind| present.contains(&k);
        let headings = &cx.data().headings;
        let anchor = doc_anchor(cx);
        let mut missing = Vec::new();
        if !has(SectionKind::Experience) && !has(SectionKind::Volunteer) {
            missing.push(SectionKind::Experience);
        }
        if !has(SectionKind::Education) {
            missing.push(SectionKind::Education);
        }
        if !has(SectionKind::Skills) && !has(SectionKind::Publications) {
            missing.push(SectionKind::Skills);
        }
        for kind in missing {
            sink.report(
                anchor,
                format!("No \"{}\" section in the resume", headings.standard(kind)),
            );
        }
    }
}

/// Whether the rules about what a resume lacks (missing-section, missing-contact) judge
/// this document as a whole resume. A YAML / JSON file without a resume schema (JSON
/// Resume, RenderCV, FRESH) and with fewer than two resume sections (a site's
/// `_config.yml`, a `_data/experience.yml` fragment) is not; Markdown is. Neither is an
/// empty document, or one that a syntax error cut short.
pub(crate) fn judged_as_whole_resume(cx: &Context<'_>) -> bool {
    let empty = match cx.resume.format {
        Format::Markdown => cx.resume.blocks.is_empty(),
        Format::Yaml | Format::Json => cx.resume.fields.is_empty(),
    };
    if cx.source.trim().is_empty() || cx.resume.is_truncated() || empty {
        return false;
    }
    let kinds: HashSet<SectionKind> = cx.section_markers().iter().map(|m| m.kind).collect();
    cx.resume.format == Format::Markdown || cx.resume.declares_resume || kinds.len() >= 2
}

/// Where a section starts and which standard section it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Marker {
    pub start: usize,
    pub kind: SectionKind,
}

/// The standard sections the document has, in source order. Markdown: headings (at any
/// level) and plain-text heading lines; YAML / JSON: the reader's sections and the keys
/// that hold something.
pub(crate) fn section_markers(cx: &Context<'_>) -> Vec<Marker> {
    let headings = &cx.data().headings;
    let mut out = Vec::new();
    if cx.resume.format == Format::Markdown {
        for (i, block) in cx.resume.blocks.iter().enumerate() {
            let text = block.text.as_str();
            let first = text.split('\n').next().unwrap_or("");
            let is_heading = match block.kind {
                BlockKind::Heading => true,
                // A heading above the section level ("# Experience Entries" over "##"
                // entries) is read as a name; only the first one is the name.
                BlockKind::Field => i > 0 && block.key.as_deref() == Some("name"),
                BlockKind::RoleHeader | BlockKind::Paragraph | BlockKind::Summary => {
                    first == text || is_all_caps(first)
                }
                BlockKind::Bullet => false,
            };
            if !is_heading {
                continue;
            }
            if let Some(kind) = label_range(first)
                .and_then(|r| first.get(r))
                .and_then(|label| loose_kind(headings, label))
            {
                out.push(Marker {
                    start: block.text.span().start(),
                    kind,
                });
            }
        }
        return out;
    }
    // A section key with nothing in it (`"skills": []`) is not a section.
    let filled: HashSet<usize> = cx.resume.blocks.iter().filter_map(|b| b.section).collect();
    for (i, section) in cx.resume.sections.iter().enumerate() {
        if !filled.contains(&i) {
            continue;
        }
        let kind = match section.kind {
            SectionKind::Other => section
                .heading
                .as_ref()
                .and_then(|h| loose_kind(headings, &h.as_str().replace('_', " "))),
            kind => Some(kind),
        };
        if let Some(kind) = kind {
            out.push(Marker {
                start: section.span.start(),
                kind,
            });
        }
    }
    let parents: HashSet<&str> = cx
        .resume
        .fields
        .iter()
        .filter_map(|f| f.path.rsplit_once('.').map(|(p, _)| p))
        .collect();
    for field in &cx.resume.fields {
        let filled = field
            .value
            .as_ref()
            .is_some_and(|v| !v.as_str().trim().is_empty())
            || parents.contains(field.path.as_str());
        if !filled {
            continue;
        }
        let segments: Vec<&str> = field.path.split('.').collect();
        let kind = match segments.as_slice() {
            [key] => headings.section_of_key(key),
            ["cv", "sections", title] => headings
                .section_of_key(title)
                .or_else(|| loose_kind(headings, &title.replace('_', " "))),
            _ => None,
        };
        if let Some(kind) = kind {
            out.push(Marker {
                start: field.key.span().start(),
                kind,
            });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// The standard section a heading names: accepted, synonym, near miss, or a short
/// heading that contains the section's word ("Research Experience", "Core Skills").
pub(crate) fn loose_kind(headings: &Headings, label: &str) -> Option<SectionKind> {
    // Normalized once for the three tests below (each used to normalize on its own).
    // A line longer than any heading (even two typos away) and of more than five words
    // passes none of the tests below. Normalizing keeps every ASCII letter and digit, and
    // every word that has one: counting them bounds the normalized line from below.
    let has_alnum = |w: &str| w.bytes().any(|b| b.is_ascii_alphanumeric());
    if label.bytes().filter(u8::is_ascii_alphanumeric).count() > headings.longest() + 2
        && label
            .split(is_word_separator)
            .filter(|w| has_alnum(w))
            .nth(5)
            .is_some()
    {
        return None;
    }
    let norm = normalize(label);
    if label.len() <= MAX_HEADING_LEN {
        match headings.classify_normalized(&norm) {
            HeadingMatch::Accepted(kind) | HeadingMatch::Synonym(kind) => return Some(kind),
            HeadingMatch::Unknown => {}
        }
    }
    if label.is_ascii()
        && let Some((_, kind)) = nearest(headings, &norm)
    {
        return Some(kind);
    }
    let words: Vec<&str> = norm.split(' ').collect();
    if words.len() > 5 {
        return None;
    }
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    if has(&["experience", "employment", "positions", "appointments"]) {
        Some(SectionKind::Experience)
    } else if has(&["education"]) {
        Some(SectionKind::Education)
    } else if has(&["skills", "competencies"]) {
        Some(SectionKind::Skills)
    } else if has(&["publications"]) {
        Some(SectionKind::Publications)
    } else {
        None
    }
}

/// A line of capitals ("EXPERIENCE", "WORK HISTORY"): a plain-text heading.
fn is_all_caps(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) && line.len() <= 40
}

/// Where a whole-document diagnostic goes: the first line of text (the name, in most
/// resumes); in YAML / JSON the first key.
pub(crate) fn doc_anchor(cx: &Context<'_>) -> TextRange {
    if cx.resume.format == Format::Markdown
        && let Some(block) = cx.resume.blocks.first()
    {
        let text = &block.text;
        let end = text.as_str().find('\n').unwrap_or(text.as_str().len());
        let range = text.source_range(0..end);
        if !range.is_empty() {
            return range;
        }
    }
    if cx.resume.format != Format::Markdown
        && let Some(field) = cx.resume.fields.iter().min_by_key(|f| f.key.span().start)
    {
        let span = field.key.span();
        if !span.is_empty() {
            return span;
        }
    }
    first_line(cx.source)
}

/// The first non-blank line, trimmed.
fn first_line(source: &str) -> TextRange {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            return TextRange::new(offset + lead, offset + lead + trimmed.len());
        }
        offset += line.len();
    }
    TextRange::empty(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const RULE: RuleId = RuleId::MissingSection;
    const MD: Format = Format::Markdown;

    #[test]
    fn each_missing_section_is_reported_on_the_first_line() {
        let text = "# Ada Lovelace\n\nada@example.com\n\n## Summary\n\nEngineer.\n";
        assert_eq!(
            messages(RULE, MD, text),
            [
                "No \"Experience\" section in the resume",
                "No \"Education\" section in the resume",
                "No \"Skills\" section in the resume"
            ]
        );
        assert_eq!(flagged(RULE, MD, text), ["Ada Lovelace"; 3]);
    }

    #[test]
    fn accepted_synonym_misspelled_and_loose_headings_count() {
        let text = "# Ada\n\n## Work History\n\n- Built\n\n## Educaton\n\nBSc\n\n## Technical Skills & Tools\n\nRust\n";
        assert_clean(RULE, MD, text);
        let text =
            "# Ada\n\n## My Journey\n\n- Built\n\n## EDUCATION\n\nBSc\n\n## Toolbox\n\nRust\n";
        assert_clean(RULE, MD, text);
        let text = "# Ada\n\n## Research Experience\n\n- Built\n\n## Education {#edu}\n\nBSc\n\n## Core Competencies\n\nRust\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn plain_text_headings_count() {
        let text = "ADA LOVELACE\nEngineer | ada@example.com\n\nEXPERIENCE\nEngine Co, Analyst, 2020 - Present\n- Built\n\nEDUCATION\nUniversity, BSc, 2019\n\nSKILLS\nLanguages: Rust\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn headings_above_section_level() {
        let text = "# Ada's CV\n\n# Experience Entries\n\n## Engineer\n\n# Education Entries\n\n## BSc\n\n# Skills\n\n## Rust\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn chinese_headings() {
        let text = "# 杜少陵\n\n### 简介 {#profile}\n\n扎实的Java基础。\n\n### 技能 {#skills}\n\n- Android\n\n### 工作经验 {#experience}\n\n- 开发\n\n### 学历 {#degree}\n\n- 大学\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn volunteer_and_academic_cvs() {
        let text = "# Ada\n\n## Volunteer Experience\n\n- Taught\n\n## Education\n\nBSc\n\n## Skills\n\nRust\n";
        assert_clean(RULE, MD, text);
        let text = "# Ada\n\n## Experience\n\n- Taught\n\n## Education\n\nPhD\n\n## Publications\n\n- A paper\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn bullets_and_sentences_are_not_headings() {
        let text = "# Ada\n\n## Experience\n\n- Education\n\nSkills in Rust and Go were key to the migration.\n";
        assert_eq!(
            messages(RULE, MD, text),
            [
                "No \"Education\" section in the resume",
                "No \"Skills\" section in the resume"
            ]
        );
    }

    #[test]
    fn yaml_that_is_not_a_resume_is_quiet() {
        assert_clean(
            RULE,
            Format::Yaml,
            "title: My site\ntheme: minima\nauthor: Ada\n",
        );
        let academic = "cv:\n  name: Ada\n  sections:\n    academic_positions:\n      - institution: Uni\n        position: Lecturer\n    education:\n      - institution: Uni\n    publications:\n      - title: A paper\n";
        assert_clean(RULE, Format::Yaml, academic);
    }

    #[test]
    fn empty_document_is_quiet() {
        assert_clean(RULE, MD, "");
        assert_clean(RULE, MD, "\n\n");
        assert_clean(RULE, Format::Json, "{}");
    }

    #[test]
    fn json_resume() {
        let good = r#"{"basics":{"name":"Ada","email":"ada@example.com","phone":"555-0100"},"work":[{"name":"Engine Co"}],"education":[{"institution":"Uni"}],"skills":[{"name":"Rust"}]}"#;
        assert_clean(RULE, Format::Json, good);
        let bad = r#"{"basics":{"name":"Ada"},"work":[{"name":"Engine Co"}],"education":[{"institution":"Uni"}],"skills":[]}"#;
        assert_eq!(
            messages(RULE, Format::Json, bad),
            ["No \"Skills\" section in the resume"]
        );
        assert_eq!(flagged(RULE, Format::Json, bad), ["basics"]);
    }

    #[test]
    fn yaml_fresh_and_rendercv() {
        let fresh = "name: Ada\nemployment:\n  history:\n    - employer: Engine Co\neducation:\n  history:\n    - institution: Uni\nskills:\n  sets:\n    - name: Languages\n";
        assert_clean(RULE, Format::Yaml, fresh);
        let rendercv = "cv:\n  name: Ada\n  sections:\n    experience:\n      - company: Engine Co\n    education:\n      - institution: Uni\n";
        assert_eq!(
            messages(RULE, Format::Yaml, rendercv),
            ["No \"Skills\" section in the resume"]
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_is_clean() {
        crate::rules::layout::check_doc(RULE, MissingSection::META.doc);
    }
}
