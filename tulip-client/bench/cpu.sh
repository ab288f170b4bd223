#!/usr/bin/env bash
# CPU time per request of tulip-client and of a bare Netty client, in one JVM with the server
# (64 virtual threads, ROUNDS rounds of 4 s each, the two clients in turn), pinned to CPU 1.
# Counts this process's CPU only, so it is steadier than req/s on a loaded machine.
#   tulip-client/bench/cpu.sh     output: bench/results/client-cpu-<time>.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/jdk.sh
cp_file="$PWD/tulip-client/target/bench.classpath"
timeout 600 mvn "${MVN_FLAGS[@]}" -q -o test-compile dependency:build-classpath -pl tulip-client -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
out="bench/results/client-cpu-$(date -u +%Y%m%d-%H%M%S).txt"
echo "load average before: $(cat /proc/loadavg)" >"$out"
ROUNDS="${ROUNDS:-8}" timeout 300 taskset -c 1 "$JAVA" -Xms512m -Xmx512m -XX:+UseParallelGC $TULIP_JVM_FLAGS \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "tulip-client/target/test-classes:tulip-client/target/classes:$(cat "$cp_file")" \
  dev.tulip.client.bench.CpuPerRequest | tee -a "$out"
echo "load average after: $(cat /proc/loadavg)" | tee -a "$out"
