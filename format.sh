#!/usr/bin/env bash
# Formats all Java sources the one way everyone uses (palantir-java-format via Spotless).
# ./test.sh fails on unformatted code, so run this before committing.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
exec mvn "${MVN_FLAGS[@]}" -q spotless:apply -pl tulip,tulip-test,tulip-admin,tulip-pg,tulip-pg-embedded,tulip-mongo,tulip-mongo-embedded,tulip-client,examples,demo,bench
