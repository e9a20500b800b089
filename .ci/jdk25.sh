# Sourced by .ci/run and bench/run: points JAVA_HOME at a JDK 25 or newer, looking at JAVA_HOME, the
# java on the PATH and the usual install folders, in that order.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

select_jdk25() {
  if [[ -n "${JAVA_HOME:-}" && "$(java_major "$JAVA_HOME/bin/java" 2>/dev/null || echo 0)" -ge 25 ]]; then
    :
  elif command -v java >/dev/null && [[ "$(java_major java)" -ge 25 ]]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  else
    JAVA_HOME=""
    for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /opt/java/*25*; do
      if [[ -x "$candidate/bin/java" && "$(java_major "$candidate/bin/java")" -ge 25 ]]; then
        JAVA_HOME="$candidate"
        break
      fi
    done
  fi
  if [[ -z "$JAVA_HOME" ]]; then
    echo "No JDK 25 found: install one (for example Temurin 25) and set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
}
