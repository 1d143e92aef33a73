use super::table_layout::shorten;
use crate::document::{Format, LayoutKind};
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags raw HTML in a Markdown resume: HTML blocks (`<div>`, `<table>`, `<p
    /// align="center">`) and inline tags (`<span>`, `<u>`). The diagnostic sits on the
    /// opening tag. In YAML and JSON, layout tags inside text values (`<div>`, `<table>`,
    /// `<font>`...) are flagged too; inline formatting tags there (`<p>`, `<em>`, `<strong>`,
    /// `<a>`...) are not, since JSON Resume and FRESH themes render them as formatting.
    ///
    /// Not flagged: HTML comments (hidden notes and hirelint suppressions), `<br>` (a line
    /// break, harmless wherever it is dropped), and `<img>`, which `embedded-image` reports.
    ///
    /// ## Why is this bad?
    /// Each tool that turns the resume into the PDF or Word file a recruiter gets treats
    /// HTML differently: Pandoc drops raw HTML blocks with the text inside them, some
    /// themes print the tags as text, and column layouts built from `<div>`s are read out
    /// of order by ATS parsers. The US resume guide warns against "complex layouts ...
    /// that break ATS parsing". Plain Markdown survives every conversion.
    ///
    /// ## Example
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// <div class="columns">
    /// ada@example.com
    /// </div>
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ada@example.com<br>
    /// London, UK
    ///
    /// <!-- hidden note to self -->
    /// ```
    pub struct RawHtml {
        id: "raw-html",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

/// HTML elements. An inline "tag" that is not one ("List<String>") is text the author
/// meant literally, not layout.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "big",
    "blockquote",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "iframe",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "main",
    "mark",
    "nav",
    "object",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
];

/// Tags that are harmless, or another rule's business.
const QUIET_TAGS: &[&str] = &["br", "img", "wbr"];

/// Inline formatting that YAML / JSON resume themes render as such.
const FORMATTING_TAGS: &[&str] = &[
    "a", "b", "code", "em", "i", "li", "ol", "p", "small", "strong", "sub", "sup", "u", "ul",
];

static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"<[A-Za-z][^<>]*>").ok());
/// An opening tag in text values of YAML / JSON, with its name.
static SCALAR_TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"<([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>").ok());

fn is_element(name: &str) -> bool {
    ELEMENTS.contains(&name.to_ascii_lowercase().as_str())
}

impl Rule for RawHtml {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        match cx.resume.format {
            Format::Markdown => {
                let comments: Vec<TextRange> = cx.resume.comments.iter().map(|c| c.span).collect();
                for layout in &cx.resume.layout {
                    let LayoutKind::Html { tag } = &layout.kind else {
                        continue;
                    };
                    let html = layout.span.slice(cx.source);
                    let inline = !html.contains('\n');
                    if QUIET_TAGS.contains(&tag.as_str()) || (inline && !is_element(tag)) {
                        continue;
                    }
                    // The first tag outside comments: a block that is only a (multi-line)
                    // comment is not HTML layout.
                    let Some(re) = TAG.as_ref() else { continue };
                    let first = re
                        .find_iter(html)
                        .map(|m| {
                            TextRange::new(
                                layout.span.start() + m.start(),
                                layout.span.start() + m.end(),
                            )
                        })
                        .find(|r| !comments.iter().any(|c| c.intersects(*r)));
                    if let Some(range) = first {
                        report(sink, cx.source, range);
                    }
                }
            }
            Format::Yaml | Format::Json => {
                let Some(re) = SCALAR_TAG.as_ref() else {
                    return;
                };
                let mut seen = std::collections::HashSet::new();
                for block in &cx.resume.blocks {
                    for caps in re.captures_iter(block.text.as_str()) {
                        let (Some(m), Some(name)) = (caps.get(0), caps.get(1)) else {
                            continue;
                        };
                        let name = name.as_str().to_ascii_lowercase();
                        if !is_element(&name)
                            || QUIET_TAGS.contains(&name.as_str())
                            || FORMATTING_TAGS.contains(&name.as_str())
                        {
                            continue;
                        }
                        let range = block.text.source_range(m.range());
                        if seen.insert(range) {
                            report(sink, cx.source, range);
                        }
                    }
                }
            }
        }
    }
}

fn report(sink: &mut Sink, source: &str, range: TextRange) {
    let shown = shorten(range.slice(source).trim());
    sink.report(
        range,
        format!(
            "Raw HTML \"{shown}\" may be dropped or shown as code when the resume is converted"
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const RULE: RuleId = RuleId::RawHtml;
    const MD: Format = Format::Markdown;

    #[test]
    fn html_block_is_flagged_on_its_opening_tag() {
        let text = "# Ada\n\n<div id=\"contact\">\n<a href=\"mailto:ada@example.com\">ada@example.com</a>\n</div>\n";
        assert_eq!(flagged(RULE, MD, text), ["<div id=\"contact\">"]);
        assert_eq!(
            messages(RULE, MD, text),
            [
                "Raw HTML \"<div id=\"contact\">\" may be dropped or shown as code when the resume is converted"
            ]
        );
    }

    #[test]
    fn multi_line_comments_are_not_html() {
        let text = "# Ada\n\n- Built\n<!--\n- Hidden bullet\n//-->\n- Shipped\n\n<!-- hide this\n### Old job\n\n#### Intern (1999)\n-->\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn inline_tags() {
        let text =
            "# Ada\n\n- Built <span style=\"color:red\">fast</span> things\n- Cut <u>costs</u>\n";
        assert_eq!(
            flagged(RULE, MD, text),
            ["<span style=\"color:red\">", "<u>"]
        );
    }

    #[test]
    fn comments_breaks_images_and_code_are_quiet() {
        let text = "# Ada\n\n<!-- hirelint-disable-next-line weak-opener -->\n- Helped ship\n\nLine one<br>\nLine two <br/>\n\n<img src=\"chart.png\">\n\n`<div>` in code and List<String> in text and a <email@example.com> autolink\n\n```html\n<div>code</div>\n```\n";
        assert_clean(RULE, MD, text);
    }

    #[test]
    fn html_in_yaml_and_json_values() {
        let yaml =
            "basics:\n  name: Ada\n  summary: \"<div class=x>Engineer who <b>ships</b></div>\"\n";
        assert_eq!(flagged(RULE, Format::Yaml, yaml), ["<div class=x>"]);
        // Inline formatting is rendered by JSON Resume and FRESH themes.
        let yaml = "basics:\n  name: Ada\n  summary: \"<p>Engineer who <em>ships</em></p>\"\n";
        assert_clean(RULE, Format::Yaml, yaml);
        let json = r#"{"basics":{"name":"Ada","summary":"Uses List<String> and a < b > c"}}"#;
        assert_clean(RULE, Format::Json, json);
        let json = r#"{"work":[{"highlights":["Cut <span class=\"x\">costs</span>"]}]}"#;
        assert_eq!(flagged(RULE, Format::Json, json).len(), 1);
    }

    #[test]
    fn doc_example_triggers_and_use_instead_is_clean() {
        crate::rules::layout::check_doc(RULE, RawHtml::META.doc);
    }
}
