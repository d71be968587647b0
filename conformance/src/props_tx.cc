// props: the MULTI model (which commands open, are queued in, run or end a transaction) that
// the generator uses to keep "@scan" out of transactions and to close them, and that the
// runner uses to compare EXEC's array element by element with each queued command's own
// comparison. The rules are redis-server 7.0.15's, checked against it:
//   MULTI inside MULTI    -ERR MULTI calls can not be nested   (run at once, not queued)
//   WATCH k inside MULTI  -ERR WATCH inside MULTI is not allowed (run at once, not queued)
//   EXEC x inside MULTI   -EXECABORT ... wrong number of arguments ... (transaction ended)
//   DISCARD x inside      -ERR wrong number of arguments (queue-time error; still inside)
#include <cctype>
#include <cstdlib>

#include "props_internal.h"

namespace kevy::conformance::props {
namespace {

bool named(const std::vector<std::string>& argv, std::string_view name) {
  if (argv.empty() || argv[0].size() != name.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(argv[0][i])) != name[i]) return false;
  }
  return true;
}

// The length of the one RESP2/RESP3 reply starting at s[pos], or 0 when it does not parse.
size_t reply_length(std::string_view s, size_t pos, int depth = 0) {
  if (pos >= s.size() || depth > 64) return 0;
  const size_t eol = s.find("\r\n", pos);
  if (eol == std::string_view::npos) return 0;
  const size_t line = eol + 2 - pos;
  const char type = s[pos];
  switch (type) {
    case '+': case '-': case ':': case '_': case ',': case '#': case '(':
      return line;
    case '$': case '!': case '=': {
      const long n = std::strtol(std::string(s.substr(pos + 1, eol - pos - 1)).c_str(),
                                 nullptr, 10);
      if (n < 0) return line;  // $-1: a RESP2 null
      const size_t end = eol + 2 + static_cast<size_t>(n) + 2;
      return end <= s.size() ? end - pos : 0;
    }
    case '*': case '~': case '>': case '%': {
      long n = std::strtol(std::string(s.substr(pos + 1, eol - pos - 1)).c_str(), nullptr, 10);
      if (n < 0) return line;  // *-1
      if (type == '%') n *= 2;
      size_t at = eol + 2;
      for (long i = 0; i < n; ++i) {
        const size_t len = reply_length(s, at, depth + 1);
        if (len == 0) return 0;
        at += len;
      }
      return at - pos;
    }
    default:
      return 0;  // attributes ('|') and anything unknown: not split
  }
}

// The elements of `reply` when it is exactly one array ("*N", N >= 0).
bool array_elements(std::string_view reply, std::vector<std::string_view>* out) {
  out->clear();
  if (reply.empty() || reply[0] != '*' || reply_length(reply, 0) != reply.size()) return false;
  const size_t eol = reply.find("\r\n");
  const long n = std::strtol(std::string(reply.substr(1, eol - 1)).c_str(), nullptr, 10);
  if (n < 0) return false;
  size_t at = eol + 2;
  for (long i = 0; i < n; ++i) {
    const size_t len = reply_length(reply, at);
    out->push_back(reply.substr(at, len));
    at += len;
  }
  return true;
}

}  // namespace

TxRole tx_role(bool in_multi, const std::vector<std::string>& argv) {
  const bool alone = argv.size() == 1;
  if (!in_multi) return named(argv, "MULTI") && alone ? TxRole::kOpen : TxRole::kPlain;
  if (named(argv, "EXEC")) return alone ? TxRole::kExec : TxRole::kEnd;
  if (named(argv, "DISCARD") && alone) return TxRole::kEnd;
  if ((named(argv, "MULTI") && alone) || (named(argv, "WATCH") && !alone)) {
    return TxRole::kImmediate;
  }
  return TxRole::kQueued;
}

bool tx_in_multi_after(bool in_multi, TxRole r) {
  switch (r) {
    case TxRole::kOpen: return true;
    case TxRole::kExec:
    case TxRole::kEnd: return false;
    default: return in_multi;
  }
}

bool exec_replies_match(const std::vector<Compare>& queued, std::string_view a,
                        std::string_view b) {
  std::vector<std::string_view> ea, eb;
  if (!array_elements(a, &ea) || !array_elements(b, &eb) || ea.size() != queued.size() ||
      eb.size() != queued.size()) {
    return a == b;
  }
  for (size_t i = 0; i < queued.size(); ++i) {
    if (!replies_match(queued[i], ea[i], eb[i])) return false;
  }
  return true;
}

Compare loosest(const std::vector<Compare>& queued) {
  // A multiset comparison applies to a whole reply, not to one element of EXEC's array: any
  // loosened element loosens the whole array to its shape.
  for (Compare c : queued) {
    if (c != Compare::kExact) return Compare::kShape;
  }
  return Compare::kExact;
}

}  // namespace kevy::conformance::props
