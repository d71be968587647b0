// Blocking commands over kevy::Server: a connection blocked in BLPOP gets no reply until
// another connection (or another thread through the embedded API) pushes; its pipelined
// commands wait behind it; timeouts, disconnects while blocked, CLIENT LIST/INFO. Byte-exact
// replies as redis-server 7.0.15 sends them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "kevy/server.h"
#include "test_support/socket_client.h"

namespace kevy {
namespace {

using namespace std::chrono_literals;

class ServerBlockingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = make_store();
    auto s = Server::start(store_, ServerOptions{}.with_port(0));
    ASSERT_TRUE(s.ok());
    server_ = std::move(s.value());
  }
  int connect() {
    int fd = connect_tcp(server_->port());
    EXPECT_GE(fd, 0);
    fds_.push_back(fd);
    return fd;
  }
  void TearDown() override {
    for (int fd : fds_) ::close(fd);
    server_->stop();
  }
  // Nothing arrives on fd within 100 ms.
  static bool silent(int fd) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, 100) == 0;
  }
  int64_t blocked_clients() {
    const std::string info = store_->execute({"INFO", "clients"}).str();
    return std::stoll(info.substr(info.find("blocked_clients:") + 16));
  }
  void wait_blocked(int64_t n) {
    for (int i = 0; i < 2000 && blocked_clients() != n; ++i) std::this_thread::sleep_for(1ms);
    ASSERT_EQ(blocked_clients(), n);
  }

  std::shared_ptr<Store> store_;
  std::unique_ptr<Server> server_;
  std::vector<int> fds_;
};

TEST_F(ServerBlockingTest, PushFromAnotherConnectionServesTheWaiter) {
  const int c1 = connect(), c2 = connect();
  // The PING waits behind the blocked BLPOP, as in Redis.
  send_all(c1, resp_command({"BLPOP", "q", "0"}) + resp_command({"PING"}));
  wait_blocked(1);
  EXPECT_TRUE(silent(c1));
  EXPECT_EQ(roundtrip(c2, resp_command({"RPUSH", "q", "a", "b"}), ":2\r\n"), ":2\r\n");
  const std::string want = "*2\r\n$1\r\nq\r\n$1\r\na\r\n+PONG\r\n";
  EXPECT_EQ(read_n(c1, want.size()), want);
  EXPECT_EQ(roundtrip(c2, resp_command({"LRANGE", "q", "0", "-1"}), "*1\r\n$1\r\nb\r\n"),
            "*1\r\n$1\r\nb\r\n");
}

TEST_F(ServerBlockingTest, WaitersAreServedInTheOrderTheyBlocked) {
  const int c1 = connect(), c2 = connect(), c3 = connect(), pusher = connect();
  for (int fd : {c1, c2, c3}) {
    send_all(fd, resp_command({"BRPOP", "q", "0"}));
    wait_blocked(fd == c1 ? 1 : fd == c2 ? 2 : 3);
  }
  EXPECT_EQ(roundtrip(pusher, resp_command({"RPUSH", "q", "1", "2", "3"}), ":3\r\n"), ":3\r\n");
  // BRPOP pops from the tail: the oldest waiter gets "3".
  EXPECT_EQ(read_n(c1, 18), "*2\r\n$1\r\nq\r\n$1\r\n3\r\n");
  EXPECT_EQ(read_n(c2, 18), "*2\r\n$1\r\nq\r\n$1\r\n2\r\n");
  EXPECT_EQ(read_n(c3, 18), "*2\r\n$1\r\nq\r\n$1\r\n1\r\n");
}

TEST_F(ServerBlockingTest, EmbeddedPushFromAnotherThreadWakesAConnection) {
  const int c1 = connect();
  send_all(c1, resp_command({"HELLO", "3"}));
  read_until_suffix(c1, "*0\r\n");  // HELLO 3's map ends with modules => empty array
  send_all(c1, resp_command({"BLMOVE", "src", "dst", "LEFT", "RIGHT", "0"}));
  wait_blocked(1);
  std::thread pusher([&] {
    const std::string_view v[] = {"x"};
    ASSERT_TRUE(store_->rpush("src", v).ok());
  });
  pusher.join();
  EXPECT_EQ(read_n(c1, 7), "$1\r\nx\r\n");
  EXPECT_EQ(store_->lrange("dst", 0, -1).value(), std::vector<std::string>{"x"});
}

TEST_F(ServerBlockingTest, TimeoutRepliesNullArray) {
  const int c1 = connect();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(roundtrip(c1, resp_command({"BLPOP", "q", "0.05"}), "*-1\r\n"), "*-1\r\n");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
  send_all(c1, resp_command({"HELLO", "3"}));
  read_until_suffix(c1, "*0\r\n");
  EXPECT_EQ(roundtrip(c1, resp_command({"BZPOPMAX", "z", "0.01"}), "_\r\n"), "_\r\n");
  EXPECT_EQ(blocked_clients(), 0);
}

TEST_F(ServerBlockingTest, ClientListFlagsAndDisconnectWhileBlocked) {
  const int c1 = connect(), c2 = connect();
  send_all(c1, resp_command({"BLPOP", "q", "0"}));
  wait_blocked(1);
  send_all(c2, resp_command({"CLIENT", "LIST"}));
  const std::string list = read_bulk(c2);
  EXPECT_NE(list.find("flags=b "), std::string::npos) << list;
  EXPECT_NE(list.find("cmd=blpop "), std::string::npos) << list;
  ::close(c1);
  fds_.erase(fds_.begin());
  wait_blocked(0);
  // Nobody waits any more: the element stays.
  EXPECT_EQ(roundtrip(c2, resp_command({"RPUSH", "q", "a"}), ":1\r\n"), ":1\r\n");
  EXPECT_EQ(roundtrip(c2, resp_command({"LLEN", "q"}), ":1\r\n"), ":1\r\n");
}

TEST_F(ServerBlockingTest, ClientUnblockFromAnotherConnection) {
  const int c1 = connect(), c2 = connect();
  send_all(c1, resp_command({"CLIENT", "ID"}));
  const std::string id_line = read_until_suffix(c1, "\r\n");
  const std::string id = id_line.substr(1, id_line.size() - 3);
  send_all(c1, resp_command({"BZMPOP", "0", "1", "z", "MIN"}));
  wait_blocked(1);
  EXPECT_EQ(roundtrip(c2, resp_command({"CLIENT", "UNBLOCK", id, "ERROR"}), ":1\r\n"),
            ":1\r\n");
  const std::string want = "-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n";
  EXPECT_EQ(read_n(c1, want.size()), want);
}

}  // namespace
}  // namespace kevy
