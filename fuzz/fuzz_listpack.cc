// libFuzzer target: the listpack blob decoder RDB and RESTORE use (persist/listpack.h).
//
// Properties: for_each never reads outside the blob, whatever the bytes; a blob it accepts
// holds elements that Builder encodes again into a blob that for_each accepts with the same
// elements (as text), and Builder's blob is stable (encoding it a third time gives the same
// bytes).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "persist/listpack.h"

namespace {

constexpr const char* kTarget = "fuzz_listpack";

bool elements(std::string_view blob, std::vector<std::string>* out) {
  out->clear();
  return kevy::listpack::for_each(blob, [&](std::string_view e) { out->emplace_back(e); });
}

std::string build(const std::vector<std::string>& elems) {
  kevy::listpack::Builder b;
  for (const std::string& e : elems) b.append(e);
  return b.finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view blob(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> elems;
  if (!elements(blob, &elems)) return 0;
  const std::string rebuilt = build(elems);
  std::vector<std::string> again;
  kevy::fuzz::check(elements(rebuilt, &again), kTarget, "Builder's blob is not accepted");
  kevy::fuzz::check(again == elems, kTarget, "Builder's blob holds other elements");
  kevy::fuzz::check(build(again) == rebuilt, kTarget, "Builder is not stable");
  return 0;
}
