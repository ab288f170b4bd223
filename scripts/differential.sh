#!/usr/bin/env bash
# Runs the request parser against Node's llhttp on a large generated corpus (the suite runs
# 10,000 cases) and prints the table of disagreement classes.
# Usage: scripts/differential.sh [cases, default 100000] [seed, default random]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
command -v node >/dev/null || { echo "node is needed (apt-get install nodejs)" >&2; exit 2; }
cases="${1:-100000}"
seed="${2:-$RANDOM$RANDOM}"
echo "differential parsing, Tulip vs llhttp $(node -p process.versions.llhttp): $cases cases, seed $seed"
timeout 3600 mvn -q "${MVN_FLAGS[@]}" verify -pl tulip -Dtest=NONE -Dit.test=LlhttpDifferentialIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
  -Dtulip.differential.cases="$cases" -Dtulip.differential.seed="$seed" || status=$?
cat tulip/target/llhttp-differential.md
exit "${status:-0}"
