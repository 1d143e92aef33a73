//! `--format json`: the public contract (documented in the README).
//!
//! An array of diagnostics; lines and columns are 1-based, columns count Unicode scalar
//! values, and `end_line` / `end_column` point just past the range (exclusive).

use super::{FileReport, Region};
use crate::line_index::LineIndex;
use serde::Serialize;

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    fixes: Vec<JsonFix<'a>>,
    /// Places in the job posting (`missing-keyword`): only present when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: &'static str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: &'a str,
}

pub fn render(files: &[FileReport]) -> String {
    let mut out = Vec::new();
    for file in files {
        let index = LineIndex::new(&file.source);
        let posting_index = file
            .posting
            .as_ref()
            .map(|p| (p.path.as_str(), LineIndex::new(&p.posting.source)));
        for d in &file.diagnostics {
            let related = match &posting_index {
                Some((path, pindex)) => d
                    .related
                    .iter()
                    .map(|r| {
                        let region = Region::new(pindex, r.posting_range);
                        JsonRelated {
                            path,
                            message: &r.message,
                            line: region.start.line,
                            column: region.start.column,
                            end_line: region.end.line,
                            end_column: region.end.column,
                        }
                    })
                    .collect(),
                None => Vec::new(),
            };
            let region = Region::new(&index, d.range);
            out.push(JsonDiagnostic {
                path: &file.path,
                rule: d.rule.as_str(),
                severity: d.severity.as_str(),
                message: &d.message,
                line: region.start.line,
                column: region.start.column,
                end_line: region.end.line,
                end_column: region.end.column,
                fixes: d
                    .fixes
                    .iter()
                    .map(|f| JsonFix {
                        title: &f.title,
                        applicability: f.applicability.as_str(),
                        edits: f
                            .edits
                            .iter()
                            .map(|e| {
                                let r = Region::new(&index, e.range);
                                JsonEdit {
                                    line: r.start.line,
                                    column: r.start.column,
                                    end_line: r.end.line,
                                    end_column: r.end.column,
                                    replacement: &e.replacement,
                                }
                            })
                            .collect(),
                    })
                    .collect(),
                related,
            });
        }
    }
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}
