// Blocking commands on the embedded Store: a BLPOP/BRPOP caller waits until another thread's
// push serves it, its timeout passes by the store's clock, or CLIENT UNBLOCK; waiters on one
// key are served oldest first; a race of many pushers and poppers loses and duplicates
// nothing (run under TSan in CI).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "kevy/store.h"
#include "test_support/temp_dir.h"

namespace kevy {
namespace {

using namespace std::chrono_literals;

Store open_store(std::shared_ptr<Clock> clock = nullptr) {
  Options o;
  o.active_expire = false;
  o.clock = std::move(clock);
  return std::move(Store::open(o).value());
}

// INFO clients' blocked_clients.
int64_t blocked_clients(Store& store) {
  const std::string info = store.execute({"INFO", "clients"}).str();
  const size_t at = info.find("blocked_clients:");
  return std::stoll(info.substr(at + 16));
}

void wait_for_blocked(Store& store, int64_t n) {
  for (int i = 0; i < 5000 && blocked_clients(store) != n; ++i) std::this_thread::sleep_for(1ms);
  ASSERT_EQ(blocked_clients(store), n);
}

TEST(StoreBlockingTest, BlpopWaitsForAnotherThreadsPush) {
  Store store = open_store();
  std::optional<std::pair<std::string, std::string>> got;
  std::thread popper([&] {
    const std::string_view keys[] = {"a", "q"};
    auto r = store.blpop(keys, 0ms);
    ASSERT_TRUE(r.ok());
    got = r.value();
  });
  wait_for_blocked(store, 1);
  const std::string_view values[] = {"x", "y"};
  ASSERT_EQ(store.rpush("q", values).value(), 2);  // the reply counts both, as in Redis
  popper.join();
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->first, "q");
  EXPECT_EQ(got->second, "x");
  EXPECT_EQ(store.lrange("q", 0, -1).value(), std::vector<std::string>{"y"});
  EXPECT_EQ(blocked_clients(store), 0);
  // Blocked, then served by running again: counted once, as Redis counts it.
  const std::string stats = store.execute({"INFO", "commandstats"}).str();
  EXPECT_NE(stats.find("cmdstat_blpop:calls=1,"), std::string::npos) << stats;
}

TEST(StoreBlockingTest, ExecuteBlocksAndReturnsTheServedReply) {
  Store store = open_store();
  Reply reply;
  std::thread popper([&] {
    Session s;
    s.protocol = 3;
    const std::string_view argv[] = {"BZPOPMIN", "z", "0"};
    reply = store.execute(argv, s);
  });
  wait_for_blocked(store, 1);
  store.execute({"ZADD", "z", "2", "b", "1", "a"});
  popper.join();
  EXPECT_EQ(reply.to_resp(3), "*3\r\n$1\r\nz\r\n$1\r\na\r\n,1\r\n");
}

TEST(StoreBlockingTest, TimeoutFollowsTheManualClock) {
  auto clock = std::make_shared<ManualClock>();
  Store store = open_store(clock);
  std::atomic<bool> done{false};
  std::optional<std::pair<std::string, std::string>> got{{"not", "set"}};
  std::thread popper([&] {
    const std::string_view keys[] = {"q"};
    got = store.brpop(keys, 5000ms).value();
    done = true;
  });
  wait_for_blocked(store, 1);
  std::this_thread::sleep_for(50ms);  // real time passes; the manual clock does not
  EXPECT_FALSE(done);
  clock->advance_ms(5000);  // at the deadline: Redis times out once the clock is past it
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(done);
  clock->advance_ms(1);
  popper.join();
  EXPECT_FALSE(got.has_value());
  EXPECT_EQ(blocked_clients(store), 0);
}

TEST(StoreBlockingTest, InsideMultiTheCommandDoesNotBlock) {
  Store store = open_store();
  Session s;
  const std::string_view multi[] = {"MULTI"}, blmove[] = {"BLMOVE", "a", "b", "LEFT", "LEFT", "0"},
                         blpop[] = {"BLPOP", "a", "0"}, exec[] = {"EXEC"};
  store.execute(multi, s);
  store.execute(blmove, s);
  store.execute(blpop, s);
  EXPECT_EQ(store.execute(exec, s).to_resp(2), "*2\r\n$-1\r\n*-1\r\n");
}

TEST(StoreBlockingTest, ClientUnblockRepliesTimeoutOrError) {
  Store store = open_store();
  for (const char* how : {"TIMEOUT", "ERROR"}) {
    Reply reply;
    std::thread popper([&] {
      Session s;
      s.client_id = 42;
      const std::string_view argv[] = {"BLMPOP", "0", "1", "q", "LEFT"};
      reply = store.execute(argv, s);
    });
    wait_for_blocked(store, 1);
    EXPECT_EQ(store.execute({"CLIENT", "UNBLOCK", "41", how}).integer_value(), 0);
    EXPECT_EQ(store.execute({"CLIENT", "UNBLOCK", "42", how}).integer_value(), 1);
    popper.join();
    EXPECT_EQ(reply.to_resp(2), std::string(how) == "TIMEOUT"
                                    ? "*-1\r\n"
                                    : "-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n");
  }
}

// Served from the key that became ready first, not the first of the waiter's keys with data
// (redis-server 7.0.15: BLPOP a b 0, then MULTI RPUSH b x RPUSH a y EXEC gives [b, x]).
TEST(StoreBlockingTest, ServedFromTheKeyThatBecameReadyFirst) {
  Store store = open_store();
  for (const char* cmd : {"BLPOP", "BLMPOP"}) {
    Reply reply;
    std::thread popper([&] {
      Session s;
      const bool mpop = std::string_view(cmd) == "BLMPOP";
      std::vector<std::string_view> argv =
          mpop ? std::vector<std::string_view>{cmd, "0", "2", "a", "b", "LEFT", "COUNT", "5"}
               : std::vector<std::string_view>{cmd, "a", "b", "0"};
      reply = store.execute(argv, s);
    });
    wait_for_blocked(store, 1);
    Session tx;
    for (std::vector<std::string_view> argv : std::vector<std::vector<std::string_view>>{
             {"MULTI"}, {"RPUSH", "b", "x"}, {"RPUSH", "a", "y"}, {"EXEC"}}) {
      store.execute(argv, tx);
    }
    popper.join();
    EXPECT_EQ(reply.to_resp(2), std::string_view(cmd) == "BLPOP"
                                    ? "*2\r\n$1\r\nb\r\n$1\r\nx\r\n"
                                    : "*2\r\n$1\r\nb\r\n*1\r\n$1\r\nx\r\n");
    store.execute({"DEL", "a", "b"});
  }
}

// Waiters blocked on one key one after the other are served in that order.
TEST(StoreBlockingTest, WaitersOnAKeyAreServedOldestFirst) {
  Store store = open_store();
  constexpr int kWaiters = 4;
  std::vector<std::string> got(kWaiters);
  std::vector<std::thread> poppers;
  for (int i = 0; i < kWaiters; ++i) {
    poppers.emplace_back([&, i] {
      const std::string_view keys[] = {"q"};
      got[static_cast<size_t>(i)] = store.blpop(keys, 0ms).value()->second;
    });
    wait_for_blocked(store, i + 1);
  }
  for (int i = 0; i < kWaiters; ++i) {
    const std::string v = "v" + std::to_string(i);
    const std::string_view values[] = {v};
    ASSERT_TRUE(store.rpush("q", values).ok());
  }
  for (auto& t : poppers) t.join();
  for (int i = 0; i < kWaiters; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], "v" + std::to_string(i));
}

