// The COMMAND family (COMMAND, COUNT, INFO, DOCS, LIST, GETKEYS, GETKEYSANDFLAGS, HELP): kevy's
// CommandTable rows joined with Redis's metadata (command_metadata.h). Only commands in the
// table appear; lists of all commands are sorted by name (Redis's own order is its hash
// table's, random per process).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "commands/command_table.h"

namespace kevy {

struct CommandFlagName {
  uint32_t bit;  // 0: a flag kevy's rows never carry (module), or derived (movablekeys)
  std::string_view name;
};

// Every flag name COMMAND INFO of redis-server 7.0.15 can print, in the order it prints them.
std::span<const CommandFlagName> command_flag_order();

// The flags COMMAND INFO prints for a row: its flag bits by name, in Redis's order, with
// `movablekeys` when a key spec of the command is not "argv index + fixed range".
std::vector<std::string_view> command_flag_names(const CommandSpec& row);

void register_command_commands(CommandTable& t);

}  // namespace kevy
