// INFO, SLOWLOG, LATENCY and LASTSAVE against redis-server 7.0.15. Exact replies (errors, help
// texts, empty-monitor LATENCY replies, section selection) were recorded on the oracle; INFO's
// field names and order are compared with info_fields_oracle.inc (corpus/gen_info_fields.py
// regenerates it from the oracle's `INFO everything`); values that differ by design (times,
// ids, memory) are checked for their format, deterministic ones exactly.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command_stats.h"
#include "commands/info_sections.h"
#include "test_support/family_test.h"

namespace kevy {
namespace {

using std::string_view_literals::operator""sv;

struct OracleSection {
  std::string_view name;
  std::vector<std::string_view> fields;
};

const std::vector<OracleSection>& oracle_sections() {
  static const std::vector<OracleSection> sections = {
#include "commands/info_fields_oracle.inc"
  };
  return sections;
}

struct Section {
  std::string name;
  std::vector<std::string> lines;  // "field:value"
};

// INFO text -> sections, checking the framing: "# Name\r\n" headers, "\r\n" line ends, one
// blank line between sections.
std::vector<Section> parse_info(const std::string& text) {
  std::vector<Section> out;
  size_t pos = 0;
  bool blank_before = true;
  while (pos < text.size()) {
    const size_t end = text.find("\r\n", pos);
    EXPECT_NE(end, std::string::npos) << "line without \\r\\n at " << pos;
    if (end == std::string::npos) break;
    const std::string line = text.substr(pos, end - pos);
    pos = end + 2;
    if (line.empty()) {
      blank_before = true;
      continue;
    }
    if (line.rfind("# ", 0) == 0) {
      EXPECT_TRUE(blank_before || out.empty()) << line;
      out.push_back({line.substr(2), {}});
    } else {
      EXPECT_FALSE(out.empty()) << line;
      EXPECT_FALSE(blank_before && !out.empty() && !out.back().lines.empty()) << line;
      if (!out.empty()) out.back().lines.push_back(line);
    }
    blank_before = false;
  }
  return out;
}

std::vector<std::string> headers(const std::vector<Section>& sections) {
  std::vector<std::string> out;
  for (const Section& s : sections) out.push_back(s.name);
  return out;
}

// field -> value of one section.
std::map<std::string, std::string> fields(const Section& s) {
  std::map<std::string, std::string> out;
  for (const std::string& line : s.lines) {
    const size_t colon = line.find(':');
    out[line.substr(0, colon)] = colon == std::string::npos ? "" : line.substr(colon + 1);
  }
  return out;
}

// "calls=1,usec=3,..." -> {calls: 1, usec: 3, ...}
std::map<std::string, std::string> pairs(const std::string& value) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos <= value.size()) {
    size_t comma = value.find(',', pos);
    if (comma == std::string::npos) comma = value.size();
    const std::string item = value.substr(pos, comma - pos);
    const size_t eq = item.find('=');
    out[item.substr(0, eq)] = eq == std::string::npos ? "" : item.substr(eq + 1);
    pos = comma + 1;
  }
  return out;
}

class InfoCmdTest : public FamilyTest {
 protected:
  std::string info_text(std::initializer_list<std::string_view> args) {
    std::vector<std::string_view> argv = {"INFO"};
    argv.insert(argv.end(), args.begin(), args.end());
    const Reply r = store_.execute(argv, session_);
    EXPECT_EQ(r.type(), Reply::Type::kVerbatim);
    EXPECT_EQ(r.verbatim_format(), "txt");
    return r.str();
  }
  std::vector<Section> info(std::initializer_list<std::string_view> args) {
    return parse_info(info_text(args));
  }
  // One section's fields (INFO <name>).
  std::map<std::string, std::string> section(std::string_view name) {
    auto s = info({name});
    EXPECT_EQ(s.size(), 1u);
    return s.empty() ? std::map<std::string, std::string>{} : fields(s[0]);
  }
};

const std::vector<std::string> kDefault = {"Server", "Clients", "Memory", "Persistence",
                                           "Stats", "Replication", "CPU", "Modules",
                                           "Errorstats", "Cluster", "Keyspace"};
