//! End-to-end tests of the `hirelint` binary: exit codes, every output format, standard
//! input, directory walks, configuration errors and bad input. The binary runs from the
//! workspace root, so paths in its output are `tests/fixtures/...`.

#[path = "common/mod.rs"]
mod common;

use common::{Run, root, run_in};
use serde_json::Value;

fn hirelint(args: &[&str]) -> Run {
    run_in(&root(), args, None)
}

fn hirelint_stdin(args: &[&str], input: &str) -> Run {
    run_in(&root(), args, Some(input.as_bytes()))
}

const GOOD: &str = "tests/fixtures/resumes/resume.md";
const DUPLICATE_KEY: &str = "tests/fixtures/resumes/cv-duplicate-key.yaml";
const UNICODE: &str = "tests/fixtures/resumes/resume-unicode.json";

// ---------------------------------------------------------------- exit codes and text

#[test]
fn version() {
    let run = hirelint(&["--version"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("hirelint "), "{run:?}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(hirelint(&[]).code, 2);
    assert_eq!(hirelint(&["lint", "--format", "xml", GOOD]).code, 2);
    assert_eq!(hirelint(&["lint", "--fail-on", "loud", GOOD]).code, 2);
    assert_eq!(hirelint(&["frobnicate"]).code, 2);
}

#[test]
fn good_resume_exits_0() {
    let run = hirelint(&["lint", GOOD]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "No problems found in 1 file\n", "{run:?}");
    assert_eq!(run.stderr, "");
}

#[test]
fn diagnostic_exits_1_with_a_snippet() {
    let run = hirelint(&["lint", DUPLICATE_KEY]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("error[syntax-error]: "), "{run:?}");
    assert!(
        run.stdout.contains(&format!("--> {DUPLICATE_KEY}:4:")),
        "{run:?}"
    );
    // The offending line is drawn, with the span underlined.
    assert!(run.stdout.contains("4 |   name: Jordan R."), "{run:?}");
    assert!(run.stdout.contains('^'), "{run:?}");
    assert!(
        run.stdout.contains("Found 1 problem (1 error) in 1 file"),
        "{run:?}"
    );
}

#[test]
fn fail_on_threshold() {
    // An error fails at every threshold...
    let run = hirelint(&["lint", "--fail-on", "error", DUPLICATE_KEY]);
    assert_eq!(run.code, 1, "{run:?}");
    // ...and nothing fails once the rule is off, by id or by category.
    let run = hirelint(&["lint", "--ignore", "syntax-error", DUPLICATE_KEY]);
    assert_eq!(run.code, 0, "{run:?}");
    let run = hirelint(&["lint", "--select", "layout,verbs", DUPLICATE_KEY]);
    assert_eq!(run.code, 0, "{run:?}");
}

// ---------------------------------------------------------------- machine formats

fn char_column(line: &str, needle: &str, nth: usize) -> usize {
    let byte = line
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("needle in line");
    line[..byte].chars().count() + 1
}

#[test]
fn json_contract_with_char_columns() {
    let run = hirelint(&["lint", "--format", "json", UNICODE]);
    assert_eq!(run.code, 1, "{run:?}");
    let json = run.json();
    let items = json.as_array().expect("an array");
    assert_eq!(items.len(), 1, "{run:?}");
    let d = &items[0];
    for key in [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "fixes",
    ] {
        assert!(d.get(key).is_some(), "missing {key}: {d}");
    }
    assert_eq!(d["path"], UNICODE);
    assert_eq!(d["rule"], "syntax-error");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 1);
    assert!(d["fixes"].is_array());
    // The second `"name"` comes after "ë" and an emoji on the same line: its column counts
    // chars, not bytes or UTF-16 units.
    let source = std::fs::read_to_string(root().join(UNICODE)).expect("fixture");
    let quote = char_column(&source, "\"name\"", 1);
    let column = d["column"].as_u64().expect("column") as usize;
    assert!(
        column == quote || column == quote + 1,
        "column {column}: {d}"
    );
    let end = d["end_column"].as_u64().expect("end_column") as usize;
    assert!(end > column, "{d}");
}

#[test]
fn json_is_an_empty_array_when_clean() {
    let run = hirelint(&["lint", "--format", "json", GOOD]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.json(), Value::Array(Vec::new()));
}

fn check_sarif_rules(sarif: &Value) {
    assert_eq!(sarif["version"], "2.1.0");
    assert!(
        sarif["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif"))
    );
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "hirelint");
    assert!(driver["version"].is_string());
    let rules = driver["rules"].as_array().expect("rules[]");
    assert!(rules.len() >= 14, "{}", rules.len());
    for rule in rules {
        assert!(rule["id"].is_string(), "{rule}");
        assert!(rule["shortDescription"]["text"].is_string(), "{rule}");
        assert!(rule["fullDescription"]["text"].is_string(), "{rule}");
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .is_some_and(|d| d.contains("## What it does")),
            "{rule}"
        );
        let level = rule["defaultConfiguration"]["level"].as_str();
        assert!(
            matches!(level, Some("error" | "warning" | "note")),
            "{rule}"
        );
    }
    assert!(rules.iter().any(|r| r["id"] == "weak-opener"));
}

