// kevy-bench-types: kevy's collection types next to redis-server and to the std/Abseil
// containers a C++ developer would write for the same job, in one run.
//
// Workloads (the size of each key is fixed; --scale multiplies the number of keys):
//   list  LPUSH 100 elements (one per command) to each of 5,000 lists, then LRANGE 0 99 on
//         every list, 5 passes in shuffled order.
//   hash  HSET 1,000 fields (one per command) into each of 500 hashes, then as many HGETs of
//         random (hash, field) pairs.
//   set   SADD 10,000 members (one per command) to each of 50 sets, then as many SISMEMBERs of
//         random (set, member) pairs, half of them misses.
//   zset  ZADD 10,000 members with random scores (one per command) to each of 50 zsets, then
//         20,000 ZRANGEBYSCORE key min max WITHSCORES over ranges holding 10..100 members.
// Elements, fields and members are 12..16-byte strings, the same in every contender. The
// defaults take 35..45 s on 2 cores, redis-server included.
//
// Contenders, each starting empty; the best round of --reps counts:
//   kevy       the typed Store API (lpush, lrange, hset, hget, sadd, sismember, zadd,
//              zrange_by_score).
//   kevy exec  Store::execute_resp on the argv a client would send: building the argv, command
//              lookup and argument parsing, the family code, and the RESP reply bytes — kevy's
//              side of the client path without the socket.
//   redis      redis-server (spawned here on a unix socket) through hiredis, in pipelines of
//              1,000 commands with the next batch in flight while a batch's replies are
//              parsed: the same argv, reply parsing included.
//   container  absl::flat_hash_map<std::string, X> from key to: std::deque<std::string> (list),
//              absl::flat_hash_map<std::string, std::string> (hash),
//              absl::flat_hash_set<std::string> (set), and for a zset
//              std::set<std::pair<double, std::string>> + absl::flat_hash_map<std::string,
//              double>.
// Every read copies its result out (std::string, std::vector), as the typed API returns owned
// copies, and every contender's write and read results are checked against the container's.
//
// Memory: after the first load, bytes per element of each type, summed over all keys:
// kevy Store::memory_usage next to redis MEMORY USAGE key SAMPLES 0 on the same keys and
// values; the process-level growth per element is printed beside them as a cross-check
// (kevy: resident set; redis: INFO used_memory, which includes its keyspace table).
//
// Usage: kevy-bench-types [--scale F] [--reps R] [--redis PATH|none] [--only list|hash|set|zset]
// (--only runs one workload, for profiling; the ratios line then lists that workload only.)
// The last line is machine-readable:
//   ratios list_vs_container=.. hash_vs_container=.. set_vs_container=.. zset_vs_container=..
//          list_vs_redis=.. list_exec_vs_redis=.. (hash, set, zset likewise)
//          mem_list=.. mem_hash=.. mem_set=.. mem_zset=..
// A workload's ratio is the geometric mean of its write-phase and read-phase ratios; _vs_redis
// compares the typed API and _exec_vs_redis the execute path; mem_X = kevy bytes / redis bytes
// per element. Without redis-server only the container ratios are printed.
#include <fcntl.h>
#include <hiredis/hiredis.h>
#include <malloc.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "kevy/store.h"

namespace {

using Clock = std::chrono::steady_clock;
using Argv = std::vector<std::string_view>;

class Redis;
Redis* g_redis = nullptr;  // stopped by die(), so that no server or socket directory is left
void stop_redis();

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "kevy-bench-types: %s\n", what.c_str());
  stop_redis();
  std::exit(1);
}

