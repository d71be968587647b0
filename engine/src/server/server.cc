// kevy::Server: listeners + one event-loop thread over connections (see kevy/server.h).
//
// Lifecycle: start() binds the listeners, then starts the thread running Impl::run(). The loop
// ends when stop_requested is set (by stop() through the eventfd wake-up, or by SHUTDOWN on the
// loop thread itself); on the way out the loop thread closes every connection and listener and
// removes the unix socket file, then marks the server stopped (wait() returns). stop() joins the
// thread and closes the epoll instance, so afterwards no fd or thread of the server remains.
//
// Impl is also the ClientHost of its connections' sessions: CLIENT LIST/KILL and INFO ask it
// about the clients, on the loop thread, from inside a command.
#include "kevy/server.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>
#include <cstdlib>
#include <unordered_map>

#include "clients/client_state.h"
#include "commands/args.h"
#include "commands/client_host.h"
#include "commands/client_info.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "server/connection.h"
#include "server/event_loop.h"
#include "server/listener.h"
#include "server/monitor.h"
#include "server/server_commands.h"
#include "server/server_impl.h"

namespace kevy {
namespace {

constexpr std::string_view kMaxClientsReached = "-ERR max number of clients reached\r\n";

std::vector<std::string> split_words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// *out = s as a decimal number, when it is one.
template <typename T>
void number_from(const std::string& s, T* out) {
  char* end = nullptr;
  const long long n = std::strtoll(s.c_str(), &end, 10);
  if (end != s.c_str() && *end == '\0') *out = static_cast<T>(n);
}

// Commands a MONITOR client may no longer run: Redis treats it as a replica.
bool touches_keyspace(const CommandSpec& spec) {
  return (spec.flags & (kCmdWrite | kCmdReadonly | kCmdMayReplicate)) != 0;
}

}  // namespace


Status Server::Impl::bind_listeners() {
  if (options.port >= 0) {
    int chosen = options.port;
    for (const std::string& word : split_words(options.bind_address)) {
      const bool optional = word.front() == '-';
      const std::string address = optional ? word.substr(1) : word;
      int bound = 0;
      auto fd = listen_tcp(address, chosen, &bound);
      if (!fd.ok()) {
        if (optional) continue;
        return fd.status();
      }
      tcp_fds.push_back(fd.value());
      loop->add(fd.value(), EPOLLIN);
      chosen = bound;  // with port 0, every address shares the port the first one got
    }
    if (tcp_fds.empty()) {
      return Status::io_error("no TCP address could be bound of '" + options.bind_address + "'");
    }
    port = chosen;
  }
  if (!options.unix_socket.empty()) {
    auto fd = listen_unix(options.unix_socket);
    if (!fd.ok()) return fd.status();
    unix_fd = fd.value();
    unix_bound = true;
    loop->add(unix_fd, EPOLLIN);
  }
  return Status::ok();
}

// Makes CONFIG GET report what this server runs with (port, bind, unixsocket, requirepass,
// maxclients and the protocol/buffer limits). Several servers sharing one store share one set
// of CONFIG parameters, as they would share one redis.conf: the last one started wins.
void Server::Impl::publish_config() {
  const OutputBufferLimit& o = options.normal_output_limit;
  const std::pair<const char*, std::string> values[] = {
      {"port", std::to_string(port < 0 ? 0 : port)},
      {"bind", options.bind_address},
      {"unixsocket", options.unix_socket},
      {"requirepass", options.require_pass},
      {"maxclients", std::to_string(options.max_clients)},
      {"proto-max-bulk-len", std::to_string(options.proto_max_bulk_len)},
      {"client-query-buffer-limit", std::to_string(options.client_query_buffer_limit)},
      {"client-output-buffer-limit", "normal " + std::to_string(o.hard_bytes) + " " +
                                         std::to_string(o.soft_bytes) + " " +
                                         std::to_string(o.soft_seconds)},
  };
  for (const auto& [name, value] : values) {
    (void)store->config_set(name, value, ConfigOrigin::kConfigFile);
  }
}

// After a CONFIG SET: takes over the settings the server acts on. New limits apply to the
// next command of every connection; a new requirepass to connections accepted from now on
// (clients already authenticated stay so, as in Redis).
void Server::Impl::reload_config() {
  options.with_store_config(*store);
  for (auto& [fd, conn] : connections) conn->parser().set_limits(request_limits());
}

RequestLimits Server::Impl::request_limits() const {
  RequestLimits limits;
  limits.max_bulk_len = options.proto_max_bulk_len;
  return limits;
}

void Server::Impl::run() {
  loop_thread = std::this_thread::get_id();
  while (!stop_requested.load()) {
    // With a client timeout the loop wakes at least every 100 ms to look for idle clients;
    // with blocked clients, by their next timeout (at least every 100 ms, so that a manual
    // clock moved by a test is noticed).
    int wait_ms = options.idle_timeout_seconds > 0 ? 100 : -1;
    const int64_t deadline = store->next_block_deadline_ms();
    if (deadline != 0) {
      // Timed out once the clock is past the deadline (Redis: timeout < now).
      const int64_t until = deadline + 1 - store->clock().now_ms();
      const int block_wait = static_cast<int>(std::clamp<int64_t>(until, 0, 100));
      wait_ms = wait_ms < 0 ? block_wait : std::min(wait_ms, block_wait);
    }
    if (const int held = held_wait_ms(); held >= 0) {
      wait_ms = wait_ms < 0 ? held : std::min(wait_ms, held);
    }
    const std::vector<EventLoop::Event>& events = loop->wait(wait_ms);
    loop_now_ms = store->clock().now_us() / 1000;
    if (deadline != 0) store->time_out_blocked();
    drain_inbox();
    if (!held_clients.empty()) release_held_output();
    resume_unblocked();
    if (options.idle_timeout_seconds > 0 && loop_now_ms - last_idle_check_ms >= 1000) {
      last_idle_check_ms = loop_now_ms;
      close_idle_clients();
    }
    for (const EventLoop::Event& ev : events) {
      if (stop_requested.load()) break;
      if (ev.fd == unix_fd ||
          std::find(tcp_fds.begin(), tcp_fds.end(), ev.fd) != tcp_fds.end()) {
        accept_all(ev.fd);
        continue;
      }
      auto it = connections.find(ev.fd);
      if (it != connections.end()) on_client_event(*it->second, ev.events);
      resume_unblocked();
      close_scheduled();
    }
  }
  close_all();
  std::lock_guard<std::mutex> lock(state_mu);
  {
    // Tasks that will never run (run_on_loop): destroying them tells their callers.
    std::lock_guard<std::mutex> inbox_lock(inbox_mu);
    tasks.clear();
  }
  running = false;
  stopped_cv.notify_all();
}

// `timeout`: closes clients idle for longer than idle_timeout_seconds, as Redis's clients
// cron does (its log says "Closing idle client"); MONITOR clients are exempt, as Redis's
// replicas are.
void Server::Impl::close_idle_clients() {
  const int64_t limit_ms = options.idle_timeout_seconds * 1000;
  for (auto& [fd, conn] : connections) {
    // As Redis: MONITOR (replica), blocked and subscribed clients never idle out.
    const ClientState* state = conn->session().state.get();
    if (conn->session().monitor || conn->session().blocked) continue;
    if (state != nullptr && state->subscribed()) continue;
    if (loop_now_ms - conn->last_interaction_ms > limit_ms) schedule_close(*conn);
  }
  close_scheduled();
}

void Server::Impl::accept_all(int listen_fd) {
  const bool tcp = listen_fd != unix_fd;
  for (;;) {
    PeerNames names;
    int fd = accept_client(listen_fd, tcp, &names);
    if (fd < 0) return;
    ++connections_received;
    if (static_cast<int64_t>(connections.size()) >= options.max_clients) {
      // As Redis: tell the client why, best effort, and close.
      ssize_t ignored = ::write(fd, kMaxClientsReached.data(), kMaxClientsReached.size());
      (void)ignored;
      ::close(fd);
      ++rejected_connections;
      continue;
    }
    ConnectionOrigin origin;
    if (tcp) {
      origin.addr = std::move(names.addr);
      origin.laddr = std::move(names.laddr);
    } else {
      origin.unix_socket = true;
      origin.unix_path = options.unix_socket;
      origin.addr = options.unix_socket + ":0";
      origin.laddr = origin.addr;
    }
    auto conn = std::make_unique<Connection>(fd, next_client_id++, request_limits(),
                                             options.require_pass.empty(), std::move(origin),
                                             now_ms());
    conn->session().host = this;
    if (!loop->add(fd, EPOLLIN)) continue;  // conn's destructor closes fd
    attach_client_state(*conn);
    by_id[conn->id()] = conn.get();
    connections.emplace(fd, std::move(conn));
  }
}

bool Server::Impl::backpressured(const Connection& conn) const {
  return options.output_backpressure_bytes > 0 &&
         conn.pending_output() > options.output_backpressure_bytes;
}

void Server::Impl::on_client_event(Connection& conn, uint32_t events) {
  const int fd = conn.fd();
  if (conn.kill_pending) return;
  if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
    if (!conn.close_after_flush && !conn.reading_paused) {
      if (!conn.read_input(&net_input_bytes)) return close_connection(fd);
      conn.last_interaction_ms = now_ms();
      // client-query-buffer-limit: Redis closes such a client without a reply.
      if (conn.parser().buffered() > options.client_query_buffer_limit) {
        return close_connection(fd);
      }
      process_commands(conn);
      if (stop_requested.load() || conn.kill_pending) return;
    } else if (events & (EPOLLHUP | EPOLLERR)) {
      return close_connection(fd);
    }
  }
  const uint64_t written_before = net_output_bytes;
  if (!conn.flush(&net_output_bytes)) return close_connection(fd);
  if (net_output_bytes != written_before) conn.last_interaction_ms = now_ms();
  // The client caught up: run what waited in its query buffer, then read again. Repeat while
  // the socket takes everything, so that a paused connection always has output pending (and
  // so waits for EPOLLOUT); a paused connection with nothing to write would never wake up.
  while (conn.reading_paused && !backpressured(conn)) {
    conn.reading_paused = false;
    process_commands(conn);
    if (stop_requested.load() || conn.kill_pending) return;
    if (!conn.flush(&net_output_bytes)) return close_connection(fd);
  }
  if (!conn.has_unsent_output() && conn.close_after_flush) return close_connection(fd);
  update_interest(conn);
}

