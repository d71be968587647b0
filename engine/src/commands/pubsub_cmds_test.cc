// Pub/sub commands through Store::execute, against redis-server 7.0.15: every byte string
// below was recorded from the oracle (two RESP connections, RESP2 and RESP3). Messages a
// session receives are read with Store::take_pushed.
#include "commands/pubsub_cmds.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "kevy/store.h"
#include "test_support/family_test.h"

namespace kevy {
namespace {

class PubSubCmdsTest : public FamilyTest {
 protected:
  std::string run_on(Session& s, std::initializer_list<std::string_view> argv) {
    return store_.execute_resp(std::span<const std::string_view>(argv.begin(), argv.size()), s);
  }
  // The bytes of the messages pushed to s since the last call.
  std::string pushed(Session& s) {
    std::string out;
    for (const Reply& r : store_.take_pushed(s)) out += r.to_resp(s.protocol);
    return out;
  }
  Session other_;
};

constexpr std::string_view kGated =
    "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this "
    "context\r\n";

std::string gated(std::string_view name) {
  return "-ERR Can't execute '" + std::string(name) + std::string(kGated);
}

TEST_F(PubSubCmdsTest, SubscribeConfirmsEachChannelInOneReply) {
  EXPECT_EQ(run({"SUBSCRIBE", "a", "b", "a"}),
            "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n"
            "*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n"
            "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:2\r\n");
  Reply r = reply({"SUBSCRIBE", "c"});
  EXPECT_EQ(r.type(), Reply::Type::kPush);
  EXPECT_EQ(run({"SUBSCRIBE"}), "-ERR wrong number of arguments for 'subscribe' command\r\n");
}

TEST_F(PubSubCmdsTest, Resp2SubscribedModeAllowsOnlyPubsubPingQuitReset) {
  run({"SUBSCRIBE", "a"});
  EXPECT_EQ(run({"GET", "x"}), gated("get"));
  EXPECT_EQ(run({"CLIENT", "INFO"}), gated("client|info"));
  EXPECT_EQ(run({"config", "get", "x", "y", "z"}), gated("config|get"));
  EXPECT_EQ(run({"MULTI"}), gated("multi"));
  EXPECT_EQ(run({"HELLO", "3"}), gated("hello"));
  // Unknown commands and arity errors come first.
  EXPECT_EQ(run({"foo"}), "-ERR unknown command 'foo', with args beginning with: \r\n");
  EXPECT_EQ(run({"get"}), "-ERR wrong number of arguments for 'get' command\r\n");
  // A refused EXEC replies the EXECABORT form.
  EXPECT_EQ(run({"EXEC"}),
            "-EXECABORT Transaction discarded because of: Can't execute 'exec" +
                std::string(kGated));
  EXPECT_EQ(run({"PING"}), "*2\r\n$4\r\npong\r\n$0\r\n\r\n");
  EXPECT_EQ(run({"PING", "hello"}), "*2\r\n$4\r\npong\r\n$5\r\nhello\r\n");
  EXPECT_EQ(run({"PING", "a", "b"}), "-ERR wrong number of arguments for 'ping' command\r\n");
  EXPECT_EQ(run({"PSUBSCRIBE", "p"}), "*3\r\n$10\r\npsubscribe\r\n$1\r\np\r\n:2\r\n");
  EXPECT_EQ(run({"RESET"}), "+RESET\r\n");
  EXPECT_EQ(run({"PING"}), "+PONG\r\n");
  EXPECT_EQ(run({"GET", "x"}), "$-1\r\n");
  EXPECT_EQ(run_on(other_, {"PUBLISH", "a", "m"}), ":0\r\n");
}

TEST_F(PubSubCmdsTest, ShardSubscriptionsAlsoEnterSubscribedMode) {
  // Recorded: ssubscribe a b / get x / sunsubscribe a / subscribe c / sunsubscribe /
  // get x / unsubscribe / get x / ssubscribe s / unsubscribe / get x / ping / sunsubscribe.
  EXPECT_EQ(run({"ssubscribe", "a", "b"}),
            "*3\r\n$10\r\nssubscribe\r\n$1\r\na\r\n:1\r\n"
            "*3\r\n$10\r\nssubscribe\r\n$1\r\nb\r\n:2\r\n");
  EXPECT_EQ(run({"get", "x"}), gated("get"));
  EXPECT_EQ(run({"sunsubscribe", "a"}), "*3\r\n$12\r\nsunsubscribe\r\n$1\r\na\r\n:1\r\n");
  EXPECT_EQ(run({"subscribe", "c"}), "*3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n:1\r\n");
  EXPECT_EQ(run({"sunsubscribe"}), "*3\r\n$12\r\nsunsubscribe\r\n$1\r\nb\r\n:0\r\n");
  EXPECT_EQ(run({"get", "x"}), gated("get"));
  EXPECT_EQ(run({"unsubscribe"}), "*3\r\n$11\r\nunsubscribe\r\n$1\r\nc\r\n:0\r\n");
  EXPECT_EQ(run({"get", "x"}), "$-1\r\n");
  EXPECT_EQ(run({"ssubscribe", "s"}), "*3\r\n$10\r\nssubscribe\r\n$1\r\ns\r\n:1\r\n");
  EXPECT_EQ(run({"unsubscribe"}), "*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n");
  EXPECT_EQ(run({"get", "x"}), gated("get"));
  EXPECT_EQ(run({"ping"}), "*2\r\n$4\r\npong\r\n$0\r\n\r\n");
  EXPECT_EQ(run({"sunsubscribe"}), "*3\r\n$12\r\nsunsubscribe\r\n$1\r\ns\r\n:0\r\n");
  EXPECT_EQ(run({"ping"}), "+PONG\r\n");
}

TEST_F(PubSubCmdsTest, PublishReachesChannelAndPatternSubscribers) {
  EXPECT_EQ(run({"subscribe", "a", "b"}),
            "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n"
            "*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n");
  EXPECT_EQ(run({"psubscribe", "h*llo", "a*"}),
            "*3\r\n$10\r\npsubscribe\r\n$5\r\nh*llo\r\n:3\r\n"
            "*3\r\n$10\r\npsubscribe\r\n$2\r\na*\r\n:4\r\n");
  EXPECT_EQ(run_on(other_, {"publish", "a", "msg"}), ":2\r\n");
  EXPECT_EQ(pushed(session_),
            "*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$3\r\nmsg\r\n"
            "*4\r\n$8\r\npmessage\r\n$2\r\na*\r\n$1\r\na\r\n$3\r\nmsg\r\n");
  EXPECT_EQ(run_on(other_, {"publish", "hello", "x"}), ":1\r\n");
  EXPECT_EQ(pushed(session_), "*4\r\n$8\r\npmessage\r\n$5\r\nh*llo\r\n$5\r\nhello\r\n$1\r\nx\r\n");
  EXPECT_EQ(run_on(other_, {"spublish", "a", "m"}), ":0\r\n");
  EXPECT_EQ(run({"ssubscribe", "a"}), "*3\r\n$10\r\nssubscribe\r\n$1\r\na\r\n:1\r\n");
  EXPECT_EQ(run_on(other_, {"spublish", "a", "m"}), ":1\r\n");
  EXPECT_EQ(pushed(session_), "*3\r\n$8\r\nsmessage\r\n$1\r\na\r\n$1\r\nm\r\n");

  EXPECT_EQ(run_on(other_, {"pubsub", "numsub"}), "*0\r\n");
  EXPECT_EQ(run_on(other_, {"pubsub", "numsub", "a", "b", "zz"}),
            "*6\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n:1\r\n$2\r\nzz\r\n:0\r\n");
  EXPECT_EQ(run_on(other_, {"pubsub", "numpat"}), ":2\r\n");
  EXPECT_EQ(run_on(other_, {"pubsub", "channels", "a*"}), "*1\r\n$1\r\na\r\n");
  EXPECT_EQ(run_on(other_, {"pubsub", "shardchannels"}), "*1\r\n$1\r\na\r\n");
  EXPECT_EQ(run_on(other_, {"pubsub", "shardnumsub", "a"}), "*2\r\n$1\r\na\r\n:1\r\n");
  EXPECT_EQ(run_on(other_, {"pubsub", "shardnumsub"}), "*0\r\n");

  // PUNSUBSCRIBE without arguments: the patterns in subscription order (as on the oracle).
  EXPECT_EQ(run({"unsubscribe", "b", "a"}),
            "*3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:3\r\n"
            "*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:2\r\n");
  EXPECT_EQ(run({"unsubscribe"}), "*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:2\r\n");
  EXPECT_EQ(run({"punsubscribe"}),
            "*3\r\n$12\r\npunsubscribe\r\n$5\r\nh*llo\r\n:1\r\n"
            "*3\r\n$12\r\npunsubscribe\r\n$2\r\na*\r\n:0\r\n");
  EXPECT_EQ(run({"punsubscribe"}), "*3\r\n$12\r\npunsubscribe\r\n$-1\r\n:0\r\n");
  EXPECT_EQ(run({"sunsubscribe"}), "*3\r\n$12\r\nsunsubscribe\r\n$1\r\na\r\n:0\r\n");
  EXPECT_EQ(run({"sunsubscribe"}), "*3\r\n$12\r\nsunsubscribe\r\n$-1\r\n:0\r\n");
  EXPECT_EQ(run({"get", "x"}), "$-1\r\n");
  EXPECT_EQ(pushed(session_), "");
}

TEST_F(PubSubCmdsTest, ReceiversCountEveryMatchingSubscription) {
  // Recorded: c1 psubscribe p* q; c2 psubscribe p*; c1 subscribe pp; c1 psubscribe *p;
  // publish pp hi -> 4 (c1: channel + 2 patterns, c2: 1 pattern).
  run({"psubscribe", "p*", "q"});
  run_on(other_, {"psubscribe", "p*"});
  Session third;
  EXPECT_EQ(run_on(third, {"pubsub", "numpat"}), ":2\r\n");
  EXPECT_EQ(run({"subscribe", "pp"}), "*3\r\n$9\r\nsubscribe\r\n$2\r\npp\r\n:3\r\n");
  EXPECT_EQ(run({"psubscribe", "*p"}), "*3\r\n$10\r\npsubscribe\r\n$2\r\n*p\r\n:4\r\n");
  EXPECT_EQ(run_on(third, {"publish", "pp", "hi"}), ":4\r\n");
  // The oracle sends the two pmessages in its hash-table order; kevy in pattern order.
  EXPECT_EQ(pushed(session_),
            "*3\r\n$7\r\nmessage\r\n$2\r\npp\r\n$2\r\nhi\r\n"
            "*4\r\n$8\r\npmessage\r\n$2\r\n*p\r\n$2\r\npp\r\n$2\r\nhi\r\n"
            "*4\r\n$8\r\npmessage\r\n$2\r\np*\r\n$2\r\npp\r\n$2\r\nhi\r\n");
  EXPECT_EQ(pushed(other_), "*4\r\n$8\r\npmessage\r\n$2\r\np*\r\n$2\r\npp\r\n$2\r\nhi\r\n");
  EXPECT_EQ(run_on(third, {"pubsub", "numsub", "pp", "pp"}),
            "*4\r\n$2\r\npp\r\n:1\r\n$2\r\npp\r\n:1\r\n");
  EXPECT_EQ(run({"psubscribe", "p*", "p*"}),
            "*3\r\n$10\r\npsubscribe\r\n$2\r\np*\r\n:4\r\n"
            "*3\r\n$10\r\npsubscribe\r\n$2\r\np*\r\n:4\r\n");
}

TEST_F(PubSubCmdsTest, EmptyChannelNameAndStarPattern) {
  EXPECT_EQ(run({"subscribe", ""}), "*3\r\n$9\r\nsubscribe\r\n$0\r\n\r\n:1\r\n");
  EXPECT_EQ(run_on(other_, {"pubsub", "channels"}), "*1\r\n$0\r\n\r\n");
  EXPECT_EQ(run_on(other_, {"pubsub", "channels", "*"}), "*0\r\n");
  EXPECT_EQ(run_on(other_, {"publish", "", "x"}), ":1\r\n");
  EXPECT_EQ(pushed(session_), "*3\r\n$7\r\nmessage\r\n$0\r\n\r\n$1\r\nx\r\n");
}

TEST_F(PubSubCmdsTest, Resp3PushesAndAnyCommandWhileSubscribed) {
  use_resp3();
  EXPECT_EQ(run({"subscribe", "a", "b"}),
            ">3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n>3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n");
  EXPECT_EQ(run({"get", "x"}), "_\r\n");
  EXPECT_EQ(run({"ping"}), "+PONG\r\n");
  EXPECT_EQ(run({"ping", "hi"}), "$2\r\nhi\r\n");
  EXPECT_EQ(run({"psubscribe", "p*"}), ">3\r\n$10\r\npsubscribe\r\n$2\r\np*\r\n:3\r\n");
  EXPECT_EQ(run_on(other_, {"publish", "a", "m"}), ":1\r\n");
  EXPECT_EQ(pushed(session_), ">3\r\n$7\r\nmessage\r\n$1\r\na\r\n$1\r\nm\r\n");
  EXPECT_EQ(run_on(other_, {"publish", "pq", "m"}), ":1\r\n");
  EXPECT_EQ(pushed(session_), ">4\r\n$8\r\npmessage\r\n$2\r\np*\r\n$2\r\npq\r\n$1\r\nm\r\n");
  const std::string info = run({"client", "info"});
  EXPECT_NE(info.find(" flags=P db=0 sub=2 psub=1 ssub=0 "), std::string::npos) << info;
  EXPECT_EQ(run({"pubsub", "numsub", "a"}), "*2\r\n$1\r\na\r\n:1\r\n");
  EXPECT_EQ(run({"unsubscribe", "zz"}), ">3\r\n$11\r\nunsubscribe\r\n$2\r\nzz\r\n:3\r\n");
  EXPECT_EQ(run({"punsubscribe"}), ">3\r\n$12\r\npunsubscribe\r\n$2\r\np*\r\n:2\r\n");
  EXPECT_EQ(run({"unsubscribe", "b", "a"}),
            ">3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:1\r\n"
            ">3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:0\r\n");
  EXPECT_EQ(run({"unsubscribe"}), ">3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n");
  EXPECT_EQ(run({"punsubscribe"}), ">3\r\n$12\r\npunsubscribe\r\n_\r\n:0\r\n");
  EXPECT_EQ(run({"sunsubscribe"}), ">3\r\n$12\r\nsunsubscribe\r\n_\r\n:0\r\n");
  const std::string after = run({"client", "info"});
  EXPECT_NE(after.find(" flags=N db=0 sub=0 psub=0 ssub=0 "), std::string::npos) << after;
}

TEST_F(PubSubCmdsTest, PubsubContainerErrorsAndHelp) {
  EXPECT_EQ(run({"pubsub", "foo"}), "-ERR unknown subcommand 'foo'. Try PUBSUB HELP.\r\n");
  EXPECT_EQ(run({"PUBSUB", "Foo"}), "-ERR unknown subcommand 'Foo'. Try PUBSUB HELP.\r\n");
  EXPECT_EQ(run({"pubsub", "channels", "a", "b"}),
            "-ERR unknown subcommand or wrong number of arguments for 'channels'. Try PUBSUB "
            "HELP.\r\n");
  EXPECT_EQ(run({"pubsub", "CHANNELS", "a", "b"}),
            "-ERR unknown subcommand or wrong number of arguments for 'CHANNELS'. Try PUBSUB "
            "HELP.\r\n");
  EXPECT_EQ(run({"pubsub", "shardchannels", "a", "b"}),
            "-ERR unknown subcommand or wrong number of arguments for 'shardchannels'. Try "
            "PUBSUB HELP.\r\n");
  EXPECT_EQ(run({"pubsub", "numpat", "x"}),
            "-ERR wrong number of arguments for 'pubsub|numpat' command\r\n");
  EXPECT_EQ(run({"publish", "a"}), "-ERR wrong number of arguments for 'publish' command\r\n");
  EXPECT_EQ(run({"spublish", "a"}), "-ERR wrong number of arguments for 'spublish' command\r\n");
  EXPECT_EQ(run({"psubscribe"}), "-ERR wrong number of arguments for 'psubscribe' command\r\n");
  EXPECT_EQ(run({"unsubscribe", "a", "b"}),
            "*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:0\r\n"
            "*3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:0\r\n");
  EXPECT_EQ(run({"pubsub", "help"}),
            "*14\r\n+PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
            "+CHANNELS [<pattern>]\r\n"
            "+    Return the currently active channels matching a <pattern> (default: '*').\r\n"
            "+NUMPAT\r\n+    Return number of subscriptions to patterns.\r\n"
            "+NUMSUB [<channel> ...]\r\n"
            "+    Return the number of subscribers for the specified channels, excluding\r\n"
            "+    pattern subscriptions(default: no channels).\r\n"
            "+SHARDCHANNELS [<pattern>]\r\n"
            "+    Return the currently active shard level channels matching a <pattern> "
            "(default: '*').\r\n"
            "+SHARDNUMSUB [<shardchannel> ...]\r\n"
            "+    Return the number of subscribers for the specified shard level channel(s)\r\n"
            "+HELP\r\n+    Prints this help.\r\n");
}

TEST_F(PubSubCmdsTest, SubscribeInsideExecRepliesEveryConfirmation) {
  // Recorded: the EXEC header counts commands while SUBSCRIBE a b writes two replies; PING
  // after the SUBSCRIBE already answers in subscribed form.
  EXPECT_EQ(run({"multi"}), "+OK\r\n");
  EXPECT_EQ(run({"subscribe", "a", "b"}), "+QUEUED\r\n");
  EXPECT_EQ(run({"psubscribe", "x"}), "+QUEUED\r\n");
  EXPECT_EQ(run({"ping"}), "+QUEUED\r\n");
  EXPECT_EQ(run({"exec"}),
            "*3\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n"
            "*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n"
            "*3\r\n$10\r\npsubscribe\r\n$1\r\nx\r\n:3\r\n"
            "*2\r\n$4\r\npong\r\n$0\r\n\r\n");
  EXPECT_EQ(run({"get", "x"}), gated("get"));

  other_.protocol = 3;
  EXPECT_EQ(run_on(other_, {"multi"}), "+OK\r\n");
  EXPECT_EQ(run_on(other_, {"subscribe", "a", "b"}), "+QUEUED\r\n");
  EXPECT_EQ(run_on(other_, {"exec"}),
            "*1\r\n>3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n"
            ">3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n");
}

TEST_F(PubSubCmdsTest, InfoStatsCountsChannelsPatternsAndShardChannels) {
  run({"subscribe", "a", "b"});
  run({"psubscribe", "p*", "q"});
  run_on(other_, {"psubscribe", "p*", "r"});
  run_on(other_, {"ssubscribe", "s"});
  Session third;
  const std::string info = run_on(third, {"info", "stats"});
  EXPECT_NE(info.find("\r\npubsub_channels:2\r\npubsub_patterns:3\r\npubsubshard_channels:1\r\n"),
            std::string::npos)
      << info;
  store_.end_session(other_);
  const std::string after = run_on(third, {"info", "stats"});
  EXPECT_NE(after.find("\r\npubsub_channels:2\r\npubsub_patterns:2\r\npubsubshard_channels:0\r\n"),
            std::string::npos)
      << after;
}

TEST_F(PubSubCmdsTest, EndSessionDropsSubscriptions) {
  run({"subscribe", "a"});
  run({"psubscribe", "*"});
  EXPECT_EQ(run_on(other_, {"publish", "a", "m"}), ":2\r\n");
  store_.end_session(session_);
  EXPECT_EQ(run_on(other_, {"publish", "a", "m"}), ":0\r\n");
  EXPECT_EQ(run({"get", "x"}), "$-1\r\n");
}

// ---- the embedded API (kevy/store.h, "Pub/sub")

TEST_F(PubSubCmdsTest, CallbackSubscriptionsReceiveMessagesUntilCancelled) {
  std::vector<PubSubMessage> got;
  Subscription sub = store_.subscribe({"news", "sport"}, [&](const PubSubMessage& m) {
    got.push_back(m);
  });
  Subscription psub = store_.psubscribe({"n*"}, [&](const PubSubMessage& m) {
    got.push_back(m);
  });
  EXPECT_TRUE(sub.active());
  EXPECT_EQ(store_.publish("news", "hi"), 2);
  EXPECT_EQ(run({"publish", "sport", "goal"}), ":1\r\n");
  EXPECT_EQ(run({"pubsub", "numsub", "news"}), "*2\r\n$4\r\nnews\r\n:1\r\n");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].kind, "message");
  EXPECT_EQ(got[0].pattern, "");
  EXPECT_EQ(got[0].channel, "news");
  EXPECT_EQ(got[0].payload, "hi");
  EXPECT_EQ(got[1].kind, "pmessage");
  EXPECT_EQ(got[1].pattern, "n*");
  EXPECT_EQ(got[1].channel, "news");
  EXPECT_EQ(got[1].payload, "hi");
  EXPECT_EQ(got[2].channel, "sport");
  EXPECT_EQ(got[2].payload, "goal");