#[test]
fn sarif_rules_when_clean() {
    let run = hirelint(&["lint", "--format", "sarif", GOOD]);
    assert_eq!(run.code, 0, "{run:?}");
    let sarif = run.json();
    check_sarif_rules(&sarif);
    assert_eq!(sarif["runs"][0]["results"], Value::Array(Vec::new()));
}

#[test]
fn sarif_results() {
    let run = hirelint(&["lint", "--format", "sarif", DUPLICATE_KEY]);
    assert_eq!(run.code, 1, "{run:?}");
    let sarif = run.json();
    check_sarif_rules(&sarif);
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "{run:?}");
    let r = &results[0];
    assert_eq!(r["ruleId"], "syntax-error");
    assert_eq!(r["level"], "error");
    assert!(r["message"]["text"].is_string());
    let location = &r["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], DUPLICATE_KEY);
    let region = &location["region"];
    assert_eq!(region["startLine"], 4);
    for key in ["startColumn", "endLine", "endColumn"] {
        assert!(region[key].as_u64().is_some_and(|n| n >= 1), "{region}");
    }
}

#[test]
fn github_annotations() {
    let run = hirelint(&["lint", "--format", "github", DUPLICATE_KEY]);
    assert_eq!(run.code, 1, "{run:?}");
    let line = run.stdout.lines().next().expect("one annotation");
    let prefix = format!("::error file={DUPLICATE_KEY},line=4,col=");
    assert!(line.starts_with(&prefix), "{run:?}");
    assert!(line.contains(",endLine=4,endColumn="), "{run:?}");
    assert!(line.contains(",title=syntax-error::"), "{run:?}");
}

#[test]
fn github_prints_nothing_when_clean() {
    let run = hirelint(&["lint", "--format", "github", GOOD]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "");
}

// ---------------------------------------------------------------- stdin

#[test]
fn stdin_with_a_file_name() {
    let source = std::fs::read_to_string(root().join(GOOD)).expect("fixture");
    let run = hirelint_stdin(&["lint", "--stdin-filename", "resume.md", "-"], &source);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "No problems found in 1 file\n");
}

#[test]
fn stdin_name_picks_format_and_path() {
    let source = std::fs::read_to_string(root().join(DUPLICATE_KEY)).expect("fixture");
    let run = hirelint_stdin(
        &[
            "lint",
            "--format",
            "json",
            "--stdin-filename",
            "cv.yaml",
            "-",
        ],
        &source,
    );
    assert_eq!(run.code, 1, "{run:?}");
    let json = run.json();
    assert_eq!(json[0]["path"], "cv.yaml", "{run:?}");
    assert_eq!(json[0]["line"], 4, "{run:?}");
}

#[test]
fn stdin_without_a_name_is_linted() {
    let run = hirelint_stdin(&["lint", "-"], "# Jordan Rivera\n\n- Built things\n");
    assert_ne!(run.code, 2, "{run:?}");
    assert!(run.stdout.contains("in 1 file"), "{run:?}");
}

// ---------------------------------------------------------------- directories