// Waits for input unless closing or paused, and for writability while output is pending.
void Server::Impl::update_interest(Connection& conn) {
  uint32_t events = 0;
  if (!conn.close_after_flush && !conn.reading_paused) events |= EPOLLIN;
  if (conn.has_pending_output()) events |= EPOLLOUT;
  if (events == conn.interest) return;
  conn.interest = events;
  loop->modify(conn.fd(), events);
}

// Runs every complete command buffered (pipelining); stops at QUIT, a protocol error,
// SHUTDOWN, a kill, or when the client's unsent output calls for back-pressure.
void Server::Impl::process_commands(Connection& conn) {
  while (!conn.close_after_flush && !conn.kill_pending && !conn.session().blocked) {
    if (backpressured(conn)) {
      conn.reading_paused = true;
      return;
    }
    switch (conn.parser().next()) {
      case RequestParser::Result::kNeedMore:
        return;
      case RequestParser::Result::kError:
        conn.append_output("-");
        conn.append_output(conn.parser().error());
        conn.append_output("\r\n");
        conn.close_after_flush = true;
        return;
      case RequestParser::Result::kCommand:
        if (!run_one(conn, conn.parser().argv())) {
          stop_requested.store(true);
          return;
        }
        break;
    }
  }
}

// One command: the MONITOR gate, the command itself, CLIENT REPLY's suppression, MONITOR
// registration and feeding, and the output-buffer limits. False for SHUTDOWN.
bool Server::Impl::run_one(Connection& conn, Args argv) {
  Session& session = conn.session();
  const bool skip_this = conn.skip_next_reply;
  conn.skip_next_reply = false;
  const bool was_monitor = session.monitor;
  const size_t mark = conn.output_mark();
  session.last_command = nullptr;  // set again when the Store runs the command

  if (was_monitor) {
    Reply unused;
    const CommandSpec* spec = CommandTable::instance().resolve(argv, &unused);
    if (spec != nullptr && touches_keyspace(*spec)) {
      conn.append_output("-");
      conn.append_output(err::kReplicaKeyspace);
      conn.append_output("\r\n");
      return true;
    }
  }
  if (run_client_command(*store, options.require_pass, conn, argv) == AfterCommand::kShutdown) {
    return false;
  }
  const bool ran = session.last_command != nullptr;
  if (ran && *session.last_command == "reset") {
    conn.authenticated = options.require_pass.empty();
  } else if (ran && *session.last_command == "config|set") {
    reload_config();
  }

  // CLIENT REPLY: SKIP and OFF are silent themselves; SKIP also silences the next command.
  if (session.reply_mode == Session::ReplyMode::kSkipNext) {
    session.reply_mode = Session::ReplyMode::kOn;
    conn.skip_next_reply = true;
    conn.drop_output_since(mark);
  } else if (session.reply_mode == Session::ReplyMode::kOff || skip_this) {
    conn.drop_output_since(mark);
  }
  if (session.reply_fault.delay_ms != 0 || session.reply_fault.close_connection) {
    apply_reply_fault(conn, mark);
  }

  if (session.monitor != was_monitor) {
    if (session.monitor) {
      monitors.push_back(&conn);
    } else {
      monitors.erase(std::remove(monitors.begin(), monitors.end(), &conn), monitors.end());
    }
  }
  if (!monitors.empty() && (ran || (conn.authenticated && eq_ci(argv[0], "auth")))) {
    feed_monitors(conn, argv);
  }
  check_output_limits(conn);
  return true;
}

