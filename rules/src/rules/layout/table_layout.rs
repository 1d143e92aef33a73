use crate::document::{Format, LayoutKind};
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Flags tables: Markdown (GFM) tables, and in YAML and JSON a Markdown table inside a
    /// text value, which themes that render Markdown turn into a table. The diagnostic sits
    /// on the header row.
    ///
    /// ## Why is this bad?
    /// ATS parsers read a table cell by cell, often row by row across columns that belong
    /// to different things, so a job title lands next to another job's dates and skills run
    /// together. The US resume guide: "Avoid tables, images, and unusual fonts" and "Avoid
    /// graphics, tables, or unusual fonts that can break ATS parsing".
    ///
    /// ## Example
    /// ```markdown
    /// ## Skills
    ///
    /// | Languages | Tools  |
    /// |-----------|--------|
    /// | Rust, Go  | Docker |
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Skills
    ///
    /// - Languages: Rust, Go
    /// - Tools: Docker
    /// ```
    pub struct TableLayout {
        id: "table-layout",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for TableLayout {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        match cx.resume.format {
            Format::Markdown => {
                for layout in &cx.resume.layout {
                    if layout.kind != LayoutKind::Table {
                        continue;
                    }
                    let header = first_line(cx.source, layout.span);
                    report(sink, cx.source, header);
                }
            }
            Format::Yaml | Format::Json => {
                let mut seen = HashSet::new();
                for block in &cx.resume.blocks {
                    let text = block.text.as_str();
                    let lines: Vec<(usize, &str)> = line_offsets(text);
                    for pair in lines.windows(2) {
                        let [(start, header), (_, delimiter)] = pair else {
                            continue;
                        };
                        if !header.contains('|') || !is_delimiter_row(delimiter) {
                            continue;
                        }
                        let lead = header.len() - header.trim_start().len();
                        let s = start + lead;
                        let range = block.text.source_range(s..s + header.trim().len());
                        if seen.insert(range) {
                            report(sink, cx.source, range);
                        }
                    }
                }
            }
        }
    }
}

fn report(sink: &mut Sink, source: &str, header: TextRange) {
    let shown = shorten(header.slice(source).trim());
    sink.report(
        header,
        format!("Table \"{shown}\": ATS parsers may read its cells out of order"),
    );
}

/// The first line of `span`, trimmed.
fn first_line(source: &str, span: TextRange) -> TextRange {
    let text = span.slice(source);
    let line = text.split('\n').next().unwrap_or("");
    let lead = line.len() - line.trim_start().len();
    let start = span.start() + lead;
    TextRange::new(start, start + line.trim().len())
}

fn line_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        out.push((offset, line));
        offset += line.len() + 1;
    }
    out
}

/// A GFM delimiter row: `|---|:--:|`, `--- | ---`.
fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('|')
        && t.contains("--")
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// At most 40 characters, with "…" when cut.
pub(crate) fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const RULE: RuleId = RuleId::TableLayout;
    const MD: Format = Format::Markdown;

    #[test]
    fn markdown_table_is_flagged_on_its_header() {
        let text = "# Ada\n\n## Skills\n\n| Languages | Tools |\n|---|---|\n| Rust | Docker |\n";
        assert_eq!(flagged(RULE, MD, text), ["| Languages | Tools |"]);
        assert_eq!(
            messages(RULE, MD, text),
            ["Table \"| Languages | Tools |\": ATS parsers may read its cells out of order"]
        );
    }

    #[test]
    fn pipes_that_are_not_tables_are_quiet() {
        let text = "# Ada\n\nada@example.com | 555-010-0000 | London\n\n## Experience\n\n### Engineer | Acme | 2020 - 2022\n\n- Built a CI | CD pipeline\n";
        assert_clean(RULE, MD, text);
        let code = "# Ada\n\n```\n| a | b |\n|---|---|\n```\n";
        assert_clean(RULE, MD, code);
    }

    #[test]
    fn table_inside_a_yaml_block_scalar() {
        let text = "basics:\n  name: Ada\n  summary: |\n    | Skill | Years |\n    |-------|-------|\n    | Rust  | 5     |\n";
        assert_eq!(flagged(RULE, Format::Yaml, text), ["| Skill | Years |"]);
        let clean = "basics:\n  name: Ada\n  summary: Rust | Go | Docker\n";
        assert_clean(RULE, Format::Yaml, clean);
    }

    #[test]
    fn table_inside_a_json_string() {
        let text =
            r#"{"basics":{"name":"Ada","summary":"| Skill | Years |\n|---|---|\n| Rust | 5 |"}}"#;
        assert_eq!(flagged(RULE, Format::Json, text).len(), 1);
        assert_clean(
            RULE,
            Format::Json,
            r#"{"basics":{"name":"Ada","summary":"Rust | Go"}}"#,
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_is_clean() {
        crate::rules::layout::check_doc(RULE, TableLayout::META.doc);
    }
}
