// Hash family operations shared by the command handlers (hashes.cc) and the typed Store API.
//
// Encodings, as redis-server 7.0.15 leaves them (limits from Options::hash_max_listpack_*):
// - A new hash is "listpack". Writing a field or value longer than hash-max-listpack-value
//   bytes (HSET, HMSET, HSETNX when it sets, HINCRBY/HINCRBYFLOAT with a long field or a long
//   result) converts it to "hashtable" first; growing past hash-max-listpack-entries fields
//   converts it after. HSETNX on an existing field changes nothing, whatever its length.
// - Never back: deleting fields keeps "hashtable". Deleting the last field deletes the key.
// - Reply order is insertion order for a listpack hash (HGETALL, HKEYS, HVALS, HSCAN,
//   HRANDFIELD with a count), which is deterministic in Redis too.
//
// Every change signals the key (WATCH) and publishes the keyspace events redis-server 7.0.15
// publishes, in its order (class hash, "del" generic): see notify_collections_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "commands/context.h"
#include "kevy/status.h"

namespace kevy {

// HSET: sets each field/value pair; the number of fields that were new.
// REQUIRES: field_values.size() is even and not zero.
Result<int64_t> hash_set(CommandContext& ctx, std::string_view key, Args field_values);
// HSET with the pairs given as pairs (the typed Store API), without flattening them first.
// REQUIRES: pairs is not empty.
Result<int64_t> hash_set_pairs(
    CommandContext& ctx, std::string_view key,
    std::span<const std::pair<std::string_view, std::string_view>> pairs);
// HGET: the value, nullopt for a missing key or field.
Result<std::optional<std::string>> hash_get(CommandContext& ctx, std::string_view key,
                                            std::string_view field);
// HGETALL: every pair, in the hash's order (insertion order while listpack-encoded).
Result<std::vector<std::pair<std::string, std::string>>> hash_get_all(CommandContext& ctx,
                                                                       std::string_view key);
// HDEL: the number of fields removed; the key goes when its last field does.
Result<int64_t> hash_del(CommandContext& ctx, std::string_view key, Args fields);

}  // namespace kevy
