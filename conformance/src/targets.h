// Targets of the conformance harness: anything that answers Redis commands with reply bytes.
//
//   embedded             an in-process kevy::Store (one Store reused; reset = FLUSHALL)
//   embedded:fresh       a new kevy::Store for every reset (slower; nothing can leak)
//   resp://host:port     a live server over TCP (hiredis connects, raw RESP I/O)
//   unix:///path/sock    a live server on a unix socket
//   spawn:redis-server   a fresh redis-server on a unix socket in a temp dir, stopped by PID
//   spawn:kevy-server    a fresh kevy-server ($KEVY_SERVER, else next to this binary), same way
//   spawn-tcp:redis-server, spawn-tcp:kevy-server
//                        the same servers, talked to over TCP on 127.0.0.1 (a free port)
//                        instead of their unix socket
//   faulty:N:<uri>       <uri> with its Nth reply (1-based, counted over run()) replaced by a
//                        wrong but well-formed reply: proves that a gate can fail
//
// Every mode talks to a target through the two virtuals of Target: reset() gives it an empty
// keyspace (all dbs flushed, db 0 selected, protocol 2 or 3), run() sends one command and
// returns the complete reply bytes. run() never resets or flushes, so a caller that wants to
// look at what is already there (state_diff after an AOF replay) just calls run() on a target
// it has not reset: live targets connect lazily on the first run().
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kevy/store.h"

struct redisContext;

namespace kevy::conformance {

// A redis-server child process on a unix socket in a fresh temp dir, started without a
// config file. The destructor stops it (SIGTERM, then SIGKILL, by PID) and removes the dir;
// the child also dies with the harness process (PR_SET_PDEATHSIG).
class RedisServer {
 public:
  // The redis-server binary: $KEVY_REDIS_SERVER, else the first one on $PATH; nullopt if
  // there is none.
  static std::optional<std::string> find_binary();
  // The kevy-server binary: $KEVY_SERVER, else kevy-server next to this executable (the
  // build's bin dir); nullopt if there is none. It takes redis-server's flags, so start()
  // runs it the same way.
  static std::optional<std::string> find_kevy_binary();
  // "7.0.15" from `redis-server --version`, or "" when it cannot be read.
  static std::string version(const std::string& binary);
  // find_binary() checked to be the oracle (kOracleVersion, unless
  // $KEVY_CONFORMANCE_ANY_VERSION is set); nullopt with *error when it is missing or another
  // version (both mean "unavailable" to the modes, exit 77).
  static std::optional<std::string> find_oracle(std::string* error);

  // Starts the server and waits (up to 10 s) until it answers PING. nullptr with *error set
  // on failure. With `tcp` it also listens on 127.0.0.1 at a free port (tcp_port()): a port
  // the kernel just handed out, retried when the server loses it to another process.
  static std::unique_ptr<RedisServer> start(const std::string& binary, std::string* error,
                                            bool tcp = false);
  ~RedisServer();

  const std::string& socket_path() const { return socket_; }
  const std::string& log_path() const { return log_; }
  pid_t pid() const { return pid_; }
  // The TCP port on 127.0.0.1, or -1 when started without `tcp`.
  int tcp_port() const { return port_; }

 private:
  RedisServer() = default;
  void stop();

  pid_t pid_ = -1;
  int port_ = -1;
  std::string dir_;
  std::string socket_;
  std::string log_;
};

// One more client of a target, for multi-connection cases (corpus/README.md): commands go out
// with send(); what the target sends back on this connection (replies, pub/sub messages, the
// reply of a blocked command that another connection woke) is read one message at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  // Sends one command without waiting for anything. False with *error on an I/O error.
  virtual bool send(const std::vector<std::string>& argv, std::string* error) = 0;
  // The next complete message: 1 (in *message), 0 when none arrived within timeout_ms, -1 on
  // an I/O or protocol error (*error).
  virtual int next_message(int timeout_ms, std::string* message, std::string* error) = 0;
  // The connection's CLIENT ID, as text ("12"). False with *error.
  virtual bool client_id(std::string* id, std::string* error) = 0;
};

// One client connection as seen by a case: `reset` gives it an empty keyspace in db 0 with
// protocol 2 or 3; `run` sends one command and returns the reply bytes.
class Target {
 public:
  virtual ~Target() = default;
  // A short label for reports ("redis", "kevy", "resp://127.0.0.1:6379").
  virtual const char* name() const = 0;
  // Returns false with *error set when the target cannot be used any more.
  virtual bool reset(int protocol, std::string* error) = 0;
  // The complete reply bytes of one command; false with *error on an I/O or protocol error.
  // Never flushes anything.
  virtual bool run(const std::vector<std::string>& argv, std::string* reply,
                   std::string* error) = 0;

  // A new client of the same keyspace, in db 0 with `protocol` (HELLO out of band), for
  // multi-connection cases; nullptr with *error when the target has none (the default).
  virtual std::unique_ptr<Connection> open_connection(int protocol, std::string* error);
  // False when a command that waits for another connection would hang the target (the
  // embedded store waits on the calling thread): cases tagged blocking=waits are skipped.
  virtual bool can_wait() const { return true; }
};

