//! `hirelint rules`: every rule with its category, default severity, fix availability and
//! summary.

use super::args::{RulesArgs, RulesFormat};
use super::exit::ExitStatus;
use super::{write_stderr, write_stdout};
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct RuleRow {
    id: &'static str,
    category: &'static str,
    default_severity: &'static str,
    fix: &'static str,
    summary: String,
}

fn rows() -> Vec<RuleRow> {
    hirelint_rules::rules()
        .map(|(_, meta)| RuleRow {
            id: meta.id,
            category: meta.category.as_str(),
            default_severity: meta.default_severity.as_str(),
            fix: meta.fix.as_str(),
            // One line, whatever the doc's wrapping.
            summary: meta
                .summary()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect()
}

pub fn run(args: &RulesArgs) -> ExitStatus {
    let rows = rows();
    let text = match args.format {
        RulesFormat::Text => text(&rows),
        RulesFormat::Markdown => markdown(&rows),
        RulesFormat::Json => {
            let mut s = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned());
            s.push('\n');
            s
        }
    };
    match write_stdout(text.as_bytes()) {
        Ok(()) => ExitStatus::Success,
        Err(e) => {
            write_stderr(&format!("error: cannot write: {e}"));
            ExitStatus::Error
        }
    }
}

fn text(rows: &[RuleRow]) -> String {
    let header = ["RULE", "CATEGORY", "SEVERITY", "FIX", "SUMMARY"];
    let width = |pick: fn(&RuleRow) -> &str, title: &str| {
        rows.iter()
            .map(|r| pick(r).len())
            .chain([title.len()])
            .max()
            .unwrap_or(0)
    };
    let w = [
        width(|r| r.id, header[0]),
        width(|r| r.category, header[1]),
        width(|r| r.default_severity, header[2]),
        width(|r| r.fix, header[3]),
    ];
    let mut out = String::new();
    let mut line = |cells: [&str; 5]| {
        let _ = writeln!(
            out,
            "{:w0$}  {:w1$}  {:w2$}  {:w3$}  {}",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            cells[4],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3],
        );
    };
    line(header);
    for r in rows {
        line([r.id, r.category, r.default_severity, r.fix, &r.summary]);
    }
    out
}

fn markdown(rows: &[RuleRow]) -> String {
    let mut out = String::from(
        "| Rule | Category | Default severity | Fix | Summary |\n| --- | --- | --- | --- | --- |\n",
    );
    for r in rows {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            r.id,
            r.category,
            r.default_severity,
            r.fix,
            r.summary.replace('|', "\\|")
        );
    }
    out
}
