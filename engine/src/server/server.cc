// kevy::Server: listeners + one event-loop thread over connections (see kevy/server.h).
//
// Lifecycle: start() binds the listeners, then starts the thread running Impl::run(). The loop
// ends when stop_requested is set (by stop() through the eventfd wake-up, or by SHUTDOWN on the
// loop thread itself); on the way out the loop thread closes every connection and listener and
// removes the unix socket file, then marks the server stopped (wait() returns). stop() joins the
// thread and closes the epoll instance, so afterwards no fd or thread of the server remains.
#include "kevy/server.h"

#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "server/connection.h"
#include "server/event_loop.h"
#include "server/listener.h"
#include "server/server_commands.h"

namespace kevy {

struct Server::Impl {
  std::shared_ptr<Store> store;
  ServerOptions options;
  std::unique_ptr<EventLoop> loop;
  int tcp_fd = -1;
  int unix_fd = -1;
  int port = -1;
  bool unix_bound = false;  // we created options.unix_socket: remove it on the way out
  std::unordered_map<int, std::unique_ptr<Connection>> connections;  // by fd
  int64_t next_client_id = 1;
  std::atomic<bool> stop_requested{false};
  std::thread thread;

  std::mutex state_mu;
  std::condition_variable stopped_cv;
  bool running = true;  // guarded by state_mu

  std::mutex stop_mu;  // serialises stop()

  void run();
  void accept_all(int listen_fd);
  void on_client_event(Connection& conn, uint32_t events);
  void process_commands(Connection& conn);
  void close_connection(int fd);
  void close_all();
};

void Server::Impl::run() {
  while (!stop_requested.load()) {
    for (const EventLoop::Event& ev : loop->wait(-1)) {
      if (stop_requested.load()) break;
      if (ev.fd == tcp_fd || ev.fd == unix_fd) {
        accept_all(ev.fd);
        continue;
      }
      auto it = connections.find(ev.fd);
      if (it != connections.end()) on_client_event(*it->second, ev.events);
    }
  }
  close_all();
  std::lock_guard<std::mutex> lock(state_mu);
  running = false;
  stopped_cv.notify_all();
}

void Server::Impl::accept_all(int listen_fd) {
  for (;;) {
    int fd = accept_client(listen_fd, listen_fd == tcp_fd);
    if (fd < 0) return;
    RequestLimits limits;
    limits.max_bulk_len = options.proto_max_bulk_len;
    auto conn = std::make_unique<Connection>(fd, next_client_id++, limits,
                                             options.require_pass.empty());
    if (!loop->add(fd, EPOLLIN)) continue;  // conn's destructor closes fd
    connections.emplace(fd, std::move(conn));
  }
}

void Server::Impl::on_client_event(Connection& conn, uint32_t events) {
  const int fd = conn.fd();
  if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
    if (!conn.close_after_flush) {
      if (!conn.read_input()) return close_connection(fd);
      // client-query-buffer-limit: Redis closes such a client without a reply.
      if (conn.parser().buffered() > options.client_query_buffer_limit) {
        return close_connection(fd);
      }
      process_commands(conn);
      if (stop_requested.load()) return;
    } else if (events & (EPOLLHUP | EPOLLERR)) {
      return close_connection(fd);
    }
  }
  if (!conn.flush()) return close_connection(fd);
  if (conn.has_pending_output()) {
    loop->modify(fd, conn.close_after_flush ? EPOLLOUT : EPOLLIN | EPOLLOUT);
  } else if (conn.close_after_flush) {
    close_connection(fd);
  } else {
    loop->modify(fd, EPOLLIN);
  }
}

// Runs every complete command buffered (pipelining); stops at QUIT, a protocol error or
// SHUTDOWN.
void Server::Impl::process_commands(Connection& conn) {
  while (!conn.close_after_flush) {
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
        if (run_client_command(*store, options.require_pass, conn, conn.parser().argv()) ==
            AfterCommand::kShutdown) {
          stop_requested.store(true);
          return;
        }
        break;
    }
  }
}

void Server::Impl::close_connection(int fd) {
  loop->remove(fd);
  connections.erase(fd);  // the Connection closes fd
}

void Server::Impl::close_all() {
  for (auto& [fd, conn] : connections) loop->remove(fd);
  connections.clear();
  for (int* fd : {&tcp_fd, &unix_fd}) {
    if (*fd >= 0) {
      loop->remove(*fd);
      ::close(*fd);
      *fd = -1;
    }
  }
  if (unix_bound) ::unlink(options.unix_socket.c_str());
  unix_bound = false;
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
  // On an error below, the listeners opened so far are closed by close_all().
  if (options.port >= 0) {
    auto fd = listen_tcp(options.bind_address, options.port, &impl->port);
    if (!fd.ok()) return impl->close_all(), fd.status();
    impl->tcp_fd = fd.value();
    impl->loop->add(impl->tcp_fd, EPOLLIN);
  }
  if (!options.unix_socket.empty()) {
    auto fd = listen_unix(options.unix_socket);
    if (!fd.ok()) return impl->close_all(), fd.status();
    impl->unix_fd = fd.value();
    impl->unix_bound = true;
    impl->loop->add(impl->unix_fd, EPOLLIN);
  }
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
