// props: the runner (RapidCheck property, reporting, corpus case of the minimal failure), the
// tip table and the `props` mode of kevy-conform. The generators are in props_gen.cc.
#include "props.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "corpus.h"
#include "modes.h"
#include "props_internal.h"
#include "props_runner.h"
#include "replay.h"

namespace kevy::conformance::props {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---- a minimal JSON reader: enough for commands.json (objects, arrays, strings, numbers,
// true/false/null); values other than the tips are skipped.
class Json {
 public:
  explicit Json(std::string_view s) : s_(s) {}
  bool ok() const { return ok_; }

  void ws() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool eat(char c) {
    ws();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  char peek() {
    ws();
    return i_ < s_.size() ? s_[i_] : '\0';
  }
  bool string(std::string* out) {
    if (!eat('"')) return ok_ = false;
    out->clear();
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c == '\\' && i_ < s_.size()) {
        char e = s_[i_++];
        switch (e) {
          case 'n': c = '\n'; break;
          case 't': c = '\t'; break;
          case 'r': c = '\r'; break;
          case 'b': c = '\b'; break;
          case 'f': c = '\f'; break;
          case 'u': {  // tips and names are ASCII; anything else is kept as '?'
            if (i_ + 4 > s_.size()) return ok_ = false;
            unsigned v = static_cast<unsigned>(std::strtoul(std::string(s_.substr(i_, 4)).c_str(),
                                                            nullptr, 16));
            i_ += 4;
            c = v < 0x80 ? static_cast<char>(v) : '?';
            break;
          }
          default: c = e; break;
        }
      }
      out->push_back(c);
    }
    if (i_ >= s_.size()) return ok_ = false;
    ++i_;
    return true;
  }
  // Skips any value.
  bool skip() {
    const char c = peek();
    if (c == '"') {
      std::string ignored;
      return string(&ignored);
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      if (eat(close)) return true;
      do {
        if (c == '{') {
          std::string k;
          if (!string(&k) || !eat(':')) return ok_ = false;
        }
        if (!skip()) return false;
      } while (eat(','));
      return eat(close) || (ok_ = false);
    }
    const size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) ||
                              s_[i_] == '-' || s_[i_] == '+' || s_[i_] == '.')) {
      ++i_;
    }
    return i_ > start || (ok_ = false);
  }
  // Calls f(key) for each member of an object; f must consume the value.
  template <typename F>
  bool object(F f) {
    if (!eat('{')) return ok_ = false;
    if (eat('}')) return true;
    do {
      std::string k;
      if (!string(&k) || !eat(':')) return ok_ = false;
      if (!f(k)) return false;
    } while (eat(','));
    return eat('}') || (ok_ = false);
  }
  bool string_array(std::vector<std::string>* out) {
    if (!eat('[')) return ok_ = false;
    if (eat(']')) return true;
    do {
      std::string v;
      if (!string(&v)) return false;
      out->push_back(v);
    } while (eat(','));
    return eat(']') || (ok_ = false);
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
  bool ok_ = true;
};

constexpr const char* kNondeterministicOrder = "nondeterministic_output_order";
constexpr const char* kNondeterministic = "nondeterministic_output";

}  // namespace

bool Tips::load(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  Json j(text);
  std::map<std::string, std::vector<std::string>> tips;
  bool parsed = j.object([&](const std::string& top) {
    if (top != "commands") return j.skip();
    return j.object([&](const std::string& name) {
      return j.object([&](const std::string& field) {
        if (field != "tips") return j.skip();
        return j.string_array(&tips[lower(name)]);
      });
    });
  });
  if (!parsed || !j.ok() || tips.empty()) {
    *error = path + ": not a commands.json snapshot (expected {\"commands\": {name: {\"tips\": "
                    "[...]}}})";
    return false;
  }
  tips_ = std::move(tips);
  return true;
}

Compare Tips::compare_for(const std::vector<std::string>& argv) const {
  if (argv.empty()) return Compare::kExact;
  if (argv[0] == "@scan") return Compare::kScan;
  std::string name = lower(argv[0]);
  auto it = tips_.end();
  if (argv.size() >= 2) it = tips_.find(name + "|" + lower(argv[1]));
  if (it == tips_.end()) it = tips_.find(name);
  if (it == tips_.end()) return Compare::kExact;
  const auto& t = it->second;
  if (std::find(t.begin(), t.end(), kNondeterministicOrder) != t.end()) {
    return Compare::kUnordered;
  }
  if (std::find(t.begin(), t.end(), kNondeterministic) != t.end()) return Compare::kShape;
  return Compare::kExact;
}

namespace {

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

}  // namespace

