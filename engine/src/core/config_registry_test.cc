// ConfigRegistry against redis-server 7.0.15: every default CONFIG GET * reports, and CONFIG
// SET's parsing, ranges, aliases, atomicity and exact error texts. Expected values were read
// from the oracle (redis-server --port 0 ...; see corpus/scripts/config.txt for the replayed
// subset).
#include "core/config_registry.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kevy {
namespace {

class ConfigRegistryTest : public ::testing::Test {
 protected:
  // CONFIG SET with one or more pairs; "OK" or the error text.
  std::string set(std::vector<std::pair<std::string_view, std::string_view>> pairs,
                  ConfigRegistry::Origin origin = ConfigRegistry::Origin::kConfigSet) {
    Status s = reg_.set(pairs, opts_, origin);
    return s.is_ok() ? "OK" : s.message();
  }
  std::string set(std::string_view name, std::string_view value) { return set({{name, value}}); }
  std::string get(std::string_view name) { return reg_.get(name, opts_).value_or("<none>"); }
  static std::string failed(std::string_view name, std::string_view reason) {
    return "ERR CONFIG SET failed (possibly related to argument '" + std::string(name) +
           "') - " + std::string(reason);
  }
  std::vector<std::pair<std::string, std::string>> match(std::vector<std::string_view> p) {
    return reg_.get_matching(p, opts_);
  }

