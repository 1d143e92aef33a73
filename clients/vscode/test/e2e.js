// End to end in a real VS Code: code-server with the hirelint .vsix installed, driven in
// Debian's headless Chromium by playwright-core. Run by test/run.sh:
//   node test/e2e.js --code-server BIN --vsix FILE --server HIRELINT --work DIR
//                    [--platform-vsix FILE] [--screenshots DIR]
// Phase 1 (the real `hirelint server`, no posting): open resume.md from the Explorer, read
// hirelint's diagnostics in the Problems panel, type a new bullet and see the list change,
// apply a quick fix. Phase 2 (the real server, `hirelint.posting` in the user's settings):
// the status-bar item shows the score `hirelint match --format json` gives for the same
// files, its tooltip the must-have count and what is missing; clicking it opens the "Pick
// Job Posting" file dialog, and the posting picked there reaches the server, which
// re-scores: the item shows the CLI's score for that posting. Phase 3 (no binary at all):
// the error names "hirelint.path" and its button opens that setting. Phase 4 (with
// --platform-vsix): the per-platform package's bundled binary is found and serves
// diagnostics with no hirelint anywhere else. Phase 5 (workspace trust on, the workspace not
// trusted): a hirelint.path in the workspace's settings is not run; the user's own
// hirelint.path is.
"use strict";
const assert = require("node:assert/strict");
const { spawn, spawnSync, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const net = require("node:net");
const path = require("node:path");
const { chromium } = require("playwright-core");

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
}
for (const required of ["code-server", "vsix", "server", "work"]) {
  if (!args[required]) {
    console.error(`e2e.js: --${required} is required`);
    process.exit(2);
  }
}
const fixtures = path.join(__dirname, "..", "..", "fixtures");
const work = path.resolve(args.work);
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/healthz", timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** A fresh workspace, user data and extensions folder, with the .vsix installed. */
function prepare(name, vsix = args.vsix, { trust = false, posting = null } = {}) {
  const root = path.join(work, name);
  fs.rmSync(root, { recursive: true, force: true });
  const ws = path.join(root, "ws");
  fs.mkdirSync(ws, { recursive: true });
  for (const file of ["resume.md", "README.md", "posting.md", "posting-2.md"]) {
    fs.copyFileSync(path.join(fixtures, file), path.join(ws, file));
  }
  const data = path.join(root, "data");
  fs.mkdirSync(path.join(data, "User"), { recursive: true });
  fs.writeFileSync(
    path.join(data, "User", "settings.json"),
    JSON.stringify(
      {
        "security.workspace.trust.enabled": trust,
        "security.workspace.trust.startupPrompt": "always",
        "security.workspace.trust.untrustedFiles": "open",
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.welcomePage.walkthroughs.openOnInstall": false,
        "telemetry.telemetryLevel": "off",
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "update.mode": "none",
        "editor.minimap.enabled": false,
        "window.commandCenter": false,
        "chat.commandCenter.enabled": false,
        "workbench.colorTheme": "Default Light Modern",
        "git.enabled": false,
        "git.openRepositoryInParentFolders": "never",
        // The job posting, as a user sets it (only where the phase asks for one: the CLI
        // comparisons of the other phases lint without a posting).
        ...(posting ? { "hirelint.posting": path.join(ws, posting) } : {}),
      },
      null,
      2,
    ),
  );
  const ext = path.join(root, "ext");
  const env = xdgEnv(root);
  const out = execFileSync(
    args["code-server"],
    ["--user-data-dir", data, "--extensions-dir", ext, "--install-extension", path.resolve(vsix)],
    { env, encoding: "utf8" },
  );
  assert.match(out, /successfully installed/, out);
  return { root, ws, data, ext, env, trust };
}

function xdgEnv(root) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(root, "xdg", "config"),
    XDG_DATA_HOME: path.join(root, "xdg", "data"),
    XDG_STATE_HOME: path.join(root, "xdg", "state"),
    XDG_CACHE_HOME: path.join(root, "xdg", "cache"),
  };
}

