// Expiry operations shared by the command handlers (expire.cc) and the typed API.
#pragma once

#include <cstdint>
#include <string_view>

#include "commands/context.h"

namespace kevy {

// EXPIRE's NX/XX/GT/LT options as bits; every given condition must hold (XX|LT refuses a key
// without TTL, LT alone accepts it). The command rejects NX with any other and GT with LT.
enum ExpireFlag : uint32_t { kExpireNx = 1u << 0, kExpireXx = 1u << 1, kExpireGt = 1u << 2,
                             kExpireLt = 1u << 3 };

// EXPIRE's core with an absolute time in ms: 1 if the TTL was set (or the key deleted because
// the time is already past), 0 if the key is missing or a condition refused.
int expire_at(CommandContext& ctx, std::string_view key, int64_t when_ms, uint32_t flags = 0);
// PTTL semantics: -2 missing, -1 no TTL, else remaining ms (>= 0).
int64_t pttl_of(CommandContext& ctx, std::string_view key);
// PEXPIRETIME semantics: -2 missing, -1 no TTL, else the absolute expire time in ms.
int64_t pexpiretime_of(CommandContext& ctx, std::string_view key);
// PERSIST: true if the key existed and lost its TTL.
bool persist_key(CommandContext& ctx, std::string_view key);
// TTL's conversion of a PTTL result to seconds: negative codes pass through, times round
// half up (1499 ms -> 1 s, 1500 ms -> 2 s).
int64_t rounded_seconds(int64_t ms);

}  // namespace kevy
