#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and tests over real sockets (*IT, failsafe).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
exec mvn "${MVN_FLAGS[@]}" verify "$@"