Result run(const Options& options, std::ostream& log) {
  Result result;
  const auto start = std::chrono::steady_clock::now();

  // Normalisation comes only from data: the tips in corpus/commands.json.
  Tips tips;
  const std::string json = options.commands_json.empty() ? find_commands_json()
                                                         : options.commands_json;
  std::string tips_error = "corpus/commands.json not found (give --commands FILE)";
  if (json.empty() || !tips.load(json, &tips_error)) {
    log << "props: " << tips_error << "\n";
    result.exit_code = kExitUsage;
    return result;
  }
  const std::string& tips_from = json;

  std::unique_ptr<Target> owned_a, owned_b;
  Target* a = options.target_a;
  Target* b = options.target_b;
  std::string label_a = a != nullptr ? a->name() : "";
  std::string label_b = b != nullptr ? b->name() : "";
  if (a == nullptr || b == nullptr) {
    if (options.targets.size() != 2) {
      log << "props: needs exactly two --target\n";
      result.exit_code = kExitUsage;
      return result;
    }
    for (int i = 0; i < 2; ++i) {
      std::string error;
      bool unavailable = false;
      auto t = open_target(options.targets[static_cast<size_t>(i)], &error, &unavailable);
      if (t == nullptr) {
        log << "props: target " << options.targets[static_cast<size_t>(i)] << ": " << error
            << "\n";
        result.exit_code = unavailable ? kExitSkipped : kExitUsage;
        return result;
      }
      (i == 0 ? owned_a : owned_b) = std::move(t);
    }
    a = owned_a.get();
    b = owned_b.get();
    label_a = options.targets[0];
    label_b = options.targets[1];
  }

  log << "props: seed " << options.seed << ", " << options.runs << " runs x " << options.length
      << " commands, " << label_a << " vs " << label_b << ", RESP3 in " << options.resp3_percent
      << "% of runs, tips from " << tips_from << "\n";

  KnownDivergences known;
  if (!options.known_divergences.empty()) {
    std::string error;
    if (!known.load(options.known_divergences, &error)) {
      log << "props: " << error << "\n";
      result.exit_code = kExitUsage;
      return result;
    }
  }
  Runner runner(*a, *b, tips, known, options.seed);
  Failure last;
  bool failed = false;
  int runs_started = 0;
  const rc::Gen<Sequence> gen =
      sequence_gen(options.length, options.resp3_percent, options.exclude);
  auto property = [&] {
    const Sequence s = *gen;
    ++runs_started;
    Failure f;
    if (!runner.run(s, &f)) {
      last = std::move(f);
      failed = true;
      RC_FAIL(last.target_error ? last.message
                                : "reply " + std::to_string(last.index + 1) + " differs");
    }
  };

  rc::detail::TestParams params;
  params.seed = options.seed;
  params.maxSuccess = options.runs;
  params.maxSize = 100;
  params.disableShrinking = !options.shrink;
  rc::detail::TestMetadata meta;
  meta.id = "props";
  meta.description = "props " + label_a + " vs " + label_b;
  // A silent listener: RapidCheck's default one would also print its own "reproduce" hint
  // at exit, which does not apply to this runner (the seed flag reproduces a run).
  rc::detail::TestListenerAdapter quiet;
  const rc::detail::TestResult tr =
      rc::detail::checkProperty(rc::detail::toProperty(property), meta, params, quiet);

  result.commands = runner.commands();
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  rc::detail::FailureResult failure;
  rc::detail::Error rc_error;
  rc::detail::GaveUpResult gave_up;
  if (tr.match(rc_error) || tr.match(gave_up)) {
    log << "props: RapidCheck could not run the property: "
        << (tr.match(rc_error) ? rc_error.description : gave_up.description) << "\n";
    result.exit_code = kExitUsage;
    return result;
  }
  if (!tr.match(failure) || !failed) {
    rc::detail::SuccessResult success;
    result.runs = tr.match(success) ? success.numSuccess : options.runs;
    char line[256];
    std::snprintf(line, sizeof line,
                  "props: clean: %d runs, %ld commands compared in %.2f s (%.0f commands/s)\n",
                  result.runs, result.commands, result.seconds,
                  result.seconds > 0 ? static_cast<double>(result.commands) / result.seconds : 0);
    log << line;
    result.exit_code = kExitOk;
    return result;
  }

  result.runs = failure.numSuccess + 1;
  if (last.target_error) {
    log << "props: target error after " << failure.numSuccess << " clean runs: " << last.message
        << "\n";
    result.exit_code = kExitUsage;
    return result;
  }

  // The minimal failing sequence (the last failure RapidCheck saw is the one it kept: every
  // later shrink attempt passed).
  static int failures_written = 0;
  const int n = ++failures_written;
  const CorpusCase c = failure_case(last, tips, options.seed, n, label_a, label_b);
  std::ostringstream text;
  write_case(text, c);
  result.case_text = text.str();

  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  const fs::path path =
      fs::path(options.out_dir) /
      ("props-" + std::to_string(options.seed) + "-" + std::to_string(n) + ".corpus");
  std::ofstream out(path, std::ios::binary);
  out << result.case_text;
  out.close();
  if (!out) {
    log << "props: cannot write " << path.string() << "\n";
  } else {
    result.case_path = path.string();
  }

  const Command& cmd = last.sequence.commands[last.index];
  const char* how = last.exec ? " (EXEC's array compared element by element, each under its "
                                "command's comparison)"
                    : last.compare == Compare::kShape       ? " (compared by shape)"
                    : last.compare == Compare::kUnordered ? " (compared as a multiset)"
                    : last.compare == Compare::kScan      ? " (keys seen by SCAN, as a set)"
                                                          : "";
  log << "props: DIFFERENCE after " << failure.numSuccess << " clean runs (seed "
      << options.seed << "); shrunk to " << last.index + 1 << " commands, RESP"
      << last.sequence.protocol << "\n"
      << "  command:  " << step_for(cmd, last.compare).text() << how << "\n"
      << "  " << label_a << ": " << quote_bytes(last.replies_a.back()) << "\n"
      << "  " << label_b << ": " << quote_bytes(last.reply_b) << "\n";
  if (last.compare == Compare::kShape && !last.exec) {
    log << "  shapes:   " << comparison_key(Compare::kShape, last.replies_a.back()) << "  vs  "
        << comparison_key(Compare::kShape, last.reply_b) << "\n";
  }
  log << "  corpus case (" << (result.case_path.empty() ? "not written" : result.case_path)
      << "):\n"
      << result.case_text;
  result.exit_code = kExitDifferences;
  return result;
}

}  // namespace kevy::conformance::props

