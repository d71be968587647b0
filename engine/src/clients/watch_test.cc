// What invalidates a WATCH (clients/watch.h), through Store::execute: writes by any client or
// by the typed API, RENAME, expiry, FLUSHDB/FLUSHALL, SWAPDB. Every EXEC outcome below is what
// redis-server 7.0.15 replied to the same sequence (its expiry cases run with
// DEBUG SET-ACTIVE-EXPIRE 0, SET ... PX 100 and DEBUG SLEEP 0.2; here a ManualClock moves).
#include "clients/watch.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "clients/client_state.h"
#include "core/keyspace.h"
#include "kevy/store.h"

namespace kevy {
namespace {

constexpr int64_t kStartMs = 1700000000000;
const std::string kOk = "+OK\r\n";
const std::string kTouched = "*-1\r\n";
const std::string kRan = "*1\r\n+PONG\r\n";

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::open(Options{}.with_clock(clock_));
    ASSERT_TRUE(s.ok());
    store_.emplace(std::move(s.value()));
    a_.client_id = 1;
    b_.client_id = 2;
  }
  std::string run(Session& s, std::initializer_list<std::string_view> argv) {
    return store_->execute_resp(std::span(argv.begin(), argv.size()), s);
  }
  std::string a(std::initializer_list<std::string_view> argv) { return run(a_, argv); }
  std::string b(std::initializer_list<std::string_view> argv) { return run(b_, argv); }
  // MULTI, PING, EXEC as a: the EXEC reply (kRan or kTouched).
  std::string exec_ping() {
    EXPECT_EQ(a({"multi"}), kOk);
    EXPECT_EQ(a({"ping"}), "+QUEUED\r\n");
    return a({"exec"});
  }
  void sleep_ms(int64_t ms) { clock_->advance_ms(ms); }

  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(kStartMs);
  std::optional<Store> store_;
  Session a_;
  Session b_;
};

TEST_F(WatchTest, AnyWriteByAnotherClientTouches) {
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"set", "k", "1"}), kOk);  // creating a watched key counts
  EXPECT_EQ(exec_ping(), kTouched);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"get", "k"}), "$1\r\n1\r\n");  // reads do not
  EXPECT_EQ(b({"set", "other", "1"}), kOk);
  EXPECT_EQ(exec_ping(), kRan);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"del", "k"}), ":1\r\n");
  EXPECT_EQ(exec_ping(), kTouched);
  // A write that changed nothing does not touch (DEL of a missing key).
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"del", "k"}), ":0\r\n");
  EXPECT_EQ(exec_ping(), kRan);
}

TEST_F(WatchTest, OwnWritesBeforeMultiTouchToo) {
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(a({"set", "k", "1"}), kOk);
  EXPECT_EQ(exec_ping(), kTouched);
}

TEST_F(WatchTest, TypedApiWritesTouch) {
  EXPECT_EQ(a({"watch", "k", "h", "l"}), kOk);
  ASSERT_TRUE(store_->set("k", "v").ok());
  EXPECT_EQ(exec_ping(), kTouched);
  EXPECT_EQ(a({"watch", "h"}), kOk);
  const std::pair<std::string_view, std::string_view> fv[] = {{"f", "v"}};
  ASSERT_TRUE(store_->hset("h", fv).ok());
  EXPECT_EQ(exec_ping(), kTouched);
  EXPECT_EQ(a({"watch", "l"}), kOk);
  const std::string_view vals[] = {"x"};
  ASSERT_TRUE(store_->rpush("l", vals).ok());
  EXPECT_EQ(exec_ping(), kTouched);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(store_->del("k"), 1);
  EXPECT_EQ(exec_ping(), kTouched);
}

TEST_F(WatchTest, RenameTouchesBothNamesInTheirDb) {
  EXPECT_EQ(b({"set", "s1", "1"}), kOk);
  EXPECT_EQ(a({"watch", "s1"}), kOk);
  EXPECT_EQ(b({"rename", "s1", "s9"}), kOk);
  EXPECT_EQ(exec_ping(), kTouched);
  EXPECT_EQ(a({"watch", "s1"}), kOk);
  EXPECT_EQ(b({"rename", "s9", "s1"}), kOk);
  EXPECT_EQ(exec_ping(), kTouched);
  // The same names in another db are other keys.
  EXPECT_EQ(a({"select", "1"}), kOk);
  EXPECT_EQ(a({"watch", "s1", "s9"}), kOk);
  EXPECT_EQ(b({"rename", "s1", "s9"}), kOk);
  EXPECT_EQ(exec_ping(), kRan);
}

