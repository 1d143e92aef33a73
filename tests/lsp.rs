//! End-to-end tests of `hirelint server`: the real binary over stdio, as an editor drives
//! it. The harness is in `lsp/client.rs`; `lsp/parity.rs` checks the server against
//! `hirelint lint --format json`; `lsp/props.rs` drives it with random edits.

#[path = "lsp/client.rs"]
mod client;
#[path = "common/mod.rs"]
mod common;
#[path = "lsp/parity.rs"]
mod parity;
#[path = "lsp/props.rs"]
mod props;

use client::{Encoding, Server, apply_edits, offset, range};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

pub const RESUME: &str = "# Ada Lovelace

ada@example.com · +1 555 010 0199

## Experience

### Engineer, Analytical Engines · Jan 2020 – Present

- Responsible for payroll 😀 of 履歴 teams, which cut errors
- Built a Javascript parser used by 40 teams

## Education

BSc Mathematics, University of London, 2019

## Skills

Rust, Python
";

fn rules(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or(""))
        .collect()
}

fn find<'a>(diagnostics: &'a [Value], rule: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {diagnostics:#?}"))
}

/// The byte range of a diagnostic in `text`.
fn span(text: &str, d: &Value, encoding: Encoding) -> (usize, usize) {
    (
        offset(text, &d["range"]["start"], encoding),
        offset(text, &d["range"]["end"], encoding),
    )
}

fn flagged<'t>(text: &'t str, d: &Value, encoding: Encoding) -> &'t str {
    let (a, b) = span(text, d, encoding);
    &text[a..b]
}

#[test]
fn negotiates_utf8_when_offered_else_utf16() {
    for (offered, expected) in [
        (Some(&["utf-16", "utf-8"][..]), "utf-8"),
        (Some(&["utf-16"][..]), "utf-16"),
        (Some(&["utf-32"][..]), "utf-16"),
        (None, "utf-16"),
    ] {
        let mut server = Server::builder().encodings(offered).spawn();
        let result = server.initialize();
        let caps = &result["capabilities"];
        assert_eq!(caps["positionEncoding"], expected, "{offered:?}");
        assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
        assert_eq!(
            caps["codeActionProvider"]["codeActionKinds"],
            json!(["quickfix", "source.fixAll.hirelint"])
        );
        assert_eq!(caps["hoverProvider"], true);
        assert_eq!(caps["documentSymbolProvider"], true);
        assert_eq!(result["serverInfo"]["name"], "hirelint");
    }
}

#[test]
fn accepts_the_stdio_flag() {
    let mut server = Server::builder().args(&["server", "--stdio"]).start();
    let uri = server.open("resume.md", "markdown", RESUME);
    assert!(!server.diagnostics(&uri, Some(1)).is_empty());
}

#[test]
fn publishes_on_open_with_version_code_source_and_data() {
    for encodings in [&["utf-8"][..], &["utf-16"][..]] {
        let mut server = Server::builder().encodings(Some(encodings)).start();
        let encoding = server.encoding;
        let uri = server.open("resume.md", "markdown", RESUME);
        let diagnostics = server.diagnostics(&uri, Some(1));
        assert_eq!(
            rules(&diagnostics),
            [
                "weak-opener",
                "missing-metric",
                "decorative-glyph",
                "miscased-technology"
            ]
        );
        let weak = find(&diagnostics, "weak-opener");
        assert_eq!(weak["source"], "hirelint");
        assert_eq!(weak["severity"], 2);
        assert_eq!(weak["message"], "Weak opener \"Responsible for\"");
        assert_eq!(weak["data"], json!({ "rule": "weak-opener", "version": 1 }));
        // Positions are exact after an emoji and CJK, in either encoding.
        let glyph = find(&diagnostics, "decorative-glyph");
        assert_eq!(flagged(RESUME, glyph, encoding), "😀", "{encodings:?}");
        let miscased = find(&diagnostics, "miscased-technology");
        assert_eq!(flagged(RESUME, miscased, encoding), "Javascript");
    }
}

#[test]
fn a_file_that_is_not_a_resume_stays_quiet() {
    let mut server = Server::builder().start();
    let readme = server.open("README.md", "markdown", "- Responsible for payroll\n");
    assert_eq!(server.diagnostics(&readme, Some(1)), Vec::<Value>::new());
    // Unless its content declares it a resume.
    let declared = server.open(
        "notes.md",
        "markdown",
        "---\nresume: true\n---\n## Experience\n\n- Responsible for payroll, which cut errors\n",
    );
    assert!(rules(&server.diagnostics(&declared, Some(1))).contains(&"weak-opener"));
    // An untitled buffer follows the same rule, with the format from its language id.
    server.open_uri("untitled:Untitled-1", "yaml", "basics:\n  name: Ada\n");
    assert_eq!(
        server.diagnostics("untitled:Untitled-1", Some(1)),
        Vec::<Value>::new()
    );
}

