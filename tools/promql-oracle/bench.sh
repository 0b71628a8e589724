#!/usr/bin/env bash
# Parse throughput of our PromQL front end (JMH, PromqlBench) against Prometheus' Go parser (promql-oracle -bench)
# over the same corpus (the pinned Go modules of testsupport.Corpora; RULESYNC_SHARED=DIR adds DIR/corpus's cases).
# Run from anywhere; needs a JDK (scripts/java-env.sh) and go.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/java-env.sh
./mvnw -B -ntp -o -q test-compile
./mvnw -B -ntp -o -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
shared="${RULESYNC_SHARED:-}"
java -Drulesync.shared="$shared" -cp "$cp" dev.rulesync.bench.PromqlBench corpus target/promql-bench-corpus.jsonl
oracle_dir="$HOME/.cache/rule-sync/tools/promql-oracle-bench"
mkdir -p "$oracle_dir"
(cd tools/promql-oracle && go build -o "$oracle_dir/promql-oracle" .)
go_line="$("$oracle_dir/promql-oracle" -experimental -fill -bench -seconds "${GO_SECONDS:-10}" < target/promql-bench-corpus.jsonl)"
echo "$go_line"
java -Djmh.ignoreLock=true -Drulesync.shared="$shared" -cp "$cp" org.openjdk.jmh.Main 'PromqlBench.parseAndCheckCorpus' \
  -rf json -rff target/promql-bench.json "$@"
java_cpu_line="$(java -Drulesync.shared="$shared" -cp "$cp" dev.rulesync.bench.PromqlBench cpu "${CPU_SECONDS:-10}")"
echo "$java_cpu_line"
go_line2="$("$oracle_dir/promql-oracle" -experimental -fill -bench -seconds "${GO_SECONDS:-10}" < target/promql-bench-corpus.jsonl)"
echo "$go_line2"
go_passes="$(sed -E 's/.*passes\/s=([0-9.]+).*/\1/' <<<"$go_line")"
java_passes="$(python3 -c 'import json;print(json.load(open("target/promql-bench.json"))[0]["primaryMetric"]["score"])')"
go_passes2="$(sed -E 's/.*passes\/s=([0-9.]+).*/\1/' <<<"$go_line2")"
go_cpu="$(sed -E 's/.*cpu-ns\/expr=([0-9.]+).*/\1/' <<<"$go_line2")"
java_cpu="$(sed -E 's/.*cpu-ns\/expr=([0-9.]+).*/\1/' <<<"$java_cpu_line")"
python3 - "$java_passes" "$go_passes" "$go_passes2" "$java_cpu" "$go_cpu" <<'PY'
import sys
j, g1, g2, jc, gc = map(float, sys.argv[1:])
g = (g1 + g2) / 2
print(f"wall: JMH java={j:.2f} passes/s, go={g:.2f} passes/s (mean of runs before/after) -> java/go speed {j/g:.2f}")
print(f"cpu:  java={jc:.0f} ns/expr, go={gc:.0f} ns/expr -> java/go speed {gc/jc:.2f}")
PY
