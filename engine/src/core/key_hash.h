// hash_key: the 64-bit hash of a key, member or field for the in-memory tables (core/table.h).
//
// Contract: deterministic (no per-process seed: SCAN cursors and seeded random picks reproduce
// from run to run), every bit depends on every input byte, and the top bits (a Table's home
// slot) and the low byte (its tag) are both well mixed. Not a defence against chosen-key
// flooding, like the std::hash it replaced.
//
// Why our own: keys are short (most under 24 bytes) and every command hashes at least one, so
// the hash is on every command's path. Built on the 64x64->128-bit multiply ("folded
// multiply": the two halves of the product xor-ed), which mixes a whole word in one step;
// a key of up to 16 bytes costs two loads and two multiplies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kevy {

namespace key_hash_detail {

// Odd constants with well-spread bits (from the golden ratio and other irrationals).
inline constexpr uint64_t kMul0 = 0x9E3779B97F4A7C15ULL;
inline constexpr uint64_t kMul1 = 0xC2B2AE3D27D4EB4FULL;
inline constexpr uint64_t kMul2 = 0x165667B19E3779F9ULL;

inline uint64_t folded_multiply(uint64_t a, uint64_t b) {
  const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

inline uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline uint64_t load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace key_hash_detail

inline uint64_t hash_key(std::string_view key) {
  using namespace key_hash_detail;
  const char* p = key.data();
  size_t n = key.size();
  uint64_t state = kMul0 ^ (static_cast<uint64_t>(n) * kMul2);
  // Whole 16-byte blocks but the last (1..16 bytes are left for the tail).
  while (n > 16) {
    state = folded_multiply(load64(p) ^ kMul1, load64(p + 8) ^ state);
    p += 16;
    n -= 16;
  }
  // The tail: 0..16 bytes as two words (overlapping when shorter than 16).
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    a = load64(p);
    b = load64(p + n - 8);
  } else if (n >= 4) {
    a = load32(p);
    b = load32(p + n - 4);
  } else if (n > 0) {
    const auto byte = [&](size_t i) { return static_cast<uint64_t>(static_cast<uint8_t>(p[i])); };
    a = (byte(0) << 16) | (byte(n / 2) << 8) | byte(n - 1);
  }
  const uint64_t mixed = folded_multiply(a ^ kMul1, b ^ state);
  // A second round spreads the tail's bits over the top bits and the low byte alike.
  return folded_multiply(mixed ^ kMul2, kMul0);
}

}  // namespace kevy