#[test]
fn incremental_edits_with_emoji_and_cjk_in_both_encodings() {
    for encodings in [&["utf-8"][..], &["utf-16"][..]] {
        let mut server = Server::builder().encodings(Some(encodings)).start();
        let enc = server.encoding;
        let uri = server.open("resume.md", "markdown", RESUME);
        server.diagnostics(&uri, Some(1));
        let mut text = RESUME.to_owned();
        // Replace "履歴" with "🚀 履歴書", then insert "Javascript " after the emoji, in one
        // didChange (the second change's position is in the text after the first).
        let at = text.find("履歴").unwrap();
        let r1 = range(&text, at, at + "履歴".len(), enc);
        text.replace_range(at..at + "履歴".len(), "🚀 履歴書");
        let at2 = text.find("😀 ").unwrap() + "😀 ".len();
        let r2 = range(&text, at2, at2, enc);
        text.insert_str(at2, "Javascript ");
        server.change(&uri, 2, &[(r1, "🚀 履歴書"), (r2, "Javascript ")]);
        let diagnostics = server.diagnostics(&uri, Some(2));
        assert_eq!(server.text(&uri).as_deref(), Some(text.as_str()));
        let glyphs: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d["code"] == "decorative-glyph")
            .map(|d| flagged(&text, d, enc))
            .collect();
        assert_eq!(glyphs, ["😀", "🚀"], "{encodings:?}");
        let miscased: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d["code"] == "miscased-technology")
            .map(|d| flagged(&text, d, enc))
            .collect();
        assert_eq!(miscased, ["Javascript", "Javascript"]);
        // Deleting across a line break, CRLF line endings and a missing final newline.
        let crlf = "## Experience\r\n\r\n- Responsible for 😀 payroll\r\n- Helped ship 履歴 tools";
        server.change(&uri, 3, &[(range(&text, 0, text.len(), enc), crlf)]);
        server.diagnostics(&uri, Some(3));
        let cut = crlf.find("\r\n- Helped").unwrap();
        let edit = range(crlf, cut - "payroll".len(), cut + 2, enc);
        server.change(&uri, 4, &[(edit, "payroll and ")]);
        let expected = crlf.replace("payroll\r\n", "payroll and ");
        server.diagnostics(&uri, Some(4));
        assert_eq!(server.text(&uri).as_deref(), Some(expected.as_str()));
    }
}

#[test]
fn stale_versions_are_dropped_and_out_of_range_edits_clamped() {
    let mut server = Server::builder().start();
    let enc = server.encoding;
    let uri = server.open("resume.md", "markdown", RESUME);
    server.diagnostics(&uri, Some(1));
    let end = RESUME.len();
    server.change(
        &uri,
        3,
        &[(range(RESUME, end, end, enc), "- Worked on billing\n")],
    );
    // Arrives late: version 2 after 3. Dropped, not applied to the wrong text.
    server.change(&uri, 2, &[(range(RESUME, 0, 0, enc), "XXXX")]);
    let after = format!("{RESUME}- Worked on billing\n");
    server.diagnostics(&uri, Some(3));
    assert_eq!(server.text(&uri).as_deref(), Some(after.as_str()));
    // Positions past the end of a line and past the last line: clamped, logged, no crash.
    let wild = json!({ "start": { "line": 0, "character": 500 }, "end": { "line": 9999, "character": 3 } });
    server.change(&uri, 4, &[(wild, "!")]);
    server.diagnostics(&uri, Some(4));
    assert_eq!(server.text(&uri).as_deref(), Some("# Ada Lovelace!"));
    // A reversed range is applied as its ordered form.
    let reversed =
        json!({ "start": { "line": 0, "character": 5 }, "end": { "line": 0, "character": 2 } });
    server.change(&uri, 5, &[(reversed, "")]);
    server.diagnostics(&uri, Some(5));
    assert_eq!(server.text(&uri).as_deref(), Some("#  Lovelace!"));
    // A change without a range replaces the whole text.
    server.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 6 }, "contentChanges": [{ "text": RESUME }] }),
    );
    assert!(!server.diagnostics(&uri, Some(6)).is_empty());
    assert_eq!(server.text(&uri).as_deref(), Some(RESUME));
    // A change for a document that is not open is ignored.
    server.change(
        "file:///nowhere/resume.md",
        2,
        &[(range("", 0, 0, enc), "x")],
    );
    let deadline = Instant::now() + Duration::from_secs(5);
    while !(server.log().contains("clamped") && server.log().contains("stale")) {
        assert!(Instant::now() < deadline, "log: {}", server.log());
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Applies a code action's workspace edit as the editor would, sending the edits as one
/// incremental change.
fn apply_action(
    server: &mut Server,
    uri: &str,
    text: &str,
    action: &Value,
    version: i64,
) -> String {
    let edits = action["edit"]["changes"][uri]
        .as_array()
        .unwrap_or_else(|| panic!("no edits for {uri} in {action}"));
    let enc = server.encoding;
    let after = apply_edits(text, edits, enc);
    // As a change list: the edits from last to first, so each range is still valid.
    let mut sorted: Vec<&Value> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(offset(text, &e["range"]["start"], enc)));
    let changes: Vec<(Value, &str)> = sorted
        .iter()
        .map(|e| (e["range"].clone(), e["newText"].as_str().unwrap_or("")))
        .collect();
    server.change(uri, version, &changes);
    assert_eq!(server.text(uri).as_deref(), Some(after.as_str()));
    after
}

