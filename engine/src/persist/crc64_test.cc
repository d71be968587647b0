// CRC-64/Jones: the check value, incremental use, and the trailing CRC of DUMP payloads taken
// from redis-server 7.0.15 (`redis-cli SET k ...` then `DUMP k`; the last 8 bytes are the
// CRC, little-endian, of everything before them).
#include "persist/crc64.h"
#include "test_support/hex.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace kevy {
namespace {

uint64_t trailing_crc(std::string_view payload) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) {
    v |= uint64_t{static_cast<uint8_t>(payload[payload.size() - 8 + i])} << (8 * i);
  }
  return v;
}

TEST(Crc64, CheckValue) {
  EXPECT_EQ(crc64(0, "123456789", 9), 0xe9c6d914c4b8d9caULL);
  EXPECT_EQ(crc64(0, "", 0), 0u);
  EXPECT_EQ(crc64(12345, "", 0), 12345u);
}

TEST(Crc64, IncrementalEqualsOneShot) {
  std::string data;
  for (int i = 0; i < 1000; ++i) data.push_back(static_cast<char>(i * 37 + (i >> 3)));
  const uint64_t whole = crc64(0, data.data(), data.size());
  for (size_t cut : {0, 1, 7, 8, 9, 500, 999, 1000}) {
    const uint64_t first = crc64(0, data.data(), cut);
    EXPECT_EQ(crc64(first, data.data() + cut, data.size() - cut), whole) << cut;
  }
}

TEST(Crc64, MatchesRedisDumpPayloads) {
  // DUMP of SET k "hello world " x 10, of SET k abcdefghijklmnopqrstu, and of SET k 12345.
  for (const char* hex :
       {"00c31440780c68656c6c6f20776f726c642068e0600b0164200a00d4035f436c9a1bd7",
        "00156162636465666768696a6b6c6d6e6f7071727374750a00ad1c23029a10e306",
        "00c139300a009d94ea2793fc08b9"}) {
    const std::string payload = from_hex(hex);
    EXPECT_EQ(crc64(0, payload.data(), payload.size() - 8), trailing_crc(payload)) << hex;
  }
}

}  // namespace
}  // namespace kevy
