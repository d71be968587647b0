// InstanceState: what one kevy instance keeps besides its keys — the CONFIG parameters, the
// statistics INFO/SLOWLOG report, and when it started. One per Keyspace (one per Store), so
// commands reach it through ctx.ks.instance() and tests get a fresh one with each Keyspace.
//
// Thread-safety: as the Keyspace — only under the Store's lock.
#pragma once

#include <cstdint>

#include "core/config_registry.h"
#include "core/server_stats.h"
#include "persist/aof_state.h"
#include "persist/snapshot_state.h"

namespace kevy {

struct InstanceState {
  // Clock time (Unix ms) when the store was opened: INFO uptime, LASTSAVE before any save.
  int64_t start_ms = 0;
  // Unix seconds of the last successful save (LASTSAVE); the start time until one happens.
  int64_t lastsave_s = 0;
  // Every CONFIG parameter (core/config_registry.h).
  ConfigRegistry config;
  // Command, error and slow-command statistics (core/server_stats.h).
  ServerStats stats;
  // RDB snapshot statistics and the BGSAVE writer (persist/snapshot_state.h).
  SnapshotState snapshot;
  // The append-only file (persist/aof_state.h).
  AofState aof;
};

}  // namespace kevy
