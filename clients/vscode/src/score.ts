// The posting match score that `hirelint server` sends in the `hirelint/score` notification,
// and how the status bar shows it. Pure, so it is unit-tested without VS Code.

export const SCORE_NOTIFICATION = "hirelint/score";

/**
 * Params of `hirelint/score`, as documented for the client: `{uri, score, must_have_score,
 * missing}`, scores in percent (0 to 100). The server's draft in `server/src/lsp/ext.rs`
 * sends `mustHave: {matched, total}` instead of `must_have_score`; both are read.
 */
export interface ScoreParams {
  uri: string;
  score: number;
  must_have_score?: number | null;
  mustHave?: { matched: number; total: number } | null;
  missing?: string[] | null;
}

export function isScoreParams(value: unknown): value is ScoreParams {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return (
    typeof v.uri === "string" &&
    typeof v.score === "number" &&
    (v.must_have_score === undefined || v.must_have_score === null || typeof v.must_have_score === "number") &&
    (v.mustHave === undefined || v.mustHave === null || isMustHave(v.mustHave)) &&
    (v.missing === undefined || v.missing === null || (Array.isArray(v.missing) && v.missing.every((m) => typeof m === "string")))
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
  if (typeof params.must_have_score === "number") {
    lines.push(`Must-haves: ${percent(params.must_have_score)}`);
  } else if (params.mustHave) {
    lines.push(`Must-haves: ${params.mustHave.matched} of ${params.mustHave.total}`);
  }
  const missing = params.missing ?? [];
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).join(", ");
    lines.push(`Missing: ${shown}${missing.length > 10 ? `, and ${missing.length - 10} more` : ""}`);
  }
  lines.push("Click to pick another posting");
  return { text, tooltip: lines.join("\n") };
}
