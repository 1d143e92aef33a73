#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::string_slice,
    clippy::indexing_slicing
)]
//! Whole resumes with problems, in every format: every diagnostic and its fixes, as a
//! compact listing snapshotted with insta (`cargo insta review` to accept changes).

use hirelint_rules::{Input, Settings, detect_format, lint};
use std::fmt::Write;

fn listing(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    let settings = Settings::default();
    let format = detect_format(Some(name), &source);
    let report = lint(&Input {
        source: &source,
        format,
        settings: &settings,
        posting: None,
    });
    let line_col = |offset: usize| {
        let before = &source[..offset];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        format!("{line}:{col}")
    };
    let mut out = String::new();
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "{}..{} {} [{}] {} ({:?})",
            line_col(d.range.start()),
            line_col(d.range.end()),
            d.severity,
            d.rule,
            d.message,
            d.range.slice(&source),
        );
        for fix in &d.fixes {
            let edits: Vec<String> = fix
                .edits
                .iter()
                .map(|e| format!("{:?} -> {:?}", e.range.slice(&source), e.replacement))
                .collect();
            let _ = writeln!(
                out,
                "    fix ({}): {} [{}]",
                fix.applicability.as_str(),
                fix.title,
                edits.join(", ")
            );
        }
    }
    out
}

#[test]
fn bad_markdown_resume() {
    insta::assert_snapshot!(listing("bad/resume.md"));
}

#[test]
fn bad_yaml_resume() {
    insta::assert_snapshot!(listing("bad/resume.yaml"));
}

#[test]
fn bad_json_resume() {
    insta::assert_snapshot!(listing("bad/resume.json"));
}
