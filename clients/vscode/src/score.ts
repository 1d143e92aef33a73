// The posting match score that `hirelint server` sends in the `hirelint/score` notification,
// and how the status bar shows it. Pure, so it is unit-tested without VS Code.

export const SCORE_NOTIFICATION = "hirelint/score";

/**
 * Params of `hirelint/score`, as documented in `server/src/lsp/ext.rs` and the README's
 * server section: `{uri, version, score, mustHave: {matched, total}, missing}`. `score` is
 * the match score in percent (0 to 100, what `hirelint match` prints); `mustHave` counts the
 * posting's must-have requirements and those the resume matches; `missing` names the
 * requirements the resume never mentions, in the posting's order.
 */
export interface ScoreParams {
  uri: string;
  version: number;
  score: number;
  mustHave: { matched: number; total: number };
  missing: string[];
}

export function isScoreParams(value: unknown): value is ScoreParams {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return (
    typeof v.uri === "string" &&
    typeof v.version === "number" &&
    typeof v.score === "number" &&
    isMustHave(v.mustHave) &&
    Array.isArray(v.missing) &&
    v.missing.every((m) => typeof m === "string")
  );
}

function isMustHave(value: unknown): boolean {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return typeof v.matched === "number" && typeof v.total === "number";
}

function percent(n: number): string {
  return `${Math.round(Math.min(100, Math.max(0, n)))}%`;
}

/** Status-bar text and tooltip for one resume's score. */
export function formatScore(params: ScoreParams, postingName: string | undefined): { text: string; tooltip: string } {
  const text = `$(briefcase) ${percent(params.score)} match`;
  const lines = [`Posting match: ${percent(params.score)}${postingName ? ` against ${postingName}` : ""}`];
  lines.push(`Must-haves: ${params.mustHave.matched} of ${params.mustHave.total}`);
  const missing = params.missing;
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).join(", ");
    lines.push(`Missing: ${shown}${missing.length > 10 ? `, and ${missing.length - 10} more` : ""}`);
  }
  lines.push("Click to pick another posting");
  return { text, tooltip: lines.join("\n") };
}
