#!/usr/bin/env bash
# Diagnostics per rule over a folder of resumes (every .md, .txt, .yml, .yaml and .json
# under it), for reading what hirelint says on material nobody here wrote.
# Usage: scripts/rule-counts.sh DIR [hirelint lint options...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: scripts/rule-counts.sh DIR [options]}
shift
cargo build --release -q -p hirelint
bin=${CARGO_TARGET_DIR:-target}/release/hirelint
find "$dir" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.yml' -o -name '*.yaml' -o -name '*.json' \) \
    ! -name SOURCES.md ! -path '*/postings/*' -print0 | sort -z |
  { xargs -0 -n1 "$bin" lint --format json "$@" 2>/dev/null || true; } |
  jq -r '.[] | .rule' | sort | uniq -c | sort -rn
