#include "server/event_loop.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kevy {

Result<std::unique_ptr<EventLoop>> EventLoop::create() {
  int ep = ::epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0) return Status::io_error(std::string("epoll_create1: ") + std::strerror(errno));
  int wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake < 0) {
    Status s = Status::io_error(std::string("eventfd: ") + std::strerror(errno));
    ::close(ep);
    return s;
  }
  std::unique_ptr<EventLoop> loop(new EventLoop(ep, wake));
  if (!loop->add(wake, EPOLLIN)) {
    return Status::io_error(std::string("epoll_ctl(eventfd): ") + std::strerror(errno));
  }
  return loop;
}

EventLoop::~EventLoop() {
  ::close(wake_fd_);
  ::close(epoll_fd_);
}

bool EventLoop::add(int fd, uint32_t events) {
  epoll_event ev{};
  ev.events = events;
  ev.data.fd = fd;
  return ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) == 0;
}

bool EventLoop::modify(int fd, uint32_t events) {
  epoll_event ev{};
  ev.events = events;
  ev.data.fd = fd;
  return ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, fd, &ev) == 0;
}

void EventLoop::remove(int fd) { ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr); }

const std::vector<EventLoop::Event>& EventLoop::wait(int timeout_ms) {
  std::vector<Event>& out = events_;
  out.clear();
  int n = ::epoll_wait(epoll_fd_, ready_.data(), static_cast<int>(ready_.size()), timeout_ms);
  for (int i = 0; i < n; ++i) {
    if (ready_[i].data.fd == wake_fd_) {
      uint64_t v;
      while (::read(wake_fd_, &v, sizeof v) > 0) {
      }
      continue;
    }
    out.push_back({ready_[i].data.fd, ready_[i].events});
  }
  return out;
}

void EventLoop::wake() {
  uint64_t one = 1;
  // Fails only when the counter would overflow, i.e. a wake-up is already pending.
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

}  // namespace kevy
