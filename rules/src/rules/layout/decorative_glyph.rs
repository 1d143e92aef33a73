use crate::diagnostic::{Edit, Fix};
use crate::document::Format;
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Flags emoji, dingbats, stars, check marks, pointing arrows, geometric shapes and
    /// box-drawing or block characters used as decoration in headings, bullets, contact
    /// lines and other text (📧 ☎ ★ ✔ ➤ ► █). A run of them ("★★★★☆") is one diagnostic.
    /// The fix removes the glyph and one space next to it.
    ///
    /// Ordinary typography stays quiet: "•" and "·" separators, en and em dashes, ©, ®
    /// and ™, accented letters, CJK text and punctuation. Arrows (→ ⇒) are quiet inside a
    /// sentence ("Python → Rust migration") and flagged only where they open a line, as a
    /// bullet would. Bullet characters that start a line ("•", "▪", "➢") are read as
    /// bullets and left alone.
    ///
    /// ## Why is this bad?
    /// ATS parsers extract plain text; an emoji or a Wingdings-style symbol comes out as
    /// "?", a box, or a stray word, and can break the line it sits on: an email address
    /// after "📧" may not be recognised as one. The US resume guide warns against "complex
    /// layouts, graphics" and "unusual fonts that can break ATS parsing". To a recruiter
    /// they read as clutter.
    ///
    /// ## Example
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// - 📧 ada@example.com
    /// - ☎ +44 20 7946 0958
    ///
    /// ## ★ Skills
    ///
    /// - Rust ★★★★☆
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// - ada@example.com
    /// - +44 20 7946 0958
    ///
    /// ## Skills
    ///
    /// - Rust (advanced) · Python → Rust migration lead © 2024
    /// ```
    ///
    /// ## Fix
    /// A safe fix removes the glyph run and one adjacent space. Where the glyph comes from
    /// an escape sequence (a YAML `"\u2605"`), no fix is offered.
    pub struct DecorativeGlyph {
        id: "decorative-glyph",
        category: Layout,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for DecorativeGlyph {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let mut seen: HashSet<TextRange> = HashSet::new();
        for block in &cx.resume.blocks {
            let text = &block.text;
            let s = text.as_str();
            if !may_have_glyph(s) {
                continue;
            }
            for run in glyph_runs(s) {
                let range = text.source_range(run.clone());
                if range.is_empty() || !seen.insert(range) {
                    continue;
                }
                let Some(glyph) = s.get(run.clone()) else {
                    continue;
                };
                let yaml = cx.resume.format != Format::Markdown;
                let removal = if yaml && run.start == 0 {
                    // Opening a YAML scalar: take every space after it, so the scalar
                    // does not start with one.
                    let rest = s.get(run.end..).unwrap_or("");
                    run.start..run.end + (rest.len() - rest.trim_start().len())
                } else {
                    with_one_space(s, run.clone())
                };
                let fixable = text.is_verbatim(removal.clone())
                    && !(yaml && breaks_plain_yaml(cx.source, text.span(), s, removal.clone()));
                let fixes = if fixable {
                    vec![Fix::safe(
                        format!("Remove \"{glyph}\""),
                        vec![Edit::delete(text.source_range(removal))],
                    )]
                } else {
                    Vec::new()
                };
                sink.report_with(
                    range,
                    format!(
                        "Decorative glyph \"{glyph}\": ATS parsers may drop it or read it as garbage"
                    ),
                    fixes,
                );
            }
        }
    }
}

