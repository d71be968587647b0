#include "targets.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <hiredis/hiredis.h>

#include <algorithm>
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

// Appends the RESP request for argv to *out. Appended piece by piece: g++ 12 -O3 warns
// (-Wrestrict, GCC bug 105329) on "literal" + std::string temporaries here.
void encode_command(const std::vector<std::string>& argv, std::string* out_ptr) {
  std::string& out = *out_ptr;
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
}

bool is_executable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

// A TCP port on 127.0.0.1 that nothing listens on right now (the kernel's pick for port 0);
// -1 with errno set on failure.
int free_tcp_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
    port = ntohs(a.sin_port);
  }
  ::close(fd);
  return port;
}

// True when the file at `path` contains `text` (a server log after a failed start).
bool log_mentions(const std::string& path, std::string_view text) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  std::string content;
  char buf[4096];
  while (size_t n = std::fread(buf, 1, sizeof buf, f)) content.append(buf, n);
  std::fclose(f);
  return content.find(text) != std::string::npos;
}

// A raw RESP socket of a multi-connection case (hiredis connects; bytes are read and written
// directly, as RedisTarget does).
class RespConnection final : public Connection {
 public:
  RespConnection(redisContext* ctx, std::string label) : ctx_(ctx), label_(std::move(label)) {}
  ~RespConnection() override { redisFree(ctx_); }

  bool send(const std::vector<std::string>& argv, std::string* error) override {
    std::string out;
    encode_command(argv, &out);
    size_t sent = 0;
    while (sent < out.size()) {
      ssize_t n = ::send(ctx_->fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        *error = "write to " + label_ + ": " + std::strerror(errno);
        return false;
      }
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  int next_message(int timeout_ms, std::string* message, std::string* error) override {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      if (!buffer_.empty()) {
        cli::RespValue v;
        size_t used = 0;
        cli::ParseStatus st = cli::parse_resp(buffer_, &v, &used);
        if (st == cli::ParseStatus::kOk) {
          message->assign(buffer_, 0, used);
          buffer_.erase(0, used);
          return 1;
        }
        if (st == cli::ParseStatus::kMalformed) {
          *error = "malformed message from " + label_ + ": " + cli::escape_bytes(buffer_);
          return -1;
        }
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      pollfd p{ctx_->fd, POLLIN, 0};
      int pr = ::poll(&p, 1, static_cast<int>(std::max<int64_t>(left.count(), 0)));
      if (pr < 0 && errno == EINTR) continue;
      if (pr == 0) return 0;
      char buf[65536];
      ssize_t n = ::recv(ctx_->fd, buf, sizeof buf, MSG_DONTWAIT);
      if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (n <= 0) {
        *error = n == 0 ? label_ + " closed the connection"
                        : "read from " + label_ + ": " + std::strerror(errno);
        return -1;
      }
      buffer_.append(buf, static_cast<size_t>(n));
    }
  }

  bool client_id(std::string* id, std::string* error) override {
    std::string reply;
    if (!call({"CLIENT", "ID"}, &reply, error)) return false;
    if (reply.size() < 4 || reply[0] != ':') {
      *error = "CLIENT ID on " + label_ + ": " + cli::escape_bytes(reply);
      return false;
    }
    *id = reply.substr(1, reply.size() - 3);
    return true;
  }

  // One command and its reply (setup, out of band).
  bool call(const std::vector<std::string>& argv, std::string* reply, std::string* error) {
    if (!send(argv, error)) return false;
    int got = next_message(kReplyTimeoutMs, reply, error);
    if (got == 0) *error = "no reply to " + argv[0] + " from " + label_;
    return got > 0;
  }

 private:
  redisContext* ctx_;
  std::string label_;
  std::string buffer_;
};

// A Session of the embedded Store: a command runs when it is sent; the session's pushed
// messages (those that arrived before, then those its own command caused) come before its
// reply, as a server writes them.
class EmbeddedConnection final : public Connection {
 public:
  EmbeddedConnection(Store* store, int protocol, int64_t id) : store_(store) {
    session_.protocol = protocol;
    session_.client_id = id;
  }

  bool send(const std::vector<std::string>& argv, std::string* /*error*/) override {
    take_pushed();
    std::vector<std::string_view> views(argv.begin(), argv.end());
    std::string reply = store_->execute_resp(views, session_);
    take_pushed();
    buffer_ += reply;
    return true;
  }

  int next_message(int /*timeout_ms*/, std::string* message, std::string* error) override {
    take_pushed();
    if (buffer_.empty()) return 0;  // nothing else can arrive: the store runs on this thread
    cli::RespValue v;
    size_t used = 0;
    if (cli::parse_resp(buffer_, &v, &used) != cli::ParseStatus::kOk) {
      *error = "embedded session: not a complete reply: " + cli::escape_bytes(buffer_);
      buffer_.clear();
      return -1;
    }
    message->assign(buffer_, 0, used);
    buffer_.erase(0, used);
    return 1;
  }

  bool client_id(std::string* id, std::string* /*error*/) override {
    *id = std::to_string(session_.client_id);
    return true;
  }

 private:
  void take_pushed() {
    for (const Reply& r : store_->take_pushed(session_)) buffer_ += r.to_resp(session_.protocol);
  }

  Store* store_;
  Session session_;
  std::string buffer_;
};

}  // namespace

std::unique_ptr<Connection> Target::open_connection(int /*protocol*/, std::string* error) {
  *error = std::string(name()) + " has no multi-connection support";
  return nullptr;
}

std::unique_ptr<Connection> RedisTarget::open_connection(int protocol, std::string* error) {
  timeval tv{2, 0};
  redisContext* ctx = socket_.empty() ? redisConnectWithTimeout(host_.c_str(), port_, tv)
                                      : redisConnectUnixWithTimeout(socket_.c_str(), tv);
  if (ctx == nullptr || ctx->err != 0) {
    *error = std::string("cannot connect to ") + label_ + ": " +
             (ctx != nullptr ? ctx->errstr : "out of memory");
    if (ctx != nullptr) redisFree(ctx);
    return nullptr;
  }
  auto c = std::make_unique<RespConnection>(ctx, label_);
  std::string reply;
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"HELLO", std::to_string(protocol)},
        std::vector<std::string>{"SELECT", "0"}}) {
    if (!c->call(cmd, &reply, error)) return nullptr;
    if (!reply.empty() && reply[0] == '-') {
      *error = "setup command " + cmd[0] + " failed on " + label_ + ": " +
               cli::escape_bytes(reply);
      return nullptr;
    }
  }
  return c;
}

