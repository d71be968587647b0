// Listpack blobs: Builder output equal to the listpacks inside redis-server 7.0.15's DUMP
// payloads, and for_each's validation.
//
// How the expected blobs were taken from the oracle (redis-cli against redis-server 7.0.15):
//   CONFIG SET list-max-listpack-size -5          (one node holds every element below)
//   RPUSH l <elements...>; DUMP l                 (type 18: node count, container 2, the blob
//                                                   as an RDB string, LZF-decompressed here)
//   CONFIG SET hash-max-listpack-entries 100000; HSET h f0 0 f1 1 ...; DUMP h  (type 16)
// Large blobs are kept as size + CRC-64 (persist/crc64.h) of the blob.
#include "persist/listpack.h"
#include "test_support/hex.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "persist/crc64.h"

namespace kevy {
namespace {

std::string build(const std::vector<std::string>& elements) {
  listpack::Builder b;
  for (const std::string& e : elements) b.append(e);
  EXPECT_EQ(b.count(), elements.size());
  return b.finish();
}

std::vector<std::string> elements_of(std::string_view blob, bool* ok) {
  std::vector<std::string> out;
  *ok = listpack::for_each(blob, [&](std::string_view e) { out.emplace_back(e); });
  return out;
}

uint64_t crc(std::string_view s) { return crc64(0, s.data(), s.size()); }

const std::vector<std::string> kIntTexts = {
    "0", "1", "127", "128", "-1", "-4096", "4095", "4096", "-4097", "32767", "32768", "-32768",
    "-32769", "8388607", "8388608", "-8388608", "-8388609", "2147483647", "2147483648",
    "-2147483648", "-2147483649", "9223372036854775807", "-9223372036854775808"};

// RPUSH l <kIntTexts>: 7-bit, 13-bit, 16, 24, 32 and 64-bit forms at each boundary.
constexpr std::string_view kIntsBlob =
    "7d0000001700000101017f01c08002dfff02d00002cfff02f1001003f1ffef03f1ff7f03f200800004f10080"
    "03f2ff7fff04f2ffff7f04f30000800005f200008004f3ffff7fff05f3ffffff7f05f4000000800000000009"
    "f30000008005f4ffffff7fffffffff09f4ffffffffffffff7f09f4000000000000008009ff";

// Texts that are not canonical integers stay strings; "-1234567890123456789" is an integer.
const std::vector<std::string> kTexts = {"-0",
                                         "01",
                                         "+1",
                                         " 1",
                                         "1 ",
                                         "9223372036854775808",
                                         "-9223372036854775809",
                                         "",
                                         "a",
                                         "00",
                                         "-",
                                         "1.5",
                                         "12345678901234567890",
                                         "-1234567890123456789",
                                         "0x10",
                                         "1e3"};
constexpr std::string_view kTextsBlob =
    "820000001000822d300382303103822b31038220310382312003933932323333373230333638353437373538"
    "303814942d3932323333373230333638353437373538303915800181610282303003812d0283312e35049431"
    "3233343536373839303132333435363738393015f4eb7e16820befddee098430783130058331653304ff";

TEST(Listpack, IntegersEqualRedis) {
  EXPECT_EQ(build(kIntTexts), from_hex(kIntsBlob));
  listpack::Builder b;
  for (const std::string& t : kIntTexts) b.append_int(std::stoll(t));
  EXPECT_EQ(b.finish(), from_hex(kIntsBlob));
}

TEST(Listpack, TextsEqualRedis) { EXPECT_EQ(build(kTexts), from_hex(kTextsBlob)); }

TEST(Listpack, SmallHashAndZsetEqualRedis) {
  // HSET h a 1 b hello c -5 d 123456789012
  EXPECT_EQ(build({"a", "1", "b", "hello", "c", "-5", "d", "123456789012"}),
            from_hex("29000000080081610201018162028568656c6c6f06816302dffb02816402f4141a99be1c"
                     "00000009ff"));
  // ZADD z 1 a 2.5 b -3 c 1e20 dd (members and scores in score order, scores as Redis
  // prints them)
  EXPECT_EQ(build({"c", "-3", "a", "1", "b", "2.5", "dd", "1e+20"}),
            from_hex("250000000800816302dffd02816102010181620283322e3504826464038531652b323006"
                     "ff"));
  // RPUSH l x 1 -1 hello 300
  EXPECT_EQ(build({"x", "1", "-1", "hello", "300"}),
            from_hex("1900000005008178020101dfff02856865"
                     "6c6c6f06c12c02ff"));
}

TEST(Listpack, StringWidthsAndBacklensEqualRedis) {
  struct Case {
    size_t len;
    size_t blob_size;
    uint64_t blob_crc;
  };
  // RPUSH l <"x" x len>. 63/64 and 4095/4096 switch the string form; entries of 127/128 bytes
  // (125/126) switch the backlen from 1 to 2 bytes; entries of 16382/16383 bytes
  // (16377/16378) from 2 to 3 (Redis's bound is "< 16383"), 2097150/2097151 from 3 to 4.
  const Case cases[] = {
      {63, 72, 0x2ed91b0caaadf7ebULL},         {64, 74, 0x35da2937cb579b6cULL},
      {125, 135, 0x8492343191806b4aULL},       {126, 137, 0x8d93ba9549f4a2a7ULL},
      {4095, 4106, 0xdb5b1a618bcc1ceaULL},     {4096, 4110, 0x8821f7b371a4121aULL},
      {16377, 16391, 0x552c07b41721013eULL},   {16378, 16393, 0xcef864f98feba069ULL},
      {2097145, 2097160, 0x72452e4270434dd0ULL}, {2097146, 2097162, 0x313941ce930bdf4aULL},
  };
  for (const Case& c : cases) {
    const std::string blob = build({std::string(c.len, 'x')});
    EXPECT_EQ(blob.size(), c.blob_size) << c.len;
    EXPECT_EQ(crc(blob), c.blob_crc) << c.len;
    bool ok;
    const auto back = elements_of(blob, &ok);
    ASSERT_TRUE(ok) << c.len;
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0], std::string(c.len, 'x'));
  }
  // The 3-byte backlen of a 16383-byte entry, as Redis writes it.
  const std::string blob = build({std::string(16378, 'x')});
  EXPECT_EQ(blob.substr(blob.size() - 4), from_hex("00ffffff"));
}