// Redis 7.0: a key live at WATCH that expires before EXEC fails the EXEC, deleted or not; a
// key already expired at WATCH does not, even when it is then deleted, unless it is written.
TEST_F(WatchTest, ExpiryBetweenWatchAndExec) {
  EXPECT_EQ(a({"set", "k", "v", "px", "100"}), kOk);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  sleep_ms(200);
  EXPECT_EQ(exec_ping(), kTouched);  // still stored, logically expired

  EXPECT_EQ(a({"set", "k", "v", "px", "100"}), kOk);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  sleep_ms(200);
  EXPECT_EQ(a({"get", "k"}), "$-1\r\n");  // deleted by the lookup
  EXPECT_EQ(exec_ping(), kTouched);
}

TEST_F(WatchTest, KeyAlreadyExpiredAtWatch) {
  EXPECT_EQ(a({"set", "k", "v", "px", "100"}), kOk);
  sleep_ms(200);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(exec_ping(), kRan);

  EXPECT_EQ(a({"set", "k", "v", "px", "100"}), kOk);
  sleep_ms(200);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(a({"get", "k"}), "$-1\r\n");  // its deletion is no logical change
  EXPECT_EQ(exec_ping(), kRan);

  EXPECT_EQ(a({"set", "k", "v", "px", "100"}), kOk);
  sleep_ms(200);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"set", "k", "5"}), kOk);  // a new value is
  EXPECT_EQ(exec_ping(), kTouched);

  // Deleted, it is a plain missing key from then on: creating it touches.
  EXPECT_EQ(a({"set", "k", "v", "px", "100"}), kOk);
  sleep_ms(200);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(a({"get", "k"}), "$-1\r\n");
  EXPECT_EQ(b({"set", "k", "6"}), kOk);
  EXPECT_EQ(exec_ping(), kTouched);
}

TEST_F(WatchTest, FlushTouchesOnlyKeysThatExist) {
  EXPECT_EQ(a({"watch", "nokey"}), kOk);
  EXPECT_EQ(b({"flushall"}), kOk);
  EXPECT_EQ(exec_ping(), kRan);

  EXPECT_EQ(a({"set", "kk", "1"}), kOk);
  EXPECT_EQ(a({"watch", "kk"}), kOk);
  EXPECT_EQ(b({"flushall"}), kOk);
  EXPECT_EQ(exec_ping(), kTouched);

  // FLUSHDB of another db leaves db 0's watchers alone.
  EXPECT_EQ(a({"set", "q", "1"}), kOk);
  EXPECT_EQ(a({"watch", "q"}), kOk);
  EXPECT_EQ(b({"select", "1"}), kOk);
  EXPECT_EQ(b({"flushdb"}), kOk);
  EXPECT_EQ(exec_ping(), kRan);
  EXPECT_EQ(a({"watch", "q"}), kOk);
  EXPECT_EQ(a({"flushdb"}), kOk);
  EXPECT_EQ(exec_ping(), kTouched);
}

TEST_F(WatchTest, FlushOfExpiredKeys) {
  // Already expired at WATCH: flushing it is no change.
  EXPECT_EQ(a({"set", "k", "v", "px", "100"}), kOk);
  sleep_ms(200);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(a({"flushall"}), kOk);
  EXPECT_EQ(exec_ping(), kRan);
  // Live at WATCH, expired, then flushed: touched.
  EXPECT_EQ(a({"set", "k", "v", "px", "100"}), kOk);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  sleep_ms(200);
  EXPECT_EQ(a({"flushall"}), kOk);
  EXPECT_EQ(exec_ping(), kTouched);
}

TEST_F(WatchTest, SwapDb) {
  EXPECT_EQ(a({"set", "k", "1"}), kOk);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"swapdb", "0", "1"}), kOk);  // k leaves db 0
  EXPECT_EQ(exec_ping(), kTouched);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"swapdb", "0", "1"}), kOk);  // k comes back
  EXPECT_EQ(exec_ping(), kTouched);
  EXPECT_EQ(a({"watch", "zz"}), kOk);
  EXPECT_EQ(b({"swapdb", "0", "1"}), kOk);  // in neither db
  EXPECT_EQ(exec_ping(), kRan);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"swapdb", "0", "0"}), kOk);  // a db with itself: nothing changes
  EXPECT_EQ(exec_ping(), kRan);
}

