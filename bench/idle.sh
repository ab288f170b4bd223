#!/usr/bin/env bash
# Idle keep-alive connections and slowloris clients against Tulip's benchmark app (issue 6):
#   bench/idle.sh                          # 10,000 idle, 500 slowloris, 30 s
#   IDLE=2000 SLOW=100 SECONDS_RUN=15 bench/idle.sh
# The server (BenchApp, virtual-thread mode) runs on core 0, the client (IdleLoad, its own JVM)
# on core 1, each allowed its hard limit of open files. Reports the probe's latency while the connections are
# held, how the server dealt with the slowloris clients (the head timeout answers 408), and the
# server's memory per idle connection: its live heap after a full GC and its RSS outside the
# (fixed, pre-touched) heap, each against the same before the connections. Raw output under bench/results/idle-<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
IDLE="${IDLE:-10000}"
SLOW="${SLOW:-500}"
SECONDS_RUN="${SECONDS_RUN:-30}"
PORT="${PORT:-8092}"
out="bench/results/idle-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
jar=bench/target/tulip-bench-0.1.0-SNAPSHOT.jar
timeout 600 mvn "${MVN_FLAGS[@]}" -q package -Dmaven.test.skip=true -pl bench -am >&2
cp=(-cp "$jar:bench/target/lib/*")
# shellcheck disable=SC2206
flags=(${TULIP_JVM_FLAGS} -Xms512m -Xmx512m -XX:+AlwaysPreTouch)
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
JCMD="$(dirname "$JAVA")/jcmd"
heap_kb() { # live heap after a full GC, in KB
  timeout 30 "$JCMD" "$1" GC.run >/dev/null
  sleep 1
  timeout 30 "$JCMD" "$1" GC.heap_info | awk '/total .*used/ { for (i=1;i<=NF;i++) if ($i=="used") { v=$(i+1); sub(/K.*/,"",v); s+=v } } END {print s+0}'
}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true # each process may open up to the hard limit (20,000 here)
log="$out/server.log"
BENCH_MODE=virtual PORT=$PORT taskset -c 0 timeout 600 "$JAVA" "${flags[@]}" "${cp[@]}" dev.tulip.bench.BenchApp >"$log" 2>&1 &
guard=$!
pid=""
for _ in $(seq 50); do pid=$(pgrep -P "$guard" || true); [ -n "$pid" ] && break; sleep 0.1; done
for _ in $(seq 150); do curl -s -o /dev/null "http://127.0.0.1:$PORT/plaintext" && break; sleep 0.2; done
# its memory before the connections come
timeout 60 curl -s -o /dev/null "http://127.0.0.1:$PORT/plaintext"
before=$(rss_kb "$pid"); heap_before=$(heap_kb "$pid")
fifo="$out/hold"; mkfifo "$fifo"
taskset -c 1 timeout $((SECONDS_RUN + 240)) "$JAVA" ${TULIP_JVM_FLAGS} "${cp[@]}" dev.tulip.bench.IdleLoad "$PORT" "$IDLE" "$SLOW" "$SECONDS_RUN" <"$fifo" >"$out/client.txt" 2>&1 &
client=$!
exec 3>"$fifo" # keeps the client's stdin open until the memory is read
for _ in $(seq $((SECONDS_RUN * 5 + 600))); do grep -q probe_requests "$out/client.txt" && break; sleep 0.2; done
after=$(rss_kb "$pid"); heap_after=$(heap_kb "$pid")
exec 3>&-
rm -f "$fifo"
wait "$client" || true
kill "$guard" 2>/dev/null || true
wait "$guard" 2>/dev/null || true
line=$(grep probe_requests "$out/client.txt" || echo "client failed: $(tail -3 "$out/client.txt")")
echo "$line server_rss_before_kb=$before server_rss_after_kb=$after offheap_rss_per_idle_connection_bytes=$(( (after - before) * 1024 / (IDLE > 0 ? IDLE : 1) )) heap_per_idle_connection_bytes=$(( (heap_after - heap_before) * 1024 / (IDLE > 0 ? IDLE : 1) ))" | tee "$out/result.txt"
