#!/usr/bin/env bash
# Helpers (sourced) for ./gate loadtest and ./gate drill: the loadtest module's classpath, service replicas on
# loopback, and stop/start of one dependency of a stack started by scripts/infra-up.sh (same data, same ports).
# Requires ROOT (the checkout) and GATE_HOME (the stack's home, with its env file) to be set by the caller.

lt_log() { printf '[loadtest] %s\n' "$*" >&2; }

lt_build() {
  local m=$ROOT/loadtest
  if [ ! -f "$m/target/classpath.txt" ] || [ -n "$(find "$m/src" "$m/pom.xml" -newer "$m/target/classpath.txt" -print -quit 2>/dev/null)" ]; then
    ${MVN:-mvn} -B -q -f "$m/pom.xml" compile >&2
    touch "$m/target/classpath.txt"
  fi
}

lt_java() {
  lt_build
  "${LT_EXEC:-command}" java ${LT_JAVA_OPTS:--Xmx1g} -cp "$ROOT/loadtest/target/classes:$(cat "$ROOT/loadtest/target/classpath.txt")" \
    com.admissiongate.loadtest.LoadTestMain "$@"
}

# the service jar, built once (mvn package) when missing or older than the sources
lt_service_jar() {
  if [ ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || \
     [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$ROOT/target/quarkus-app/quarkus-run.jar" -print -quit 2>/dev/null)" ]; then
    lt_log "building the service (mvn package)"
    ${MVN:-mvn} -B -q -f "$ROOT/pom.xml" -DskipTests package >&2
  fi
}

# a viewer token signed with the stack's dev key (the replicas trust $GATE_HOME/jwt/publicKey.pem)
lt_token() {
  (cd "$ROOT" && java -XX:TieredStopAtLevel=1 -cp "target/classes:$(cat target/classpath.txt)" com.admissiongate.cli.GateCli \
    dev-keys --dir "$GATE_HOME/jwt" --hours 2) | sed -n "s/^${1:-viewer}=//p"
}

lt_ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/q/health/ready"; }

# lt_start_replica PORT: one service process on 127.0.0.1:PORT (same consumer group as every other replica)
lt_start_replica() {
  local port=$1 log=$GATE_HOME/replica-$1.log
  lt_token viewer >/dev/null # makes sure the key pair exists
  (
    # shellcheck disable=SC1091
    source "$GATE_HOME/env"
    export GATE_HTTP_PORT=$port GATE_HTTP_HOST=127.0.0.1 GATE_ARTIFACT_CREATE_BUCKETS=true \
      GATE_JWT_PUBLIC_KEY=$GATE_HOME/jwt/publicKey.pem
    cd "$GATE_HOME" && exec java ${GATE_JAVA_OPTS:--Xmx1g} -jar "${GATE_SERVICE_APP:-$ROOT/target/quarkus-app}/quarkus-run.jar" >>"$log" 2>&1
  ) &
  echo $! >"$GATE_HOME/replica-$port.pid"
  lt_wait_ready "$port" 120 || { lt_log "replica on $port did not become ready; see $log"; return 1; }
  lt_log "replica up on 127.0.0.1:$port (pid $(cat "$GATE_HOME/replica-$port.pid"))"
}

lt_wait_ready() {
  local port=$1 limit=${2:-60} i
  for i in $(seq 1 $((limit * 5))); do lt_ready "$port" && return 0; sleep 0.2; done
  return 1
}

# lt_stop_replica PORT [SIGNAL]
lt_stop_replica() {
  local f=$GATE_HOME/replica-$1.pid pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  kill -"${2:-TERM}" "$pid" 2>/dev/null
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$f"
}

# --- dependencies of the running stack (processes started by scripts/infra-up.sh) ---
lt_kafka_stop() {
  local pid; pid=$(cat "$GATE_HOME/kafka.pid")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
lt_kafka_start() {
  local kd=$GATE_HOME/kafka
  nohup java -Xms128m -Xmx512m -Dlog4j2.configurationFile="$kd/log4j2.properties" -cp "$ROOT/.gate/lib/kafka/*" \
    kafka.Kafka "$kd/server.properties" >>"$kd/kafka.log" 2>&1 &
  echo $! >"$GATE_HOME/kafka.pid"
  local port; port=$(sed -n 's|^export KAFKA_BOOTSTRAP=127.0.0.1:||p' "$GATE_HOME/env")
  for _ in $(seq 1 600); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.1; done
  return 1
}
lt_s3_stop() {
  local pid; pid=$(cat "$GATE_HOME/s3proxy.pid")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
lt_s3_start() {
  local sd=$GATE_HOME/s3 jar
  jar=$(ls "$ROOT"/.gate/lib/s3proxy-*-jar-with-dependencies.jar | head -1)
  nohup java -Xmx256m -jar "$jar" --properties "$sd/s3proxy.conf" >>"$sd/s3proxy.log" 2>&1 &
  echo $! >"$GATE_HOME/s3proxy.pid"
  local port; port=$(sed -n 's|^export S3_ENDPOINT=http://127.0.0.1:||p' "$GATE_HOME/env")
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.1; done
  return 1
}
lt_pg_ctl() { # lt_pg_ctl stop|start (system PostgreSQL of infra-up.sh)
  local kind bin data opts
  kind=$(cat "$GATE_HOME/pg.kind")
  case "$kind" in system:*) ;; *) lt_log "pg restart drill needs the system PostgreSQL (pg.kind=$kind)"; return 1 ;; esac
  bin=$(echo "$kind" | cut -d: -f2); data=$(echo "$kind" | cut -d: -f3)
  if [ "$1" = stop ]; then opts="-m fast -w stop"
  else
    local port; port=$(sed -n 's|^export PG_URL=postgresql://127.0.0.1:\([0-9]*\)/.*|\1|p' "$GATE_HOME/env")
    opts="-w -l $data/server.log -o '-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200' start"
  fi
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$bin/pg_ctl -D $data $opts" >/dev/null
  else sh -c "$bin/pg_ctl -D $data $opts" >/dev/null; fi
}
lt_psql() { # lt_psql "sql": one value out
  local port; port=$(sed -n 's|^export PG_URL=postgresql://127.0.0.1:\([0-9]*\)/.*|\1|p' "$GATE_HOME/env")
  local bin; bin=$(cut -d: -f2 "$GATE_HOME/pg.kind")
  PGPASSWORD=app "$bin/psql" -h 127.0.0.1 -p "$port" -U app -d app -qAt -c "$1"
}