template <typename Fn>
double seconds(Fn&& fn) {
  auto t0 = Clock::now();
  fn();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Resident set size in bytes (after returning free heap memory to the OS).
size_t rss_bytes() {
  malloc_trim(0);
  long pages = 0, resident = 0;
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
  std::fclose(f);
  return static_cast<size_t>(resident) * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

std::string numbered(const char* fmt, size_t i) {
  char buf[48];
  std::snprintf(buf, sizeof buf, fmt, i);
  return buf;
}

std::vector<std::string> numbered_all(const char* fmt, size_t n) {
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(numbered(fmt, i));
  return out;
}

template <typename T>
T& value_or_die(kevy::Result<T>& r, const char* what) {
  if (!r.ok()) die(std::string(what) + ": " + r.status().to_string());
  return r.value();
}

// ---------------------------------------------------------------------------------------------
// Results of a run: what each contender's writes and reads returned, summed. Equal work gives
// equal sums, so each contender is checked against the container.

enum Contender { kTyped, kExec, kRedis, kContainer, kNumContenders };
constexpr const char* kContenderNames[kNumContenders] = {"kevy", "kevy exec", "redis",
                                                         "container"};

struct Sums {
  int64_t write = 0;  // e.g. the lengths LPUSH returned, the number of new fields
  int64_t read = 0;   // e.g. elements returned, hits
  int64_t bytes = 0;  // bytes of the values read (typed and container only)
};

struct Phase {
  std::string label;
  size_t ops = 0;
  double best[kNumContenders] = {};  // ops per second
  void keep(Contender c, double secs) { best[c] = std::max(best[c], ops / secs); }
};

struct Memory {
  const char* what = "";
  size_t elements = 0;          // summed over the keys measured
  double kevy_bytes = 0;        // Store::memory_usage, summed
  double kevy_rss = 0;          // resident growth during the typed load
  double redis_bytes = 0;       // MEMORY USAGE ... SAMPLES 0, summed
  double redis_used = 0;        // INFO used_memory growth during the load
};

struct Workload {
  const char* name;
  Phase write, read;
  Memory mem;
  Sums expected;  // the container's
  bool have_expected = false;

  void check(Contender c, const Sums& s) {
    if (c == kContainer) {
      expected = s;
      have_expected = true;
      return;
    }
    if (!have_expected) die("internal: container must run first");
    if (s.write != expected.write || s.read != expected.read ||
        (c != kExec && c != kRedis && s.bytes != expected.bytes)) {
      die(std::string(name) + ": " + kContenderNames[c] + " results differ from the container's" +
          " (write " + std::to_string(s.write) + " vs " + std::to_string(expected.write) +
          ", read " + std::to_string(s.read) + " vs " + std::to_string(expected.read) + ")");
    }
  }
};

// ---------------------------------------------------------------------------------------------
// redis-server, spawned on a unix socket in a private temporary directory.

class Redis {
 public:
  static constexpr size_t kBatch = 1000;

  Redis() = default;
  Redis(const Redis&) = delete;
  Redis& operator=(const Redis&) = delete;
  ~Redis() { stop(); }

  // False (with the reason in *why) when the server cannot be started.
  bool start(const std::string& binary, std::string* why) {
    char tmpl[] = "/tmp/kevy-bench-types-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) {
      *why = "mkdtemp failed";
      return false;
    }
    dir_ = tmpl;
    const std::string sock = dir_ + "/r.sock";
    pid_ = fork();
    if (pid_ < 0) {
      *why = "fork failed";
      return false;
    }
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive the benchmark
      int null = open("/dev/null", O_WRONLY);
      if (null >= 0) {
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
      }
      execl(binary.c_str(), "redis-server", "--port", "0", "--unixsocket", sock.c_str(), "--save",
            "", "--appendonly", "no", "--dir", dir_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    auto deadline = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        *why = "redis-server exited at start";
        return false;
      }
      if (std::filesystem::exists(sock)) {
        ctx_ = redisConnectUnix(sock.c_str());
        if (ctx_ != nullptr && ctx_->err == 0) {
          version_ = info_field("server", "redis_version");
          return true;
        }
        if (ctx_ != nullptr) redisFree(ctx_);
        ctx_ = nullptr;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    *why = "redis-server did not open its socket within 10 s";
    return false;
  }

  void stop() {
    if (ctx_ != nullptr) redisFree(ctx_);
    ctx_ = nullptr;
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
      pid_ = -1;
    }
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
      dir_.clear();
    }
  }

  const std::string& version() const { return version_; }

  // Runs n commands, command i built by make(i, argv), in pipelines of kBatch; consume(reply)
  // sees every reply in order. Batch k+1 is sent before the replies of batch k are read, so
  // the server works while the client parses. An error reply or a broken connection ends the
  // benchmark.
  template <typename Make, typename Consume>
  void pipeline(size_t n, Make&& make, Consume&& consume) {
    Argv argv;
    std::vector<const char*> ptrs;
    std::vector<size_t> lens;
    size_t sent = 0;
    auto send_batch = [&] {
      const size_t end = std::min(n, sent + kBatch);
      for (; sent < end; ++sent) {
        argv.clear();
        make(sent, argv);
        ptrs.resize(argv.size());
        lens.resize(argv.size());
        for (size_t k = 0; k < argv.size(); ++k) {
          ptrs[k] = argv[k].data();
          lens[k] = argv[k].size();
        }
        if (redisAppendCommandArgv(ctx_, static_cast<int>(argv.size()), ptrs.data(),
                                   lens.data()) != REDIS_OK) {
          die(std::string("redis: ") + ctx_->errstr);
        }
      }
      int done = 0;
      while (!done) {
        if (redisBufferWrite(ctx_, &done) != REDIS_OK) die(std::string("redis: ") + ctx_->errstr);
      }
    };
    send_batch();
    for (size_t received = 0; received < n;) {
      const size_t end = std::min(n, received + kBatch);
      if (sent < n) send_batch();
      for (; received < end; ++received) {
        void* raw = nullptr;
        if (redisGetReply(ctx_, &raw) != REDIS_OK) die(std::string("redis: ") + ctx_->errstr);
        auto* reply = static_cast<redisReply*>(raw);
        if (reply->type == REDIS_REPLY_ERROR) die(std::string("redis: ") + reply->str);
        consume(reply);
        freeReplyObject(reply);
      }
    }
  }

  void flushall() {
    pipeline(1, [](size_t, Argv& a) { a = {"FLUSHALL", "SYNC"}; }, [](redisReply*) {});
  }

  // A field of INFO <section>, e.g. used_memory.
  std::string info_field(std::string_view section, std::string_view field) {
    std::string text;
    pipeline(1, [&](size_t, Argv& a) { a = {"INFO", section}; },
             [&](redisReply* r) { text.assign(r->str, r->len); });
    std::string key = std::string(field) + ":";
    size_t at = text.find("\r\n" + key);
    if (at == std::string::npos) return "";
    at += 2 + key.size();
    return text.substr(at, text.find("\r\n", at) - at);
  }
  double used_memory() { return std::strtod(info_field("memory", "used_memory").c_str(), nullptr); }

  // Sum of MEMORY USAGE key SAMPLES 0 over keys.
  double memory_usage(const std::vector<std::string>& keys) {
    double total = 0;
    pipeline(keys.size(),
             [&](size_t i, Argv& a) { a = {"MEMORY", "USAGE", keys[i], "SAMPLES", "0"}; },
             [&](redisReply* r) { total += static_cast<double>(r->integer); });
    return total;
  }

 private:
  pid_t pid_ = -1;
  std::string dir_;
  std::string version_;
  redisContext* ctx_ = nullptr;
};