TEST_F(WatchTest, SwapDbWithExpiredKeys) {
  EXPECT_EQ(b({"select", "1"}), kOk);
  // Expired in both dbs, watched expired in db 0: the swap brings another expired key.
  EXPECT_EQ(b({"set", "e", "1", "px", "50"}), kOk);
  EXPECT_EQ(a({"set", "e", "1", "px", "50"}), kOk);
  sleep_ms(100);
  EXPECT_EQ(a({"watch", "e"}), kOk);
  EXPECT_EQ(b({"swapdb", "0", "1"}), kOk);
  EXPECT_EQ(exec_ping(), kRan);
  // Missing in db 0, expired in db 1: it stays logically missing.
  EXPECT_EQ(a({"flushall"}), kOk);
  EXPECT_EQ(b({"set", "e", "1", "px", "50"}), kOk);
  sleep_ms(100);
  EXPECT_EQ(a({"watch", "e"}), kOk);
  EXPECT_EQ(b({"swapdb", "0", "1"}), kOk);
  EXPECT_EQ(exec_ping(), kRan);
  // Expired in db 0, missing in db 1: the expired key goes away, no change.
  EXPECT_EQ(b({"flushall"}), kOk);
  EXPECT_EQ(a({"set", "e", "1", "px", "50"}), kOk);
  sleep_ms(100);
  EXPECT_EQ(a({"watch", "e"}), kOk);
  EXPECT_EQ(b({"swapdb", "0", "1"}), kOk);
  EXPECT_EQ(exec_ping(), kRan);
  // Expired in db 0, live in db 1: a new value.
  EXPECT_EQ(b({"flushall"}), kOk);
  EXPECT_EQ(b({"set", "e", "live"}), kOk);
  EXPECT_EQ(a({"set", "e", "1", "px", "50"}), kOk);
  sleep_ms(100);
  EXPECT_EQ(a({"watch", "e"}), kOk);
  EXPECT_EQ(b({"swapdb", "0", "1"}), kOk);
  EXPECT_EQ(exec_ping(), kTouched);
}

TEST_F(WatchTest, ManyWatchersAndManyKeys) {
  Session c;
  c.client_id = 3;
  EXPECT_EQ(a({"watch", "k1", "k2", "k3", "k2"}), kOk);
  EXPECT_EQ(run(c, {"watch", "k2"}), kOk);
  EXPECT_EQ(b({"set", "k2", "x"}), kOk);
  EXPECT_EQ(exec_ping(), kTouched);
  EXPECT_EQ(run(c, {"multi"}), kOk);
  EXPECT_EQ(run(c, {"exec"}), kTouched);
}

// The registry itself: it forgets a client's keys on unwatch, and tolerates sessions that
// went away without unwatching.
TEST(WatchRegistryTest, UnwatchEmptiesAndGoneClientsAreSkipped) {
  auto clock = std::make_shared<ManualClock>(kStartMs);
  Keyspace ks(Options{}.with_clock(clock));
  ks.begin_command();
  WatchRegistry reg;
  auto c1 = std::make_shared<ClientState>();
  auto c2 = std::make_shared<ClientState>();
  reg.watch(c1, 0, "k", false);
  reg.watch(c1, 0, "k", false);  // once only
  reg.watch(c1, 1, "k", false);
  reg.watch(c2, 0, "k", false);
  EXPECT_EQ(c1->watched.size(), 2u);
  EXPECT_FALSE(reg.empty());
  reg.touch(ks, 1, "k");
  EXPECT_TRUE(c1->dirty_cas);
  EXPECT_FALSE(c2->dirty_cas);
  reg.unwatch_all(*c1);
  EXPECT_TRUE(c1->watched.empty());
  EXPECT_FALSE(reg.empty());
  c2.reset();  // a session destroyed without unwatching
  auto c3 = std::make_shared<ClientState>();
  reg.watch(c3, 0, "k", false);
  reg.unwatch_all(*c3);  // also drops the dead watcher's leftover entry
  EXPECT_TRUE(reg.empty());
  // A write to a key only dead sessions watch forgets the key.
  auto c4 = std::make_shared<ClientState>();
  reg.watch(c4, 0, "j", false);
  c4.reset();
  EXPECT_FALSE(reg.empty());
  reg.touch(ks, 0, "j");
  EXPECT_TRUE(reg.empty());
}

}  // namespace
}  // namespace kevy
