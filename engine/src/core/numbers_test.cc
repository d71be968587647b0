// Number parsing and printing with redis-server 7.0.15's rules. Each accepted/refused text was
// checked against the server through a command that uses the same rule (INCR for integers, SCAN
// for cursors, ZADD for doubles, INCRBYFLOAT for long doubles).
#include "core/numbers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace kevy {
namespace {

template <size_t N>
std::string_view bin(const char (&s)[N]) {
  return std::string_view(s, N - 1);
}

TEST(Numbers, ParseInt64Accepts) {
  EXPECT_EQ(parse_int64("0"), 0);
  EXPECT_EQ(parse_int64("7"), 7);
  EXPECT_EQ(parse_int64("-7"), -7);
  EXPECT_EQ(parse_int64("9223372036854775807"), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(parse_int64("-9223372036854775808"), std::numeric_limits<int64_t>::min());
}

TEST(Numbers, ParseInt64Refuses) {
  for (std::string_view s : {"", "-", "+1", " 1", "1 ", "01", "-0", "00", "1.0", "1e3", "0x10",
                             "9223372036854775808", "-9223372036854775809",
                             "99999999999999999999", "123456789012345678901"}) {
    EXPECT_EQ(parse_int64(s), std::nullopt) << s;
  }
  EXPECT_EQ(parse_int64(bin("1\0")), std::nullopt);
}

TEST(Numbers, ParseUint64ReadsCursorsLikeStrtoull) {
  EXPECT_EQ(parse_uint64("0"), 0u);
  EXPECT_EQ(parse_uint64(""), 0u);
  EXPECT_EQ(parse_uint64("007"), 7u);
  EXPECT_EQ(parse_uint64("+0"), 0u);
  EXPECT_EQ(parse_uint64("00000000000000000000000000000"), 0u);
  EXPECT_EQ(parse_uint64("18446744073709551615"), UINT64_MAX);
  EXPECT_EQ(parse_uint64("-1"), UINT64_MAX);
  EXPECT_EQ(parse_uint64("-18446744073709551615"), 1u);
  // The C string ends at the first NUL.
  EXPECT_EQ(parse_uint64(bin("0\0abc")), 0u);
  EXPECT_EQ(parse_uint64(bin("12\0")), 12u);
  EXPECT_EQ(parse_uint64(bin("\0")), 0u);
}

TEST(Numbers, ParseUint64Refuses) {
  for (std::string_view s : {"18446744073709551616", "-18446744073709551616", "+", "-", "+ 1",
                             " 1", "1 ", "\t1", "0x1", "1.0"}) {
    EXPECT_EQ(parse_uint64(s), std::nullopt) << s;
  }
}

TEST(Numbers, ParseDouble) {
  EXPECT_EQ(parse_double("1.5"), 1.5);
  EXPECT_EQ(parse_double("0x10"), 16.0);
  EXPECT_EQ(parse_double("4.9e-324"), 4.9e-324);  // denormal: ERANGE but not zero
  EXPECT_EQ(parse_double("inf"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(parse_double("-inf"), -std::numeric_limits<double>::infinity());
  auto negative_zero = parse_double("-0");
  ASSERT_TRUE(negative_zero);
  EXPECT_TRUE(std::signbit(*negative_zero));
  // No length limit: ZADD accepts a 6001-byte score.
  EXPECT_EQ(parse_double(std::string(6000, '0') + "1"), 1.0);
}

TEST(Numbers, ParseDoubleRefuses) {
  for (std::string_view s : {"", " 1", "1 ", "abc", "nan", "1e400", "-1e400", "1e-400", "1,5"}) {
    EXPECT_EQ(parse_double(s), std::nullopt) << s;
  }
  EXPECT_EQ(parse_double(bin("1\0")), std::nullopt);
}

TEST(Numbers, ParseLongDouble) {
  EXPECT_EQ(parse_long_double("10.5"), 10.5L);
  EXPECT_EQ(parse_long_double("+5"), 5.0L);
  EXPECT_EQ(parse_long_double(".5"), 0.5L);
  EXPECT_EQ(parse_long_double("5."), 5.0L);
  EXPECT_EQ(parse_long_double("0x10"), 16.0L);
  EXPECT_TRUE(parse_long_double("1e400"));  // fits a long double
  EXPECT_TRUE(parse_long_double("1e-4940"));
  EXPECT_TRUE(std::isinf(*parse_long_double("infinity")));
  EXPECT_EQ(parse_long_double(std::string(5118, '0') + "1"), 1.0L);  // 5119 bytes
}

TEST(Numbers, ParseLongDoubleRefuses) {
  for (std::string_view s : {"", " 1", "1 ", "abc", "nan", "1e-5000", "1e5000"}) {
    EXPECT_EQ(parse_long_double(s), std::nullopt) << s;
  }
  EXPECT_EQ(parse_long_double(std::string(5119, '0') + "1"), std::nullopt);  // 5120 bytes
  EXPECT_EQ(parse_long_double(bin("1\0")), std::nullopt);
}

TEST(Numbers, FormatDoubleReply) {
  EXPECT_EQ(format_double_reply(0.1), "0.10000000000000001");
  EXPECT_EQ(format_double_reply(1e300), "1.0000000000000001e+300");
  EXPECT_EQ(format_double_reply(4.9e-324), "4.9406564584124654e-324");
  EXPECT_EQ(format_double_reply(16), "16");
  EXPECT_EQ(format_double_reply(-0.0), "-0");
  EXPECT_EQ(format_double_reply(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(format_double_reply(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(Numbers, FormatLongDoubleHuman) {
  EXPECT_EQ(format_long_double_human(10.5L + 0.1L), "10.6");
  EXPECT_EQ(format_long_double_human(3.0L), "3");
  EXPECT_EQ(format_long_double_human(-0.0L), "0");
  EXPECT_EQ(format_long_double_human(1e-20L), "0");
  EXPECT_EQ(format_long_double_human(-1.5e-3L), "-0.0015");
  EXPECT_EQ(format_long_double_human(*parse_long_double("10.6") + 5000.0L),
            "5010.60000000000000009");
  EXPECT_EQ(format_long_double_human(*parse_long_double("123456789012345678901234")),
            "123456789012345678897152");
  EXPECT_EQ(format_long_double_human(std::numeric_limits<long double>::infinity()), "inf");
  EXPECT_EQ(format_long_double_human(-std::numeric_limits<long double>::infinity()), "-inf");
  // The largest long double still prints in full, without an exponent.
  EXPECT_EQ(format_long_double_human(std::numeric_limits<long double>::max()).size(), 4933u);
}

TEST(Numbers, FormatInt64) {
  char buf[24];
  EXPECT_EQ(std::string_view(buf, format_int64(0, buf)), "0");
  EXPECT_EQ(std::string_view(buf, format_int64(-42, buf)), "-42");
  EXPECT_EQ(std::string_view(buf, format_int64(INT64_MIN, buf)), "-9223372036854775808");
  EXPECT_EQ(std::string_view(buf, format_int64(INT64_MAX, buf)), "9223372036854775807");
}

}  // namespace
}  // namespace kevy
