// libFuzzer target: the RESP2/RESP3 reply parser the harness reads servers with
// (engine/tools/cli/resp_value.h, parse_resp).
//
// Properties: no crash or out-of-bounds read on any bytes; a reply that parses used at most
// the bytes given; encode_resp of it parses again to the same value; and every proper prefix
// of the bytes it used is incomplete (a reader waiting for more bytes never sees a reply
// early, nor a malformation that more bytes would have fixed).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "resp_value.h"

namespace {

constexpr const char* kTarget = "fuzz_resp_reply";

bool same(const kevy::cli::RespValue& a, const kevy::cli::RespValue& b) {
  if (a.type != b.type || a.is_null != b.is_null || a.str != b.str ||
      a.elems.size() != b.elems.size() || a.attributes.size() != b.attributes.size()) {
    return false;
  }
  for (size_t i = 0; i < a.elems.size(); ++i) {
    if (!same(a.elems[i], b.elems[i])) return false;
  }
  for (size_t i = 0; i < a.attributes.size(); ++i) {
    if (!same(a.attributes[i], b.attributes[i])) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using kevy::cli::ParseStatus;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  kevy::cli::RespValue v;
  size_t used = 0;
  if (kevy::cli::parse_resp(in, &v, &used) != ParseStatus::kOk) return 0;
  kevy::fuzz::check(used > 0 && used <= size, kTarget, "a reply used no bytes or too many");

  const std::string again = kevy::cli::encode_resp(v);
  kevy::cli::RespValue w;
  size_t used_again = 0;
  kevy::fuzz::check(kevy::cli::parse_resp(again, &w, &used_again) == ParseStatus::kOk, kTarget,
                    "the encoded reply does not parse");
  kevy::fuzz::check(used_again == again.size(), kTarget, "the encoded reply has extra bytes");
  kevy::fuzz::check(same(v, w), kTarget, "the encoded reply parses to another value");

  // Prefixes: a sample of cut points keeps long inputs fast.
  const size_t step = used > 256 ? used / 128 : 1;
  for (size_t cut = 0; cut < used; cut += step) {
    kevy::cli::RespValue p;
    size_t n = 0;
    kevy::fuzz::check(kevy::cli::parse_resp(in.substr(0, cut), &p, &n) == ParseStatus::kIncomplete,
                      kTarget, "a prefix of a reply is not incomplete");
  }
  return 0;
}
