#![allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

//! A well-written resume gets no warnings, in every format.

use hirelint_rules::{Format, Input, Settings, Severity, detect_format, lint};

fn warnings(name: &str) -> Vec<String> {
    let path = format!("{}/tests/fixtures/good/{name}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let settings = Settings::default();
    let format: Format = detect_format(Some(name), &source);
    lint(&Input {
        source: &source,
        format,
        settings: &settings,
        posting: None,
    })
    .diagnostics
    .into_iter()
    .filter(|d| d.severity >= Severity::Warning)
    .map(|d| {
        format!(
            "{} {:?} {:?}: {}",
            d.rule,
            d.range,
            d.range.slice(&source),
            d.message
        )
    })
    .collect()
}

#[test]
fn good_markdown_resume_is_quiet() {
    assert_eq!(warnings("resume.md"), Vec::<String>::new());
}

#[test]
fn good_yaml_resume_is_quiet() {
    assert_eq!(warnings("resume.yaml"), Vec::<String>::new());
}

#[test]
fn good_json_resume_is_quiet() {
    assert_eq!(warnings("resume.json"), Vec::<String>::new());
}
