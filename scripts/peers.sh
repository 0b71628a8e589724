#!/usr/bin/env bash
# Provides the real peers the tests and the local demo run against, built from their Go modules through the
# Go module proxy with the ordinary Go client: Grafana Mimir, Grafana Loki, MinIO, mimirtool and lokitool; and a
# Kubernetes API server (kube-apiserver, etcd), kubectl, helm, and the PrometheusRule CRD.
#
# Usage: scripts/peers.sh            build what is missing, then print one "name=/abs/path" line each
#        scripts/peers.sh --versions print the pinned versions
#        scripts/peers.sh --check    exit 0 when everything is cached, 1 otherwise (never builds)
#        scripts/peers.sh run        build what is missing, then run MinIO, Loki, Mimir, etcd and kube-apiserver in
#                                    the foreground for the local demo (Ctrl-C stops them); ports: MINIO_PORT
#                                    (9000), LOKI_HTTP_PORT (3100), MIMIR_HTTP_PORT (9009), KUBE_APISERVER_PORT
#                                    (6443), ETCD_CLIENT_PORT (2379), ETCD_PEER_PORT (2380); data in PEERS_DATA
#
# Files are cached under ${RULESYNC_PEERS_CACHE:-~/.cache/rule-sync/peers}/<name>-<version>/, so a warm run only
# checks that they exist. Progress goes to stderr; stdout carries only the name=path lines (the JUnit extensions
# @RealPeers and @RealKube parse them). Every go command runs under nice and a time-out,
# RULESYNC_PEERS_BUILD_TIMEOUT (default 60m, in timeout(1)'s syntax), so a hung build fails with a message
# instead of hanging the caller.
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
# The Kubernetes programs are pinned by two Go modules of this repository (their go.mod files are the pins; this
# script reads the versions from them):
# - tools/kube-test: kube-apiserver and kubectl (k8s.io/kubernetes) and etcd, with exactly the dependency versions
#   Kubernetes itself requires;
# - tools/kube-tools: helm, and controller-gen with prometheus-operator's API types, from which the PrometheusRule
#   CRD is generated. Kept apart because their requirements would raise kube-apiserver's dependencies.
# -------------------------------------------------------------------------------------------------------------

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KUBE_TEST_MODULE=$ROOT/tools/kube-test
KUBE_TOOLS_MODULE=$ROOT/tools/kube-tools
CACHE=${RULESYNC_PEERS_CACHE:-$HOME/.cache/rule-sync/peers}
BUILD_TIMEOUT=${RULESYNC_PEERS_BUILD_TIMEOUT:-60m}
LDFLAGS="-s -w"
CRD_FILE=monitoring.coreos.com_prometheusrules.yaml

