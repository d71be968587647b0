// LZF compression and decompression (format in lzf.h).
//
// The compressor reproduces, decision for decision, the liblzf that redis-server links, because
// RDB files and DUMP payloads carry its output byte for byte. Two builds matter (see LzfFlavor):
// Redis's bundled copy (src/lzf_c.c, lzfP.h: HLOG 16, VERY_FAST 1, ULTRA_FAST 0, INIT_HTAB 0)
// and the system liblzf 3.6 that Debian's redis-server 7.0.15 (our oracle) links instead. They
// share everything except one condition (marked below). The facts:
//  - The hash of position p covers p[0..2] and is kept rolling in a 32-bit value h
//    ((h << 8) | next byte); the slot is ((h >> 8) - h * 5) & 0xffff.
//  - At each position p < len - 2 the slot is read and then overwritten with p. A back
//    reference is taken when the slot's position r satisfies: p - r - 1 < 8192, r > 0
//    (position 0 is never referenced), r[0..2] == p[0..2], and, in the bundled copy only,
//    p + 4 < len.
//  - A match is extended to at most min(len - p - 2, 264) bytes (but always 3), except that
//    when that limit is above 16 the first 16 extra bytes are compared without it (so a match
//    may end up to 2 bytes longer than the limit, never past the input).
//  - After a match ending at q, if q < len - 2, positions q - 2 and q - 1 are hashed in;
//    the positions inside the match are not.
//  - Literal runs hold at most 32 bytes. Out of space: a literal byte needs op < cap, a back
//    reference op + 4 < cap (op after closing the current run), the final bytes op + 3 <= cap;
//    failing any of these makes the whole call return 0.
// liblzf leaves its hash table uninitialised (stack garbage from earlier calls), so a stale
// slot can in rare cases give redis-server a different (still valid) match than a fresh table.
// We start every call from an empty table: the only reproducible choice.
#include "persist/lzf.h"

#include <cstring>
#include <limits>
#include <memory>

namespace kevy {
namespace {

constexpr unsigned kHashLog = 16;
constexpr size_t kHashSize = size_t{1} << kHashLog;
constexpr size_t kMaxLiteral = 32;          // literal run length limit
constexpr size_t kMaxOffset = 1 << 13;      // back reference distance limit (8192)
constexpr size_t kMaxRef = (1 << 8) + (1 << 3);  // 264: match length limit

// The hash slot of a position whose rolling value is h (low 24 bits: p[0] p[1] p[2]).
inline uint32_t slot_of(uint32_t h) {
  return ((h >> (3 * 8 - kHashLog)) - h * 5) & static_cast<uint32_t>(kHashSize - 1);
}

// The hash table, one per thread, reused across calls. A slot holds a position only when its
// stamp equals the current call's, so "empty" costs nothing per call.
struct HashTable {
  struct Slot {
    uint32_t stamp;
    uint32_t pos;
  };
  std::unique_ptr<Slot[]> slots;
  uint32_t stamp = 0;

