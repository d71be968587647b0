#!/usr/bin/env bash
# Main CI job: install packages, build Release, run the Redis conformance test and report.
# Exit status is non-zero when anything fails.
#   KEVY_CI_BUILD  build dir (default build-ci)     KEVY_CI_JOBS  parallelism (default 2)
#   KEVY_CI_BENCH=0  skip the 1M-key store benchmark at the end (informational, ~20 s)
# shellcheck source=ci/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BUILD=${KEVY_CI_BUILD:-$ROOT/build-ci}

"$ROOT/ci/setup.sh"
if ! configure_and_build "$BUILD"; then
  echo "ci/run.sh: FAILED (build)"
  exit 1
fi

declare -A result
status=0
n_conf=$(cd "$BUILD" && ctest -N -R conformance | sed -n 's/^Total Tests: //p')
if [[ "${n_conf:-0}" -gt 0 ]]; then
  # The main job exists to gate on Redis compatibility: a skipped conformance test (no
  # redis-server to compare with) is a failure here, not a pass.
  if ! run_ctest "$BUILD" -R conformance 2>&1 | tee "$BUILD/conformance.log"; then
    result[conformance]=FAIL; status=1
  elif grep -q -- '\*\*\*Skipped\|Not Run' "$BUILD/conformance.log"; then
    result[conformance]="FAIL (skipped: is redis-server installed?)"; status=1
  else
    result[conformance]=pass
  fi
else
  echo "ci/run.sh: no conformance test registered yet (ctest -R conformance matched 0 tests);" \
       "running the unit tests instead"
  result[conformance]="absent"
  if run_ctest "$BUILD" -E "conformance|example_|bench_"; then result[unit]=pass; else result[unit]=FAIL; status=1; fi
fi

bench_line=""
if [[ "${KEVY_CI_BENCH:-1}" != 0 && -x "$BUILD/bin/kevy-bench-store" ]]; then
  step "benchmark kevy-bench-store (1M keys)"
  if "$BUILD/bin/kevy-bench-store" | tee "$BUILD/bench-store.txt"; then
    bench_line=$(tail -n 1 "$BUILD/bench-store.txt")
    result[bench]=ran
  else
    result[bench]=FAIL
    status=1
  fi
fi

step "summary"
for k in "${!result[@]}"; do printf '  %-12s %s\n' "$k" "${result[$k]}"; done
[[ -n "$bench_line" ]] && echo "  $bench_line"
if [[ $status -eq 0 ]]; then echo "ci/run.sh: OK"; else echo "ci/run.sh: FAILED"; fi
exit $status
