#!/usr/bin/env bash
# Speed and memory of a practice session, on a release build:
#   - start to the first prompt in a pseudo-terminal (median of RUNS), against `sqlite3 -version`
#     timed through the same path in the same run (the ratio is the figure that travels),
#   - recorded think_ms against a known delay typed in a pseudo-terminal,
#   - peak memory of a 30-question piped session (/usr/bin/time -v, median of 5).
# Usage: Benchmarks/practice-benchmark.sh
#        BEFORE=<commit> Benchmarks/practice-benchmark.sh   also builds <commit> (in a temporary
#        git worktree, the same way) and measures it first, for a before/after pair.
# Figures are recorded in Benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "needs sqlite3 as the start-up reference: apt-get install sqlite3" >&2; exit 1; }

work=$(mktemp -d)
cleanup() {
  if [ -d "$work/before" ]; then git worktree remove --force "$work/before" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The same build as `make install`: release, the Swift runtime linked in, and Package.swift's
# release linking (see Benchmarks/README.md).
build() {  # build <source folder> <scratch folder>: prints the binary's path
  (cd "$1" && swift build -c release --static-swift-stdlib --scratch-path "$2" >/dev/null && echo "$2/release/rehearse")
}

python3 - "$work/thirty.yaml" <<'PY'
import sys
lines = ["version: 1", "id: thirty-questions", "title: Thirty questions", "role: benchmark", "role_title: Tester",
         "kind: first", "company: Acme", "interviewers:", "  - id: kim", "    name: Kim Park", "    title: Lead", "    style: direct",
         "stages:", "  - interviewer: kim", "    questions:"]
for n in range(1, 31):
    lines += [f"      - id: q{n}", f"        text: \"Question {n}: tell me about a time you solved a problem.\"",
              "        talking_points:", "          - point: The outcome", "            keywords: [result, outcome]",
              "        probes:", "          - when: no_numbers", "            ask: \"How much, how many?\""]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
for n in $(seq 1 30); do
  echo "Answer $n: last year I handled 40 calls a day for our customers and as a result the backlog dropped by 20 percent."
done > "$work/answers.txt"

peak_memory() {  # peak_memory <binary>: median maximum resident set of 5 sessions, each in a fresh folder
  for run in 1 2 3 4 5; do
    rm -rf "$work/data"
    REHEARSE_HOME="$work/data" /usr/bin/time -v "$1" practice --scenario "$work/thirty.yaml" --seed 1 \
      < "$work/answers.txt" > /dev/null 2> "$work/time.txt"
    awk '/Maximum resident set size/ { print $NF }' "$work/time.txt"
  done | sort -n | sed -n 3p
}

measure() {  # measure <label> <binary>
  echo "== $1 ($2)"
  python3 Benchmarks/pty_timing.py "$2" "${RUNS:-20}" 0.5
  local kilobytes
  kilobytes=$(peak_memory "$2")
  echo "30-question piped session: peak memory median ${kilobytes} KB ($(awk -v k="$kilobytes" 'BEGIN { printf "%.1f", k / 1024 }') MiB; target at most 16 MiB)"
  if command -v hyperfine >/dev/null; then
    rm -rf "$work/data"
    # Through the shell (hyperfine subtracts its start-up): Debian 12's hyperfine has no --input.
    hyperfine --warmup 2 --runs 10 \
      "env REHEARSE_HOME=$work/data $2 practice --scenario $work/thirty.yaml --seed 1 < $work/answers.txt" 2>/dev/null |
      grep -E "Time|Range" || true
  fi
}

if [ -n "${BEFORE:-}" ]; then
  git worktree add --detach "$work/before" "$BEFORE" >/dev/null 2>&1
  measure "before: $(git rev-parse --short "$BEFORE")" "$(build "$work/before" "$work/before/.build-release-static")"
fi
measure "after: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with changes')" \
  "$(build . "$PWD/.build-release-static")"
