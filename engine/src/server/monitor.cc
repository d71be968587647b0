#include "server/monitor.h"

#include <cstdio>

#include "commands/args.h"

namespace kevy {

void append_quoted(std::string* out, std::string_view bytes) {
  out->push_back('"');
  for (unsigned char c : bytes) {
    switch (c) {
      case '\\': out->append("\\\\"); break;
      case '"': out->append("\\\""); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\a': out->append("\\a"); break;
      case '\b': out->append("\\b"); break;
      default:
        if (c >= 0x20 && c < 0x7f) {
          out->push_back(static_cast<char>(c));
        } else {
          char hex[5];
          std::snprintf(hex, sizeof hex, "\\x%02x", c);
          out->append(hex);
        }
    }
  }
  out->push_back('"');
}

std::string format_monitor_line(int64_t now_us, int db, std::string_view origin,
                                std::span<const std::string_view> argv) {
  char head[64];
  std::snprintf(head, sizeof head, "+%lld.%06lld [%d ", static_cast<long long>(now_us / 1000000),
                static_cast<long long>(now_us % 1000000), db);
  std::string line(head);
  line.append(origin).append("]");
  const bool auth = !argv.empty() && eq_ci(argv[0], "auth");
  const bool hello = !argv.empty() && eq_ci(argv[0], "hello");
  size_t redact_until = 0;  // HELLO: the two arguments after AUTH, up to this index
  for (size_t i = 0; i < argv.size(); ++i) {
    line.push_back(' ');
    if (hello && i >= 2 && i + 2 < argv.size() && eq_ci(argv[i], "auth")) {
      append_quoted(&line, argv[i]);
      redact_until = i + 3;
      continue;
    }
    if ((auth && i > 0) || i < redact_until) {
      append_quoted(&line, "(redacted)");
    } else {
      append_quoted(&line, argv[i]);
    }
  }
  line.append("\r\n");
  return line;
}

}  // namespace kevy
