// String family operations shared by the command handlers (strings.cc) and the typed Store
// API, so both paths run the same code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/context.h"
#include "kevy/status.h"

namespace kevy {

// Makes a string entry with the encoding Redis's tryObjectEncoding picks: "int" for canonical
// 64-bit integers, "embstr" up to 44 bytes, else "raw".
Entry* make_string_entry(std::string_view key, std::string_view value);

// The string at key (nullopt when missing); WRONGTYPE error for other types.
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
// SET's core after argument parsing (setGenericCommand).
Result<SetOutcome> generic_set(CommandContext& ctx, std::string_view key, std::string_view value,
                               const SetArgs& args);

// INCRBY/DECRBY core: the new value, or the not-an-integer / overflow / WRONGTYPE error.
Result<int64_t> incr_by(CommandContext& ctx, std::string_view key, int64_t delta);

std::vector<std::optional<std::string>> mget(CommandContext& ctx, Args keys);
// REQUIRES: kv.size() is even (key, value, key, value...).
void mset(CommandContext& ctx, Args kv);

}  // namespace kevy
