import { test } from "node:test";
import * as assert from "node:assert/strict";
import {
  brokenMessage,
  checkVersion,
  expandHome,
  findServer,
  notFoundMessage,
  parseVersion,
  DiscoveryInput,
} from "../src/server";

function input(overrides: Partial<DiscoveryInput> & { files?: string[] }): DiscoveryInput {
  const files = new Set(overrides.files ?? []);
  return {
    env: overrides.env ?? { PATH: "/usr/local/bin:/usr/bin" },
    setting: overrides.setting,
    extensionDir: overrides.extensionDir ?? "/ext",
    platform: overrides.platform ?? "linux",
    homeDir: overrides.homeDir ?? "/home/sam",
    isFile: (file) => files.has(file),
  };
}

test("the environment variable wins over everything", () => {
  const found = findServer(
    input({
      env: { HIRELINT_SERVER_PATH: "/dev/hirelint", PATH: "/usr/bin" },
      setting: "/opt/hirelint",
      files: ["/ext/bin/hirelint", "/usr/bin/hirelint"],
    }),
  );
  assert.deepEqual(found, { path: "/dev/hirelint", source: "env" });
});

test("the setting comes before the bundled binary, with ~ expanded", () => {
  const found = findServer(input({ setting: "~/bin/hirelint", files: ["/ext/bin/hirelint"] }));
  assert.deepEqual(found, { path: "/home/sam/bin/hirelint", source: "setting" });
});

test("an explicit choice is returned even when missing, so the error names it", () => {
  assert.deepEqual(findServer(input({ setting: "/nope/hirelint", files: ["/usr/bin/hirelint"] })), {
    path: "/nope/hirelint",
    source: "setting",
  });
});

test("empty or blank env and setting are ignored", () => {
  const found = findServer(
    input({ env: { HIRELINT_SERVER_PATH: "", PATH: "/usr/bin" }, setting: "  ", files: ["/usr/bin/hirelint"] }),
  );
  assert.deepEqual(found, { path: "/usr/bin/hirelint", source: "path" });
});

test("the bundled binary comes before PATH", () => {
  const found = findServer(input({ files: ["/ext/bin/hirelint", "/usr/bin/hirelint"] }));
  assert.deepEqual(found, { path: "/ext/bin/hirelint", source: "bundled" });
});

test("PATH is searched in order and empty entries are skipped", () => {
  const found = findServer(
    input({ env: { PATH: "::/a:/b:/c" }, files: ["/b/hirelint", "/c/hirelint"] }),
  );
  assert.deepEqual(found, { path: "/b/hirelint", source: "path" });
});

test("on Windows the binary is hirelint.exe and PATH uses ;", () => {
  const found = findServer(
    input({
      platform: "win32",
      extensionDir: "C:\\ext",
      env: { Path: "C:\\tools;D:\\bin" },
      files: ["D:\\bin\\hirelint.exe"],
    }),
  );
  assert.deepEqual(found, { path: "D:\\bin\\hirelint.exe", source: "path" });
  const bundled = findServer(input({ platform: "win32", extensionDir: "C:\\ext", files: ["C:\\ext\\bin\\hirelint.exe"] }));
  assert.deepEqual(bundled, { path: "C:\\ext\\bin\\hirelint.exe", source: "bundled" });
});

test("nothing found gives undefined and a message naming the setting", () => {
  assert.equal(findServer(input({ env: {} })), undefined);
  assert.match(notFoundMessage(), /"hirelint\.path"/);
});

test("expandHome only touches a leading ~", () => {
  assert.equal(expandHome("~", "/h"), "/h");
  assert.equal(expandHome("~/x/hirelint", "/h"), "/h/x/hirelint");
  assert.equal(expandHome("/a/~/b", "/h"), "/a/~/b");
  assert.equal(expandHome("~other/x", "/h"), "~other/x");
});

test("the broken-binary message says where the path came from and what to fix", () => {
  const fromSetting = brokenMessage({ path: "/x/hirelint", source: "setting" }, "no such file");
  assert.match(fromSetting, /"\/x\/hirelint" \(from the "hirelint\.path" setting\) did not run: no such file/);
  assert.match(fromSetting, /Set "hirelint\.path"/);
  const fromEnv = brokenMessage({ path: "/y", source: "env" }, "exit 2");
  assert.match(fromEnv, /HIRELINT_SERVER_PATH/);
});

test("parseVersion reads clap's --version line", () => {
  assert.equal(parseVersion("hirelint 0.1.0\n"), "0.1.0");
  assert.equal(parseVersion("something else\n"), undefined);
});

test("checkVersion runs the binary and reports a missing one", async () => {
  const missing = await checkVersion("/nonexistent/hirelint");
  assert.deepEqual(missing, { ok: false, error: "no such file" });
  // `echo` stands in for a binary that prints something other than a version.
  const wrong = await checkVersion("/bin/echo");
  assert.equal(wrong.ok, false);
});
