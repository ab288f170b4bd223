#!/usr/bin/env bash
# Websocket echo and idle memory, Tulip against Vert.x side by side (issue 8, "Measured"):
#   bench/ws.sh            # both servers; raw output under bench/results/ws-<time>/
#   SERVERS=tulip CONNS="1 50" SECONDS_RUN=10 IDLE=5000 bench/ws.sh
# Each server runs alone on core 0 (taskset) with the same JVM flags; the load client (WsLoad, its
# own JVM) runs on core 1. Echo: N connections, each one 32-byte text message in flight, round
# trips per second after a warm-up. Idle: IDLE websockets opened (each echoes once, so the server
# really holds it), then the server's RSS and live heap (after a full GC) against the same before.
# Every step has a timeout; the servers are stopped by their pid.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
SERVERS="${SERVERS:-tulip vertx}"
CONNS="${CONNS:-1 50}"
WARMUP="${WARMUP:-3}"
SECONDS_RUN="${SECONDS_RUN:-10}"
IDLE="${IDLE:-5000}"
PORT="${PORT:-8091}"
out="bench/results/ws-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
jar=bench/target/tulip-bench-0.1.0-SNAPSHOT.jar
timeout 600 mvn "${MVN_FLAGS[@]}" -q package -Dmaven.test.skip=true -pl bench -am >&2
cp=(-cp "$jar:bench/target/lib/*")
# shellcheck disable=SC2206
# a fixed, pre-touched heap: the RSS then moves only with off-heap memory (buffers, stacks), and the
# live heap after a full GC is measured on its own
flags=(${TULIP_JVM_FLAGS} -Xms512m -Xmx512m -XX:+AlwaysPreTouch)
JCMD="$(dirname "$JAVA")/jcmd"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
heap_kb() { # live heap after a full GC, in KB
  timeout 30 "$JCMD" "$1" GC.run >/dev/null
  sleep 1
  # the generations' "total ..., used NK" lines (Serial: DefNew and Tenured, as one core picks Serial)
  timeout 30 "$JCMD" "$1" GC.heap_info | awk '/total .*used/ { for (i=1;i<=NF;i++) if ($i=="used") { v=$(i+1); sub(/K.*/,"",v); s+=v } } END {print s+0}'
}

for server in $SERVERS; do
  case "$server" in
    tulip) main=dev.tulip.bench.ws.TulipWsEcho ;;
    vertx) main=dev.tulip.bench.ws.VertxWsEcho ;;
    *) echo "unknown server $server (tulip, vertx)" >&2; exit 2 ;;
  esac
  log="$out/$server.server.log"
  PORT=$PORT taskset -c 0 timeout 300 "$JAVA" "${flags[@]}" "${cp[@]}" "$main" >"$log" 2>&1 &
  guard=$! # timeout's pid; the JVM is its child
  pid=""
  for _ in $(seq 50); do pid=$(pgrep -P "$guard" || true); [ -n "$pid" ] && break; sleep 0.1; done
  for _ in $(seq 100); do grep -q READY "$log" && break; sleep 0.2; done
  grep -q READY "$log" || { echo "$server did not start" >&2; cat "$log" >&2; kill "$guard"; exit 1; }
  for n in $CONNS; do
    # the server's CPU over the whole client run (warm-up included), so "per round trip" is an upper bound
    t0=$(cpu_ticks "$pid"); s0=$(date +%s.%N)
    line=$(taskset -c 1 timeout 120 "$JAVA" "${flags[@]}" "${cp[@]}" dev.tulip.bench.ws.WsLoad echo "$PORT" "$n" "$WARMUP" "$SECONDS_RUN" 32)
    t1=$(cpu_ticks "$pid"); s1=$(date +%s.%N)
    echo "$line server_cpu_percent=$(echo "($t1 - $t0) / $(getconf CLK_TCK) / ($s1 - $s0) * 100" | bc -l | xargs printf '%.0f')" \
      | tee -a "$out/$server.echo.txt"
  done
  # idle websockets: the client holds them until its stdin closes
  rss0=$(rss_kb "$pid"); heap0=$(heap_kb "$pid"); rss0=$(rss_kb "$pid")
  fifo="$out/.idle.fifo"; rm -f "$fifo"; mkfifo "$fifo"
  taskset -c 1 timeout 180 "$JAVA" "${flags[@]}" "${cp[@]}" dev.tulip.bench.ws.WsLoad idle "$PORT" "$IDLE" <"$fifo" >"$out/$server.idle.txt" 2>&1 &
  client=$!
  exec 3>"$fifo"
  for _ in $(seq 600); do grep -q OPEN "$out/$server.idle.txt" && break; sleep 0.2; done
  grep -q OPEN "$out/$server.idle.txt" || { echo "$server: idle connections not open" >&2; cat "$out/$server.idle.txt" >&2; }
  heap1=$(heap_kb "$pid"); rss1=$(rss_kb "$pid")
  exec 3>&-
  wait "$client" || true
  rm -f "$fifo"
  printf '%s idle=%d rss_before_kb=%d rss_after_kb=%d rss_per_ws_bytes=%d heap_before_kb=%d heap_after_kb=%d heap_per_ws_bytes=%d\n' \
    "$server" "$IDLE" "$rss0" "$rss1" $(( (rss1 - rss0) * 1024 / IDLE )) "$heap0" "$heap1" $(( (heap1 - heap0) * 1024 / IDLE )) \
    | tee -a "$out/$server.idle.txt" "$out/summary.txt"
  grep -h per_second "$out/$server.echo.txt" | sed "s/^/$server /" >>"$out/summary.txt"
  kill "$guard"; wait "$guard" 2>/dev/null || true # timeout passes the TERM on to the JVM
done
echo "raw output: $out"
cat "$out/summary.txt"
