//! `--format sarif`: SARIF 2.1.0 for code scanning. One run; `rules[]` carries every rule's
//! summary and doc; regions use 1-based lines and columns in Unicode code points.

use super::{FileReport, Region};
use crate::line_index::LineIndex;
use hirelint_rules::{ALL_RULES, Severity};
use serde_json::{Value, json};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(r: Region) -> Value {
    json!({
        "startLine": r.start.line,
        "startColumn": r.start.column,
        "endLine": r.end.line,
        "endColumn": r.end.column,
    })
}

/// A relative URI reference for a path: `/` separators, reserved characters escaped.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.replace('\\', "/").chars() {
        match c {
            '%' => out.push_str("%25"),
            ' ' => out.push_str("%20"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            '[' => out.push_str("%5B"),
            ']' => out.push_str("%5D"),
            c => out.push(c),
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out.strip_prefix("./").map(str::to_owned).unwrap_or(out)
    }
}

pub fn render(files: &[FileReport]) -> String {
    let rules: Vec<Value> = ALL_RULES
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            let doc = meta.doc_text();
            json!({
                "id": meta.id,
                "shortDescription": { "text": meta.summary() },
                "fullDescription": { "text": doc },
                "help": { "text": doc, "markdown": doc },
                "defaultConfiguration": { "level": level(meta.default_severity) },
                "properties": { "category": meta.category.as_str(), "fix": meta.fix.as_str() },
            })
        })
        .collect();

    let mut results = Vec::new();
    for file in files {
        let index = LineIndex::new(&file.source);
        let artifact = json!({ "uri": uri(&file.path) });
        for d in &file.diagnostics {
            let rule_index = ALL_RULES.iter().position(|r| *r == d.rule).unwrap_or(0);
            let fixes: Vec<Value> = d
                .fixes
                .iter()
                .map(|f| {
                    let replacements: Vec<Value> = f
                        .edits
                        .iter()
                        .map(|e| {
                            json!({
                                "deletedRegion": region(Region::new(&index, e.range)),
                                "insertedContent": { "text": e.replacement },
                            })
                        })
                        .collect();
                    json!({
                        "description": { "text": f.title },
                        "artifactChanges": [{
                            "artifactLocation": artifact.clone(),
                            "replacements": replacements,
                        }],
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": d.rule.as_str(),
                "ruleIndex": rule_index,
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact.clone(),
                        "region": region(Region::new(&index, d.range)),
                    }
                }],
            });
            if !fixes.is_empty()
                && let Some(obj) = result.as_object_mut()
            {
                obj.insert("fixes".to_owned(), Value::Array(fixes));
            }
            if let Some(posting) = &file.posting
                && !d.related.is_empty()
                && let Some(obj) = result.as_object_mut()
            {
                let posting_index = LineIndex::new(&posting.posting.source);
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(id, r)| {
                        json!({
                            "id": id,
                            "message": { "text": r.message },
                            "physicalLocation": {
                                "artifactLocation": { "uri": uri(&posting.path) },
                                "region": region(Region::new(&posting_index, r.posting_range)),
                            }
                        })
                    })
                    .collect();
                obj.insert("relatedLocations".to_owned(), Value::Array(related));
            }
            results.push(result);
        }
    }

    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "hirelint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(uri("./a b/cv#1.md"), "a%20b/cv%231.md");
        assert_eq!(uri("/tmp/cv.md"), "file:///tmp/cv.md");
        assert_eq!(uri("dir\\cv.md"), "dir/cv.md");
    }
}
