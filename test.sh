#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and tests over real sockets (*IT, failsafe).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
# the differential parser test reads requests with Node's llhttp: install Node if it is missing
if ! command -v node >/dev/null; then
  echo "test.sh: installing nodejs (for the differential parser test)" >&2
  { timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq nodejs; } >&2 \
    || { echo "test.sh: could not install nodejs; install it (apt-get install nodejs) and rerun" >&2; exit 2; }
fi
exec mvn "${MVN_FLAGS[@]}" verify "$@"
