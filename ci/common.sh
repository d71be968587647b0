# shellcheck shell=bash
# Shared by ci/run.sh and ci/test.sh (sourced, not run).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=${KEVY_CI_JOBS:-2}
export CTEST_PARALLEL_LEVEL=$JOBS
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-2G}

step() { printf '\n=== %s\n' "$*"; }

# configure_and_build <build dir> [extra cmake args...]
configure_and_build() {
  local dir=$1
  shift
  local gen=()
  command -v ninja >/dev/null 2>&1 && gen=(-G Ninja)
  # An existing build dir keeps its generator; only pass -G to a fresh one.
  [[ -f "$dir/CMakeCache.txt" ]] && gen=()
  step "configure $dir $*"
  cmake -S "$ROOT" -B "$dir" "${gen[@]}" -DCMAKE_BUILD_TYPE=Release "$@" || return 1
  step "build $dir (-j$JOBS)"
  # KEVY_CI_TARGET limits the build to these targets, space-separated (default: everything).
  local targets=()
  [[ -n "${KEVY_CI_TARGET:-}" ]] && read -r -a targets <<<"$KEVY_CI_TARGET"
  cmake --build "$dir" -j"$JOBS" ${targets[@]:+--target "${targets[@]}"} || return 1
}

# run_ctest <build dir> [ctest args...]
run_ctest() {
  local dir=$1
  shift
  step "ctest $dir $*"
  (cd "$dir" && ctest --output-on-failure -j"$JOBS" "$@") || return 1
}
