// libFuzzer target: the intset blob decoder (persist/old_encodings.h, decode_intset).
//
// Properties: no read outside the blob; an accepted intset has strictly ascending members,
// and encode_intset of them, at the width the blob used, gives back exactly the blob.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "persist/old_encodings.h"

namespace {
constexpr const char* kTarget = "fuzz_intset";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view blob(reinterpret_cast<const char*>(data), size);
  std::vector<int64_t> members;
  if (!kevy::decode_intset(blob, &members)) return 0;
  for (size_t i = 1; i < members.size(); ++i) {
    kevy::fuzz::check(members[i - 1] < members[i], kTarget, "members are not ascending");
  }
  uint32_t width = 0;
  std::memcpy(&width, data, sizeof width);  // accepted: at least the 8-byte header
  kevy::fuzz::check(kevy::encode_intset(members, width) == blob, kTarget,
                    "encoding the members again gives other bytes");
  return 0;
}
