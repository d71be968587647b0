// MEMORY USAGE / STATS / DOCTOR / MALLOC-STATS / PURGE / HELP against redis-server 7.0.15.
// Errors, arities, HELP, null replies and the DOCTOR texts are the oracle's bytes; MEMORY
// STATS is compared by field names, order and reply types (the oracle's, recorded in RESP2 and
// RESP3) and its numbers by their relations to each other and to INFO memory, since the byte
// counts are kevy's model. The oracle ran with DEBUG SLEEP where the fixture advances its clock.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "commands/memory_figures.h"
#include "test_support/family_test.h"

namespace kevy {
namespace {

using std::string_view_literals::operator""sv;

class MemoryCmdTest : public FamilyTest {
 protected:
  // One "field:value" of INFO's text.
  std::string info_field(std::string_view section, std::string_view name) {
    const Reply r = reply({"INFO"sv, section});
    const std::string& text = r.str();
    const std::string key = "\r\n" + std::string(name) + ":";
    const size_t at = text.find(key);
    if (at == std::string::npos) return "<missing>";
    const size_t from = at + key.size();
    return text.substr(from, text.find("\r\n", from) - from);
  }
};

constexpr std::string_view kHelp =
    "*14\r\n+MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+DOCTOR\r\n+    "
    "Return memory problems reports.\r\n+MALLOC-STATS\r\n+    Return internal statistics report "
    "from the memory allocator.\r\n+PURGE\r\n+    Attempt to purge dirty pages for reclamation by "
    "the allocator.\r\n+STATS\r\n+    Return information about the memory usage of the "
    "server.\r\n+USAGE <key> [SAMPLES <count>]\r\n+    Return memory in bytes used by <key> and "
    "its value. Nested values are\r\n+    sampled up to <count> times (default: 5, 0 means "
    "sample all).\r\n+HELP\r\n+    Prints this help.\r\n";

constexpr std::string_view kDoctorEmptyText =
    "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be "
    "used in these conditions. Please, leave for your mission on Earth and fill it with some "
    "data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n";

TEST_F(MemoryCmdTest, ArityAndUnknownSubcommand) {
  EXPECT_EQ(run({"MEMORY"sv}), "-ERR wrong number of arguments for 'memory' command\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "foo"sv}), "-ERR unknown subcommand 'foo'. Try MEMORY HELP.\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "foo"sv, "bar"sv}),
            "-ERR unknown subcommand 'foo'. Try MEMORY HELP.\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "usage"sv}),
            "-ERR wrong number of arguments for 'memory|usage' command\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "stats"sv, "x"sv}),
            "-ERR wrong number of arguments for 'memory|stats' command\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "doctor"sv, "x"sv}),
            "-ERR wrong number of arguments for 'memory|doctor' command\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "malloc-stats"sv, "x"sv}),
            "-ERR wrong number of arguments for 'memory|malloc-stats' command\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "purge"sv, "x"sv}),
            "-ERR wrong number of arguments for 'memory|purge' command\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "help"sv, "x"sv}),
            "-ERR wrong number of arguments for 'memory|help' command\r\n"sv);
}

TEST_F(MemoryCmdTest, HelpPurgeMallocStats) {
  EXPECT_EQ(run({"memory"sv, "help"sv}), kHelp);
  EXPECT_EQ(run({"memory"sv, "purge"sv}), "+OK\r\n"sv);
  // redis-server built with MALLOC=libc: a bulk string in both protocols.
  EXPECT_EQ(run({"MEMORY"sv, "MALLOC-STATS"sv}),
            "$45\r\nStats not supported for the current allocator\r\n"sv);
  use_resp3();
  EXPECT_EQ(run({"memory"sv, "help"sv}), kHelp);
  EXPECT_EQ(run({"memory"sv, "purge"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"MEMORY"sv, "MALLOC-STATS"sv}),
            "$45\r\nStats not supported for the current allocator\r\n"sv);
}