log() { printf '[peers %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

required_version() { # go.mod module -> the version go.mod requires
  sed -nE "s#^[[:space:]]*(require[[:space:]]+)?${2//./\\.}[[:space:]]+(v[^[:space:]]+).*#\2#p" "$1" | head -1
}
KUBERNETES_VERSION=$(required_version "$KUBE_TEST_MODULE/go.mod" k8s.io/kubernetes)
ETCD_VERSION=$(required_version "$KUBE_TEST_MODULE/go.mod" go.etcd.io/etcd/server/v3)
HELM_VERSION=$(required_version "$KUBE_TOOLS_MODULE/go.mod" helm.sh/helm/v4)
CONTROLLER_TOOLS_VERSION=$(required_version "$KUBE_TOOLS_MODULE/go.mod" sigs.k8s.io/controller-tools)
PROMETHEUS_OPERATOR_MODULE=github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring
PROMETHEUS_OPERATOR_VERSION=$(required_version "$KUBE_TOOLS_MODULE/go.mod" "$PROMETHEUS_OPERATOR_MODULE")

# what dir command... : a build step at low priority (the machine is shared) and with a time-out. timeout(1) runs
# it in a process group of its own and ends the whole group, compilers and linker included.
limited() {
  local what=$1 dir=$2 rc=0; shift 2
  (cd "$dir" && exec timeout --kill-after=30s "$BUILD_TIMEOUT" nice -n "${RULESYNC_PEERS_NICE:-10}" "$@") || rc=$?
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    log "TIME-OUT: '$what' did not finish within $BUILD_TIMEOUT (RULESYNC_PEERS_BUILD_TIMEOUT) and was stopped." \
      "A hung go command (network, Go cache lock) or a machine far too busy; run scripts/peers.sh again to retry."
    exit 3
  elif [ $rc -ne 0 ]; then
    log "'$what' failed with exit code $rc; see the lines above"
    exit 2
  fi
}

go_run() { # what dir go-args...
  local what=$1 dir=$2; shift 2
  limited "$what" "$dir" go "$@"
}

module_dir() { # module@version -> its directory in Go's module cache (downloaded if missing)
  local json
  json=$(go_run "go mod download $1" "$CACHE" mod download -json "$1") || exit $?
  printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'
}

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
    version=$(required_version "$work/go.mod" "$mod")
    [ -n "$version" ] || { log "go.mod replaces $mod with $dir but requires no version of it"; exit 2; }
    log "nested module $mod is not in the module zip: using $mod@$version for $dir"
    src=$(module_dir "$mod@$version")
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
  src=$(module_dir "$module@$version")
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
      go_run "go build $cmd" "$work" build -mod=mod -trimpath -ldflags="$LDFLAGS" -o "$tmp/$cmd" "./cmd/$cmd" >&2
    done
  else
    for cmd in "${need[@]}"; do
      local pkg=$module   # MinIO's main package is the module root
      [ "$cmd" = "$name" ] || pkg="$module/cmd/$cmd"
      log "go install $pkg@$version"
      GOBIN="$tmp" go_run "go install $pkg@$version" "$tmp" install -trimpath -ldflags="$LDFLAGS" "$pkg@$version" >&2
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

# name version module-dir package ldflags : build one command of a Go module of this repository (tools/kube-*)
# into its cache dir. Go's build cache makes the commands of one module share their common packages.
build_tool() {
  local name=$1 version=$2 module=$3 pkg=$4 ldflags=$5
  local dest
  dest=$(dir_of "$name" "$version")
  [ -x "$dest/$name" ] && return 0
  command -v go >/dev/null || { log "Go is needed to build $name (install Go >= 1.26)"; exit 2; }
  local started=$SECONDS tmp="$CACHE/.build-$$"
  log "building $name $version: go build $pkg in ${module#"$ROOT"/} (a cold build takes minutes)"
  mkdir -p "$tmp" "$dest"
  go_run "go build $pkg" "$module" build -trimpath -ldflags="$ldflags" -o "$tmp/$name" "$pkg" >&2
  mv -f "$tmp/$name" "$dest/$name"
  rm -rf "$tmp"
  log "built $dest/$name in $((SECONDS - started)) s"
}

build_kube() {
  local kube_ldflags="$LDFLAGS -X k8s.io/component-base/version.gitVersion=$KUBERNETES_VERSION"
  kube_ldflags+=" -X k8s.io/component-base/version.gitMajor=$(echo "$KUBERNETES_VERSION" | sed -E 's/^v([0-9]+)\..*/\1/')"
  kube_ldflags+=" -X k8s.io/component-base/version.gitMinor=$(echo "$KUBERNETES_VERSION" | sed -E 's/^v[0-9]+\.([0-9]+)\..*/\1/')"
  build_tool etcd "$ETCD_VERSION" "$KUBE_TEST_MODULE" go.etcd.io/etcd/server/v3 "$LDFLAGS"
  build_tool kube-apiserver "$KUBERNETES_VERSION" "$KUBE_TEST_MODULE" k8s.io/kubernetes/cmd/kube-apiserver "$kube_ldflags"
  build_tool kubectl "$KUBERNETES_VERSION" "$KUBE_TEST_MODULE" k8s.io/kubernetes/cmd/kubectl "$kube_ldflags"
  build_tool helm "$HELM_VERSION" "$KUBE_TOOLS_MODULE" helm.sh/helm/v4/cmd/helm \
    "$LDFLAGS -X helm.sh/helm/v4/internal/version.version=$HELM_VERSION -X helm.sh/helm/v4/internal/version.metadata="
  build_tool controller-gen "$CONTROLLER_TOOLS_VERSION" "$KUBE_TOOLS_MODULE" sigs.k8s.io/controller-tools/cmd/controller-gen \
    "$LDFLAGS"
  build_crd
}

# The PrometheusRule CRD, generated by controller-gen from prometheus-operator's API types as prometheus-operator's
# own "make generate-crds" does (crd:crdVersions=v1). Only the types module is served at recent versions; the
# root module, whose example/ folder holds the generated YAML, is served only at v0.85.0, before the CRD gained its
# status subresource.
build_crd() {
  local dest
  dest=$(dir_of prometheus-operator-crds "$PROMETHEUS_OPERATOR_VERSION")
  [ -f "$dest/$CRD_FILE" ] && return 0
  local started=$SECONDS tmp="$CACHE/.crd-$$"
  log "generating the PrometheusRule CRD from $PROMETHEUS_OPERATOR_MODULE@$PROMETHEUS_OPERATOR_VERSION"
  rm -rf "$tmp"; mkdir -p "$tmp" "$dest"
  limited controller-gen "$KUBE_TOOLS_MODULE" "$(dir_of controller-gen "$CONTROLLER_TOOLS_VERSION")/controller-gen" \
    crd:crdVersions=v1 "paths=$PROMETHEUS_OPERATOR_MODULE/v1" "output:crd:dir=$tmp" >&2
  [ -s "$tmp/$CRD_FILE" ] || { log "controller-gen wrote no $CRD_FILE"; exit 2; }
  mv -f "$tmp/$CRD_FILE" "$dest/$CRD_FILE"
  rm -rf "$tmp"
  log "generated $dest/$CRD_FILE in $((SECONDS - started)) s"
}

# The demo's Kubernetes API server (PEERS_KUBE=off leaves it out): etcd and kube-apiserver through
# scripts/kube-peer.sh, as in the tests, with the PrometheusRule CRD; an admin kubeconfig in $PEERS_DATA/kubeconfig.
# Runs inside run_peers (its pids, logs and wait_ready).
run_kube() {
  export KUBE_DIR=$PEERS_DATA/kube KUBE_APISERVER_PORT=${KUBE_APISERVER_PORT:-6443}
  export ETCD_CLIENT_PORT=${ETCD_CLIENT_PORT:-2379} ETCD_PEER_PORT=${ETCD_PEER_PORT:-2380}
  export ETCD KUBE_APISERVER
  ETCD=$(bin etcd) KUBE_APISERVER=$(bin kube-apiserver)
  local kube_peer="$ROOT/scripts/kube-peer.sh" kubectl
  kubectl=$(bin kubectl)
  mkdir -p "$KUBE_DIR"
  "$kube_peer" pki
  "$kube_peer" kubeconfig "$PEERS_DATA/kubeconfig"
  "$kube_peer" etcd > "$logs/etcd.log" 2>&1 &
  pids+=($!)
  wait_ready etcd "http://127.0.0.1:$ETCD_CLIENT_PORT/health"
  "$kube_peer" kube-apiserver > "$logs/kube-apiserver.log" 2>&1 &
  pids+=($!)
  local i
  for i in $(seq 1 240); do
    [ "$("$kubectl" --kubeconfig "$PEERS_DATA/kubeconfig" get --raw /readyz 2>/dev/null)" = ok ] && break
    sleep 0.5
  done
  "$kubectl" --kubeconfig "$PEERS_DATA/kubeconfig" get --raw /readyz >/dev/null \
    || { log "kube-apiserver not ready after 2 minutes; see $logs/kube-apiserver.log"; exit 1; }
  log "kube-apiserver ready at https://127.0.0.1:$KUBE_APISERVER_PORT"
  "$kubectl" --kubeconfig "$PEERS_DATA/kubeconfig" apply --server-side --field-manager=rule-sync-demo \
    -f "$(bin prometheusrule-crd)" >&2
  "$kubectl" --kubeconfig "$PEERS_DATA/kubeconfig" wait --for=condition=Established --timeout=60s \
    crd/prometheusrules.monitoring.coreos.com >&2
}

# The local demo: the same configs as the tests (src/test/resources/peers), on fixed ports.
run_peers() {
  local root
  root=$(cd "$(dirname "$0")/.." && pwd)
  export PEERS_CONFIG="$root/src/test/resources/peers"
  export PEERS_DATA=${PEERS_DATA:-$root/target/peers-demo/data}
  export MINIO_HOST=127.0.0.1 MINIO_PORT=${MINIO_PORT:-9000} MINIO_CONSOLE_PORT=${MINIO_CONSOLE_PORT:-9001}
  export MINIO_ACCESS_KEY=${MINIO_ACCESS_KEY:-rulesync-peers} MINIO_SECRET_KEY=${MINIO_SECRET_KEY:-rulesync-peers-secret}
  export LOKI_HTTP_PORT=${LOKI_HTTP_PORT:-3100} LOKI_GRPC_PORT=${LOKI_GRPC_PORT:-9095}
  export LOKI_RULER_BUCKET=${LOKI_RULER_BUCKET:-loki-ruler} LOKI_RULER_POLL_INTERVAL=${LOKI_RULER_POLL_INTERVAL:-1s}
  export MIMIR_HTTP_PORT=${MIMIR_HTTP_PORT:-9009} MIMIR_GRPC_PORT=${MIMIR_GRPC_PORT:-9097}
  export MIMIR_MEMBERLIST_PORT=${MIMIR_MEMBERLIST_PORT:-7946}
  local logs="$PEERS_DATA/.."
  mkdir -p "$PEERS_DATA/minio" "$PEERS_DATA/loki" "$PEERS_DATA/mimir"
  local pids=()
  # Stop in the reverse order of starting, each one before the next: kube-apiserver's graceful shutdown hangs
  # when etcd is gone first (it cleans up its lease in etcd), so a simultaneous kill left it running.
  stop_all() {
    local i pid
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
      pid=${pids[i]}
      kill "$pid" 2>/dev/null || continue
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    done
    wait
    log "peers stopped"
  }
  trap stop_all EXIT
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
  local kube=""
  if [ "${PEERS_KUBE:-on}" != off ]; then
    run_kube
    kube="  Kubernetes https://127.0.0.1:$KUBE_APISERVER_PORT (kubeconfig $PEERS_DATA/kubeconfig)"
  fi
  wait_ready loki "http://127.0.0.1:$LOKI_HTTP_PORT/ready"
  wait_ready mimir "http://127.0.0.1:$MIMIR_HTTP_PORT/ready"
  log "Mimir http://127.0.0.1:$MIMIR_HTTP_PORT  Loki http://127.0.0.1:$LOKI_HTTP_PORT  MinIO http://127.0.0.1:$MINIO_PORT (bucket $LOKI_RULER_BUCKET, $MINIO_ACCESS_KEY / $MINIO_SECRET_KEY)$kube; logs in $(cd "$logs" && pwd); Ctrl-C stops"
  wait -n "${pids[@]}" || true
  log "a peer exited; stopping the others"
}

all_paths() {
  printf 'mimir=%s/mimir\n' "$(dir_of mimir "$MIMIR_VERSION")"
  printf 'mimirtool=%s/mimirtool\n' "$(dir_of mimirtool "$MIMIR_VERSION")"
  printf 'loki=%s/loki\n' "$(dir_of loki "$LOKI_VERSION")"
  printf 'lokitool=%s/lokitool\n' "$(dir_of lokitool "$LOKI_VERSION")"
  printf 'minio=%s/minio\n' "$(dir_of minio "$MINIO_VERSION")"
  printf 'etcd=%s/etcd\n' "$(dir_of etcd "$ETCD_VERSION")"
  printf 'kube-apiserver=%s/kube-apiserver\n' "$(dir_of kube-apiserver "$KUBERNETES_VERSION")"
  printf 'kubectl=%s/kubectl\n' "$(dir_of kubectl "$KUBERNETES_VERSION")"
  printf 'helm=%s/helm\n' "$(dir_of helm "$HELM_VERSION")"
  printf 'controller-gen=%s/controller-gen\n' "$(dir_of controller-gen "$CONTROLLER_TOOLS_VERSION")"
  printf 'prometheusrule-crd=%s/%s\n' "$(dir_of prometheus-operator-crds "$PROMETHEUS_OPERATOR_VERSION")" "$CRD_FILE"
}

case "${1:-}" in
  --versions)
    printf 'mimir=%s@%s\nloki=%s@%s\nminio=%s@%s\n' "$MIMIR_MODULE" "$MIMIR_VERSION" \
      "$LOKI_MODULE" "$LOKI_VERSION" "$MINIO_MODULE" "$MINIO_VERSION"
    printf 'kube-apiserver=k8s.io/kubernetes@%s\nkubectl=k8s.io/kubernetes@%s\netcd=go.etcd.io/etcd/server/v3@%s\n' \
      "$KUBERNETES_VERSION" "$KUBERNETES_VERSION" "$ETCD_VERSION"
    printf 'helm=helm.sh/helm/v4@%s\ncontroller-gen=sigs.k8s.io/controller-tools@%s\nprometheusrule-crd=%s@%s\n' \
      "$HELM_VERSION" "$CONTROLLER_TOOLS_VERSION" "$PROMETHEUS_OPERATOR_MODULE" "$PROMETHEUS_OPERATOR_VERSION"
    exit 0 ;;
  --check)
    all_paths | while IFS== read -r _ path; do [ -f "$path" ] || exit 1; done
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
build_kube
[ $((SECONDS - total)) -gt 5 ] && log "all peers built after $((SECONDS - total)) s"
exec 9>&-
if [ "${1:-}" = run ]; then
  run_peers
else
  all_paths
fi
