// Tests of maxmemory eviction (evict/eviction.h) through the Store, with a manual clock so
// that LRU idle times and LFU decay are driven by the test, not by sleeping. What each policy
// may evict, the OOM refusals, the statistics and the propagated DELs are checked against
// what redis-server 7.0.15 does (REDIS-NOTES.md "Eviction").
#include "evict/eviction.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "kevy/store.h"
#include "test_support/temp_dir.h"

namespace kevy {
namespace {

constexpr std::string_view kOomReply = "-OOM command not allowed when used memory > 'maxmemory'.\r\n";

class EvictionTest : public ::testing::Test {
 protected:
  EvictionTest() { reopen(Options{}); }

  void reopen(Options o) {
    store_.reset();
    store_ = std::make_unique<Store>(
        std::move(Store::open(o.with_clock(clock_).with_memory_accounting_check()).value()));
  }

  std::string run(std::initializer_list<std::string_view> argv) {
    return store_->execute_resp(std::span<const std::string_view>(argv.begin(), argv.size()),
                                session_);
  }
  std::string run(const std::vector<std::string>& argv) {
    std::vector<std::string_view> views(argv.begin(), argv.end());
    return store_->execute_resp(views, session_);
  }
  // A field of INFO (its text after "name:").
  std::string info_field(std::string_view section, std::string_view name) {
    const std::string text = run({"INFO", section});
    const std::string needle = "\r\n" + std::string(name) + ":";
    size_t at = text.find(needle);
    if (at == std::string::npos) return "";
    at += needle.size();
    return text.substr(at, text.find("\r\n", at) - at);
  }
  uint64_t used_memory() { return std::stoull(info_field("memory", "used_memory")); }
  uint64_t evicted_keys() { return std::stoull(info_field("stats", "evicted_keys")); }
  bool exists(const std::string& key) { return run({"EXISTS", key}) == ":1\r\n"; }

