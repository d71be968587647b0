// kevy_conformance_test: runs every case of tests/conformance/cases/*.txt on a spawned
// redis-server 7.0.15 and on an embedded kevy::Store, in RESP2 and again in RESP3, and
// requires byte-identical replies (or the normalised comparison a line's marker asks for).
// Case format: tests/conformance/README.md.
//
//   kevy_conformance_test [--cases DIR] [--filter TEXT] [--verbose] [--oracle-only]
//                         [gtest flags]
//
// --filter keeps the cases whose "file:line name" contains TEXT; --oracle-only runs each
// case twice on redis-server instead (checks that the case itself is deterministic).
// Without redis-server on $PATH (or $KEVY_REDIS_SERVER) every test is skipped and the
// output says KEVY-CONFORMANCE-SKIPPED (ctest reports the test as skipped).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "case_file.h"
#include "resp_value.h"
#include "targets.h"

namespace kevy::conformance {
namespace {

namespace fs = std::filesystem;

constexpr const char* kOracleVersion = "7.0.15";
// SCAN loops stop after this many calls (a loop that never reaches cursor 0 is a bug).
constexpr int kMaxScanCalls = 10000;

struct Flags {
  std::string cases_dir;
  std::string filter;
  bool verbose = false;
  bool oracle_only = false;
};
Flags g_flags;

// What one case line produced on one target, reduced to what is compared.
struct Observation {
  std::string key;      // compared between the targets
  std::string display;  // shown in a failure report
  bool failed = false;  // the target could not run the line (I/O error, not a reply)
};

std::string escaped(std::string_view bytes) { return "\"" + cli::escape_bytes(bytes) + "\""; }

// The type tree of a reply: type bytes, nulls and aggregate lengths, no content. Errors
// keep their text (they are deterministic and a wrong error is a real difference).
std::string shape(const cli::RespValue& v) {
  if (v.type == '-') return "-" + v.str;
  if (v.null()) return std::string(1, v.type) + "null";
  std::string s(1, v.type);
  if (v.is_aggregate()) {
    s += std::to_string(v.elems.size()) + "[";
    for (const cli::RespValue& e : v.elems) s += shape(e) + ",";
    s += "]";
  }
  return s;
}

// Aggregates as multisets: the header plus the sorted encodings of the elements (map
// entries as pairs). Anything else compares exactly.
std::string unordered(const cli::RespValue& v) {
  if (!v.is_aggregate() || v.null()) return cli::encode_resp(v);
  std::vector<std::string> parts;
  if (v.type == '%') {
    for (size_t i = 0; i + 1 < v.elems.size(); i += 2) {
      parts.push_back(cli::encode_resp(v.elems[i]) + cli::encode_resp(v.elems[i + 1]));
    }
  } else {
    for (const cli::RespValue& e : v.elems) parts.push_back(cli::encode_resp(e));
  }
  std::sort(parts.begin(), parts.end());
  std::string out = std::string(1, v.type) + std::to_string(parts.size()) + " sorted:";
  for (const std::string& p : parts) out += p;
  return out;
}

bool parse_one(const std::string& bytes, cli::RespValue* v) {
  size_t used = 0;
  return cli::parse_resp(bytes, v, &used) == cli::ParseStatus::kOk && used == bytes.size();
}

// SCAN <cursor> <options> until the cursor is 0; the observation is the sorted key set, or
// the first reply that is not a well-formed SCAN page.
Observation scan_all(Target& t, const std::vector<std::string>& options) {
  Observation obs;
  std::set<std::string> keys;
  std::string cursor = "0";
  for (int calls = 0; calls < kMaxScanCalls; ++calls) {
    std::vector<std::string> argv = {"SCAN", cursor};
    argv.insert(argv.end(), options.begin(), options.end());
    std::string reply, error;
    if (!t.run(argv, &reply, &error)) {
      obs.failed = true;
      obs.key = obs.display = "<" + error + ">";
      return obs;
    }
    cli::RespValue v;
    bool page = parse_one(reply, &v) && v.type == '*' && !v.null() && v.elems.size() == 2 &&
                v.elems[0].type == '$' && !v.elems[0].null() && v.elems[1].type == '*' &&
                !v.elems[1].null();
    if (!page) {
      obs.key = "reply " + reply;
      obs.display = "SCAN " + cursor + " -> " + escaped(reply);
      return obs;
    }
    for (const cli::RespValue& k : v.elems[1].elems) keys.insert(k.str);
    cursor = v.elems[0].str;
    if (cursor == "0") {
      obs.display = std::to_string(keys.size()) + " keys {";
      for (const std::string& k : keys) {
        obs.key += std::to_string(k.size()) + ":" + k + ",";
        obs.display += escaped(k) + " ";
      }
      obs.display += "}";
      return obs;
    }
  }
  obs.key = obs.display = "<SCAN did not reach cursor 0>";
  return obs;
}

Observation observe(Target& t, const CaseLine& line) {
  Observation obs;
  if (line.compare == Compare::kSleep) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(line.argv[0])));
    return obs;
  }
  if (line.compare == Compare::kScan) return scan_all(t, line.argv);
  std::string reply, error;
  if (!t.run(line.argv, &reply, &error)) {
    obs.failed = true;
    obs.key = obs.display = "<" + error + ">";
    return obs;
  }
  obs.display = escaped(reply);
  cli::RespValue v;
  const bool parsed = parse_one(reply, &v);
  switch (line.compare) {
    case Compare::kIgnore:
      break;
    case Compare::kShape:
      obs.key = parsed ? shape(v) : "unparsable " + reply;
      obs.display += "  (shape " + obs.key + ")";
      break;
    case Compare::kUnordered:
      obs.key = parsed ? unordered(v) : reply;
      break;
    default:
      obs.key = reply;
  }
  return obs;
}

