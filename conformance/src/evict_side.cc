// One server's run of an evict workload (see evict_side.h).
#include "evict_side.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>

#include "equiv_server.h"
#include "targets.h"

namespace kevy::conformance::evict {
namespace {

using Clock = std::chrono::steady_clock;
using equiv::ServerProcess;
using equiv::TempDir;

constexpr int kStartTimeoutMs = 10000;
constexpr size_t kMaxCommandsPerBatch = 32;
constexpr size_t kMaxProbesPerBatch = 8;
constexpr size_t kSweepBatch = 256;
constexpr int kSettleTimeoutMs = 10000;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// A started server and its connection; errors carry the server's log tail.
class Session {
 public:
  explicit Session(const ServerSpec& spec) : spec_(spec) {}

  bool start(std::string* error) {
    dir_ = std::make_unique<TempDir>("kevy-evict", error);
    if (dir_->path().empty()) return false;
    server_ = ServerProcess::spawn(spec_.binary, dir_->path(), {"--save", "", "--appendonly", "no"},
                                   spec_.label, spec_.oracle, error);
    return server_ != nullptr && server_->wait_ready(kStartTimeoutMs, error);
  }

  bool call(const std::vector<std::string>& argv, std::string* reply, std::string* error) {
    if (server_->client().run(argv, reply, error)) return true;
    *error += "; log:\n" + server_->log_tail();
    return false;
  }

  bool pipeline(const std::vector<std::vector<std::string>>& cmds,
                std::vector<std::string>* replies, std::string* error) {
    if (server_->client().run_pipeline(cmds, replies, error)) return true;
    *error += "; log:\n" + server_->log_tail();
    return false;
  }

  bool config_set(const std::string& name, const std::string& value, std::string* error) {
    std::string reply;
    if (!call({"CONFIG", "SET", name, value}, &reply, error)) return false;
    if (reply == "+OK\r\n") return true;
    *error = spec_.label + ": CONFIG SET " + name + " " + value + " got " + reply;
    return false;
  }

  // An INFO field (used_memory from "memory", evicted_keys from "stats").
  bool info(const std::string& section, const std::string& field, uint64_t* out,
            std::string* error) {
    std::string reply;
    if (!call({"INFO", section}, &reply, error)) return false;
    if (info_field(reply, field, out)) return true;
    *error = spec_.label + ": INFO " + section + " has no " + field;
    return false;
  }

  void stop() {
    if (server_) server_->stop();
  }

