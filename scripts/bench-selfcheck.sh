#!/usr/bin/env bash
# Developer self-check cold start (issue #10 target: a 20 MB APK judged in <= 3 s on 2 cores, cold start included).
#   scripts/bench-selfcheck.sh [--runs 5] [--apk app.apk]
# Without --apk, builds the 20 MB input from the corpus with SelfCheckApkGenerator (needs test classes). Times
# `./gate scan` as a developer runs it, whole process (/usr/bin/time): the first run after a build (writes the
# class-data archive), then --runs more; prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RUNS=5
APK=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --apk) APK=$2; shift 2 ;;
    *) echo "usage: $0 [--runs 5] [--apk app.apk]" >&2; exit 2 ;;
  esac
done
OUT=target/bench-selfcheck
mkdir -p "$OUT"
if [ -z "$APK" ]; then
  APK=$OUT/app-20mb.apk
  if [ ! -f "$APK" ]; then
    SRC=${GATE_CORPUS:-../shared/corpus}/apks/androguard__APK_app-prod-debug.apk
    [ -f "$SRC" ] || { echo "corpus APK not found: $SRC (set GATE_CORPUS or pass --apk)" >&2; exit 2; }
    ${MVN:-mvn} -B -q -DskipTests test-compile >&2
    java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
      com.admissiongate.bench.SelfCheckApkGenerator "$SRC" "$APK" 20 3 >&2
  fi
fi
./gate scan "$APK" >/dev/null 2>&1 || true   # build if needed; not timed
rm -f target/gate-cli/scan.jsa               # the first timed run is a developer's first scan after a build
row() { # label, time output
  awk -v l="$1" '{print "| " l " | " $1 " | " $2 " | " $3 " | " $4 " |"}' "$2"
}
echo "| run | wall s | user s | sys s | peak MiB |"
echo "|---|---:|---:|---:|---:|"
for i in $(seq 0 "$RUNS"); do
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" ./gate scan "$APK" >/dev/null 2>&1 || true
  tail -1 "$OUT/time.txt" | awk '{printf "%s %s %s %.0f\n", $1, $2, $3, $4/1024}' > "$OUT/t.txt"
  if [ "$i" = 0 ]; then row "first (writes class-data archive)" "$OUT/t.txt"; else row "cold $i" "$OUT/t.txt"; fi
done
echo
echo "input: $(basename "$APK") $(du -m "$APK" | cut -f1) MiB; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