const std::vector<std::string> kAll = {"Server", "Clients", "Memory", "Persistence", "Stats",
                                       "Replication", "CPU", "Modules", "Commandstats",
                                       "Errorstats", "Latencystats", "Cluster", "Keyspace"};

TEST_F(InfoCmdTest, FieldNamesAndOrderMatchOracle) {
  // Something in every dynamic section.
  EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "nokey"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"GET"sv}), "-ERR wrong number of arguments for 'get' command\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "k"sv}), "$6\r\nembstr\r\n"sv);
  const auto got = info({"everything"});
  std::vector<std::string> oracle_headers;
  for (const OracleSection& s : oracle_sections()) oracle_headers.emplace_back(s.name);
  ASSERT_EQ(headers(got), oracle_headers);
  const std::map<std::string, std::regex> dynamic = {
      {"Commandstats",
       std::regex(R"(cmdstat_[a-z|_-]+:calls=\d+,usec=\d+,usec_per_call=\d+\.\d\d,)"
                  R"(rejected_calls=\d+,failed_calls=\d+)")},
      {"Errorstats", std::regex(R"(errorstat_[A-Z]+:count=\d+)")},
      {"Latencystats",
       std::regex(R"(latency_percentiles_usec_[a-z|_-]+:p50=\d+\.\d{3},p99=\d+\.\d{3},)"
                  R"(p99\.9=\d+\.\d{3})")},
      {"Keyspace", std::regex(R"(db\d+:keys=\d+,expires=\d+,avg_ttl=\d+)")},
  };
  for (size_t i = 0; i < got.size(); ++i) {
    const OracleSection& want = oracle_sections()[i];
    auto it = dynamic.find(got[i].name);
    if (it != dynamic.end()) {
      EXPECT_FALSE(got[i].lines.empty()) << got[i].name;
      for (const std::string& line : got[i].lines) {
        EXPECT_TRUE(std::regex_match(line, it->second)) << line;
      }
      continue;
    }
    std::vector<std::string> names;
    for (const std::string& line : got[i].lines) names.push_back(line.substr(0, line.find(':')));
    EXPECT_EQ(names, std::vector<std::string>(want.fields.begin(), want.fields.end()))
        << got[i].name;
  }
}

TEST_F(InfoCmdTest, SectionSelection) {
  EXPECT_EQ(headers(info({})), kDefault);
  EXPECT_EQ(headers(info({"default"})), kDefault);
  EXPECT_EQ(headers(info({"all"})), kAll);
  EXPECT_EQ(headers(info({"everything"})), kAll);
  EXPECT_EQ(headers(info({"all", "foo"})), kAll);
  EXPECT_EQ(headers(info({"Server", "all"})), kAll);
  EXPECT_EQ(headers(info({"everything", "keyspace"})), kAll);
  std::vector<std::string> with_cmdstats = kDefault;
  with_cmdstats.insert(with_cmdstats.begin() + 8, "Commandstats");
  EXPECT_EQ(headers(info({"default", "commandstats"})), with_cmdstats);
  // Fixed order whatever the argument order; each section once.
  EXPECT_EQ(headers(info({"keyspace", "foo", "server"})),
            (std::vector<std::string>{"Server", "Keyspace"}));
  EXPECT_EQ(headers(info({"Keyspace", "KEYSPACE"})), (std::vector<std::string>{"Keyspace"}));
  EXPECT_EQ(headers(info({"modules"})), (std::vector<std::string>{"Modules"}));
  EXPECT_EQ(headers(info({"cpu"})), (std::vector<std::string>{"CPU"}));
  EXPECT_EQ(headers(info({"latencystats"})), (std::vector<std::string>{"Latencystats"}));
  EXPECT_EQ(headers(info({"commandstats", "errorstats", "stats"})),
            (std::vector<std::string>{"Stats", "Commandstats", "Errorstats"}));
  // Unknown sections: an empty string.
  EXPECT_EQ(run({"INFO"sv, "foo"sv}), "$0\r\n\r\n"sv);
  use_resp3();
  EXPECT_EQ(run({"INFO"sv, "foo"sv}), "=4\r\ntxt:\r\n"sv);
}

