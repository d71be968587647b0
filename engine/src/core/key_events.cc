// notify-keyspace-events letters <-> NotifyClass bits (core/key_events.h). The config module
// parses and validates the text (config_values.cc); these two conversions are what the bound
// parameter stores in Options::notify_keyspace_events and what CONFIG GET prints back.
#include "core/key_events.h"

namespace kevy {
namespace {

// The class letters in the order Redis prints them, each with its bit; 'A' is all of them but
// 'n' (a new key) and the K E m letters.
struct Letter {
  char c;
  uint32_t bit;
};
constexpr Letter kClassLetters[] = {
    {'g', kNotifyGeneric}, {'$', kNotifyString}, {'l', kNotifyList},    {'s', kNotifySet},
    {'h', kNotifyHash},    {'z', kNotifyZset},   {'x', kNotifyExpired}, {'e', kNotifyEvicted},
    {'t', kNotifyStream},  {'d', kNotifyModule}, {'n', kNotifyNew},
};
constexpr Letter kChannelLetters[] = {
    {'K', kNotifyKeyspace}, {'E', kNotifyKeyevent}, {'m', kNotifyKeyMiss}};
constexpr uint32_t kNotifyAll = kNotifyGeneric | kNotifyString | kNotifyList | kNotifySet |
                                kNotifyHash | kNotifyZset | kNotifyExpired | kNotifyEvicted |
                                kNotifyStream | kNotifyModule;

}  // namespace

uint32_t notify_flags_from_letters(std::string_view letters) {
  uint32_t flags = 0;
  for (char c : letters) {
    if (c == 'A') {
      flags |= kNotifyAll;
      continue;
    }
    for (const Letter& l : kClassLetters) {
      if (l.c == c) flags |= l.bit;
    }
    for (const Letter& l : kChannelLetters) {
      if (l.c == c) flags |= l.bit;
    }
  }
  return flags;
}

std::string notify_letters_from_flags(uint32_t flags) {
  std::string out;
  if ((flags & kNotifyAll) == kNotifyAll) {
    // Redis's keyspaceEventsFlagsToString: 'A' replaces every class letter, 'n' included.
    out += 'A';
  } else {
    for (const Letter& l : kClassLetters) {
      if (flags & l.bit) out += l.c;
    }
  }
  for (const Letter& l : kChannelLetters) {
    if (flags & l.bit) out += l.c;
  }
  return out;
}

}  // namespace kevy
