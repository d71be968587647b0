// libFuzzer target: the decoders of the encodings older RDB files carry, ziplist and zipmap
// (persist/old_encodings.h), reached by RDB loads of types 9, 10, 12, 13 and 14.
//
// Input: [selector: 1 byte, even = ziplist, odd = zipmap][blob]. Properties: no read outside
// the blob; an accepted blob yields the same entries when decoded again (the decoders keep no
// state), and a zipmap yields at least one pair (Redis refuses empty ones).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_check.h"
#include "persist/old_encodings.h"

namespace {

constexpr const char* kTarget = "fuzz_ziplist_zipmap";

bool ziplist(std::string_view blob, std::vector<std::string>* out) {
  return kevy::ziplist_for_each(blob, [&](std::string_view e) { out->emplace_back(e); });
}

bool zipmap(std::string_view blob, std::vector<std::pair<std::string, std::string>>* out) {
  return kevy::zipmap_for_each(
      blob, [&](std::string_view f, std::string_view v) { out->emplace_back(f, v); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view blob(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    std::vector<std::string> a, b;
    if (!ziplist(blob, &a)) return 0;
    kevy::fuzz::check(ziplist(blob, &b) && a == b, kTarget, "ziplist decodes differently twice");
  } else {
    std::vector<std::pair<std::string, std::string>> a, b;
    if (!zipmap(blob, &a)) return 0;
    kevy::fuzz::check(!a.empty(), kTarget, "an accepted zipmap without pairs");
    kevy::fuzz::check(zipmap(blob, &b) && a == b, kTarget, "zipmap decodes differently twice");
  }
  return 0;
}
