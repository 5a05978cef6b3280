#!/usr/bin/env bash
# Stops the stack started by infra-up.sh for $GATE_HOME and waits until its processes are gone.
set +e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GATE_HOME=${GATE_HOME:-$ROOT/.gate/up}
stop_pid() {
  local f=$1 pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f"); kill "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null; rm -f "$f"
}
stop_pid "$GATE_HOME/s3proxy.pid"
stop_pid "$GATE_HOME/kafka.pid"
if [ -f "$GATE_HOME/pg.kind" ]; then
  kind=$(cat "$GATE_HOME/pg.kind")
  case "$kind" in
    system:*)
      bin=$(echo "$kind" | cut -d: -f2); data=$(echo "$kind" | cut -d: -f3)
      if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$bin/pg_ctl -D $data -m fast -w stop" >/dev/null 2>&1
      else "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1; fi
      case "$data" in /tmp/gate-pg.*/data) rm -rf "$(dirname "$data")" ;; esac ;;
    embedded) stop_pid "$GATE_HOME/pg.pid" ;;
  esac
  rm -f "$GATE_HOME/pg.kind"
fi
# the env file tells `./gate submit` a stack is running; it is not any more
rm -f "$GATE_HOME/env"
exit 0