void stop_redis() {
  Redis* r = std::exchange(g_redis, nullptr);
  if (r != nullptr) r->stop();
}

// The count a reply carries, for the result checks: array length, 1/0 for a bulk/nil, or the
// integer. Same meaning for kevy's RESP bytes and hiredis's parsed reply.
int64_t resp_count(const std::string& out) {
  if (out.empty()) die("empty reply");
  switch (out[0]) {
    case '*':
    case ':':
      return std::strtoll(out.c_str() + 1, nullptr, 10);
    case '$':
      return out[1] == '-' ? 0 : 1;
    case '-':
      die("kevy: " + out.substr(1, out.find('\r') - 1));
    default:
      return 1;
  }
}

int64_t reply_count(const redisReply* r) {
  switch (r->type) {
    case REDIS_REPLY_ARRAY:
      return static_cast<int64_t>(r->elements);
    case REDIS_REPLY_INTEGER:
      return r->integer;
    case REDIS_REPLY_NIL:
      return 0;
    default:
      return 1;
  }
}

// kevy's client path without the socket: argv in, RESP bytes out.
template <typename Make, typename Consume>
void exec_all(kevy::Store& store, size_t n, Make&& make, Consume&& consume) {
  kevy::Session session;
  Argv argv;
  for (size_t i = 0; i < n; ++i) {
    argv.clear();
    make(i, argv);
    consume(store.execute_resp(argv, session));
  }
}

kevy::Store open_store() {
  auto r = kevy::Store::open(kevy::Options{});
  if (!r.ok()) die(r.status().to_string());
  return std::move(r).value();
}

// Everything one round of a workload needs besides its data.
struct Round {
  int rep = 0;
  Redis* redis = nullptr;  // nullptr: no redis-server
  bool measure_memory() const { return rep == 0; }
};

// Runs the typed contender of a workload: load() timed (and, in round 0, its resident growth
// and memory_usage measured), then read() timed.
template <typename Load, typename Read>
void run_typed(Workload& w, const Round& round, const std::vector<std::string>& keys,
               Load&& load, Read&& read) {
  const size_t rss0 = round.measure_memory() ? rss_bytes() : 0;
  kevy::Store store = open_store();
  Sums s;
  w.write.keep(kTyped, seconds([&] { load(store, s); }));
  if (round.measure_memory()) {
    w.mem.kevy_rss = static_cast<double>(rss_bytes()) - static_cast<double>(rss0);
    double total = 0;
    for (const std::string& k : keys) {
      std::optional<size_t> b = store.memory_usage(k);
      if (!b) die(std::string(w.name) + ": memory_usage found no key " + k);
      total += static_cast<double>(*b);
    }
    w.mem.kevy_bytes = total;
  }
  w.read.keep(kTyped, seconds([&] { read(store, s); }));
  w.check(kTyped, s);
}

