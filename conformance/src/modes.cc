#include "modes.h"

#include <cstdio>
#include <cstring>

namespace kevy::conformance {

const std::vector<ModeInfo>& all_modes() {
#define KEVY_CONFORM_MODE_ROW(name, fn, usage) ModeInfo{name, &fn, usage},
  static const std::vector<ModeInfo> modes = {KEVY_CONFORM_MODES(KEVY_CONFORM_MODE_ROW)};
#undef KEVY_CONFORM_MODE_ROW
  return modes;
}

bool FlagReader::value(std::string* out) {
  if (has_inline_) {
    *out = inline_value_;
    has_inline_ = false;
    return true;
  }
  if (i_ + 1 >= args_.size()) {
    missing_ = true;
    return false;
  }
  *out = args_[++i_];
  return true;
}

int dispatch_mode(int argc, char** argv) {
  auto usage = [](FILE* f) {
    std::fprintf(f, "usage: kevy-conform MODE [ARGS]\n\nmodes:\n");
    for (const ModeInfo& m : all_modes()) std::fprintf(f, "  %s %s\n", m.name, m.usage);
    std::fprintf(f,
                 "\ntargets: embedded, embedded:fresh, resp://host:port, unix:///path, "
                 "spawn:redis-server, spawn:kevy-server, faulty:N:<target>\n"
                 "exit codes: 0 same, 1 differences, 2 usage or I/O error, 77 a target is not "
                 "available here\n");
  };
  if (argc < 2) {
    usage(stderr);
    return kExitUsage;
  }
  if (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    usage(stdout);
    return kExitOk;
  }
  for (const ModeInfo& m : all_modes()) {
    if (std::strcmp(argv[1], m.name) == 0) {
      std::vector<std::string> args(argv + 2, argv + argc);
      return m.run(args);
    }
  }
  std::fprintf(stderr, "kevy-conform: unknown mode '%s'\n\n", argv[1]);
  usage(stderr);
  return kExitUsage;
}

}  // namespace kevy::conformance
