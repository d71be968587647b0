// Glob matching with Redis's exact rules (KEYS, SCAN MATCH, later PSUBSCRIBE):
// '*' any run, '?' one byte, '[abc]', '[^a]', '[a-z]' (reversed ranges allowed), '\' escapes
// the next byte. Binary-safe.
#pragma once

#include <string_view>

namespace kevy {

bool glob_match(std::string_view pattern, std::string_view text, bool nocase = false);

}  // namespace kevy