// 8 pushers and 8 poppers: first the poppers block one after the other on "q" and concurrent
// pushes (one per pusher) must reach them oldest first; then all run freely: every element
// pushed is popped exactly once.
TEST(StoreBlockingTest, RaceOfPushersAndPoppersLosesNothing) {
  Store store = open_store();
  constexpr int kThreads = 8;
  constexpr int kPerPusher = 300;

  // Phase 1: FIFO under concurrent pushers. Each pusher pushes its one element to "q" while
  // also writing noise to its own key; the n-th element to arrive goes to the n-th waiter.
  std::vector<std::string> first(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      const std::string_view keys[] = {"q"};
      first[static_cast<size_t>(i)] = store.blpop(keys, 0ms).value()->second;
    });
    wait_for_blocked(store, i + 1);
  }
  std::vector<std::thread> pushers;
  std::mutex order_mu;
  std::vector<std::string> push_order;
  for (int p = 0; p < kThreads; ++p) {
    pushers.emplace_back([&, p] {
      const std::string noise_key = "noise" + std::to_string(p);
      const std::string_view noise[] = {"n"};
      for (int j = 0; j < 20; ++j) ASSERT_TRUE(store.rpush(noise_key, noise).ok());
      const std::string v = "first" + std::to_string(p);
      // order_mu makes the recorded order the order the store saw the pushes in.
      std::lock_guard<std::mutex> lock(order_mu);
      const std::string_view values[] = {v};
      ASSERT_TRUE(store.rpush("q", values).ok());
      push_order.push_back(v);
    });
  }
  for (auto& t : pushers) t.join();
  for (auto& t : threads) t.join();
  EXPECT_EQ(first, push_order);
  threads.clear();
  pushers.clear();

  // Phase 2: free-running; each popper stops at a "stop" element. Data goes to the head
  // (LPUSH) or the tail (RPUSH) of "q"; the stops go to the tail after all data, so every
  // element is popped before any stop.
  std::mutex got_mu;
  std::multiset<std::string> popped;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      const std::string_view keys[] = {"q", "r"};
      for (;;) {
        auto r = store.blpop(keys, 0ms);
        ASSERT_TRUE(r.ok() && r.value().has_value());
        if (r.value()->second == "stop") return;
        std::lock_guard<std::mutex> lock(got_mu);
        popped.insert(r.value()->second);
      }
    });
  }
  for (int p = 0; p < kThreads; ++p) {
    pushers.emplace_back([&, p] {
      for (int j = 0; j < kPerPusher; ++j) {
        const std::string v = std::to_string(p) + ":" + std::to_string(j);
        const std::string_view values[] = {v};
        ASSERT_TRUE((j % 2 == 0 ? store.rpush("q", values) : store.lpush("q", values)).ok());
      }
    });
  }
  for (auto& t : pushers) t.join();
  for (int i = 0; i < kThreads; ++i) {
    const std::string_view stop[] = {"stop"};
    ASSERT_TRUE(store.rpush("q", stop).ok());
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(popped.size(), static_cast<size_t>(kThreads * kPerPusher));
  std::set<std::string> distinct(popped.begin(), popped.end());
  EXPECT_EQ(distinct.size(), popped.size());
  for (int p = 0; p < kThreads; ++p) {
    for (int j = 0; j < kPerPusher; ++j) {
      EXPECT_TRUE(distinct.contains(std::to_string(p) + ":" + std::to_string(j)));
    }
  }
  EXPECT_EQ(store.execute({"EXISTS", "q", "r"}).integer_value(), 0);
}

