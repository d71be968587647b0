// Loading a Redis 7.0 multi-part AOF into a Keyspace, as redis-server 7.0.15's
// loadAppendOnlyFiles does: read the manifest, load the base, then replay every incremental
// file in order through the command table with the keyspace in loading mode (nothing expires,
// nothing is propagated). History files are never opened. Each file is replayed by a fresh
// client (db 0, no open MULTI). A file starting with "REDIS" is an RDB image (the
// aof-use-rdb-preamble base, or an old-style preamble AOF), loaded with expired keys kept,
// and any commands after the image are replayed too. MULTI ... EXEC blocks are queued by the
// loader and applied at EXEC; commands replying an error are counted and skipped (Redis logs
// them and goes on).
//
// A cut last command, or a MULTI without EXEC, at the end of the LAST file is Redis's
// "truncated AOF": with aof-load-truncated yes the file is truncated (ftruncate) to the end of
// the last whole command outside a block and loading succeeds (reported in LoadInfo); with no
// it is an error. Anything else malformed — bad RESP, an unknown command, a wrong argument
// count, a cut in an earlier file, a bad RDB image — is a corruption Status naming the file and
// byte offset; a listed file that is missing or unreadable is an io_error. On any error the
// caller must discard the keyspace. Details and the few deviations from Redis: aof_load.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/keyspace.h"
#include "kevy/status.h"
#include "persist/aof_manifest.h"

namespace kevy::aof {

struct LoadParams {
  bool load_truncated = true;  // aof-load-truncated
  bool verify_checksum = true;  // rdbchecksum, for an RDB base
  // Called with (bytes read, total bytes of all files) now and then and at the end.
  std::function<void(uint64_t, uint64_t)> progress;
};

struct LoadInfo {
  Manifest manifest;             // as read
  uint64_t commands = 0;         // commands replayed from AOF files (base and increments)
  uint64_t base_keys = 0;        // keys loaded from an RDB base (or RDB preamble)
  // Replayed commands that replied with an error (e.g. EXEC without MULTI, SELECT of a db out
  // of range). Redis logs them and goes on; so does kevy. first_error is the first reply.
  uint64_t errors = 0;
  std::string first_error;
  bool truncated = false;        // a cut tail was removed from the last file
  std::string truncated_file;    // which file, and the size it was cut to
  uint64_t truncated_to = 0;
};

// Loads the AOF whose manifest is <dir>/<prefix>.manifest (dir is CONFIG dir + appenddirname)
// into ks, which should hold no keys. not_found when the manifest does not exist; an empty
// AOF (no files) loads nothing and succeeds. REQUIRES: the store lock.
Status load(Keyspace& ks, const std::string& dir, std::string_view prefix,
            const LoadParams& params, LoadInfo* info);

// An old single-file AOF (Redis < 7.0: <config dir>/<prefix>, maybe with an RDB preamble) is
// migrated into the AOF directory as redis-server 7.0.15 does at startup (aofUpgradePrepare),
// so that load() then reads it as the base. Done when <config_dir>/<prefix> exists and either
// aof_dir does not exist, or its manifest is missing or names no base and no increment, or it
// names only a base called <prefix> that is not in aof_dir. Steps: create aof_dir, write a
// manifest holding `file <prefix> seq 1 type b` (history entries kept), move the file in.
// *upgraded tells whether it happened. A crash in between leaves a state this function (or
// Redis) completes on the next start. Errors: io_error with Redis's wording; a malformed
// manifest gives parse_manifest's corruption Status.
Status upgrade_old_style(const std::string& config_dir, const std::string& aof_dir,
                         std::string_view prefix, bool* upgraded);

}  // namespace kevy::aof
