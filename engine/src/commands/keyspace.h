// Generic keyspace operations shared by the command handlers (keyspace.cc) and the typed API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/context.h"

namespace kevy {

int64_t del_keys(CommandContext& ctx, Args keys);
// Counts every argument that names an existing key (duplicates count again).
int64_t exists_keys(CommandContext& ctx, Args keys);

struct ScanRequest {
  uint64_t cursor = 0;
  size_t count = 10;
  std::optional<std::string_view> match;
  std::optional<std::string_view> type;
};
struct ScanResult {
  uint64_t cursor = 0;
  std::vector<std::string> keys;
};
// SCAN's core: keys visited from cursor, filtered by MATCH and TYPE, expired keys skipped.
ScanResult scan_keys(CommandContext& ctx, const ScanRequest& req);

}  // namespace kevy
