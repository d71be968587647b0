// Key extraction as COMMAND GETKEYS / GETKEYSANDFLAGS of redis-server 7.0.15 do it: first
// from the command's key specs (command_metadata.h), and, when a spec cannot say (an
// 'unknown' or 'incomplete' spec, flags that depend on the arguments, or arguments the specs
// reject), from the per-command rules Redis keeps in code for SORT, SORT_RO, SET, BITFIELD,
// MIGRATE and the numkeys commands (ZUNION..., *MPOP, *INTERCARD, EVAL/FCALL). GEORADIUS and
// XREAD's own rules are not modelled: their specs answer whenever the arguments are valid.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "commands/command_metadata.h"
#include "commands/context.h"

namespace kevy {

struct KeyRef {
  size_t pos = 0;          // index in argv (argv[0] is the command name)
  std::string_view flags;  // key-spec flag names ("RW access delete"); "" when Redis's
                           // per-command rule gives none
};

// Whether Redis considers the command to take keys at all ("The command has no key
// arguments" otherwise): a key spec that is not `not_key`, or a per-command rule.
bool command_has_keys(const CommandMeta& meta);

// The keys of argv, a full command line (argv[0] = meta's command, argv[1] its subcommand
// for subcommands), in Redis's order. Empty when the arguments give no keys.
// REQUIRES: argv has a count the command's arity admits.
std::vector<KeyRef> command_keys(const CommandMeta& meta, Args argv);

}  // namespace kevy
