#!/usr/bin/env bash
# Static file throughput: StaticBench serves a 1 KiB and a 1 MiB file zero-copy (/zc/) and copied
# through a buffer (/copy/); wrk (THREADS=2, CONNECTIONS=32, DURATION=10s) runs each after a 5 s
# warm-up. Raw wrk output under bench/results/static-<time>/. The JVM runs under a timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
jar=bench/target/tulip-bench-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find tulip/src/main bench/src/main -newer "$jar" -name '*.java' 2>/dev/null | head -1)" ]; then
  timeout 600 mvn "${MVN_FLAGS[@]}" -q package -Dmaven.test.skip=true -pl bench -am >&2
fi
out="bench/results/static-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
# as bench/compare.sh does: the server on CPU 0, the load on CPU 1 (when taskset is there)
pin0="" pin1=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin0="taskset -c 0" pin1="taskset -c 1"; fi
port="${PORT:-8091}"
# shellcheck disable=SC2086
PORT="$port" timeout 900 $pin0 "$JAVA" $TULIP_JVM_FLAGS -cp "$jar:bench/target/lib/*" dev.tulip.bench.StaticBench \
  >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done
threads="${THREADS:-2}" conns="${CONNECTIONS:-32}" duration="${DURATION:-10s}"
echo "# $(date -u) $(nproc) cores; wrk -t$threads -c$conns -d$duration on the same machine" | tee "$out/summary.txt"
for file in 1k.bin 1m.bin; do
  for path in zc copy; do
    url="http://127.0.0.1:$port/$path/$file"
    timeout 60 $pin1 wrk -t"$threads" -c"$conns" -d5s "$url" >/dev/null # warm-up
    timeout 60 $pin1 wrk -t"$threads" -c"$conns" -d"$duration" "$url" | tee "$out/$path-$file.txt"
    printf '%s %s: %s, %s\n' "$path" "$file" \
      "$(grep Requests/sec "$out/$path-$file.txt")" "$(grep Transfer/sec "$out/$path-$file.txt")" | tee -a "$out/summary.txt"
  done
done
echo "raw output: $out"
