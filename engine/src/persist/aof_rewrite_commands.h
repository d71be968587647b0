// The AOF base in command form (aof-use-rdb-preamble no): the commands that rebuild a
// Keyspace, byte for byte in the shapes redis-server 7.0.15's rewriteAppendOnlyFileRio writes
// (confirmed with BGREWRITEAOF on the running 7.0.15):
//   for each non-empty db, in order:  SELECT <db>
//   for each key of the db:
//     string  SET <key> <value>                      (an int-encoded value as its decimal text)
//     list    RPUSH <key> <up to 64 elements>        head to tail, repeated per 64
//     set     SADD <key> <up to 64 members>
//     zset    ZADD <key> <score member ...>          up to 64 pairs; scores as "%.17g"
//                                                    ("1.1000000000000001", "3e+20", "inf")
//     hash    HMSET <key> <field value ...>          up to 64 pairs
//     then, when the key has a TTL:  PEXPIREAT <key> <unix ms>
// Command names are upper case, every command is a RESP array of bulk strings. Keys whose TTL
// has passed but which are still in the tables are written too (with their past PEXPIREAT), as
// Redis does. The order of keys (and of set/hash members) is kevy's table order, which is not
// Redis's dict order: files differ in order, not in content. kevy has no functions (so no
// FUNCTION LOAD lines) and no streams.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/keyspace.h"
#include "kevy/status.h"
#include "persist/rdb_file.h"

namespace kevy::aof {

// Redis's AOF_REWRITE_ITEMS_PER_CMD.
constexpr size_t kRewriteItemsPerCmd = 64;

// Appends the commands rebuilding every db of ks to *out. When `drain` is given it is called
// whenever *out holds more than rdb::kDrainBytes (and once at the end), as rdb::serialize does:
// it consumes the bytes and clears *out; its first error stops the rewrite and is returned.
// REQUIRES: the store lock (ks is read throughout).
Status write_commands(Keyspace& ks, std::string* out, const rdb::Drain& drain = nullptr);

// One command as RESP (`*<n>\r\n` then `$<len>\r\n<bytes>\r\n` per argument), appended to *out.
void append_command(std::string* out, std::initializer_list<std::string_view> argv);

}  // namespace kevy::aof