fn titles(actions: &[Value]) -> Vec<&str> {
    actions
        .iter()
        .map(|a| a["title"].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn quick_fixes_one_per_fix_then_disable_actions() {
    let mut server = Server::builder().start();
    let enc = server.encoding;
    let uri = server.open("resume.md", "markdown", RESUME);
    let diagnostics = server.diagnostics(&uri, Some(1));
    let weak = find(&diagnostics, "weak-opener");
    let actions = server.code_actions(&uri, weak["range"].clone(), Some(&["quickfix"]));
    assert_eq!(
        titles(&actions),
        [
            "Replace \"Responsible for\" with \"Lead\"",
            "Replace \"Responsible for\" with \"Manage\"",
            "Replace \"Responsible for\" with \"Own\"",
            "Add a placeholder metric: \"… for [N] users\"",
            "Add a placeholder metric: \"…, saving [N] hours a week\"",
            "Disable weak-opener for this line",
            "Disable weak-opener for this file",
            "Disable missing-metric for this line",
            "Disable missing-metric for this file",
        ]
    );
    assert!(actions.iter().all(|a| a["kind"] == "quickfix"));
    assert_eq!(actions[0]["diagnostics"][0]["code"], "weak-opener");
    // Apply the first: the bullet now reads "Lead payroll…", and weak-opener is gone.
    let text = apply_action(&mut server, &uri, RESUME, &actions[0], 2);
    assert!(text.contains("- Lead payroll 😀"));
    let diagnostics = server.diagnostics(&uri, Some(2));
    assert!(!rules(&diagnostics).contains(&"weak-opener"));

    // A safe fix is preferred.
    let glyph = find(&diagnostics, "decorative-glyph");
    let actions = server.code_actions(&uri, glyph["range"].clone(), Some(&["quickfix"]));
    let remove = actions
        .iter()
        .find(|a| a["diagnostics"][0]["code"] == "decorative-glyph")
        .unwrap();
    assert_eq!(remove["title"], "Remove \"😀\"");
    assert_eq!(remove["isPreferred"], true);

    // "Disable … for this line" inserts the comment above, with the line's indentation.
    let metric = find(&diagnostics, "missing-metric");
    let actions = server.code_actions(&uri, metric["range"].clone(), Some(&["quickfix"]));
    let line = actions
        .iter()
        .find(|a| a["title"] == "Disable missing-metric for this line")
        .unwrap();
    let text = apply_action(&mut server, &uri, &text, line, 3);
    assert!(text.contains("<!-- hirelint-disable-next-line missing-metric -->\n- Lead payroll"));
    let after = server.diagnostics(&uri, Some(3));
    assert!(!rules(&after).contains(&"missing-metric"), "{after:#?}");
    // "… for this file" goes at the top.
    let miscased = find(&after, "miscased-technology");
    let actions = server.code_actions(&uri, miscased["range"].clone(), None);
    let file = actions
        .iter()
        .find(|a| a["title"] == "Disable miscased-technology for this file")
        .unwrap();
    let text = apply_action(&mut server, &uri, &text, file, 4);
    assert!(text.starts_with("<!-- hirelint-disable-file miscased-technology -->\n# Ada"));
    assert!(!rules(&server.diagnostics(&uri, Some(4))).contains(&"miscased-technology"));
    // Nothing in range, nothing offered (but fix-all, which is for the whole file).
    let empty = range(&text, 0, 0, enc);
    let actions = server.code_actions(&uri, empty, Some(&["quickfix"]));
    assert_eq!(titles(&actions), Vec::<&str>::new());
}

#[test]
fn yaml_suppression_comments_and_json_has_none() {
    let mut server = Server::builder().start();
    let yaml = "basics:\n  name: Ada\nwork:\n  - name: Acme\n    position: Engineer\n    startDate: 2020-01\n    highlights:\n      - Responsible for payroll of 400 staff\n";
    let uri = server.open("resume.yaml", "yaml", yaml);
    let diagnostics = server.diagnostics(&uri, Some(1));
    let weak = find(&diagnostics, "weak-opener");
    let actions = server.code_actions(&uri, weak["range"].clone(), Some(&["quickfix"]));
    let line = actions
        .iter()
        .find(|a| a["title"] == "Disable weak-opener for this line")
        .unwrap_or_else(|| panic!("{:#?}", titles(&actions)));
    let text = apply_action(&mut server, &uri, yaml, line, 2);
    assert!(text.contains("      # hirelint-disable-next-line weak-opener\n      - Responsible"));
    assert!(!rules(&server.diagnostics(&uri, Some(2))).contains(&"weak-opener"));

    let json_text = "{\"basics\": {\"name\": \"Ada\"}, \"work\": [{\"name\": \"Acme\", \"startDate\": \"2020-01\", \"highlights\": [\"Responsible for payroll of 400 staff\"]}]}\n";
    let uri = server.open("resume.json", "json", json_text);
    let diagnostics = server.diagnostics(&uri, Some(1));
    let weak = find(&diagnostics, "weak-opener");
    let actions = server.code_actions(&uri, weak["range"].clone(), Some(&["quickfix"]));
    assert!(
        !titles(&actions).iter().any(|t| t.starts_with("Disable")),
        "{:?}",
        titles(&actions)
    );
    assert!(titles(&actions).iter().any(|t| t.starts_with("Replace")));
}

#[test]
fn fix_all_applies_the_safe_fixes() {
    let mut server = Server::builder().start();
    let enc = server.encoding;
    let uri = server.open("resume.md", "markdown", RESUME);
    server.diagnostics(&uri, Some(1));
    let whole = range(RESUME, 0, 0, enc);
    let actions = server.code_actions(&uri, whole.clone(), Some(&["source.fixAll"]));
    assert_eq!(titles(&actions), ["Fix all safe hirelint problems"]);
    assert_eq!(actions[0]["kind"], "source.fixAll.hirelint");
    let text = apply_action(&mut server, &uri, RESUME, &actions[0], 2);
    assert!(
        text.contains("- Responsible for payroll of 履歴 teams, which cut errors"),
        "{text}"
    );
    assert!(text.contains("a JavaScript parser"));
    let after = server.diagnostics(&uri, Some(2));
    assert_eq!(rules(&after), ["weak-opener", "missing-metric"]);
    // The same text as `hirelint lint --fix`.
    let cli = parity::cli_fix(&server.root, "resume.md", RESUME);
    assert_eq!(text, cli);
    // Nothing safe left: no fix-all offered.
    assert!(
        server
            .code_actions(&uri, whole, Some(&["source.fixAll.hirelint"]))
            .is_empty()
    );
}

#[test]
fn hover_shows_the_rule_doc() {
    let mut server = Server::builder().start();
    let enc = server.encoding;
    let uri = server.open("resume.md", "markdown", RESUME);
    server.diagnostics(&uri, Some(1));
    let at = RESUME.find("Javascript").unwrap() + 3;
    let hover = server.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": client::position(RESUME, at, enc) }),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(
        value.starts_with(
            "**miscased-technology** (wording): \"Javascript\" is spelt \"JavaScript\""
        ),
        "{value}"
    );
    for heading in [
        "### What it does",
        "### Why is this bad?",
        "### Example",
        "### Use instead",
    ] {
        assert!(value.contains(heading), "{heading} in {value}");
    }
    let start = RESUME.find("Javascript").unwrap();
    assert_eq!(
        hover["range"],
        range(RESUME, start, start + "Javascript".len(), enc)
    );
    // Two rules on one span: both docs.
    let at = RESUME.find("Responsible").unwrap() + 2;
    let hover = server.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": client::position(RESUME, at, enc) }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("**weak-opener**") && value.contains("**missing-metric**"));
    // Off any diagnostic: nothing.
    let hover = server.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 1 } }),
    );
    assert_eq!(hover, Value::Null);
}

