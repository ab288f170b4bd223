#!/usr/bin/env bash
# Times the PostgreSQL backend's list, find and count on a 1,000,000-row table in an embedded
# PostgreSQL: prints, for each read, the median server time (EXPLAIN ANALYZE of the statement
# the backend sent, planning plus execution) and the median call time as the caller sees it.
#   tulip-admin/bench/pg-list.sh            # 31 runs each
#   RUNS=101 tulip-admin/bench/pg-list.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source scripts/jdk.sh
cpfile="$root/tulip-admin/target/pg-bench.classpath"
timeout 900 mvn "${MVN_FLAGS[@]}" -q test-compile dependency:build-classpath -pl tulip-admin -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp="$root/tulip-admin/target/test-classes:$root/tulip-admin/target/classes:$(cat "$cpfile")"
exec timeout 1800 "$JAVA" $TULIP_JVM_FLAGS -Druns="${RUNS:-31}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$cp" dev.tulip.admin.internal.pg.PgListBench
