// When the Store reads its clock (store_impl.h Timing, Keyspace::begin_command_lazily):
// execute fixes the command time before the command runs; a typed call reads the precise
// clock only when it needs the time (a key with a TTL), at most once; access stamps (OBJECT
// IDLETIME, LRU eviction, LFU) come from Clock::coarse_now_ms.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kevy/clock.h"
#include "kevy/store.h"

namespace kevy {
namespace {

// A manual clock whose coarse reading is set apart from its precise one, and which counts
// both kinds of reading.
class CountingClock final : public Clock {
 public:
  int64_t now_us() const override {
    precise_reads.fetch_add(1);
    return us.load();
  }
  int64_t coarse_now_ms() const override {
    coarse_reads.fetch_add(1);
    return coarse_ms.load();
  }
  std::atomic<int64_t> us{1700000000000000};
  std::atomic<int64_t> coarse_ms{1700000000000};
  mutable std::atomic<int> precise_reads{0};
  mutable std::atomic<int> coarse_reads{0};
};

class StoreTimeTest : public ::testing::Test {
 protected:
  StoreTimeTest() {
    // No background cycle: the only readings are the commands'.
    auto r = Store::open(Options{}.with_clock(clock_).with_active_expire(false));
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    store_ = std::make_unique<Store>(std::move(r.value()));
  }
  std::string exec(std::vector<std::string_view> argv) {
    return store_->execute_resp(argv, session_);
  }
  int precise_reads_during(const std::function<void()>& fn) {
    const int before = clock_->precise_reads.load();
    fn();
    return clock_->precise_reads.load() - before;
  }

  std::shared_ptr<CountingClock> clock_ = std::make_shared<CountingClock>();
  std::unique_ptr<Store> store_;
  Session session_;
};

TEST_F(StoreTimeTest, TypedCallsOnKeysWithoutTtlNeverReadThePreciseClock) {
  std::string_view members[] = {"a", "b"};
  EXPECT_EQ(precise_reads_during([&] {
              ASSERT_EQ(store_->sadd("s", members).value(), 2);
              ASSERT_TRUE(store_->sismember("s", "a").value());
              ASSERT_FALSE(store_->sismember("missing", "a").value());
              ASSERT_EQ(store_->lpush("l", members).value(), 2);
              ASSERT_EQ(store_->get("missing"), std::nullopt);
            }),
            0);
}

TEST_F(StoreTimeTest, TypedCallsReadThePreciseClockOnceWhenATtlIsChecked) {
  ASSERT_TRUE(store_->set("k", "v").ok());
  ASSERT_TRUE(store_->expire("k", std::chrono::milliseconds(1000)));
  EXPECT_EQ(precise_reads_during(
                [&] { ASSERT_EQ(store_->get("k"), std::optional<std::string>("v")); }),
            1);
  // At the deadline the key still lives (Redis expires once the time is past it); one
  // millisecond later it is gone.
  clock_->us += 1000 * 1000;
  EXPECT_EQ(store_->get("k"), std::optional<std::string>("v"));
  clock_->us += 1000;
  EXPECT_EQ(store_->get("k"), std::nullopt);
}

TEST_F(StoreTimeTest, ExecuteReadsTheClockBeforeTheCommandRuns) {
  // The command is timed for INFO commandstats / SLOWLOG from that first reading.
  EXPECT_GE(precise_reads_during([&] { ASSERT_EQ(exec({"EXISTS", "nokey"}), ":0\r\n"); }), 1);
}

TEST_F(StoreTimeTest, AccessStampsFollowTheCoarseClock) {
  ASSERT_EQ(exec({"SET", "k", "v"}), "+OK\r\n");
  // The precise clock does not move the LRU clock; the coarse one does.
  clock_->us += 50 * 1000 * 1000;
  EXPECT_EQ(exec({"OBJECT", "IDLETIME", "k"}), ":0\r\n");
  clock_->coarse_ms += 7000;
  EXPECT_EQ(exec({"OBJECT", "IDLETIME", "k"}), ":7\r\n");
  // A typed read stamps the key with the coarse time too.
  ASSERT_EQ(store_->get("k"), std::optional<std::string>("v"));
  EXPECT_EQ(exec({"OBJECT", "IDLETIME", "k"}), ":0\r\n");
  // One coarse reading per command, however many keys it stamps.
  const int before = clock_->coarse_reads.load();
  ASSERT_EQ(exec({"MGET", "k", "k", "k"}), "*3\r\n$1\r\nv\r\n$1\r\nv\r\n$1\r\nv\r\n");
  EXPECT_EQ(clock_->coarse_reads.load() - before, 1);
}

TEST(SystemClock, CoarseReadingNeverLeadsThePreciseOneAndLagsLittle) {
  const std::shared_ptr<Clock> clock = Clock::system();
  for (int i = 0; i < 1000; ++i) {
    const int64_t before = clock->now_ms();
    const int64_t coarse = clock->coarse_now_ms();
    const int64_t after = clock->now_ms();
    EXPECT_LE(coarse, after);
    // It moves with the kernel's tick (1..10 ms); the bound is loose for tickless kernels.
    EXPECT_GE(coarse, before - 1000);
  }
}

}  // namespace
}  // namespace kevy
