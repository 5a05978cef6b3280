#!/usr/bin/env bash
# Shared part of the fault drills (sourced by loadtest/drills/<name>.sh, run as ./gate drill <name>).
# Two replicas of the service (same consumer group) on a 2-partition store.uploads, a batch of DRILL_COUNT uploads
# of real corpus APKs from the flood driver, one fault injected in the middle by the drill's inject(); then:
#   - every upload has exactly one decision on store.decisions and exactly one verdict row (by uploadId),
#   - the outbox is drained (no unsent row),
#   - the readiness of each replica over time (DOWN while a dependency is down?).
# Bounded: the batch, every wait and every poll loop have a count and a time limit.
# Environment: GATE_HOME (a stack of scripts/infra-up.sh; started in .gate/drill when it has no env file),
# GATE_DRILL_HTTP_PORTS (default "28080 28081"), DRILL_COUNT (1000), DRILL_RATE (20/s), DRILL_AT (inject after
# this many verdicts, 300), DRILL_DRAIN (seconds to wait for the last decisions, 1200), GATE_DRILL_{KAFKA,S3,PG}_PORT for a stack started here.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=loadtest/stack.sh
source "$ROOT/loadtest/stack.sh"
export GATE_HOME=${GATE_HOME:-$ROOT/.gate/drill}
read -r -a PORTS <<<"${GATE_DRILL_HTTP_PORTS:-28080 28081}"
COUNT=${DRILL_COUNT:-1000}
RATE=${DRILL_RATE:-20}
AT=${DRILL_AT:-300}
NAME=${DRILL_NAME:?}
RUN=drill-$NAME-$(date +%Y%m%d%H%M%S)
OUT=${DRILL_OUT:-$ROOT/loadtest/results}
WORK=$GATE_HOME/drills/$RUN
mkdir -p "$WORK" "$OUT"
STARTED_INFRA=0; STARTED_PORTS=(); BG=()

drill_cleanup() {
  set +e
  for p in "${BG[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${STARTED_PORTS[@]}"; do lt_stop_replica "$p"; done
  [ "$STARTED_INFRA" = 1 ] && "$ROOT/scripts/infra-down.sh"
}
trap drill_cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '[drill %s] %5ss  %s\n' "$NAME" "$(( $(date +%s) - T0 ))" "$*" | tee -a "$WORK/timeline.txt" >&2; }

drill_setup() {
  if [ ! -f "$GATE_HOME/env" ]; then
    KAFKA_PORT=${GATE_DRILL_KAFKA_PORT:-29192} S3_PORT=${GATE_DRILL_S3_PORT:-29100} PG_PORT=${GATE_DRILL_PG_PORT:-25532} \
      KAFKA_PARTITIONS=2 "$ROOT/scripts/infra-up.sh"
    STARTED_INFRA=1
  fi
  lt_service_jar
  lt_build
  local running=0
  for p in "${PORTS[@]}"; do lt_ready "$p" && running=1; done
  # shellcheck disable=SC1091
  [ "$running" = 1 ] || (source "$GATE_HOME/env"; lt_java skip-backlog)
  for p in "${PORTS[@]}"; do
    if lt_ready "$p"; then lt_log "replica on $p already running"; else lt_start_replica "$p"; STARTED_PORTS+=("$p"); fi
  done
}

verdicts() { lt_psql "select count(*) from verdict where upload_id like '$RUN-%'" 2>/dev/null || echo "?"; }

# wait_verdicts N SECONDS: until N verdicts of this run exist (or the time is up)
wait_verdicts() {
  local n=$1 limit=$2 v
  for _ in $(seq 1 $((limit * 2))); do
    v=$(verdicts); [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge "$n" ] && return 0; sleep 0.5
  done
  return 1
}

