// Listening sockets for the server: TCP and unix domain, non-blocking and close-on-exec.
#pragma once

#include <string>

#include "kevy/status.h"

namespace kevy {

// Binds and listens on address:port (IPv4 or IPv6 literal, or a host name; port 0 lets the
// kernel choose) with SO_REUSEADDR. On success *bound_port is the port actually bound.
// Errors name the address and the errno text.
Result<int> listen_tcp(const std::string& address, int port, int* bound_port);

// Binds and listens on a unix socket at path, removing a stale socket file first.
Result<int> listen_unix(const std::string& path);

// Accepts one pending connection as a non-blocking, close-on-exec fd (TCP_NODELAY for TCP);
// -1 when none is pending (or on a transient error).
int accept_client(int listen_fd, bool tcp);

}  // namespace kevy