  Options opts_;
  ConfigRegistry reg_;
};

// Every parameter redis-server reports for CONFIG GET * when started with no arguments (port,
// unixsocket, save, appendonly, enable-debug-command and dir are checked separately: the
// oracle's command line sets them).
TEST_F(ConfigRegistryTest, DefaultsAreRedisDefaults) {
  const std::map<std::string, std::string> expected = {
#include "core/config_registry_test_defaults.inc"
  };
  for (const auto& [name, value] : expected) EXPECT_EQ(get(name), value) << name;
  EXPECT_EQ(get("port"), "6379");
  EXPECT_EQ(get("unixsocket"), "");
  EXPECT_EQ(get("save"), "3600 1 300 100 60 10000");
  EXPECT_EQ(get("appendonly"), "no");
  EXPECT_EQ(get("enable-debug-command"), "no");
  EXPECT_EQ(get("dir"), std::filesystem::current_path().string());
  // CONFIG GET * lists exactly those names (and the six above), and no hidden one.
  auto all = match({"*"});
  EXPECT_EQ(all.size(), expected.size() + 6);
  for (const auto& [name, value] : all) {
    EXPECT_TRUE(expected.count(name) || name == "port" || name == "unixsocket" ||
                name == "save" || name == "appendonly" || name == "enable-debug-command" ||
                name == "dir")
        << name;
  }
}

TEST_F(ConfigRegistryTest, HiddenParametersAnswerOnlyTheirExactName) {
  EXPECT_EQ(get("use-exit-on-panic"), "no");
  EXPECT_EQ(get("loading-process-events-interval-bytes"), "2097152");
  EXPECT_TRUE(match({"use-exit-on-pani?"}).empty());
  EXPECT_EQ(match({"use-exit-on-panic"}),
            (std::vector<std::pair<std::string, std::string>>{{"use-exit-on-panic", "no"}}));
  EXPECT_EQ(set("key-load-delay", "-1"), "OK");
  EXPECT_EQ(set("key-load-delay", "2147483648"),
            failed("key-load-delay", "argument must be between -2147483648 and 2147483647 inclusive"));
}

TEST_F(ConfigRegistryTest, GetNamesAndPatterns) {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  // An exact name is reported as written; a glob reports lowercase names.
  EXPECT_EQ(match({"HZ"}), (Pairs{{"HZ", "10"}}));
  EXPECT_EQ(match({"HZ", "hz"}), (Pairs{{"HZ", "10"}}));
  EXPECT_EQ(match({"hz", "hz"}), (Pairs{{"hz", "10"}}));
  EXPECT_EQ(match({"Hash-Max-Ziplist-*"}),
            (Pairs{{"hash-max-ziplist-entries", "512"}, {"hash-max-ziplist-value", "64"}}));
  EXPECT_TRUE(match({"h\\z"}).empty());  // no glob character: the name "h\z"
  EXPECT_EQ(match({"h\\z*"}), (Pairs{{"hz", "10"}}));
  EXPECT_EQ(match({"h[z]"}), (Pairs{{"hz", "10"}}));
  EXPECT_TRUE(match({"hz?"}).empty());
  EXPECT_TRUE(match({""}).empty());
  EXPECT_TRUE(match({"nosuch", "unknown2"}).empty());
  // An alias and its parameter are two names.
  EXPECT_EQ(match({"slaveof", "replicaof"}), (Pairs{{"slaveof", ""}, {"replicaof", ""}}));
  EXPECT_EQ(match({"REPLICA-PRIORITY", "slave-priority"}),
            (Pairs{{"REPLICA-PRIORITY", "100"}, {"slave-priority", "100"}}));
  // Several patterns: each parameter once.
  auto m = match({"maxmemory", "hz", "maxmem*"});
  std::vector<std::string> names;
  for (const auto& [n, v] : m) names.push_back(n);
  EXPECT_EQ(names, (std::vector<std::string>{"maxmemory", "hz", "maxmemory-clients",
                                             "maxmemory-eviction-tenacity", "maxmemory-policy",
                                             "maxmemory-samples"}));
  EXPECT_EQ(match({"h*"}).size(), 6u);
}

TEST_F(ConfigRegistryTest, Booleans) {
  EXPECT_EQ(set("activerehashing", "YES"), "OK");
  EXPECT_EQ(get("activerehashing"), "yes");
  EXPECT_EQ(set("activerehashing", "No"), "OK");
  EXPECT_EQ(get("activerehashing"), "no");
  for (std::string_view bad : {"1", "", "true", "yes "}) {
    EXPECT_EQ(set("activerehashing", bad),
              failed("activerehashing", "argument must be 'yes' or 'no'"));
  }
  // This build cannot defragment (Redis built with the system jemalloc says the same).
  EXPECT_EQ(set("activedefrag", "yes"),
            failed("activedefrag",
                   "Active defragmentation cannot be enabled: it requires a Redis server compiled "
                   "with a modified Jemalloc like the one shipped by default with the Redis "
                   "source distribution"));
  EXPECT_EQ(set("activedefrag", "no"), "OK");
}

TEST_F(ConfigRegistryTest, Integers) {
  const std::string not_int = failed("hz", "argument couldn't be parsed into an integer");
  for (std::string_view bad : {"+5", " 5", "05", "5 ", "0x10", "-0", "", "1e3",
                               "99999999999999999999"}) {
    EXPECT_EQ(set("hz", bad), not_int) << bad;
  }
  EXPECT_EQ(set("hz", "-1"), failed("hz", "argument must be between 0 and 2147483647 inclusive"));
  EXPECT_EQ(set("hz", "2147483648"),
            failed("hz", "argument must be between 0 and 2147483647 inclusive"));
  // hz is clamped to 1..500.
  EXPECT_EQ(set("hz", "0"), "OK");
  EXPECT_EQ(get("hz"), "1");
  EXPECT_EQ(opts_.hz, 1);
  EXPECT_EQ(set("hz", "1000"), "OK");
  EXPECT_EQ(get("hz"), "500");
  EXPECT_EQ(set("slowlog-log-slower-than", "-2"),
            failed("slowlog-log-slower-than",
                   "argument must be between -1 and 9223372036854775807 inclusive"));
  EXPECT_EQ(set("slowlog-log-slower-than", "-1"), "OK");
  EXPECT_EQ(opts_.slowlog_log_slower_than, -1);
  EXPECT_EQ(set("maxclients", "0"),
            failed("maxclients", "argument must be between 1 and 4294967295 inclusive"));
  EXPECT_EQ(set("maxclients", "4294967295"), "OK");
  EXPECT_EQ(set("hash-max-listpack-entries", "9223372036854775807"), "OK");
  EXPECT_EQ(set("hash-max-listpack-entries", "9223372036854775808"),
            failed("hash-max-listpack-entries", "argument couldn't be parsed into an integer"));
  EXPECT_EQ(set("list-max-listpack-size", "-5"), "OK");
  EXPECT_EQ(opts_.list_max_listpack_size, -5);
}

TEST_F(ConfigRegistryTest, MemoryValues) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"1K", "1000"},    {"1kb", "1024"},        {"1KB", "1024"},      {"1Kb", "1024"},
      {"1b", "1"},       {"", "0"},              {"0b", "0"},          {"gb", "0"},
      {"1m", "1000000"}, {"1g", "1000000000"},   {"1gB", "1073741824"}, {"2mb", "2097152"},
      {"18446744073709551615", "18446744073709551615"},
      {"18446744073709551616", "18446744073709551615"},  // strtoull saturates
      {"99999999999999999999", "18446744073709551615"},
      {"20000000000gb", "3028092406290448384"},  // and the product wraps
  };
  for (const auto& [in, out] : cases) {
    EXPECT_EQ(set("maxmemory", in), "OK") << in;
    EXPECT_EQ(get("maxmemory"), out) << in;
  }
  EXPECT_EQ(set("maxmemory", "100mb"), "OK");
  EXPECT_EQ(opts_.max_memory, 100u << 20);
  const std::string bad = failed("maxmemory", "argument must be a memory value");
  for (std::string_view in : {"1 gb", "1.5gb", "+1", "-0", "-1", " 1gb", "1 ", "1tb", "xyzzy"}) {
    EXPECT_EQ(set("maxmemory", in), bad) << in;
  }
  EXPECT_EQ(set("maxmemory", std::string(126, '0') + "5"), "OK");
  EXPECT_EQ(set("maxmemory", std::string(127, '0') + "5"), bad);
  // Signed memory parameters: beyond INT64_MAX is out of range, not wrapped.
  EXPECT_EQ(set("hash-max-listpack-value", "8gb"), "OK");
  EXPECT_EQ(get("hash-max-listpack-value"), "8589934592");
  EXPECT_EQ(set("hash-max-listpack-value", "9223372036854775808"),
            failed("hash-max-listpack-value",
                   "argument must be between 0 and 9223372036854775807 inclusive"));
  EXPECT_EQ(set("proto-max-bulk-len", "0"),
            failed("proto-max-bulk-len",
                   "argument must be between 1048576 and 9223372036854775807 inclusive"));
}

