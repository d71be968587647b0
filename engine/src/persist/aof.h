// The append-only file of one instance, in Redis 7.0's multi-part layout (persist/aof_manifest.h):
// turning it on at open (load what is there, or create base + increment + manifest), appending
// each execution unit's propagated commands (core/propagation.h) with SELECT on db changes and
// MULTI/EXEC around multi-command units, the three appendfsync policies, BGREWRITEAOF, and
// CONFIG SET appendonly yes/no.
//
// Durability, as redis-server gives it: every unit is written to the file (write(2)) before the
// command returns, so a crash of the process loses nothing the caller saw acknowledged;
// `always` also fsyncs before returning; `everysec` fsyncs from a background thread about once a
// second (a machine crash loses at most ~2 s); `no` leaves flushing to the OS.
//
// Rewrite without fork: under the store lock the keyspace is serialized into memory (an RDB
// preamble, or commands when aof-use-rdb-preamble is no) and a new increment file is opened,
// so later writes go to the new increment while a background thread writes the new base; when
// it is done the manifest is switched atomically (new base + increments since) and the old
// files are retired to history and deleted. A crash at any point leaves a manifest that loads
// every acknowledged write.
//
// REQUIRES for every function: the store lock.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/keyspace.h"
#include "core/propagation.h"
#include "kevy/status.h"

namespace kevy {

// CONFIG dir + "/" + appenddirname.
std::string aof_dir_path(Keyspace& ks);

// Store::open with appendonly yes: loads the AOF in the directory (when there is one) into ks,
// then opens it for appending — creating base, increment and manifest when there were none —
// and activates propagation. On error nothing is open and ks must be discarded.
Status aof_open_at_start(Keyspace& ks, std::function<void(uint64_t, uint64_t)> progress);

// Appends one execution unit (in order; MULTI/EXEC around more than one op). Does nothing when
// the AOF is off. A write error is recorded (INFO aof_last_write_status) and retried with the
// next unit, as Redis does.
void aof_feed_unit(Keyspace& ks, std::vector<PropagatedOp> ops);

// BGREWRITEAOF. command_error with Redis's text when one is already running.
Status aof_start_rewrite(Keyspace& ks);
// Takes a finished rewrite into the manifest; with `wait`, first waits for a running one.
// Returns the rewrite's outcome (OK when none was collected).
Status aof_collect_rewrite(Keyspace& ks, bool wait = false);
bool aof_rewrite_in_progress(Keyspace& ks);

// Cheap per-command housekeeping: collects a finished rewrite.
void aof_poll(Keyspace& ks);

// CONFIG SET appendonly yes: starts appending after a rewrite writes the current data as the
// base. no: stops appending and closes the files.
Status aof_enable(Keyspace& ks);
void aof_disable(Keyspace& ks);

// After CONFIG SET / a config file changed parameters: rereads appendfsync and
// aof-use-rdb-preamble and, for CONFIG SET (from_config_set), turns the AOF on or off to follow
// appendonly. An error means the AOF could not be turned on (appendonly is then still off).
Status aof_apply_config(Keyspace& ks, bool from_config_set);

// fsyncs whatever was written (Store::close, SHUTDOWN); OK when the AOF is off.
Status aof_flush(Keyspace& ks);

}  // namespace kevy
