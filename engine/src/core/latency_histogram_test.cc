// LatencyHistogram against numbers redis-server 7.0.15 printed: INFO latencystats percentiles
// and LATENCY HISTOGRAM buckets of DEBUG SLEEP calls (CONFIG RESETSTAT before each run). The
// oracle's durations are not known exactly; each test records a duration inside the same
// histogram counter as the oracle's (the percentile it printed is that counter's top value).
#include "core/latency_histogram.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace kevy {
namespace {

using Buckets = std::vector<std::pair<int64_t, int64_t>>;

TEST(LatencyHistogramTest, EmptyReportsNothing) {
  LatencyHistogram h;
  EXPECT_TRUE(h.empty());
  EXPECT_EQ(h.value_at_percentile_ns(50), 0);
  EXPECT_TRUE(h.cumulative_usec().empty());
}

// One call each: (duration us, INFO p50 in ns, LATENCY HISTOGRAM's only bucket key).
TEST(LatencyHistogramTest, SingleCallsMatchOracle) {
  struct Case {
    int64_t us;
    int64_t p50_ns;
    int64_t bucket;
  };
  const Case cases[] = {
      {6, 6015, 8},               // GET
      {7, 7007, 8},               // PING
      {9, 9023, 16},              // SET
      {96, 96255, 132},           // DEBUG SLEEP 0
      {220, 220159, 264},         // DEBUG SLEEP 0.0001
      {434, 434175, 528},         // DEBUG SLEEP 0.0003
      {1130, 1130495, 2113},      // DEBUG SLEEP 0.001
      {3211, 3211263, 4227},      // DEBUG SLEEP 0.003
      {52953, 52953087, 67633},   // DEBUG SLEEP 0.05
      {200278, 200278015, 270532},  // DEBUG SLEEP 0.2
  };
  for (const Case& c : cases) {
    LatencyHistogram h;
    h.record_us(c.us);
    EXPECT_EQ(h.total(), 1u);
    EXPECT_EQ(h.value_at_percentile_ns(50), c.p50_ns) << c.us;
    EXPECT_EQ(h.value_at_percentile_ns(99), c.p50_ns) << c.us;
    EXPECT_EQ(h.value_at_percentile_ns(99.9), c.p50_ns) << c.us;
    EXPECT_EQ(h.cumulative_usec(), (Buckets{{c.bucket, 1}})) << c.us;
  }
}

// DEBUG SLEEP 0.001, 0.002, 0.05, 0.0005, 0.01: p50=2113.535,p99=50331.647,p99.9=50331.647 and
// histogram_usec {1056: 1, 2113: 3, 16908: 4, 67633: 5}.
TEST(LatencyHistogramTest, SeveralCallsMatchOracle) {
  LatencyHistogram h;
  for (int64_t us : {1130, 2100, 50300, 560, 10100}) h.record_us(us);
  EXPECT_EQ(h.total(), 5u);
  EXPECT_EQ(h.value_at_percentile_ns(50), 2113535);
  EXPECT_EQ(h.value_at_percentile_ns(99), 50331647);
  EXPECT_EQ(h.value_at_percentile_ns(99.9), 50331647);
  EXPECT_EQ(h.cumulative_usec(), (Buckets{{1056, 1}, {2113, 3}, {16908, 4}, {67633, 5}}));
}

// Calls of 0 us are recorded as 1 ns (Redis's minimum) and land in the first level.
TEST(LatencyHistogramTest, ZeroAndSmallDurations) {
  LatencyHistogram h;
  for (int i = 0; i < 5; ++i) h.record_us(0);
  h.record_us(1);
  h.record_us(3);
  h.record_us(3);
  EXPECT_EQ(h.value_at_percentile_ns(50), 1);
  EXPECT_EQ(h.value_at_percentile_ns(99), 3007);
  // Redis's SLOWLOG GET calls above: histogram_usec {1: 5, 2: 6, 4: 8}-style levels.
  EXPECT_EQ(h.cumulative_usec(), (Buckets{{1, 6}, {4, 8}}));
}

// Durations beyond one second are clamped to 1e9 ns; the last level lies beyond the counters.
TEST(LatencyHistogramTest, ClampsLongDurations) {
  LatencyHistogram h;
  h.record_us(5000000);
  EXPECT_EQ(h.value_at_percentile_ns(50), 1002438655);
  EXPECT_EQ(h.cumulative_usec(), (Buckets{{1073741, 1}}));
  h.clear();
  EXPECT_TRUE(h.empty());
  EXPECT_TRUE(h.cumulative_usec().empty());
}

}  // namespace
}  // namespace kevy