std::unique_ptr<Connection> KevyTarget::open_connection(int protocol, std::string* error) {
  Store* s = store(error);
  if (s == nullptr) return nullptr;
  return std::make_unique<EmbeddedConnection>(s, protocol, next_client_id_++);
}

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

std::optional<std::string> RedisServer::find_kevy_binary() {
  if (const char* env = std::getenv("KEVY_SERVER"); env != nullptr && *env != '\0') {
    if (is_executable(env)) return std::string(env);
    return std::nullopt;
  }
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  std::string candidate = (self.parent_path() / "kevy-server").string();
  if (is_executable(candidate)) return candidate;
  return std::nullopt;
}

std::optional<std::string> RedisServer::find_oracle(std::string* error) {
  std::optional<std::string> binary = find_binary();
  if (!binary) {
    *error = "redis-server is not installed (nor $KEVY_REDIS_SERVER set)";
    return std::nullopt;
  }
  const std::string v = version(*binary);
  if (v != kOracleVersion && std::getenv("KEVY_CONFORMANCE_ANY_VERSION") == nullptr) {
    *error = *binary + " is version '" + v + "', the oracle must be " + kOracleVersion +
             " (set KEVY_CONFORMANCE_ANY_VERSION=1 to use it anyway)";
    return std::nullopt;
  }
  return binary;
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

std::unique_ptr<RedisServer> RedisServer::start(const std::string& binary, std::string* error,
                                                bool tcp) {
  std::unique_ptr<RedisServer> server(new RedisServer());
  std::string tmpl = (fs::temp_directory_path() / "kevy-conformance-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    *error = std::string("mkdtemp: ") + std::strerror(errno);
    return nullptr;
  }
  server->dir_ = tmpl;
  server->socket_ = tmpl + "/redis.sock";
  server->log_ = tmpl + "/redis.log";

  // Over TCP the port is one the kernel just handed out (redis-server's --port 0 means "no
  // TCP"); another process may take it first, so a start that fails to bind is retried.
  const int attempts = tcp ? 10 : 1;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    const int port = tcp ? free_tcp_port() : 0;
    if (port < 0) {
      *error = std::string("no free TCP port: ") + std::strerror(errno);
      return nullptr;
    }
    // No config file: the oracle runs with the built-in defaults (REDIS-NOTES.md).
    std::vector<std::string> args = {binary,       "--port",       std::to_string(port),
                                     "--unixsocket", server->socket_, "--save",
                                     "",           "--appendonly", "no",
                                     "--enable-debug-command", "yes", "--daemonize",
                                     "no",         "--dir",        tmpl};
    if (tcp) args.insert(args.end(), {"--bind", "127.0.0.1"});
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
    server->port_ = tcp ? port : -1;

    const auto deadline = Clock::now() + std::chrono::seconds(10);
    std::string last_error;
    bool exited = false;
    while (Clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        server->pid_ = -1;
        exited = true;
        break;
      }
      RedisTarget probe(server->socket_);
      probe.set_label("redis-server " + server->socket_);
      if (probe.connect(&last_error)) {
        if (!tcp) return server;
        RedisTarget tcp_probe("127.0.0.1", port);
        if (tcp_probe.connect(&last_error)) return server;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!exited) {
      *error = "redis-server did not answer PING within 10 s: " + last_error;
      return nullptr;  // the destructor stops the child
    }
    if (!tcp || !log_mentions(server->log_, "Address already in use")) {
      *error = "redis-server exited during startup; see its log " + server->log_;
      return nullptr;
    }
  }
  *error = "no free TCP port for the server after " + std::to_string(attempts) + " attempts";
  return nullptr;
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

RedisTarget::RedisTarget(std::string socket_path) : socket_(std::move(socket_path)) {}

RedisTarget::RedisTarget(std::string host, int port) : host_(std::move(host)), port_(port) {
  label_ = "resp://" + host_ + ":" + std::to_string(port_);
}

RedisTarget::~RedisTarget() {
  disconnect();
  server_.reset();  // stops an adopted server after the connection is closed
}

void RedisTarget::disconnect() {
  if (ctx_ != nullptr) redisFree(ctx_);
  ctx_ = nullptr;
  buffer_.clear();
}

bool RedisTarget::connect(std::string* error) {
  disconnect();
  timeval tv{2, 0};
  ctx_ = socket_.empty() ? redisConnectWithTimeout(host_.c_str(), port_, tv)
                         : redisConnectUnixWithTimeout(socket_.c_str(), tv);
  if (ctx_ == nullptr || ctx_->err != 0) {
    *error = std::string("cannot connect to ") + label_ + ": " +
             (ctx_ != nullptr ? ctx_->errstr : "out of memory");
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
  // Pipelined: one write, four replies (a round trip per case instead of four).
  static const std::vector<std::string> kFlush = {"FLUSHALL"}, kSelect = {"SELECT", "0"},
                                        kHello2 = {"HELLO", "2"}, kHello3 = {"HELLO", "3"},
                                        kDebug = {"DEBUG", "SET-ACTIVE-EXPIRE", "1"};
  const std::vector<std::string>* setup[] = {&kFlush, &kSelect,
                                             protocol == 3 ? &kHello3 : &kHello2, &kDebug};
  out_.clear();
  for (const auto* cmd : setup) encode_command(*cmd, &out_);
  if (!send(out_, error)) return false;
  std::string reply;
  for (const auto* cmd : setup) {
    if (!read_reply(&reply, error)) return false;
    if (!reply.empty() && reply[0] == '-' && (cmd != &kDebug || require_debug_)) {
      *error = "setup command " + (*cmd)[0] + " failed on " + label_ + ": " +
               cli::escape_bytes(reply);
      return false;
    }
  }
  return true;
}

bool RedisTarget::send(const std::string& bytes, std::string* error) {
  const int fd = ctx_->fd;
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + sent, bytes.size() - sent);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = "write to " + label_ + ": " + std::strerror(errno);
      disconnect();
      return false;
    }
    sent += static_cast<size_t>(n);
  }
  return true;
}

