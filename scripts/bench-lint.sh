#!/usr/bin/env bash
# Benchmark of `lint` (docs/lint.md, "Speed"): wall time and CPU (user+sys) of
#   - bin/rule-sync lint  (the launcher: extracted jar, AOT/CDS cache; its cache is written by an unmeasured run)
#   - java -jar target/rule-sync.jar lint
#   - pint lint           (cloudflare/pint, built from the Go module proxy at a pinned version, never committed)
# on small real-world corpora and a large generated one:
#   - Mimir's mixin (operations/mimir-mixin-compiled of the Mimir module scripts/peers.sh pins), plain rule files
#   - kube-prometheus and Loki's mixin, only when a shared corpus directory is present (SHARED_CORPUS, default
#     the nearest shared/corpus beside the checkout); kube-prometheus gets tenant and type labels, since rule-sync checks expressions only for
#     objects whose type it knows
#   - BENCH_FILES generated PrometheusRule files (default 1000, 20 rules each: 10 recording, 10 alerting with
#     block-scalar expressions and templates)
# Each command runs RUNS times (default 5); the table shows the median and the best wall time and the median CPU.
# Usage: scripts/bench-lint.sh [RUNS]     PINT=/path/to/pint uses that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
runs=${1:-5}
files=${BENCH_FILES:-1000}
PINT_VERSION=v0.65.0
shared=${SHARED_CORPUS:-}
if [ -z "$shared" ]; then # the nearest shared/corpus beside the checkout (a worktree may sit one level deeper)
  for d in .. ../.. ../../..; do [ -d "$d/shared/corpus" ] && { shared=$d/shared/corpus; break; }; done
fi
cache=${XDG_CACHE_HOME:-$HOME/.cache}/rule-sync/bench
mkdir -p "$cache"

if [ ! -f target/rule-sync.jar ]; then
  ./mvnw -B -ntp -q package -DskipTests
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- corpora ---
mimir_version=$(sed -n 's/^MIMIR_VERSION=//p' scripts/peers.sh)
mimir_dir=$(nice go mod download -json "github.com/grafana/mimir@$mimir_version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
mkdir -p "$work/mimir-mixin"
cp "$mimir_dir"/operations/mimir-mixin-compiled/{rules,alerts}.yaml "$work/mimir-mixin/"
chmod -R u+w "$work/mimir-mixin"
corpora=(mimir-mixin)
if [ -n "$shared" ] && [ -d "$shared/kube-prometheus" ]; then
  mkdir -p "$work/kube-prometheus"
  for f in "$shared"/kube-prometheus/*.yaml; do
    # the objects' first `labels:` is metadata's: add the tenant and type rule-sync routes by
    sed '0,/^  labels:$/s//  labels:\n    tenant: bench\n    type: metrics/' "$f" > "$work/kube-prometheus/$(basename "$f")"
  done
  corpora+=(kube-prometheus)
fi
if [ -n "$shared" ] && [ -d "$shared/loki-mixin" ]; then
  mkdir -p "$work/loki-mixin"
  cp "$shared"/loki-mixin/*.yaml "$work/loki-mixin/"
  corpora+=(loki-mixin)
fi
mkdir -p "$work/generated"
for ((i = 0; i < files; i++)); do
  cat > "$work/generated/rules-$i.yaml" <<YAML
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
corpora+=(generated)

# plain rule files carry no labels: tell rule-sync their tenant and type
lint_args() {
  case $1 in
    mimir-mixin|loki-mixin) echo "--tenant bench --type metrics" ;;
    *) echo "" ;;
  esac
}

# --- pint ---
pint=${PINT:-}
if [ -z "$pint" ]; then
  if [ ! -x "$cache/pint-$PINT_VERSION/pint" ]; then
    echo "building pint $PINT_VERSION from the Go module proxy (once, into $cache)" >&2
    if ! GOBIN="$cache/pint-$PINT_VERSION" nice go install "github.com/cloudflare/pint/cmd/pint@$PINT_VERSION" 2> "$work/pint-build.log"; then
      echo "pint is not measured: it could not be built: $(tail -2 "$work/pint-build.log" | tr '\n' ' ')" >&2
    fi
  fi
  [ -x "$cache/pint-$PINT_VERSION/pint" ] && pint=$cache/pint-$PINT_VERSION/pint
fi
if [ -n "$pint" ]; then
  # pint reads PrometheusRule objects in relaxed mode; offline: no Prometheus server is configured
  printf 'parser {\n  relaxed = [".*"]\n}\n' > "$work/pint.hcl"
fi

# --- measuring ---
measure() { # label corpus command... -> "label corpus median_wall best_wall median_cpu" (seconds)
  local label=$1 corpus=$2 i rc
  shift 2
  : > "$work/samples"
  for ((i = 0; i < runs; i++)); do
    set +e
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > "$work/out" 2> "$work/err"
    rc=$?
    set -e
    if [ "$rc" -gt 1 ]; then echo "$label on $corpus exited $rc:" >&2; tail -5 "$work/err" "$work/out" >&2; exit 1; fi
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time" >> "$work/samples"
  done
  local mid=$(((runs + 1) / 2))
  printf '%s %s %s %s %s\n' "$label" "$corpus" "$(cut -d' ' -f1 "$work/samples" | sort -n | sed -n "${mid}p")" \
    "$(cut -d' ' -f1 "$work/samples" | sort -n | head -1)" "$(cut -d' ' -f2 "$work/samples" | sort -n | sed -n "${mid}p")"
}
rules_in() { # corpus -> the rule count lint reports
  # shellcheck disable=SC2046 # the arguments are a word list
  bin/rule-sync lint $(lint_args "$1") "$work/$1" | tail -1 | sed -E 's/.* ([0-9,]+) rules?$/\1/'
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores; JDK $(java -version 2>&1 | sed -nE '1s/.*"(.*)".*/\1/p'))"
results=()
for c in "${corpora[@]}"; do
  # shellcheck disable=SC2046
  bin/rule-sync lint $(lint_args "$c") "$work/$c" > /dev/null || true # writes lint's cache once: not measured
  # shellcheck disable=SC2046
  results+=("$(measure launcher "$c" bin/rule-sync lint $(lint_args "$c") "$work/$c")")
  # shellcheck disable=SC2046
  results+=("$(measure java-jar "$c" java -jar target/rule-sync.jar lint $(lint_args "$c") "$work/$c")")
  if [ -n "$pint" ]; then
    results+=("$(measure pint "$c" "$pint" --offline --no-color --config "$work/pint.hcl" lint "$work/$c")")
  fi
  echo "  $c: $(rules_in "$c") rules measured" >&2
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-16s %-10s %12s %12s %12s\n' corpus command "wall median" "wall best" "CPU median"
for r in "${results[@]}"; do
  read -r label corpus wall best cpu <<< "$r"
  printf '%-16s %-10s %11ss %11ss %11ss\n' "$corpus" "$label" "$wall" "$best" "$cpu"
done
if [ -n "$pint" ]; then
  echo
  for c in "${corpora[@]}"; do
    awk -v c="$c" '$2 == c { w[$1] = $3; u[$1] = $5 }
      END { if (w["pint"] > 0) printf "%-16s launcher/pint: wall %.1fx, CPU %.1fx; java -jar/pint: wall %.1fx, CPU %.1fx\n",
            c, w["launcher"] / w["pint"], u["launcher"] / u["pint"], w["java-jar"] / w["pint"], u["java-jar"] / u["pint"] }' \
      <(printf '%s\n' "${results[@]}")
  done
fi
