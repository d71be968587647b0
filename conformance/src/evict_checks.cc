// Key bookkeeping and policy invariants of `kevy-conform evict` (see evict_checks.h).
#include "evict_checks.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "evict_workload.h"

namespace kevy::conformance::evict {
namespace {

constexpr size_t kMaxNotes = 8;

std::string printable(std::string_view reply) {
  std::string out;
  for (char c : reply.substr(0, 80)) {
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", v * 100.0);
  return buf;
}

}  // namespace

std::string_view policy_name(Policy p) {
  switch (p) {
    case Policy::kNoEviction:
      return "noeviction";
    case Policy::kAllKeysLru:
      return "allkeys-lru";
    case Policy::kAllKeysLfu:
      return "allkeys-lfu";
    case Policy::kAllKeysRandom:
      return "allkeys-random";
    case Policy::kVolatileLru:
      return "volatile-lru";
    case Policy::kVolatileLfu:
      return "volatile-lfu";
    case Policy::kVolatileRandom:
      return "volatile-random";
    case Policy::kVolatileTtl:
      return "volatile-ttl";
  }
  return "?";
}

const std::vector<Policy>& all_policies() {
  static const std::vector<Policy> all = {
      Policy::kNoEviction,  Policy::kAllKeysLru,  Policy::kAllKeysLfu,     Policy::kAllKeysRandom,
      Policy::kVolatileLru, Policy::kVolatileLfu, Policy::kVolatileRandom, Policy::kVolatileTtl};
  return all;
}

bool parse_policy(std::string_view name, Policy* out) {
  for (Policy p : all_policies()) {
    if (name == policy_name(p)) {
      *out = p;
      return true;
    }
  }
  return false;
}

bool is_volatile(Policy p) {
  return p == Policy::kVolatileLru || p == Policy::kVolatileLfu || p == Policy::kVolatileRandom ||
         p == Policy::kVolatileTtl;
}

bool is_allkeys(Policy p) {
  return p == Policy::kAllKeysLru || p == Policy::kAllKeysLfu || p == Policy::kAllKeysRandom;
}

KeyBook::KeyBook(uint32_t keys, Policy policy)
    : policy_(policy), state_(keys, State::kNever), expire_at_ms_(keys, 0) {}

void KeyBook::note(std::string text) {
  if (notes_.size() < kMaxNotes)
    notes_.push_back(std::move(text));
  else
    ++notes_dropped_;
}

void KeyBook::on_set(uint32_t key, uint32_t ttl_s, int64_t now_ms, std::string_view reply) {
  ++t_.writes;
  if (reply == "+OK\r\n") {
    ++t_.writes_ok;
    state_[key] = ttl_s > 0 ? State::kVolatile : State::kPlain;
    expire_at_ms_[key] = ttl_s > 0 ? now_ms + int64_t{ttl_s} * 1000 : 0;
  } else if (reply == kOomReply) {
    ++t_.oom_errors;
  } else {
    ++t_.other_errors;
    note("SET " + key_name(key) + " got " + printable(reply) + " (only +OK or the OOM error)");
  }
}

void KeyBook::on_get(uint32_t key, std::string_view reply, bool counted, bool scan) {
  const bool miss = reply == "$-1\r\n";
  if (!miss && (reply.empty() || reply[0] != '$')) {
    note("GET " + key_name(key) + " got " + printable(reply));
  }
  if (counted) {
    ++t_.reads;
    if (!miss) ++t_.hits;
  }
  if (scan) {
    ++t_.scan_reads;
    if (!miss) ++t_.scan_hits;
  }
  if (miss) {
    const bool forbidden = (policy_ == Policy::kNoEviction && state_[key] != State::kNever) ||
                           (is_volatile(policy_) && state_[key] == State::kPlain);
    if (forbidden) {
      ++t_.lost_reads;
      note("GET " + key_name(key) + " missed although it was written" +
           (state_[key] == State::kPlain ? " without TTL" : "") + " under " +
           std::string(policy_name(policy_)));
    }
  } else if (state_[key] == State::kNever) {
    ++t_.phantom_keys;
    note("GET " + key_name(key) + " hit although every write of it was refused");
  }
}

void KeyBook::on_exists(uint32_t key, bool exists, int64_t now_ms) {
  const State s = state_[key];
  if (exists) {
    ++t_.resident_end;
    if (s == State::kNever) {
      ++t_.phantom_keys;
      note(key_name(key) + " exists although every write of it was refused");
    } else if (s == State::kVolatile) {
      ++t_.surviving_volatile;
      surviving_sum_ += static_cast<double>(expire_at_ms_[key] - now_ms) / 1000.0;
    }
    return;
  }
  if (s == State::kNever) return;
  ++t_.missing_written;
  if (s == State::kPlain) {
    ++t_.missing_plain;
    if (policy_ == Policy::kNoEviction || is_volatile(policy_)) {
      note(key_name(key) + " (written without TTL) is gone under " +
           std::string(policy_name(policy_)));
    }
  } else {
    ++t_.evicted_volatile;
    evicted_sum_ += static_cast<double>(expire_at_ms_[key] - now_ms) / 1000.0;
  }
}

void KeyBook::finish() {
  if (t_.evicted_volatile > 0) t_.evicted_ttl_left_s = evicted_sum_ / t_.evicted_volatile;
  if (t_.surviving_volatile > 0) t_.surviving_ttl_left_s = surviving_sum_ / t_.surviving_volatile;
  if (notes_dropped_ > 0) notes_.push_back("... and " + std::to_string(notes_dropped_) + " more");
}

std::vector<std::string> check(Policy policy, const Tallies& t, const MemoryTrace& m,
                               const std::vector<std::string>& book_notes,
                               const CheckLimits& limits) {
  std::vector<std::string> fails = book_notes;
  if (m.maxmemory > 0 && m.probes > 0 &&
      static_cast<double>(m.max_used) >
          static_cast<double>(m.maxmemory) * (1.0 + limits.memory_tolerance)) {
    fails.push_back("used_memory reached " + std::to_string(m.max_used) + " after a write, " +
                    percent(m.max_ratio()) + " of maxmemory " + std::to_string(m.maxmemory) +
                    " (limit " + percent(1.0 + limits.memory_tolerance) + ") at operation " +
                    std::to_string(m.max_used_op));
  }
  if (t.missing_written > m.evicted_keys) {
    fails.push_back(std::to_string(t.missing_written) + " written keys are gone but INFO says " +
                    "evicted_keys:" + std::to_string(m.evicted_keys));
  }
  if (policy == Policy::kNoEviction) {
    if (m.evicted_keys != 0) {
      fails.push_back("noeviction evicted " + std::to_string(m.evicted_keys) + " keys");
    }
    if (t.missing_written != 0) {
      fails.push_back("noeviction lost " + std::to_string(t.missing_written) + " written keys");
    }
  }
  if (is_allkeys(policy) && t.oom_errors != 0) {
    fails.push_back(std::string(policy_name(policy)) + " refused " + std::to_string(t.oom_errors) +
                    " writes with OOM (a key can always go)");
  }
  if (is_volatile(policy) && t.missing_plain != 0) {
    fails.push_back(std::string(policy_name(policy)) + " evicted " +
                    std::to_string(t.missing_plain) + " keys that had no TTL");
  }
  if (policy == Policy::kVolatileTtl && t.evicted_volatile >= limits.ttl_min_evicted &&
      t.surviving_volatile > 0 &&
      t.evicted_ttl_left_s > t.surviving_ttl_left_s * limits.ttl_ratio_max) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "volatile-ttl: evicted keys had %.0f s left on average, survivors %.0f s "
                  "(must be <= %.2fx)",
                  t.evicted_ttl_left_s, t.surviving_ttl_left_s, limits.ttl_ratio_max);
    fails.push_back(buf);
  }
  return fails;
}

