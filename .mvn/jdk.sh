# Sourced (POSIX sh) by mvnw, .ci/run and the bench scripts: points JAVA_HOME at a JDK 25 or newer.
# It keeps JAVA_HOME, or the java on the PATH, when that is one; otherwise it looks in the usual
# install folders (SNAPGATE_JDK_DIRS replaces them, as a space-separated list of globs), newest first.
# With none, it says what to install and fails.

snapgate_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

snapgate_is_jdk25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(snapgate_java_major "$1/bin/java" || echo 0)" -ge 25 ] 2>/dev/null
}

snapgate_select_jdk25() {
  if [ -n "${JAVA_HOME-}" ] && snapgate_is_jdk25 "$JAVA_HOME"; then
    return 0
  fi
  on_path=$(command -v javac 2>/dev/null || true)
  if [ -n "$on_path" ]; then
    on_path=$(dirname "$(dirname "$(readlink -f "$on_path" 2>/dev/null || echo "$on_path")")")
    if snapgate_is_jdk25 "$on_path"; then
      JAVA_HOME=$on_path
      export JAVA_HOME
      return 0
    fi
  fi
  dirs=${SNAPGATE_JDK_DIRS-"/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
/Library/Java/JavaVirtualMachines/*/Contents/Home ${HOME-}/.sdkman/candidates/java/* ${HOME-}/.jdks/*"}
  found=""
  found_major=0
  # the folders are globs, even where the caller turned globbing off (mvnw does)
  case $- in *f*) set +f; snapgate_noglob=1 ;; *) snapgate_noglob=0 ;; esac
  for candidate in $dirs; do
    if snapgate_is_jdk25 "$candidate"; then
      major=$(snapgate_java_major "$candidate/bin/java")
      if [ "$major" -gt "$found_major" ]; then
        found=$candidate
        found_major=$major
      fi
    fi
  done
  [ "$snapgate_noglob" -eq 0 ] || set -f
  if [ -z "$found" ]; then
    echo "SnapGate needs a JDK 25 or newer, and found none: not in JAVA_HOME (${JAVA_HOME:-unset}), not on the" >&2
    echo "PATH, not under $dirs." >&2
    echo "Install one, for example Eclipse Temurin 25 (https://adoptium.net, or 'sdk install java 25-tem')," >&2
    echo "then run again, or point JAVA_HOME at it." >&2
    return 1
  fi
  JAVA_HOME=$found
  export JAVA_HOME
}