#[test]
fn document_symbols_outline_sections_and_roles() {
    let mut server = Server::builder().start();
    let uri = server.open("resume.md", "markdown", RESUME);
    server.diagnostics(&uri, Some(1));
    let symbols = server.call(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Experience", "Education", "Skills"]);
    let experience = &symbols[0];
    assert_eq!(
        experience["selectionRange"]["start"],
        json!({ "line": 4, "character": 3 })
    );
    let roles = experience["children"].as_array().unwrap();
    assert_eq!(roles.len(), 1);
    assert!(
        roles[0]["name"]
            .as_str()
            .unwrap()
            .contains("Engineer, Analytical Engines"),
        "{roles:?}"
    );
    // Flat for a client without hierarchical symbols.
    let mut server = Server::builder().hierarchical(false).start();
    let uri = server.open("resume.md", "markdown", RESUME);
    server.diagnostics(&uri, Some(1));
    let symbols = server.call(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    let flat = symbols.as_array().unwrap();
    // Three sections, the role under Experience and the degree under Education.
    assert_eq!(flat.len(), 5, "{flat:#?}");
    assert_eq!(flat[1]["containerName"], "Experience");
}

#[test]
fn config_changes_relint_every_open_resume() {
    let mut server = Server::builder().start();
    // The server asked to watch every .hirelint.toml.
    server.drain(Duration::from_millis(200));
    let registration = server
        .server_requests
        .iter()
        .find(|(m, _)| m == "client/registerCapability")
        .map(|(_, p)| p.clone())
        .expect("a watcher registration");
    assert_eq!(
        registration["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"],
        "**/.hirelint.toml"
    );
    let a = server.open("resume.md", "markdown", RESUME);
    let b = server.open("sub/cv.md", "markdown", RESUME);
    assert!(rules(&server.diagnostics(&a, Some(1))).contains(&"weak-opener"));
    assert!(rules(&server.diagnostics(&b, Some(1))).contains(&"weak-opener"));

    let config = server.root.join(".hirelint.toml");
    std::fs::write(
        &config,
        "[rules]\nweak-opener = \"off\"\nmiscased-technology = \"error\"\n",
    )
    .unwrap();
    let config_uri = client::uri_of(&config);
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 1 }] }),
    );
    for uri in [&a, &b] {
        let diagnostics = server.diagnostics(uri, Some(1));
        assert!(
            !rules(&diagnostics).contains(&"weak-opener"),
            "{diagnostics:#?}"
        );
        assert_eq!(find(&diagnostics, "miscased-technology")["severity"], 1);
    }

    // A broken config: its errors are published on it, with positions.
    std::fs::write(&config, "[rules]\nweak-openr = \"off\"\n").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 2 }] }),
    );
    let errors = server.diagnostics(&config_uri, None);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["source"], "hirelint");
    assert_eq!(errors[0]["range"]["start"]["line"], 1);
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("weak-openr")
    );
    // The resumes it governs are not linted, as the CLI would not lint them.
    assert_eq!(server.diagnostics(&a, Some(1)), Vec::<Value>::new());

    // Fixed: the config's diagnostics are cleared, the resumes linted again.
    std::fs::remove_file(&config).unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 3 }] }),
    );
    assert!(rules(&server.diagnostics(&a, Some(1))).contains(&"weak-opener"));
    assert_eq!(server.diagnostics(&config_uri, None), Vec::<Value>::new());
}

