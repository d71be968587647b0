// Sorted-set family operations shared by the command handlers (zsets.cc) and the typed Store
// API, and the registration of the commands of zsets.cc:
//   ZADD ZINCRBY ZSCORE ZMSCORE ZCARD ZCOUNT ZLEXCOUNT ZRANGE ZRANGESTORE ZRANGEBYSCORE
//   ZREVRANGEBYSCORE ZRANGEBYLEX ZREVRANGEBYLEX ZREVRANGE ZRANK ZREVRANK ZREM
//   ZREMRANGEBYRANK ZREMRANGEBYSCORE ZREMRANGEBYLEX
//
// Behaviour is redis-server 7.0.15's (t_zset.c), in particular:
// - Arguments are validated before the key is looked up (a bad score or range beats
//   WRONGTYPE); a missing key reads as an empty zset.
// - A zset emptied by a removal deletes its key; ZRANGESTORE deletes its destination when the
//   result is empty and otherwise gives it the encoding of a new zset of the result's size.
// - An update that leaves a score equal (==) keeps the stored one, so a skiplist keeps -0.
//
// Every change (here and in zsets_ops.cc) signals the key (WATCH) and publishes the keyspace
// events redis-server 7.0.15 publishes, in its order (class zset, "del" generic): see
// notify_collections_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands/context.h"
#include "kevy/status.h"

namespace kevy {

class CommandTable;

void register_zset_commands(CommandTable& t);

// One (score, member) pair as ZADD takes it.
using ZsetInput = std::pair<double, std::string_view>;
// Members with their scores, in reply order.
using ZsetPairs = std::vector<std::pair<std::string, double>>;

// ZADD's flags. REQUIRES (checked by the ZADD parser): not nx with xx, not gt/lt with nx, not
// gt with lt, incr with a single pair.
struct ZaddFlags {
  bool nx = false;
  bool xx = false;
  bool gt = false;
  bool lt = false;
  bool incr = false;
};

struct ZaddOutcome {
  int64_t added = 0;      // new members
  int64_t updated = 0;    // existing members whose score changed
  int64_t processed = 0;  // pairs not skipped by NX/XX/GT/LT
  double score = 0;       // the last processed pair's resulting score (INCR's reply)
};

// A score interval; a bound is exclusive when its flag is set ("(1.5" in Redis syntax).
struct ScoreRange {
  double min = 0;
  double max = 0;
  bool min_exclusive = false;
  bool max_exclusive = false;
};

// ZADD / ZINCRBY: applies the pairs in order. A NaN input score is refused ("value is not a
// valid float"), and an INCR whose result is NaN ("resulting score is not a number (NaN)"),
// both before any change. A missing key is created unless flags.xx.
Result<ZaddOutcome> zset_add(CommandContext& ctx, std::string_view key,
                             std::span<const ZsetInput> items, const ZaddFlags& flags);
// ZSCORE: nullopt for a missing key or member.
Result<std::optional<double>> zset_score(CommandContext& ctx, std::string_view key,
                                         std::string_view member);
// ZREM: the number removed; the key goes with its last member.
Result<int64_t> zset_rem(CommandContext& ctx, std::string_view key,
                         std::span<const std::string_view> members);
// ZCARD: 0 for a missing key.
Result<int64_t> zset_card(CommandContext& ctx, std::string_view key);
// ZRANGE key start stop WITHSCORES (Redis's rank rules: negative counts from the end).
Result<ZsetPairs> zset_range_by_rank(CommandContext& ctx, std::string_view key, int64_t start,
                                     int64_t stop);
// ZRANGEBYSCORE key min max WITHSCORES; a NaN bound is refused ("min or max is not a float").
Result<ZsetPairs> zset_range_by_score(CommandContext& ctx, std::string_view key,
                                      const ScoreRange& range);

}  // namespace kevy
