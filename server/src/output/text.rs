//! `--format text`: rustc-style snippets (annotate-snippets) and a summary line.

use super::FileReport;
use crate::config::ConfigError;
use crate::line_index::LineIndex;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use hirelint_rules::{Applicability, Diagnostic, Severity};
use std::fmt::Write;

/// Spans over more lines than this are drawn on their first line only.
const MAX_SNIPPET_LINES: usize = 4;

fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Every diagnostic of a file, each followed by a blank line.
pub fn render_file(file: &FileReport, color: bool) -> String {
    let renderer = renderer(color);
    let index = LineIndex::new(&file.source);
    let mut out = String::new();
    for d in &file.diagnostics {
        out.push_str(&render_diagnostic(&renderer, &index, file, d));
        out.push_str("\n\n");
    }
    out
}

fn render_diagnostic(
    renderer: &Renderer,
    index: &LineIndex<'_>,
    file: &FileReport,
    d: &Diagnostic,
) -> String {
    let start = index.clamp(d.range.start());
    let mut end = index.clamp(d.range.end()).max(start);
    // A range ending just after a line break belongs to the line before.
    if end > start && file.source.get(..end).is_some_and(|s| s.ends_with('\n')) {
        end -= 1;
    }
    let first = index.line_of(start);
    let mut last = index.line_of(end);
    if last - first >= MAX_SNIPPET_LINES {
        last = first;
        end = index.line_bounds(first).1.max(start);
    }
    let (window_start, _) = index.line_bounds(first);
    let (_, window_end) = index.line_bounds(last);
    let window_end = window_end.max(end);
    let window = file.source.get(window_start..window_end).unwrap_or("");
    let span = (start - window_start)..(end - window_start);
    let notes: Vec<String> = match &file.posting {
        Some(posting) if !d.related.is_empty() => {
            let pindex = LineIndex::new(&posting.posting.source);
            d.related
                .iter()
                .map(|r| {
                    let lc = pindex.line_col(r.posting_range.start());
                    format!("{}: {}:{}:{}", r.message, posting.path, lc.line, lc.column)
                })
                .collect()
        }
        _ => Vec::new(),
    };

    let group = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.rule.as_str())
        .element(
            Snippet::source(window)
                .line_start(first + 1)
                .path(file.path.as_str())
                .annotation(AnnotationKind::Primary.span(span)),
        )
        .elements(
            d.fixes
                .iter()
                .map(|f| Level::HELP.message(f.title.as_str())),
        )
        .elements(notes.iter().map(|n| Level::NOTE.message(n.as_str())));
    renderer.render(&[group])
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Found 3 problems (2 warnings, 1 info) in 1 file", or that nothing was found.
pub fn summary(files: &[FileReport], checked: usize, skipped: usize) -> String {
    let count = |s: Severity| {
        files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let total = errors + warnings + infos;
    let with_problems = files.iter().filter(|f| !f.diagnostics.is_empty()).count();
    let mut out = if total == 0 {
        format!("No problems found in {}", plural(checked, "file", "files"))
    } else {
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(plural(errors, "error", "errors"));
        }
        if warnings > 0 {
            parts.push(plural(warnings, "warning", "warnings"));
        }
        if infos > 0 {
            parts.push(format!("{infos} info"));
        }
        format!(
            "Found {} ({}) in {}",
            plural(total, "problem", "problems"),
            parts.join(", "),
            plural(with_problems, "file", "files")
        )
    };
    let fixable = files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| {
            d.fixes
                .iter()
                .any(|f| f.applicability == Applicability::Safe)
        })
        .count();
    if fixable > 0 {
        let _ = write!(out, "; {fixable} fixable with --fix");
    }
    if skipped > 0 {
        let _ = write!(
            out,
            "; skipped {} (--all-files lints them)",
            plural(
                skipped,
                "file that is not a resume",
                "files that are not resumes"
            ),
        );
    }
    out.push('\n');
    out
}

/// A configuration or command-line error, with the offending line when known.
pub fn render_config_error(e: &ConfigError, color: bool) -> String {
    let renderer = renderer(color);
    let help = e.help.as_deref().map(|h| Level::HELP.message(h));
    let group = match (&e.path, &e.text, &e.span) {
        (Some(path), Some(text), Some(span)) => {
            let index = LineIndex::new(text);
            let start = index.clamp(span.start);
            let end = index.clamp(span.end).max(start);
            let line = index.line_of(start);
            let (lo, hi) = index.line_bounds(line);
            let end = end.min(hi).max(start);
            let path = path.display().to_string();
            Level::ERROR
                .primary_title(e.message.as_str())
                .element(
                    Snippet::source(text.get(lo..hi).unwrap_or("").to_owned())
                        .line_start(line + 1)
                        .path(path)
                        .annotation(AnnotationKind::Primary.span((start - lo)..(end - lo))),
                )
                .elements(help)
        }
        _ => {
            let title = match e.location() {
                Some(location) => format!("{location}: {}", e.message),
                None => e.message.clone(),
            };
            Group::with_title(Level::ERROR.primary_title(title)).elements(help)
        }
    };
    let mut out = renderer.render(&[group]);
    out.push('\n');
    out
}
