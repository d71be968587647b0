// CONFIG GET / SET / RESETSTAT / REWRITE / HELP through the Store, and the Store's config API.
// Replies were recorded on redis-server 7.0.15 (the same sequences are in
// corpus/scripts/config.txt, where OBJECT ENCODING is compared by shape only, so the encodings
// are checked here).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "commands/client_host.h"
#include "commands/command_table.h"
#include "commands/config_cmds.h"
#include "core/keyspace.h"
#include "test_support/family_test.h"

namespace kevy {
namespace {

using std::string_view_literals::operator""sv;

class ConfigCmdTest : public FamilyTest {};

TEST_F(ConfigCmdTest, GetRepliesArrayOrMap) {
  EXPECT_EQ(run({"config", "get", "hz"}), "*2\r\n$2\r\nhz\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"config", "get", "HZ"}), "*2\r\n$2\r\nHZ\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"config", "get", "nosuch"}), "*0\r\n");
  EXPECT_EQ(run({"config", "get", "proto-max-*"}),
            "*2\r\n$18\r\nproto-max-bulk-len\r\n$9\r\n536870912\r\n");
  EXPECT_EQ(run({"config", "get"}), "-ERR wrong number of arguments for 'config|get' command\r\n");
  use_resp3();
  EXPECT_EQ(run({"config", "get", "hz"}), "%1\r\n$2\r\nhz\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"config", "get", "nosuch"}), "%0\r\n");
  EXPECT_EQ(run({"config", "get", "hz", "maxmemory"}),
            "%2\r\n$2\r\nhz\r\n$2\r\n10\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n");
}

TEST_F(ConfigCmdTest, SetArgumentsAndErrors) {
  EXPECT_EQ(run({"config", "set", "hz", "20", "maxmemory", "1mb"}), "+OK\r\n");
  EXPECT_EQ(run({"config", "get", "maxmemory"}), "*2\r\n$9\r\nmaxmemory\r\n$7\r\n1048576\r\n");
  EXPECT_EQ(run({"config", "set", "hz", "1", "maxmemory"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"config", "set", "hz"}),
            "-ERR wrong number of arguments for 'config|set' command\r\n");
  EXPECT_EQ(run({"config", "set", "foo", "bar"}),
            "-ERR Unknown option or number of arguments for CONFIG SET - 'foo'\r\n");
  EXPECT_EQ(run({"config", "set", "hz", "50", "maxmemory", "xx"}),
            "-ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must "
            "be a memory value\r\n");
  EXPECT_EQ(run({"config", "get", "hz"}), "*2\r\n$2\r\nhz\r\n$2\r\n20\r\n");
  EXPECT_EQ(run({"config", "set", "daemonize", "no"}),
            "-ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set "
            "immutable config\r\n");
}

TEST_F(ConfigCmdTest, HelpAndUnknownSubcommand) {
  const std::string help = run({"config", "help"});
  EXPECT_EQ(help.rfind("*11\r\n+CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                       "+GET <pattern>\r\n",
                       0),
            0u);
  EXPECT_NE(help.find("+    Rewrite the configuration file.\r\n+HELP\r\n+    Prints this help.\r\n"),
            std::string::npos);
  EXPECT_EQ(run({"config", "nosuch"}), "-ERR unknown subcommand 'nosuch'. Try CONFIG HELP.\r\n");
  EXPECT_EQ(run({"config"}), "-ERR wrong number of arguments for 'config' command\r\n");
  EXPECT_EQ(run({"config", "help", "x"}),
            "-ERR wrong number of arguments for 'config|help' command\r\n");
}

// CONFIG SET of a threshold changes the encoding chosen by the next write of a key.
TEST_F(ConfigCmdTest, EncodingThresholdsTakeEffectOnTheNextWrite) {
  EXPECT_EQ(run({"config", "set", "hash-max-listpack-entries", "2"}), "+OK\r\n");
  run({"hset", "h", "a", "1", "b", "2"});
  EXPECT_EQ(run({"object", "encoding", "h"}), "$8\r\nlistpack\r\n");
  run({"hset", "h", "c", "3"});
  EXPECT_EQ(run({"object", "encoding", "h"}), "$9\r\nhashtable\r\n");

  EXPECT_EQ(run({"config", "set", "hash-max-ziplist-entries", "512", "hash-max-ziplist-value",
                 "3"}),
            "+OK\r\n");
  run({"hset", "h2", "a", "123"});
  EXPECT_EQ(run({"object", "encoding", "h2"}), "$8\r\nlistpack\r\n");
  run({"hset", "h2", "b", "1234"});
  EXPECT_EQ(run({"object", "encoding", "h2"}), "$9\r\nhashtable\r\n");

  EXPECT_EQ(run({"config", "set", "set-max-intset-entries", "2"}), "+OK\r\n");
  run({"sadd", "s", "1", "2"});
  EXPECT_EQ(run({"object", "encoding", "s"}), "$6\r\nintset\r\n");
  run({"sadd", "s", "3"});
  EXPECT_EQ(run({"object", "encoding", "s"}), "$9\r\nhashtable\r\n");

  EXPECT_EQ(run({"config", "set", "zset-max-listpack-entries", "1"}), "+OK\r\n");
  run({"zadd", "z", "1", "a"});
  EXPECT_EQ(run({"object", "encoding", "z"}), "$8\r\nlistpack\r\n");
  run({"zadd", "z", "2", "b"});
  EXPECT_EQ(run({"object", "encoding", "z"}), "$8\r\nskiplist\r\n");

  EXPECT_EQ(run({"config", "set", "zset-max-ziplist-entries", "128", "zset-max-listpack-value",
                 "2"}),
            "+OK\r\n");
  run({"zadd", "z2", "1", "ab"});
  EXPECT_EQ(run({"object", "encoding", "z2"}), "$8\r\nlistpack\r\n");
  run({"zadd", "z2", "2", "abc"});
  EXPECT_EQ(run({"object", "encoding", "z2"}), "$8\r\nskiplist\r\n");

  // An existing small hash keeps its encoding until it is written.
  EXPECT_EQ(run({"config", "set", "hash-max-listpack-entries", "512"}), "+OK\r\n");
  run({"hset", "h3", "a", "1", "b", "2", "c", "3"});
  EXPECT_EQ(run({"config", "set", "hash-max-listpack-entries", "1"}), "+OK\r\n");
  EXPECT_EQ(run({"object", "encoding", "h3"}), "$8\r\nlistpack\r\n");
  run({"hset", "h3", "d", "4"});
  EXPECT_EQ(run({"object", "encoding", "h3"}), "$9\r\nhashtable\r\n");
}

// maxmemory-policy decides whether OBJECT FREQ or OBJECT IDLETIME answers.
TEST_F(ConfigCmdTest, EvictionPolicyTakesEffect) {
  run({"set", "k", "v"});
  const std::string freq_refused =
      "-ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note "
      "that when switching between policies at runtime LRU and LFU data will take some time to "
      "adjust.\r\n";
  EXPECT_EQ(run({"object", "freq", "k"}), freq_refused);
  EXPECT_EQ(run({"config", "set", "maxmemory-policy", "allkeys-lfu"}), "+OK\r\n");
  EXPECT_EQ(run({"object", "idletime", "k"}),
            "-ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that "
            "when switching between policies at runtime LRU and LFU data will take some time to "
            "adjust.\r\n");
  EXPECT_EQ(run({"object", "freq", "k"}).substr(0, 1), ":");
  EXPECT_EQ(run({"config", "set", "maxmemory-policy", "volatile-lru"}), "+OK\r\n");
  EXPECT_EQ(run({"object", "freq", "k"}), freq_refused);
}

TEST_F(ConfigCmdTest, RewriteNeedsAConfigFile) {
  EXPECT_EQ(run({"config", "rewrite"}), "-ERR The server is running without a config file\r\n");
  const auto path = std::filesystem::temp_directory_path() /
                    ("kevy-config-cmd-" + std::to_string(reinterpret_cast<uintptr_t>(this)) +
                     ".conf");
  std::ofstream(path) << "# kept\nhz 15\nmaxmemory 1mb\n";
  store_.set_config_file(path.string());
  EXPECT_EQ(run({"config", "set", "hz", "25", "maxmemory", "2gb"}), "+OK\r\n");
  EXPECT_EQ(run({"config", "rewrite"}), "+OK\r\n");
  std::stringstream text;
  text << std::ifstream(path).rdbuf();
  EXPECT_EQ(text.str().rfind("# kept\nhz 25\nmaxmemory 2gb\n\n# Generated by CONFIG REWRITE\n", 0),
            0u);
  std::filesystem::remove(path);
}

TEST_F(ConfigCmdTest, StoreConfigApi) {
  EXPECT_EQ(store_.config_get("maxmemory-policy").value(), "noeviction");
  EXPECT_EQ(store_.config_get("SLAVE-PRIORITY").value(), "100");
  EXPECT_EQ(store_.config_get("nosuch").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store_.config_set("maxmemory", "1gb").is_ok());
  EXPECT_EQ(store_.config_get("maxmemory").value(), "1073741824");
  EXPECT_EQ(run({"config", "get", "maxmemory"}), "*2\r\n$9\r\nmaxmemory\r\n$10\r\n1073741824\r\n");
  Status s = store_.config_set("hz", "x");
  EXPECT_EQ(s.message(),
            "ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be "
            "parsed into an integer");
  EXPECT_TRUE(store_.config_set("port", "6380").is_ok());
  EXPECT_EQ(store_.config_get("port").value(), "6380");
  // Immutable parameters: refused as CONFIG SET, accepted from a config file.
  EXPECT_FALSE(store_.config_set("unixsocket", "/tmp/k.sock").is_ok());
  EXPECT_TRUE(store_.config_set("unixsocket", "/tmp/k.sock", ConfigOrigin::kConfigFile).is_ok());
  EXPECT_EQ(store_.config_get("unixsocket").value(), "/tmp/k.sock");
}

// RESETSTAT zeroes the keyspace counters and the command statistics, and asks the host to
// reset its own.
class CountingHost : public ClientHost {
 public:
  HostStats stats() const override { return {}; }
  void reset_stats() override { ++resets; }
  std::vector<ClientInfo> clients() const override { return {}; }
  int64_t kill(const ClientKillFilter&, int64_t) override { return 0; }
  int resets = 0;
};

TEST(ConfigResetstat, ResetsKeyspaceStatsAndCallsTheHost) {
  Keyspace ks{Options{}};
  Session session;
  CommandContext ctx{ks, session};
  auto run = [&](std::initializer_list<std::string_view> argv) {
    Args args(argv.begin(), argv.size());
    Reply error;
    const CommandSpec* spec = CommandTable::instance().resolve(args, &error);
    return spec == nullptr ? error : spec->handler(ctx, args);
  };
  ks.stats().keyspace_hits = 3;
  ks.stats().keyspace_misses = 4;
  ks.stats().expired_keys = 5;
  EXPECT_EQ(run({"config", "resetstat"}).to_resp(2), "+OK\r\n");
  EXPECT_EQ(ks.stats().keyspace_hits, 0u);
  EXPECT_EQ(ks.stats().keyspace_misses, 0u);
  EXPECT_EQ(ks.stats().expired_keys, 0u);
  CountingHost host;
  session.host = &host;
  EXPECT_EQ(run({"config", "resetstat"}).to_resp(2), "+OK\r\n");
  EXPECT_EQ(host.resets, 1);
  EXPECT_EQ(run({"config", "resetstat", "x"}).to_resp(2),
            "-ERR wrong number of arguments for 'config|resetstat' command\r\n");
}

TEST(ConfigSetEffects, LatencyTrackingReachesServerStats) {
  Keyspace ks{Options{}};
  const ConfigRegistry::NameValue pairs[] = {{"latency-tracking", "no"},
                                             {"latency-tracking-info-percentiles", "50 90"}};
  ASSERT_TRUE(config_set(ks, pairs).is_ok());
  EXPECT_FALSE(ks.instance().stats.latency_tracking());
  EXPECT_EQ(ks.instance().stats.info_percentiles(), (std::vector<double>{50, 90}));
}

}  // namespace
}  // namespace kevy