  // Sets maxmemory to the memory in use now plus `headroom` bytes, with the policy.
  void limit(std::string_view policy, uint64_t headroom) {
    ASSERT_EQ(run({"CONFIG", "SET", "maxmemory-policy", policy}), "+OK\r\n");
    max_ = used_memory() + headroom;
    ASSERT_EQ(run({"CONFIG", "SET", "maxmemory", std::to_string(max_)}), "+OK\r\n");
  }
  // SET key:<i> with a 100-byte value, the TTL in ms when ttl_ms > 0.
  std::string set_key(int i, int64_t ttl_ms = 0) {
    std::vector<std::string> argv = {"SET", "key:" + std::to_string(i), std::string(100, 'v')};
    if (ttl_ms > 0) {
      argv.push_back("PX");
      argv.push_back(std::to_string(ttl_ms));
    }
    return run(argv);
  }

  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(1700000000000);
  std::unique_ptr<Store> store_;
  Session session_;
  uint64_t max_ = 0;
};

// INFO stats total/current_eviction_exceeded_time: how long memory stayed over the limit.
TEST_F(EvictionTest, ExceededTimeIsMeasuredWithTheClock) {
  for (int i = 0; i < 20; ++i) ASSERT_EQ(set_key(i), "+OK\r\n");
  limit("noeviction", 0);
  ASSERT_EQ(set_key(1000), "+OK\r\n");  // now over the limit
  ASSERT_EQ(set_key(1001), kOomReply);   // the stretch starts here
  clock_->advance_ms(5000);
  EXPECT_EQ(info_field("stats", "current_eviction_exceeded_time"), "5000");
  EXPECT_EQ(info_field("stats", "total_eviction_exceeded_time"), "5000");
  clock_->advance_ms(1000);
  for (int i = 0; i < 20; ++i) run({"DEL", "key:" + std::to_string(i)});
  ASSERT_EQ(run({"PING"}), "+PONG\r\n");  // under the limit again: the stretch ends
  clock_->advance_ms(3000);
  EXPECT_EQ(info_field("stats", "current_eviction_exceeded_time"), "0");
  EXPECT_EQ(info_field("stats", "total_eviction_exceeded_time"), "6000");
}

TEST_F(EvictionTest, TimeLimitFollowsTenacity) {
  EXPECT_EQ(Evictor::time_limit_us(0), 0u);
  EXPECT_EQ(Evictor::time_limit_us(10), 500u);
  EXPECT_EQ(Evictor::time_limit_us(11), 575u);  // 500 * 1.15
  EXPECT_EQ(Evictor::time_limit_us(99), 126205358u);  // ~2 minutes
  EXPECT_EQ(Evictor::time_limit_us(100), UINT64_MAX);
}

TEST_F(EvictionTest, NoEvictionRefusesWritesThatMayGrowMemory) {
  for (int i = 0; i < 20; ++i) ASSERT_EQ(set_key(i), "+OK\r\n");
  limit("noeviction", 0);
  ASSERT_EQ(set_key(1000), "+OK\r\n");  // the limit is checked before a command, not after
  EXPECT_EQ(set_key(1001), kOomReply);
  EXPECT_EQ(run({"INCR", "counter"}), kOomReply);
  EXPECT_EQ(run({"LPUSH", "l", "x"}), kOomReply);
  // Reads and writes that are not denyoom still run.
  EXPECT_EQ(run({"GET", "key:1"}), "$100\r\n" + std::string(100, 'v') + "\r\n");
  EXPECT_EQ(run({"EXPIRE", "key:2", "100"}), ":1\r\n");
  EXPECT_EQ(run({"DEL", "key:3"}), ":1\r\n");
  // The typed API gets the same refusal as a Status.
  Result<bool> typed = store_->set("typed", "v");
  ASSERT_FALSE(typed.ok());
  EXPECT_EQ(typed.status().message(), kOomReply.substr(1, kOomReply.size() - 3));
  EXPECT_FALSE(store_->mset(std::vector<std::pair<std::string_view, std::string_view>>{{"a", "b"}})
                   .is_ok());
  EXPECT_EQ(evicted_keys(), 0u);
  // Only the three commands count: typed calls are not commands in INFO.
  EXPECT_EQ(info_field("errorstats", "errorstat_OOM"), "count=3");
  EXPECT_NE(info_field("commandstats", "cmdstat_set").find("rejected_calls=1,"), std::string::npos);
  // Freeing memory makes room again.
  for (int i = 0; i < 20; ++i) run({"DEL", "key:" + std::to_string(i)});
  EXPECT_EQ(set_key(1001), "+OK\r\n");
}

TEST_F(EvictionTest, AllKeysPoliciesKeepMemoryUnderTheLimit) {
  for (std::string_view policy : {"allkeys-lru", "allkeys-lfu", "allkeys-random"}) {
    SCOPED_TRACE(policy);
    reopen(Options{});
    limit(policy, 20000);
    int written = 0;
    for (int i = 0; i < 1000; ++i) {
      ASSERT_EQ(set_key(i), "+OK\r\n");
      ++written;
      ASSERT_LE(used_memory(), max_) << "after key " << i;
    }
    const uint64_t evicted = evicted_keys();
    const int64_t dbsize = std::stoll(run({"DBSIZE"}).substr(1));
    EXPECT_GT(evicted, 500u);
    EXPECT_EQ(static_cast<int64_t>(evicted) + dbsize, written);
    EXPECT_EQ(run({"GET", "key:999"}).substr(0, 4), "$100");  // the newest key survives
  }
}

TEST_F(EvictionTest, VolatilePoliciesEvictOnlyKeysWithATtl) {
  for (std::string_view policy : {"volatile-lru", "volatile-lfu", "volatile-random",
                                  "volatile-ttl"}) {
    SCOPED_TRACE(policy);
    reopen(Options{});
    limit(policy, 30000);
    std::set<int> persistent;
    for (int i = 0; i < 400; ++i) {
      const bool ttl = i % 4 != 0;
      const std::string reply = set_key(i, ttl ? 1000000 + i : 0);
      if (reply == kOomReply) break;  // only keys without a TTL are left
      ASSERT_EQ(reply, "+OK\r\n");
      if (!ttl) persistent.insert(i);
    }
    EXPECT_GT(evicted_keys(), 0u);
    for (int i : persistent) EXPECT_TRUE(exists("key:" + std::to_string(i))) << i;
  }
}

TEST_F(EvictionTest, VolatileWithoutTtlKeysLeftRefusesWithOom) {
  limit("volatile-lru", 5000);
  int i = 0;
  std::string reply;
  while ((reply = set_key(i)) == "+OK\r\n" && i < 1000) ++i;
  EXPECT_EQ(reply, kOomReply);
  EXPECT_EQ(evicted_keys(), 0u);
}

TEST_F(EvictionTest, VolatileTtlEvictsTheSoonestExpiringFirst) {
  limit("volatile-ttl", 40000);
  // TTLs in a shuffled order, so insertion order says nothing about expiry order.
  std::map<std::string, int64_t> ttl_of;
  for (int i = 0; i < 300; ++i) {
    const int64_t ttl = 100000 + ((i * 7919) % 300) * 1000;
    ttl_of["key:" + std::to_string(i)] = ttl;
    ASSERT_EQ(set_key(i, ttl), "+OK\r\n");
  }
  ASSERT_GT(evicted_keys(), 50u);
  double evicted_sum = 0, kept_sum = 0;
  int evicted = 0, kept = 0;
  for (const auto& [key, ttl] : ttl_of) {
    if (exists(key)) {
      kept_sum += static_cast<double>(ttl);
      ++kept;
    } else {
      evicted_sum += static_cast<double>(ttl);
      ++evicted;
    }
  }
  // The pool keeps the 16 soonest seen; with 5 samples per refill the choice is approximate,
  // so the evicted keys' mean TTL is well below the survivors', not strictly every one lower.
  EXPECT_LT(evicted_sum / evicted, 0.8 * (kept_sum / kept));
}

// Redis's own LRU test idea: fill, let time pass, touch the newer half, then force evicting a
// quarter: nearly all evicted keys must come from the old (untouched) half.
TEST_F(EvictionTest, LruEvictsMostlyFromTheUntouchedHalf) {
  const int n = 2000;
  for (int i = 0; i < n; ++i) ASSERT_EQ(set_key(i), "+OK\r\n");
  clock_->advance_ms(10000);
  for (int i = n / 2; i < n; ++i) run({"GET", "key:" + std::to_string(i)});
  clock_->advance_ms(10000);
  ASSERT_EQ(run({"CONFIG", "SET", "maxmemory-policy", "allkeys-lru"}), "+OK\r\n");
  const uint64_t used = used_memory();
  // Shrinking the limit by a quarter of the dataset forces evicting about a quarter.
  const uint64_t per_key = used / n;
  max_ = used - per_key * n / 4;
  ASSERT_EQ(run({"CONFIG", "SET", "maxmemory", std::to_string(max_)}), "+OK\r\n");
  run({"PING"});
  int from_old = 0, evicted = 0;
  for (int i = 0; i < n; ++i) {
    if (exists("key:" + std::to_string(i))) continue;
    ++evicted;
    if (i < n / 2) ++from_old;
  }
  ASSERT_GT(evicted, n / 5);
  const double share = static_cast<double>(from_old) / evicted;
  std::printf("LRU approximation: %d evicted, %.3f from the old half\n", evicted, share);
  EXPECT_GE(share, 0.9);
}

TEST_F(EvictionTest, LfuKeepsFrequentlyUsedKeys) {
  ASSERT_EQ(run({"CONFIG", "SET", "maxmemory-policy", "allkeys-lfu"}), "+OK\r\n");
  const int n = 1000;
  for (int i = 0; i < n; ++i) ASSERT_EQ(set_key(i), "+OK\r\n");
  // Every tenth key is hot.
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < n; i += 10) run({"GET", "key:" + std::to_string(i)});
  }
  const uint64_t used = used_memory();
  max_ = used - used / 3;
  ASSERT_EQ(run({"CONFIG", "SET", "maxmemory", std::to_string(max_)}), "+OK\r\n");
  run({"PING"});
  ASSERT_GT(evicted_keys(), 200u);
  int hot_lost = 0;
  for (int i = 0; i < n; i += 10) hot_lost += exists("key:" + std::to_string(i)) ? 0 : 1;
  EXPECT_LE(hot_lost, 2);
}