#[test]
fn closing_clears_diagnostics() {
    let mut server = Server::builder().start();
    let uri = server.open("resume.md", "markdown", RESUME);
    assert!(!server.diagnostics(&uri, Some(1)).is_empty());
    server.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(server.diagnostics(&uri, None), Vec::<Value>::new());
    assert_eq!(server.text(&uri), None);
}

#[test]
fn garbage_on_the_pipe_is_answered_with_errors_and_the_server_goes_on() {
    let mut server = Server::builder().start();
    let is_error = |code: i64| move |m: &Value| m["error"]["code"] == code;
    // Not JSON.
    server.send_raw(b"Content-Length: 5\r\n\r\nhello");
    let e = server.wait_for(is_error(-32700));
    assert_eq!(e["id"], Value::Null);
    // No header at all.
    server.send_raw(b"this is not a header\r\n\r\n");
    server.wait_for(is_error(-32700));
    // JSON, but not JSON-RPC: invalid request, with its id.
    server.send(&json!({ "id": 77, "hello": "world" }));
    let e = server.wait_for(is_error(-32600));
    assert_eq!(e["id"], 77);
    // An unknown method.
    let e = server.request("hirelint/noSuchMethod", json!({}));
    assert_eq!(e["error"]["code"], -32601);
    // Wrong params for a known request.
    let e = server.request("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(e["error"]["code"], -32602);
    // Still serving.
    let uri = server.open("resume.md", "markdown", RESUME);
    assert!(!server.diagnostics(&uri, Some(1)).is_empty());
}

#[test]
fn shutdown_then_exit_ends_at_once_with_0() {
    let mut server = Server::builder().start();
    let uri = server.open("resume.md", "markdown", RESUME);
    server.diagnostics(&uri, Some(1));
    let started = Instant::now();
    assert_eq!(server.shutdown(), Some(0));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    // `exit` without `shutdown`: 1, as the protocol asks.
    let mut server = Server::builder().start();
    assert_eq!(server.exit(), Some(1));
}

#[test]
fn a_config_present_at_start_applies_and_no_watch_without_dynamic_registration() {
    let mut server = Server::builder()
        .watch(false)
        .file(".hirelint.toml", "[rules]\nverbs = \"off\"\n")
        .file("resume.md", RESUME)
        .start();
    let uri = server.open("resume.md", "markdown", RESUME);
    let diagnostics = server.diagnostics(&uri, Some(1));
    assert!(
        !rules(&diagnostics).contains(&"weak-opener"),
        "{diagnostics:#?}"
    );
    assert!(rules(&diagnostics).contains(&"decorative-glyph"));
    server.drain(Duration::from_millis(100));
    assert!(
        !server
            .server_requests
            .iter()
            .any(|(m, _)| m == "client/registerCapability"),
        "{:?}",
        server.server_requests
    );
}

#[test]
fn placeholder_fixes_are_snippets_where_the_client_takes_them() {
    let mut server = Server::builder().snippets(true).start();
    let uri = server.open("resume.md", "markdown", RESUME);
    let diagnostics = server.diagnostics(&uri, Some(1));
    let metric = find(&diagnostics, "missing-metric");
    let actions = server.code_actions(&uri, metric["range"].clone(), Some(&["quickfix"]));
    let placeholder = actions
        .iter()
        .find(|a| a["title"] == "Add a placeholder metric: \"… for [N] users\"")
        .unwrap();
    assert!(placeholder.get("edit").is_none(), "{placeholder}");
    assert_eq!(placeholder["command"]["command"], "hirelint.applyFix");
    // Other fixes keep plain edits.
    let replace = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Replace"))
        .unwrap();
    assert!(replace["edit"]["changes"][&uri].is_array());

    let result = server.call(
        "workspace/executeCommand",
        json!({ "command": "hirelint.applyFix", "arguments": placeholder["command"]["arguments"] }),
    );
    assert_eq!(result, Value::Null);
    let (_, apply) = server
        .server_requests
        .iter()
        .find(|(m, _)| m == "workspace/applyEdit")
        .expect("a workspace/applyEdit request")
        .clone();
    let change = &apply["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"], json!({ "uri": uri, "version": 1 }));
    assert_eq!(
        change["edits"][0]["snippet"],
        json!({ "kind": "snippet", "value": " for ${1:[N]} users" })
    );
    // Once the document changed, the command no longer applies: nothing is sent.
    server.change(&uri, 2, &[(range(RESUME, 0, 0, server.encoding), " ")]);
    server.diagnostics(&uri, Some(2));
    server.call(
        "workspace/executeCommand",
        json!({ "command": "hirelint.applyFix", "arguments": placeholder["command"]["arguments"] }),
    );
    let applies = server
        .server_requests
        .iter()
        .filter(|(m, _)| m == "workspace/applyEdit")
        .count();
    assert_eq!(applies, 1);
    // Without the capability the same fix is a plain edit (see the parity test).
}