bool RedisTarget::read_reply(std::string* reply, std::string* error) {
  const int fd = ctx_->fd;
  const auto deadline = Clock::now() + std::chrono::milliseconds(kReplyTimeoutMs);
  for (;;) {
    if (int took = take_buffered_reply(reply, error); took != 0) return took > 0;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      *error = "timed out waiting for the reply of " + label_ +
               "; got so far: " + cli::escape_bytes(buffer_);
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
      *error = n == 0 ? label_ + " closed the connection"
                      : "read from " + label_ + ": " + std::strerror(errno);
      disconnect();
      return false;
    }
    buffer_.append(buf, static_cast<size_t>(n));
  }
}

int RedisTarget::take_buffered_reply(std::string* reply, std::string* error) {
  if (buffer_.empty()) return 0;
  cli::RespValue v;
  size_t used = 0;
  cli::ParseStatus st = cli::parse_resp(buffer_, &v, &used);
  if (st == cli::ParseStatus::kOk) {
    reply->assign(buffer_, 0, used);
    buffer_.erase(0, used);
    return 1;
  }
  if (st == cli::ParseStatus::kMalformed) {
    *error = "malformed reply from " + label_ + ": " + cli::escape_bytes(buffer_);
    disconnect();
    return -1;
  }
  return 0;
}

