import { test } from "node:test";
import * as assert from "node:assert/strict";
import { formatScore, isScoreParams, ScoreParams } from "../src/score";

/** The documented shape, `{uri, version, score, mustHave: {matched, total}, missing}`. */
function params(over: Partial<ScoreParams> = {}): ScoreParams {
  return { uri: "file:///r.md", version: 3, score: 58, mustHave: { matched: 3, total: 4 }, missing: ["Kafka", "Terraform"], ...over };
}

test("the status bar shows the score; the tooltip the must-have count and what is missing", () => {
  const shown = formatScore(params(), "posting.md");
  assert.equal(shown.text, "$(briefcase) 58% match");
  assert.match(shown.tooltip, /^Posting match: 58% against posting\.md$/m);
  assert.match(shown.tooltip, /^Must-haves: 3 of 4$/m);
  assert.match(shown.tooltip, /^Missing: Kafka, Terraform$/m);
});

test("nothing missing: no Missing line", () => {
  const shown = formatScore(params({ score: 100, mustHave: { matched: 4, total: 4 }, missing: [] }), undefined);
  assert.match(shown.tooltip, /^Posting match: 100%$/m);
  assert.doesNotMatch(shown.tooltip, /Missing/);
});

test("a long missing list is cut after ten", () => {
  const missing = Array.from({ length: 13 }, (_, i) => `skill${i}`);
  const shown = formatScore(params({ score: 10, missing }), undefined);
  assert.match(shown.tooltip, /skill9, and 3 more$/m);
  assert.doesNotMatch(shown.tooltip, /skill10/);
});

test("scores are clamped to 0-100", () => {
  assert.equal(formatScore(params({ score: 140 }), undefined).text, "$(briefcase) 100% match");
  assert.equal(formatScore(params({ score: -3 }), undefined).text, "$(briefcase) 0% match");
});

test("isScoreParams accepts the documented shape and nothing else", () => {
  assert.ok(isScoreParams(params()));
  assert.ok(isScoreParams({ uri: "u", version: 1, score: 50, mustHave: { matched: 0, total: 0 }, missing: [] }));
  // What the server sends, as JSON.
  assert.ok(
    isScoreParams(JSON.parse('{"uri":"file:///w/resume.md","version":0,"score":40,"mustHave":{"matched":2,"total":4},"missing":["gRPC","Terraform"]}')),
  );
  const { mustHave: _m, ...noMustHave } = params();
  assert.ok(!isScoreParams(noMustHave));
  const { version: _v, ...noVersion } = params();
  assert.ok(!isScoreParams(noVersion));
  const { missing: _x, ...noMissing } = params();
  assert.ok(!isScoreParams(noMissing));
  // The old draft's must_have_score is not read.
  assert.ok(!isScoreParams({ uri: "u", version: 1, score: 50, must_have_score: 40, missing: ["Go"] }));
  assert.ok(!isScoreParams({ ...params(), mustHave: { matched: "3", total: 4 } }));
  assert.ok(!isScoreParams({ ...params(), mustHave: null }));
  assert.ok(!isScoreParams({ ...params(), score: "50" }));
  assert.ok(!isScoreParams({ ...params(), missing: [1] }));
  assert.ok(!isScoreParams({ uri: "u" }));
  assert.ok(!isScoreParams(null));
});
