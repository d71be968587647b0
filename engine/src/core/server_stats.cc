#include "core/server_stats.h"

#include <algorithm>
#include <random>

namespace kevy {
namespace {

// 40 lowercase hex digits from the OS's random source (not the instance's seeded generator,
// whose sequence RANDOMKEY and sampling must keep).
std::string random_hex40() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device rd;
  std::string out;
  out.reserve(40);
  while (out.size() < 40) {
    uint32_t r = rd();
    for (int i = 0; i < 8 && out.size() < 40; ++i, r >>= 4) out += kHex[r & 15];
  }
  return out;
}

}  // namespace

void RateSampler::sample(int64_t now_ms, uint64_t reading) {
  if (!started_) {
    started_ = true;
    last_ms_ = now_ms;
    last_reading_ = reading;
    return;
  }
  const int64_t elapsed = now_ms - last_ms_;
  if (elapsed < kPeriodMs) return;
  const uint64_t delta = reading >= last_reading_ ? reading - last_reading_ : 0;
  const double rate = static_cast<double>(delta) * 1000.0 / static_cast<double>(elapsed);
  const int64_t slots = std::min<int64_t>(kSamples, elapsed / kPeriodMs);
  for (int64_t i = 0; i < slots; ++i) {
    samples_[next_] = rate;
    next_ = (next_ + 1) % kSamples;
  }
  last_ms_ = now_ms;
  last_reading_ = reading;
}

double RateSampler::per_second() const {
  double sum = 0;
  for (double s : samples_) sum += s;
  return sum / kSamples;
}

void RateSampler::reset() { *this = RateSampler(); }

void ServerStats::record_error(std::string_view text) {
  ++total_error_replies_;
  // Redis looks for the blank within the first 32 bytes of "-CODE ...", i.e. 31 of the text.
  const size_t blank = text.substr(0, 31).find(' ');
  const std::string_view code = blank == std::string_view::npos ? "ERR" : text.substr(0, blank);
  auto it = errors_.find(code);
  if (it == errors_.end()) it = errors_.emplace(std::string(code), 0).first;
  ++it->second;
}

void ServerStats::slowlog_push(std::span<const std::string_view> argv, int64_t time_s,
                               int64_t duration_us, std::string client_addr,
                               std::string client_name, size_t max_len) {
  SlowlogEntry e;
  e.id = next_slowlog_id_++;
  e.time_s = time_s;
  e.duration_us = duration_us;
  e.client_addr = std::move(client_addr);
  e.client_name = std::move(client_name);
  const size_t shown = std::min(argv.size(), kSlowlogMaxArgs);
  e.argv.reserve(shown);
  for (size_t i = 0; i < shown; ++i) {
    if (i == kSlowlogMaxArgs - 1 && argv.size() > kSlowlogMaxArgs) {
      e.argv.push_back("... (" + std::to_string(argv.size() - kSlowlogMaxArgs + 1) +
                       " more arguments)");
    } else if (argv[i].size() > kSlowlogMaxArgBytes) {
      e.argv.push_back(std::string(argv[i].substr(0, kSlowlogMaxArgBytes)) + "... (" +
                       std::to_string(argv[i].size() - kSlowlogMaxArgBytes) + " more bytes)");
    } else {
      e.argv.emplace_back(argv[i]);
    }
  }
  slowlog_.push_front(std::move(e));
  while (slowlog_.size() > max_len) slowlog_.pop_back();
}

const std::string& ServerStats::run_id() {
  if (run_id_.empty()) run_id_ = random_hex40();
  return run_id_;
}

const std::string& ServerStats::replid() {
  if (replid_.empty()) replid_ = random_hex40();
  return replid_;
}

void ServerStats::reset() {
  commands_.clear();
  errors_.clear();
  total_commands_processed_ = 0;
  total_error_replies_ = 0;
  ops_rate_.reset();
  net_input_rate_.reset();
  net_output_rate_.reset();
}

}  // namespace kevy
