#!/usr/bin/env bash
# SSE fan-out: SseBench (a Tulip app with one SseHub) in one JVM, SseLoad (CLIENTS event streams,
# default 1000) in another; for each of RATES (events published per second, default "100 1000 5000")
# prints the events per second all clients received. Raw output under bench/results/sse-<time>/.
# Every JVM runs under a timeout; the server is stopped by its pid. Server on CPU 0, load on CPU 1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
jar=bench/target/tulip-bench-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find tulip/src/main bench/src/main -newer "$jar" -name '*.java' 2>/dev/null | head -1)" ]; then
  timeout 600 mvn "${MVN_FLAGS[@]}" -q package -Dmaven.test.skip=true -pl bench -am >&2
fi
out="bench/results/sse-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
# as bench/compare.sh does: the server on CPU 0, the load on CPU 1 (when taskset is there)
pin0="" pin1=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin0="taskset -c 0" pin1="taskset -c 1"; fi
port="${PORT:-8090}"
# shellcheck disable=SC2086
PORT="$port" timeout 900 $pin0 "$JAVA" $TULIP_JVM_FLAGS -Xmx1g -cp "$jar:bench/target/lib/*" dev.tulip.bench.SseBench \
  >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done
{
  echo "# $(date -u) $(nproc) cores; server and load on the same machine"
  echo "# CLIENTS=${CLIENTS:-1000} RATES='${RATES:-100 1000 5000}' SECONDS_PER_RATE=${SECONDS_PER_RATE:-10}"
} | tee "$out/load.txt"
# shellcheck disable=SC2086
PORT="$port" DURATION_SECONDS="${SECONDS_PER_RATE:-10}" timeout 600 $pin1 "$JAVA" $TULIP_JVM_FLAGS -Xmx1g \
  -cp "$jar:bench/target/lib/*" dev.tulip.bench.SseLoad | tee -a "$out/load.txt"
echo "raw output: $out"
