// Unit tests of the evict mode's pieces that need no server: the seeded workloads and the
// policy invariants (each one is shown to fail on replies that break it).
#include <gtest/gtest.h>

#include <set>

#include "evict_checks.h"
#include "evict_workload.h"

namespace kevy::conformance::evict {
namespace {

std::vector<std::vector<std::string>> all_commands(const WorkloadOptions& o) {
  Generator g(o);
  std::vector<std::vector<std::string>> out;
  Op op;
  while (g.next(&op)) out.push_back(g.command(op));
  return out;
}

TEST(EvictWorkload, SameSeedSameStreamOtherSeedOther) {
  for (Workload w :
       {Workload::kUniform, Workload::kZipf, Workload::kScanThenHot, Workload::kTtlMix}) {
    WorkloadOptions o;
    o.workload = w;
    o.keys = 500;
    o.ops = 2000;
    o.ttl_share = 0.5;
    const auto a = all_commands(o);
    EXPECT_EQ(a, all_commands(o)) << workload_name(w);
    o.seed = 2;
    EXPECT_NE(a, all_commands(o)) << workload_name(w);
  }
}

TEST(EvictWorkload, PhasesAndCommands) {
  WorkloadOptions o;
  o.workload = Workload::kScanThenHot;
  o.keys = 100;
  o.ops = 300;
  o.value_size = 20;
  Generator g(o);
  Op op;
  uint64_t fill = 0, scan = 0, read = 0, sets = 0;
  while (g.next(&op)) {
    const auto cmd = g.command(op);
    if (op.phase == Phase::kFill) {
      EXPECT_EQ(op.key, fill);
      ASSERT_EQ(cmd.size(), 3u);
      EXPECT_EQ(cmd[0], "SET");
      EXPECT_EQ(cmd[1], key_name(op.key));
      EXPECT_EQ(cmd[2].size(), 20u);
      ++fill;
    } else if (op.phase == Phase::kScan) {
      EXPECT_EQ(op.key, scan);
      EXPECT_EQ(cmd, (std::vector<std::string>{"GET", key_name(op.key)}));
      ++scan;
    } else {
      ++read;
      if (op.kind == Op::Kind::kSet) ++sets;
    }
  }
  EXPECT_EQ(fill, 100u);
  EXPECT_EQ(scan, 100u);
  EXPECT_EQ(read, 300u);
  EXPECT_GT(sets, 30u);  // about 20%
  EXPECT_LT(sets, 90u);
}

TEST(EvictWorkload, TtlShareAndLengths) {
  WorkloadOptions o;
  o.keys = 4000;
  o.ttl_share = 0.5;
  Generator g(o);
  int with_ttl = 0;
  for (uint32_t k = 0; k < o.keys; ++k) {
    const uint32_t t = g.ttl_seconds(k);
    if (t == 0) continue;
    ++with_ttl;
    EXPECT_GE(t, 1000u);
    EXPECT_LT(t, 10000u);
    const auto cmd = g.command(Op{Op::Kind::kSet, Phase::kRead, k});
    ASSERT_EQ(cmd.size(), 5u);
    EXPECT_EQ(cmd[3], "EX");
    EXPECT_EQ(cmd[4], std::to_string(t));
  }
  EXPECT_NEAR(with_ttl, 2000, 150);
  o.ttl_share = 0;
  Generator none(o);
  for (uint32_t k = 0; k < o.keys; ++k) EXPECT_EQ(none.ttl_seconds(k), 0u);
}

// Counts how many read-phase operations fall on the `top` most frequent keys.
double top_share(Workload w, uint64_t keys, uint64_t top) {
  WorkloadOptions o;
  o.workload = w;
  o.keys = keys;
  o.ops = 50000;
  Generator g(o);
  std::vector<uint64_t> counts(keys, 0);
  Op op;
  uint64_t reads = 0;
  while (g.next(&op)) {
    if (op.phase != Phase::kRead) continue;
    ++counts[op.key];
    ++reads;
  }
  std::sort(counts.rbegin(), counts.rend());
  uint64_t sum = 0;
  for (uint64_t i = 0; i < top; ++i) sum += counts[i];
  return static_cast<double>(sum) / static_cast<double>(reads);
}

TEST(EvictWorkload, SkewOfEachDistribution) {
  // Zipf 0.99 over 10000 keys: the top 1% of keys take about half of the accesses.
  EXPECT_GT(top_share(Workload::kZipf, 10000, 100), 0.45);
  EXPECT_LT(top_share(Workload::kUniform, 10000, 100), 0.03);
  // scan-then-hot: 90% on a tenth of the keys (plus its share of the uniform 10%).
  EXPECT_GT(top_share(Workload::kScanThenHot, 10000, 1000), 0.88);
}

TEST(EvictWorkload, ZipfHotKeysAreNotTheFirstWritten) {
  WorkloadOptions o;
  o.workload = Workload::kZipf;
  o.keys = 1000;
  o.ops = 5000;
  Generator g(o);
  std::vector<int> counts(o.keys, 0);
  Op op;
  while (g.next(&op)) {
    if (op.phase == Phase::kRead) ++counts[op.key];
  }
  const auto hottest = std::max_element(counts.begin(), counts.end()) - counts.begin();
  EXPECT_NE(hottest, 0);
}

TEST(EvictChecks, MemorySpecs) {
  uint64_t b = 0;
  double p = 0;
  EXPECT_TRUE(parse_memory_spec("2mb", &b, &p));
  EXPECT_EQ(b, 2097152u);
  EXPECT_TRUE(parse_memory_spec("500KB", &b, &p));
  EXPECT_EQ(b, 512000u);
  EXPECT_TRUE(parse_memory_spec("3m", &b, &p));
  EXPECT_EQ(b, 3000000u);
  EXPECT_TRUE(parse_memory_spec("123456", &b, &p));
  EXPECT_EQ(b, 123456u);
  EXPECT_TRUE(parse_memory_spec("70%", &b, &p));
  EXPECT_EQ(b, 0u);
  EXPECT_DOUBLE_EQ(p, 70.0);
  for (const char* bad : {"", "mb", "2xb", "0%", "101%", "-5", "%"}) {
    EXPECT_FALSE(parse_memory_spec(bad, &b, &p)) << bad;
  }
}

TEST(EvictChecks, InfoField) {
  const std::string info =
      "$80\r\n# Memory\r\nused_memory:1234\r\nused_memory_human:1.21K\r\nmaxmemory:0\r\n\r\n";
  uint64_t v = 0;
  EXPECT_TRUE(info_field(info, "used_memory", &v));
  EXPECT_EQ(v, 1234u);
  EXPECT_TRUE(info_field(info, "maxmemory", &v));
  EXPECT_EQ(v, 0u);
  EXPECT_FALSE(info_field(info, "evicted_keys", &v));
  EXPECT_FALSE(info_field(info, "memory", &v));  // only whole field names at a line start
}

constexpr std::string_view kOk = "+OK\r\n";
constexpr std::string_view kMiss = "$-1\r\n";
constexpr std::string_view kHit = "$3\r\nabc\r\n";

// A book over 4 keys: key 0 and 1 without TTL, 2 and 3 with 100 s; all written once.
KeyBook written_book(Policy p) {
  KeyBook b(4, p);
  b.on_set(0, 0, 0, kOk);
  b.on_set(1, 0, 0, kOk);
  b.on_set(2, 100, 0, kOk);
  b.on_set(3, 100, 0, kOk);
  return b;
}

std::vector<std::string> finish_and_check(KeyBook& b, Policy p, const MemoryTrace& m,
                                          const std::vector<bool>& exists,
                                          CheckLimits limits = {}) {
  for (uint32_t k = 0; k < exists.size(); ++k) b.on_exists(k, exists[k], 1000);
  b.finish();
  return check(p, b.tallies(), m, b.notes(), limits);
}

TEST(EvictChecks, CleanRunsPass) {
  MemoryTrace m;
  m.maxmemory = 1000;
  m.probes = 4;
  m.max_used = 1005;  // 0.5% over: within the 1% tolerance
  m.evicted_keys = 2;
  for (Policy p : all_policies()) {
    KeyBook b = written_book(p);
    b.on_get(0, kHit, true, false);
    b.on_get(2, kMiss, true, false);
    // noeviction keeps everything; the others lost the two volatile keys.
    const bool keep = p == Policy::kNoEviction;
    MemoryTrace mm = m;
    if (keep) mm.evicted_keys = 0;
    auto fails = finish_and_check(b, p, mm, {true, true, keep, keep});
    if (keep) {
      // The GET miss of key 2 was forbidden under noeviction.
      EXPECT_EQ(fails.size(), 1u) << policy_name(p);
    } else {
      EXPECT_TRUE(fails.empty()) << policy_name(p) << ": " << fails[0];
    }
    EXPECT_EQ(b.tallies().reads, 2u);
    EXPECT_EQ(b.tallies().hits, 1u);
  }
}

TEST(EvictChecks, VolatileNeverEvictsAKeyWithoutTtl) {
  MemoryTrace m;
  m.evicted_keys = 5;
  for (Policy p : {Policy::kVolatileLru, Policy::kVolatileLfu, Policy::kVolatileRandom,
                   Policy::kVolatileTtl}) {
    KeyBook b = written_book(p);
    b.on_get(1, kMiss, true, false);
    auto fails = finish_and_check(b, p, m, {true, false, true, true});
    ASSERT_EQ(fails.size(), 3u) << policy_name(p);  // the GET miss, the gone key, the count
    EXPECT_NE(fails[2].find("had no TTL"), std::string::npos) << fails[2];
  }
  // The same under allkeys-lru is fine.
  KeyBook b = written_book(Policy::kAllKeysLru);
  EXPECT_TRUE(finish_and_check(b, Policy::kAllKeysLru, m, {true, false, true, true}).empty());
}

TEST(EvictChecks, NoevictionNeverEvicts) {
  MemoryTrace m;
  KeyBook b = written_book(Policy::kNoEviction);
  b.on_set(3, 100, 0, kOomReply);  // refused: fine
  EXPECT_TRUE(finish_and_check(b, Policy::kNoEviction, m, {true, true, true, true}).empty());
  m.evicted_keys = 1;
  KeyBook c = written_book(Policy::kNoEviction);
  auto fails = finish_and_check(c, Policy::kNoEviction, m, {true, true, true, false});
  ASSERT_EQ(fails.size(), 2u);
  EXPECT_NE(fails[0].find("evicted 1"), std::string::npos);
  EXPECT_NE(fails[1].find("lost 1"), std::string::npos);
}

TEST(EvictChecks, RepliesMustBeOkOrTheExactOom) {
  MemoryTrace m;
  KeyBook b(2, Policy::kVolatileLru);
  b.on_set(0, 0, 0, "-OOM command not allowed when used memory > 'maxmemory'\r\n");  // no dot
  b.on_set(1, 0, 0, kOomReply);
  EXPECT_EQ(b.tallies().other_errors, 1u);
  EXPECT_EQ(b.tallies().oom_errors, 1u);
  EXPECT_EQ(finish_and_check(b, Policy::kVolatileLru, m, {false, false}).size(), 1u);
  // allkeys-* must never refuse a write.
  KeyBook a(1, Policy::kAllKeysRandom);
  a.on_set(0, 0, 0, kOomReply);
  auto fails = finish_and_check(a, Policy::kAllKeysRandom, m, {false});
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_NE(fails[0].find("refused 1"), std::string::npos);
}

TEST(EvictChecks, ARefusedKeyMustNotExist) {
  MemoryTrace m;
  KeyBook b(1, Policy::kNoEviction);
  b.on_set(0, 0, 0, kOomReply);
  b.on_get(0, kHit, true, false);
  auto fails = finish_and_check(b, Policy::kNoEviction, m, {true});
  EXPECT_EQ(fails.size(), 2u);
  EXPECT_EQ(b.tallies().phantom_keys, 2u);
}

TEST(EvictChecks, GoneKeysNeedEvictions) {
  MemoryTrace m;
  m.evicted_keys = 1;
  KeyBook b = written_book(Policy::kAllKeysLru);
  auto fails = finish_and_check(b, Policy::kAllKeysLru, m, {false, true, true, false});
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_NE(fails[0].find("evicted_keys:1"), std::string::npos);
}

TEST(EvictChecks, UsedMemoryBound) {
  MemoryTrace m;
  m.maxmemory = 100000;
  m.probes = 10;
  m.max_used = 101001;
  m.max_used_op = 7;
  KeyBook b(1, Policy::kAllKeysLru);
  auto fails = finish_and_check(b, Policy::kAllKeysLru, m, {false});
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_NE(fails[0].find("at operation 7"), std::string::npos);
  m.max_used = 101000;  // exactly 1% over is allowed
  KeyBook c(1, Policy::kAllKeysLru);
  EXPECT_TRUE(finish_and_check(c, Policy::kAllKeysLru, m, {false}).empty());
}

TEST(EvictChecks, VolatileTtlEvictsTheShortestFirst) {
  // 40 volatile keys: TTL 100..139 s written at t=0; the end is at t=1 s.
  auto run = [](bool shortest_gone) {
    KeyBook b(40, Policy::kVolatileTtl);
    for (uint32_t k = 0; k < 40; ++k) b.on_set(k, 100 + k, 0, kOk);
    std::vector<bool> exists(40, true);
    // 20 gone: the shortest ones, or every other key (what random eviction would do).
    for (uint32_t k = 0; k < 40; ++k) {
      exists[k] = shortest_gone ? k >= 20 : (k % 2 == 0);
    }
    MemoryTrace m;
    m.evicted_keys = 20;
    CheckLimits limits;
    limits.ttl_ratio_max = 0.9;  // the TTLs here are close together
    return finish_and_check(b, Policy::kVolatileTtl, m, exists, limits);
  };
  EXPECT_TRUE(run(true).empty());
  auto fails = run(false);
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_NE(fails[0].find("volatile-ttl"), std::string::npos);
}

}  // namespace
}  // namespace kevy::conformance::evict
