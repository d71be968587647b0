#!/usr/bin/env bash
# The fuzzing smoke run of ci/test.sh: builds every libFuzzer target once (clang 14,
# ASan+UBSan, coverage; the same configure also builds the tools with clang -Werror), then runs
# each target for SECONDS (default 30) through ci/fuzz.sh, KEVY_CI_JOBS at a time. Exit 0 when
# no target found anything; the log of a failing target is printed.
#
#   ci/fuzz_smoke.sh [SECONDS]          build dir: KEVY_FUZZ_BUILD (default build-ci-fuzz)
# shellcheck source=ci/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SECONDS_EACH=${1:-30}
export KEVY_FUZZ_BUILD=${KEVY_FUZZ_BUILD:-$ROOT/build-ci-fuzz}
# Every fuzz/fuzz_<target>.cc is a target.
targets=$(cd "$ROOT/fuzz" && ls fuzz_*.cc | sed 's/^fuzz_//;s/\.cc$//' | tr '\n' ' ')
CC=clang CXX=clang++ configure_and_build "$KEVY_FUZZ_BUILD" \
  -DKEVY_FUZZ=ON -DKEVY_SANITIZE=address,undefined -DKEVY_TESTS=OFF -DKEVY_BENCH=OFF || exit 1

logs=$KEVY_FUZZ_BUILD/smoke-logs
mkdir -p "$logs"
step "fuzz smoke: ${SECONDS_EACH}s per target, $JOBS at a time: $targets"
status=0
# shellcheck disable=SC2086
printf '%s\n' $targets | KEVY_FUZZ_NO_BUILD=1 xargs -P "$JOBS" -I{} bash -c \
  '"$0"/fuzz.sh {} "$1" >"$2"/{}.log 2>&1 && echo "  {}: ok" || { echo "  {}: FAILED"; exit 1; }' \
  "$ROOT/ci" "$SECONDS_EACH" "$logs" || status=1
for t in $targets; do
  # Executions, coverage and corpus size: libFuzzer's last status line.
  line=$(grep -E "^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)" "$logs/$t.log" | tail -1 || true)
  echo "  $t: ${line:-no libFuzzer status line}"
  if ! grep -q 'DONE' "$logs/$t.log"; then
    echo "---- $t (last lines of $logs/$t.log)"
    tail -40 "$logs/$t.log" || true
  fi
done
exit $status
