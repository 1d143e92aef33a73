//! A test client: starts the real `hirelint server` in a temporary workspace, speaks
//! Content-Length framed JSON-RPC over its stdio, answers the server's requests, and on
//! drop checks that `shutdown` then `exit` end it cleanly with code 0.

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

pub struct Builder {
    encodings: Option<Vec<&'static str>>,
    files: Vec<(String, String)>,
    watch: bool,
    hierarchical: bool,
    snippets: bool,
    args: Vec<&'static str>,
    cwd: Option<PathBuf>,
    init_options: Option<Value>,
    configuration: Value,
    related: bool,
    lens_refresh: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            encodings: Some(vec!["utf-16"]),
            files: Vec::new(),
            watch: true,
            hierarchical: true,
            snippets: false,
            args: vec!["server"],
            cwd: None,
            init_options: None,
            configuration: Value::Null,
            related: true,
            lens_refresh: true,
        }
    }
}

impl Builder {
    /// `general.positionEncodings`; `None` leaves the field out.
    pub fn encodings(mut self, e: Option<&[&'static str]>) -> Self {
        self.encodings = e.map(<[_]>::to_vec);
        self
    }
    pub fn file(mut self, name: &str, text: &str) -> Self {
        self.files.push((name.to_owned(), text.to_owned()));
        self
    }
    pub fn watch(mut self, on: bool) -> Self {
        self.watch = on;
        self
    }
    pub fn hierarchical(mut self, on: bool) -> Self {
        self.hierarchical = on;
        self
    }
    /// `workspace.workspaceEdit.snippetEditSupport` (LSP 3.18).
    pub fn snippets(mut self, on: bool) -> Self {
        self.snippets = on;
        self
    }
    pub fn args(mut self, args: &[&'static str]) -> Self {
        self.args = args.to_vec();
        self
    }
    /// `initializationOptions`.
    pub fn init_options(mut self, options: Value) -> Self {
        self.init_options = Some(options);
        self
    }
    /// What the client answers to `workspace/configuration`, per item (default `null`).
    pub fn configuration(mut self, section: Value) -> Self {
        self.configuration = section;
        self
    }
    /// `textDocument.publishDiagnostics.relatedInformation` (default on).
    pub fn related(mut self, on: bool) -> Self {
        self.related = on;
        self
    }
    /// `workspace.codeLens.refreshSupport` (default on).
    pub fn lens_refresh(mut self, on: bool) -> Self {
        self.lens_refresh = on;
        self
    }
    /// Run in this directory instead of a fresh temporary one.
    pub fn cwd(mut self, dir: &Path) -> Self {
        self.cwd = Some(dir.to_path_buf());
        self
    }

    /// Spawns the server without initializing it.
    pub fn spawn(self) -> Server {
        let tmp = tempfile::tempdir().expect("temporary directory");
        let root = self
            .cwd
            .clone()
            .unwrap_or_else(|| tmp.path().canonicalize().expect("canonical temp dir"));
        for (name, text) in &self.files {
            let path = root.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("create dir");
            }
            std::fs::write(path, text).expect("write file");
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_hirelint"))
            .args(&self.args)
            .current_dir(&root)
            .env("HIRELINT_LOG", "warn")
            .env_remove("RUST_LOG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start hirelint server");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let mut stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let log = Arc::new(Mutex::new(String::new()));
        let log_writer = Arc::clone(&log);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut log) = log_writer.lock() {
                    log.push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            }
        });
        Server {
            child,
            stdin: Some(stdin),
            rx,
            queue: VecDeque::new(),
            next_id: 1,
            root,
            _tmp: tmp,
            log,
            encoding: Encoding::Utf16,
            server_requests: Vec::new(),
            done: false,
            builder_watch: self.watch,
            builder_hierarchical: self.hierarchical,
            builder_snippets: self.snippets,
            builder_encodings: self.encodings,
            builder_init_options: self.init_options,
            builder_related: self.related,
            builder_lens_refresh: self.lens_refresh,
            configuration: self.configuration,
        }
    }

    /// Spawns and performs the `initialize` / `initialized` handshake.
    pub fn start(self) -> Server {
        let mut server = self.spawn();
        server.initialize();
        server
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    /// Notifications (and unmatched responses) not read yet.
    queue: VecDeque<Value>,
    next_id: i64,
    pub root: PathBuf,
    _tmp: tempfile::TempDir,
    log: Arc<Mutex<String>>,
    pub encoding: Encoding,
    /// Requests the server sent us: (method, params).
    pub server_requests: Vec<(String, Value)>,
    done: bool,
    builder_watch: bool,
    builder_hierarchical: bool,
    builder_snippets: bool,
    builder_encodings: Option<Vec<&'static str>>,
    builder_init_options: Option<Value>,
    builder_related: bool,
    builder_lens_refresh: bool,
    /// What `workspace/configuration` is answered with, per item.
    pub configuration: Value,
}

