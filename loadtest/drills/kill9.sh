#!/usr/bin/env bash
# kill -9 one of two replicas in the middle of the batch, restart it 5 s later: 0 lost, 0 duplicate decisions.
DRILL_NAME=kill9
# shellcheck source=loadtest/drills/common.sh
source "$(dirname "$0")/common.sh"
inject() {
  local victim=${PORTS[0]}
  say "kill -9 replica $victim (pid $(cat "$GATE_HOME/replica-$victim.pid")) with $(verdicts) verdicts stored"
  lt_stop_replica "$victim" KILL
  sleep 5
  say "restarting replica $victim"
  lt_start_replica "$victim"
  [[ " ${STARTED_PORTS[*]} " == *" $victim "* ]] || STARTED_PORTS+=("$victim")
  say "replica $victim ready again"
}
drill_main
