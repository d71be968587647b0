// Listpack blobs (format in listpack.h): building them with the encodings Redis's lpAppend
// picks, and walking them with the checks of Redis's lpValidateIntegrity (deep).
#include "persist/listpack.h"

#include <limits>
#include <optional>

#include "core/numbers.h"

namespace kevy::listpack {
namespace {

constexpr size_t kHeaderSize = 6;  // total bytes (4 LE) + element count (2 LE)
constexpr uint8_t kEof = 0xFF;
constexpr size_t kCountUnknown = 65535;

// Encoding bytes (first byte of an element).
constexpr uint8_t k6BitStr = 0x80;   // 10LLLLLL
constexpr uint8_t k13BitInt = 0xC0;  // 110vvvvv vvvvvvvv
constexpr uint8_t k12BitStr = 0xE0;  // 1110LLLL LLLLLLLL
constexpr uint8_t k32BitStr = 0xF0;  // then 4-byte LE length
constexpr uint8_t k16BitInt = 0xF1;
constexpr uint8_t k24BitInt = 0xF2;
constexpr uint8_t k32BitInt = 0xF3;
constexpr uint8_t k64BitInt = 0xF4;

void put_le(std::string* out, uint64_t v, int n) {
  for (int i = 0; i < n; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// lpEncodeBacklen's size classes (note the odd "<" bounds, as Redis has them).
size_t backlen_size(uint64_t l) {
  if (l <= 127) return 1;
  if (l < 16383) return 2;
  if (l < 2097151) return 3;
  if (l < 268435455) return 4;
  return 5;
}

// The backlen bytes: big-endian 7-bit groups, every byte but the first with bit 7 set, so a
// reader going right to left stops at the first byte without it.
void put_backlen(std::string* out, uint64_t l) {
  const size_t n = backlen_size(l);
  for (size_t i = 0; i < n; ++i) {
    uint8_t b = static_cast<uint8_t>((l >> (7 * (n - 1 - i))) & 127);
    if (i > 0) b |= 128;
    out->push_back(static_cast<char>(b));
  }
}

// lpDecodeBacklen: reads 7-bit groups right to left from blob[last] while bit 7 is set, at
// most 5 bytes (more: nullopt). Like Redis, it may read on into the element before the backlen
// (its reading is checked, not its bytes); it stops at the blob's first byte.
std::optional<uint64_t> decode_backlen(std::string_view blob, size_t last) {
  uint64_t value = 0;
  for (unsigned shift = 0;; shift += 7) {
    const uint8_t b = static_cast<uint8_t>(blob[last]);
    value |= uint64_t{b & 127u} << shift;
    if ((b & 128) == 0) return value;
    if (shift + 7 > 28 || last == 0) return std::nullopt;
    --last;
  }
}

uint64_t get_le(std::string_view b, size_t pos, int n) {
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(b[pos + static_cast<size_t>(i)]);
  return v;
}

// Sign-extends the low `bits` bits of u.
int64_t sign_extend(uint64_t u, unsigned bits) {
  const unsigned shift = 64 - bits;
  return static_cast<int64_t>(u << shift) >> shift;
}

}  // namespace

void Builder::append_int(int64_t v) {
  const size_t start = body_.size();
  if (v >= 0 && v <= 127) {
    body_.push_back(static_cast<char>(v));
  } else if (v >= -4096 && v <= 4095) {
    const uint64_t u = static_cast<uint64_t>(v) & 0x1fff;
    body_.push_back(static_cast<char>(k13BitInt | (u >> 8)));
    body_.push_back(static_cast<char>(u & 0xff));
  } else if (v >= -32768 && v <= 32767) {
    body_.push_back(static_cast<char>(k16BitInt));
    put_le(&body_, static_cast<uint64_t>(v), 2);
  } else if (v >= -8388608 && v <= 8388607) {
    body_.push_back(static_cast<char>(k24BitInt));
    put_le(&body_, static_cast<uint64_t>(v), 3);
  } else if (v >= std::numeric_limits<int32_t>::min() && v <= std::numeric_limits<int32_t>::max()) {
    body_.push_back(static_cast<char>(k32BitInt));
    put_le(&body_, static_cast<uint64_t>(v), 4);
  } else {
    body_.push_back(static_cast<char>(k64BitInt));
    put_le(&body_, static_cast<uint64_t>(v), 8);
  }
  put_backlen(&body_, body_.size() - start);
  ++count_;
}

void Builder::append(std::string_view element) {
  if (auto v = parse_int64(element)) {
    append_int(*v);
    return;
  }
  const size_t start = body_.size();
  const size_t len = element.size();
  if (len < 64) {
    body_.push_back(static_cast<char>(k6BitStr | len));
  } else if (len < 4096) {
    body_.push_back(static_cast<char>(k12BitStr | (len >> 8)));
    body_.push_back(static_cast<char>(len & 0xff));
  } else {
    body_.push_back(static_cast<char>(k32BitStr));
    put_le(&body_, len, 4);
  }
  body_.append(element);
  put_backlen(&body_, body_.size() - start);
  ++count_;
}

std::string Builder::finish() {
  std::string out;
  out.reserve(kHeaderSize + body_.size() + 1);
  put_le(&out, kHeaderSize + body_.size() + 1, 4);
  put_le(&out, count_ < kCountUnknown ? count_ : kCountUnknown, 2);
  out += body_;
  out.push_back(static_cast<char>(kEof));
  body_.clear();
  count_ = 0;
  return out;
}

bool for_each(std::string_view blob, const std::function<void(std::string_view)>& fn) {
  const size_t size = blob.size();
  if (size < kHeaderSize + 1) return false;
  if (get_le(blob, 0, 4) != size) return false;
  if (static_cast<uint8_t>(blob[size - 1]) != kEof) return false;
  const size_t header_count = get_le(blob, 4, 2);
  const size_t end = size - 1;  // position of the terminator

  size_t pos = kHeaderSize;
  size_t count = 0;
  char text[24];
  while (pos < end) {
    const uint8_t b = static_cast<uint8_t>(blob[pos]);
    if (b == kEof) return false;  // a terminator before the last byte
    // Size of the encoding bytes (before any string data), then of the whole element.
    size_t head;
    uint64_t data_len = 0;
    bool is_string = false;
    if ((b & 0x80) == 0) {
      head = 1;
    } else if ((b & 0xC0) == k6BitStr) {
      head = 1;
      data_len = b & 0x3f;
      is_string = true;
    } else if ((b & 0xE0) == k13BitInt) {
      head = 2;
    } else if ((b & 0xF0) == k12BitStr) {
      head = 2;
      is_string = true;
    } else if (b == k32BitStr) {
      head = 5;
      is_string = true;
    } else if (b == k16BitInt) {
      head = 3;
    } else if (b == k24BitInt) {
      head = 4;
    } else if (b == k32BitInt) {
      head = 5;
    } else if (b == k64BitInt) {
      head = 9;
    } else {
      return false;  // 0xF5..0xFE: no such encoding
    }
    if (head > end - pos) return false;
    if (b == k32BitStr) {
      data_len = get_le(blob, pos + 1, 4);
    } else if ((b & 0xF0) == k12BitStr) {
      data_len = (uint64_t{b & 0x0fu} << 8) | static_cast<uint8_t>(blob[pos + 1]);
    }
    const uint64_t entry_len = head + data_len;
    const size_t back = backlen_size(entry_len);
    if (entry_len > end - pos || back > end - pos - entry_len) return false;
    // As lpValidateNext: the backlen, read right to left as lpPrev would, gives the element's
    // length. Its bytes need not be the ones the encoder writes (0x81 after a 1-byte element
    // reads as 1, the element's own byte supplying the high bits).
    if (decode_backlen(blob, pos + entry_len + back - 1) != entry_len) return false;

    if (is_string) {
      fn(blob.substr(pos + head, data_len));
    } else {
      int64_t v;
      if ((b & 0x80) == 0) {
        v = b;
      } else if ((b & 0xE0) == k13BitInt) {
        v = sign_extend((uint64_t{b & 0x1fu} << 8) | static_cast<uint8_t>(blob[pos + 1]), 13);
      } else {
        const int n = static_cast<int>(head - 1);
        v = sign_extend(get_le(blob, pos + 1, n), static_cast<unsigned>(8 * n));
      }
      fn(std::string_view(text, format_int64(v, text)));
    }
    pos += entry_len + back;
    ++count;
  }
  return header_count == kCountUnknown || header_count == count;
}

}  // namespace kevy::listpack