TEST_F(EvictionTest, LfuCounterDecaysWithTheClock) {
  ASSERT_EQ(run({"CONFIG", "SET", "maxmemory-policy", "allkeys-lfu"}), "+OK\r\n");
  ASSERT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"OBJECT", "FREQ", "k"}), ":5\r\n");  // LFU_INIT_VAL
  for (int i = 0; i < 200; ++i) run({"GET", "k"});
  const int64_t hot = std::stoll(run({"OBJECT", "FREQ", "k"}).substr(1));
  EXPECT_GT(hot, 5);
  clock_->advance_ms(3 * 60 * 1000);  // lfu-decay-time 1: one step per minute
  EXPECT_EQ(run({"OBJECT", "FREQ", "k"}), ":" + std::to_string(hot - 3) + "\r\n");
  ASSERT_EQ(run({"CONFIG", "SET", "lfu-decay-time", "2"}), "+OK\r\n");
  clock_->advance_ms(4 * 60 * 1000);  // 3 + 4 minutes since the last access: 3 steps of 2
  EXPECT_EQ(run({"OBJECT", "FREQ", "k"}), ":" + std::to_string(hot - 3) + "\r\n");
}

TEST_F(EvictionTest, IdleTimeFollowsTheClock) {
  ASSERT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  clock_->advance_ms(42000);
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k"}), ":42\r\n");
  run({"GET", "k"});
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k"}), ":0\r\n");
}