bool RedisTarget::run_pipeline(const std::vector<std::vector<std::string>>& commands,
                               std::vector<std::string>* replies, std::string* error) {
  replies->clear();
  if (commands.empty()) return true;
  if (ctx_ == nullptr && !connect(error)) return false;
  out_.clear();
  for (const std::vector<std::string>& argv : commands) encode_command(argv, &out_);
  const int fd = ctx_->fd;
  size_t sent = 0;
  std::string reply;
  auto deadline = Clock::now() + std::chrono::milliseconds(kReplyTimeoutMs);
  while (replies->size() < commands.size()) {
    int took = take_buffered_reply(&reply, error);
    if (took < 0) return false;
    if (took > 0) {
      replies->push_back(std::move(reply));
      deadline = Clock::now() + std::chrono::milliseconds(kReplyTimeoutMs);
      continue;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      *error = "timed out waiting for reply " + std::to_string(replies->size() + 1) + " of " +
               std::to_string(commands.size()) + " from " + label_;
      disconnect();
      return false;
    }
    pollfd p{fd, static_cast<short>(POLLIN | (sent < out_.size() ? POLLOUT : 0)), 0};
    int pr = ::poll(&p, 1, static_cast<int>(left.count()));
    if (pr <= 0) continue;  // EINTR or timeout: the deadline check above decides
    if ((p.revents & POLLOUT) != 0 && sent < out_.size()) {
      ssize_t n = ::send(fd, out_.data() + sent, out_.size() - sent, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
        *error = "write to " + label_ + ": " + std::strerror(errno);
        disconnect();
        return false;
      }
      if (n > 0) sent += static_cast<size_t>(n);
    }
    if ((p.revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      char buf[65536];
      ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
      if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (n <= 0) {
        *error = n == 0 ? label_ + " closed the connection"
                        : "read from " + label_ + ": " + std::strerror(errno);
        disconnect();
        return false;
      }
      buffer_.append(buf, static_cast<size_t>(n));
    }
  }
  return true;
}

bool RedisTarget::run(const std::vector<std::string>& argv, std::string* reply,
                      std::string* error) {
  if (ctx_ == nullptr && !connect(error)) return false;
  out_.clear();
  encode_command(argv, &out_);
  return send(out_, error) && read_reply(reply, error);
}

bool KevyTarget::open(std::string* error) {
  store_.reset();
  // Active expiry on, as in the redis-server it is compared with. The memory accounting is
  // recounted after every command (the harness's keyspaces are small), so every replayed or
  // generated sequence also proves that used_memory stays exact.
  auto opened = Store::open(Options{}.with_active_expire(true).with_memory_accounting_check());
  if (!opened.ok()) {
    *error = "Store::open: " + opened.status().message();
    return false;
  }
  store_.emplace(std::move(opened.value()));
  return true;
}

Store* KevyTarget::store(std::string* error) {
  if (!store_ && !open(error)) return nullptr;
  return &*store_;
}

bool KevyTarget::reset(int protocol, std::string* error) {
  if (fresh_ || !store_) {
    if (!open(error)) return false;
  } else {
    static constexpr std::string_view kFlushAll[] = {"FLUSHALL"};
    Session s;
    std::string r = store_->execute_resp(kFlushAll, s);
    if (r != "+OK\r\n") {
      *error = "FLUSHALL on the embedded store: " + cli::escape_bytes(r);
      return false;
    }
  }
  session_ = Session{};
  session_.protocol = protocol;
  return true;
}

bool KevyTarget::run(const std::vector<std::string>& argv, std::string* reply,
                     std::string* error) {
  if (!store_ && !open(error)) return false;
  views_.assign(argv.begin(), argv.end());
  *reply = store_->execute_resp(views_, session_);
  return true;
}

FaultyTarget::FaultyTarget(std::unique_ptr<Target> inner, long fault_at)
    : inner_(std::move(inner)), fault_at_(fault_at) {
  label_ = "faulty:" + std::to_string(fault_at) + ":" + inner_->name();
}

bool FaultyTarget::run(const std::vector<std::string>& argv, std::string* reply,
                       std::string* error) {
  if (!inner_->run(argv, reply, error)) return false;
  if (++count_ == fault_at_) {
    if (!reply->empty() && (*reply)[0] == '-') {
      *reply = "+OK\r\n";
    } else {
      *reply = "-ERR kevy-conform faulty target: reply " + std::to_string(count_) +
               " replaced\r\n";
    }
  }
  return true;
}

bool parse_target_uri(std::string_view uri, TargetUri* out, std::string* error) {
  *out = TargetUri{};
  auto starts = [&](std::string_view p) { return uri.substr(0, p.size()) == p; };
  if (uri == "embedded" || uri == "embedded:fresh") {
    out->kind = TargetUri::Kind::kEmbedded;
    out->fresh = uri == "embedded:fresh";
    return true;
  }
  if (uri == "spawn:redis-server") {
    out->kind = TargetUri::Kind::kSpawnRedis;
    return true;
  }
  if (uri == "spawn:kevy-server") {
    out->kind = TargetUri::Kind::kSpawnKevy;
    return true;
  }
  if (uri == "spawn-tcp:redis-server" || uri == "spawn-tcp:kevy-server") {
    out->kind = uri == "spawn-tcp:redis-server" ? TargetUri::Kind::kSpawnRedis
                                                : TargetUri::Kind::kSpawnKevy;
    out->tcp = true;
    return true;
  }
  if (starts("unix://")) {
    out->kind = TargetUri::Kind::kUnix;
    out->path = std::string(uri.substr(7));
    if (out->path.empty() || out->path[0] != '/') {
      *error = "unix:// needs an absolute socket path (unix:///path/to/sock): " +
               std::string(uri);
      return false;
    }
    return true;
  }
  if (starts("resp://")) {
    out->kind = TargetUri::Kind::kTcp;
    std::string_view hp = uri.substr(7);
    size_t colon = hp.rfind(':');
    std::string_view host = colon == std::string_view::npos ? hp : hp.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
      host = host.substr(1, host.size() - 2);  // [::1]:6379
    }
    out->host = std::string(host);
    out->port = 6379;
    if (colon != std::string_view::npos) {
      std::string_view p = hp.substr(colon + 1);
      int port = 0;
      bool ok = !p.empty() && p.size() <= 5;
      for (char c : p) {
        if (c < '0' || c > '9') ok = false;
        else port = port * 10 + (c - '0');
      }
      if (!ok || port < 1 || port > 65535) {
        *error = "bad port in " + std::string(uri) + " (resp://host:port)";
        return false;
      }
      out->port = port;
    }
    if (out->host.empty()) {
      *error = "resp:// needs a host (resp://127.0.0.1:6379): " + std::string(uri);
      return false;
    }
    return true;
  }
  if (starts("faulty:")) {
    out->kind = TargetUri::Kind::kFaulty;
    std::string_view rest = uri.substr(7);
    size_t colon = rest.find(':');
    long n = 0;
    bool ok = colon != std::string_view::npos && colon > 0 && colon <= 9;
    for (size_t i = 0; ok && i < colon; ++i) {
      if (rest[i] < '0' || rest[i] > '9') ok = false;
      else n = n * 10 + (rest[i] - '0');
    }
    if (!ok || n < 1) {
      *error = "faulty target is faulty:N:<uri> with N >= 1: " + std::string(uri);
      return false;
    }
    out->fault_at = n;
    out->inner = std::string(rest.substr(colon + 1));
    TargetUri inner;
    return parse_target_uri(out->inner, &inner, error);
  }
  *error = "unknown target '" + std::string(uri) +
           "' (embedded, embedded:fresh, resp://host:port, unix:///path, spawn:redis-server, "
           "spawn:kevy-server, spawn-tcp:redis-server, spawn-tcp:kevy-server, faulty:N:<target>)";
  return false;
}