async function startCodeServer(setup, serverPath) {
  const port = await freePort();
  const logFile = path.join(setup.root, "code-server.log");
  const logFd = fs.openSync(logFile, "w");
  const proc = spawn(
    args["code-server"],
    [
      "--bind-addr", `127.0.0.1:${port}`,
      "--auth", "none",
      "--user-data-dir", setup.data,
      "--extensions-dir", setup.ext,
      "--disable-telemetry",
      "--disable-update-check",
      ...(setup.trust ? [] : ["--disable-workspace-trust"]),
      setup.ws,
    ],
    {
      env: serverEnv(setup.env, serverPath),
      detached: true,
      stdio: ["ignore", logFd, logFd],
    },
  );
  const deadline = Date.now() + 60_000;
  while (!(await healthy(port))) {
    if (Date.now() > deadline || proc.exitCode !== null) {
      throw new Error(`code-server did not come up on port ${port}:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(setup.ws)}`,
    stop: () => {
      try {
        process.kill(-proc.pid, "SIGTERM"); // the whole group: code-server, extension host, hirelint
      } catch {}
    },
  };
}

/** The extension host's environment: HIRELINT_SERVER_PATH, or (serverPath null) no
 * hirelint anywhere, not even on PATH. */
function serverEnv(env, serverPath) {
  if (serverPath !== null) return { ...env, HIRELINT_SERVER_PATH: serverPath };
  const { HIRELINT_SERVER_PATH: _unused, ...rest } = env;
  const dirs = (env.PATH || "").split(":").filter((d) => d && !fs.existsSync(path.join(d, "hirelint")));
  return { ...rest, PATH: dirs.join(":") };
}

function chromiumPath() {
  const found = spawnSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).stdout.trim();
  if (!found) throw new Error("chromium is not installed");
  return found;
}

async function openBrowser(root) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    env: xdgEnv(root),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 680 } });
  return { browser, page };
}

async function openFromExplorer(page, url, file) {
  await page.goto(url);
  await page.waitForSelector(".explorer-folders-view .monaco-list-row", { timeout: 60_000 });
  log("workbench loaded, Explorer populated");
  await page.click(`.explorer-folders-view .monaco-list-row >> text=${file}`);
  await page.waitForSelector(`.tab.active >> text=${file}`, { timeout: 20_000 });
  log(`${file} open in the editor`);
}

/** The Problems panel's rows for hirelint, as aria-labels, and the file row's count. */
async function problems(page) {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll(".markers-panel .monaco-list-row")].map(
      (e) => e.getAttribute("aria-label") || "",
    );
    const fileRow = labels.find((l) => / problems? in file resume\.md/.test(l));
    const count = fileRow ? Number(/^(\d+) problems?/.exec(fileRow)[1]) : 0;
    return { count, rows: labels.filter((l) => l.includes("generated by hirelint")) };
  });
}

