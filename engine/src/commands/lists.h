// List family operations shared by the command handlers (lists.cc) and the typed Store API.
//
// As in redis-server 7.0.15: every list is encoded "quicklist" (OBJECT ENCODING never says
// "listpack" for a list in 7.0), a list emptied by a pop/trim/remove deletes its key, and reads
// (LLEN LRANGE LINDEX LPOS) count keyspace hits and misses while writes do not.
//
// Every change signals the key (WATCH) and publishes the keyspace events redis-server 7.0.15
// publishes, in its order (class list, "del" generic): see notify_collections_test.cc.
//
// Blocking commands (BLPOP BRPOP BRPOPLPUSH BLMOVE BLMPOP) serve data that is there exactly as
// Redis does, with the events of their non-blocking forms; when no key has data they ask the
// Store to block the client (commands/blocking_args.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/context.h"
#include "kevy/status.h"
#include "types/list.h"

namespace kevy {

// LPUSH/RPUSH (create = true) and LPUSHX/RPUSHX (create = false): pushes the values one by one
// at `end` and returns the new length (0 when !create and the key is missing). WRONGTYPE
// error for other types.
Result<int64_t> list_push(CommandContext& ctx, std::string_view key, Args values, ListEnd end,
                          bool create);
// LLEN: 0 for a missing key.
Result<int64_t> list_length(CommandContext& ctx, std::string_view key);
// LRANGE with Redis's index rules (negative from the tail, clamped).
Result<std::vector<std::string>> list_range(CommandContext& ctx, std::string_view key,
                                            int64_t start, int64_t stop);

}  // namespace kevy
