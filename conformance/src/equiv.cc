// The driver of rdb-equiv and aof-equiv (equiv.h): one trial per sequence (equiv_trial.h),
// shrinking of a failing one, the corpus case and the report, the flags.
#include "equiv.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <ostream>
#include <sstream>

#include "corpus.h"
#include "equiv_gen.h"
#include "equiv_server.h"
#include "equiv_trial.h"
#include "modes.h"
#include "props.h"
#include "targets.h"

namespace kevy::conformance::equiv {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Has `t` the failure `signature`?
bool has_signature(const Trial& t, const std::string& signature) {
  for (const Check& c : t.failures) {
    if (c.signature() == signature) return true;
  }
  return false;
}

// Removes chunks of command steps (sleeps stay) while the trial still fails with `signature`.
Sequence shrink(const Sequence& failing, const std::string& signature, Runner& runner,
                const std::string& case_id, int budget, std::ostream& log) {
  Sequence best = failing;
  int attempts = 0;
  size_t chunk = best.steps.size() / 2;
  if (chunk == 0) chunk = 1;
  for (; chunk >= 1 && attempts < budget; chunk /= 2) {
    size_t i = 0;
    while (i < best.steps.size() && attempts < budget) {
      Sequence candidate = best;
      candidate.steps.clear();
      bool removed = false;
      for (size_t j = 0; j < best.steps.size(); ++j) {
        const bool in_chunk = j >= i && j < i + chunk;
        if (in_chunk && !best.steps[j].is_sleep()) {
          removed = true;
          continue;
        }
        candidate.steps.push_back(best.steps[j]);
      }
      if (!removed || !balanced(candidate.steps)) {
        i += chunk;
        continue;
      }
      ++attempts;
      Trial t;
      std::string error;
      if (runner.trial(candidate, case_id, false, &t, &error) && has_signature(t, signature)) {
        best = std::move(candidate);
        log << "  shrunk to " << best.steps.size() << " steps\n" << std::flush;
      } else {
        i += chunk;
      }
    }
    if (chunk == 1) break;
  }
  return best;
}

// The failure report: the checks, then the case file (commands with redis's replies).
std::string write_report(const Options& o, const Sequence& seq, int index, const Trial& t,
                         std::ostream& log) {
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  const std::string base = o.out_dir + "/" + mode_name(o.mode) + "-" + std::to_string(o.seed) +
                           "-" + std::to_string(index);
  std::ostringstream header;
  header << "# " << mode_name(o.mode) << " --seed " << o.seed << " --only " << index << " --length "
         << o.length << " (sequence seed " << seq.seed << ", "
         << (seq.absolute_ttls ? "absolute" : "relative") << " expiry times"
         << (o.mode == Persistence::kAof
                 ? std::string(", aof-use-rdb-preamble ") + (seq.rdb_preamble ? "yes" : "no")
                 : std::string())
         << ")\n";
  if (!o.fault.empty()) {
    header << "# --fault " << o.fault << ": kevy was changed on purpose after the sweep ("
           << (o.fault == "key" ? "SET equiv:fault 1" : "PEXPIREAT equiv:fault 4102444800001")
           << ")\n";
  }
  for (const Check& c : t.failures) {
    std::istringstream lines(c.detail);
    std::string line;
    header << "# FAILED " << c.name << ": " << c.where << "\n";
    while (std::getline(lines, line)) header << "#   " << line << "\n";
  }
  if (!t.kept_dir.empty()) header << "# files: " << base << ".files\n";
  std::ofstream out(base + ".corpus");
  out << header.str();
  write_case(out, t.replay_case);
  log << header.str();
  log << "case written to " << base << ".corpus (kevy-conform replay " << base
      << ".corpus --target spawn:kevy-server)\n";
  if (!t.kept_dir.empty()) {
    std::string error;
    fs::remove_all(base + ".files", ec);
    if (copy_path(t.kept_dir, base + ".files", &error)) {
      log << "servers' files and logs copied to " << base << ".files\n";
      if (!o.keep) fs::remove_all(t.kept_dir, ec);
    }
  }
  return base + ".corpus";
}

// corpus/commands.json (the command tips), as props finds it.
std::string find_commands_json() {
  std::vector<std::string> candidates = {"corpus/commands.json", "../corpus/commands.json"};
#ifdef KEVY_SOURCE_DIR
  candidates.push_back(std::string(KEVY_SOURCE_DIR) + "/corpus/commands.json");
#endif
  for (const std::string& c : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(c, ec)) return c;
  }
  return "";
}

