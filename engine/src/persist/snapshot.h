// Snapshots of a Keyspace on disk — the operations behind SAVE, BGSAVE, DEBUG RELOAD, LASTSAVE,
// INFO persistence and Store::save / bgsave / load_rdb. The file is CONFIG `dir` + `dbfilename`,
// read at each use, so CONFIG SET dir / dbfilename take effect on the next save.
//
// BGSAVE without fork: the keyspace is serialized into memory under the store lock (CPU-bound,
// at memory speed, no I/O), and a BackgroundWriter thread then writes, fsyncs and renames the
// file while commands run. Readers and writers are held up only for the serialization — never
// for the disk — and the file is an exact point-in-time image (no copy-on-write bookkeeping on
// every write path). The cost is a transient buffer the size of the RDB file.
//
// REQUIRES for every function: the store lock.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/keyspace.h"
#include "kevy/status.h"
#include "persist/rdb_file.h"

namespace kevy {

// CONFIG dir + "/" + dbfilename.
std::string snapshot_path(Keyspace& ks);
// rdbcompression, rdbchecksum and used-mem of ks.
rdb::SaveParams snapshot_save_params(Keyspace& ks);

// SAVE: writes the snapshot now. command_error "Background save already in progress" while a
// BGSAVE runs; an io_error when writing failed. On success: no unsaved changes, LASTSAVE now.
Status save_snapshot(Keyspace& ks);

// BGSAVE: serializes now and writes in the background. command_error "Background save already
// in progress" when one runs.
Status start_bgsave(Keyspace& ks);
// Takes the result of a finished BGSAVE into the statistics (LASTSAVE, dirty count, status);
// with `wait`, first waits for a running one. Returns the BGSAVE's outcome (OK when none was
// collected). poll_bgsave is the cheap check the Store runs before every command.
Status collect_bgsave(Keyspace& ks, bool wait = false);
inline void poll_bgsave(Keyspace& ks) {
  if (ks.instance().snapshot.writer.finished()) collect_bgsave(ks);
}

// Loads the RDB file at path into ks as `mode` says (rdb::load_file: all or nothing) and
// records rdb_last_load_keys_loaded / _expired. rdbchecksum decides CRC verification.
Status load_snapshot(Keyspace& ks, const std::string& path, rdb::LoadMode mode,
                     std::function<void(uint64_t, uint64_t)> progress = nullptr,
                     rdb::LoadInfo* info = nullptr);

}  // namespace kevy
