#!/usr/bin/env bash
# The codec microbenchmark (JMH): tulip-mongo/bench/jmh.sh [JMH options], e.g. tulip-mongo/bench/jmh.sh CodecBenchmark
# Runs JMH on tulip-mongo's test classpath, the JVM pinned to CPU 0 (TASKSET="" to leave it unpinned).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/jdk.sh
classpath_file=tulip-mongo/target/jmh-classpath.txt
timeout 600 mvn "${MVN_FLAGS[@]}" -q -o -pl tulip-mongo -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file" >&2
pin=(); [ -n "${TASKSET-taskset -c 0}" ] && read -r -a pin <<<"${TASKSET-taskset -c 0}"
# shellcheck disable=SC2086
exec "${pin[@]}" "$JAVA" $TULIP_JVM_FLAGS -cp "tulip-mongo/target/test-classes:tulip-mongo/target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main "$@"