// The execute and redis contenders share their argv builders.
template <typename MakeWrite, typename MakeRead, typename ReadCount>
void run_clients(Workload& w, const Round& round, const std::vector<std::string>& keys,
                 MakeWrite&& make_write, MakeRead&& make_read, ReadCount&& read_count) {
  {
    kevy::Store store = open_store();
    Sums s;
    w.write.keep(kExec, seconds([&] {
      exec_all(store, w.write.ops, make_write, [&](const std::string& out) {
        s.write += resp_count(out);
      });
    }));
    w.read.keep(kExec, seconds([&] {
      exec_all(store, w.read.ops, make_read, [&](const std::string& out) {
        s.read += read_count(resp_count(out));
      });
    }));
    w.check(kExec, s);
  }
  if (round.redis == nullptr) return;
  Redis& redis = *round.redis;
  redis.flushall();
  const double used0 = round.measure_memory() ? redis.used_memory() : 0;
  Sums s;
  w.write.keep(kRedis, seconds([&] {
    redis.pipeline(w.write.ops, make_write, [&](redisReply* r) { s.write += reply_count(r); });
  }));
  if (round.measure_memory()) {
    w.mem.redis_used = redis.used_memory() - used0;
    w.mem.redis_bytes = redis.memory_usage(keys);
  }
  w.read.keep(kRedis, seconds([&] {
    redis.pipeline(w.read.ops, make_read,
                   [&](redisReply* r) { s.read += read_count(reply_count(r)); });
  }));
  w.check(kRedis, s);
  redis.flushall();
}

int64_t same(int64_t n) { return n; }

std::mt19937_64 rng_for(const char* name) {
  std::seed_seq seq(name, name + std::strlen(name));
  return std::mt19937_64(seq);
}

// ---------------------------------------------------------------------------------------------
// list: LPUSH 100 elements to each list, then LRANGE 0 99 on every list, several passes.

struct ListData {
  static constexpr size_t kLen = 100;
  static constexpr size_t kPasses = 5;
  std::vector<std::string> keys;
  std::vector<std::string> values;  // kLen elements, pushed in this order to every list
  std::vector<uint32_t> order;      // LRANGE order: kPasses shuffled passes over keys
};

ListData make_lists(size_t lists) {
  ListData d;
  d.keys = numbered_all("list:%08zu", lists);
  d.values = numbered_all("element:%08zu", ListData::kLen);  // 16 bytes
  auto rng = rng_for("list");
  for (size_t p = 0; p < ListData::kPasses; ++p) {
    std::vector<uint32_t> pass(lists);
    for (size_t i = 0; i < lists; ++i) pass[i] = static_cast<uint32_t>(i);
    std::shuffle(pass.begin(), pass.end(), rng);
    d.order.insert(d.order.end(), pass.begin(), pass.end());
  }
  return d;
}

void round_lists(Workload& w, const ListData& d, const Round& round) {
  constexpr size_t L = ListData::kLen;
  {  // container
    absl::flat_hash_map<std::string, std::deque<std::string>> lists;
    Sums s;
    w.write.keep(kContainer, seconds([&] {
      for (size_t i = 0; i < w.write.ops; ++i) {
        std::deque<std::string>& l = lists[d.keys[i / L]];
        l.push_front(d.values[i % L]);
        s.write += static_cast<int64_t>(l.size());
      }
    }));
    w.read.keep(kContainer, seconds([&] {
      for (uint32_t k : d.order) {
        auto it = lists.find(d.keys[k]);
        if (it == lists.end()) continue;
        const std::deque<std::string>& l = it->second;
        std::vector<std::string> out(l.begin(), l.begin() + std::min(l.size(), L));
        s.read += static_cast<int64_t>(out.size());
        for (const std::string& v : out) s.bytes += static_cast<int64_t>(v.size());
      }
    }));
    w.check(kContainer, s);
  }
  run_typed(
      w, round, d.keys,
      [&](kevy::Store& store, Sums& s) {
        for (size_t i = 0; i < w.write.ops; ++i) {
          std::string_view v = d.values[i % L];
          auto r = store.lpush(d.keys[i / L], std::span(&v, 1));
          s.write += value_or_die(r, "lpush");
        }
      },
      [&](kevy::Store& store, Sums& s) {
        for (uint32_t k : d.order) {
          auto r = store.lrange(d.keys[k], 0, L - 1);
          const std::vector<std::string>& out = value_or_die(r, "lrange");
          s.read += static_cast<int64_t>(out.size());
          for (const std::string& v : out) s.bytes += static_cast<int64_t>(v.size());
        }
      });
  run_clients(
      w, round, d.keys,
      [&](size_t i, Argv& a) { a = {"LPUSH", d.keys[i / L], d.values[i % L]}; },
      [&](size_t i, Argv& a) { a = {"LRANGE", d.keys[d.order[i]], "0", "99"}; }, same);
}

