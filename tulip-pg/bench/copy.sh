#!/usr/bin/env bash
# Bulk-load rows/s on an embedded PostgreSQL 14 (one JVM, each way in turn, medians of rounds):
# Pg.copyIn against raw pgjdbc CopyManager, executeMany and insert ... unnest.
# tulip-pg/bench/copy.sh [rows=200000] [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tulip-pg/bench/classpath.sh
# shellcheck disable=SC2086
exec timeout 600 "$JAVA" $TULIP_JVM_FLAGS -Xmx1g -cp "$CP" dev.tulip.pg.CopyBench "$@"
