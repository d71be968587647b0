// The `kevy-conform evict` mode (see evict.h): flags, calibration, the key budget, running the
// sides of each policy x workload at once, and the exit code (the report: evict_report.cc).
#include "evict.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "evict_checks.h"
#include "evict_internal.h"
#include "evict_side.h"
#include "evict_workload.h"
#include "modes.h"
#include "targets.h"

namespace kevy::conformance {
namespace evict {
namespace {

// ---- flags ----------------------------------------------------------------------------------

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, ',')) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

bool parse_u64(const std::string& s, uint64_t* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (*end != '\0' || s[0] == '-') return false;
  *out = v;
  return true;
}

bool parse_double(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (*end != '\0' || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

bool parse_args(const std::vector<std::string>& args, Options* o, std::string* error) {
  FlagReader reader(args);
  std::vector<std::string> positional;
  std::string bad;
  bool all = false;
  auto on_flag = [&](const std::string& name) {
    std::string v;
    auto num = [&](uint64_t* out) {
      if (reader.value(&v) && !parse_u64(v, out)) bad = name + " needs a whole number: " + v;
      return true;
    };
    auto dbl = [&](double* out) {
      if (reader.value(&v) && !parse_double(v, out)) bad = name + " needs a number: " + v;
      return true;
    };
    if (name == "--policy") {
      if (!reader.value(&v)) return true;
      o->policies.clear();
      for (const std::string& p : split_commas(v)) {
        Policy pol;
        if (!parse_policy(p, &pol))
          bad = "unknown policy " + p;
        else
          o->policies.push_back(pol);
      }
      return true;
    }
    if (name == "--workload") {
      if (!reader.value(&v)) return true;
      o->workloads.clear();
      for (const std::string& w : split_commas(v)) {
        Workload wl;
        if (!parse_workload(w, &wl))
          bad = "unknown workload " + w;
        else
          o->workloads.push_back(wl);
      }
      return true;
    }
    if (name == "--maxmemory") {
      if (reader.value(&v) && !parse_memory_spec(v, &o->maxmemory_bytes, &o->maxmemory_percent)) {
        bad = "--maxmemory is bytes (2mb, 500kb, 3000000) or a share N% (0 < N <= 100): " + v;
      }
      return true;
    }
    if (name == "--cases") {
      if (!reader.value(&v)) return true;
      for (const std::string& pair : split_commas(v)) {
        const size_t slash = pair.find('/');
        Policy pol;
        Workload wl;
        if (slash == std::string::npos || !parse_policy(pair.substr(0, slash), &pol) ||
            !parse_workload(pair.substr(slash + 1), &wl)) {
          bad = "--cases takes policy/workload pairs (allkeys-lru/zipf,...): " + pair;
        } else if (wl == Workload::kLruApprox && pol != Policy::kAllKeysLru &&
                   pol != Policy::kVolatileLru) {
          bad = "lru-approx needs allkeys-lru or volatile-lru: " + pair;
        } else {
          o->cases.emplace_back(pol, wl);
        }
      }
      return true;
    }
    if (name == "--all") {
      all = true;
      return true;
    }
    if (name == "--keys") return num(&o->keys);
    if (name == "--ops") return num(&o->ops);
    if (name == "--seed") return num(&o->seed);
    if (name == "--sample-every") return num(&o->sample_every);
    if (name == "--rate") return num(&o->rate);
    if (name == "--samples") {
      uint64_t n = 0;
      num(&n);
      o->samples = static_cast<int>(std::min<uint64_t>(n, 64));
      return true;
    }
    if (name == "--value-size") {
      uint64_t n = 0;
      num(&n);
      o->value_size = static_cast<uint32_t>(std::min<uint64_t>(n, 1 << 20));
      return true;
    }
    if (name == "--lru-sleep-ms") {
      uint64_t n = 0;
      num(&n);
      o->lru_sleep_ms = static_cast<int>(std::min<uint64_t>(n, 60000));
      return true;
    }
    if (name == "--write-ratio") return dbl(&o->write_ratio);
    if (name == "--lru-evict") return dbl(&o->lru_evict_share);
    if (name == "--budget-rounds") {
      uint64_t n = 0;
      num(&n);
      o->budget_rounds = static_cast<int>(std::min<uint64_t>(n, 5));
      return true;
    }
    if (name == "--fault") {
      if (reader.value(&v) && v != "delete") bad = "--fault takes 'delete'";
      o->fault = true;
      return true;
    }
    if (name == "--ttl-share") return dbl(&o->ttl_share);
    if (name == "--max-gap") return dbl(&o->max_gap_pp);
    if (name == "--ttl-ratio") return dbl(&o->limits.ttl_ratio_max);
    if (name == "--tolerance") {
      double pct = 1.0;
      dbl(&pct);
      o->limits.memory_tolerance = pct / 100.0;
      return true;
    }
    if (name == "--compare") {
      if (!reader.value(&v)) return true;
      if (v == "both")
        o->compare = Compare::kBoth;
      else if (v == "same-maxmemory")
        o->compare = Compare::kSameMaxmemory;
      else if (v == "same-budget" || v == "same-key-budget")
        o->compare = Compare::kSameBudget;
      else
        bad = "--compare is both, same-maxmemory or same-budget: " + v;
      return true;
    }
    if (name == "--kevy-target") return reader.value(&o->kevy_target), true;
    if (name == "--markdown") return reader.value(&o->markdown), true;
    return false;
  };
  if (!reader.parse(&positional, on_flag, error)) return false;
  if (!bad.empty()) {
    *error = bad;
    return false;
  }
  if (!positional.empty()) {
    *error = "unexpected argument " + positional[0];
    return false;
  }
  if (all) {
    o->policies = all_policies();
    o->workloads = statistical_workloads();
    o->workloads.push_back(Workload::kLruApprox);
  }
  if (o->keys < 16 || o->keys > 10000000) {
    *error = "--keys must be between 16 and 10000000";
    return false;
  }
  if (o->value_size < 8) {
    *error = "--value-size must be at least 8";
    return false;
  }
  if (o->write_ratio < 0 || o->write_ratio > 1) {
    *error = "--write-ratio must be within 0..1";
    return false;
  }
  if (!(o->lru_evict_share > 0 && o->lru_evict_share < 1)) {
    *error = "--lru-evict must be within (0, 1)";
    return false;
  }
  if (o->policies.empty() || o->workloads.empty()) {
    *error = "no policy or no workload";
    return false;
  }
  return true;
}

// ---- servers ---------------------------------------------------------------------------------

// False with *error; *unavailable when the failure is only a missing binary.
bool find_binaries(const Options& o, Binaries* b, std::string* error, bool* unavailable) {
  *unavailable = true;
  std::optional<std::string> redis = RedisServer::find_oracle(error);
  if (!redis) return false;
  b->redis = {*redis, "redis", true};
  if (o.kevy_target == "redis-server") {
    b->kevy = {*redis, "kevy", true};
    b->kevy_is_redis = true;
  } else if (o.kevy_target == "kevy-server") {
    std::optional<std::string> kevy = RedisServer::find_kevy_binary();
    if (!kevy) {
      *error = "kevy-server not found next to kevy-conform (nor $KEVY_SERVER set)";
      return false;
    }
    b->kevy = {*kevy, "kevy", false};
  } else {
    b->kevy = {o.kevy_target, "kevy", false};
  }
  // The servers run in their own directories: a relative path would not be found there.
  std::error_code ec;
  b->kevy.binary = std::filesystem::absolute(b->kevy.binary, ec).string();
  b->redis.binary = std::filesystem::absolute(b->redis.binary, ec).string();
  *unavailable = false;
  return true;
}

// ---- calibration and budgets ------------------------------------------------------------------

struct Calibration {
  uint64_t base = 0;
  std::vector<uint64_t> curve;  // used_memory after fill write i
  uint64_t full() const { return curve.empty() ? base : curve.back(); }
  double per_key() const {
    return curve.empty() ? 0.0 : static_cast<double>(full() - base) / curve.size();
  }
  // Keys that fit under `limit` (the first fill write that went above it).
  uint64_t keys_fitting(uint64_t limit) const {
    auto it = std::find_if(curve.begin(), curve.end(), [&](uint64_t u) { return u > limit; });
    return static_cast<uint64_t>(it - curve.begin());
  }
  // A maxmemory holding `keys` keys: halfway between the cost of `keys` and `keys + 1`.
  uint64_t limit_for(uint64_t keys) const {
    if (curve.empty()) return base;
    if (keys == 0) return base;
    if (keys >= curve.size()) return full() + static_cast<uint64_t>(per_key());
    return (curve[keys - 1] + curve[keys]) / 2;
  }
};

struct CalibrationPair {
  Calibration redis, kevy;
  // How far the key budget had to move from the calibration's prediction in the last case
  // (allkeys/noeviction, volatile): the next case starts there.
  double budget_scale[2] = {1.0, 1.0};
};

WorkloadOptions workload_options(const Options& o, Policy p, Workload w) {
  WorkloadOptions wo;
  wo.workload = w;
  wo.keys = o.keys;
  wo.ops = o.ops;
  wo.seed = o.seed;
  wo.value_size = o.value_size;
  wo.write_ratio = o.write_ratio;
  if (o.ttl_share >= 0)
    wo.ttl_share = o.ttl_share;
  else if (w == Workload::kLruApprox)
    wo.ttl_share = is_volatile(p) ? 1.0 : 0.0;
  else
    wo.ttl_share = (w == Workload::kTtlMix || is_volatile(p)) ? 0.5 : 0.0;
  return wo;
}

// Runs `configs` at once, one thread each.
template <typename F>
std::vector<SideResult> run_parallel(const std::vector<SideConfig>& configs, F run) {
  std::vector<SideResult> results(configs.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < configs.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = run(configs[i]); });
  }
  for (std::thread& t : threads) t.join();
  return results;
}

// ---- one policy x workload -------------------------------------------------------------------

void collect_failures(CaseResult& c, const std::optional<SideResult>& s) {
  if (!s) return;
  if (!s->error.empty()) {
    c.failures.push_back(s->label + ": " + s->error);
    c.io_error = true;
  }
  for (const std::string& f : s->failures) c.failures.push_back(s->label + ": " + f);
}

CaseResult run_case(const Options& o, const Binaries& bin, Policy p, Workload w,
                    std::map<double, CalibrationPair>& calibrations, std::ostream& log) {
  CaseResult c{p, w};
  const WorkloadOptions wo = workload_options(o, p, w);
  SideConfig base;
  base.policy = p;
  base.samples = o.samples;
  base.workload = wo;
  base.lru_sleep_ms = o.lru_sleep_ms;
  base.lru_evict_share = o.lru_evict_share;
  base.rate = o.rate;
  base.sample_every = o.sample_every != 0
                          ? o.sample_every
                          : std::max<uint64_t>(1, (wo.keys * (w == Workload::kScanThenHot ? 2 : 1) +
                                                   (w == Workload::kLruApprox ? 0 : wo.ops)) /
                                                      20);
  if (w == Workload::kLruApprox) {
    SideConfig r = base, k = base;
    r.server = bin.redis;
    k.server = bin.kevy;
    const CheckLimits limits = o.limits;
    auto results = run_parallel(
        {r, k}, [&limits](const SideConfig& cfg) { return run_lru_side(cfg, limits); });
    c.lru_redis = std::move(results[0]);
    c.lru_kevy = std::move(results[1]);
    collect_failures(c, c.lru_redis);
    collect_failures(c, c.lru_kevy);
    if (!c.io_error) {
      c.gap_pp = (c.lru_kevy->lru.precision() - c.lru_redis->lru.precision()) * 100.0;
      c.has_gap = true;
      if (c.gap_pp < -o.max_gap_pp) {
        char buf[220];
        std::snprintf(buf, sizeof buf,
                      "lru-approx: kevy evicted %.2f%% of the ideal share from the old half, "
                      "redis %.2f%% (kevy must be >= redis - %.2f pp)",
                      c.lru_kevy->lru.precision() * 100, c.lru_redis->lru.precision() * 100,
                      o.max_gap_pp);
        c.failures.push_back(buf);
      }
    }
    return c;
  }

  // Calibration (once per fill: the fill depends on the TTL share only).
  auto cal_it = calibrations.find(wo.ttl_share);
  if (cal_it == calibrations.end()) {
    SideConfig r = base, k = base;
    r.fill_only = k.fill_only = true;
    r.rate = k.rate = 0;  // memory does not depend on time
    r.server = bin.redis;
    r.server.label = "redis(calibration)";
    k.server = bin.kevy;
    k.server.label = "kevy(calibration)";
    const CheckLimits limits = o.limits;
    auto results =
        run_parallel({r, k}, [&limits](const SideConfig& cfg) { return run_side(cfg, limits); });
    for (const SideResult& s : results) {
      if (!s.error.empty()) {
        c.failures.push_back(s.label + ": " + s.error);
        c.io_error = true;
      }
    }
    if (c.io_error) return c;
    CalibrationPair pair;
    pair.redis = {results[0].base_used, results[0].fill_curve};
    pair.kevy = {results[1].base_used, results[1].fill_curve};
    cal_it = calibrations.emplace(wo.ttl_share, std::move(pair)).first;
    const CalibrationPair& cp = cal_it->second;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "calibration (fill of %llu keys, TTL share %.2f, no limit): redis %s empty "
                  "+ %.1f B/key, kevy %s empty + %.1f B/key\n",
                  static_cast<unsigned long long>(wo.keys), wo.ttl_share,
                  fmt_bytes(cp.redis.base).c_str(), cp.redis.per_key(),
                  fmt_bytes(cp.kevy.base).c_str(), cp.kevy.per_key());
    log << buf;
  }
  const CalibrationPair& cal = cal_it->second;  // budget_scale is updated at the end
  c.m_redis = o.maxmemory_bytes != 0
                  ? o.maxmemory_bytes
                  : cal.redis.base + static_cast<uint64_t>((cal.redis.full() - cal.redis.base) *
                                                           o.maxmemory_percent / 100.0);
  c.redis_fit = cal.redis.keys_fitting(c.m_redis);
  c.m_budget = c.redis_fit >= wo.keys
                   ? cal.kevy.base + static_cast<uint64_t>(
                                         static_cast<double>(c.m_redis - cal.redis.base) *
                                         cal.kevy.per_key() / std::max(1.0, cal.redis.per_key()))
                   : cal.kevy.limit_for(c.redis_fit);

