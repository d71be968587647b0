#include "server/connection.h"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace kevy {
namespace {

constexpr size_t kReadChunk = 16 * 1024;
// At most this many bytes per read_input() call, so one busy client cannot starve the others;
// level-triggered epoll reports the rest on the next wait.
constexpr size_t kReadCapPerEvent = 1024 * 1024;
constexpr size_t kKeepOutputCapacity = 64 * 1024;

}  // namespace

Connection::Connection(int fd, int64_t client_id, RequestLimits limits, bool authenticated,
                       ConnectionOrigin origin, int64_t now_ms)
    : authenticated(authenticated),
      created_ms(now_ms),
      last_interaction_ms(now_ms),
      fd_(fd),
      origin_(std::move(origin)),
      parser_(limits) {
  session_.client_id = client_id;
}

Connection::~Connection() { ::close(fd_); }

bool Connection::read_input(uint64_t* bytes_read) {
  char buf[kReadChunk];
  size_t total = 0;
  while (total < kReadCapPerEvent) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n > 0) {
      parser_.feed(std::string_view(buf, static_cast<size_t>(n)));
      total += static_cast<size_t>(n);
      *bytes_read += static_cast<uint64_t>(n);
      if (static_cast<size_t>(n) < sizeof buf) return true;
      continue;
    }
    if (n == 0) return false;  // EOF
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
  return true;
}

bool Connection::flush(uint64_t* bytes_written) {
  const size_t end = writable_end();
  while (out_pos_ < end) {
    ssize_t n = ::send(fd_, out_.data() + out_pos_, end - out_pos_, MSG_NOSIGNAL);
    if (n > 0) {
      out_pos_ += static_cast<size_t>(n);
      *bytes_written += static_cast<uint64_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    return false;
  }
  if (out_pos_ == out_.size()) {
    // Keep a modest buffer for the next replies, but give a big one's memory back.
    if (out_.capacity() > kKeepOutputCapacity) std::string().swap(out_);
    out_.clear();
    out_pos_ = 0;
    if (held_from_ != kNotHeld) held_from_ = 0;  // it was the end: what comes next is held
  } else if (out_pos_ > out_.size() / 2) {
    out_.erase(0, out_pos_);
    if (held_from_ != kNotHeld) held_from_ -= out_pos_;
    out_pos_ = 0;
  }
  return true;
}

void Connection::hold_output_since(size_t mark, int64_t until_ms) {
  if (held_from_ == kNotHeld) {
    held_from_ = mark;
    held_until_ms_ = until_ms;
  } else {
    held_until_ms_ = std::max(held_until_ms_, until_ms);
  }
}

bool Connection::release_held(int64_t now_ms) {
  if (held_from_ == kNotHeld || now_ms < held_until_ms_) return false;
  held_from_ = kNotHeld;
  return true;
}

}  // namespace kevy
