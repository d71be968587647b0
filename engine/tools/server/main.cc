// kevy-server: a Redis-compatible server process over kevy::Store, started like redis-server:
//
//   kevy-server [/path/to/redis.conf] [--name value ...]
//
// Options come from the config file (redis.conf syntax: `name value...` lines, # comments)
// and then the command line (which wins). Options kevy does not implement are accepted with a
// warning on stderr. Once listening it prints, on stdout,
//   Ready to accept connections tcp port <port>
//   Ready to accept connections unix socket <path>
// so that a parent can learn the port chosen for --port 0. SIGTERM / SIGINT / SHUTDOWN stop
// it with exit status 0; a startup error exits 1.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kevy/server.h"
#include "kevy/store.h"
#include "resp/split_args.h"

namespace {

using Directive = std::pair<std::string, std::vector<std::string>>;

void log_line(char level, const std::string& msg) {
  std::printf("%d:M %c %s\n", static_cast<int>(::getpid()), level, msg.c_str());
  std::fflush(stdout);
}

void warn(const std::string& msg) {
  std::fprintf(stderr, "%d:M # WARNING %s\n", static_cast<int>(::getpid()), msg.c_str());
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

// Reads `name value...` lines; false (with *error) on an unreadable file or bad quoting.
bool read_config_file(const std::string& path, std::vector<Directive>* out, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot open config file '" + path + "': " + std::strerror(errno);
    return false;
  }
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    auto words = kevy::split_args(line);
    if (!words) {
      *error = path + ":" + std::to_string(lineno) + ": unbalanced quotes";
      return false;
    }
    if (words->empty()) continue;
    std::string name = lower((*words)[0]);
    words->erase(words->begin());
    out->emplace_back(std::move(name), std::move(*words));
  }
  return true;
}

// `--name v1 v2 --other v` -> directives; the first argument may be a config file path.
bool read_command_line(int argc, char** argv, std::vector<Directive>* out, std::string* error) {
  int i = 1;
  if (i < argc && std::strncmp(argv[i], "--", 2) != 0) {
    if (!read_config_file(argv[i], out, error)) return false;
    ++i;
  }
  for (; i < argc; ++i) {
    if (std::strncmp(argv[i], "--", 2) != 0) {
      if (out->empty()) {
        *error = std::string("unexpected argument '") + argv[i] + "'";
        return false;
      }
      out->back().second.emplace_back(argv[i]);
      continue;
    }
    out->emplace_back(lower(argv[i] + 2), std::vector<std::string>{});
  }
  return true;
}

// Redis's memtoull: "100", "1k", "1kb", "2mb", "1gb" (case-insensitive).
std::optional<unsigned long long> parse_memory(std::string s) {
  s = lower(s);
  unsigned long long mul = 1;
  auto ends = [&](const char* suffix) {
    size_t n = std::strlen(suffix);
    if (s.size() > n && s.compare(s.size() - n, n, suffix) == 0) {
      s.resize(s.size() - n);
      return true;
    }
    return false;
  };
  if (ends("kb")) mul = 1024;
  else if (ends("mb")) mul = 1024ull * 1024;
  else if (ends("gb")) mul = 1024ull * 1024 * 1024;
  else if (ends("k")) mul = 1000;
  else if (ends("m")) mul = 1000ull * 1000;
  else if (ends("g")) mul = 1000ull * 1000 * 1000;
  else if (ends("b")) mul = 1;
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoull(s) * mul;
}

std::optional<int> parse_int(const std::string& s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  size_t start = s[0] == '-' ? 1 : 0;
  if (start == s.size() || s.find_first_not_of("0123456789", start) != std::string::npos) {
    return std::nullopt;
  }
  return std::stoi(s);
}

std::optional<kevy::EvictionPolicy> parse_policy(const std::string& s) {
  using P = kevy::EvictionPolicy;
  const std::pair<const char*, P> names[] = {
      {"noeviction", P::kNoEviction},         {"allkeys-lru", P::kAllKeysLru},
      {"allkeys-lfu", P::kAllKeysLfu},        {"allkeys-random", P::kAllKeysRandom},
      {"volatile-lru", P::kVolatileLru},      {"volatile-lfu", P::kVolatileLfu},
      {"volatile-random", P::kVolatileRandom}, {"volatile-ttl", P::kVolatileTtl}};
  for (const auto& [name, p] : names) {
    if (lower(s) == name) return p;
  }
  return std::nullopt;
}

struct Config {
  kevy::Options store;
  kevy::ServerOptions server;
};

