#!/usr/bin/env bash
# Times the admin's pages over a 1,000,000-row PostgreSQL table and a 100,000-document MongoDB
# collection (both embedded): median server time per page (the request as the server observed
# it), median client time, bytes per page.
#   tulip-admin/bench/admin-pages.sh            # 31 runs each (7 for the full scans)
#   RUNS=101 tulip-admin/bench/admin-pages.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source scripts/jdk.sh
cpfile="$root/tulip-admin/target/pages-bench.classpath"
timeout 900 mvn "${MVN_FLAGS[@]}" -q test-compile dependency:build-classpath -pl tulip-admin -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp="$root/tulip-admin/target/test-classes:$root/tulip-admin/target/classes:$(cat "$cpfile")"
exec timeout 1800 "$JAVA" $TULIP_JVM_FLAGS --add-modules=java.net.http -Druns="${RUNS:-31}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" dev.tulip.admin.AdminPageBench
