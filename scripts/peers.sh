#!/usr/bin/env bash
# Provides the real peers the tests and the local demo run against: Grafana Mimir, Grafana Loki, MinIO,
# mimirtool and lokitool, built from their Go modules through the Go module proxy with the ordinary Go client.
#
# Usage: scripts/peers.sh            build what is missing, then print one "name=/abs/path/to/binary" line each
#        scripts/peers.sh --versions print the pinned versions
#        scripts/peers.sh --check    exit 0 when every binary is cached, 1 otherwise (never builds)
#        scripts/peers.sh run        build what is missing, then run MinIO, Loki and Mimir in the foreground for
#                                    the local demo (Ctrl-C stops them); ports: MINIO_PORT (9000),
#                                    LOKI_HTTP_PORT (3100), MIMIR_HTTP_PORT (9009); data in PEERS_DATA
#
# Binaries are cached under ${RULESYNC_PEERS_CACHE:-~/.cache/rule-sync/peers}/<name>-<version>/, so a warm run
# only checks five files. Progress goes to stderr; stdout carries only the name=path lines (the JUnit extension
# @RealPeers parses them).
set -euo pipefail

# ---- The ONE place where peer versions are pinned. ---------------------------------------------------------
# Mimir tags are "mimir-X.Y.Z", which are not Go semver; the module proxy reachable here serves Mimir only as
# this pseudo-version of main (2026-04-23, VERSION file 3.0.5 + unreleased changes). Loki v3.7.8 is its newest
# v3 tag on the proxy; MinIO's RELEASE.* tags are not semver either, so it is pinned by pseudo-version too.
MIMIR_MODULE=github.com/grafana/mimir
MIMIR_VERSION=v1.3.1-0.20260423142704-aced80d74930
LOKI_MODULE=github.com/grafana/loki/v3
LOKI_VERSION=v3.7.8
MINIO_MODULE=github.com/minio/minio
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
# -------------------------------------------------------------------------------------------------------------

CACHE=${RULESYNC_PEERS_CACHE:-$HOME/.cache/rule-sync/peers}
LDFLAGS="-s -w"

