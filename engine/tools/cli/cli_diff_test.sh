#!/usr/bin/env bash
# End-to-end check of kevy-cli: pipes the same lines into kevy-cli (embedded store) and into
# redis-cli connected to a freshly spawned redis-server, and diffs stdout byte for byte, in
# three runs: default (RESP2), RESP3 (redis-cli -3 / kevy-cli --resp3) and -n 2.
#
#   cli_diff_test.sh <kevy-cli binary> <input file>
#
# The input must only use commands whose replies are deterministic (no HELLO: its client id
# differs). Exit status: 0 same, 1 different, 77 skipped (no redis-server / redis-cli).
set -u

KEVY_CLI=$1
INPUT=$2
for tool in redis-server redis-cli; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIPPED: $tool is not installed"
    exit 77
  fi
done

DIR=$(mktemp -d)
SOCK=$DIR/redis.sock
PID=
cleanup() {
  if [[ -n "$PID" ]]; then
    kill "$PID" 2>/dev/null
    wait "$PID" 2>/dev/null
  fi
  rm -rf "$DIR"
}
trap cleanup EXIT

# No config file: the oracle runs with redis-server's built-in defaults.
(cd "$DIR" && exec redis-server --port 0 --unixsocket "$SOCK" --save '' --appendonly no \
  --enable-debug-command yes --daemonize no >"$DIR/redis.log" 2>&1) &
PID=$!
for _ in $(seq 100); do
  [[ "$(redis-cli -s "$SOCK" ping 2>/dev/null)" == PONG ]] && break
  sleep 0.05
done
if [[ "$(redis-cli -s "$SOCK" ping 2>/dev/null)" != PONG ]]; then
  echo "FAIL: redis-server did not start"; cat "$DIR/redis.log"; exit 1
fi

status=0
run() {  # run <name> <redis-cli options> <kevy-cli options>
  local name=$1 redis_opts=$2 kevy_opts=$3
  redis-cli -s "$SOCK" flushall >/dev/null
  # shellcheck disable=SC2086  # the option strings are meant to split
  redis-cli -s "$SOCK" $redis_opts <"$INPUT" >"$DIR/redis.$name" 2>"$DIR/redis.$name.err"
  local redis_rc=$?
  # shellcheck disable=SC2086
  "$KEVY_CLI" $kevy_opts <"$INPUT" >"$DIR/kevy.$name" 2>"$DIR/kevy.$name.err"
  local kevy_rc=$?
  if cmp -s "$DIR/redis.$name" "$DIR/kevy.$name" && [[ $redis_rc == "$kevy_rc" ]]; then
    echo "ok   $name ($(wc -l <"$DIR/redis.$name") lines)"
  else
    echo "FAIL $name: exit status redis-cli $redis_rc, kevy-cli $kevy_rc; diff redis-cli kevy-cli:"
    diff -u --text --label redis-cli --label kevy-cli "$DIR/redis.$name" "$DIR/kevy.$name" | cat -A | head -80
    status=1
  fi
}
run resp2 "" ""
run resp3 "-3" "--resp3"
run db2 "-n 2" "-n 2"
exit $status
