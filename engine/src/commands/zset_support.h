// Shared pieces of the sorted-set commands (zsets.cc, zsets_ops.cc): key access with Redis's
// type checks, creation with Redis's encoding rules, and the score reply.
#pragma once

#include <cstddef>
#include <string_view>

#include "commands/context.h"
#include "kevy/status.h"
#include "types/zset.h"

namespace kevy {

// zset-max-listpack-entries / -value from the store's Options.
ZsetLimits zset_limits(const Keyspace& ks);

inline ZsetValue* zset_of(Entry* e) { return static_cast<ZsetValue*>(e->object()); }

// The zset at key for a read: nullptr when missing, WRONGTYPE for another type.
Result<ZsetValue*> read_zset(CommandContext& ctx, std::string_view key);
// The entry at key for a write (nullptr when missing), WRONGTYPE for another type.
Result<Entry*> write_zset_entry(CommandContext& ctx, std::string_view key);
// Adds an empty zset under key (which must be missing), as ZADD creates it in 7.0: skiplist
// when zset-max-listpack-entries is 0 or the first member is longer than
// zset-max-listpack-value, else listpack.
Entry* create_zset(CommandContext& ctx, std::string_view key, std::string_view first_member);
// Stores `value` under key, replacing whatever is there (STORE forms), or deletes key when the
// value is empty. Returns the stored size. An empty value with no key to delete changed
// nothing: the running command is not propagated (core/propagation.h). Key events as Redis's
// STORE forms: a stored value signals the key and publishes `event` (class zset: "zrangestore"
// "zunionstore" "zinterstore" "zdiffstore"); a deleted key is signalled with a generic "del".
size_t store_zset(CommandContext& ctx, std::string_view key, std::unique_ptr<ZsetValue> value,
                  std::string_view event);
// After a change: keeps the Entry's encoding bits in step with the value's, and deletes the
// key when its zset is empty. True when it deleted the key (callers publish "del" after their
// own event).
bool after_zset_write(CommandContext& ctx, std::string_view key, Entry* e);

// A score as Redis replies it: RESP2 bulk "%.17g" (inf/-inf), RESP3 double.
inline Reply score_reply(double score) { return Reply::dbl(score); }

}  // namespace kevy