namespace kevy::conformance {

int props_mode(const std::vector<std::string>& args) {
  props::Options o;
  bool seed_given = false;
  std::vector<std::string> positional;
  std::string error;
  FlagReader flags(args);
  auto number = [&](const std::string& v, long long lo, long long* out) {
    char* end = nullptr;
    const long long x = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || x < lo) return false;
    *out = x;
    return true;
  };
  bool bad_value = false;
  const bool parsed = flags.parse(
      &positional,
      [&](const std::string& name) {
        std::string v;
        long long x = 0;
        if (name == "--seed") {
          if (!flags.value(&v)) return true;
          char* end = nullptr;
          o.seed = std::strtoull(v.c_str(), &end, 10);
          seed_given = true;
          bad_value |= v.empty() || *end != '\0';
        } else if (name == "--runs" || name == "--length" || name == "--resp3") {
          if (!flags.value(&v)) return true;
          if (!number(v, name == "--resp3" ? 0 : 1, &x) || (name == "--resp3" && x > 100)) {
            bad_value = true;
          } else if (name == "--runs") {
            o.runs = static_cast<int>(x);
          } else if (name == "--length") {
            o.length = static_cast<int>(x);
          } else {
            o.resp3_percent = static_cast<int>(x);
          }
        } else if (name == "--target") {
          if (flags.value(&v)) o.targets.push_back(v);
        } else if (name == "--out") {
          flags.value(&o.out_dir);
        } else if (name == "--exclude") {
          if (flags.value(&v)) o.exclude.push_back(v);
        } else if (name == "--known-divergences") {
          flags.value(&o.known_divergences);
        } else if (name == "--commands") {
          flags.value(&o.commands_json);
        } else if (name == "--no-shrink") {
          o.shrink = false;
        } else {
          return false;
        }
        return true;
      },
      &error);
  if (!parsed || bad_value || !positional.empty() || o.targets.size() != 2) {
    if (!parsed) std::fprintf(stderr, "kevy-conform props: %s\n", error.c_str());
    std::fprintf(stderr,
                 "usage: kevy-conform props --target A --target B [--seed S] [--runs N] "
                 "[--length L] [--out DIR] [--resp3 PERCENT] [--commands commands.json] "
                 "[--known-divergences FILE] [--exclude LABEL]... [--no-shrink]\n");
    return kExitUsage;
  }
  if (!seed_given) o.seed = static_cast<uint64_t>(std::time(nullptr));
  // RapidCheck prints its configuration once; make that line show the seed in use (the
  // property itself always runs with o.seed).
  ::setenv("RC_PARAMS", ("seed=" + std::to_string(o.seed)).c_str(), 0);
  return props::run(o, std::cout).exit_code;
}

}  // namespace kevy::conformance
