// Keyspace notifications and WATCH signals of the list, hash, set and sorted-set commands
// (lists.cc hashes.cc sets.cc zsets.cc zsets_ops.cc zset_support.cc), compared with
// redis-server 7.0.15.
//
// The table below was recorded from the oracle: for each case, after the setup commands,
// notify-keyspace-events was set to KEA, one connection PSUBSCRIBEd '__key*__:*' and read
// the __keyevent@0__:<event> messages in order (their __keyspace@0__:<key> twins agreed),
// and one WATCHing connection per key ran MULTI/PING/EXEC to see which keys the command
// touched (signalModifiedKey). The class of each event is the command family's, "del" being
// generic. Each case runs here on a fresh keyspace with a recording KeyEventSink.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "commands/hashes.h"
#include "commands/lists.h"
#include "commands/sets.h"
#include "commands/zsets.h"
#include "core/key_events.h"
#include "test_support/keyspace_fixture.h"

namespace kevy {
namespace {

// Every notify-keyspace-events class of "KEA" (A is g$lshzxetd), K and E.
constexpr uint32_t kAllEvents = kNotifyGeneric | kNotifyString | kNotifyList | kNotifySet |
                                kNotifyHash | kNotifyZset | kNotifyExpired | kNotifyEvicted |
                                kNotifyStream | kNotifyModule | kNotifyKeyspace | kNotifyKeyevent;

struct Event {
  uint32_t cls;
  std::string event;
  int db;
  std::string key;
  bool operator==(const Event& o) const {
    return std::tie(cls, event, db, key) == std::tie(o.cls, o.event, o.db, o.key);
  }
};

std::ostream& operator<<(std::ostream& os, const Event& e) {
  return os << "{cls " << e.cls << ", " << e.event << ", db " << e.db << ", " << e.key << "}";
}

class RecordingSink final : public KeyEventSink {
 public:
  void key_modified(int db, std::string_view key) override {
    touched.emplace_back(std::to_string(db) + ":" + std::string(key));
  }
  void keyspace_event(uint32_t cls, std::string_view event, int db, std::string_view key) override {
    events.push_back(Event{cls, std::string(event), db, std::string(key)});
  }
  void key_ready(int, std::string_view, ReadyType) override {}
  void dbs_flushing(int) override {}
  void dbs_swapping(int, int) override {}

  // The distinct keys signalled, as "db:key", sorted.
  std::vector<std::string> touched_keys() const {
    std::set<std::string> s(touched.begin(), touched.end());
    return {s.begin(), s.end()};
  }
  void clear() {
    events.clear();
    touched.clear();
  }

