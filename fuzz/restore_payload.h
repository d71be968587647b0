// The fuzz input of the RESTORE targets is a DUMP payload without its footer; this adds the
// footer (RDB version 10, little endian, then the CRC64 of everything before it), so mutated
// payloads reach the value parser instead of failing on the checksum.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "persist/crc64.h"

namespace kevy::fuzz {

inline std::string dump_payload(const uint8_t* data, size_t size) {
  std::string payload(reinterpret_cast<const char*>(data), size);
  payload.push_back(10);
  payload.push_back(0);
  const uint64_t crc = kevy::crc64(0, payload.data(), payload.size());
  for (int i = 0; i < 8; ++i) payload.push_back(static_cast<char>(crc >> (8 * i)));
  return payload;
}

}  // namespace kevy::fuzz
