#!/usr/bin/env bash
# The test command: every unit test, then the peer tests against real Mimir, Loki and MinIO processes and a real
# Kubernetes API server (kube-apiserver and etcd).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
exec ./mvnw -B -ntp verify "$@"
