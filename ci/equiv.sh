#!/usr/bin/env bash
# The full persistence equivalence run of issue 7: 500 generated sequences per mode through
# kevy-conform rdb-equiv and aof-equiv (kevy-server vs redis-server 7.0.15, files loaded both
# ways). CI's ctests run 20 per mode; this is the acceptance run.
#   ci/equiv.sh [BUILD_DIR]      env: SEQUENCES (500), SEED (20240611), LENGTH (80),
#                                     MODES ("rdb aof"), OUT (BUILD_DIR/reports/equiv-failures)
# Exit 0 when every mode found no difference; the failing mode's exit code otherwise (1 a
# difference, 2 an I/O error, 77 redis-server or kevy-server missing).
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
CONFORM=$BUILD/bin/kevy-conform
OUT=${OUT:-$BUILD/reports/equiv-failures}
if [[ ! -x $CONFORM || ! -x $BUILD/bin/kevy-server ]]; then
  echo "ci/equiv.sh: build kevy-conform and kevy-server in $BUILD first" >&2
  exit 2
fi
status=0
for mode in ${MODES:-rdb aof}; do
  echo "== $mode-equiv: ${SEQUENCES:-500} sequences"
  KEVY_SERVER=$BUILD/bin/kevy-server "$CONFORM" "$mode-equiv" --seed "${SEED:-20240611}" \
    --sequences "${SEQUENCES:-500}" --length "${LENGTH:-80}" --out "$OUT"
  rc=$?
  [[ $rc -ne 0 && $status -eq 0 ]] && status=$rc
done
exit $status
