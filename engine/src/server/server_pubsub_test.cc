// Pub/sub over kevy::Server when the message comes from another thread: the embedded API's
// publish() and the background expiry cycle's "expired" keyspace events reach a subscribed
// connection (the server moves them to its loop thread), in RESP2 and as RESP3 pushes.
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

class ServerPubSubTest : public ::testing::Test {
 protected:
  void start(Options options) {
    store_ = std::make_shared<Store>(std::move(Store::open(options).value()));
    auto s = Server::start(store_, ServerOptions{}.with_port(0));
    ASSERT_TRUE(s.ok());
    server_ = std::move(s.value());
    fd_ = connect_tcp(server_->port());
    ASSERT_GE(fd_, 0);
  }
  void TearDown() override {
    if (fd_ >= 0) ::close(fd_);
    if (server_) server_->stop();
  }
  std::shared_ptr<Store> store_;
  std::unique_ptr<Server> server_;
  int fd_ = -1;
};

TEST_F(ServerPubSubTest, PublishFromAnotherThreadReachesTheSubscriber) {
  start(Options{});
  const std::string confirm = "*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n";
  EXPECT_EQ(roundtrip(fd_, resp_command({"SUBSCRIBE", "news"}), confirm), confirm);
  int64_t receivers = 0;
  std::thread publisher([&] { receivers = store_->publish("news", "hello"); });
  publisher.join();
  EXPECT_EQ(receivers, 1);
  const std::string message = "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n";
  EXPECT_EQ(read_n(fd_, message.size()), message);
  // After the connection goes, nobody receives.
  ::close(fd_);
  fd_ = -1;
  for (int i = 0; i < 2000 && store_->publish("news", "again") != 0; ++i) {
    std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(store_->publish("news", "again"), 0);
}

TEST_F(ServerPubSubTest, ExpiredEventsFromTheBackgroundCycleArePushed) {
  start(Options{}.with_active_expire().with_hz(100));
  send_all(fd_, resp_command({"HELLO", "3"}));
  read_until_suffix(fd_, "*0\r\n");
  const std::string ok = "+OK\r\n";
  EXPECT_EQ(roundtrip(fd_, resp_command({"CONFIG", "SET", "notify-keyspace-events", "Ex"}), ok),
            ok);
  const std::string confirm = ">3\r\n$9\r\nsubscribe\r\n$22\r\n__keyevent@0__:expired\r\n:1\r\n";
  EXPECT_EQ(roundtrip(fd_, resp_command({"SUBSCRIBE", "__keyevent@0__:expired"}), confirm),
            confirm);
  // Set from another thread; nobody reads the key, so only the active cycle deletes it.
  ASSERT_TRUE(store_->set("k", "v", SetOptions{}.px(20ms)).ok());
  const std::string event = ">3\r\n$7\r\nmessage\r\n$22\r\n__keyevent@0__:expired\r\n$1\r\nk\r\n";
  EXPECT_EQ(read_n(fd_, event.size()), event);
}

}  // namespace
}  // namespace kevy