// ---------------------------------------------------------------------------------------------
// hash: HSET 1,000 fields into each hash, then HGET random (hash, field) pairs.

struct HashData {
  static constexpr size_t kFields = 1000;
  std::vector<std::string> keys;
  std::vector<std::string> fields;  // the same kFields fields in every hash
  std::vector<std::string> values;  // values[j] is field j's value
  std::vector<std::pair<uint32_t, uint32_t>> reads;  // (hash, field)
};

HashData make_hashes(size_t hashes) {
  HashData d;
  d.keys = numbered_all("hash:%08zu", hashes);
  d.fields = numbered_all("field:%06zu", HashData::kFields);  // 12 bytes
  d.values = numbered_all("value:%010zu", HashData::kFields);  // 16 bytes
  auto rng = rng_for("hash");
  d.reads.resize(hashes * HashData::kFields);
  for (auto& [h, f] : d.reads) {
    h = static_cast<uint32_t>(rng() % hashes);
    f = static_cast<uint32_t>(rng() % HashData::kFields);
  }
  return d;
}

void round_hashes(Workload& w, const HashData& d, const Round& round) {
  constexpr size_t F = HashData::kFields;
  {  // container
    absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, std::string>> hashes;
    Sums s;
    w.write.keep(kContainer, seconds([&] {
      for (size_t i = 0; i < w.write.ops; ++i) {
        auto& h = hashes[d.keys[i / F]];
        s.write += h.insert_or_assign(d.fields[i % F], d.values[i % F]).second;
      }
    }));
    w.read.keep(kContainer, seconds([&] {
      for (const auto& [k, f] : d.reads) {
        auto it = hashes.find(d.keys[k]);
        if (it == hashes.end()) continue;
        auto fit = it->second.find(d.fields[f]);
        if (fit == it->second.end()) continue;
        std::string v = fit->second;
        ++s.read;
        s.bytes += static_cast<int64_t>(v.size());
      }
    }));
    w.check(kContainer, s);
  }
  run_typed(
      w, round, d.keys,
      [&](kevy::Store& store, Sums& s) {
        for (size_t i = 0; i < w.write.ops; ++i) {
          auto r = store.hset(d.keys[i / F], d.fields[i % F], d.values[i % F]);
          s.write += value_or_die(r, "hset");
        }
      },
      [&](kevy::Store& store, Sums& s) {
        for (const auto& [k, f] : d.reads) {
          auto r = store.hget(d.keys[k], d.fields[f]);
          const std::optional<std::string>& v = value_or_die(r, "hget");
          if (!v) continue;
          ++s.read;
          s.bytes += static_cast<int64_t>(v->size());
        }
      });
  run_clients(
      w, round, d.keys,
      [&](size_t i, Argv& a) { a = {"HSET", d.keys[i / F], d.fields[i % F], d.values[i % F]}; },
      [&](size_t i, Argv& a) {
        a = {"HGET", d.keys[d.reads[i].first], d.fields[d.reads[i].second]};
      },
      same);
}

// ---------------------------------------------------------------------------------------------
// set: SADD 10,000 members to each set, then SISMEMBER random (set, member), half misses.

struct SetData {
  static constexpr size_t kMembers = 10000;
  std::vector<std::string> keys;
  std::vector<std::string> members;  // 2 * kMembers: the first half is in every set
  std::vector<std::pair<uint32_t, uint32_t>> reads;  // (set, member)
};

SetData make_sets(size_t sets) {
  SetData d;
  d.keys = numbered_all("set:%08zu", sets);
  d.members = numbered_all("member:%09zu", 2 * SetData::kMembers);  // 16 bytes
  auto rng = rng_for("set");
  d.reads.resize(sets * SetData::kMembers);
  for (auto& [k, m] : d.reads) {
    k = static_cast<uint32_t>(rng() % sets);
    m = static_cast<uint32_t>(rng() % (2 * SetData::kMembers));
  }
  return d;
}

