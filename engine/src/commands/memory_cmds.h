// memory_cmds: the MEMORY command family of redis-server 7.0.15 — USAGE, STATS, DOCTOR,
// MALLOC-STATS, PURGE, HELP (registered by register_memory_commands, command_table.h) — and the
// size of one key that MEMORY USAGE and Store::memory_usage both report.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/keyspace.h"

namespace kevy {

// The heap bytes key holds in db (core/heap.h's model): its Entry with the value and all it
// owns, its share of the key table's slots, and for a key with a TTL its expire-time entry and
// share of the expires table. nullopt when db is out of range or the key is not in the table.
// As Redis's MEMORY USAGE (a plain dictFind), the key is not expired lazily, not stamped as
// accessed and not counted as a hit or miss: a key whose TTL passed still has a size until
// something deletes it. O(1): the value types keep their byte counts.
std::optional<size_t> key_memory_usage(Keyspace& ks, int db, std::string_view key);

}  // namespace kevy
