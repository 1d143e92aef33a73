//! The hirelint engine.
//!
//! Invariants:
//! - no I/O, no async, no LSP types: text in, diagnostics with byte ranges out;
//! - linting never fails and never panics: broken input yields a partial model plus a
//!   `syntax-error` diagnostic, and a rule that panics is isolated and reported;
//! - everything is deterministic.

// The panic-prone lints guard the library; unit tests may index and unwrap.
#![cfg_attr(
    test,
    allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

pub mod data;
pub mod diagnostic;
pub mod docs;
pub mod document;
pub mod fix;
pub mod matchers;
pub mod posting;
pub mod registry;
pub mod rules;
pub mod settings;
pub mod span;

#[cfg(test)]
mod testing;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use document::{Format, Resume, detect_format, looks_like_resume};
pub use fix::{Fixed, MAX_FIX_PASSES, apply_fixes, fix_until_stable};
pub use posting::{Posting, PostingFormat, PostingMatch};
pub use registry::{ALL_RULES, RuleId, UnknownRule};
pub use rules::{Category, DocLine, FixAvailability, RuleMeta};
pub use settings::{RuleLevel, Settings};
pub use span::TextRange;

use rules::{Context, Sink};
use settings::RuleLevel as Level;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// One document to lint.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub source: &'a str,
    pub format: Format,
    pub settings: &'a Settings,
    /// The job posting the resume is written for, parsed once (`Posting::parse`): the
    /// posting rules run against it and `Report::posting` says how the resume covers it.
    pub posting: Option<&'a Posting>,
}

/// The outcome of linting one document.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Sorted by start offset, then rule.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the content itself marks the document as a resume (JSON Resume, RenderCV or
    /// FRESH keys, or a `resume: true` front-matter flag).
    pub declares_resume: bool,
    /// Rules that panicked (a bug): they were skipped, the others ran.
    pub failed_rules: Vec<RuleId>,
    /// With a posting: its keywords found and missing, and the match score.
    pub posting: Option<PostingMatch>,
}

/// Lints one document. The single entry point of every face: CLI and language server.
pub fn lint(input: &Input<'_>) -> Report {
    let settings = input.settings;
    let resume = Resume::parse(input.source, input.format, &settings.data);
    let matched = input
        .posting
        .map(|posting| posting::match_resume(posting, &resume));
    let mut cx = Context::new(input.source, &resume, settings);
    if let (Some(posting), Some(matched)) = (input.posting, &matched) {
        cx = cx.with_posting(posting, matched);
    }
    let mut report = Report {
        declares_resume: resume.declares_resume,
        ..Report::default()
    };
    for &rule in ALL_RULES {
        let Level::On(severity) = settings.level(rule) else {
            continue;
        };
        let mut sink = Sink::new(rule, severity);
        let outcome = catch_unwind(AssertUnwindSafe(|| rule.rule().check(&cx, &mut sink)));
        match outcome {
            Ok(()) => report.diagnostics.extend(sink.diagnostics),
            Err(_) => report.failed_rules.push(rule),
        }
    }
    if let Level::On(severity) = settings.level(RuleId::SyntaxError) {
        report
            .diagnostics
            .extend(unknown_suppressed_rules(&resume, severity));
    }
    let suppressions = document::suppress::Suppressions::new(input.source, &resume);
    report
        .diagnostics
        .retain(|d| !suppressions.is_suppressed(d.rule, d.range.start()));
    for d in &mut report.diagnostics {
        sanitize(d, input.source);
    }
    report.diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
    });
    report.posting = matched;
    report
}

/// A suppression comment that names an unknown rule is reported, with the nearest id.
fn unknown_suppressed_rules(resume: &Resume, severity: Severity) -> Vec<Diagnostic> {
    resume
        .comments
        .iter()
        .filter_map(|c| document::suppress::parse_comment(&c.body, c.span))
        .flat_map(|c| {
            c.unknown.into_iter().map(move |name| {
                let unknown: UnknownRule = match name.parse::<RuleId>() {
                    Err(e) => e,
                    Ok(_) => UnknownRule {
                        name,
                        suggestion: None,
                    },
                };
                Diagnostic {
                    rule: RuleId::SyntaxError,
                    severity,
                    range: c.span,
                    message: format!("Suppression comment names an {unknown}"),
                    fixes: Vec::new(),
                    related: Vec::new(),
                }
            })
        })
        .collect()
}

/// Keeps every range inside the text and on char boundaries, whatever a rule computed.
fn sanitize(d: &mut Diagnostic, source: &str) {
    d.range = clamp(d.range, source);
    for fix in &mut d.fixes {
        for edit in &mut fix.edits {
            edit.range = clamp(edit.range, source);
        }
    }
}

fn clamp(range: TextRange, source: &str) -> TextRange {
    let fit = |mut i: usize| {
        i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    TextRange::new(fit(range.start()), fit(range.end()))
}

/// The metadata of every rule, in registry order.
pub fn rules() -> impl Iterator<Item = (RuleId, &'static RuleMeta)> {
    ALL_RULES.iter().map(|r| (*r, r.meta()))
}