TEST_F(ConfigRegistryTest, MemoryOrPercent) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"10%", "10%"}, {"0%", "0"}, {"100%", "100%"}, {"1mb", "1048576"},
      {"99999999999999999999", "1%"},  // 2^64-1 read as the signed -1: one percent
      {"9223372036854775807", "9223372036854775807"},
  };
  for (const auto& [in, out] : cases) {
    EXPECT_EQ(set("maxmemory-clients", in), "OK") << in;
    EXPECT_EQ(get("maxmemory-clients"), out) << in;
  }
  const std::string bad = failed("maxmemory-clients", "argument must be a memory or percent value");
  for (std::string_view in : {"-5%", "05%", "+5%", "1.5%", "1kb%", "%", "x"}) {
    EXPECT_EQ(set("maxmemory-clients", in), bad) << in;
  }
  const std::string big =
      failed("maxmemory-clients", "percentage argument must be less or equal to 100");
  EXPECT_EQ(set("maxmemory-clients", "101%"), big);
  EXPECT_EQ(set("maxmemory-clients", "9223372036854775808"), big);
}

TEST_F(ConfigRegistryTest, Enums) {
  EXPECT_EQ(set("maxmemory-policy", "allkeys-LRU"), "OK");
  EXPECT_EQ(get("maxmemory-policy"), "allkeys-lru");
  EXPECT_EQ(opts_.eviction_policy, EvictionPolicy::kAllKeysLru);
  EXPECT_EQ(set("maxmemory-policy", "allkeys-lru volatile-lru"),
            failed("maxmemory-policy",
                   "argument(s) must be one of the following: volatile-lru, volatile-lfu, "
                   "volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, "
                   "noeviction"));
  EXPECT_EQ(set("appendfsync", ""),
            failed("appendfsync", "argument(s) must be one of the following: everysec, always, no"));
  // Two names for one value: GET prints the first.
  EXPECT_EQ(set("oom-score-adj", "relative"), "OK");
  EXPECT_EQ(get("oom-score-adj"), "yes");
  EXPECT_EQ(set("oom-score-adj", "absolute"), "OK");
  EXPECT_EQ(get("oom-score-adj"), "absolute");
}