  std::vector<Event> events;
  std::vector<std::string> touched;
};

struct ExpectedEvent {
  uint32_t cls;
  const char* event;
  const char* key;
};

struct OracleCase {
  const char* name;
  std::vector<std::vector<std::string>> setup;
  std::vector<std::string> command;
  bool error;  // the oracle replied an error
  std::vector<ExpectedEvent> events;
  std::vector<std::string> touched;  // keys WATCH saw modified, sorted
};

// clang-format off
const std::vector<OracleCase>& oracle_cases() {
  static const std::vector<OracleCase> cases = {
    {"lpush_new",
     {},
     {"LPUSH", "l", "a", "b"},
     false,
     {{kNotifyList, "lpush", "l"}},
     {"l"}},
    {"rpush_existing",
     {{"RPUSH", "l", "a"}},
     {"RPUSH", "l", "b", "c"},
     false,
     {{kNotifyList, "rpush", "l"}},
     {"l"}},
    {"lpushx_missing",
     {},
     {"LPUSHX", "l", "a"},
     false,
     {},
     {}},
    {"lpushx_existing",
     {{"RPUSH", "l", "a"}},
     {"LPUSHX", "l", "b"},
     false,
     {{kNotifyList, "lpush", "l"}},
     {"l"}},
    {"rpushx_existing",
     {{"RPUSH", "l", "a"}},
     {"RPUSHX", "l", "b"},
     false,
     {{kNotifyList, "rpush", "l"}},
     {"l"}},
    {"linsert_hit",
     {{"RPUSH", "l", "a", "c"}},
     {"LINSERT", "l", "BEFORE", "c", "b"},
     false,
     {{kNotifyList, "linsert", "l"}},
     {"l"}},
    {"linsert_nopivot",
     {{"RPUSH", "l", "a", "c"}},
     {"LINSERT", "l", "AFTER", "zz", "b"},
     false,
     {},
     {}},
    {"linsert_missing",
     {},
     {"LINSERT", "l", "AFTER", "zz", "b"},
     false,
     {},
     {}},
    {"lset",
     {{"RPUSH", "l", "a", "b"}},
     {"LSET", "l", "-1", "x"},
     false,
     {{kNotifyList, "lset", "l"}},
     {"l"}},
    {"lset_same",
     {{"RPUSH", "l", "a", "b"}},
     {"LSET", "l", "0", "a"},
     false,
     {{kNotifyList, "lset", "l"}},
     {"l"}},
    {"lset_out_of_range",
     {{"RPUSH", "l", "a", "b"}},
     {"LSET", "l", "5", "a"},
     true,
     {},
     {}},
    {"lrem_some",
     {{"RPUSH", "l", "a", "b", "a"}},
     {"LREM", "l", "0", "a"},
     false,
     {{kNotifyList, "lrem", "l"}},
     {"l"}},
    {"lrem_none",
     {{"RPUSH", "l", "a", "b", "a"}},
     {"LREM", "l", "0", "z"},
     false,
     {},
     {}},
    {"lrem_all",
     {{"RPUSH", "l", "a", "a"}},
     {"LREM", "l", "0", "a"},
     false,
     {{kNotifyList, "lrem", "l"}, {kNotifyGeneric, "del", "l"}},
     {"l"}},
    {"ltrim_some",
     {{"RPUSH", "l", "a", "b", "c"}},
     {"LTRIM", "l", "1", "-1"},
     false,
     {{kNotifyList, "ltrim", "l"}},
     {"l"}},
    {"ltrim_nothing",
     {{"RPUSH", "l", "a", "b", "c"}},
     {"LTRIM", "l", "0", "-1"},
     false,
     {{kNotifyList, "ltrim", "l"}},
     {"l"}},
    {"ltrim_all",
     {{"RPUSH", "l", "a", "b", "c"}},
     {"LTRIM", "l", "5", "6"},
     false,
     {{kNotifyList, "ltrim", "l"}, {kNotifyGeneric, "del", "l"}},
     {"l"}},
    {"ltrim_missing",
     {},
     {"LTRIM", "l", "0", "1"},
     false,
     {},
     {}},
    {"lpop",
     {{"RPUSH", "l", "a", "b"}},
     {"LPOP", "l"},
     false,
     {{kNotifyList, "lpop", "l"}},
     {"l"}},
    {"rpop_last",
     {{"RPUSH", "l", "a"}},
     {"RPOP", "l"},
     false,
     {{kNotifyList, "rpop", "l"}, {kNotifyGeneric, "del", "l"}},
     {"l"}},
    {"lpop_count0",
     {{"RPUSH", "l", "a", "b"}},
     {"LPOP", "l", "0"},
     false,
     {},
     {}},
    {"lpop_count2",
     {{"RPUSH", "l", "a", "b", "c"}},
     {"LPOP", "l", "2"},
     false,
     {{kNotifyList, "lpop", "l"}},
     {"l"}},
    {"rpop_count_all",
     {{"RPUSH", "l", "a", "b"}},
     {"RPOP", "l", "5"},
     false,
     {{kNotifyList, "rpop", "l"}, {kNotifyGeneric, "del", "l"}},
     {"l"}},
    {"lpop_missing",
     {},
     {"LPOP", "l"},
     false,
     {},
     {}},
    {"lmove_new_dst",
     {{"RPUSH", "l", "a", "b"}},
     {"LMOVE", "l", "d", "LEFT", "RIGHT"},
     false,
     {{kNotifyList, "rpush", "d"}, {kNotifyList, "lpop", "l"}},
     {"d", "l"}},
    {"lmove_last",
     {{"RPUSH", "l", "a"}, {"RPUSH", "d", "x"}},
     {"LMOVE", "l", "d", "RIGHT", "LEFT"},
     false,
     {{kNotifyList, "lpush", "d"}, {kNotifyList, "rpop", "l"}, {kNotifyGeneric, "del", "l"}},
     {"d", "l"}},
    {"lmove_same_key",
     {{"RPUSH", "l", "a", "b"}},
     {"LMOVE", "l", "l", "LEFT", "RIGHT"},
     false,
     {{kNotifyList, "rpush", "l"}, {kNotifyList, "lpop", "l"}},
     {"l"}},
    {"lmove_same_key_single",
     {{"RPUSH", "l", "a"}},
     {"LMOVE", "l", "l", "LEFT", "LEFT"},
     false,
     {{kNotifyList, "lpush", "l"}, {kNotifyList, "lpop", "l"}},
     {"l"}},
    {"lmove_missing",
     {},
     {"LMOVE", "l", "d", "LEFT", "RIGHT"},
     false,
     {},
     {}},
    {"lmove_wrongtype_dst",
     {{"RPUSH", "l", "a"}, {"SET", "d", "x"}},
     {"LMOVE", "l", "d", "LEFT", "RIGHT"},
     true,
     {},
     {}},
    {"rpoplpush",
     {{"RPUSH", "l", "a", "b"}},
     {"RPOPLPUSH", "l", "d"},
     false,
     {{kNotifyList, "lpush", "d"}, {kNotifyList, "rpop", "l"}},
     {"d", "l"}},
    {"brpoplpush_data",
     {{"RPUSH", "l", "a", "b"}},
     {"BRPOPLPUSH", "l", "d", "1"},
     false,
     {{kNotifyList, "lpush", "d"}, {kNotifyList, "rpop", "l"}},
     {"d", "l"}},
    {"blmove_data",
     {{"RPUSH", "l", "a"}},
     {"BLMOVE", "l", "d", "RIGHT", "RIGHT", "1"},
     false,
     {{kNotifyList, "rpush", "d"}, {kNotifyList, "rpop", "l"}, {kNotifyGeneric, "del", "l"}},
     {"d", "l"}},
    {"lmpop",
     {{"RPUSH", "l2", "a", "b", "c"}},
     {"LMPOP", "2", "l1", "l2", "RIGHT", "COUNT", "2"},
     false,
     {{kNotifyList, "rpop", "l2"}},
     {"l2"}},
    {"lmpop_all",
     {{"RPUSH", "l2", "a", "b"}},
     {"LMPOP", "2", "l1", "l2", "LEFT", "COUNT", "5"},
     false,
     {{kNotifyList, "lpop", "l2"}, {kNotifyGeneric, "del", "l2"}},
     {"l2"}},
    {"blmpop_data",
     {{"RPUSH", "l2", "a", "b", "c"}},
     {"BLMPOP", "1", "2", "l1", "l2", "LEFT"},
     false,
     {{kNotifyList, "lpop", "l2"}},
     {"l2"}},
    {"blpop_data",
     {{"RPUSH", "l2", "a", "b"}},
     {"BLPOP", "l1", "l2", "1"},
     false,
     {{kNotifyList, "lpop", "l2"}},
     {"l2"}},
    {"brpop_last",
     {{"RPUSH", "l2", "a"}},
     {"BRPOP", "l1", "l2", "1"},
     false,
     {{kNotifyList, "rpop", "l2"}, {kNotifyGeneric, "del", "l2"}},
     {"l2"}},
    {"hset_new",
     {},
     {"HSET", "h", "f", "1", "g", "2"},
     false,
     {{kNotifyHash, "hset", "h"}},
     {"h"}},
    {"hset_update",
     {{"HSET", "h", "f", "1"}},
     {"HSET", "h", "f", "2"},
     false,
     {{kNotifyHash, "hset", "h"}},
     {"h"}},
    {"hset_same",
     {{"HSET", "h", "f", "1"}},
     {"HSET", "h", "f", "1"},
     false,
     {{kNotifyHash, "hset", "h"}},
     {"h"}},
    {"hmset",
     {},
     {"HMSET", "h", "f", "1"},
     false,
     {{kNotifyHash, "hset", "h"}},
     {"h"}},
    {"hsetnx_new",
     {{"HSET", "h", "f", "1"}},
     {"HSETNX", "h", "g", "2"},
     false,
     {{kNotifyHash, "hset", "h"}},
     {"h"}},
    {"hsetnx_exists",
     {{"HSET", "h", "f", "1"}},
     {"HSETNX", "h", "f", "2"},
     false,
     {},
     {}},
    {"hsetnx_missing_key",
     {},
     {"HSETNX", "h", "f", "2"},
     false,
     {{kNotifyHash, "hset", "h"}},
     {"h"}},
    {"hdel_some",
     {{"HSET", "h", "f", "1", "g", "2"}},
     {"HDEL", "h", "f", "z"},
     false,
     {{kNotifyHash, "hdel", "h"}},
     {"h"}},
    {"hdel_none",
     {{"HSET", "h", "f", "1"}},
     {"HDEL", "h", "z"},
     false,
     {},
     {}},
    {"hdel_all",
     {{"HSET", "h", "f", "1", "g", "2"}},
     {"HDEL", "h", "f", "g"},
     false,
     {{kNotifyHash, "hdel", "h"}, {kNotifyGeneric, "del", "h"}},
     {"h"}},
    {"hdel_missing",
     {},
     {"HDEL", "h", "f"},
     false,
     {},
     {}},
    {"hincrby",
     {{"HSET", "h", "f", "1"}},
     {"HINCRBY", "h", "f", "5"},
     false,
     {{kNotifyHash, "hincrby", "h"}},
     {"h"}},
    {"hincrby_new",
     {},
     {"HINCRBY", "h", "f", "5"},
     false,
     {{kNotifyHash, "hincrby", "h"}},
     {"h"}},
    {"hincrby_error",
     {{"HSET", "h", "f", "x"}},
     {"HINCRBY", "h", "f", "5"},
     true,
     {},
     {}},
    {"hincrbyfloat",
     {{"HSET", "h", "f", "1"}},
     {"HINCRBYFLOAT", "h", "f", "0.5"},
     false,
     {{kNotifyHash, "hincrbyfloat", "h"}},
     {"h"}},
    {"hincrbyfloat_new",
     {},
     {"HINCRBYFLOAT", "h", "f", "2"},
     false,
     {{kNotifyHash, "hincrbyfloat", "h"}},
     {"h"}},
    {"sadd_new",
     {},
     {"SADD", "s", "a", "b"},
     false,
     {{kNotifySet, "sadd", "s"}},
     {"s"}},
    {"sadd_nothing",
     {{"SADD", "s", "a"}},
     {"SADD", "s", "a"},
     false,
     {},
     {}},
    {"srem_some",
     {{"SADD", "s", "a", "b"}},
     {"SREM", "s", "a", "z"},
     false,
     {{kNotifySet, "srem", "s"}},
     {"s"}},
    {"srem_none",
     {{"SADD", "s", "a", "b"}},
     {"SREM", "s", "z"},
     false,
     {},
     {}},
    {"srem_all",
     {{"SADD", "s", "a", "b"}},
     {"SREM", "s", "a", "b"},
     false,
     {{kNotifySet, "srem", "s"}, {kNotifyGeneric, "del", "s"}},
     {"s"}},
    {"srem_missing",
     {},
     {"SREM", "s", "a"},
     false,
     {},
     {}},
    {"spop_one",
     {{"SADD", "s", "a", "b"}},
     {"SPOP", "s"},
     false,
     {{kNotifySet, "spop", "s"}},
     {"s"}},
    {"spop_last",
     {{"SADD", "s", "a"}},
     {"SPOP", "s"},
     false,
     {{kNotifySet, "spop", "s"}, {kNotifyGeneric, "del", "s"}},
     {"s"}},
    {"spop_count0",
     {{"SADD", "s", "a", "b"}},
     {"SPOP", "s", "0"},
     false,
     {},
     {}},
    {"spop_count_some",
     {{"SADD", "s", "a", "b", "c"}},
     {"SPOP", "s", "2"},
     false,
     {{kNotifySet, "spop", "s"}},
     {"s"}},
    {"spop_count_all",
     {{"SADD", "s", "a", "b"}},
     {"SPOP", "s", "2"},
     false,
     {{kNotifySet, "spop", "s"}, {kNotifyGeneric, "del", "s"}},
     {"s"}},
    {"spop_missing",
     {},
     {"SPOP", "s"},
     false,
     {},
     {}},
    {"smove_new_dst",
     {{"SADD", "s", "a", "b"}},
     {"SMOVE", "s", "d", "a"},
     false,
     {{kNotifySet, "srem", "s"}, {kNotifySet, "sadd", "d"}},
     {"d", "s"}},
    {"smove_last",
     {{"SADD", "s", "a"}, {"SADD", "d", "x"}},
     {"SMOVE", "s", "d", "a"},
     false,
     {{kNotifySet, "srem", "s"}, {kNotifyGeneric, "del", "s"}, {kNotifySet, "sadd", "d"}},
     {"d", "s"}},
    {"smove_member_in_dst",
     {{"SADD", "s", "a", "b"}, {"SADD", "d", "a"}},
     {"SMOVE", "s", "d", "a"},
     false,
     {{kNotifySet, "srem", "s"}},
     {"s"}},
    {"smove_same_key",
     {{"SADD", "s", "a", "b"}},
     {"SMOVE", "s", "s", "a"},
     false,
     {},
     {}},
    {"smove_no_member",
     {{"SADD", "s", "a", "b"}},
     {"SMOVE", "s", "d", "z"},
     false,
     {},
     {}},
    {"sinterstore",
     {{"SADD", "a", "1", "2"}, {"SADD", "b", "2", "3"}},
     {"SINTERSTORE", "d", "a", "b"},
     false,
     {{kNotifySet, "sinterstore", "d"}},
     {"d"}},
    {"sinterstore_over",
     {{"SADD", "a", "1", "2"}, {"SADD", "b", "2", "3"}, {"SADD", "d", "9"}},
     {"SINTERSTORE", "d", "a", "b"},
     false,
     {{kNotifySet, "sinterstore", "d"}},
     {"d"}},
    {"sinterstore_empty_dst_exists",
     {{"SADD", "a", "1"}, {"SADD", "b", "2"}, {"SET", "d", "x"}},
     {"SINTERSTORE", "d", "a", "b"},
     false,
     {{kNotifyGeneric, "del", "d"}},
     {"d"}},
    {"sinterstore_empty_dst_missing",
     {{"SADD", "a", "1"}, {"SADD", "b", "2"}},
     {"SINTERSTORE", "d", "a", "b"},
     false,
     {},
     {}},
    {"sinterstore_missing_src_dst_exists",
     {{"SADD", "a", "1"}, {"SADD", "d", "2"}},
     {"SINTERSTORE", "d", "a", "b"},
     false,
     {{kNotifyGeneric, "del", "d"}},
     {"d"}},
    {"sunionstore",
     {{"SADD", "a", "1"}, {"SADD", "b", "2"}},
     {"SUNIONSTORE", "d", "a", "b"},
     false,
     {{kNotifySet, "sunionstore", "d"}},
     {"d"}},
    {"sunionstore_empty_dst_exists",
     {{"SADD", "d", "2"}},
     {"SUNIONSTORE", "d", "a", "b"},
     false,
     {{kNotifyGeneric, "del", "d"}},
     {"d"}},
    {"sdiffstore",
     {{"SADD", "a", "1", "2"}, {"SADD", "b", "2"}},
     {"SDIFFSTORE", "d", "a", "b"},
     false,
     {{kNotifySet, "sdiffstore", "d"}},
     {"d"}},
    {"sdiffstore_empty_dst_exists",
     {{"SADD", "a", "1"}, {"SADD", "b", "1"}, {"SADD", "d", "5"}},
     {"SDIFFSTORE", "d", "a", "b"},
     false,
     {{kNotifyGeneric, "del", "d"}},
     {"d"}},
    {"sdiffstore_self",
     {{"SADD", "a", "1", "2"}, {"SADD", "b", "2"}},
     {"SDIFFSTORE", "a", "a", "b"},
     false,
     {{kNotifySet, "sdiffstore", "a"}},
     {"a"}},
    {"zadd_new",
     {},
     {"ZADD", "z", "1", "a", "2", "b"},
     false,
     {{kNotifyZset, "zadd", "z"}},
     {"z"}},
    {"zadd_update",
     {{"ZADD", "z", "1", "a"}},
     {"ZADD", "z", "2", "a"},
     false,
     {{kNotifyZset, "zadd", "z"}},
     {"z"}},
    {"zadd_same",
     {{"ZADD", "z", "1", "a"}},
     {"ZADD", "z", "1", "a"},
     false,
     {},
     {}},
    {"zadd_nx_exists",
     {{"ZADD", "z", "1", "a"}},
     {"ZADD", "z", "NX", "5", "a"},
     false,
     {},
     {}},
    {"zadd_xx_missing",
     {},
     {"ZADD", "z", "XX", "5", "a"},
     false,
     {},
     {}},
    {"zadd_gt_not_met",
     {{"ZADD", "z", "5", "a"}},
     {"ZADD", "z", "GT", "1", "a"},
     false,
     {},
     {}},
    {"zadd_incr",
     {{"ZADD", "z", "1", "a"}},
     {"ZADD", "z", "INCR", "2", "a"},
     false,
     {{kNotifyZset, "zincr", "z"}},
     {"z"}},
    {"zadd_incr_nx_exists",
     {{"ZADD", "z", "1", "a"}},
     {"ZADD", "z", "NX", "INCR", "2", "a"},
     false,
     {},
     {}},
    {"zincrby",
     {},
     {"ZINCRBY", "z", "2", "a"},
     false,
     {{kNotifyZset, "zincr", "z"}},
     {"z"}},
    {"zincrby_zero",
     {{"ZADD", "z", "1", "a"}},
     {"ZINCRBY", "z", "0", "a"},
     false,
     {},
     {}},
    {"zrem_some",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZREM", "z", "a", "x"},
     false,
     {{kNotifyZset, "zrem", "z"}},
     {"z"}},
    {"zrem_none",
     {{"ZADD", "z", "1", "a"}},
     {"ZREM", "z", "x"},
     false,
     {},
     {}},
    {"zrem_all",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZREM", "z", "a", "b"},
     false,
     {{kNotifyZset, "zrem", "z"}, {kNotifyGeneric, "del", "z"}},
     {"z"}},
    {"zremrangebyrank",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZREMRANGEBYRANK", "z", "0", "0"},
     false,
     {{kNotifyZset, "zremrangebyrank", "z"}},
     {"z"}},
    {"zremrangebyrank_all",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZREMRANGEBYRANK", "z", "0", "-1"},
     false,
     {{kNotifyZset, "zremrangebyrank", "z"}, {kNotifyGeneric, "del", "z"}},
     {"z"}},
    {"zremrangebyrank_none",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZREMRANGEBYRANK", "z", "5", "6"},
     false,
     {},
     {}},
    {"zremrangebyscore",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZREMRANGEBYSCORE", "z", "2", "2"},
     false,
     {{kNotifyZset, "zremrangebyscore", "z"}},
     {"z"}},
    {"zremrangebyscore_all",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZREMRANGEBYSCORE", "z", "-inf", "+inf"},
     false,
     {{kNotifyZset, "zremrangebyscore", "z"}, {kNotifyGeneric, "del", "z"}},
     {"z"}},
    {"zremrangebyscore_none",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZREMRANGEBYSCORE", "z", "5", "6"},
     false,
     {},
     {}},
    {"zremrangebylex",
     {{"ZADD", "z", "0", "a", "0", "b"}},
     {"ZREMRANGEBYLEX", "z", "[a", "[a"},
     false,
     {{kNotifyZset, "zremrangebylex", "z"}},
     {"z"}},
    {"zremrangebylex_all",
     {{"ZADD", "z", "0", "a", "0", "b"}},
     {"ZREMRANGEBYLEX", "z", "-", "+"},
     false,
     {{kNotifyZset, "zremrangebylex", "z"}, {kNotifyGeneric, "del", "z"}},
     {"z"}},
    {"zremrangebylex_none",
     {{"ZADD", "z", "0", "a", "0", "b"}},
     {"ZREMRANGEBYLEX", "z", "[x", "+"},
     false,
     {},
     {}},
    {"zpopmin",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZPOPMIN", "z"},
     false,
     {{kNotifyZset, "zpopmin", "z"}},
     {"z"}},
    {"zpopmax_last",
     {{"ZADD", "z", "1", "a"}},
     {"ZPOPMAX", "z"},
     false,
     {{kNotifyZset, "zpopmax", "z"}, {kNotifyGeneric, "del", "z"}},
     {"z"}},
    {"zpopmin_count_all",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZPOPMIN", "z", "5"},
     false,
     {{kNotifyZset, "zpopmin", "z"}, {kNotifyGeneric, "del", "z"}},
     {"z"}},
    {"zpopmin_count0",
     {{"ZADD", "z", "1", "a", "2", "b"}},
     {"ZPOPMIN", "z", "0"},
     false,
     {},
     {}},
    {"zpopmin_missing",
     {},
     {"ZPOPMIN", "z"},
     false,
     {},
     {}},
    {"zmpop",
     {{"ZADD", "z2", "1", "a", "2", "b", "3", "c"}},
     {"ZMPOP", "2", "z1", "z2", "MAX", "COUNT", "2"},
     false,
     {{kNotifyZset, "zpopmax", "z2"}},
     {"z2"}},
    {"zmpop_all",
     {{"ZADD", "z2", "1", "a"}},
     {"ZMPOP", "2", "z1", "z2", "MIN"},
     false,
     {{kNotifyZset, "zpopmin", "z2"}, {kNotifyGeneric, "del", "z2"}},
     {"z2"}},
    {"bzmpop_data",
     {{"ZADD", "z2", "1", "a", "2", "b"}},
     {"BZMPOP", "1", "2", "z1", "z2", "MIN"},
     false,
     {{kNotifyZset, "zpopmin", "z2"}},
     {"z2"}},
    {"bzpopmin_data",
     {{"ZADD", "z2", "1", "a", "2", "b"}},
     {"BZPOPMIN", "z1", "z2", "1"},
     false,
     {{kNotifyZset, "zpopmin", "z2"}},
     {"z2"}},
    {"bzpopmax_last",
     {{"ZADD", "z2", "1", "a"}},
     {"BZPOPMAX", "z1", "z2", "1"},
     false,
     {{kNotifyZset, "zpopmax", "z2"}, {kNotifyGeneric, "del", "z2"}},
     {"z2"}},
    {"zunionstore",
     {{"ZADD", "a", "1", "x"}, {"ZADD", "b", "2", "y"}},
     {"ZUNIONSTORE", "d", "2", "a", "b"},
     false,
     {{kNotifyZset, "zunionstore", "d"}},
     {"d"}},
    {"zunionstore_empty_dst_exists",
     {{"SET", "d", "x"}},
     {"ZUNIONSTORE", "d", "2", "a", "b"},
     false,
     {{kNotifyGeneric, "del", "d"}},
     {"d"}},
    {"zunionstore_empty_dst_missing",
     {},
     {"ZUNIONSTORE", "d", "2", "a", "b"},
     false,
     {},
     {}},
    {"zinterstore",
     {{"ZADD", "a", "1", "x", "2", "y"}, {"ZADD", "b", "2", "y"}, {"ZADD", "d", "1", "q"}},
     {"ZINTERSTORE", "d", "2", "a", "b"},
     false,
     {{kNotifyZset, "zinterstore", "d"}},
     {"d"}},
    {"zinterstore_empty_dst_exists",
     {{"ZADD", "a", "1", "x"}, {"ZADD", "b", "2", "y"}, {"ZADD", "d", "1", "q"}},
     {"ZINTERSTORE", "d", "2", "a", "b"},
     false,
     {{kNotifyGeneric, "del", "d"}},
     {"d"}},
    {"zdiffstore",
     {{"ZADD", "a", "1", "x", "2", "y"}, {"ZADD", "b", "2", "y"}},
     {"ZDIFFSTORE", "d", "2", "a", "b"},
     false,
     {{kNotifyZset, "zdiffstore", "d"}},
     {"d"}},
    {"zdiffstore_empty_dst_exists",
     {{"ZADD", "a", "1", "x"}, {"ZADD", "b", "2", "x"}, {"ZADD", "d", "1", "q"}},
     {"ZDIFFSTORE", "d", "2", "a", "b"},
     false,
     {{kNotifyGeneric, "del", "d"}},
     {"d"}},
    {"zrangestore",
     {{"ZADD", "a", "1", "x", "2", "y"}},
     {"ZRANGESTORE", "d", "a", "0", "0"},
     false,
     {{kNotifyZset, "zrangestore", "d"}},
     {"d"}},
    {"zrangestore_empty_dst_exists",
     {{"ZADD", "a", "1", "x"}, {"ZADD", "d", "1", "q"}},
     {"ZRANGESTORE", "d", "a", "5", "6"},
     false,
     {{kNotifyGeneric, "del", "d"}},
     {"d"}},
    {"zrangestore_empty_dst_missing",
     {{"ZADD", "a", "1", "x"}},
     {"ZRANGESTORE", "d", "a", "5", "6"},
     false,
     {},
     {}},
    {"zunionstore_self",
     {{"ZADD", "a", "1", "x"}, {"ZADD", "b", "2", "y"}},
     {"ZUNIONSTORE", "a", "2", "a", "b"},
     false,
     {{kNotifyZset, "zunionstore", "a"}},
     {"a"}},
  };
  return cases;
}
// clang-format on

class NotifyCollectionsTest : public KeyspaceFixture {
 protected:
  NotifyCollectionsTest() {
    ks_.mutable_options().notify_keyspace_events = kAllEvents;
    ks_.set_event_sink(&sink_);
  }
  ~NotifyCollectionsTest() override { ks_.set_event_sink(nullptr); }

