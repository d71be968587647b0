#!/bin/sh
# conform_gate_fails: proves that the replay gate can fail. Replays the corpus on a target
# whose third reply is replaced by a wrong one and requires exit code 1 plus a readable
# report (case id, command, expected and actual bytes, the summary).
#   gate_fails_test.sh KEVY_CONFORM CORPUS_DIR
set -u
conform=$1
corpus=$2
out=$(mktemp)
trap 'rm -f "$out" "$out.xml"' EXIT
"$conform" replay "$corpus" --target faulty:3:embedded --no-progress --junit "$out.xml" >"$out" 2>&1
rc=$?
cat "$out"
fail() { echo "conform_gate_fails: $1" >&2; exit 1; }
[ "$rc" -eq 1 ] || fail "expected exit code 1, got $rc"
grep -q '^FAIL ' "$out" || fail "no FAIL line naming the case"
grep -q '^  command: ' "$out" || fail "no command line in the report"
grep -q '^  expected: "' "$out" || fail "no expected bytes in the report"
grep -q '^  actual:   "-ERR kevy-conform faulty target: reply 3 replaced\\r\\n"' "$out" ||
  fail "the injected reply is not shown as the actual bytes"
grep -q '^RESULT: FAIL' "$out" || fail "no RESULT: FAIL summary"
grep -q '<failure ' "$out.xml" || fail "the JUnit report has no <failure>"
echo "conform_gate_fails: the gate failed as it must"