TEST_F(InfoCmdTest, KeyspaceSectionExact) {
  EXPECT_EQ(run({"INFO"sv, "keyspace"sv}), "$12\r\n# Keyspace\r\n\r\n"sv);
  EXPECT_EQ(run({"LPUSH"sv, "l"sv, "a"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"INFO"sv, "keyspace"sv}),
            "$44\r\n# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n\r\n"sv);
  use_resp3();
  EXPECT_EQ(run({"INFO"sv, "keyspace"sv}),
            "=48\r\ntxt:# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "1"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "3"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "x"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(info_text({"keyspace"}),
            "# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=0\r\ndb3:keys=1,expires=0,avg_ttl=0\r\n");
}

TEST_F(InfoCmdTest, CommandAndErrorStats) {
  // The oracle's sequence (CONFIG GET replaced by OBJECT ENCODING, another subcommand).
  EXPECT_EQ(run({"LPUSH"sv, "l"sv, "a"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "l"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"GET"sv}), "-ERR wrong number of arguments for 'get' command\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv}),
            "-ERR wrong number of arguments for 'object|encoding' command\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "foo"sv}), "-ERR unknown subcommand 'foo'. Try OBJECT HELP.\r\n"sv);
  EXPECT_EQ(run({"foocmd"sv}), "-ERR unknown command 'foocmd', with args beginning with: \r\n"sv);
  EXPECT_EQ(run({"GET"sv, "a"sv, "b"sv}), "-ERR wrong number of arguments for 'get' command\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "GET"sv, "x"sv}),
            "-ERR count should be greater than or equal to -1\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv}), "-ERR wrong number of arguments for 'slowlog' command\r\n"sv);

  const auto sections = info({"commandstats", "errorstats", "stats"});
  ASSERT_EQ(sections.size(), 3u);
  const auto stats = fields(sections[0]);
  EXPECT_EQ(stats.at("total_commands_processed"), "3");  // rejected commands do not count
  EXPECT_EQ(stats.at("total_error_replies"), "8");
  std::map<std::string, std::map<std::string, std::string>> cmd;
  for (const auto& [name, value] : fields(sections[1])) cmd[name] = pairs(value);
  std::vector<std::string> names;
  for (const auto& [name, value] : cmd) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"cmdstat_get", "cmdstat_lpush",
                                             "cmdstat_object|encoding", "cmdstat_slowlog",
                                             "cmdstat_slowlog|get"}));
  auto counts = [&](const std::string& name) {
    const auto& c = cmd[name];
    return c.at("calls") + "/" + c.at("rejected_calls") + "/" + c.at("failed_calls");
  };
  EXPECT_EQ(counts("cmdstat_get"), "1/2/1");
  EXPECT_EQ(counts("cmdstat_lpush"), "1/0/0");
  EXPECT_EQ(counts("cmdstat_object|encoding"), "0/1/0");
  EXPECT_EQ(counts("cmdstat_slowlog"), "0/1/0");
  EXPECT_EQ(counts("cmdstat_slowlog|get"), "1/0/1");
  EXPECT_EQ(cmd["cmdstat_object|encoding"].at("usec"), "0");
  EXPECT_EQ(cmd["cmdstat_object|encoding"].at("usec_per_call"), "0.00");
  EXPECT_EQ(sections[2].lines,
            (std::vector<std::string>{"errorstat_ERR:count=7", "errorstat_WRONGTYPE:count=1"}));
  // The INFO call above is counted after it ran.
  EXPECT_EQ(section("stats").at("total_commands_processed"), "4");
}

// Slow calls (here DEBUG SLEEP advancing the manual clock) average into usec_per_call; the
// percentiles come from the histogram.
TEST_F(InfoCmdTest, CommandStatsTimesAndLatencyStats) {
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.05"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.002"sv}), "+OK\r\n"sv);
  const auto cmd = pairs(section("commandstats").at("cmdstat_debug"));
  EXPECT_EQ(cmd.at("calls"), "2");
  const int64_t usec = std::stoll(cmd.at("usec"));
  EXPECT_GE(usec, 52000);
  EXPECT_LT(usec, 52000 + 200000);  // real time on top of the manual clock's 52 ms
  const auto lat = pairs(section("latencystats").at("latency_percentiles_usec_debug"));
  EXPECT_EQ(lat.size(), 3u);
  EXPECT_GE(std::stod(lat.at("p50")), 2000.0);
  EXPECT_GE(std::stod(lat.at("p99")), 50000.0);
  EXPECT_EQ(lat.at("p99"), lat.at("p99.9"));
}

