#!/usr/bin/env bash
# SIGTERMs a child JVM under load, behind a balancer that polls readiness, and counts what each
# client saw: 20 rounds under a new-connection load (any lost request fails) and 20 under a
# keep-alive load (measured). Usage: scripts/sigterm.sh [rounds, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
rounds="${1:-20}"
log=$(mktemp)
status=0
timeout 3600 mvn -q "${MVN_FLAGS[@]}" verify -pl tulip -Dtest=NONE -Dit.test='SignalShutdownIT#sigtermUnder*' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
  -Dtulip.sigterm.rounds="$rounds" -Dtulip.sigterm.keepalive=true > "$log" 2>&1 || status=$?
grep -h 'SIGTERM ' "$log" tulip/target/failsafe-reports/*SignalShutdownIT*-output.txt 2>/dev/null | sort -u || true
[ "$status" -eq 0 ] || { echo "failed; the log: $log" >&2; grep -E 'FAIL|lost|Expecting' "$log" | head -20 >&2; }
exit "$status"
