// Plain POSIX socket clients for the server tests: connect over TCP or a unix socket, send
// bytes, read with a deadline, encode a command as RESP.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "kevy/store.h"

namespace kevy {

inline std::shared_ptr<Store> make_store() {
  return std::make_shared<Store>(std::move(Store::open(Options{}).value()));
}

inline int connect_tcp(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline int connect_unix(const std::string& path) {
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  std::strncpy(a.sun_path, path.c_str(), sizeof a.sun_path - 1);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline void send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    ASSERT_GT(n, 0);
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

// Reads until `want` bytes arrived, EOF, or `timeout` passed.
inline std::string read_n(int fd, size_t want,
                          std::chrono::seconds timeout = std::chrono::seconds(5)) {
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (out.size() < want && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char buf[4096];
    ssize_t n = ::read(fd, buf, std::min(sizeof buf, want - out.size()));
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

// Reads everything until the server closes the connection (or 5 s).
inline std::string read_to_eof(int fd) { return read_n(fd, SIZE_MAX); }

// Sends bytes and reads exactly as many bytes as `expected` has.
inline std::string roundtrip(int fd, std::string_view request, std::string_view expected) {
  send_all(fd, request);
  return read_n(fd, expected.size());
}

// The RESP multibulk encoding of argv.
inline std::string resp_command(std::initializer_list<std::string_view> argv) {
  std::string out = "*" + std::to_string(argv.size()) + "\r\n";
  for (std::string_view a : argv) {
    out += "$" + std::to_string(a.size()) + "\r\n";
    out.append(a);
    out += "\r\n";
  }
  return out;
}

// Reads until the input so far ends with `suffix` (or EOF, or 5 s) and returns it all.
inline std::string read_until_suffix(int fd, std::string_view suffix) {
  std::string out;
  while (!out.ends_with(suffix)) {
    std::string c = read_n(fd, 1);
    if (c.empty()) break;
    out += c;
  }
  return out;
}

// Reads one bulk string reply ("$<n>\r\n<bytes>\r\n") and returns its bytes; the raw input
// read so far when the reply is something else.
inline std::string read_bulk(int fd) {
  std::string head;
  while (head.size() < 2 || head.compare(head.size() - 2, 2, "\r\n") != 0) {
    std::string c = read_n(fd, 1);
    if (c.empty()) return head;
    head += c;
  }
  if (head[0] != '$') return head;
  const size_t n = std::stoul(head.substr(1));
  std::string body = read_n(fd, n + 2);
  return body.substr(0, n);
}

}  // namespace kevy
