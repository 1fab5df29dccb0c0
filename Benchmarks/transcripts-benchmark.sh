#!/usr/bin/env bash
# Times `rehearse transcripts` over 10,000 generated transcripts and `rehearse review` of a
# 200-answer transcript, with hyperfine and a release build. Each is measured cold (no
# transcripts/.index.json: every file is read) and with the index current.
#
#   Benchmarks/transcripts-benchmark.sh            # 10,000 transcripts in /tmp/rehearse-bench
#   COUNT=2000 WORK=/tmp/b Benchmarks/transcripts-benchmark.sh
#
# Figures are recorded in Benchmarks/README.md ("## Transcripts").
set -euo pipefail

cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
WORK=${WORK:-/tmp/rehearse-bench}
RUNS=${RUNS:-10}
HYPERFINE=${HYPERFINE:-$(command -v hyperfine || echo /usr/bin/hyperfine)}

swift build -c release --scratch-path .build-review-release >/dev/null
BIN="$PWD/.build-review-release/release/rehearse"

MANY="$WORK/many"
BIG="$WORK/big"
if [ "$(find "$MANY/transcripts" -name '*.jsonl' 2>/dev/null | wc -l)" -ne "$COUNT" ]; then
    rm -rf "$MANY"
    echo "Writing $COUNT transcripts to $MANY/transcripts ..."
    python3 Benchmarks/generate_transcripts.py --count "$COUNT" --out "$MANY/transcripts"
fi
rm -rf "$BIG"
python3 Benchmarks/generate_transcripts.py --count 1 --questions 200 --seed 11 --cut-off-share 0 --out "$BIG/transcripts"
echo "Transcripts: $(du -sh "$MANY/transcripts" | cut -f1) in $COUNT files; the 200-answer one is $(du -h "$BIG"/transcripts/*.jsonl | cut -f1)."

# The 200-answer transcript also goes among the many, newest, so review looks through earlier ones of its role.
python3 - "$BIG"/transcripts/*.jsonl "$MANY/transcripts" <<'EOF'
import json, sys
source, folder = sys.argv[1], sys.argv[2]
lines = open(source, encoding="utf-8").read().splitlines()
header = json.loads(lines[0])
header.update(session="b1600000", started="2026-06-01T10:00:00Z", role="customer-service")
with open(folder + "/2026-06-01T100000Z-b1600000.jsonl", "w", encoding="utf-8") as out:
    out.write("\n".join([json.dumps(header, sort_keys=True)] + lines[1:]) + "\n")
EOF

INDEX="$MANY/transcripts/.index.json"
export NO_COLOR=1

"$HYPERFINE" --runs "$RUNS" --warmup 1 --export-markdown "$WORK/transcripts.md" \
    --prepare "rm -f '$INDEX'" -n "transcripts, cold (no index, $((COUNT + 1)) files)" \
    "REHEARSE_HOME='$MANY' '$BIN' transcripts > /dev/null"
"$HYPERFINE" --runs "$RUNS" --warmup 2 --export-markdown "$WORK/transcripts-indexed.md" \
    -n "transcripts, with the index" "REHEARSE_HOME='$MANY' '$BIN' transcripts > /dev/null" \
    -n "transcripts --format json, with the index" "REHEARSE_HOME='$MANY' '$BIN' transcripts --format json > /dev/null" \
    -n "transcripts --role sales, with the index" "REHEARSE_HOME='$MANY' '$BIN' transcripts --role sales > /dev/null"
"$HYPERFINE" --runs "$RUNS" --warmup 1 --export-markdown "$WORK/review.md" \
    -n "review of 200 answers, alone in its folder" "REHEARSE_HOME='$BIG' '$BIN' review last > /dev/null" \
    -n "review of 200 answers, html" "REHEARSE_HOME='$BIG' '$BIN' review last --format html > /dev/null"
"$HYPERFINE" --runs "$RUNS" --warmup 1 --export-markdown "$WORK/review-many.md" \
    --prepare "rm -f '$INDEX'" -n "review of 200 answers among $COUNT, cold (no index)" \
    "REHEARSE_HOME='$MANY' '$BIN' review b1600000 > /dev/null"
"$HYPERFINE" --runs "$RUNS" --warmup 1 --export-markdown "$WORK/review-many-indexed.md" \
    -n "review of 200 answers among $COUNT, with the index" "REHEARSE_HOME='$MANY' '$BIN' review b1600000 > /dev/null"
echo "Markdown tables: $WORK/*.md"
