// The public Store API: opening, the execute/execute_resp contract, sessions, and the claim in
// store.h that every method is safe to call from several threads at once.
#include "kevy/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace kevy {
namespace {

Store open_store(Options opts = {}) {
  auto r = Store::open(std::move(opts));
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return std::move(r.value());
}

TEST(StoreOpen, RejectsBadOptions) {
  auto no_dbs = Store::open(Options{}.with_databases(0));
  ASSERT_FALSE(no_dbs.ok());
  EXPECT_EQ(no_dbs.status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(Store::open(Options{}.with_hz(0)).ok());
  EXPECT_TRUE(Store::open(Options{}.with_databases(1)).ok());
}

TEST(StoreExecute, EmptyArgvIsAnErrorNotACrash) {
  Store store = open_store();
  Session s;
  EXPECT_TRUE(store.execute(std::span<const std::string_view>(), s).is_error());
}

TEST(StoreExecute, SessionCarriesDbAndProtocol) {
  Store store = open_store(Options{}.with_databases(4));
  Session a;
  Session b;
  std::vector<std::string_view> select{"SELECT", "3"};
  EXPECT_EQ(store.execute_resp(select, a), "+OK\r\n");
  std::vector<std::string_view> set{"SET", "k", "v"};
  EXPECT_EQ(store.execute_resp(set, a), "+OK\r\n");
  std::vector<std::string_view> get{"GET", "k"};
  EXPECT_EQ(store.execute_resp(get, b), "$-1\r\n");  // b is still in db 0
  EXPECT_EQ(store.get("k", 3), "v");
  std::vector<std::string_view> hello{"HELLO", "3"};
  EXPECT_EQ(store.execute(hello, b).type(), Reply::Type::kMap);
  EXPECT_EQ(b.protocol, 3);
  EXPECT_EQ(store.execute_resp(get, b), "_\r\n");
  std::vector<std::string_view> bad_db{"SELECT", "4"};
  EXPECT_EQ(store.execute_resp(bad_db, a), "-ERR DB index is out of range\r\n");
  EXPECT_EQ(a.db, 3);
}

TEST(StoreExecute, ExecuteAndTypedCallsSeeTheSameData) {
  Store store = open_store();
  EXPECT_EQ(store.execute({"SET", "n", "41"}), Reply::ok());
  auto n = store.incr_by("n", 1);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 42);
  EXPECT_EQ(store.execute({"GET", "n"}), Reply::bulk("42"));
  std::string_view keys[] = {"n", "n", "missing"};
  EXPECT_EQ(store.exists(keys), 2);
  EXPECT_EQ(store.execute({"EXISTS", "n", "n", "missing"}), Reply::integer(2));
}

// Several threads share one store, each with its own session; the counts must add up exactly
// (each command is atomic) and nothing may race (this test runs under TSan in CI too).
TEST(StoreThreads, ConcurrentCommandsAreAtomic) {
  auto clock = std::make_shared<ManualClock>();
  Store store = open_store(Options{}.with_clock(clock).with_active_expire(true).with_hz(100));
  constexpr int kThreads = 4;
  constexpr int kOps = 2000;
  std::vector<std::thread> threads;
  std::atomic<int> set_ok{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Session s;
      std::string own = "own:" + std::to_string(t);
      for (int i = 0; i < kOps; ++i) {
        std::vector<std::string_view> incr{"INCR", "shared"};
        store.execute(incr, s);
        if (store.set(own, std::to_string(i)).ok()) set_ok.fetch_add(1);
        store.expire(own, std::chrono::milliseconds(1000000));
        store.get(own);
        if (i % 100 == 0) store.tick();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(store.get("shared"), std::to_string(kThreads * kOps));
  EXPECT_EQ(set_ok.load(), kThreads * kOps);
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(store.get("own:" + std::to_string(t)), std::to_string(kOps - 1));
  }
  // Time moves on: the background expiry thread deletes the keys without anyone reading them.
  clock->advance_ms(2000000);
  for (int i = 0; i < 200; ++i) {
    std::vector<std::string_view> dbsize{"DBSIZE"};
    Session s;
    if (store.execute(dbsize, s) == Reply::integer(1)) break;  // only "shared" has no TTL
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Session s;
  std::vector<std::string_view> dbsize{"DBSIZE"};
  EXPECT_EQ(store.execute(dbsize, s), Reply::integer(1));
}

TEST(StoreMove, MovedFromStoreCanBeDestroyed) {
  Store a = open_store();
  a.set("k", "v");
  Store b = std::move(a);
  EXPECT_EQ(b.get("k"), "v");
}

}  // namespace
}  // namespace kevy
