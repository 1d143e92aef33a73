#!/usr/bin/env bash
# Step 1 of action.yml: put a hirelint binary on PATH (through $GITHUB_PATH).
# With INPUT_HIRELINT_PATH, that binary; otherwise this action's own source, built with
# `cargo install` (GitHub's hosted runners have a Rust toolchain) into the runner's tool
# cache, where a later job on the same runner finds it.
set -euo pipefail
: "${GITHUB_ACTION_PATH:?run by action.yml}" "${GITHUB_PATH:?run by action.yml}"

if [ -n "${INPUT_HIRELINT_PATH:-}" ]; then
  bin=$(cd "$(dirname "$INPUT_HIRELINT_PATH")" && pwd)/$(basename "$INPUT_HIRELINT_PATH")
  [ -x "$bin" ] || { echo "::error::hirelint-path: no executable at $INPUT_HIRELINT_PATH"; exit 2; }
  dir=$(mktemp -d "${RUNNER_TEMP:-/tmp}/hirelint-bin.XXXXXX")
  ln -s "$bin" "$dir/hirelint"
else
  if ! command -v cargo >/dev/null 2>&1; then
    echo "::error::cargo is needed to build hirelint (or give hirelint-path)"
    exit 2
  fi
  version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$GITHUB_ACTION_PATH/Cargo.toml" | head -1)
  root=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/hirelint/$version
  if ! "$root/bin/hirelint" --version >/dev/null 2>&1; then
    cargo install --locked --quiet --path "$GITHUB_ACTION_PATH/server" --root "$root"
  fi
  dir=$root/bin
fi
echo "$dir" >>"$GITHUB_PATH"
"$dir/hirelint" --version
