#!/usr/bin/env bash
# Benchmark: sync GROUPS rule groups of RULES rules each, spread over TENANTS tenants, into the real Mimir, with
# rule-sync and with `mimirtool rules sync` doing the same work; then the no-change re-sync of both.
#
# Usage: scripts/bench-sync.sh [TENANTS] [GROUPS] [RULES]     (defaults 10 1000 10: 1,000 groups, 10,000 rules)
#
# The peers are started from the cache (scripts/peers.sh run) on their own ports with an empty data directory and
# stopped on exit. The rule files are generated into a temp dir: for rule-sync as PrometheusRule objects (10 groups
# per object), for mimirtool as plain rule files with the same groups and rules (one file = one namespace). The two
# tools write to different tenants (bench-rs-N, bench-mt-N), so neither sees the other's groups. rule-sync syncs all
# tenants in one process (concurrency 8 across tenants); mimirtool takes one tenant per run (--id), so it runs once
# per tenant, one after the other, with its default --concurrency 8. Wall and CPU (user+sys of the process tree).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh >/dev/null

TENANTS=${1:-10}
GROUPS_TOTAL=${2:-1000}
RULES=${3:-10}
GROUPS_PER_OBJECT=10
PER_TENANT=$((GROUPS_TOTAL / TENANTS))
OBJECTS=$(( (PER_TENANT + GROUPS_PER_OBJECT - 1) / GROUPS_PER_OBJECT ))

export MIMIR_HTTP_PORT=${MIMIR_HTTP_PORT:-19409} LOKI_HTTP_PORT=${LOKI_HTTP_PORT:-19410} MINIO_PORT=${MINIO_PORT:-19411}
export MINIO_CONSOLE_PORT=${MINIO_CONSOLE_PORT:-19412} LOKI_GRPC_PORT=${LOKI_GRPC_PORT:-19413}
export MIMIR_GRPC_PORT=${MIMIR_GRPC_PORT:-19414} MIMIR_MEMBERLIST_PORT=${MIMIR_MEMBERLIST_PORT:-19415}
export PEERS_DATA=${PEERS_DATA:-$PWD/target/peers-bench/data}
MIMIR=http://127.0.0.1:$MIMIR_HTTP_PORT

[ -f target/rule-sync.jar ] || ./mvnw -B -ntp -q package -DskipTests
MIMIRTOOL=$(scripts/peers.sh | sed -n 's/^mimirtool=//p')

