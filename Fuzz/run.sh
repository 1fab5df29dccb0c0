#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and runs each for FUZZ_SECONDS (default 300).
#   Fuzz/run.sh                      every target, one after another
#   Fuzz/run.sh FuzzReview           one target
#   FUZZ_SECONDS=600 Fuzz/run.sh FuzzReview FuzzInputDecoding
# The corpus grows in Fuzz/corpus/TARGET (not committed), seeded from scenarios/ and
# Fuzz/seeds/. Crashing inputs land in Fuzz/findings/TARGET: copy each into
# Fuzz/regressions/TARGET/ so the test suite replays it (FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-300}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzScenarioLoader FuzzTranscriptReader FuzzReview FuzzInputDecoding)
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
bin=$(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --show-bin-path)
for target in "${targets[@]}"; do
  corpus=corpus/$target findings=findings/$target
  mkdir -p "$corpus" "$findings"
  case $target in
    FuzzScenarioLoader) cp -n ../scenarios/*.yaml "$corpus"/ ;;
    FuzzTranscriptReader|FuzzReview) cp -n seeds/transcripts/*.jsonl "$corpus"/ ;;
    FuzzInputDecoding) cp -n seeds/input/* "$corpus"/ ;;
  esac
  [ -d "regressions/$target" ] && cp -n "regressions/$target"/* "$corpus"/ 2>/dev/null || true
  echo "== $target for ${seconds}s" >&2
  "$bin/$target" "$corpus" -max_total_time="$seconds" -artifact_prefix="$findings/" -print_final_stats=1 \
    -timeout=10 -rss_limit_mb=2048 2>&1 | grep -v -E '^#[0-9]+' | tail -n 40 >&2
done
