#!/usr/bin/env bash
# Stop PostgreSQL (fast shutdown) in the middle of the batch for DRILL_DOWN seconds (default 20), start it again.
DRILL_NAME=pg-restart
# shellcheck source=loadtest/drills/common.sh
source "$(dirname "$0")/common.sh"
inject() {
  say "stopping PostgreSQL with $(verdicts) verdicts stored"
  lt_pg_ctl stop
  sleep "${DRILL_DOWN:-20}"
  say "starting PostgreSQL"
  lt_pg_ctl start || say "PostgreSQL did not come back"
  say "PostgreSQL accepting connections again"
}
drill_main
