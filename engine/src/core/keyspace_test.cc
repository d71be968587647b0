// Unit tests of the Keyspace: lookups (lazy expiry, hit/miss stats, access stamps), TTL
// bookkeeping on overwrite/move, and the active expire cycle.
#include "core/keyspace.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <set>
#include <string>

namespace kevy {
namespace {

constexpr int64_t kStartMs = 1700000000000;

// A clock that moves `step_us` every time it is read: makes a cycle run out of time.
class TickingClock final : public Clock {
 public:
  explicit TickingClock(int64_t step_us) : step_us_(step_us) {}
  int64_t now_us() const override { return us_.fetch_add(step_us_); }

 private:
  int64_t step_us_;
  mutable std::atomic<int64_t> us_{kStartMs * 1000};
};

std::string key_n(std::string_view prefix, int i) {
  std::string out(prefix);
  out.append(std::to_string(i));
  return out;
}

class KeyspaceTest : public ::testing::Test {
 protected:
  explicit KeyspaceTest(Options opts = Options{})
      : clock_(std::make_shared<ManualClock>(kStartMs)), ks_(opts.with_clock(clock_)) {}

  // Adds key (value "v") with an absolute expire time, or none when when_ms is -1.
  Entry* add(std::string_view key, int64_t when_ms = -1, int db = 0) {
    Entry* e = Entry::make_string(key, "v", Encoding::kEmbstr);
    ks_.add(db, e);
    if (when_ms != -1) ks_.set_expire(db, e, when_ms);
    return e;
  }
  // Moves the clock and starts a new command at the new time.
  void advance_ms(int64_t ms) {
    clock_->advance_ms(ms);
    ks_.begin_command();
  }
  // Runs slow cycles until one deletes nothing; returns the total deleted.
  uint64_t cycle_until_quiet() {
    uint64_t total = 0;
    for (int i = 0; i < 10000; ++i) {
      uint64_t n = ks_.active_expire_cycle();
      if (n == 0) break;
      total += n;
    }
    return total;
  }

