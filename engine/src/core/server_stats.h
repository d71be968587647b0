// ServerStats: what one instance counts about the commands it runs, as redis-server 7.0 counts
// it — per command calls, time, rejections and failures with a latency histogram (INFO
// commandstats / latencystats, LATENCY HISTOGRAM), error replies by code (INFO errorstats),
// the totals of INFO stats, the instantaneous ops and network rates, the changes since the last
// save (rdb_changes_since_last_save) and the slow log (SLOWLOG).
//
// Commands are identified by CommandSpec::stats_id (a dense index, so counting is an array
// access, not a name lookup). The execute path (commands/command_stats.h) feeds this; INFO,
// SLOWLOG and LATENCY read it; CONFIG RESETSTAT calls reset().
//
// Thread-safety: as the Keyspace that owns it — only under the Store's lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/latency_histogram.h"
#include "kevy/clock.h"

namespace kevy {

// One command's counters (one INFO commandstats line, one latencystats line).
struct CommandStats {
  uint64_t calls = 0;           // times the handler ran (failed calls included)
  uint64_t usec = 0;            // total handler time, microseconds
  uint64_t rejected_calls = 0;  // refused before running (wrong number of arguments)
  uint64_t failed_calls = 0;    // ran and replied an error
  LatencyHistogram latency;     // durations of the calls
  // INFO lists a command once anything was counted for it.
  bool used() const { return calls != 0 || rejected_calls != 0 || failed_calls != 0; }
};

// One SLOWLOG GET entry, stored as Redis stores it: at most 32 arguments (the 32nd says how many
// more there were) and at most 128 bytes of each (with a note of how many more bytes).
struct SlowlogEntry {
  int64_t id = 0;
  int64_t time_s = 0;       // Unix seconds when it was logged
  int64_t duration_us = 0;  // time spent in the command
  std::vector<std::string> argv;
  std::string client_addr;  // "ip:port" of the client; empty for an embedded session
  std::string client_name;
};

// Redis's instantaneous metrics: a rate sampled every 100 ms or more, averaged over the last 16
// samples.
class RateSampler {
 public:
  static constexpr int kSamples = 16;
  static constexpr int64_t kPeriodMs = 100;
  // Takes a sample when at least kPeriodMs passed since the last one; a longer gap fills one
  // slot per period (at most all 16) with the rate over the whole gap, as Redis's cron would
  // have sampled it. The first call only starts the clock.
  void sample(int64_t now_ms, uint64_t reading);
  // The average of the samples, per second.
  double per_second() const;
  bool due(int64_t now_ms) const { return now_ms - last_ms_ >= kPeriodMs; }
  void reset();

 private:
  int64_t last_ms_ = INT64_MIN / 2;
  uint64_t last_reading_ = 0;
  bool started_ = false;
  double samples_[kSamples] = {};
  int next_ = 0;
};

class ServerStats {
 public:
  static constexpr size_t kSlowlogMaxArgs = 32;
  static constexpr size_t kSlowlogMaxArgBytes = 128;

  // The counters of command `id`, created zeroed on first use.
  CommandStats& command(size_t id) {
    if (id >= commands_.size()) commands_.resize(id + 1);
    return commands_[id];
  }
  // nullptr when nothing was counted for `id` since the last reset.
  const CommandStats* find(size_t id) const {
    return id < commands_.size() && commands_[id].used() ? &commands_[id] : nullptr;
  }

  // The handler of command `id` ran for duration_us and replied an error when `failed`.
  void record_call(size_t id, int64_t duration_us, bool failed) {
    CommandStats& c = command(id);
    ++c.calls;
    c.usec += static_cast<uint64_t>(duration_us);
    if (failed) ++c.failed_calls;
    if (latency_tracking_) c.latency.record_us(duration_us);
    ++total_commands_processed_;
  }
  // Command `id` was refused before it ran (its error is counted by record_error).
  void record_rejected(size_t id) { ++command(id).rejected_calls; }
  // One error reply, e.g. "WRONGTYPE Operation against ...": counts it in total_error_replies
  // and under its code — the text before the first blank when that blank is among the first
  // 31 bytes, else "ERR" (Redis's rule).
  void record_error(std::string_view text);

