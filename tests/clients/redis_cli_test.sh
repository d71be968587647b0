#!/usr/bin/env bash
# redis-cli against kevy-server, diffed with the same redis-cli runs against a redis-server
# 7.0.15 spawned in the same test: --pipe mass insert (100k SETs in RESP), formatted
# (--no-raw) replies of everyday commands read from stdin, RESP3 (-3: HELLO map, HGETALL map,
# ZSCORE double, set replies), -x (stdin as the last argument, binary), --scan with a pattern,
# --bigkeys, -r, --csv and --json. kevy is reached over TCP, redis-server over its unix socket.
# Usage: redis_cli_test.sh /path/to/kevy-server. Exit 77 (skipped) without the oracle.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/server_lib.sh"
have_oracle || { echo "redis-server 7.0.15 / redis-cli not installed: skipped"; exit 77; }

clients_init
fail() { echo "FAIL: $*"; clients_dump_logs; exit 1; }
start_kevy "$1" k || fail "kevy-server did not start"
start_redis r || fail "redis-server did not start"
work="$CLIENTS_DIR"

# kcli/rcli ARGS...: the same redis-cli invocation against kevy (TCP) and redis (unix socket).
kcli() { redis-cli -h 127.0.0.1 -p "$K_PORT" "$@"; }
rcli() { redis-cli -s "$R_SOCK" "$@"; }

# same NAME ARGS... [<stdin]: runs redis-cli ARGS on both, stdin from $stdin_file (or none);
# the outputs (stdout + stderr) must be identical. $filter, when set, is applied to both.
stdin_file=/dev/null
filter=cat
from_summary() { sed -n '/summary/,$p'; }
drop_client_id() { grep -v -e '^id [0-9]*$' -e '# "id" => (integer) [0-9]*$'; }
same() {
  local name="$1"; shift
  kcli "$@" <"$stdin_file" >"$work/$name.kevy" 2>&1
  rcli "$@" <"$stdin_file" >"$work/$name.redis" 2>&1
  $filter <"$work/$name.kevy" >"$work/$name.kevy.f"
  $filter <"$work/$name.redis" >"$work/$name.redis.f"
  if ! cmp -s "$work/$name.kevy.f" "$work/$name.redis.f"; then
    echo "--- diff redis kevy ($name: redis-cli $*)"
    diff "$work/$name.redis.f" "$work/$name.kevy.f" | head -n 40
    fail "$name: redis-cli output differs"
  fi
}

# 1. --pipe: 100k SETs as RESP, then a few commands with one error among them.
awk 'BEGIN { for (i = 1; i <= 100000; i++) { k = "key:" i; v = "value:" i;
  printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v } }' \
  >"$work/mass.resp"
printf '*2\r\n$4\r\nINCR\r\n$5\r\nkey:1\r\n*3\r\n$6\r\nAPPEND\r\n$5\r\nkey:2\r\n$1\r\n!\r\n' \
  >>"$work/mass.resp"
for side in k r; do
  if [[ $side == k ]]; then kcli --pipe <"$work/mass.resp" >"$work/pipe.$side" 2>&1
  else rcli --pipe <"$work/mass.resp" >"$work/pipe.$side" 2>&1; fi
done
grep -q "errors: 1, replies: 100002" "$work/pipe.k" || fail "--pipe on kevy: $(cat "$work/pipe.k")"
cmp -s "$work/pipe.k" "$work/pipe.r" || fail "--pipe output: kevy '$(cat "$work/pipe.k")', redis '$(cat "$work/pipe.r")'"
[[ "$(kcli dbsize)" == 100000 ]] || fail "dbsize after --pipe: $(kcli dbsize)"
same pipe_values mget key:1 key:2 key:3 key:777 key:50000 key:99999 key:100000 key:100001

# 2. --scan (order is the server's: compared sorted) and --bigkeys (the summary only: the
#    "so far" lines follow the scan order), over the first 20k keys to keep the test fast.
kcli flushall >/dev/null; rcli flushall >/dev/null
head -n 140000 "$work/mass.resp" >"$work/mass20k.resp"
kcli --pipe <"$work/mass20k.resp" >/dev/null 2>&1
rcli --pipe <"$work/mass20k.resp" >/dev/null 2>&1
kcli --scan --pattern 'key:99*' | sort >"$work/scan.kevy"
rcli --scan --pattern 'key:99*' | sort >"$work/scan.redis"
[[ $(wc -l <"$work/scan.kevy") -eq 111 ]] || fail "--scan found $(wc -l <"$work/scan.kevy") keys, want 111"
cmp -s "$work/scan.kevy" "$work/scan.redis" || fail "--scan key sets differ"
kcli --scan --pattern 'nomatch*' >"$work/scan_none" 2>&1
[[ ! -s "$work/scan_none" ]] || fail "--scan with no match printed: $(cat "$work/scan_none")"
kcli --quoted-input set '"bin\x00key"' v >/dev/null
rcli --quoted-input set '"bin\x00key"' v >/dev/null
same scan_quoted --scan --quoted-pattern '"bin\x00*"'
for cli in kcli rcli; do  # one biggest key per type, so the summary does not depend on order
  $cli set big:string "a value longer than the others" >/dev/null
  $cli rpush big:list 1 2 3 >/dev/null; $cli rpush small:list 1 >/dev/null
  $cli hset big:hash a 1 b 2 >/dev/null; $cli sadd big:set x y z w >/dev/null
  $cli zadd big:zset 1 a 2 b 3 c >/dev/null; $cli zadd small:zset 1 a >/dev/null
