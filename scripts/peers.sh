#!/usr/bin/env bash
# Provides the real peers the tests and the local demo run against: Grafana Mimir, Grafana Loki, MinIO,
# mimirtool and lokitool, built from their Go modules through the Go module proxy with the ordinary Go client.
#
# Usage: scripts/peers.sh            build what is missing, then print one "name=/abs/path/to/binary" line each
#        scripts/peers.sh --versions print the pinned versions
#        scripts/peers.sh --check    exit 0 when every binary is cached, 1 otherwise (never builds)
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
  printf '%s' "$1" | sed -E 's/^v[0-9.]+-0\.([0-9]{14})-([0-9a-f]{12})$/\1-\2/'
}

dir_of() { # name version -> cache dir
  printf '%s/%s-%s' "$CACHE" "$1" "$(short "$2")"
}

# name module version cmd... : build one module's commands into their cache dirs.
build_module() {
  local module=$1 version=$2; shift 2
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
    local work="$CACHE/src/$(basename "$module")-$(short "$version")"
    if [ ! -f "$work/.complete" ]; then
      log "copying module source to $work"
      rm -rf "$work"; mkdir -p "$work"
      cp -R "$src/." "$work/"
      chmod -R u+w "$work"
      touch "$work/.complete"
    fi
    for cmd in "${need[@]}"; do
      log "go build -mod=mod ./cmd/$cmd"
      (cd "$work" && GOFLAGS="${GOFLAGS:-} -mod=mod" go build -trimpath -ldflags="$LDFLAGS" -o "$tmp/$cmd" "./cmd/$cmd") >&2
    done
  else
    for cmd in "${need[@]}"; do
      local pkg=$module
      [ "$cmd" = "$(basename "$module")" ] || pkg="$module/cmd/$cmd"
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
  "") ;;
  *) echo "usage: $0 [--versions|--check]" >&2; exit 2 ;;
esac

mkdir -p "$CACHE"
# One build at a time: parallel test JVMs or a demo started during a test run wait for the first builder.
exec 9>"$CACHE/.lock"
flock 9
total=$SECONDS
build_module "$MINIO_MODULE" "$MINIO_VERSION" minio
build_module "$LOKI_MODULE" "$LOKI_VERSION" loki lokitool
build_module "$MIMIR_MODULE" "$MIMIR_VERSION" mimir mimirtool
[ $((SECONDS - total)) -gt 5 ] && log "all peers ready after $((SECONDS - total)) s"
all_paths
