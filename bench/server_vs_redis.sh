#!/usr/bin/env bash
# kevy-server next to redis-server 7.0.15 under redis-benchmark, both started by this script in
# the same run (each on a free TCP port on 127.0.0.1, in a temp dir, stopped by PID):
# SET and GET with 50 clients, unpipelined (-P 1) and pipelined (-P 16). Prints a table and, as
# the last line,
#   ratios p1_set=<kevy/redis> p1_get=... p16_set=... p16_get=...
# (requests per second of kevy-server divided by redis-server's; above 1 means kevy is faster).
# Beside each rate it prints the server's CPU time per request (user+system of the server
# process, from /proc/PID/stat): on a 2-core machine the single-threaded redis-benchmark is
# often the bottleneck, so requests per second tie while CPU per request shows which server
# does less work for the same replies.
#
# Usage: bench/server_vs_redis.sh [/path/to/kevy-server]   (default: $KEVY_SERVER, else
#        build/bin/kevy-server). Environment: N=requests per test (1000000), CLIENTS=50,
#        BENCH_ARGS="extra redis-benchmark arguments" (e.g. "-r 100000 -d 64"),
#        ROUNDS=interleaved rounds (3); each server's best rate and lowest CPU per request
#        over the rounds count, so that a burst of load from elsewhere on a shared machine
#        does not decide the ratio.
# Exit 77 (skipped) when redis-server 7.0.15 or redis-benchmark is not installed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../tests/clients/server_lib.sh"
kevy_bin="${1:-${KEVY_SERVER:-$here/../build/bin/kevy-server}}"
n="${N:-1000000}"
clients="${CLIENTS:-50}"
rounds="${ROUNDS:-3}"
extra="${BENCH_ARGS:-}"

have_oracle && command -v redis-benchmark >/dev/null 2>&1 ||
  { echo "redis-server 7.0.15 / redis-benchmark not installed: skipped"; exit 77; }
[[ -x "$kevy_bin" ]] || { echo "kevy-server not found at '$kevy_bin'"; exit 2; }

clients_init
start_kevy "$kevy_bin" k || exit 1
start_redis r || exit 1

# rps PORT PIPELINE TEST: requests per second reported by redis-benchmark --csv for one test.
rps() {
  # shellcheck disable=SC2086  # BENCH_ARGS is a list of words
  redis-benchmark -h 127.0.0.1 -p "$1" -c "$clients" -n "$n" -P "$2" -t "$3" --csv $extra \
    2>/dev/null | awk -F'","' -v t="${3^^}" '$1 == "\"" t { print $2; exit }'
}

# cpu_ticks PID: user+system clock ticks the process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
tick_us=$((1000000 / $(getconf CLK_TCK)))

declare -A rate cpu
# measure NAME PORT PID PIPELINE TEST: one run; keeps in rate[] the best rate so far and in
# cpu[] the lowest server CPU microseconds per request so far.
measure() {
  local c0 c1 r u k="$1,$4,$5"
  c0=$(cpu_ticks "$3")
  r=$(rps "$2" "$4" "$5")
  c1=$(cpu_ticks "$3")
  [[ -n "$r" ]] || return
  u=$(awk -v t=$((c1 - c0)) -v us="$tick_us" -v n="$n" 'BEGIN { printf "%.2f", t * us / n }')
  if [[ -z "${rate[$k]:-}" ]] || awk -v a="$r" -v b="${rate[$k]}" 'BEGIN { exit !(a > b) }'; then
    rate[$k]=$r
  fi
  if [[ -z "${cpu[$k]:-}" ]] || awk -v a="$u" -v b="${cpu[$k]}" 'BEGIN { exit !(a < b) }'; then
    cpu[$k]=$u
  fi
}

for ((round = 0; round < rounds; ++round)); do
for p in 1 16; do
  for t in set get; do
    # Interleaved so that both servers see the same machine load.
    measure kevy "$K_PORT" "$K_PID" "$p" "$t"
    measure redis "$R_PORT" "$R_PID" "$p" "$t"
    for s in kevy redis; do
      [[ -n "${rate[$s,$p,$t]:-}" ]] || { echo "no rate for $s -P $p $t"; clients_dump_logs; exit 1; }
    done
  done
done
done
stop_server "$K_PID" || { echo "kevy-server exit status $? after SIGTERM"; exit 1; }
stop_server "$R_PID"

echo "server_vs_redis: redis-benchmark -c $clients -n $n ${extra:+$extra }(requests per second, best of $rounds)"
printf '%-8s %-4s %14s %14s %10s   %s\n' pipeline test kevy-server redis-server kevy/redis \
  "server CPU us/request kevy redis"
line="ratios"
for p in 1 16; do
  for t in set get; do
    ratio=$(awk -v a="${rate[kevy,$p,$t]}" -v b="${rate[redis,$p,$t]}" 'BEGIN { printf "%.2f", a / b }')
    printf '%-8s %-4s %14s %14s %10s   %s %s\n' "-P $p" "${t^^}" "${rate[kevy,$p,$t]}" \
      "${rate[redis,$p,$t]}" "$ratio" "${cpu[kevy,$p,$t]}" "${cpu[redis,$p,$t]}"
    line+=" p${p}_${t}=$ratio"
  done
done
echo "$line"
