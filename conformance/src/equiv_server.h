// Server processes and tools for the persistence equivalence modes (rdb-equiv, aof-equiv): a
// kevy-server or redis-server started in a directory the caller owns (so that it can load the
// files another server wrote there, and the caller can read what it writes), several of them
// started at once and waited for together; redis-check-rdb / redis-check-aof runs.
//
// Unlike targets.h's RedisServer (which always starts empty in a temp dir it deletes), the
// directory and its files belong to the caller. Processes are stopped by PID (SIGTERM, then
// SIGKILL after 5 s) and die with the harness (PR_SET_PDEATHSIG).
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "targets.h"

namespace kevy::conformance::equiv {

// A directory made with mkdtemp under $TMPDIR; removed with its contents by the destructor
// unless keep() was called.
class TempDir {
 public:
  // nullptr-like (path() empty) with *error on failure.
  explicit TempDir(const std::string& prefix, std::string* error);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  void keep() { keep_ = true; }

 private:
  std::string path_;
  bool keep_ = false;
};

class ServerProcess {
 public:
  // Starts `binary --port 0 --unixsocket <dir>/server.sock --daemonize no --dir <dir>
  // --enable-debug-command yes <extra...>` with its output in <dir>/server.log, and returns at
  // once: call wait_ready() before using it. `label` names it in reports ("kevy<-redis");
  // `oracle` says it is a redis-server (see signal_stop).
  static std::unique_ptr<ServerProcess> spawn(const std::string& binary, const std::string& dir,
                                              const std::vector<std::string>& extra,
                                              std::string label, bool oracle, std::string* error);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Waits until the server answers PING on its socket. False with *error (which includes the
  // tail of its log) when it exits first or does not answer within timeout_ms.
  bool wait_ready(int timeout_ms, std::string* error);
  // The connection to the server (connected by wait_ready).
  RedisTarget& client() { return *client_; }
  const std::string& label() const { return label_; }
  const std::string& dir() const { return dir_; }
  std::string log_path() const { return dir_ + "/server.log"; }
  pid_t pid() const { return pid_; }
  // The last `max_bytes` of its log, for reports.
  std::string log_tail(size_t max_bytes = 1500) const;
  // Sends the stop signal without waiting: SIGTERM to kevy-server (its shutdown is part of
  // what is tested), SIGKILL to redis-server (which would take up to 100 ms, one serverCron
  // tick, to act on SIGTERM; nothing of it is needed any more).
  void signal_stop();
  // Stops the process (signal_stop, then SIGKILL after 5 s) and waits for it. Idempotent.
  void stop();
  // After stop(): how it ended, as "exit 0", "exit 1", "signal 9" ("" while it runs).
  const std::string& ended() const { return ended_; }

 private:
  ServerProcess() = default;
  pid_t pid_ = -1;
  bool kill_to_stop_ = false;  // a redis-server
  std::string ended_;
  std::string dir_;
  std::string socket_;
  std::string label_;
  std::unique_ptr<RedisTarget> client_;
};

// Waits for all of `servers` (each one up to timeout_ms from now). False with *error naming the
// first that failed; *failed (when not null) is set to its index.
bool wait_all_ready(const std::vector<ServerProcess*>& servers, int timeout_ms, std::string* error,
                    size_t* failed = nullptr);

// Stops all of `servers` at once (signal_stop on each, then stop on each).
void stop_all(const std::vector<ServerProcess*>& servers);

// Runs a tool to completion with stdout and stderr captured into *output. Returns its exit
// status (0..255), or -1 with *output holding the reason when it could not run or was killed.
int run_tool(const std::vector<std::string>& argv, std::string* output);

// A tool that comes with redis-server ("redis-check-rdb"): beside `redis_server`, else on
// $PATH; nullopt when there is none.
std::optional<std::string> find_redis_tool(const std::string& redis_server,
                                           const std::string& name);

// Copies a file, or a directory tree's directories and regular files (sockets are skipped).
// False with *error.
bool copy_path(const std::string& from, const std::string& to, std::string* error);

}  // namespace kevy::conformance::equiv
