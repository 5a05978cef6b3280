#!/usr/bin/env bash
# Stop the Kafka broker in the middle of the batch for DRILL_DOWN seconds (default 20), start it again.
DRILL_NAME=broker-restart
# shellcheck source=loadtest/drills/common.sh
source "$(dirname "$0")/common.sh"
inject() {
  say "stopping the Kafka broker with $(verdicts) verdicts stored"
  lt_kafka_stop
  sleep "${DRILL_DOWN:-20}"
  say "starting the Kafka broker"
  lt_kafka_start || say "broker did not come back"
  say "broker listening again"
}
drill_main