  uint64_t total_commands_processed() const { return total_commands_processed_; }
  uint64_t total_error_replies() const { return total_error_replies_; }
  // Error code -> count, in byte order (the order INFO errorstats prints).
  const std::map<std::string, uint64_t, std::less<>>& error_counts() const { return errors_; }

  // Changes since the last save (Redis's server.dirty, INFO rdb_changes_since_last_save). The
  // execute path adds one per write command that did not reply an error; a save clears it.
  uint64_t dirty() const { return dirty_; }
  void add_dirty(uint64_t n) { dirty_ += n; }
  void clear_dirty() { dirty_ = 0; }

  // Instantaneous rates (INFO instantaneous_ops_per_sec, instantaneous_input/output_kbps).
  RateSampler& ops_rate() { return ops_rate_; }
  RateSampler& net_input_rate() { return net_input_rate_; }
  RateSampler& net_output_rate() { return net_output_rate_; }

  // Appends an entry for argv to the slow log and drops the oldest ones beyond max_len (only
  // here, as Redis trims only when it logs). Arguments are truncated as SlowlogEntry says.
  void slowlog_push(std::span<const std::string_view> argv, int64_t time_s, int64_t duration_us,
                    std::string client_addr, std::string client_name, size_t max_len);
  // Newest first.
  const std::deque<SlowlogEntry>& slowlog() const { return slowlog_; }
  // SLOWLOG RESET: empties the log; ids keep counting.
  void slowlog_reset() { slowlog_.clear(); }

  // latency-tracking (whether calls feed the histograms; yes by default) and
  // latency-tracking-info-percentiles (what INFO latencystats prints; "50 99 99.9").
  bool latency_tracking() const { return latency_tracking_; }
  void set_latency_tracking(bool on) { latency_tracking_ = on; }
  const std::vector<double>& info_percentiles() const { return info_percentiles_; }
  void set_info_percentiles(std::vector<double> p) { info_percentiles_ = std::move(p); }

  // Lazily made 40-hex-digit identifiers of this instance (INFO run_id, master_replid).
  const std::string& run_id();
  const std::string& replid();
  // The highest used_memory INFO has reported (used_memory_peak); never reset, as in Redis.
  uint64_t note_used_memory(uint64_t bytes) {
    if (bytes > peak_memory_) peak_memory_ = bytes;
    return peak_memory_;
  }

  // The instance's clock as a ManualClock, or nullptr when it is another clock; looked up once
  // (the clock of an instance never changes). Command durations add the time a ManualClock was
  // advanced by (commands/command_stats.h).
  const ManualClock* manual_clock(const Clock& clock) {
    if (!clock_checked_) {
      manual_clock_ = dynamic_cast<const ManualClock*>(&clock);
      clock_checked_ = true;
    }
    return manual_clock_;
  }

  // CONFIG RESETSTAT: zeroes the command, error and total counters, the latency histograms and
  // the instantaneous rates. The slow log, dirty, the peak memory and the ids stay (Redis keeps
  // them too). KeyspaceStats (hits, misses, expired keys) and the host's connection and byte
  // counters are reset by their owners.
  void reset();

 private:
  std::vector<CommandStats> commands_;
  std::map<std::string, uint64_t, std::less<>> errors_;
  uint64_t total_commands_processed_ = 0;
  uint64_t total_error_replies_ = 0;
  uint64_t dirty_ = 0;
  RateSampler ops_rate_;
  RateSampler net_input_rate_;
  RateSampler net_output_rate_;
  std::deque<SlowlogEntry> slowlog_;
  int64_t next_slowlog_id_ = 0;
  std::string run_id_;
  std::string replid_;
  uint64_t peak_memory_ = 0;
  bool latency_tracking_ = true;
  bool clock_checked_ = false;
  const ManualClock* manual_clock_ = nullptr;
  std::vector<double> info_percentiles_ = {50.0, 99.0, 99.9};
};

}  // namespace kevy
