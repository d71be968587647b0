// heap_bytes: what one malloc/new of `request` bytes really costs, for memory reports.
//
// The model is glibc's malloc on 64-bit Linux (the allocator kevy is built and measured with):
// every chunk carries an 8-byte size header, chunks are 16-byte aligned, and the smallest is
// 32 bytes. So a 38-byte Entry costs 48 bytes, a 24-byte one 32. Other allocators round
// differently (jemalloc, which Redis's MEMORY USAGE reports through zmalloc_size, has no header
// and size classes 8, 16, 32, 48, ...); the model is an estimate, cheap enough for every
// allocation a value owns. A request of 0 bytes (an empty vector, an inline string) costs 0.
#pragma once

#include <cstddef>
#include <string>

namespace kevy {

constexpr size_t heap_bytes(size_t request) {
  if (request == 0) return 0;
  const size_t chunk = (request + 8 + 15) & ~size_t{15};
  return chunk < 32 ? 32 : chunk;
}

// Heap bytes behind a std::string: nothing while the text fits the inline buffer, else the
// capacity plus the terminating NUL.
inline size_t heap_bytes(const std::string& s) {
  return s.capacity() > std::string().capacity() ? heap_bytes(s.capacity() + 1) : 0;
}

}  // namespace kevy