// The posting: `tests/fixtures/posting/`, copied into the server's workspace.

fn fixture(name: &str) -> String {
    std::fs::read_to_string(common::root().join("tests/fixtures/posting").join(name)).unwrap()
}

/// A workspace with `posting.md` and `resume.md` from the posting fixtures.
fn with_posting(builder: client::Builder) -> client::Builder {
    builder
        .file("posting.md", &fixture("posting.md"))
        .file("resume.md", &fixture("resume.md"))
}

/// The `hirelint/score` notification for `uri` at `version`.
fn score(server: &mut Server, uri: &str, version: i64) -> Value {
    let uri = uri.to_owned();
    server.wait_for(|m| {
        m["method"] == "hirelint/score"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["version"] == version
    })["params"]
        .clone()
}

fn lens_titles(server: &mut Server, uri: &str) -> Vec<String> {
    let lenses = server.call(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": uri } }),
    );
    lenses
        .as_array()
        .map(|l| {
            l.iter()
                .map(|l| l["command"]["title"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until a publication for `uri` satisfies `pred` (the server may publish more than
/// once for one version when settings arrive).
fn diagnostics_until(server: &mut Server, uri: &str, pred: impl Fn(&[Value]) -> bool) {
    let deadline = Instant::now() + client::TIMEOUT;
    loop {
        let found = server
            .drain(Duration::from_millis(50))
            .into_iter()
            .any(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && pred(m["params"]["diagnostics"].as_array().unwrap())
            });
        if found {
            return;
        }
        assert!(Instant::now() < deadline, "no such publication for {uri}");
    }
}

fn posting_rules(diagnostics: &[Value]) -> Vec<&str> {
    rules(diagnostics)
        .into_iter()
        .filter(|r| r.contains("keyword"))
        .collect()
}

/// The fixture resume against the fixture posting: 40%, must-haves Python, Kubernetes or
/// Docker (misspelt "Kuberentes": not matched), Kafka, PostgreSQL; Kafka and Terraform
/// not named at all.
const LENS: &str = "Posting match 40% · must-have 2/4 · 2 missing";

#[test]
fn posting_from_initialization_options_in_either_shape_scores_and_lenses() {
    for options in [
        json!({ "posting": "posting.md" }),
        json!({ "hirelint": { "posting": "posting.md" } }),
    ] {
        let mut server = with_posting(Server::builder())
            .init_options(options)
            .start();
        let text = fixture("resume.md");
        let uri = server.open("resume.md", "markdown", &text);
        let diagnostics = server.diagnostics(&uri, Some(1));
        assert_eq!(
            posting_rules(&diagnostics),
            [
                "near-miss-keyword",
                "missing-keyword",
                "missing-keyword",
                "keyword-only-in-skills"
            ]
        );
        assert_eq!(
            score(&mut server, &uri, 1),
            json!({
                "uri": uri, "version": 1, "score": 40,
                "mustHave": { "matched": 2, "total": 4 },
                "missing": ["Kafka", "Terraform"],
            })
        );
        assert_eq!(lens_titles(&mut server, &uri), [LENS]);
    }
}

#[test]
fn capabilities_offer_the_code_lens_and_set_posting() {
    let mut server = Server::builder().spawn();
    let result = server.initialize();
    let caps = &result["capabilities"];
    assert_eq!(
        caps["codeLensProvider"],
        json!({ "resolveProvider": false })
    );
    assert_eq!(
        caps["executeCommandProvider"]["commands"],
        json!(["hirelint.applyFix", "hirelint.setPosting"])
    );
}

#[test]
fn related_information_points_at_the_posting_line_when_the_client_takes_it() {
    let mut server = with_posting(Server::builder())
        .init_options(json!({ "posting": "posting.md" }))
        .start();
    let enc = server.encoding;
    let uri = server.open("resume.md", "markdown", &fixture("resume.md"));
    let diagnostics = server.diagnostics(&uri, Some(1));
    let kafka = diagnostics
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("\"Kafka\""))
        .unwrap();
    let posting = fixture("posting.md");
    let at = posting.find("Kafka").unwrap();
    assert_eq!(
        kafka["relatedInformation"],
        json!([{
            "location": { "uri": server.uri("posting.md"), "range": range(&posting, at, at + 5, enc) },
            "message": "The posting asks for \"Kafka\" here",
        }])
    );
    // Rules without a place in the posting have none.
    assert!(
        find(&diagnostics, "near-miss-keyword")
            .get("relatedInformation")
            .is_none()
    );

    let mut server = with_posting(Server::builder())
        .related(false)
        .init_options(json!({ "posting": "posting.md" }))
        .start();
    let uri = server.open("resume.md", "markdown", &fixture("resume.md"));
    let diagnostics = server.diagnostics(&uri, Some(1));
    assert!(
        diagnostics
            .iter()
            .all(|d| d.get("relatedInformation").is_none())
    );
}

#[test]
fn posting_from_workspace_configuration_and_its_changes() {
    let mut server = with_posting(Server::builder())
        .configuration(json!({ "posting": "posting.md" }))
        .start();
    let uri = server.open("resume.md", "markdown", &fixture("resume.md"));
    // The first publication may precede the configuration's answer.
    diagnostics_until(&mut server, &uri, |d| {
        posting_rules(d).contains(&"missing-keyword")
    });
    assert!(
        server
            .server_requests
            .iter()
            .any(|(m, p)| m == "workspace/configuration" && p["items"][0]["section"] == "hirelint")
    );
    assert_eq!(lens_titles(&mut server, &uri), [LENS]);
    // Cleared in the editor: re-read on didChangeConfiguration, the resume linted again.
    server.configuration = json!({ "posting": null });
    server.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "hirelint": { "posting": null } } }),
    );
    diagnostics_until(&mut server, &uri, |d| posting_rules(d).is_empty());
    assert_eq!(lens_titles(&mut server, &uri), Vec::<String>::new());
}