  std::shared_ptr<ManualClock> clock_;
  Keyspace ks_;
};

TEST_F(KeyspaceTest, LookupReadCountsHitsAndMisses) {
  add("k");
  EXPECT_NE(ks_.lookup_read(0, "k"), nullptr);
  EXPECT_EQ(ks_.lookup_read(0, "missing"), nullptr);
  EXPECT_EQ(ks_.stats().keyspace_hits, 1u);
  EXPECT_EQ(ks_.stats().keyspace_misses, 1u);
  EXPECT_NE(ks_.lookup_read(0, "k", kLookupNoStats), nullptr);
  EXPECT_EQ(ks_.lookup_read(0, "missing", kLookupNoStats | kLookupNoTouch), nullptr);
  EXPECT_NE(ks_.lookup_read(0, "k", kLookupNoTouch), nullptr);  // NOTOUCH still counts
  EXPECT_NE(ks_.lookup_write(0, "k"), nullptr);
  EXPECT_EQ(ks_.lookup_write(0, "missing"), nullptr);
  EXPECT_NE(ks_.lookup_quiet(0, "k"), nullptr);
  EXPECT_EQ(ks_.stats().keyspace_hits, 2u);
  EXPECT_EQ(ks_.stats().keyspace_misses, 1u);
}

// As in Redis, reads and writes both count as an access; NOTOUCH and quiet lookups do not.
TEST_F(KeyspaceTest, LookupsStampAccessUnlessNoTouch) {
  Entry* e = add("k");
  advance_ms(5000);
  EXPECT_EQ(ks_.idle_ms(e), 5000u);
  ks_.lookup_read(0, "k", kLookupNoTouch);
  ks_.lookup_quiet(0, "k");
  EXPECT_EQ(ks_.idle_ms(e), 5000u);
  ks_.lookup_write(0, "k");
  EXPECT_EQ(ks_.idle_ms(e), 0u);
  advance_ms(3000);
  ks_.lookup_read(0, "k");
  EXPECT_EQ(ks_.idle_ms(e), 0u);
}

TEST_F(KeyspaceTest, LazyExpiryOnEveryLookup) {
  std::vector<std::string> hooked;
  ks_.set_expired_hook([&](int db, std::string_view key) {
    EXPECT_EQ(db, 0);
    hooked.emplace_back(key);
  });
  add("r", kStartMs + 100);
  add("w", kStartMs + 100);
  add("q", kStartMs + 100);
  add("x", kStartMs + 100);
  advance_ms(100);  // expire time == now: still alive
  EXPECT_NE(ks_.lookup_read(0, "r"), nullptr);
  advance_ms(1);
  EXPECT_EQ(ks_.lookup_read(0, "r"), nullptr);
  EXPECT_EQ(ks_.lookup_write(0, "w"), nullptr);
  EXPECT_EQ(ks_.lookup_quiet(0, "q"), nullptr);
  EXPECT_TRUE(ks_.expire_if_needed(0, "x"));
  EXPECT_FALSE(ks_.expire_if_needed(0, "x"));
  EXPECT_EQ(ks_.stats().expired_keys, 4u);
  EXPECT_EQ(ks_.stats().keyspace_misses, 1u);  // only the read lookup counts
  EXPECT_EQ(ks_.db(0).main.size(), 0u);
  EXPECT_EQ(ks_.db(0).expires.size(), 0u);
  EXPECT_EQ(hooked, (std::vector<std::string>{"r", "w", "q", "x"}));
}

TEST_F(KeyspaceTest, RemoveIsNotCountedAsExpired) {
  add("k", kStartMs + 100);
  EXPECT_TRUE(ks_.remove(0, "k"));
  EXPECT_FALSE(ks_.remove(0, "k"));
  EXPECT_EQ(ks_.stats().expired_keys, 0u);
  EXPECT_EQ(ks_.db(0).expires.size(), 0u);
}

TEST_F(KeyspaceTest, ExpireBookkeeping) {
  Entry* e = add("k");
  EXPECT_EQ(ks_.get_expire(0, e), -1);
  EXPECT_FALSE(ks_.persist(0, e));
  ks_.set_expire(0, e, kStartMs + 10);
  ks_.set_expire(0, e, kStartMs + 20);  // replaces, does not add a second entry
  EXPECT_EQ(ks_.get_expire(0, e), kStartMs + 20);
  EXPECT_EQ(ks_.db(0).expires.size(), 1u);
  EXPECT_TRUE(ks_.persist(0, e));
  EXPECT_EQ(ks_.get_expire(0, e), -1);
  EXPECT_EQ(ks_.db(0).expires.size(), 0u);
}

TEST_F(KeyspaceTest, LoadingSuspendsExpiry) {
  add("k", kStartMs + 100);
  advance_ms(500);
  ks_.set_loading(true);
  EXPECT_FALSE(ks_.is_expired(0, ks_.db(0).main.find("k")));
  EXPECT_NE(ks_.lookup_read(0, "k"), nullptr);
  EXPECT_FALSE(ks_.expire_if_needed(0, "k"));
  EXPECT_EQ(ks_.active_expire_cycle(), 0u);
  ks_.set_loading(false);
  EXPECT_EQ(ks_.lookup_read(0, "k"), nullptr);
  EXPECT_EQ(ks_.stats().expired_keys, 1u);
}

TEST_F(KeyspaceTest, OverwriteDropsTtlUnlessKept) {
  add("k", kStartMs + 1000);
  ks_.overwrite(0, Entry::make_string("k", "v2", Encoding::kEmbstr), /*keep_ttl=*/false);
  Entry* e = ks_.lookup_quiet(0, "k");
  EXPECT_EQ(e->str(), "v2");
  EXPECT_EQ(ks_.get_expire(0, e), -1);
  EXPECT_EQ(ks_.db(0).expires.size(), 0u);

  ks_.set_expire(0, e, kStartMs + 1000);
  ks_.overwrite(0, Entry::make_string("k", "v3", Encoding::kEmbstr), /*keep_ttl=*/true);
  e = ks_.lookup_quiet(0, "k");
  EXPECT_EQ(e->str(), "v3");
  EXPECT_EQ(ks_.get_expire(0, e), kStartMs + 1000);
  EXPECT_EQ(ks_.db(0).main.size(), 1u);
}

TEST_F(KeyspaceTest, OverwriteStampsAccessUnderLru) {
  add("k");
  advance_ms(10000);
  ks_.overwrite(0, Entry::make_string("k", "v2", Encoding::kEmbstr), false);
  EXPECT_EQ(ks_.idle_ms(ks_.lookup_quiet(0, "k")), 0u);
}

TEST_F(KeyspaceTest, MoveKeyCarriesValueStampAndTtl) {
  Entry* e = add("a", kStartMs + 5000);
  const uint32_t stamp = e->lru();
  advance_ms(3000);
  Entry* moved = ks_.move_key(0, "a", 0, "b");
  EXPECT_EQ(moved->key(), "b");
  EXPECT_EQ(moved->str(), "v");
  EXPECT_EQ(moved->lru(), stamp);
  EXPECT_EQ(ks_.get_expire(0, moved), kStartMs + 5000);
  EXPECT_EQ(ks_.lookup_quiet(0, "a"), nullptr);
  EXPECT_EQ(ks_.db(0).main.size(), 1u);
  EXPECT_EQ(ks_.db(0).expires.size(), 1u);

  moved = ks_.move_key(0, "b", 3, "b");  // MOVE: same name, other db
  EXPECT_EQ(ks_.get_expire(3, moved), kStartMs + 5000);
  EXPECT_EQ(ks_.db(0).main.size(), 0u);
  EXPECT_EQ(ks_.db(0).expires.size(), 0u);
  EXPECT_EQ(ks_.db(3).expires.size(), 1u);

  add("plain");
  moved = ks_.move_key(0, "plain", 0, "plain2");
  EXPECT_EQ(ks_.get_expire(0, moved), -1);
  EXPECT_EQ(ks_.db(0).expires.size(), 0u);
}

TEST_F(KeyspaceTest, ActiveCycleRemovesOnlyExpiredKeys) {
  std::set<std::string> hooked;
  ks_.set_expired_hook([&](int, std::string_view key) { hooked.emplace(key); });
  for (int i = 0; i < 10000; ++i) add(key_n("dead:", i), kStartMs + i % 1000);
  for (int i = 0; i < 100; ++i) add(key_n("plain:", i));
  for (int i = 0; i < 100; ++i) add(key_n("alive:", i), kStartMs + 1000000);
  advance_ms(1000);

  EXPECT_EQ(cycle_until_quiet(), 10000u);
  EXPECT_EQ(ks_.stats().expired_keys, 10000u);
  EXPECT_EQ(hooked.size(), 10000u);
  EXPECT_TRUE(hooked.count("dead:0") && hooked.count("dead:9999"));
  EXPECT_EQ(ks_.db(0).main.size(), 200u);
  EXPECT_EQ(ks_.db(0).expires.size(), 100u);
  for (int i = 0; i < 100; ++i) {
    EXPECT_NE(ks_.db(0).main.find(key_n("plain:", i)), nullptr);
    EXPECT_NE(ks_.db(0).main.find(key_n("alive:", i)), nullptr);
  }
  EXPECT_EQ(ks_.stats().keyspace_misses, 0u);  // the cycle is not a lookup
}

// The first cycle over an all-expired db keeps going until the db is clean (a ManualClock
// never runs out of time), and weighs its 100% stale sample at 5% into the estimate.
TEST_F(KeyspaceTest, ActiveCycleStaleEstimate) {
  for (int i = 0; i < 500; ++i) add(key_n("k", i), kStartMs);
  advance_ms(1);
  EXPECT_EQ(ks_.active_expire_cycle(), 500u);
  EXPECT_DOUBLE_EQ(ks_.stats().expired_stale_perc, 5.0);
  EXPECT_EQ(ks_.active_expire_cycle(), 0u);  // nothing sampled: estimate decays
  EXPECT_DOUBLE_EQ(ks_.stats().expired_stale_perc, 4.75);
}

TEST_F(KeyspaceTest, ActiveCycleTracksAverageTtl) {
  for (int i = 0; i < 100; ++i) add(key_n("k", i), kStartMs + 10000);
  EXPECT_EQ(ks_.active_expire_cycle(), 0u);
  EXPECT_EQ(ks_.db(0).avg_ttl, 10000);
  ks_.flush_db(0);
  EXPECT_EQ(ks_.db(0).avg_ttl, 0);
  EXPECT_EQ(ks_.db(0).expires_cursor, 0u);
}

TEST_F(KeyspaceTest, ActiveCycleCanBeDisabled) {
  add("k", kStartMs);
  advance_ms(1);
  ks_.set_active_expire_enabled(false);
  EXPECT_EQ(ks_.active_expire_cycle(), 0u);
  EXPECT_EQ(ks_.db(0).main.size(), 1u);
  ks_.set_active_expire_enabled(true);
  EXPECT_EQ(ks_.active_expire_cycle(), 1u);
}

TEST_F(KeyspaceTest, FastCycleOnlyAfterSlowCycleRanOutOfTime) {
  add("k", kStartMs);
  advance_ms(1);
  EXPECT_EQ(ks_.active_expire_cycle(ExpireCycle::kFast), 0u);
  EXPECT_EQ(ks_.db(0).main.size(), 1u);
}

TEST_F(KeyspaceTest, SwapDbMovesTtls) {
  add("k", kStartMs + 100, 0);
  ks_.swap_db(0, 1);
  Entry* e = ks_.lookup_quiet(1, "k");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(ks_.get_expire(1, e), kStartMs + 100);
  advance_ms(101);
  EXPECT_EQ(ks_.active_expire_cycle(), 1u);
}

class ManyDbsTest : public KeyspaceTest {
 protected:
  ManyDbsTest() : KeyspaceTest(Options{}.with_databases(20)) {}
};

// Like Redis, one cycle visits 16 dbs and the next cycle continues where it stopped.
TEST_F(ManyDbsTest, ActiveCycleVisitsSixteenDbsPerCall) {
  add("k", kStartMs, 19);
  advance_ms(1);
  EXPECT_EQ(ks_.active_expire_cycle(), 0u);  // dbs 0..15
  EXPECT_EQ(ks_.active_expire_cycle(), 1u);  // dbs 16..19, 0..11
}

// A clock that moves 10 ms per read exceeds the 25 ms slow budget (hz 10) at the third
// 16-iteration check, i.e. after 48 sampling rounds; the cycle then stops, and the next
// cycle is allowed to run as a fast one.
TEST(KeyspaceTimeLimit, SlowCycleStopsWhenOutOfTime) {
  Keyspace ks(Options{}.with_clock(std::make_shared<TickingClock>(10000)));
  for (int i = 0; i < 10000; ++i) {
    Entry* e = Entry::make_string(key_n("k", i), "v", Encoding::kEmbstr);
    ks.add(0, e);
    ks.set_expire(0, e, kStartMs);
  }
  uint64_t deleted = ks.active_expire_cycle();
  EXPECT_GE(deleted, 48u * 20);
  EXPECT_LT(deleted, 48u * 30);  // a round may take a few extra keys of the same hash group
  EXPECT_EQ(ks.stats().expired_time_cap_reached_count, 1u);
  EXPECT_GT(ks.stats().expire_cycle_time_used_us, 25000u);
  EXPECT_GT(ks.active_expire_cycle(ExpireCycle::kFast), 0u);
  EXPECT_EQ(ks.stats().expired_keys, 10000u - ks.db(0).main.size());
}

}  // namespace
}  // namespace kevy
