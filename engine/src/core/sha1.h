// SHA-1 (FIPS 180-4), for DEBUG DIGEST, whose values must equal redis-server's, and any other
// place that needs Redis-compatible SHA-1 output. Not for security: SHA-1 is broken for that.
//
// Incremental use: Sha1 h; h.update(a); h.update(b); auto d = h.finish();  finish() may be
// called once; the object is then spent (make a new one, or call reset()).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kevy {

using Sha1Digest = std::array<uint8_t, 20>;

class Sha1 {
 public:
  Sha1() { reset(); }
  void reset();
  void update(const void* data, size_t len);
  void update(std::string_view s) { update(s.data(), s.size()); }
  Sha1Digest finish();

  // One-shot helper.
  static Sha1Digest of(const void* data, size_t len) {
    Sha1 h;
    h.update(data, len);
    return h.finish();
  }
  static Sha1Digest of(std::string_view s) { return of(s.data(), s.size()); }

 private:
  void compress(const uint8_t* block);  // one 64-byte block

  uint32_t state_[5];
  uint64_t total_bytes_ = 0;
  uint8_t buf_[64];
  size_t buf_len_ = 0;
};

// Lower-case hex, two characters per byte (40 characters for a digest).
std::string to_hex(const Sha1Digest& d);

}  // namespace kevy
