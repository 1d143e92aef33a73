#!/usr/bin/env bash
# Tests of the CI integrations with the real hirelint CLI:
#   - .pre-commit-hooks.yaml, through `pre-commit try-repo` (pre-commit from PyPI, installed
#     into .cache/ci) on a scratch git repository: a resume with problems fails the commit,
#     a clean resume passes, a README.md is not linted;
#   - action.yml: its shape (composite, each step's script exists), then its two steps run as
#     GitHub would (GITHUB_ACTION_PATH, GITHUB_PATH, GITHUB_OUTPUT) on a scratch workspace:
#     SARIF written, annotations printed, outputs set, the exit code honoured; and its
#     install step built with cargo install, as on a runner without hirelint-path.
# Environment: HIRELINT_SERVER_PATH (default target/debug/hirelint), CI=true (no skipping).
set -euo pipefail
. "$(dirname "$0")/../../lib/common.sh"
suite ci 9
bin=$(hirelint_bin)
[ -x "$bin" ] || skip "CI integrations: no hirelint binary at $bin (cargo build -p hirelint)"
fixtures=$root/clients/fixtures
passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAILED: $*"; failed=$((failed + 1)); }

if ! "$cache/venv/bin/pre-commit" --version 2>/dev/null | grep -q '^pre-commit 4\.7\.0$'; then
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    skip "CI integrations: python3 with venv and pip is needed to install pre-commit from PyPI"
  fi
  rm -rf "$cache/venv"
  python3 -m venv "$cache/venv"
  "$cache/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit==4.7.0
fi
if ! command -v git >/dev/null 2>&1; then
  skip "CI integrations: git is needed for pre-commit"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/hirelint-ci.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME=$cache/pre-commit-home
mkdir -p "$scratch/bin"
ln -s "$bin" "$scratch/bin/hirelint"
export PATH="$scratch/bin:$PATH"

# try-repo clones the hook repository: a snapshot of this tree as a one-commit repository, so
# uncommitted edits of .pre-commit-hooks.yaml are what is tried.
hooks=$scratch/hooks-repo
mkdir -p "$hooks"
cp "$root/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" -c user.name=t -c user.email=t@example.com commit -qm hooks

repo=$scratch/resumes
mkdir -p "$repo/applications"
git -C "$repo" init -q
cp "$fixtures/resume.md" "$repo/applications/resume-acme.md"
cp "$fixtures/README.md" "$repo/README.md"
# try_hook: runs the hook on what is staged in $repo; sets rc and out.
try_hook() {
  rc=0
  out=$(cd "$repo" && "$cache/venv/bin/pre-commit" try-repo "$hooks" hirelint 2>&1) || rc=$?
}

git -C "$repo" add applications/resume-acme.md README.md
try_hook
# What hirelint itself reports for that resume (first diagnostic's position) must be in the output.
first=$(cd "$repo" && "$bin" lint --format json applications/resume-acme.md |
  "$cache/venv/bin/python" -c 'import json,sys; d=json.load(sys.stdin)[0]; print("%s:%d:%d" % (d["path"], d["line"], d["column"]))') || true
if [ "$rc" -eq 1 ] && [ -n "$first" ] && grep -qF -- "--> $first" <<<"$out" && ! grep -q 'README.md' <<<"$out"; then
  ok "pre-commit hook fails on a staged resume with problems, and leaves README.md alone"
else
  bad "pre-commit hook on a resume with problems (exit $rc):"$'\n'"$out"
fi

git -C "$repo" rm -q --cached applications/resume-acme.md
cp "$fixtures/cv-clean.md" "$repo/cv.md"
git -C "$repo" add cv.md
try_hook
if [ "$rc" -eq 0 ] && grep -Eq '^hirelint\.+Passed' <<<"$out"; then
  ok "pre-commit hook passes a clean staged cv.md"
else
  bad "pre-commit hook on a clean resume (exit $rc):"$'\n'"$out"
fi

git -C "$repo" rm -q --cached cv.md
git -C "$repo" add README.md
try_hook
if [ "$rc" -eq 0 ] && grep -Eq '^hirelint\.+\(no files to check\)Skipped' <<<"$out"; then
  ok "pre-commit hook skips a commit with no resume in it"
else
  bad "pre-commit hook with only README.md staged (exit $rc):"$'\n'"$out"
fi

# action.yml: a composite action whose steps run scripts that exist.
if "$cache/venv/bin/python" - "$root" <<'PY'; then
import os, re, sys, yaml
root = sys.argv[1]
action = yaml.safe_load(open(os.path.join(root, "action.yml")))
assert action["runs"]["using"] == "composite", action["runs"]
for name in ("paths", "args", "sarif-file", "fail", "hirelint-path"):
    assert name in action["inputs"], name