// Served blocked commands reach the AOF in their non-blocking form, each as a unit of its own
// after the write that served it (what redis-server 7.0.15 writes: "rpush q a b", "LPOP q",
// "LPOP q2 2", "ZPOPMIN z", "LMOVE s d left right").
TEST(StoreBlockingTest, ServedCommandsPropagateTheirNonBlockingForm) {
  TempDir dir;
  {
    Store store = std::move(Store::open(Options{}
                                            .with_persist(dir.path())
                                            .with_appendfsync(AppendFsync::kAlways))
                                .value());
    const std::vector<std::vector<std::string>> waits = {{"BLPOP", "q", "0"},
                                                         {"BLMPOP", "0", "1", "q2", "left", "count", "2"},
                                                         {"BZPOPMIN", "z", "0"},
                                                         {"BLMOVE", "s", "d", "left", "right", "0"}};
    std::vector<std::thread> waiters;
    for (size_t i = 0; i < waits.size(); ++i) {
      waiters.emplace_back([&, i] {
        Session s;
        std::vector<std::string_view> argv(waits[i].begin(), waits[i].end());
        EXPECT_FALSE(store.execute(argv, s).is_null());
      });
      wait_for_blocked(store, static_cast<int64_t>(i + 1));
    }
    store.execute({"RPUSH", "q", "a", "b"});
    store.execute({"RPUSH", "q2", "a", "b", "c"});
    store.execute({"ZADD", "z", "1", "m", "2", "n"});
    store.execute({"RPUSH", "s", "x"});
    for (auto& t : waiters) t.join();
  }
  std::string aof;
  for (const auto& f : std::filesystem::directory_iterator(dir.path() + "/appendonlydir")) {
    if (f.path().string().ends_with(".incr.aof")) {
      std::ifstream in(f.path(), std::ios::binary);
      aof.assign(std::istreambuf_iterator<char>(in), {});
    }
  }
  const std::string want =
      "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
      "*4\r\n$5\r\nRPUSH\r\n$1\r\nq\r\n$1\r\na\r\n$1\r\nb\r\n"
      "*2\r\n$4\r\nLPOP\r\n$1\r\nq\r\n"
      "*5\r\n$5\r\nRPUSH\r\n$2\r\nq2\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n"
      "*3\r\n$4\r\nLPOP\r\n$2\r\nq2\r\n$1\r\n2\r\n"
      "*6\r\n$4\r\nZADD\r\n$1\r\nz\r\n$1\r\n1\r\n$1\r\nm\r\n$1\r\n2\r\n$1\r\nn\r\n"
      "*2\r\n$7\r\nZPOPMIN\r\n$1\r\nz\r\n"
      "*3\r\n$5\r\nRPUSH\r\n$1\r\ns\r\n$1\r\nx\r\n"
      "*5\r\n$5\r\nLMOVE\r\n$1\r\ns\r\n$1\r\nd\r\n$4\r\nleft\r\n$5\r\nright\r\n";
  EXPECT_EQ(aof, want);
}

}  // namespace
}  // namespace kevy
