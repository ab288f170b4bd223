#!/usr/bin/env bash
# The HTTP client's requests per second and latency against a local Tulip server (GET /json, a
# small JSON object), side by side with the JDK's HttpClient and a minimal Netty client: the
# server pinned to CPU 0, each client JVM to CPU 1, CONCURRENCY (64) virtual threads over
# keep-alive connections, WARMUP (5) s then DURATION (10) s measured, ROUNDS (3) rounds.
#   tulip-client/bench/run.sh [VARIANT...]    variants: tulip jdk jdk-vt netty (default: all)
# Output: bench/results/client-<time>/ (each client's output, the server log, summary.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/jdk.sh
variants=("$@"); [ ${#variants[@]} -gt 0 ] || variants=(tulip jdk jdk-vt netty)
ROUNDS="${ROUNDS:-3}" DURATION="${DURATION:-10}" WARMUP="${WARMUP:-5}" PORT="${PORT:-8091}"
out="bench/results/client-$(date -u +%Y%m%d-%H%M%S)"; mkdir -p "$out"
cp_file="$PWD/tulip-client/target/bench.classpath"
timeout 600 mvn "${MVN_FLAGS[@]}" -q -o test-compile dependency:build-classpath -pl tulip-client -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
cp="tulip-client/target/test-classes:tulip-client/target/classes:$(cat "$cp_file")"
jvm=(-Xms512m -Xmx512m -XX:+UseParallelGC $TULIP_JVM_FLAGS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null && { timeout 10 tail --pid="$server_pid" -f /dev/null || kill -9 "$server_pid" 2>/dev/null || true; }
  fi
  server_pid=""
}
trap stop_server EXIT
PORT="$PORT" taskset -c 0 "$JAVA" "${jvm[@]}" -cp "$cp" dev.tulip.client.bench.BenchServer >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/json" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsi "http://127.0.0.1:$PORT/json" >"$out/response.txt"
LOAD_BEFORE="$(cat /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for v in "${variants[@]}"; do
    log="$out/r$round-$v.txt"
    URL="http://127.0.0.1:$PORT" WARMUP="$WARMUP" DURATION="$DURATION" CONCURRENCY="${CONCURRENCY:-64}" \
      timeout $((WARMUP + DURATION + 60)) taskset -c 1 "$JAVA" "${jvm[@]}" -cp "$cp" dev.tulip.client.bench.ClientBench "$v" >"$log" 2>&1 \
      || echo "warning: $v round $round failed (see $log)" >&2
    line=$(grep ' req/s ' "$log" | tail -1 || true)
    echo "r$round $line" | tee -a "$out/summary.txt"
  done
done
echo "load average before/after: $LOAD_BEFORE / $(cat /proc/loadavg)" | tee -a "$out/summary.txt"
echo "medians (req/s, p99 ms):" | tee -a "$out/summary.txt"
awk '
  $4 == "req/s" { v = $2; n[v]++; r[v, n[v]] = $3; sub("p99=", "", $6); sub("ms", "", $6); p[v, n[v]] = $6 + 0 }
  END { for (v in n) { c = n[v]; for (i = 1; i <= c; i++) { a[i] = r[v, i]; b[i] = p[v, i] }
          for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) { if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t } }
          m = (c + 1) / 2; printf "%s %.0f req/s p99 %.2f ms (%d rounds)\n", v, a[int(m)], b[int(m)], c } }' "$out/summary.txt" | sort | tee -a "$out/summary.txt"
echo "results in $out" >&2
