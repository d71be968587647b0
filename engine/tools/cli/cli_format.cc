#include "cli_format.h"

namespace kevy::cli {
namespace {

// hiredis's REDIS_REPLY_BIGNUM, which redis-cli 7.0.15 names in its error message.
constexpr int kHiredisBignumType = 13;

// cliFormatReplyRaw. Returns false when the reply holds a type redis-cli cannot print.
bool format_raw(const RespValue& r, std::string& out, int* unsupported) {
  if (r.null()) return true;
  switch (r.type) {
    case '-':
      out += r.str;
      out += '\n';
      return true;
    case '+':
    case '$':
    case ':':
    case ',':
      out += r.str;
      return true;
    case '=':
      // hiredis strips the 3-letter format and the colon.
      out += r.str.size() >= 4 ? r.str.substr(4) : std::string();
      return true;
    case '#':
      out += r.str == "t" ? "(true)" : "(false)";
      return true;
    case '*':
    case '~':
    case '>':
      for (size_t i = 0; i < r.elems.size(); ++i) {
        if (i > 0) out += '\n';
        if (!format_raw(r.elems[i], out, unsupported)) return false;
      }
      return true;
    case '%':
      for (size_t i = 0; i + 1 < r.elems.size(); i += 2) {
        if (i > 0) out += '\n';
        if (!format_raw(r.elems[i], out, unsupported)) return false;
        out += ' ';
        if (!format_raw(r.elems[i + 1], out, unsupported)) return false;
      }
      return true;
    case '(':
    default:
      *unsupported = kHiredisBignumType;
      return false;
  }
}

}  // namespace

FormatResult format_reply(const RespValue& reply) {
  FormatResult result;
  if (format_raw(reply, result.text, &result.unsupported)) {
    result.text += '\n';
  } else {
    result.text.clear();
  }
  return result;
}

}  // namespace kevy::cli
