// The faults a test injects into kevy::Server (kevy/testing.h): replies held back for a
// while, replies cut short by a closed connection (both asked for per command by a Store
// command hook through Session::reply_fault), and refused connections (listeners closed).
// Delays are real time (steady clock), not the store's clock: they exist to exercise a
// client's own timeouts.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <future>

#include "server/listener.h"
#include "server/server_impl.h"

namespace kevy {
namespace {

int64_t steady_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

bool Server::Impl::run_on_loop(const std::function<void()>& fn) {
  if (std::this_thread::get_id() == thread.get_id()) {
    fn();
    return true;
  }
  // The task owns the promise: a task the loop never runs (it stopped first) is destroyed by
  // run() on its way out, which breaks the promise, and the caller learns it did not run.
  auto done = std::make_shared<std::promise<void>>();
  std::future<void> finished = done->get_future();
  {
    // Under state_mu: while `running` is true the loop (and so `loop`) still exists, and
    // run() empties the tasks under the same lock when it stops.
    std::lock_guard<std::mutex> lock(state_mu);
    if (!running) return false;
    {
      std::lock_guard<std::mutex> inbox_lock(inbox_mu);
      tasks.push_back([&fn, done] {
        fn();
        done->set_value();
      });
    }
    loop->wake();
  }
  try {
    finished.get();
    return true;
  } catch (const std::future_error&) {
    return false;  // broken promise: the loop stopped before it ran the task
  }
}

void Server::Impl::apply_reply_fault(Connection& conn, size_t mark) {
  const Session::ReplyFault fault = conn.session().reply_fault;
  conn.session().reply_fault = {};
  if (fault.close_connection) {
    // About half of the reply (at least one byte when there is one), then EOF.
    const size_t reply_bytes = conn.output_mark() - mark;
    conn.drop_output_since(mark + (reply_bytes + 1) / 2);
    conn.close_after_flush = true;
  }
  if (fault.delay_ms > 0) {
    const bool was_held = conn.has_held_output();
    conn.hold_output_since(mark, steady_now_ms() + fault.delay_ms);
    if (!was_held) held_clients.push_back(conn.id());
  }
}

int Server::Impl::held_wait_ms() const {
  if (held_clients.empty()) return -1;
  int64_t soonest = INT64_MAX;
  for (int64_t id : held_clients) {
    auto it = by_id.find(id);
    if (it != by_id.end()) soonest = std::min(soonest, it->second->held_until_ms());
  }
  if (soonest == INT64_MAX) return 0;  // gone: let release_held_output() forget them
  return static_cast<int>(std::clamp<int64_t>(soonest - steady_now_ms(), 0, 1000));
}

void Server::Impl::release_held_output() {
  const int64_t now = steady_now_ms();
  std::vector<int64_t> still_held;
  for (int64_t id : held_clients) {
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    Connection& conn = *it->second;
    if (!conn.release_held(now)) {
      if (conn.has_held_output()) still_held.push_back(id);
      continue;
    }
    send_pending(conn);
  }
  held_clients.swap(still_held);
  close_scheduled();
}

void Server::Impl::close_listeners() {
  for (int fd : tcp_fds) {
    loop->remove(fd);
    ::close(fd);
  }
  tcp_fds.clear();
  if (unix_fd >= 0) {
    loop->remove(unix_fd);
    ::close(unix_fd);
    unix_fd = -1;
  }
  if (unix_bound) ::unlink(options.unix_socket.c_str());
  unix_bound = false;
}

Status Server::Impl::set_refusing(bool refuse) {
  if (refuse == refusing) return Status::ok();
  if (refuse) {
    close_listeners();
    refusing = true;
    return Status::ok();
  }
  // The same port again (a port 0 server keeps the one it was given).
  if (port >= 0) options.port = port;
  Status s = bind_listeners();
  if (!s.is_ok()) {
    close_listeners();
    return s;
  }
  refusing = false;
  return Status::ok();
}

Status Server::refuse_connections(bool refuse) {
  Status result = Status::ok();
  if (!impl_->run_on_loop([&] { result = impl_->set_refusing(refuse); })) {
    return Status::io_error("the server is not running");
  }
  return result;
}

}  // namespace kevy
