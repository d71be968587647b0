// call_command: runs one resolved command the way redis-server's call() does — time the handler,
// record its statistics (commands/command_stats.h), and settle its propagated form
// (core/propagation.h: a write that did not reply with an error propagates its argv unless the
// handler rewrote or prevented it). Store::execute, EXEC and the test fixtures all run commands
// through here, so none of them can forget a step.
//
// REQUIRES: the Store lock is held and ks.begin_command() ran for this command.
#pragma once

#include "commands/command_table.h"
#include "commands/context.h"

namespace kevy {

// record_stats false: the command's statistics are not counted (a blocked command served by
// running it again was counted when it first ran, as Redis counts it once).
Reply call_command(CommandContext& ctx, const CommandSpec& spec, Args argv,
                   bool record_stats = true);

}  // namespace kevy
