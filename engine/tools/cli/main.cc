// kevy-cli: a redis-cli look-alike over an embedded kevy::Store.
//
// Reads commands from stdin, one per line, splits them exactly like redis-cli (split_args.h),
// runs them on an in-process Store and prints every reply the way `redis-cli` prints it when
// stdout is not a tty (cli_format.h) — so `cmds | kevy-cli` and `cmds | redis-cli` can be
// diffed. With --resp it writes the exact RESP bytes redis-server would send instead.
//
// The interactive extras of redis-cli's line mode are reproduced where they change the
// output: "N cmd" repeats cmd N times, quit/exit stop, "clear" clears the screen, "help"
// prints redis-cli's banner. "help <command>" and "connect" are not available.
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "cli_format.h"
#include "kevy/store.h"
#include "resp_value.h"
#include "resp/split_args.h"

namespace kevy::cli {
namespace {

constexpr std::string_view kUsage =
    "Usage: kevy-cli [OPTIONS] < commands.txt\n"
    "Runs Redis commands, one per line on stdin, on an embedded kevy store and prints the\n"
    "replies like redis-cli does when its output is not a terminal.\n"
    "  --resp       Write each reply as the raw RESP bytes redis-server would send.\n"
    "  --resp3, -3  Start in RESP3 (as after HELLO 3); -2 keeps RESP2 (the default).\n"
    "  -n <db>      Database number (SELECT db before the first command).\n"
    "  --help       Show this help and exit.\n";

// redis-cli's reply to a bare "help" line (cliOutputGenericHelp).
constexpr std::string_view kHelpBanner =
    "redis-cli 7.0.15\n"
    "To get help about Redis commands type:\n"
    "      \"help @<group>\" to get a list of commands in <group>\n"
    "      \"help <command>\" for help on <command>\n"
    "      \"help <tab>\" to get a list of possible help topics\n"
    "      \"quit\" to exit\n"
    "\n"
    "To set redis-cli preferences:\n"
    "      \":set hints\" enable online hints\n"
    "      \":set nohints\" disable online hints\n"
    "Set your preferences in ~/.redisclirc\n";

struct Config {
  bool raw_resp = false;
  int protocol = 2;
  int db = 0;
};

bool eq_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

void write_out(std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fflush(stdout);
}

class Cli {
 public:
  Cli(Store store, const Config& config) : store_(std::move(store)), config_(config) {}

  // Applies -2/-3 and -n as redis-cli does right after connecting: HELLO 3, then SELECT,
  // neither of them printed.
  void connect() {
    if (config_.protocol == 3) run({"HELLO", "3"});
    if (config_.db != 0) {
      std::string db = std::to_string(config_.db);
      std::string reply = run({"SELECT", db});
      RespValue v;
      size_t used = 0;
      if (parse_resp(reply, &v, &used) == ParseStatus::kOk && v.type == '-') {
        std::fprintf(stderr, "SELECT %d failed: %s\n", config_.db, v.str.c_str());
      }
    }
  }

  // Handles one input line; returns false when the session should end (quit/exit).
  bool line(const std::string& text) {
    if (text.empty() || text[0] == '\0') return true;
    auto args = split_args(text);
    if (!args) {
      message("Invalid argument(s)\n");
      return true;
    }
    if (args->empty()) return true;
    std::vector<std::string>& argv = *args;
    if (eq_ci(argv[0], "quit") || eq_ci(argv[0], "exit")) return false;
    if (argv.size() == 3 && eq_ci(argv[0], "connect")) {
      std::fprintf(stderr, "kevy-cli: connect is not available in the embedded store\n");
      return true;
    }
    if (argv.size() == 1 && eq_ci(argv[0], "clear")) {
      // linenoiseClearScreen write()s straight to fd 1, past stdio's buffer (redis-cli's
      // buffered but unflushed "help" text therefore comes out after it).
      if (!config_.raw_resp) {
        constexpr std::string_view kClear = "\x1b[H\x1b[2J";
        if (::write(STDOUT_FILENO, kClear.data(), kClear.size()) < 0) return true;
      }
      return true;
    }
    // "N cmd ..." repeats cmd N times; redis-cli parses N with strtol(argv[0], &end, 10).
    long repeat = 1;
    size_t skip = 0;
    if (argv.size() > 1) {
      char* end = nullptr;
      errno = 0;
      long n = std::strtol(argv[0].c_str(), &end, 10);
      if (*end == '\0') {
        if (errno == ERANGE || errno == EINVAL || n <= 0) {
          message("Invalid redis-cli repeat command option value.\n");
          return true;
        }
        repeat = n;
        skip = 1;
      }
    }
    std::vector<std::string_view> cmd(argv.begin() + skip, argv.end());
    for (long i = 0; i < repeat; ++i) {
      if (eq_ci(cmd[0], "help") || eq_ci(cmd[0], "?")) {
        help(cmd.size() - 1);
        continue;
      }
      print(store_.execute_resp(cmd, session_));
    }
    return true;
  }

