// The CONFIG value helpers the registry and CONFIG REWRITE share (config_values.h); the
// per-parameter parsing is covered through ConfigRegistry in config_registry_test.cc.
#include "core/config_values.h"

#include <gtest/gtest.h>

namespace kevy::config {
namespace {

TEST(ConfigValues, MemoryUnitsAsRewriteWritesThem) {
  EXPECT_EQ(format_memory_units(0), "0");
  EXPECT_EQ(format_memory_units(1000000), "1000000");
  EXPECT_EQ(format_memory_units(3072), "3kb");
  EXPECT_EQ(format_memory_units(64ull << 20), "64mb");
  EXPECT_EQ(format_memory_units(2ull << 30), "2gb");
  EXPECT_EQ(format_memory_units(1025), "1025");
}

TEST(ConfigValues, QuoteReprEscapesLikeSdscatrepr) {
  EXPECT_EQ(quote_repr(""), "\"\"");
  EXPECT_EQ(quote_repr("a b"), "\"a b\"");
  EXPECT_EQ(quote_repr("q\"\\"), "\"q\\\"\\\\\"");
  EXPECT_EQ(quote_repr(std::string_view("\n\r\t\a\b\x01\xff", 7)),
            "\"\\n\\r\\t\\a\\b\\x01\\xff\"");
}

TEST(ConfigValues, StrtollAndSplit) {
  EXPECT_EQ(parse_strtoll(""), 0);
  EXPECT_EQ(parse_strtoll("+5"), 5);
  EXPECT_EQ(parse_strtoll("\t-05"), -5);
  EXPECT_EQ(parse_strtoll("-99999999999999999999"), INT64_MIN);
  EXPECT_EQ(parse_strtoll("99999999999999999999"), INT64_MAX);
  EXPECT_EQ(parse_strtoll(" "), std::nullopt);
  EXPECT_EQ(parse_strtoll("5 "), std::nullopt);
  EXPECT_EQ(parse_strtoll("-"), std::nullopt);
  EXPECT_TRUE(split_spaces("").empty());
  EXPECT_EQ(split_spaces("a  b "), (std::vector<std::string_view>{"a", "", "b", ""}));
  EXPECT_EQ(format_percentile(99.9), "99.9");
  EXPECT_EQ(format_percentile(50), "50");
  EXPECT_EQ(format_percentile(-0.0), "-0");
  EXPECT_EQ(parse_buffer_limits("normal 1 2 3 slave 4 5 6 pubsub 7 8 9")[1],
            (BufferLimit{4, 5, 6}));
}

}  // namespace
}  // namespace kevy::config
