#!/usr/bin/env bash
# The short eviction run of issue 8 for CI: kevy-conform evict, kevy-server against
# redis-server 7.0.15, on a representative subset (each policy family on the workload that
# tells it apart, noeviction, and the LRU approximation test); under a minute on 2 cores. The
# full table is `kevy-conform evict --all` (every policy x workload).
#   ci/evict.sh [BUILD_DIR]      env: KEYS (12000), OPS (24000), RATE (10000 ops/s), SEED (1),
#                                     OUT (BUILD_DIR/reports): evict.md is written there
# The hit ratios are compared at this size because their noise (redis against redis, see
# --kevy-target redis-server) is about 0.5 points here, against 1 point at 4000 keys.
# Exit 0 when every invariant holds, every hit ratio at the same key budget is within 2 points
# of redis's, and the LRU test's share is at least redis's minus 2 points; otherwise the failing
# run's exit code (1 a failed check, 2 an error, 77 redis-server or kevy-server missing).
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd) || exit 2
CONFORM=$BUILD/bin/kevy-conform
OUT=${OUT:-$BUILD/reports}
if [[ ! -x $CONFORM || ! -x $BUILD/bin/kevy-server ]]; then
  echo "ci/evict.sh: build kevy-conform and kevy-server in $BUILD first" >&2
  exit 2
fi
mkdir -p "$OUT"
KEVY_SERVER=$BUILD/bin/kevy-server exec "$CONFORM" evict --seed "${SEED:-1}" \
  --cases allkeys-lru/zipf,allkeys-lfu/scan-then-hot,allkeys-random/uniform,volatile-lru/ttl-mix,volatile-ttl/ttl-mix,noeviction/uniform,allkeys-lru/lru-approx \
  --keys "${KEYS:-12000}" --ops "${OPS:-24000}" --rate "${RATE:-10000}" --markdown "$OUT/evict.md"
