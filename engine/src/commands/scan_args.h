// Arguments of the per-key SCAN commands (HSCAN SSCAN ZSCAN), read as Redis's
// parseScanCursorOrReply and scanGenericCommand read them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "commands/args.h"
#include "commands/context.h"
#include "core/glob.h"
#include "core/numbers.h"

namespace kevy {

// Redis's parseScanCursorOrReply: strtoull in base 10 over the C string, so "", "+5" and "-1"
// are cursors; a leading space or an overflow is not.
inline std::optional<uint64_t> scan_cursor(std::string_view arg) {
  if (!arg.empty() && std::string_view(" \t\n\v\f\r").find(arg[0]) != std::string_view::npos) {
    return std::nullopt;
  }
  return parse_uint64(arg);
}

// [MATCH pattern] [COUNT count] of a per-key SCAN command.
struct ScanArgs {
  size_t count = 10;
  std::optional<std::string_view> pattern;

  // True when `item` passes MATCH (no pattern and the pattern "*" pass everything).
  bool matches(std::string_view item) const {
    return !pattern || *pattern == "*" || glob_match(*pattern, item);
  }
};

// Parses the options from argv[first] on into *out; later options override earlier ones.
// Returns the error reply for a bad option: "not an integer" for a COUNT that is not one, a
// syntax error for a COUNT below 1, an unknown option or a missing value. Option names are
// compared as C strings (up to a NUL byte), as Redis does.
inline std::optional<Reply> parse_scan_options(Args argv, size_t first, ScanArgs* out) {
  auto is = [](std::string_view arg, std::string_view name) {
    return eq_ci(arg.substr(0, arg.find('\0')), name);
  };
  for (size_t i = first; i < argv.size(); i += 2) {
    if (i + 1 >= argv.size()) return syntax_error();
    if (is(argv[i], "count")) {
      Reply error;
      auto n = int_arg(argv[i + 1], &error);
      if (!n) return error;
      if (*n < 1) return syntax_error();
      out->count = static_cast<size_t>(*n);
    } else if (is(argv[i], "match")) {
      out->pattern = argv[i + 1];
    } else {
      return syntax_error();
    }
  }
  return std::nullopt;
}

}  // namespace kevy
