// Listening sockets for the server: TCP and unix domain, non-blocking and close-on-exec.
#pragma once

#include <string>

#include "kevy/status.h"

namespace kevy {

// Binds and listens on address:port (an IPv4 or IPv6 literal or a host name; "*" is every
// IPv4 address and "::*" every IPv6 one; port 0 lets the kernel choose) with SO_REUSEADDR. IPv6
// sockets are IPV6_V6ONLY so that "0.0.0.0" and "::" can share a port, as in Redis. On success
// *bound_port is the port actually bound. Errors name the address and the errno text.
Result<int> listen_tcp(const std::string& address, int port, int* bound_port);

// Binds and listens on a unix socket at path, removing a stale socket file first.
Result<int> listen_unix(const std::string& path);

// The two ends of an accepted connection as CLIENT LIST names them: "ip:port", "[v6]:port".
struct PeerNames {
  std::string addr;   // the client's end
  std::string laddr;  // ours
};

// Accepts one pending connection as a non-blocking, close-on-exec fd (TCP_NODELAY for TCP)
// and fills *names for TCP (a unix socket's names are its path, which the caller knows);
// -1 when none is pending (or on a transient error).
int accept_client(int listen_fd, bool tcp, PeerNames* names);

}  // namespace kevy
