#!/usr/bin/env bash
# Instructions per lint of a two-page resume, counted by callgrind: unlike wall-clock time,
# the count does not move when the machine is busy, so two commits compare fairly.
# Prints the one-time start-up cost (data tables, automata) and the cost of each lint.
# Usage: scripts/bench-instructions.sh [FILE [POSTING]]
#   FILE defaults to the batch benchmark's two-page resume; with POSTING, each lint matches
#   the resume against that job posting too (the posting is parsed once, in start-up).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 2; }
cargo build --release -q -p hirelint-rules --example lint_file
bin=${CARGO_TARGET_DIR:-target}/release/examples/lint_file
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
file=${1:-}
posting=${2:-}
if [ -z "$file" ]; then
  # The same two-page resume as scripts/bench-batch.sh builds.
  src=rules/tests/fixtures/good/resume.md
  file=$dir/resume.md
  sed -e "s/^- Built the card/- Responsible for the card/" "$src" >"$file"
  sed -n '/^## Experience/,/^## Projects/p' "$src" | sed -e 's/## Experience/## Earlier Experience/' -e '$d' >>"$file"
fi
count() {
  valgrind --tool=callgrind --callgrind-out-file="$dir/cg.out" "$bin" "$file" "$1" ${posting:+"$posting"} 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
one=$(count 1)
eleven=$(count 11)
per=$(( (eleven - one) / 10 ))
echo "$(wc -w <"$file") words${posting:+, with a posting}: $per instructions per lint; $(( one - per )) of start-up (process, data, automata)"
