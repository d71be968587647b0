// Argument checks and replies shared by the blocking commands (BLPOP BRPOP BRPOPLPUSH BLMOVE
// BLMPOP BZPOPMIN BZPOPMAX BZMPOP). kevy does not block yet: when no key has data these
// commands reply at once what Redis replies when the timeout expires.
#pragma once

#include <cmath>
#include <optional>
#include <string_view>

#include "commands/errors.h"
#include "core/numbers.h"
#include "kevy/reply.h"

namespace kevy {

// Redis's getTimeoutFromObjectOrReply in seconds: a long double (string2ld rules), times
// 1000, rounded up to ms. A value whose ms do not fit a long long converts to LLONG_MIN on
// x86-64 and is then "negative", as are NaN-free infinities. nullopt when the timeout is valid.
inline std::optional<Reply> check_timeout(std::string_view s) {
  auto v = parse_long_double(s);
  if (!v) return Reply::error(err::kTimeoutNotFloat);
  long double ms = std::ceil(*v * 1000.0L);
  if (!(ms < 9223372036854775808.0L) || ms < 0) return Reply::error(err::kTimeoutNegative);
  return std::nullopt;
}

// What a blocking command replies when it would block (the expired-timeout reply).
inline Reply would_block() { return Reply::null_array(); }

}  // namespace kevy
