#!/usr/bin/env bash
# Smoke check of the packaged developer self-check (target/gate-cli-dist, written by `mvn package`): copied out of
# the repository, run with `java -jar` and nothing else (no Maven, no class path, no ./gate), it must judge a
# hostile fixture REJECT with the hostile-archive rule and set the exit code by --fail-on. Run by `./gate test`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=$ROOT/target/gate-cli-dist
[ -f "$DIST/gate-cli.jar" ] || { echo "cli-dist-check: $DIST/gate-cli.jar missing (mvn package writes it)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$DIST" "$tmp/gate-cli"
cp "$ROOT/src/test/resources/apk/hostile/zip-bomb-ratio.apk" "$tmp/app.apk"
cd "$tmp"
rc=0
java -jar gate-cli/gate-cli.jar scan app.apk --format json --out report.json --fail-on reject 2>stderr.txt || rc=$?
fail() { echo "cli-dist-check: $*" >&2; cat stderr.txt >&2; exit 1; }
[ "$rc" = 1 ] || fail "exit code $rc, expected 1 (REJECT with --fail-on reject)"
grep -q '"decision" *: *"REJECT"' report.json || fail "report.json has no REJECT decision"
grep -q 'SEC-00-HOSTILE-ARCHIVE' report.json || fail "report.json lacks SEC-00-HOSTILE-ARCHIVE"
grep -q 'ERROR\|Exception' stderr.txt && fail "errors on stderr"
echo "[gate] cli-dist-check: java -jar gate-cli.jar scan → REJECT SEC-00-HOSTILE-ARCHIVE, exit 1" >&2