async function waitFor(what, fn, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function shot(page, name) {
  if (!args.screenshots) return;
  fs.mkdirSync(args.screenshots, { recursive: true });
  const file = path.join(args.screenshots, name);
  await page.screenshot({ path: file });
  log(`screenshot ${file}`);
}

async function editorText(page) {
  return page.evaluate(() => {
    const lines = document.querySelector(".monaco-editor .view-lines");
    return lines ? lines.innerText.replace(/\u00a0/g, " ") : "";
  });
}

/**
 * What `hirelint lint --format json` reports for a file: the editor must show the same.
 * Returns the count and the first diagnostic (rewordings first) on an ASCII line with a
 * one-edit fix on that line, with the line as that fix leaves it.
 */
function expected(ws, file) {
  let out;
  try {
    out = execFileSync(path.resolve(args.server), ["lint", "--format", "json", file], { cwd: ws, encoding: "utf8" });
  } catch (error) {
    if (error.status !== 1) throw error;
    out = error.stdout;
  }
  const diagnostics = JSON.parse(out);
  const lines = fs.readFileSync(path.join(ws, file), "utf8").split("\n");
  // A rewording ("Replace ...") makes the clearest screenshot: try those first.
  const rewording = (d) => ((d.fixes || [])[0]?.title.startsWith("Replace ") ? 0 : 1);
  for (const d of [...diagnostics].sort((a, b) => rewording(a) - rewording(b))) {
    const text = lines[d.line - 1];
    if (text === undefined || /[^\x00-\x7f]/.test(text)) continue;
    for (const fix of d.fixes || []) {
      const [e] = fix.edits;
      if (fix.edits.length === 1 && e.line === d.line && e.end_line === d.line) {
        const fixedLine = text.slice(0, e.column - 1) + e.replacement + text.slice(e.end_column - 1);
        return { count: diagnostics.length, line: d.line, column: d.column, message: d.message, title: fix.title, fixedLine };
      }
    }
  }
  throw new Error(`hirelint lint reports no fixable diagnostic on an ASCII line of ${file}`);
}

/**
 * What `hirelint match RESUME --posting POSTING --format json` says: the score, and the
 * must-have requirements and missing ones counted as the server documents them (a group of
 * alternatives is one requirement, matched when one of them is; missing when the resume
 * mentions none of them, named "A or B"). The status bar must show the same.
 */
function expectedScore(ws, resume, posting) {
  const out = execFileSync(path.resolve(args.server), ["match", resume, "--posting", posting, "--format", "json"], {
    cwd: ws,
    encoding: "utf8",
  });
  const report = JSON.parse(out);
  const groups = new Map();
  for (const k of report.keywords) {
    const key = [k.keyword, ...k.alternatives].sort().join("\n");
    if (!groups.has(key)) groups.set(key, { must: k.importance === "must", members: [] });
    groups.get(key).members.push(k);
  }
  const all = [...groups.values()];
  const must = all.filter((g) => g.must);
  return {
    score: report.score,
    mustHave: { matched: must.filter((g) => g.members.some((k) => k.status === "matched")).length, total: must.length },
    missing: all.filter((g) => g.members.every((k) => k.status === "missing")).map((g) => g.members.map((k) => k.keyword).join(" or ")),
  };
}

/** The server's code lens at the top of the resume, with the same figures: its text. */
async function scoreLens(page, want) {
  const text = `Posting match ${want.score}% · must-have ${want.mustHave.matched}/${want.mustHave.total} · ${want.missing.length} missing`;
  const lens = await page.waitForSelector(`.monaco-editor .codelens-decoration >> text=${text}`, { timeout: 20_000 });
  return (await lens.textContent()).trim();
}

/** The status-bar item's text and its tooltip, once the tooltip is shown. */
async function statusScore(page, want, posting) {
  const text = `${want.score}% match`;
  const t = Date.now();
  const item = await page.waitForSelector(`.statusbar-item >> text=${text}`, { timeout: 30_000 });
  const shownAfter = Date.now() - t;
  // The aria-label is the text, then the tooltip: keep the text.
  const label = await item.evaluate((e) => (e.closest(".statusbar-item").getAttribute("aria-label") || e.textContent).split(", Posting match")[0]);
  await item.hover();
  const lines = [
    `Posting match: ${want.score}% against ${posting}`,
    `Must-haves: ${want.mustHave.matched} of ${want.mustHave.total}`,
    ...(want.missing.length ? [`Missing: ${want.missing.join(", ")}`] : []),
  ];
  for (const line of lines) await page.waitForSelector(`text=${line}`, { timeout: 10_000 });
  return { label, lines, shownAfter };
}

/**
 * Runs BODY(page, cs) in a code-server started on SETUP (with SERVER_PATH, or none) and a
 * browser open on it; on failure saves failure-phaseN.png; always closes both.
 */
async function inEditor(n, setup, serverPath, body) {
  const cs = await startCodeServer(setup, serverPath);
  const { browser, page } = await openBrowser(setup.root);
  try {
    await body(page, cs);
  } catch (error) {
    await shot(page, `failure-phase${n}.png`).catch(() => {});
    throw error;
  } finally {
    await browser.close();
    cs.stop();
  }
}

async function phaseDiagnostics() {
  log("phase 1: the real hirelint server");
  const setup = prepare("real");
  await inEditor(1, setup, path.resolve(args.server), async (page, cs) => {
    await openFromExplorer(page, cs.url, "resume.md");
    await page.waitForSelector(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info", {
      timeout: 30_000,
    });
    log("squiggles shown");
    await page.keyboard.press("Control+Shift+M");
    const before = await waitFor("hirelint rows in the Problems panel", async () => {
      const p = await problems(page);
      return p.rows.length > 0 ? p : null;
    });
    log(`Problems panel: ${before.count} problems in resume.md`);
    for (const row of before.rows) log(`  ${row}`);
    const want = expected(setup.ws, "resume.md");
    assert.equal(before.count, want.count, "the Problems panel and `hirelint lint` count the same diagnostics");
    const row = `${want.message} at line ${want.line} and character ${want.column}. generated by hirelint`;
    assert.ok(before.rows.some((r) => r.endsWith(row)), `the Problems panel lists "${row}"`);
    await shot(page, "problems.png");

    // Type a new bullet at the end of the file: one more weak opener (and missing metric).
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Control+Home");
    // Line 12 is the last bullet: a new line after it becomes line 13.
    for (let i = 0; i < 11; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await page.keyboard.type("\n- Was tasked with the on-call rotation", { delay: 5 });
    const after = await waitFor("the Problems panel to change after the edit", async () => {
      const p = await problems(page);
      return p.count > before.count ? p : null;
    });
    log(`after typing a bullet: ${after.count} problems`);
    assert.ok(after.rows.some((r) => /at line 13 and character 3\. generated by hirelint/.test(r)),
      `a diagnostic on the typed line 13: ${JSON.stringify(after.rows)}`);
    for (const row of after.rows.filter((r) => / line 13 /.test(r))) log(`  ${row}`);

    // Quick fix: the cursor on that diagnostic, Ctrl+., the CLI's first fix for it.
    await page.keyboard.press("Control+Home");
    for (let i = 1; i < want.line; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Home");
    for (let i = 1; i < want.column; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Control+.");
    await page.waitForSelector(".action-widget .monaco-list-row", { timeout: 10_000 });
    const actions = await page.$$eval(".action-widget .monaco-list-row", (els) =>
      els.map((e) => (e.getAttribute("aria-label") || e.textContent || "").trim()),
    );
    log(`code actions at ${want.line}:${want.column}: ${JSON.stringify(actions)}`);
    await shot(page, "quick-fix.png");
    const index = actions.indexOf(want.title);
    assert.ok(index >= 0, `the quick fix "${want.title}" is offered: ${JSON.stringify(actions)}`);
    // The widget focuses the first action (after the "Quick Fix" header): move down from there.
    const focused = await page.$$eval(".action-widget .monaco-list-row", (els) =>
      els.findIndex((e) => e.classList.contains("focused")),
    );
    for (let i = focused; i < index; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await waitFor(`the fix to make line ${want.line} read "${want.fixedLine}"`, async () =>
      (await editorText(page)).split("\n").includes(want.fixedLine),
    );
    log(`quick fix "${want.title}" applied: line ${want.line} now reads "${want.fixedLine}"`);
  });
}

async function phaseScore() {
  log("phase 2: the status-bar score from the real server, hirelint.posting set in the user settings");
  const setup = prepare("score", args.vsix, { posting: "posting.md" });
  const first = expectedScore(setup.ws, "resume.md", "posting.md");
  const second = expectedScore(setup.ws, "resume.md", "posting-2.md");
  log(`hirelint match resume.md --posting posting.md: ${JSON.stringify(first)}`);
  log(`hirelint match resume.md --posting posting-2.md: ${JSON.stringify(second)}`);
  assert.notEqual(first.score, second.score, "the two posting fixtures must score differently");
  await inEditor(2, setup, path.resolve(args.server), async (page, cs) => {
    await openFromExplorer(page, cs.url, "resume.md");
    const shown = await statusScore(page, first, "posting.md");
    log(`status bar: "${shown.label}" (${shown.shownAfter} ms after the resume opened); tooltip: ${JSON.stringify(shown.lines)}`);
    log(`code lens: "${await scoreLens(page, first)}"`);
    await shot(page, "status-score.png");

    // Click the item: its command is "Pick Job Posting", a file dialog (VS Code's own in the
    // browser). Choose posting-2.md; the setting changes and the server re-scores.
    await page.mouse.move(10, 10);
    await page.click(`.statusbar-item >> text=${first.score}% match`);
    const input = await page.waitForSelector(".quick-input-widget .quick-input-box input", { timeout: 10_000 });
    // The dialog fills in its folder asynchronously (first the parent, then the workspace):
    // type only once it has settled on the workspace folder, or the typing is overwritten.
    await waitFor("the file dialog to open at the workspace folder", async () =>
      (await input.inputValue()) === `${setup.ws}/`,
    );
    log(`file dialog open at "${await input.inputValue()}"`);
    const target = path.join(setup.ws, "posting-2.md");
    await input.fill(target);
    await waitFor("the typed path to stay", async () => (await input.inputValue()) === target);
    const picked = Date.now();
    await page.keyboard.press("Enter");
    await page.mouse.move(10, 10);
    const again = await statusScore(page, second, "posting-2.md");
    const written = JSON.parse(fs.readFileSync(path.join(setup.ws, ".vscode", "settings.json"), "utf8"));
    assert.equal(written["hirelint.posting"], target);
    log(`picked posting-2.md: workspace setting hirelint.posting written; status bar "${again.label}" ` +
      `${Date.now() - picked} ms after Enter; tooltip: ${JSON.stringify(again.lines)}`);
    assert.ok(!(await page.$(`.statusbar-item >> text=${first.score}% match`)), "the old score is gone");
    log(`code lens: "${await scoreLens(page, second)}"`);
  });
}

async function phaseMissingBinary() {
  log("phase 3: no hirelint binary anywhere");
  const setup = prepare("missing");
  await inEditor(3, setup, null, async (page, cs) => {
    await openFromExplorer(page, cs.url, "resume.md");
    const toast = await page.waitForSelector(".notification-toast >> text=hirelint binary was not found", { timeout: 30_000 });
    const text = await toast.evaluate((e) => e.closest(".notification-toast").innerText);
    log(`error shown: ${text.replace(/\s+/g, " ").trim()}`);
    assert.match(text, /set "hirelint\.path"/);
    await shot(page, "missing-binary.png");
    await page.click('.notification-toast .monaco-button >> text=Open Settings');
    // In code-server's remote window the machine setting is in the Remote tab.
    await page.waitForSelector('.settings-editor >> text=Path to the', { timeout: 15_000 });
    log('"Open Settings" shows the hirelint.path setting');
  });
}

async function phaseBundled() {
  log("phase 4: the per-platform .vsix, its bundled bin/hirelint, nothing else");
  const setup = prepare("bundled", args["platform-vsix"]);
  await inEditor(4, setup, null, async (page, cs) => {
    await openFromExplorer(page, cs.url, "resume.md");
    await page.waitForSelector(".monaco-editor .squiggly-warning", { timeout: 30_000 });
    await page.keyboard.press("Control+Shift+M");
    const found = await waitFor("hirelint rows in the Problems panel", async () => {
      const p = await problems(page);
      return p.rows.length > 0 ? p : null;
    });
    assert.equal(found.count, expected(setup.ws, "resume.md").count, "as many diagnostics as the CLI reports");
    const bundled = path.join(setup.ext, fs.readdirSync(setup.ext).find((d) => d.startsWith("hirelint.hirelint-")), "bin", "hirelint");
    assert.ok(fs.statSync(bundled).mode & 0o111, `${bundled} is executable`);
    log(`bundled server ${bundled}: ${found.count} problems in resume.md`);
  });
}

async function phaseUntrusted() {
  log("phase 5: an untrusted workspace whose settings point hirelint.path at its own script");
  const setup = prepare("untrusted", args.vsix, { trust: true });
  const marker = path.join(setup.root, "workspace-binary-ran");
  const evil = path.join(setup.ws, "tools", "hirelint");
  fs.mkdirSync(path.dirname(evil), { recursive: true });
  fs.writeFileSync(evil, `#!/bin/sh\ntouch '${marker}'\necho "hirelint 9.9.9"\n`, { mode: 0o755 });
  fs.mkdirSync(path.join(setup.ws, ".vscode"), { recursive: true });
  fs.writeFileSync(path.join(setup.ws, ".vscode", "settings.json"), JSON.stringify({ "hirelint.path": evil }));
  // The user's own hirelint.path, in the machine's settings (where code-server, a remote
  // window, keeps machine-scoped settings).
  fs.mkdirSync(path.join(setup.data, "Machine"), { recursive: true });
  fs.writeFileSync(path.join(setup.data, "Machine", "settings.json"), JSON.stringify({ "hirelint.path": path.resolve(args.server) }));
  await inEditor(5, setup, null, async (page, cs) => {
    await page.goto(cs.url);
    const dontTrust = await page.waitForSelector(".monaco-dialog-box .monaco-button >> text=No, I don't trust the authors", { timeout: 60_000 });
    await dontTrust.click();
    log("workspace not trusted (Restricted Mode)");
    await page.waitForSelector(".explorer-folders-view .monaco-list-row", { timeout: 30_000 });
    await page.click(".explorer-folders-view .monaco-list-row >> text=resume.md");
    await page.waitForSelector(".monaco-editor .squiggly-warning", { timeout: 30_000 });
    await page.keyboard.press("Control+Shift+M");
    const found = await waitFor("hirelint rows in the Problems panel", async () => {
      const p = await problems(page);
      return p.rows.length > 0 ? p : null;
    });
    assert.ok(!fs.existsSync(marker), "the workspace's hirelint.path must not run in an untrusted workspace");
    log(`the workspace's tools/hirelint did not run; the user's hirelint.path served ${found.count} problems`);
  });
}

(async () => {
  const only = process.env.E2E_PHASES; // e.g. "3" while developing; all by default
  if (!only || only.includes("1")) await phaseDiagnostics();
  if (!only || only.includes("2")) await phaseScore();
  if (!only || only.includes("3")) await phaseMissingBinary();
  if (args["platform-vsix"] && (!only || only.includes("4"))) await phaseBundled();
  if (!only || only.includes("5")) await phaseUntrusted();
  log("VS Code end to end: passed");
})().catch((error) => {
  console.error(`VS Code end to end FAILED: ${error.stack || error}`);
  process.exit(1);
});
