// kevy-server: a Redis-compatible server process over kevy::Store, started like redis-server:
//
//   kevy-server [/path/to/redis.conf] [--name value ...]
//
// Options come from the config file (redis.conf syntax: `name value...` lines, # comments)
// and then the command line (which wins). The options the server itself needs (port, bind,
// unixsocket, requirepass, databases, ...) are read here; then every directive is also handed
// to the store's CONFIG parameters (Store::config_set as a config-file line), so that CONFIG GET
// reports it and CONFIG REWRITE can rewrite the file. A directive Redis would refuse gets a
// warning on stderr and is ignored. Once listening it prints, on stdout,
//   Ready to accept connections tcp port <port>
//   Ready to accept connections unix socket <path>
// so that a parent can learn the port chosen for --port 0. SIGTERM / SIGINT / SHUTDOWN stop
// it with exit status 0; a startup error exits 1.
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
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

// `--name v1 v2 --other v` -> directives; the first argument may be a config file path
// (returned in *config_file).
bool read_command_line(int argc, char** argv, std::vector<Directive>* out,
                       std::string* config_file, std::string* error) {
  int i = 1;
  if (i < argc && std::strncmp(argv[i], "--", 2) != 0) {
    if (!read_config_file(argv[i], out, error)) return false;
    *config_file = argv[i];
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
    c->server.bind_address.clear();
    for (const std::string& address : v) {
      if (!c->server.bind_address.empty()) c->server.bind_address += ' ';
      c->server.bind_address += address;
    }
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
  }
  // Everything else only goes to the store's CONFIG parameters (feed_config below).
  return true;
}

// Hands every directive to the store's CONFIG parameters, in order, as redis-server loads a
// config file: values are the directive's arguments joined by spaces; `dir` is the directory
// apply() changed to. Refused directives (unknown to Redis, or a bad value) are warned about
// and ignored. config_file (absolute) becomes the file CONFIG REWRITE rewrites.
void feed_config(kevy::Store& store, const std::vector<Directive>& directives,
                 const std::string& config_file) {
  for (const Directive& d : directives) {
    std::string value;
    if (d.first == "dir") {
      std::error_code ec;
      value = std::filesystem::current_path(ec).string();
    } else {
      for (size_t i = 0; i < d.second.size(); ++i) {
        if (i > 0) value += ' ';
        value += d.second[i];
      }
    }
    kevy::Status s = store.config_set(d.first, value, kevy::ConfigOrigin::kConfigFile);
    if (!s.is_ok()) warn("option '" + d.first + "' ignored: " + s.message());
  }
  if (!config_file.empty()) store.set_config_file(config_file);
}

}  // namespace

// As redis-server: makes room for maxclients connections plus 32 descriptors of our own by
// raising the soft RLIMIT_NOFILE (up to the hard limit); when that is not enough, lowers
// maxclients to what fits, with a warning.
void raise_open_files_limit(kevy::ServerOptions* options) {
  constexpr int64_t kReserved = 32;
  const rlim_t want = static_cast<rlim_t>(options->max_clients + kReserved);
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.rlim_cur >= want) return;
  rlimit raised = lim;
  raised.rlim_cur = lim.rlim_max == RLIM_INFINITY ? want : std::min(want, lim.rlim_max);
  if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) lim = raised;
  if (lim.rlim_cur < want) {
    const int64_t fits = static_cast<int64_t>(lim.rlim_cur) - kReserved;
    warn("You requested maxclients of " + std::to_string(options->max_clients) +
         " requiring at least " + std::to_string(want) + " max file descriptors; maxclients is " +
         std::to_string(fits) + " (the open files limit is " + std::to_string(lim.rlim_cur) + ")");
    options->max_clients = fits < 1 ? 1 : fits;
  }
}

int main(int argc, char** argv) {
  if (argc == 2 && (std::strcmp(argv[1], "-v") == 0 || std::strcmp(argv[1], "--version") == 0)) {
    std::printf("kevy-server v=0.1.0 (Redis 7.0.15 compatible)\n");
    return 0;
  }
  std::vector<Directive> directives;
  std::string config_file;
  std::string error;
  if (!read_command_line(argc, argv, &directives, &config_file, &error)) {
    std::fprintf(stderr, "kevy-server: %s\n", error.c_str());
    return 1;
  }
  if (!config_file.empty()) {
    // Made absolute before a `dir` directive changes the working directory.
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(config_file, ec);
    if (!ec) config_file = abs.lexically_normal().string();
  }
  Config config;
  config.server.port = 6379;
  // Loopback only, IPv4 and (when the machine has it) IPv6: Redis's default "* -::*" relies on
  // protected mode, which kevy-server does not have; `--bind` opens more.
  config.server.bind_address = "127.0.0.1 -::1";
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
  feed_config(*shared, directives, config_file);
  // The AOF (appendonly yes) or else the RDB snapshot (CONFIG dir / dbfilename) is loaded
  // before clients connect, as redis-server does at startup; a file that does not load stops
  // the start, as it stops Redis.
  if (kevy::Status loaded = shared->load_persisted(); loaded.is_ok()) {
    log_line('*', "DB loaded from disk");
  } else {
    std::fprintf(stderr, "kevy-server: %s\n", loaded.message().c_str());
    return 1;
  }
  config.server.with_store_config(*shared);
  raise_open_files_limit(&config.server);
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
  bool signalled = false;
  while (srv.running()) {
    int sig = ::sigtimedwait(&stop_signals, nullptr, &tick);
    if (sig == SIGTERM || sig == SIGINT) {
      log_line('#', std::string("Received ") + (sig == SIGTERM ? "SIGTERM" : "SIGINT") +
                        " scheduling shutdown...");
      signalled = true;
      break;
    }
  }
  srv.stop();
  // On SIGTERM / SIGINT redis-server saves the snapshot when save points are configured.
  if (signalled) {
    auto save_points = shared->config_get("save");
    if (save_points.ok() && !save_points->empty()) {
      log_line('#', "Saving the final RDB snapshot before exiting.");
      kevy::Status saved = shared->save();
      log_line(saved.is_ok() ? '*' : '#',
               saved.is_ok() ? "DB saved on disk" : "Error trying to save the DB: " + saved.message());
    }
  }
  log_line('#', "kevy-server is now ready to exit, bye bye...");
  return 0;
}
