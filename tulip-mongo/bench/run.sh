#!/usr/bin/env bash
# Seed 000 (GET / with 20 contacts, POST /new) on Tulip vs the same service on Netty + the driver,
# each with an in-process in-memory mongo-java-server, measured as ../shared/bench does: the server
# pinned to CPU 0, wrk -t1 -c64 pinned to CPU 1, 5 s warm-up, 10 s measured, ROUNDS rounds (3).
#   tulip-mongo/bench/run.sh [VARIANT...]     variants: raw tulip tulip-driver-threads (default: all)
# Output: bench/results/mongo-<time>/ (raw wrk output, server logs, summary.txt: VARIANT TEST REQ/S P99 ROUND)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/jdk.sh
variants=("$@"); [ ${#variants[@]} -gt 0 ] || variants=(raw tulip tulip-driver-threads)
ROUNDS="${ROUNDS:-3}" DURATION="${DURATION:-10}" WARMUP="${WARMUP:-5}" PORT="${PORT:-8090}"
out="bench/results/mongo-$(date -u +%Y%m%d-%H%M%S)"; mkdir -p "$out"
cp_file="$PWD/tulip-mongo/target/bench.classpath"
timeout 600 mvn "${MVN_FLAGS[@]}" -q -o test-compile dependency:build-classpath -pl tulip-mongo -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
cp="tulip-mongo/target/test-classes:tulip-mongo/target/classes:$(cat "$cp_file")"
post_lua="$out/post.lua"
printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n' \
  "'{\"name\": \"masnun\", \"phone\": \"555-0100\"}'" >"$post_lua"
LOAD_BEFORE="$(cat /proc/loadavg)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    if kill "$server_pid" 2>/dev/null; then timeout 10 tail --pid="$server_pid" -f /dev/null || kill -9 "$server_pid" 2>/dev/null || true
    else echo "warning: the server (pid $server_pid) had already exited; see its log" >&2; fi
  fi
  server_pid=""
}
trap stop_server EXIT
for round in $(seq 1 "$ROUNDS"); do
  for v in "${variants[@]}"; do
    for t in get post; do
      base="$out/r$round-$v-$t"
      # a fresh server per test, so POST's inserts never reach the GET measurement
      PORT="$PORT" taskset -c 0 "$JAVA" -Xms512m -Xmx512m -XX:+UseParallelGC $TULIP_JVM_FLAGS \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" dev.tulip.mongo.bench.BenchContacts "$v" >"$base.server.log" 2>&1 &
      server_pid=$!
      for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 0.5; done
      curl -fs "http://127.0.0.1:$PORT/" | head -c 300 >"$base.body"
      args=(-t1 -c64 --latency --timeout 8); path=/; [ "$t" = post ] && { args+=(-s "$post_lua"); path=/new; }
      timeout $((WARMUP + 30)) taskset -c 1 wrk "${args[@]}" -d"${WARMUP}s" "http://127.0.0.1:$PORT$path" >"$base.warmup.txt" 2>&1 || true
      timeout $((DURATION + 30)) taskset -c 1 wrk "${args[@]}" -d"${DURATION}s" "http://127.0.0.1:$PORT$path" >"$base.wrk.txt" 2>&1
      rps=$(awk '/Requests\/sec/ {print $2}' "$base.wrk.txt")
      p99=$(awk '$1 == "99%" {print $2}' "$base.wrk.txt")
      non2xx=$(awk '/Non-2xx/ {print $NF}' "$base.wrk.txt"); errors=$(grep -c "Socket errors" "$base.wrk.txt" || true)
      [ "${non2xx:-0}" = 0 ] || echo "warning: $v $t: $non2xx non-2xx responses" >&2
      echo "$v $t $rps $p99 r$round non2xx=${non2xx:-0} socket-error-lines=$errors" | tee -a "$out/summary.txt"
      stop_server
    done
  done
done
echo "load average before/after: $LOAD_BEFORE / $(cut -d, -f3- /proc/loadavg 2>/dev/null || uptime)" | tee -a "$out/summary.txt"
echo "medians (req/s):" | tee -a "$out/summary.txt"
awk '$5 ~ /^r[0-9]/ { k = $1 " " $2; n[k]++; v[k, n[k]] = $3 }
  END { for (k in n) { c = n[k]; for (i = 1; i <= c; i++) a[i] = v[k, i];
          for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
          printf "%s %.0f\n", k, (c % 2) ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2 } }' "$out/summary.txt" | sort | tee -a "$out/summary.txt"
echo "results in $out" >&2
