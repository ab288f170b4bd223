#!/usr/bin/env bash
# Microbenchmarks of the HTTP layer (JMH): bench/jmh.sh [JMH options], e.g. bench/jmh.sh -f 1 ParserBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
mvn "${MVN_FLAGS[@]}" -q package -Dmaven.test.skip=true -pl bench -am >&2
# shellcheck disable=SC2086
exec "$JAVA" $TULIP_JVM_FLAGS -cp "bench/target/tulip-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.openjdk.jmh.Main "$@"