// Streams the command to every monitor, unless it is an admin command or one Redis never
// shows (skip-monitor flag), as redis-server 7.0.15 does.
void Server::Impl::feed_monitors(const Connection& source, Args argv) {
  Reply unused;
  const CommandSpec* spec = CommandTable::instance().resolve(argv, &unused);
  const bool is_auth = eq_ci(argv[0], "auth");
  if (!is_auth && (spec == nullptr || (spec->flags & (kCmdAdmin | kCmdSkipMonitor)) != 0)) {
    return;
  }
  const ConnectionOrigin& o = source.origin();
  const std::string where = o.unix_socket ? "unix:" + o.unix_path : o.addr;
  const std::string line =
      format_monitor_line(store->clock().now_us(), source.session().db, where, argv);
  for (Connection* m : monitors) {
    if (m->kill_pending) continue;
    m->append_output(line);
    if (m != &source) {
      check_output_limits(*m);
      if (!m->kill_pending) update_interest(*m);
    }
  }
}

// client-output-buffer-limit (normal class): over the hard limit, or over the soft limit for
// longer than soft_seconds, the client is dropped without its pending output, as in Redis.
// Like Redis, which counts only its reply list and not the fixed 16 KiB buffer in front of it,
// the first 16 KiB pending do not count: a tiny limit never cuts off small replies.
void Server::Impl::check_output_limits(Connection& conn) {
  constexpr uint64_t kStaticReplyBuffer = 16 * 1024;
  const OutputBufferLimit& limit = options.normal_output_limit;
  const uint64_t pending =
      conn.pending_output() > kStaticReplyBuffer ? conn.pending_output() - kStaticReplyBuffer : 0;
  bool over = limit.hard_bytes > 0 && pending > limit.hard_bytes;
  if (limit.soft_bytes > 0 && pending > limit.soft_bytes) {
    const int64_t now = now_ms();
    if (conn.soft_limit_since_ms == 0) conn.soft_limit_since_ms = now;
    else if (now - conn.soft_limit_since_ms >= limit.soft_seconds * 1000) over = true;
  } else {
    conn.soft_limit_since_ms = 0;
  }
  if (over) schedule_close(conn);
}

