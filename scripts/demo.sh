#!/usr/bin/env bash
# Demo: lint the tenants' rules in rules/ (builds the jar first when it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
if [ ! -f target/rule-sync.jar ]; then
  ./mvnw -B -ntp -q package -DskipTests
fi
exec java -jar target/rule-sync.jar lint rules/ "$@"
