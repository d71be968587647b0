#!/usr/bin/env bash
# Runs the hiredis + libevent example (examples/hiredis_async/pubsub_blpop.c) against a spawned
# kevy-server, and against a spawned redis-server 7.0.15 when it is installed (proving that the
# replies the example insists on are Redis's). Fails when any run exits non-zero.
# Usage: run_hiredis_async_example.sh /path/to/kevy-server /path/to/hiredis_async_pubsub_blpop
set -u
KEVY_BIN="$1"
EXAMPLE_BIN="$2"
source "$(dirname "$0")/server_lib.sh"
clients_init

status=0
run_example() {  # NAME PORT
  echo "=== $1 (port $2)"
  if ! timeout 10 "$EXAMPLE_BIN" 127.0.0.1 "$2"; then
    echo "FAIL: the example against $1"
    status=1
  fi
}

if have_oracle; then
  start_redis r || exit 1
  run_example redis-server "$R_PORT"
  stop_server "$R_PID"
else
  echo "redis-server 7.0.15 not installed: kevy-server only"
fi

start_kevy "$KEVY_BIN" k || exit 1
run_example kevy-server "$K_PORT"
if ! stop_server "$K_PID"; then
  echo "FAIL: kevy-server exit status after SIGTERM"
  status=1
fi
[[ $status -eq 0 ]] || clients_dump_logs
exit $status