 private:
  ServerSpec spec_;
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<ServerProcess> server_;
};

bool configure(Session& s, const SideConfig& c, std::string* error) {
  return s.config_set("maxmemory-samples", std::to_string(c.samples), error) &&
         s.config_set("maxmemory-policy", std::string(policy_name(c.policy)), error) &&
         s.config_set("maxmemory", "0", error);
}

// EXISTS of every key, in batches; calls on_key(key, exists).
template <typename F>
bool sweep(Session& s, uint32_t keys, F on_key, std::string* error) {
  std::vector<std::vector<std::string>> cmds;
  std::vector<std::string> replies;
  for (uint32_t first = 0; first < keys; first += kSweepBatch) {
    const uint32_t last = std::min<uint32_t>(keys, first + kSweepBatch);
    cmds.clear();
    for (uint32_t k = first; k < last; ++k) cmds.push_back({"EXISTS", key_name(k)});
    if (!s.pipeline(cmds, &replies, error)) return false;
    for (uint32_t k = first; k < last; ++k) {
      const std::string& r = replies[k - first];
      if (r != ":1\r\n" && r != ":0\r\n") {
        *error = "EXISTS " + key_name(k) + " got " + r;
        return false;
      }
      on_key(k, r == ":1\r\n");
    }
  }
  return true;
}

struct Tag {
  enum class Kind : uint8_t { kOp, kMemory, kDbsize, kFillEnd };
  Kind kind = Kind::kOp;
  Op op;
  uint64_t done = 0;  // kDbsize: operations done
};

bool parse_integer(const std::string& reply, uint64_t* out) {
  if (reply.size() < 4 || reply[0] != ':') return false;
  uint64_t v = 0;
  for (size_t i = 1; i < reply.size() && reply[i] != '\r'; ++i) {
    if (reply[i] < '0' || reply[i] > '9') return false;
    v = v * 10 + static_cast<uint64_t>(reply[i] - '0');
  }
  *out = v;
  return true;
}

// The next whole second of the wall clock at least 100 ms from now.
std::chrono::system_clock::time_point pace_start() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  auto next = time_point_cast<seconds>(now) + seconds(1);
  if (next - now < milliseconds(100)) next += seconds(1);
  return time_point_cast<system_clock::duration>(next);
}

// The workload stream with its probes, reply by reply into the book and the trace.
bool stream(Session& s, const SideConfig& c, KeyBook& book, SideResult& r, Clock::time_point t0,
            std::string* error) {
  Generator gen(c.workload);
  std::vector<std::vector<std::string>> cmds;
  std::vector<Tag> tags;
  std::vector<std::string> replies;
  uint64_t done = 0;
  uint64_t last_used = r.base_used;
  Phase phase = Phase::kFill;
  Op op;
  bool more = gen.next(&op);
  bool fill_end_sent = false;
  bool last_set_ok = false;
  const uint64_t every = c.sample_every == 0 ? 1 : c.sample_every;
  // Pacing (c.rate ops per second): operation i goes out at start + i / rate, and the start is
  // a whole second of the wall clock. The LRU clock of both servers counts whole seconds of
  // the wall clock, so every side, however fast and whenever it runs, sees the seconds change
  // at the same operations: their LRU idle times (and LFU decay) are comparable.
  const auto start = pace_start();
  while (more || !fill_end_sent) {
    cmds.clear();
    tags.clear();
    size_t probes = 0;
    const uint64_t batch_first = done;
    while (more && cmds.size() < kMaxCommandsPerBatch && probes < kMaxProbesPerBatch) {
      if (op.phase != phase) {
        phase = op.phase;
        if (!fill_end_sent) {
          cmds.push_back({"DBSIZE"});
          tags.push_back({Tag::Kind::kFillEnd, op, done});
          fill_end_sent = true;
        }
      }
      cmds.push_back(gen.command(op));
      tags.push_back({Tag::Kind::kOp, op, 0});
      ++done;
      if (op.kind == Op::Kind::kSet) {
        cmds.push_back({"INFO", "memory"});
        tags.push_back({Tag::Kind::kMemory, op, done});
        ++probes;
      }
      if (done % every == 0) {
        cmds.push_back({"DBSIZE"});
        tags.push_back({Tag::Kind::kDbsize, op, done});
      }
      more = gen.next(&op);
    }
    if (!more && !fill_end_sent) {  // a stream that is only a fill
      cmds.push_back({"DBSIZE"});
      tags.push_back({Tag::Kind::kFillEnd, op, done});
      fill_end_sent = true;
    }
    if (c.rate > 0) {
      const auto due = start + std::chrono::microseconds(batch_first * 1000000 / c.rate);
      const auto now = std::chrono::system_clock::now();
      if (now < due) {
        std::this_thread::sleep_until(due);
      } else {
        const double lag = std::chrono::duration<double, std::milli>(now - due).count();
        r.max_lag_ms = std::max(r.max_lag_ms, lag);
      }
    }
    const int64_t sent_ms = static_cast<int64_t>(ms_since(t0));
    if (!s.pipeline(cmds, &replies, error)) return false;
    for (size_t i = 0; i < tags.size(); ++i) {
      const Tag& t = tags[i];
      const std::string& reply = replies[i];
      switch (t.kind) {
        case Tag::Kind::kOp:
          if (t.op.kind == Op::Kind::kSet) {
            last_set_ok = reply == "+OK\r\n";
            book.on_set(t.op.key, gen.ttl_seconds(t.op.key), sent_ms, reply);
          } else {
            book.on_get(t.op.key, reply, t.op.phase == Phase::kRead, t.op.phase == Phase::kScan);
          }
          break;
        case Tag::Kind::kMemory: {
          uint64_t used = 0;
          if (!info_field(reply, "used_memory", &used)) {
            *error = r.label + ": INFO memory has no used_memory";
            return false;
          }
          last_used = used;
          if (c.fill_only && t.op.phase == Phase::kFill) r.fill_curve.push_back(used);
          // A refused write added nothing: what used_memory says after it is not its doing
          // (Redis's own buffers may grow between commands; with nothing to evict the memory
          // then stays over the limit).
          if (r.memory.maxmemory > 0 && last_set_ok) {
            ++r.memory.probes;
            if (used > r.memory.max_used) {
              r.memory.max_used = used;
              r.memory.max_used_op = t.done;
            }
            if (used > r.memory.maxmemory) ++r.memory.probes_over;
          }
          break;
        }
        case Tag::Kind::kDbsize:
        case Tag::Kind::kFillEnd: {
          uint64_t n = 0;
          if (!parse_integer(reply, &n)) {
            *error = r.label + ": DBSIZE got " + reply;
            return false;
          }
          if (t.kind == Tag::Kind::kFillEnd) r.resident_after_fill = n;
          r.series.push_back({t.done, n, last_used});
          break;
        }
      }
    }
  }
  return true;
}

// --fault: DEL the first existing key without TTL.
bool delete_a_plain_key(Session& s, const SideConfig& c, std::string* error) {
  Generator gen(c.workload);
  std::string reply;
  for (uint32_t k = 0; k < c.workload.keys; ++k) {
    if (gen.ttl_seconds(k) != 0) continue;
    if (!s.call({"DEL", key_name(k)}, &reply, error)) return false;
    if (reply == ":1\r\n") return true;
  }
  return true;
}

}  // namespace

