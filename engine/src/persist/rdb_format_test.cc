// RdbWriter / RdbReader: length and string encodings byte for byte as redis-server 7.0.15
// writes them, and the reader's failures (with byte offsets) on malformed or truncated data.
//
// Expected string bytes come from the oracle: `CONFIG SET rdbcompression yes|no`, `SET k <s>`,
// `DUMP k`. A string key's payload is [00][RdbWriter::string bytes][0A 00][CRC64 LE], so the
// bytes between the type byte and the version are what RdbWriter::string must produce.
#include "persist/rdb_format.h"
#include "test_support/hex.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace kevy::rdb {
namespace {

std::string written_length(uint64_t len) {
  std::string out;
  RdbWriter(&out).length(len);
  return out;
}

std::string written_string(std::string_view s, bool compress) {
  std::string out;
  RdbWriter(&out, compress).string(s);
  return out;
}

TEST(RdbFormat, LengthBoundaries) {
  EXPECT_EQ(written_length(0), from_hex("00"));
  EXPECT_EQ(written_length(63), from_hex("3f"));
  EXPECT_EQ(written_length(64), from_hex("4040"));
  EXPECT_EQ(written_length(16383), from_hex("7fff"));
  EXPECT_EQ(written_length(16384), from_hex("8000004000"));
  EXPECT_EQ(written_length(0xffffffffULL), from_hex("80ffffffff"));
  EXPECT_EQ(written_length(0x100000000ULL), from_hex("810000000100000000"));
  EXPECT_EQ(written_length(UINT64_MAX), from_hex("81ffffffffffffffff"));
  for (uint64_t len : {uint64_t{0}, uint64_t{63}, uint64_t{64}, uint64_t{16383}, uint64_t{16384},
                       uint64_t{0xffffffff}, uint64_t{0x100000000}, UINT64_MAX}) {
    const std::string bytes = written_length(len);
    RdbReader r(bytes);
    uint64_t back = 0;
    ASSERT_TRUE(r.length(&back, "len")) << len;
    EXPECT_EQ(back, len);
    EXPECT_TRUE(r.at_end());
  }
}

TEST(RdbFormat, PlainStringLengthsEqualRedisDump) {
  // rdbcompression no; SET k <"x" x n>; DUMP k: the length prefix after the type byte.
  struct Case {
    size_t n;
    const char* prefix_hex;
  };
  for (const Case& c : {Case{63, "3f"}, Case{64, "4040"}, Case{16383, "7fff"},
                        Case{16384, "8000004000"}}) {
    const std::string s(c.n, 'x');
    EXPECT_EQ(written_string(s, false), from_hex(c.prefix_hex) + s) << c.n;
  }
}

TEST(RdbFormat, StringEncodingsEqualRedisDump) {
  struct Case {
    std::string s;
    const char* compressed_hex;  // rdbcompression yes
    const char* plain_hex;       // rdbcompression no (nullptr: same bytes)
  };
  const Case cases[] = {
      {"0", "c000", nullptr},
      {"-1", "c0ff", nullptr},
      {"127", "c07f", nullptr},
      {"128", "c18000", nullptr},
      {"-128", "c080", nullptr},
      {"-129", "c17fff", nullptr},
      {"32767", "c1ff7f", nullptr},
      {"32768", "c200800000", nullptr},
      {"-32768", "c10080", nullptr},
      {"-32769", "c2ff7fffff", nullptr},
      {"2147483647", "c2ffffff7f", nullptr},
      {"2147483648", "0a32313437343833363438", nullptr},        // beyond 32 bits: text
      {"-2147483648", "c200000080", nullptr},
      {"-2147483649", "0b2d32313437343833363439", nullptr},
      {"12345678901", "0b3132333435363738393031", nullptr},    // 11 chars, > 32 bits
      {"-1234567890", "c22efd69b6", nullptr},                  // 11 chars, fits
      {"123456789012", "0c313233343536373839303132", nullptr},  // 12 chars: never tried
      {"-0", "022d30", nullptr},
      {"01", "023031", nullptr},
      {"+1", "022b31", nullptr},
      {" 1", "022031", nullptr},
      {"", "00", nullptr},
      {std::string(20, 'a'), "146161616161616161616161616161616161616161", nullptr},
      {std::string(21, 'a'), "c30615016161e00a00",
       "15616161616161616161616161616161616161616161"},
      {"abcdefghijklmnopqrstu", "156162636465666768696a6b6c6d6e6f707172737475", nullptr},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(written_string(c.s, true), from_hex(c.compressed_hex)) << '"' << c.s << '"';
    EXPECT_EQ(written_string(c.s, false), from_hex(c.plain_hex ? c.plain_hex : c.compressed_hex))
        << '"' << c.s << '"';
    // Both forms read back to the same text.
    for (bool compress : {true, false}) {
      const std::string bytes = written_string(c.s, compress);
      RdbReader r(bytes);
      std::string back;
      ASSERT_TRUE(r.string(&back, "value")) << c.s << ": " << r.status().message();
      EXPECT_EQ(back, c.s);
      EXPECT_TRUE(r.at_end());
    }
  }
}

TEST(RdbFormat, IntegerStrings) {
  auto written = [](int64_t v) {
    std::string out;
    RdbWriter(&out).integer_string(v);
    return out;
  };
  EXPECT_EQ(written(0), from_hex("c000"));
  EXPECT_EQ(written(-32769), from_hex("c2ff7fffff"));
  EXPECT_EQ(written(2147483648LL), from_hex("0a32313437343833363438"));
  EXPECT_EQ(written(INT64_MIN), from_hex("14") + "-9223372036854775808");
}

TEST(RdbFormat, FixedWidthValues) {
  std::string out;
  RdbWriter w(&out);
  w.millis(1700000000123);
  w.binary_double(1.5);
  w.le32(0x01020304);
  w.byte(kOpEof);
  EXPECT_EQ(out, from_hex("7b68e5cf8b010000" "000000000000f83f" "04030201" "ff"));
  RdbReader r(out);
  int64_t ms;
  double d;
  uint32_t u;
  uint8_t b;
  ASSERT_TRUE(r.millis(&ms, "ms") && r.binary_double(&d, "d") && r.le32(&u, "u") &&
              r.byte(&b, "b"));
  EXPECT_EQ(ms, 1700000000123);
  EXPECT_EQ(d, 1.5);
  EXPECT_EQ(u, 0x01020304u);
  EXPECT_EQ(b, kOpEof);
  EXPECT_TRUE(r.at_end());
}

TEST(RdbFormat, TextDoubles) {
  const std::string bytes = from_hex("fdfeff") + "\x04" "-2.5" "\x01" "x";
  RdbReader r(bytes);
  double d;
  ASSERT_TRUE(r.text_double(&d, "score"));
  EXPECT_TRUE(std::isnan(d));
  ASSERT_TRUE(r.text_double(&d, "score"));
  EXPECT_EQ(d, HUGE_VAL);
  ASSERT_TRUE(r.text_double(&d, "score"));
  EXPECT_EQ(d, -HUGE_VAL);
  ASSERT_TRUE(r.text_double(&d, "score"));
  EXPECT_EQ(d, -2.5);
  EXPECT_FALSE(r.text_double(&d, "score"));
  EXPECT_EQ(r.status().message(), "score at offset 10: score is not a number");
}

TEST(RdbFormat, ReaderFailuresNameWhatAndOffset) {
  {
    const std::string bytes = from_hex("0561");  // 5-byte string with 1 byte
    RdbReader r(bytes, 100);
    std::string s;
    EXPECT_FALSE(r.string(&s, "key"));
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(), "key at offset 101: needs 5 bytes, 1 left");
    // After one failure every call fails and the first error stays.
    uint8_t b;
    EXPECT_FALSE(r.byte(&b, "other"));
    EXPECT_EQ(r.status().message(), "key at offset 101: needs 5 bytes, 1 left");
  }
  {
    RdbReader r("");
    uint8_t b;
    EXPECT_FALSE(r.byte(&b, "type"));
    EXPECT_EQ(r.status().message(), "type at offset 0: unexpected end of data");
  }
  {
    // An encoded-string byte where a plain length belongs is read as its low 6 bits, as
    // redis-server 7.0.15's rdbLoadLen does (RESTORE of a hash whose count byte is 0xc1
    // loads one field; found by fuzz_restore_diff).
    const std::string bytes = from_hex("c1ff");
    RdbReader r(bytes);
    uint64_t len = 0;
    ASSERT_TRUE(r.length(&len, "db size"));
    EXPECT_EQ(len, 1u);
    EXPECT_EQ(r.offset(), 1u);
  }
  {
    const std::string bytes = from_hex("82");  // 10xxxxxx other than 0x80 / 0x81
    RdbReader r(bytes);
    uint64_t len;
    EXPECT_FALSE(r.length(&len, "len"));
    EXPECT_EQ(r.status().message(), "len at offset 1: unknown length encoding");
  }
  {
    const std::string bytes = from_hex("c4");  // string encoding 4 does not exist
    RdbReader r(bytes);
    std::string s;
    EXPECT_FALSE(r.string(&s, "value"));
    EXPECT_EQ(r.status().message(), "value at offset 1: unknown string encoding 4");
  }
  {
    // LZF: corrupt data, and a plain size the compressed bytes cannot produce.
    const std::string bad = from_hex("c30615016161ff0a00");
    RdbReader r(bad);
    std::string s;
    EXPECT_FALSE(r.string(&s, "value"));
    EXPECT_EQ(r.status().message(), "value at offset 9: invalid LZF data");
    const std::string huge = from_hex("c30681000000010000000001616161616161");
    RdbReader r2(huge);
    EXPECT_FALSE(r2.string(&s, "value"));
    EXPECT_NE(r2.status().message().find("LZF string of 4294967296 bytes"), std::string::npos)
        << r2.status().message();
  }
}

