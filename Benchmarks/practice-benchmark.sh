#!/usr/bin/env bash
# Speed and memory of a practice session, on a release build:
#   - start to the first prompt in a pseudo-terminal (median of 10),
#   - recorded think_ms against a known delay typed in a pseudo-terminal,
#   - peak memory of a 30-question piped session (/usr/bin/time -v).
# Usage: Benchmarks/practice-benchmark.sh   (figures are recorded in Benchmarks/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
# The same build as `make install`: the Swift runtime linked in (see Benchmarks/README.md).
swift build -c release --static-swift-stdlib --scratch-path .build-release-static >/dev/null
binary=.build-release-static/release/rehearse
command -v sqlite3 >/dev/null || { echo "needs sqlite3 as the start-up reference: apt-get install sqlite3" >&2; exit 1; }
python3 Benchmarks/pty_timing.py "$binary" "${RUNS:-20}" 0.5

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
REHEARSE_HOME="$work/data" /usr/bin/time -v "$binary" practice --scenario "$work/thirty.yaml" --seed 1 < "$work/answers.txt" > /dev/null 2> "$work/time.txt"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt" | sed 's/^\s*/30-question piped session: /'
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 10 -N --input "$work/answers.txt" \
    "env REHEARSE_HOME=$work/data $binary practice --scenario $work/thirty.yaml --seed 1" 2>/dev/null | grep -E "Time|Range" || true
fi
