// libFuzzer target: the server-side request parser (RESP multibulk and inline requests).
//
// Input: [chunk seed: 1 byte][bytes a client sends]. The bytes are parsed twice: fed whole,
// and fed in chunks whose sizes the seed chooses (as reads from a socket split them), calling
// next() after every feed as the server does. Both must give the same commands and the same
// error (the parser's outcome may not depend on how the bytes arrived), every command must
// have at least one argument, and nothing may crash or read out of bounds. Small limits make
// the "too big" and bulk-length paths reachable.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "resp/request_parser.h"

namespace {

constexpr const char* kTarget = "fuzz_resp_request";

struct Outcome {
  std::vector<std::vector<std::string>> commands;
  std::string error;
  bool operator==(const Outcome&) const = default;
};

kevy::RequestLimits small_limits() {
  kevy::RequestLimits l;
  l.max_bulk_len = 4096;
  l.max_inline_len = 1024;
  l.max_multibulk_len = 1 << 20;
  return l;
}

// Takes every command the parser can give now; false once it is in the error state.
bool drain(kevy::RequestParser& p, Outcome* out) {
  for (;;) {
    switch (p.next()) {
      case kevy::RequestParser::Result::kNeedMore:
        return true;
      case kevy::RequestParser::Result::kError:
        out->error = p.error();
        kevy::fuzz::check(!out->error.empty(), kTarget, "an error without a text");
        return false;
      case kevy::RequestParser::Result::kCommand:
        kevy::fuzz::check(!p.argv().empty(), kTarget, "a command without arguments");
        out->commands.emplace_back(p.argv().begin(), p.argv().end());
        break;
    }
  }
}

Outcome parse(std::string_view bytes, uint8_t seed, bool chunked) {
  kevy::RequestParser parser(small_limits());
  Outcome out;
  size_t pos = 0;
  uint32_t state = seed * 2654435761u + 1;
  while (pos < bytes.size()) {
    size_t n = bytes.size() - pos;
    if (chunked) {
      state = state * 1103515245u + 12345u;
      n = std::min<size_t>(n, 1 + (state >> 16) % 64);
    }
    parser.feed(bytes.substr(pos, n));
    pos += n;
    if (!drain(parser, &out)) return out;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const Outcome whole = parse(bytes, data[0], /*chunked=*/false);
  const Outcome pieces = parse(bytes, data[0], /*chunked=*/true);
  // A "too big" error depends on how much is buffered without a line end, which chunking
  // changes (Redis checks after each read too); only the commands before it must agree.
  const bool too_big = whole.error.find("too big") != std::string::npos ||
                       pieces.error.find("too big") != std::string::npos;
  if (too_big) {
    const size_t n = std::min(whole.commands.size(), pieces.commands.size());
    for (size_t i = 0; i < n; ++i) {
      kevy::fuzz::check(whole.commands[i] == pieces.commands[i], kTarget,
                        "chunked parsing gave another command before a too-big error");
    }
    return 0;
  }
  kevy::fuzz::check(whole == pieces, kTarget, "chunked parsing gave another outcome");
  return 0;
}
