#include "core/latency_histogram.h"

#include <algorithm>
#include <bit>

namespace kevy {
namespace {

// Two significant digits need 200 distinct values per power of ten: 256 sub-buckets, of which
// the upper 128 are used in every bucket but the first.
constexpr int kSubBucketBits = 8;
constexpr int kHalfBits = kSubBucketBits - 1;
constexpr int64_t kHalfCount = int64_t{1} << kHalfBits;
// Buckets needed to reach 1e9: 256 << 22 is the first power of two above it.
constexpr int kBucketCount = 23;
constexpr int kCountsLen = (kBucketCount + 1) * static_cast<int>(kHalfCount);
constexpr int64_t kMinValue = 1;
constexpr int64_t kMaxValue = 1000000000;

int bucket_of(int64_t v) {
  const auto u = static_cast<uint64_t>(v) | ((uint64_t{1} << kSubBucketBits) - 1);
  return (64 - std::countl_zero(u)) - kSubBucketBits;
}

int index_of(int64_t v) {
  const int b = bucket_of(v);
  const int64_t sub = v >> b;
  return static_cast<int>(((int64_t{b} + 1) << kHalfBits) + (sub - kHalfCount));
}

int64_t value_at_index(int i) {
  int b = (i >> kHalfBits) - 1;
  int64_t sub = (i & (kHalfCount - 1)) + kHalfCount;
  if (b < 0) {
    sub -= kHalfCount;
    b = 0;
  }
  return sub << b;
}

// The largest value recorded in the same counter as v.
int64_t highest_equivalent(int64_t v) {
  const int b = bucket_of(v);
  return ((v >> b) << b) + (int64_t{1} << b) - 1;
}

}  // namespace

void LatencyHistogram::record_us(int64_t duration_us) {
  const int64_t ns = duration_us <= 0                  ? kMinValue
                    : duration_us >= kMaxValue / 1000 ? kMaxValue
                                                      : duration_us * 1000;
  if (!counts_) counts_ = std::make_unique<uint64_t[]>(kCountsLen);
  ++counts_[index_of(ns)];
  ++total_;
}

int64_t LatencyHistogram::value_at_percentile_ns(double percentile) const {
  if (total_ == 0) return 0;
  const double p = std::min(percentile, 100.0);
  int64_t wanted = static_cast<int64_t>(p / 100 * static_cast<double>(total_) + 0.5);
  wanted = std::max<int64_t>(wanted, 1);
  uint64_t running = 0;
  for (int i = 0; i < kCountsLen; ++i) {
    running += counts_[i];
    if (running >= static_cast<uint64_t>(wanted)) return highest_equivalent(value_at_index(i));
  }
  return 0;
}

std::vector<std::pair<int64_t, int64_t>> LatencyHistogram::cumulative_usec() const {
  std::vector<std::pair<int64_t, int64_t>> out;
  // Walks the counters in value order; at each level it stops on the first counter whose value
  // reaches the level (that counter included), as HDR's logarithmic iterator does.
  int64_t level = 1024;
  int index = -1;
  int64_t value = 0;
  uint64_t running = 0;
  uint64_t reported = 0;
  while (running < total_) {
    bool exhausted = false;
    while (value < level) {
      if (index + 1 >= kCountsLen) {
        exhausted = true;
        break;
      }
      ++index;
      running += counts_[index];
      value = value_at_index(index);
    }
    if (running > reported) {
      out.emplace_back(highest_equivalent(value) / 1000, static_cast<int64_t>(running));
    }
    reported = running;
    if (exhausted) break;
    level *= 2;
  }
  return out;
}

void LatencyHistogram::clear() {
  counts_.reset();
  total_ = 0;
}

}  // namespace kevy