TEST_F(InfoCmdTest, ServerValues) {
  advance_ms(2 * 86400 * 1000 + 5000);
  const auto s = section("server");
  EXPECT_EQ(s.at("redis_version"), "7.0.15");
  EXPECT_EQ(s.at("redis_mode"), "standalone");
  EXPECT_EQ(s.at("arch_bits"), std::to_string(sizeof(void*) * 8));
  EXPECT_EQ(s.at("tcp_port"), "0");
  EXPECT_EQ(s.at("uptime_in_seconds"), std::to_string(2 * 86400 + 5));
  EXPECT_EQ(s.at("uptime_in_days"), "2");
  EXPECT_EQ(s.at("server_time_usec"), std::to_string((1700000000000 + 2 * 86400000 + 5000) * 1000));
  EXPECT_EQ(s.at("hz"), "10");
  EXPECT_EQ(s.at("configured_hz"), "10");
  EXPECT_TRUE(std::regex_match(s.at("run_id"), std::regex("[0-9a-f]{40}")));
  EXPECT_EQ(s.at("run_id"), section("server").at("run_id"));  // stable
  EXPECT_EQ(s.at("config_file"), "");
  const auto c = section("clients");
  EXPECT_EQ(c.at("connected_clients"), "1");
  EXPECT_EQ(c.at("maxclients"), "10000");
  const auto r = section("replication");
  EXPECT_EQ(r.at("role"), "master");
  EXPECT_TRUE(std::regex_match(r.at("master_replid"), std::regex("[0-9a-f]{40}")));
  EXPECT_EQ(r.at("master_replid2"), std::string(40, '0'));
  EXPECT_EQ(section("cluster").at("cluster_enabled"), "0");
  for (const auto& [name, value] : section("cpu")) {
    EXPECT_TRUE(std::regex_match(value, std::regex(R"(\d+\.\d{6})"))) << name;
  }
}

TEST_F(InfoCmdTest, PersistenceStatsAndMemoryValues) {
  EXPECT_EQ(run({"SET"sv, "a"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "b"sv, "1"sv, "EX"sv, "0"sv}),
            "-ERR invalid expire time in 'set' command\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "a"sv}), "$1\r\n1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "zz"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"DEL"sv, "a"sv}), ":1\r\n"sv);
  const auto p = section("persistence");
  EXPECT_EQ(p.at("loading"), "0");
  EXPECT_EQ(p.at("rdb_changes_since_last_save"), "2");  // SET and DEL; not the failed SET
  EXPECT_EQ(p.at("rdb_last_save_time"), "1700000000");
  EXPECT_EQ(p.at("aof_enabled"), "0");
  EXPECT_EQ(p.at("rdb_last_bgsave_status"), "ok");
  const auto st = section("stats");
  EXPECT_EQ(st.at("keyspace_hits"), "1");
  EXPECT_EQ(st.at("keyspace_misses"), "1");
  EXPECT_EQ(st.at("expired_keys"), "0");
  EXPECT_EQ(st.at("evicted_keys"), "0");
  EXPECT_EQ(st.at("total_connections_received"), "0");
  EXPECT_EQ(st.at("expired_stale_perc"), "0.00");
  EXPECT_EQ(st.at("instantaneous_input_kbps"), "0.00");

  const auto m0 = section("memory");
  EXPECT_EQ(m0.at("maxmemory"), "0");
  EXPECT_EQ(m0.at("maxmemory_human"), "0B");
  EXPECT_EQ(m0.at("maxmemory_policy"), "noeviction");
  EXPECT_EQ(m0.at("mem_allocator"), "libc");
  EXPECT_EQ(m0.at("used_memory_human"), bytes_to_human(std::stoull(m0.at("used_memory"))));
  for (int i = 0; i < 1000; ++i) {
    const std::string k = "key:" + std::to_string(i);
    EXPECT_EQ(run({"SET"sv, k, std::string(100, 'v')}), "+OK\r\n"sv);
  }
  const auto m1 = section("memory");
  const uint64_t used0 = std::stoull(m0.at("used_memory"));
  const uint64_t used1 = std::stoull(m1.at("used_memory"));
  EXPECT_GT(used1, used0 + 1000 * 100);
  EXPECT_EQ(std::stoull(m1.at("used_memory_dataset")) + std::stoull(m1.at("used_memory_overhead")),
            used1);
  EXPECT_EQ(m1.at("used_memory_peak"), m1.at("used_memory"));
  EXPECT_EQ(m1.at("used_memory_peak_perc"), "100.00%");
  EXPECT_EQ(run({"FLUSHALL"sv}), "+OK\r\n"sv);
  const auto m2 = section("memory");
  EXPECT_EQ(m2.at("used_memory_peak"), m1.at("used_memory"));  // the peak stays
  EXPECT_LT(std::stoull(m2.at("used_memory")), used1);
}