bool find_binaries(Persistence mode, Binaries* b, std::string* error, bool* unavailable) {
  *unavailable = true;
  std::optional<std::string> redis = RedisServer::find_oracle(error);
  if (!redis) return false;
  const char* tool = mode == Persistence::kRdb ? "redis-check-rdb" : "redis-check-aof";
  std::optional<std::string> check = find_redis_tool(*redis, tool);
  if (!check) {
    *error = std::string(tool) + " is not installed";
    return false;
  }
  std::optional<std::string> kevy = RedisServer::find_kevy_binary();
  if (!kevy) {
    *error = "kevy-server not found next to kevy-conform (nor $KEVY_SERVER set)";
    return false;
  }
  *b = Binaries{*kevy, *redis, *check};
  *unavailable = false;
  return true;
}

}  // namespace

Summary run(const Options& o, std::ostream& log) {
  Summary s;
  const auto start = Clock::now();
  Binaries bin;
  std::string error;
  bool unavailable = false;
  if (!find_binaries(o.mode, &bin, &error, &unavailable)) {
    log << mode_name(o.mode) << ": SKIPPED: " << error << "\n";
    s.exit_code = kExitSkipped;
    return s;
  }
  props::Tips tips;
  const std::string json = find_commands_json();
  if (json.empty() || !tips.load(json, &error)) {
    log << mode_name(o.mode)
        << ": corpus/commands.json: " << (json.empty() ? std::string("not found") : error) << "\n";
    s.exit_code = kExitUsage;
    return s;
  }
  Runner runner(o, bin, tips);
  GenOptions gen;
  gen.length = o.length;
  gen.aof = o.mode == Persistence::kAof;
  double phases[7] = {0, 0, 0, 0, 0, 0, 0};
  std::map<std::string, long> encodings;
  long expires = 0;
  int identical_incr = 0;
  int redis_reload_changed = 0;
  const int first = o.only >= 0 ? o.only : 0;
  const int last = o.only >= 0 ? o.only + 1 : o.sequences;
  for (int i = first; i < last; ++i) {
    const Sequence seq = generate(sequence_seed(o.seed, i), gen);
    const std::string case_id = std::string("equiv/") + mode_name(o.mode) + "-" +
                                std::to_string(o.seed) + "-" + std::to_string(i) + "/resp2";
    Trial t;
    if (!runner.trial(seq, case_id, true, &t, &error)) {
      log << mode_name(o.mode) << ": sequence " << i << ": " << error << "\n";
      s.exit_code = kExitUsage;
      break;
    }
    ++s.sequences;
    s.commands += t.commands;
    s.keys += t.keys;
    expires += t.expires;
    for (int p = 0; p < 7; ++p) phases[p] += t.phase[p];
    for (const auto& [e, n] : t.encodings) encodings[e] += n;
    identical_incr += t.incr_identical ? 1 : 0;
    redis_reload_changed += t.redis_reload_changed ? 1 : 0;
    if (o.verbose) {
      log << "sequence " << i << ": " << t.commands << " commands, " << t.keys << " keys, "
          << (t.ok() ? "same" : "DIFFERENT") << "\n";
    } else if ((i - first + 1) % 50 == 0) {
      log << "  " << (i - first + 1) << " sequences, "
          << std::chrono::duration<double>(Clock::now() - start).count() << " s\n"
          << std::flush;
    }
    if (t.ok()) continue;

    log << mode_name(o.mode) << ": sequence " << i << " differs: " << t.primary()->signature()
        << "\n";
    Sequence minimal = seq;
    Trial final_trial = std::move(t);
    if (o.shrink) {
      log << "shrinking " << seq.steps.size() << " steps...\n" << std::flush;
      minimal =
          shrink(seq, final_trial.primary()->signature(), runner, case_id, o.shrink_budget, log);
      if (minimal.steps.size() < seq.steps.size()) {
        Trial again;
        if (runner.trial(minimal, case_id, true, &again, &error) && !again.ok()) {
          std::error_code ec;
          if (!final_trial.kept_dir.empty() && !o.keep) fs::remove_all(final_trial.kept_dir, ec);
          final_trial = std::move(again);
        } else {
          log << "(the shrunk sequence did not fail again: reporting the original)\n";
          minimal = seq;
        }
      }
    }
    s.case_path = write_report(o, minimal, i, final_trial, log);
    s.exit_code = kExitDifferences;
    break;
  }
  s.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  char line[256];
  std::snprintf(line, sizeof line,
                "%s: %d sequences, %ld commands, %ld keys compared, %.1f s: %s\n",
                mode_name(o.mode), s.sequences, s.commands, s.keys, s.seconds,
                s.exit_code == kExitOk            ? "SAME"
                : s.exit_code == kExitDifferences ? "DIFFERENT"
                                                  : "ERROR");
  log << line;
  if (s.sequences > 0) {
    static const char* names[7] = {"start", "commands", "sweep", "persist",
                                   "load",  "compare",  "stop"};
    log << "  time:";
    for (int p = 0; p < 7; ++p) {
      std::snprintf(line, sizeof line, " %s %.1f s", names[p], phases[p]);
      log << line;
    }
    log << "\n  live keys by encoding (redis):";
    for (const auto& [e, n] : encodings) log << " " << e << " " << n;
    log << "; with a TTL: " << expires << "\n";
    log << "  redis-server's own reload changed the data in " << redis_reload_changed
        << " sequences (the loaders were then held to redis<-redis)\n";
    if (o.mode == Persistence::kAof) {
      log << "  kevy's *.incr.aof byte-identical to redis's in " << identical_incr << " of "
          << s.sequences << " sequences (information: equal data is what is checked)\n";
    }
  }
  log << std::flush;
  return s;
}

