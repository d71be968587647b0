// The two sides of the conformance test: a redis-server 7.0.15 spawned for the test run (the
// oracle, spoken to in raw RESP over a unix socket) and an embedded kevy::Store. Both answer
// one command at a time with the exact reply bytes.
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kevy/store.h"

struct redisContext;

namespace kevy::conformance {

// A redis-server child process on a unix socket in a fresh temp dir, started without a
// config file. The destructor stops it (SIGTERM, then SIGKILL) and removes the dir; the
// child also dies with the test process (PR_SET_PDEATHSIG).
class RedisServer {
 public:
  // The redis-server binary: $KEVY_REDIS_SERVER, else the first one on $PATH; nullopt if
  // there is none.
  static std::optional<std::string> find_binary();
  // "7.0.15" from `redis-server --version`, or "" when it cannot be read.
  static std::string version(const std::string& binary);

  // Starts the server and waits (up to 10 s) until it answers PING. nullptr with *error set
  // on failure.
  static std::unique_ptr<RedisServer> start(const std::string& binary, std::string* error);
  ~RedisServer();

  const std::string& socket_path() const { return socket_; }
  const std::string& log_path() const { return log_; }

 private:
  RedisServer() = default;
  void stop();

  pid_t pid_ = -1;
  std::string dir_;
  std::string socket_;
  std::string log_;
};

// One client connection as seen by a case: `reset` gives it an empty keyspace in db 0 with
// protocol 2 or 3; `run` sends one command and returns the reply bytes.
class Target {
 public:
  virtual ~Target() = default;
  virtual const char* name() const = 0;
  // Returns false with *error set when the target cannot be used any more.
  virtual bool reset(int protocol, std::string* error) = 0;
  // The complete reply bytes of one command; false with *error on an I/O or protocol error.
  virtual bool run(const std::vector<std::string>& argv, std::string* reply,
                   std::string* error) = 0;
};

// A connection to a RedisServer. Connects with hiredis, then speaks raw RESP on its socket
// (hiredis 0.14 cannot parse RESP3 replies). Reconnects on the next reset() after an error.
class RedisTarget final : public Target {
 public:
  explicit RedisTarget(std::string socket_path) : socket_(std::move(socket_path)) {}
  ~RedisTarget() override;
  const char* name() const override { return "redis"; }
  bool reset(int protocol, std::string* error) override;
  bool run(const std::vector<std::string>& argv, std::string* reply, std::string* error) override;

  // Connects and checks that the server answers PING.
  bool connect(std::string* error);

 private:
  void disconnect();

  std::string socket_;
  redisContext* ctx_ = nullptr;
  std::string buffer_;  // bytes read past the last reply (never expected, kept for safety)
};

// A fresh kevy::Store per case (so a case never sees another case's keys even when FLUSHALL
// is not implemented yet) and one Session.
class KevyTarget final : public Target {
 public:
  const char* name() const override { return "kevy"; }
  bool reset(int protocol, std::string* error) override;
  bool run(const std::vector<std::string>& argv, std::string* reply, std::string* error) override;

 private:
  std::optional<Store> store_;
  Session session_;
};

}  // namespace kevy::conformance
