// kevy::Server: a RESP2/RESP3 network server over a kevy::Store, for code under test that
// talks to Redis through a socket (hiredis, redis-plus-plus, redis-py, redis-cli, ...).
//
//   auto store = std::make_shared<kevy::Store>(std::move(kevy::Store::open({}).value()));
//   auto server = kevy::Server::start(store, kevy::ServerOptions{}.with_port(0));
//   int port = server.value()->port();          // the port the kernel chose
//   ...
//   server.value()->stop();                      // or let the destructor do it
//
// One background thread per server runs an epoll event loop: non-blocking sockets, no thread
// per connection. Every command goes through Store::execute_resp, the same path as the
// embedded API, with one Session (db, protocol, client id) per connection. Several servers may
// run in one process, each with its own store (or sharing one).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "kevy/status.h"
#include "kevy/store.h"

namespace kevy {

// client-output-buffer-limit of one client class: a client whose pending output exceeds
// hard_bytes, or stays above soft_bytes for soft_seconds, is disconnected. 0 disables a limit.
struct OutputBufferLimit {
  uint64_t hard_bytes = 0;
  uint64_t soft_bytes = 0;
  int64_t soft_seconds = 0;
};

struct ServerOptions {
  // TCP: listen on every address of bind_address (space-separated, as Redis's `bind`: IPv4 or
  // IPv6 literals, host names, "*" for all IPv4 and "::*" for all IPv6 addresses; a leading
  // "-" makes an address optional: failing to bind it is not an error) at port; port 0 picks a
  // free port (see Server::port()); -1 means no TCP listener.
  std::string bind_address = "127.0.0.1";
  int port = 0;
  // Unix socket path; empty means none.
  std::string unix_socket;
  // requirepass: when non-empty, commands other than AUTH/HELLO/QUIT get -NOAUTH until AUTH.
  std::string require_pass;
  size_t proto_max_bulk_len = 512ull << 20;
  size_t client_query_buffer_limit = 1ull << 30;
  // maxclients: a connection beyond this many gets "-ERR max number of clients reached".
  int64_t max_clients = 10000;
  // client-output-buffer-limit for normal clients (Redis's default: none).
  OutputBufferLimit normal_output_limit;
  // Back-pressure, a kevy addition that changes no reply: while a client has more than this
  // many reply bytes unsent (it pipelines without reading), its further commands wait in its
  // query buffer and its socket is not read, so memory stays bounded and other clients are
  // served. 0 disables it.
  size_t output_backpressure_bytes = 64ull << 20;
  // timeout: a client idle (nothing read from or written to it) for this many seconds is
  // closed, except MONITOR clients, as Redis does; checked about once a second. 0 disables it.
  int64_t idle_timeout_seconds = 0;

  // Takes requirepass, maxclients, timeout, proto-max-bulk-len, client-query-buffer-limit and the
  // normal class of client-output-buffer-limit from the store's CONFIG parameters (what a
  // redis.conf or CONFIG SET gave them). Listener settings are left alone.
  ServerOptions& with_store_config(Store& store);

  ServerOptions& with_port(int p) { port = p; return *this; }
  ServerOptions& with_bind(std::string a) { bind_address = std::move(a); return *this; }
  ServerOptions& with_unix_socket(std::string path) { unix_socket = std::move(path); return *this; }
  ServerOptions& with_require_pass(std::string p) { require_pass = std::move(p); return *this; }
};

class Server {
 public:
  // Binds the listeners and starts the event-loop thread; an error Status when a socket cannot
  // be bound (the message names the address and errno text).
  static Result<std::unique_ptr<Server>> start(std::shared_ptr<Store> store,
                                               const ServerOptions& options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  // Stops if still running.
  ~Server();

  // The TCP port listened on (the chosen one when options.port was 0); -1 without TCP.
  int port() const;
  // The unix socket path, empty without one.
  const std::string& unix_socket() const;
  // Closes every connection and listener, joins the thread; the unix socket file is removed.
  // Idempotent. Leaves no thread or file descriptor behind.
  void stop();
  // True until stop() or a SHUTDOWN command.
  bool running() const;
  // Blocks until the server stops (stop() from another thread, or SHUTDOWN).
  void wait();

  // A test fault (kevy/testing.h): while refusing, the listeners are closed, so connecting
  // fails with ECONNREFUSED (the unix socket file is removed) and connected clients go on;
  // refuse_connections(false) binds them again at the same port and path. Connections the
  // kernel completed but the server had not accepted yet are reset. Thread-safe. An
  // error when binding again fails or the server has stopped.
  Status refuse_connections(bool refuse);

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kevy