// A connection to a Redis-protocol server (a RedisServer, or any live server). Connects with
// hiredis, then speaks raw RESP on its socket (hiredis 0.14 cannot parse RESP3 replies).
// Connects on the first reset()/run() and again after an I/O error.
class RedisTarget final : public Target {
 public:
  // A unix socket.
  explicit RedisTarget(std::string socket_path);
  // TCP.
  RedisTarget(std::string host, int port);
  ~RedisTarget() override;
  const char* name() const override { return label_.c_str(); }
  // FLUSHALL, SELECT 0, HELLO <protocol>, DEBUG SET-ACTIVE-EXPIRE 1 (pipelined). A DEBUG
  // error is ignored unless require_debug(true) (live servers usually disable DEBUG).
  bool reset(int protocol, std::string* error) override;
  bool run(const std::vector<std::string>& argv, std::string* reply, std::string* error) override;
  // A new socket to the same server (unix or TCP as this target).
  std::unique_ptr<Connection> open_connection(int protocol, std::string* error) override;

  // Pipelining: sends all of `commands` and returns their replies in order in *replies. It
  // writes and reads at the same time, so a server that stops reading while its replies are
  // unread cannot stall it. False with *error on an I/O or protocol error. Never flushes.
  bool run_pipeline(const std::vector<std::vector<std::string>>& commands,
                    std::vector<std::string>* replies, std::string* error);

  // Connects and checks that the server answers PING.
  bool connect(std::string* error);
  void set_label(std::string label) { label_ = std::move(label); }
  void require_debug(bool on) { require_debug_ = on; }
  // The target owns `server` from now on and stops it when destroyed (after disconnecting).
  void adopt_server(std::unique_ptr<RedisServer> server) { server_ = std::move(server); }

 private:
  void disconnect();
  bool send(const std::string& bytes, std::string* error);
  bool read_reply(std::string* reply, std::string* error);
  // Moves one complete reply from the front of buffer_ to *reply: 1 done, 0 incomplete, -1
  // malformed (*error set, disconnected).
  int take_buffered_reply(std::string* reply, std::string* error);

  std::string socket_;  // unix socket path, or empty for TCP
  std::string host_;
  int port_ = 0;
  std::string label_ = "redis";
  bool require_debug_ = false;
  redisContext* ctx_ = nullptr;
  std::string buffer_;  // bytes read past the last reply
  std::string out_;     // the command being sent (reused)
  std::unique_ptr<RedisServer> server_;
};

// An embedded kevy::Store and one Session. By default one Store is reused and reset() runs
// FLUSHALL on it (as the redis targets do); fresh_store_per_reset opens a new Store instead.
class KevyTarget final : public Target {
 public:
  KevyTarget() = default;
  explicit KevyTarget(bool fresh_store_per_reset) : fresh_(fresh_store_per_reset) {}
  const char* name() const override { return "kevy"; }
  bool reset(int protocol, std::string* error) override;
  bool run(const std::vector<std::string>& argv, std::string* reply, std::string* error) override;
  // Another Session on the same Store (its own client id); a command runs when it is sent,
  // and the session's pushed messages (Store::take_pushed) come before its reply.
  std::unique_ptr<Connection> open_connection(int protocol, std::string* error) override;
  bool can_wait() const override { return false; }

  // The store (opened on first use); for typed reads by callers that know the target.
  Store* store(std::string* error);

 private:
  bool open(std::string* error);

  bool fresh_ = false;
  std::optional<Store> store_;
  Session session_;
  std::vector<std::string_view> views_;  // reused by run()
  int64_t next_client_id_ = 100;         // of the sessions open_connection() makes
};

// Wraps a target and replaces its Nth reply (1-based, counted over run() calls, setup inside
// reset() not counted) by a wrong but well-formed one: an error reply (or "+OK" when the real
// reply was an error), which differs under every comparison mode.
class FaultyTarget final : public Target {
 public:
  FaultyTarget(std::unique_ptr<Target> inner, long fault_at);
  const char* name() const override { return label_.c_str(); }
  bool reset(int protocol, std::string* error) override { return inner_->reset(protocol, error); }
  bool run(const std::vector<std::string>& argv, std::string* reply, std::string* error) override;
  std::unique_ptr<Connection> open_connection(int protocol, std::string* error) override {
    return inner_->open_connection(protocol, error);
  }
  bool can_wait() const override { return inner_->can_wait(); }

 private:
  std::unique_ptr<Target> inner_;
  long fault_at_;
  long count_ = 0;
  std::string label_;
};

// A parsed target URI (see the top of this file).
struct TargetUri {
  enum class Kind { kEmbedded, kTcp, kUnix, kSpawnRedis, kSpawnKevy, kFaulty };
  Kind kind = Kind::kEmbedded;
  bool fresh = false;   // embedded:fresh
  bool tcp = false;     // kSpawnRedis / kSpawnKevy: spawn-tcp:, over TCP not the unix socket
  std::string host;     // kTcp
  int port = 0;         // kTcp
  std::string path;     // kUnix
  long fault_at = 0;    // kFaulty
  std::string inner;    // kFaulty: the wrapped URI
};

// False with *error on an unknown scheme or a malformed URI.
bool parse_target_uri(std::string_view uri, TargetUri* out, std::string* error);

// Opens (spawns, connects to) the target named by `uri`. nullptr with *error on failure; when
// the failure is only that the target does not exist on this machine (no redis-server
// installed, or not version 7.0.15 without $KEVY_CONFORMANCE_ANY_VERSION) *unavailable is set
// too, so callers can report "skipped" rather than "failed".
std::unique_ptr<Target> open_target(const std::string& uri, std::string* error,
                                    bool* unavailable = nullptr);

// The version every recorded reply comes from.
inline constexpr const char* kOracleVersion = "7.0.15";

}  // namespace kevy::conformance