void round_sets(Workload& w, const SetData& d, const Round& round) {
  constexpr size_t M = SetData::kMembers;
  {  // container
    absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> sets;
    Sums s;
    w.write.keep(kContainer, seconds([&] {
      for (size_t i = 0; i < w.write.ops; ++i) {
        s.write += sets[d.keys[i / M]].insert(d.members[i % M]).second;
      }
    }));
    w.read.keep(kContainer, seconds([&] {
      for (const auto& [k, m] : d.reads) {
        auto it = sets.find(d.keys[k]);
        if (it != sets.end() && it->second.contains(d.members[m])) ++s.read;
      }
    }));
    w.check(kContainer, s);
  }
  run_typed(
      w, round, d.keys,
      [&](kevy::Store& store, Sums& s) {
        for (size_t i = 0; i < w.write.ops; ++i) {
          std::string_view m = d.members[i % M];
          auto r = store.sadd(d.keys[i / M], std::span(&m, 1));
          s.write += value_or_die(r, "sadd");
        }
      },
      [&](kevy::Store& store, Sums& s) {
        for (const auto& [k, m] : d.reads) {
          auto r = store.sismember(d.keys[k], d.members[m]);
          s.read += value_or_die(r, "sismember");
        }
      });
  run_clients(
      w, round, d.keys, [&](size_t i, Argv& a) { a = {"SADD", d.keys[i / M], d.members[i % M]}; },
      [&](size_t i, Argv& a) {
        a = {"SISMEMBER", d.keys[d.reads[i].first], d.members[d.reads[i].second]};
      },
      same);
}

// ---------------------------------------------------------------------------------------------
// zset: ZADD 10,000 members with random scores to each zset, then ZRANGEBYSCORE ... WITHSCORES
// over ranges expected to hold 10..100 members.

struct ZsetData {
  static constexpr size_t kMembers = 10000;
  static constexpr double kScoreRange = 1e6;  // scores are in [0, 1e6), with 3 decimals
  std::vector<std::string> keys;
  std::vector<std::string> members;
  std::vector<std::string> score_texts;  // per ZADD, as the client sends it
  std::vector<double> scores;            // the same numbers parsed
  struct Query {
    uint32_t key;
    double min, max;
    std::string min_text, max_text;
  };
  std::vector<Query> queries;
};

ZsetData make_zsets(size_t zsets, size_t queries) {
  ZsetData d;
  d.keys = numbered_all("zset:%08zu", zsets);
  d.members = numbered_all("member:%09zu", ZsetData::kMembers);  // 16 bytes
  auto rng = rng_for("zset");
  const uint64_t thousandths = static_cast<uint64_t>(ZsetData::kScoreRange) * 1000;
  auto score_text = [](uint64_t t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%llu.%03llu", static_cast<unsigned long long>(t / 1000),
                  static_cast<unsigned long long>(t % 1000));
    return std::string(buf);
  };
  const size_t n = zsets * ZsetData::kMembers;
  d.score_texts.reserve(n);
  d.scores.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    d.score_texts.push_back(score_text(rng() % thousandths));
    d.scores.push_back(std::strtod(d.score_texts.back().c_str(), nullptr));
  }
  // A range of width w holds w * kMembers / kScoreRange members on average: 10..100.
  const double per_unit = ZsetData::kMembers / ZsetData::kScoreRange;
  d.queries.reserve(queries);
  for (size_t q = 0; q < queries; ++q) {
    const uint64_t width = static_cast<uint64_t>(
        (10 + static_cast<double>(rng() % 91)) / per_unit * 1000);  // in thousandths
    const uint64_t lo = rng() % (thousandths - width);
    ZsetData::Query query;
    query.key = static_cast<uint32_t>(rng() % zsets);
    query.min_text = score_text(lo);
    query.max_text = score_text(lo + width);
    query.min = std::strtod(query.min_text.c_str(), nullptr);
    query.max = std::strtod(query.max_text.c_str(), nullptr);
    d.queries.push_back(std::move(query));
  }
  return d;
}