TEST_F(MemoryCmdTest, UsageOptionsAreCheckedBeforeTheKey) {
  for (std::string_view key : {"nokey"sv, "k"sv}) {
    if (key == "k") {
      EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv}), "+OK\r\n"sv);
    }
    SCOPED_TRACE(key);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv}), "-ERR syntax error\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv, "-1"sv}), "-ERR syntax error\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv, "abc"sv}),
              "-ERR value is not an integer or out of range\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv, "5"sv, "extra"sv}),
              "-ERR syntax error\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "foo"sv}), "-ERR syntax error\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "foo"sv, "5"sv}), "-ERR syntax error\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, ""sv, "5"sv}), "-ERR syntax error\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "SAMPLES"sv, "99999999999999999999"sv}),
              "-ERR value is not an integer or out of range\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv, "1"sv, "samples"sv, "-2"sv}),
              "-ERR syntax error\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv, "1.5"sv}),
              "-ERR value is not an integer or out of range\r\n"sv);
    for (std::string_view bad : {"+5"sv, "-0"sv, "007"sv, " 5"sv, "samples"sv}) {
      EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv, bad}),
                "-ERR value is not an integer or out of range\r\n"sv)
          << bad;
    }
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv, "-9223372036854775808"sv}),
              "-ERR syntax error\r\n"sv);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "SAMPLES"sv, "1"sv, "SAMPLES"sv}),
              "-ERR syntax error\r\n"sv);
  }
  EXPECT_EQ(run({"memory"sv, "usage"sv, "nokey"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "usage"sv, "nokey"sv, "samples"sv, "5"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"Memory"sv, "Usage"sv, "nokey"sv, "Samples"sv, "3"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "usage"sv, "nokey"sv, "samples"sv, "9223372036854775807"sv}),
            "$-1\r\n"sv);
  use_resp3();
  EXPECT_EQ(run({"memory"sv, "usage"sv, "nokey"sv}), "_\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "usage"sv, "k"sv, "foo"sv}), "-ERR syntax error\r\n"sv);
}

// The size is Store::memory_usage's, whatever SAMPLES says (kevy's sizes are exact), and per db.
TEST_F(MemoryCmdTest, UsageIsTheKeysSize) {
  EXPECT_EQ(run({"RPUSH"sv, "l"sv, "a"sv, "b"sv, "c"sv}), ":3\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "v"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  for (std::string_view key : {"l"sv, "t"sv}) {
    const std::optional<size_t> bytes = store_.memory_usage(key);
    ASSERT_TRUE(bytes.has_value());
    const std::string want = ":" + std::to_string(*bytes) + "\r\n";
    EXPECT_EQ(run({"memory"sv, "usage"sv, key}), want);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv, "0"sv}), want);
    EXPECT_EQ(run({"memory"sv, "usage"sv, key, "samples"sv, "1"sv, "samples"sv, "2"sv}), want);
  }
  // The TTL's expire entry counts.
  EXPECT_EQ(run({"SET"sv, "p"sv, "v"sv}), "+OK\r\n"sv);
  EXPECT_GT(store_.memory_usage("t").value(), store_.memory_usage("p").value());
  EXPECT_EQ(run({"SELECT"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "usage"sv, "l"sv}), "$-1\r\n"sv);
}

// As Redis's dictFind: no lazy expiry, no LRU stamp, no keyspace hit or miss.
TEST_F(MemoryCmdTest, UsageDoesNotExpireTouchOrCount) {
  EXPECT_EQ(run({"DEBUG"sv, "SET-ACTIVE-EXPIRE"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "v"sv, "PX"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv}), "+OK\r\n"sv);
  advance_ms(10000);
  EXPECT_EQ(run({"CONFIG"sv, "RESETSTAT"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "usage"sv, "t"sv}).substr(0, 1), ":");
  EXPECT_TRUE(store_.memory_usage("t").has_value());
  EXPECT_EQ(run({"DBSIZE"sv}), ":2\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "usage"sv, "k"sv}).substr(0, 1), ":");
  EXPECT_EQ(run({"memory"sv, "usage"sv, "nokey"sv}), "$-1\r\n"sv);
  EXPECT_EQ(info_field("stats", "keyspace_hits"), "0");
  EXPECT_EQ(info_field("stats", "keyspace_misses"), "0");
  EXPECT_EQ(info_field("stats", "expired_keys"), "0");
  EXPECT_EQ(run({"OBJECT"sv, "IDLETIME"sv, "k"sv}), ":10\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "t"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"memory"sv, "usage"sv, "t"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SET-ACTIVE-EXPIRE"sv, "1"sv}), "+OK\r\n"sv);
}

// MEMORY STATS field names in the oracle's order (RESP2 and RESP3), with a "db.N" entry only
// for each db holding keys.
const std::vector<std::string_view> kStatsHead = {
    "peak.allocated", "total.allocated", "startup.allocated", "replication.backlog",
    "clients.slaves", "clients.normal",  "cluster.links",     "aof.buffer",
    "lua.caches",     "functions.caches"};