#[test]
fn set_posting_relints_every_open_resume() {
    let mut server = with_posting(Server::builder()).lens_refresh(false).start();
    let text = fixture("resume.md");
    let a = server.open("resume.md", "markdown", &text);
    let b = server.open("sub/resume.md", "markdown", &text);
    for uri in [&a, &b] {
        assert_eq!(
            posting_rules(&server.diagnostics(uri, Some(1))),
            Vec::<&str>::new()
        );
    }
    let posting = server
        .root
        .join("posting.md")
        .to_string_lossy()
        .into_owned();
    let result = server.call(
        "workspace/executeCommand",
        json!({ "command": "hirelint.setPosting", "arguments": [posting] }),
    );
    assert_eq!(result, Value::Null);
    for uri in [&a, &b] {
        assert!(posting_rules(&server.diagnostics(uri, Some(1))).contains(&"missing-keyword"));
        assert_eq!(score(&mut server, uri, 1)["score"], 40);
    }
    server.call(
        "workspace/executeCommand",
        json!({ "command": "hirelint.setPosting", "arguments": [null] }),
    );
    for uri in [&a, &b] {
        assert_eq!(
            posting_rules(&server.diagnostics(uri, Some(1))),
            Vec::<&str>::new()
        );
    }
}

#[test]
fn a_posting_file_change_relints_the_resumes_that_use_it() {
    let mut server = with_posting(Server::builder())
        .init_options(json!({ "posting": "posting.md" }))
        .start();
    let uri = server.open("resume.md", "markdown", &fixture("resume.md"));
    server.diagnostics(&uri, Some(1));
    assert_eq!(score(&mut server, &uri, 1)["score"], 40);
    // The posting file is watched.
    server.drain(Duration::from_millis(200));
    let watch = server
        .server_requests
        .iter()
        .find(|(m, p)| {
            m == "client/registerCapability"
                && p["registrations"][0]["id"]
                    .as_str()
                    .is_some_and(|id| id.starts_with("hirelint-watch-posting:"))
        })
        .map(|(_, p)| p["registrations"][0]["registerOptions"]["watchers"][0].clone())
        .expect("a watcher for the posting");
    assert!(
        watch["globPattern"]
            .as_str()
            .unwrap()
            .ends_with("/posting.md"),
        "{watch}"
    );
    // The posting now asks only for what the resume has.
    let path = server.root.join("posting.md");
    std::fs::write(&path, "## Requirements\n\n- Python\n- PostgreSQL\n").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": client::uri_of(&path), "type": 2 }] }),
    );
    let diagnostics = server.diagnostics(&uri, Some(1));
    assert_eq!(
        posting_rules(&diagnostics),
        ["keyword-only-in-skills"],
        "{diagnostics:#?}"
    );
    let s = score(&mut server, &uri, 1);
    assert_eq!(s["mustHave"], json!({ "matched": 2, "total": 2 }));
    assert_eq!(s["missing"], json!([]));
    assert_eq!(
        lens_titles(&mut server, &uri),
        ["Posting match 88% · must-have 2/2 · 0 missing"]
    );
    // The score changed: the client was asked to refresh its lenses.
    server.drain(Duration::from_millis(100));
    assert!(
        server
            .server_requests
            .iter()
            .any(|(m, _)| m == "workspace/codeLens/refresh")
    );
}

