// Generic keyspace operations shared by the command handlers (keyspace.cc, server_cmds.cc) and
// the typed API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/context.h"

namespace kevy {

// DEL / UNLINK: the number of keys removed (expired keys do not count).
int64_t del_keys(CommandContext& ctx, Args keys);
// Counts every argument that names an existing key (duplicates count again). A read that
// counts keyspace hits/misses without touching the keys' access stamps, as Redis's EXISTS.
int64_t exists_keys(CommandContext& ctx, Args keys);

struct ScanRequest {
  uint64_t cursor = 0;
  size_t count = 10;
  std::optional<std::string_view> match;
  std::optional<std::string_view> type;  // compared case-insensitively
};
struct ScanResult {
  uint64_t cursor = 0;
  std::vector<std::string> keys;
};
// SCAN's core: keys visited from cursor, filtered by MATCH, then TYPE, then expiry, in
// Redis's order. The TYPE filter looks each key up (a counted, non-touching read that deletes
// it when expired), so `TYPE none` returns keys that just expired, as Redis 7.0 does.
ScanResult scan_keys(CommandContext& ctx, const ScanRequest& req);

// OBJECT REFCOUNT's answer: Redis shares one object for the integers 0..9999 (refcount
// INT_MAX) unless maxmemory is set with an LRU/LFU policy; every other value has refcount 1.
// REQUIRES: e is a live entry.
int64_t object_refcount(const Keyspace& ks, const Entry* e);

}  // namespace kevy
