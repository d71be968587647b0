#include "core/glob.h"

#include <utility>

namespace kevy {
namespace {

// Redis gives up on patterns nesting '*' deeper than this.
constexpr int kMaxStarNesting = 1000;

// A pattern byte as C's plain `char` promoted to int (signed), which is how Redis orders the
// ends of a class range.
int as_c_char(char c) { return static_cast<signed char>(c); }

// ASCII-only tolower: the C locale Redis runs its ctype functions in.
int fold(int c, bool nocase) { return nocase && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

void skip_stars(std::string_view& pat) {
  const size_t n = pat.find_first_not_of('*');
  pat.remove_prefix(n == std::string_view::npos ? pat.size() : n);
}

class GlobMatcher {
 public:
  explicit GlobMatcher(bool nocase) : nocase_(nocase) {}

  bool match(std::string_view pat, std::string_view text, int nesting);

 private:
  bool same_byte(char a, char b) const {
    return fold(as_c_char(a), nocase_) == fold(as_c_char(b), nocase_);
  }
  bool class_contains(std::string_view& pat, char c) const;

  const bool nocase_;
  // Set once the text after some '*' matched nowhere: retrying an earlier '*' on a longer run
  // would need that same tail to match later in the text, so every retry would fail too.
  bool give_up_ = false;
};

// Consumes a class body (pat starts just after '[') through its ']' or, when unterminated, to
// the end of the pattern. True when c is in the class.
bool GlobMatcher::class_contains(std::string_view& pat, char c) const {
  const bool negate = !pat.empty() && pat[0] == '^';
  if (negate) pat.remove_prefix(1);
  bool found = false;
  while (!pat.empty() && pat[0] != ']') {
    if (pat[0] == '\\' && pat.size() >= 2) {
      pat.remove_prefix(1);
      if (pat[0] == c) found = true;  // escaped bytes compare exactly, even with nocase
    } else if (pat.size() >= 3 && pat[1] == '-') {
      int lo = as_c_char(pat[0]);
      int hi = as_c_char(pat[2]);
      if (lo > hi) std::swap(lo, hi);
      const int x = fold(as_c_char(c), nocase_);
      if (x >= fold(lo, nocase_) && x <= fold(hi, nocase_)) found = true;
      pat.remove_prefix(2);
    } else if (same_byte(pat[0], c)) {
      found = true;
    }
    pat.remove_prefix(1);
  }
  if (!pat.empty()) pat.remove_prefix(1);  // the closing ']'
  return found != negate;
}

bool GlobMatcher::match(std::string_view pat, std::string_view text, int nesting) {
  if (nesting > kMaxStarNesting) return false;
  if (text.empty()) return pat.empty();
  while (!pat.empty() && !text.empty()) {
    switch (pat[0]) {
      case '*': {
        skip_stars(pat);
        if (pat.empty()) return true;
        for (; !text.empty(); text.remove_prefix(1)) {
          if (match(pat, text, nesting + 1)) return true;
          if (give_up_) return false;
        }
        give_up_ = true;
        return false;
      }
      case '?':
        pat.remove_prefix(1);
        break;
      case '[':
        pat.remove_prefix(1);
        if (!class_contains(pat, text[0])) return false;
        break;
      case '\\':
        if (pat.size() >= 2) pat.remove_prefix(1);
        [[fallthrough]];
      default:
        if (!same_byte(pat[0], text[0])) return false;
        pat.remove_prefix(1);
        break;
    }
    text.remove_prefix(1);
  }
  if (text.empty()) skip_stars(pat);
  return pat.empty() && text.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text, bool nocase) {
  return GlobMatcher(nocase).match(pattern, text, 0);
}

}  // namespace kevy
