#!/usr/bin/env bash
# Times `rehearse scenarios lint DIR` (parse plus full validation) on 1,000 generated scenario
# files against PyYAML's C loader parsing the same files, and prints both times and their ratio.
#
#   Benchmarks/lint-benchmark.sh            # 1,000 files, 10 timed runs each
#   COUNT=200 RUNS=3 Benchmarks/lint-benchmark.sh
#
# Needs python3 with PyYAML built against libyaml; uses hyperfine when it is installed, else `time`.
# As a side check it validates every bundled scenario against docs/scenario.schema.json when
# python3 has `jsonschema`.
set -euo pipefail

cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000}
RUNS=${RUNS:-10}
SCRATCH=${SCRATCH:-.build-lint-release}

echo "Building rehearse (release, scratch path $SCRATCH)…" >&2
swift build -c release --scratch-path "$SCRATCH" >&2
BINARY="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/rehearse"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rehearse-lint-benchmark.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
FILES="$WORK/scenarios"
mkdir "$FILES"

# Copies of the bundled scenarios, round robin, each with its own id.
python3 - "$FILES" "$COUNT" <<'PY'
import glob, os, re, sys
target, count = sys.argv[1], int(sys.argv[2])
sources = sorted(glob.glob("scenarios/*.yaml"))
if not sources:
    sys.exit("no bundled scenarios in scenarios/")
texts = [open(path, encoding="utf-8").read() for path in sources]
for number in range(count):
    text = texts[number % len(texts)]
    text, replaced = re.subn(r"^id: (\S+)$", lambda m: f"id: {m.group(1)}-copy-{number:04d}", text, count=1, flags=re.M)
    if replaced != 1:
        sys.exit(f"{sources[number % len(sources)]}: no top-level 'id:' line")
    with open(os.path.join(target, f"scenario-{number:04d}.yaml"), "w", encoding="utf-8") as out:
        out.write(text)
PY

cat > "$WORK/pyyaml_parse.py" <<'PY'
import glob, sys, yaml
for path in sorted(glob.glob(sys.argv[1] + "/*.yaml")):
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
PY
python3 -c 'import yaml, sys; sys.exit(0 if getattr(yaml, "__with_libyaml__", False) else "PyYAML has no libyaml C loader here")'

BYTES=$(cat "$FILES"/*.yaml | wc -c)
echo "Generated $COUNT files, $BYTES bytes, in $FILES" >&2

# The lint run must be clean, or the comparison would be meaningless.
"$BINARY" scenarios lint "$FILES" >/dev/null

REHEARSE_COMMAND="$BINARY scenarios lint $FILES"
PYYAML_COMMAND="python3 $WORK/pyyaml_parse.py $FILES"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/times.json" \
        --command-name rehearse "$REHEARSE_COMMAND" \
        --command-name pyyaml "$PYYAML_COMMAND" >&2
    read -r REHEARSE_SECONDS PYYAML_SECONDS < <(python3 - "$WORK/times.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
print(results["rehearse"]["mean"], results["pyyaml"]["mean"])
PY
)
    METHOD="hyperfine, mean of $RUNS runs after 1 warm-up"
else
    seconds() {
        local start end
        start=$(date +%s.%N)
        for _ in $(seq "$RUNS"); do "$@" >/dev/null; done
        end=$(date +%s.%N)
        python3 -c "print(($end - $start) / $RUNS)"
    }
    $REHEARSE_COMMAND >/dev/null; $PYYAML_COMMAND >/dev/null
    REHEARSE_SECONDS=$(seconds $REHEARSE_COMMAND)
    PYYAML_SECONDS=$(seconds $PYYAML_COMMAND)
    METHOD="wall clock, mean of $RUNS runs after 1 warm-up"
fi

echo
echo "Scenario lint benchmark: $COUNT files, $BYTES bytes ($METHOD)"
echo "  machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
python3 - "$REHEARSE_SECONDS" "$PYYAML_SECONDS" <<'PY'
import sys
rehearse, pyyaml = float(sys.argv[1]), float(sys.argv[2])
print(f"  rehearse scenarios lint (parse + validation): {rehearse * 1000:8.1f} ms")
print(f"  PyYAML CSafeLoader (parse only):             {pyyaml * 1000:8.1f} ms")
print(f"  ratio rehearse / PyYAML: {rehearse / pyyaml:.2f}"
      + ("  (rehearse is faster)" if rehearse < pyyaml else "  (rehearse is slower)"))
PY

# Side check: the bundled scenarios against the JSON Schema.
if python3 -c 'import jsonschema' 2>/dev/null; then
    python3 - <<'PY'
import glob, json, sys, yaml, jsonschema
schema = json.load(open("docs/scenario.schema.json", encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = 0
paths = sorted(glob.glob("scenarios/*.yaml"))
for path in paths:
    with open(path, "rb") as handle:
        document = yaml.load(handle, Loader=yaml.CSafeLoader)
    for error in validator.iter_errors(document):
        failures += 1
        print(f"  schema: {path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
print(f"  schema: {len(paths)} bundled scenarios checked against docs/scenario.schema.json, {failures} problem(s)")
sys.exit(1 if failures else 0)
PY
fi
