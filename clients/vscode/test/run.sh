#!/usr/bin/env bash
# VS Code client tests, in order:
#   1. tsc --noEmit, and the unit tests (server discovery, score formatting) on node's runner;
#   2. vsce packages hirelint.vsix, and hirelint-linux-x64.vsix with the release binary inside;
#   3. end to end in a real VS Code: code-server 4.100.3 (npm) with the .vsix installed, driven
#      in Debian's headless Chromium by playwright-core (test/e2e.js).
# Installs what it needs into ignored folders (clients/vscode/node_modules, .cache/vscode).
# Environment: HIRELINT_SERVER_PATH (default target/debug/hirelint), HIRELINT_RELEASE_BIN
# (default target/release/hirelint, built when missing), CI=true (nothing may be skipped),
# UPDATE_SCREENSHOTS=1 (write the README's screenshots into images/).
set -euo pipefail
. "$(dirname "$0")/../../lib/common.sh"
suite vscode 1
here=$root/clients/vscode
server=$(hirelint_bin)
cd "$here"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  skip "VS Code client: node and npm are not installed, so nothing of clients/vscode was built or tested"
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  skip "VS Code client: node $(node --version) is older than 20 (vsce 3.9.2 and code-server 4.100.3 need 20)"
fi

t0=$SECONDS
echo "== vscode: npm ci"
npm ci --no-audit --no-fund --loglevel=error
echo "== vscode: tsc --noEmit"
npx tsc -p . --noEmit
echo "== vscode: unit tests"
rm -rf out
npx tsc -p .
node --test out/test/ | tee "$cache/unit.tap"
unit=$(sed -n 's/^# pass //p' "$cache/unit.tap")

echo "== vscode: vsce package"
npx vsce package --skip-license --allow-missing-repository --no-rewrite-relative-links \
  -o "$cache/hirelint.vsix"
release_bin=${HIRELINT_RELEASE_BIN:-$(target_dir)/release/hirelint}
if [ ! -x "$release_bin" ]; then
  (cd "$root" && cargo build --release --locked -p hirelint)
fi
rm -rf bin && mkdir bin
cp "$release_bin" bin/hirelint
strip bin/hirelint 2>/dev/null || true
npx vsce package --target linux-x64 --skip-license --allow-missing-repository \
  --no-rewrite-relative-links -o "$cache/hirelint-linux-x64.vsix"
rm -rf bin
# The platform package holds the binary, executable.
python3 - "$cache/hirelint-linux-x64.vsix" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
info = z.getinfo("extension/bin/hirelint")
mode = info.external_attr >> 16
assert mode & 0o111, f"extension/bin/hirelint is not executable: {oct(mode)}"
assert "extension/out/src/extension.js" in z.namelist()
print(f"hirelint-linux-x64.vsix: extension/bin/hirelint {info.file_size} bytes, mode {oct(mode & 0o777)}")
PY
echo "vscode: type check, unit tests and packaging took $((SECONDS - t0)) s"
PASSED=$((unit + 1)) LEFT=5

# 3. End to end. Everything below needs the language server and a browser.
hirelint_server_or_skip "$server"
if ! apt_install chromium libkrb5-dev ripgrep; then
  skip "VS Code end to end: Debian's chromium, libkrb5-dev and ripgrep are needed and could not be installed (see above)"
fi

t1=$SECONDS
cs_dir=$cache/code-server
cs=$cs_dir/node_modules/.bin/code-server
if ! "$cs" --version 2>/dev/null | grep -q '^4\.100\.3 '; then
  echo "== vscode: installing code-server 4.100.3 into $cs_dir"
  rm -rf "$cs_dir" && mkdir -p "$cs_dir/tmp/vscode-ripgrep-cache-1.15.11" "$cs_dir/rg"
  # @vscode/ripgrep's postinstall would download rg from GitHub: seed its cache with Debian's rg.
  cp "$(command -v rg)" "$cs_dir/rg/rg"
  tar czf "$cs_dir/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" \
    -C "$cs_dir/rg" rg
  (
    cd "$cs_dir"
    printf '{"name":"hirelint-code-server","private":true}\n' >package.json
    # As root, code-server's postinstall needs unsafe_perm; node-pty's runs `npx node-gyp`.
    TMPDIR=$cs_dir/tmp npm_config_yes=true npm_config_unsafe_perm=true \
      npm install --no-audit --no-fund --loglevel=error --foreground-scripts code-server@4.100.3 \
      >"$cs_dir/install.log" 2>&1 || { tail -40 "$cs_dir/install.log"; exit 1; }
  )
  echo "code-server installed in $((SECONDS - t1)) s"
fi

t2=$SECONDS
# Screenshots go to the cache; UPDATE_SCREENSHOTS=1 writes the README's, in images/.
shots=$cache/e2e/screenshots
if [ "${UPDATE_SCREENSHOTS:-}" = 1 ]; then shots=$here/images; fi
node test/e2e.js --code-server "$cs" --vsix "$cache/hirelint.vsix" --server "$server" \
  --platform-vsix "$cache/hirelint-linux-x64.vsix" --work "$cache/e2e" --screenshots "$shots"
echo "vscode: end-to-end tests took $((SECONDS - t2)) s"
echo "vscode: $((PASSED + 5)) passed, 0 failed"
