# Shared by the client test scripts (sourced, not run, as "$(dirname "$0")/../../lib/common.sh").

# The repository root, whichever suite sources this file.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# suite NAME LEFT: the name on the summary line, the tests a skip leaves out, and $cache, the
# suite's install folder (.cache/NAME at the repository root, ignored by git).
suite() {
  SUITE=$1 LEFT=$2
  cache=$root/.cache/$1
  mkdir -p "$cache"
}

# skip REASON: outside CI, say clearly what is skipped and why, and stop this test script
# with success; under CI=true nothing may be skipped, so it fails instead.
# A suite sets SUITE, PASSED (tests passed so far) and LEFT (tests the skip leaves out) so the
# summary line counts them.
skip() {
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL (CI=true, nothing may be skipped): $*"
    echo "${SUITE:-clients}: ${PASSED:-0} passed, ${LEFT:-1} failed"
    exit 1
  fi
  echo "SKIPPED: $*"
  echo "${SUITE:-clients}: ${PASSED:-0} passed, 0 failed, ${LEFT:-1} skipped"
  exit 0
}

# apt_install PKG...: installs missing Debian packages when this machine can (root + apt-get).
# Returns 1 when it cannot, so the caller can skip with a reason.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "cannot install ${missing[*]}: no apt-get on this machine" >&2
    return 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "cannot install ${missing[*]}: not root and no password-less sudo" >&2
      return 1
    fi
  fi
  echo "installing Debian packages: ${missing[*]}" >&2
  # Another apt-get may hold the lock for a while: wait for it rather than fail.
  local try
  for try in 1 2 3; do
    if "${sudo[@]}" apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
        -o DPkg::Lock::Timeout=300 "${missing[@]}" >&2; then
      return 0
    fi
    echo "apt-get failed (try $try of 3); retrying in 10 s" >&2
    sleep 10
  done
  echo "cannot install ${missing[*]}: apt-get failed three times" >&2
  return 1
}

# hirelint_bin: the hirelint under test, as an absolute path (call it before any cd):
# HIRELINT_SERVER_PATH, else Cargo's debug build.
hirelint_bin() {
  local bin=${HIRELINT_SERVER_PATH:-$(target_dir)/debug/hirelint} dir
  dir=$(cd "$(dirname "$bin")" 2>/dev/null && pwd) && bin=$dir/$(basename "$bin")
  echo "$bin"
}

# hirelint_server_or_skip BIN: BIN must answer `server --help` (the language server).
hirelint_server_or_skip() {
  if [ ! -x "$1" ]; then
    skip "no hirelint binary at $1 (build it with cargo build -p hirelint, or set HIRELINT_SERVER_PATH)"
  fi
  if ! "$1" server --help >/dev/null 2>&1; then
    skip "$1 does not answer 'server --help' (an old hirelint without the language server?), so the editor end-to-end tests cannot run"
  fi
}

# Cargo's target folder: CARGO_TARGET_DIR (relative to the repository root) or target/.
target_dir() {
  local dir=${CARGO_TARGET_DIR:-target}
  case $dir in /*) echo "$dir" ;; *) echo "$root/$dir" ;; esac
}