  sub.cancel();
  EXPECT_FALSE(sub.active());
  EXPECT_EQ(store_.publish("sport", "x"), 0);
  Subscription moved = std::move(psub);
  EXPECT_FALSE(psub.active());  // NOLINT(bugprone-use-after-move): moved-from is inactive
  EXPECT_EQ(store_.publish("news", "x"), 1);
  {
    Subscription gone = std::move(moved);
  }
  EXPECT_EQ(store_.publish("news", "x"), 0);
  EXPECT_EQ(got.size(), 4u);
  EXPECT_EQ(run({"pubsub", "numpat"}), ":0\r\n");
}

TEST_F(PubSubCmdsTest, TakePushedDrainsAnEmbeddedSessionsMessages) {
  EXPECT_TRUE(store_.take_pushed(session_).empty());
  run({"subscribe", "a"});
  store_.publish("a", "1");
  store_.publish("a", "2");
  std::vector<Reply> msgs = store_.take_pushed(session_);
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[1], Reply::push({Reply::bulk("message"), Reply::bulk("a"), Reply::bulk("2")}));
  EXPECT_TRUE(store_.take_pushed(session_).empty());
}

TEST_F(PubSubCmdsTest, KeyspaceNotificationsReachCallbacks) {
  std::vector<PubSubMessage> got;
  Subscription sub = store_.psubscribe({"__key*__:*"}, [&](const PubSubMessage& m) {
    got.push_back(m);
  });
  run({"hset", "h", "f", "v"});
  EXPECT_TRUE(got.empty());  // notify-keyspace-events is "" by default
  EXPECT_EQ(run({"config", "set", "notify-keyspace-events", "KEA"}), "+OK\r\n");
  run({"hset", "h", "f", "w"});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, "pmessage");
  EXPECT_EQ(got[0].pattern, "__key*__:*");
  EXPECT_EQ(got[0].channel, "__keyspace@0__:h");
  EXPECT_EQ(got[0].payload, "hset");
  EXPECT_EQ(got[1].channel, "__keyevent@0__:hset");
  EXPECT_EQ(got[1].payload, "h");
}

TEST_F(PubSubCmdsTest, CallbacksRunOnThePublishingThread) {
  std::atomic<int> count{0};
  std::thread::id seen;
  Subscription sub = store_.subscribe({"c"}, [&](const PubSubMessage&) {
    seen = std::this_thread::get_id();
    ++count;
  });
  std::thread t([&] {
    for (int i = 0; i < 100; ++i) store_.publish("c", "m");
  });
  const std::thread::id publisher = t.get_id();
  t.join();
  EXPECT_EQ(count.load(), 100);
  EXPECT_EQ(seen, publisher);
}

}  // namespace
}  // namespace kevy
