// String family operations shared by the command handlers (strings.cc) and the typed Store
// API, so both paths run the same code.
//
// Encodings (what OBJECT ENCODING reports), as redis-server 7.0.15 leaves them:
// - Values stored whole from an argument (SET, SETNX, SETEX, PSETEX, GETSET, MSET, MSETNX,
//   APPEND on a missing key) go through Redis's tryObjectEncoding: "int" for a canonical
//   64-bit integer of at most 20 bytes, else "embstr" up to 44 bytes, else "raw".
// - INCR/DECR/INCRBY/DECRBY store "int".
// - INCRBYFLOAT stores its printed result as a plain string: "embstr" up to 44 bytes, else
//   "raw", even when the result looks like an integer ("10").
// - APPEND and SETRANGE on an existing key always leave "raw" (Redis unshares the value first),
//   even when nothing was appended; SETRANGE creating a key makes "raw". SETRANGE with an empty
//   value changes nothing.
// - GET, GETEX, GETRANGE, STRLEN, LCS never change the encoding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/context.h"
#include "kevy/status.h"
#include "kevy/store.h"

namespace kevy {

// proto-max-bulk-len (512 MiB): no command may grow a string beyond it.
inline constexpr uint64_t kMaxStringBytes = uint64_t{512} << 20;

// Makes a string entry with the encoding Redis's tryObjectEncoding picks: "int" for canonical
// 64-bit integers, "embstr" up to 44 bytes, else "raw".
Entry* make_string_entry(std::string_view key, std::string_view value);

// The string at key (nullopt when missing); WRONGTYPE error for other types. Counts a keyspace
// hit or miss, as GET does.
Result<std::optional<std::string>> string_get(CommandContext& ctx, std::string_view key);

struct SetArgs {
  enum class Condition { kAlways, kNx, kXx } condition = Condition::kAlways;
  std::optional<int64_t> expire_at_ms;  // absolute
  bool keep_ttl = false;
  bool get = false;  // return the old value
};
struct SetOutcome {
  bool applied = false;
  std::optional<std::string> old_value;  // when SetArgs::get
};
// SET's core after argument parsing (setGenericCommand): with `get`, reads the old value first
// (WRONGTYPE aborts before anything changes), then applies NX/XX.
Result<SetOutcome> generic_set(CommandContext& ctx, std::string_view key, std::string_view value,
                               const SetArgs& args);

// Store::set: validates the typed options as SET validates its arguments (syntax error for
// conflicting options, "invalid expire time in 'set' command" for a non-positive or
// overflowing time) and runs generic_set. True when the value was stored.
Result<bool> set_with_options(CommandContext& ctx, std::string_view key, std::string_view value,
                              const SetOptions& opts);

// INCRBY/DECRBY core: the new value, or the not-an-integer / overflow / WRONGTYPE error.
Result<int64_t> incr_by(CommandContext& ctx, std::string_view key, int64_t delta);

// MGET: one entry per key, nullopt for missing keys and keys of other types.
std::vector<std::optional<std::string>> mget(CommandContext& ctx, Args keys);
// REQUIRES: kv.size() is even (key, value, key, value...).
void mset(CommandContext& ctx, Args kv);

}  // namespace kevy
