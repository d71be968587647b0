// split_args: splits one input line into arguments exactly as redis-cli does (Redis's
// sdssplitargs), so that kevy-cli, the conformance case files and inline requests to kevy-server
// (RequestParser) accept the same syntax:
//
//   set k "a b\x00\n"    ->  {"set", "k", "a b\0\n"}
//   set k 'it\'s'        ->  {"set", "k", "it's"}
//   get "k               ->  error (unbalanced quotes)
//   get "k"x             ->  error (a closing quote must be followed by a space or the end)
//
// Rules (sdssplitargs in Redis 7.0):
// - Blanks between arguments are any isspace() byte; outside quotes an argument ends at
//   ' ', '\n', '\r', '\t' or the end of the line (other bytes such as '\v' are kept).
// - "..." understands \xHH (two hex digits), \n \r \t \b \a, and \<c> = c for any other c.
//   A '\x' not followed by two hex digits is the escape "\x" = "x" followed by the rest.
// - '...' understands only \' = '. Everything else, backslashes included, is literal.
// - A quote may start in the middle of an argument (ab"c d" -> "abc d").
// - The line is a C string in redis-cli: a NUL byte ends it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kevy {

// The arguments of `line`, or nullopt when the quoting is invalid (redis-cli then prints
// "Invalid argument(s)"). An empty or all-blank line gives an empty vector.
std::optional<std::vector<std::string>> split_args(std::string_view line);

}  // namespace kevy