TEST_F(EvictionTest, EvictedKeysAreReportedToTheHook) {
  std::vector<std::string> seen;
  store_->on_evicted([&](int db, std::string_view key) {
    EXPECT_EQ(db, 0);
    seen.emplace_back(key);
  });
  limit("allkeys-random", 5000);
  for (int i = 0; i < 200; ++i) ASSERT_EQ(set_key(i), "+OK\r\n");
  EXPECT_EQ(seen.size(), evicted_keys());
  for (const std::string& key : seen) EXPECT_FALSE(exists(key)) << key;
}

TEST_F(EvictionTest, EvictsFromEveryDb) {
  limit("allkeys-random", 8000);
  for (int i = 0; i < 300; ++i) {
    ASSERT_EQ(run({"SELECT", std::to_string(i % 3)}), "+OK\r\n");
    ASSERT_EQ(set_key(i), "+OK\r\n");
  }
  run({"SELECT", "0"});
  ASSERT_LE(used_memory(), max_);
  EXPECT_GT(evicted_keys(), 100u);
}

TEST_F(EvictionTest, CollectionsAreCountedAndEvicted) {
  limit("allkeys-lru", 30000);
  for (int i = 0; i < 300; ++i) {
    const std::string k = std::to_string(i);
    ASSERT_EQ(run({"HSET", "h:" + k, "f", std::string(50, 'x')}), ":1\r\n");
    ASSERT_EQ(run({"RPUSH", "l:" + k, std::string(50, 'x'), "y"}), ":2\r\n");
    ASSERT_EQ(run({"SADD", "s:" + k, "1", "2", "3"}), ":3\r\n");
    ASSERT_EQ(run({"ZADD", "z:" + k, "1", std::string(50, 'x')}), ":1\r\n");
    ASSERT_LE(used_memory(), max_);
  }
  EXPECT_GT(evicted_keys(), 500u);
}