# readiness of every replica every 0.5 s into $WORK/ready.tsv (elapsed-s, port, HTTP status), bounded
watch_ready() {
  local limit=$1
  for _ in $(seq 1 $((limit * 2))); do
    for p in "${PORTS[@]}"; do
      printf '%s\t%s\t%s\n' "$(( $(date +%s) - T0 ))" "$p" "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "http://127.0.0.1:$p/q/health/ready" || true)"
    done >>"$WORK/ready.tsv"
    sleep 0.5
  done
}

# one line per replica: when readiness changed (e.g. "28080: 200@0s 503@41s 200@63s")
ready_summary() {
  awk -F'\t' '{ if (last[$2] != $3) { s[$2] = s[$2] " " $3 "@" $1 "s"; last[$2] = $3 } } END { for (p in s) print p ":" s[p] }' "$WORK/ready.tsv" | sort
}

drill_main() {
  T0=$(date +%s)
  drill_setup
  # shellcheck disable=SC1091
  source "$GATE_HOME/env"
  say "stack $GATE_HOME, replicas ${PORTS[*]}, batch $COUNT uploads at $RATE/s (run $RUN), load $(cut -d' ' -f1-3 /proc/loadavg)"
  watch_ready $(( COUNT / RATE + ${DRILL_DRAIN:-1200} + 300 )) & BG+=($!)
  LT_EXEC=exec lt_java flood --run-id "$RUN" --count "$COUNT" --rate "$RATE" --duration $(( COUNT / RATE + 60 ))s --drain "${DRILL_DRAIN:-1200}s" --settle 10s \
    --apks "${DRILL_APKS:-$( [ -d "$ROOT/../shared/corpus/apks" ] && echo "$ROOT/../shared/corpus/apks" || echo "$ROOT/../../shared/corpus/apks")}" \
    --min-size 0 --max-apks 500 --key "${DRILL_KEY:-upload}" --label "drill-$NAME" --out "$OUT" >"$WORK/flood.md" 2>"$WORK/flood.log" & FLOOD=$!
  BG+=($FLOOD)
  if wait_verdicts "$AT" 600; then say "$AT verdicts stored; injecting the fault"; else say "only $(verdicts) verdicts after 600 s; injecting anyway"; fi
  inject
  say "fault over; waiting for the batch to finish (load $(cut -d' ' -f1-3 /proc/loadavg))"
  local rc=0
  wait $FLOOD || rc=$?
  BG=("${BG[@]/$FLOOD}")
  say "flood driver exit code $rc"
  local unsent=""
  for _ in $(seq 1 60); do
    unsent=$(lt_psql "select count(*) from outbox where sent_at is null" 2>/dev/null || echo "?")
    [ "$unsent" = 0 ] && break; sleep 0.5
  done
  local rows distinct
  rows=$(verdicts)
  distinct=$(lt_psql "select count(distinct upload_id) from verdict where upload_id like '$RUN-%'")
  say "verdict rows $rows (distinct uploadIds $distinct), unsent outbox rows $unsent"
  {
    echo "## drill: $NAME (run \`$RUN\`)"
    echo
    echo "Command: \`./gate drill $NAME\` (DRILL_COUNT=$COUNT DRILL_RATE=$RATE DRILL_AT=$AT, replicas on ${PORTS[*]})"
    echo
    cat "$WORK/flood.md"
    echo
    echo "Database: $rows verdict rows for the run, $distinct distinct uploadIds; unsent outbox rows after the batch: $unsent."
    echo
    echo "Readiness (/q/health/ready HTTP status @ seconds since start, per replica; 000 = process not answering):"
    echo
    ready_summary | sed 's/^/    /'
    echo
    echo "Timeline:"
    echo
    sed 's/^/    /' "$WORK/timeline.txt"
  } >"$OUT/drill-$NAME.md"
  cat "$OUT/drill-$NAME.md"
  [ "$rc" = 0 ] && [ "$unsent" = 0 ] && [ "$rows" = "$distinct" ] || { lt_log "DRILL FAILED (see $OUT/drill-$NAME.md, $WORK)"; return 1; }
}
