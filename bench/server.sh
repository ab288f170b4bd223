#!/usr/bin/env bash
# Started by ../shared/bench (peers tulip / tulip-loop): runs Tulip's benchmark app in the
# foreground on $HOST:$PORT with the harness's $JAVA_OPTS. TULIP_BENCH_MODE=virtual|loop (default
# virtual). DATABASE_URL (default TechEmpower's hello_world on 127.0.0.1:5432) is the database of the
# DB test types. The harness's own TULIP_* variables are removed before the JVM starts: Tulip reads every
# TULIP_* variable as a setting and refuses unknown ones. The mode reaches the app as BENCH_MODE.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
jar=bench/target/tulip-bench-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find tulip/src/main tulip-pg/src/main bench/src/main -newer "$jar" -name '*.java' 2>/dev/null | head -1)" ]; then
  mvn "${MVN_FLAGS[@]}" -q package -Dmaven.test.skip=true -pl bench -am >&2
fi
mode="${TULIP_BENCH_MODE:-virtual}"
# The database of the DB test types (../shared/bench/pg-setup.sh creates it); the harness's DB_HOST,
# DB_PORT and DB_POOL are honoured as they are by the other peers.
export DATABASE_URL="${DATABASE_URL:-postgres://benchmarkdbuser:benchmarkdbpass@${DB_HOST:-127.0.0.1}:${DB_PORT:-5432}/hello_world}"
# shellcheck disable=SC2086
exec env -u TULIP_BENCH_MODE -u TULIP_DIR BENCH_MODE="$mode" "$JAVA" ${JAVA_OPTS:-$TULIP_JVM_FLAGS} -cp "$jar:bench/target/lib/*" dev.tulip.bench.BenchApp
