#!/usr/bin/env bash
# Hostile uploads at rate: the batch mixes real corpus APKs with zip bombs, path traversal, duplicate entries,
# garbage, a truncated APK, a ~1 GB file under the size cap and one just over it. Every upload must still get
# exactly one decision (the hostile ones REJECT), nothing may go to the DLQ, and each replica's heap must stay
# under its -Xmx (sampled from /q/metrics every 0.5 s; a replica that died shows as 000 in the readiness line).
# The "fault" is the input itself, so inject() only reports; DRILL_AT defaults to 1.
DRILL_NAME=hostile
: "${DRILL_COUNT:=200}" "${DRILL_RATE:=10}" "${DRILL_AT:=1}"
export DRILL_COUNT DRILL_RATE DRILL_AT
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=$( [ -d "$ROOT/../shared/corpus/apks" ] && echo "$ROOT/../shared/corpus/apks" || echo "$ROOT/../../shared/corpus/apks")
MIX=$(mktemp -d "${TMPDIR:-/tmp}/gate-hostile.XXXX")
# the mix: the 12 largest corpus APKs, the named hostile fixtures of the test suite, and inputs made here
ls -S "$CORPUS"/*.apk | head -12 | while read -r f; do cp "$f" "$MIX/"; done
cp "$ROOT"/src/test/resources/apk/hostile/*.apk "$MIX/"
head -c 4194304 /dev/urandom >"$MIX/garbage-4mb.apk"
big=$(ls -S "$CORPUS"/*.apk | head -1); head -c $(( $(stat -c %s "$big") / 2 )) "$big" >"$MIX/truncated-half.apk"
truncate -s 1000000000 "$MIX/zeros-1gb-under-cap.apk"
truncate -s 1073741825 "$MIX/zeros-over-1gib-cap.apk"
export DRILL_APKS=$MIX
# shellcheck source=loadtest/drills/common.sh
source "$(dirname "$0")/common.sh"
trap 'drill_cleanup; rm -rf "$MIX"' EXIT
heap_watch() { # port: peak heap bytes seen, into $WORK/heap-<port>
  local peak=0 v
  for _ in $(seq 1 $(( (COUNT / RATE + 1200) * 2 ))); do
    v=$(curl -fs --max-time 2 "http://127.0.0.1:$1/q/metrics" 2>/dev/null \
      | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {if (s>0) printf "%d\n", s}')
    [ -n "$v" ] && [ "$v" -gt "$peak" ] && peak=$v && echo "$peak" >"$WORK/heap-$1"
    sleep 0.5
  done
}
inject() {
  for p in "${PORTS[@]}"; do heap_watch "$p" & BG+=($!); done
  say "hostile mix of $(ls "$MIX" | wc -l) files in the batch; watching heap of ${PORTS[*]} (${GATE_JAVA_OPTS:--Xmx1g})"
}
report_heap() { # appended to the drill's report
  echo
  for p in "${PORTS[@]}"; do
    echo "Replica $p peak heap: $(( $(cat "$WORK/heap-$p" 2>/dev/null || echo 0) / 1048576 )) MiB (limit ${GATE_JAVA_OPTS:--Xmx1g})."
  done
  echo
  echo "Hostile verdicts (SEC-00 or GATE-ARTIFACT finding) by decision: $(lt_psql "select decision || ' ' || count(*) from verdict where upload_id like '$RUN-%' and (findings::text like '%SEC-00%' or findings::text like '%GATE-ARTIFACT%') group by decision" | paste -sd, -)."
  echo "Mix: $(ls "$MIX" | paste -sd' ' -)"
}
drill_rc=0
drill_main || drill_rc=$?
report_heap | tee -a "$OUT/drill-$DRILL_NAME.md" >/dev/null
exit $drill_rc