impl Server {
    pub fn builder() -> Builder {
        Builder::default()
    }

    pub fn initialize(&mut self) -> Value {
        let mut general = json!({});
        if let Some(e) = &self.builder_encodings {
            general = json!({ "positionEncodings": e });
        }
        let mut params = json!({
                "processId": null,
                "rootUri": uri_of(&self.root),
                "capabilities": {
                    "general": general,
                    "workspace": {
                        "didChangeWatchedFiles": { "dynamicRegistration": self.builder_watch },
                        "configuration": true,
                        "codeLens": { "refreshSupport": self.builder_lens_refresh },
                        "workspaceEdit": { "documentChanges": true, "snippetEditSupport": self.builder_snippets },
                    },
                    "textDocument": {
                        "hover": { "contentFormat": ["markdown", "plaintext"] },
                        "publishDiagnostics": { "relatedInformation": self.builder_related, "versionSupport": true },
                        "codeAction": { "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["quickfix", "source.fixAll"] } } },
                        "documentSymbol": { "hierarchicalDocumentSymbolSupport": self.builder_hierarchical },
                    },
                },
        });
        if let Some(options) = &self.builder_init_options {
            params["initializationOptions"] = options.clone();
        }
        let result = self.request("initialize", params);
        let result = result.get("result").cloned().expect("initialize result");
        self.encoding = match result["capabilities"]["positionEncoding"].as_str() {
            Some("utf-8") => Encoding::Utf8,
            _ => Encoding::Utf16,
        };
        self.notify("initialized", json!({}));
        result
    }

    pub fn uri(&self, name: &str) -> String {
        uri_of(&self.root.join(name))
    }

    pub fn log(&self) -> String {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write to server");
        stdin.flush().expect("flush");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns the whole response (with `result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// The `result` of a request, which must succeed.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    fn next_message(&mut self, deadline: Instant) -> Option<Value> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.rx.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => return None,
            };
            // A request from the server: answer it, remember it.
            if let (Some(id), Some(method)) = (message.get("id"), message.get("method")) {
                let method = method.as_str().unwrap_or("").to_owned();
                let params = message.get("params").cloned().unwrap_or(Value::Null);
                let result = match method.as_str() {
                    "workspace/configuration" => {
                        json!(vec![
                            self.configuration.clone();
                            params["items"].as_array().map_or(0, Vec::len)
                        ])
                    }
                    "workspace/applyEdit" => json!({ "applied": true }),
                    _ => Value::Null,
                };
                let response = json!({ "jsonrpc": "2.0", "id": id, "result": result });
                self.send(&response);
                self.server_requests.push((method, params));
                continue;
            }
            return Some(message);
        }
    }

    /// Waits for the first message (queued or new) that satisfies `pred`.
    pub fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.queue.iter().position(&pred) {
            return self.queue.remove(i).expect("queued message");
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.next_message(deadline) {
                Some(m) if pred(&m) => return m,
                Some(m) => self.queue.push_back(m),
                None => panic!(
                    "timed out waiting for a message; unread: {:?}\nlog:\n{}",
                    self.queue,
                    self.log()
                ),
            }
        }
    }

    /// Reads what arrives within `wait`, without blocking longer.
    pub fn drain(&mut self, wait: Duration) -> Vec<Value> {
        let deadline = Instant::now() + wait;
        while let Some(m) = self.next_message(deadline) {
            self.queue.push_back(m);
        }
        self.queue.drain(..).collect()
    }

    /// The diagnostics published for `uri` at `version` (`None`: without a version).
    /// Earlier publications for the same document are skipped.
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let uri = uri.to_owned();
        let m = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri.as_str()
                && match version {
                    Some(v) => m["params"]["version"] == v,
                    None => m["params"].get("version").is_none_or(Value::is_null),
                }
        });
        // Drop older publications of this document still queued.
        self.queue.retain(|q| {
            !(q["method"] == "textDocument/publishDiagnostics"
                && q["params"]["uri"] == uri.as_str())
        });
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn open(&mut self, name: &str, language: &str, text: &str) -> String {
        let uri = self.uri(name);
        self.open_uri(&uri, language, text);
        uri
    }

    pub fn open_uri(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
    }

    /// One `didChange` with these `(range, text)` changes, applied in order.
    pub fn change(&mut self, uri: &str, version: i64, changes: &[(Value, &str)]) {
        let changes: Vec<Value> = changes
            .iter()
            .map(|(range, text)| json!({ "range": range, "text": text }))
            .collect();
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        );
    }

    /// The server's text of a document.
    pub fn text(&mut self, uri: &str) -> Option<String> {
        self.call("hirelint/viewFileText", json!({ "uri": uri }))
            .as_str()
            .map(str::to_owned)
    }

    pub fn code_actions(&mut self, uri: &str, range: Value, only: Option<&[&str]>) -> Vec<Value> {
        let mut context = json!({ "diagnostics": [] });
        if let Some(only) = only {
            context["only"] = json!(only);
        }
        let result = self.call(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": range, "context": context }),
        );
        result.as_array().cloned().unwrap_or_default()
    }

    /// `shutdown`, `exit`, and the exit status (None if it did not exit in time).
    pub fn shutdown(&mut self) -> Option<i32> {
        self.done = true;
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "shutdown: {response}");
        self.exit()
    }

    /// `exit` alone, and the exit status.
    pub fn exit(&mut self) -> Option<i32> {
        self.done = true;
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    pub fn wait_exit(&mut self) -> Option<i32> {
        self.done = true;
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                return None;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.done {
            let _ = self.child.kill();
            return;
        }
        if std::thread::panicking() {
            let _ = self.child.kill();
            return;
        }
        let code = self.shutdown();
        assert_eq!(
            code,
            Some(0),
            "the server must exit with 0 after shutdown and exit"
        );
        let log = self.log();
        assert!(
            !log.contains("ERROR") && !log.contains("panicked"),
            "the server logged an error:\n{log}"
        );
    }
}

pub fn uri_of(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A position in `text` for a byte offset, as LSP counts it in `encoding`.
pub fn position(text: &str, offset: usize, encoding: Encoding) -> Value {
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    // A CR directly before the offset ending a CRLF pair is handled by rfind on '\n'.
    let line = count_lines(before);
    let col = &text[line_start..offset];
    let character = match encoding {
        Encoding::Utf8 => col.len(),
        Encoding::Utf16 => col.encode_utf16().count(),
    };
    json!({ "line": line, "character": character })
}

fn count_lines(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
        i += 1;
    }
    n
}

pub fn range(text: &str, start: usize, end: usize, encoding: Encoding) -> Value {
    json!({ "start": position(text, start, encoding), "end": position(text, end, encoding) })
}

/// The byte offset of an LSP position in `text` (lines broken at LF, CRLF, CR).
pub fn offset(text: &str, pos: &Value, encoding: Encoding) -> usize {
    let line = pos["line"].as_u64().expect("line") as usize;
    let character = pos["character"].as_u64().expect("character") as usize;
    let b = text.as_bytes();
    let mut start = 0;
    let mut current = 0;
    let mut i = 0;
    while current < line && i < b.len() {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            current += 1;
            start = i + 1;
        }
        i += 1;
    }
    let rest = &text[start..];
    let mut units = 0;
    for (i, c) in rest.char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return start + i;
        }
        units += match encoding {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
    }
    text.len()
}

/// Applies LSP text edits (all relative to the same text) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], encoding: Encoding) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], encoding),
                offset(text, &e["range"]["end"], encoding),
                e["newText"].as_str().expect("newText").to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}