bool parse_options(const std::vector<std::string>& args, Persistence mode, Options* out,
                   std::string* error) {
  Options o;
  o.mode = mode;
  std::vector<std::string> positional;
  std::string v;
  FlagReader flags(args);
  auto number = [&](long long lo, long long* dst) {
    if (!flags.value(&v)) return true;  // the reader reports the missing value
    char* end = nullptr;
    const long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < lo) {
      *error = "bad number '" + v + "'";
      return false;
    }
    *dst = n;
    return true;
  };
  long long seed = 1, sequences = o.sequences, length = o.length, only = -1,
            budget = o.shrink_budget;
  bool bad_number = false;
  bool ok = flags.parse(
      &positional,
      [&](const std::string& f) {
        bool known = true;
        if (f == "--seed")
          bad_number |= !number(0, &seed);
        else if (f == "--sequences")
          bad_number |= !number(1, &sequences);
        else if (f == "--length")
          bad_number |= !number(1, &length);
        else if (f == "--only")
          bad_number |= !number(0, &only);
        else if (f == "--shrink-budget")
          bad_number |= !number(0, &budget);
        else if (f == "--out")
          flags.value(&o.out_dir);
        else if (f == "--fault")
          flags.value(&o.fault);
        else if (f == "--no-shrink")
          o.shrink = false;
        else if (f == "--keep")
          o.keep = true;
        else if (f == "--no-encodings")
          o.encodings = false;
        else if (f == "--verbose")
          o.verbose = true;
        else
          known = false;
        return known;
      },
      error);
  if (!ok) return false;
  if (bad_number) return false;
  if (!positional.empty()) {
    *error = "unexpected argument " + positional[0];
    return false;
  }
  if (!o.fault.empty() && o.fault != "key" && o.fault != "ttl") {
    *error = "--fault must be key or ttl";
    return false;
  }
  o.seed = static_cast<uint64_t>(seed);
  o.sequences = static_cast<int>(sequences);
  o.length = static_cast<int>(length);
  o.only = static_cast<int>(only);
  o.shrink_budget = static_cast<int>(budget);
  *out = o;
  return true;
}

}  // namespace kevy::conformance::equiv

namespace kevy::conformance {
namespace {
int equiv_mode(const std::vector<std::string>& args, equiv::Persistence mode) {
  equiv::Options o;
  std::string error;
  if (!equiv::parse_options(args, mode, &o, &error)) {
    std::fprintf(stderr, "kevy-conform %s: %s\n",
                 mode == equiv::Persistence::kRdb ? "rdb-equiv" : "aof-equiv", error.c_str());
    return kExitUsage;
  }
  return equiv::run(o, std::cout).exit_code;
}
}  // namespace

int rdb_equiv_mode(const std::vector<std::string>& args) {
  return equiv_mode(args, equiv::Persistence::kRdb);
}
int aof_equiv_mode(const std::vector<std::string>& args) {
  return equiv_mode(args, equiv::Persistence::kAof);
}

}  // namespace kevy::conformance
