// One server's run of an `kevy-conform evict` workload (evict.h): a fresh server (kevy-server or
// redis-server, spawned through equiv_server.h's ServerProcess in a temp dir), the maxmemory
// settings, the pipelined command stream with its probes, and the final EXISTS sweep. The
// caller runs several sides at once (one thread each) and compares what they report.
//
// Probes added to the workload's stream (the same on every side):
//   INFO memory after every SET      -> used_memory against maxmemory (MemoryTrace)
//   DBSIZE every sample_every ops    -> keys resident over time (Sample)
// Batches are small (at most kMaxProbesPerBatch INFO replies, about 1.3 KB each) so that the
// replies waiting in a server's output buffer, which Redis counts in used_memory, stay within
// its 16 KB static reply buffer and do not disturb the measurement.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "evict_checks.h"
#include "evict_workload.h"

namespace kevy::conformance::evict {

struct ServerSpec {
  std::string binary;
  std::string label;    // "redis", "kevy", "kevy(budget)"
  bool oracle = false;  // a redis-server (stopped with SIGKILL)
};

struct SideConfig {
  ServerSpec server;
  Policy policy = Policy::kAllKeysLru;
  uint64_t maxmemory = 0;  // 0: no limit (calibration)
  int samples = 5;
  WorkloadOptions workload;
  uint64_t sample_every = 1000;
  // Operations per second (0: as fast as the server answers); see stream() in evict_side.cc.
  uint64_t rate = 0;
  bool fill_only = false;         // calibration: the fill, no limit, used_memory after every write
  int lru_sleep_ms = 2200;        // lru-approx: the pause between the fill and the touches
  double lru_evict_share = 0.25;  // lru-approx: the share of the dataset's bytes to evict
  // Proves the gate can fail: after the read phase, DEL the first existing key that has no
  // TTL (a volatile-* or noeviction run must then report a lost key).
  bool fault_delete_plain = false;
};

// A point of the resident-keys series.
struct Sample {
  uint64_t op = 0;  // operations (SET/GET) done so far
  uint64_t dbsize = 0;
  uint64_t used = 0;  // the last used_memory read
};

struct LruApprox {
  uint64_t filled_used = 0;   // used_memory after the fill
  uint64_t target = 0;        // the lowered maxmemory
  uint64_t evicted = 0;       // keys gone
  uint64_t evicted_old = 0;   // of them, from the old (untouched) half
  uint64_t touch_misses = 0;  // touches of the newest half that missed (must be 0)
  double settle_ms = 0;       // until used_memory <= target (+ tolerance) and no more evictions
  bool settled = false;
  uint64_t old_keys = 0;  // the size of the old half
  double old_share() const {
    return evicted == 0 ? 0.0 : static_cast<double>(evicted_old) / static_cast<double>(evicted);
  }
  // The best share possible: 1 while no more keys went than the old half holds.
  double ideal_share() const {
    return evicted <= old_keys ? 1.0 : static_cast<double>(old_keys) / static_cast<double>(evicted);
  }
  // old_share relative to the ideal: what the gate compares (the two servers may evict a few
  // more or fewer keys for the same share of their bytes).
  double precision() const { return evicted == 0 ? 0.0 : old_share() / ideal_share(); }
};

struct SideResult {
  std::string label;
  std::string error;                 // an I/O or startup failure (then nothing else is meaningful)
  uint64_t base_used = 0;            // used_memory of the empty server
  std::vector<uint64_t> fill_curve;  // fill_only: used_memory after each fill write
  uint64_t resident_after_fill = 0;
  Tallies tallies;
  MemoryTrace memory;
  std::vector<Sample> series;
  std::vector<std::string> notes;     // KeyBook's
  std::vector<std::string> failures;  // check()'s, plus lru-approx's
  LruApprox lru;
  double max_lag_ms = 0;  // paced runs: how far behind the schedule a batch went out
  double seconds = 0;
  bool ok() const { return error.empty() && failures.empty(); }
};

// Runs one side to the end (spawns, runs, stops the server). Never throws.
SideResult run_side(const SideConfig& config, const CheckLimits& limits);

// The LRU approximation test on one side (config.workload.workload == kLruApprox): maxmemory 0,
// fill, sleep lru_sleep_ms, GET the newest half, lower maxmemory to evict lru_evict_share (a
// quarter) of the dataset's bytes, wait until used_memory is under it, then see which keys went.
SideResult run_lru_side(const SideConfig& config, const CheckLimits& limits);

}  // namespace kevy::conformance::evict