TEST(Listpack, CountSaturatesAt65535) {
  // HSET h f0 0 f1 1 ... : 32767 fields (65534 elements) and 32768 fields (65536 elements).
  struct Case {
    int fields;
    size_t blob_size;
    uint64_t blob_crc;
  };
  const Case cases[] = {{32767, 377877, 0x871a246da705b489ULL}, {32768, 377889, 0x18eb9c2dfbd8a150ULL}};
  for (const Case& c : cases) {
    listpack::Builder b;
    for (int i = 0; i < c.fields; ++i) {
      b.append("f" + std::to_string(i));
      b.append(std::to_string(i));
    }
    const std::string blob = b.finish();
    EXPECT_EQ(blob.size(), c.blob_size);
    EXPECT_EQ(crc(blob), c.blob_crc);
    size_t n = 0;
    EXPECT_TRUE(listpack::for_each(blob, [&](std::string_view) { ++n; }));
    EXPECT_EQ(n, static_cast<size_t>(2 * c.fields));
  }
}

TEST(Listpack, ForEachReadsBack) {
  bool ok;
  EXPECT_EQ(elements_of(from_hex(kIntsBlob), &ok), kIntTexts);
  EXPECT_TRUE(ok);
  EXPECT_EQ(elements_of(from_hex(kTextsBlob), &ok), kTexts);
  EXPECT_TRUE(ok);
  // Empty listpack.
  EXPECT_EQ(listpack::Builder().finish(), from_hex("0700000000" "00ff"));
  EXPECT_TRUE(elements_of(from_hex("070000000000ff"), &ok).empty());
  EXPECT_TRUE(ok);
  // The builder is reusable after finish().
  listpack::Builder b;
  b.append("a");
  b.finish();
  EXPECT_EQ(b.count(), 0u);
  b.append("b");
  EXPECT_EQ(b.finish(), build({"b"}));
}

