//! One-line helpers for rule unit tests.
#![allow(dead_code)]

use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::document::dates::YearMonth;
use crate::fix::apply_fixes;
use crate::registry::RuleId;
use crate::settings::Settings;
use crate::{Applicability, Input, lint};

/// The month unit tests run in: dates after it are in the future.
pub const TODAY: YearMonth = YearMonth {
    year: 2026,
    month: 11,
};

/// The diagnostics of `rule` alone on `text`, in the month `TODAY`.
pub fn diagnostics(rule: RuleId, format: Format, text: &str) -> Vec<Diagnostic> {
    lint_with(&only(&[rule]), format, text)
}

/// Settings that enable `rules` alone, in the month `TODAY`.
pub fn only(rules: &[RuleId]) -> Settings {
    let mut settings = Settings::only(rules);
    settings.today = Some(TODAY);
    settings
}

/// The diagnostics on `text` under `settings`, without a posting.
pub fn lint_with(settings: &Settings, format: Format, text: &str) -> Vec<Diagnostic> {
    lint(&Input {
        source: text,
        format,
        settings,
        posting: None,
    })
    .diagnostics
}

/// The source text each diagnostic of `rule` covers.
pub fn flagged(rule: RuleId, format: Format, text: &str) -> Vec<String> {
    diagnostics(rule, format, text)
        .iter()
        .map(|d| d.range.slice(text).to_owned())
        .collect()
}

/// The messages of `rule` on `text`.
pub fn messages(rule: RuleId, format: Format, text: &str) -> Vec<String> {
    diagnostics(rule, format, text)
        .into_iter()
        .map(|d| d.message)
        .collect()
}

/// The fix titles of the first diagnostic.
pub fn fix_titles(rule: RuleId, format: Format, text: &str) -> Vec<String> {
    diagnostics(rule, format, text)
        .first()
        .map(|d| d.fixes.iter().map(|f| f.title.clone()).collect())
        .unwrap_or_default()
}

/// `text` after applying fix number `n` of the first diagnostic.
pub fn apply_fix(rule: RuleId, format: Format, text: &str, n: usize) -> String {
    let diags = diagnostics(rule, format, text);
    let Some(first) = diags.first() else {
        return text.to_owned();
    };
    let Some(fix) = first.fixes.get(n) else {
        return text.to_owned();
    };
    let one = Diagnostic {
        fixes: vec![fix.clone()],
        ..first.clone()
    };
    apply_fixes(text, &[one], Applicability::Suggestion).0
}

/// Asserts `rule` reports nothing on `text`.
#[track_caller]
pub fn assert_clean(rule: RuleId, format: Format, text: &str) {
    let found = flagged(rule, format, text);
    assert!(found.is_empty(), "{rule} flagged {found:?} in:\n{text}");
}

/// The diagnostics of `rule` alone on `text`, linted against the text posting `posting`.
pub fn posting_diagnostics(
    rule: RuleId,
    format: Format,
    text: &str,
    posting: &str,
) -> Vec<Diagnostic> {
    let mut settings = Settings::only(&[rule]);
    settings.today = Some(TODAY);
    let posting = crate::Posting::parse(posting, crate::PostingFormat::Text);
    lint(&Input {
        source: text,
        format,
        settings: &settings,
        posting: Some(&posting),
    })
    .diagnostics
}

/// The source text each diagnostic of `rule` covers, against `posting`.
pub fn posting_flagged(rule: RuleId, format: Format, text: &str, posting: &str) -> Vec<String> {
    posting_diagnostics(rule, format, text, posting)
        .iter()
        .map(|d| d.range.slice(text).to_owned())
        .collect()
}

/// `text` after applying the first fix of diagnostic number `n`, against `posting`.
pub fn posting_apply_fix(
    rule: RuleId,
    format: Format,
    text: &str,
    posting: &str,
    n: usize,
) -> String {
    let diags = posting_diagnostics(rule, format, text, posting);
    let Some(d) = diags.get(n) else {
        return text.to_owned();
    };
    apply_fixes(text, std::slice::from_ref(d), Applicability::Suggestion).0
}