 private:
  std::string run(std::initializer_list<std::string_view> argv) {
    std::vector<std::string_view> v(argv);
    return store_.execute_resp(v, session_);
  }

  // redis-cli's own notices go to stdout; with --resp stdout carries only RESP, so they go
  // to stderr instead.
  void message(std::string_view text) {
    if (config_.raw_resp) {
      std::fwrite(text.data(), 1, text.size(), stderr);
    } else {
      write_out(text);
    }
  }

  void help(size_t topics) {
    if (topics == 0) {
      // redis-cli printf()s the banner without fflush(): it reaches stdout with the next
      // flushed output. Keep it in stdio's buffer the same way.
      FILE* to = config_.raw_resp ? stderr : stdout;
      std::fwrite(kHelpBanner.data(), 1, kHelpBanner.size(), to);
    } else {
      std::fprintf(stderr, "kevy-cli: help <topic> is not available\n");
    }
  }

  void print(const std::string& bytes) {
    if (config_.raw_resp) {
      write_out(bytes);
      return;
    }
    RespValue v;
    size_t used = 0;
    if (parse_resp(bytes, &v, &used) != ParseStatus::kOk || used != bytes.size()) {
      std::fprintf(stderr, "kevy-cli: the store produced a malformed reply: \"%s\"\n",
                   escape_bytes(bytes).c_str());
      std::exit(1);
    }
    FormatResult out = format_reply(v);
    if (out.unsupported != 0) {
      // What redis-cli 7.0.15 does with a reply it cannot print.
      std::fprintf(stderr, "Unknown reply type: %d\n", out.unsupported);
      std::exit(1);
    }
    write_out(out.text);
  }

  Store store_;
  Config config_;
  Session session_;
};

int main_impl(int argc, char** argv) {
  Config config;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--resp") {
      config.raw_resp = true;
    } else if (a == "--resp3" || a == "-3") {
      config.protocol = 3;
    } else if (a == "-2") {
      config.protocol = 2;
    } else if (a == "-n" && i + 1 < argc) {
      config.db = std::atoi(argv[++i]);  // redis-cli uses atoi: "abc" is db 0
    } else if (a == "--help") {
      write_out(kUsage);
      return 0;
    } else {
      std::fprintf(stderr, "kevy-cli: unrecognized option or bad number of args for: '%s'\n",
                   argv[i]);
      std::fwrite(kUsage.data(), 1, kUsage.size(), stderr);
      return 1;
    }
  }

  // Active expiry runs in the background, as in a redis-server the user talks to.
  auto store = Store::open(Options{}.with_active_expire(true));
  if (!store.ok()) {
    std::fprintf(stderr, "kevy-cli: cannot open the store: %s\n",
                 store.status().message().c_str());
    return 1;
  }
  Cli cli(std::move(store.value()), config);
  cli.connect();
  // Reading std::cin must not flush stdout (see help()): untie it.
  std::cin.tie(nullptr);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!cli.line(line)) break;
  }
  return 0;
}

}  // namespace
}  // namespace kevy::cli

int main(int argc, char** argv) { return kevy::cli::main_impl(argc, argv); }