  // What the previous case of this kind learned about the budget (see below).
  c.m_budget = static_cast<uint64_t>(static_cast<double>(c.m_budget) *
                                     cal.budget_scale[is_volatile(p) ? 1 : 0]);
  c.m_budget_first = c.m_budget;
  std::vector<SideConfig> configs;
  SideConfig r = base;
  r.server = bin.redis;
  r.maxmemory = c.m_redis;
  configs.push_back(r);
  if (o.compare != Compare::kSameBudget) {
    SideConfig k = base;
    k.server = bin.kevy;
    k.server.label = "kevy(same-mm)";
    k.maxmemory = c.m_redis;
    k.fault_delete_plain = o.fault;
    configs.push_back(k);
  }
  if (o.compare != Compare::kSameMaxmemory) {
    SideConfig k = base;
    k.server = bin.kevy;
    k.server.label = "kevy(budget)";
    k.maxmemory = c.m_budget;
    k.fault_delete_plain = o.fault;
    configs.push_back(k);
  }
  const CheckLimits limits = o.limits;
  auto results =
      run_parallel(configs, [&limits](const SideConfig& cfg) { return run_side(cfg, limits); });
  size_t i = 0;
  c.redis = std::move(results[i++]);
  if (o.compare != Compare::kSameBudget) c.same_mm = std::move(results[i++]);
  if (o.compare != Compare::kSameMaxmemory) c.budget = std::move(results[i++]);
  // The calibration predicts the key count from the fill without a limit; but a server's
  // used_memory per resident key changes under eviction (tables that grow; Redis's used_memory
  // also rises by some 25 kB at the first read after the fill, and it evicts for that) so the
  // two end up with more or fewer keys. Then the budget side is run again with its maxmemory
  // moved by the difference in keys resident at the end, so the hit ratios compare policies at
  // equal resident key counts. The move is remembered for the next case of the same kind.
  const uint64_t slack = std::max<uint64_t>(5, c.redis->tallies.resident_end / 500);
  while (c.budget && c.redis->error.empty() && c.budget->error.empty() &&
         c.budget_reruns < o.budget_rounds) {
    const int64_t diff = static_cast<int64_t>(c.redis->tallies.resident_end) -
                         static_cast<int64_t>(c.budget->tallies.resident_end);
    if (static_cast<uint64_t>(std::llabs(diff)) <= slack) break;
    const double moved = static_cast<double>(diff) * cal.kevy.per_key();
    c.m_budget = static_cast<uint64_t>(
        std::max(static_cast<double>(cal.kevy.base + 1), static_cast<double>(c.m_budget) + moved));
    // The run being replaced still counts for the invariants (they hold at any maxmemory).
    c.budget->label = "kevy(budget, maxmemory " + std::to_string(c.budget->memory.maxmemory) + ")";
    collect_failures(c, c.budget);
    SideConfig k = configs.back();
    k.maxmemory = c.m_budget;
    c.budget = run_side(k, limits);
    ++c.budget_reruns;
  }
  if (c.budget && c.m_budget_first > 0) {
    cal_it->second.budget_scale[is_volatile(p) ? 1 : 0] =
        static_cast<double>(c.m_budget) / static_cast<double>(c.m_budget_first) *
        cal_it->second.budget_scale[is_volatile(p) ? 1 : 0];
  }
  collect_failures(c, c.redis);
  collect_failures(c, c.same_mm);
  collect_failures(c, c.budget);
  if (!c.io_error && c.budget) {
    c.gap_pp = (c.budget->tallies.hit_ratio() - c.redis->tallies.hit_ratio()) * 100.0;
    c.has_gap = true;
    if (std::fabs(c.gap_pp) > o.max_gap_pp) {
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "hit ratio at the same key budget: kevy %.2f%%, redis %.2f%% (gap %+.2f pp, "
                    "limit %.2f)",
                    c.budget->tallies.hit_ratio() * 100, c.redis->tallies.hit_ratio() * 100,
                    c.gap_pp, o.max_gap_pp);
      c.failures.push_back(buf);
    }
  }
  return c;
}

}  // namespace
}  // namespace evict