#[test]
fn directory_walk_lints_only_resumes() {
    // walk/: resume.md (by name), sub/portfolio.md (front matter `resume: true`),
    // README.md (skipped), and copies in node_modules/, target/ and .hidden/ (never entered).
    let run = hirelint(&["lint", "tests/fixtures/walk"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "No problems found in 2 files; skipped 1 file that is not a resume (--all-files lints them)\n"
    );
    // With --all-files the README is linted too, and it is no resume.
    let run = hirelint(&["lint", "--all-files", "tests/fixtures/walk"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("walk/README.md"), "{run:?}");
    assert!(!run.stdout.contains("portfolio.md"), "{run:?}");
}

#[test]
fn directory_walk_reports_resumes_in_sorted_order() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let yaml = std::fs::read(root().join(DUPLICATE_KEY)).expect("fixture");
    for name in ["b/cv.yaml", "a/resume.yaml", "c/resume.yaml"] {
        let path = tmp.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &yaml).expect("write");
    }
    let run = run_in(tmp.path(), &["lint", "--format", "json", "."], None);
    assert_eq!(run.code, 1, "{run:?}");
    let paths: Vec<String> = run
        .json()
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["path"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        paths,
        ["a/resume.yaml", "b/cv.yaml", "c/resume.yaml"],
        "{run:?}"
    );
}

// ---------------------------------------------------------------- bad input

#[test]
fn broken_files_are_reported_and_the_others_linted() {
    let run = hirelint(&[
        "lint",
        "tests/fixtures/bad/resume-latin1.md",
        "tests/fixtures/bad/resume-binary.json",
        GOOD,
        "tests/fixtures/bad/no-such-resume.md",
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "tests/fixtures/bad/resume-latin1.md: not valid UTF-8 (invalid byte at byte offset 5)"
        ),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("tests/fixtures/bad/resume-binary.json: binary file"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("tests/fixtures/bad/no-such-resume.md: cannot read"),
        "{run:?}"
    );
    assert_eq!(run.stdout, "No problems found in 1 file\n", "{run:?}");
}

#[test]
fn broken_file_does_not_hide_diagnostics_of_others() {
    let run = hirelint(&[
        "lint",
        "--format",
        "json",
        "tests/fixtures/bad/resume-latin1.md",
        DUPLICATE_KEY,
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.json().as_array().map(Vec::len), Some(1), "{run:?}");
}

#[test]
fn oversized_file_is_refused_by_name() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let big = tmp.path().join("resume.md");
    let mut text = String::from("# Jordan Rivera\n\n");
    let line = "- Built a shipment tracking API serving 3 million requests per day\n";
    while text.len() <= 10 * 1024 * 1024 {
        text.push_str(line);
    }
    std::fs::write(&big, &text).expect("write");
    std::fs::copy(root().join(GOOD), tmp.path().join("cv.md")).expect("copy");
    let run = run_in(tmp.path(), &["lint", "resume.md", "cv.md"], None);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("resume.md: file too large"), "{run:?}");
    assert_eq!(run.stdout, "No problems found in 1 file\n", "{run:?}");
}

#[test]
fn non_resumes_that_cannot_be_read_are_skipped_in_a_walk() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("data.json"), b"\xff\xfe\0binary").expect("write");
    std::fs::copy(root().join(GOOD), tmp.path().join("resume.md")).expect("copy");
    let run = run_in(tmp.path(), &["lint", "."], None);
    assert_eq!(run.code, 0, "{run:?}");
    // With --all-files every candidate must be readable.
    let run = run_in(tmp.path(), &["lint", "--all-files", "."], None);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("data.json: binary file"), "{run:?}");
}

// ---------------------------------------------------------------- configuration