const std::vector<std::string_view> kStatsTail = {"overhead.total",
                                                  "keys.count",
                                                  "keys.bytes-per-key",
                                                  "dataset.bytes",
                                                  "dataset.percentage",
                                                  "peak.percentage",
                                                  "allocator.allocated",
                                                  "allocator.active",
                                                  "allocator.resident",
                                                  "allocator-fragmentation.ratio",
                                                  "allocator-fragmentation.bytes",
                                                  "allocator-rss.ratio",
                                                  "allocator-rss.bytes",
                                                  "rss-overhead.ratio",
                                                  "rss-overhead.bytes",
                                                  "fragmentation",
                                                  "fragmentation.bytes"};
// The fields the oracle sends as doubles (RESP3 ',', RESP2 a bulk "%.17g"); the rest are
// integers.
bool is_double_field(std::string_view name) {
  return name == "dataset.percentage" || name == "peak.percentage" ||
         name == "allocator-fragmentation.ratio" || name == "allocator-rss.ratio" ||
         name == "rss-overhead.ratio" || name == "fragmentation";
}

struct Stats {
  std::vector<std::string> names;
  std::map<std::string, Reply> values;
};

Stats stats_of(const Reply& r) {
  Stats s;
  EXPECT_EQ(r.type(), Reply::Type::kMap);
  for (size_t i = 0; i + 1 < r.elements().size(); i += 2) {
    s.names.push_back(r.elements()[i].str());
    s.values[r.elements()[i].str()] = r.elements()[i + 1];
  }
  return s;
}

int64_t num(const Stats& s, const std::string& name) { return s.values.at(name).integer_value(); }

