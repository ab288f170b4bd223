#!/usr/bin/env bash
# Measures how the request parser's time grows with the head's size, whole and trickled (1 and 16
# bytes per read): flat nanoseconds per byte mean linear. Usage: scripts/parse-scaling.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
timeout 600 mvn -q "${MVN_FLAGS[@]}" test-compile dependency:build-classpath -pl tulip \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test >&2
exec timeout 900 "$JAVA" ${TULIP_JVM_FLAGS} -cp "tulip/target/test-classes:tulip/target/classes:$(cat tulip/target/test.classpath)" \
  dev.tulip.internal.http.ParseScaling
