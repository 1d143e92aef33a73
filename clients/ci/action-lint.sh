#!/usr/bin/env bash
# Step 2 of action.yml: `hirelint lint` once for SARIF (written to INPUT_SARIF_FILE, for
# github/codeql-action/upload-sarif) and once as workflow commands (annotations on the diff).
# The step fails on hirelint's exit code unless INPUT_FAIL is false; exit 2 (a usage,
# configuration or I/O error) always fails.
set -uo pipefail
: "${GITHUB_OUTPUT:?run by action.yml}"
bin=${HIRELINT:-hirelint}
read -r -a paths <<<"${INPUT_PATHS:-.}"
read -r -a args <<<"${INPUT_ARGS:-}"
sarif=${INPUT_SARIF_FILE:-hirelint.sarif}

rc=0
"$bin" lint --format sarif "${args[@]}" "${paths[@]}" >"$sarif" || rc=$?
if [ "$rc" -ge 2 ]; then
  echo "::error::hirelint lint exited $rc (a usage, configuration or I/O error; see above)"
  echo "exit-code=$rc" >>"$GITHUB_OUTPUT"
  exit "$rc"
fi
"$bin" lint --format github "${args[@]}" "${paths[@]}" || true
echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
echo "exit-code=$rc" >>"$GITHUB_OUTPUT"
if [ "$rc" -ne 0 ] && [ "${INPUT_FAIL:-true}" != "false" ]; then
  exit "$rc"
fi
exit 0
