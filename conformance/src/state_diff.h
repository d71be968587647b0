// state_diff: compares the whole keyspaces of two targets after something ran on them (a
// replay, an AOF or RDB load): for every db, the set of keys (SCAN), each key's TYPE, its value
// read with the type's read command, and its PTTL within a tolerance.
//
// It only calls Target::run() — never reset(), which would flush — so callers run it on
// targets they have already driven (e.g. after replay of the commands, or on a server that
// loaded an AOF). Live targets connect lazily, so a freshly opened resp:// target shows what
// the server holds. It sends SELECT, so each target is left with db 0 selected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "targets.h"

namespace kevy::conformance {

struct StateDiffOptions {
  int databases = 16;               // dbs 0..databases-1
  int64_t ttl_tolerance_ms = 1000;  // |PTTL a - PTTL b| allowed for keys with a TTL
  size_t max_differences = 1000;    // kept in the result (all are counted)
  int scan_count = 1000;            // SCAN COUNT
};

struct StateDifference {
  enum class Kind {
    kOnlyInA,
    kOnlyInB,
    kType,
    kValue,
    kTtl,
    kUnsupportedType,  // a type whose values state_diff cannot read yet
  };
  Kind kind = Kind::kValue;
  int db = 0;
  std::string key;
  std::string a;  // what A has (escaped reply, type name or PTTL)
  std::string b;
};

struct StateDiffResult {
  size_t keys_a = 0;
  size_t keys_b = 0;
  size_t total_differences = 0;
  std::vector<StateDifference> differences;  // the first max_differences
  bool same() const { return total_differences == 0; }
};

// Reads both keyspaces and compares them. False with *error when a target fails (I/O error,
// SELECT refused, a malformed SCAN page); differences are results.
bool state_diff(Target& a, Target& b, const StateDiffOptions& options, StateDiffResult* result,
                std::string* error);

// "db 0 key "k": value differs: A "$1\r\nv\r\n"  B "$1\r\nw\r\n""
std::string describe(const StateDifference& d, const char* name_a, const char* name_b);
void print_state_diff(std::ostream& out, const StateDiffResult& r, const char* name_a,
                      const char* name_b);

}  // namespace kevy::conformance
