// CRC-64/Jones as Redis computes it (see crc64.h), eight bytes at a time ("slicing by 8"):
// tables for the reflected polynomial built once at compile time. Table k gives the CRC
// contribution of a byte followed by k zero bytes, so one 64-bit word is folded in with eight
// lookups instead of eight dependent shift-and-lookup steps.
#include "persist/crc64.h"

#include <array>
#include <cstring>

namespace kevy {
namespace {

// 0xad93d23594c935a9 with its bits reversed: the reflected algorithm shifts right.
constexpr uint64_t kReflectedPoly = 0x95ac9329ac4bc9b5ULL;

using Tables = std::array<std::array<uint64_t, 256>, 8>;

constexpr Tables make_tables() {
  Tables t{};
  for (uint64_t i = 0; i < 256; ++i) {
    uint64_t c = i;
    for (int bit = 0; bit < 8; ++bit) c = (c & 1) ? (c >> 1) ^ kReflectedPoly : c >> 1;
    t[0][i] = c;
  }
  for (size_t k = 1; k < 8; ++k) {
    for (size_t i = 0; i < 256; ++i) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xff];
  }
  return t;
}

constexpr Tables kTables = make_tables();

}  // namespace

uint64_t crc64(uint64_t crc, const void* data, size_t len) {
  const auto* p = static_cast<const unsigned char*>(data);
  // Whole words, read little-endian (the byte order the reflected algorithm consumes).
  for (; len >= 8; len -= 8, p += 8) {
    uint64_t word = 0;
    for (int b = 7; b >= 0; --b) word = (word << 8) | p[b];
    crc ^= word;
    crc = kTables[7][crc & 0xff] ^ kTables[6][(crc >> 8) & 0xff] ^
          kTables[5][(crc >> 16) & 0xff] ^ kTables[4][(crc >> 24) & 0xff] ^
          kTables[3][(crc >> 32) & 0xff] ^ kTables[2][(crc >> 40) & 0xff] ^
          kTables[1][(crc >> 48) & 0xff] ^ kTables[0][crc >> 56];
  }
  for (; len > 0; --len, ++p) crc = kTables[0][(crc ^ *p) & 0xff] ^ (crc >> 8);
  return crc;
}

}  // namespace kevy