// 10 commands, then 100 ms later one more: a sample of 100 ops/s in one of the 16 slots.
TEST_F(InfoCmdTest, InstantaneousOps) {
  for (int i = 0; i < 10; ++i) EXPECT_EQ(run({"PING"sv}), "+PONG\r\n"sv);
  advance_ms(100);
  EXPECT_EQ(run({"PING"sv}), "+PONG\r\n"sv);
  EXPECT_EQ(section("stats").at("instantaneous_ops_per_sec"), "6");
}

TEST(InfoFormatTest, BytesToHuman) {
  EXPECT_EQ(bytes_to_human(0), "0B");
  EXPECT_EQ(bytes_to_human(1023), "1023B");
  EXPECT_EQ(bytes_to_human(1024), "1.00K");
  EXPECT_EQ(bytes_to_human(990648), "967.43K");        // oracle's used_memory_human
  EXPECT_EQ(bytes_to_human(12288000), "11.72M");       // used_memory_rss_human
  EXPECT_EQ(bytes_to_human(25276514304ULL), "23.54G");  // total_system_memory_human
  EXPECT_EQ(bytes_to_human(1ULL << 40), "1.00T");
  EXPECT_EQ(bytes_to_human(1ULL << 50), "1.00P");
  EXPECT_EQ(bytes_to_human(1ULL << 60), "1152921504606846976B");
  EXPECT_EQ(percentile_name(50), "50");
  EXPECT_EQ(percentile_name(99.9), "99.9");
  EXPECT_EQ(percentile_name(99.99), "99.99");
}

TEST_F(InfoCmdTest, Lastsave) {
  EXPECT_EQ(run({"LASTSAVE"sv}), ":1700000000\r\n"sv);
  advance_ms(5000);
  EXPECT_EQ(run({"LASTSAVE"sv}), ":1700000000\r\n"sv);
  EXPECT_EQ(run({"LASTSAVE"sv, "x"sv}), "-ERR wrong number of arguments for 'lastsave' command\r\n"sv);
}

// ---- SLOWLOG ----

