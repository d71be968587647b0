// What the evict mode's driver (evict.cc) and its report (evict_report.cc) share: the options,
// the binaries and the outcome of one policy x workload.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "evict_checks.h"
#include "evict_side.h"
#include "evict_workload.h"

namespace kevy::conformance::evict {

enum class Compare { kBoth, kSameMaxmemory, kSameBudget };

// A side this far behind the pace sees its LRU clock tick at other operations than the others.
constexpr double kLagWarningMs = 250;

struct Options {
  std::vector<Policy> policies = {Policy::kAllKeysLru};
  std::vector<Workload> workloads = {Workload::kZipf};
  std::vector<std::pair<Policy, Workload>> cases;  // --cases: these pairs instead of a product
  uint64_t maxmemory_bytes = 0;
  double maxmemory_percent = 70;
  uint64_t keys = 20000;
  uint64_t ops = 40000;
  uint64_t seed = 1;
  int samples = 5;
  uint32_t value_size = 100;
  double write_ratio = 0.2;
  double ttl_share = -1;      // < 0: by workload and policy (evict_workload.h)
  uint64_t sample_every = 0;  // 0: about 20 samples per run
  uint64_t rate = 10000;      // operations per second per side (0: unpaced)
  Compare compare = Compare::kBoth;
  double max_gap_pp = 2.0;
  CheckLimits limits;
  int lru_sleep_ms = 2200;
  double lru_evict_share = 0.25;
  int budget_rounds = 2;  // re-runs of the budget side to match redis's resident count
  bool fault = false;
  std::string kevy_target = "kevy-server";
  std::string markdown;
};

struct Binaries {
  ServerSpec redis;
  ServerSpec kevy;  // may be a redis-server too (--kevy-target redis-server)
  bool kevy_is_redis = false;
};

struct CaseResult {
  Policy policy;
  Workload workload;
  uint64_t m_redis = 0, m_budget = 0;
  uint64_t m_budget_first = 0;  // before matching the resident count
  int budget_reruns = 0;
  uint64_t redis_fit = 0;  // keys redis holds at m_redis (from the calibration)
  std::optional<SideResult> redis, same_mm, budget;  // statistical workloads
  std::optional<SideResult> lru_redis, lru_kevy;     // lru-approx
  std::vector<std::string> failures;                 // "<side>: <what>" and gates
  bool io_error = false;
  double gap_pp = 0;
  bool has_gap = false;
};

// "3577 kB", "12.5 MB", "800 B".
std::string fmt_bytes(uint64_t b);
// 0.8761 -> "87.61%".
std::string fmt_pct(double v, int decimals = 2);
// The sides of a statistical case, in column order (redis, kevy same-mm, kevy budget).
std::vector<const SideResult*> sides(const CaseResult& c);
// The side-by-side report of one case, with the resident-keys series.
void print_detail(const Options& o, const Binaries& bin, const CaseResult& c, std::ostream& out);
// One Markdown table for all statistical cases, one for the LRU tests.
std::string markdown_table(const Options& o, const std::vector<CaseResult>& cases);

}  // namespace kevy::conformance::evict
