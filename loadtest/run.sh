#!/usr/bin/env bash
# ./gate loadtest flood|rest [driver options]: runs a driver against a running stack, or starts one.
#   - a stack of `./gate up` ($GATE_HOME, default .gate/up) whose service answers at $GATE_URL: used as is;
#   - a stack without a service (e.g. GATE_HOME=.gate/test): replicas are started on $GATE_LOADTEST_HTTP_PORTS
#     (default: the port of $GATE_URL);
#   - no stack: Kafka/S3/Postgres are started in .gate/loadtest on $GATE_LOADTEST_{KAFKA,S3,PG}_PORT as well.
# Whatever this script started it stops again. Everything binds to 127.0.0.1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=loadtest/stack.sh
source "$ROOT/loadtest/stack.sh"
what=${1:-help}; [ $# -gt 0 ] && shift
case "$what" in flood|rest) ;; skip-backlog) GATE_HOME=${GATE_HOME:-$ROOT/.gate/up}; source "$GATE_HOME/env"; lt_java skip-backlog "$@"; exit ;; *) lt_java help; exit 2 ;; esac

export GATE_HOME=${GATE_HOME:-$ROOT/.gate/up}
GATE_URL=${GATE_URL:-http://127.0.0.1:8080}
STARTED_INFRA=0; STARTED_PORTS=()
cleanup() {
  set +e
  for p in "${STARTED_PORTS[@]}"; do lt_stop_replica "$p"; done
  [ "$STARTED_INFRA" = 1 ] && "$ROOT/scripts/infra-down.sh"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORTS=()
if [ -f "$GATE_HOME/env" ] && lt_ready "$(echo "$GATE_URL" | sed 's|.*:\([0-9]*\).*|\1|')"; then
  lt_log "using the running service at $GATE_URL (stack $GATE_HOME)"
  PORTS=("$(echo "$GATE_URL" | sed 's|.*:\([0-9]*\).*|\1|')")
  # other running replicas named in GATE_LOADTEST_HTTP_PORTS count too (their CPU is part of the figures)
  for p in ${GATE_LOADTEST_HTTP_PORTS:-}; do
    if [ "$p" != "${PORTS[0]}" ] && lt_ready "$p"; then PORTS+=("$p"); lt_log "and the replica on $p"; fi
  done
else
  if [ ! -f "$GATE_HOME/env" ]; then
    export GATE_HOME=$ROOT/.gate/loadtest
    KAFKA_PORT=${GATE_LOADTEST_KAFKA_PORT:-29092} S3_PORT=${GATE_LOADTEST_S3_PORT:-29000} PG_PORT=${GATE_LOADTEST_PG_PORT:-25432} \
      "$ROOT/scripts/infra-up.sh"
    STARTED_INFRA=1
  fi
  lt_service_jar
  for p in ${GATE_LOADTEST_HTTP_PORTS:-$(echo "$GATE_URL" | sed 's|.*:\([0-9]*\).*|\1|')}; do
    if lt_ready "$p"; then lt_log "replica on $p already running"; else lt_start_replica "$p"; STARTED_PORTS+=("$p"); fi
    PORTS+=("$p")
  done
fi
# shellcheck disable=SC1091
source "$GATE_HOME/env"

if [ "$what" = rest ]; then
  extra=()
  if [[ " $* " != *" --base "* ]]; then for p in "${PORTS[@]}"; do extra+=(--base "http://127.0.0.1:$p"); done; fi
  [[ " $* " == *" --token "* ]] || export GATE_TOKEN=${GATE_TOKEN:-$(lt_token viewer)}
  # CPU accounting: the replicas' JVMs and the stack's postmaster (its backends are its children)
  svc=$(for p in "${PORTS[@]}"; do ss -ltnpH "sport = :$p" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; done | paste -sd, -)
  db=""
  if [ -f "$GATE_HOME/pg.kind" ] && [[ "$(cat "$GATE_HOME/pg.kind")" == system:* ]]; then
    db=$(head -1 "$(cut -d: -f3 "$GATE_HOME/pg.kind")/postmaster.pid" 2>/dev/null || true)
  fi
  [ -n "$svc" ] && extra+=(--service-pids "$svc")
  [ -n "$db" ] && extra+=(--db-pids "$db")
  lt_java rest "${extra[@]}" "$@"
else
  svc=$(for p in "${PORTS[@]}"; do ss -ltnpH "sport = :$p" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; done | paste -sd, -)
  stack=$(cat "$GATE_HOME/kafka.pid" "$GATE_HOME/s3proxy.pid" 2>/dev/null | paste -sd, -)
  if [ -f "$GATE_HOME/pg.kind" ] && [[ "$(cat "$GATE_HOME/pg.kind")" == system:* ]]; then
    stack=$stack,$(head -1 "$(cut -d: -f3 "$GATE_HOME/pg.kind")/postmaster.pid" 2>/dev/null || true)
  fi
  extra=()
  [ -n "$svc" ] && extra+=(--service-pids "$svc")
  [ -n "$stack" ] && extra+=(--stack-pids "$stack")
  lt_java flood "${extra[@]}" "$@"
fi