  // Runs argv and returns what it published and signalled.
  void run_recorded(std::initializer_list<std::string_view> argv) {
    sink_.clear();
    run(argv);
  }
  std::vector<Event> expect(std::initializer_list<ExpectedEvent> evs, int db = 0) {
    std::vector<Event> out;
    for (const auto& e : evs) out.push_back(Event{e.cls, e.event, db, e.key});
    return out;
  }

  RecordingSink sink_;
};

TEST_F(NotifyCollectionsTest, EveryCommandPublishesAndSignalsAsTheOracle) {
  for (const OracleCase& c : oracle_cases()) {
    SCOPED_TRACE(c.name);
    run({"FLUSHALL"});
    for (const auto& s : c.setup) run(s);
    sink_.clear();
    const std::string reply = run(c.command);
    EXPECT_EQ(reply.rfind("-", 0) == 0, c.error) << reply;
    std::vector<Event> want;
    for (const auto& e : c.events) want.push_back(Event{e.cls, e.event, 0, e.key});
    EXPECT_EQ(sink_.events, want);
    std::vector<std::string> touched;
    for (const auto& k : c.touched) touched.push_back("0:" + k);
    EXPECT_EQ(sink_.touched_keys(), touched);
  }
}

// The table covers every write command of the four families.
TEST_F(NotifyCollectionsTest, TableCoversEveryWriteCommand) {
  std::set<std::string> covered;
  for (const OracleCase& c : oracle_cases()) {
    std::string name = c.command[0];
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    covered.insert(name);
  }
  for (const char* cmd : {"lpush",
                          "rpush",
                          "lpushx",
                          "rpushx",
                          "linsert",
                          "lset",
                          "lrem",
                          "ltrim",
                          "lpop",
                          "rpop",
                          "lmove",
                          "rpoplpush",
                          "brpoplpush",
                          "blmove",
                          "lmpop",
                          "blmpop",
                          "blpop",
                          "brpop",
                          "hset",
                          "hmset",
                          "hsetnx",
                          "hdel",
                          "hincrby",
                          "hincrbyfloat",
                          "sadd",
                          "srem",
                          "spop",
                          "smove",
                          "sinterstore",
                          "sunionstore",
                          "sdiffstore",
                          "zadd",
                          "zincrby",
                          "zrem",
                          "zremrangebyrank",
                          "zremrangebyscore",
                          "zremrangebylex",
                          "zpopmin",
                          "zpopmax",
                          "zmpop",
                          "bzmpop",
                          "bzpopmin",
                          "bzpopmax",
                          "zunionstore",
                          "zinterstore",
                          "zdiffstore",
                          "zrangestore"}) {
    EXPECT_TRUE(covered.count(cmd)) << cmd;
  }
}

// Events name the session's db.
TEST_F(NotifyCollectionsTest, EventsCarryTheDbOfTheCommand) {
  session_.db = 3;
  run_recorded({"RPUSH", "l", "a"});
  EXPECT_EQ(sink_.events, expect({{kNotifyList, "rpush", "l"}}, 3));
  EXPECT_EQ(sink_.touched_keys(), std::vector<std::string>{"3:l"});
  run_recorded({"SMOVE", "s", "d", "a"});
  EXPECT_TRUE(sink_.events.empty());
  run_recorded({"SADD", "s", "a"});
  run_recorded({"SMOVE", "s", "d", "a"});
  EXPECT_EQ(
      sink_.events,
      expect({{kNotifySet, "srem", "s"}, {kNotifyGeneric, "del", "s"}, {kNotifySet, "sadd", "d"}},
             3));
}

// notify-keyspace-events filters by class; WATCH signals do not depend on it.
TEST_F(NotifyCollectionsTest, ClassesAreFilteredSignalsAreNot) {
  ks_.mutable_options().notify_keyspace_events = kNotifyList | kNotifyKeyevent;  // "El"
  run({"RPUSH", "l", "a"});
  run_recorded({"LPOP", "l"});
  EXPECT_EQ(sink_.events, expect({{kNotifyList, "lpop", "l"}}));  // no generic "del"
  EXPECT_EQ(sink_.touched_keys(), std::vector<std::string>{"0:l"});
  ks_.mutable_options().notify_keyspace_events = kNotifyGeneric;  // neither K nor E
  run({"HSET", "h", "f", "v"});
  run_recorded({"HDEL", "h", "f"});
  EXPECT_TRUE(sink_.events.empty());
  EXPECT_EQ(sink_.touched_keys(), std::vector<std::string>{"0:h"});
}

// The family functions behind the typed Store API publish as the commands do.
TEST_F(NotifyCollectionsTest, FamilyFunctionsPublishAsTheirCommands) {
  {
    CommandContext ctx = context();
    const std::vector<std::string_view> values = {"a", "b"};
    ASSERT_TRUE(list_push(ctx, "l", values, ListEnd::kTail, true).ok());
    ASSERT_TRUE(list_push(ctx, "missing", values, ListEnd::kHead, false).ok());
  }
  EXPECT_EQ(sink_.events, expect({{kNotifyList, "rpush", "l"}}));
  EXPECT_EQ(sink_.touched_keys(), std::vector<std::string>{"0:l"});
  sink_.clear();
  {
    CommandContext ctx = context();
    const std::pair<std::string_view, std::string_view> pairs[] = {{"f", "1"}};
    ASSERT_TRUE(hash_set_pairs(ctx, "h", pairs).ok());
    const std::vector<std::string_view> fields = {"f"};
    ASSERT_TRUE(hash_del(ctx, "h", fields).ok());
  }
  EXPECT_EQ(sink_.events, expect({{kNotifyHash, "hset", "h"},
                                  {kNotifyHash, "hdel", "h"},
                                  {kNotifyGeneric, "del", "h"}}));
  EXPECT_EQ(sink_.touched_keys(), std::vector<std::string>{"0:h"});
  sink_.clear();
  {
    CommandContext ctx = context();
    const std::vector<std::string_view> members = {"1", "2"};
    ASSERT_TRUE(set_add(ctx, "s", members).ok());
    ASSERT_TRUE(set_add(ctx, "s", members).ok());  // nothing new: no event
    ASSERT_TRUE(set_rem(ctx, "s", members).ok());
  }
  EXPECT_EQ(
      sink_.events,
      expect({{kNotifySet, "sadd", "s"}, {kNotifySet, "srem", "s"}, {kNotifyGeneric, "del", "s"}}));
  EXPECT_EQ(sink_.touched_keys(), std::vector<std::string>{"0:s"});
  sink_.clear();
  {
    CommandContext ctx = context();
    const ZsetInput items[] = {{1.0, "a"}};
    ASSERT_TRUE(zset_add(ctx, "z", items, ZaddFlags{}).ok());
    ASSERT_TRUE(zset_add(ctx, "z", items, ZaddFlags{}).ok());  // same score: no event
    const std::string_view members[] = {"a"};
    ASSERT_TRUE(zset_rem(ctx, "z", members).ok());
  }
  EXPECT_EQ(sink_.events, expect({{kNotifyZset, "zadd", "z"},
                                  {kNotifyZset, "zrem", "z"},
                                  {kNotifyGeneric, "del", "z"}}));
  EXPECT_EQ(sink_.touched_keys(), std::vector<std::string>{"0:z"});
}

}  // namespace
}  // namespace kevy
