#!/usr/bin/env bash
# Review console page times with many stored verdicts (docs/benchmarks.md, "Review console").
#   GATE_HOME=.gate/test scripts/console-bench.sh [verdicts=100000] [requests=50]
# Needs a stack from scripts/infra-up.sh (Postgres with trust auth for the postgres role on loopback) and a packaged
# service (mvn -DskipTests package). Fills a throw-away database console_bench with synthetic verdicts (same shapes
# the pipeline stores), starts the service on it, times each page with curl (total time of the request on loopback:
# server time plus a loopback round trip) and prints a Markdown table. The database is dropped afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${1:-100000}
REQ=${2:-50}
: "${GATE_HOME:?GATE_HOME must point at a running stack (scripts/infra-up.sh)}"
# shellcheck disable=SC1091
source "$GATE_HOME/env"
PG_PORT=${PG_URL##*:}; PG_PORT=${PG_PORT%%/*}
PORT=${BENCH_HTTP_PORT:-18089}
DB=console_bench
PSQL_ADMIN=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt -v ON_ERROR_STOP=1)
PSQL=(env PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$DB" -qAt -v ON_ERROR_STOP=1)

[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q -DskipTests package >&2
"${PSQL_ADMIN[@]}" -c "drop database if exists $DB" -c "create database $DB owner $PG_USER"

KEYS=$GATE_HOME/bench-jwt
TOKEN=$(java -XX:TieredStopAtLevel=1 -cp "target/classes:$(cat target/classpath.txt)" com.admissiongate.cli.GateCli \
  dev-keys --dir "$KEYS" | sed -n 's/^viewer=//p')

APP=""
cleanup() {
  set +e
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null
  "${PSQL_ADMIN[@]}" -c "drop database if exists $DB" >/dev/null
}
trap cleanup EXIT
PG_URL=postgresql://127.0.0.1:$PG_PORT/$DB PG_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB \
  GATE_HTTP_PORT=$PORT GATE_JWT_PUBLIC_KEY=$KEYS/publicKey.pem \
  java -Xmx512m -jar target/quarkus-app/quarkus-run.jar >"$GATE_HOME/console-bench.log" 2>&1 & APP=$!
for _ in $(seq 1 900); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/live" && break
  kill -0 "$APP" 2>/dev/null || { echo "service exited; see $GATE_HOME/console-bench.log" >&2; exit 1; }
  sleep 0.2
done

echo "[bench] inserting $N verdicts…" >&2
t0=$(date +%s)
"${PSQL[@]}" -v n="$N" -f scripts/console-bench.sql
# steady state: autovacuum has set the visibility map, so counts can be index-only scans
"${PSQL[@]}" -c "vacuum analyze verdict"
echo "[bench] inserted in $(( $(date +%s) - t0 )) s; attention rows: $("${PSQL[@]}" -c "select count(*) from verdict where decision = 'RECTIFY' or overridden_by is not null or findings @> '[{\"ruleId\":\"GATE-INCOMPLETE\"}]' or (decision = 'ACCEPT' and findings @> '[{\"outcome\":\"WARN\"}]')")" >&2

CURSOR=$("${PSQL[@]}" -c "select coalesce(rectify_by, date '9999-12-31') || '_' || id from verdict where decision = 'RECTIFY' order by rectify_by, id offset 20000 limit 1")
VERDICT=$("${PSQL[@]}" -c "select upload_id from verdict where decision = 'RECTIFY' order by id desc limit 1")
declare -a PAGES=(
  "queue, first page|/console/queue"
  "queue, page after 20,000 rows|/console/queue?after=$CURSOR"
  "queue, rule filter|/console/queue?rule=SDK-04-DEVICE-IDS"
  "queue, developer filter|/console/queue?developer=dev-17"
  "queue, minors + app type|/console/queue?minors=true&appType=%E6%B8%B8%E6%88%8F%E7%B1%BB"
  "queue, live count fragment|/console/queue/count"
  "verdict page|/console/verdicts/$VERDICT"
  "minors' apps|/console/minors"
)
echo
echo "| page ($N verdicts, $REQ requests each after 20 warm-up) | p50 ms | p95 ms | max ms | bytes |"
echo "|---|---:|---:|---:|---:|"
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  url="http://127.0.0.1:$PORT$path"
  for _ in $(seq 1 20); do curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"; done
  : > "$GATE_HOME/bench-times"
  for _ in $(seq 1 "$REQ"); do
    curl -fs -o /dev/null -w '%{time_total} %{size_download}\n' -H "Authorization: Bearer $TOKEN" "$url" >>"$GATE_HOME/bench-times"
  done
  sort -n "$GATE_HOME/bench-times" | awk -v name="$name" '{ t[NR] = $1 * 1000; b = $2 } END {
    printf "| %s | %.1f | %.1f | %.1f | %d |\n", name, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR], b }'
done
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
