// RespValue: a parsed RESP2/RESP3 reply, kept close to the wire (type byte + text) so that
// tools can print it the way redis-cli does and compare replies by shape.
//
// parse_resp() reads one complete reply from the front of a buffer; it is incremental in the
// sense that a truncated buffer yields kIncomplete, so a socket reader can call it again after
// reading more bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kevy::cli {

struct RespValue {
  // The RESP type byte: '+' simple, '-' error, ':' integer, '$' bulk, '*' array, '_' null,
  // ',' double, '#' boolean, '(' big number, '=' verbatim, '%' map, '~' set, '>' push.
  char type = '_';
  // RESP2 "$-1" and "*-1" keep their type byte ('$' / '*') with is_null set; '_' is null too.
  bool is_null = false;
  // The text of simple, error, integer, bulk, double, big number and verbatim ("txt:...")
  // replies, "t"/"f" for booleans.
  std::string str;
  // Elements of aggregates; a map holds key, value, key, value, ...
  std::vector<RespValue> elems;
  // Attributes ('|') that preceded this reply, flattened like a map (usually empty).
  std::vector<RespValue> attributes;

  bool is_aggregate() const {
    return type == '*' || type == '%' || type == '~' || type == '>';
  }
  bool null() const { return is_null || type == '_'; }
};

enum class ParseStatus { kOk, kIncomplete, kMalformed };

// Parses one reply from the front of `in`. On kOk sets *out and *consumed (bytes used).
// Nesting deeper than 64 levels is reported as kMalformed.
ParseStatus parse_resp(std::string_view in, RespValue* out, size_t* consumed);

// The wire bytes for `v` (the inverse of parse_resp, used to re-encode normalised replies).
std::string encode_resp(const RespValue& v);

// `bytes` with everything outside printable ASCII escaped as \r \n \t \\ \" \xHH, for
// failure messages; the result is valid inside double quotes for split_args().
std::string escape_bytes(std::string_view bytes);

}  // namespace kevy::cli
