# Sourced by .ci/run and the bench scripts: JAVA_HOME and the PATH point at a JDK 25 or newer, found
# the way mvnw finds it (.mvn/jdk.sh).
source "$(dirname "${BASH_SOURCE[0]}")/../.mvn/jdk.sh"

select_jdk25() {
  snapgate_select_jdk25 || return 1
  export PATH="$JAVA_HOME/bin:$PATH"
}