std::unique_ptr<Target> open_target(const std::string& uri, std::string* error,
                                    bool* unavailable) {
  bool ignored = false;
  if (unavailable == nullptr) unavailable = &ignored;
  *unavailable = false;
  TargetUri u;
  if (!parse_target_uri(uri, &u, error)) return nullptr;
  switch (u.kind) {
    case TargetUri::Kind::kEmbedded: {
      auto t = std::make_unique<KevyTarget>(u.fresh);
      if (t->store(error) == nullptr) return nullptr;
      return t;
    }
    case TargetUri::Kind::kTcp: {
      auto t = std::make_unique<RedisTarget>(u.host, u.port);
      if (!t->connect(error)) return nullptr;
      return t;
    }
    case TargetUri::Kind::kUnix: {
      auto t = std::make_unique<RedisTarget>(u.path);
      t->set_label(uri);
      if (!t->connect(error)) return nullptr;
      return t;
    }
    case TargetUri::Kind::kSpawnRedis: {
      std::optional<std::string> binary = RedisServer::find_oracle(error);
      if (!binary) {
        *unavailable = true;
        return nullptr;
      }
      std::unique_ptr<RedisServer> server = RedisServer::start(*binary, error, u.tcp);
      if (!server) return nullptr;
      auto t = u.tcp ? std::make_unique<RedisTarget>("127.0.0.1", server->tcp_port())
                     : std::make_unique<RedisTarget>(server->socket_path());
      t->set_label(u.tcp ? "redis-tcp" : "redis");
      t->require_debug(true);
      t->adopt_server(std::move(server));
      if (!t->connect(error)) return nullptr;
      return t;
    }
    case TargetUri::Kind::kSpawnKevy: {
      std::optional<std::string> binary = RedisServer::find_kevy_binary();
      if (!binary) {
        *unavailable = true;
        *error = "kevy-server not found next to kevy-conform (nor $KEVY_SERVER set)";
        return nullptr;
      }
      std::unique_ptr<RedisServer> server = RedisServer::start(*binary, error, u.tcp);
      if (!server) return nullptr;
      auto t = u.tcp ? std::make_unique<RedisTarget>("127.0.0.1", server->tcp_port())
                     : std::make_unique<RedisTarget>(server->socket_path());
      t->set_label(u.tcp ? "kevy-server-tcp" : "kevy-server");
      t->require_debug(true);
      t->adopt_server(std::move(server));
      if (!t->connect(error)) return nullptr;
      return t;
    }
    case TargetUri::Kind::kFaulty: {
      std::unique_ptr<Target> inner = open_target(u.inner, error, unavailable);
      if (!inner) return nullptr;
      return std::make_unique<FaultyTarget>(std::move(inner), u.fault_at);
    }
  }
  *error = "unreachable";
  return nullptr;
}

}  // namespace kevy::conformance
