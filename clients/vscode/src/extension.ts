// The hirelint extension: starts `hirelint server` over stdio and stays out of the way.
// The server decides what is a resume; rules are configured in `.hirelint.toml`, as in CI.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";
import { brokenMessage, checkVersion, findServer, notFoundMessage, SETTING } from "./server";
import { formatScore, isScoreParams, SCORE_NOTIFICATION, ScoreParams } from "./score";

const SECTION = "hirelint";

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem;
const scores = new Map<string, ScoreParams>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  statusItem = vscode.window.createStatusBarItem("hirelint.score", vscode.StatusBarAlignment.Right, 100);
  statusItem.name = "hirelint posting match";
  statusItem.command = "hirelint.pickPosting";
  context.subscriptions.push(
    statusItem,
    vscode.commands.registerCommand("hirelint.restart", () => restart(context)),
    vscode.commands.registerCommand("hirelint.pickPosting", pickPosting),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration(SETTING)) {
        await restart(context);
      } else if (event.affectsConfiguration(SECTION)) {
        if (event.affectsConfiguration(`${SECTION}.posting`)) {
          // Scores against the old posting are stale: hide them until the server re-scores.
          scores.clear();
          updateStatus();
        }
        await client?.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: settings() },
        });
      }
    }),
    // In an untrusted workspace `hirelint.path` keeps only the user's value; once trusted,
    // the workspace's value may name another binary.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context)),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

/** The `hirelint` section, sent as initialization options and on every change. */
function settings(): { posting: string | null } {
  const posting = vscode.workspace.getConfiguration(SECTION).get<string>("posting")?.trim();
  return { posting: posting ? posting : null };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const candidate = findServer({
    env: process.env,
    setting: vscode.workspace.getConfiguration(SECTION).get<string>("path"),
    extensionDir: context.extensionPath,
    platform: process.platform,
    homeDir: os.homedir(),
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
  });
  if (candidate === undefined) {
    showError(notFoundMessage());
    return;
  }
  const version = await checkVersion(candidate.path);
  if (!version.ok) {
    showError(brokenMessage(candidate, version.error));
    return;
  }

  const serverOptions: ServerOptions = { command: candidate.path, args: ["server"] };
  const documentSelector = ["markdown", "yaml", "json"].flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    initializationOptions: settings(),
  };
  const newClient = new LanguageClient(SECTION, "hirelint", serverOptions, clientOptions);
  newClient.outputChannel.appendLine(`hirelint ${version.version}: ${candidate.path} (from ${candidate.source})`);
  newClient.onNotification(SCORE_NOTIFICATION, (params: unknown) => {
    if (!isScoreParams(params)) {
      return;
    }
    scores.set(normalizeUri(params.uri), params);
    updateStatus();
  });
  client = newClient;
  try {
    await newClient.start();
  } catch (error) {
    showError(`hirelint: the server "${candidate.path}" failed to start: ${String(error)}`);
  }
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  scores.clear();
  updateStatus();
  if (old !== undefined) {
    await old.dispose();
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

/** A file dialog that writes the chosen posting into `hirelint.posting`. */
async function pickPosting(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    defaultUri: folder,
    filters: { "Job posting": ["md", "markdown", "txt"], "All files": ["*"] },
    openLabel: "Use as job posting",
    title: "hirelint: pick the job posting to match resumes against",
  });
  const file = picked?.[0];
  if (file === undefined) {
    return;
  }
  const target =
    vscode.workspace.workspaceFolders !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update("posting", file.fsPath, target);
}

function normalizeUri(uri: string): string {
  try {
    return vscode.Uri.parse(uri).toString();
  } catch {
    return uri;
  }
}

function updateStatus(): void {
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const score = uri === undefined ? undefined : scores.get(uri);
  if (score === undefined) {
    statusItem.hide();
    return;
  }
  const posting = settings().posting;
  const shown = formatScore(score, posting === null ? undefined : path.basename(posting));
  statusItem.text = shown.text;
  statusItem.tooltip = shown.tooltip;
  statusItem.show();
}

function showError(message: string): void {
  void vscode.window.showErrorMessage(message, "Open Settings").then((choice) => {
    if (choice === "Open Settings") {
      // `hirelint.path` is a machine setting: in a remote window (SSH, WSL, code-server) it
      // lives in the Remote tab, where the User tab would show "No Settings Found".
      const command =
        vscode.env.remoteName !== undefined ? "workbench.action.openRemoteSettings" : "workbench.action.openSettings";
      void vscode.commands.executeCommand(command, { query: SETTING });
    }
  });
}
