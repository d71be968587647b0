#include "replay.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "modes.h"
#include "resp_value.h"

namespace kevy::conformance {
namespace {

using SteadyClock = std::chrono::steady_clock;
// SCAN loops stop after this many calls (a loop that never reaches cursor 0 is a bug).
constexpr int kMaxScanCalls = 100000;

bool eq_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

double since(SteadyClock::time_point t) {
  return std::chrono::duration<double>(SteadyClock::now() - t).count();
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Reports hold escaped bytes only; anything else XML 1.0 cannot carry is dropped.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
    }
  }
  return out;
}

std::string md_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|' || c == '`') out += '\\';
    out += c;
  }
  return out;
}

// The text block of one difference (shared by the console, JUnit and Markdown reports).
std::string difference_text(const CaseResult& r, const Difference& d, const ReplayResult& res) {
  std::ostringstream o;
  o << "  command:  " << d.command << "   (" << r.c->file << ":" << d.line_no << ")\n";
  if (!d.conn.empty()) o << "  on:       " << d.conn << "\n";
  if (!d.error.empty()) {
    o << "  error:    " << d.error << "\n";
    return o.str();
  }
  const char* how = d.compare == Compare::kShape       ? " (compared by shape)"
                    : d.compare == Compare::kUnordered ? " (compared as a multiset)"
                    : d.compare == Compare::kScan      ? " (keys seen by SCAN, as a set)"
                                                       : "";
  o << "  expected: " << quote_bytes(d.expected) << "   [" << res.expected_label << "]" << how << "\n";
  o << "  actual:   " << quote_bytes(d.actual) << "   [" << res.actual_label << "]\n";
  if (d.compare == Compare::kShape) {
    o << "  shapes:   " << comparison_key(Compare::kShape, d.expected) << "  vs  "
      << comparison_key(Compare::kShape, d.actual) << "\n";
  }
  if (d.known != nullptr) o << "  accepted: " << d.known->reason << "\n";
  return o.str();
}

class Progress {
 public:
  Progress(bool on, size_t total) : on_(on), total_(total) {}
  void update(size_t done, int failed) {
    if (!on_) return;
    auto now = SteadyClock::now();
    if (done != total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr int kWidth = 40;
    int filled = total_ == 0 ? kWidth : static_cast<int>(kWidth * done / total_);
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu cases, %d failed", filled,
                 "========================================", kWidth - filled, "", done, total_,
                 failed);
    if (done == total_) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  bool on_;
  size_t total_;
  SteadyClock::time_point last_{};
};

}  // namespace

bool run_step(Target& t, const CorpusStep& step, std::string* reply, std::string* error) {
  switch (step.kind) {
    case CorpusStep::Kind::kSleep:
      std::this_thread::sleep_for(std::chrono::milliseconds(step.sleep_ms));
      reply->clear();
      return true;
    case CorpusStep::Kind::kCommand:
      return t.run(step.argv, reply, error);
    case CorpusStep::Kind::kScan:
      break;
  }
  std::set<std::string> keys;
  std::vector<std::string> argv = {"SCAN", "0"};
  argv.insert(argv.end(), step.argv.begin(), step.argv.end());
  for (int calls = 0; calls < kMaxScanCalls; ++calls) {
    std::string page;
    if (!t.run(argv, &page, error)) return false;
    cli::RespValue v;
    size_t used = 0;
    bool ok = cli::parse_resp(page, &v, &used) == cli::ParseStatus::kOk &&
              used == page.size() && v.type == '*' && !v.null() && v.elems.size() == 2 &&
              v.elems[0].type == '$' && !v.elems[0].null() && v.elems[1].type == '*' &&
              !v.elems[1].null();
    if (!ok) {
      *reply = std::move(page);
      return true;
    }
    for (cli::RespValue& k : v.elems[1].elems) keys.insert(std::move(k.str));
    argv[1] = v.elems[0].str;
    if (argv[1] == "0") {
      reply->clear();
      *reply += '*';
      *reply += std::to_string(keys.size());
      *reply += "\r\n";
      for (const std::string& k : keys) {
        *reply += '$';
        *reply += std::to_string(k.size());
        *reply += "\r\n";
        *reply += k;
        *reply += "\r\n";
      }
      return true;
    }
  }
  *error = "SCAN did not return cursor 0 after " + std::to_string(kMaxScanCalls) + " calls";
  return false;
}

namespace {

// "$id(c2)" -> "c2"; "" for any other argument.
std::string id_reference(const std::string& arg) {
  if (arg.size() < 7 || arg.compare(0, 4, "$id(") != 0 || arg.back() != ')') return "";
  return arg.substr(4, arg.size() - 5);
}

}  // namespace

void replay_multi_case(const CorpusCase& c, Target& t, const ReplayOptions& options,
                       CaseResult* r) {
  std::map<std::string, std::unique_ptr<Connection>> conns;
  std::map<std::string, std::string> ids;
  bool need_ids = false;
  for (const CorpusStep& s : c.steps) {
    for (const std::string& a : s.argv) need_ids = need_ids || !id_reference(a).empty();
  }
  std::string err;
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const CorpusStep& step = c.steps[i];
    const std::string label = step.conn.empty() ? step.text() : step.conn + " " + step.text();
    auto differ = [&](Difference d) {
      d.command = label;
      d.line_no = step.line_no;
      if (options.known != nullptr) d.known = options.known->find(c.id, d.command);
      static constexpr std::string_view kUnknown = "-ERR unknown command '";
      if (options.skip_unimplemented && d.known == nullptr && r->differences == 0 &&
          r->unimplemented.empty() && d.error.empty() && d.actual.starts_with(kUnknown) &&
          !d.expected.starts_with(kUnknown)) {
        r->unimplemented = step.argv.empty() ? "?" : step.argv[0];
        for (char& ch : r->unimplemented) {
          ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        }
      }
      if (d.known != nullptr) {
        ++r->known;
      } else {
        ++r->differences;
      }
      if (static_cast<int>(r->shown.size()) < options.max_differences_per_case) {
        r->shown.push_back(std::move(d));
      }
    };
    auto fail = [&](const std::string& why) {
      Difference d;
      d.error = std::string(t.name()) + ": " + why;
      differ(std::move(d));
    };
    ++r->commands;
    if (step.kind == CorpusStep::Kind::kSleep) {
      std::this_thread::sleep_for(std::chrono::milliseconds(step.sleep_ms));
    } else {
      // The step's connection and those its $id(cN) arguments name open now when new.
      std::vector<std::string> names = {step.conn};
      for (const std::string& a : step.argv) {
        if (std::string ref = id_reference(a); !ref.empty()) names.push_back(ref);
      }
      for (const std::string& name : names) {
        if (conns.count(name) != 0) continue;
        auto conn = t.open_connection(c.protocol(), &err);
        if (!conn || (need_ids && !conn->client_id(&ids[name], &err))) {
          fail("cannot open connection " + name + ": " + err);
          return;
        }
        conns[name] = std::move(conn);
      }
      std::vector<std::string> argv = step.argv;
      for (std::string& a : argv) {
        if (std::string ref = id_reference(a); !ref.empty()) a = ids[ref];
      }
      if (!conns[step.conn]->send(argv, &err)) {
        fail(err);
        return;
      }
    }
    // The expected messages, each from its connection. A connection that stays silent is
    // not read again in this step.
    std::set<std::string> silent;
    for (const ExpectedMessage& m : step.messages) {
      if (silent.count(m.conn) != 0) continue;
      auto it = conns.find(m.conn);
      if (it == conns.end()) {
        fail("a message is expected on " + m.conn + ", which no command opened");
        return;
      }
      std::string got;
      int n = it->second->next_message(kMessageTimeoutMs, &got, &err);
      if (n < 0) {
        fail(m.conn + ": " + err);
        return;
      }
      if (n > 0 && replies_match(m.compare, m.bytes, got)) continue;
      Difference d;
      d.conn = m.conn;
      d.compare = m.compare;
      d.expected = m.bytes;
      if (n == 0) {
        silent.insert(m.conn);
        d.error = std::string(t.name()) + ": no message on " + m.conn + " within " +
                  std::to_string(kMessageTimeoutMs) + " ms; expected " + quote_bytes(m.bytes);
      } else {
        d.actual = std::move(got);
      }
      differ(std::move(d));
    }
    // Nothing else may arrive: checked at once, or after a quiet window when the step
    // expects no message (a command that blocks) and at the end of the case.
    const bool settle = step.messages.empty() || i + 1 == c.steps.size();
    if (settle && t.can_wait()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(kQuietWindowMs));
    }
    for (auto& [name, conn] : conns) {
      if (silent.count(name) != 0) continue;
      std::string got;
      int n = conn->next_message(0, &got, &err);
      if (n == 0) continue;
      if (n < 0) {
        fail(name + ": " + err);
        return;
      }
      Difference d;
      d.conn = name;
      d.actual = got;
      d.error = std::string(t.name()) + ": unexpected message on " + name + ": " +
                quote_bytes(got);
      differ(std::move(d));
    }
  }
}

bool replay(const std::vector<CorpusFile>& files, Target& a, Target* b,
            const ReplayOptions& options, ReplayResult* result, std::string* error) {
  result->expected_label = b == nullptr ? "recorded" : a.name();
  result->actual_label = b == nullptr ? a.name() : b->name();
  std::vector<const CorpusCase*> selected;
  for (const CorpusFile& f : files) {
    for (const CorpusCase& c : f.cases) {
      if (options.filter.empty() || c.id.find(options.filter) != std::string::npos) {
        selected.push_back(&c);
      }
    }
  }
  result->cases.reserve(result->cases.size() + selected.size());
  const int repeat = std::max(1, options.repeat);
  Progress progress(options.progress, selected.size() * static_cast<size_t>(repeat));
  std::string reply_a, reply_b, err;
  const auto start = SteadyClock::now();
  for (int round = 0; round < repeat; ++round)
  for (const CorpusCase* c : selected) {
    const auto case_start = SteadyClock::now();
    CaseResult r;
    r.c = c;
    const int protocol = c->protocol();
    if (!a.reset(protocol, error) || (b != nullptr && !b->reset(protocol, error))) {
      *error = "case " + c->id + ": cannot reset a target: " + *error;
      return false;
    }
    if (c->multi) {
      if (b != nullptr) {
        r.not_run = "multi-connection case (replayed against the recording: one --target)";
      } else if (c->waits() && !a.can_wait()) {
        r.not_run = "waits for another connection (server targets only)";
      } else {
        replay_multi_case(*c, a, options, &r);
      }
    }
    for (const CorpusStep& step : c->steps) {
      if (c->multi) break;
      const bool compared = step.kind != CorpusStep::Kind::kSleep;
      if (!compared) {
        const auto t0 = SteadyClock::now();
        run_step(a, step, &reply_a, &err);
        result->sleep_seconds += since(t0);
        continue;
      }
      Difference d;
      // Deliberate waits (DEBUG SLEEP) count as sleeping, not as replay speed.
      const bool waits = step.argv.size() >= 2 && eq_ci(step.argv[0], "DEBUG") &&
                         eq_ci(step.argv[1], "SLEEP");
      const auto t0 = waits ? SteadyClock::now() : SteadyClock::time_point{};
      bool ok = run_step(a, step, &reply_a, &err);
      if (!ok) d.error = std::string(a.name()) + ": " + err;
      if (ok && b != nullptr) {
        ok = run_step(*b, step, &reply_b, &err);
        if (!ok) d.error = std::string(b->name()) + ": " + err;
      }
      if (waits) result->sleep_seconds += since(t0);
      ++r.commands;
      const std::string& expected = b == nullptr ? step.expected : reply_a;
      const std::string& actual = b == nullptr ? reply_a : reply_b;
      const Compare mode = step.kind == CorpusStep::Kind::kScan ? Compare::kScan : step.compare;
      if (ok && replies_match(mode, expected, actual)) continue;
      d.command = step.text();
      d.line_no = step.line_no;
      d.compare = mode;
      if (ok) {
        d.expected = expected;
        d.actual = actual;
      }
      if (options.known != nullptr) d.known = options.known->find(c->id, d.command);
      static constexpr std::string_view kUnknown = "-ERR unknown command '";
      if (options.skip_unimplemented && d.known == nullptr && r.differences == 0 &&
          r.unimplemented.empty() && ok && actual.starts_with(kUnknown) &&
          !expected.starts_with(kUnknown)) {
        r.unimplemented = step.argv.empty() ? "?" : step.argv[0];
        for (char& ch : r.unimplemented) {
          ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        }
      }
      if (d.known != nullptr) {
        ++r.known;
      } else {
        ++r.differences;
      }
      if (static_cast<int>(r.shown.size()) < options.max_differences_per_case) {
        r.shown.push_back(std::move(d));
      }
    }
    r.seconds = since(case_start);
    FamilyStats& fs = result->families[c->family()];
    ++fs.cases;
    fs.commands += r.commands;
    fs.known += r.known;
    result->commands += r.commands;
    if (r.skipped()) {
      ++fs.skipped;
      ++result->skipped_cases;
      if (!r.unimplemented.empty()) {
        ++result->unimplemented[r.unimplemented];
      } else {
        ++result->not_run[r.not_run];
      }
    } else if (r.passed()) {
      ++fs.passed;
    } else {
      ++fs.failed;
      ++result->failed_cases;
    }
    result->cases.push_back(std::move(r));
    progress.update(result->cases.size(), result->failed_cases);
  }
  result->seconds = since(start);
  return true;
}

void print_difference(std::ostream& out, const CaseResult& r, const Difference& d,
                      const ReplayResult& result) {
  out << (d.known != nullptr ? "KNOWN " : "FAIL ") << r.c->id << "\n"
      << difference_text(r, d, result);
}

void print_summary(std::ostream& out, const ReplayResult& result) {
  char line[256];
  std::snprintf(line, sizeof line, "%-24s %7s %9s %7s %7s %7s %7s\n", "family", "cases",
                "commands", "passed", "failed", "skipped", "known");
  out << "\nreplay summary: " << result.actual_label << " vs " << result.expected_label << "\n"
      << line;
  FamilyStats total;
  for (const auto& [family, s] : result.families) {
    std::snprintf(line, sizeof line, "%-24s %7d %9d %7d %7d %7d %7d\n", family.c_str(),
                  s.cases, s.commands, s.passed, s.failed, s.skipped, s.known);
    out << line;
    total.cases += s.cases;
    total.commands += s.commands;
    total.passed += s.passed;
    total.failed += s.failed;
    total.skipped += s.skipped;
    total.known += s.known;
  }
  std::snprintf(line, sizeof line, "%-24s %7d %9d %7d %7d %7d %7d\n", "total", total.cases,
                total.commands, total.passed, total.failed, total.skipped, total.known);
  out << line;
  if (!result.unimplemented.empty()) {
    out << "skipped cases use commands " << result.actual_label << " does not implement:";
    for (const auto& [cmd, n] : result.unimplemented) out << " " << cmd << "(" << n << ")";
    out << "\n";
  }
  for (const auto& [why, n] : result.not_run) {
    out << n << " cases not run on " << result.actual_label << ": " << why << "\n";
  }
  std::snprintf(line, sizeof line,
                "replayed %lld commands in %.3f s (%.3f s of it in @sleep / DEBUG SLEEP): %.0f "
                "commands/s\n",
                static_cast<long long>(result.commands), result.seconds, result.sleep_seconds,
                result.commands_per_second());
  out << line;
  out << (result.failed_cases == 0 ? "RESULT: PASS" : "RESULT: FAIL") << " ("
      << result.failed_cases << " of " << result.cases.size() << " cases differ)\n";
}

void write_junit(std::ostream& out, const ReplayResult& result) {
  std::map<std::string, std::vector<const CaseResult*>> by_family;
  for (const CaseResult& r : result.cases) by_family[r.c->family()].push_back(&r);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"kevy-conform replay\" tests=\"" << result.cases.size()
      << "\" failures=\"" << result.failed_cases << "\" time=\"" << result.seconds << "\">\n";
  for (const auto& [family, cases] : by_family) {
    int failures = 0;
    double seconds = 0;
    int skipped = 0;
    for (const CaseResult* r : cases) {
      failures += r->failed() ? 1 : 0;
      skipped += r->skipped() ? 1 : 0;
      seconds += r->seconds;
    }
    out << "  <testsuite name=\"" << xml_escape(family) << "\" tests=\"" << cases.size()
        << "\" failures=\"" << failures << "\" skipped=\"" << skipped << "\" time=\"" << seconds
        << "\">\n";
    for (const CaseResult* r : cases) {
      out << "    <testcase classname=\"conformance." << xml_escape(family) << "\" name=\""
          << xml_escape(r->c->id) << "\" time=\"" << r->seconds << "\"";
      if (r->skipped()) {
        std::string why = r->unimplemented.empty()
                              ? r->not_run
                              : r->unimplemented + ": unknown command on " + result.actual_label;
        out << ">\n      <skipped message=\"" << xml_escape(why) << "\"/>\n    </testcase>\n";
        continue;
      }
      if (r->passed()) {
        out << "/>\n";
        continue;
      }
      std::string text;
      std::string message;
      for (const Difference& d : r->shown) {
        if (d.known != nullptr) continue;
        if (message.empty()) {
          message = d.error.empty() ? d.command + ": expected " + quote_bytes(d.expected) +
                                          ", got " + quote_bytes(d.actual)
                                    : d.command + ": " + d.error;
        }
        text += difference_text(*r, d, result);
      }
      if (r->differences > static_cast<int>(r->shown.size())) {
        text += "  ... " + std::to_string(r->differences) + " differing commands in all\n";
      }
      out << ">\n      <failure type=\"difference\" message=\"" << xml_escape(message) << "\">"
          << xml_escape(text) << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

void write_markdown(std::ostream& out, const ReplayResult& result) {
  out << "# kevy-conform replay: " << md_escape(result.actual_label) << " vs "
      << md_escape(result.expected_label) << "\n\n";
  out << "| family | cases | commands | passed | failed | skipped | known |\n"
      << "|---|---:|---:|---:|---:|---:|---:|\n";
  FamilyStats total;
  for (const auto& [family, s] : result.families) {
    out << "| " << md_escape(family) << " | " << s.cases << " | " << s.commands << " | "
        << s.passed << " | " << s.failed << " | " << s.skipped << " | " << s.known << " |\n";
    total.cases += s.cases;
    total.commands += s.commands;
    total.passed += s.passed;
    total.failed += s.failed;
    total.skipped += s.skipped;
    total.known += s.known;
  }
  out << "| **total** | " << total.cases << " | " << total.commands << " | " << total.passed
      << " | " << total.failed << " | " << total.skipped << " | " << total.known << " |\n\n";
  if (!result.unimplemented.empty()) {
    out << "Skipped cases use commands " << md_escape(result.actual_label)
        << " does not implement:";
    for (const auto& [cmd, n] : result.unimplemented) out << " `" << cmd << "` (" << n << ")";
    out << "\n\n";
  }
  char speed[128];
  std::snprintf(speed, sizeof speed, "%lld commands in %.3f s (%.0f commands/s)",
                static_cast<long long>(result.commands), result.seconds,
                result.commands_per_second());
  out << "Replayed " << speed << ". Result: **"
      << (result.failed_cases == 0 ? "PASS" : "FAIL") << "**.\n";
  if (result.failed_cases == 0) return;
  out << "\n## Differences\n";
  for (const CaseResult& r : result.cases) {
    if (!r.failed()) continue;
    out << "\n### " << md_escape(r.c->id) << "\n\n```\n";
    for (const Difference& d : r.shown) out << difference_text(r, d, result);
    out << "```\n";
  }
}

