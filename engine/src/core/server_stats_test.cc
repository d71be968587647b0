// ServerStats: error codes, slow log truncation and trimming, reset, instantaneous rates. The
// truncation texts and limits were recorded from redis-server 7.0.15 (SLOWLOG GET after an
// RPUSH of 40 values and a SET of a 200-byte value with slowlog-log-slower-than 0).
#include "core/server_stats.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kevy {
namespace {

std::vector<std::string_view> views(const std::vector<std::string>& v) {
  return std::vector<std::string_view>(v.begin(), v.end());
}

TEST(ServerStatsTest, ErrorCodes) {
  ServerStats st;
  st.record_error("ERR syntax error");
  st.record_error("WRONGTYPE Operation against a key holding the wrong kind of value");
  st.record_error("ERR wrong number of arguments for 'get' command");
  st.record_error("NOSPACEINTHISERRORTEXT");
  // The blank must be within the first 31 bytes of the text (32 of "-CODE ...").
  st.record_error("ABCDEFGHIJKLMNOPQRSTUVWXYZ01234 x");  // blank at 31: too far
  st.record_error("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123 x");   // blank at 30
  EXPECT_EQ(st.total_error_replies(), 6u);
  const std::map<std::string, uint64_t, std::less<>> want = {
      {"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", 1}, {"ERR", 4}, {"WRONGTYPE", 1}};
  EXPECT_EQ(st.error_counts(), want);
}

TEST(ServerStatsTest, CallsAndRejections) {
  ServerStats st;
  EXPECT_EQ(st.find(3), nullptr);
  st.record_call(3, 10, false);
  st.record_call(3, 5, true);
  st.record_rejected(3);
  st.record_rejected(7);
  const CommandStats* c = st.find(3);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->calls, 2u);
  EXPECT_EQ(c->usec, 15u);
  EXPECT_EQ(c->failed_calls, 1u);
  EXPECT_EQ(c->rejected_calls, 1u);
  EXPECT_EQ(c->latency.total(), 2u);
  ASSERT_NE(st.find(7), nullptr);
  EXPECT_EQ(st.find(7)->calls, 0u);
  EXPECT_EQ(st.find(7)->latency.total(), 0u);
  EXPECT_EQ(st.find(5), nullptr);  // between used ids: nothing counted
  EXPECT_EQ(st.total_commands_processed(), 2u);  // rejected calls do not count

  st.set_latency_tracking(false);
  st.record_call(3, 1, false);
  EXPECT_EQ(st.find(3)->calls, 3u);
  EXPECT_EQ(st.find(3)->latency.total(), 2u);
}

TEST(ServerStatsTest, SlowlogTruncatesLikeRedis) {
  ServerStats st;
  std::vector<std::string> rpush = {"rpush", "l"};
  for (int i = 0; i < 40; ++i) rpush.push_back(std::to_string(i));
  st.slowlog_push(views(rpush), 1795664659, 8, "/tmp/r.sock:0", "foo", 128);
  const SlowlogEntry& e = st.slowlog().front();
  ASSERT_EQ(e.argv.size(), 32u);
  EXPECT_EQ(e.argv[0], "rpush");
  EXPECT_EQ(e.argv[30], "28");
  EXPECT_EQ(e.argv[31], "... (11 more arguments)");
  EXPECT_EQ(e.id, 0);
  EXPECT_EQ(e.time_s, 1795664659);
  EXPECT_EQ(e.duration_us, 8);
  EXPECT_EQ(e.client_addr, "/tmp/r.sock:0");
  EXPECT_EQ(e.client_name, "foo");

  const std::vector<std::string> big = {"set", "big", std::string(200, 'x')};
  st.slowlog_push(views(big), 1, 1, "", "", 128);
  const SlowlogEntry& b = st.slowlog().front();
  EXPECT_EQ(b.id, 1);
  ASSERT_EQ(b.argv.size(), 3u);
  EXPECT_EQ(b.argv[2], std::string(128, 'x') + "... (72 more bytes)");

  // Exactly 32 arguments and exactly 128 bytes stay whole.
  std::vector<std::string> exact(31, "a");
  exact.push_back(std::string(128, 'y'));
  st.slowlog_push(views(exact), 1, 1, "", "", 128);
  EXPECT_EQ(st.slowlog().front().argv.size(), 32u);
  EXPECT_EQ(st.slowlog().front().argv[31], std::string(128, 'y'));
}

TEST(ServerStatsTest, SlowlogTrimsOnPushAndKeepsIds) {
  ServerStats st;
  const std::vector<std::string> cmd = {"ping"};
  for (int i = 0; i < 5; ++i) st.slowlog_push(views(cmd), i, i, "", "", 3);
  ASSERT_EQ(st.slowlog().size(), 3u);
  EXPECT_EQ(st.slowlog().front().id, 4);  // newest first
  EXPECT_EQ(st.slowlog().back().id, 2);
  st.slowlog_reset();
  EXPECT_TRUE(st.slowlog().empty());
  st.slowlog_push(views(cmd), 9, 9, "", "", 3);
  EXPECT_EQ(st.slowlog().front().id, 5);
  st.slowlog_push(views(cmd), 9, 9, "", "", 0);  // slowlog-max-len 0 keeps nothing
  EXPECT_TRUE(st.slowlog().empty());
}

TEST(ServerStatsTest, ResetKeepsSlowlogDirtyAndIds) {
  ServerStats st;
  st.record_call(1, 10, true);
  st.record_error("ERR x");
  st.add_dirty(2);
  const std::vector<std::string> cmd = {"ping"};
  st.slowlog_push(views(cmd), 1, 1, "", "", 10);
  const std::string run_id = st.run_id();
  st.ops_rate().sample(0, 0);
  st.ops_rate().sample(100, 50);
  st.reset();
  EXPECT_EQ(st.find(1), nullptr);
  EXPECT_EQ(st.total_commands_processed(), 0u);
  EXPECT_EQ(st.total_error_replies(), 0u);
  EXPECT_TRUE(st.error_counts().empty());
  EXPECT_EQ(st.ops_rate().per_second(), 0.0);
  EXPECT_EQ(st.dirty(), 2u);
  EXPECT_EQ(st.slowlog().size(), 1u);
  EXPECT_EQ(st.run_id(), run_id);
  EXPECT_EQ(run_id.size(), 40u);
  EXPECT_EQ(run_id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(st.replid(), run_id);
}

TEST(ServerStatsTest, RateSamplerAveragesSixteenSamples) {
  RateSampler r;
  r.sample(1000, 0);  // starts the clock
  EXPECT_EQ(r.per_second(), 0.0);
  r.sample(1050, 10);  // under 100 ms: ignored
  r.sample(1100, 160);  // 160 ops in 100 ms = 1600/s in one of 16 slots
  EXPECT_DOUBLE_EQ(r.per_second(), 100.0);
  r.sample(2700, 160);  // 1.6 s idle fills every slot with 0
  EXPECT_DOUBLE_EQ(r.per_second(), 0.0);
  r.sample(3500, 960);  // 800 ops over 0.8 s: 1000/s in 8 slots
  EXPECT_DOUBLE_EQ(r.per_second(), 500.0);
}

}  // namespace
}  // namespace kevy
