// RedisOracle: a redis-server process for tests that compare kevy with the real thing (files it
// writes, digests it computes). Started with posix_spawn in a fresh temporary directory on a
// unix socket, spoken to with RESP, stopped by its pid (SIGTERM, then waitpid). Tests call
// RedisOracle::available() first and GTEST_SKIP when redis-server is not installed.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace kevy {

class RedisOracle {
 public:
  RedisOracle() = default;
  RedisOracle(const RedisOracle&) = delete;
  RedisOracle& operator=(const RedisOracle&) = delete;
  ~RedisOracle() {
    stop();
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  static std::string binary() {
    for (const char* p : {"/usr/bin/redis-server", "/usr/local/bin/redis-server"}) {
      if (::access(p, X_OK) == 0) return p;
    }
    return {};
  }
  static bool available() { return !binary().empty(); }

  // Starts redis-server with `--dir <temp dir>` and the given extra arguments; false (with a
  // test failure) when it does not answer PING within 10 s.
  bool start(const std::vector<std::string>& extra) {
    if (dir_.empty()) {
      std::string tmpl = (std::filesystem::temp_directory_path() / "kevy-oracle-XXXXXX").string();
      if (::mkdtemp(tmpl.data()) == nullptr) return false;
      dir_ = tmpl;
    }
    sock_ = dir_ + "/redis.sock";
    std::vector<std::string> args = {binary(), "--port", "0", "--unixsocket", sock_,
                                     "--dir", dir_, "--save", "", "--daemonize", "no",
                                     "--enable-debug-command", "yes"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string log = dir_ + "/redis.log";
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    const int rc = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      pid_ = -1;
      ADD_FAILURE() << "posix_spawn redis-server: " << std::strerror(rc);
      return false;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (connect() && call({"PING"}) == "PONG") return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "redis-server did not start; see " << log;
    return false;
  }

  // SIGTERM (Redis then fsyncs its AOF and exits) and wait.
  void stop() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
    }
  }

  const std::string& dir() const { return dir_; }

  // Sends one command and returns its reply flattened: a status/bulk/integer as its text, an
  // error as "-" + text, a nil as "(nil)", an array as its elements joined by "\n".
  std::string call(const std::vector<std::string>& argv) {
    std::string req = "*" + std::to_string(argv.size()) + "\r\n";
    for (const std::string& a : argv) req += "$" + std::to_string(a.size()) + "\r\n" + a + "\r\n";
    if (fd_ < 0 && !connect()) return "-(not connected)";
    size_t done = 0;
    while (done < req.size()) {
      const ssize_t n = ::write(fd_, req.data() + done, req.size() - done);
      if (n <= 0) return "-(write failed)";
      done += static_cast<size_t>(n);
    }
    return read_reply();
  }

  // Waits until no AOF rewrite is running or scheduled (after BGREWRITEAOF).
  void wait_rewrite() {
    for (int i = 0; i < 500; ++i) {
      const std::string info = call({"INFO", "persistence"});
      if (info.find("aof_rewrite_in_progress:0") != std::string::npos &&
          info.find("aof_rewrite_scheduled:0") != std::string::npos) {
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "AOF rewrite did not finish";
  }

 private:
  bool connect() {
    if (fd_ >= 0) return true;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, sock_.c_str(), sizeof(addr.sun_path) - 1);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd);
      return false;
    }
    fd_ = fd;
    return true;
  }
  bool read_byte(char* c) {
    for (;;) {
      const ssize_t n = ::read(fd_, c, 1);
      if (n == 1) return true;
      if (n < 0 && errno == EINTR) continue;
      return false;
    }
  }
  std::string read_line() {
    std::string line;
    char c;
    while (read_byte(&c)) {
      if (c == '\n' && !line.empty() && line.back() == '\r') {
        line.pop_back();
        return line;
      }
      line.push_back(c);
    }
    return line;
  }
  std::string read_reply() {
    const std::string line = read_line();
    if (line.empty()) return "-(connection closed)";
    const std::string rest = line.substr(1);
    switch (line[0]) {
      case '+':
      case ':':
        return rest;
      case '-':
        return line;
      case '$': {
        const long len = std::strtol(rest.c_str(), nullptr, 10);
        if (len < 0) return "(nil)";
        std::string out(static_cast<size_t>(len) + 2, '\0');
        for (char& c : out) read_byte(&c);
        out.resize(static_cast<size_t>(len));
        return out;
      }
      case '*': {
        const long n = std::strtol(rest.c_str(), nullptr, 10);
        std::string out;
        for (long i = 0; i < n; ++i) out += (i ? "\n" : "") + read_reply();
        return out;
      }
    }
    return "-(unexpected reply)";
  }

  std::string dir_;
  std::string sock_;
  pid_t pid_ = -1;
  int fd_ = -1;
};

}  // namespace kevy