bool info_field(std::string_view info, std::string_view field, uint64_t* out) {
  size_t pos = 0;
  while ((pos = info.find(field, pos)) != std::string_view::npos) {
    const bool line_start = pos == 0 || info[pos - 1] == '\n';
    const size_t colon = pos + field.size();
    if (line_start && colon < info.size() && info[colon] == ':') {
      uint64_t v = 0;
      size_t i = colon + 1;
      if (i >= info.size() || info[i] < '0' || info[i] > '9') return false;
      for (; i < info.size() && info[i] >= '0' && info[i] <= '9'; ++i) {
        v = v * 10 + static_cast<uint64_t>(info[i] - '0');
      }
      *out = v;
      return true;
    }
    pos = colon;
  }
  return false;
}

bool parse_memory_spec(std::string_view text, uint64_t* bytes, double* percent) {
  *bytes = 0;
  *percent = 0;
  if (text.empty()) return false;
  if (text.back() == '%') {
    std::string num(text.substr(0, text.size() - 1));
    char* end = nullptr;
    const double v = std::strtod(num.c_str(), &end);
    if (num.empty() || end == nullptr || *end != '\0' || !(v > 0) || v > 100) return false;
    *percent = v;
    return true;
  }
  size_t i = 0;
  uint64_t v = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (v > (UINT64_MAX - 9) / 10) return false;
    v = v * 10 + static_cast<uint64_t>(text[i] - '0');
  }
  if (i == 0) return false;
  std::string unit;
  for (; i < text.size(); ++i)
    unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  static constexpr std::pair<std::string_view, uint64_t> kUnits[] = {
      {"", 1},        {"b", 1},        {"k", 1000},       {"kb", 1024},
      {"m", 1000000}, {"mb", 1048576}, {"g", 1000000000}, {"gb", 1073741824}};
  for (const auto& [name, mult] : kUnits) {
    if (unit == name) {
      *bytes = v * mult;
      return true;
    }
  }
  return false;
}

}  // namespace kevy::conformance::evict
