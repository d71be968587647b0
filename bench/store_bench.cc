// kevy-bench-store: kevy's embedded string path next to absl::flat_hash_map, in one process.
//
// N keys "key:%012d" with 16-byte values. Every contender SETs all keys in key order and then
// GETs all keys in the same shuffled order; every GET copies the value out into a std::string
// (kevy's typed get already returns one) and the results are consumed, so the work is equal.
// kevy's resident-memory growth per key is measured before the absl map exists.
//
// Usage: kevy-bench-store [--keys N] [--reps R]
// The last line is machine-readable:
//   ratios get=<kevy GET/s / absl GET/s> set=<kevy SET/s / absl SET/s>
//          exec_get=<execute GET/s / absl GET/s> bytes_per_key=<RSS growth / keys>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "kevy/store.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Workload {
  std::vector<std::string> keys;
  std::vector<std::string> values;
  std::vector<uint32_t> order;  // shuffled GET order, shared by every contender
};

Workload make_workload(size_t n) {
  Workload w;
  w.keys.reserve(n);
  w.values.reserve(n);
  char buf[32];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "key:%012zu", i);
    w.keys.emplace_back(buf);
    std::snprintf(buf, sizeof buf, "val:%012zu", i);  // 16 bytes
    w.values.emplace_back(buf);
  }
  w.order.resize(n);
  std::iota(w.order.begin(), w.order.end(), 0u);
  std::mt19937_64 rng(0x6b657679);
  std::shuffle(w.order.begin(), w.order.end(), rng);
  return w;
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

// Consumed results: the optimiser cannot drop a GET whose bytes feed this.
struct Sink {
  uint64_t found = 0;
  uint64_t bytes = 0;
  void take(const std::string& v) {
    ++found;
    bytes += v.size() + static_cast<unsigned char>(v[v.size() - 1]);
  }
};
volatile uint64_t g_sink;

template <typename Fn>
double seconds(Fn&& fn) {
  auto t0 = Clock::now();
  fn();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "kevy-bench-store: %s\n", what);
  std::exit(1);
}

void check(const Sink& s, size_t n, const char* what) {
  if (s.found != n) die(what);
  g_sink = s.bytes;
}

struct Best {
  double set = 0, get = 0, exec_set = 0, exec_get = 0;  // ops per second, best run
  void keep(double& slot, size_t n, double secs) { slot = std::max(slot, n / secs); }
};

kevy::Store open_store() {
  auto r = kevy::Store::open(kevy::Options{});
  if (!r.ok()) die(r.status().to_string().c_str());
  return std::move(r).value();
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = 1000000;
  int reps = 3;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--keys") == 0 && i + 1 < argc) {
      n = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--reps") == 0 && i + 1 < argc) {
      reps = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--keys N] [--reps R]\n", argv[0]);
      return 2;
    }
  }
  if (n == 0 || reps < 1) die("--keys and --reps must be positive");

  const Workload w = make_workload(n);
  Best kevy_best, absl_best;
  double bytes_per_key = 0;

  // Each round runs every contender once, so a burst of machine load hits them alike; the
  // best round of each counts. Round 0 runs kevy's typed API first, before any other store or
  // map exists, and measures its resident memory.
  for (int rep = 0; rep < reps; ++rep) {
    {  // kevy typed API
      size_t rss0 = rep == 0 ? rss_bytes() : 0;
      kevy::Store store = open_store();
      kevy_best.keep(kevy_best.set, n, seconds([&] {
        for (size_t i = 0; i < n; ++i) {
          if (!store.set(w.keys[i], w.values[i]).ok()) die("kevy set failed");
        }
      }));
      if (rep == 0) bytes_per_key = (static_cast<double>(rss_bytes()) - rss0) / n;
      Sink s;
      kevy_best.keep(kevy_best.get, n, seconds([&] {
        for (uint32_t i : w.order) {
          std::optional<std::string> v = store.get(w.keys[i]);
          if (v) s.take(*v);
        }
      }));
      check(s, n, "kevy get missed keys");
    }
    {  // kevy through execute(): the command-table path every RESP client takes
      kevy::Store store = open_store();
      kevy_best.keep(kevy_best.exec_set, n, seconds([&] {
        for (size_t i = 0; i < n; ++i) {
          kevy::Reply r = store.execute({"SET", w.keys[i], w.values[i]});
          if (r.is_error()) die("kevy execute SET failed");
        }
      }));
      Sink s;
      kevy_best.keep(kevy_best.exec_get, n, seconds([&] {
        for (uint32_t i : w.order) {
          kevy::Reply r = store.execute({"GET", w.keys[i]});
          // The reply already owns a copy of the value (one copy, as the typed get).
          if (r.type() == kevy::Reply::Type::kBulk) s.take(r.str());
        }
      }));
      check(s, n, "kevy execute GET missed keys");
    }
    {  // baseline: absl::flat_hash_map<std::string, std::string>
      absl::flat_hash_map<std::string, std::string> map;
      absl_best.keep(absl_best.set, n, seconds([&] {
        for (size_t i = 0; i < n; ++i) map.insert_or_assign(w.keys[i], w.values[i]);
      }));
      Sink s;
      absl_best.keep(absl_best.get, n, seconds([&] {
        for (uint32_t i : w.order) {
          auto it = map.find(w.keys[i]);
          if (it != map.end()) {
            std::string v = it->second;
            s.take(v);
          }
        }
      }));
      check(s, n, "absl get missed keys");
    }
  }

  std::printf("kevy-bench-store: %zu keys, 16-byte values, best round of %d\n", n, reps);
  std::printf("%-28s %14s %14s\n", "contender", "SET/s", "GET/s");
  std::printf("%-28s %14.0f %14.0f\n", "kevy Store::set/get", kevy_best.set, kevy_best.get);
  std::printf("%-28s %14.0f %14.0f\n", "kevy Store::execute", kevy_best.exec_set,
              kevy_best.exec_get);
  std::printf("%-28s %14.0f %14.0f\n", "absl::flat_hash_map", absl_best.set, absl_best.get);
  std::printf("kevy RSS growth: %.1f bytes/key\n", bytes_per_key);
  std::printf("ratios get=%.2f set=%.2f exec_get=%.2f bytes_per_key=%.1f\n",
              kevy_best.get / absl_best.get, kevy_best.set / absl_best.set,
              kevy_best.exec_get / absl_best.get, bytes_per_key);
  return 0;
}
