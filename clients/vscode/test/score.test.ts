import { test } from "node:test";
import * as assert from "node:assert/strict";
import { formatScore, isScoreParams } from "../src/score";

test("the status bar shows the rounded score; the tooltip the must-haves and what is missing", () => {
  const shown = formatScore(
    { uri: "file:///r.md", score: 71.6, must_have_score: 80, missing: ["Kubernetes", "gRPC"] },
    "posting.md",
  );
  assert.equal(shown.text, "$(briefcase) 72% match");
  assert.match(shown.tooltip, /^Posting match: 72% against posting\.md$/m);
  assert.match(shown.tooltip, /^Must-haves: 80%$/m);
  assert.match(shown.tooltip, /^Missing: Kubernetes, gRPC$/m);
});

test("a long missing list is cut after ten", () => {
  const missing = Array.from({ length: 13 }, (_, i) => `skill${i}`);
  const shown = formatScore({ uri: "u", score: 10, missing }, undefined);
  assert.match(shown.tooltip, /skill9, and 3 more$/m);
  assert.doesNotMatch(shown.tooltip, /skill10/);
});

test("scores are clamped to 0-100", () => {
  assert.equal(formatScore({ uri: "u", score: 140 }, undefined).text, "$(briefcase) 100% match");
  assert.equal(formatScore({ uri: "u", score: -3 }, undefined).text, "$(briefcase) 0% match");
});

test("isScoreParams accepts the documented shape and rejects others", () => {
  assert.ok(isScoreParams({ uri: "u", score: 50, must_have_score: 40, missing: ["Go"] }));
  assert.ok(isScoreParams({ uri: "u", score: 50 }));
  assert.ok(!isScoreParams({ uri: "u" }));
  assert.ok(!isScoreParams({ uri: "u", score: "50" }));
  assert.ok(!isScoreParams({ uri: "u", score: 5, missing: [1] }));
  assert.ok(!isScoreParams(null));
});

test("the server draft's mustHave {matched, total} is shown as a count", () => {
  const params = { uri: "u", version: 3, score: 55, mustHave: { matched: 4, total: 6 }, missing: ["Go"] };
  assert.ok(isScoreParams(params));
  assert.match(formatScore(params, undefined).tooltip, /^Must-haves: 4 of 6$/m);
  assert.ok(!isScoreParams({ uri: "u", score: 5, mustHave: { matched: "4" } }));
});
