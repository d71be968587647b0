// LEB128-style varints (7 bits per byte, low groups first, high bit = more follows): the
// length prefix of every compact layout (Entry, list nodes, small hashes).
#pragma once

#include <cstddef>
#include <string>

namespace kevy::varint {

// Bytes the varint of v takes.
inline size_t size(size_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

// Writes v at p; returns the byte after it. REQUIRES: room for size(v) bytes.
inline unsigned char* put(unsigned char* p, size_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<unsigned char>(v | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<unsigned char>(v);
  return p;
}

inline void append(std::string& out, size_t v) {
  unsigned char buf[10];
  out.append(reinterpret_cast<const char*>(buf),
             static_cast<size_t>(put(buf, v) - buf));
}

// Reads a varint at p into *v; returns the byte after it. REQUIRES: a complete varint at p.
inline const unsigned char* get(const unsigned char* p, size_t* v) {
  size_t out = 0;
  unsigned shift = 0;
  while (*p & 0x80) {
    out |= static_cast<size_t>(*p++ & 0x7f) << shift;
    shift += 7;
  }
  out |= static_cast<size_t>(*p++) << shift;
  *v = out;
  return p;
}

}  // namespace kevy::varint
