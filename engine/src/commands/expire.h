// Expiry operations shared by the command handlers (expire.cc) and the typed API.
#pragma once

#include <cstdint>
#include <string_view>

#include "commands/context.h"

namespace kevy {

enum class ExpireCondition { kAlways, kNx, kXx, kGt, kLt };

// EXPIRE's core with an absolute time in ms: 1 if the TTL was set (or the key deleted because
// the time is already past), 0 if the key is missing or the condition refused.
int expire_at(CommandContext& ctx, std::string_view key, int64_t when_ms, ExpireCondition cond);
// PTTL semantics: -2 missing, -1 no TTL, else remaining ms (>= 0).
int64_t pttl_of(CommandContext& ctx, std::string_view key);

}  // namespace kevy
