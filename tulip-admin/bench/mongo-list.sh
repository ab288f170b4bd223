#!/usr/bin/env bash
# The MongoDB backend's list calls over 100,000 documents on the embedded (in-memory, in-process)
# server: medians of a first page, a deep keyset page, a deep offset page, a filtered page, a page
# sorted by an unindexed field, a find by id and counts.
#   tulip-admin/bench/mongo-list.sh            (DOCS=100000 RUNS=21; TASKSET="" to leave the JVM unpinned)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/jdk.sh
cp_file="$PWD/tulip-admin/target/bench.classpath"
timeout 900 mvn "${MVN_FLAGS[@]}" -q -o test-compile dependency:build-classpath -pl tulip-admin -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
pin=(); [ -n "${TASKSET-taskset -c 0}" ] && read -r -a pin <<<"${TASKSET-taskset -c 0}"
# shellcheck disable=SC2086
exec timeout 900 "${pin[@]}" "$JAVA" $TULIP_JVM_FLAGS -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Ddocs="${DOCS:-100000}" -Druns="${RUNS:-21}" \
  -cp "tulip-admin/target/test-classes:tulip-admin/target/classes:$(cat "$cp_file")" \
  dev.tulip.admin.internal.mongo.MongoListBench
