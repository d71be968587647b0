// CommandTable: one declarative row per command — name, arity, flags, key positions, handler,
// since — and the dispatch checks (unknown command, unknown subcommand, arity) with Redis's
// exact error texts. COMMAND, key extraction and docs are derived from these rows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "commands/context.h"

namespace kevy {

// Redis command flags (the names COMMAND INFO prints).
enum CommandFlag : uint32_t {
  kCmdWrite = 1u << 0,
  kCmdReadonly = 1u << 1,
  kCmdDenyOom = 1u << 2,
  kCmdAdmin = 1u << 3,
  kCmdPubsub = 1u << 4,
  kCmdNoscript = 1u << 5,
  kCmdBlocking = 1u << 6,
  kCmdLoading = 1u << 7,
  kCmdStale = 1u << 8,
  kCmdSkipMonitor = 1u << 9,
  kCmdSkipSlowlog = 1u << 10,
  kCmdFast = 1u << 11,
  kCmdNoAuth = 1u << 12,
  kCmdMayReplicate = 1u << 13,
  kCmdNoMulti = 1u << 14,
  kCmdAllowBusy = 1u << 15,
  kCmdNoMandatoryKeys = 1u << 16,
  kCmdNoAsyncLoading = 1u << 17,
  kCmdAsking = 1u << 18,
  // Internal, never printed (Redis 7.0's CMD_TOUCHES_ARBITRARY_KEYS): SCAN, RANDOMKEY. Keys
  // such a command finds expired are propagated one DEL at a time, not as one transaction.
  kCmdTouchesArbitraryKeys = 1u << 19,
};

struct CommandSpec {
  std::string_view name;  // lowercase, e.g. "get"; subcommands "encoding"
  int arity = 0;          // Redis arity: >0 exact argc, <0 at least -arity
  uint32_t flags = 0;
  int first_key = 0;  // 0: no keys
  int last_key = 0;   // -1: last argument
  int key_step = 0;
  Handler handler = nullptr;
  std::string_view since;  // Redis version that introduced it
  std::string_view group;  // "string", "keyspace", "generic", "server", ...
  std::vector<CommandSpec> subcommands;  // non-empty for containers (OBJECT, CONFIG)
  std::string full_name;  // "get", "object|encoding"; filled in by CommandTable::add
  // Dense index of this row (subcommands included) for per-command statistics
  // (core/server_stats.h); filled in by CommandTable::add, below stats_id_count().
  size_t stats_id = 0;
};

class CommandTable {
 public:
  // The table with every command kevy implements.
  static const CommandTable& instance();

  void add(CommandSpec spec);
  // Case-insensitive lookup of a top-level command; nullptr if unknown.
  const CommandSpec* find(std::string_view name) const;
  // The row to run for argv (descending into a subcommand), or nullptr with *error set to
  // Redis's reply for an unknown command/subcommand or a wrong argument count.
  // REQUIRES: !argv.empty().
  // When the command exists but its argument count is wrong, *rejected (if given) is set to
  // the row that refused it (INFO commandstats' rejected_calls); else to nullptr.
  const CommandSpec* resolve(Args argv, Reply* error,
                             const CommandSpec** rejected = nullptr) const;
  // One more than the highest CommandSpec::stats_id.
  size_t stats_id_count() const { return next_stats_id_; }
  size_t size() const { return commands_.size(); }
  std::vector<const CommandSpec*> all() const;

 private:
  struct CiHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const;
  };
  struct CiEq {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const;
  };
  std::unordered_map<std::string, CommandSpec, CiHash, CiEq> commands_;
  size_t next_stats_id_ = 0;
};

// Adds the rows of one command family. Most commands take one key at argv[1], the default:
//   FamilyRows add(t, "string");
//   add("get", 2, kCmdReadonly | kCmdFast, get_command, "1.0.0");
//   add("mget", -2, kCmdReadonly | kCmdFast, mget_command, "1.0.0", 1, -1);
// A row with first_key 0 has no keys (step 0); other shapes go through CommandTable::add.
class FamilyRows {
 public:
  FamilyRows(CommandTable& t, std::string_view group) : t_(t), group_(group) {}
  void operator()(std::string_view name, int arity, uint32_t flags, Handler handler,
                  std::string_view since, int first_key = 1, int last_key = 1) {
    t_.add({.name = name, .arity = arity, .flags = flags, .first_key = first_key,
            .last_key = last_key, .key_step = first_key == 0 ? 0 : 1, .handler = handler,
            .since = since, .group = group_});
  }

 private:
  CommandTable& t_;
  std::string_view group_;
};

// One registration function per command family (commands/<family>.cc).
void register_string_commands(CommandTable& t);
void register_bitmap_commands(CommandTable& t);
void register_keyspace_commands(CommandTable& t);
void register_expire_commands(CommandTable& t);
void register_server_commands(CommandTable& t);
void register_list_commands(CommandTable& t);
void register_hash_commands(CommandTable& t);
void register_set_commands(CommandTable& t);
void register_config_commands(CommandTable& t);
void register_info_commands(CommandTable& t);
void register_client_commands(CommandTable& t);
void register_dump_restore_commands(CommandTable& t);
void register_persist_commands(CommandTable& t);  // persist_cmds.cc: SAVE BGSAVE
void register_memory_commands(CommandTable& t);   // memory_cmds.cc: MEMORY
void register_pubsub_commands(CommandTable& t);   // pubsub_cmds.cc: (P|S)(UN)SUBSCRIBE, PUBLISH...

}  // namespace kevy