void round_zsets(Workload& w, const ZsetData& d, const Round& round) {
  constexpr size_t M = ZsetData::kMembers;
  {  // container: an ordered index plus a member -> score map
    struct Zset {
      std::set<std::pair<double, std::string>> order;
      absl::flat_hash_map<std::string, double> scores;
    };
    absl::flat_hash_map<std::string, Zset> zsets;
    Sums s;
    w.write.keep(kContainer, seconds([&] {
      for (size_t i = 0; i < w.write.ops; ++i) {
        Zset& z = zsets[d.keys[i / M]];
        const std::string& member = d.members[i % M];
        const double score = d.scores[i];
        auto [it, inserted] = z.scores.try_emplace(member, score);
        if (!inserted) {
          if (it->second == score) continue;
          z.order.erase({it->second, member});
          it->second = score;
        }
        z.order.emplace(score, member);
        s.write += inserted;
      }
    }));
    w.read.keep(kContainer, seconds([&] {
      for (const ZsetData::Query& q : d.queries) {
        auto zit = zsets.find(d.keys[q.key]);
        if (zit == zsets.end()) continue;
        const auto& order = zit->second.order;
        std::vector<std::pair<std::string, double>> out;
        for (auto it = order.lower_bound({q.min, std::string()});
             it != order.end() && it->first <= q.max; ++it) {
          out.emplace_back(it->second, it->first);
        }
        s.read += static_cast<int64_t>(out.size());
        for (const auto& [m, sc] : out) s.bytes += static_cast<int64_t>(m.size());
      }
    }));
    w.check(kContainer, s);
  }
  run_typed(
      w, round, d.keys,
      [&](kevy::Store& store, Sums& s) {
        for (size_t i = 0; i < w.write.ops; ++i) {
          std::pair<double, std::string_view> item(d.scores[i], d.members[i % M]);
          auto r = store.zadd(d.keys[i / M], std::span(&item, 1));
          s.write += value_or_die(r, "zadd");
        }
      },
      [&](kevy::Store& store, Sums& s) {
        for (const ZsetData::Query& q : d.queries) {
          auto r = store.zrange_by_score(d.keys[q.key], q.min, q.max);
          const auto& out = value_or_die(r, "zrange_by_score");
          s.read += static_cast<int64_t>(out.size());
          for (const auto& [m, sc] : out) s.bytes += static_cast<int64_t>(m.size());
        }
      });
  run_clients(
      w, round, d.keys,
      [&](size_t i, Argv& a) { a = {"ZADD", d.keys[i / M], d.score_texts[i], d.members[i % M]}; },
      [&](size_t i, Argv& a) {
        const ZsetData::Query& q = d.queries[i];
        a = {"ZRANGEBYSCORE", d.keys[q.key], q.min_text, q.max_text, "WITHSCORES"};
      },
      [](int64_t elements) { return elements / 2; });  // WITHSCORES: member, score, ...
}

// ---------------------------------------------------------------------------------------------
// Report.

double ratio(double a, double b) { return b > 0 ? a / b : 0; }

void print_phase(const Phase& p, bool with_redis) {
  std::printf("%-30s %9zu %12.0f %12.0f", p.label.c_str(), p.ops, p.best[kTyped], p.best[kExec]);
  if (with_redis) {
    std::printf(" %12.0f", p.best[kRedis]);
  } else {
    std::printf(" %12s", "-");
  }
  std::printf(" %12.0f %9.2f", p.best[kContainer], ratio(p.best[kTyped], p.best[kContainer]));
  if (with_redis) {
    std::printf(" %10.2f %10.2f", ratio(p.best[kTyped], p.best[kRedis]),
                ratio(p.best[kExec], p.best[kRedis]));
  }
  std::printf("\n");
}

// Geometric mean of the write and read phase ratios of contender a over contender b.
double workload_ratio(const Workload& w, Contender a, Contender b) {
  return std::sqrt(ratio(w.write.best[a], w.write.best[b]) * ratio(w.read.best[a], w.read.best[b]));
}

