#!/usr/bin/env bash
# Starts the local stack on loopback: a KRaft Kafka broker, s3proxy (filesystem backend) and PostgreSQL.
# Everything lives under $GATE_HOME; ports come from the environment. Writes $GATE_HOME/env for callers to source.
# Recipes and timings: docs/local-stack.md. No Docker; only a JDK and Maven are required.
# PG_EXTRA_OPTS: more server options for diagnostics, e.g. "-c shared_preload_libraries=pg_stat_statements".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GATE_HOME=${GATE_HOME:-$ROOT/.gate/up}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
S3_PORT=${S3_PORT:-9000}
PG_PORT=${PG_PORT:-5432}
MVN=${MVN:-mvn}
LIBS=$ROOT/.gate/lib            # downloaded jars are shared by every stack instance
mkdir -p "$GATE_HOME" "$LIBS"
log() { printf '[infra] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$S3_PORT" "$PG_PORT"; do
  if port_open "$p"; then log "port $p on 127.0.0.1 is already in use (another stack running? try '$ROOT/scripts/infra-down.sh')"; exit 1; fi
done

# 1. jars (cached under .gate/lib)
if [ ! -f "$LIBS/kafka/.done" ]; then
  log "fetching Kafka 4.1.1 classpath via Maven"
  rm -rf "$LIBS/kafka"
  $MVN -B -q -f "$ROOT/infra/kafka/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS/kafka"
  touch "$LIBS/kafka/.done"
fi
S3JAR=$LIBS/s3proxy-4.1.0-jar-with-dependencies.jar
if [ ! -f "$S3JAR" ]; then
  log "fetching s3proxy 4.1.0 via Maven"
  $MVN -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -DoutputDirectory="$LIBS"
fi

# 2. Kafka (KRaft, single node)
KD=$GATE_HOME/kafka
rm -rf "$KD"; mkdir -p "$KD"
cat >"$KD/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KD/data
num.partitions=${KAFKA_PARTITIONS:-2}
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
cat >"$KD/log4j2.properties" <<'PROPS'
rootLogger.level=WARN
rootLogger.appenderRef.console.ref=console
appender.console.type=Console
appender.console.name=console
appender.console.layout.type=PatternLayout
appender.console.layout.pattern=[%d] %p %m (%c)%n
logger.raft.name=kafka.server.KafkaRaftServer
logger.raft.level=INFO
PROPS
KCP="$LIBS/kafka/*"
CID=$(java -cp "$KCP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
java -Dlog4j2.configurationFile="$KD/log4j2.properties" -cp "$KCP" kafka.tools.StorageTool format -t "$CID" -c "$KD/server.properties" >"$KD/format.log" 2>&1
nohup java -Xms128m -Xmx512m -Dlog4j2.configurationFile="$KD/log4j2.properties" -cp "$KCP" kafka.Kafka "$KD/server.properties" >"$KD/kafka.log" 2>&1 &
echo $! >"$GATE_HOME/kafka.pid"

# 3. s3proxy (filesystem backend), in parallel with Kafka's start-up
SD=$GATE_HOME/s3
rm -rf "$SD"; mkdir -p "$SD/data"
cat >"$SD/s3proxy.conf" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=local-identity
s3proxy.credential=local-credential
jclouds.provider=filesystem
jclouds.identity=unused
jclouds.credential=unused
jclouds.filesystem.basedir=$SD/data
PROPS
nohup java -Xmx256m -jar "$S3JAR" --properties "$SD/s3proxy.conf" >"$SD/s3proxy.log" 2>&1 &
echo $! >"$GATE_HOME/s3proxy.pid"

# 4. PostgreSQL: the system's binaries when present, else zonky embedded binaries from Maven
PD=$GATE_HOME/pg
rm -rf "$PD"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && [ "${GATE_PG:-auto}" != "embedded" ]; then
  log "PostgreSQL: system binaries $PGBIN"
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user
    id postgres >/dev/null 2>&1 || useradd -r -M postgres
    install -d -o postgres -g postgres "$PD"
    AS="su postgres -s /bin/sh -c"
    if ! $AS "test -w '$PD'" 2>/dev/null; then
      # the checkout is not reachable for the postgres user (e.g. under a 0700 directory): keep the cluster in /tmp
      PD=$(mktemp -d /tmp/gate-pg.XXXXXX); chmod 755 "$PD"; chown postgres:postgres "$PD"
      log "PostgreSQL data in $PD (checkout not reachable for the postgres user)"
    fi
  else
    mkdir -p "$PD"; AS="sh -c"
  fi
  # recorded before the server starts: a stack killed while it starts (CI cancelled, ^C during `./gate test`) is
  # still stopped by infra-down.sh, instead of leaving a server on the port that the next run then finds taken
  echo "system:$PGBIN:$PD/data" >"$GATE_HOME/pg.kind"
  $AS "$PGBIN/initdb -D $PD/data -A trust -U postgres -E UTF8 --no-sync" >"$GATE_HOME/pg-initdb.log" 2>&1 \
    || { log "initdb failed; see $GATE_HOME/pg-initdb.log"; exit 1; }
  $AS "$PGBIN/pg_ctl -D $PD/data -l $PD/data/server.log -w -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PD/data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${PG_EXTRA_OPTS:-}' start" >/dev/null \
    || { log "PostgreSQL did not start; see $PD/data/server.log"; exit 1; }
  PSQL_OK=0
  for _ in $(seq 1 50); do
    if "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt -c "select 1" >/dev/null 2>&1; then PSQL_OK=1; break; fi; sleep 0.1
  done
  [ $PSQL_OK = 1 ] || { log "PostgreSQL did not accept connections"; exit 1; }
  "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE ROLE app LOGIN PASSWORD 'app'" -c "CREATE DATABASE app OWNER app" >/dev/null
else
  log "PostgreSQL: zonky embedded binaries (no system postgresql found)"
  if [ ! -f "$LIBS/embedded-pg/.done" ]; then
    rm -rf "$LIBS/embedded-pg"
    $MVN -B -q -f "$ROOT/infra/embedded-pg/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS/embedded-pg"
    touch "$LIBS/embedded-pg/.done"
  fi
  mkdir -p "$PD"
  echo "embedded" >"$GATE_HOME/pg.kind"
  nohup java -Xmx128m -cp "$LIBS/embedded-pg/*" "$ROOT/infra/embedded-pg/EmbeddedPg.java" "$PG_PORT" "$PD/data" "$PD/ready" >"$PD/embedded-pg.log" 2>&1 &
  echo $! >"$GATE_HOME/pg.pid"
  for _ in $(seq 1 600); do [ -f "$PD/ready" ] && break; sleep 0.1; done
  [ -f "$PD/ready" ] || { log "embedded PostgreSQL did not start; see $PD/embedded-pg.log"; exit 1; }
fi

# 5. wait for Kafka and S3
for _ in $(seq 1 600); do grep -q "Kafka Server started" "$KD/kafka.log" 2>/dev/null && break; sleep 0.1; done
grep -q "Kafka Server started" "$KD/kafka.log" || { log "Kafka did not start; see $KD/kafka.log"; exit 1; }
for _ in $(seq 1 300); do port_open "$S3_PORT" && break; sleep 0.1; done
port_open "$S3_PORT" || { log "s3proxy did not start; see $SD/s3proxy.log"; exit 1; }

cat >"$GATE_HOME/env" <<ENV
export GATE_HOME=$GATE_HOME
export PG_URL=postgresql://127.0.0.1:$PG_PORT/app
export PG_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/app
export PG_USER=app
export PG_PASSWORD=app
export KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
export S3_ENDPOINT=http://127.0.0.1:$S3_PORT
export S3_ACCESS_KEY=local-identity
export S3_SECRET_KEY=local-credential
ENV
log "up: kafka 127.0.0.1:$KAFKA_PORT, s3 127.0.0.1:$S3_PORT, postgres 127.0.0.1:$PG_PORT (home $GATE_HOME)"