int replay_mode(const std::vector<std::string>& args) {
  std::vector<std::string> corpus_args, targets;
  std::string junit, markdown, known_path, value;
  ReplayOptions options;
  bool verbose = false, no_progress = false;
  FlagReader flags(args);
  std::string error;
  bool ok = flags.parse(
      &corpus_args,
      [&](const std::string& f) {
        if (f == "--target") return flags.value(&value) && (targets.push_back(value), true);
        if (f == "--junit") return flags.value(&junit), true;
        if (f == "--markdown") return flags.value(&markdown), true;
        if (f == "--filter") return flags.value(&options.filter), true;
        if (f == "--known-divergences") return flags.value(&known_path), true;
        if (f == "--verbose") return verbose = true;
        if (f == "--no-progress") return no_progress = true;
        if (f == "--skip-unimplemented") return options.skip_unimplemented = true;
        if (f == "--repeat") {
          return flags.value(&value) && (options.repeat = std::atoi(value.c_str()), true);
        }
        return false;
      },
      &error);
  if (ok && corpus_args.empty()) error = "no CORPUS file or directory given", ok = false;
  if (ok && (targets.empty() || targets.size() > 2)) {
    error = "give one --target (compare with the recorded replies) or two (compare them)";
    ok = false;
  }
  if (!ok) {
    std::fprintf(stderr, "kevy-conform replay: %s\n", error.c_str());
    return kExitUsage;
  }

  std::vector<std::string> paths;
  if (!collect_corpus_paths(corpus_args, &paths, &error)) {
    std::fprintf(stderr, "kevy-conform replay: %s\n", error.c_str());
    return kExitUsage;
  }
  if (paths.empty()) {
    std::fprintf(stderr, "kevy-conform replay: no .corpus files in the given paths\n");
    return kExitUsage;
  }
  std::vector<CorpusFile> files(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!read_corpus_file(paths[i], &files[i], &error)) {
      std::fprintf(stderr, "kevy-conform replay: %s\n", error.c_str());
      return kExitUsage;
    }
  }
  // known-divergences.txt: given, or the one beside the first corpus directory.
  KnownDivergences known;
  if (known_path.empty()) {
    for (const std::string& a : corpus_args) {
      std::error_code ec;
      std::filesystem::path p = std::filesystem::is_directory(a, ec)
                                    ? std::filesystem::path(a)
                                    : std::filesystem::path(a).parent_path();
      if (std::filesystem::exists(p / "known-divergences.txt", ec)) {
        known_path = (p / "known-divergences.txt").string();
        break;
      }
    }
  }
  if (!known_path.empty() && !known.load(known_path, &error)) {
    std::fprintf(stderr, "kevy-conform replay: %s\n", error.c_str());
    return kExitUsage;
  }
  options.known = &known;

  std::vector<std::unique_ptr<Target>> opened;
  for (const std::string& uri : targets) {
    bool unavailable = false;
    auto t = open_target(uri, &error, &unavailable);
    if (!t) {
      std::fprintf(stderr, "kevy-conform replay: %s%s\n", unavailable ? "SKIPPED: " : "",
                   error.c_str());
      return unavailable ? kExitSkipped : kExitUsage;
    }
    opened.push_back(std::move(t));
  }

  options.progress = !no_progress && ::isatty(2) == 1;
  ReplayResult result;
  Target* second = opened.size() == 2 ? opened[1].get() : nullptr;
  if (!replay(files, *opened[0], second, options, &result, &error)) {
    std::fprintf(stderr, "kevy-conform replay: %s\n", error.c_str());
    return kExitUsage;
  }

  std::ostringstream report;
  for (const CaseResult& r : result.cases) {
    if (r.skipped() && !verbose) continue;
    for (const Difference& d : r.shown) {
      if (d.known == nullptr || verbose) print_difference(report, r, d, result);
    }
    if (r.differences + r.known > static_cast<int>(r.shown.size())) {
      report << "  ... and " << (r.differences + r.known - static_cast<int>(r.shown.size()))
             << " more differing commands in " << r.c->id << "\n";
    }
  }
  print_summary(report, result);
  std::fputs(report.str().c_str(), stdout);

  auto write_file = [&](const std::string& path, auto writer) {
    if (path.empty()) return true;
    std::ofstream out(path, std::ios::binary);
    writer(out, result);
    if (!out) std::fprintf(stderr, "kevy-conform replay: cannot write %s\n", path.c_str());
    return static_cast<bool>(out);
  };
  bool written = write_file(junit, write_junit) && write_file(markdown, write_markdown);
  if (!written) return kExitUsage;
  return result.failed_cases == 0 ? kExitOk : kExitDifferences;
}

}  // namespace kevy::conformance
