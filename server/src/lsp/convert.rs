//! Engine values -> LSP values: diagnostics, severities, edits.

use super::position::{self, PositionEncoding};
use crate::config::ConfigError;
use hirelint_rules::{Diagnostic, Edit, Severity};
use ropey::Rope;
use serde_json::json;
use tower_lsp_server::ls_types::{self as lsp, NumberOrString, Position, Range, TextEdit};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "hirelint";

pub fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// One engine diagnostic as the editor sees it. `code` is the rule id; `data` carries only
/// the rule and the document version (code actions recompute fixes from the current text).
/// With `posting` (the client takes `relatedInformation`), a posting rule's places in the
/// posting become `relatedInformation`, with the engine's message.
/// No `codeDescription`: the rules reference (`docs/rules.md`) has no published address
/// (the Cargo manifest names no `repository`); `hirelint explain RULE` and the hover carry
/// the same text.
pub fn diagnostic(
    d: &Diagnostic,
    rope: &Rope,
    encoding: PositionEncoding,
    version: i32,
    posting: Option<&PostingFile>,
) -> lsp::Diagnostic {
    let related = posting.filter(|_| !d.related.is_empty()).map(|file| {
        d.related
            .iter()
            .map(|r| lsp::DiagnosticRelatedInformation {
                location: lsp::Location::new(
                    file.uri.clone(),
                    position::range(&file.rope, r.posting_range, encoding),
                ),
                message: r.message.clone(),
            })
            .collect()
    });
    lsp::Diagnostic {
        range: position::range(rope, d.range, encoding),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.as_str().to_owned())),
        source: Some(SOURCE.to_owned()),
        message: d.message.clone(),
        related_information: related,
        data: Some(json!({ "rule": d.rule.as_str(), "version": version })),
        ..lsp::Diagnostic::default()
    }
}

/// The posting file a document was linted against, for `relatedInformation`.
pub struct PostingFile {
    pub uri: lsp::Uri,
    pub rope: Rope,
}

pub fn text_edit(edit: &Edit, rope: &Rope, encoding: PositionEncoding) -> TextEdit {
    TextEdit::new(
        position::range(rope, edit.range, encoding),
        edit.replacement.clone(),
    )
}

/// A configuration error, published on the configuration file. Positions are computed on
/// the configuration text the error carries.
pub fn config_error(e: &ConfigError, encoding: PositionEncoding) -> lsp::Diagnostic {
    let range = match (&e.text, &e.span) {
        (Some(text), Some(span)) => {
            let rope = Rope::from_str(text);
            position::range(
                &rope,
                hirelint_rules::TextRange::new(span.start, span.end),
                encoding,
            )
        }
        _ => Range::new(Position::new(0, 0), Position::new(0, 0)),
    };
    let message = match &e.help {
        Some(help) => format!("{}\n{help}", e.message),
        None => e.message.clone(),
    };
    lsp::Diagnostic {
        range,
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config".to_owned())),
        source: Some(SOURCE.to_owned()),
        message,
        ..lsp::Diagnostic::default()
    }
}
