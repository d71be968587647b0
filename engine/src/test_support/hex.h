// Hex text <-> bytes for tests that hold byte strings recorded from redis-server (DUMP
// payloads, RDB fragments) as hex.
#pragma once

#include <string>
#include <string_view>

namespace kevy {

// "0a0b" -> "\x0a\x0b". REQUIRES: an even number of hex digits.
inline std::string from_hex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

}  // namespace kevy
