// The modes of kevy-conform and their registration. A mode is a function from its arguments
// (everything after the mode name) to an exit code; adding one (aof-equiv, evict) is a new
// file defining `int aof_equiv_mode(const std::vector<std::string>& args)` plus ONE line in
// KEVY_CONFORM_MODES below.
#pragma once

#include <string>
#include <string_view>
#include <vector>

// X(name on the command line, function, one-line usage)
#define KEVY_CONFORM_MODES(X)                                                                  \
  X("replay", replay_mode,                                                                     \
    "CORPUS... --target T [--target T2] [--filter TEXT] [--junit F] [--markdown F] "           \
    "[--known-divergences F] [--skip-unimplemented] [--repeat N] [--verbose] "                 \
    "[--no-progress]")                                                                         \
  X("state-diff", state_diff_mode,                                                             \
    "--target A --target B [--run CORPUS...] [--filter TEXT] [--ttl-tolerance-ms N] "          \
    "[--databases N]")                                                                         \
  X("props", props_mode,                                                                       \
    "--target A --target B [--seed S] [--runs N] [--length L] [--out DIR] [--resp3 PCT] "      \
    "[--commands commands.json] [--known-divergences F] [--exclude LABEL]... [--no-shrink]")  \
  X("rdb-equiv", rdb_equiv_mode, "--seed S --sequences N [--length L] [--only I] [--out DIR] [--no-shrink] [--keep] [--no-encodings] [--fault key|ttl] [--verbose]") \
  X("aof-equiv", aof_equiv_mode, "--seed S --sequences N [--length L] [--only I] [--out DIR] [--no-shrink] [--keep] [--no-encodings] [--fault key|ttl] [--verbose]") \
  X("evict", evict_mode, "[--policy P[,P]] [--workload uniform|zipf|scan-then-hot|ttl-mix|lru-approx[,W]] [--maxmemory BYTES|N%] [--all] [--keys N] [--ops N] [--seed S] [--samples N] [--compare both|same-maxmemory|same-budget] [--max-gap PP] [--kevy-target kevy-server|redis-server|PATH] [--markdown F]")

namespace kevy::conformance {

// Exit codes shared by all modes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDifferences = 1;  // the gate failed: a difference was found
inline constexpr int kExitUsage = 2;        // bad arguments, unreadable files, I/O errors
inline constexpr int kExitSkipped = 77;     // a target does not exist here (ctest skip code)

#define KEVY_CONFORM_DECLARE_MODE(name, fn, usage) int fn(const std::vector<std::string>& args);
KEVY_CONFORM_MODES(KEVY_CONFORM_DECLARE_MODE)
#undef KEVY_CONFORM_DECLARE_MODE

struct ModeInfo {
  const char* name;
  int (*run)(const std::vector<std::string>& args);
  const char* usage;
};
// Every registered mode, in KEVY_CONFORM_MODES order.
const std::vector<ModeInfo>& all_modes();
// Runs `argv[1]` with the rest; prints usage and returns kExitUsage when unknown.
int dispatch_mode(int argc, char** argv);

// A small flag reader shared by the modes: positional arguments plus `--flag value`,
// `--flag=value` and boolean `--flag`.
class FlagReader {
 public:
  explicit FlagReader(const std::vector<std::string>& args) : args_(args) {}
  // Walks the arguments; for each flag calls on_flag(name, reader) which must consume a
  // value with value() when the flag takes one. Returns false with *error on an unknown flag
  // (on_flag returned false) or a missing value.
  template <typename F>
  bool parse(std::vector<std::string>* positional, F on_flag, std::string* error);
  // The value of the current flag.
  bool value(std::string* out);

 private:
  const std::vector<std::string>& args_;
  size_t i_ = 0;
  std::string inline_value_;
  bool has_inline_ = false;
  bool missing_ = false;
};

template <typename F>
bool FlagReader::parse(std::vector<std::string>* positional, F on_flag, std::string* error) {
  for (i_ = 0; i_ < args_.size(); ++i_) {
    const std::string& a = args_[i_];
    if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
      positional->push_back(a);
      continue;
    }
    std::string name = a;
    has_inline_ = false;
    missing_ = false;
    if (size_t eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      inline_value_ = a.substr(eq + 1);
      has_inline_ = true;
    }
    if (!on_flag(name)) {
      *error = "unknown option " + name;
      return false;
    }
    if (missing_) {
      *error = "option " + name + " needs a value";
      return false;
    }
  }
  return true;
}

}  // namespace kevy::conformance
