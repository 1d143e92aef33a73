//! Parity: every resume fixture gives the same diagnostics (rule, severity, message, byte
//! range) and the same fixes through `hirelint lint --format json` as through the server.

use crate::client::{Encoding, Server, offset, range, uri_of};
use crate::common::{root, run_in};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// (rule, severity, message, start, end) with byte offsets.
pub type Key = (String, String, String, usize, usize);

/// `hirelint lint --format json` of a file, or of `text` on stdin named `name`.
pub fn cli_json(dir: &Path, name: &str, text: Option<&str>) -> Vec<Value> {
    let run = match text {
        Some(text) => run_in(
            dir,
            &["lint", "--format", "json", "--stdin-filename", name, "-"],
            Some(text.as_bytes()),
        ),
        None => run_in(dir, &["lint", "--format", "json", name], None),
    };
    serde_json::from_value(run.json()).unwrap()
}

/// `hirelint lint --fix` of `text` on stdin: the fixed text.
pub fn cli_fix(dir: &Path, name: &str, text: &str) -> String {
    run_in(
        dir,
        &["lint", "--fix", "--stdin-filename", name, "-"],
        Some(text.as_bytes()),
    )
    .stdout
}

/// The byte offset of a CLI position: 1-based line (LF-separated), 1-based char column.
fn cli_offset(text: &str, line: u64, column: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize - 1)
        .map(str::len)
        .sum();
    let rest = &text[start..];
    start
        + rest
            .char_indices()
            .nth(column as usize - 1)
            .map_or(rest.len(), |(i, _)| i)
}

pub fn cli_keys(text: &str, diagnostics: &[Value]) -> Vec<Key> {
    diagnostics
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
                cli_offset(
                    text,
                    d["line"].as_u64().unwrap(),
                    d["column"].as_u64().unwrap(),
                ),
                cli_offset(
                    text,
                    d["end_line"].as_u64().unwrap(),
                    d["end_column"].as_u64().unwrap(),
                ),
            )
        })
        .collect()
}

pub fn lsp_keys(text: &str, diagnostics: &[Value], encoding: Encoding) -> Vec<Key> {
    diagnostics
        .iter()
        .map(|d| {
            let severity = match d["severity"].as_u64() {
                Some(1) => "error",
                Some(2) => "warning",
                _ => "info",
            };
            (
                d["code"].as_str().unwrap().to_owned(),
                severity.to_owned(),
                d["message"].as_str().unwrap().to_owned(),
                offset(text, &d["range"]["start"], encoding),
                offset(text, &d["range"]["end"], encoding),
            )
        })
        .collect()
}

fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [
        "rules/tests/fixtures/good",
        "rules/tests/fixtures/bad",
        "tests/fixtures/resumes",
    ] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|e| e == "md" || e == "yaml" || e == "json")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_resume_fixture_lints_the_same_in_the_cli_and_the_server() {
    let files = fixtures();
    assert!(files.len() >= 6, "{files:?}");
    for encodings in [&["utf-8"][..], &["utf-16"][..]] {
        let mut server = Server::builder()
            .cwd(&root())
            .encodings(Some(encodings))
            .start();
        let enc = server.encoding;
        let mut compared = 0;
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            let relative = path
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let cli = cli_json(&root(), &relative, None);
            let uri = uri_of(path);
            let language = match path.extension().and_then(|e| e.to_str()) {
                Some("md") => "markdown",
                Some(other) => other,
                None => "plaintext",
            };
            server.open_uri(&uri, language, &text);
            let lsp = server.diagnostics(&uri, Some(1));
            let expected = cli_keys(&text, &cli);
            assert_eq!(
                lsp_keys(&text, &lsp, enc),
                expected,
                "{relative} ({encodings:?})"
            );
            compared += expected.len();

            // Each diagnostic's quick fixes are its fixes, in order, by title and edit.
            for (d, key) in cli.iter().zip(&expected) {
                let r = range(&text, key.3, key.4, enc);
                let actions = server.code_actions(&uri, r, Some(&["quickfix"]));
                let fixes: Vec<(String, Value)> = actions
                    .iter()
                    .filter(|a| {
                        a["diagnostics"][0]["code"] == key.0.as_str()
                            && a["diagnostics"][0]["range"] == range(&text, key.3, key.4, enc)
                            && a["diagnostics"][0]["message"] == key.2.as_str()
                    })
                    .map(|a| {
                        let edits: Vec<Value> = a["edit"]["changes"][&uri]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|e| {
                                json!([
                                    offset(&text, &e["range"]["start"], enc),
                                    offset(&text, &e["range"]["end"], enc),
                                    e["newText"]
                                ])
                            })
                            .collect();
                        (a["title"].as_str().unwrap().to_owned(), json!(edits))
                    })
                    .collect();
                let cli_fixes: Vec<(String, Value)> = d["fixes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| {
                        let edits: Vec<Value> = f["edits"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|e| {
                                json!([
                                    cli_offset(
                                        &text,
                                        e["line"].as_u64().unwrap(),
                                        e["column"].as_u64().unwrap()
                                    ),
                                    cli_offset(
                                        &text,
                                        e["end_line"].as_u64().unwrap(),
                                        e["end_column"].as_u64().unwrap()
                                    ),
                                    e["replacement"]
                                ])
                            })
                            .collect();
                        (f["title"].as_str().unwrap().to_owned(), json!(edits))
                    })
                    .collect();
                // Two diagnostics with the same rule, range and message offer their
                // fixes together; compare as a prefix then.
                assert!(
                    fixes.starts_with(&cli_fixes) || fixes == cli_fixes,
                    "{relative}: {key:?}\nlsp {fixes:#?}\ncli {cli_fixes:#?}"
                );
            }
        }
        assert!(compared > 20, "only {compared} diagnostics compared");
    }
}

