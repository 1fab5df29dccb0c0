#!/usr/bin/env bash
# Agreement of the review's content rules with a coach's labels (Benchmarks/agreement/labelled.jsonl):
# per-rule agreement, false flags on answers a coach rates strong, misses on weak ones. Fails below
# 90% agreement on any rule or above 5% false flags on strong answers. The same check runs in the
# test suite (AgreementTests), so CI fails on it too. DETAILS=1 lists every disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null
if [ -n "${DETAILS:-}" ]; then export AGREEMENT_DETAILS=1; fi
output=$(swift test --skip-build --filter AgreementTests 2>&1) && status=0 || status=$?
printf '%s\n' "$output" | grep -v -e '^◇' -e '^✔' -e '^􀟈' -e '^\[' -e '^Test Suite' -e 'Executed' -e '^↳' || true
exit "$status"