for step in action["runs"]["steps"]:
    assert step["shell"] == "bash", step
    for script in re.findall(r'\$GITHUB_ACTION_PATH/(\S+?)"', step["run"]):
        assert os.path.isfile(os.path.join(root, script)), script
    for value in step.get("env", {}).values():
        assert re.fullmatch(r"\$\{\{ inputs\.[a-z-]+ \}\}", value), value
assert set(action["outputs"]) == {"sarif-file", "exit-code"}
PY
  ok "action.yml is a composite action whose steps run existing scripts, inputs passed through env"
else
  bad "action.yml shape"
fi

# The action's steps, as a runner would run them.
ws=$scratch/ws
mkdir -p "$ws/docs"
cp "$fixtures/resume.md" "$ws/resume.md"
cp "$fixtures/README.md" "$ws/docs/README.md"
run_step() { # SCRIPT, with INPUT_* already exported
  (cd "$ws" && GITHUB_ACTION_PATH=$root GITHUB_PATH=$scratch/github_path GITHUB_OUTPUT=$scratch/github_output \
    RUNNER_TEMP=$scratch bash "$root/clients/ci/$1")
}
: >"$scratch/github_path"
: >"$scratch/github_output"
if INPUT_HIRELINT_PATH=$bin run_step action-install.sh >"$scratch/install.out" 2>&1 &&
  [ -x "$(head -1 "$scratch/github_path")/hirelint" ]; then
  ok "action install step puts hirelint on GITHUB_PATH ($(tail -1 "$scratch/install.out"))"
else
  bad "action install step: $(cat "$scratch/install.out")"
fi
# Without hirelint-path the step builds the action's own source with cargo install into the
# runner's tool cache (sharing this build's target folder, so the release build is reused).
: >"$scratch/github_path_cargo"
if command -v cargo >/dev/null 2>&1 &&
  (cd "$ws" && CARGO_TARGET_DIR=$(target_dir) GITHUB_ACTION_PATH=$root GITHUB_PATH=$scratch/github_path_cargo \
    RUNNER_TOOL_CACHE=$scratch/toolcache INPUT_HIRELINT_PATH="" bash "$root/clients/ci/action-install.sh") \
    >"$scratch/install-cargo.out" 2>&1 &&
  [ "$(cat "$scratch/github_path_cargo")" = "$scratch/toolcache/hirelint/$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)/bin" ] &&
  "$(cat "$scratch/github_path_cargo")/hirelint" --version >/dev/null; then
  ok "action install step builds hirelint with cargo install into the tool cache"
else
  bad "action install step with cargo: $(cat "$scratch/install-cargo.out")"
fi
export PATH="$(head -1 "$scratch/github_path"):$PATH"
rc=0
INPUT_PATHS=. INPUT_ARGS="" INPUT_SARIF_FILE=hirelint.sarif INPUT_FAIL=true \
  run_step action-lint.sh >"$scratch/lint.out" 2>&1 || rc=$?
if [ "$rc" -eq 1 ] &&
  grep -q '^::warning file=resume.md,line=' "$scratch/lint.out" &&
  ! grep -q 'README' "$scratch/lint.out" &&
  grep -qx 'sarif-file=hirelint.sarif' "$scratch/github_output" &&
  grep -qx 'exit-code=1' "$scratch/github_output" &&
  "$cache/venv/bin/python" -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["version"] == "2.1.0"
results = s["runs"][0]["results"]
assert results and all(r["ruleId"] for r in results), results
assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("resume.md") for r in results)
' "$ws/hirelint.sarif"; then
  ok "action lint step: SARIF results, annotations, outputs, exit 1 fails the step"
else
  bad "action lint step (exit $rc): $(cat "$scratch/lint.out"; cat "$scratch/github_output")"
fi
: >"$scratch/github_output"
rc=0
INPUT_PATHS=resume.md INPUT_ARGS="--fail-on error" INPUT_SARIF_FILE=out.sarif INPUT_FAIL=true \
  run_step action-lint.sh >"$scratch/lint.out" 2>&1 || rc=$?
if [ "$rc" -eq 0 ] && grep -qx 'exit-code=0' "$scratch/github_output" && [ -s "$ws/out.sarif" ]; then
  ok "action lint step passes args through (--fail-on error: warnings do not fail)"
else
  bad "action lint step with args (exit $rc): $(cat "$scratch/lint.out")"
fi
: >"$scratch/github_output"
rc=0
INPUT_PATHS=. INPUT_ARGS="--select no-such-rule" INPUT_SARIF_FILE=x.sarif INPUT_FAIL=false \
  run_step action-lint.sh >"$scratch/lint.out" 2>&1 || rc=$?
if [ "$rc" -eq 2 ] && grep -q '::error::hirelint lint exited 2' "$scratch/lint.out"; then
  ok "action lint step fails on a usage error even with fail: false"
else
  bad "action lint step with a usage error (exit $rc): $(cat "$scratch/lint.out")"
fi

echo "ci: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
