#!/usr/bin/env bash
# End to end: start the kevy-server binary on a free TCP port (--port 0) and a unix socket in a
# temp dir, talk to it with redis-cli (ping, set/get, RESP3 hello, a --pipe mass insert), stop
# it by PID with SIGTERM and expect exit status 0 and the socket file gone.
# Usage: server_cli_test.sh /path/to/kevy-server. Exit 77 (skipped) without redis-cli.
set -u
server_bin="$1"
command -v redis-cli >/dev/null 2>&1 || { echo "redis-cli not installed: skipped"; exit 77; }

dir=$(mktemp -d /tmp/kevy-server-cli-XXXXXX)
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- server stdout"; cat "$dir/out"; echo "--- server stderr"; cat "$dir/err"; exit 1; }

sock="$dir/kevy.sock"
"$server_bin" --port 0 --unixsocket "$sock" --save '' --appendonly no --daemonize no \
  --dir "$dir" --not-an-option x >"$dir/out" 2>"$dir/err" &
pid=$!

port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/.*Ready to accept connections tcp port \([0-9]*\).*/\1/p' "$dir/out")
  [[ -n "$port" && -S "$sock" ]] && break
  sleep 0.05
done
[[ -n "$port" && -S "$sock" ]] || fail "server did not report readiness"
grep -q "not-an-option" "$dir/err" || fail "no warning for an unknown option"

expect() {  # expect "<wanted output>" redis-cli args...
  local want="$1"; shift
  local got
  got=$(redis-cli "$@" 2>&1)
  [[ "$got" == "$want" ]] || fail "redis-cli $*: got '$got', want '$want'"
}
expect PONG -s "$sock" ping
expect PONG -p "$port" ping
expect OK -p "$port" set k v
expect v -s "$sock" get k
hello=$(redis-cli -3 -s "$sock" hello 3 2>&1)
[[ "$hello" == *"proto"*"3"* ]] || fail "hello 3: $hello"

for i in $(seq 1 10000); do printf 'SET key:%d value:%d\r\n' "$i" "$i"; done >"$dir/mass.txt"
pipe=$(redis-cli -s "$sock" --pipe <"$dir/mass.txt" 2>&1)
[[ "$pipe" == *"errors: 0, replies: 10000"* ]] || fail "--pipe: $pipe"
expect 10001 -s "$sock" dbsize
expect value:1234 -p "$port" get key:1234

kill -TERM "$pid"
wait "$pid"
status=$?
pid=""
[[ $status -eq 0 ]] || fail "exit status $status after SIGTERM"
[[ ! -e "$sock" ]] || fail "unix socket file left behind"
echo "ok"
