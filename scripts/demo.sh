#!/usr/bin/env bash
# The rule-sync demo, in one command on a clean clone:
#   1. builds the jar when it is missing,
#   2. starts real Mimir, Loki and MinIO on 127.0.0.1 from the peers cache (scripts/peers.sh run; built first when
#      missing, see docs/peers.md), and stops them again on exit (also on Ctrl-C or an error),
#   3. runs `bin/rule-sync lint rules/`, `plan --prune rules/`, `sync --prune rules/` for the tenants stage and prod into Mimir and
#      Loki (Loki through its S3 rule bucket), and a second `plan` that must show zero changes; rules/ is the whole
#      desired state of both tenants, so the commands prune (delete owned namespaces no file maps to),
#   4. shows per tenant what each ruler has loaded (GET /prometheus/api/v1/rules with X-Scope-OrgID), waiting in a
#      bounded poll loop for Loki's ruler to pick the bucket up.
# Ports (override through the environment): MIMIR_HTTP_PORT 9009, LOKI_HTTP_PORT 3100, MINIO_PORT 9000.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh >/dev/null

export MIMIR_HTTP_PORT=${MIMIR_HTTP_PORT:-9009} LOKI_HTTP_PORT=${LOKI_HTTP_PORT:-3100} MINIO_PORT=${MINIO_PORT:-9000}
export MINIO_ACCESS_KEY=${MINIO_ACCESS_KEY:-rulesync-peers} MINIO_SECRET_KEY=${MINIO_SECRET_KEY:-rulesync-peers-secret}
export LOKI_RULER_BUCKET=${LOKI_RULER_BUCKET:-loki-ruler}
export PEERS_DATA=${PEERS_DATA:-$PWD/target/peers-demo/data}
MIMIR=http://127.0.0.1:$MIMIR_HTTP_PORT
LOKI=http://127.0.0.1:$LOKI_HTTP_PORT
TENANTS=(stage prod)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
took() { awk -v ms=$(( $(now_ms) - $1 )) 'BEGIN { printf "   (%.1f s)\n", ms / 1000 }'; }

demo_start=$(now_ms)
if [ ! -f target/rule-sync.jar ]; then
  step "building target/rule-sync.jar (first run only)"
  mkdir -p target
  # Maven's own start-up warnings on new JDKs are noise here: keep the build's output, show it only on failure.
  if ! ./mvnw -B -ntp -q package -DskipTests > target/demo-build.log 2>&1; then
    cat target/demo-build.log >&2
    exit 2
  fi
fi

# The same configuration the controller reads (docs/configuration.md), here as environment variables.
export RULESYNC_MIMIR_URL=$MIMIR
export RULESYNC_LOKI_MODE=s3
export RULESYNC_LOKI_S3_ENDPOINT=http://127.0.0.1:$MINIO_PORT
export RULESYNC_LOKI_S3_BUCKETS=$LOKI_RULER_BUCKET
export RULESYNC_LOKI_S3_PATH_STYLE=true
export RULESYNC_LOKI_S3_ACCESS_KEY_ID=$MINIO_ACCESS_KEY
export RULESYNC_LOKI_S3_SECRET_ACCESS_KEY=$MINIO_SECRET_KEY
# rules/ holds every rule of these tenants: with --prune, a tenant whose last file goes is emptied too
export RULESYNC_KNOWN_TENANTS=stage,prod

# bin/rule-sync, the normal way to run rule-sync: the jar, extracted once and run with a class-data cache per
# command. The demo runs each command once or twice, so it takes the CDS archive, whose first run costs far less
# than writing an AOT cache (see bin/rule-sync).
export RULE_SYNC_CACHE=${RULE_SYNC_CACHE:-cds}

step "starting Mimir, Loki and MinIO (scripts/peers.sh run; logs in target/peers-demo/)"
for port in "$MIMIR_HTTP_PORT" "$LOKI_HTTP_PORT" "$MINIO_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; set MIMIR_HTTP_PORT, LOKI_HTTP_PORT or MINIO_PORT to free ports" >&2
    exit 2
  fi
done
rm -rf "$PEERS_DATA"
mkdir -p "$PEERS_DATA"
t=$(now_ms)
scripts/peers.sh run > "$PEERS_DATA/../peers.out" 2>&1 &
peers_pid=$!
stop_peers() {
  if kill -0 "$peers_pid" 2>/dev/null; then
    kill -TERM "$peers_pid" 2>/dev/null || true
    wait "$peers_pid" 2>/dev/null || true
    echo "peers stopped"
  fi
}
trap stop_peers EXIT
trap 'exit 130' INT TERM
# bounded wait: a cold peers build prints progress in target/peers-demo/peers.out and may take minutes
for _ in $(seq 1 3600); do
  grep -q 'Ctrl-C stops' "$PEERS_DATA/../peers.out" 2>/dev/null && break
  kill -0 "$peers_pid" 2>/dev/null || { echo "the peers did not start:" >&2; tail -20 "$PEERS_DATA/../peers.out" >&2; exit 1; }
  sleep 0.5
done
grep -q 'Ctrl-C stops' "$PEERS_DATA/../peers.out" || { echo "the peers did not become ready in 30 minutes" >&2; exit 1; }
echo "   Mimir $MIMIR   Loki $LOKI   MinIO http://127.0.0.1:$MINIO_PORT (bucket $LOKI_RULER_BUCKET)"
took "$t"

run() { # run a rule-sync command, print its exit code and time; never stops the demo
  local t code
  t=$(now_ms)
  printf '$ rule-sync %s\n' "$*"
  set +e; bin/rule-sync "$@"; code=$?; set -e
  printf '   exit %s' "$code"; took "$t"
  return 0
}

step "lint: check the files offline"
run lint rules/
# --prune: rules/ is the whole tree, so owned namespaces no file maps to are deleted (without it, a command given
# part of a tree changes only what it was given; docs/sync.md)
step "plan: what sync would change (exit 3 = changes pending)"
run plan --prune rules/
step "sync: apply it (Mimir through its ruler API, Loki through its S3 rule bucket)"
run sync --prune rules/
step "plan again: nothing left to do (exit 0)"
run plan --prune rules/

loaded() { # ruler tenant -> "group (N rules)" lines of what the ruler has loaded
  curl -s -H "X-Scope-OrgID: $2" "$1/prometheus/api/v1/rules" | {
    if command -v jq >/dev/null; then
      jq -r '.data.groups[] | "\(.file) / \(.name): \(.rules | map(.name) | join(", "))"'
    else
      grep -o '"name":"[^"]*","file":"[^"]*"' | sed -E 's/"name":"([^"]*)","file":"([^"]*)"/\2 \/ \1/'
    fi
  }
}
step "what each ruler has loaded, per tenant"
for tenant in "${TENANTS[@]}"; do
  for ruler in "Mimir $MIMIR" "Loki $LOKI"; do
    name=${ruler%% *}; url=${ruler#* }
    t=$(now_ms)
    # Mimir loads within its sync-queue poll, Loki at its next bucket poll: wait for both groups, at most 60 s
    for _ in $(seq 1 120); do
      [ "$(loaded "$url" "$tenant" | wc -l)" -ge 2 ] && break
      sleep 0.5
    done
    echo "-- $name, tenant $tenant (loaded after $(( $(now_ms) - t )) ms of waiting):"
    loaded "$url" "$tenant" | sed 's/^/   /'
  done
done

step "done in $(( ($(now_ms) - demo_start) / 1000 )) s; stopping the peers"
