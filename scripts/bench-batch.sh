#!/usr/bin/env bash
# Batch throughput: `hirelint lint DIR` over N generated two-page resumes (default 1,000),
# files per second. Budget (DESIGN.md): at least 5,000 two-page resumes per second on 2 cores.
# Usage: scripts/bench-batch.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --release -q -p hirelint
bin=${CARGO_TARGET_DIR:-target}/release/hirelint
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Vary each resume a little (names, numbers, a weak bullet) so no two files are identical.
src=rules/tests/fixtures/good/resume.md
for i in $(seq 1 "$n"); do
  sed -e "s/Morgan Ellis/Candidate $i/" -e "s/38%/$((i % 90 + 5))%/" \
      -e "s/^- Built the card/- Responsible for the card/" "$src" >"$dir/resume-$i.md"
  # Second page: the experience section again, as an earlier career.
  sed -n '/^## Experience/,/^## Projects/p' "$src" | sed -e 's/## Experience/## Earlier Experience/' -e '$d' >>"$dir/resume-$i.md"
done
words=$(wc -w <"$dir/resume-1.md")
echo "$n resumes of $words words each in $dir"

best=""
for run in 1 2 3 4 5; do
  start=$(date +%s.%N)
  "$bin" lint --format json "$dir" >/dev/null || true
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  echo "run $run: $secs s"
  if [ -z "$best" ] || awk -v s="$secs" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$secs; fi
done
echo "best: $best s = $(awk -v n="$n" -v s="$best" 'BEGIN { printf "%.0f", n / s }') files/s on $(nproc) cores"
