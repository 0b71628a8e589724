#!/usr/bin/env bash
# Benchmark of `lint`: generates N PrometheusRule files (default 1000, 2 groups x 10 rules each, mixed scalar
# styles and templates) into a temp dir, runs the jar on them and prints wall time and rules per second.
# Usage: scripts/bench-lint.sh [FILES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
files=${1:-1000}
runs=${2:-3}
if [ ! -f target/rule-sync.jar ]; then
  ./mvnw -B -ntp -q package -DskipTests
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for ((i = 0; i < files; i++)); do
  cat > "$dir/rules-$i.yaml" <<YAML
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: bench-$i
  namespace: team-$((i % 50))
  labels:
    tenant: team-$((i % 50))
    type: metrics
spec:
  groups:
$(for g in 0 1; do
  echo "    - name: group-$g"
  echo "      interval: 1m"
  echo "      rules:"
  for r in 0 1 2 3 4; do
    echo "        - record: job:http_requests_$g$r:rate5m"
    echo "          expr: sum by (job) (rate(http_requests_total{code=~\"5..\",svc=\"s$i\"}[5m]))"
  done
  for r in 0 1 2 3 4; do
    echo "        - alert: HighErrorRate$g$r"
    echo "          expr: |"
    echo "            job:http_requests_$g$r:rate5m"
    echo "              / job:http_requests_total:rate5m > 0.0$r"
    echo "          for: 10m"
    echo "          labels:"
    echo "            severity: critical"
    echo "          annotations:"
    echo "            summary: '{{ \$labels.job }} fails {{ \$value | humanizePercentage }} of requests'"
    echo "            description: >-"
    echo "              {{ if gt \$value 0.1 }}many{{ else }}some{{ end }} errors on {{ \$labels.instance }}"
  done
done)
YAML
done
rules=$((files * 20))
echo "generated $files files, $rules rules in $dir"
best=""
for ((run = 1; run <= runs; run++)); do
  start=$(date +%s%N)
  set +e
  TIMEFORMAT='%U %S'
  cpu=$( { time java -jar target/rule-sync.jar lint "$dir" > "$dir.out"; } 2>&1 )
  rc=$?
  set -e
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  tail -1 "$dir.out"
  if [ "$rc" -ne 0 ]; then echo "lint exited $rc" >&2; head -20 "$dir.out" >&2; exit 1; fi
  cpu_s=$(echo "$cpu" | awk '{print $1 + $2}')
  echo "run $run: wall ${ms} ms, $((rules * 1000 / (ms > 0 ? ms : 1))) rules/s, cpu ${cpu_s} s (JVM start included; load: $(cut -d' ' -f1 /proc/loadavg))"
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
rm -f "$dir.out"
echo "best: wall ${best} ms for $files files / $rules rules = $((rules * 1000 / best)) rules/s"