TEST(Listpack, ForEachRefusesMalformedBlobs) {
  const std::string good = build({"a", "1", "hello"});  // 3 elements
  bool ok;
  elements_of(good, &ok);
  ASSERT_TRUE(ok);
  auto refused = [&](std::string blob) {
    bool valid;
    elements_of(blob, &valid);
    return !valid;
  };
  auto with = [&](size_t pos, uint8_t byte) {
    std::string b = good;
    b[pos] = static_cast<char>(byte);
    return b;
  };
  EXPECT_TRUE(refused(""));
  EXPECT_TRUE(refused(from_hex("0600000000ff")));               // shorter than header + 0xFF
  EXPECT_TRUE(refused(with(0, static_cast<uint8_t>(good.size() + 1))));  // total != size
  EXPECT_TRUE(refused(with(good.size() - 1, 0x00)));          // no terminator
  EXPECT_TRUE(refused(with(4, 2)));                           // count 2, 3 found
  EXPECT_TRUE(refused(with(4, 4)));                           // count 4, 3 found
  std::string unknown_count = good;  // count 65535: not checked
  unknown_count[4] = unknown_count[5] = '\xff';
  EXPECT_FALSE(refused(unknown_count));
  EXPECT_TRUE(refused(with(8, 0x03)));                        // backlen of "a" wrong
  EXPECT_TRUE(refused(with(6, 0xf5)));                        // no such encoding
  EXPECT_TRUE(refused(with(6, 0xff)));                        // terminator too early
  EXPECT_TRUE(refused(with(6, 0x85)));                        // string runs over the rest
  EXPECT_TRUE(refused(with(6, 0xbf)));                        // string past the end
  // A 32-bit string length of 4 GiB - 1.
  EXPECT_TRUE(refused(from_hex("0d00000001" "00f0ffffffff0000ff")));
  // Truncated integer forms at the end.
  EXPECT_TRUE(refused(from_hex("0900000001" "00f4" "00ff")));
  EXPECT_TRUE(refused(from_hex("0800000001" "00c0" "ff")));
}

TEST(Listpack, BacklensAreCheckedByTheirReadingAsRedisDoes) {
  // lpValidateNext decodes the backlen right to left and compares the value, so a backlen
  // byte with bit 7 set reads on into the element: after the element 0x00 (the integer 0),
  // 0x81 reads as 1, the right length (redis-server 7.0.15 RESTOREs it: found by
  // fuzz_restore_diff, fuzz/regressions/restore_diff/listpack-backlen-read-right-to-left).
  const std::string good = build({"a", "0", "hello"});  // "0" at 9, its backlen at 10
  ASSERT_EQ(good[9], '\x00');
  ASSERT_EQ(good[10], '\x01');
  std::string relaxed = good;
  relaxed[10] = '\x81';
  bool ok = false;
  EXPECT_EQ(elements_of(relaxed, &ok), (std::vector<std::string>{"a", "0", "hello"}));
  EXPECT_TRUE(ok);
  // After the element 0x01 the same byte reads as 1 + (1 << 7): refused.
  std::string one = build({"a", "1", "hello"});
  one[10] = '\x81';
  elements_of(one, &ok);
  EXPECT_FALSE(ok);
  // A reading that goes on for more than 5 bytes is refused, as lpDecodeBacklen's is.
  std::string high = build({std::string(4, '\x80')});  // 0x84 80 80 80 80, backlen 05
  ASSERT_EQ(high[11], '\x05');
  high[11] = '\x85';
  elements_of(high, &ok);
  EXPECT_FALSE(ok);
}

TEST(Listpack, CorruptBlobsNeverEscapeTheBuffer) {
  std::vector<std::string> elements;
  for (const auto& t : kIntTexts) elements.push_back(t);
  for (const auto& t : kTexts) elements.push_back(t);
  elements.push_back(std::string(300, 'y'));
  elements.push_back(std::string(5000, 'z'));
  const std::string good = build(elements);
  std::mt19937_64 rng(3);
  size_t accepted = 0;
  for (int t = 0; t < 3000; ++t) {
    std::string blob = good;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits; ++k) blob[rng() % blob.size()] = static_cast<char>(rng());
    if (t % 4 == 0) blob.resize(rng() % blob.size());
    // Exact-size copy so a sanitizer build catches any read past the end.
    std::vector<char> exact(blob.begin(), blob.end());
    accepted += listpack::for_each(std::string_view(exact.data(), exact.size()),
                                   [](std::string_view) {});
  }
  EXPECT_LT(accepted, 3000u);
}

}  // namespace
}  // namespace kevy
