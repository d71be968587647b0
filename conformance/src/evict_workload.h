// The command streams of `kevy-conform evict` (evict.h): seeded, reply-independent sequences of
// key operations, so kevy-server and redis-server receive byte-identical commands.
//
// A workload is a fill (SET key:0 .. key:N-1 in order) followed by a read phase of `ops`
// operations, each a GET (counted for the hit ratio) or, with probability write_ratio, a SET of
// the same key distribution (writes keep the memory full, so the policy decides what stays):
//   uniform        keys uniform over [0, N)
//   zipf           Zipf(0.99) ranks over a seeded permutation of the keys (hot keys are not
//                  simply the first or last written)
//   scan-then-hot  a GET of every key once in order (the scan, not counted), then 90% of the
//                  operations on a hot tenth of the keys (a seeded subset), 10% uniform
//   ttl-mix        uniform keys, half of them written with a TTL
//   lru-approx     the LRU approximation test (evict.h runs it; only the fill comes from here)
// Whether key i carries a TTL is fixed per key (a seeded draw against ttl_share), and so is its
// length: 1000..9999 s, so nothing expires during a run and every disappearance is an eviction.
// ttl_share is 0.5 for ttl-mix, and for every workload under a volatile-* policy (otherwise
// they would have nothing to evict); 0 otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kevy::conformance::evict {

enum class Workload { kUniform, kZipf, kScanThenHot, kTtlMix, kLruApprox };

// "uniform", "zipf", "scan-then-hot", "ttl-mix", "lru-approx".
std::string_view workload_name(Workload w);
bool parse_workload(std::string_view name, Workload* out);
// The four statistical workloads (lru-approx is separate).
const std::vector<Workload>& statistical_workloads();

// splitmix64: small, fast, and the same sequence everywhere for a seed.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  // Uniform in [0, n), n > 0.
  uint64_t below(uint64_t n);
  // Uniform in [0, 1).
  double unit();

 private:
  uint64_t state_;
};

// Zipf(s) over ranks 0..n-1 (rank 0 the most frequent) by inverse CDF.
class ZipfSampler {
 public:
  ZipfSampler(uint64_t n, double s);
  uint64_t sample(Rng& rng) const;

 private:
  std::vector<double> cdf_;
};

struct WorkloadOptions {
  Workload workload = Workload::kUniform;
  uint64_t keys = 20000;
  uint64_t ops = 40000;
  uint64_t seed = 1;
  uint32_t value_size = 100;
  double write_ratio = 0.2;
  double ttl_share = 0.0;
  double zipf_s = 0.99;
  double hot_share = 0.1;   // scan-then-hot: the hot subset's share of the keys
  double hot_access = 0.9;  // scan-then-hot: the share of operations on the hot subset
};

enum class Phase : uint8_t { kFill, kScan, kRead };

struct Op {
  enum class Kind : uint8_t { kSet, kGet };
  Kind kind = Kind::kGet;
  Phase phase = Phase::kFill;
  uint32_t key = 0;
};

// The whole operation stream of a workload, generated lazily and deterministically.
class Generator {
 public:
  explicit Generator(const WorkloadOptions& o);
  // The next operation; false at the end.
  bool next(Op* op);
  // The TTL of key i in seconds, 0 when it has none (fixed per key).
  uint32_t ttl_seconds(uint32_t key) const { return ttl_[key]; }
  // The command for an operation: SET key value [EX ttl] or GET key.
  std::vector<std::string> command(const Op& op) const;
  const WorkloadOptions& options() const { return o_; }
  // The number of operations in each phase.
  uint64_t fill_ops() const { return o_.keys; }
  uint64_t scan_ops() const { return o_.workload == Workload::kScanThenHot ? o_.keys : 0; }
  uint64_t read_ops() const { return o_.workload == Workload::kLruApprox ? 0 : o_.ops; }

 private:
  uint32_t pick_key();

  WorkloadOptions o_;
  Rng rng_;
  std::vector<uint32_t> ttl_;
  std::vector<uint32_t> perm_;  // zipf rank -> key; scan-then-hot: the first hot_n are hot
  ZipfSampler zipf_;
  uint64_t hot_n_ = 0;
  uint64_t emitted_ = 0;
  std::string value_;
};

// "key:<i>".
std::string key_name(uint32_t key);

}  // namespace kevy::conformance::evict
