#include "targets.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <hiredis/hiredis.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

#include "resp_value.h"

namespace kevy::conformance {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// How long one reply may take before the oracle is considered stuck.
constexpr int kReplyTimeoutMs = 10000;

std::string encode_command(const std::vector<std::string>& argv) {
  // Appended piece by piece: g++ 12 -O3 warns (-Wrestrict, GCC bug 105329) on
  // "literal" + std::string temporaries here.
  std::string out;
  out += '*';
  out += std::to_string(argv.size());
  out += "\r\n";
  for (const std::string& a : argv) {
    out += '$';
    out += std::to_string(a.size());
    out += "\r\n";
    out += a;
    out += "\r\n";
  }
  return out;
}

bool is_executable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

}  // namespace

std::optional<std::string> RedisServer::find_binary() {
  if (const char* env = std::getenv("KEVY_REDIS_SERVER"); env != nullptr && *env != '\0') {
    if (is_executable(env)) return std::string(env);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    if (!dir.empty() && is_executable(dir + "/redis-server")) return dir + "/redis-server";
    start = end + 1;
  }
  return std::nullopt;
}

std::string RedisServer::version(const std::string& binary) {
  std::string cmd = "'" + binary + "' --version 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return "";
  char buf[512];
  std::string out;
  while (size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  ::pclose(p);
  // "Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=..."
  size_t v = out.find("v=");
  if (v == std::string::npos) return "";
  size_t end = out.find(' ', v);
  return out.substr(v + 2, end == std::string::npos ? std::string::npos : end - v - 2);
}

std::unique_ptr<RedisServer> RedisServer::start(const std::string& binary, std::string* error) {
  std::unique_ptr<RedisServer> server(new RedisServer());
  std::string tmpl = (fs::temp_directory_path() / "kevy-conformance-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    *error = std::string("mkdtemp: ") + std::strerror(errno);
    return nullptr;
  }
  server->dir_ = tmpl;
  server->socket_ = tmpl + "/redis.sock";
  server->log_ = tmpl + "/redis.log";

  // No config file: the oracle runs with the built-in defaults (REDIS-NOTES.md).
  std::vector<std::string> args = {binary,       "--port",       "0",
                                   "--unixsocket", server->socket_, "--save",
                                   "",           "--appendonly", "no",
                                   "--enable-debug-command", "yes", "--daemonize",
                                   "no",         "--dir",        tmpl};
  std::vector<char*> cargs;
  for (std::string& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);

  const pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    *error = std::string("fork: ") + std::strerror(errno);
    return nullptr;
  }
  if (pid == 0) {
    // Child: die with the test process, log to a file, run the server.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    int fd = ::open(server->log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    if (::chdir(tmpl.c_str()) != 0) ::_exit(127);
    ::execv(cargs[0], cargs.data());
    ::_exit(127);
  }
  server->pid_ = pid;

  const auto deadline = Clock::now() + std::chrono::seconds(10);
  std::string last_error;
  while (Clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      server->pid_ = -1;
      *error = "redis-server exited during startup; see its log " + server->log_;
      return nullptr;
    }
    RedisTarget probe(server->socket_);
    if (probe.connect(&last_error)) return server;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  *error = "redis-server did not answer PING within 10 s: " + last_error;
  return nullptr;  // the destructor stops the child
}

RedisServer::~RedisServer() { stop(); }

void RedisServer::stop() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (Clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    dir_.clear();
  }
}

RedisTarget::~RedisTarget() { disconnect(); }

void RedisTarget::disconnect() {
  if (ctx_ != nullptr) redisFree(ctx_);
  ctx_ = nullptr;
  buffer_.clear();
}

bool RedisTarget::connect(std::string* error) {
  disconnect();
  timeval tv{2, 0};
  ctx_ = redisConnectUnixWithTimeout(socket_.c_str(), tv);
  if (ctx_ == nullptr || ctx_->err != 0) {
    *error = ctx_ != nullptr ? ctx_->errstr : "out of memory";
    disconnect();
    return false;
  }
  auto* r = static_cast<redisReply*>(redisCommand(ctx_, "PING"));
  bool ok = r != nullptr && r->type == REDIS_REPLY_STATUS && std::string(r->str) == "PONG";
  if (!ok) *error = r != nullptr && r->str != nullptr ? r->str : "PING failed";
  if (r != nullptr) freeReplyObject(r);
  if (!ok) disconnect();
  return ok;
}

bool RedisTarget::reset(int protocol, std::string* error) {
  if (ctx_ == nullptr && !connect(error)) return false;
  std::string reply;
  const std::vector<std::vector<std::string>> setup = {
      {"FLUSHALL"}, {"SELECT", "0"}, {"HELLO", std::to_string(protocol)},
      {"DEBUG", "SET-ACTIVE-EXPIRE", "1"}};
  for (const auto& cmd : setup) {
    if (!run(cmd, &reply, error)) return false;
    if (!reply.empty() && reply[0] == '-') {
      *error = "setup command " + cmd[0] + " failed: " + cli::escape_bytes(reply);
      return false;
    }
  }
  return true;
}

bool RedisTarget::run(const std::vector<std::string>& argv, std::string* reply,
                      std::string* error) {
  if (ctx_ == nullptr) {
    *error = "not connected";
    return false;
  }
  const int fd = ctx_->fd;
  const std::string out = encode_command(argv);
  size_t sent = 0;
  while (sent < out.size()) {
    ssize_t n = ::write(fd, out.data() + sent, out.size() - sent);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = std::string("write to redis-server: ") + std::strerror(errno);
      disconnect();
      return false;
    }
    sent += static_cast<size_t>(n);
  }
  const auto deadline = Clock::now() + std::chrono::milliseconds(kReplyTimeoutMs);
  for (;;) {
    cli::RespValue v;
    size_t used = 0;
    cli::ParseStatus st = cli::parse_resp(buffer_, &v, &used);
    if (st == cli::ParseStatus::kOk) {
      *reply = buffer_.substr(0, used);
      buffer_.erase(0, used);
      return true;
    }
    if (st == cli::ParseStatus::kMalformed) {
      *error = "malformed reply from redis-server: " + cli::escape_bytes(buffer_);
      disconnect();
      return false;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      *error = "timed out waiting for redis-server's reply; got so far: " +
               cli::escape_bytes(buffer_);
      disconnect();
      return false;
    }
    pollfd p{fd, POLLIN, 0};
    int pr = ::poll(&p, 1, static_cast<int>(left.count()));
    if (pr < 0 && errno == EINTR) continue;
    if (pr <= 0) continue;
    char buf[65536];
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = n == 0 ? "redis-server closed the connection"
                      : std::string("read from redis-server: ") + std::strerror(errno);
      disconnect();
      return false;
    }
    buffer_.append(buf, static_cast<size_t>(n));
  }
}

bool KevyTarget::reset(int protocol, std::string* error) {
  store_.reset();
  // Active expiry on, as in the redis-server it is compared with.
  auto opened = Store::open(Options{}.with_active_expire(true));
  if (!opened.ok()) {
    *error = "Store::open: " + opened.status().message();
    return false;
  }
  store_.emplace(std::move(opened.value()));
  session_ = Session{};
  if (protocol == 3) {
    std::string reply;
    if (!run({"HELLO", "3"}, &reply, error)) return false;
  }
  return true;
}

bool KevyTarget::run(const std::vector<std::string>& argv, std::string* reply, std::string*) {
  std::vector<std::string_view> views(argv.begin(), argv.end());
  *reply = store_->execute_resp(views, session_);
  return true;
}

}  // namespace kevy::conformance
