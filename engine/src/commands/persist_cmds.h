// Snapshot commands: SAVE, BGSAVE [SCHEDULE] (registered by register_persist_commands) and
// DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE] (dispatched from DEBUG in server_cmds.cc), with
// redis-server 7.0.15's replies. The work is in persist/snapshot.h.
#pragma once

#include "commands/context.h"

namespace kevy {

// DEBUG RELOAD: argv[0] = "DEBUG", argv[1] = "RELOAD", then the options.
Reply debug_reload(CommandContext& ctx, Args argv);
// DEBUG LOADAOF: flush the AOF to disk, empty the keyspace and load the AOF back.
Reply debug_loadaof(CommandContext& ctx, Args argv);

}  // namespace kevy