void Server::Impl::schedule_close(Connection& conn) {
  if (conn.kill_pending) return;
  conn.kill_pending = true;
  to_close.push_back(conn.fd());
}

void Server::Impl::close_scheduled() {
  while (!to_close.empty()) {
    const int fd = to_close.back();
    to_close.pop_back();
    close_connection(fd);
  }
}

void Server::Impl::close_connection(int fd) {
  auto it = connections.find(fd);
  if (it == connections.end()) return;
  monitors.erase(std::remove(monitors.begin(), monitors.end(), it->second.get()), monitors.end());
  loop->remove(fd);
  store->end_session(it->second->session());
  by_id.erase(it->second->id());
  connections.erase(it);  // the Connection closes fd
}

void Server::Impl::close_all() {
  for (auto& [fd, conn] : connections) {
    loop->remove(fd);
    store->end_session(conn->session());
  }
  connections.clear();
  by_id.clear();
  monitors.clear();
  to_close.clear();
  close_listeners();
}

// Gives the connection's Session the callbacks through which the Store reaches it from any
// thread: pushed messages and the reply of a blocked command, encoded in the session's
// protocol at once (the Store calls these under its lock, when the protocol cannot change).
void Server::Impl::attach_client_state(Connection& conn) {
  Session& session = conn.session();
  session.state = std::make_shared<ClientState>();
  session.state->client_id = session.client_id;
  session.state->can_block_async = true;
  const int64_t id = conn.id();
  session.state->deliver = [this, id, &session](const Reply& r) {
    deliver({id, r.to_resp(session.protocol), false});
  };
  session.state->on_unblocked = [this, id, &session](const Reply& r) {
    deliver({id, r.to_resp(session.protocol), true});
  };
}

