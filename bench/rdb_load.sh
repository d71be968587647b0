#!/usr/bin/env bash
# Loading speed, kevy next to redis-server 7.0.15, on the same files:
#   1. redis-server builds a dataset of KEYS keys (default 1000000): mostly strings (short,
#      long, integers) plus hashes, lists, sets and zsets of both encodings each, then SAVEs
#      dump.rdb; then, with aof-use-rdb-preamble no, turns the AOF on, which rewrites the
#      dataset into appendonlydir/ as a RESP base file.
#   2. redis-server is started ROUNDS times (default 3) on each and its own log line "DB loaded
#      from disk: X seconds" / "DB loaded from append only file: X seconds" is read (the load
#      alone, not the process start); the best counts.
#   3. kevy-bench-rdb-load loads the same dump.rdb (Store::load_rdb) and the same appendonlydir
#      (Store::load_persisted), best of ROUNDS fresh stores.
# Last line: "ratios rdb=<kevy/redis> aof=<kevy/redis>" (time ratios: below 1.0 = kevy faster).
#
#   bench/rdb_load.sh PATH/TO/kevy-bench-rdb-load      env: KEYS, ROUNDS, AOF=0 to skip the AOF,
#                                                      KEEP=DIR to keep the dataset files there
# Exit 77 (skipped) without redis-server 7.0.15, redis-cli or python3. Servers are stopped by
# PID; the temp dir is removed.
set -euo pipefail

BENCH=${1:?usage: bench/rdb_load.sh PATH/TO/kevy-bench-rdb-load}
KEYS=${KEYS:-1000000}
ROUNDS=${ROUNDS:-3}
AOF=${AOF:-1}

for tool in redis-server redis-cli python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool not installed: skipped"; exit 77; }
done
if ! redis-server --version | grep -q 'v=7\.0\.15'; then
  echo "redis-server is not 7.0.15: skipped"
  exit 77
fi

D=$(mktemp -d /tmp/kevy-rdb-load.XXXXXX)
PID=
cleanup() {
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$D"
}
trap cleanup EXIT

# start_redis DIR LOG [args...]: redis-server on a unix socket in DIR; sets PID, waits until it
# answers PING (it answers -LOADING while loading, so wait for loading:0 too).
start_redis() {
  local dir=$1 log=$2
  shift 2
  rm -f "$dir/r.sock"
  redis-server --port 0 --unixsocket "$dir/r.sock" --dir "$dir" --save '' \
    --enable-debug-command yes --daemonize no "$@" >"$log" 2>&1 &
  PID=$!
  for _ in $(seq 1 6000); do
    if [[ -S "$dir/r.sock" ]] &&
       redis-cli -s "$dir/r.sock" INFO persistence 2>/dev/null | grep -q '^loading:0'; then
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || { cat "$log" >&2; echo "redis-server died" >&2; exit 1; }
    sleep 0.05
  done
  echo "redis-server did not finish loading" >&2
  exit 1
}

stop_redis() {
  redis-cli -s "$1/r.sock" SHUTDOWN NOSAVE >/dev/null 2>&1 || true
  wait "$PID" 2>/dev/null || true
  PID=
}

# ---- 1. the dataset -------------------------------------------------------------------------
mkdir -p "$D/gen"
start_redis "$D/gen" "$D/gen/log" --appendonly no
SOCK=$D/gen/r.sock
# 90% strings: 70% short (embstr), 15% 120-byte values (raw, LZF in the file), 5% integers.
n_short=$((KEYS * 70 / 100))
n_long=$((KEYS * 15 / 100))
n_int=$((KEYS * 5 / 100))
n_each=$(((KEYS - n_short - n_long - n_int) / 4))
redis-cli -s "$SOCK" DEBUG POPULATE "$n_short" str 24 >/dev/null
redis-cli -s "$SOCK" DEBUG POPULATE "$n_long" raw 120 >/dev/null
# Collections and integers as RESP through redis-cli --pipe. Every 50th collection is big
# enough for the hashtable / skiplist / plain-node encodings.
python3 - "$n_int" "$n_each" <<'PY' | redis-cli -s "$SOCK" --pipe >/dev/null
import random, sys
n_int, n_each = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(7)
out = sys.stdout.buffer
def cmd(*args):
    parts = [b'*%d\r\n' % len(args)]
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        parts.append(b'$%d\r\n%s\r\n' % (len(a), a))
    out.write(b''.join(parts))
for i in range(n_int):
    cmd('SET', 'int:%d' % i, rnd.randint(-10**12, 10**12))
for i in range(n_each):
    big = i % 50 == 0
    n = rnd.randint(200, 600) if big else rnd.randint(5, 20)
    cmd('HSET', 'hash:%d' % i, *[x for j in range(n) for x in ('field:%d' % j, 'v%d' % rnd.randint(0, 10**6))])
    cmd('RPUSH', 'list:%d' % i, *['item-%d-%d' % (j, rnd.randint(0, 999)) for j in range(n * (10 if big else 1))])
    if i % 2:
        cmd('SADD', 'set:%d' % i, *[rnd.randint(0, 10**9) for _ in range(n)])
    else:
        cmd('SADD', 'set:%d' % i, *['m%d' % rnd.randint(0, 10**6) for _ in range(n)])
    cmd('ZADD', 'zset:%d' % i, *[x for j in range(n) for x in (rnd.randint(0, 10**4) / 8, 'member:%d' % j)])
