// EventLoop: a thin epoll wrapper with a thread-safe wake-up (an eventfd).
//
// Level-triggered on purpose: a reader may stop early (fairness cap per wake-up) and a writer
// may leave bytes pending, and epoll simply reports the fd again on the next wait; with
// edge-triggered mode every handler would have to drain to EAGAIN or lose the event.
//
// Not thread-safe except wake(): one thread adds, modifies, removes and waits.
#pragma once

#include <sys/epoll.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kevy/status.h"

namespace kevy {

class EventLoop {
 public:
  // Creates the epoll instance and the wake-up eventfd (both close-on-exec).
  static Result<std::unique_ptr<EventLoop>> create();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;
  // Closes the epoll fd and the eventfd (registered fds stay open: their owners close them).
  ~EventLoop();

  // Registers / changes / forgets fd; `events` is EPOLLIN, EPOLLOUT, ... False with errno set on
  // failure.
  bool add(int fd, uint32_t events);
  bool modify(int fd, uint32_t events);
  void remove(int fd);

  struct Event {
    int fd;
    uint32_t events;
  };
  // Blocks up to timeout_ms (-1: forever) and returns the ready fds. A wake() makes it return
  // (the wake-up itself is consumed and not reported). The vector is reused: valid until the
  // next wait().
  const std::vector<Event>& wait(int timeout_ms);
  // Makes a concurrent or the next wait() return. Async-signal-safe and thread-safe.
  void wake();

 private:
  EventLoop(int epoll_fd, int wake_fd) : epoll_fd_(epoll_fd), wake_fd_(wake_fd) {}
  int epoll_fd_;
  int wake_fd_;
  std::vector<epoll_event> ready_ = std::vector<epoll_event>(256);
  std::vector<Event> events_;
};

}  // namespace kevy