SideResult run_side(const SideConfig& c, const CheckLimits& limits) {
  SideResult r;
  r.label = c.server.label;
  const auto t0 = Clock::now();
  Session s(c.server);
  std::string error;
  KeyBook book(static_cast<uint32_t>(c.workload.keys), c.policy);
  SideConfig config = c;
  if (config.fill_only) config.workload.ops = 0;
  if (config.fill_only && config.workload.workload == Workload::kScanThenHot) {
    config.workload.workload = Workload::kUniform;  // the fill is the same; no scan
  }
  bool ok = s.start(&error) && configure(s, config, &error) &&
            s.info("memory", "used_memory", &r.base_used, &error);
  if (ok && !config.fill_only && config.maxmemory > 0) {
    ok = s.config_set("maxmemory", std::to_string(config.maxmemory), &error);
    r.memory.maxmemory = config.maxmemory;
  }
  ok = ok && stream(s, config, book, r, t0, &error);
  if (ok && config.fault_delete_plain) ok = delete_a_plain_key(s, config, &error);
  if (ok && !config.fill_only) {
    // No limit first (the sweep's own buffers must not evict anything), then evicted_keys (the
    // CONFIG SET itself may still evict: Redis evicts before running any command).
    ok = s.config_set("maxmemory", "0", &error) &&
         s.info("stats", "evicted_keys", &r.memory.evicted_keys, &error);
    ok = ok && sweep(
                   s, static_cast<uint32_t>(config.workload.keys),
                   [&](uint32_t key, bool exists) {
                     book.on_exists(key, exists, static_cast<int64_t>(ms_since(t0)));
                   },
                   &error);
  }
  s.stop();
  if (!ok) {
    r.error = error;
  } else if (!config.fill_only) {
    book.finish();
    r.tallies = book.tallies();
    r.notes = book.notes();
    r.failures = check(c.policy, r.tallies, r.memory, r.notes, limits);
  }
  r.seconds = ms_since(t0) / 1000.0;
  return r;
}

