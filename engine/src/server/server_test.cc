// kevy::Server over real sockets: TCP on port 0 and a unix socket in a temp dir, plain POSIX
// clients, byte-exact replies.
#include "kevy/server.h"
#include "test_support/socket_client.h"

#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

namespace kevy {
namespace {

// HELLO's reply body after the map/array header: proto and client id vary.
std::string hello_body(int proto, int id) {
  return "$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:" +
         std::to_string(proto) + "\r\n$2\r\nid\r\n:" + std::to_string(id) +
         "\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n"
         "$7\r\nmodules\r\n*0\r\n";
}

size_t open_fd_count() {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) {
    (void)e;
    ++n;
  }
  return n;
}

size_t thread_count() {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/task")) {
    (void)e;
    ++n;
  }
  return n;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/kevy-server-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Server> start(ServerOptions opts = ServerOptions{}) {
    auto s = Server::start(make_store(), opts);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.status().message());
    return s.ok() ? std::move(s.value()) : nullptr;
  }

  std::string dir_;
};

TEST_F(ServerTest, TcpPortZeroPingAndPipelining) {
  auto server = start();
  ASSERT_TRUE(server);
  EXPECT_GT(server->port(), 0);
  EXPECT_TRUE(server->unix_socket().empty());
  int fd = connect_tcp(server->port());
  ASSERT_GE(fd, 0);
  const std::string want = "+PONG\r\n+OK\r\n$1\r\nv\r\n$-1\r\n";
  EXPECT_EQ(roundtrip(fd,
                      "*1\r\n$4\r\nPING\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n"
                      "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*2\r\n$3\r\nGET\r\n$1\r\nx\r\n",
                      want),
            want);
  ::close(fd);
}

