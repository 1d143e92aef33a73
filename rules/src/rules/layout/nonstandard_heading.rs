use crate::data::Headings;
use crate::data::headings::{HeadingMatch, normalize};
use crate::diagnostic::{Edit, Fix};
use crate::document::{Format, Resume, SectionKind, Text};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags section headings that mean a standard section but that ATS parsers do not
    /// map to it: synonyms such as "My Journey" for "Experience", and misspellings such as
    /// "Educaton" or "Expereince". The fix replaces the heading text with the standard one
    /// and keeps the heading markers.
    ///
    /// Recognised headings ("Work History", "SKILLS", "Professional Summary") and headings
    /// that are not about a standard section ("Publications in Nature", "Leadership") stay
    /// quiet. Only section headings are checked: in Markdown the headings at section level,
    /// in RenderCV YAML the titles under `cv.sections`. The keys of JSON Resume and FRESH
    /// are schema, not headings.
    ///
    /// ## Why is this bad?
    /// An ATS files what it reads under the section it recognises from the heading. The US
    /// resume guide says to "use standard section headings like "Experience", "Skills",
    /// "Education", and "Projects"". Under a creative or misspelled heading, jobs and
    /// degrees can be filed as free text or dropped, and a recruiter skimming for
    /// "Experience" does not find it.
    ///
    /// ## Example
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ## My Journey
    ///
    /// ### Analyst, Engine Co (2020 – Present)
    ///
    /// ## Educaton
    ///
    /// BSc Mathematics, 2019
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ## Experience
    ///
    /// ### Analyst, Engine Co (2020 – Present)
    ///
    /// ## Education
    ///
    /// BSc Mathematics, 2019
    /// ```
    ///
    /// ## Fix
    /// A suggestion replacing the heading text with the standard heading, in capitals when
    /// the heading is in capitals.
    ///
    /// ## Known limits
    /// Headings outside the ASCII alphabet (a French or Chinese resume) are only checked
    /// against the synonym list, never for misspellings. A heading that differs from a
    /// standard one only by a trailing "s" ("Project", "Experiences") counts as standard.
    pub struct NonstandardHeading {
        id: "nonstandard-heading",
        category: Layout,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for NonstandardHeading {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let headings = &cx.data().headings;
        for section in &cx.resume.sections {
            let Some(heading) = &section.heading else {
                continue;
            };
            if cx.resume.format != Format::Markdown && !is_rendercv_title(cx.resume, heading) {
                continue;
            }
            let Some(range) = label_range(heading.as_str()) else {
                continue;
            };
            let Some(label) = heading.as_str().get(range.clone()) else {
                continue;
            };
            let spaced = label.replace('_', " ");
            let (message, suggestion) = match headings.classify(&spaced) {
                HeadingMatch::Accepted(_) => continue,
                HeadingMatch::Synonym(kind) => (
                    format!("Heading \"{label}\" is not a section name ATS parsers recognise"),
                    headings.standard(kind).to_owned(),
                ),
                HeadingMatch::Unknown => {
                    let Some((suggestion, _)) = near_miss(headings, &spaced) else {
                        continue;
                    };
                    (
                        format!("Heading \"{label}\" looks like a misspelling of \"{suggestion}\""),
                        suggestion,
                    )
                }
            };
            if suggestion.is_empty() {
                continue;
            }
            let replacement = styled_like(label, &suggestion);
            let source = heading.source_range(range.clone());
            let fixes = if heading.is_verbatim(range) && replacement != label {
                vec![Fix::suggestion(
                    format!("Replace \"{label}\" with \"{replacement}\""),
                    vec![Edit::replace(source, replacement)],
                )]
            } else {
                Vec::new()
            };
            sink.report_with(source, message, fixes);
        }
    }
}

/// Whether a YAML / JSON section heading is a RenderCV title (`cv.sections.<title>`).
fn is_rendercv_title(resume: &Resume, heading: &Text) -> bool {
    let span = heading.span();
    resume.fields.iter().any(|f| {
        f.path.starts_with("cv.sections.")
            && f.path.matches('.').count() == 2
            && f.key.span() == span
    })
}

/// The words of a heading: without decoration around them (emoji, a trailing colon) and
/// without a Pandoc attribute block (`Skills {#skills}`).
pub(crate) fn label_range(line: &str) -> Option<std::ops::Range<usize>> {
    let line_end = line.find('\n').unwrap_or(line.len());
    let mut end = line_end;
    let first_line = line.get(..line_end)?;
    if first_line.trim_end().ends_with('}')
        && let Some(open) = first_line.rfind(" {")
    {
        end = open;
    }
    let body = line.get(..end)?;
    let start = body.char_indices().find(|(_, c)| c.is_alphanumeric())?.0;
    let last = body
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric() || *c == ')')?;
    let stop = last.0 + last.1.len_utf8();
    (start < stop).then_some(start..stop)
}

