// Set family operations shared by the command handlers (sets.cc) and the typed Store API.
//
// Encodings, as redis-server 7.0.15 leaves them (limit from Options::set_max_intset_entries):
// - A set is "intset" while every member is a canonical int64 text and it has at most
//   set-max-intset-entries members; a non-integer member converts it to "hashtable" before the
//   add, growing past the limit after. Never back. Removing the last member deletes the key.
// - STORE forms and SUNION/SDIFF build their result as an intset first, so an all-integer
//   result of at most the limit is an intset, replied in ascending order.
//
// Every change signals the key (WATCH) and publishes the keyspace events redis-server 7.0.15
// publishes, in its order (class set, "del" generic): see notify_collections_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "commands/context.h"
#include "kevy/status.h"

namespace kevy {

// SADD: the number of members that were new. REQUIRES: !members.empty().
Result<int64_t> set_add(CommandContext& ctx, std::string_view key, Args members);
// SREM: the number removed; the key goes with its last member.
Result<int64_t> set_rem(CommandContext& ctx, std::string_view key, Args members);
// SISMEMBER.
Result<bool> set_is_member(CommandContext& ctx, std::string_view key, std::string_view member);
// SMEMBERS: ascending while intset-encoded; empty for a missing key.
Result<std::vector<std::string>> set_members(CommandContext& ctx, std::string_view key);

}  // namespace kevy
