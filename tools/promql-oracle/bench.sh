#!/usr/bin/env bash
# Parse throughput of our PromQL front end (JMH, PromqlBench) against Prometheus' Go parser (promql-oracle -bench)
# over the same corpus. Run from anywhere; needs a JDK (scripts/java-env.sh), go, and ../shared/corpus.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/java-env.sh
./mvnw -B -ntp -o -q test-compile
./mvnw -B -ntp -o -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
shared="${RULESYNC_SHARED:-$root/../shared}"
[ -d "$shared/corpus" ] || shared="$(cd "$root/../.." && pwd)/shared"
java -Drulesync.shared="$shared" -cp "$cp" dev.rulesync.bench.PromqlBench target/promql-bench-corpus.jsonl
oracle_dir="$HOME/.cache/rule-sync/tools/promql-oracle-bench"
mkdir -p "$oracle_dir"
(cd tools/promql-oracle && go build -o "$oracle_dir/promql-oracle" .)
go_line="$("$oracle_dir/promql-oracle" -experimental -fill -bench -seconds "${GO_SECONDS:-10}" < target/promql-bench-corpus.jsonl)"
echo "$go_line"
java -Drulesync.shared="$shared" -cp "$cp" org.openjdk.jmh.Main 'PromqlBench.parseAndCheckCorpus' \
  -rf json -rff target/promql-bench.json "$@"
go_passes="$(sed -E 's/.*passes\/s=([0-9.]+).*/\1/' <<<"$go_line")"
java_passes="$(python3 -c 'import json;print(json.load(open("target/promql-bench.json"))[0]["primaryMetric"]["score"])')"
python3 - "$java_passes" "$go_passes" <<'PY'
import sys
j, g = float(sys.argv[1]), float(sys.argv[2])
print(f"corpus passes/s: java={j:.2f} go={g:.2f} ratio java/go={j/g:.2f}")
PY
