// libFuzzer target: the same DUMP payload RESTOREd by kevy and by redis-server 7.0.15 with
// `sanitize-dump-payload yes` (its deep check of every encoding), as the payload
// differential driver: run it with -runs=N for N payloads.
//
// Input: a DUMP payload without its footer (restore_payload.h adds version and CRC64). A
// disagreement is one target accepting what the other refuses, or both accepting with another
// TYPE or DEBUG DIGEST-VALUE of the key. Error texts are not compared (they name Redis's
// internal checks). A disagreement not accepted by corpus/known-divergences.txt (case id
// "fuzz/restore-diff", the command as written in the case) is written as a corpus case to
// $KEVY_FUZZ_FAILURES (default ./fuzz-failures/), printed, and the process aborts. A payload
// redis-server does not answer in time (it hangs on some) is skipped and Redis restarted.
//
// A payload whose element count cannot fit in its bytes (count_beyond_payload) is refused by
// redis-server, which first allocates for the count (4.4 s for a set of 3.7e9 members): when
// kevy refuses it too, redis-server is not asked, else such payloads, which mutation keeps
// producing once one is in the corpus, would take most of a run. At exit the three counts
// (compared with redis-server, refused without it, skipped) are printed.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "compare.h"
#include "persist/rdb_format.h"
#include "corpus.h"
#include "diff_targets.h"
#include "fuzz_check.h"
#include "restore_payload.h"