SideResult run_lru_side(const SideConfig& c, const CheckLimits& limits) {
  SideResult r;
  r.label = c.server.label;
  const auto t0 = Clock::now();
  Session s(c.server);
  std::string error;
  const uint32_t keys = static_cast<uint32_t>(c.workload.keys);
  const uint32_t half = keys / 2;
  LruApprox& lru = r.lru;
  lru.old_keys = half;
  auto run = [&]() -> bool {
    if (!s.start(&error) || !configure(s, c, &error) ||
        !s.info("memory", "used_memory", &r.base_used, &error)) {
      return false;
    }
    // 1. Fill (no limit).
    WorkloadOptions wo = c.workload;
    wo.ops = 0;
    Generator gen(wo);
    std::vector<std::vector<std::string>> cmds;
    std::vector<std::string> replies;
    Op op;
    bool more = gen.next(&op);
    while (more) {
      cmds.clear();
      while (more && cmds.size() < kSweepBatch) {
        cmds.push_back(gen.command(op));
        more = gen.next(&op);
      }
      if (!s.pipeline(cmds, &replies, &error)) return false;
      for (const std::string& reply : replies) {
        if (reply != "+OK\r\n") {
          error = "fill: SET got " + reply;
          return false;
        }
      }
    }
    if (!s.info("memory", "used_memory", &lru.filled_used, &error)) return false;
    r.resident_after_fill = keys;
    // 2. Let the LRU clock (1 s resolution in Redis) move on, then touch the newest half.
    std::this_thread::sleep_for(std::chrono::milliseconds(c.lru_sleep_ms));
    for (uint32_t first = half; first < keys; first += kSweepBatch) {
      cmds.clear();
      for (uint32_t k = first; k < std::min<uint32_t>(keys, first + kSweepBatch); ++k) {
        cmds.push_back({"GET", key_name(k)});
      }
      if (!s.pipeline(cmds, &replies, &error)) return false;
      for (const std::string& reply : replies) {
        if (reply == "$-1\r\n") ++lru.touch_misses;
      }
    }
    // 3. A quarter of the dataset's bytes must go.
    lru.target =
        r.base_used + static_cast<uint64_t>(static_cast<double>(lru.filled_used - r.base_used) *
                                            (1.0 - c.lru_evict_share));
    r.memory.maxmemory = lru.target;
    if (!s.config_set("maxmemory", std::to_string(lru.target), &error)) return false;
    // Settled: used_memory within the tolerance of the limit (an INFO reply is itself counted
    // while INFO runs, so Redis reports a few bytes over after evicting exactly enough) and no
    // key evicted since the previous look (Redis goes on evicting in the background).
    const auto settle0 = Clock::now();
    const auto bound =
        static_cast<uint64_t>(static_cast<double>(lru.target) * (1.0 + limits.memory_tolerance));
    uint64_t used = lru.filled_used;
    uint64_t evicted_before = UINT64_MAX;
    while (ms_since(settle0) < kSettleTimeoutMs) {
      uint64_t evicted = 0;
      if (!s.info("memory", "used_memory", &used, &error) ||
          !s.info("stats", "evicted_keys", &evicted, &error)) {
        return false;
      }
      if (used <= bound && evicted == evicted_before) {
        lru.settled = true;
        break;
      }
      evicted_before = evicted;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    lru.settle_ms = ms_since(settle0);
    r.memory.probes = 1;
    r.memory.max_used = used;
    // No limit first (the sweep's own buffers must not evict anything), then evicted_keys (the
    // CONFIG SET itself may still evict: Redis evicts before running any command).
    if (!s.config_set("maxmemory", "0", &error) ||
        !s.info("stats", "evicted_keys", &r.memory.evicted_keys, &error)) {
      return false;
    }
    return sweep(
        s, keys,
        [&](uint32_t key, bool exists) {
          if (exists) {
            ++r.tallies.resident_end;
            return;
          }
          ++lru.evicted;
          if (key < half) ++lru.evicted_old;
        },
        &error);
  };
  const bool ok = run();
  s.stop();
  if (!ok) {
    r.error = error;
  } else {
    if (lru.touch_misses > 0) {
      r.failures.push_back(std::to_string(lru.touch_misses) + " touches missed before any limit");
    }
    if (!lru.settled) {
      r.failures.push_back("used_memory " + std::to_string(r.memory.max_used) +
                           " still above the lowered maxmemory (+tolerance) " +
                           std::to_string(lru.target) + " after " +
                           std::to_string(kSettleTimeoutMs) + " ms");
    }
    if (lru.evicted == 0) r.failures.push_back("lowering maxmemory evicted nothing");
    if (lru.evicted > r.memory.evicted_keys) {
      r.failures.push_back(std::to_string(lru.evicted) +
                           " keys gone but evicted_keys:" + std::to_string(r.memory.evicted_keys));
    }
  }
  r.seconds = ms_since(t0) / 1000.0;
  return r;
}

}  // namespace kevy::conformance::evict