/// Whether removing `removal` from the plain YAML scalar `s` (at `scalar` in the source)
/// would turn text into YAML syntax: a scalar that starts with an indicator ("- item",
/// "# note", "&anchor"), or a ": " / " #" / trailing ":" formed where the glyph was.
/// Quoted scalars are safe.
fn breaks_plain_yaml(
    source: &str,
    scalar: TextRange,
    s: &str,
    removal: std::ops::Range<usize>,
) -> bool {
    let quoted = source
        .get(..scalar.start())
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| c == '"' || c == '\'');
    if quoted {
        return false;
    }
    let (Some(before), Some(after)) = (s.get(..removal.start), s.get(removal.end..)) else {
        return true;
    };
    let joined = format!("{before}{after}");
    let count = |t: &str| {
        [": ", ":\t", " #", "\t#"]
            .iter()
            .map(|p| t.matches(p).count())
            .sum::<usize>()
    };
    joined.trim().is_empty()
        || joined.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`', ' ', '\t',
        ])
        || count(&joined) > count(s)
        || (joined.trim_end().ends_with(':') && !s.trim_end().ends_with(':'))
}

/// Whether `s` may hold a glyph: every glyph and arrow (U+2190 and up, in the ranges
/// below) is encoded with a lead byte of 0xE2 (U+2000 to U+2FFF) or 0xF0 (U+10000 to
/// U+3FFFF), so a text without one (any ASCII text) has none.
fn may_have_glyph(s: &str) -> bool {
    // In UTF-8, every glyph and arrow is F0 (emoji) or E2 then the second byte of
    // U+2180–U+21FF, U+2300–U+23FF, U+2500–U+27FF or U+2B00–U+2BFF: dashes, quotes and
    // bullets (U+2000–U+206F, E2 80 / E2 81) do not send a line to the char-by-char scan.
    !s.is_ascii()
        && s.as_bytes().windows(2).any(|w| {
            matches!(
                w,
                [0xF0, _] | [0xE2, 0x86 | 0x87 | 0x8C..=0x8F | 0x94..=0x9F | 0xAC..=0xAF]
            )
        })
}

/// The byte ranges of runs of decorative glyphs (with their modifiers) in `s`.
fn glyph_runs(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut line_start = true;
    let mut current: Option<std::ops::Range<usize>> = None;
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        let glyph = is_decorative(c) || (line_start && is_arrow(c));
        if let Some(run) = current.as_mut() {
            if glyph || is_modifier(c) {
                run.end = end;
                continue;
            }
            out.extend(current.take());
        }
        if glyph {
            current = Some(i..end);
        }
        if c == '\n' {
            line_start = true;
        } else if !c.is_whitespace() {
            line_start = false;
        }
    }
    out.extend(current);
    out
}

/// `run` widened by one space after it, or else one space before it.
fn with_one_space(s: &str, run: std::ops::Range<usize>) -> std::ops::Range<usize> {
    if s.get(run.end..).is_some_and(|r| r.starts_with(' ')) {
        run.start..run.end + 1
    } else if run.start > 0 && s.get(..run.start).is_some_and(|r| r.ends_with(' ')) {
        run.start - 1..run.end
    } else {
        run
    }
}

/// Emoji, dingbats, stars, check marks, geometric shapes, box drawing and block elements.
fn is_decorative(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x1F000..=0x1F3FA | 0x1F400..=0x1FAFF // emoji and pictographs (not skin tones)
        | 0x2600..=0x27BF   // miscellaneous symbols (☎ ★ ☑), dingbats (✔ ✉ ➤)
        | 0x2B00..=0x2BFF   // miscellaneous symbols and arrows (⭐ ⬆)
        | 0x2500..=0x259F   // box drawing, block elements (█ ░)
        | 0x231A | 0x231B | 0x23E9..=0x23FA // ⌚ ⌛ ⏩ ⏰ ⏳
    ) || (matches!(u, 0x25A0..=0x25FF) && !matches!(c, '▪' | '▫' | '◦'))
}

/// Arrows: decoration only where they open a line.
fn is_arrow(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x21FF)
}

/// Characters that belong to the glyph before them: variation selectors, zero-width
/// joiner, skin tones, keycap, tags.
fn is_modifier(c: char) -> bool {
    matches!(c as u32,
        0xFE0E | 0xFE0F | 0x200D | 0x1F3FB..=0x1F3FF | 0x20E3 | 0xE0020..=0xE007F
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{apply_fix, assert_clean, fix_titles, flagged, messages};

    const RULE: RuleId = RuleId::DecorativeGlyph;
    const MD: Format = Format::Markdown;

    #[test]
    fn the_byte_precheck_lets_every_glyph_through() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            if is_decorative(c) || is_arrow(c) {
                assert!(may_have_glyph(&format!("a{c}")), "{:x}", c as u32);
            }
        }
        assert!(!may_have_glyph("Jan 2020 – Present — Acme’s “team” • Go"));
    }

    #[test]
    fn emoji_in_contact_bullets() {
        let text = "# Ada\n\n- 📧 ada@example.com\n- 📱 +1-555-987-6543\n";
        assert_eq!(flagged(RULE, MD, text), ["📧", "📱"]);
        assert_eq!(
            messages(RULE, MD, text).first().map(String::as_str),
            Some("Decorative glyph \"📧\": ATS parsers may drop it or read it as garbage")
        );
        assert_eq!(fix_titles(RULE, MD, text), ["Remove \"📧\""]);
        assert_eq!(
            apply_fix(RULE, MD, text, 0),
            "# Ada\n\n- ada@example.com\n- 📱 +1-555-987-6543\n"
        );
    }

    #[test]
    fn headings_runs_and_trailing_glyphs() {
        let text = "# Ada ✨\n\n## ★ Skills\n\n- Rust ★★★★☆\n- ✔ Shipped\n";
        assert_eq!(flagged(RULE, MD, text), ["✨", "★", "★★★★☆", "✔"]);
        let d = crate::testing::diagnostics(RULE, MD, text);
        let fixed = crate::apply_fixes(text, &d, crate::Applicability::Safe).0;
        assert_eq!(fixed, "# Ada\n\n## Skills\n\n- Rust\n- Shipped\n");
    }

    #[test]
    fn emoji_sequences_are_one_glyph() {
        let text = "# Ada\n\n- 👩🏽‍💻 Engineer ☎️ 555\n";
        assert_eq!(flagged(RULE, MD, text), ["👩🏽‍💻", "☎️"]);
        assert_eq!(apply_fix(RULE, MD, text, 0), "# Ada\n\n- Engineer ☎️ 555\n");
    }

    #[test]
    fn leading_arrows_but_not_arrows_in_sentences() {
        let text = "# Ada\n\n- → Led the team\n- Python → Rust migration\n";
        assert_eq!(flagged(RULE, MD, text), ["→"]);
        assert_eq!(
            apply_fix(RULE, MD, text, 0),
            "# Ada\n\n- Led the team\n- Python → Rust migration\n"
        );
    }

    #[test]
    fn ordinary_typography_is_quiet() {
        let text = "# José Núñez\n\nada@example.com · 555-010-0000 • London — UK\n\n## Experience\n\n- Cut costs by 20% – twice © 2024 Acme™ ®\n- Python → Rust migration\n\n• Pseudo bullet\n▪ Another\n➢ Third\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn cjk_resume_is_quiet() {
        let text = "# 杜少陵\n\n> 浙江杭州，男，1989年\n> (+86) 101-2345-6789\n\n## 简介\n\n扎实的Java基础，富有激情与创意。「项目」【技能】\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn yaml_and_json_scalars() {
        let yaml = "basics:\n  name: Ada\n  label: \"🚀 Engineer\"\nwork:\n  - highlights:\n      - ✔ Shipped the engine\n";
        assert_eq!(flagged(RULE, Format::Yaml, yaml), ["🚀", "✔"]);
        assert_eq!(
            apply_fix(RULE, Format::Yaml, yaml, 0),
            yaml.replace("🚀 ", "")
        );
        let json = r#"{"basics":{"name":"Ada","label":"Engineer ⭐"}}"#;
        assert_eq!(flagged(RULE, Format::Json, json), ["⭐"]);
        let escaped = r#"{"basics":{"name":"Ada","label":"Engineer \u2b50"}}"#;
        assert_eq!(flagged(RULE, Format::Json, escaped), ["\\u2b50"]);
        assert!(fix_titles(RULE, Format::Json, escaped).is_empty());
        assert_clean(
            RULE,
            Format::Json,
            r#"{"basics":{"name":"José","label":"Dev · Lead"}}"#,
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_is_clean() {
        crate::rules::layout::check_doc(RULE, DecorativeGlyph::META.doc);
    }

    #[test]
    fn leading_glyph_in_plain_yaml_scalar_keeps_yaml_valid() {
        use crate::registry::RuleId;
        use crate::testing::{apply_fix, fix_titles};
        // Removing the glyph would leave "- nested", a YAML sequence: no fix.
        let yaml = "summary: 😀  - nested\n";
        assert!(fix_titles(RuleId::DecorativeGlyph, Format::Yaml, yaml).is_empty());
        // Quoted, the same text is safe to fix.
        let yaml = "summary: \"😀  - nested\"\n";
        assert_eq!(
            apply_fix(RuleId::DecorativeGlyph, Format::Yaml, yaml, 0),
            "summary: \"- nested\"\n"
        );
        // Plain, every space after the glyph goes with it.
        let yaml = "summary: ⭐  Led a team of 5\n";
        assert_eq!(
            apply_fix(RuleId::DecorativeGlyph, Format::Yaml, yaml, 0),
            "summary: Led a team of 5\n"
        );
    }
}
