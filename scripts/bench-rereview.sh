#!/usr/bin/env bash
# Re-review at catalog scale (issue #11, "Scale target"): N listed apps with stored Facts are re-evaluated under a
# new rule pack by the packaged service against real Postgres and Kafka; changed verdicts are persisted and their
# decisions relayed through the outbox to store.decisions. Prints a Markdown table for docs/benchmarks.md.
#   scripts/bench-rereview.sh [--count 100000] [--changed-share 0.2] [--no-build] [--keep]
# Starts its own stack under .gate/bench (ports BENCH_KAFKA_PORT/BENCH_S3_PORT/BENCH_PG_PORT/BENCH_HTTP_PORT,
# default 62092/62000/62432/62080) and stops it at the end (--keep leaves it running; a running one is reused).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
MVN=${MVN:-mvn}
COUNT=100000
SHARE=0.2
BUILD=1
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --changed-share) SHARE=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=1; shift ;;
    *) echo "usage: $0 [--count N] [--changed-share 0.2] [--no-build] [--keep]" >&2; exit 2 ;;
  esac
done
export GATE_HOME=$ROOT/.gate/bench
export KAFKA_PORT=${BENCH_KAFKA_PORT:-62092} S3_PORT=${BENCH_S3_PORT:-62000} PG_PORT=${BENCH_PG_PORT:-62432}
HTTP_PORT=${BENCH_HTTP_PORT:-62080}
BASE=http://127.0.0.1:$HTTP_PORT
log() { printf '[bench-rereview] %s\n' "$*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

STARTED_STACK=0
cleanup() {
  set +e
  [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null
  if [ "$STARTED_STACK" = 1 ] && [ "$KEEP" = 0 ]; then "$ROOT/scripts/infra-down.sh"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -f "$GATE_HOME/env" ] && port_open "$PG_PORT" && port_open "$KAFKA_PORT"; then
  log "reusing the running stack in $GATE_HOME"
else
  "$ROOT/scripts/infra-up.sh"
  STARTED_STACK=1
fi
# shellcheck disable=SC1091
source "$GATE_HOME/env"
PSQL=(psql "postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/app" -qAt)
sql() { "${PSQL[@]}" -c "$1"; }

if [ "$BUILD" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ] || [ ! -d target/test-classes ]; then
  log "building (mvn package, test classes for the generator)"
  $MVN -B -q -o -DskipTests package >&2
fi
CP="target/test-classes:target/classes:$(cat target/classpath.txt)"

# the new pack: the shipped one with BUILD-01's threshold raised from targetSdk 30 to 31 and a new version
PACK=$GATE_HOME/pack
# from the build, not the sources: the generator decides the stored verdicts with the built pack
rm -rf "$PACK"; cp -r target/classes/policies/cn-app-pi "$PACK"
OLD_VERSION=$(sed -n 's/^version: *//p' "$PACK/pack.yaml")
NEW_VERSION="$OLD_VERSION-bench.1"
sed -i "s/^version: .*/version: $NEW_VERSION/" "$PACK/pack.yaml"
sed -i 's/^violation: variables.targetSdk < 30$/violation: variables.targetSdk < 31/' "$PACK/BUILD-01-TARGETSDK.yaml"
grep -q 'targetSdk < 31' "$PACK/BUILD-01-TARGETSDK.yaml" || { log "could not change BUILD-01 in the copied pack"; exit 1; }

TOKENS=$(java -XX:TieredStopAtLevel=1 -cp "$CP" com.admissiongate.cli.GateCli dev-keys --dir "$GATE_HOME/jwt")
ADMIN=$(echo "$TOKENS" | sed -n 's/^admin=//p')

# the service first: its Flyway migration creates the schema the generator fills; both crons off, so only the
# benchmark's own trigger runs
log "starting the service on :$HTTP_PORT with pack $NEW_VERSION"
GATE_POLICY_PACK=$PACK GATE_JWT_PUBLIC_KEY=$GATE_HOME/jwt/publicKey.pem GATE_HTTP_PORT=$HTTP_PORT \
  GATE_REREVIEW_CRON=off GATE_REREVIEW_DEADLINE_CRON=off GATE_ARTIFACT_CREATE_BUCKETS=true \
  java ${GATE_JAVA_OPTS:--Xmx512m} -jar target/quarkus-app/quarkus-run.jar >"$GATE_HOME/service.log" 2>&1 & APP=$!
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "$BASE/q/health/ready" && break
  kill -0 $APP 2>/dev/null || { log "service exited during start-up; see $GATE_HOME/service.log"; exit 1; }
  sleep 0.2
done
curl -fs -o /dev/null "$BASE/q/health/ready" || { log "service not ready; see $GATE_HOME/service.log"; exit 1; }

log "generating $COUNT listed apps (changed share $SHARE)"
GEN=$(java -Xmx1g -cp "$CP" com.admissiongate.bench.ReReviewBenchGenerator "$PG_JDBC_URL" "$PG_USER" "$PG_PASSWORD" "$COUNT" "$SHARE")
log "$GEN"
EXPECTED=$(echo "$GEN" | sed -n 's/.*expectedChanged=\([0-9]*\).*/\1/p')
FACTS_AVG=$(echo "$GEN" | sed -n 's/.*factsBytesAvg=\([0-9]*\).*/\1/p')
decisions_offset() {
  java -cp "$CP" com.admissiongate.bench.ReReviewBenchGenerator --decisions-offset "$KAFKA_BOOTSTRAP" 2>/dev/null | tail -1
}
OFFSET0=$(decisions_offset)

# peak heap of the service, sampled from its metrics every 0.5 s while the benchmark runs
HEAP_FILE=$GATE_HOME/heap.samples; : >"$HEAP_FILE"
( while kill -0 $APP 2>/dev/null; do
    curl -fs "$BASE/q/metrics" 2>/dev/null | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {if (s>0) printf "%d\n", s}' >>"$HEAP_FILE"
    sleep 0.5
  done ) & SAMPLER=$!

# CPU seconds (user+system) of the service, the Kafka broker and all Postgres processes, read from /proc
cpu_of() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
cpu_snapshot() {
  echo "$(cpu_of $APP) $(cpu_of $(pgrep -f 'kafka.Kafka' | tr '\n' ' ')) $(cpu_of $(pgrep -x postgres | tr '\n' ' '))"
}
CPU0=$(cpu_snapshot)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
log "triggering the re-review of every listed app (load average $LOAD0)"
T0=$(date +%s.%N)
RUN=$(curl -fs -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"query":{},"reason":"bench-rereview"}' "$BASE/api/v1/re-reviews")
ID=$(echo "$RUN" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$ID" ] || { log "no run id in: $RUN"; exit 1; }
while :; do
  P=$(curl -fs -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/re-reviews/$ID")
  echo "$P" | grep -q '"done":true' && break
  kill -0 $APP 2>/dev/null || { log "service died; see $GATE_HOME/service.log"; exit 1; }
  sleep 0.2
done
T1=$(date +%s.%N)
while [ "$(sql 'select count(*) from outbox where sent_at is null')" != 0 ]; do sleep 0.2; done
T2=$(date +%s.%N)
CPU1=$(cpu_snapshot)
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
kill $SAMPLER 2>/dev/null; wait $SAMPLER 2>/dev/null || true; SAMPLER=
# how many apps the reuse check settled and how many it sent to the full evaluation (ReusePlan)
REUSE=$(curl -fs "$BASE/q/metrics" | awk '/^gate_rereview_reuse_total\{/ {match($0, /path="[a-z]+"/); printf "%s=%d ", substr($0, RSTART+6, RLENGTH-7), $NF}')

num() { echo "$P" | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
STATE=$(echo "$P" | sed -n 's/.*"state":"\([^"]*\)".*/\1/p')
SELECTED=$(num selected); EVALUATED=$(num evaluated); CHANGED=$(num changed); FAILED=$(num failed)
OUTBOX=$(sql 'select count(*) from outbox')
REVS=$(sql "select count(*) from verdict_revision where reason = 'RE_REVIEW'")
EVENTS=$(( $(decisions_offset) - OFFSET0 ))
PEAK=$(sort -n "$HEAP_FILE" | tail -1)
SAMPLES=$(wc -l <"$HEAP_FILE")
REEVAL=$(echo "$T1 - $T0" | bc -l); DRAIN=$(echo "$T2 - $T1" | bc -l); TOTAL=$(echo "$T2 - $T0" | bc -l)

printf '\n'
printf '| listed apps | Facts avg | changed (expected) | state | failed | re-evaluate s | outbox drain s | total s | docs/s | events on store.decisions | peak heap MiB (%s samples) | load avg before → after |\n' "$SAMPLES"
printf '|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n'
printf '| %d | %d KiB | %d (%d) | %s | %d | %.1f | %.1f | %.1f | %.0f | %d | %d | %s → %s |\n' \
  "$SELECTED" $((FACTS_AVG / 1024)) "$CHANGED" "$EXPECTED" "$STATE" "$FAILED" "$REEVAL" "$DRAIN" "$TOTAL" \
  "$(echo "$EVALUATED / $TOTAL" | bc -l)" "$EVENTS" $(( ${PEAK:-0} / 1048576 )) "$LOAD0" "$LOAD1"
TCK=$(getconf CLK_TCK)
read -r S0 K0 P0 <<<"$CPU0"; read -r S1 K1 P1 <<<"$CPU1"
printf '\nCPU during the run (s): service %.1f, Kafka %.1f, Postgres %.1f; per app (ms): %.2f / %.2f / %.2f\n' \
  "$(echo "($S1 - $S0) / $TCK" | bc -l)" "$(echo "($K1 - $K0) / $TCK" | bc -l)" "$(echo "($P1 - $P0) / $TCK" | bc -l)" \
  "$(echo "($S1 - $S0) * 1000 / $TCK / $SELECTED" | bc -l)" "$(echo "($K1 - $K0) * 1000 / $TCK / $SELECTED" | bc -l)" \
  "$(echo "($P1 - $P0) * 1000 / $TCK / $SELECTED" | bc -l)"
printf '\nrevisions RE_REVIEW=%s outbox rows=%s reuse check: %s service heap %s, %s cores\n' "$REVS" "$OUTBOX" "${REUSE:-off }" "${GATE_JAVA_OPTS:--Xmx512m}" "$(nproc)"
