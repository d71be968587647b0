// AOF crash test (tests/crash/CMakeLists.txt).
//
//   kevy_aof_crash_test write DIR POLICY   open DIR with the AOF on and write forever: for
//                                          n = next..., a unit of commands for n, then print n
//   kevy_aof_crash_test drive POLICY KILLS  run `write` in a child, SIGKILL it after a random
//                                          delay, reopen and verify; KILLS times
//
// A unit for n: SET k:n n, RPUSH log n, and every 7th n a MULTI-wrapped pair (an INCRBY and a
// lazily expired key), and every 3000th n a rewrite (Store::rewrite_aof) — so kills land inside
// single commands, transactions, SELECTs and rewrites. The
// writer resumes from what the reopened store holds, so later rounds replay earlier rounds'
// files (and any cut tail left by a kill mid-write, which aof-load-truncated repairs).
//
// Verification after each kill: the store opens; for every n the writer printed, k:n exists
// and the list `log` holds 0..m in order with m >= the last printed n (a write may be durable
// without having been printed). Exit 0 when every round passed.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "kevy/store.h"

namespace {

kevy::AppendFsync parse_policy(const std::string& p) {
  if (p == "always") return kevy::AppendFsync::kAlways;
  if (p == "no") return kevy::AppendFsync::kNo;
  return kevy::AppendFsync::kEverySec;
}

kevy::Result<kevy::Store> open_store(const std::string& dir, const std::string& policy) {
  return kevy::Store::open(
      kevy::Options{}.with_persist(dir).with_appendfsync(parse_policy(policy)));
}

int write_forever(const std::string& dir, const std::string& policy) {
  auto store = open_store(dir, policy);
  if (!store.ok()) {
    std::fprintf(stderr, "writer: open failed: %s\n", store.status().message().c_str());
    return 2;
  }
  kevy::Store& s = store.value();
  int64_t n = s.llen("log").value();
  kevy::Session other_db;
  other_db.db = 5;
  for (;; ++n) {
    const std::string v = std::to_string(n);
    const std::string key = "k:" + v;
    s.execute({"SET", key, v});
    s.execute({"RPUSH", "log", v});
    if (n % 7 == 0) {
      // A lazily expired key found by a write: a MULTI/EXEC unit in the AOF, in db 5.
      const std::string_view set_px[] = {"SET", "short", v, "PX", "1"};
      s.execute(set_px, other_db);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      const std::string_view incr[] = {"INCRBY", "short", "1"};
      s.execute(incr, other_db);
    }
    std::printf("%lld\n", static_cast<long long>(n));
    std::fflush(stdout);
    // Now and then a rewrite, so that kills also land while a base is being written and the
    // manifest switched.
    if (n % 3000 == 2999 && !s.rewrite_aof().is_ok()) return 3;
  }
}

// Reads the child's acknowledgements until it dies; returns the last whole number (-1: none).
int64_t read_acks(FILE* in) {
  int64_t last = -1;
  char line[64];
  while (std::fgets(line, sizeof line, in) != nullptr) {
    if (std::strchr(line, '\n') != nullptr) last = std::strtoll(line, nullptr, 10);
  }
  return last;
}

bool verify(const std::string& dir, const std::string& policy, int64_t last_ack, int round) {
  auto store = open_store(dir, policy);
  if (!store.ok()) {
    std::fprintf(stderr, "round %d: open failed: %s\n", round, store.status().message().c_str());
    return false;
  }
  kevy::Store& s = store.value();
  const int64_t len = s.llen("log").value();
  if (len < last_ack + 1) {
    std::fprintf(stderr, "round %d: log has %lld entries, %lld were acknowledged\n", round,
                 static_cast<long long>(len), static_cast<long long>(last_ack + 1));
    return false;
  }
  const auto entries = s.lrange("log", 0, -1).value();
  for (int64_t i = 0; i < len; ++i) {
    if (entries[static_cast<size_t>(i)] != std::to_string(i)) {
      std::fprintf(stderr, "round %d: log[%lld] = %s\n", round, static_cast<long long>(i),
                   entries[static_cast<size_t>(i)].c_str());
      return false;
    }
  }
  for (int64_t i = 0; i <= last_ack; ++i) {
    if (s.get("k:" + std::to_string(i)) != std::to_string(i)) {
      std::fprintf(stderr, "round %d: k:%lld missing\n", round, static_cast<long long>(i));
      return false;
    }
  }
  return true;
}

int drive(const char* self, const std::string& policy, int kills) {
  char tmpl[] = "/tmp/kevy-crash-XXXXXX";
  if (::mkdtemp(tmpl) == nullptr) return 2;
  const std::string dir = tmpl;
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> delay_ms(10, 150);
  int64_t total_acks = 0;
  bool ok = true;
  for (int round = 1; round <= kills && ok; ++round) {
    int fds[2];
    if (::pipe(fds) != 0) return 2;
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::dup2(fds[1], STDOUT_FILENO);
      ::close(fds[0]);
      ::close(fds[1]);
      ::execl(self, self, "write", dir.c_str(), policy.c_str(), static_cast<char*>(nullptr));
      std::_Exit(127);
    }
    ::close(fds[1]);
    FILE* in = ::fdopen(fds[0], "r");
    std::thread killer([pid, ms = delay_ms(rng)] {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      ::kill(pid, SIGKILL);
    });
    const int64_t last_ack = read_acks(in);
    killer.join();
    std::fclose(in);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
      std::fprintf(stderr, "round %d: the writer ended by itself (status %d)\n", round, status);
      ok = false;
      break;
    }
    ok = verify(dir, policy, last_ack, round);
    total_acks = last_ack + 1;
  }
  std::filesystem::remove_all(dir);
  std::printf("%s: %d kills, %lld writes acknowledged in total, %s\n", policy.c_str(), kills,
              static_cast<long long>(total_acks), ok ? "nothing lost" : "FAILED");
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "write" && argc == 4) return write_forever(argv[2], argv[3]);
  if (mode == "drive" && argc == 4) return drive(argv[0], argv[2], std::atoi(argv[3]));
  std::fprintf(stderr, "usage: %s write DIR POLICY | drive POLICY KILLS\n", argv[0]);
  return 2;
}
