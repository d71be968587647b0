#!/usr/bin/env bash
# A long fuzzing campaign measured in CPU time rather than wall time: each TARGET is run through
# ci/fuzz.sh in chunks (at most CHUNK wall seconds each, on its persistent working corpus) until
# the fuzzer process has used CPU_SECONDS of CPU. Other work on the machine can then slow a
# campaign down but not shorten it. The *_diff targets spend most of their time waiting for
# redis-server (whose CPU is not the fuzzer's): they run for CPU_SECONDS of wall time instead.
#
#   ci/fuzz_campaign.sh CPU_SECONDS TARGET [TARGET...]
#
# Runs at the niceness it is started with (`nice -n 19 ci/fuzz_campaign.sh ...` leaves the
# machine to interactive work). Per chunk, one line goes to build-fuzz/campaign/summary.tsv:
#   target  chunk  wall_s  cpu_s  total_s  execs  execs_per_s  cov  ft  corpus  rc
# (total_s: the budget used so far, CPU or, for *_diff, wall seconds)
# and libFuzzer's log to build-fuzz/campaign/TARGET.N.log. Stops at the first target that finds
# something (rc != 0); its artifact is in build-fuzz/artifacts/TARGET/.
#   KEVY_FUZZ_CHUNK   wall seconds per chunk (default 600)
#   KEVY_FUZZ_NO_BUILD=1  use the binaries already in build-fuzz
# shellcheck source=ci/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [[ $# -lt 2 ]]; then
  echo "usage: ci/fuzz_campaign.sh CPU_SECONDS TARGET [TARGET...]" >&2
  exit 2
fi
CPU_BUDGET=$1
shift
CHUNK=${KEVY_FUZZ_CHUNK:-600}
BUILD=${KEVY_FUZZ_BUILD:-$ROOT/build-fuzz}
OUT=$BUILD/campaign
mkdir -p "$OUT"
SUMMARY=$OUT/summary.tsv
[[ -f $SUMMARY ]] ||
  printf 'target\tchunk\twall_s\tcpu_s\ttotal_s\texecs\texecs_per_s\tcov\tft\tcorpus\trc\n' \
    >"$SUMMARY"

# Prints "execs execs_per_s cov ft corpus" from a libFuzzer log (its last status line and its
# final stats).
libfuzzer_numbers() {
  local log=$1 status execs rate cov ft corp
  status=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$status")
  echo "${execs:--} ${rate:--} ${cov:--} ${ft:--} ${corp:--}"
}

for target in "$@"; do
  used=0 chunk=0
  while ((used < CPU_BUDGET)); do
    chunk=$((chunk + 1))
    left=$((CPU_BUDGET - used))
    wall=$((left < CHUNK ? left : CHUNK))
    ((wall < 10)) && wall=10
    log=$OUT/$target.$chunk.log
    start=$(date +%s)
    # GNU time reports the CPU of the fuzzer and of every child it waited for.
    rc=0
    /usr/bin/time -f '%U %S' -o "$OUT/$target.$chunk.cpu" \
      env KEVY_FUZZ_NO_BUILD=${KEVY_FUZZ_NO_BUILD:-} "$ROOT/ci/fuzz.sh" "$target" "$wall" \
      >"$log" 2>&1 || rc=$?
    [[ -n ${KEVY_FUZZ_NO_BUILD:-} ]] || export KEVY_FUZZ_NO_BUILD=1 # built once per campaign
    elapsed=$(($(date +%s) - start))
    cpu=$(awk 'END { printf "%d", $1 + $2 }' "$OUT/$target.$chunk.cpu")
    if [[ $target == *_diff ]]; then
      used=$((used + elapsed))
    else
      used=$((used + cpu))
    fi
    read -r execs rate cov ft corp < <(libfuzzer_numbers "$log")
    printf '%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%d\n' "$target" "$chunk" "$elapsed" "$cpu" \
      "$used" "$execs" "$rate" "$cov" "$ft" "$corp" "$rc" >>"$SUMMARY"
    if ((rc != 0)); then
      echo "fuzz_campaign: $target found something (rc $rc); see $log" >&2
      tail -40 "$log" >&2
      exit "$rc"
    fi
    # A chunk that used almost no CPU means the machine is saturated or the target is stuck.
    if [[ $target != *_diff ]] && ((cpu < wall / 20)); then
      echo "fuzz_campaign: $target used ${cpu}s CPU in ${elapsed}s; stopping" >&2
      exit 1
    fi
  done
  echo "fuzz_campaign: $target done, ${used}s in $chunk chunks"
done
