// The bookkeeping and policy invariants of `kevy-conform evict` (evict.h), free of any I/O so
// unit tests can feed them replies that break each invariant.
//
// KeyBook follows every key through the replies one server gave: a SET that got +OK leaves
// the key written with or without a TTL (and its expiry time); a SET that got the OOM error
// leaves it as it was; GETs count hits; at the end EXISTS says which keys are still there. As
// no key is deleted and no TTL ends during a run, a written key that is gone was evicted.
// check() then applies the invariants of the policy:
//   every policy      the only error a write may get is the exact OOM text; a key whose every
//                     write was refused does not exist; keys gone <= INFO evicted_keys;
//                     used_memory after each accepted write <= maxmemory (1 + tolerance)
//   noeviction        nothing is evicted (evicted_keys 0, no written key missing, no GET miss
//                     on a written key)
//   allkeys-*         no write is refused (there is always a key to evict)
//   volatile-*        a key written without TTL is never evicted (GET hits it while it has
//                     no TTL; it exists at the end)
//   volatile-ttl      the evicted volatile keys had clearly less TTL left than the survivors:
//                     mean remaining TTL of evicted <= ttl_ratio_max x survivors'
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kevy::conformance::evict {

enum class Policy {
  kNoEviction,
  kAllKeysLru,
  kAllKeysLfu,
  kAllKeysRandom,
  kVolatileLru,
  kVolatileLfu,
  kVolatileRandom,
  kVolatileTtl
};

std::string_view policy_name(Policy p);
bool parse_policy(std::string_view name, Policy* out);
const std::vector<Policy>& all_policies();
bool is_volatile(Policy p);
bool is_allkeys(Policy p);

// The exact reply Redis gives to a write it refuses.
inline constexpr std::string_view kOomReply =
    "-OOM command not allowed when used memory > 'maxmemory'.\r\n";

// What one server did, in numbers.
struct Tallies {
  uint64_t writes = 0;        // SETs sent
  uint64_t writes_ok = 0;     // answered +OK
  uint64_t oom_errors = 0;    // answered exactly kOomReply
  uint64_t other_errors = 0;  // any other reply to a SET
  uint64_t reads = 0;         // GETs in the read phase (the hit ratio's denominator)
  uint64_t hits = 0;
  uint64_t scan_reads = 0;  // GETs of the scan (scan-then-hot)
  uint64_t scan_hits = 0;
  // From the final EXISTS of every key.
  uint64_t resident_end = 0;
  uint64_t missing_written = 0;     // written (+OK at least once) and gone
  uint64_t missing_plain = 0;       // of those, last written without TTL
  uint64_t evicted_volatile = 0;    // gone, last written with a TTL
  uint64_t surviving_volatile = 0;  // there, with a TTL
  double evicted_ttl_left_s = 0;    // mean TTL left at the end (by the harness clock)
  double surviving_ttl_left_s = 0;
  uint64_t phantom_keys = 0;  // exist although no write of them was accepted
  uint64_t lost_reads = 0;    // GET misses the policy forbids (see check())

  double hit_ratio() const { return reads == 0 ? 0.0 : static_cast<double>(hits) / reads; }
};

// What INFO said along the way.
struct MemoryTrace {
  uint64_t maxmemory = 0;
  uint64_t probes = 0;        // INFO memory reads after accepted writes
  uint64_t max_used = 0;      // highest used_memory seen after an accepted write
  uint64_t max_used_op = 0;   // the operation (1-based, fill included) after which it was seen
  uint64_t probes_over = 0;   // after an accepted write, used_memory > maxmemory
  uint64_t evicted_keys = 0;  // INFO stats at the end
  double max_ratio() const {
    return maxmemory == 0 ? 0.0 : static_cast<double>(max_used) / static_cast<double>(maxmemory);
  }
};

struct CheckLimits {
  double memory_tolerance = 0.01;  // used_memory may exceed maxmemory by this share
  double ttl_ratio_max = 0.75;     // volatile-ttl: evicted mean TTL left / survivors'
  uint64_t ttl_min_evicted = 20;   // volatile-ttl: fewer evicted volatile keys prove nothing
};

class KeyBook {
 public:
  KeyBook(uint32_t keys, Policy policy);
  // The reply to SET key (with ttl_s > 0: EX ttl_s) sent at now_ms (harness clock).
  void on_set(uint32_t key, uint32_t ttl_s, int64_t now_ms, std::string_view reply);
  // The reply to GET key; `scan` for the scan phase, `counted` for the read phase.
  void on_get(uint32_t key, std::string_view reply, bool counted, bool scan);
  // The final EXISTS of a key, at now_ms.
  void on_exists(uint32_t key, bool exists, int64_t now_ms);
  // Call once after every on_exists: computes the means.
  void finish();
  const Tallies& tallies() const { return t_; }
  // Failed checks found while following replies (GET misses the policy forbids, unexpected
  // replies, phantom keys), the first few spelled out.
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  enum class State : uint8_t { kNever, kPlain, kVolatile };
  void note(std::string text);

  Policy policy_;
  std::vector<State> state_;
  std::vector<int64_t> expire_at_ms_;
  Tallies t_;
  double evicted_sum_ = 0, surviving_sum_ = 0;
  std::vector<std::string> notes_;
  uint64_t notes_dropped_ = 0;
};

// The invariants of `policy` over one server's tallies and trace; one line per failure.
std::vector<std::string> check(Policy policy, const Tallies& t, const MemoryTrace& m,
                               const std::vector<std::string>& book_notes,
                               const CheckLimits& limits);

// A --maxmemory value: bytes with Redis's units (500kb = 512000, 2mb, 1gb; k, m, g are powers
// of 1000) into *bytes, or "N%" into *percent (0 < N <= 100). False on anything else.
bool parse_memory_spec(std::string_view text, uint64_t* bytes, double* percent);

// "used_memory:<n>" from an INFO reply (bulk string bytes or its text); false when absent.
bool info_field(std::string_view info, std::string_view field, uint64_t* out);

}  // namespace kevy::conformance::evict
