// Intset, ziplist and zipmap blobs. Intsets are compared with the blobs inside redis-server
// 7.0.15's DUMP payloads (`SADD s ...` then `DUMP s`: type 11, the intset as an RDB string).
// 7.0 never writes ziplists or zipmaps, so those blobs are built by hand from the format
// (Redis's ziplist.c / zipmap.c header comments), one per entry encoding, plus broken ones.
#include "persist/old_encodings.h"
#include "test_support/hex.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kevy {
namespace {

void put_le(std::string* out, uint64_t v, size_t n) {
  for (size_t i = 0; i < n; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// ---- intset ---------------------------------------------------------------------------------

TEST(Intset, EqualsRedisDump) {
  struct Case {
    std::vector<int64_t> members;
    const char* blob_hex;
  };
  const Case cases[] = {
      // SADD s 1 2 3
      {{1, 2, 3}, "0200000003000000010002000300"},
      // SADD s -40000 1 70000
      {{-40000, 1, 70000}, "0400000003000000c063ffff0100000070110100"},
      // SADD s -1 5 1099511627776 -9223372036854775808 9223372036854775807
      {{INT64_MIN, -1, 5, int64_t{1} << 40, INT64_MAX},
       "08000000050000000000000000000080ffffffffffffffff05000000000000000000000000010000ffffff"
       "ffffffff7f"},
  };
  for (const Case& c : cases) {
    const std::string blob = from_hex(c.blob_hex);
    EXPECT_EQ(encode_intset(c.members), blob);
    std::vector<int64_t> back;
    ASSERT_TRUE(decode_intset(blob, &back)) << c.blob_hex;
    EXPECT_EQ(back, c.members);
  }
}

TEST(Intset, WidthBoundaries) {
  EXPECT_EQ(encode_intset(std::vector<int64_t>{-32768, 32767}).substr(0, 4), from_hex("02000000"));
  EXPECT_EQ(encode_intset(std::vector<int64_t>{-32769}).substr(0, 4), from_hex("04000000"));
  EXPECT_EQ(encode_intset(std::vector<int64_t>{32768}).substr(0, 4), from_hex("04000000"));
  EXPECT_EQ(encode_intset(std::vector<int64_t>{INT32_MIN, INT32_MAX}).substr(0, 4),
            from_hex("04000000"));
  EXPECT_EQ(encode_intset(std::vector<int64_t>{int64_t{INT32_MAX} + 1}).substr(0, 4),
            from_hex("08000000"));
  EXPECT_EQ(encode_intset(std::vector<int64_t>{int64_t{INT32_MIN} - 1}).substr(0, 4),
            from_hex("08000000"));
}

TEST(Intset, KeepsAWiderWidth) {
  // SADD s 1 100000; SREM s 100000; DUMP s: Redis keeps the 4-byte width.
  EXPECT_EQ(encode_intset(std::vector<int64_t>{1}, 4), from_hex("040000000100000001000000"));
  EXPECT_EQ(encode_intset(std::vector<int64_t>{1}, 8).substr(0, 4), from_hex("08000000"));
  EXPECT_EQ(encode_intset(std::vector<int64_t>{1 << 20}, 2).substr(0, 4), from_hex("04000000"));
}

TEST(Intset, RefusesMalformed) {
  std::vector<int64_t> out;
  EXPECT_FALSE(decode_intset("", &out));
  EXPECT_FALSE(decode_intset(from_hex("02000000010000"), &out));          // short header
  EXPECT_FALSE(decode_intset(from_hex("0200000000000000"), &out));        // empty
  EXPECT_FALSE(decode_intset(from_hex("030000000100000001"), &out));      // width 3
  EXPECT_FALSE(decode_intset(from_hex("0200000002000000010002"), &out));  // size mismatch
  EXPECT_FALSE(decode_intset(from_hex("020000000100000001000200"), &out));
  EXPECT_FALSE(decode_intset(from_hex("0200000002000000020001000"), &out));
  EXPECT_FALSE(decode_intset(from_hex("02000000020000000200010"), &out));
  EXPECT_FALSE(decode_intset(from_hex("02000000020000000200" "0100"), &out));  // descending
  EXPECT_FALSE(decode_intset(from_hex("02000000020000000100" "0100"), &out));  // duplicate
  EXPECT_TRUE(out.empty());
  // A count whose byte size overflows 32 bits.
  EXPECT_FALSE(decode_intset(from_hex("08000000ffffffff0100000000000000"), &out));
  // A wider encoding than needed is still accepted, as Redis does.
  ASSERT_TRUE(decode_intset(from_hex("08000000010000000700000000000000"), &out));
  EXPECT_EQ(out, std::vector<int64_t>{7});
}

// ---- ziplist --------------------------------------------------------------------------------

// Builds a ziplist from raw entries (each [encoding][data], prevlen added here) with correct
// header fields unless overridden.
struct ZiplistParts {
  std::vector<std::string> entries;  // encoding + data
  bool big_prevlen = false;          // write every prevlen in the 5-byte form
};

std::string make_ziplist(const ZiplistParts& parts, int64_t count_override = -1) {
  std::string body;
  size_t prev = 0;
  size_t tail = 10;
  for (const std::string& e : parts.entries) {
    const size_t start = body.size();
    tail = 10 + start;
    if (prev >= 254 || parts.big_prevlen) {
      body.push_back(static_cast<char>(0xfe));
      put_le(&body, prev, 4);
    } else {
      body.push_back(static_cast<char>(prev));
    }
    body += e;
    prev = body.size() - start;
  }
  std::string out;
  put_le(&out, 10 + body.size() + 1, 4);
  put_le(&out, tail, 4);
  put_le(&out, count_override >= 0 ? static_cast<uint64_t>(count_override) : parts.entries.size(), 2);
  out += body;
  out.push_back(static_cast<char>(0xff));
  return out;
}

std::string zl_str(std::string_view s) {
  std::string e;
  if (s.size() <= 63) {
    e.push_back(static_cast<char>(s.size()));
  } else if (s.size() <= 16383) {
    e.push_back(static_cast<char>(0x40 | (s.size() >> 8)));
    e.push_back(static_cast<char>(s.size() & 0xff));
  } else {
    e.push_back(static_cast<char>(0x80));
    for (int i = 3; i >= 0; --i) e.push_back(static_cast<char>((s.size() >> (8 * i)) & 0xff));
  }
  return e + std::string(s);
}

std::string zl_int(uint8_t enc, int64_t v, size_t n) {
  std::string e(1, static_cast<char>(enc));
  put_le(&e, static_cast<uint64_t>(v), n);
  return e;
}

std::vector<std::string> ziplist_elements(std::string_view blob, bool* ok) {
  std::vector<std::string> out;
  *ok = ziplist_for_each(blob, [&](std::string_view e) { out.emplace_back(e); });
  return out;
}

ZiplistParts every_encoding() {
  ZiplistParts p;
  p.entries = {zl_str(""),
               zl_str("hello"),
               zl_str(std::string(63, 'a')),
               zl_str(std::string(64, 'b')),     // 14-bit length; next prevlen 66 + 1
               zl_str(std::string(300, 'c')),    // next entry's prevlen is 5 bytes
               zl_str(std::string(16383, 'd')),
               zl_str(std::string(16384, 'e')),  // 32-bit length
               zl_int(0xfe, -128, 1),            // int8
               zl_int(0xfe, 127, 1),
               zl_int(0xc0, -32768, 2),          // int16
               zl_int(0xf0, -8388608, 3),        // int24
               zl_int(0xf0, 8388607, 3),
               zl_int(0xd0, INT32_MIN, 4),       // int32
               zl_int(0xe0, INT64_MIN, 8),       // int64
               zl_int(0xe0, INT64_MAX, 8)};
  for (int v = 0; v <= 12; ++v) p.entries.push_back(std::string(1, static_cast<char>(0xf1 + v)));
  return p;
}

std::vector<std::string> every_encoding_texts() {
  std::vector<std::string> t = {"",
                                "hello",
                                std::string(63, 'a'),
                                std::string(64, 'b'),
                                std::string(300, 'c'),
                                std::string(16383, 'd'),
                                std::string(16384, 'e'),
                                "-128",
                                "127",
                                "-32768",
                                "-8388608",
                                "8388607",
                                "-2147483648",
                                "-9223372036854775808",
                                "9223372036854775807"};
  for (int v = 0; v <= 12; ++v) t.push_back(std::to_string(v));
  return t;
}

TEST(Ziplist, EveryEncoding) {
  bool ok;
  EXPECT_EQ(ziplist_elements(make_ziplist(every_encoding()), &ok), every_encoding_texts());
  EXPECT_TRUE(ok);
  // All prevlens in the 5-byte form (Redis may leave them large) and an unknown count.
  ZiplistParts big = every_encoding();
  big.big_prevlen = true;
  EXPECT_EQ(ziplist_elements(make_ziplist(big, 65535), &ok), every_encoding_texts());
  EXPECT_TRUE(ok);
  // An empty ziplist is well formed (the loader decides what an empty value means).
  EXPECT_TRUE(ziplist_elements(from_hex("0b0000000a00000000" "00ff"), &ok).empty());
  EXPECT_TRUE(ok);
}

TEST(Ziplist, RefusesMalformed) {
  const ZiplistParts parts{{zl_str("ab"), zl_int(0xc0, 1000, 2), std::string(1, '\xf5')}};
  const std::string good = make_ziplist(parts);
  bool ok;
  ziplist_elements(good, &ok);
  ASSERT_TRUE(ok);
  auto refused = [](const std::string& blob) {
    bool valid;
    ziplist_elements(blob, &valid);
    return !valid;
  };
  auto with = [&](size_t pos, uint8_t byte) {
    std::string b = good;
    b[pos] = static_cast<char>(byte);
    return b;
  };
  // Layout: header 0..9; "ab" at 10 (prevlen, 02, a, b); int16 at 14 (prevlen 4, c0, lo, hi);
  // immediate at 18 (prevlen 4, f5); terminator at 20.
  EXPECT_TRUE(refused(""));
  EXPECT_TRUE(refused(good.substr(0, 10)));
  EXPECT_TRUE(refused(with(0, static_cast<uint8_t>(good.size() - 1))));  // zlbytes
  EXPECT_TRUE(refused(with(4, 14)));                     // tail points at the second entry
  EXPECT_TRUE(refused(with(4, 0xee)));                   // tail out of range
  EXPECT_TRUE(refused(with(8, 2)));                      // count
  EXPECT_FALSE(refused(with(8, 0xff).replace(9, 1, "\xff")));  // count 65535 is not checked
  EXPECT_TRUE(refused(with(10, 1)));                     // first prevlen must be 0
  EXPECT_TRUE(refused(with(14, 5)));                     // prevlen chain broken
  EXPECT_TRUE(refused(with(15, 0xc1)));                  // no such integer encoding
  EXPECT_TRUE(refused(with(19, 0xff)));                  // terminator too early
  EXPECT_TRUE(refused(with(11, 0x3f)));                  // string past the end
  EXPECT_TRUE(refused(with(11, 0x80)));                  // 32-bit length past the end
  EXPECT_TRUE(refused(with(good.size() - 1, 0)));        // no terminator
  EXPECT_TRUE(refused(with(18, 0xfe)));                  // 5-byte prevlen running off the end
}

TEST(Ziplist, CorruptBlobsNeverEscapeTheBuffer) {
  const std::string good = make_ziplist(every_encoding());
  std::mt19937_64 rng(5);
  for (int t = 0; t < 2000; ++t) {
    std::string blob = good;
    for (int k = 0; k < 2; ++k) blob[rng() % 200] = static_cast<char>(rng());
    if (t % 3 == 0) blob.resize(rng() % blob.size());
    std::vector<char> exact(blob.begin(), blob.end());
    ziplist_for_each(std::string_view(exact.data(), exact.size()), [](std::string_view) {});
  }
}

// ---- zipmap ---------------------------------------------------------------------------------

std::string zm_len(size_t n) {
  std::string e;
  if (n < 254) {
    e.push_back(static_cast<char>(n));
  } else {
    e.push_back(static_cast<char>(0xfe));
    put_le(&e, n, 4);
  }
  return e;
}

std::string make_zipmap(const std::vector<std::pair<std::string, std::string>>& pairs,
                        size_t free_bytes = 0, int count_override = -1) {
  std::string out(1, static_cast<char>(count_override >= 0 ? count_override
                                                           : pairs.size() < 254 ? pairs.size()
                                                                                : 254));
  for (const auto& [f, v] : pairs) {
    out += zm_len(f.size()) + f + zm_len(v.size());
    out.push_back(static_cast<char>(free_bytes));
    out += v + std::string(free_bytes, '\0');
  }
  out.push_back(static_cast<char>(0xff));
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs zipmap_pairs(std::string_view blob, bool* ok) {
  Pairs out;
  *ok = zipmap_for_each(blob, [&](std::string_view f, std::string_view v) {
    out.emplace_back(std::string(f), std::string(v));
  });
  return out;
}

TEST(Zipmap, ReadsPairs) {
  const Pairs pairs = {{"a", "1"}, {"", ""}, {"field", std::string(300, 'v')},
                       {std::string(254, 'k'), "x"}};
  bool ok;
  EXPECT_EQ(zipmap_pairs(make_zipmap(pairs), &ok), pairs);
  EXPECT_TRUE(ok);
  EXPECT_EQ(zipmap_pairs(make_zipmap(pairs, 3), &ok), pairs);  // free space after values
  EXPECT_TRUE(ok);
  EXPECT_EQ(zipmap_pairs(make_zipmap(pairs, 0, 254), &ok), pairs);  // count unknown
  EXPECT_TRUE(ok);
}

TEST(Zipmap, RefusesMalformed) {
  const std::string good = make_zipmap({{"ab", "cd"}});  // 02 'a' 'b' 02 00 'c' 'd' ff
  auto refused = [](const std::string& blob) {
    bool valid;
    zipmap_pairs(blob, &valid);
    return !valid;
  };
  ASSERT_FALSE(refused(good));
  EXPECT_TRUE(refused(""));
  EXPECT_TRUE(refused(from_hex("00ff")));                    // empty: Redis refuses it
  EXPECT_TRUE(refused(make_zipmap({{"ab", "cd"}}, 0, 2)));   // count 2, one pair
  EXPECT_TRUE(refused(good.substr(0, good.size() - 1)));     // no terminator
  std::string b = good;
  b[1] = 9;  // field length past the end
  EXPECT_TRUE(refused(b));
  b = good;
  b[4] = 9;  // value length past the end
  EXPECT_TRUE(refused(b));
  b = good;
  b[5] = 1;  // free byte past the end
  EXPECT_TRUE(refused(b));
  b = good;
  b[1] = static_cast<char>(0xfe);  // 5-byte length running into the terminator
  EXPECT_TRUE(refused(b));
  EXPECT_TRUE(refused(good + "x"));  // the last byte is not a terminator
}

TEST(Zipmap, StopsAtTheFirstTerminatorAsRedisDoes) {
  // zipmapValidateIntegrity requires a terminator as the last byte and walks the pairs up to
  // the first one; bytes in between are ignored (redis-server 7.0.15 RESTOREs such a payload:
  // found by fuzz_restore_diff, fuzz/regressions/restore_diff/zipmap-bytes-after-terminator).
  const Pairs pairs = {{"ab", "cd"}};
  bool ok = false;
  EXPECT_EQ(zipmap_pairs(make_zipmap(pairs) + std::string("\x00\x07\xff\xff", 4), &ok), pairs);
  EXPECT_TRUE(ok);
  // The count still has to match the pairs before the first terminator.
  zipmap_pairs(make_zipmap(pairs, 0, 2) + std::string("\x01x\x01\x00y\xff", 6), &ok);
  EXPECT_FALSE(ok);
}

TEST(Zipmap, LengthsInFiveBytesMustNeedThem) {
  // redis-server 7.0.15 refuses a zipmap with a 5-byte length below 254, field or value
  // (fuzz/regressions/restore_diff/zipmap-short-length-in-five-bytes; found by
  // fuzz_restore_diff), and accepts 254 and more behind either marker, 254 or 255.
  bool ok = true;
  zipmap_pairs(from_hex("fe0161fe010000000000ff"), &ok);  // value length 1 in 5 bytes
  EXPECT_FALSE(ok);
  zipmap_pairs(from_hex("fe0161fe0000000000ff"), &ok);  // value length 0 in 5 bytes
  EXPECT_FALSE(ok);
  zipmap_pairs(from_hex("01fe01000000610100" "62ff"), &ok);  // field length 1 in 5 bytes
  EXPECT_FALSE(ok);
  const std::string big(256, 'v');
  for (const char* marker : {"fe", "ff"}) {
    const Pairs pairs = zipmap_pairs(
        from_hex(std::string("010161") + marker + "0001000000") + big + "\xff", &ok);
    EXPECT_TRUE(ok) << marker;
    EXPECT_EQ(pairs, (Pairs{{"a", big}})) << marker;
  }
}

TEST(Zipmap, CorruptBlobsNeverEscapeTheBuffer) {
  const std::string good = make_zipmap({{"a", "1"}, {"field", std::string(300, 'v')},
                                        {std::string(254, 'k'), "x"}}, 2);
  std::mt19937_64 rng(9);
  for (int t = 0; t < 2000; ++t) {
    std::string blob = good;
    for (int k = 0; k < 2; ++k) blob[rng() % blob.size()] = static_cast<char>(rng());
    if (t % 3 == 0) blob.resize(rng() % blob.size());
    std::vector<char> exact(blob.begin(), blob.end());
    zipmap_for_each(std::string_view(exact.data(), exact.size()),
                    [](std::string_view, std::string_view) {});
  }
}

}  // namespace
}  // namespace kevy
