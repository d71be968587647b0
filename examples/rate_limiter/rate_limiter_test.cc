// RateLimiter's tests, written with kevy/testing.h: a kevy::Server per test, a manual clock
// for the windows, faults for the failure paths. No redis-server needed.
#include "rate_limiter.h"

#include <kevy/testing.h>

#include <chrono>
#include <string>

namespace {

using namespace std::chrono_literals;
using kevy::testing::HasTtl;
using kevy::testing::SetEq;
using kevy::testing::IsRespError;
using kevy::testing::StringEq;
using ::testing::_;
using ::testing::Not;

class RateLimiterTest : public kevy::testing::ServerTest {  // a kevy::Server per test
 protected:
  RateLimiter limiter{host(), port(), /*limit=*/3, /*window=*/10s, /*timeout=*/50ms};
};

TEST_F(RateLimiterTest, AllowsUpToTheLimitThenRefuses) {
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_FALSE(limiter.allow("alice"));
  EXPECT_FALSE(limiter.degraded());
}

TEST_F(RateLimiterTest, FirstRequestStartsTheWindowAndLaterOnesKeepIt) {
  EXPECT_COMMAND("INCR", "rate:alice").Times(2);
  EXPECT_COMMAND("EXPIRE", "rate:alice", "10", "NX").Times(2);
  limiter.allow("alice");
  EXPECT_THAT(key("rate:alice"), HasTtl(10s));
  advance(3s);
  limiter.allow("alice");
  EXPECT_THAT(key("rate:alice"), HasTtl(7s));  // not pushed back to 10 s
  EXPECT_THAT(key("rate:alice"), StringEq("2"));
}

TEST_F(RateLimiterTest, WindowEndsWhenTheKeyExpires) {
  EXPECT_COMMAND("EXPIRE", "rate:alice", "10", "NX").Times(5);  // checked at the end
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_FALSE(limiter.allow("alice"));
  EXPECT_THAT(key("rate:alice"), HasTtl(10s));
  advance(10s + 1ms);  // the manual clock fires the expiry
  EXPECT_TRUE(limiter.allow("alice"));
}

TEST_F(RateLimiterTest, WindowLastsUntilItsTtlHasPassed) {
  for (int i = 0; i < 3; ++i) limiter.allow("alice");
  advance(10s);  // Redis expires a key once the time is past its TTL, not at it
  EXPECT_FALSE(limiter.allow("alice"));
  advance(1ms);
  EXPECT_THAT(store(), Not(kevy::testing::HasKey("rate:alice")));
}

TEST_F(RateLimiterTest, UsersHaveSeparateCounters) {
  for (int i = 0; i < 3; ++i) limiter.allow("alice");
  EXPECT_FALSE(limiter.allow("alice"));
  EXPECT_TRUE(limiter.allow("bob"));
}

TEST_F(RateLimiterTest, CountsAPreviousInstancesRequests) {
  seed("rate:alice", "3", 5s);  // another instance of the app used the window up
  EXPECT_FALSE(limiter.allow("alice"));
  EXPECT_THAT(key("rate:alice"), HasTtl(5s));  // the window is not extended
}

TEST_F(RateLimiterTest, ErrorReplyFailsOpen) {
  inject().command("INCR").error("LOADING Redis is loading the dataset in memory");
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_TRUE(limiter.degraded());
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_FALSE(limiter.degraded());
}

TEST_F(RateLimiterTest, WrongTypeKeyFailsOpen) {
  seed("rate:alice", kevy::testing::List{{"not a counter"}});
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_TRUE(limiter.degraded());
  EXPECT_THAT(execute({"INCR", "rate:alice"}), IsRespError("WRONGTYPE"));
}

TEST_F(RateLimiterTest, SlowRedisFailsOpen) {
  inject().command("INCR").times(2).delay(100ms);  // also .error("..."), .close_connection()
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_TRUE(limiter.degraded());
}

TEST_F(RateLimiterTest, SlowRequestsStillCount) {
  inject().command("INCR").times(2).delay(100ms);  // the request and its retry time out
  limiter.allow("alice");
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_FALSE(limiter.degraded());
  EXPECT_THAT(key("rate:alice"), StringEq("3"));  // the slow INCRs ran all the same
}

TEST_F(RateLimiterTest, ConnectionCutMidReplyIsRetriedOnANewConnection) {
  inject().command("INCR").close_connection();
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_FALSE(limiter.degraded());
  EXPECT_THAT(key("rate:alice"), StringEq("2"));  // the cut INCR counted: at-least-once
  EXPECT_THAT(key("rate:alice"), HasTtl(10s));     // and the window still ends
  EXPECT_EQ(commands().size(), 3u);                // INCR, INCR again, EXPIRE NX
}

TEST_F(RateLimiterTest, RedisDownFailsOpenUntilItIsBack) {
  EXPECT_TRUE(limiter.allow("alice"));
  restart();             // drops the limiter's connection...
  refuse_connections();  // ...and new ones are refused
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_TRUE(limiter.degraded());
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_TRUE(limiter.degraded());
  refuse_connections(false);
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_FALSE(limiter.degraded());
}

TEST_F(RateLimiterTest, CountersSurviveARedisRestart) {
  for (int i = 0; i < 3; ++i) limiter.allow("alice");
  restart();
  EXPECT_FALSE(limiter.allow("alice"));  // reconnected, and the count is still there
  EXPECT_THAT(key("rate:alice"), HasTtl(10s));
}

TEST_F(RateLimiterTest, OutOfMemoryRedisFailsOpen) {
  fill_memory();
  EXPECT_TRUE(limiter.allow("alice"));
  EXPECT_TRUE(limiter.degraded());
}

TEST_F(RateLimiterTest, RefusedUsersAreRecordedOnce) {
  for (int i = 0; i < 6; ++i) limiter.allow("alice");
  for (int i = 0; i < 4; ++i) limiter.allow("bob");
  limiter.allow("carol");
  EXPECT_THAT(key("rate:refused"), SetEq({"alice", "bob"}));
}

TEST_F(RateLimiterTest, SampleOfRefusedUsersReproducesWithASeed) {
  std::vector<std::string> users;
  for (int u = 0; u < 20; ++u) users.push_back("user" + std::to_string(u));
  seed("rate:refused", kevy::testing::Set{users});
  seed_random(7);
  const std::vector<std::string> first = limiter.sample_refused(3);
  ASSERT_EQ(first.size(), 3u);
  seed_random(7);
  EXPECT_EQ(limiter.sample_refused(3), first);  // a failing report test replays exactly
}

TEST_F(RateLimiterTest, WindowsFollowTheFirstRequestNotTheWallClockMinute) {
  // 12:00:59 UTC on 2026-11-27: a window started just before a minute boundary still lasts
  // its full 10 s after it.
  set_time(std::chrono::system_clock::time_point(std::chrono::seconds(1795780859)));
  for (int i = 0; i < 3; ++i) limiter.allow("alice");
  set_time(now() + 2s);  // 12:01:01
  EXPECT_FALSE(limiter.allow("alice"));
  set_time(now() + 8s + 1ms);
  EXPECT_TRUE(limiter.allow("alice"));
}

TEST_F(RateLimiterTest, OnlyRateKeysAreWritten) {
  limiter.allow("alice");
  limiter.allow("bob");
  const kevy::testing::KeyspaceDump dump = dump_keyspace();
  ASSERT_EQ(dump.size(), 2u);
  EXPECT_EQ(dump.begin()->first, "rate:alice");
  EXPECT_EQ(std::next(dump.begin())->first, "rate:bob");
  EXPECT_THAT(commands(), ::testing::Each(::testing::Not(kevy::testing::IsCommand("KEYS", _))));
}

// The limit holds for every size: exactly `limit` requests pass in a window, and a new window
// starts after it.
class RateLimiterLimitTest : public kevy::testing::ServerTest,
                             public ::testing::WithParamInterface<int> {};

TEST_P(RateLimiterLimitTest, ExactlyLimitRequestsPassPerWindow) {
  const int limit = GetParam();
  RateLimiter l(host(), port(), limit, 60s);
  for (int i = 0; i < limit; ++i) ASSERT_TRUE(l.allow("u")) << "request " << i + 1;
  EXPECT_FALSE(l.allow("u"));
  EXPECT_THAT(key("rate:u"), StringEq(std::to_string(limit + 1)));
  advance(60s + 1ms);
  EXPECT_TRUE(l.allow("u"));
}

TEST_P(RateLimiterLimitTest, WindowIsTheExpiryOfTheFirstRequest) {
  const int seconds = GetParam();
  RateLimiter l(host(), port(), 1, std::chrono::seconds(seconds));
  EXPECT_COMMAND("EXPIRE", "rate:u", std::to_string(seconds), "NX").Times(3);
  EXPECT_TRUE(l.allow("u"));
  EXPECT_THAT(key("rate:u"), HasTtl(std::chrono::seconds(seconds)));
  advance(std::chrono::seconds(seconds));
  EXPECT_FALSE(l.allow("u"));  // Redis expires a key once the time is past its TTL
  advance(1ms);
  EXPECT_TRUE(l.allow("u"));
}

INSTANTIATE_TEST_SUITE_P(Limits, RateLimiterLimitTest, ::testing::Range(1, 45));

}  // namespace