#[test]
fn an_unreadable_posting_warns_once_and_the_resume_is_linted_without_it() {
    let mut server = with_posting(Server::builder())
        .init_options(json!({ "posting": "gone.md" }))
        .start();
    let text = fixture("resume.md");
    let a = server.open("resume.md", "markdown", &text);
    let b = server.open("cv.md", "markdown", &text);
    for uri in [&a, &b] {
        let diagnostics = server.diagnostics(uri, Some(1));
        assert!(rules(&diagnostics).contains(&"bullet-count"));
        assert_eq!(posting_rules(&diagnostics), Vec::<&str>::new());
    }
    let messages: Vec<Value> = server
        .drain(Duration::from_millis(200))
        .into_iter()
        .filter(|m| m["method"] == "window/showMessage")
        .collect();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert_eq!(messages[0]["params"]["type"], 2);
    let message = messages[0]["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("gone.md") && message.contains("cannot load the posting"),
        "{message}"
    );
}

#[test]
fn hover_on_a_matched_keyword_says_how_it_matched() {
    let mut server = with_posting(Server::builder())
        .init_options(json!({ "posting": "posting.md" }))
        .start();
    let enc = server.encoding;
    let text = fixture("resume.md").replace("by 30%.", "by 30% on k8s.");
    let uri = server.open("resume.md", "markdown", &text);
    server.diagnostics(&uri, Some(1));
    let hover_at = |server: &mut Server, needle: &str| {
        let at = text.find(needle).unwrap() + 1;
        server.call(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": client::position(&text, at, enc) }),
        )
    };
    let hover = hover_at(&mut server, "k8s");
    assert_eq!(
        hover["contents"]["value"],
        "Matches the posting's \"Kubernetes\" (alias \"k8s\"), a must-have, asked at posting.md:8"
    );
    let at = text.find("k8s").unwrap();
    assert_eq!(hover["range"], range(&text, at, at + 3, enc));
    let hover = hover_at(&mut server, "Python services");
    assert_eq!(
        hover["contents"]["value"],
        "Matches the posting's \"Python\" (exact), a must-have (4+ years), asked at posting.md:7"
    );
    // With a diagnostic there too: the keyword, then the rule's doc.
    let original = fixture("resume.md");
    let cv = server.open("cv.md", "markdown", &original);
    server.diagnostics(&cv, Some(1));
    let at = original.find("Kuberentes").unwrap() + 1;
    let hover = server.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": cv }, "position": client::position(&original, at, enc) }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(
        value.starts_with(
            "Looks like a misspelling of the posting's \"Kubernetes\" (\"Kuberentes\"), a must-have, asked at posting.md:8\n\n---\n\n**near-miss-keyword** (posting)"
        ),
        "{value}"
    );
    // The rule's doc keeps its whole example (a Markdown heading inside a code block is
    // not a section of the doc).
    assert!(value.contains("### Use instead"), "{value}");
}
