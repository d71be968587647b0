// Time control: advance()/set_time() fire expiries (with their events), LFU decay and blocking
// timeouts deterministically; tick() runs one sampled cycle.
#include <kevy/testing.h>

#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kevy::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::ElementsAre;
using ::testing::Not;

class TimeTest : public StoreTest {};

TEST_F(TimeTest, AdvanceDeletesExpiredKeysAndNotifiesWithoutAnyAccess) {
  ASSERT_EQ(execute({"CONFIG", "SET", "notify-keyspace-events", "Ex"}).str(), "OK");
  std::mutex mu;
  std::vector<std::string> expired;
  Subscription sub = store().subscribe({"__keyevent@0__:expired"}, [&](const PubSubMessage& m) {
    std::lock_guard<std::mutex> lock(mu);
    expired.push_back(m.payload);
  });
  seed("later", "v", seconds(2));
  seed("soon", "v", seconds(1));
  seed("kept", "v");

  advance(milliseconds(999));
  std::this_thread::sleep_for(milliseconds(20));  // real time does not count
  EXPECT_TRUE(expired.empty());
  advance(milliseconds(2));
  EXPECT_THAT(expired, ElementsAre("soon"));
  advance(seconds(5));
  EXPECT_THAT(expired, ElementsAre("soon", "later"));
  EXPECT_EQ(execute({"DBSIZE"}).integer_value(), 1);  // deleted, not only hidden
}

TEST_F(TimeTest, SetTimeMovesTheClockAndFiresWhatIsDue) {
  const auto start = now();
  seed("k", "v", seconds(30));
  set_time(start + seconds(10));
  EXPECT_EQ(now(), start + seconds(10));
  EXPECT_THAT(key("k"), HasTtl(seconds(20)));
  EXPECT_EQ(execute({"TIME"}).elements()[0].str(),
            std::to_string(std::chrono::duration_cast<seconds>(
                               (start + seconds(10)).time_since_epoch()).count()));
  set_time(start + seconds(31));
  EXPECT_EQ(execute({"DBSIZE"}).integer_value(), 0);
}

TEST_F(TimeTest, LfuCountersDecayWithTheClock) {
  reset(Options{}.with_max_memory(1ull << 30, EvictionPolicy::kAllKeysLfu));
  seed_random(7);
  execute({"SET", "hot", "v"});
  for (int i = 0; i < 200; ++i) execute({"GET", "hot"});
  const int64_t before = execute({"OBJECT", "FREQ", "hot"}).integer_value();
  ASSERT_GT(before, 5);  // LFU_INIT_VAL is 5: the reads counted
  advance(minutes(3));   // lfu-decay-time 1: one step per minute
  EXPECT_EQ(execute({"OBJECT", "FREQ", "hot"}).integer_value(), before - 3);
  advance(minutes(300));
  EXPECT_EQ(execute({"OBJECT", "FREQ", "hot"}).integer_value(), 0);
}

TEST_F(TimeTest, AdvanceTimesOutBlockedCommandsAtTheirDeadline) {
  std::vector<std::string_view> keys = {"queue"};
  auto popped = std::async(std::launch::async, [&] {
    return store().blpop(keys, seconds(5));
  });
  ASSERT_TRUE(wait_for_blocked(1));
  advance(seconds(5));  // at the deadline: Redis times a client out once it is past
  EXPECT_EQ(popped.wait_for(milliseconds(50)), std::future_status::timeout);
  advance(milliseconds(1));
  ASSERT_EQ(popped.wait_for(seconds(5)), std::future_status::ready);
  auto r = popped.get();
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value().has_value());  // timed out, nothing popped
}

TEST_F(TimeTest, BlockedCommandIsServedByAPushBeforeItsTimeout) {
  std::vector<std::string_view> keys = {"queue"};
  auto popped = std::async(std::launch::async, [&] { return store().blpop(keys, seconds(5)); });
  ASSERT_TRUE(wait_for_blocked(1));
  advance(seconds(4));
  execute({"RPUSH", "queue", "job"});
  ASSERT_EQ(popped.wait_for(seconds(5)), std::future_status::ready);
  auto r = popped.get();
  ASSERT_TRUE(r.ok() && r.value().has_value());
  EXPECT_EQ(r.value()->second, "job");
}

TEST_F(TimeTest, TickRunsOneSampledCycleAndClockAloneDeletesNothing) {
  seed("k", "v", milliseconds(5));
  clock().advance_ms(10);  // the clock only: nothing fires
  EXPECT_EQ(execute({"DBSIZE"}).integer_value(), 1);  // DBSIZE counts it, as Redis does
  tick();
  EXPECT_EQ(execute({"DBSIZE"}).integer_value(), 0);
}

}  // namespace
}  // namespace kevy::testing
