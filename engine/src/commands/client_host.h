// ClientHost: what a network server (kevy::Server) tells the connection-aware commands about
// its clients — CLIENT LIST/INFO/KILL, the clients and stats sections of INFO, CONFIG RESETSTAT.
// The engine runs those commands; the server only answers these questions. An embedded
// Session has no host: the commands then describe that one session (see embedded_client()).
//
// Thread-safety: called from a command handler, i.e. on the thread running the command (the
// server's event-loop thread for its connections) while the Store lock is held.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kevy/store.h"

namespace kevy {

// The fields of one CLIENT LIST / CLIENT INFO line, in Redis 7.0's order.
struct ClientInfo {
  int64_t id = 0;
  std::string addr;   // "ip:port", or "/path/to/socket:0" for a unix socket client
  std::string laddr;  // the local end
  int fd = -1;
  std::string name;
  int64_t age_s = 0;   // seconds since the connection was accepted
  int64_t idle_s = 0;  // seconds since its last command
  std::string flags = "N";  // Redis's flag letters, "N" for none
  int db = 0;
  int64_t sub = 0, psub = 0, ssub = 0;
  int64_t multi = -1;  // queued commands in MULTI, -1 outside
  uint64_t qbuf = 0, qbuf_free = 0, argv_mem = 0, multi_mem = 0;
  uint64_t rbs = 0, rbp = 0;  // read buffer size and its recent peak
  uint64_t obl = 0, oll = 0, omem = 0, tot_mem = 0;
  std::string events = "r";  // "r", "w" or "rw": what the event loop waits for
  std::string cmd = "NULL";  // last command run, "client|list" style
  std::string user = "default";
  int64_t redir = -1;
  int resp = 2;
};

// Which clients CLIENT KILL selects; unset fields match every client.
struct ClientKillFilter {
  std::optional<int64_t> id;
  std::optional<std::string> addr;
  std::optional<std::string> laddr;
  std::optional<std::string> type;  // "normal", "master", "replica", "pubsub"
  std::optional<std::string> user;
  std::optional<int64_t> max_age_s;
  bool skip_me = true;
};

// Server-wide numbers for INFO (server, clients and stats sections).
struct HostStats {
  int64_t tcp_port = 0;
  int64_t connected_clients = 0;
  int64_t maxclients = 10000;
  int64_t blocked_clients = 0;
  int64_t clients_in_timeout_table = 0;  // blocked clients with a timeout
  uint64_t total_connections_received = 0;
  uint64_t rejected_connections = 0;
  uint64_t total_net_input_bytes = 0;
  uint64_t total_net_output_bytes = 0;
  uint64_t client_recent_max_input_buffer = 0;
  uint64_t client_recent_max_output_buffer = 0;
  std::string executable;
  std::string config_file;
};

class ClientHost {
 public:
  virtual ~ClientHost() = default;
  virtual HostStats stats() const = 0;
  // CONFIG RESETSTAT: zero the counters the host keeps (net bytes, connections received...).
  virtual void reset_stats() = 0;
  // Every connected client, in ascending id order.
  virtual std::vector<ClientInfo> clients() const = 0;
  // CLIENT KILL: closes the matching clients (after the current command's reply is sent, when
  // the caller is among them) and returns how many matched. caller_id is the client running
  // the command (for SKIPME).
  virtual int64_t kill(const ClientKillFilter& filter, int64_t caller_id) = 0;
};

}  // namespace kevy