TEST_F(ServerTest, UnixSocketInlineAndRemovedOnStop) {
  const std::string path = dir_ + "/kevy.sock";
  auto server = start(ServerOptions{}.with_port(-1).with_unix_socket(path));
  ASSERT_TRUE(server);
  EXPECT_EQ(server->port(), -1);
  EXPECT_EQ(server->unix_socket(), path);
  int fd = connect_unix(path);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(roundtrip(fd, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  EXPECT_EQ(roundtrip(fd, "set a 1\r\nincr a\r\n", "+OK\r\n:2\r\n"), "+OK\r\n:2\r\n");
  ::close(fd);
  server->stop();
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(ServerTest, StaleUnixSocketFileIsReplaced) {
  const std::string path = dir_ + "/stale.sock";
  { auto first = start(ServerOptions{}.with_port(-1).with_unix_socket(path)); }
  // Leave a file behind, as a crashed server would.
  { FILE* f = std::fopen(path.c_str(), "w"); ASSERT_NE(f, nullptr); std::fclose(f); }
  auto server = start(ServerOptions{}.with_port(-1).with_unix_socket(path));
  ASSERT_TRUE(server);
  int fd = connect_unix(path);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(roundtrip(fd, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  ::close(fd);
}

TEST_F(ServerTest, Hello3SwitchesThisConnectionToResp3) {
  auto server = start();
  ASSERT_TRUE(server);
  int a = connect_tcp(server->port());
  int b = connect_tcp(server->port());
  // Client ids count from 1 per server, in accept order.
  const std::string hello = "%7\r\n" + hello_body(3, 1);
  EXPECT_EQ(roundtrip(a, "HELLO 3\r\nGET nokey\r\n", hello + "_\r\n"), hello + "_\r\n");
  EXPECT_EQ(roundtrip(b, "GET nokey\r\n", "$-1\r\n"), "$-1\r\n");  // b stays on RESP2
  const std::string hello_b = "*14\r\n" + hello_body(2, 2);
  EXPECT_EQ(roundtrip(b, "HELLO 2\r\n", hello_b), hello_b);
  ::close(a);
  ::close(b);
}

TEST_F(ServerTest, CommandSplitAcrossManyWrites) {
  auto server = start();
  ASSERT_TRUE(server);
  int fd = connect_tcp(server->port());
  const std::string value(100000, 'v');
  const std::string req = "*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$" + std::to_string(value.size()) +
                          "\r\n" + value + "\r\n*2\r\n$6\r\nSTRLEN\r\n$3\r\nbig\r\n";
  for (size_t i = 0; i < req.size(); i += 7) {
    send_all(fd, std::string_view(req).substr(i, 7));
    if (i < 200) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(read_n(fd, 14), "+OK\r\n:100000\r\n");
  // A large reply comes back whole (written in several chunks while the socket is full).
  const std::string get = "*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n";
  std::string many;
  for (int i = 0; i < 50; ++i) many += get;
  send_all(fd, many);
  const std::string one = "$100000\r\n" + value + "\r\n";
  EXPECT_EQ(read_n(fd, one.size() * 50).size(), one.size() * 50);
  ::close(fd);
}

TEST_F(ServerTest, ProtocolErrorRepliesThenCloses) {
  auto server = start();
  ASSERT_TRUE(server);
  int fd = connect_tcp(server->port());
  send_all(fd, "PING\r\n*1\r\nx\r\nPING\r\n");
  EXPECT_EQ(read_to_eof(fd), "+PONG\r\n-ERR Protocol error: expected '$', got 'x'\r\n");
  ::close(fd);
  // The server goes on serving others.
  fd = connect_tcp(server->port());
  EXPECT_EQ(roundtrip(fd, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  ::close(fd);
}

TEST_F(ServerTest, QuitRepliesOkAndCloses) {
  auto server = start();
  ASSERT_TRUE(server);
  int fd = connect_tcp(server->port());
  send_all(fd, "PING\r\nQUIT\r\nPING\r\n");
  EXPECT_EQ(read_to_eof(fd), "+PONG\r\n+OK\r\n");
  ::close(fd);
}

TEST_F(ServerTest, ShutdownStopsWithoutReply) {
  auto server = start();
  ASSERT_TRUE(server);
  int fd = connect_tcp(server->port());
  EXPECT_EQ(roundtrip(fd, "SHUTDOWN ABORT\r\n", "-ERR No shutdown in progress.\r\n"),
            "-ERR No shutdown in progress.\r\n");
  EXPECT_EQ(roundtrip(fd, "SHUTDOWN BAD\r\n", "-ERR syntax error\r\n"), "-ERR syntax error\r\n");
  send_all(fd, "SHUTDOWN NOSAVE\r\n");
  EXPECT_EQ(read_to_eof(fd), "");
  server->wait();
  EXPECT_FALSE(server->running());
  ::close(fd);
  EXPECT_LT(connect_tcp(server->port()), 0);
}

TEST_F(ServerTest, TwoServersInOneProcessSharingAStore) {
  auto store = make_store();
  auto s1 = Server::start(store, ServerOptions{});
  auto s2 = Server::start(store, ServerOptions{});
  ASSERT_TRUE(s1.ok() && s2.ok());
  EXPECT_NE(s1.value()->port(), s2.value()->port());
  int a = connect_tcp(s1.value()->port());
  int b = connect_tcp(s2.value()->port());
  EXPECT_EQ(roundtrip(a, "SET shared 42\r\n", "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(b, "GET shared\r\n", "$2\r\n42\r\n"), "$2\r\n42\r\n");
  ::close(a);
  ::close(b);
}

TEST_F(ServerTest, BindErrorNamesTheAddress) {
  auto first = start();
  ASSERT_TRUE(first);
  auto second = Server::start(make_store(), ServerOptions{}.with_port(first->port()));
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("127.0.0.1:" + std::to_string(first->port())),
            std::string::npos)
      << second.status().message();
}

TEST_F(ServerTest, StopLeavesNoFdOrThreadAndIsIdempotent) {
  // A first server warms up whatever runtime threads a first std::thread brings (TSan starts
  // its own background thread then), so that the counts below are the server's alone.
  start(ServerOptions{})->stop();
  const size_t fds_before = open_fd_count();
  const size_t threads_before = thread_count();
  auto server = start(ServerOptions{}.with_unix_socket(dir_ + "/s.sock"));
  ASSERT_TRUE(server);
  int fd = connect_tcp(server->port());
  EXPECT_EQ(roundtrip(fd, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  EXPECT_GT(thread_count(), threads_before);
  server->stop();
  EXPECT_FALSE(server->running());
  EXPECT_EQ(read_to_eof(fd), "");  // the server closed our connection
  ::close(fd);
  server->stop();
  server->wait();  // returns at once
  EXPECT_EQ(open_fd_count(), fds_before);
  EXPECT_EQ(thread_count(), threads_before);
}

TEST_F(ServerTest, RequirePass) {
  auto server = start(ServerOptions{}.with_require_pass("secret"));
  ASSERT_TRUE(server);
  int fd = connect_tcp(server->port());
  const std::string noauth = "-NOAUTH Authentication required.\r\n";
  const std::string wrongpass =
      "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
  EXPECT_EQ(roundtrip(fd, "PING\r\n", noauth), noauth);
  EXPECT_EQ(roundtrip(fd, "SHUTDOWN\r\n", noauth), noauth);
  // Unknown commands and wrong arity are reported before NOAUTH, as Redis does.
  const std::string arity = "-ERR wrong number of arguments for 'get' command\r\n";
  EXPECT_EQ(roundtrip(fd, "GET\r\n", arity), arity);
  const std::string hello_noauth =
      "-NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO "
      "AUTH <user> <pass> option can be used to authenticate the client and select the RESP "
      "protocol version at the same time\r\n";
  EXPECT_EQ(roundtrip(fd, "HELLO 3\r\n", hello_noauth), hello_noauth);
  EXPECT_EQ(roundtrip(fd, "HELLO 3 AUTH default nope\r\n", wrongpass), wrongpass);
  EXPECT_EQ(roundtrip(fd, "AUTH nope\r\n", wrongpass), wrongpass);
  EXPECT_EQ(roundtrip(fd, "AUTH a b c\r\n", "-ERR syntax error\r\n"), "-ERR syntax error\r\n");
  EXPECT_EQ(roundtrip(fd, "AUTH secret\r\nPING\r\n", "+OK\r\n+PONG\r\n"), "+OK\r\n+PONG\r\n");
  ::close(fd);
  fd = connect_tcp(server->port());
  const std::string hello = "%7\r\n" + hello_body(3, 2) + "+PONG\r\n";
  EXPECT_EQ(roundtrip(fd, "HELLO 3 AUTH default secret\r\nPING\r\n", hello), hello);
  ::close(fd);
}

TEST_F(ServerTest, AuthWithoutRequirePass) {
  auto server = start();
  ASSERT_TRUE(server);
  int fd = connect_tcp(server->port());
  const std::string nopass =
      "-ERR AUTH <password> called without any password configured for the default user. Are "
      "you sure your configuration is correct?\r\n";
  EXPECT_EQ(roundtrip(fd, "AUTH x\r\n", nopass), nopass);
  EXPECT_EQ(roundtrip(fd, "AUTH default x\r\n", "+OK\r\n"), "+OK\r\n");
  const std::string wrongpass =
      "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
  EXPECT_EQ(roundtrip(fd, "AUTH foo x\r\n", wrongpass), wrongpass);
  ::close(fd);
}

}  // namespace
}  // namespace kevy
