// ServerProcess: a kevy-server or redis-server child process for client tests, listening on a
// free TCP port on 127.0.0.1 and on a unix socket in its own temp dir. Started without a config
// file and without persistence; stopped by PID (SIGTERM, then SIGKILL) by stop() or the
// destructor, and killed with the test process (PR_SET_PDEATHSIG).
//
// kevy-server gets --port 0 and reports the port it bound ("Ready to accept connections tcp
// port N" on stdout). redis-server's --port 0 means "no TCP", so a free port is chosen here
// (bind to port 0, read it, close) and the start is retried when the server loses that race.
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kevy::clients {

class ServerProcess {
 public:
  enum class Kind { kKevy, kRedis };

  // The binary for `kind`: kevy-server from $KEVY_SERVER or the build (KEVY_SERVER_PATH);
  // redis-server from $PATH, only when it is version 7.0.15 (the oracle). nullopt otherwise.
  static std::optional<std::string> find_binary(Kind kind);

  // Starts the server with `extra_args` (e.g. {"--requirepass", "pw"}) and waits (up to 10 s)
  // until both listeners answer. nullptr with *error set on failure.
  static std::unique_ptr<ServerProcess> start(Kind kind, const std::vector<std::string>& extra_args,
                                              std::string* error);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  const std::string& socket_path() const { return socket_; }
  const std::string& dir() const { return dir_; }
  pid_t pid() const { return pid_; }
  // The server's stdout + stderr so far (for failure messages).
  std::string log() const;
  // SIGTERM, wait (SIGKILL after 5 s); returns the exit status as waitpid reports it, or -1
  // when the process was already gone. Idempotent.
  int stop();

 private:
  ServerProcess() = default;
  bool spawn(const std::string& binary, const std::vector<std::string>& args, std::string* error);

  pid_t pid_ = -1;
  int port_ = -1;
  std::string dir_;
  std::string socket_;
  std::string log_path_;
};

}  // namespace kevy::clients