TEST_F(MemoryCmdTest, StatsFieldsOrderAndTypes) {
  EXPECT_EQ(run({"SET"sv, "e"sv, "v"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "3"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "a"sv, "b"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SADD"sv, "s"sv, "1"sv, "2"sv}), ":2\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  const Stats s = stats_of(reply({"MEMORY"sv, "STATS"sv}));
  std::vector<std::string> want(kStatsHead.begin(), kStatsHead.end());
  want.push_back("db.0");
  want.push_back("db.3");
  want.insert(want.end(), kStatsTail.begin(), kStatsTail.end());
  EXPECT_EQ(s.names, want);
  for (const auto& [name, value] : s.values) {
    if (name.rfind("db.", 0) == 0) continue;
    EXPECT_EQ(value.type(), is_double_field(name) ? Reply::Type::kDouble : Reply::Type::kInteger)
        << name;
  }
  // The oracle's bytes for the per-db maps and the start of the reply (its numbers replaced).
  const std::string resp2 = run({"MEMORY"sv, "STATS"sv});
  EXPECT_EQ(resp2.substr(0, 24), "*58\r\n$14\r\npeak.allocated"sv);
  const Reply& db3 = s.values.at("db.3");
  ASSERT_EQ(db3.elements().size(), 6u);
  EXPECT_EQ(db3.elements()[0].str(), "overhead.hashtable.main");
  EXPECT_EQ(db3.elements()[2].str(), "overhead.hashtable.expires");
  EXPECT_EQ(db3.elements()[4].str(), "overhead.hashtable.slot-to-keys");
  EXPECT_EQ(db3.elements()[5].integer_value(), 0);
  EXPECT_NE(resp2.find("$4\r\ndb.3\r\n*6\r\n$23\r\noverhead.hashtable.main\r\n:"),
            std::string::npos);
  EXPECT_NE(resp2.find("$18\r\ndataset.percentage\r\n$"), std::string::npos);
  use_resp3();
  const std::string resp3 = run({"MEMORY"sv, "STATS"sv});
  EXPECT_EQ(resp3.substr(0, 24), "%29\r\n$14\r\npeak.allocated"sv);
  EXPECT_NE(resp3.find("$4\r\ndb.3\r\n%3\r\n$23\r\noverhead.hashtable.main\r\n:"),
            std::string::npos);
  EXPECT_NE(resp3.find("$18\r\ndataset.percentage\r\n,"), std::string::npos);
}

// The numbers add up as Redis's do, and agree with INFO memory.
TEST_F(MemoryCmdTest, StatsNumbersAddUp) {
  EXPECT_EQ(run({"SET"sv, "e"sv, "v"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RPUSH"sv, "l"sv, "a"sv, "b"sv}), ":2\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"HSET"sv, "h"sv, "f"sv, "v"sv}), ":1\r\n"sv);
  const Stats s = stats_of(reply({"MEMORY"sv, "STATS"sv}));
  const int64_t total = num(s, "total.allocated");
  const int64_t startup = num(s, "startup.allocated");
  const int64_t overhead = num(s, "overhead.total");
  EXPECT_GE(num(s, "peak.allocated"), total);
  EXPECT_GT(startup, 0);
  EXPECT_EQ(overhead + num(s, "dataset.bytes"), total);
  int64_t tables = 0;
  for (const char* db : {"db.0", "db.2"}) {
    const Reply& d = s.values.at(db);
    tables += d.elements()[1].integer_value() + d.elements()[3].integer_value();
  }
  EXPECT_EQ(startup + tables, overhead);
  // db.0 has a TTL: its expires overhead holds the expire-time entry; db.2 has none.
  EXPECT_GT(s.values.at("db.0").elements()[3].integer_value(), 0);
  EXPECT_EQ(num(s, "keys.count"), 3);
  EXPECT_EQ(num(s, "keys.bytes-per-key"), (total - startup) / 3);
  EXPECT_FLOAT_EQ(
      static_cast<float>(s.values.at("dataset.percentage").double_value()),
      static_cast<float>(num(s, "dataset.bytes")) * 100 / static_cast<float>(total - startup));
  EXPECT_EQ(num(s, "allocator.allocated"), total);
  EXPECT_EQ(s.values.at("allocator-fragmentation.ratio").double_value(), 1.0);
  EXPECT_EQ(num(s, "allocator-rss.bytes"), 0);
  EXPECT_EQ(num(s, "fragmentation.bytes"), num(s, "rss-overhead.bytes"));
  for (std::string_view zero : {"replication.backlog", "clients.slaves", "clients.normal",
                                "cluster.links", "aof.buffer", "lua.caches", "functions.caches"}) {
    EXPECT_EQ(num(s, std::string(zero)), 0) << zero;
  }
  EXPECT_EQ(info_field("memory", "used_memory"), std::to_string(total));
  EXPECT_EQ(info_field("memory", "used_memory_startup"), std::to_string(startup));
  EXPECT_EQ(info_field("memory", "used_memory_overhead"), std::to_string(overhead));
  EXPECT_EQ(info_field("memory", "used_memory_dataset"), std::to_string(num(s, "dataset.bytes")));
  EXPECT_EQ(info_field("memory", "mem_allocator"), "libc");
  // An empty instance lists no db.
  EXPECT_EQ(run({"FLUSHALL"sv}), "+OK\r\n"sv);
  const Stats empty = stats_of(reply({"MEMORY"sv, "STATS"sv}));
  EXPECT_EQ(empty.names.size(), kStatsHead.size() + kStatsTail.size());
  EXPECT_EQ(num(empty, "keys.count"), 0);
  EXPECT_EQ(num(empty, "keys.bytes-per-key"), 0);
}

TEST_F(MemoryCmdTest, DoctorOnASmallInstance) {
  EXPECT_EQ(run({"MEMORY"sv, "DOCTOR"sv}), "$268\r\n" + std::string(kDoctorEmptyText) + "\r\n");
  use_resp3();
  EXPECT_EQ(run({"memory"sv, "doctor"sv}), "=272\r\ntxt:" + std::string(kDoctorEmptyText) + "\r\n");
}

// The report's rules and texts on chosen figures. The issue texts are the oracle's reply after
// filling 60 MB and deleting most of it (peak, fragmentation and allocator RSS issues), with
// its allocator name "jemalloc-5.3.0" where kevy says "libc".
MemoryFigures figures(uint64_t used, uint64_t peak, uint64_t rss) {
  MemoryFigures m;
  m.used = used;
  m.peak = peak;
  m.rss = rss;
  m.startup = 1000;
  m.allocator_allocated = m.allocator_active = m.allocator_resident = used;
  return m;
}

constexpr std::string_view kDoctorIssues =
    "Sam, I detected a few issues in this Redis instance memory implants:\n\n * Peak memory: In "
    "the past this instance used more than 150% the memory that is currently using. The "
    "allocator is normally not able to release memory after a peak, so you can expect to see a "
    "big fragmentation ratio, however this is actually harmless and is only due to the memory "
    "peak, and if the Redis instance Resident Set Size (RSS) is currently bigger than expected, "
    "the memory will be used as soon as you fill the Redis instance with more data. If the "
    "memory peak was only occasional and you want to try to reclaim memory, please try the "
    "MEMORY PURGE command, otherwise the only other option is to shutdown and restart the "
    "instance.\n\n * High total RSS: This instance has a memory fragmentation and RSS overhead "
    "greater than 1.4 (this means that the Resident Set Size of the Redis process is much larger "
    "than the sum of the logical allocations Redis performed). This problem is usually due "
    "either to a large peak memory (check if there is a peak memory entry above in the report) "
    "or may result from a workload that causes the allocator to fragment memory a lot. If the "
    "problem is a large peak memory, then there is no issue. Otherwise, make sure you are using "
    "the Jemalloc allocator and not the default libc malloc. Note: The currently used allocator "
    "is \"libc\".\n\n * High allocator RSS overhead: This instance has an RSS memory overhead is "
    "greater than 1.1 (this means that the Resident Set Size of the allocator is much larger "
    "than the sum what the allocator actually holds). This problem is usually due to a large "
    "peak memory (check if there is a peak memory entry above in the report), you can try the "
    "MEMORY PURGE command to reclaim it.\n\nI'm here to keep you safe, Sam. I want to help "
    "you.\n";

TEST(MemoryDoctorReport, RulesAndTexts) {
  constexpr uint64_t kMiB = 1024 * 1024;
  EXPECT_EQ(memory_doctor_report(figures(5 * kMiB - 1, 90 * kMiB, 900 * kMiB)), kDoctorEmptyText);
  EXPECT_EQ(memory_doctor_report(figures(40 * kMiB, 40 * kMiB, 50 * kMiB)),
            "Hi Sam, I can't find any memory issue in your instance. I can only account for what "
            "occurs on this base.\n");
  // Peak exactly 150% and RSS exactly 10 MiB over the allocations are not issues.
  EXPECT_EQ(memory_doctor_report(figures(40 * kMiB, 60 * kMiB, 50 * kMiB)).substr(0, 6), "Hi Sam");
  // The oracle's three issues: peak, total RSS, allocator RSS (resident over active).
  MemoryFigures m = figures(16 * kMiB, 82 * kMiB, 94 * kMiB);
  m.allocator_resident = 86 * kMiB;
  EXPECT_EQ(memory_doctor_report(m), kDoctorIssues);
  // Fragmentation over 1.4 but under 10 MiB of RSS beyond the allocations: no issue.
  EXPECT_EQ(memory_doctor_report(figures(6 * kMiB, 6 * kMiB, 15 * kMiB)).substr(0, 6), "Hi Sam");
  // With kevy's allocator figures (all equal to used), a high RSS is both a total-RSS and a
  // process-RSS issue.
  const std::string both = memory_doctor_report(figures(20 * kMiB, 20 * kMiB, 60 * kMiB));
  EXPECT_NE(both.find(" * High total RSS: "), std::string::npos);
  EXPECT_NE(both.find(" * High process RSS overhead: This instance has non-allocator RSS memory "
                      "overhead is greater than 1.1 (this means that the Resident Set Size of "
                      "the Redis process is much larger than the RSS the allocator holds). This "
                      "problem may be due to Lua scripts or Modules.\n\nI'm here"),
            std::string::npos);
  EXPECT_EQ(both.find(" * Peak memory"), std::string::npos);
  m = figures(20 * kMiB, 20 * kMiB, 20 * kMiB);
  m.allocator_active = 32 * kMiB;
  m.allocator_resident = 32 * kMiB;
  m.rss = 32 * kMiB;
  EXPECT_NE(memory_doctor_report(m).find(
                " * High allocator fragmentation: This instance has an allocator external "
                "fragmentation greater than 1.1. This problem is usually due either to a large "
                "peak memory (check if there is a peak memory entry above in the report) or may "
                "result from a workload that causes the allocator to fragment memory a lot. You "
                "can try enabling 'activedefrag' config option.\n\n"),
            std::string::npos);
}

// INFO stats evicted_keys counts the keys the maxmemory policy deleted.
TEST_F(MemoryCmdTest, InfoEvictedKeys) {
  EXPECT_EQ(info_field("stats", "evicted_keys"), "0");
  EXPECT_EQ(run({"CONFIG"sv, "SET"sv, "maxmemory-policy"sv, "allkeys-random"sv}), "+OK\r\n"sv);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(run({"SET"sv, "k" + std::to_string(i), std::string(100, 'x')}), "+OK\r\n");
  }
  const Stats s = stats_of(reply({"MEMORY"sv, "STATS"sv}));
  const int64_t limit = num(s, "total.allocated") - 50 * 128;
  EXPECT_EQ(run({"CONFIG"sv, "SET"sv, "maxmemory"sv, std::to_string(limit)}), "+OK\r\n");
  EXPECT_EQ(run({"SET"sv, "one"sv, "more"sv}), "+OK\r\n"sv);
  const int64_t evicted = std::stoll(info_field("stats", "evicted_keys"));
  EXPECT_GT(evicted, 0);
  EXPECT_EQ(run({"DBSIZE"sv}), ":" + std::to_string(201 - evicted) + "\r\n");
  EXPECT_EQ(run({"CONFIG"sv, "SET"sv, "maxmemory"sv, "0"sv}), "+OK\r\n"sv);
}

}  // namespace
}  // namespace kevy
