#!/usr/bin/env bash
# redis-benchmark against kevy-server: every test of
#   -t set,get,incr,lpush,lpop,sadd,hset,zadd -q -n 20000   and   -t lrange -q -n 4000
# (LRANGE_600 moves 600 elements per request: 20000 of them would take seconds on their own)
# must report a rate and no server error, then the data it leaves behind must be what those
# requests write (the key names without -r are literal: key:__rand_int__, mylist, ...).
# A second run of all nine tests with -P 16 goes to kevy-server and to a redis-server 7.0.15
# spawned here, and the keyspaces they are left with must read back the same through redis-cli.
# Usage: redis_benchmark_test.sh /path/to/kevy-server. Exit 77 (skipped) without redis-benchmark.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/server_lib.sh"
command -v redis-benchmark >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 ||
  { echo "redis-benchmark / redis-cli not installed: skipped"; exit 77; }

clients_init
fail() { echo "FAIL: $*"; clients_dump_logs; exit 1; }
start_kevy "$1" k || fail "kevy-server did not start"
work="$CLIENTS_DIR"
n=20000         # requests per test, lrange excepted
n_lrange=4000   # requests per LRANGE size (and its preload LPUSH)
n_p16=5000      # requests per test in the pipelined run

# bench PORT OUT [extra args]: the -q report with the progress lines (\r-separated) dropped.
bench() {
  local port="$1" out="$2"; shift 2
  redis-benchmark -h 127.0.0.1 -p "$port" -q "$@" 2>&1 | tr '\r' '\n' |
    grep -v -e '^ *$' -e 'rps=' >>"$out"
}

# check_report FILE: one "NAME: <rate> requests per second" line per test (LRANGE reports a
# preload LPUSH and four sizes), no "Error" anywhere. The CONFIG warning is allowed (kevy
# without CONFIG GET); it is reported, not failed.
check_report() {
  local f="$1" name
  if grep -qi "error" "$f"; then fail "errors in the report: $(cat "$f")"; fi
  for name in SET GET INCR LPUSH LPOP SADD HSET ZADD "LPUSH (needed to benchmark LRANGE)" \
              "LRANGE_100 (first 100 elements)" "LRANGE_300 (first 300 elements)" \
              "LRANGE_500 (first 500 elements)" "LRANGE_600 (first 600 elements)"; do
    grep -q "^$name: [0-9][0-9.]* requests per second" "$f" || fail "no rate for $name in: $(cat "$f")"
  done
  [[ $(grep -c "requests per second" "$f") -eq 13 ]] || fail "expected 13 rates in: $(cat "$f")"
  if grep -q "Could not fetch server CONFIG" "$f"; then echo "note: $(grep -m1 CONFIG "$f")"; fi
}

bench "$K_PORT" "$work/p1.txt" -t set,get,incr,lpush,lpop,sadd,hset,zadd -n "$n"
bench "$K_PORT" "$work/p1.txt" -t lrange -n "$n_lrange"
check_report "$work/p1.txt"
cat "$work/p1.txt"

# What the requests wrote: SET key:__rand_int__ with the 3-byte payload "VXK", INCR n times,
# LPUSH n + LPOP n + LPUSH n_lrange (LRANGE's preload), one member each in SADD/HSET/ZADD.
expect() {  # expect "<want>" redis-cli args...
  local want="$1"; shift
  local got
  got=$(redis-cli -h 127.0.0.1 -p "$K_PORT" "$@" 2>&1)
  [[ "$got" == "$want" ]] || fail "redis-cli $*: got '$got', want '$want'"
}
expect VXK get key:__rand_int__
expect "$n" get counter:__rand_int__
expect "$n_lrange" llen mylist
expect "$(printf 'VXK\nVXK\nVXK')" lrange mylist 0 2
expect element:__rand_int__ smembers myset
expect "$(printf 'element:__rand_int__\nVXK')" hgetall myhash
expect "$(printf 'element:__rand_int__\n0')" zrange myzset 0 -1 withscores
expect 6 dbsize

# Pipelined (-P 16), after a FLUSHALL, on kevy and (when installed) on redis-server.
state() {  # state PORT: everything the benchmark keys hold, one redis-cli call
  printf 'dbsize\nget key:__rand_int__\nget counter:__rand_int__\nllen mylist\nlrange mylist 0 3\n'\
'smembers myset\nhgetall myhash\nzrange myzset 0 -1 withscores\ntype mylist\n' |
    redis-cli -h 127.0.0.1 -p "$1" --no-raw
}
expect OK flushall
all=set,get,incr,lpush,lpop,sadd,hset,zadd,lrange
bench "$K_PORT" "$work/p16.txt" -t "$all" -n "$n_p16" -P 16
check_report "$work/p16.txt"
cat "$work/p16.txt"
state "$K_PORT" >"$work/state.kevy"
# With -P, the last pipelines of each client may overshoot -n a little (redis does the same).
count=$(redis-cli -h 127.0.0.1 -p "$K_PORT" get counter:__rand_int__)
((count >= n_p16 && count < n_p16 + 16 * 50)) || fail "counter after -P 16: $count"
if have_oracle; then
  start_redis r || fail "redis-server did not start"
  bench "$R_PORT" "$work/p16.redis.txt" -t "$all" -n "$n_p16" -P 16
  state "$R_PORT" >"$work/state.redis"
  diff "$work/state.redis" "$work/state.kevy" || fail "state after -P 16 differs from redis-server"
  stop_server "$R_PID"
else
  echo "note: redis-server 7.0.15 not installed; the -P 16 state was not compared"
fi

stop_server "$K_PID" || fail "kevy-server exit status $?"
echo "ok"
