// Clock: the only source of time in kevy. Tests and the conformance harness inject a
// ManualClock so that expiry, LRU idle time and timeouts are deterministic.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

namespace kevy {

class Clock {
 public:
  virtual ~Clock() = default;
  // Unix time in microseconds. Thread-safe.
  virtual int64_t now_us() const = 0;
  int64_t now_ms() const { return now_us() / 1000; }
  // Unix time in milliseconds that may lag now_ms() by a few milliseconds, for uses of
  // second resolution (LRU and LFU access stamps), where a cheaper reading pays. A subclass
  // that overrides it must stay consistent with itself (never behind an earlier reading by
  // more than now_ms() would be); the default is now_ms(), exact. Thread-safe.
  virtual int64_t coarse_now_ms() const { return now_ms(); }

  // The process-wide real clock (std::chrono::system_clock; coarse_now_ms reads
  // CLOCK_REALTIME_COARSE, a few ns instead of a few tens).
  static std::shared_ptr<Clock> system();
};

// A clock that moves only when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_ms = 1700000000000) : us_(start_ms * 1000) {}
  int64_t now_us() const override { return us_.load(std::memory_order_acquire); }
  void set_ms(int64_t ms) { us_.store(ms * 1000, std::memory_order_release); }
  void advance_ms(int64_t ms) { us_.fetch_add(ms * 1000, std::memory_order_acq_rel); }
  void advance_us(int64_t us) { us_.fetch_add(us, std::memory_order_acq_rel); }

 private:
  std::atomic<int64_t> us_;
};

}  // namespace kevy
