// libFuzzer target: command sequences on kevy's embedded store and on a live redis-server
// 7.0.15, reply by reply — the libFuzzer twin of `kevy-conform props`.
//
// Input: decoded as fuzz_command_sequence's (props::sequence_from_bytes). Both targets are
// reset (FLUSHALL, protocol) before each input; the props Runner (conformance/src/
// props_runner.h) compares every reply exactly, or as the command's COMMAND tips allow
// (corpus/commands.json: multiset order, shape only), EXEC element by element, and accepts
// what corpus/known-divergences.txt lists. The first other difference is written as a corpus
// case to $KEVY_FUZZ_FAILURES (default ./fuzz-failures/) — it replays with `kevy-conform
// replay FILE --target embedded` — printed, and the process aborts so libFuzzer keeps the
// input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "compare.h"
#include "corpus.h"
#include "diff_targets.h"
#include "fuzz_check.h"
#include "props.h"
#include "props_runner.h"

namespace {

namespace conformance = kevy::conformance;
namespace props = kevy::conformance::props;
constexpr const char* kTarget = "fuzz_command_sequence_diff";

struct Tables {
  props::Tips tips;
  conformance::KnownDivergences known;
};

const Tables& tables() {
  static const Tables* t = [] {
    auto* out = new Tables;
    std::string error;
    if (!out->tips.load(KEVY_SOURCE_DIR "/corpus/commands.json", &error)) {
      kevy::fuzz::fail(kTarget, error.c_str());
    }
    if (!out->known.load(KEVY_SOURCE_DIR "/corpus/known-divergences.txt", &error)) {
      kevy::fuzz::fail(kTarget, error.c_str());
    }
    return out;
  }();
  return *t;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const props::Sequence seq = props::sequence_from_bytes(data, size, 32);
  if (seq.commands.empty()) return 0;
  kevy::fuzz::DiffTargets& t = kevy::fuzz::diff_targets(kTarget);
  const Tables& tab = tables();
  // Redis is target A: its replies are the expected bytes of the written case. One runner
  // for the process: it ends a transaction or WATCH an input left open before the next.
  static props::Runner runner(*t.redis, *t.kevy, tab.tips, tab.known, /*seed=*/0);
  props::Failure f;
  if (runner.run(seq, &f)) return 0;
  if (f.target_error) kevy::fuzz::fail(kTarget, f.message.c_str());

  static int n = 0;
  conformance::CorpusCase c =
      props::failure_case(f, tab.tips, /*seed=*/0, ++n, "spawn:redis-server", "embedded");
  c.id = "fuzz/command-sequence-diff-" + std::to_string(size) + "-" + std::to_string(n) +
         "/resp" + std::to_string(seq.protocol);
  std::ostringstream text;
  conformance::write_case(text, c);
  const auto path = kevy::fuzz::failure_dir() / ("command_sequence_diff-" + std::to_string(n) +
                                                 ".corpus");
  std::ofstream(path) << text.str();
  std::fprintf(stderr, "%s: kevy replied %s\n%s(written to %s)\n", kTarget,
               conformance::quoted(f.reply_b).c_str(), text.str().c_str(), path.c_str());
  kevy::fuzz::fail(kTarget, "a reply differs from redis-server's");
}