void Server::Impl::deliver(Delivery d) {
  if (std::this_thread::get_id() == loop_thread) return take_delivery(d);
  {
    std::lock_guard<std::mutex> lock(inbox_mu);
    inbox.push_back(std::move(d));
  }
  loop->wake();
}

// On the loop thread: the bytes join the client's output (CLIENT REPLY OFF drops them, as it
// drops pushes in Redis 7.0); an unblocked client is run again after the current event.
void Server::Impl::take_delivery(Delivery& d) {
  auto it = by_id.find(d.client_id);
  if (it == by_id.end()) return;
  Connection& conn = *it->second;
  if (conn.kill_pending) return;
  if (conn.session().reply_mode == Session::ReplyMode::kOn) conn.append_output(d.bytes);
  if (d.unblocks) {
    conn.session().blocked = false;
    conn.last_interaction_ms = now_ms();
  }
  resume.push_back(d.client_id);
}

void Server::Impl::drain_inbox() {
  std::vector<Delivery> batch;
  std::vector<std::function<void()>> work;
  {
    std::lock_guard<std::mutex> lock(inbox_mu);
    batch.swap(inbox);
    work.swap(tasks);
  }
  for (Delivery& d : batch) take_delivery(d);
  for (const std::function<void()>& fn : work) fn();
}

// Runs the commands unblocked clients have waiting, and sends what was delivered to them.
void Server::Impl::resume_unblocked() {
  while (!resume.empty()) {
    std::vector<int64_t> ids;
    ids.swap(resume);
    for (int64_t id : ids) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      Connection& conn = *it->second;
      if (conn.kill_pending) continue;
      if (!conn.session().blocked && !conn.reading_paused) {
        process_commands(conn);
        if (stop_requested.load() || conn.kill_pending) continue;
      }
      check_output_limits(conn);
      if (conn.kill_pending) continue;
      send_pending(conn);
    }
  }
}

void Server::Impl::send_pending(Connection& conn) {
  if (!conn.flush(&net_output_bytes)) return schedule_close(conn);
  if (!conn.has_unsent_output() && conn.close_after_flush) return schedule_close(conn);
  update_interest(conn);
}

HostStats Server::Impl::stats() const {
  HostStats s;
  s.tcp_port = port < 0 ? 0 : port;
  s.connected_clients = static_cast<int64_t>(connections.size());
  s.maxclients = options.max_clients;
  s.total_connections_received = connections_received;
  s.rejected_connections = rejected_connections;
  s.total_net_input_bytes = net_input_bytes;
  s.total_net_output_bytes = net_output_bytes;
  for (const auto& [fd, conn] : connections) {
    s.client_recent_max_input_buffer =
        std::max<uint64_t>(s.client_recent_max_input_buffer, conn->parser().buffered());
    s.client_recent_max_output_buffer =
        std::max<uint64_t>(s.client_recent_max_output_buffer, conn->pending_output());
  }
  return s;
}

void Server::Impl::reset_stats() {
  connections_received = 0;
  rejected_connections = 0;
  net_input_bytes = 0;
  net_output_bytes = 0;
}

ClientInfo Server::Impl::describe(const Connection& conn) const {
  ClientInfo c = embedded_client_info(conn.session());
  const int64_t now = store->clock().now_us() / 1000;  // exact: CLIENT LIST is rare
  c.addr = conn.origin().addr;
  c.laddr = conn.origin().laddr;
  c.fd = conn.fd();
  c.age_s = (now - conn.created_ms) / 1000;
  c.idle_s = (now - conn.last_interaction_ms) / 1000;
  std::string flags;
  const ClientState* state = conn.session().state.get();
  if (conn.session().monitor) flags += 'O';
  if (state != nullptr && state->subscribed()) flags += 'P';
  if (state != nullptr && state->in_multi) flags += 'x';
  if (conn.session().blocked) flags += 'b';
  if (state != nullptr && state->dirty_cas) flags += 'd';
  if (conn.close_after_flush) flags += 'c';
  if (conn.kill_pending) flags += 'A';
  if (conn.origin().unix_socket) flags += 'U';
  if (conn.session().no_evict) flags += 'e';
  c.flags = flags.empty() ? "N" : flags;
  c.qbuf = conn.parser().buffered();
  c.obl = 0;
  c.omem = conn.pending_output();
  c.oll = c.omem > 0 ? 1 : 0;
  c.tot_mem = c.qbuf + conn.output_capacity();
  c.events = conn.reading_paused || conn.close_after_flush ? "" : "r";
  if (conn.has_pending_output()) c.events += "w";
  return c;
}

