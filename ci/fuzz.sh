#!/usr/bin/env bash
# A long libFuzzer run of one target (not part of ci/test.sh, whose ASan build only replays the
# committed seeds and regressions):
#
#   ci/fuzz.sh TARGET SECONDS [libFuzzer flags...]
#
# TARGET: resp_request resp_reply rdb_load restore aof_load listpack intset ziplist_zipmap
# command_sequence command_sequence_diff restore_diff (fuzz/README.md). The *_diff targets
# spawn a redis-server 7.0.15 and write each difference as a corpus case to
# build-fuzz/failures/TARGET/.
#
# Builds fuzz_TARGET with clang 14, ASan+UBSan and coverage (build dir KEVY_FUZZ_BUILD, default
# build-fuzz) and runs it for SECONDS in one process on a working corpus (build-fuzz/corpus/
# TARGET, seeded from fuzz/seeds/TARGET and fuzz/regressions/TARGET) with fuzz/rdb.dict.
# Crashes, leaks and timeouts are written to build-fuzz/artifacts/TARGET/; to keep one as a
# regression, minimise it and copy it into fuzz/regressions/TARGET/:
#   build-fuzz/bin/fuzz_TARGET -minimize_crash=1 -runs=20000 -exact_artifact_path=min CRASH
# Exit status: libFuzzer's (0 when nothing was found in the time).
#   KEVY_CI_JOBS  build parallelism (default 2)
# shellcheck source=ci/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [[ $# -lt 2 ]]; then
  echo "usage: ci/fuzz.sh TARGET SECONDS [libFuzzer flags...]" >&2
  exit 2
fi
TARGET=$1
SECONDS_TO_RUN=$2
shift 2
if [[ ! -f "$ROOT/fuzz/fuzz_$TARGET.cc" ]]; then
  echo "ci/fuzz.sh: no fuzz/fuzz_$TARGET.cc" >&2
  exit 2
fi

BUILD=${KEVY_FUZZ_BUILD:-$ROOT/build-fuzz}
# KEVY_FUZZ_NO_BUILD=1: the binary is already built (ci/fuzz_smoke.sh builds them all once).
if [[ -z "${KEVY_FUZZ_NO_BUILD:-}" ]]; then
  CC=clang CXX=clang++ KEVY_CI_TARGET=fuzz_$TARGET configure_and_build "$BUILD" \
    -DKEVY_FUZZ=ON -DKEVY_SANITIZE=address,undefined -DKEVY_TESTS=OFF -DKEVY_BENCH=OFF
fi

CORPUS=$BUILD/corpus/$TARGET
ARTIFACTS=$BUILD/artifacts/$TARGET
mkdir -p "$CORPUS" "$ARTIFACTS"
# The differential targets read their twin's seeds; each target has its dictionary.
seeds=$TARGET dict=rdb.dict
case $TARGET in
  command_sequence_diff) seeds=command_sequence ;;
  restore_diff) seeds=restore ;;
esac
case $TARGET in
  resp_*) dict=resp.dict ;;
  command_sequence*) dict= ;;
esac
# The differential targets wait up to 10 s for redis-server (which hangs on some payloads and
# is then restarted): their inputs may take longer than the others'.
timeout=10
[[ $TARGET == *_diff ]] && timeout=30
seed_dirs=("$ROOT/fuzz/seeds/$seeds")
[[ -d "$ROOT/fuzz/regressions/$TARGET" ]] && seed_dirs+=("$ROOT/fuzz/regressions/$TARGET")
export KEVY_FUZZ_FAILURES=${KEVY_FUZZ_FAILURES:-$BUILD/failures/$TARGET}

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
step "fuzz_$TARGET for ${SECONDS_TO_RUN}s (corpus $CORPUS)"
# New inputs go into CORPUS (the first directory); the seed directories are read only.
exec "$BUILD/bin/fuzz_$TARGET" "$CORPUS" "${seed_dirs[@]}" \
  ${dict:+-dict="$ROOT/fuzz/$dict"} -max_total_time="$SECONDS_TO_RUN" -timeout="$timeout" \
  -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1 \
  -artifact_prefix="$ARTIFACTS/" "$@"
