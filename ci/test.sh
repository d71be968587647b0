#!/usr/bin/env bash
# Every test, twice: a Release build and an ASan+UBSan build (benchmarks off there); then the
# threaded tests (store lock, background expiry) under TSan, and a clang 14 build.
# Exit status is non-zero on any failure. About 5-15 minutes on 2 cores with a cold ccache.
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
check() {
  local name=$1 dir=$2
  shift 2
  if ! configure_and_build "$dir" "$@"; then
    summary+=("$name: BUILD FAILED"); status=1
  elif ! run_ctest "$dir"; then
    summary+=("$name: TESTS FAILED"); status=1
  else
    summary+=("$name: pass")
  fi
}

check release "$RELEASE"
# RelWithDebInfo: optimised like Release, with line numbers in sanitizer reports.
check asan+ubsan "$ASAN" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKEVY_SANITIZE=address,undefined -DKEVY_BENCH=OFF

# clang 14 must build the whole tree warning-free too (-Werror); its tests ran above with g++.
if CC=clang CXX=clang++ configure_and_build "${KEVY_CI_CLANG_BUILD:-$ROOT/build-ci-clang}" \
    -DKEVY_BENCH=OFF; then
  summary+=("clang 14 build: pass")
else
  summary+=("clang 14 build: BUILD FAILED"); status=1
fi

# TSan for the code that runs threads: the store's lock, the background expiry thread, the
# server's event-loop thread.
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
TSAN=${KEVY_CI_TSAN_BUILD:-$ROOT/build-ci-tsan}
# Only the unit-test binary is built here: that is where the threaded tests live.
if ! KEVY_CI_TARGET=kevy_unit_tests configure_and_build "$TSAN" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKEVY_SANITIZE=thread -DKEVY_BENCH=OFF; then
  summary+=("tsan (threads): BUILD FAILED"); status=1
elif ! run_ctest "$TSAN" -R 'Store|ActiveExpire|Thread|ServerTest|ServerClientsTest'; then
  summary+=("tsan (threads): TESTS FAILED"); status=1
else
  summary+=("tsan (threads): pass")
fi

step "summary"
printf '  %s\n' "${summary[@]}"
if [[ $status -eq 0 ]]; then echo "ci/test.sh: OK"; else echo "ci/test.sh: FAILED"; fi
exit $status
