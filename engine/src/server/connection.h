// Connection: one client of the server — its socket, request parser, pending output and
// Session (db, protocol, client id). Owns and closes the fd.
//
// Not thread-safe: only the event-loop thread touches a connection.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kevy/store.h"
#include "resp/request_parser.h"

namespace kevy {

class Connection {
 public:
  Connection(int fd, int64_t client_id, RequestLimits limits, bool authenticated);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  int fd() const { return fd_; }

  // Reads what the socket has (up to a fairness cap) into the parser. False when the peer
  // closed the connection or the read failed: the caller closes the connection.
  bool read_input();
  // Writes as much pending output as the socket takes. False on a write error.
  bool flush();
  void append_output(std::string_view bytes) { out_.append(bytes); }
  bool has_pending_output() const { return out_pos_ < out_.size(); }

  RequestParser& parser() { return parser_; }
  Session& session() { return session_; }

  // AUTH state (always true when the server has no requirepass).
  bool authenticated = false;
  // Set by QUIT and protocol errors: read no more commands; close once output is flushed.
  bool close_after_flush = false;

 private:
  int fd_;
  RequestParser parser_;
  Session session_;
  std::string out_;
  size_t out_pos_ = 0;  // first byte of out_ not yet written
};

}  // namespace kevy
