// Parsing and printing of CONFIG parameter values with redis-server 7.0.15's exact rules: what
// each kind of parameter accepts, the reason CONFIG SET gives when it does not, and the
// canonical text CONFIG GET prints back (memory in bytes, enums lowercase, flag letters in
// Redis's order...). Pure functions; the registry (config_registry.h) keeps the values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config_params.h"

namespace kevy::config {

// What a value is parsed against besides its own text.
struct ParseInput {
  std::string_view text;
  // The parameter's current canonical value (client-output-buffer-limit updates only the
  // classes it names).
  std::string_view current;
  // From a config file at startup rather than CONFIG SET (dir must then exist).
  bool from_file = false;
  // For proc-title-template's {unixsocket}: the current unixsocket value.
  std::string_view unixsocket;
};

// Parses in.text as a value of `spec`. On success returns an empty string and sets *canonical
// to what CONFIG GET will print; otherwise returns CONFIG SET's reason, e.g. "argument must be
// a memory value". Immutability and protection are the caller's business.
std::string parse_value(const ParamSpec& spec, const ParseInput& in, std::string* canonical);

// Redis's memtoull: decimal digits (fewer than 128; none means 0) then an optional unit b, k,
// kb, m, mb, g or gb in any case (k = 1000, kb = 1024). The digits saturate at 2^64-1 and the
// product wraps, as in Redis. Signs, blanks and fractions are refused.
std::optional<uint64_t> parse_memory(std::string_view s);
// strtoll over the text with a check that it was all consumed: leading blanks, a sign and
// leading zeros are allowed, overflow saturates, and "" is 0.
std::optional<int64_t> parse_strtoll(std::string_view s);
// The text split at every ' ' (sdssplitlen): "" gives no parts, "a  b" gives "a", "", "b".
std::vector<std::string_view> split_spaces(std::string_view s);

// What CONFIG REWRITE writes for a memory value: "1gb", "64mb", "3kb", else bytes.
std::string format_memory_units(uint64_t bytes);
// A double as latency-tracking-info-percentiles prints it: "%f" without trailing zeros.
std::string format_percentile(double v);
// Redis's sdscatrepr: the text in double quotes with \n \r \t \a \b \\ \" escapes and \xHH for
// other unprintable bytes.
std::string quote_repr(std::string_view s);

// client-output-buffer-limit, one class: hard and soft limits in bytes, soft seconds.
struct BufferLimit {
  uint64_t hard = 0;
  uint64_t soft = 0;
  int64_t soft_seconds = 0;
  bool operator==(const BufferLimit&) const = default;
};
// The three classes (normal, replica, pubsub) of a canonical client-output-buffer-limit value.
// REQUIRES: canonical came from parse_value (or is the default).
std::vector<BufferLimit> parse_buffer_limits(std::string_view canonical);
// The doubles of a canonical latency-tracking-info-percentiles value.
std::vector<double> parse_percentiles(std::string_view canonical);

}  // namespace kevy::config
