// MONITOR's line format: what redis-server 7.0.15 streams to monitoring clients for each
// command it runs, e.g.
//   +1700000000.123456 [0 127.0.0.1:52114] "set" "k" "v"
//   +1700000000.123456 [3 unix:/tmp/redis.sock] "auth" "(redacted)"
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kevy {

// Appends `"bytes"` with Redis's repr escaping (sdscatrepr): \\ \" \n \r \t \a \b, other
// non-printable bytes as \xHH.
void append_quoted(std::string* out, std::string_view bytes);

// The full line, "\r\n" included. `origin` is "ip:port" or "unix:<path>". Secrets are
// redacted as Redis does: every argument of AUTH, and the user and password after HELLO's AUTH.
std::string format_monitor_line(int64_t now_us, int db, std::string_view origin,
                                std::span<const std::string_view> argv);

}  // namespace kevy
