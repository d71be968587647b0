// split_args must split exactly like redis-cli 7.0.15 (sdssplitargs). The expectations were
// recorded by piping the same lines into redis-cli against redis-server 7.0.15.
#include "resp/split_args.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kevy {
namespace {

using Args = std::vector<std::string>;

Args split_ok(std::string_view line) {
  auto r = split_args(line);
  EXPECT_TRUE(r.has_value()) << "line: " << line;
  return r.value_or(Args{"<invalid>"});
}

TEST(SplitArgsTest, PlainWordsAndBlanks) {
  EXPECT_EQ(split_ok("set k v"), (Args{"set", "k", "v"}));
  EXPECT_EQ(split_ok("  ping  "), (Args{"ping"}));
  EXPECT_EQ(split_ok("a\tb\r\n"), (Args{"a", "b"}));
  EXPECT_EQ(split_ok(""), Args{});
  EXPECT_EQ(split_ok("   \t "), Args{});
}

TEST(SplitArgsTest, VerticalTabAndFormFeedAreBlanksOnlyBetweenArguments) {
  // isspace() skips them before an argument, but only ' ' \n \r \t end an argument.
  EXPECT_EQ(split_ok("\v\fa\vb c"), (Args{"a\vb", "c"}));
}

TEST(SplitArgsTest, DoubleQuoteEscapes) {
  EXPECT_EQ(split_ok(R"(set v "\a\b\t\n\r")"), (Args{"set", "v", "\a\b\t\n\r"}));
  EXPECT_EQ(split_ok(R"("\x41\x4a\x4B\x00z")"), (Args{std::string("AJK\0z", 5)}));
  EXPECT_EQ(split_ok(R"("\q\"")"), (Args{"q\""}));
  EXPECT_EQ(split_ok(R"("a\\b")"), (Args{"a\\b"}));
}

TEST(SplitArgsTest, IncompleteHexEscapeIsAPlainEscape) {
  // "\x4g": not two hex digits, so "\x" is the escape for "x".
  EXPECT_EQ(split_ok(R"(set a "\x4g")"), (Args{"set", "a", "x4g"}));
  EXPECT_EQ(split_ok(R"("\xzz")"), (Args{"xzz"}));
  EXPECT_EQ(split_ok(R"("\x")"), (Args{"x"}));
}

TEST(SplitArgsTest, SingleQuotes) {
  EXPECT_EQ(split_ok(R"(set t 'a\'b')"), (Args{"set", "t", "a'b"}));
  EXPECT_EQ(split_ok(R"('a\nb')"), (Args{"a\\nb"}));
  EXPECT_EQ(split_ok(R"('a\\b')"), (Args{"a\\\\b"}));
  EXPECT_EQ(split_ok("''"), (Args{""}));
}

TEST(SplitArgsTest, EmptyQuotedArguments) {
  EXPECT_EQ(split_ok(R"("set" "q" "")"), (Args{"set", "q", ""}));
}

TEST(SplitArgsTest, QuoteInsideAnArgumentContinuesIt) {
  EXPECT_EQ(split_ok(R"(ab"c d" e)"), (Args{"abc d", "e"}));
  EXPECT_EQ(split_ok("x'y z'"), (Args{"xy z"}));
}

TEST(SplitArgsTest, InvalidLines) {
  EXPECT_FALSE(split_args(R"(get "unbalanced)").has_value());
  EXPECT_FALSE(split_args("get 'unbalanced").has_value());
  EXPECT_FALSE(split_args(R"('a\nb\\')").has_value());  // the last \' is an escaped quote
  EXPECT_FALSE(split_args(R"(set "ab"c)").has_value());   // closing quote then a non-blank
  EXPECT_FALSE(split_args("set 'ab'c").has_value());
  EXPECT_FALSE(split_args(R"(set u "\")").has_value());   // the quote is escaped
  EXPECT_FALSE(split_args(R"("abc\)").has_value());       // backslash at the end
}

TEST(SplitArgsTest, ClosingQuoteMayBeFollowedByAnyBlank) {
  EXPECT_EQ(split_ok("\"a\"\tb"), (Args{"a", "b"}));
  EXPECT_EQ(split_ok("\"a\"\vb"), (Args{"a", "b"}));
}

TEST(SplitArgsTest, NulByteEndsTheLine) {
  EXPECT_EQ(split_ok(std::string_view("get a\0b c", 9)), (Args{"get", "a"}));
}

}  // namespace
}  // namespace kevy
