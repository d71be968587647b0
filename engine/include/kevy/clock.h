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

  // The process-wide real clock (std::chrono::system_clock).
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