done
filter=from_summary
same bigkeys --bigkeys
filter=cat
kcli flushall >/dev/null; rcli flushall >/dev/null

# 3. Everyday commands from stdin with type-revealing (--no-raw) output: strings, counters,
#    TTLs, lists, hashes, sets, zsets with scores, errors, nil, empty arrays, quoting.
cat >"$work/commands.txt" <<'EOF'
ping
ping "hello world"
set greeting "hello world"
get greeting
append greeting "!"
strlen greeting
getrange greeting 0 4
set n 10
incr n
incrby n -25
incrbyfloat n 0.1
decr nope
get missing
set t v EX 100
ttl t
pexpire t 5000000
persist t
ttl t
type t
exists t missing greeting
rpush l a b c d e
lrange l 0 -1
lrange l 1 2
lpop l 2
llen l
lindex l 10
hset h f1 v1 f2 v2 f3 3
hget h f1
hincrby h f3 4
hmget h f1 nope f3
hgetall h
hlen h
sadd s 5 3 1 4
smembers s
sismember s 3
scard s
zadd z 1 a 2.5 b -3 c
zrange z 0 -1 withscores
zscore z b
zincrby z 0.1 a
zrangebyscore z -inf +inf limit 0 2
zrank z b
lpush greeting x
hget greeting f
incr greeting
get
nosuchcommand a b
set "with\x00nul" "a\tb\r\nc"
get "with\x00nul"
dbsize
keys z*
object encoding s
object encoding z
del l h s z greeting n t
dbsize
EOF
stdin_file="$work/commands.txt"
same commands --no-raw
same commands_raw --raw
stdin_file=/dev/null

# 4. RESP3 (-3): HELLO's map (the client id differs), map/double/set/null replies.
kcli -3 hello 3 >/dev/null
filter=drop_client_id
same hello_raw -3 hello 3
same hello --no-raw -3 hello 3
filter=cat
cat >"$work/resp3.txt" <<'EOF'
hset h a 1 b 2 c 3
hgetall h
zadd z 1.5 m 0.1 n 3 o
zscore z n
zscore z missing
zrange z 0 -1 withscores
zincrby z 1 m
zrandmember z 0
sadd s 1 2 3
smembers s
sinter s s
get missing
hrandfield missing
lpos nolist x
config-free-ping
EOF
stdin_file="$work/resp3.txt"
same resp3 --no-raw -3
same resp3_raw -3
stdin_file=/dev/null
same resp3_json --json hgetall h
same resp3_csv --csv zrange z 0 -1 withscores

# 5. -x: stdin as the last argument (text with newlines, then 4 KiB of every byte value).
printf 'line one\nline two\n' >"$work/text.in"
stdin_file="$work/text.in"
same x_text -x set xk
stdin_file=/dev/null
same x_get --no-raw get xk
head -c 4096 /dev/urandom >"$work/bin.in"
kcli -x set xb <"$work/bin.in" >/dev/null
rcli -x set xb <"$work/bin.in" >/dev/null
same x_strlen strlen xb
same x_bin_get --no-raw get xb
kcli --raw get xb | head -c 4096 | cmp -s - "$work/bin.in" || fail "-x binary value changed on kevy"
stdin_file="$work/text.in"
same x_hset -x hset xh field
stdin_file=/dev/null
same x_hget hget xh field

# 6. -r (repeat) and a few commands as arguments.
same repeat -r 3 incr counter
same lrange_csv --csv rpush cl 1 "two words" 'q"uote'
same lrange_csv2 --csv lrange cl 0 -1
same type_none type nothing
same err_arity get
same err_wrongtype --no-raw lpush xk v

# 7. AUTH: a second kevy-server with requirepass; redis-cli -a authenticates first.
start_kevy "$1" kp --requirepass s3cret || fail "kevy-server with requirepass did not start"
out=$(redis-cli -p "$KP_PORT" ping 2>&1)
[[ "$out" == "NOAUTH Authentication required." ]] || fail "ping before auth: '$out'"
out=$(redis-cli -p "$KP_PORT" -a s3cret --no-auth-warning ping 2>&1)
[[ "$out" == PONG ]] || fail "ping with -a: '$out'"
out=$(redis-cli -p "$KP_PORT" -a wrong --no-auth-warning ping 2>&1)
[[ "$out" == *"WRONGPASS invalid username-password pair or user is disabled."* ]] ||
  fail "ping with a wrong -a: '$out'"

stop_server "$KP_PID" || fail "kevy-server (requirepass) exit status $?"
stop_server "$K_PID" || fail "kevy-server exit status $?"
stop_server "$R_PID"
echo "ok"