TEST_F(InfoCmdTest, SlowlogRepliesAndErrors) {
  EXPECT_EQ(run({"SLOWLOG"sv, "HELP"sv}),
            "*12\r\n+SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
            "+GET [<count>]\r\n"
            "+    Return top <count> entries from the slowlog (default: 10, -1 mean all).\r\n"
            "+    Entries are made of:\r\n"
            "+    id, timestamp, time in microseconds, arguments array, client IP and port,\r\n"
            "+    client name\r\n+LEN\r\n+    Return the length of the slowlog.\r\n+RESET\r\n"
            "+    Reset the slowlog.\r\n+HELP\r\n+    Prints this help.\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "GET"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "GET"sv, "-1"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "GET"sv, "0"sv}), "*0\r\n"sv);
  for (std::string_view bad : {"-2"sv, "abc"sv, "99999999999999999999"sv, "1.5"sv}) {
    EXPECT_EQ(run({"SLOWLOG"sv, "GET"sv, bad}),
              "-ERR count should be greater than or equal to -1\r\n"sv);
  }
  EXPECT_EQ(run({"SLOWLOG"sv, "GET"sv, "1"sv, "2"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG "
            "HELP.\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "LEN"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "RESET"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "foo"sv}), "-ERR unknown subcommand 'foo'. Try SLOWLOG HELP.\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "LEN"sv, "x"sv}),
            "-ERR wrong number of arguments for 'slowlog|len' command\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "RESET"sv, "x"sv}),
            "-ERR wrong number of arguments for 'slowlog|reset' command\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv}), "-ERR wrong number of arguments for 'slowlog' command\r\n"sv);
}

TEST_F(InfoCmdTest, DebugSleepLandsInSlowlog) {
  session_.name = "worker";
  EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv}), "+OK\r\n"sv);  // fast: below 10000 us
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"debug"sv, "sleep"sv, "0.02"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.001"sv}), "+OK\r\n"sv);  // 1000 us: not slow
  EXPECT_EQ(run({"SLOWLOG"sv, "LEN"sv}), ":2\r\n"sv);
  const Reply all = reply({"SLOWLOG"sv, "GET"sv});
  ASSERT_EQ(all.elements().size(), 2u);
  const Reply& e = all.elements()[1];  // newest first: the 0.1 s sleep is second
  ASSERT_EQ(e.elements().size(), 6u);
  EXPECT_EQ(e.elements()[0], Reply::integer(0));
  EXPECT_EQ(e.elements()[1], Reply::integer(1700000000));
  EXPECT_GE(e.elements()[2].integer_value(), 100000);
  EXPECT_LT(e.elements()[2].integer_value(), 100000 + 200000);
  EXPECT_EQ(e.elements()[3], Reply::array({Reply::bulk("DEBUG"), Reply::bulk("SLEEP"),
                                           Reply::bulk("0.1")}));
  EXPECT_EQ(e.elements()[4], Reply::bulk(""));
  EXPECT_EQ(e.elements()[5], Reply::bulk("worker"));
  const Reply& newest = all.elements()[0];
  EXPECT_EQ(newest.elements()[0], Reply::integer(1));
  EXPECT_EQ(newest.elements()[1], Reply::integer(1700000000));  // 1700000000.1 s
  EXPECT_EQ(newest.elements()[3], Reply::array({Reply::bulk("debug"), Reply::bulk("sleep"),
                                                Reply::bulk("0.02")}));
  EXPECT_EQ(reply({"SLOWLOG"sv, "GET"sv, "1"sv}).elements().size(), 1u);
  EXPECT_EQ(reply({"SLOWLOG"sv, "GET"sv, "1"sv}).elements()[0], newest);
  EXPECT_EQ(reply({"SLOWLOG"sv, "GET"sv, "-1"sv}), all);
  // RESP3 keeps arrays.
  use_resp3();
  EXPECT_EQ(run({"SLOWLOG"sv, "GET"sv, "1"sv}).substr(0, 8), "*1\r\n*6\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "RESET"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SLOWLOG"sv, "LEN"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(reply({"SLOWLOG"sv, "GET"sv}).elements()[0].elements()[0], Reply::integer(2));
}

