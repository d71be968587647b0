// Server::Impl: the state of one kevy::Server and the steps of its event loop, shared by
// server.cc (listeners, loop, connections, ClientHost) and server_faults.cc (the test faults:
// held replies, replies cut short, refused connections).
//
// Thread-safety: everything here belongs to the loop thread, except what is marked
// otherwise (the inbox, stop and state fields).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "commands/args.h"
#include "commands/client_host.h"
#include "commands/client_info.h"
#include "commands/context.h"
#include "kevy/server.h"
#include "server/connection.h"
#include "server/event_loop.h"

namespace kevy {

struct Server::Impl : ClientHost {
  std::shared_ptr<Store> store;
  ServerOptions options;
  std::unique_ptr<EventLoop> loop;
  std::vector<int> tcp_fds;
  int unix_fd = -1;
  int port = -1;
  bool unix_bound = false;  // we created options.unix_socket: remove it on the way out
  std::unordered_map<int, std::unique_ptr<Connection>> connections;  // by fd
  std::vector<Connection*> monitors;
  std::vector<int> to_close;  // fds of killed connections, closed after the current event
  std::unordered_map<int64_t, Connection*> by_id;  // connections by client id

  // Out-of-band replies (pub/sub messages, a blocked command's reply) come from whichever
  // thread runs the command that causes them, under the store lock. On the loop thread they
  // are appended at once; from other threads they wait in the inbox until the loop wakes.
  struct Delivery {
    int64_t client_id;
    std::string bytes;
    bool unblocks;  // the reply of the blocked command: the client runs its commands again
  };
  std::thread::id loop_thread;
  std::mutex inbox_mu;
  std::vector<Delivery> inbox;  // guarded by inbox_mu
  std::vector<int64_t> resume;  // unblocked clients to run again (loop thread)
  void deliver(Delivery d);
  void take_delivery(Delivery& d);
  void drain_inbox();
  void resume_unblocked();
  void attach_client_state(Connection& conn);
  int64_t next_client_id = 1;
  std::atomic<bool> stop_requested{false};
  std::thread thread;

  // INFO counters (loop thread only).
  uint64_t connections_received = 0;
  uint64_t rejected_connections = 0;
  uint64_t net_input_bytes = 0;
  uint64_t net_output_bytes = 0;

  std::mutex state_mu;
  std::condition_variable stopped_cv;
  bool running = true;  // guarded by state_mu

  std::mutex stop_mu;  // serialises stop()

  Status bind_listeners();
  void publish_config();
  void reload_config();
  RequestLimits request_limits() const;
  void run();
  void accept_all(int listen_fd);
  void on_client_event(Connection& conn, uint32_t events);
  void process_commands(Connection& conn);
  bool run_one(Connection& conn, Args argv);
  void feed_monitors(const Connection& source, Args argv);
  void check_output_limits(Connection& conn);
  bool backpressured(const Connection& conn) const;
  void update_interest(Connection& conn);
  // Writes what the socket takes of conn's output; a failed write, or a connection that is
  // done (closing and flushed), is scheduled for closing, else its interest is updated.
  void send_pending(Connection& conn);
  void schedule_close(Connection& conn);
  void close_scheduled();
  void close_connection(int fd);
  void close_all();
  void close_idle_clients();
  int64_t last_idle_check_ms = 0;
  // Clock ms read once per event-loop pass (connection ages and idle times need no more).
  int64_t loop_now_ms = 0;
  int64_t now_ms() const { return loop_now_ms; }

  // ---- test faults (server_faults.cc)
  // Runs fn on the loop thread and waits for it (at once when called there). False, without
  // running it, when the loop has stopped.
  bool run_on_loop(const std::function<void()>& fn);
  std::vector<std::function<void()>> tasks;  // guarded by inbox_mu; run by drain_inbox()
  // After a command: what its Session::reply_fault asked for (hold the reply back, or cut it
  // short and close), applied to the output appended since mark; the fault is cleared.
  void apply_reply_fault(Connection& conn, size_t mark);
  // Clients with replies held back (CommandHookAction::delay_ms), and the loop's wait bound
  // for the soonest of them (-1: none).
  std::vector<int64_t> held_clients;
  int held_wait_ms() const;
  // Sends the held replies whose time has come.
  void release_held_output();
  // refuse_connections: the listeners closed (connect() fails with ECONNREFUSED), or bound
  // again at the same port and path.
  void close_listeners();
  Status set_refusing(bool refuse);
  bool refusing = false;

  // ClientHost.
  HostStats stats() const override;
  void reset_stats() override;
  std::vector<ClientInfo> clients() const override;
  int64_t kill(const ClientKillFilter& filter, int64_t caller_id) override;
  ClientInfo describe(const Connection& conn) const;
};

}  // namespace kevy
