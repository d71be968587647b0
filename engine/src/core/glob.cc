#include "core/glob.h"

#include <cctype>

namespace kevy {
namespace {

char fold(char c, bool nocase) {
  return nocase ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
}

// Matches a '[...]' class starting after '['; advances p/plen past the class.
// Returns whether c is in the class.
bool match_class(const char*& p, size_t& plen, char c, bool nocase) {
  bool negate = false;
  if (plen > 0 && *p == '^') {
    negate = true;
    ++p;
    --plen;
  }
  bool match = false;
  for (;;) {
    if (plen == 0) break;  // unterminated class: Redis treats the end as closing it
    if (*p == '\\' && plen >= 2) {
      ++p;
      --plen;
      if (*p == c) match = true;
    } else if (*p == ']') {
      break;
    } else if (plen >= 3 && p[1] == '-') {
      unsigned char start = static_cast<unsigned char>(fold(p[0], nocase));
      unsigned char end = static_cast<unsigned char>(fold(p[2], nocase));
      unsigned char x = static_cast<unsigned char>(fold(c, nocase));
      if (start > end) std::swap(start, end);
      if (x >= start && x <= end) match = true;
      p += 2;
      plen -= 2;
    } else if (fold(*p, nocase) == fold(c, nocase)) {
      match = true;
    }
    ++p;
    --plen;
  }
  // Leave p on the closing ']' (or the end) like the other branches leave p on their byte.
  if (plen == 0) {
    --p;
    ++plen;
  }
  return negate ? !match : match;
}

bool match_impl(const char* p, size_t plen, const char* s, size_t slen, bool nocase, int depth) {
  if (depth > 1000) return false;  // pathological patterns: give up like Redis's nesting limit
  while (plen > 0 && slen > 0) {
    switch (*p) {
      case '*':
        while (plen > 1 && p[1] == '*') {
          ++p;
          --plen;
        }
        if (plen == 1) return true;
        while (slen > 0) {
          if (match_impl(p + 1, plen - 1, s, slen, nocase, depth + 1)) return true;
          ++s;
          --slen;
        }
        return false;
      case '?':
        break;
      case '[': {
        ++p;
        --plen;
        if (!match_class(p, plen, *s, nocase)) return false;
        break;
      }
      case '\\':
        if (plen >= 2) {
          ++p;
          --plen;
        }
        [[fallthrough]];
      default:
        if (fold(*p, nocase) != fold(*s, nocase)) return false;
        break;
    }
    ++s;
    --slen;
    ++p;
    --plen;
  }
  if (slen != 0) return false;
  while (plen > 0 && *p == '*') {
    ++p;
    --plen;
  }
  return plen == 0;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text, bool nocase) {
  return match_impl(pattern.data(), pattern.size(), text.data(), text.size(), nocase, 0);
}

}  // namespace kevy
