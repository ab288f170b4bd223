# Sourced by tulip-pg/bench/*.sh: compiles tulip-pg's tests (and what they need, from the reactor)
# and sets CP to their classpath; run from the repository root.
source scripts/jdk.sh
classpath_file=tulip-pg/target/bench-classpath.txt
mvn "${MVN_FLAGS[@]}" -q -o -pl tulip-pg -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file" -Dspotless.check.skip=true >&2
CP="tulip-pg/target/test-classes:tulip-pg/target/classes:$(cat "$classpath_file")"
