#include "state_diff.h"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <ostream>
#include <set>

#include "compare.h"
#include "corpus.h"
#include "modes.h"
#include "replay.h"
#include "resp_value.h"

namespace kevy::conformance {
namespace {

bool parse_one(const std::string& bytes, cli::RespValue* v) {
  size_t used = 0;
  return cli::parse_resp(bytes, v, &used) == cli::ParseStatus::kOk && used == bytes.size();
}

bool call(Target& t, const std::vector<std::string>& argv, std::string* reply,
          std::string* error) {
  if (t.run(argv, reply, error)) return true;
  *error = std::string(t.name()) + ": " + argv[0] + ": " + *error;
  return false;
}

bool scan_keys(Target& t, int db, int count, std::set<std::string>* keys, std::string* error) {
  std::string reply;
  if (!call(t, {"SELECT", std::to_string(db)}, &reply, error)) return false;
  if (reply != "+OK\r\n") {
    *error = std::string(t.name()) + ": SELECT " + std::to_string(db) + " -> " + quote_bytes(reply);
    return false;
  }
  std::vector<std::string> argv = {"SCAN", "0", "COUNT", std::to_string(count)};
  for (;;) {
    if (!call(t, argv, &reply, error)) return false;
    cli::RespValue v;
    if (!parse_one(reply, &v) || v.type != '*' || v.elems.size() != 2 ||
        v.elems[1].type != '*') {
      *error = std::string(t.name()) + ": not a SCAN page: " + quote_bytes(reply);
      return false;
    }
    for (cli::RespValue& k : v.elems[1].elems) keys->insert(std::move(k.str));
    argv[1] = v.elems[0].str;
    if (argv[1] == "0") return true;
  }
}

// The read command for a type and how its reply is compared; nullptr argv for unsupported.
struct TypedRead {
  std::vector<std::string> argv;
  Compare compare = Compare::kExact;
  bool pairs = false;  // a flat RESP2 field/value array compared as a set of pairs
};

bool typed_read(const std::string& type, const std::string& key, TypedRead* out) {
  if (type == "string") *out = {{"GET", key}, Compare::kExact, false};
  else if (type == "list") *out = {{"LRANGE", key, "0", "-1"}, Compare::kExact, false};
  else if (type == "set") *out = {{"SMEMBERS", key}, Compare::kUnordered, false};
  else if (type == "zset") *out = {{"ZRANGE", key, "0", "-1", "WITHSCORES"}, Compare::kExact, false};
  else if (type == "hash") *out = {{"HGETALL", key}, Compare::kUnordered, true};
  else if (type == "stream") *out = {{"XRANGE", key, "-", "+"}, Compare::kExact, false};
  else return false;
  return true;
}

// HGETALL in RESP2 is a flat array: compare it as a set of (field, value) pairs.
std::string pair_key(const std::string& reply) {
  cli::RespValue v;
  if (!parse_one(reply, &v) || v.type != '*' || v.elems.size() % 2 != 0) return reply;
  cli::RespValue map;
  map.type = '%';
  map.elems = std::move(v.elems);
  return comparison_key(Compare::kUnordered, cli::encode_resp(map));
}

bool parse_integer(const std::string& reply, int64_t* out) {
  if (reply.size() < 4 || reply[0] != ':') return false;
  char* end = nullptr;
  *out = std::strtoll(reply.c_str() + 1, &end, 10);
  return end != nullptr && *end == '\r';
}

std::string type_name(const std::string& reply) {
  // "+string\r\n" in both protocols.
  if (reply.size() >= 3 && reply[0] == '+') return reply.substr(1, reply.size() - 3);
  return reply;
}

}  // namespace

bool state_diff(Target& a, Target& b, const StateDiffOptions& options, StateDiffResult* result,
                std::string* error) {
  *result = StateDiffResult{};
  auto add = [&](StateDifference d) {
    ++result->total_differences;
    if (result->differences.size() < options.max_differences) {
      result->differences.push_back(std::move(d));
    }
  };
  for (int db = 0; db < options.databases; ++db) {
    std::set<std::string> ka, kb;
    if (!scan_keys(a, db, options.scan_count, &ka, error)) return false;
    if (!scan_keys(b, db, options.scan_count, &kb, error)) return false;
    result->keys_a += ka.size();
    result->keys_b += kb.size();
    for (const std::string& k : ka) {
      if (!kb.count(k)) add({StateDifference::Kind::kOnlyInA, db, k, "present", "missing"});
    }
    for (const std::string& k : kb) {
      if (!ka.count(k)) add({StateDifference::Kind::kOnlyInB, db, k, "missing", "present"});
    }
    std::string ra, rb;
    for (const std::string& k : ka) {
      if (!kb.count(k)) continue;
      if (!call(a, {"TYPE", k}, &ra, error) || !call(b, {"TYPE", k}, &rb, error)) return false;
      const std::string ta = type_name(ra), tb = type_name(rb);
      if (ta != tb) {
        add({StateDifference::Kind::kType, db, k, ta, tb});
        continue;
      }
      TypedRead read;
      if (!typed_read(ta, k, &read)) {
        add({StateDifference::Kind::kUnsupportedType, db, k, ta, tb});
        continue;
      }
      if (!call(a, read.argv, &ra, error) || !call(b, read.argv, &rb, error)) return false;
      const bool same = read.pairs ? (ra.size() > 0 && ra[0] == '*'
                                          ? pair_key(ra) == pair_key(rb)
                                          : replies_match(read.compare, ra, rb))
                                   : replies_match(read.compare, ra, rb);
      if (!same) {
        add({StateDifference::Kind::kValue, db, k, quote_bytes(ra), quote_bytes(rb)});
        continue;
      }
      if (!call(a, {"PTTL", k}, &ra, error) || !call(b, {"PTTL", k}, &rb, error)) return false;
      int64_t pa = 0, pb = 0;
      if (!parse_integer(ra, &pa) || !parse_integer(rb, &pb)) {
        add({StateDifference::Kind::kTtl, db, k, quote_bytes(ra), quote_bytes(rb)});
        continue;
      }
      const bool ttl_same = (pa < 0 || pb < 0) ? pa == pb
                                               : std::llabs(pa - pb) <= options.ttl_tolerance_ms;
      if (!ttl_same) add({StateDifference::Kind::kTtl, db, k, std::to_string(pa), std::to_string(pb)});
    }
  }
  std::string reply;
  call(a, {"SELECT", "0"}, &reply, error);
  call(b, {"SELECT", "0"}, &reply, error);
  return true;
}

std::string describe(const StateDifference& d, const char* name_a, const char* name_b) {
  std::string s = "db " + std::to_string(d.db) + " key " + quote_bytes(d.key) + ": ";
  switch (d.kind) {
    case StateDifference::Kind::kOnlyInA: return s + "only in " + name_a;
    case StateDifference::Kind::kOnlyInB: return s + "only in " + name_b;
    case StateDifference::Kind::kType: s += "type differs"; break;
    case StateDifference::Kind::kValue: s += "value differs"; break;
    case StateDifference::Kind::kTtl: s += "PTTL differs beyond the tolerance"; break;
    case StateDifference::Kind::kUnsupportedType:
      return s + "unsupported type '" + d.a +
             "': state-diff cannot read its value yet (strings, lists, sets, zsets, hashes "
             "and streams are read); counted as a difference so the gate cannot pass blindly";
  }
  return s + ": " + name_a + " " + d.a + "  " + name_b + " " + d.b;
}

void print_state_diff(std::ostream& out, const StateDiffResult& r, const char* name_a,
                      const char* name_b) {
  for (const StateDifference& d : r.differences) out << "DIFF " << describe(d, name_a, name_b) << "\n";
  if (r.total_differences > r.differences.size()) {
    out << "... and " << (r.total_differences - r.differences.size()) << " more differences\n";
  }
  out << "state-diff: " << name_a << " has " << r.keys_a << " keys, " << name_b << " has "
      << r.keys_b << " keys; " << r.total_differences << " differences\n"
      << (r.same() ? "RESULT: SAME" : "RESULT: DIFFERENT") << "\n";
}

int state_diff_mode(const std::vector<std::string>& args) {
  std::vector<std::string> positional, targets, run;
  std::string value, filter;
  StateDiffOptions options;
  FlagReader flags(args);
  std::string error;
  bool ok = flags.parse(
      &positional,
      [&](const std::string& f) {
        if (f == "--target") return flags.value(&value) && (targets.push_back(value), true);
        if (f == "--run") return flags.value(&value) && (run.push_back(value), true);
        if (f == "--filter") return flags.value(&filter), true;
        if (f == "--ttl-tolerance-ms") {
          return flags.value(&value) && (options.ttl_tolerance_ms = std::atoll(value.c_str()), true);
        }
        if (f == "--databases") {
          return flags.value(&value) && (options.databases = std::atoi(value.c_str()), true);
        }
        return false;
      },
      &error);
  if (ok && !positional.empty()) error = "unexpected argument " + positional[0], ok = false;
  if (ok && targets.size() != 2) error = "state-diff needs exactly two --target", ok = false;
  if (ok && (options.databases < 1 || options.ttl_tolerance_ms < 0)) {
    error = "--databases must be >= 1 and --ttl-tolerance-ms >= 0";
    ok = false;
  }
  if (!ok) {
    std::fprintf(stderr, "kevy-conform state-diff: %s\n", error.c_str());
    return kExitUsage;
  }
  std::vector<CorpusFile> files;
  if (!run.empty()) {
    std::vector<std::string> paths;
    if (!collect_corpus_paths(run, &paths, &error)) {
      std::fprintf(stderr, "kevy-conform state-diff: %s\n", error.c_str());
      return kExitUsage;
    }
    files.resize(paths.size());
    for (size_t i = 0; i < paths.size(); ++i) {
      if (!read_corpus_file(paths[i], &files[i], &error)) {
        std::fprintf(stderr, "kevy-conform state-diff: %s\n", error.c_str());
        return kExitUsage;
      }
    }
  }
  std::unique_ptr<Target> t[2];
  for (int i = 0; i < 2; ++i) {
    bool unavailable = false;
    t[i] = open_target(targets[i], &error, &unavailable);
    if (!t[i]) {
      std::fprintf(stderr, "kevy-conform state-diff: %s%s\n", unavailable ? "SKIPPED: " : "",
                   error.c_str());
      return unavailable ? kExitSkipped : kExitUsage;
    }
  }
  if (!files.empty()) {
    // --run: flush both once, then every step of every (filtered) case back to back, no
    // reset between cases, replies not compared: the keyspaces are what is compared.
    size_t commands = 0;
    for (auto& target : t) {
      if (!target->reset(2, &error)) {
        std::fprintf(stderr, "kevy-conform state-diff: %s\n", error.c_str());
        return kExitUsage;
      }
    }
    std::string reply;
    for (const CorpusFile& f : files) {
      for (const CorpusCase& c : f.cases) {
        if (!filter.empty() && c.id.find(filter) == std::string::npos) continue;
        for (const CorpusStep& s : c.steps) {
          if (s.kind == CorpusStep::Kind::kCommand && !s.argv.empty()) {
            // Protocol switches and FLUSH* would make the runs incomparable / pointless.
            std::string name = s.argv[0];
            for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            if (name == "HELLO" || name == "FLUSHALL" || name == "FLUSHDB" || name == "DEBUG") {
              continue;
            }
          }
          for (auto& target : t) {
            if (!run_step(*target, s, &reply, &error)) {
              std::fprintf(stderr, "kevy-conform state-diff: %s: %s\n", target->name(),
                           error.c_str());
              return kExitUsage;
            }
          }
          ++commands;
        }
        std::string r;
        for (auto& target : t) target->run({"SELECT", "0"}, &r, &error);
      }
    }
    std::printf("ran %zu commands on both targets\n", commands);
  }
  StateDiffResult result;
  if (!state_diff(*t[0], *t[1], options, &result, &error)) {
    std::fprintf(stderr, "kevy-conform state-diff: %s\n", error.c_str());
    return kExitUsage;
  }
  print_state_diff(std::cout, result, t[0]->name(), t[1]->name());
  return result.same() ? kExitOk : kExitDifferences;
}

}  // namespace kevy::conformance
