#!/usr/bin/env bash
# Rows/s decoding one 100,000-row result (int, text, timestamptz, numeric) on an embedded
# PostgreSQL 14: Tulip's Pg.rows and rows(Class, ...), raw vertx-pg-client and pgjdbc, in one JVM,
# each way in turn, medians of rounds. tulip-pg/bench/decode.sh [rows=100000] [rounds=7]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tulip-pg/bench/classpath.sh
# shellcheck disable=SC2086
exec timeout 600 "$JAVA" $TULIP_JVM_FLAGS -Xmx2g -cp "$CP" dev.tulip.pg.DecodeBench "$@"