/// The accepted heading `label` is a misspelling of, with its section: one or two typos
/// away (two only in long headings), same first letter, ASCII only. A heading that is a
/// prefix of an accepted one or the reverse ("Project", "Profil", "Experiences") is not a
/// misspelling.
pub(crate) fn near_miss(headings: &Headings, label: &str) -> Option<(String, SectionKind)> {
    if !label.is_ascii() {
        return None;
    }
    let (accepted, kind) = nearest(headings, &normalize(label))?;
    let standard = headings.standard(kind);
    let text = if standard.eq_ignore_ascii_case(accepted) {
        standard.to_owned()
    } else {
        title_case(accepted)
    };
    Some((text, kind))
}

/// `near_miss` on a normalized ASCII label, without building the suggestion text.
pub(crate) fn nearest<'h>(headings: &'h Headings, norm: &str) -> Option<(&'h str, SectionKind)> {
    let len = norm.len();
    if len < 5 {
        return None;
    }
    let limit = if len >= 12 { 2 } else { 1 };
    let first = norm.chars().next()?;
    let mut best: Option<(usize, &str, SectionKind)> = None;
    let mut ambiguous = false;
    for (accepted, kind) in headings.accepted() {
        if !accepted.starts_with(first) {
            continue;
        }
        if accepted.starts_with(norm) || norm.starts_with(accepted) {
            // A plural, a truncation or a longer heading: not a typo.
            if accepted.len().abs_diff(len) <= 2 {
                return None;
            }
            continue;
        }
        // The distance is at least the difference in length (in chars; `norm` is ASCII).
        if accepted.is_ascii() && accepted.len().abs_diff(len) > limit {
            continue;
        }
        let d = strsim::osa_distance(norm, accepted);
        if d == 0 || d > limit {
            continue;
        }
        match best {
            Some((bd, ba, bk)) if d == bd => {
                if bk != kind {
                    ambiguous = true;
                } else if accepted < ba {
                    best = Some((d, accepted, kind));
                }
            }
            Some((bd, _, _)) if d > bd => {}
            _ => {
                ambiguous = false;
                best = Some((d, accepted, kind));
            }
        }
    }
    if ambiguous {
        return None;
    }
    let (_, accepted, kind) = best?;
    Some((accepted, kind))
}