// A clock that moves 100 us every time it is read: eviction runs out of time at once.
class SteppingClock : public Clock {
 public:
  int64_t now_us() const override { return t_ += 100; }

 private:
  mutable std::atomic<int64_t> t_{1700000000000000};
};

TEST_F(EvictionTest, TenacityBoundsOneCallAndLaterCallsContinue) {
  Options o;
  o.with_clock(std::make_shared<SteppingClock>());
  auto store = Store::open(std::move(o));
  ASSERT_TRUE(store.ok());
  Session s;
  auto exec = [&](std::initializer_list<std::string_view> argv) {
    return store->execute_resp(std::span<const std::string_view>(argv.begin(), argv.size()), s);
  };
  for (int i = 0; i < 200; ++i) {
    ASSERT_EQ(exec({"SET", "key:" + std::to_string(i), std::string(100, 'v')}), "+OK\r\n");
  }
  ASSERT_EQ(exec({"CONFIG", "SET", "maxmemory-eviction-tenacity", "0"}), "+OK\r\n");
  ASSERT_EQ(exec({"CONFIG", "SET", "maxmemory-policy", "allkeys-random"}), "+OK\r\n");
  ASSERT_EQ(exec({"CONFIG", "SET", "maxmemory", "1000"}), "+OK\r\n");
  // Each command evicts 16 keys, then stops: the limit is not reached, yet writes run.
  ASSERT_EQ(exec({"DBSIZE"}), ":184\r\n");
  ASSERT_EQ(exec({"SET", "x", "y"}), "+OK\r\n");
  ASSERT_EQ(exec({"DBSIZE"}), ":153\r\n");  // 16 more before SET, 16 more before DBSIZE
}

// Evicted keys reach the AOF as DEL units of their own (UNLINK under lazyfree-lazy-eviction),
// written before the command whose eviction deleted them — no MULTI/EXEC around them (checked
// on redis-server 7.0.15).
class EvictionAofTest : public EvictionTest, public ::testing::WithParamInterface<bool> {};

TEST_P(EvictionAofTest, EvictedKeysArePropagatedBeforeTheCommand) {
  const bool lazy = GetParam();
  TempDir dir;
  reopen(Options{}.with_persist(dir.path()).with_appendfsync(AppendFsync::kAlways));
  ASSERT_EQ(run({"CONFIG", "SET", "lazyfree-lazy-eviction", lazy ? "yes" : "no"}), "+OK\r\n");
  limit("allkeys-random", 3000);
  for (int i = 0; i < 60; ++i) ASSERT_EQ(set_key(i), "+OK\r\n");
  const uint64_t evicted = evicted_keys();
  ASSERT_GT(evicted, 0u);
  const std::string dbsize = run({"DBSIZE"});
  store_.reset();
  std::string aof;
  for (const auto& f : std::filesystem::directory_iterator(dir.path() + "/appendonlydir")) {
    if (f.path().string().ends_with(".incr.aof")) {
      std::ifstream in(f.path(), std::ios::binary);
      aof.assign(std::istreambuf_iterator<char>(in), {});
    }
  }
  EXPECT_EQ(aof.find("MULTI"), std::string::npos);
  const std::string del = lazy ? "*2\r\n$6\r\nUNLINK\r\n" : "*2\r\n$3\r\nDEL\r\n";
  uint64_t dels = 0;
  for (size_t at = 0; (at = aof.find(del, at)) != std::string::npos; ++at) ++dels;
  EXPECT_EQ(dels, evicted);
  // Each DEL follows its key's SET: loading the file gives the keyspace that was left.
  reopen(Options{}.with_persist(dir.path()));
  EXPECT_EQ(run({"DBSIZE"}), dbsize);
}

INSTANTIATE_TEST_SUITE_P(LazyOrNot, EvictionAofTest, ::testing::Bool());

}  // namespace
}  // namespace kevy
