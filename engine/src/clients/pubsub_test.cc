// PubSub hub: subscriptions kept in step with each client's own sets, delivery order and
// receiver counts as redis-server 7.0 (channel subscribers in subscription order, then every
// matching pattern's), expired clients skipped and dropped, the PUBSUB queries.
#include "clients/pubsub.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace kevy {
namespace {

std::shared_ptr<ClientState> client() { return std::make_shared<ClientState>(); }

// The RESP2 bytes of what c received, then forgets them.
std::string received(ClientState& c) {
  std::string out;
  for (const Reply& r : c.mailbox) out += r.to_resp(2);
  c.mailbox.clear();
  return out;
}

TEST(PubSubHub, SubscriptionsStayInStepWithTheClientsSets) {
  PubSub hub;
  auto c = client();
  EXPECT_TRUE(hub.subscribe(c, "a"));
  EXPECT_FALSE(hub.subscribe(c, "a"));
  EXPECT_TRUE(hub.psubscribe(c, "a*"));
  EXPECT_TRUE(hub.ssubscribe(c, "s"));
  EXPECT_EQ(c->channels, std::set<std::string>{"a"});
  EXPECT_EQ(c->patterns, std::set<std::string>{"a*"});
  EXPECT_EQ(c->shard_channels, std::set<std::string>{"s"});
  EXPECT_EQ(c->subscription_count(), 2u);
  EXPECT_EQ(hub.channel_count(), 1u);
  EXPECT_EQ(hub.pattern_count(), 1u);
  EXPECT_EQ(hub.shard_channel_count(), 1u);

  EXPECT_FALSE(hub.unsubscribe(*c, "zz"));
  EXPECT_TRUE(hub.unsubscribe(*c, "a"));
  EXPECT_FALSE(hub.unsubscribe(*c, "a"));
  EXPECT_TRUE(c->channels.empty());
  EXPECT_EQ(hub.channel_count(), 0u);
  EXPECT_TRUE(c->subscribed());

  hub.unsubscribe_all(*c);
  EXPECT_FALSE(c->subscribed());
  EXPECT_EQ(hub.pattern_count(), 0u);
  EXPECT_EQ(hub.shard_channel_count(), 0u);
}

TEST(PubSubHub, PublishDeliversToChannelThenPatternsAndCountsEachDelivery) {
  PubSub hub;
  auto c1 = client();
  auto c2 = client();
  hub.subscribe(c2, "news");
  hub.subscribe(c1, "news");
  hub.psubscribe(c1, "n*");
  hub.psubscribe(c1, "*s");
  hub.psubscribe(c2, "x*");
  // c1: the channel and 2 matching patterns (3 messages); c2: the channel.
  EXPECT_EQ(hub.publish("news", "hi"), 4);
  EXPECT_EQ(received(*c1),
            "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n"
            "*4\r\n$8\r\npmessage\r\n$2\r\n*s\r\n$4\r\nnews\r\n$2\r\nhi\r\n"
            "*4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$2\r\nhi\r\n");
  EXPECT_EQ(received(*c2), "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n");
  EXPECT_EQ(hub.publish("other", "x"), 0);
  EXPECT_EQ(hub.publish("x1", "y"), 1);
  EXPECT_EQ(received(*c2), "*4\r\n$8\r\npmessage\r\n$2\r\nx*\r\n$2\r\nx1\r\n$1\r\ny\r\n");
}

TEST(PubSubHub, ChannelSubscribersGetMessagesInSubscriptionOrder) {
  PubSub hub;
  std::vector<int> order;
  std::vector<std::shared_ptr<ClientState>> cs;
  for (int i = 0; i < 4; ++i) {
    auto c = client();
    c->deliver = [&order, i](const Reply&) { order.push_back(i); };
    cs.push_back(c);
  }
  for (int i : {2, 0, 3, 1}) hub.subscribe(cs[i], "ch");
  EXPECT_EQ(hub.publish("ch", "m"), 4);
  EXPECT_EQ(order, (std::vector<int>{2, 0, 3, 1}));
}

TEST(PubSubHub, ShardChannelsAreSeparateFromChannels) {
  PubSub hub;
  auto c = client();
  hub.ssubscribe(c, "a");
  EXPECT_EQ(hub.publish("a", "m"), 0);
  EXPECT_EQ(hub.spublish("a", "m"), 1);
  EXPECT_EQ(received(*c), "*3\r\n$8\r\nsmessage\r\n$1\r\na\r\n$1\r\nm\r\n");
  hub.subscribe(c, "b");
  EXPECT_EQ(hub.spublish("b", "m"), 0);
  EXPECT_EQ(hub.shard_channels(std::nullopt), std::vector<std::string>{"a"});
  EXPECT_EQ(hub.shard_numsub("a"), 1);
  EXPECT_EQ(hub.shard_numsub("b"), 0);
}

TEST(PubSubHub, ExpiredClientsAreSkippedAndDropped) {
  PubSub hub;
  auto live = client();
  auto gone = client();
  hub.subscribe(gone, "a");
  hub.subscribe(live, "a");
  hub.psubscribe(gone, "*");
  EXPECT_EQ(hub.numsub("a"), 2);
  EXPECT_EQ(hub.numpat(), 1);
  gone.reset();  // a session destroyed without unsubscribing
  EXPECT_EQ(hub.numsub("a"), 1);
  EXPECT_EQ(hub.numpat(), 0);
  EXPECT_EQ(hub.publish("a", "m"), 1);
  EXPECT_EQ(hub.pattern_count(), 0u);  // the emptied pattern was dropped
  EXPECT_EQ(hub.channel_count(), 1u);
  live.reset();
  EXPECT_EQ(hub.channels(std::nullopt), std::vector<std::string>{});
  EXPECT_EQ(hub.publish("a", "m"), 0);
  EXPECT_EQ(hub.channel_count(), 0u);
}

TEST(PubSubHub, ChannelsFilterWithKeysGlobRules) {
  PubSub hub;
  auto c = client();
  for (const char* ch : {"news.1", "news.2", "sport", "", "n[x]"}) hub.subscribe(c, ch);
  EXPECT_EQ(hub.channels(std::nullopt),
            (std::vector<std::string>{"", "n[x]", "news.1", "news.2", "sport"}));
  EXPECT_EQ(hub.channels("news.?"), (std::vector<std::string>{"news.1", "news.2"}));
  EXPECT_EQ(hub.channels("n\\[x]"), (std::vector<std::string>{"n[x]"}));
  EXPECT_EQ(hub.channels("[rs]*"), (std::vector<std::string>{"sport"}));
  // As on redis-server, '*' does not match the empty channel name.
  EXPECT_EQ(hub.channels("*").size(), 4u);
  // Pattern subscriptions use the same rules.
  auto p = client();
  hub.psubscribe(p, "n[a-f]ws.*");
  EXPECT_EQ(hub.publish("news.1", "m"), 2);
  EXPECT_EQ(hub.publish("nxws.1", "m"), 0);
}

TEST(PubSubHub, PatternsOfListsSubscriptionOrder) {
  PubSub hub;
  auto c = client();
  auto other = client();
  hub.psubscribe(c, "z*");
  hub.psubscribe(other, "a*");
  hub.psubscribe(c, "a*");
  hub.psubscribe(c, "m*");
  EXPECT_EQ(hub.patterns_of(*c), (std::vector<std::string>{"z*", "a*", "m*"}));
  hub.punsubscribe(*c, "a*");
  hub.psubscribe(c, "a*");
  EXPECT_EQ(hub.patterns_of(*c), (std::vector<std::string>{"z*", "m*", "a*"}));
  EXPECT_EQ(hub.numpat(), 3);
}

}  // namespace
}  // namespace kevy