std::vector<ClientInfo> Server::Impl::clients() const {
  std::vector<const Connection*> sorted;
  for (const auto& [fd, conn] : connections) sorted.push_back(conn.get());
  std::sort(sorted.begin(), sorted.end(),
            [](const Connection* a, const Connection* b) { return a->id() < b->id(); });
  std::vector<ClientInfo> out;
  for (const Connection* conn : sorted) out.push_back(describe(*conn));
  return out;
}

int64_t Server::Impl::kill(const ClientKillFilter& f, int64_t caller_id) {
  int64_t killed = 0;
  for (auto& [fd, conn] : connections) {
    const ConnectionOrigin& o = conn->origin();
    if (f.id && conn->id() != *f.id) continue;
    if (f.addr && o.addr != *f.addr) continue;
    if (f.laddr && o.laddr != *f.laddr) continue;
    if (f.type) {
      // Redis's getClientType: a subscribed client is "pubsub", the others "normal" (no
      // replicas or masters here).
      const ClientState* state = conn->session().state.get();
      const bool pubsub = state != nullptr && state->subscribed();
      if (!eq_ci(*f.type, pubsub ? "pubsub" : "normal")) continue;
    }
    if (f.skip_me && conn->id() == caller_id) continue;
    if (conn->kill_pending) continue;
    ++killed;
    if (conn->id() == caller_id) {
      conn->close_after_flush = true;  // the reply goes out first
    } else {
      schedule_close(*conn);
    }
  }
  return killed;
}

ServerOptions& ServerOptions::with_store_config(Store& store) {
  auto number = [&](const char* name, auto* field) {
    if (auto v = store.config_get(name); v.ok()) number_from(v.value(), field);
  };
  if (auto pass = store.config_get("requirepass"); pass.ok()) require_pass = pass.value();
  number("maxclients", &max_clients);
  number("timeout", &idle_timeout_seconds);
  number("proto-max-bulk-len", &proto_max_bulk_len);
  number("client-query-buffer-limit", &client_query_buffer_limit);
  if (auto limits = store.config_get("client-output-buffer-limit"); limits.ok()) {
    // "normal <hard> <soft> <seconds> replica ... pubsub ...", bytes as plain numbers.
    std::vector<std::string> words = split_words(limits.value());
    for (size_t i = 0; i + 3 < words.size(); i += 4) {
      if (words[i] != "normal") continue;
      number_from(words[i + 1], &normal_output_limit.hard_bytes);
      number_from(words[i + 2], &normal_output_limit.soft_bytes);
      number_from(words[i + 3], &normal_output_limit.soft_seconds);
    }
  }
  return *this;
}

Result<std::unique_ptr<Server>> Server::start(std::shared_ptr<Store> store,
                                              const ServerOptions& options) {
  if (!store) return Status::invalid_argument("Server::start: no store");
  if (options.port < 0 && options.unix_socket.empty()) {
    return Status::invalid_argument("Server::start: neither a TCP port nor a unix socket");
  }
  auto impl = std::make_unique<Impl>();
  impl->store = std::move(store);
  impl->options = options;
  auto loop = EventLoop::create();
  if (!loop.ok()) return loop.status();
  impl->loop = std::move(loop.value());
  // On an error, the listeners opened so far are closed by close_all().
  if (Status s = impl->bind_listeners(); !s.is_ok()) return impl->close_all(), s;
  impl->publish_config();
  Impl* raw = impl.get();
  impl->thread = std::thread([raw] { raw->run(); });
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

int Server::port() const { return impl_->port; }

const std::string& Server::unix_socket() const { return impl_->options.unix_socket; }

void Server::stop() {
  std::lock_guard<std::mutex> lock(impl_->stop_mu);
  if (!impl_->loop) return;
  impl_->stop_requested.store(true);
  impl_->loop->wake();
  if (impl_->thread.joinable()) impl_->thread.join();
  impl_->loop.reset();
}

bool Server::running() const {
  std::lock_guard<std::mutex> lock(impl_->state_mu);
  return impl_->running;
}

void Server::wait() {
  std::unique_lock<std::mutex> lock(impl_->state_mu);
  impl_->stopped_cv.wait(lock, [&] { return !impl_->running; });
}

}  // namespace kevy
