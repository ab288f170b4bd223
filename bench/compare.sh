#!/usr/bin/env bash
# Runs ../shared/bench's compare.sh with Tulip as a peer and keeps the raw output under
# bench/results/. The shared harness is read-only, so it is copied once to $BENCH_COPY
# (default /tmp/tulip-bench-harness) where its peers are built.
#   bench/compare.sh plaintext json                       # default peers below
#   PEERS="netty-raw tulip" DURATION=15 bench/compare.sh json
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED_BENCH:-$root/../shared/bench}"
copy="${BENCH_COPY:-/tmp/tulip-bench-harness}"
[ -d "$shared" ] || { echo "no harness at $shared (set SHARED_BENCH)" >&2; exit 2; }
if [ ! -d "$copy" ]; then
  cp -r "$shared" "$copy"
fi
if ! ls "$copy"/peers/netty-raw/target/netty-raw.jar >/dev/null 2>&1; then
  (cd "$copy" && ./build.sh -q)
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
(cd "$root" && source scripts/jdk.sh && mvn "${MVN_FLAGS[@]}" -q package -Dmaven.test.skip=true -pl bench -am)
export PEERS="${PEERS:-netty-raw vertx-web helidon-se tulip tulip-loop}"
export TULIP_DIR="$root"
export OUT_DIR="${OUT_DIR:-$root/bench/results/compare-$(date +%Y%m%d-%H%M%S)}"
cd "$copy"
exec ./compare.sh "$@"
