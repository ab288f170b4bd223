#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and tests over real sockets (*IT, failsafe).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
# tests drive two outside programs: Node's llhttp (the differential parser test) and a headless
# Chromium (the demo's pages); install the Debian packages that are missing
need=()
command -v node >/dev/null || need+=(nodejs)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]} (apt-get)" >&2
  { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq "${need[@]}"; } >&2 \
    || { echo "test.sh: could not install ${need[*]}; install them (apt-get install ${need[*]}) and rerun" >&2; exit 2; }
fi
exec mvn "${MVN_FLAGS[@]}" verify "$@"