  void begin() {
    if (!slots) slots = std::make_unique<Slot[]>(kHashSize);  // zeroed: stamp 0 is never live
    if (++stamp == 0) {  // wrapped: forget everything
      std::memset(static_cast<void*>(slots.get()), 0, kHashSize * sizeof(Slot));
      stamp = 1;
    }
  }
  // Returns whether the slot held a position of this call (into *pos), and stores p there.
  bool exchange(uint32_t h, uint32_t p, uint32_t* pos) {
    Slot& s = slots[slot_of(h)];
    const bool live = s.stamp == stamp;
    *pos = s.pos;
    s.stamp = stamp;
    s.pos = p;
    return live;
  }
  void put(uint32_t h, uint32_t p) {
    Slot& s = slots[slot_of(h)];
    s.stamp = stamp;
    s.pos = p;
  }
};

thread_local HashTable t_table;

}  // namespace

size_t lzf_compress(const void* in, size_t in_len, void* out, size_t out_cap, LzfFlavor flavor) {
  // liblzf takes unsigned int lengths; longer inputs are simply stored uncompressed.
  if (in_len == 0 || out_cap == 0 || in_len > std::numeric_limits<uint32_t>::max()) return 0;
  const auto* src = static_cast<const unsigned char*>(in);
  auto* dst = static_cast<unsigned char*>(out);
  HashTable& table = t_table;
  table.begin();
  // Redis's bundled copy never starts a match within 4 bytes of the end.
  const bool near_end_check = flavor == LzfFlavor::kRedisBundled;

  size_t ip = 0;
  size_t op = 1;  // dst[0] is reserved for the first literal run's control byte
  size_t lit = 0;
  // Closes the literal run in progress: writes its control byte, or gives back the reserved
  // byte when the run is empty.
  auto close_run = [&] {
    if (lit > 0) {
      dst[op - lit - 1] = static_cast<unsigned char>(lit - 1);
    } else {
      --op;
    }
  };

  uint32_t h = in_len >= 2 ? (uint32_t{src[0]} << 8) | src[1] : 0;
  while (in_len >= 3 && ip < in_len - 2) {
    h = (h << 8) | src[ip + 2];
    uint32_t ref = 0;
    const bool live = table.exchange(h, static_cast<uint32_t>(ip), &ref);
    if (live && ip - ref - 1 < kMaxOffset && (!near_end_check || ip + 4 < in_len) && ref > 0 &&
        src[ref] == src[ip] && src[ref + 1] == src[ip + 1] && src[ref + 2] == src[ip + 2]) {
      size_t len = 2;  // bytes known equal so far, minus one
      size_t maxlen = in_len - ip - 2;
      if (maxlen > kMaxRef) maxlen = kMaxRef;

      close_run();
      if (op + 3 + 1 >= out_cap) return 0;

      bool stopped = false;
      if (maxlen > 16) {
        for (int k = 0; k < 16; ++k) {
          ++len;
          if (src[ref + len] != src[ip + len]) {
            stopped = true;
            break;
          }
        }
      }
      if (!stopped) {
        do {
          ++len;
        } while (len < maxlen && src[ref + len] == src[ip + len]);
      }
      // len is now the match length; the control byte carries length - 2.
      len -= 2;
      const size_t off = ip - ref - 1;
      if (len < 7) {
        dst[op++] = static_cast<unsigned char>((off >> 8) + (len << 5));
      } else {
        dst[op++] = static_cast<unsigned char>((off >> 8) + (7 << 5));
        dst[op++] = static_cast<unsigned char>(len - 7);
      }
      dst[op++] = static_cast<unsigned char>(off);
      lit = 0;
      ++op;  // reserve the next run's control byte

      ip += len + 2;
      if (ip >= in_len - 2) break;

      // Hash in the last two positions of the match.
      ip -= 2;
      h = (uint32_t{src[ip]} << 8) | src[ip + 1];
      h = (h << 8) | src[ip + 2];
      table.put(h, static_cast<uint32_t>(ip));
      ++ip;
      h = (h << 8) | src[ip + 2];
      table.put(h, static_cast<uint32_t>(ip));
      ++ip;
    } else {
      if (op >= out_cap) return 0;
      ++lit;
      dst[op++] = src[ip++];
      if (lit == kMaxLiteral) {
        close_run();
        lit = 0;
        ++op;
      }
    }
  }

  // At most two input bytes are left (plus possibly a new control byte).
  if (op + 3 > out_cap) return 0;
  while (ip < in_len) {
    ++lit;
    dst[op++] = src[ip++];
    if (lit == kMaxLiteral) {
      close_run();
      lit = 0;
      ++op;
    }
  }
  close_run();
  return op;
}

bool lzf_decompress(const void* in, size_t in_len, void* out, size_t out_len) {
  const auto* src = static_cast<const unsigned char*>(in);
  auto* dst = static_cast<unsigned char*>(out);
  size_t ip = 0;
  size_t op = 0;
  while (ip < in_len) {
    const unsigned ctrl = src[ip++];
    if (ctrl < 32) {  // literal run of ctrl + 1 bytes
      const size_t n = ctrl + 1;
      if (n > in_len - ip || n > out_len - op) return false;
      std::memcpy(dst + op, src + ip, n);
      ip += n;
      op += n;
      continue;
    }
    size_t len = ctrl >> 5;
    if (len == 7) {
      if (ip >= in_len) return false;
      len += src[ip++];
    }
    if (ip >= in_len) return false;
    const size_t back = ((size_t{ctrl} & 0x1f) << 8) + src[ip++] + 1;
    len += 2;
    if (back > op || len > out_len - op) return false;
    const size_t from = op - back;
    if (back >= len) {
      std::memcpy(dst + op, dst + from, len);
    } else {  // overlapping: the copy repeats the last `back` bytes
      for (size_t i = 0; i < len; ++i) dst[op + i] = dst[from + i];
    }
    op += len;
  }
  return op == out_len;
}

}  // namespace kevy
