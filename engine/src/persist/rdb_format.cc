#include "persist/rdb_format.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include "core/numbers.h"
#include "persist/lzf.h"

namespace kevy::rdb {
namespace {

constexpr uint8_t kLen6 = 0;
constexpr uint8_t kLen14 = 1;
constexpr uint8_t kLen32 = 0x80;
constexpr uint8_t kLen64 = 0x81;
constexpr uint8_t kEncoded = 3;  // top two bits 11: a special string encoding follows
constexpr uint8_t kEncInt8 = 0;
constexpr uint8_t kEncInt16 = 1;
constexpr uint8_t kEncInt32 = 2;
constexpr uint8_t kEncLzf = 3;

// An LZF string's declared size may not exceed what its compressed bytes can expand to
// (a 3-byte back reference yields at most 264 bytes), so a corrupt header cannot make the
// reader allocate gigabytes.
constexpr uint64_t kMaxLzfRatio = 100;

// rdbEncodeInteger: the INT8/16/32 form of v into buf; 0 when v needs more than 32 bits.
size_t encode_integer(int64_t v, unsigned char* buf) {
  if (v >= -(1 << 7) && v <= (1 << 7) - 1) {
    buf[0] = (kEncoded << 6) | kEncInt8;
    buf[1] = static_cast<unsigned char>(v);
    return 2;
  }
  if (v >= -(1 << 15) && v <= (1 << 15) - 1) {
    buf[0] = (kEncoded << 6) | kEncInt16;
    buf[1] = static_cast<unsigned char>(v);
    buf[2] = static_cast<unsigned char>(v >> 8);
    return 3;
  }
  if (v >= std::numeric_limits<int32_t>::min() && v <= std::numeric_limits<int32_t>::max()) {
    buf[0] = (kEncoded << 6) | kEncInt32;
    for (int i = 0; i < 4; ++i) buf[1 + i] = static_cast<unsigned char>(v >> (8 * i));
    return 5;
  }
  return 0;
}

}  // namespace

// ---- RdbWriter ------------------------------------------------------------------------------

void RdbWriter::length(uint64_t len) {
  if (len < (1 << 6)) {
    byte(static_cast<uint8_t>((kLen6 << 6) | len));
  } else if (len < (1 << 14)) {
    byte(static_cast<uint8_t>((kLen14 << 6) | (len >> 8)));
    byte(static_cast<uint8_t>(len));
  } else if (len <= std::numeric_limits<uint32_t>::max()) {
    byte(kLen32);
    for (int i = 3; i >= 0; --i) byte(static_cast<uint8_t>(len >> (8 * i)));
  } else {
    byte(kLen64);
    for (int i = 7; i >= 0; --i) byte(static_cast<uint8_t>(len >> (8 * i)));
  }
}

void RdbWriter::string(std::string_view s) {
  if (s.size() <= 11) {
    // Only a text that reads back identically (no "+1", "01", "-0") is integer-encoded.
    if (auto v = parse_int64(s)) {
      unsigned char buf[5];
      if (size_t n = encode_integer(*v, buf)) {
        raw(std::string_view(reinterpret_cast<const char*>(buf), n));
        return;
      }
    }
  }
  if (compress_ && s.size() > 20) {
    std::string packed(s.size() - 4, '\0');
    const size_t n = lzf_compress(s.data(), s.size(), packed.data(), packed.size());
    if (n > 0) {
      lzf_blob(std::string_view(packed.data(), n), s.size());
      return;
    }
  }
  length(s.size());
  raw(s);
}

void RdbWriter::lzf_blob(std::string_view compressed, size_t original_size) {
  byte((kEncoded << 6) | kEncLzf);
  length(compressed.size());
  length(original_size);
  raw(compressed);
}

void RdbWriter::integer_string(int64_t v) {
  unsigned char buf[5];
  if (size_t n = encode_integer(v, buf)) {
    raw(std::string_view(reinterpret_cast<const char*>(buf), n));
    return;
  }
  char text[24];
  const size_t len = format_int64(v, text);
  length(len);
  raw(std::string_view(text, len));
}

void RdbWriter::le32(uint32_t v) {
  for (int i = 0; i < 4; ++i) byte(static_cast<uint8_t>(v >> (8 * i)));
}

void RdbWriter::le64(uint64_t v) {
  for (int i = 0; i < 8; ++i) byte(static_cast<uint8_t>(v >> (8 * i)));
}

void RdbWriter::millis(int64_t unix_ms) { le64(static_cast<uint64_t>(unix_ms)); }

void RdbWriter::binary_double(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  le64(bits);
}

// ---- RdbReader ------------------------------------------------------------------------------

bool RdbReader::fail(const char* what, std::string_view why) {
  if (status_.is_ok()) {
    status_ = Status::corruption(std::string(what) + " at offset " + std::to_string(offset()) +
                                 ": " + std::string(why));
  }
  return false;
}

bool RdbReader::byte(uint8_t* out, const char* what) {
  if (!ok()) return false;
  if (pos_ >= data_.size()) return fail(what, "unexpected end of data");
  *out = static_cast<uint8_t>(data_[pos_++]);
  return true;
}

bool RdbReader::bytes(size_t n, std::string_view* out, const char* what) {
  if (!ok()) return false;
  if (n > remaining()) {
    return fail(what, "needs " + std::to_string(n) + " bytes, " + std::to_string(remaining()) +
                          " left");
  }
  *out = data_.substr(pos_, n);
  pos_ += n;
  return true;
}

bool RdbReader::le32(uint32_t* out, const char* what) {
  std::string_view b;
  if (!bytes(4, &b, what)) return false;
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(b[static_cast<size_t>(i)]);
  *out = v;
  return true;
}

bool RdbReader::le64(uint64_t* out, const char* what) {
  std::string_view b;
  if (!bytes(8, &b, what)) return false;
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(b[static_cast<size_t>(i)]);
  *out = v;
  return true;
}

bool RdbReader::length(uint64_t* out, const char* what, bool* encoded) {
  if (encoded != nullptr) *encoded = false;
  uint8_t first;
  if (!byte(&first, what)) return false;
  const uint8_t kind = first >> 6;
  if (kind == kLen6) {
    *out = first & 0x3f;
    return true;
  }
  if (kind == kLen14) {
    uint8_t second;
    if (!byte(&second, what)) return false;
    *out = (static_cast<uint64_t>(first & 0x3f) << 8) | second;
    return true;
  }
  if (kind == kEncoded) {
    // Where a plain length belongs, redis-server 7.0.15 (rdbLoadLen with no `isencoded`)
    // takes the low 6 bits of an encoded-string byte as the length: 0xc1 reads as 1.
    if (encoded != nullptr) *encoded = true;
    *out = first & 0x3f;
    return true;
  }
  if (first != kLen32 && first != kLen64) return fail(what, "unknown length encoding");
  std::string_view b;
  if (!bytes(first == kLen32 ? 4 : 8, &b, what)) return false;
  uint64_t v = 0;
  for (char c : b) v = (v << 8) | static_cast<uint8_t>(c);
  *out = v;
  return true;
}

bool RdbReader::string(std::string* out, const char* what) {
  bool encoded;
  uint64_t len;
  if (!length(&len, what, &encoded)) return false;
  if (!encoded) {
    std::string_view b;
    if (!bytes(len, &b, what)) return false;
    out->assign(b);
    return true;
  }
  if (len == kEncInt8 || len == kEncInt16 || len == kEncInt32) {
    const size_t n = len == kEncInt8 ? 1 : len == kEncInt16 ? 2 : 4;
    std::string_view b;
    if (!bytes(n, &b, what)) return false;
    uint64_t u = 0;
    for (size_t i = n; i-- > 0;) u = (u << 8) | static_cast<uint8_t>(b[i]);
    // Sign-extend from n bytes.
    const unsigned shift = static_cast<unsigned>(64 - 8 * n);
    const int64_t v = static_cast<int64_t>(u << shift) >> shift;
    char text[24];
    out->assign(text, format_int64(v, text));
    return true;
  }
  if (len != kEncLzf) return fail(what, "unknown string encoding " + std::to_string(len));
  uint64_t packed_len, plain_len;
  if (!length(&packed_len, what) || !length(&plain_len, what)) return false;
  std::string_view packed;
  if (!bytes(packed_len, &packed, what)) return false;
  if (plain_len == 0) {
    // redis-server 7.0.15 accepts it: decompressing into 0 bytes "succeeds" with 0 bytes
    // whatever the compressed bytes are, so the string is empty.
    out->clear();
    return true;
  }
  if (plain_len > packed_len * kMaxLzfRatio) {
    return fail(what, "LZF string of " + std::to_string(plain_len) + " bytes from " +
                          std::to_string(packed_len) + " compressed bytes");
  }
  out->resize(plain_len);
  if (!lzf_decompress(packed.data(), packed.size(), out->data(), plain_len)) {
    return fail(what, "invalid LZF data");
  }
  return true;
}

bool RdbReader::millis(int64_t* out, const char* what) {
  uint64_t v;
  if (!le64(&v, what)) return false;
  *out = static_cast<int64_t>(v);
  return true;
}

bool RdbReader::seconds32(int64_t* out, const char* what) {
  uint32_t v;
  if (!le32(&v, what)) return false;
  *out = static_cast<int32_t>(v);
  return true;
}

bool RdbReader::binary_double(double* out, const char* what) {
  uint64_t bits;
  if (!le64(&bits, what)) return false;
  std::memcpy(out, &bits, sizeof bits);
  return true;
}

bool RdbReader::text_double(double* out, const char* what) {
  uint8_t len;
  if (!byte(&len, what)) return false;
  if (len == 253) {
    *out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  if (len == 254 || len == 255) {
    *out = len == 254 ? HUGE_VAL : -HUGE_VAL;
    return true;
  }
  std::string_view b;
  if (!bytes(len, &b, what)) return false;
  // Redis reads it with sscanf("%lg") and does not check the result; an unreadable text is
  // refused here rather than loaded as garbage.
  const std::string text(b);
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return fail(what, "score is not a number");
  return true;
}

}  // namespace kevy::rdb