PY
keys=$(redis-cli -s "$SOCK" DBSIZE)
redis-cli -s "$SOCK" SAVE >/dev/null
cp "$D/gen/dump.rdb" "$D/dump.rdb"
if [[ $AOF == 1 ]]; then
  redis-cli -s "$SOCK" CONFIG SET aof-use-rdb-preamble no >/dev/null
  redis-cli -s "$SOCK" CONFIG SET appendonly yes >/dev/null
  for _ in $(seq 1 12000); do
    info=$(redis-cli -s "$SOCK" INFO persistence)
    if grep -q '^aof_rewrite_in_progress:0' <<<"$info" &&
       grep -q '^aof_rewrite_scheduled:0' <<<"$info" &&
       grep -q '^aof_enabled:1' <<<"$info"; then
      break
    fi
    sleep 0.05
  done
  cp -r "$D/gen/appendonlydir" "$D/appendonlydir"
fi
stop_redis "$D/gen"
if [[ -n "${KEEP:-}" ]]; then
  mkdir -p "$KEEP"
  cp "$D/dump.rdb" "$KEEP/"
  [[ $AOF == 1 ]] && cp -r "$D/appendonlydir" "$KEEP/"
fi
echo "dataset: $keys keys; dump.rdb $(stat -c %s "$D/dump.rdb") bytes$(
  [[ $AOF == 1 ]] && echo "; appendonlydir $(du -sb "$D/appendonlydir" | cut -f1) bytes")"

# ---- 2. redis-server ------------------------------------------------------------------------
# best_redis_load KIND(rdb|aof): best of ROUNDS of redis-server's own load time, in ms.
best_redis_load() {
  local kind=$1 best= ms
  for _ in $(seq 1 "$ROUNDS"); do
    rm -rf "$D/run"
    mkdir -p "$D/run"
    if [[ $kind == rdb ]]; then
      cp "$D/dump.rdb" "$D/run/dump.rdb"
      start_redis "$D/run" "$D/run/log" --appendonly no
      ms=$(sed -n 's/.*DB loaded from disk: \([0-9.]*\) seconds.*/\1/p' "$D/run/log")
    else
      cp -r "$D/appendonlydir" "$D/run/appendonlydir"
      start_redis "$D/run" "$D/run/log" --appendonly yes
      ms=$(sed -n 's/.*DB loaded from append only file: \([0-9.]*\) seconds.*/\1/p' "$D/run/log")
    fi
    stop_redis "$D/run"
    [[ -n "$ms" ]] || { cat "$D/run/log" >&2; echo "no load time in the log" >&2; exit 1; }
    ms=$(python3 -c "print('%.1f' % ($ms * 1000))")
    if [[ -z "$best" ]] || python3 -c "import sys; sys.exit(0 if $ms < $best else 1)"; then
      best=$ms
    fi
  done
  echo "$best"
}

redis_rdb=$(best_redis_load rdb)
echo "redis rdb_load_ms=$redis_rdb"
[[ $AOF == 1 ]] && { redis_aof=$(best_redis_load aof); echo "redis aof_load_ms=$redis_aof"; }

# ---- 3. kevy --------------------------------------------------------------------------------
args=(--rdb "$D/dump.rdb" --reps "$ROUNDS")
[[ $AOF == 1 ]] && args+=(--aof "$D/appendonlydir")
kevy_out=$("$BENCH" "${args[@]}")
echo "$kevy_out"
kevy_rdb=$(sed -n 's/^kevy rdb_load_ms=\([0-9.]*\) keys=\([0-9]*\)$/\1/p' <<<"$kevy_out")
kevy_rdb_keys=$(sed -n 's/^kevy rdb_load_ms=[0-9.]* keys=\([0-9]*\)$/\1/p' <<<"$kevy_out")
[[ "$kevy_rdb_keys" == "$keys" ]] || { echo "kevy loaded $kevy_rdb_keys keys, redis $keys" >&2; exit 1; }
line="ratios rdb=$(python3 -c "print('%.2f' % ($kevy_rdb / $redis_rdb))")"
if [[ $AOF == 1 ]]; then
  kevy_aof=$(sed -n 's/^kevy aof_load_ms=\([0-9.]*\) keys=\([0-9]*\)$/\1/p' <<<"$kevy_out")
  kevy_aof_keys=$(sed -n 's/^kevy aof_load_ms=[0-9.]* keys=\([0-9]*\)$/\1/p' <<<"$kevy_out")
  [[ "$kevy_aof_keys" == "$keys" ]] || { echo "kevy loaded $kevy_aof_keys keys from the AOF, redis $keys" >&2; exit 1; }
  line+=" aof=$(python3 -c "print('%.2f' % ($kevy_aof / $redis_aof))")"
fi
echo "$line"
