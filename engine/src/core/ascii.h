// ASCII helpers shared by every layer (commands, config, persistence): byte strings compared
// the way Redis compares names and options, independent of the C locale.
#pragma once

#include <string_view>

namespace kevy {

// ASCII case-insensitive equality (Redis's strcasecmp on command, option and config names).
inline bool eq_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]);
    unsigned char y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace kevy
