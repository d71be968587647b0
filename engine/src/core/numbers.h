// Number parsing and formatting with redis-server's exact rules (what counts as an integer or a
// float, how doubles and long doubles print). Every command that reads or prints a number
// goes through here so the edge cases (leading zeros, "+1", " 1", "-0", overflow) agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kevy {

// Redis's string2ll: optional '-', no '+', no spaces, no leading zeros (except "0"), fits int64.
std::optional<int64_t> parse_int64(std::string_view s);
// A SCAN cursor as Redis reads it (strtoull over the C string): the text ends at the first NUL;
// "" is 0; an optional '+' or '-' (which negates modulo 2^64, so "-1" is UINT64_MAX), then
// decimal digits, leading zeros allowed; no spaces; nullopt beyond UINT64_MAX.
std::optional<uint64_t> parse_uint64(std::string_view s);
// Redis's string2d: strtod over the whole string (any length, NUL bytes refused), no leading
// space, no NaN; "inf" is accepted; overflow and underflow to zero are refused.
std::optional<double> parse_double(std::string_view s);
// Redis's string2ld (INCRBYFLOAT): like parse_double, in long double, and texts of 5120 bytes
// or more are refused.
std::optional<long double> parse_long_double(std::string_view s);

// "%.17g" with "inf", "-inf" and "nan" as redis-server prints doubles in replies.
std::string format_double_reply(double d);
// Redis's ld2string(LD_STR_HUMAN): "%.17Lf", trailing zeros and '.' removed, "-0" -> "0".
std::string format_long_double_human(long double v);
// Decimal text of v; REQUIRES buf has room for 21 bytes. Returns the length written.
size_t format_int64(int64_t v, char* buf);

}  // namespace kevy
