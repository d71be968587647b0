// The two targets of the differential fuzz targets (fuzz_command_sequence_diff,
// fuzz_restore_diff): the embedded store and a redis-server 7.0.15 spawned once per fuzzing
// process on a unix socket in a temp dir (conformance/src/targets.h; it is stopped by its
// PID when the process exits), plus where a failure's corpus case is written.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "targets.h"

namespace kevy::fuzz {

struct DiffTargets {
  std::unique_ptr<conformance::Target> kevy;
  std::unique_ptr<conformance::Target> redis;
};

// Opened on the first call; a target that cannot be opened ends the process (exit 1, or 77
// "skipped" when redis-server 7.0.15 is not installed). Destroyed at exit, before the leak
// check: the embedded store's table packs its entry pointers with tag bits, which
// LeakSanitizer cannot follow, so a store still alive at exit would show its keys as leaks.
inline DiffTargets& diff_targets(const char* target_name) {
  static DiffTargets targets = [&] {
    DiffTargets t;
    std::string error;
    bool unavailable = false;
    t.redis = conformance::open_target("spawn:redis-server", &error, &unavailable);
    if (t.redis == nullptr) {
      std::fprintf(stderr, "%s: redis-server: %s\n", target_name, error.c_str());
      std::exit(unavailable ? 77 : 1);
    }
    t.kevy = conformance::open_target("embedded", &error);
    if (t.kevy == nullptr) {
      std::fprintf(stderr, "%s: embedded: %s\n", target_name, error.c_str());
      std::exit(1);
    }
    return t;
  }();
  return targets;
}

// Replaces the redis-server (the old one is stopped by its PID): after it hung or died on an
// input, which is redis-server's problem, not a difference. Ends the process when a new one
// cannot be started.
inline void restart_redis(DiffTargets& t, const char* target_name) {
  std::string error;
  t.redis.reset();
  t.redis = conformance::open_target("spawn:redis-server", &error);
  if (t.redis == nullptr) {
    std::fprintf(stderr, "%s: redis-server again: %s\n", target_name, error.c_str());
    std::exit(1);
  }
}

// The directory failures are written to: $KEVY_FUZZ_FAILURES, else ./fuzz-failures.
inline std::filesystem::path failure_dir() {
  const char* env = std::getenv("KEVY_FUZZ_FAILURES");
  std::filesystem::path dir = env != nullptr && *env != '\0' ? env : "fuzz-failures";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return dir;
}

}  // namespace kevy::fuzz
