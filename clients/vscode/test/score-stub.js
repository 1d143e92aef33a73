#!/usr/bin/env node
// A stand-in language server for one client test: it answers `initialize` and, on every
// opened or changed document, sends the documented `hirelint/score` notification
// ({uri, score, must_have_score, missing}). It checks that the VS Code status bar shows what
// the real server will send; the diagnostics tests use the real `hirelint server`.
"use strict";
if (process.argv.includes("--version")) {
  process.stdout.write("hirelint 0.0.0-score-stub\n");
  process.exit(0);
}
let buffer = Buffer.alloc(0);
const open = new Set();
function score(uri, posting) {
  // Another posting (sent by workspace/didChangeConfiguration) gives another score, so the
  // test sees the whole loop: dialog, setting, notification to the server, new score shown.
  const other = typeof posting === "string" && posting.endsWith("posting-2.md");
  send({
    method: "hirelint/score",
    params: other
      ? { uri, score: 64, must_have_score: 50, missing: ["gRPC"] }
      : { uri, score: 72, must_have_score: 80, missing: ["Kubernetes", "gRPC"] },
  });
}
let posting = null;
function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}
function handle(msg) {
  if (msg.method === "initialize") {
    posting = msg.params?.initializationOptions?.posting ?? null;
    send({ id: msg.id, result: { capabilities: { textDocumentSync: 1 }, serverInfo: { name: "score-stub" } } });
  } else if (msg.method === "shutdown") {
    send({ id: msg.id, result: null });
  } else if (msg.method === "exit") {
    process.exit(0);
  } else if (msg.method === "initialized") {
    // nothing
  } else if (msg.method === "textDocument/didOpen" || msg.method === "textDocument/didChange") {
    open.add(msg.params.textDocument.uri);
    score(msg.params.textDocument.uri, posting);
  } else if (msg.method === "workspace/didChangeConfiguration") {
    posting = msg.params?.settings?.hirelint?.posting ?? null;
    for (const uri of open) score(uri, posting);
  } else if (msg.id !== undefined && msg.method !== undefined) {
    send({ id: msg.id, error: { code: -32601, message: `unhandled ${msg.method}` } });
  }
}
process.stdin.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const match = /Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString("ascii"));
    const length = match ? Number(match[1]) : 0;
    if (buffer.length < end + 4 + length) return;
    handle(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString("utf8")));
    buffer = buffer.subarray(end + 4 + length);
  }
});
process.stdin.on("end", () => process.exit(0));
