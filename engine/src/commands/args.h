// Small helpers shared by command handlers: case-insensitive option matching and argument
// parsing that yields Redis's error replies.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "commands/errors.h"
#include <vector>

#include "core/ascii.h"
#include "core/numbers.h"
#include "kevy/reply.h"

namespace kevy {

// A HELP subcommand's reply: one simple string per line, as Redis's addReplyHelp.
template <size_t N>
Reply help_reply(const std::string_view (&lines)[N]) {
  std::vector<Reply> out;
  out.reserve(N);
  for (std::string_view line : lines) out.push_back(Reply::simple(line));
  return Reply::array(std::move(out));
}

// SRANDMEMBER, HRANDFIELD and ZRANDMEMBER with a negative count reply |count| picks (with
// repetition). The whole reply is built in memory before it is sent, so beyond this many picks
// kevy refuses with "value is out of range" instead of exhausting memory; redis-server streams
// any count (corpus/known-divergences.txt).
inline constexpr int64_t kMaxRandomPicks = int64_t{1} << 24;

inline Reply wrong_type() { return Reply::error(err::kWrongType); }
inline Reply syntax_error() { return Reply::error(err::kSyntax); }

// Parses an integer argument; on failure stores the "not an integer" error in *error.
inline std::optional<int64_t> int_arg(std::string_view s, Reply* error) {
  auto v = parse_int64(s);
  if (!v) *error = Reply::error(err::kNotInteger);
  return v;
}

// Redis's getIntFromObjectOrReply: an integer that must also fit in a C int (db indexes).
inline std::optional<int> int32_arg(std::string_view s, Reply* error) {
  auto v = int_arg(s, error);
  if (!v) return std::nullopt;
  if (*v < INT32_MIN || *v > INT32_MAX) {
    *error = Reply::error(err::kIntOutOfRange);
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

}  // namespace kevy
