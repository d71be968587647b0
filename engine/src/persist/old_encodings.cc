// Intset, ziplist and zipmap blobs (formats in old_encodings.h). The checks follow Redis's
// intsetValidateIntegrity, ziplistValidateIntegrity and zipmapValidateIntegrity in their deep
// form, so a blob loads here exactly when redis-server 7.0.15 would accept it.
#include "persist/old_encodings.h"

#include <limits>

#include "core/numbers.h"

namespace kevy {
namespace {

uint64_t get_le(std::string_view b, size_t pos, size_t n) {
  uint64_t v = 0;
  for (size_t i = n; i-- > 0;) v = (v << 8) | static_cast<uint8_t>(b[pos + i]);
  return v;
}

int64_t sign_extend(uint64_t u, unsigned bits) {
  const unsigned shift = 64 - bits;
  return static_cast<int64_t>(u << shift) >> shift;
}

void put_le(std::string* out, uint64_t v, size_t n) {
  for (size_t i = 0; i < n; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

// ---- intset ---------------------------------------------------------------------------------

bool decode_intset(std::string_view blob, std::vector<int64_t>* out) {
  out->clear();
  if (blob.size() < 8) return false;
  const uint64_t width = get_le(blob, 0, 4);
  if (width != 2 && width != 4 && width != 8) return false;
  const uint64_t count = get_le(blob, 4, 4);
  if (8 + count * width != blob.size()) return false;
  // Redis refuses an empty intset too.
  if (count == 0) return false;
  out->reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    const int64_t v = sign_extend(get_le(blob, 8 + i * width, width), static_cast<unsigned>(8 * width));
    if (!out->empty() && v <= out->back()) {
      out->clear();
      return false;
    }
    out->push_back(v);
  }
  return true;
}

std::string encode_intset(std::span<const int64_t> sorted, size_t min_width) {
  size_t width = min_width == 8 ? 8 : min_width == 4 ? 4 : 2;
  if (!sorted.empty()) {
    const int64_t lo = sorted.front();
    const int64_t hi = sorted.back();
    if (lo < std::numeric_limits<int32_t>::min() || hi > std::numeric_limits<int32_t>::max()) {
      width = 8;
    } else if (width < 4 && (lo < std::numeric_limits<int16_t>::min() ||
               hi > std::numeric_limits<int16_t>::max())) {
      width = 4;
    }
  }
  std::string out;
  out.reserve(8 + sorted.size() * width);
  put_le(&out, width, 4);
  put_le(&out, sorted.size(), 4);
  for (int64_t v : sorted) put_le(&out, static_cast<uint64_t>(v), width);
  return out;
}

// ---- ziplist --------------------------------------------------------------------------------

bool ziplist_for_each(std::string_view blob, const std::function<void(std::string_view)>& fn) {
  constexpr size_t kHeader = 10;  // zlbytes, zltail, zllen
  constexpr uint8_t kEnd = 0xFF;
  const size_t size = blob.size();
  if (size < kHeader + 1) return false;
  if (get_le(blob, 0, 4) != size) return false;
  const uint64_t tail = get_le(blob, 4, 4);
  if (tail > size - 1) return false;
  if (static_cast<uint8_t>(blob[size - 1]) != kEnd) return false;
  const uint64_t header_count = get_le(blob, 8, 2);
  const size_t end = size - 1;  // position of the terminator

  size_t pos = kHeader;
  size_t prev_start = 0;
  size_t prev_size = 0;  // bytes of the previous entry; the first entry's prevlen must be 0
  bool have_prev = false;
  size_t count = 0;
  char text[24];
  while (pos < end && static_cast<uint8_t>(blob[pos]) != kEnd) {
    const size_t start = pos;
    // prevlen: 1 byte below 254, else 0xFE (or 0xFF) and 4 bytes LE.
    uint64_t prevlen = static_cast<uint8_t>(blob[pos]);
    if (prevlen >= 254) {
      if (5 > end - pos) return false;
      prevlen = get_le(blob, pos + 1, 4);
      pos += 5;
    } else {
      pos += 1;
    }
    if (prevlen != prev_size) return false;
    if (pos >= end) return false;
    uint8_t enc = static_cast<uint8_t>(blob[pos]);
    if (enc < 0xC0) enc &= 0xC0;  // string: the top two bits say which length form
    uint64_t len = 0;  // string bytes, or integer bytes
    size_t lensize = 1;
    bool is_string = true;
    if (enc == 0x00) {
      len = static_cast<uint8_t>(blob[pos]) & 0x3f;
    } else if (enc == 0x40) {
      lensize = 2;
      if (lensize > end - pos) return false;
      len = ((uint64_t{static_cast<uint8_t>(blob[pos])} & 0x3f) << 8) |
            static_cast<uint8_t>(blob[pos + 1]);
    } else if (enc == 0x80) {
      lensize = 5;
      if (lensize > end - pos) return false;
      for (size_t i = 1; i <= 4; ++i) len = (len << 8) | static_cast<uint8_t>(blob[pos + i]);
    } else {
      is_string = false;
      switch (enc) {
        case 0xFE: len = 1; break;  // int8
        case 0xC0: len = 2; break;  // int16
        case 0xF0: len = 3; break;  // int24
        case 0xD0: len = 4; break;  // int32
        case 0xE0: len = 8; break;  // int64
        default:
          if (enc < 0xF1 || enc > 0xFD) return false;  // 0xF1..0xFD: immediate 0..12
          len = 0;
      }
    }
    if (lensize > end - pos || len > end - pos - lensize) return false;
    const size_t data = pos + lensize;
    if (is_string) {
      fn(blob.substr(data, len));
    } else {
      int64_t v;
      if (len == 0) {
        v = (enc & 0x0f) - 1;
      } else {
        v = sign_extend(get_le(blob, data, len), static_cast<unsigned>(8 * len));
      }
      fn(std::string_view(text, format_int64(v, text)));
    }
    pos = data + len;
    prev_size = pos - start;
    prev_start = start;
    have_prev = true;
    ++count;
  }
  if (pos != end) return false;  // a 0xFF before the last byte
  if (have_prev && prev_start != tail) return false;
  return header_count == 65535 || header_count == count;
}

// ---- zipmap ---------------------------------------------------------------------------------

bool zipmap_for_each(std::string_view blob,
                     const std::function<void(std::string_view, std::string_view)>& fn) {
  constexpr uint8_t kBigLen = 254;
  constexpr uint8_t kEnd = 0xFF;
  const size_t size = blob.size();
  // As Redis's zipmapValidateIntegrity: the last byte is a terminator, and the pairs run up to
  // the first terminator, which may come earlier (what follows it is ignored).
  if (size < 2 || static_cast<uint8_t>(blob[size - 1]) != kEnd) return false;
  const size_t last = size - 1;
  // Reads a length at pos: 1 byte below 254, else a marker (254 or 255) and 4 bytes LE; false
  // when it would reach the terminator or beyond, or when the 5-byte form holds a length
  // below 254 (redis-server 7.0.15 refuses such a zipmap: its converter sizes a length by
  // its value, its validator by its first byte).
  auto read_len = [&](size_t* pos, uint64_t* len) {
    const uint8_t b = static_cast<uint8_t>(blob[*pos]);
    const size_t n = b < kBigLen ? 1 : 5;
    if (n > last - *pos) return false;
    *len = b < kBigLen ? b : get_le(blob, *pos + 1, 4);
    if (n == 5 && *len < kBigLen) return false;
    *pos += n;
    return true;
  };
  size_t pos = 1;  // after the count byte
  size_t count = 0;
  while (static_cast<uint8_t>(blob[pos]) != kEnd) {
    uint64_t field_len, value_len;
    if (!read_len(&pos, &field_len)) return false;
    if (field_len > last - pos) return false;
    const std::string_view field = blob.substr(pos, field_len);
    pos += field_len;
    if (!read_len(&pos, &value_len)) return false;
    // One "free" byte: unused bytes after the value.
    if (pos >= last) return false;
    const uint64_t free = static_cast<uint8_t>(blob[pos]);
    ++pos;
    if (value_len > last - pos || free > last - pos - value_len) return false;
    fn(field, blob.substr(pos, value_len));
    pos += value_len + free;
    ++count;
  }
  if (count == 0) return false;  // Redis refuses an empty zipmap
  const uint8_t header_count = static_cast<uint8_t>(blob[0]);
  return header_count == kBigLen || header_count == count;
}

}  // namespace kevy
