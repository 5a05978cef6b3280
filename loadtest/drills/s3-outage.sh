#!/usr/bin/env bash
# S3 unavailable for DRILL_DOWN seconds (default 30) in the middle of the batch.
DRILL_NAME=s3-outage
# shellcheck source=loadtest/drills/common.sh
source "$(dirname "$0")/common.sh"
inject() {
  say "stopping S3 with $(verdicts) verdicts stored"
  lt_s3_stop
  sleep "${DRILL_DOWN:-30}"
  say "starting S3"
  lt_s3_start || say "S3 did not come back"
  say "S3 listening again"
}
drill_main