TEST_F(ConfigRegistryTest, ShutdownFlags) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"nosave now", "nosave now"}, {"now nosave", "nosave now"}, {"default now", "now"},
      {"force", "force"},           {"now force save", "save now force"},
      {"NOW", "now"},               {"default", "default"},
  };
  for (const auto& [in, out] : cases) {
    EXPECT_EQ(set("shutdown-on-sigint", in), "OK") << in;
    EXPECT_EQ(get("shutdown-on-sigint"), out) << in;
  }
  EXPECT_EQ(set("shutdown-on-sigterm", "save nosave"),
            failed("shutdown-on-sigterm",
                   "shutdown options SAVE and NOSAVE can't be used simultaneously"));
  const std::string bad = failed(
      "shutdown-on-sigint",
      "argument(s) must be one of the following: default, save, nosave, now, force");
  EXPECT_EQ(set("shutdown-on-sigint", "now  force"), bad);
  EXPECT_EQ(set("shutdown-on-sigint", ""), bad);
}

TEST_F(ConfigRegistryTest, Strings) {
  EXPECT_EQ(set("requirepass", "a b"), "OK");
  EXPECT_EQ(get("requirepass"), "a b");
  EXPECT_EQ(set("ignore-warnings", "ARM64-COW-BUG"), "OK");
  EXPECT_EQ(get("ignore-warnings"), "ARM64-COW-BUG");
  const std::string bad = failed("proc-title-template",
                                 "template format is invalid or contains unknown variables");
  for (std::string_view t : {"{foo}", "{title}", "{title", "a{b", "{server-mode}", "   ", ""}) {
    EXPECT_EQ(set("proc-title-template", t), bad) << t;
  }
  for (std::string_view t : {"{{", "a {{ b }}", "}}", "a}b", "{port}", "{config-file}",
                             "{tls-port}", "{listen-addr}", "x"}) {
    EXPECT_EQ(set("proc-title-template", t), "OK") << t;
  }
  // {unixsocket} expands to the socket path: empty here.
  EXPECT_EQ(set("proc-title-template", "{unixsocket}"), bad);
}

TEST_F(ConfigRegistryTest, Save) {
  const std::pair<std::string_view, std::string_view> ok[] = {
      {"3600 1 300 100", "3600 1 300 100"}, {"", ""}, {"05 +1", "5 1"}, {"3600 ", "3600 0"},
      {"1 0", "1 0"}, {"99999999999999999999 1", "9223372036854775807 1"},
      {"1 99999999999999999999", "1 -1"}, {"1 4294967297", "1 1"}, {"10 1 10 1", "10 1 10 1"},
  };
  for (const auto& [in, out] : ok) {
    EXPECT_EQ(set("save", in), "OK") << in;
    EXPECT_EQ(get("save"), out) << in;
  }
  for (std::string_view in : {"3600 1 300", "abc 1", "3600 -1", "3600  1", " 3600 1 ", "0 0",
                              "1x 2", "-5 1", "3600", "1 +", "+ 1"}) {
    EXPECT_EQ(set("save", in), failed("save", "Invalid save parameters")) << in;
  }
}

