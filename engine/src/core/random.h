// Random: the seeded generator behind every random choice (RANDOMKEY, sampling, LFU),
// so a run with the same seed makes the same choices. splitmix64; not thread-safe.
#pragma once

#include <cstdint>

namespace kevy {

class Random {
 public:
  explicit Random(uint64_t seed = 0) : state_(seed) {}
  void seed(uint64_t s) { state_ = s; }
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); REQUIRES n > 0.
  uint64_t uniform(uint64_t n) { return next() % n; }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

}  // namespace kevy
