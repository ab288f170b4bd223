#!/usr/bin/env bash
# Installs Tulip's artifacts (0.1.0-SNAPSHOT) into your local Maven repository (~/.m2), so a project
# of your own can depend on them; see "Use it" in the README and samples/pingpong. Tests are skipped:
# ./test.sh runs them.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
exec mvn "${MVN_FLAGS[@]}" -q install -DskipTests "$@"