/// "work experience" -> "Work Experience"; "and", "of" stay lowercase.
fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && matches!(w, "and" | "of" | "the" | "in") {
                w.to_owned()
            } else {
                crate::matchers::capitalize(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `suggestion` written the way `label` is: capitals, or snake_case for YAML keys.
fn styled_like(label: &str, suggestion: &str) -> String {
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return suggestion.to_uppercase();
    }
    if label.contains('_') || (!letters.is_empty() && letters.iter().all(|c| c.is_lowercase())) {
        return suggestion.to_lowercase().replace(' ', "_");
    }
    suggestion.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{apply_fix, assert_clean, fix_titles, flagged, messages};

    const RULE: RuleId = RuleId::NonstandardHeading;
    const MD: Format = Format::Markdown;

    fn md(headings: &[&str]) -> String {
        let mut s = String::from("# Ada Lovelace\n\nada@example.com\n\n");
        for h in headings {
            s.push_str(&format!("## {h}\n\nSome text.\n\n"));
        }
        s
    }

    #[test]
    fn synonym_is_flagged_with_the_standard_heading() {
        let text = md(&["My Journey", "Education", "Skills"]);
        assert_eq!(flagged(RULE, MD, &text), ["My Journey"]);
        assert_eq!(
            messages(RULE, MD, &text),
            ["Heading \"My Journey\" is not a section name ATS parsers recognise"]
        );
        assert_eq!(
            fix_titles(RULE, MD, &text),
            ["Replace \"My Journey\" with \"Experience\""]
        );
        assert_eq!(
            apply_fix(RULE, MD, &text, 0),
            md(&["Experience", "Education", "Skills"])
        );
    }

    #[test]
    fn misspellings_are_flagged() {
        let text = md(&["Expereince", "Educaton", "Skils"]);
        assert_eq!(
            flagged(RULE, MD, &text),
            ["Expereince", "Educaton", "Skils"]
        );
        assert_eq!(
            messages(RULE, MD, &text).get(1).map(String::as_str),
            Some("Heading \"Educaton\" looks like a misspelling of \"Education\"")
        );
        let text = md(&["Educaton", "Experience", "Skills"]);
        assert_eq!(
            apply_fix(RULE, MD, &text, 0),
            md(&["Education", "Experience", "Skills"])
        );
        let text = md(&["Proffesional Experience", "Education"]);
        assert_eq!(
            fix_titles(RULE, MD, &text),
            ["Replace \"Proffesional Experience\" with \"Professional Experience\""]
        );
    }

    #[test]
    fn fix_keeps_markers_decoration_and_capitals() {
        let text = "# Ada\n\n## 💼 MY JOURNEY:\n\n- Built engines\n\n## Education\n";
        assert_eq!(flagged(RULE, MD, text), ["MY JOURNEY"]);
        assert_eq!(
            apply_fix(RULE, MD, text, 0),
            "# Ada\n\n## 💼 EXPERIENCE:\n\n- Built engines\n\n## Education\n"
        );
        let setext = "Ada\n===\n\nEducaton\n--------\n\nBSc\n\nSkills\n------\n\nRust\n";
        assert_eq!(
            apply_fix(RULE, MD, setext, 0),
            "Ada\n===\n\nEducation\n--------\n\nBSc\n\nSkills\n------\n\nRust\n"
        );
    }

    #[test]
    fn emphasis_inside_the_heading_gets_no_fix() {
        let text = "# Ada\n\n## **My** Journey\n\n- Built\n\n## Skills\n";
        assert_eq!(flagged(RULE, MD, text), ["My** Journey"]);
        assert!(fix_titles(RULE, MD, text).is_empty());
    }

    #[test]
    fn accepted_headings_are_quiet() {
        assert_clean(
            RULE,
            MD,
            &md(&[
                "Work History",
                "SKILLS",
                "Professional Summary",
                "Education:",
                "Projects",
                "Technical Skills",
                "Honours",
            ]),
        );
        assert_clean(RULE, MD, &md(&["Experience {#experience}", "Skills"]));
    }

    #[test]
    fn unknown_and_near_plural_headings_are_quiet() {
        assert_clean(
            RULE,
            MD,
            &md(&[
                "Experience",
                "Publications in Nature",
                "Leadership & Management",
                "Project",
                "Experiences",
                "Profil",
                "Experiencia",
                "Prospects",
                "Reading",
            ]),
        );
    }

    #[test]
    fn sub_headings_are_not_sections() {
        // "### Expereince Labs" is a company under Experience, not a section.
        let text = "# Ada\n\n## Experience\n\n### Expereince Labs\n\n- Built\n\n## Education\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn cjk_resume_is_quiet() {
        let text = "# 杜少陵\n\n## 简介\n\n扎实的Java基础。\n\n## 技能\n\n- Android\n\n## 工作经验\n\n- 开发\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn yaml_rendercv_titles() {
        let text = "cv:\n  name: Ada\n  sections:\n    my_journey:\n      - company: Engine Co\n        position: Analyst\n    education:\n      - institution: Uni\n";
        assert_eq!(flagged(RULE, Format::Yaml, text), ["my_journey"]);
        assert_eq!(
            apply_fix(RULE, Format::Yaml, text, 0),
            text.replace("my_journey", "experience")
        );
        let good = "cv:\n  name: Ada\n  sections:\n    experience:\n      - company: Engine Co\n    Work History:\n      - company: X\n";
        assert_clean(RULE, Format::Yaml, good);
    }

    #[test]
    fn json_resume_keys_are_schema() {
        let text = r#"{"basics":{"name":"Ada"},"work":[{"name":"Engine Co"}],"education":[],"skills":[],"interests":[],"volunteer":[]}"#;
        assert_clean(RULE, Format::Json, text);
        let yaml = "basics:\n  name: Ada\nwork:\n  - name: Engine Co\nreferences: []\n";
        assert_clean(RULE, Format::Yaml, yaml);
    }

    #[test]
    fn doc_example_triggers_and_use_instead_is_clean() {
        let doc = NonstandardHeading::META.doc;
        crate::rules::layout::check_doc(RULE, doc);
    }

    #[test]
    fn near_miss_helper() {
        let data = crate::data::Data::builtin();
        let h = &data.headings;
        assert_eq!(
            near_miss(h, "Educaton").map(|(s, _)| s),
            Some("Education".to_owned())
        );
        assert_eq!(near_miss(h, "Educator"), None);
        assert_eq!(near_miss(h, "Skill"), None);
        assert_eq!(label_range("Skills {#skills}"), Some(0..6));
        assert_eq!(label_range("📧 Contact:"), Some(5..12));
        assert_eq!(label_range("★★★"), None);
    }
}
