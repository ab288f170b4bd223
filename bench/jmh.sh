#!/usr/bin/env bash
# Microbenchmarks of the HTTP layer (JMH): bench/jmh.sh [JMH options], e.g. bench/jmh.sh -f 1 ParserBenchmark
# The benchmarks live in tulip's test sources (dev.tulip.internal.http.ParserBenchmark, beside the
# package-private classes they measure); this builds them and runs JMH on tulip's test classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
classpath_file=tulip/target/jmh-classpath.txt
mvn "${MVN_FLAGS[@]}" -q -pl tulip test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file" >&2
# shellcheck disable=SC2086
exec "$JAVA" $TULIP_JVM_FLAGS -cp "tulip/target/test-classes:tulip/target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main "$@"
