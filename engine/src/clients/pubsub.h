// PubSub: channels, patterns and shard channels with their subscribers, and the delivery of
// published messages (PUBLISH, SPUBLISH, keyspace notifications). Subscribers are ClientStates
// (clients/client_state.h), held weakly; each client also lists its own subscriptions (its
// channels / patterns / shard_channels sets), which the hub keeps in step.
//
// Delivery order follows redis-server 7.0: a channel's subscribers in the order they
// subscribed, then the clients of every matching pattern (KEYS glob rules, core/glob.h).
// Messages are Reply::push trees — ["message", channel, payload] or ["pmessage", pattern,
// channel, payload] or ["smessage", channel, payload] — which encode as RESP2 arrays and RESP3
// pushes.
//
// Thread-safety: under the store lock only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "clients/client_state.h"

namespace kevy {

class PubSub {
 public:
  // Each returns true when the subscription was added (false: already there).
  bool subscribe(const std::shared_ptr<ClientState>& c, std::string_view channel);
  bool psubscribe(const std::shared_ptr<ClientState>& c, std::string_view pattern);
  bool ssubscribe(const std::shared_ptr<ClientState>& c, std::string_view channel);
  // Each returns true when the subscription existed and was removed.
  bool unsubscribe(ClientState& c, std::string_view channel);
  bool punsubscribe(ClientState& c, std::string_view pattern);
  bool sunsubscribe(ClientState& c, std::string_view channel);
  // Drops every subscription of c (disconnect, RESET).
  void unsubscribe_all(ClientState& c);

  // PUBLISH: pushes the message to every receiver; returns their number.
  int64_t publish(std::string_view channel, std::string_view message);
  // SPUBLISH.
  int64_t spublish(std::string_view channel, std::string_view message);

  // PUBSUB CHANNELS [pattern] / SHARDCHANNELS [pattern]: channels with at least one subscriber.
  std::vector<std::string> channels(std::optional<std::string_view> pattern) const;
  std::vector<std::string> shard_channels(std::optional<std::string_view> pattern) const;
  // PUBSUB NUMSUB / SHARDNUMSUB of one channel, NUMPAT.
  int64_t numsub(std::string_view channel) const;
  int64_t shard_numsub(std::string_view channel) const;
  int64_t numpat() const;

  // c's patterns in the order it subscribed to them: PUNSUBSCRIBE without arguments drops
  // them in this order (redis-server 7.0 keeps a client's patterns in a list).
  std::vector<std::string> patterns_of(const ClientState& c) const;

  // INFO stats pubsub_channels / pubsub_patterns / pubsubshard_channels.
  size_t channel_count() const { return channels_.size(); }
  size_t pattern_count() const { return patterns_.size(); }
  size_t shard_channel_count() const { return shard_channels_.size(); }

 private:
  // One subscription: the client and a number increasing with every subscription made (the
  // order of a client's patterns, patterns_of()).
  struct Subscriber {
    std::weak_ptr<ClientState> client;
    uint64_t seq = 0;
  };
  using Subscribers = std::vector<Subscriber>;
  using Registry = std::map<std::string, Subscribers, std::less<>>;
  // Adds c under name unless c's own set already holds it.
  bool add(Registry& reg, std::set<std::string>& own, const std::shared_ptr<ClientState>& c,
           std::string_view name);
  // Removes c (and any expired subscriber) under name; erases an emptied name.
  static bool remove(Registry& reg, std::set<std::string>& own, ClientState& c,
                     std::string_view name);
  // Pushes `message` to every live subscriber of `subs` (dropping expired ones); returns how
  // many got it.
  static int64_t deliver(Subscribers& subs, const Reply& message);
  static std::vector<std::string> names(const Registry& reg,
                                        std::optional<std::string_view> pattern);
  static int64_t live_count(const Registry& reg, std::string_view name);

  uint64_t next_seq_ = 1;
  std::map<std::string, Subscribers, std::less<>> channels_;
  std::map<std::string, Subscribers, std::less<>> patterns_;
  std::map<std::string, Subscribers, std::less<>> shard_channels_;
};

}  // namespace kevy
