// Argument checks and the block request shared by the blocking commands (BLPOP BRPOP
// BRPOPLPUSH BLMOVE BLMPOP BZPOPMIN BZPOPMAX BZMPOP). When no key has data a command asks the
// Store to block the client (Keyspace::block_request(), see Store::execute) and returns the
// reply Redis sends when the timeout expires; the Store sends that reply when the client
// cannot block (inside MULTI/EXEC) or when its timeout passes.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "commands/context.h"
#include "commands/errors.h"
#include "core/numbers.h"
#include "kevy/reply.h"

namespace kevy {

// Redis's getTimeoutFromObjectOrReply in seconds: a long double (string2ld rules), times
// 1000, rounded up to ms. A value whose ms do not fit a long long converts to LLONG_MIN on
// x86-64 and is then "negative", as are NaN-free infinities. nullopt when the timeout is valid;
// then *ms_out (when given) is the timeout in ms, 0 meaning forever.
inline std::optional<Reply> check_timeout(std::string_view s, int64_t* ms_out = nullptr) {
  auto v = parse_long_double(s);
  if (!v) return Reply::error(err::kTimeoutNotFloat);
  long double ms = std::ceil(*v * 1000.0L);
  if (!(ms < 9223372036854775808.0L) || ms < 0) return Reply::error(err::kTimeoutNegative);
  if (ms_out != nullptr) *ms_out = static_cast<int64_t>(ms);
  return std::nullopt;
}

// What BLPOP BRPOP BLMPOP BZPOPMIN BZPOPMAX BZMPOP reply when the timeout expires.
inline Reply would_block() { return Reply::null_array(); }

// Asks the Store to block the client on `keys` (argv entries) for timeout_ms (0: forever), and
// returns `now_reply`, the reply for when it cannot block (inside MULTI/EXEC: a null bulk for
// BRPOPLPUSH/BLMOVE, else a null array). When the timeout passes Redis replies a null array.
template <typename Keys>
Reply block_on(CommandContext& ctx, ReadyType type, const Keys& keys, int64_t timeout_ms,
               Reply now_reply) {
  BlockRequest& req = ctx.ks.block_request();
  req.timeout_reply = Reply::null_array();
  req.wanted = true;
  req.type = type;
  req.keys.assign(keys.begin(), keys.end());
  if (timeout_ms == 0) {
    req.deadline_ms = 0;
  } else {
    // A deadline past the int64 range waits forever in practice; keep it positive.
    req.deadline_ms = timeout_ms > INT64_MAX - ctx.ks.now_ms() ? INT64_MAX
                                                               : ctx.ks.now_ms() + timeout_ms;
  }
  return now_reply;
}

}  // namespace kevy
