// kevy::testing values: what seed() writes and dump_keyspace() reads back, one struct per
// Redis type, printable in gtest failure messages.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kevy::testing {

struct List {
  std::vector<std::string> items;  // head first
  bool operator==(const List&) const = default;
};
struct Set {
  std::vector<std::string> members;  // compared as written; dump_keyspace() sorts them
  bool operator==(const Set&) const = default;
};
struct Hash {
  std::vector<std::pair<std::string, std::string>> fields;  // dump_keyspace() sorts by field
  bool operator==(const Hash&) const = default;
};
struct Zset {
  std::vector<std::pair<std::string, double>> members;  // (member, score), by score then member
  bool operator==(const Zset&) const = default;
};
// A string value, a list, a set, a hash or a sorted set.
using Value = std::variant<std::string, List, Set, Hash, Zset>;

// One key as dump_keyspace() and the key matchers see it.
struct KeyDump {
  std::string type;  // TYPE's answer: "string", "list", "set", "hash", "zset" (or another
                     // type, whose value is then left empty)
  Value value;
  std::optional<std::chrono::milliseconds> ttl;  // PTTL; nullopt without a TTL
  bool operator==(const KeyDump&) const = default;
};
// One database: key -> its dump, in key order.
using KeyspaceDump = std::map<std::string, KeyDump>;

void PrintTo(const Value& v, std::ostream* os);
void PrintTo(const KeyDump& k, std::ostream* os);
std::ostream& operator<<(std::ostream& os, const KeyDump& k);

}  // namespace kevy::testing
