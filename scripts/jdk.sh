# Sourced by the project's scripts: finds JDK 25 and sets JAVA_HOME and JAVA, or exits with the fix.
tulip_find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | head -1 | grep -q '"25'; then
      export JAVA_HOME="$candidate"
      JAVA="$candidate/bin/java"
      return 0
    fi
  done
  echo "tulip: JDK 25 not found (JAVA_HOME='${JAVA_HOME:-}', nothing under /usr/lib/jvm/*25*); install Temurin 25 and set JAVA_HOME to it" >&2
  exit 1
}
tulip_find_jdk
# The flags every Tulip JVM runs with: Netty's Unsafe and native transports on JDK 25.
TULIP_JVM_FLAGS="--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
MVN_FLAGS=(-B)
if [ "${CI:-}" = "true" ]; then MVN_FLAGS+=(-ntp); fi