/// The related places of the CLI's diagnostics and of the server's, as (path, message,
/// start, end) with byte offsets in the posting.
type RelatedKey = Vec<(PathBuf, String, usize, usize)>;

#[test]
fn with_a_posting_the_cli_and_the_server_agree() {
    let dir = root().join("tests/fixtures/posting");
    let posting_path = dir.join("posting.md").canonicalize().unwrap();
    // (resume, how the CLI is told the posting, how the server is)
    let cases: [(&str, Option<&str>, Option<Value>); 3] = [
        (
            "resume.md",
            Some("posting.md"),
            Some(json!({ "posting": posting_path.to_string_lossy() })),
        ),
        ("front/resume.md", None, None),
        ("configured/resume.md", None, None),
    ];
    for (name, cli_posting, options) in cases {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut args = vec!["lint", "--format", "json", name];
        if let Some(p) = cli_posting {
            args.extend(["--posting", p]);
        }
        let cli: Vec<Value> = serde_json::from_value(run_in(&dir, &args, None).json()).unwrap();
        let mut builder = Server::builder().cwd(&root()).encodings(Some(&["utf-16"]));
        if let Some(options) = options {
            builder = builder.init_options(options);
        }
        let mut server = builder.start();
        let uri = uri_of(&path);
        server.open_uri(&uri, "markdown", &text);
        let lsp = server.diagnostics(&uri, Some(1));
        let expected = cli_keys(&text, &cli);
        assert!(
            expected.iter().any(|k| k.0 == "missing-keyword"),
            "{name}: no posting rule in {expected:#?}"
        );
        assert_eq!(lsp_keys(&text, &lsp, server.encoding), expected, "{name}");
        // The same places in the posting.
        let cli_related: Vec<RelatedKey> = cli
            .iter()
            .map(|d| {
                d.get("related")
                    .and_then(Value::as_array)
                    .map(|rs| {
                        rs.iter()
                            .map(|r| {
                                let file = dir.join(r["path"].as_str().unwrap());
                                let posting = std::fs::read_to_string(&file).unwrap();
                                (
                                    file.canonicalize().unwrap(),
                                    r["message"].as_str().unwrap().to_owned(),
                                    cli_offset(
                                        &posting,
                                        r["line"].as_u64().unwrap(),
                                        r["column"].as_u64().unwrap(),
                                    ),
                                    cli_offset(
                                        &posting,
                                        r["end_line"].as_u64().unwrap(),
                                        r["end_column"].as_u64().unwrap(),
                                    ),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let lsp_related: Vec<RelatedKey> = lsp
            .iter()
            .map(|d| {
                d.get("relatedInformation")
                    .and_then(Value::as_array)
                    .map(|rs| {
                        rs.iter()
                            .map(|r| {
                                let uri = r["location"]["uri"].as_str().unwrap();
                                let file = PathBuf::from(
                                    uri.strip_prefix("file://").unwrap().replace("%20", " "),
                                );
                                let posting = std::fs::read_to_string(&file).unwrap();
                                let range = &r["location"]["range"];
                                (
                                    file.canonicalize().unwrap(),
                                    r["message"].as_str().unwrap().to_owned(),
                                    offset(&posting, &range["start"], Encoding::Utf16),
                                    offset(&posting, &range["end"], Encoding::Utf16),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(lsp_related, cli_related, "{name}");
    }
}
