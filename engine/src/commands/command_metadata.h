// Command metadata of redis-server 7.0.15: what COMMAND INFO and COMMAND DOCS print about each
// command and subcommand beyond kevy's table row (ACL categories, tips, key specs, docs).
// The data is generated from corpus/commands.json into command_metadata_data.cc
// (corpus/gen_command_metadata.py) as constant data: nothing is built at start-up.
//
// Lists of names (flags, ACL categories, tips, key-spec flags, argument flags, doc flags) are
// one space-separated string each, in the order Redis prints them; "" is an empty list.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace kevy {

// Where a key spec's search for its first key starts.
enum class BeginSearch : uint8_t {
  kUnknown,  // keys cannot be found from the spec (Redis falls back to command code)
  kIndex,    // at argv[index]
  kKeyword,  // after the first argv[i] equal (case-insensitively) to `keyword`, i searched
             // from `startfrom` forwards, or from argc+startfrom backwards when negative
};

// How a key spec finds its keys from the first one.
enum class FindKeys : uint8_t {
  kUnknown,
  kRange,   // keys first .. last by `keystep`; last = first+lastkey when lastkey >= 0, else
            // argc+lastkey, or (limit > 0) first + (argc-first)/limit + lastkey
  kKeynum,  // argv[first+keynumidx] is the key count; keys start at first+firstkey
};

struct KeySpecMeta {
  std::string_view notes;  // "" when Redis has none
  std::string_view flags;  // "RW access delete"
  BeginSearch begin_search = BeginSearch::kUnknown;
  int index = 0;
  std::string_view keyword;
  int startfrom = 0;
  FindKeys find_keys = FindKeys::kUnknown;
  int lastkey = 0;    // kRange
  int keynumidx = 0;  // kKeynum
  int firstkey = 0;   // kKeynum
  int keystep = 0;    // kRange and kKeynum
  int limit = 0;      // kRange
};

// One argument of COMMAND DOCS' argument tree; "" / -1 / empty mean "not printed".
struct ArgMeta {
  std::string_view name;
  std::string_view type;  // key string integer double pattern unix-time pure-token oneof block
  int key_spec_index = -1;
  std::string_view token;
  std::string_view since;
  std::string_view flags;  // "optional multiple multiple_token"
  std::string_view deprecated_since;
  std::span<const ArgMeta> args;  // members of a oneof / block
};

struct HistoryMeta {
  std::string_view version;
  std::string_view change;
};

struct CommandMeta {
  std::string_view name;  // lowercase; "object|encoding" for subcommands
  // COMMAND INFO as Redis prints it; kevy prints its own row's values, which a unit test
  // keeps equal to these.
  int arity = 0;
  int first_key = 0;
  int last_key = 0;
  int key_step = 0;
  std::string_view flags;           // "write denyoom movablekeys"
  std::string_view acl_categories;  // "@write @string @slow"
  std::string_view tips;            // "nondeterministic_output request_policy:all_shards"
  std::span<const KeySpecMeta> key_specs;
  // COMMAND DOCS; "" / empty fields are not printed.
  std::string_view summary;
  std::string_view since;
  std::string_view group;
  std::string_view complexity;
  std::string_view doc_flags;  // "deprecated syscmd"
  std::string_view deprecated_since;
  std::string_view replaced_by;
  std::span<const HistoryMeta> history;
  std::span<const ArgMeta> args;
};

// Every command and subcommand of redis-server 7.0.15, sorted by name.
std::span<const CommandMeta* const> all_command_meta();

// The metadata of `full_name` ("get", "object|encoding"; lowercase), or nullptr.
const CommandMeta* find_command_meta(std::string_view full_name);

}  // namespace kevy
