// Glob matching with Redis's exact rules (stringmatchlen), used by KEYS, SCAN MATCH and later
// PSUBSCRIBE / CONFIG GET. Binary-safe.
//
//   '*'       any run of bytes        '?'      exactly one byte
//   '[abc]'   one of the bytes        '[^a]'   any byte but these
//   '[a-z]'   a range; reversed ranges ('[z-a]') are swapped; bytes >= 0x80 order as signed
//             C chars (so '[a-\xff]' means \xff..'a'), as on the platforms Redis runs on
//   '\x'      the byte x literally, also inside a class; a trailing '\' is a literal '\'
//   an unterminated class ('[abc') ends at the end of the pattern
//
// Quirks kept on purpose: the empty string matches only the empty pattern (Redis tests '*'
// only against non-empty remainders; KEYS and SCAN special-case the pattern "*" themselves);
// with nocase a range is folded after being swapped, so '[Z-a]' matches nothing.
// Star nesting deeper than 1000 fails the match, and a failed tail stops retries of earlier
// stars, so a pattern cannot make a match take exponential time.
#pragma once

#include <string_view>

namespace kevy {

bool glob_match(std::string_view pattern, std::string_view text, bool nocase = false);

}  // namespace kevy