TEST_F(ConfigRegistryTest, ClientOutputBufferLimit) {
  const std::string_view name = "client-output-buffer-limit";
  EXPECT_EQ(set(name, "normal 1mb 2mb 60"), "OK");
  EXPECT_EQ(get(name),
            "normal 1048576 2097152 60 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
  EXPECT_EQ(set(name, "replica 1 2 3"), "OK");
  EXPECT_EQ(set(name, "slave 1 2 3 pubsub 4 5 6"), "OK");
  EXPECT_EQ(set(name, "NORMAL 1 2 3"), "OK");
  EXPECT_EQ(get(name), "normal 1 2 3 slave 1 2 3 pubsub 4 5 6");
  const std::string cls =
      failed(name, "Invalid client class specified in buffer limit configuration.");
  EXPECT_EQ(set(name, "master 1 2 3"), cls);
  // All classes are checked before any changes.
  EXPECT_EQ(set(name, "normal 7 7 7 foo 1 2 3"), cls);
  EXPECT_EQ(get(name), "normal 1 2 3 slave 1 2 3 pubsub 4 5 6");
  const std::string values =
      failed(name, "Error in hard, soft or soft_seconds setting in buffer limit configuration.");
  EXPECT_EQ(set(name, "normal x 2 3"), values);
  EXPECT_EQ(set(name, "normal 1 2 -3"), values);
  EXPECT_EQ(set(name, "normal 1gb 0 99999999999999999999"), values);
  const std::string count =
      failed(name, "Wrong number of arguments in buffer limit configuration.");
  EXPECT_EQ(set(name, "normal 1 2"), count);
  EXPECT_EQ(set(name, "normal  1 2 3"), count);
  EXPECT_EQ(set(name, "normal 1 2 3 normal 4 5 6"), "OK");
  EXPECT_EQ(set(name, ""), "OK");
  EXPECT_EQ(set(name, "normal 99999999999999999999 0 4294967297"), "OK");
  EXPECT_EQ(get(name), "normal 18446744073709551615 0 1 slave 1 2 3 pubsub 4 5 6");
  EXPECT_EQ(set(name, "normal 0 0 +5"), "OK");
  EXPECT_EQ(set(name, "pubsub 0 0 "), "OK");
  EXPECT_EQ(get(name), "normal 0 0 5 slave 1 2 3 pubsub 0 0 0");
}

TEST_F(ConfigRegistryTest, NotifyKeyspaceEvents) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"KEA", "AKE"},          {"Ex", "xE"},      {"g$lshzxetmdn", "Am"}, {"K", "K"},
      {"Ag", "A"},             {"glKE", "glKE"},  {"nKE", "nKE"},         {"AnKE", "AKE"},
      {"dtexzhsl$nmEK", "$lshzxetdnKEm"},         {"AA", "A"},            {"", ""},
  };
  for (const auto& [in, out] : cases) {
    EXPECT_EQ(set("notify-keyspace-events", in), "OK") << in;
    EXPECT_EQ(get("notify-keyspace-events"), out) << in;
  }
  for (std::string_view in : {"kea", "A A", "x y"}) {
    EXPECT_EQ(set("notify-keyspace-events", in),
              failed("notify-keyspace-events",
                     "Invalid event class character. Use 'Ag$lshzxeKEtmdn'."));
  }
}