TEST(SlowlogOptionsTest, ThresholdMaxLenAndRedaction) {
  auto clock = std::make_shared<ManualClock>(1700000000000);
  Options opts = Options{}.with_clock(clock);
  opts.slowlog_log_slower_than = 0;  // every command
  opts.slowlog_max_len = 3;
  Store store = std::move(Store::open(opts).value());
  Session s;
  auto exec = [&](std::initializer_list<std::string_view> argv) {
    return store.execute(std::span<const std::string_view>(argv.begin(), argv.size()), s);
  };
  exec({"SET", "k", "v"});
  exec({"HELLO", "2", "AUTH", "default", "secret", "SETNAME", "me"});
  exec({"GET"});  // rejected: never logged
  exec({"nosuch"});
  const Reply log = exec({"SLOWLOG", "GET", "-1"});
  ASSERT_EQ(log.elements().size(), 2u);
  EXPECT_EQ(log.elements()[0].elements()[3],
            Reply::array({Reply::bulk("HELLO"), Reply::bulk("2"), Reply::bulk("AUTH"),
                          Reply::bulk("(redacted)"), Reply::bulk("(redacted)"),
                          Reply::bulk("SETNAME"), Reply::bulk("me")}));
  // HELLO's SETNAME happened before it was logged.
  EXPECT_EQ(log.elements()[0].elements()[5], Reply::bulk("me"));
  EXPECT_EQ(log.elements()[1].elements()[3],
            Reply::array({Reply::bulk("SET"), Reply::bulk("k"), Reply::bulk("v")}));
  for (int i = 0; i < 5; ++i) exec({"PING"});
  EXPECT_EQ(exec({"SLOWLOG", "LEN"}), Reply::integer(3));
  const Reply last = exec({"SLOWLOG", "GET"});
  EXPECT_EQ(last.elements().size(), 3u);
  EXPECT_EQ(last.elements()[0].elements()[3], Reply::array({Reply::bulk("SLOWLOG"),
                                                            Reply::bulk("LEN")}));
}

TEST(SlowlogOptionsTest, NegativeThresholdDisables) {
  auto clock = std::make_shared<ManualClock>(1700000000000);
  Options opts = Options{}.with_clock(clock);
  opts.slowlog_log_slower_than = -1;
  Store store = std::move(Store::open(opts).value());
  Session s;
  std::vector<std::string_view> sleep = {"DEBUG", "SLEEP", "1"};
  store.execute(sleep, s);
  std::vector<std::string_view> len = {"SLOWLOG", "LEN"};
  EXPECT_EQ(store.execute(len, s), Reply::integer(0));
}

TEST(SlowlogViewTest, RedactsSecrets) {
  auto view = [](std::initializer_list<std::string_view> argv) {
    Reply error;
    Args args(argv.begin(), argv.size());
    const CommandSpec* spec = CommandTable::instance().resolve(args, &error);
    EXPECT_NE(spec, nullptr) << error.str();
    return spec == nullptr ? std::vector<std::string_view>{} : slowlog_view(*spec, args);
  };
  using V = std::vector<std::string_view>;
  EXPECT_EQ(view({"hello", "3", "auth", "u", "p"}), (V{"hello", "3", "auth", "(redacted)",
                                                       "(redacted)"}));
  EXPECT_EQ(view({"hello", "3", "setname", "auth"}), (V{"hello", "3", "setname", "auth"}));
  EXPECT_EQ(view({"get", "auth"}), (V{"get", "auth"}));
}

// ---- LATENCY ----

TEST_F(InfoCmdTest, LatencyEmptyMonitor) {
  EXPECT_EQ(run({"LATENCY"sv, "HELP"sv}),
            "*17\r\n+LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
            "+DOCTOR\r\n+    Return a human readable latency analysis report.\r\n"
            "+GRAPH <event>\r\n+    Return an ASCII latency graph for the <event> class.\r\n"
            "+HISTORY <event>\r\n+    Return time-latency samples for the <event> class.\r\n"
            "+LATEST\r\n+    Return the latest latency samples for all events.\r\n"
            "+RESET [<event> ...]\r\n+    Reset latency data of one or more <event> classes.\r\n"
            "+    (default: reset all data for all event classes)\r\n"
            "+HISTOGRAM [COMMAND ...]\r\n+    Return a cumulative distribution of latencies in "
            "the format of a histogram for the specified command names.\r\n"
            "+    If no commands are specified then all histograms are replied.\r\n"
            "+HELP\r\n+    Prints this help.\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "LATEST"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "HISTORY"sv, "command"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "HISTORY"sv, "foo"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "RESET"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "RESET"sv, "command"sv, "foo"sv}), ":0\r\n"sv);
  const std::string doctor =
      "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. "
      "You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable "
      "it. If we weren't in a deep space mission I'd suggest to take a look at "
      "https://redis.io/topics/latency-monitor.\n";
  EXPECT_EQ(run({"LATENCY"sv, "DOCTOR"sv}), "$288\r\n" + doctor + "\r\n");
  EXPECT_EQ(run({"LATENCY"sv, "GRAPH"sv, "command"sv}),
            "-ERR No samples available for event 'command'\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "GRAPH"sv, "a\nb"sv}),
            "-ERR No samples available for event 'a b'\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "foo"sv}), "-ERR unknown subcommand 'foo'. Try LATENCY HELP.\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "LATEST"sv, "x"sv}),
            "-ERR wrong number of arguments for 'latency|latest' command\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "DOCTOR"sv, "x"sv}),
            "-ERR wrong number of arguments for 'latency|doctor' command\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "GRAPH"sv}),
            "-ERR wrong number of arguments for 'latency|graph' command\r\n"sv);
  use_resp3();
  EXPECT_EQ(run({"LATENCY"sv, "DOCTOR"sv}), "=292\r\ntxt:" + doctor + "\r\n");
}

