// kevy-bench-rdb-load: how long kevy takes to load a dump.rdb (Store::load_rdb) and an AOF
// directory (Store::load_persisted with appendonly yes), best of N fresh stores.
// bench/rdb_load.sh builds the dataset with redis-server, times redis-server loading the same
// files and prints the ratios.
//
//   kevy-bench-rdb-load [--rdb FILE] [--aof DIR] [--reps N]
//
// --aof DIR is an appendonlydir as redis-server writes it (manifest + files); each repetition
// loads a fresh copy, since loading opens the AOF for appending. Output, one line per file:
//   kevy rdb_load_ms=<best> keys=<n>
//   kevy aof_load_ms=<best> keys=<n>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include <unistd.h>

#include "kevy/store.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "kevy-bench-rdb-load: %s\n", what.c_str());
  std::exit(1);
}

kevy::Store open_store() {
  auto s = kevy::Store::open(kevy::Options{});
  if (!s.ok()) die("open: " + s.status().to_string());
  return std::move(s.value());
}

int64_t dbsize(kevy::Store& store) {
  kevy::Session session;
  int64_t n = 0;
  const std::string_view argv[] = {"DBSIZE"};
  for (int db = 0; db < 16; ++db) {
    session.db = db;
    n += store.execute(argv, session).integer_value();
  }
  return n;
}

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

void bench_rdb(const std::string& file, int reps) {
  double best = 1e300;
  int64_t keys = 0;
  for (int i = 0; i < reps; ++i) {
    kevy::Store store = open_store();
    const auto t0 = Clock::now();
    kevy::Status s = store.load_rdb(file);
    const double ms = ms_since(t0);
    if (!s.is_ok()) die("load_rdb: " + s.to_string());
    best = std::min(best, ms);
    keys = dbsize(store);
  }
  std::printf("kevy rdb_load_ms=%.1f keys=%lld\n", best, static_cast<long long>(keys));
}

void bench_aof(const std::string& dir, int reps) {
  const fs::path work = fs::temp_directory_path() /
                        ("kevy-bench-aof-" + std::to_string(::getpid()));
  double best = 1e300;
  int64_t keys = 0;
  for (int i = 0; i < reps; ++i) {
    fs::remove_all(work);
    fs::create_directories(work);
    fs::copy(dir, work / "appendonlydir", fs::copy_options::recursive);
    kevy::Store store = open_store();
    for (auto [name, value] : {std::pair<const char*, std::string>{"dir", work.string()},
                               {"appenddirname", "appendonlydir"},
                               {"appendonly", "yes"}}) {
      kevy::Status s = store.config_set(name, value, kevy::ConfigOrigin::kConfigFile);
      if (!s.is_ok()) die(std::string("config ") + name + ": " + s.to_string());
    }
    const auto t0 = Clock::now();
    kevy::Status s = store.load_persisted();
    const double ms = ms_since(t0);
    if (!s.is_ok()) die("load_persisted: " + s.to_string());
    best = std::min(best, ms);
    keys = dbsize(store);
  }
  fs::remove_all(work);
  std::printf("kevy aof_load_ms=%.1f keys=%lld\n", best, static_cast<long long>(keys));
}

}  // namespace

int main(int argc, char** argv) {
  std::string rdb, aof;
  int reps = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--rdb" && i + 1 < argc) {
      rdb = argv[++i];
    } else if (a == "--aof" && i + 1 < argc) {
      aof = argv[++i];
    } else if (a == "--reps" && i + 1 < argc) {
      reps = std::max(1, std::atoi(argv[++i]));
    } else {
      die("usage: kevy-bench-rdb-load [--rdb FILE] [--aof DIR] [--reps N]");
    }
  }
  if (rdb.empty() && aof.empty()) die("nothing to load: give --rdb and/or --aof");
  if (!rdb.empty()) bench_rdb(rdb, reps);
  if (!aof.empty()) bench_aof(aof, reps);
  return 0;
}
