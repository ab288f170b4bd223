#!/usr/bin/env bash
# Starts the demo (all seed services) on http://127.0.0.1:${PORT:-8000}. Ctrl-C stops it gracefully.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
echo "building the demo (mvn package)..." >&2
mvn "${MVN_FLAGS[@]}" -q package -DskipTests -pl demo -am >&2
# shellcheck disable=SC2086
exec "$JAVA" $TULIP_JVM_FLAGS ${JAVA_OPTS:-} -cp "demo/target/tulip-demo-0.1.0-SNAPSHOT.jar:demo/target/lib/*" \
  dev.tulip.demo.DemoApp --port "${PORT:-8000}" "$@"