work=$(mktemp -d)
rm -rf "$PEERS_DATA"; mkdir -p "$PEERS_DATA"
scripts/peers.sh run > "$PEERS_DATA/../peers.out" 2>&1 &
peers_pid=$!
cleanup() {
  kill -TERM "$peers_pid" 2>/dev/null || true
  wait "$peers_pid" 2>/dev/null || true  # peers.sh exits 130 when stopped
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 130' INT TERM

# ---- generate the rule files --------------------------------------------------------------------------------
rules_of() { # tenant object group indent -> RULES rules (half recording, half alerting)
  local t=$1 o=$2 g=$3 pad=$4 r
  for ((r = 0; r < RULES; r++)); do
    if ((r % 2 == 0)); then
      printf '%s- record: bench:requests_%d:rate5m\n%s  expr: sum by (job) (rate(http_requests_total{tenant="%s",object="%d",group="%d",rule="%d"}[5m]))\n' \
        "$pad" "$r" "$pad" "$t" "$o" "$g" "$r"
    else
      printf '%s- alert: BenchErrors%d\n%s  expr: sum by (job) (rate(http_errors_total{group="%d"}[5m])) / sum by (job) (rate(http_requests_total{group="%d"}[5m])) > 0.%d\n%s  for: 5m\n%s  labels:\n%s    severity: warning\n%s  annotations:\n%s    summary: "{{ $labels.job }} fails {{ $value | humanizePercentage }} (rule %d)"\n' \
        "$pad" "$r" "$pad" "$g" "$g" "$r" "$pad" "$pad" "$pad" "$pad" "$pad" "$r"
    fi
  done
}
for ((t = 0; t < TENANTS; t++)); do
  mkdir -p "$work/rs/t$t" "$work/mt/t$t"
  for ((o = 0; o < OBJECTS; o++)); do
    {
      printf 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: app-%d\n  namespace: team-%d\n' "$o" "$t"
      printf '  labels:\n    tenant: bench-rs-%d\n    type: metrics\nspec:\n  groups:\n' "$t"
      for ((g = 0; g < GROUPS_PER_OBJECT && o * GROUPS_PER_OBJECT + g < PER_TENANT; g++)); do
        printf '    - name: group-%d\n      interval: 1m\n      rules:\n' "$g"
        rules_of "$t" "$o" "$g" '        '
      done
    } > "$work/rs/t$t/app-$o.yaml"
    {
      printf 'namespace: team-%d-app-%d\ngroups:\n' "$t" "$o"
      for ((g = 0; g < GROUPS_PER_OBJECT && o * GROUPS_PER_OBJECT + g < PER_TENANT; g++)); do
        printf '  - name: group-%d\n    interval: 1m\n    rules:\n' "$g"
        rules_of "$t" "$o" "$g" '      '
      done
    } > "$work/mt/t$t/app-$o.yaml"
  done
done
echo "generated $TENANTS tenants x $PER_TENANT groups x $RULES rules = $((TENANTS * PER_TENANT)) groups, $((TENANTS * PER_TENANT * RULES)) rules ($work)"

for _ in $(seq 1 3600); do
  grep -q 'Ctrl-C stops' "$PEERS_DATA/../peers.out" 2>/dev/null && break
  kill -0 "$peers_pid" 2>/dev/null || { tail -20 "$PEERS_DATA/../peers.out" >&2; exit 1; }
  sleep 0.5
done
echo "Mimir ready at $MIMIR"

# ---- measure --------------------------------------------------------------------------------------------------
TIMEFORMAT='%R %U %S'
measure() { # label command... -> "label wall cpu", output to $work/<label>.log
  local label=$1 t
  shift
  t=$( { time "$@" > "$work/$label.log" 2>&1; } 2>&1 ) || { echo "$label failed:" >&2; tail -20 "$work/$label.log" >&2; exit 1; }
  awk -v l="$label" -v t="$t" 'BEGIN { split(t, a, " "); printf "%s %.2f %.2f\n", l, a[1], a[2] + a[3] }'
}
rule_sync() { bin/rule-sync "$@"; } # the jar, extracted once and run with a class-data cache per command
mimirtool_all() {
  local t
  for ((t = 0; t < TENANTS; t++)); do
    "$MIMIRTOOL" rules sync --address="$MIMIR" --id="bench-mt-$t" --rule-dirs="$work/mt/t$t" --log.level=warn
  done
}

# Warm-up, not measured: extracts the jar and writes sync's AOT cache or CDS archive (bin/rule-sync) with
# a small sync into a tenant of its own, as any later run of the command on the machine finds it.
mkdir -p "$work/warm"
sed 's/bench-rs-0/bench-warm/' "$work/rs/t0/app-0.yaml" > "$work/warm/app.yaml"
rule_sync sync --mimir-url "$MIMIR" "$work/warm" > "$work/warm.log" 2>&1 || { tail -20 "$work/warm.log" >&2; exit 1; }

results=()
results+=("$(measure rs-first rule_sync sync --mimir-url "$MIMIR" "$work/rs")")
results+=("$(measure rs-again rule_sync sync --mimir-url "$MIMIR" "$work/rs")")
results+=("$(measure mt-first mimirtool_all)")
results+=("$(measure mt-again mimirtool_all)")

grep -q "Sync: $((TENANTS * PER_TENANT)) created" "$work/rs-first.log" || { echo "rule-sync did not create every group:" >&2; tail -5 "$work/rs-first.log" >&2; exit 1; }
grep -q "Sync: 0 created, 0 updated, 0 deleted, $((TENANTS * PER_TENANT)) unchanged" "$work/rs-again.log" \
  || { echo "rule-sync's re-sync was not a no-op:" >&2; tail -5 "$work/rs-again.log" >&2; exit 1; }
tail -1 "$work/rs-first.log"; tail -1 "$work/rs-again.log"
# every group of both tools is in Mimir
for ((t = 0; t < TENANTS; t++)); do
  for who in rs mt; do
    n=$(curl -s -H "X-Scope-OrgID: bench-$who-$t" "$MIMIR/prometheus/config/v1/rules" | grep -c '^    - name: group-' || true)
    [ "$n" -eq "$PER_TENANT" ] || { echo "tenant bench-$who-$t has $n groups, expected $PER_TENANT" >&2; exit 1; }
  done
done
echo "checked: every tenant of both tools holds its $PER_TENANT groups"

printf '\n%-34s %10s %10s\n' "run ($((TENANTS * PER_TENANT)) groups, $((TENANTS * PER_TENANT * RULES)) rules)" "wall s" "CPU s"
names=("rule-sync sync (all new)" "rule-sync sync (no change)" "mimirtool rules sync (all new)" "mimirtool rules sync (no change)")
for i in 0 1 2 3; do
  read -r _ wall cpu <<< "${results[$i]}"
  printf '%-34s %10s %10s\n' "${names[$i]}" "$wall" "$cpu"
done
read -r _ rs1 _ <<< "${results[0]}"; read -r _ rs2 _ <<< "${results[1]}"
read -r _ mt1 _ <<< "${results[2]}"; read -r _ mt2 _ <<< "${results[3]}"
awk -v a="$mt1" -v b="$rs1" -v c="$mt2" -v d="$rs2" 'BEGIN {
  printf "\nwall-time ratio mimirtool / rule-sync: all new %.2f, no change %.2f (above 1 = rule-sync faster)\n", a / b, c / d }'
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