TEST_F(InfoCmdTest, LatencyHistogram) {
  EXPECT_EQ(run({"LATENCY"sv, "HISTOGRAM"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$1\r\nv\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$1\r\nv\r\n"sv);
  EXPECT_EQ(run({"GET"sv}), "-ERR wrong number of arguments for 'get' command\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "k"sv}), "$6\r\nembstr\r\n"sv);
  EXPECT_EQ(run({"LATENCY"sv, "HISTOGRAM"sv, "foo"sv, "config|foo"sv}), "*0\r\n"sv);
  // {name: {calls: N, histogram_usec: {usec: running count, ...}}}; calls of 0-1 us fall in
  // the first level (1).
  const Reply get = reply({"LATENCY"sv, "HISTOGRAM"sv, "GET"sv});
  ASSERT_EQ(get.type(), Reply::Type::kMap);
  ASSERT_EQ(get.elements().size(), 2u);
  EXPECT_EQ(get.elements()[0], Reply::bulk("get"));
  const Reply& body = get.elements()[1];
  ASSERT_EQ(body.elements().size(), 4u);
  EXPECT_EQ(body.elements()[0], Reply::bulk("calls"));
  EXPECT_EQ(body.elements()[1], Reply::integer(2));  // the rejected GET does not count
  EXPECT_EQ(body.elements()[2], Reply::bulk("histogram_usec"));
  const auto& buckets = body.elements()[3].elements();
  ASSERT_GE(buckets.size(), 2u);
  EXPECT_EQ(buckets.back(), Reply::integer(2));  // the last running count is every call
  // Named twice: listed twice; a container lists its used subcommands; names with '|'.
  EXPECT_EQ(reply({"LATENCY"sv, "HISTOGRAM"sv, "get"sv, "GET"sv}).elements().size(), 4u);
  const Reply object = reply({"LATENCY"sv, "HISTOGRAM"sv, "object"sv});
  ASSERT_EQ(object.elements().size(), 2u);
  EXPECT_EQ(object.elements()[0], Reply::bulk("object|encoding"));
  EXPECT_EQ(reply({"LATENCY"sv, "HISTOGRAM"sv, "OBJECT|ENCODING"sv}), object);
  // Every command with calls, by name; LATENCY HISTOGRAM's own first call is not in it yet.
  const Reply all = reply({"LATENCY"sv, "HISTOGRAM"sv});
  std::vector<std::string> names;
  for (size_t i = 0; i < all.elements().size(); i += 2) names.push_back(all.elements()[i].str());
  EXPECT_EQ(names, (std::vector<std::string>{"get", "latency|histogram", "object|encoding",
                                             "set"}));
  use_resp3();
  EXPECT_EQ(run({"LATENCY"sv, "HISTOGRAM"sv, "foo"sv}), "%0\r\n"sv);
  const std::string head = "%1\r\n$3\r\nset\r\n%2\r\n$5\r\ncalls\r\n:1\r\n$14\r\nhistogram_usec\r\n%";
  EXPECT_EQ(run({"LATENCY"sv, "HISTOGRAM"sv, "set"sv}).substr(0, head.size()), head);
}

}  // namespace
}  // namespace kevy
