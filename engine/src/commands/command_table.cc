#include "commands/command_table.h"

#include "clients/transaction.h"
#include "commands/args.h"
#include "commands/command_cmds.h"
#include "commands/errors.h"
#include "commands/sort.h"
#include "commands/zsets.h"
#include "commands/zsets_ops.h"

namespace kevy {
namespace {

bool arity_ok(int arity, size_t argc) {
  return arity > 0 ? argc == static_cast<size_t>(arity) : argc >= static_cast<size_t>(-arity);
}

unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

}  // namespace

size_t CommandTable::CiHash::operator()(std::string_view s) const {
  size_t h = 1469598103934665603ULL;
  for (char c : s) h = (h ^ lower(static_cast<unsigned char>(c))) * 1099511628211ULL;
  return h;
}

bool CommandTable::CiEq::operator()(std::string_view a, std::string_view b) const {
  return eq_ci(a, b);
}

const CommandTable& CommandTable::instance() {
  static const CommandTable* table = [] {
    auto* t = new CommandTable();
    register_string_commands(*t);
    register_bitmap_commands(*t);
    register_keyspace_commands(*t);
    register_expire_commands(*t);
    register_server_commands(*t);
    register_list_commands(*t);
    register_hash_commands(*t);
    register_set_commands(*t);
    register_sort_commands(*t);
    register_zset_commands(*t);
    register_zset_ops_commands(*t);
    register_config_commands(*t);
    register_command_commands(*t);
    register_info_commands(*t);
    register_client_commands(*t);
    register_dump_restore_commands(*t);
    register_persist_commands(*t);
    register_memory_commands(*t);
    register_transaction_commands(*t);
    register_pubsub_commands(*t);
    return t;
  }();
  return *table;
}

void CommandTable::add(CommandSpec spec) {
  spec.full_name = std::string(spec.name);
  spec.stats_id = next_stats_id_++;
  for (CommandSpec& sub : spec.subcommands) {
    sub.full_name = spec.full_name + "|" + std::string(sub.name);
    sub.stats_id = next_stats_id_++;
  }
  std::string key = spec.full_name;
  commands_.insert_or_assign(std::move(key), std::move(spec));
}

const CommandSpec* CommandTable::find(std::string_view name) const {
  auto it = commands_.find(name);
  return it == commands_.end() ? nullptr : &it->second;
}

const CommandSpec* CommandTable::resolve(Args argv, Reply* error,
                                         const CommandSpec** rejected) const {
  if (rejected != nullptr) *rejected = nullptr;
  const CommandSpec* spec = find(argv[0]);
  if (spec == nullptr) {
    *error = Reply::error(err::unknown_command(argv[0], argv.data() + 1, argv.size() - 1));
    return nullptr;
  }
  if (!spec->subcommands.empty() && argv.size() >= 2) {
    for (const CommandSpec& sub : spec->subcommands) {
      if (eq_ci(sub.name, argv[1])) {
        if (!arity_ok(sub.arity, argv.size())) {
          *error = Reply::error(err::wrong_arity(sub.full_name));
          if (rejected != nullptr) *rejected = &sub;
          return nullptr;
        }
        return &sub;
      }
    }
    *error = Reply::error(err::unknown_subcommand(argv[1], argv[0]));
    return nullptr;
  }
  if (!arity_ok(spec->arity, argv.size())) {
    *error = Reply::error(err::wrong_arity(spec->full_name));
    if (rejected != nullptr) *rejected = spec;
    return nullptr;
  }
  return spec;
}

std::vector<const CommandSpec*> CommandTable::all() const {
  std::vector<const CommandSpec*> out;
  for (const auto& [name, spec] : commands_) out.push_back(&spec);
  return out;
}

}  // namespace kevy