// Applies one directive; false (with *error) for a bad value of a supported option.
bool apply(const Directive& d, Config* c, std::string* error) {
  const std::string& name = d.first;
  const std::vector<std::string>& v = d.second;
  auto bad = [&] {
    *error = "bad value for '" + name + "'";
    return false;
  };
  auto one = [&]() -> const std::string* { return v.size() == 1 ? &v[0] : nullptr; };
  if (name == "port") {
    auto p = one() ? parse_int(*one()) : std::nullopt;
    if (!p || *p < 0 || *p > 65535) return bad();
    c->server.port = *p;
  } else if (name == "bind") {
    if (v.empty()) return bad();
    if (v.size() > 1) warn("bind: only the first address is used (" + v[0] + ")");
    c->server.bind_address = v[0].front() == '-' ? v[0].substr(1) : v[0];
  } else if (name == "unixsocket") {
    if (!one()) return bad();
    c->server.unix_socket = *one();
  } else if (name == "requirepass") {
    if (!one()) return bad();
    c->server.require_pass = *one();
  } else if (name == "databases") {
    auto n = one() ? parse_int(*one()) : std::nullopt;
    if (!n || *n < 1) return bad();
    c->store.databases = *n;
  } else if (name == "hz") {
    auto n = one() ? parse_int(*one()) : std::nullopt;
    if (!n) return bad();
    c->store.hz = *n < 1 ? 1 : (*n > 500 ? 500 : *n);  // Redis clamps hz
  } else if (name == "maxmemory") {
    auto n = one() ? parse_memory(*one()) : std::nullopt;
    if (!n) return bad();
    c->store.max_memory = *n;
  } else if (name == "maxmemory-policy") {
    auto p = one() ? parse_policy(*one()) : std::nullopt;
    if (!p) return bad();
    c->store.eviction_policy = *p;
  } else if (name == "proto-max-bulk-len" || name == "client-query-buffer-limit") {
    auto n = one() ? parse_memory(*one()) : std::nullopt;
    if (!n) return bad();
    (name == "proto-max-bulk-len" ? c->server.proto_max_bulk_len
                                  : c->server.client_query_buffer_limit) = *n;
  } else if (name == "dir") {
    if (!one()) return bad();
    if (::chdir(one()->c_str()) != 0) {
      *error = "can't chdir to '" + *one() + "': " + std::strerror(errno);
      return false;
    }
  } else if (name == "daemonize") {
    if (one() && lower(*one()) == "yes") warn("daemonize yes is not supported; running in the foreground");
  } else if (name == "save" || name == "appendonly" || name == "dbfilename" ||
             name == "enable-debug-command" || name == "loglevel" || name == "logfile" ||
             name == "protected-mode" || name == "unixsocketperm") {
    // Accepted; kevy has no persistence, logs to stdout and has no protected mode yet.
  } else {
    warn("option '" + name + "' is not supported by kevy-server yet; ignored");
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && (std::strcmp(argv[1], "-v") == 0 || std::strcmp(argv[1], "--version") == 0)) {
    std::printf("kevy-server v=0.1.0 (Redis 7.0.15 compatible)\n");
    return 0;
  }
  std::vector<Directive> directives;
  std::string error;
  if (!read_command_line(argc, argv, &directives, &error)) {
    std::fprintf(stderr, "kevy-server: %s\n", error.c_str());
    return 1;
  }
  Config config;
  config.server.port = 6379;
  config.store.active_expire = true;  // a server expires keys in the background, as Redis does
  for (const Directive& d : directives) {
    if (!apply(d, &config, &error)) {
      std::fprintf(stderr, "kevy-server: %s\n", error.c_str());
      return 1;
    }
  }

  // SIGTERM/SIGINT are taken synchronously by sigtimedwait below; blocked before any thread
  // starts so that every thread inherits the mask. SIGPIPE: writes use MSG_NOSIGNAL anyway.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  auto store = kevy::Store::open(config.store);
  if (!store.ok()) {
    std::fprintf(stderr, "kevy-server: %s\n", store.status().message().c_str());
    return 1;
  }
  auto shared = std::make_shared<kevy::Store>(std::move(store.value()));
  auto server = kevy::Server::start(shared, config.server);
  if (!server.ok()) {
    std::fprintf(stderr, "kevy-server: %s\n", server.status().message().c_str());
    return 1;
  }
  kevy::Server& srv = *server.value();
  log_line('*', "kevy-server 0.1.0 (Redis 7.0.15 compatible) started");
  if (srv.port() >= 0) log_line('*', "Ready to accept connections tcp port " + std::to_string(srv.port()));
  if (!srv.unix_socket().empty()) log_line('*', "Ready to accept connections unix socket " + srv.unix_socket());

  const timespec tick{0, 100 * 1000 * 1000};
  while (srv.running()) {
    int sig = ::sigtimedwait(&stop_signals, nullptr, &tick);
    if (sig == SIGTERM || sig == SIGINT) {
      log_line('#', std::string("Received ") + (sig == SIGTERM ? "SIGTERM" : "SIGINT") +
                        " scheduling shutdown...");
      break;
    }
  }
  srv.stop();
  log_line('#', "kevy-server is now ready to exit, bye bye...");
  return 0;
}
