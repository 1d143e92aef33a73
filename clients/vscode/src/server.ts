// Finding the hirelint binary: a pure function of the environment, the settings, the
// extension's folder and the platform, so that it is unit-tested without VS Code.

import * as path from "path";
import { execFile } from "child_process";

/** Where a candidate binary came from, in the order they are tried. */
export type Source = "env" | "setting" | "bundled" | "path";

export interface Candidate {
  path: string;
  source: Source;
}

export interface DiscoveryInput {
  /** The extension host's environment (`HIRELINT_SERVER_PATH`, `PATH`). */
  env: Record<string, string | undefined>;
  /** `hirelint.path` as VS Code resolved it (in an untrusted workspace, the user's value only). */
  setting: string | undefined;
  /** The extension's install folder, where a platform .vsix bundles `bin/hirelint`. */
  extensionDir: string;
  platform: NodeJS.Platform;
  homeDir: string;
  /** Whether a regular file exists at this path. */
  isFile: (file: string) => boolean;
}

export const ENV_VAR = "HIRELINT_SERVER_PATH";
export const SETTING = "hirelint.path";

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "hirelint.exe" : "hirelint";
}

/** `~` and `~/x` expand to the home folder; anything else is returned as given. */
export function expandHome(file: string, homeDir: string): string {
  if (file === "~") {
    return homeDir;
  }
  if (file.startsWith("~/") || file.startsWith("~\\")) {
    return path.join(homeDir, file.slice(2));
  }
  return file;
}

/**
 * The binary to run: `HIRELINT_SERVER_PATH`, then `hirelint.path`, then the bundled
 * `bin/hirelint`, then `hirelint` on `PATH`. An explicit choice (env or setting) is returned
 * even when nothing is there, so the error names what the user set instead of silently
 * running another binary. `undefined` when nothing is configured and nothing is found.
 */
export function findServer(input: DiscoveryInput): Candidate | undefined {
  const fromEnv = input.env[ENV_VAR]?.trim();
  if (fromEnv) {
    return { path: expandHome(fromEnv, input.homeDir), source: "env" };
  }
  const fromSetting = input.setting?.trim();
  if (fromSetting) {
    return { path: expandHome(fromSetting, input.homeDir), source: "setting" };
  }
  const name = binaryName(input.platform);
  const pathApi = input.platform === "win32" ? path.win32 : path.posix;
  const bundled = pathApi.join(input.extensionDir, "bin", name);
  if (input.isFile(bundled)) {
    return { path: bundled, source: "bundled" };
  }
  const delimiter = input.platform === "win32" ? ";" : ":";
  const searchPath = input.env.PATH ?? input.env.Path ?? "";
  for (const dir of searchPath.split(delimiter)) {
    if (dir === "") {
      continue;
    }
    const candidate = pathApi.join(dir, name);
    if (input.isFile(candidate)) {
      return { path: candidate, source: "path" };
    }
  }
  return undefined;
}

export function describeSource(source: Source): string {
  switch (source) {
    case "env":
      return `the ${ENV_VAR} environment variable`;
    case "setting":
      return `the "${SETTING}" setting`;
    case "bundled":
      return "the binary bundled with the extension";
    case "path":
      return "PATH";
  }
}

/** The message shown when no binary was found at all. */
export function notFoundMessage(): string {
  return (
    `hirelint: the hirelint binary was not found (not bundled with this extension, not on PATH). ` +
    `Install hirelint, or set "${SETTING}" to the binary's path.`
  );
}

/** The message shown when the chosen binary does not answer `--version`. */
export function brokenMessage(candidate: Candidate, error: string): string {
  const fix =
    candidate.source === "env"
      ? `Fix or unset ${ENV_VAR}.`
      : `Set "${SETTING}" to a working hirelint binary.`;
  return `hirelint: "${candidate.path}" (from ${describeSource(candidate.source)}) did not run: ${error}. ${fix}`;
}

export type VersionResult = { ok: true; version: string } | { ok: false; error: string };

/** Runs `<binary> --version` and reads `hirelint X.Y.Z` from its output. */
export function checkVersion(binary: string, timeoutMs = 10_000): Promise<VersionResult> {
  return new Promise((resolve) => {
    execFile(binary, ["--version"], { timeout: timeoutMs }, (error, stdout) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        resolve({ ok: false, error: code === "ENOENT" ? "no such file" : error.message.split("\n")[0] });
        return;
      }
      const version = parseVersion(stdout);
      if (version === undefined) {
        resolve({ ok: false, error: `"--version" printed "${stdout.trim()}", not "hirelint X.Y.Z"` });
        return;
      }
      resolve({ ok: true, version });
    });
  });
}

export function parseVersion(stdout: string): string | undefined {
  const match = /^hirelint\s+(\S+)/m.exec(stdout);
  return match?.[1];
}
