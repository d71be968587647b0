// LatencyHistogram: the per-command latency distribution behind INFO latencystats and LATENCY
// HISTOGRAM, bucketed as Redis 7.0 buckets it (an HDR histogram over 1 ns .. 1 s with two
// significant decimal digits), so that the percentiles and bucket bounds it reports are the
// numbers redis-server would print for the same durations.
//
// Layout (the HDR "log-linear" scheme): values below 256 ns are exact; above, each power-of-two
// range [2^k, 2^(k+1)) is split into 128 equal sub-buckets, i.e. a resolution of 2^(k-7) ns.
// The 3072 counters (24 KiB) are allocated on the first record, as Redis allocates a command's
// histogram on its first call.
//
// Not thread-safe; owned by ServerStats under the Store lock.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace kevy {

class LatencyHistogram {
 public:
  // Records one duration in microseconds (Redis records duration_us * 1000 ns, clamped to
  // 1 ns .. 1e9 ns).
  void record_us(int64_t duration_us);
  // Number of recorded durations (LATENCY HISTOGRAM's "calls").
  uint64_t total() const { return total_; }
  bool empty() const { return total_ == 0; }
  // The value (ns) at `percentile` (0..100): the highest value equivalent to the bucket where
  // the running count first reaches round(percentile% of total), at least 1. 0 when empty.
  int64_t value_at_percentile_ns(double percentile) const;
  // LATENCY HISTOGRAM's histogram_usec: for the reporting levels 1024 ns * 2^k, the pairs
  // (highest value equivalent to the level / 1000, running count up to that level), only for
  // levels where the count grew.
  std::vector<std::pair<int64_t, int64_t>> cumulative_usec() const;
  void clear();

 private:
  std::unique_ptr<uint64_t[]> counts_;
  uint64_t total_ = 0;
};

}  // namespace kevy