std::string find_redis(const std::string& flag) {
  if (flag == "none") return "";
  if (!flag.empty()) return flag;
  if (access("/usr/bin/redis-server", X_OK) == 0) return "/usr/bin/redis-server";
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/redis-server";
    if (end > start && access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

size_t scaled(size_t n, double scale) {
  return std::max<size_t>(1, static_cast<size_t>(std::llround(static_cast<double>(n) * scale)));
}

}  // namespace

int main(int argc, char** argv) {
  double scale = 1.0;
  int reps = 2;
  std::string redis_flag;
  std::string only;  // empty: every workload
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--scale") == 0 && i + 1 < argc) {
      scale = std::strtod(argv[++i], nullptr);
    } else if (std::strcmp(argv[i], "--reps") == 0 && i + 1 < argc) {
      reps = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--redis") == 0 && i + 1 < argc) {
      redis_flag = argv[++i];
    } else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
      only = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: %s [--scale F] [--reps R] [--redis PATH|none] "
                   "[--only list|hash|set|zset]\n",
                   argv[0]);
      return 2;
    }
  }
  if (!(scale > 0) || reps < 1) die("--scale and --reps must be positive");
  if (!only.empty() && only != "list" && only != "hash" && only != "set" && only != "zset") {
    die("--only takes list, hash, set or zset");
  }
  auto runs = [&](const char* name) { return only.empty() || only == name; };

  const size_t lists = scaled(5000, scale);
  const size_t hashes = scaled(500, scale);
  const size_t sets = scaled(50, scale);
  const size_t zsets = scaled(50, scale);
  const size_t zqueries = scaled(20000, scale);

  Redis redis;
  bool have_redis = false;
  const std::string redis_bin = find_redis(redis_flag);
  if (redis_bin.empty()) {
    std::printf("redis-server not found: reporting kevy vs container only\n");
  } else {
    std::string why;
    have_redis = redis.start(redis_bin, &why);
    if (have_redis) {
      g_redis = &redis;
    } else {
      redis.stop();
      std::printf("redis-server (%s) did not start (%s): reporting kevy vs container only\n",
                  redis_bin.c_str(), why.c_str());
    }
  }

  const ListData list_data = make_lists(lists);
  const HashData hash_data = make_hashes(hashes);
  const SetData set_data = make_sets(sets);
  const ZsetData zset_data = make_zsets(zsets, zqueries);

  Workload wl{"list"}, wh{"hash"}, ws{"set"}, wz{"zset"};
  wl.write = {"LPUSH (x100 per list)", lists * ListData::kLen};
  wl.read = {"LRANGE 0 99", list_data.order.size()};
  wl.mem.what = "list of 100 x 16 B";
  wl.mem.elements = lists * ListData::kLen;
  wh.write = {"HSET (1,000 fields per hash)", hashes * HashData::kFields};
  wh.read = {"HGET", hash_data.reads.size()};
  wh.mem.what = "hash of 1,000 x (12 B, 16 B)";
  wh.mem.elements = hashes * HashData::kFields;
  ws.write = {"SADD (10,000 per set)", sets * SetData::kMembers};
  ws.read = {"SISMEMBER (half misses)", set_data.reads.size()};
  ws.mem.what = "set of 10,000 x 16 B";
  ws.mem.elements = sets * SetData::kMembers;
  wz.write = {"ZADD (10,000 per zset)", zsets * ZsetData::kMembers};
  wz.read = {"ZRANGEBYSCORE (10..100)", zset_data.queries.size()};
  wz.mem.what = "zset of 10,000 x 16 B";
  wz.mem.elements = zsets * ZsetData::kMembers;

  // Each round runs every contender of every workload once, so a burst of machine load hits
  // them alike; the best round of each counts.
  for (int rep = 0; rep < reps; ++rep) {
    Round round{rep, have_redis ? &redis : nullptr};
    if (runs("list")) round_lists(wl, list_data, round);
    if (runs("hash")) round_hashes(wh, hash_data, round);
    if (runs("set")) round_sets(ws, set_data, round);
    if (runs("zset")) round_zsets(wz, zset_data, round);
  }

  std::vector<Workload*> all;
  for (Workload* w : {&wl, &wh, &ws, &wz}) {
    if (runs(w->name)) all.push_back(w);
  }
  std::printf("kevy-bench-types: scale %g, best round of %d", scale, reps);
  if (have_redis) {
    std::printf(", redis-server %s via hiredis (pipelines of %zu)", redis.version().c_str(),
                Redis::kBatch);
  }
  std::printf("\n%-30s %9s %12s %12s %12s %12s %9s %10s %10s\n", "ops/s", "ops", "kevy",
              "kevy exec", "redis", "container", "kevy/cont", "kevy/redis", "exec/redis");
  for (Workload* w : all) {
    print_phase(w->write, have_redis);
    print_phase(w->read, have_redis);
  }
  std::printf("\n%-30s %10s %10s %10s %12s %12s\n", "bytes per element", "kevy", "redis",
              "kevy/redis", "kevy RSS", "redis used");
  for (Workload* w : all) {
    const double n = static_cast<double>(w->mem.elements);
    if (have_redis) {
      std::printf("%-30s %10.1f %10.1f %10.2f %12.1f %12.1f\n", w->mem.what,
                  w->mem.kevy_bytes / n, w->mem.redis_bytes / n,
                  ratio(w->mem.kevy_bytes, w->mem.redis_bytes), w->mem.kevy_rss / n,
                  w->mem.redis_used / n);
    } else {
      std::printf("%-30s %10.1f %10s %10s %12.1f %12s\n", w->mem.what, w->mem.kevy_bytes / n,
                  "-", "-", w->mem.kevy_rss / n, "-");
    }
  }

  std::printf("ratios");
  for (Workload* w : all) {
    std::printf(" %s_vs_container=%.2f", w->name, workload_ratio(*w, kTyped, kContainer));
  }
  if (have_redis) {
    for (Workload* w : all) {
      std::printf(" %s_vs_redis=%.2f %s_exec_vs_redis=%.2f", w->name,
                  workload_ratio(*w, kTyped, kRedis), w->name, workload_ratio(*w, kExec, kRedis));
    }
    for (Workload* w : all) {
      std::printf(" mem_%s=%.2f", w->name, ratio(w->mem.kevy_bytes, w->mem.redis_bytes));
    }
  }
  std::printf("\n");
  stop_redis();
  return 0;
}
