// What every fuzz target does when its property fails: say which target and why on stderr,
// then abort, so that libFuzzer (or the replay main) stops and keeps the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace kevy::fuzz {

[[noreturn]] inline void fail(const char* target, const char* what) {
  std::fprintf(stderr, "%s: %s\n", target, what);
  std::abort();
}

inline void check(bool ok, const char* target, const char* what) {
  if (!ok) fail(target, what);
}

}  // namespace kevy::fuzz
