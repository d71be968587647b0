// Store's test hooks: the command hook (what it sees, what its action does) and expire_due.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kevy/store.h"

namespace kevy {
namespace {

struct Seen {
  std::vector<std::string> args;
  std::vector<std::string> keys;
  int db;
};

class StoreHookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_ = std::make_shared<ManualClock>();
    store_ = std::make_unique<Store>(std::move(Store::open(Options{}.with_clock(clock_)).value()));
  }
  Reply run(std::initializer_list<std::string_view> argv) {
    return store_->execute(std::span<const std::string_view>(argv.begin(), argv.size()), session_);
  }
  // Records every call; `action` decides.
  void record(CommandHookAction action = {}) {
    store_->set_command_hook([this, action](const CommandCall& call) {
      seen_.push_back({std::vector<std::string>(call.argv.begin(), call.argv.end()),
                       std::vector<std::string>(call.keys.begin(), call.keys.end()),
                       call.session.db});
      return action;
    });
  }

  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<Store> store_;
  Session session_;
  std::vector<Seen> seen_;
};

TEST_F(StoreHookTest, SeesArgvKeysAndSessionOfEveryCommand) {
  record();
  run({"SELECT", "2"});
  run({"MSET", "a", "1", "b", "2"});
  run({"ZUNIONSTORE", "dst", "2", "z1", "z2"});
  run({"GET"});          // wrong arity: no keys
  run({"NOPE", "x"});    // unknown: no keys
  run({"PING"});
  ASSERT_EQ(seen_.size(), 6u);
  EXPECT_EQ(seen_[1].keys, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(seen_[1].db, 2);
  EXPECT_EQ(seen_[2].keys, (std::vector<std::string>{"dst", "z1", "z2"}));
  EXPECT_TRUE(seen_[3].keys.empty());
  EXPECT_EQ(seen_[4].args, (std::vector<std::string>{"NOPE", "x"}));
  EXPECT_TRUE(seen_[5].keys.empty());
}

TEST_F(StoreHookTest, SeesCommandsQueuedInMultiButNotTypedWrites) {
  record();
  run({"MULTI"});
  run({"SET", "k", "v"});
  run({"EXEC"});
  store_->set("typed", "v");
  ASSERT_EQ(seen_.size(), 3u);
  EXPECT_EQ(seen_[1].args[0], "SET");
  EXPECT_EQ(store_->get("k"), "v");
}

TEST_F(StoreHookTest, AReplyReplacesTheCommand) {
  CommandHookAction action;
  action.reply = Reply::error("ERR injected");
  record(action);
  EXPECT_EQ(run({"SET", "k", "v"}), Reply::error("ERR injected"));
  store_->set_command_hook({});  // removed: commands run again
  EXPECT_FALSE(store_->get("k").has_value());
  EXPECT_EQ(run({"SET", "k", "v"}).str(), "OK");
  EXPECT_EQ(seen_.size(), 1u);
}

TEST_F(StoreHookTest, DelaySleepsAnEmbeddedCallerAndLeavesNoNetworkFault) {
  CommandHookAction action;
  action.delay_ms = 30;
  action.close_connection = true;
  record(action);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(run({"PING"}).str(), "PONG");
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(30));
  EXPECT_EQ(session_.reply_fault.delay_ms, 0);  // only server sessions carry it
  EXPECT_FALSE(session_.reply_fault.close_connection);
}

TEST_F(StoreHookTest, ExpireDueDeletesEveryExpiredKeyInEveryDb) {
  for (int i = 0; i < 300; ++i) {
    store_->set("k" + std::to_string(i), "v", SetOptions{}.px(std::chrono::milliseconds(100)));
    store_->set("k" + std::to_string(i), "v", SetOptions{}.px(std::chrono::milliseconds(100)),
                /*db=*/5);
  }
  store_->set("later", "v", SetOptions{}.px(std::chrono::milliseconds(101)));
  store_->set("forever", "v");
  clock_->advance_ms(100);
  EXPECT_EQ(store_->expire_due(), 0u);  // not yet: a key expires once now > its time
  clock_->advance_ms(1);
  EXPECT_EQ(store_->expire_due(), 600u);
  EXPECT_EQ(run({"DBSIZE"}).integer_value(), 2);
  EXPECT_EQ(run({"INFO", "stats"}).str().find("expired_keys:600\r\n") != std::string::npos, true);
  clock_->advance_ms(1);
  EXPECT_EQ(store_->expire_due(), 1u);
}

}  // namespace
}  // namespace kevy
