// Connection: one client of the server — its socket, request parser, pending output and
// Session (db, protocol, client id, name), plus what CLIENT LIST and the output-buffer limits
// need to know about it. Owns and closes the fd.
//
// Not thread-safe: only the event-loop thread touches a connection.
#pragma once

#include <sys/epoll.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kevy/store.h"
#include "resp/request_parser.h"

namespace kevy {

struct ConnectionOrigin {
  std::string addr;   // "ip:port", "[v6]:port", or "<socket path>:0"
  std::string laddr;
  bool unix_socket = false;
  std::string unix_path;  // the listening socket's path, for a unix socket client
};

class Connection {
 public:
  Connection(int fd, int64_t client_id, RequestLimits limits, bool authenticated,
             ConnectionOrigin origin, int64_t now_ms);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  int fd() const { return fd_; }
  int64_t id() const { return session_.client_id; }
  const ConnectionOrigin& origin() const { return origin_; }

  // Reads what the socket has (up to a fairness cap) into the parser and adds the byte count
  // to *bytes_read. False when the peer closed the connection or the read failed: the caller
  // closes the connection.
  bool read_input(uint64_t* bytes_read);
  // Writes as much pending output as the socket takes, adding to *bytes_written. False on a
  // write error.
  bool flush(uint64_t* bytes_written);
  void append_output(std::string_view bytes) { out_.append(bytes); }
  void append_reply(const Reply& reply, int protocol) { reply.append_resp(out_, protocol); }
  // Output the socket may take now (held output waits).
  bool has_pending_output() const { return out_pos_ < writable_end(); }
  // Output not written yet, held or not: a closing connection waits for all of it.
  bool has_unsent_output() const { return out_pos_ < out_.size(); }
  // Bytes queued and not yet written (CLIENT LIST omem, output-buffer limits).
  size_t pending_output() const { return out_.size() - out_pos_; }
  size_t output_capacity() const { return out_.capacity(); }
  // A mark before a command's reply, and dropping everything appended since (CLIENT REPLY).
  // REQUIRES: no flush() between the two calls.
  size_t output_mark() const { return out_.size(); }
  void drop_output_since(size_t mark) {
    out_.resize(mark);
    if (held_from_ != kNotHeld && held_from_ > out_.size()) held_from_ = out_.size();
  }
  // Fault injection (CommandHookAction::delay_ms): the output from mark on, and all appended
  // after it, is not written before steady-clock time until_ms (a later hold extends it).
  void hold_output_since(size_t mark, int64_t until_ms);
  bool has_held_output() const { return held_from_ != kNotHeld; }
  int64_t held_until_ms() const { return held_until_ms_; }
  // Lets the held output go once now_ms reached its time; true when it did.
  bool release_held(int64_t now_ms);

  RequestParser& parser() { return parser_; }
  const RequestParser& parser() const { return parser_; }
  Session& session() { return session_; }
  const Session& session() const { return session_; }

  // AUTH state (always true when the server has no requirepass).
  bool authenticated = false;
  // Set by QUIT, protocol errors and CLIENT KILL of oneself: read no more commands; close
  // once output is flushed.
  bool close_after_flush = false;
  // Set by CLIENT KILL from another client and by the output-buffer limits: close without
  // sending anything more, after the current event.
  bool kill_pending = false;
  // CLIENT REPLY SKIP ran: drop the next command's reply.
  bool skip_next_reply = false;
  // Reading paused because too much output is pending (back-pressure).
  bool reading_paused = false;
  // Clock ms when the output first stayed above the soft limit; 0 when below it.
  int64_t soft_limit_since_ms = 0;
  // The epoll events the loop currently waits for on this fd (EPOLLIN when accepted), so
  // that an unchanged interest costs no epoll_ctl call.
  uint32_t interest = EPOLLIN;
  const int64_t created_ms;
  int64_t last_interaction_ms;

 private:
  int fd_;
  ConnectionOrigin origin_;
  RequestParser parser_;
  Session session_;
  static constexpr size_t kNotHeld = static_cast<size_t>(-1);
  size_t writable_end() const { return held_from_ < out_.size() ? held_from_ : out_.size(); }
  std::string out_;
  size_t out_pos_ = 0;  // first byte of out_ not yet written
  size_t held_from_ = kNotHeld;  // first byte of out_ held back (kNotHeld: none)
  int64_t held_until_ms_ = 0;
};

}  // namespace kevy
