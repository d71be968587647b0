#!/usr/bin/env bash
# Every test, twice: a Release build and an ASan+UBSan build (benchmarks off there; it also
# replays the fuzz seeds and regressions); then the threaded tests (store lock, background
# expiry) under TSan, and a clang 14 build of everything but the tests, with a 30 s smoke run
# of every libFuzzer target.
# Exit status is non-zero on any failure. Builds dominate the time: a cold Release build of
# every target takes about 8-10 CPU-minutes (test code is compiled at -O0, recorded oracle
# tables are read from tests/data at run time rather than compiled in).
#   KEVY_CI_JOBS  parallelism (default 2)
# shellcheck source=ci/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RELEASE=${KEVY_CI_BUILD:-$ROOT/build-ci}
ASAN=${KEVY_CI_ASAN_BUILD:-$ROOT/build-ci-asan}

"$ROOT/ci/setup.sh"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
declare -a summary

# check <name> <build dir> [cmake args...]: build, then ctest; records the outcome.
# CTEST_EXTRA (optional) is passed to ctest.
check() {
  local name=$1 dir=$2
  shift 2
  if ! configure_and_build "$dir" "$@"; then
    summary+=("$name: BUILD FAILED"); status=1
  elif ! run_ctest "$dir" ${CTEST_EXTRA:-}; then
    summary+=("$name: TESTS FAILED"); status=1
  else
    summary+=("$name: pass")
  fi
}

check release "$RELEASE"
# RelWithDebInfo: optimised like Release, with line numbers in sanitizer reports.
# The tests that run only redis-server against itself or the recorded corpus (no kevy code)
# ran in the release pass; the sanitizer pass leaves them out.
CTEST_EXTRA="-E ^(corpus_true_of_redis|conform_replay_redis|conform_props_redis_vs_redis)$" \
  check asan+ubsan "$ASAN" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKEVY_SANITIZE=address,undefined -DKEVY_BENCH=OFF

# clang 14 must build the product warning-free too (-Werror): the engine library, the tools
# (kevy-server, kevy-cli, kevy-check) and the conformance harness, here with ASan+UBSan and
# libFuzzer coverage, which also gives the libFuzzer targets: each then runs a 30 s smoke
# (ci/fuzz_smoke.sh; long runs are ci/fuzz.sh's). Test binaries are left out (KEVY_TESTS=OFF):
# g++ builds and runs them above, and compiling them a third time cost minutes of the budget.
if KEVY_FUZZ_BUILD="${KEVY_CI_CLANG_BUILD:-$ROOT/build-ci-clang}" \
    "$ROOT/ci/fuzz_smoke.sh" "${KEVY_CI_FUZZ_SECONDS:-30}"; then
  summary+=("clang 14 build + fuzz smoke: pass")
else
  summary+=("clang 14 build + fuzz smoke: FAILED"); status=1
fi

# TSan for the code that runs threads: the store's lock, the background expiry thread, the
# server's event-loop thread, the AOF's fsync and rewrite threads.
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
TSAN=${KEVY_CI_TSAN_BUILD:-$ROOT/build-ci-tsan}
# Only the binaries with threaded tests are built here: the unit tests, and the test-double
# toolkit's (a server thread, the test's thread and the toolkit's command hook) with its example.
if ! KEVY_CI_TARGET="kevy_unit_tests kevy_testing_tests rate_limiter_test" configure_and_build "$TSAN" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKEVY_SANITIZE=thread -DKEVY_BENCH=OFF; then
  summary+=("tsan (threads): BUILD FAILED"); status=1
elif ! run_ctest "$TSAN" -R 'Store|ActiveExpire|Thread|ServerTest|ServerClientsTest|ServerBlockingTest|AofTest|PubSub|ServerFixtureTest|TimeTest|FaultsTest|example_rate_limiter'; then
  summary+=("tsan (threads): TESTS FAILED"); status=1
else
  summary+=("tsan (threads): pass")
fi

step "summary"
printf '  %s\n' "${summary[@]}"
if [[ $status -eq 0 ]]; then echo "ci/test.sh: OK"; else echo "ci/test.sh: FAILED"; fi
exit $status
