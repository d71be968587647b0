// glob_match against redis-server 7.0.15: every expectation in kKeysCases was recorded by
// storing the text as a key and running KEYS pattern on the oracle; the nocase ones with
// CONFIG GET (which matches without case).
#include "core/glob.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>

namespace kevy {
namespace {

using std::string_view_literals::operator""sv;  // keeps embedded NUL bytes

struct Case {
  std::string_view pattern;
  std::string_view text;
  bool match;
};

constexpr Case kKeysCases[] = {
    {"h?llo"sv, "hello"sv, true},
    {"h?llo"sv, "hllo"sv, false},
    {"h*llo"sv, "hllo"sv, true},
    {"h*llo"sv, "heeeello"sv, true},
    {"h[ae]llo"sv, "hallo"sv, true},
    {"h[ae]llo"sv, "hillo"sv, false},
    {"h[^e]llo"sv, "hallo"sv, true},
    {"h[^e]llo"sv, "hello"sv, false},
    {"h[a-b]llo"sv, "hbllo"sv, true},
    {"h[a-b]llo"sv, "hcllo"sv, false},
    {"[c-a]"sv, "b"sv, true},
    {"[c-a]"sv, "d"sv, false},
    {"[a-"sv, "a"sv, true},
    {"[a-"sv, "-"sv, true},
    {"[abc"sv, "c"sv, true},
    {"[abc"sv, "d"sv, false},
    {"["sv, "["sv, false},
    {"[^"sv, "x"sv, true},
    {"[]"sv, "]"sv, false},
    {"[]]"sv, "]"sv, false},
    {"[a-]"sv, "]"sv, true},
    {"[a-]"sv, "-"sv, false},
    {"\\*"sv, "*"sv, true},
    {"\\*"sv, "a"sv, false},
    {"\\?"sv, "?"sv, true},
    {"a\\"sv, "a\\"sv, true},
    {"\\"sv, "\\"sv, true},
    {"[\\]]"sv, "]"sv, true},
    {"[\\]"sv, "\\"sv, false},
    {"[\\]"sv, "]"sv, true},
    {"[\\"sv, "\\"sv, true},
    {"**"sv, ""sv, false},
    {""sv, ""sv, true},
    {"?"sv, ""sv, false},
    {"a*"sv, "a"sv, true},
    {"*a"sv, "a"sv, true},
    {"a**b"sv, "ab"sv, true},
    {"*?"sv, "a"sv, true},
    {"?*"sv, ""sv, false},
    {"a\x00"
     "*"sv,
     "a\x00"
     "b"sv,
     true},
    {"a?b"sv,
     "a\x00"
     "b"sv,
     true},
    {"[\x00"
     "]"sv,
     "\x00"
     ""sv,
     true},
    {"[a-\xff"
     "]"sv,
     "\xff"
     ""sv,
     true},
    {"[a-\xff"
     "]"sv,
     "b"sv, false},
    {"[a-\xff"
     "]"sv,
     "\x00"
     ""sv,
     true},
    {"[\x80"
     "-\xff"
     "]"sv,
     "\x90"
     ""sv,
     true},
    {"[\x80"
     "-\xff"
     "]"sv,
     "a"sv, false},
    {"[A-z]"sv, "_"sv, true},
    {"[z-A]"sv, "_"sv, true},
    {"h[A-Z]llo"sv, "hello"sv, false},
    {"*["sv, "ab"sv, false},
    {"*[^a]"sv, "ab"sv, true},
    {"a*b*c"sv, "aXbYc"sv, true},
    {"a*b*c"sv, "aXbY"sv, false},
    {"*.txt"sv, "file.txt"sv, true},
    {"*.txt"sv, "file.txt.bak"sv, false},
    {"user:*:name"sv, "user:42:name"sv, true},
};

TEST(GlobTest, MatchesLikeRedisKeys) {
  for (const Case& c : kKeysCases) {
    EXPECT_EQ(glob_match(c.pattern, c.text), c.match)
        << "pattern '" << c.pattern << "' text '" << c.text << "'";
  }
}

// "*" matches only non-empty text by itself: KEYS and SCAN special-case the exact pattern "*".
TEST(GlobTest, EmptyTextMatchesOnlyEmptyPattern) {
  EXPECT_TRUE(glob_match("", ""));
  EXPECT_FALSE(glob_match("*", ""));
  EXPECT_FALSE(glob_match("", "a"));
}

// Recorded with CONFIG GET: ranges are swapped before folding, so [Z-a] folds to [z-a],
// which holds nothing.
TEST(GlobTest, NocaseFoldsAfterOrderingRanges) {
  EXPECT_TRUE(glob_match("MAX*MEMORY", "maxmemory", true));
  EXPECT_FALSE(glob_match("MAX*MEMORY", "maxmemory", false));
  EXPECT_TRUE(glob_match("[L-N]axmemory", "maxmemory", true));
  EXPECT_FALSE(glob_match("[Z-a]axmemory", "maxmemory", true));
}

// Redis fails patterns whose '*' recursion nests deeper than 1000 (checked on the oracle with
// a key of 1100 'a's).
TEST(GlobTest, StarNestingLimit) {
  const std::string text(1100, 'a');
  auto repeat = [](std::string_view unit, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += unit;
    return s;
  };
  EXPECT_TRUE(glob_match(repeat("a*", 1001), text));
  EXPECT_FALSE(glob_match(repeat("a*", 1002), text));
  EXPECT_TRUE(glob_match(repeat("*a", 1000), text));
  EXPECT_FALSE(glob_match(repeat("*a", 1001), text));
}

// Many stars over a long text that cannot match must not take exponential time.
TEST(GlobTest, FailingStarsAreLinearish) {
  const std::string text(20000, 'a');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", text));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

}  // namespace
}  // namespace kevy
