//! `--format github`: GitHub Actions workflow commands, one annotation per diagnostic.

use super::{FileReport, Region};
use crate::line_index::LineIndex;
use hirelint_rules::Severity;
use std::fmt::Write;

pub fn render(files: &[FileReport]) -> String {
    let mut out = String::new();
    for file in files {
        let index = LineIndex::new(&file.source);
        for d in &file.diagnostics {
            let r = Region::new(&index, d.range);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&file.path),
                r.start.line,
                r.start.column,
                r.end.line,
                r.end.column,
                escape_property(d.rule.as_str()),
                escape_data(&d.message),
            );
        }
    }
    out
}

/// The message part: `%`, CR and LF are escaped.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as data, plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\r\nb: c,d"), "50%25 a%0D%0Ab: c,d");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
