#!/usr/bin/env bash
# Runs the request parser's generated-traffic properties with many cases (the suite runs 400 per
# property). Usage: scripts/fuzz.sh [cases per property, default 100000] [seed, default random]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
cases="${1:-100000}"
seed="${2:-$RANDOM$RANDOM}"
echo "fuzzing the request parser: $cases cases per property, seed $seed"
exec timeout 3600 mvn -q "${MVN_FLAGS[@]}" verify -pl tulip -Dtest=RequestParserFuzzTest -Dit.test=NONE \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
  -Dtulip.fuzz.cases="$cases" -Dtulip.fuzz.seed="$seed"