TEST_F(ConfigRegistryTest, OomScoreAdjValuesPercentilesBind) {
  const std::string_view oom = "oom-score-adj-values";
  const std::pair<std::string_view, std::string_view> ok[] = {
      {"1 2 3", "1 2 3"},       {"-2000 0 0", "-2000 0 0"}, {"10 5 3", "10 5 3"},
      {"05 +6 7", "5 6 7"},     {"1 2 ", "1 2 0"},          {" 1 2", "0 1 2"},
  };
  for (const auto& [in, out] : ok) {
    EXPECT_EQ(set(oom, in), "OK") << in;
    EXPECT_EQ(get(oom), out) << in;
  }
  const std::string range =
      failed(oom, "Invalid oom-score-adj-values, elements must be between -2000 and 2000.");
  for (std::string_view in : {"2001 0 0", "-2001 0 0", "1x 0 0", "a b c",
                              "99999999999999999999 0 0"}) {
    EXPECT_EQ(set(oom, in), range) << in;
  }
  for (std::string_view in : {"1 2", "1 2 3 4", "1  2 3", ""}) {
    EXPECT_EQ(set(oom, in), failed(oom, "wrong number of arguments")) << in;
  }

  const std::string_view pct = "latency-tracking-info-percentiles";
  const std::pair<std::string_view, std::string_view> pok[] = {
      {"50 99.9", "50 99.9"}, {"", ""}, {"100 0 0.5 1e1 33.333333333", "100 0 0.5 10 33.333333"},
      {"0x10", "16"}, {"+5 -0", "5 -0"},
      {"0.0000001 1e-7 99.9999999 12.3456785", "0 0 100 12.345678"},
  };
  for (const auto& [in, out] : pok) {
    EXPECT_EQ(set(pct, in), "OK") << in;
    EXPECT_EQ(get(pct), out) << in;
  }
  for (std::string_view in : {"abc", "1  2", "nan", " 5", "5 ", "1e400", "5.5.5"}) {
    EXPECT_EQ(set(pct, in), failed(pct, "Invalid latency-tracking-info-percentiles parameters"))
        << in;
  }
  for (std::string_view in : {"101", "-1", "inf"}) {
    EXPECT_EQ(set(pct, in),
              failed(pct, "latency-tracking-info-percentiles parameters should sit between "
                          "[0.0,100.0]"))
        << in;
  }

  EXPECT_EQ(set("bind", "127.0.0.1 ::1"), "OK");
  EXPECT_EQ(get("bind"), "127.0.0.1 ::1");
  EXPECT_EQ(set("bind", "a  b"), "OK");
  EXPECT_EQ(get("bind"), "a  b");
  EXPECT_EQ(set("bind", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16"), "OK");
  EXPECT_EQ(set("bind", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17"),
            failed("bind", "Too many bind addresses specified."));
}

TEST_F(ConfigRegistryTest, NamesAreCheckedBeforeValues) {
  EXPECT_EQ(set("foo", "bar"), "ERR Unknown option or number of arguments for CONFIG SET - 'foo'");
  EXPECT_EQ(set({{"hz", "x"}, {"foo", "1"}}),
            "ERR Unknown option or number of arguments for CONFIG SET - 'foo'");
  EXPECT_EQ(set({{"foo", "1"}, {"hz", "1"}, {"hz", "2"}}),
            "ERR Unknown option or number of arguments for CONFIG SET - 'foo'");
  EXPECT_EQ(set({{"hz", "1"}, {"hz", "2"}, {"foo", "1"}}), failed("hz", "duplicate parameter"));
  EXPECT_EQ(set({{"hz", "30"}, {"HZ", "40"}}), failed("HZ", "duplicate parameter"));
  EXPECT_EQ(set({{"hz", "x"}, {"daemonize", "no"}}), failed("daemonize", "can't set immutable config"));
  EXPECT_EQ(set({{"daemonize", "no"}, {"foo", "1"}}), failed("daemonize", "can't set immutable config"));
  EXPECT_EQ(set({{"dir", "/tmp"}, {"hz", "5"}}), failed("dir", "can't set protected config"));
  EXPECT_EQ(set("dbfilename", "x"), failed("dbfilename", "can't set protected config"));
  EXPECT_EQ(set("slaveof", "x"), failed("slaveof", "can't set immutable config"));
  EXPECT_EQ(set("databases", "16"), failed("databases", "can't set immutable config"));
  EXPECT_EQ(get("hz"), "10");
}

TEST_F(ConfigRegistryTest, MultiSetIsAtomic) {
  EXPECT_EQ(set({{"hz", "20"}, {"maxmemory", "1mb"}}), "OK");
  EXPECT_EQ(get("hz"), "20");
  EXPECT_EQ(opts_.max_memory, 1u << 20);
  EXPECT_EQ(set({{"hz", "50"}, {"maxmemory", "xx"}}),
            failed("maxmemory", "argument must be a memory value"));
  EXPECT_EQ(get("hz"), "20");
  EXPECT_EQ(opts_.hz, 20);
  EXPECT_EQ(set({{"hz", "x"}, {"hz", "y"}}), failed("hz", "duplicate parameter"));
  // An alias is another name: both apply, in order.
  EXPECT_EQ(set({{"slave-priority", "1"}, {"replica-priority", "2"}}), "OK");
  EXPECT_EQ(get("slave-priority"), "2");
  EXPECT_EQ(set({{"lua-time-limit", "3"}, {"busy-reply-threshold", "4"}}), "OK");
  EXPECT_EQ(get("lua-time-limit"), "4");
}

TEST_F(ConfigRegistryTest, AliasesShareTheBoundOptions) {
  EXPECT_EQ(set("hash-max-ziplist-entries", "3"), "OK");
  EXPECT_EQ(opts_.hash_max_listpack_entries, 3u);
  EXPECT_EQ(get("hash-max-listpack-entries"), "3");
  EXPECT_EQ(set("zset-max-ziplist-value", "1kb"), "OK");
  EXPECT_EQ(opts_.zset_max_listpack_value, 1024u);
  EXPECT_EQ(set("list-max-ziplist-size", "128"), "OK");
  EXPECT_EQ(get("list-max-listpack-size"), "128");
  EXPECT_EQ(set("set-max-intset-entries", "7"), "OK");
  EXPECT_EQ(opts_.set_max_intset_entries, 7u);
  EXPECT_EQ(set({{"lfu-log-factor", "3"}, {"lfu-decay-time", "4"}, {"slowlog-max-len", "5"},
                 {"zset-max-listpack-entries", "6"}, {"hash-max-listpack-value", "9"}}),
            "OK");
  EXPECT_EQ(opts_.lfu_log_factor, 3);
  EXPECT_EQ(opts_.lfu_decay_time, 4);
  EXPECT_EQ(opts_.slowlog_max_len, 5u);
  EXPECT_EQ(opts_.zset_max_listpack_entries, 6u);
  EXPECT_EQ(opts_.hash_max_listpack_value, 9u);
  // GET reads the Options: a store opened with other settings reports them.
  opts_.databases = 4;
  opts_.eviction_policy = EvictionPolicy::kVolatileTtl;
  EXPECT_EQ(get("databases"), "4");
  EXPECT_EQ(get("maxmemory-policy"), "volatile-ttl");
}

TEST_F(ConfigRegistryTest, ConfigFileOrigin) {
  using O = ConfigRegistry::Origin;
  EXPECT_EQ(set({{"daemonize", "no"}}, O::kConfigFile), "OK");
  EXPECT_EQ(set({{"unixsocket", "/tmp/x.sock"}}, O::kConfigFile), "OK");
  EXPECT_EQ(get("unixsocket"), "/tmp/x.sock");
  EXPECT_EQ(set({{"unixsocketperm", "700"}}, O::kConfigFile), "OK");
  EXPECT_EQ(get("unixsocketperm"), "700");
  EXPECT_EQ(set({{"unixsocketperm", "999"}}, O::kConfigFile),
            failed("unixsocketperm", "argument couldn't be parsed as an octal number"));
  EXPECT_EQ(set({{"io-threads", "200"}}, O::kConfigFile),
            failed("io-threads", "argument must be between 1 and 128 inclusive"));
  EXPECT_EQ(set({{"replicaof", "a"}}, O::kConfigFile),
            failed("replicaof", "wrong number of arguments"));
  EXPECT_EQ(set({{"replicaof", "127.0.0.1 6380"}}, O::kConfigFile), "OK");
  EXPECT_EQ(get("slaveof"), "127.0.0.1 6380");
  EXPECT_EQ(set({{"dir", "/nonexistent-kevy-dir"}}, O::kConfigFile),
            failed("dir", "No such file or directory"));
  // The first save line replaces the defaults, later ones add to it.
  EXPECT_EQ(set({{"save", "3600 1"}}, O::kConfigFile), "OK");
  EXPECT_EQ(set({{"save", "300 100"}}, O::kConfigFile), "OK");
  EXPECT_EQ(get("save"), "3600 1 300 100");
  EXPECT_EQ(set({{"save", ""}}, O::kConfigFile), "OK");
  EXPECT_EQ(get("save"), "");
  // databases sized the store: a config file may only repeat it.
  EXPECT_EQ(set({{"databases", "16"}}, O::kConfigFile), "OK");
  EXPECT_EQ(set({{"databases", "4"}}, O::kConfigFile),
            failed("databases", "can't set immutable config"));
}

}  // namespace
}  // namespace kevy
