#!/usr/bin/env python3
"""Latency and memory of `hirelint server`, driven over stdio as an editor drives it.

- Latency: a three-page resume is opened, then EDITS single-character edits are typed into
  it (insert, then delete, in turn, all over the document); for each, the time from writing
  `didChange` to reading the `publishDiagnostics` of that version. Reports p50, p99, max.
- Memory: the server's resident set (VmRSS) with ten resumes open, then after 10,000 edits
  spread over them (and after the first 1,000, to show growth).

Budgets (issue 5): p99 under 2 ms; under 20 MB resident with ten resumes open; no growth
over 10,000 edits.

Usage: scripts/lsp-bench.py [--binary target/release/hirelint] [--edits 300]
                            [--posting FILE]
       (builds the release binary first unless --binary is given; with --posting, every
       resume is linted against that job posting, given as the `hirelint.posting` setting)
Python 3 standard library only; Linux (reads /proc).
"""

import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def three_page_resume():
    """The good Markdown fixture, its experience twice more as earlier careers, and the bad
    fixture's bullets: about 1,400 words, with diagnostics of most rules."""
    good = (ROOT / "rules/tests/fixtures/good/resume.md").read_text()
    bad = (ROOT / "rules/tests/fixtures/bad/resume.md").read_text()
    m = re.search(r"^## Experience\n.*?(?=^## )", good, re.S | re.M)
    experience = m.group(0) if m else ""
    bullets = "\n".join(l for l in bad.splitlines() if l.startswith("- "))
    text = good.rstrip("\n") + "\n\n"
    for n in ("Earlier Experience", "Previous Roles", "Early Career"):
        text += experience.replace("## Experience", "## " + n, 1).rstrip("\n") + "\n\n"
    text += "## Volunteer Experience\n\n" + bullets + "\n"
    return text


class Client:
    def __init__(self, binary):
        self.proc = subprocess.Popen(
            [binary, "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        self.next_id = 1

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def recv(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            m = self.recv()
            if m.get("id") == rid and "method" not in m:
                return m
            self.answer(m)

    def answer(self, m):
        if "id" in m and "method" in m:  # a request from the server
            self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diagnostics(self, uri, version):
        while True:
            m = self.recv()
            if (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version
            ):
                return m["params"]["diagnostics"]
            self.answer(m)

    def rss_kib(self):
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return -1


def utf16_position(text, offset):
    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    return {"line": line, "character": len(text[start:offset].encode("utf-16-le")) // 2}


class Doc:
    """An open document and the edits that keep it as it was: insert "x", then delete it."""

    def __init__(self, client, uri, text):
        self.client, self.uri, self.text, self.version = client, uri, text, 1
        self.spots = [m.end() for m in re.finditer(r"^- \S+", text, re.M)] or [0]
        self.n = 0
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
        )
        client.wait_diagnostics(uri, 1)

    def edit(self):
        at = self.spots[(self.n // 2) % len(self.spots)]
        if self.n % 2 == 0:
            start = end = utf16_position(self.text, at)
            new = "x"
            self.text = self.text[:at] + "x" + self.text[at:]
        else:
            start, end = utf16_position(self.text, at), utf16_position(self.text, at + 1)
            new = ""
            self.text = self.text[:at] + self.text[at + 1 :]
        self.n += 1
        self.version += 1
        began = time.perf_counter_ns()
        self.client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": self.uri, "version": self.version},
                "contentChanges": [{"range": {"start": start, "end": end}, "text": new}],
            },
        )
        diagnostics = self.client.wait_diagnostics(self.uri, self.version)
        return (time.perf_counter_ns() - began) / 1e6, len(diagnostics)


def percentile(sorted_values, p):
    i = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values)) - 1))
    return sorted_values[i]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", help="the hirelint binary (default: build target/release/hirelint)")
    ap.add_argument("--edits", type=int, default=300, help="edits timed for latency")
    ap.add_argument("--memory-edits", type=int, default=10_000, help="edits for the growth check")
    ap.add_argument("--posting", help="a job posting to lint every resume against")
    args = ap.parse_args()
    binary = args.binary
    if not binary:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "hirelint"], cwd=ROOT, check=True)
        binary = str(ROOT / os.environ.get("CARGO_TARGET_DIR", "target") / "release/hirelint")

    text = three_page_resume()
    client = Client(binary)
    init = {"processId": os.getpid(), "rootUri": ROOT.as_uri(), "capabilities": {}}
    if args.posting:
        posting = pathlib.Path(args.posting).resolve()
        init["initializationOptions"] = {"posting": str(posting)}
        print(f"posting: {posting}")
    client.request("initialize", init)
    client.notify("initialized", {})
    rss_idle = client.rss_kib()

    doc = Doc(client, (ROOT / "bench-resume.md").as_uri(), text)
    for _ in range(20):  # warm up
        doc.edit()
    times, counts = [], []
    for _ in range(args.edits):
        ms, n = doc.edit()
        times.append(ms)
        counts.append(n)
    times.sort()
    words = len(text.split())
    print(f"resume: {words} words, {text.count(chr(10))} lines, {max(counts)} diagnostics")
    print(
        f"edit -> publishDiagnostics over {args.edits} edits: "
        f"p50 {percentile(times, 50):.3f} ms, p99 {percentile(times, 99):.3f} ms, "
        f"max {times[-1]:.3f} ms (budget: p99 < 2 ms)"
    )

    docs = [doc] + [
        Doc(client, (ROOT / f"bench-resume-{i}.md").as_uri(), text) for i in range(1, 10)
    ]
    rss_open = client.rss_kib()
    rss_1k = None
    for i in range(args.memory_edits):
        docs[i % len(docs)].edit()
        if i + 1 == min(1000, args.memory_edits):
            rss_1k = client.rss_kib()
    rss_end = client.rss_kib()
    print(f"resident: {rss_idle / 1024:.1f} MB idle; {rss_open / 1024:.1f} MB with ten resumes open "
          f"(budget < 20 MB)")
    print(f"resident after 1,000 edits: {rss_1k / 1024:.1f} MB; after {args.memory_edits:,} edits: "
          f"{rss_end / 1024:.1f} MB (growth {rss_end - rss_1k:+d} KiB; budget: none)")

    client.request("shutdown", None)
    client.notify("exit", None)
    code = client.proc.wait(timeout=5)
    ok = percentile(times, 99) < 2 and rss_open < 20 * 1024 and rss_end - rss_1k <= 256
    print("exit code", code, "| within budget" if ok else "| OVER BUDGET")
    return 0 if ok and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