struct FileStats {
  int commands = 0;
  int passed = 0;
  int failed = 0;
  std::set<std::string> failed_cases;
  int cases = 0;
};
std::map<std::string, FileStats>& stats() {
  static std::map<std::string, FileStats> s;
  return s;
}
// Per command name (upper case): comparisons that failed, for the summary.
std::map<std::string, int>& failed_commands() {
  static std::map<std::string, int> s;
  return s;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The oracle shared by all tests; created by main().
struct Oracle {
  std::unique_ptr<RedisServer> server;
  std::string skip_reason;  // non-empty: no usable redis-server
  std::string start_error;  // non-empty: redis-server would not start (a failure)
};
Oracle* g_oracle = nullptr;

class CaseFileTest : public testing::Test {
 public:
  explicit CaseFileTest(fs::path path) : path_(std::move(path)) {}

  void TestBody() override {
    if (!g_oracle->skip_reason.empty()) GTEST_SKIP() << g_oracle->skip_reason;
    ASSERT_TRUE(g_oracle->start_error.empty()) << g_oracle->start_error;

    std::ifstream in(path_, std::ios::binary);
    ASSERT_TRUE(in) << "cannot read " << path_;
    std::stringstream content;
    content << in.rdbuf();
    CaseFile file;
    std::string error;
    const std::string name = path_.filename().string();
    ASSERT_TRUE(parse_case_file(name, content.str(), &file, &error)) << error;

    RedisTarget redis(g_oracle->server->socket_path());
    RedisTarget redis_again(g_oracle->server->socket_path());
    KevyTarget kevy;
    Target& a = redis;
    Target& b = g_flags.oracle_only ? static_cast<Target&>(redis_again) : kevy;
    FileStats& st = stats()[name];

    for (const Case& c : file.cases) {
      const std::string label = name + ":" + std::to_string(c.first_line) + " " + c.name;
      if (!g_flags.filter.empty() && label.find(g_flags.filter) == std::string::npos) continue;
      ++st.cases;
      for (int protocol : {2, 3}) run_case(c, label, protocol, a, b, st);
    }
  }

 private:
  void run_case(const Case& c, const std::string& label, int protocol, Target& a, Target& b,
                FileStats& st) {
    std::string error;
    if (!a.reset(protocol, &error)) {
      ADD_FAILURE() << label << ": cannot reset " << a.name() << ": " << error;
      return;
    }
    std::vector<Observation> oa;
    for (const CaseLine& line : c.lines) oa.push_back(observe(a, line));
    if (!b.reset(protocol, &error)) {
      ADD_FAILURE() << label << ": cannot reset " << b.name() << ": " << error;
      return;
    }
    std::vector<Observation> ob;
    for (const CaseLine& line : c.lines) ob.push_back(observe(b, line));

    for (size_t i = 0; i < c.lines.size(); ++i) {
      const CaseLine& line = c.lines[i];
      if (line.compare == Compare::kSleep) continue;
      ++st.commands;
      const bool same = !oa[i].failed && !ob[i].failed && oa[i].key == ob[i].key;
      if (g_flags.verbose) {
        std::printf("%s RESP%d line %d: %s\n  %s %s\n  %s %s\n", same ? "ok  " : "FAIL",
                    protocol, line.line_no, line.text.c_str(), a.name(), oa[i].display.c_str(),
                    b.name(), ob[i].display.c_str());
      }
      if (same) {
        ++st.passed;
        continue;
      }
      ++st.failed;
      st.failed_cases.insert(label);
      const std::string cmd = line.compare == Compare::kScan ? "@SCAN"
                              : line.argv.empty()           ? "?"
                                                            : upper(line.argv[0]);
      ++failed_commands()[cmd];
      ADD_FAILURE() << "case " << label << " (RESP" << protocol << ")\n"
                    << "  line " << line.line_no << ": " << line.text << "\n"
                    << "  redis: " << oa[i].display << "\n"
                    << "  " << b.name() << ":  " << ob[i].display;
    }
  }

  fs::path path_;
};

void print_summary() {
  if (stats().empty()) return;
  int commands = 0, passed = 0, failed = 0;
  std::printf("\nconformance summary (commands compared in RESP2 + RESP3)\n");
  std::printf("  %-22s %6s %8s %8s %8s %13s\n", "file", "cases", "compared", "passed", "failed",
              "failed cases");
  for (const auto& [file, s] : stats()) {
    std::printf("  %-22s %6d %8d %8d %8d %13zu\n", file.c_str(), s.cases, s.commands, s.passed,
                s.failed, s.failed_cases.size());
    commands += s.commands;
    passed += s.passed;
    failed += s.failed;
  }
  std::printf("  %-22s %6s %8d %8d %8d\n", "total", "", commands, passed, failed);
  if (!failed_commands().empty()) {
    std::printf("  failing comparisons by command:");
    for (const auto& [cmd, n] : failed_commands()) std::printf(" %s=%d", cmd.c_str(), n);
    std::printf("\n");
  }
}

int main_impl(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
#ifdef KEVY_CONFORMANCE_CASES_DIR
  g_flags.cases_dir = KEVY_CONFORMANCE_CASES_DIR;
#endif
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const std::string& flag, std::string* out) {
      if (a == flag && i + 1 < argc) {
        *out = argv[++i];
        return true;
      }
      if (a.rfind(flag + "=", 0) == 0) {
        *out = a.substr(flag.size() + 1);
        return true;
      }
      return false;
    };
    if (value("--filter", &g_flags.filter) || value("--cases", &g_flags.cases_dir)) continue;
    if (a == "--verbose") {
      g_flags.verbose = true;
    } else if (a == "--oracle-only") {
      g_flags.oracle_only = true;
    } else {
      std::fprintf(stderr, "kevy_conformance_test: unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  if (const char* f = std::getenv("KEVY_CONFORMANCE_FILTER"); f && g_flags.filter.empty()) {
    g_flags.filter = f;
  }

  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(g_flags.cases_dir, ec)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "kevy_conformance_test: no case files (*.txt) in '%s'\n",
                 g_flags.cases_dir.c_str());
    return 1;
  }
  for (const fs::path& p : files) {
    std::string stem = p.stem().string();
    testing::RegisterTest("Conformance", stem.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                          [p]() -> testing::Test* { return new CaseFileTest(p); });
  }

  Oracle oracle;
  g_oracle = &oracle;
  std::optional<std::string> binary = RedisServer::find_binary();
  if (!binary) {
    oracle.skip_reason = "redis-server is not installed (nor $KEVY_REDIS_SERVER set)";
  } else if (std::string v = RedisServer::version(*binary);
             v != kOracleVersion && std::getenv("KEVY_CONFORMANCE_ANY_VERSION") == nullptr) {
    oracle.skip_reason = *binary + " is version '" + v + "', the oracle must be " +
                         kOracleVersion + " (set KEVY_CONFORMANCE_ANY_VERSION=1 to run anyway)";
  } else {
    oracle.server = RedisServer::start(*binary, &oracle.start_error);
  }
  if (!oracle.skip_reason.empty()) {
    std::printf("KEVY-CONFORMANCE-SKIPPED: %s\n", oracle.skip_reason.c_str());
  }

  int rc = RUN_ALL_TESTS();
  print_summary();
  oracle.server.reset();  // stops redis-server (also reached when tests failed)
  g_oracle = nullptr;
  return rc;
}

}  // namespace
}  // namespace kevy::conformance

int main(int argc, char** argv) { return kevy::conformance::main_impl(argc, argv); }
