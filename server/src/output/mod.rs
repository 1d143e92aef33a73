//! Renderers: one file per output format. They build strings; the CLI writes them.

pub mod github;
pub mod json;
pub mod matching;
pub mod sarif;
pub mod text;

use crate::line_index::{LineCol, LineIndex};
use hirelint_rules::{Diagnostic, TextRange};

/// The diagnostics of one linted file, with its source for positions and snippets.
#[derive(Debug)]
pub struct FileReport {
    /// As the user named it (relative paths stay relative), with `/` separators.
    pub path: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
    /// The job posting the file was linted against: related information points into it.
    pub posting: Option<std::sync::Arc<crate::workspace::LoadedPosting>>,
}

/// Start and end (exclusive) of a range, as 1-based lines and char columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub start: LineCol,
    pub end: LineCol,
}

impl Region {
    pub fn new(index: &LineIndex<'_>, range: TextRange) -> Region {
        Region {
            start: index.line_col(range.start()),
            end: index.line_col(range.end()),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Every renderer against the same hand-made diagnostics: the engine is not needed to
    //! check positions, escaping and shapes.

    use super::*;
    use hirelint_rules::{Edit, Fix, RuleId, Severity};
    use serde_json::Value;

    const SOURCE: &str = "# Zoë\n\n- 😀 Responsible for payroll\n";

    fn sample() -> Vec<FileReport> {
        let start = SOURCE.find("Responsible").unwrap_or(0);
        let range = TextRange::new(start, start + "Responsible for".len());
        vec![FileReport {
            path: "dir/ré sumé.md".to_owned(),
            source: SOURCE.to_owned(),
            diagnostics: vec![
                Diagnostic {
                    rule: RuleId::WeakOpener,
                    severity: Severity::Warning,
                    range,
                    message: "weak opener \"Responsible for\": 50%, a:b".to_owned(),
                    fixes: vec![Fix::suggestion(
                        "Replace with \"Managed\"",
                        vec![Edit::replace(range, "Managed")],
                    )],
                    related: Vec::new(),
                },
                Diagnostic {
                    rule: RuleId::MissingSection,
                    severity: Severity::Info,
                    range: TextRange::new(0, SOURCE.len()),
                    message: "no Experience section".to_owned(),
                    fixes: Vec::new(),
                    related: Vec::new(),
                },
            ],
            posting: None,
        }]
    }

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).unwrap_or(Value::Null)
    }

    #[test]
    fn json_positions_are_one_based_chars() {
        let json = parse(&json::render(&sample()));
        let d = &json[0];
        assert_eq!(d["path"], "dir/ré sumé.md");
        assert_eq!(d["rule"], "weak-opener");
        assert_eq!(d["severity"], "warning");
        assert_eq!(
            (&d["line"], &d["column"], &d["end_line"], &d["end_column"]),
            (
                &Value::from(3),
                &Value::from(5),
                &Value::from(3),
                &Value::from(20)
            )
        );
        let fix = &d["fixes"][0];
        assert_eq!(fix["title"], "Replace with \"Managed\"");
        assert_eq!(fix["applicability"], "suggestion");
        let edit = &fix["edits"][0];
        assert_eq!(
            (&edit["line"], &edit["column"], &edit["end_column"]),
            (&Value::from(3), &Value::from(5), &Value::from(20))
        );
        assert_eq!(edit["replacement"], "Managed");
        let whole = &json[1];
        assert_eq!(
            (&whole["line"], &whole["column"]),
            (&Value::from(1), &Value::from(1))
        );
        assert_eq!(
            (&whole["end_line"], &whole["end_column"]),
            (&Value::from(4), &Value::from(1))
        );
    }

    #[test]
    fn sarif_results_and_fixes() {
        let sarif = parse(&sarif::render(&sample()));
        let result = &sarif["runs"][0]["results"][0];
        assert_eq!(result["ruleId"], "weak-opener");
        assert_eq!(result["level"], "warning");
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "dir/ré%20sumé.md");
        assert_eq!(location["region"]["startColumn"], 5);
        assert_eq!(location["region"]["endColumn"], 20);
        let rule_index = result["ruleIndex"].as_u64().unwrap_or(999) as usize;
        assert_eq!(
            sarif["runs"][0]["tool"]["driver"]["rules"][rule_index]["id"],
            "weak-opener"
        );
        let replacement = &result["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "Managed");
        assert_eq!(replacement["deletedRegion"]["startColumn"], 5);
        assert_eq!(sarif["runs"][0]["results"][1]["level"], "note");
    }

    #[test]
    fn github_commands() {
        let text = github::render(&sample());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "::warning file=dir/ré sumé.md,line=3,col=5,endLine=3,endColumn=20,title=weak-opener::weak opener \"Responsible for\": 50%25, a:b",
                "::notice file=dir/ré sumé.md,line=1,col=1,endLine=4,endColumn=1,title=missing-section::no Experience section",
            ]
        );
    }

    #[test]
    fn text_snippets() {
        let files = sample();
        let text = text::render_file(&files[0], false);
        assert!(text.contains("warning[weak-opener]: weak opener"), "{text}");
        assert!(text.contains(" --> dir/ré sumé.md:3:5"), "{text}");
        assert!(text.contains("3 | - 😀 Responsible for payroll"), "{text}");
        assert!(text.contains(&"^".repeat(15)), "{text}");
        assert!(text.contains("= help: Replace with \"Managed\""), "{text}");
        assert!(
            text.contains("info[missing-section]: no Experience section"),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text::render_file(&files[0], true).contains('\u{1b}'));
        assert_eq!(
            text::summary(&files, 1, 0),
            "Found 2 problems (1 warning, 1 info) in 1 file\n"
        );
        assert_eq!(
            text::summary(&[], 3, 2),
            "No problems found in 3 files; skipped 2 files that are not resumes (--all-files lints them)\n"
        );
    }

    #[test]
    fn text_survives_odd_ranges() {
        let mut files = sample();
        let long = "line\n".repeat(50);
        files[0].source = format!("é{long}");
        for d in &mut files[0].diagnostics {
            // Inside a char, past the end, empty: none of it may panic.
            d.range = TextRange::new(1, 10_000);
        }
        files[0].diagnostics[1].range = TextRange::empty(3);
        let text = text::render_file(&files[0], false);
        assert!(text.contains("1 | é"), "{text}");
        let _ = json::render(&files);
        let _ = sarif::render(&files);
        let _ = github::render(&files);
    }
}
