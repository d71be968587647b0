#include "equiv_server.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
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

namespace kevy::conformance::equiv {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool is_executable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

// Stops `pid` (`sig`, then SIGKILL after `grace`), reaps it and says how it ended.
std::string stop_pid(pid_t pid, int sig, std::chrono::milliseconds grace) {
  ::kill(pid, sig);
  const auto deadline = Clock::now() + grace;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return "signal 9 (did not stop within " + std::to_string(grace.count()) + " ms)";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  return "signal " + std::to_string(WIFSIGNALED(status) ? WTERMSIG(status) : -1);
}

}  // namespace

TempDir::TempDir(const std::string& prefix, std::string* error) {
  std::string tmpl = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    *error = std::string("mkdtemp: ") + std::strerror(errno);
    return;
  }
  path_ = tmpl;
}

TempDir::~TempDir() {
  if (path_.empty() || keep_) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::unique_ptr<ServerProcess> ServerProcess::spawn(const std::string& binary,
                                                    const std::string& dir,
                                                    const std::vector<std::string>& extra,
                                                    std::string label, bool oracle,
                                                    std::string* error) {
  std::unique_ptr<ServerProcess> s(new ServerProcess());
  s->dir_ = dir;
  s->socket_ = dir + "/server.sock";
  s->label_ = std::move(label);
  std::vector<std::string> args = {
      binary, "--port", "0", "--unixsocket",           s->socket_, "--daemonize",
      "no",   "--dir",  dir, "--enable-debug-command", "yes"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> cargs;
  for (std::string& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  const std::string log = s->log_path();

  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    *error = std::string("fork: ") + std::strerror(errno);
    return nullptr;
  }
  if (pid == 0) {
    // Child: dies with the harness, logs to a file in its dir, runs in its dir.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    ::execv(cargs[0], cargs.data());
    ::_exit(127);
  }
  s->pid_ = pid;
  s->kill_to_stop_ = oracle;
  s->client_ = std::make_unique<RedisTarget>(s->socket_);
  s->client_->set_label(s->label_);
  return s;
}

ServerProcess::~ServerProcess() { stop(); }

void ServerProcess::signal_stop() {
  if (pid_ > 0) ::kill(pid_, kill_to_stop_ ? SIGKILL : SIGTERM);
}

void ServerProcess::stop() {
  client_.reset();
  if (pid_ > 0) {
    ended_ = stop_pid(pid_, kill_to_stop_ ? SIGKILL : SIGTERM, std::chrono::milliseconds(5000));
  }
  pid_ = -1;
}

void stop_all(const std::vector<ServerProcess*>& servers) {
  for (ServerProcess* s : servers) s->signal_stop();
  for (ServerProcess* s : servers) s->stop();
}

std::string ServerProcess::log_tail(size_t max_bytes) const {
  std::ifstream in(log_path(), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  return all.size() > max_bytes ? all.substr(all.size() - max_bytes) : all;
}

bool ServerProcess::wait_ready(int timeout_ms, std::string* error) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string last;
  for (;;) {
    int status = 0;
    if (pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      ended_ = "exit " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
      *error = label_ + " exited during startup (status " +
               std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "); log:\n" +
               log_tail();
      return false;
    }
    if (pid_ <= 0) {
      *error = label_ + " is not running";
      return false;
    }
    if (::access(socket_.c_str(), F_OK) == 0 && client_->connect(&last)) return true;
    if (Clock::now() > deadline) {
      *error = label_ + " did not answer PING within " + std::to_string(timeout_ms) + " ms (" +
               last + "); log:\n" + log_tail();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
  }
}

bool wait_all_ready(const std::vector<ServerProcess*>& servers, int timeout_ms, std::string* error,
                    size_t* failed) {
  for (size_t i = 0; i < servers.size(); ++i) {
    if (!servers[i]->wait_ready(timeout_ms, error)) {
      if (failed != nullptr) *failed = i;
      return false;
    }
  }
  return true;
}

int run_tool(const std::vector<std::string>& argv, std::string* output) {
  output->clear();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    *output = std::string("pipe: ") + std::strerror(errno);
    return -1;
  }
  std::vector<std::string> args = argv;
  std::vector<char*> cargs;
  for (std::string& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    *output = std::string("fork: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return -1;
  }
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    ::dup2(fds[1], 1);
    ::dup2(fds[1], 2);
    ::execv(cargs[0], cargs.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  char buf[8192];
  for (;;) {
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    output->append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status)) {
    *output += "\n(" + argv[0] + " was killed by signal " + std::to_string(WTERMSIG(status)) + ")";
    return -1;
  }
  return WEXITSTATUS(status);
}

std::optional<std::string> find_redis_tool(const std::string& redis_server,
                                           const std::string& name) {
  std::string beside = (fs::path(redis_server).parent_path() / name).string();
  if (is_executable(beside)) return beside;
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/" + name;
    if (end > start && is_executable(candidate)) return candidate;
    start = end + 1;
  }
  return std::nullopt;
}

bool copy_path(const std::string& from, const std::string& to, std::string* error) {
  std::error_code ec;
  auto failed = [&](const std::string& what) {
    *error = "copy " + from + " -> " + to + ": " + what + ": " + ec.message();
    return false;
  };
  const fs::file_status st = fs::status(from, ec);
  if (ec) return failed("stat");
  if (fs::is_regular_file(st)) {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    return ec ? failed("copy_file") : true;
  }
  if (!fs::is_directory(st)) return true;  // sockets and the like are not data
  fs::create_directories(to, ec);
  if (ec) return failed("mkdir");
  for (const fs::directory_entry& e : fs::directory_iterator(from, ec)) {
    if (!copy_path(e.path().string(), (fs::path(to) / e.path().filename()).string(), error)) {
      return false;
    }
  }
  return ec ? failed("readdir") : true;
}

}  // namespace kevy::conformance::equiv