int evict_mode(const std::vector<std::string>& args) {
  using namespace evict;
  Options o;
  std::string error;
  if (!parse_args(args, &o, &error)) {
    std::cerr << "evict: " << error << "\n";
    return kExitUsage;
  }
  Binaries bin;
  bool unavailable = false;
  if (!find_binaries(o, &bin, &error, &unavailable)) {
    std::cerr << "evict: " << (unavailable ? "SKIPPED: " : "") << error << "\n";
    return unavailable ? kExitSkipped : kExitUsage;
  }
  std::vector<std::pair<Policy, Workload>> todo = o.cases;
  for (Policy p : o.cases.empty() ? o.policies : std::vector<Policy>{}) {
    for (Workload w : o.workloads) {
      // The LRU test asks for an LRU policy (the other policies have no recency to test).
      if (w == Workload::kLruApprox && p != Policy::kAllKeysLru && p != Policy::kVolatileLru) {
        continue;
      }
      todo.emplace_back(p, w);
    }
  }
  if (todo.empty()) {
    std::cerr << "evict: lru-approx needs --policy allkeys-lru or volatile-lru\n";
    return kExitUsage;
  }
  std::map<double, CalibrationPair> calibrations;
  std::vector<CaseResult> cases;
  const bool table = todo.size() > 1 || !o.markdown.empty();
  for (const auto& [p, w] : todo) {
    CaseResult c = run_case(o, bin, p, w, calibrations, std::cout);
    if (!table || c.io_error) print_detail(o, bin, c, std::cout);
    if (table) {
      std::cout << "  " << policy_name(p) << " / " << workload_name(w) << ": "
                << (c.failures.empty() ? "ok" : "FAIL") << "\n";
    }
    for (const std::string& f : c.failures) std::cout << "  FAILED " << f << "\n";
    for (const SideResult* side : sides(c)) {
      if (side->max_lag_ms > kLagWarningMs) {
        std::cout << "  warning: " << side->label << " fell " << static_cast<long>(side->max_lag_ms)
                  << " ms behind the pace of " << o.rate
                  << " ops/s: its clock-driven choices (LRU idle, LFU decay) are not comparable; "
                     "lower --rate\n";
      }
    }
    std::cout << std::flush;
    cases.push_back(std::move(c));
  }
  const std::string md = markdown_table(o, cases);
  if (table) std::cout << "\n" << md;
  if (!o.markdown.empty()) {
    std::ofstream f(o.markdown);
    f << md;
    if (!f) {
      std::cerr << "evict: cannot write " << o.markdown << "\n";
      return kExitUsage;
    }
  }
  bool io = false, failed = false;
  for (const CaseResult& c : cases) {
    io = io || c.io_error;
    failed = failed || !c.failures.empty();
  }
  if (io) return kExitUsage;
  std::cout << (failed ? "evict: FAILED\n" : "evict: OK\n");
  return failed ? kExitDifferences : kExitOk;
}

}  // namespace kevy::conformance