log() { printf '[peers %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

short() { # a directory-friendly version: pseudo-versions keep only their date and commit
  printf '%s' "$1" | sed -E 's/^v[0-9.]+-(0\.)?([0-9]{14})-([0-9a-f]{12})$/\2-\3/'
}

dir_of() { # name version -> cache dir
  printf '%s/%s-%s' "$CACHE" "$1" "$(short "$2")"
}

# A module zip leaves out nested modules (folders with their own go.mod), yet go.mod may replace such a
# module with its folder (Loki: github.com/grafana/loki/pkg/push => ./pkg/push). Put the version that go.mod
# requires, fetched through the proxy, into that folder.
restore_nested_modules() {
  local work=$1 mod dir version src
  sed -nE 's/^[[:space:]]*(replace[[:space:]]+)?([^[:space:]]+)[[:space:]]+=>[[:space:]]+(\.\/[^[:space:]]+)[[:space:]]*$/\2 \3/p' \
    "$work/go.mod" | while read -r mod dir; do
    [ -f "$work/$dir/go.mod" ] && continue
    version=$(sed -nE "s#^[[:space:]]*(require[[:space:]]+)?${mod//./\\.}[[:space:]]+(v[^[:space:]]+).*#\2#p" "$work/go.mod" | head -1)
    [ -n "$version" ] || { log "go.mod replaces $mod with $dir but requires no version of it"; exit 2; }
    log "nested module $mod is not in the module zip: using $mod@$version for $dir"
    src=$(go mod download -json "$mod@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
    [ -n "$src" ] || { log "go mod download $mod@$version failed"; exit 2; }
    mkdir -p "$work/$dir"
    cp -R "$src/." "$work/$dir/"
    chmod -R u+w "$work/$dir"
  done
}

# name module version cmd... : build one module's commands (./cmd/<cmd>) into their cache dirs.
build_module() {
  local name=$1 module=$2 version=$3; shift 3
  local need=() cmd
  for cmd in "$@"; do
    [ -x "$(dir_of "$cmd" "$version")/$cmd" ] || need+=("$cmd")
  done
  [ ${#need[@]} -eq 0 ] && return 0
  command -v go >/dev/null || { log "Go is needed to build ${need[*]} (install Go >= 1.24)"; exit 2; }

  local started=$SECONDS
  log "cold build of ${need[*]} from $module@$version (takes minutes; log lines follow)"
  local src
  src=$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$src" ] && [ -d "$src" ] || { log "go mod download $module@$version failed"; exit 2; }

  local tmp="$CACHE/.build-$$"
  mkdir -p "$tmp"
  if grep -qE '^[[:space:]]*replace\b|^replace \(' "$src/go.mod" || [ -d "$src/vendor" ]; then
    # replace directives (and vendor/) make "go install module@version" refuse: build a writable copy.
    local work="$CACHE/src/$name-$(short "$version")"
    if [ ! -f "$work/.complete" ]; then
      log "copying module source to $work"
      rm -rf "$work"; mkdir -p "$work"
      cp -R "$src/." "$work/"
      chmod -R u+w "$work"
      restore_nested_modules "$work"
      touch "$work/.complete"
    fi
    for cmd in "${need[@]}"; do
      log "go build -mod=mod ./cmd/$cmd"
      (cd "$work" && go build -mod=mod -trimpath -ldflags="$LDFLAGS" -o "$tmp/$cmd" "./cmd/$cmd") >&2
    done
  else
    for cmd in "${need[@]}"; do
      local pkg=$module   # MinIO's main package is the module root
      [ "$cmd" = "$name" ] || pkg="$module/cmd/$cmd"
      log "go install $pkg@$version"
      GOBIN="$tmp" go install -trimpath -ldflags="$LDFLAGS" "$pkg@$version" >&2
    done
  fi
  for cmd in "${need[@]}"; do
    local dest
    dest=$(dir_of "$cmd" "$version")
    mkdir -p "$dest"
    mv -f "$tmp/$cmd" "$dest/$cmd"   # rename within one file system: a reader never sees half a binary
    log "built $dest/$cmd"
  done
  rm -rf "$tmp"
  log "built ${need[*]} in $((SECONDS - started)) s"
}

# The local demo: the same configs as the tests (src/test/resources/peers), on fixed ports.
run_peers() {
  local root
  root=$(cd "$(dirname "$0")/.." && pwd)
  export PEERS_CONFIG="$root/src/test/resources/peers"
  export PEERS_DATA=${PEERS_DATA:-$root/target/peers-demo/data}
  export MINIO_PORT=${MINIO_PORT:-9000} MINIO_CONSOLE_PORT=${MINIO_CONSOLE_PORT:-9001}
  export MINIO_ACCESS_KEY=${MINIO_ACCESS_KEY:-rulesync-peers} MINIO_SECRET_KEY=${MINIO_SECRET_KEY:-rulesync-peers-secret}
  export LOKI_HTTP_PORT=${LOKI_HTTP_PORT:-3100} LOKI_GRPC_PORT=${LOKI_GRPC_PORT:-9095}
  export LOKI_RULER_BUCKET=${LOKI_RULER_BUCKET:-loki-ruler} LOKI_RULER_POLL_INTERVAL=${LOKI_RULER_POLL_INTERVAL:-1s}
  export MIMIR_HTTP_PORT=${MIMIR_HTTP_PORT:-9009} MIMIR_GRPC_PORT=${MIMIR_GRPC_PORT:-9097}
  export MIMIR_MEMBERLIST_PORT=${MIMIR_MEMBERLIST_PORT:-7946}
  local logs="$PEERS_DATA/.."
  mkdir -p "$PEERS_DATA/minio" "$PEERS_DATA/loki" "$PEERS_DATA/mimir"
  local pids=()
  trap 'kill "${pids[@]}" 2>/dev/null; wait; log "peers stopped"' EXIT
  trap 'exit 130' INT TERM
  bin() { all_paths | sed -n "s/^$1=//p"; }
  wait_ready() { # name url
    local i
    for i in $(seq 1 600); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "$2")" = 200 ] && { log "$1 ready at $2"; return 0; }
      sleep 0.5
    done
    log "$1 not ready after 5 minutes; see $logs/$1.log"; exit 1
  }
  MINIO_ROOT_USER=$MINIO_ACCESS_KEY MINIO_ROOT_PASSWORD=$MINIO_SECRET_KEY MINIO_BROWSER=off MINIO_UPDATE=off \
    "$(bin minio)" server --quiet --address "127.0.0.1:$MINIO_PORT" --console-address "127.0.0.1:$MINIO_CONSOLE_PORT" \
    "$PEERS_DATA/minio" > "$logs/minio.log" 2>&1 &
  pids+=($!)
  (cd "$PEERS_DATA/mimir" && exec "$(bin mimir)" -config.file="$PEERS_CONFIG/mimir.yaml" -config.expand-env=true \
    -target=all,alertmanager) > "$logs/mimir.log" 2>&1 &
  pids+=($!)
  wait_ready minio "http://127.0.0.1:$MINIO_PORT/minio/health/ready"
  # Create the rule bucket through the S3 API (curl signs the request); 409 = it is already there.
  curl -s -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" --user "$MINIO_ACCESS_KEY:$MINIO_SECRET_KEY" \
    -X PUT "http://127.0.0.1:$MINIO_PORT/$LOKI_RULER_BUCKET"
  (cd "$PEERS_DATA/loki" && exec "$(bin loki)" -config.file="$PEERS_CONFIG/loki.yaml" -config.expand-env=true \
    -target=all) > "$logs/loki.log" 2>&1 &
  pids+=($!)
  wait_ready loki "http://127.0.0.1:$LOKI_HTTP_PORT/ready"
  wait_ready mimir "http://127.0.0.1:$MIMIR_HTTP_PORT/ready"
  log "Mimir http://127.0.0.1:$MIMIR_HTTP_PORT  Loki http://127.0.0.1:$LOKI_HTTP_PORT  MinIO http://127.0.0.1:$MINIO_PORT (bucket $LOKI_RULER_BUCKET, $MINIO_ACCESS_KEY / $MINIO_SECRET_KEY); logs in $(cd "$logs" && pwd); Ctrl-C stops"
  wait -n "${pids[@]}" || true
  log "a peer exited; stopping the others"
}

all_paths() {
  printf 'mimir=%s/mimir\n' "$(dir_of mimir "$MIMIR_VERSION")"
  printf 'mimirtool=%s/mimirtool\n' "$(dir_of mimirtool "$MIMIR_VERSION")"
  printf 'loki=%s/loki\n' "$(dir_of loki "$LOKI_VERSION")"
  printf 'lokitool=%s/lokitool\n' "$(dir_of lokitool "$LOKI_VERSION")"
  printf 'minio=%s/minio\n' "$(dir_of minio "$MINIO_VERSION")"
}

case "${1:-}" in
  --versions)
    printf 'mimir=%s@%s\nloki=%s@%s\nminio=%s@%s\n' "$MIMIR_MODULE" "$MIMIR_VERSION" \
      "$LOKI_MODULE" "$LOKI_VERSION" "$MINIO_MODULE" "$MINIO_VERSION"
    exit 0 ;;
  --check)
    all_paths | while IFS== read -r _ path; do [ -x "$path" ] || exit 1; done
    exit $? ;;
  ""|run) ;;
  *) echo "usage: $0 [--versions|--check|run]" >&2; exit 2 ;;
esac

mkdir -p "$CACHE"
# One build at a time: parallel test JVMs or a demo started during a test run wait for the first builder.
exec 9>"$CACHE/.lock"
flock 9
total=$SECONDS
build_module minio "$MINIO_MODULE" "$MINIO_VERSION" minio
build_module loki "$LOKI_MODULE" "$LOKI_VERSION" loki lokitool
build_module mimir "$MIMIR_MODULE" "$MIMIR_VERSION" mimir mimirtool
[ $((SECONDS - total)) -gt 5 ] && log "all peers built after $((SECONDS - total)) s"
exec 9>&-
if [ "${1:-}" = run ]; then
  run_peers
else
  all_paths
fi