namespace {

namespace conformance = kevy::conformance;
constexpr const char* kTarget = "fuzz_restore_diff";
constexpr const char* kCaseId = "fuzz/restore-diff";

std::string run(conformance::Target& t, const std::vector<std::string>& argv) {
  std::string reply, error;
  if (!t.run(argv, &reply, &error)) {
    kevy::fuzz::fail(kTarget, (std::string(t.name()) + ": " + error).c_str());
  }
  return reply;
}

// Redis's reply, or nullopt when redis-server did not answer in the target's time (some
// payloads make 7.0.15 spend minutes, e.g. a zset count of 2^42 it tries to allocate for).
std::optional<std::string> run_redis(conformance::Target& t, const std::vector<std::string>& argv) {
  std::string reply, error;
  if (!t.run(argv, &reply, &error)) {
    std::fprintf(stderr, "%s: redis-server did not answer (%s): skipped, restarting it\n",
                 kTarget, error.c_str());
    return std::nullopt;
  }
  return reply;
}

void configure_redis(conformance::Target& redis) {
  run(redis, {"CONFIG", "SET", "sanitize-dump-payload", "yes"});
}

bool accepted(const std::string& reply) { return reply == "+OK\r\n"; }

// True when the payload (footer included: a reader takes its bytes for the value's too) is a
// list, set, sorted set or hash (types 1-5, 14 and 18) whose element count, the length right
// after the type byte, is larger than the bytes after it: each element takes at least one
// byte, so no reader can load it whole.
bool count_beyond_payload(std::string_view payload) {
  if (payload.empty()) return false;
  const auto type = static_cast<uint8_t>(payload[0]);
  if (!((type >= 1 && type <= 5) || type == 14 || type == 18)) return false;
  kevy::rdb::RdbReader in(payload.substr(1));
  uint64_t count = 0;
  return in.length(&count, "count") && count > in.remaining();
}

// What became of the payloads, printed at exit.
struct Tally {
  long compared = 0;         // RESTOREd by both
  long refused_alone = 0;    // count_beyond_payload and refused by kevy: redis-server not asked
  long skipped = 0;          // redis-server did not answer in time
};
Tally& tally() {
  static Tally* t = [] {
    auto* out = new Tally;
    std::atexit([] {
      const Tally& x = tally();
      std::fprintf(stderr,
                   "%s: payloads compared with redis-server: %ld, refused by kevy for a count "
                   "beyond the payload (redis-server not asked): %ld, skipped (redis-server did "
                   "not answer in time): %ld\n",
                   kTarget, x.compared, x.refused_alone, x.skipped);
    });
    return out;
  }();
  return *t;
}

const conformance::KnownDivergences& known() {
  static const conformance::KnownDivergences* k = [] {
    auto* out = new conformance::KnownDivergences;
    std::string error;
    if (!out->load(KEVY_SOURCE_DIR "/corpus/known-divergences.txt", &error)) {
      kevy::fuzz::fail(kTarget, error.c_str());
    }
    return out;
  }();
  return *k;
}

// Writes the case (RESTORE, then what was compared, with Redis's replies) and aborts.
[[noreturn]] void report(const std::vector<std::vector<std::string>>& steps,
                         const std::vector<std::string>& redis_replies,
                         const std::vector<std::string>& kevy_replies, const char* what) {
  static int n = 0;
  conformance::CorpusCase c;
  c.id = std::string(kCaseId) + "-" + std::to_string(++n) + "/resp2";
  c.set_tag("family", "fuzz");
  c.set_tag("expected", "spawn:redis-server");
  c.set_tag("differs", "embedded");
  for (size_t i = 0; i < steps.size(); ++i) {
    conformance::CorpusStep step;
    step.argv = steps[i];
    step.expected = redis_replies[i];
    step.has_expected = true;
    c.steps.push_back(std::move(step));
  }
  std::ostringstream text;
  conformance::write_case(text, c);
  const auto path = kevy::fuzz::failure_dir() / ("restore_diff-" + std::to_string(n) + ".corpus");
  std::ofstream(path) << text.str();
  std::fprintf(stderr, "%s: %s\n%skevy replied:", kTarget, what, text.str().c_str());
  for (const std::string& r : kevy_replies) std::fprintf(stderr, " %s", conformance::quoted(r).c_str());
  std::fprintf(stderr, "\n(written to %s)\n", path.c_str());
  kevy::fuzz::fail(kTarget, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kevy::fuzz::DiffTargets& t = kevy::fuzz::diff_targets(kTarget);
  static const bool configured = [&] {
    configure_redis(*t.redis);
    return true;
  }();
  (void)configured;

  const std::vector<std::string> restore = {"RESTORE", "k", "0",
                                            kevy::fuzz::dump_payload(data, size), "REPLACE"};
  std::vector<std::vector<std::string>> steps = {restore};
  std::vector<std::string> from_kevy = {run(*t.kevy, restore)};
  if (!accepted(from_kevy[0]) && count_beyond_payload(restore[3])) {
    ++tally().refused_alone;
    return 0;
  }
  const std::optional<std::string> redis_reply = run_redis(*t.redis, restore);
  if (!redis_reply) {
    ++tally().skipped;
    kevy::fuzz::restart_redis(t, kTarget);
    configure_redis(*t.redis);
    run(*t.kevy, {"DEL", "k"});
    return 0;
  }
  ++tally().compared;
  std::vector<std::string> from_redis = {*redis_reply};
  const char* what = nullptr;
  if (accepted(from_redis[0]) != accepted(from_kevy[0])) {
    what = accepted(from_redis[0]) ? "redis-server accepts a payload kevy refuses"
                                   : "kevy accepts a payload redis-server refuses";
  } else if (accepted(from_redis[0])) {
    for (std::vector<std::string> probe : {std::vector<std::string>{"TYPE", "k"},
                                           std::vector<std::string>{"DEBUG", "DIGEST-VALUE", "k"}}) {
      steps.push_back(probe);
      from_redis.push_back(run(*t.redis, probe));
      from_kevy.push_back(run(*t.kevy, probe));
      if (from_redis.back() != from_kevy.back()) {
        what = "both accept the payload but hold another value";
        break;
      }
    }
  }
  if (what != nullptr) {
    const std::string text = conformance::format_command(restore);
    if (known().find(kCaseId, text) == nullptr) report(steps, from_redis, from_kevy, what);
  }
  run(*t.redis, {"DEL", "k"});
  run(*t.kevy, {"DEL", "k"});
  return 0;
}
