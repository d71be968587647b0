#include "server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace kevy::clients {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool is_executable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A port nobody listens on right now (the kernel's pick for port 0), or -1.
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

// Connects (TCP when port > 0, else the unix socket), sends PING and waits up to 1 s for the
// first reply line. Any reply counts, -NOAUTH included: the server is listening and parsing.
bool answers_ping(int port, const std::string& socket_path) {
  int fd = -1;
  if (port > 0) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      ::close(fd);
      return false;
    }
  } else {
    fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::strncpy(a.sun_path, socket_path.c_str(), sizeof a.sun_path - 1);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      ::close(fd);
      return false;
    }
  }
  static constexpr char kPing[] = "PING\r\n";
  bool ok = ::send(fd, kPing, sizeof kPing - 1, MSG_NOSIGNAL) == sizeof kPing - 1;
  std::string got;
  const auto deadline = Clock::now() + std::chrono::seconds(1);
  while (ok && got.find("\r\n") == std::string::npos && Clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    char buf[256];
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) ok = false;
    else got.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return ok && got.find("\r\n") != std::string::npos;
}

// "7.0.15" from `redis-server --version`.
std::string redis_version(const std::string& binary) {
  std::string cmd = "'" + binary + "' --version 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return "";
  char buf[512];
  std::string out;
  while (size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  ::pclose(p);
  size_t v = out.find("v=");
  if (v == std::string::npos) return "";
  size_t end = out.find(' ', v);
  return out.substr(v + 2, end == std::string::npos ? std::string::npos : end - v - 2);
}

std::optional<std::string> on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  std::istringstream in(dirs);
  std::string dir;
  while (std::getline(in, dir, ':')) {
    if (!dir.empty() && is_executable(dir + "/" + name)) return dir + "/" + name;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> ServerProcess::find_binary(Kind kind) {
  if (kind == Kind::kKevy) {
    if (const char* env = std::getenv("KEVY_SERVER"); env != nullptr && *env != '\0') {
      return is_executable(env) ? std::optional<std::string>(env) : std::nullopt;
    }
#ifdef KEVY_SERVER_PATH
    if (is_executable(KEVY_SERVER_PATH)) return std::string(KEVY_SERVER_PATH);
#endif
    return std::nullopt;
  }
  std::optional<std::string> bin = on_path("redis-server");
  if (!bin || redis_version(*bin) != "7.0.15") return std::nullopt;
  return bin;
}

std::unique_ptr<ServerProcess> ServerProcess::start(Kind kind,
                                                    const std::vector<std::string>& extra_args,
                                                    std::string* error) {
  std::optional<std::string> binary = find_binary(kind);
  if (!binary) {
    *error = kind == Kind::kKevy ? "kevy-server not found" : "redis-server 7.0.15 not found";
    return nullptr;
  }
  std::unique_ptr<ServerProcess> server(new ServerProcess());
  std::string tmpl = (fs::temp_directory_path() / "kevy-clients-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    *error = std::string("mkdtemp: ") + std::strerror(errno);
    return nullptr;
  }
  server->dir_ = tmpl;
  server->socket_ = tmpl + "/server.sock";
  server->log_path_ = tmpl + "/server.log";

  // redis-server may lose the race for the port picked here: then it exits and is retried.
  for (int attempt = 0; attempt < 10; ++attempt) {
    int port = kind == Kind::kKevy ? 0 : free_tcp_port();
    std::vector<std::string> args = {*binary,         "--port",        std::to_string(port),
                                     "--bind",        "127.0.0.1",     "--unixsocket",
                                     server->socket_, "--save",        "",
                                     "--appendonly",  "no",            "--daemonize",
                                     "no",            "--dir",         tmpl};
    if (kind == Kind::kRedis) {
      args.insert(args.end(), {"--enable-debug-command", "yes"});
    }
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    if (!server->spawn(*binary, args, error)) return nullptr;

    const auto deadline = Clock::now() + std::chrono::seconds(10);
    bool exited = false;
    while (Clock::now() < deadline) {
      int status = 0;
      if (::waitpid(server->pid_, &status, WNOHANG) == server->pid_) {
        server->pid_ = -1;
        exited = true;
        break;
      }
      if (kind == Kind::kKevy && server->port_ < 0) {
        const std::string log = server->log();
        static constexpr char kReady[] = "Ready to accept connections tcp port ";
        size_t at = log.find(kReady);
        if (at != std::string::npos) server->port_ = std::atoi(log.c_str() + at + sizeof kReady - 1);
      } else if (kind == Kind::kRedis) {
        server->port_ = port;
      }
      if (server->port_ > 0 && answers_ping(server->port_, "") &&
          answers_ping(0, server->socket_)) {
        return server;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!exited) {
      *error = "the server did not answer within 10 s; log:\n" + server->log();
      return nullptr;  // the destructor stops it
    }
    if (kind == Kind::kKevy || server->log().find("Address already in use") == std::string::npos) {
      *error = "the server exited during startup; log:\n" + server->log();
      return nullptr;
    }
    server->port_ = -1;
  }
  *error = "redis-server: no free port after 10 attempts";
  return nullptr;
}

bool ServerProcess::spawn(const std::string& binary, const std::vector<std::string>& args,
                          std::string* error) {
  std::vector<std::string> copy = args;
  std::vector<char*> cargs;
  for (std::string& a : copy) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  const pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    *error = std::string("fork: ") + std::strerror(errno);
    return false;
  }
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    int fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    ::execv(binary.c_str(), cargs.data());
    ::_exit(127);
  }
  pid_ = pid;
  return true;
}

std::string ServerProcess::log() const { return read_file(log_path_); }

int ServerProcess::stop() {
  int status = -1;
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (Clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    pid_ = -1;
  }
  return status;
}

ServerProcess::~ServerProcess() {
  stop();
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

}  // namespace kevy::clients