// An LZF string of plain size 0 is the empty string whatever its compressed bytes, as
// redis-server 7.0.15 reads it (RESTORE with sanitize-dump-payload yes accepts
// "\x00\xc3\x01\x00\x00" as ""; found by fuzz_restore_diff).
TEST(RdbFormat, LzfStringOfPlainSizeZeroIsEmpty) {
  for (const std::string hex : {"c30100" "00", "c30000", "c309" "4000" "000efad5feffffff00"}) {
    const std::string bytes = from_hex(hex) + "after";
    RdbReader r(bytes);
    std::string s = "not empty";
    ASSERT_TRUE(r.string(&s, "value")) << hex << ": " << r.status().message();
    EXPECT_EQ(s, "");
    EXPECT_EQ(r.offset(), bytes.size() - 5) << hex << ": the compressed bytes are consumed";
  }
}

TEST(RdbFormat, TruncatedInputFailsAtEveryCut) {
  std::string full;
  RdbWriter w(&full);
  w.length(16384);
  w.length(0x100000000ULL);
  w.string("-32769");
  w.string(std::string(100, 'z'));  // LZF
  w.string(std::string(70, 'q'));
  w.millis(5);
  for (size_t cut = 0; cut < full.size(); ++cut) {
    RdbReader r(std::string_view(full).substr(0, cut));
    uint64_t a, b;
    std::string s1, s2, s3;
    int64_t ms;
    const bool all = r.length(&a, "a") && r.length(&b, "b") && r.string(&s1, "s1") &&
                     r.string(&s2, "s2") && r.string(&s3, "s3") && r.millis(&ms, "ms");
    EXPECT_FALSE(all) << cut;
    EXPECT_FALSE(r.ok()) << cut;
  }
  RdbReader r(full);
  uint64_t a, b;
  std::string s1, s2, s3;
  int64_t ms;
  ASSERT_TRUE(r.length(&a, "a") && r.length(&b, "b") && r.string(&s1, "s1") &&
              r.string(&s2, "s2") && r.string(&s3, "s3") && r.millis(&ms, "ms"));
  EXPECT_EQ(s1, "-32769");
  EXPECT_EQ(s2, std::string(100, 'z'));
  EXPECT_EQ(s3, std::string(70, 'q'));
  EXPECT_TRUE(r.at_end());
}

}  // namespace
}  // namespace kevy::rdb