#[test]
fn unknown_rule_in_config() {
    let run = hirelint(&["lint", "tests/fixtures/config/unknown-rule/resume.md"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("tests/fixtures/config/unknown-rule/.hirelint.toml:2:1"),
        "{run:?}"
    );
    assert!(run.stderr.contains("\"weak-openr\""), "{run:?}");
    assert!(
        run.stderr.contains("did you mean \"weak-opener\"?"),
        "{run:?}"
    );
    assert!(run.stderr.contains("valid rule ids: "), "{run:?}");
    // Files governed by a broken configuration are not linted with the wrong settings.
    assert_eq!(run.stdout, "No problems found in 0 files\n", "{run:?}");
}

#[test]
fn unknown_key_in_config() {
    let run = hirelint(&["lint", "tests/fixtures/config/unknown-key/resume.md"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("tests/fixtures/config/unknown-key/.hirelint.toml:2:1"),
        "{run:?}"
    );
    assert!(run.stderr.contains("fail-level"), "{run:?}");
    assert!(
        run.stderr.contains("valid keys: rules, market, fail-on"),
        "{run:?}"
    );
}

#[test]
fn config_errors_are_reported_once_and_other_files_still_linted() {
    let run = hirelint(&["lint", "tests/fixtures/config/unknown-rule", GOOD]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stderr.matches("did you mean").count(), 1, "{run:?}");
    assert_eq!(run.stdout, "No problems found in 1 file\n", "{run:?}");
}

#[test]
fn nearest_config_applies() {
    // ignore-syntax/.hirelint.toml turns the `syntax` category off for nested/cv.yaml.
    let run = hirelint(&["lint", "tests/fixtures/config/ignore-syntax/nested/cv.yaml"]);
    assert_eq!(run.code, 0, "{run:?}");
    // --select re-enables it on top of the file.
    let run = hirelint(&[
        "lint",
        "--select",
        "syntax-error",
        "tests/fixtures/config/ignore-syntax/nested/cv.yaml",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
}

#[test]
fn explicit_config_replaces_discovery() {
    let run = hirelint(&[
        "lint",
        "--config",
        "tests/fixtures/config/ignore-syntax/.hirelint.toml",
        DUPLICATE_KEY,
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    // A broken --config is fatal.
    let run = hirelint(&[
        "lint",
        "--config",
        "tests/fixtures/config/unknown-key/.hirelint.toml",
        GOOD,
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
    let run = hirelint(&["lint", "--config", "tests/fixtures/no-such.toml", GOOD]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("tests/fixtures/no-such.toml"),
        "{run:?}"
    );
}

#[test]
fn config_values_are_validated() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join(".hirelint.toml"),
        "market = \"mars\"\n[rules]\nraw-html = \"loud\"\n[extend-headings]\n\"My Journey\" = \"odyssey\"\n",
    )
    .expect("write");
    std::fs::copy(root().join(GOOD), tmp.path().join("resume.md")).expect("copy");
    let run = run_in(tmp.path(), &["lint", "resume.md"], None);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("unknown market \"mars\""), "{run:?}");
    assert!(
        run.stderr
            .contains("valid markets: au, ca, cn, de, fr, in, uk, us"),
        "{run:?}"
    );
    assert!(run.stderr.contains("invalid level \"loud\""), "{run:?}");
    assert!(
        run.stderr
            .contains("\"off\", \"info\", \"warning\", \"error\""),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("unknown section \"odyssey\""),
        "{run:?}"
    );
    assert!(run.stderr.contains("experience"), "{run:?}");
}

#[test]
fn valid_config_is_accepted() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join(".hirelint.toml"),
        "market = \"us\"\nfail-on = \"error\"\nextend-action-verbs = [\"shipped\"]\n\n\
         [rules]\nlayout = \"info\"\nraw-html = \"off\"\n\n\
         [extend-weak-openers]\n\"was in charge of\" = [\"lead\", \"manage\"]\n\n\
         [extend-headings]\n\"Where I've Worked\" = \"experience\"\n",
    )
    .expect("write");
    std::fs::copy(root().join(GOOD), tmp.path().join("resume.md")).expect("copy");
    let run = run_in(tmp.path(), &["lint", "resume.md"], None);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn unknown_rule_on_the_command_line() {
    let run = hirelint(&["lint", "--select", "weak-openr", GOOD]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("did you mean \"weak-opener\"?"),
        "{run:?}"
    );
    let run = hirelint(&["lint", "--ignore", "syntax-error,layot", GOOD]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("did you mean \"layout\"?"), "{run:?}");
}

// ---------------------------------------------------------------- rules and explain

#[test]
fn rules_lists_every_rule() {
    let run = hirelint(&["rules"]);
    assert_eq!(run.code, 0, "{run:?}");
    for id in [
        "weak-opener",
        "missing-metric",
        "personal-data",
        "syntax-error",
    ] {
        assert!(run.stdout.contains(id), "{id}: {run:?}");
    }
    let run = hirelint(&["rules", "--format", "json"]);
    let rules = run.json();
    let rules = rules.as_array().expect("array");
    assert!(rules.len() >= 14);
    for rule in rules {
        for key in ["id", "category", "default_severity", "fix", "summary"] {
            assert!(rule[key].is_string(), "{key}: {rule}");
        }
    }
    let run = hirelint(&["rules", "--format", "markdown"]);
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/rules.md"))
        .expect("docs/rules.md");
    assert_eq!(
        run.stdout, docs,
        "`rules --format markdown` is docs/rules.md"
    );
    assert!(
        run.stdout
            .contains("| [`weak-opener`](#weak-opener) | verbs |"),
        "{run:?}"
    );
}

#[test]
fn explain_prints_the_doc() {
    let run = hirelint(&["explain", "syntax-error"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("# syntax-error\n"), "{run:?}");
    assert!(run.stdout.contains("## What it does"), "{run:?}");
    assert!(run.stdout.contains("## Use instead"), "{run:?}");
}

#[test]
fn explain_unknown_rule_suggests() {
    let run = hirelint(&["explain", "weak-openr"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("did you mean \"weak-opener\"?"),
        "{run:?}"
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn config_include_names_resumes_in_a_directory_walk() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let apps = tmp.path().join("applications");
    std::fs::create_dir_all(&apps).expect("mkdir");
    // Neither name nor content says "resume": only the configuration does.
    std::fs::copy(root().join(GOOD), apps.join("acme.md")).expect("copy");
    std::fs::write(tmp.path().join("notes.md"), "# Notes\n\nNothing here.\n").expect("write");
    let run = run_in(tmp.path(), &["lint", "."], None);
    assert!(run.stdout.contains("skipped 2 files"), "{run:?}");

    std::fs::write(
        tmp.path().join(".hirelint.toml"),
        "include = [\"applications/*.md\"]\n",
    )
    .expect("write");
    let run = run_in(tmp.path(), &["lint", "."], None);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("in 1 file; skipped 1 file"), "{run:?}");

    std::fs::write(tmp.path().join(".hirelint.toml"), "include = [\"[\"]\n").expect("write");
    let run = run_in(tmp.path(), &["lint", "."], None);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("include: invalid pattern"), "{run:?}");
}

#[test]
fn readme_json_example_is_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme.find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + readme[start..].find("```").expect("closing fence");
    let documented: serde_json::Value = serde_json::from_str(&readme[start..end]).expect("json");

    let run = hirelint(&[
        "lint",
        "--format",
        "json",
        "--select",
        "weak-opener",
        "examples/resume.md",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    let mut first = run.json()[0].clone();
    // The README shows one of the fixes.
    first["fixes"] = serde_json::Value::Array(vec![first["fixes"][0].clone()]);
    assert_eq!(documented, serde_json::Value::Array(vec![first]));
}

// ---------------------------------------------------------------- --fix and --diff

const FIXABLE_MD: &str = "# ⭐ Ada Lovelace\n\nada@example.com · (555) 010-0000\n\n## Experience\n\n- 🚀 Cut costs by 20% for 40 staff\n- Responsible for payroll of 40 staff\n\n## Education\n\nBSc, 2010\n\n## Skills\n\nRust\n";
const FIXED_MD: &str = "# Ada Lovelace\n\nada@example.com · (555) 010-0000\n\n## Experience\n\n- Cut costs by 20% for 40 staff\n- Responsible for payroll of 40 staff\n\n## Education\n\nBSc, 2010\n\n## Skills\n\nRust\n";

#[test]
fn fix_applies_safe_fixes_in_place_and_reports_what_is_left() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("resume.md"), FIXABLE_MD).expect("write");
    let run = run_in(tmp.path(), &["lint", "resume.md"], None);
    assert!(run.stdout.contains("2 fixable with --fix"), "{run:?}");

    let run = run_in(tmp.path(), &["lint", "--fix", "resume.md"], None);
    let after = std::fs::read_to_string(tmp.path().join("resume.md")).expect("read");
    // The glyphs are gone; the weak opener is a suggestion and stays for the author.
    assert_eq!(after, FIXED_MD);
    assert!(run.stdout.contains("Fixed 2 problems in 1 file"), "{run:?}");
    assert!(run.stdout.contains("weak-opener"), "{run:?}");
    // The exit code reflects what is left: a warning.
    assert_eq!(run.code, 1, "{run:?}");

    // Nothing more to do: a second run changes nothing.
    let run = run_in(tmp.path(), &["lint", "--fix", "resume.md"], None);
    assert!(!run.stdout.contains("Fixed"), "{run:?}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("resume.md")).expect("read"),
        FIXED_MD
    );
}

#[test]
fn diff_prints_the_changes_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("resume.md"), FIXABLE_MD).expect("write");
    let run = run_in(tmp.path(), &["lint", "--diff", "resume.md"], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.starts_with("--- a/resume.md\n+++ b/resume.md\n"),
        "{run:?}"
    );
    assert!(
        run.stdout.contains("-# ⭐ Ada Lovelace\n+# Ada Lovelace\n"),
        "{run:?}"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("resume.md")).expect("read"),
        FIXABLE_MD
    );
    // Nothing to fix: empty diff, exit 0.
    std::fs::write(tmp.path().join("resume.md"), FIXED_MD).expect("write");
    let run = run_in(tmp.path(), &["lint", "--diff", "resume.md"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    let run = hirelint_stdin(
        &["lint", "--fix", "--stdin-filename", "resume.md", "-"],
        FIXABLE_MD,
    );
    assert_eq!(run.stdout, FIXED_MD, "{run:?}");
    assert!(run.stderr.contains("weak-opener"), "{run:?}");
}

#[test]
fn fix_keeps_yaml_valid() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let yaml = "basics:\n  name: \"⭐ Ada Lovelace\"\n  email: ada@example.com\n  phone: \"555 010 0000\"\nwork:\n  - position: Engineer\n    startDate: 2020-01\n    highlights:\n      - '🚀 Cut costs by 20% for 40 staff'\n      - >-\n        ✨ Led a team of 5\n        engineers\neducation:\n  - institution: State\nskills:\n  - name: Rust\n";
    std::fs::write(tmp.path().join("resume.yaml"), yaml).expect("write");
    let run = run_in(
        tmp.path(),
        &["lint", "--fix", "--format", "json", "resume.yaml"],
        None,
    );
    assert_ne!(run.code, 2, "{run:?}");
    let after = std::fs::read_to_string(tmp.path().join("resume.yaml")).expect("read");
    assert!(
        !after.contains('⭐') && !after.contains('🚀') && !after.contains('✨'),
        "{after}"
    );
    // Still YAML with the same shape: no syntax error, same keys.
    let check = run_in(
        tmp.path(),
        &[
            "lint",
            "--format",
            "json",
            "--select",
            "syntax-error",
            "resume.yaml",
        ],
        None,
    );
    assert_eq!(
        (check.code, check.stdout.trim()),
        (0, "[]"),
        "{check:?}\n{after}"
    );
    assert!(after.contains("name: \"Ada Lovelace\""), "{after}");
    assert!(
        after.contains("- 'Cut costs by 20% for 40 staff'"),
        "{after}"
    );
}

#[test]
fn future_dates_are_judged_against_the_clock() {
    // The CLI passes the current month to the engine: 2099 lies ahead, 2001 does not.
    let resume = "# Ada\n\nada@example.com\n\n## Experience\n\n\
                  ### Engineer, Acme (Jan 2020 – Dec 2099)\n\n- Cut costs by 20%\n\n\
                  ### Intern, Globex (Jun 2001 – Aug 2001)\n\n- Cut costs by 5%\n";
    let run = hirelint_stdin(
        &[
            "lint",
            "--select",
            "future-date",
            "--stdin-filename",
            "resume.md",
            "-",
        ],
        resume,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("\"Dec 2099\" is after the current month"),
        "{run:?}"
    );
    assert!(!run.stdout.contains("2001\" is after"), "{run:?}");
}

const POSTING: &str = "tests/fixtures/posting/posting.md";
const POSTING_RESUME: &str = "tests/fixtures/posting/resume.md";

#[test]
fn match_prints_the_score_and_every_keyword() {
    let run = hirelint(&["match", POSTING_RESUME, "--posting", POSTING]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Score: "), "{run:?}");
    for line in [
        "must  skills only  exact",
        "Python (4+ years)",
        "must  near-miss    near-miss  Kubernetes (or Docker)",
        "must  missing",
        "Kafka",
        "nice  missing",
        "Terraform",
    ] {
        assert!(run.stdout.contains(line), "{line:?} in {run:?}");
    }
}

#[test]
fn match_json_contract_and_fail_under() {
    let run = hirelint(&[
        "match",
        POSTING_RESUME,
        "--posting",
        POSTING,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let json = run.json();
    let score = json["score"].as_u64().unwrap_or(999);
    assert!(score <= 100, "{run:?}");
    assert!(json["must_have_score"].as_u64().is_some(), "{run:?}");
    let keywords = json["keywords"].as_array().cloned().unwrap_or_default();
    let find = |name: &str| {
        keywords
            .iter()
            .find(|k| k["keyword"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} in {run:?}"))
    };
    let python = find("Python");
    assert_eq!(python["importance"], "must");
    assert_eq!(python["status"], "matched");
    assert_eq!(python["match"], "exact");
    assert_eq!(python["years"], 4);
    assert_eq!(python["resume"][0]["line"], 13);
    assert_eq!(python["resume"][0]["column"], 12);
    assert_eq!(python["resume"][0]["skills"], false);
    assert_eq!(python["resume"][1]["line"], 17);
    assert_eq!(python["resume"][1]["skills"], true);
    assert_eq!(python["posting"][0]["line"], 7);
    assert_eq!(python["posting"][0]["column"], 15);
    let kafka = find("Kafka");
    assert_eq!(kafka["status"], "missing");
    assert_eq!(kafka["match"], Value::Null);
    assert_eq!(kafka["resume"], Value::Array(Vec::new()));
    assert_eq!(find("Terraform")["importance"], "nice");
    let kubernetes = find("Kubernetes");
    assert_eq!(kubernetes["status"], "near-miss");
    assert_eq!(kubernetes["match"], "near-miss");

    // Below the bound fails (1), at or above passes (0), outside 0..=100 is a usage error (2).
    for (bound, code) in [("90", 1), ("0", 0), ("101", 2)] {
        let run = hirelint(&[
            "match",
            POSTING_RESUME,
            "--posting",
            POSTING,
            "--fail-under",
            bound,
        ]);
        assert_eq!(run.code, code, "--fail-under {bound}: {run:?}");
    }
}

#[test]
fn match_reads_the_json_resume_job_schema() {
    let run = hirelint(&[
        "match",
        POSTING_RESUME,
        "--posting",
        "tests/fixtures/posting/job.json",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let json = run.json();
    let names: Vec<&str> = json["keywords"]
        .as_array()
        .map(|a| a.iter().filter_map(|k| k["keyword"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        names,
        [
            "Backend Engineer",
            "Backend Development",
            "Python",
            "Kafka",
            "PostgreSQL",
            "Kubernetes",
            "Docker"
        ],
        "{run:?}"
    );
    assert_eq!(json["keywords"][2]["posting"][0]["line"], 3, "{run:?}");
}

#[test]
fn missing_posting_file_exits_2_naming_it() {
    for command in ["lint", "match"] {
        let run = hirelint(&[
            command,
            POSTING_RESUME,
            "--posting",
            "tests/fixtures/posting/nope.txt",
        ]);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(
            run.stderr.contains("tests/fixtures/posting/nope.txt"),
            "{run:?}"
        );
        assert_eq!(run.stdout, "", "{run:?}");
    }
    let run = hirelint(&["match", GOOD]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("no posting"), "{run:?}");
}

#[test]
fn lint_with_a_posting_adds_the_posting_rules() {
    let without = hirelint(&["lint", "--format", "json", POSTING_RESUME]);
    let rules = |run: &Run| -> Vec<String> {
        run.json()
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|d| d["rule"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(
        !rules(&without).iter().any(|r| r.contains("keyword")),
        "{without:?}"
    );
    // The posting says "results-driven": not a buzzword for this resume.
    assert!(
        rules(&without).contains(&"buzzword".to_owned()),
        "{without:?}"
    );
    let with = hirelint(&[
        "lint",
        "--format",
        "json",
        "--posting",
        POSTING,
        POSTING_RESUME,
    ]);
    let found = rules(&with);
    for rule in [
        "missing-keyword",
        "keyword-only-in-skills",
        "near-miss-keyword",
    ] {
        assert!(found.contains(&rule.to_owned()), "{rule} in {with:?}");
    }
    assert!(!found.contains(&"buzzword".to_owned()), "{with:?}");
    let json = with.json();
    let missing = json
        .as_array()
        .and_then(|a| a.iter().find(|d| d["rule"] == "missing-keyword"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(missing["related"][0]["path"], POSTING, "{with:?}");
    assert_eq!(missing["related"][0]["line"], 9, "{with:?}");
    assert_eq!(
        missing["fixes"][0]["title"],
        "Add \"Kafka\" to the skills section"
    );
    // Diagnostics without related places keep the old shape.
    assert!(
        json.as_array().is_some_and(|a| a
            .iter()
            .filter(|d| d["rule"] != "missing-keyword")
            .all(|d| d.get("related").is_none())),
        "{with:?}"
    );

    let sarif = hirelint(&[
        "lint",
        "--format",
        "sarif",
        "--posting",
        POSTING,
        POSTING_RESUME,
    ])
    .json();
    let results = sarif["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let related = results
        .iter()
        .find(|r| r["ruleId"] == "missing-keyword")
        .map(|r| r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].clone());
    assert_eq!(related, Some(Value::from(POSTING)));
    let github = hirelint(&[
        "lint",
        "--format",
        "github",
        "--posting",
        POSTING,
        POSTING_RESUME,
    ]);
    assert!(
        github.stdout.contains("title=near-miss-keyword::"),
        "{github:?}"
    );
    let text = hirelint(&[
        "lint",
        "--posting",
        POSTING,
        "--select",
        "posting",
        POSTING_RESUME,
    ]);
    assert!(
        text.stdout.contains(
            "= note: The posting asks for \"Kafka\" here: tests/fixtures/posting/posting.md:9:3"
        ),
        "{text:?}"
    );
}

#[test]
fn posting_from_front_matter_or_config() {
    let run = hirelint(&[
        "lint",
        "--format",
        "json",
        "--select",
        "posting",
        "tests/fixtures/posting/front/resume.md",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("Kubernetes"), "{run:?}");
    let run = hirelint(&[
        "match",
        "tests/fixtures/posting/front/resume.md",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.json()["posting_path"],
        "tests/fixtures/posting/front/../posting.md"
    );
    let run = hirelint(&[
        "match",
        "tests/fixtures/posting/configured/resume.md",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.json()["keywords"][0]["keyword"],
        "Backend Engineer",
        "{run:?}"
    );
    // --posting wins over both.
    let run = hirelint(&[
        "match",
        "tests/fixtures/posting/configured/resume.md",
        "--posting",
        POSTING,
        "--format",
        "json",
    ]);
    assert_eq!(run.json()["posting_path"], POSTING, "{run:?}");
}

#[test]
fn readme_match_json_example_is_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let section = readme
        .find("### The match JSON contract")
        .expect("the match contract section");
    let start =
        section + readme[section..].find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + readme[start..].find("```").expect("closing fence");
    let documented: Value = serde_json::from_str(&readme[start..end]).expect("json");
    let run = hirelint(&[
        "match",
        "examples/resume.md",
        "--posting",
        "examples/posting.md",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(documented, run.json());
    let text = hirelint(&[
        "match",
        "examples/resume.md",
        "--posting",
        "examples/posting.md",
    ]);
    assert!(
        readme.contains(&text.stdout),
        "README shows the text output:\n{}",
        text.stdout
    );
}
