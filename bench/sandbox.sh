# Sourced by bench/calls and bench/polling: the jar, and the gateway started on its sandbox on
# 127.0.0.1:$PORT (the caller sets ROOT, PORT, RUN and PIDS), with no background work while counting.

source "$ROOT/.ci/jdk25.sh"
select_jdk25
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "$0 needs $tool (apt-get install $tool)" >&2; exit 1; }
done

JAR=$(ls "$ROOT"/target/snapgate-*.jar 2>/dev/null | head -1 || true)
if [[ -z "$JAR" || -n "$(find "$ROOT/src/main" -newer "$JAR" -type f | head -1)" ]]; then
  echo "Building the jar" >&2
  (cd "$ROOT" && MAVEN_ARGS="--batch-mode --no-transfer-progress -q" ./mvnw -DskipTests package >&2)
  JAR=$(ls "$ROOT"/target/snapgate-*.jar | head -1)
fi

start_sandbox() { # [more gateway arguments...]: starts it and waits until it is ready
  java -XX:+UseSerialGC -jar "$JAR" --server.port="$PORT" --spring.profiles.active=sandbox \
    --snapgate.sandbox.run-schedules=false --snapgate.policies.metrics-refresh=PT24H \
    --logging.level.root=warn "$@" >"$RUN/gateway.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/readyz" 2>/dev/null && return 0
    sleep 0.1
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/readyz"
}

upstream() { # vergeos|baidu [path]: the requests sent so far to that emulator (GETs of that path)
  curl -fsS "http://127.0.0.1:$PORT/actuator/prometheus" | awk -v p="uri=\"/sandbox/$1/${2:-}" -v any="${2:-}" \
    '/^snapgate_upstream_exchanges_total\{/ && index($0, p) && (any == "" || $0 ~ /method="GET"/) { n += $NF }
     END { printf "%d\n", n }'
}
