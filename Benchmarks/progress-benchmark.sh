#!/usr/bin/env bash
# Times `rehearse progress` and `rehearse drill --list` over 10,000 generated transcripts with
# hyperfine and a release build: once cold (transcripts/.progress-cache deleted, so every
# transcript is parsed and reviewed) and with the cache current (a `stat` per file and one read
# of the cache). Shares the transcripts and the release build of transcripts-benchmark.sh.
#
#   Benchmarks/progress-benchmark.sh
#   COUNT=2000 WORK=/tmp/b RUNS=5 Benchmarks/progress-benchmark.sh
set -euo pipefail

cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
WORK=${WORK:-/tmp/rehearse-bench}
RUNS=${RUNS:-10}
HYPERFINE=${HYPERFINE:-$(command -v hyperfine || echo /usr/bin/hyperfine)}

swift build -c release --scratch-path .build-review-release >/dev/null
BIN="$PWD/.build-review-release/release/rehearse"
MANY="$WORK/many"
if [ "$(find "$MANY/transcripts" -name '*.jsonl' 2>/dev/null | wc -l)" -lt "$COUNT" ]; then
    rm -rf "$MANY"
    python3 Benchmarks/generate_transcripts.py --count "$COUNT" --out "$MANY/transcripts"
fi
CACHE="$MANY/transcripts/.progress-cache"
export NO_COLOR=1 REHEARSE_HOME="$MANY"

# Cold is slow (every transcript reviewed once): one run.
"$HYPERFINE" --runs 1 --export-markdown "$WORK/progress-cold.md" --prepare "rm -f '$CACHE'" \
    -n "progress, cold (no cache)" "'$BIN' progress > /dev/null"
"$HYPERFINE" --runs "$RUNS" --warmup 1 --export-markdown "$WORK/progress.md" \
    -n "progress, with the cache" "'$BIN' progress > /dev/null" \
    -n "progress --format json, with the cache" "'$BIN' progress --format json > /dev/null" \
    -n "progress --role sales --format html, with the cache" "'$BIN' progress --role sales --format html > /dev/null" \
    -n "drill --list --role sales, with the cache" "'$BIN' drill --list --role sales > /dev/null"
