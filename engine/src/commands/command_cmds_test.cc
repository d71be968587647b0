// The COMMAND family against redis-server 7.0.15. The run()/EXPECT_EQ byte strings were
// recorded on the oracle (a fresh redis-server, no config file); lists whose order is
// Redis's hash-table order (COMMAND LIST, a container's subcommands) are checked against
// kevy's table instead. Key extraction for commands kevy does not run (XREAD, MIGRATE,
// GEORADIUS, EVAL) is checked on the metadata directly, with the oracle's answers.
#include "commands/command_cmds.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command_getkeys.h"
#include "commands/command_metadata.h"
#include "commands/command_table.h"
#include "test_support/family_test.h"

namespace kevy {
namespace {

using std::string_view_literals::operator""sv;

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::vector<std::string_view> split(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    const size_t sp = list.find(' ');
    out.push_back(list.substr(0, sp));
    if (sp == std::string_view::npos) break;
    list.remove_prefix(sp + 1);
  }
  return out;
}

// Every row (and subcommand) of kevy's table against Redis's COMMAND INFO: the same arity,
// flags (as COMMAND INFO prints them, movablekeys included), key positions, since and group.
TEST(CommandTableVsRedis, EveryRowMatchesRedisMetadata) {
  size_t checked = 0;
  auto check = [&](const CommandSpec& row) {
    ++checked;
    const CommandMeta* meta = find_command_meta(row.full_name);
    ASSERT_NE(meta, nullptr) << row.full_name << " is not a redis-server 7.0.15 command";
    EXPECT_EQ(row.arity, meta->arity) << row.full_name;
    EXPECT_EQ(join(command_flag_names(row)), meta->flags) << row.full_name;
    EXPECT_EQ(row.first_key, meta->first_key) << row.full_name;
    EXPECT_EQ(row.last_key, meta->last_key) << row.full_name;
    EXPECT_EQ(row.key_step, meta->key_step) << row.full_name;
    EXPECT_EQ(row.since, meta->since) << row.full_name;
    EXPECT_EQ(row.group, meta->group) << row.full_name;
  };
  for (const CommandSpec* row : CommandTable::instance().all()) {
    check(*row);
    for (const CommandSpec& sub : row->subcommands) check(sub);
  }
  EXPECT_GT(checked, 100u);
}

// The flag order table covers every flag list Redis prints, in Redis's order.
TEST(CommandMetadata, FlagOrderCoversEveryRedisCommand) {
  std::vector<std::string_view> order;
  for (const CommandFlagName& f : command_flag_order()) order.push_back(f.name);
  for (const CommandMeta* meta : all_command_meta()) {
    size_t at = 0;
    for (std::string_view flag : split(meta->flags)) {
      auto it = std::find(order.begin() + static_cast<std::ptrdiff_t>(at), order.end(), flag);
      ASSERT_NE(it, order.end()) << meta->name << ": flag " << flag << " unknown or out of order";
      at = static_cast<size_t>(it - order.begin()) + 1;
    }
  }
}

// movablekeys is derived from the key specs, as Redis derives it, for all 366 commands.
TEST(CommandMetadata, MovablekeysFollowsKeySpecs) {
  size_t movable = 0;
  for (const CommandMeta* meta : all_command_meta()) {
    CommandSpec row{.name = meta->name, .arity = meta->arity};
    row.full_name = std::string(meta->name);
    const std::vector<std::string_view> names = command_flag_names(row);
    const bool derived = std::find(names.begin(), names.end(), "movablekeys") != names.end();
    const std::vector<std::string_view> redis = split(meta->flags);
    EXPECT_EQ(derived, std::find(redis.begin(), redis.end(), "movablekeys") != redis.end())
        << meta->name;
    movable += derived;
  }
  EXPECT_EQ(movable, 25u);
}

TEST(CommandMetadata, SortedAndFound) {
  const auto all = all_command_meta();
  EXPECT_EQ(all.size(), 366u);
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1]->name, all[i]->name);
  ASSERT_NE(find_command_meta("object|encoding"), nullptr);
  EXPECT_EQ(find_command_meta("object|encoding")->arity, 3);
  EXPECT_EQ(find_command_meta("GET"), nullptr);  // callers pass lowercase names
  EXPECT_EQ(find_command_meta("nosuchcommand"), nullptr);
}

// ---- key extraction on metadata of commands kevy does not implement ----

struct Keys {
  std::vector<std::string_view> argv;
  std::vector<std::pair<size_t, std::string_view>> keys;  // position, flags
};

void expect_keys(std::string_view command, const Keys& k) {
  const CommandMeta* meta = find_command_meta(command);
  ASSERT_NE(meta, nullptr);
  std::vector<std::pair<size_t, std::string_view>> got;
  for (const KeyRef& r : command_keys(*meta, k.argv)) got.emplace_back(r.pos, r.flags);
  EXPECT_EQ(got, k.keys) << command << " argc " << k.argv.size();
}

TEST(CommandGetkeys, KeywordSpecsAndRules) {
  constexpr std::string_view kRo = "RO access";
  expect_keys("xread", {{"xread", "streams", "a", "b", "0", "1"}, {{2, kRo}, {3, kRo}}});
  expect_keys("xread", {{"xread", "streams", "a", "b", "0"}, {{2, kRo}}});
  expect_keys("xread", {{"xread", "count", "1", "streams", "a", "0"}, {{4, kRo}}});
  expect_keys("xreadgroup", {{"xreadgroup", "group", "g", "c", "streams", "a", "b", "0", "0"},
                             {{5, kRo}, {6, kRo}}});
  constexpr std::string_view kRwDel = "RW access delete";
  expect_keys("migrate",
              {{"migrate", "h", "p", "", "0", "5", "keys", "a", "b"}, {{7, kRwDel}, {8, kRwDel}}});
  expect_keys("migrate", {{"migrate", "h", "p", "", "0", "5", "auth", "keys", "keys", "a", "b"},
                          {{9, kRwDel}, {10, kRwDel}}});
  expect_keys("migrate", {{"migrate", "h", "p", "k", "0", "5"}, {{3, kRwDel}}});
  expect_keys("migrate", {{"migrate", "h", "p", "k", "0", "5", "keys", "a"}, {}});
  expect_keys("georadius", {{"georadius", "k", "0", "0", "1", "m", "store", "d", "storedist", "e"},
                            {{1, kRo}, {7, "OW update"}, {9, "OW update"}}});
  expect_keys("eval",
              {{"eval", "s", "2", "a", "b"}, {{3, "RW access update"}, {4, "RW access update"}}});
  expect_keys("eval", {{"eval", "s", "0"}, {}});
  expect_keys("eval", {{"eval", "s", "x"}, {}});
  EXPECT_FALSE(command_has_keys(*find_command_meta("spublish")));
  EXPECT_TRUE(command_has_keys(*find_command_meta("eval")));
  EXPECT_FALSE(command_has_keys(*find_command_meta("ping")));
}

// ---- replies ----

class CommandCmdTest : public FamilyTest {};

TEST_F(CommandCmdTest, CountIsTheTableSize) {
  EXPECT_EQ(run({"COMMAND"sv, "COUNT"sv}),
            ":" + std::to_string(CommandTable::instance().size()) + "\r\n");
}

// COMMAND, COMMAND INFO and COMMAND DOCS without names list every row, sorted by name.
TEST_F(CommandCmdTest, AllCommandsSorted) {
  std::vector<std::string> names;
  for (const CommandSpec* row : CommandTable::instance().all()) names.push_back(row->full_name);
  std::sort(names.begin(), names.end());
  const Reply info = reply({"COMMAND"sv});
  ASSERT_EQ(info.elements().size(), names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(info.elements()[i].elements()[0].str(), names[i]);
  }
  EXPECT_EQ(run({"COMMAND"sv}), run({"COMMAND"sv, "INFO"sv}));
  const Reply docs = reply({"COMMAND"sv, "DOCS"sv});
  ASSERT_EQ(docs.elements().size(), 2 * names.size());
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(docs.elements()[2 * i].str(), names[i]);
}

// COMMAND LIST: every row, each container followed by its subcommands; the filters select
// from that list.
TEST_F(CommandCmdTest, ListAndFilters) {
  std::vector<std::string> expected;
  std::vector<const CommandSpec*> rows = CommandTable::instance().all();
  std::sort(rows.begin(), rows.end(),
            [](const CommandSpec* a, const CommandSpec* b) { return a->full_name < b->full_name; });
  for (const CommandSpec* row : rows) {
    expected.push_back(row->full_name);
    std::vector<std::string> subs;
    for (const CommandSpec& s : row->subcommands) subs.push_back(s.full_name);
    std::sort(subs.begin(), subs.end());
    expected.insert(expected.end(), subs.begin(), subs.end());
  }
  auto names = [&](std::initializer_list<std::string_view> argv) {
    std::vector<std::string> out;
    const Reply list = reply(argv);
    for (const Reply& r : list.elements()) out.push_back(r.str());
    return out;
  };
  EXPECT_EQ(names({"COMMAND"sv, "LIST"sv}), expected);
  EXPECT_EQ(names({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "PATTERN"sv, "ZUNION*"sv}),
            (std::vector<std::string>{"zunion", "zunionstore"}));
  EXPECT_EQ(names({"COMMAND"sv, "LIST"sv, "filterby"sv, "pattern"sv, "command*"sv}),
            (std::vector<std::string>{"command", "command|count", "command|docs", "command|getkeys",
                                      "command|getkeysandflags", "command|help", "command|info",
                                      "command|list"}));
  // ACLCAT: the category without '@', case-insensitive; subcommands carry their own.
  const std::vector<std::string> hash =
      names({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "ACLCAT"sv, "Hash"sv});
  EXPECT_EQ(std::set<std::string>(hash.begin(), hash.end()),
            (std::set<std::string>{"hdel", "hexists", "hget", "hgetall", "hincrby", "hincrbyfloat",
                                   "hkeys", "hlen", "hmget", "hmset", "hrandfield", "hscan", "hset",
                                   "hsetnx", "hstrlen", "hvals"}));
  const std::vector<std::string> keyspace =
      names({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "ACLCAT"sv, "keyspace"sv});
  EXPECT_NE(std::find(keyspace.begin(), keyspace.end(), "object|encoding"), keyspace.end());
  EXPECT_EQ(std::find(keyspace.begin(), keyspace.end(), "object"), keyspace.end());
}

// COMMAND INFO of a container nests its subcommands (sorted); DOCS nests them as a map.
TEST_F(CommandCmdTest, ContainersNestSubcommands) {
  const Reply info = reply({"COMMAND"sv, "INFO"sv, "command"sv});
  ASSERT_EQ(info.elements().size(), 1u);
  const Reply& subs = info.elements()[0].elements()[9];
  EXPECT_EQ(subs.type(), Reply::Type::kArray);
  ASSERT_EQ(subs.elements().size(), 7u);
  EXPECT_EQ(subs.elements()[0].elements()[0].str(), "command|count");
  EXPECT_EQ(subs.elements()[6].elements()[0].str(), "command|list");
  // A subcommand's own entry is what its parent nests.
  EXPECT_EQ(reply({"COMMAND"sv, "INFO"sv, "command|count"sv}).elements()[0], subs.elements()[0]);
  const Reply docs = reply({"COMMAND"sv, "DOCS"sv, "command"sv});
  const std::vector<Reply>& fields = docs.elements()[1].elements();
  ASSERT_GE(fields.size(), 2u);
  EXPECT_EQ(fields[fields.size() - 2].str(), "subcommands");
  EXPECT_EQ(fields.back().type(), Reply::Type::kMap);
  EXPECT_EQ(fields.back().elements().size(), 14u);
}

TEST_F(CommandCmdTest, InfoDocsListHelpAsRedis) {
  EXPECT_EQ(
      run({"COMMAND"sv, "INFO"sv, "get"sv}),
      "*1\r\n*10\r\n$3\r\nget\r\n:2\r\n*2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n*3\r\n"
      "+@read\r\n+@string\r\n+@fast\r\n*0\r\n*1\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n"
      "+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n"
      "*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\n"
      "spec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "INFO"sv, "foo"sv, "get|x"sv, "object|foo"sv, ""sv,
                 "OBJECT|ENCODING|x"sv, "COMMAND|COUNT"sv}),
            "*6\r\n$-1\r\n$-1\r\n$-1\r\n$-1\r\n$-1\r\n*10\r\n$13\r\ncommand|count\r\n:2\r\n*2\r\n"
            "+loading\r\n+stale\r\n:0\r\n:0\r\n:0\r\n*2\r\n+@slow\r\n+@connection\r\n*0\r\n*0\r\n"
            "*0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "INFO"sv, "set"sv, "sort"sv, "zunionstore"sv}),
      "*3\r\n*10\r\n$3\r\nset\r\n:-3\r\n*2\r\n+write\r\n+denyoom\r\n:1\r\n:1\r\n:1\r\n*3\r\n"
      "+@write\r\n+@string\r\n+@slow\r\n*0\r\n*1\r\n*8\r\n$5\r\nnotes\r\n$48\r\n"
      "RW and ACCESS due to the optional `GET` argument\r\n$5\r\nflags\r\n*4\r\n+RW\r\n"
      "+access\r\n+update\r\n+variable_flags\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n"
      "$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\n"
      "type\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n"
      ":1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n*10\r\n$4\r\nsort\r\n:-2\r\n*3\r\n+write\r\n"
      "+denyoom\r\n+movablekeys\r\n:1\r\n:1\r\n:1\r\n*6\r\n+@write\r\n+@set\r\n+@sortedset\r\n"
      "+@list\r\n+@slow\r\n+@dangerous\r\n*0\r\n*3\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n"
      "+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n"
      "*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\n"
      "spec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*8\r\n"
      "$5\r\nnotes\r\n$120\r\n"
      "For the optional BY/GET keyword. It is marked 'unknown' because the key names derive fro"
      "m the content of the key we sort\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n$12\r\n"
      "begin_search\r\n*4\r\n$4\r\ntype\r\n$7\r\nunknown\r\n$4\r\nspec\r\n*0\r\n$9\r\n"
      "find_keys\r\n*4\r\n$4\r\ntype\r\n$7\r\nunknown\r\n$4\r\nspec\r\n*0\r\n*8\r\n$5\r\n"
      "notes\r\n$116\r\n"
      "For the optional STORE keyword. It is marked 'unknown' because the keyword can appear an"
      "ywhere in the argument array\r\n$5\r\nflags\r\n*2\r\n+OW\r\n+update\r\n$12\r\n"
      "begin_search\r\n*4\r\n$4\r\ntype\r\n$7\r\nunknown\r\n$4\r\nspec\r\n*0\r\n$9\r\n"
      "find_keys\r\n*4\r\n$4\r\ntype\r\n$7\r\nunknown\r\n$4\r\nspec\r\n*0\r\n*0\r\n*10\r\n"
      "$11\r\nzunionstore\r\n:-4\r\n*3\r\n+write\r\n+denyoom\r\n+movablekeys\r\n:1\r\n:1\r\n"
      ":1\r\n*3\r\n+@write\r\n+@sortedset\r\n+@slow\r\n*0\r\n*2\r\n*6\r\n$5\r\nflags\r\n*2\r\n"
      "+OW\r\n+update\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\n"
      "spec\r\n*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\n"
      "range\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\n"
      "limit\r\n:0\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n"
      "*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:2\r\n$9\r\n"
      "find_keys\r\n*4\r\n$4\r\ntype\r\n$6\r\nkeynum\r\n$4\r\nspec\r\n*6\r\n$9\r\nkeynumidx\r\n"
      ":0\r\n$8\r\nfirstkey\r\n:1\r\n$7\r\nkeystep\r\n:1\r\n*0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "DOCS"sv, "get"sv, "GET"sv, "foo"sv, "get|x"sv}),
      "*4\r\n$3\r\nget\r\n*10\r\n$7\r\nsummary\r\n$22\r\nGet the value of a key\r\n$5\r\n"
      "since\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$6\r\nstring\r\n$10\r\ncomplexity\r\n$4\r\n"
      "O(1)\r\n$9\r\narguments\r\n*1\r\n*6\r\n$4\r\nname\r\n$3\r\nkey\r\n$4\r\ntype\r\n$3\r\n"
      "key\r\n$14\r\nkey_spec_index\r\n:0\r\n$3\r\nget\r\n*10\r\n$7\r\nsummary\r\n$22\r\n"
      "Get the value of a key\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$6\r\nstring\r\n"
      "$10\r\ncomplexity\r\n$4\r\nO(1)\r\n$9\r\narguments\r\n*1\r\n*6\r\n$4\r\nname\r\n$3\r\n"
      "key\r\n$4\r\ntype\r\n$3\r\nkey\r\n$14\r\nkey_spec_index\r\n:0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "DOCS"sv, "object|help"sv, "getset"sv, "zadd"sv}),
      "*6\r\n$11\r\nobject|help\r\n*8\r\n$7\r\nsummary\r\n$49\r\n"
      "Show helpful text about the different subcommands\r\n$5\r\nsince\r\n$5\r\n6.2.0\r\n"
      "$5\r\ngroup\r\n$7\r\ngeneric\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n$6\r\ngetset\r\n"
      "*16\r\n$7\r\nsummary\r\n$54\r\n"
      "Set the string value of a key and return its old value\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n"
      "$5\r\ngroup\r\n$6\r\nstring\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n$9\r\ndoc_flags\r\n"
      "*1\r\n+deprecated\r\n$16\r\ndeprecated_since\r\n$5\r\n6.2.0\r\n$11\r\nreplaced_by\r\n"
      "$30\r\n`SET` with the `!GET` argument\r\n$9\r\narguments\r\n*2\r\n*6\r\n$4\r\nname\r\n"
      "$3\r\nkey\r\n$4\r\ntype\r\n$3\r\nkey\r\n$14\r\nkey_spec_index\r\n:0\r\n*4\r\n$4\r\n"
      "name\r\n$5\r\nvalue\r\n$4\r\ntype\r\n$6\r\nstring\r\n$4\r\nzadd\r\n*12\r\n$7\r\n"
      "summary\r\n$81\r\n"
      "Add one or more members to a sorted set, or update its score if it already exists\r\n"
      "$5\r\nsince\r\n$5\r\n1.2.0\r\n$5\r\ngroup\r\n$10\r\nsorted-set\r\n$10\r\ncomplexity\r\n"
      "$83\r\n"
      "O(log(N)) for each item added, where N is the number of elements in the sorted set.\r\n"
      "$7\r\nhistory\r\n*3\r\n*2\r\n$5\r\n2.4.0\r\n$26\r\nAccepts multiple elements.\r\n*2\r\n"
      "$5\r\n3.0.2\r\n$46\r\nAdded the `XX`, `NX`, `CH` and `INCR` options.\r\n*2\r\n$5\r\n"
      "6.2.0\r\n$32\r\nAdded the `GT` and `LT` options.\r\n$9\r\narguments\r\n*6\r\n*6\r\n"
      "$4\r\nname\r\n$3\r\nkey\r\n$4\r\ntype\r\n$3\r\nkey\r\n$14\r\nkey_spec_index\r\n:0\r\n"
      "*10\r\n$4\r\nname\r\n$9\r\ncondition\r\n$4\r\ntype\r\n$5\r\noneof\r\n$5\r\nsince\r\n"
      "$5\r\n3.0.2\r\n$5\r\nflags\r\n*1\r\n+optional\r\n$9\r\narguments\r\n*2\r\n*6\r\n$4\r\n"
      "name\r\n$2\r\nnx\r\n$4\r\ntype\r\n$10\r\npure-token\r\n$5\r\ntoken\r\n$2\r\nNX\r\n*6\r\n"
      "$4\r\nname\r\n$2\r\nxx\r\n$4\r\ntype\r\n$10\r\npure-token\r\n$5\r\ntoken\r\n$2\r\nXX\r\n"
      "*10\r\n$4\r\nname\r\n$10\r\ncomparison\r\n$4\r\ntype\r\n$5\r\noneof\r\n$5\r\nsince\r\n"
      "$5\r\n6.2.0\r\n$5\r\nflags\r\n*1\r\n+optional\r\n$9\r\narguments\r\n*2\r\n*6\r\n$4\r\n"
      "name\r\n$2\r\ngt\r\n$4\r\ntype\r\n$10\r\npure-token\r\n$5\r\ntoken\r\n$2\r\nGT\r\n*6\r\n"
      "$4\r\nname\r\n$2\r\nlt\r\n$4\r\ntype\r\n$10\r\npure-token\r\n$5\r\ntoken\r\n$2\r\nLT\r\n"
      "*10\r\n$4\r\nname\r\n$6\r\nchange\r\n$4\r\ntype\r\n$10\r\npure-token\r\n$5\r\ntoken\r\n"
      "$2\r\nCH\r\n$5\r\nsince\r\n$5\r\n3.0.2\r\n$5\r\nflags\r\n*1\r\n+optional\r\n*10\r\n"
      "$4\r\nname\r\n$9\r\nincrement\r\n$4\r\ntype\r\n$10\r\npure-token\r\n$5\r\ntoken\r\n"
      "$4\r\nINCR\r\n$5\r\nsince\r\n$5\r\n3.0.2\r\n$5\r\nflags\r\n*1\r\n+optional\r\n*8\r\n"
      "$4\r\nname\r\n$12\r\nscore_member\r\n$4\r\ntype\r\n$5\r\nblock\r\n$5\r\nflags\r\n*1\r\n"
      "+multiple\r\n$9\r\narguments\r\n*2\r\n*4\r\n$4\r\nname\r\n$5\r\nscore\r\n$4\r\ntype\r\n"
      "$6\r\ndouble\r\n*4\r\n$4\r\nname\r\n$6\r\nmember\r\n$4\r\ntype\r\n$6\r\nstring\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "HELP"sv}),
            "*21\r\n+COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
            "+(no subcommand)\r\n+    Return details about all Redis commands.\r\n+COUNT\r\n"
            "+    Return the total number of commands in this Redis server.\r\n+LIST\r\n"
            "+    Return a list of all commands in this Redis server.\r\n"
            "+INFO [<command-name> ...]\r\n+    Return details about multiple Redis commands.\r\n"
            "+    If no command names are given, documentation details for all\r\n"
            "+    commands are returned.\r\n+DOCS [<command-name> ...]\r\n"
            "+    Return documentation details about multiple Redis commands.\r\n"
            "+    If no command names are given, documentation details for all\r\n"
            "+    commands are returned.\r\n+GETKEYS <full-command>\r\n"
            "+    Return the keys from a full Redis command.\r\n+GETKEYSANDFLAGS <full-command>\r\n"
            "+    Return the keys and the access flags from a full Redis command.\r\n+HELP\r\n"
            "+    Prints this help.\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "HELP"sv, "x"sv}),
            "-ERR wrong number of arguments for 'command|help' command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "COUNT"sv, "x"sv}),
            "-ERR wrong number of arguments for 'command|count' command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "foo"sv}), "-ERR unknown subcommand 'foo'. Try COMMAND HELP.\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "MODULE"sv, "foo"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "ACLCAT"sv, "foo"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "ACLCAT"sv, "@string"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "PATTERN"sv, "nothing*"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "PATTERN"sv, "object|e*"sv}),
            "*1\r\n$15\r\nobject|encoding\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "PATTERN"sv, "GET"sv}),
            "*1\r\n$3\r\nget\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "foo"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "foo"sv, "bar"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "PATTERN"sv, "a"sv, "b"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "filterby"sv, "aclcat"sv, "keyspace"sv, "filterby"sv,
                 "pattern"sv, "x"sv}),
            "-ERR syntax error\r\n"sv);
  use_resp3();
  EXPECT_EQ(
      run({"COMMAND"sv, "INFO"sv, "get"sv, "foo"sv}),
      "*2\r\n*10\r\n$3\r\nget\r\n:2\r\n~2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n~3\r\n"
      "+@read\r\n+@string\r\n+@fast\r\n~0\r\n~1\r\n%3\r\n$5\r\nflags\r\n~2\r\n+RO\r\n"
      "+access\r\n$12\r\nbegin_search\r\n%2\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n"
      "%1\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n%2\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\n"
      "spec\r\n%3\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n~0\r\n"
      "_\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "INFO"sv, "object|encoding"sv}),
      "*1\r\n*10\r\n$15\r\nobject|encoding\r\n:3\r\n~1\r\n+readonly\r\n:2\r\n:2\r\n:1\r\n~3\r\n"
      "+@keyspace\r\n+@read\r\n+@slow\r\n~1\r\n$23\r\nnondeterministic_output\r\n~1\r\n%3\r\n"
      "$5\r\nflags\r\n~1\r\n+RO\r\n$12\r\nbegin_search\r\n%2\r\n$4\r\ntype\r\n$5\r\nindex\r\n"
      "$4\r\nspec\r\n%1\r\n$5\r\nindex\r\n:2\r\n$9\r\nfind_keys\r\n%2\r\n$4\r\ntype\r\n$5\r\n"
      "range\r\n$4\r\nspec\r\n%3\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\n"
      "limit\r\n:0\r\n~0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "DOCS"sv, "get"sv, "foo"sv}),
            "%1\r\n$3\r\nget\r\n%5\r\n$7\r\nsummary\r\n$22\r\nGet the value of a key\r\n$5\r\n"
            "since\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$6\r\nstring\r\n$10\r\ncomplexity\r\n$4\r\n"
            "O(1)\r\n$9\r\narguments\r\n*1\r\n%3\r\n$4\r\nname\r\n$3\r\nkey\r\n$4\r\ntype\r\n$3\r\n"
            "key\r\n$14\r\nkey_spec_index\r\n:0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "DOCS"sv, "getset"sv}),
      "%1\r\n$6\r\ngetset\r\n%8\r\n$7\r\nsummary\r\n$54\r\n"
      "Set the string value of a key and return its old value\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n"
      "$5\r\ngroup\r\n$6\r\nstring\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n$9\r\ndoc_flags\r\n"
      "~1\r\n+deprecated\r\n$16\r\ndeprecated_since\r\n$5\r\n6.2.0\r\n$11\r\nreplaced_by\r\n"
      "$30\r\n`SET` with the `!GET` argument\r\n$9\r\narguments\r\n*2\r\n%3\r\n$4\r\nname\r\n"
      "$3\r\nkey\r\n$4\r\ntype\r\n$3\r\nkey\r\n$14\r\nkey_spec_index\r\n:0\r\n%2\r\n$4\r\n"
      "name\r\n$5\r\nvalue\r\n$4\r\ntype\r\n$6\r\nstring\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "DOCS"sv, "nothing"sv}), "%0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "LIST"sv, "FILTERBY"sv, "PATTERN"sv, "object|e*"sv}),
            "*1\r\n$15\r\nobject|encoding\r\n"sv);
}

TEST_F(CommandCmdTest, GetkeysAsRedis) {
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "get"sv, "k"sv}), "*1\r\n$1\r\nk\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "get"sv}),
            "-ERR wrong number of arguments for 'command|getkeys' command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "get"sv, "k"sv, "x"sv}),
            "-ERR Invalid number of arguments specified for command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "foo"sv, "k"sv}),
            "-ERR Invalid command specified\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "GET"sv, "k"sv}), "*1\r\n$1\r\nk\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "OBJECT"sv, "ENCODING"sv, "k"sv}),
            "*1\r\n$1\r\nk\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "object"sv, "foo"sv, "k"sv}),
            "-ERR Invalid command specified\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "object|encoding"sv, "k"sv}),
            "-ERR Invalid command specified\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "object"sv, "help"sv}),
            "-ERR The command has no key arguments\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "ping"sv, "x"sv}),
            "-ERR The command has no key arguments\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "time"sv, "x"sv, "y"sv}),
            "-ERR The command has no key arguments\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "command"sv, "getkeys"sv, "get"sv, "k"sv}),
            "-ERR The command has no key arguments\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "get"sv, "k"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "object"sv, "encoding"sv, "k"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*1\r\n+RO\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "set"sv, "k"sv, "v"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "set"sv, "k"sv, "v"sv, "get"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "set"sv, "k"sv, "v"sv, "GET"sv, "nx"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "set"sv, "k"sv, "v"sv, "nx"sv, "getx"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "2"sv, "a"sv, "b"sv}),
      "*3\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n"
      "*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "2"sv, "a"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "0"sv, "a"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "-1"sv, "a"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "abc"sv, "a"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "2abc"sv, "a"sv, "b"sv}),
            "*3\r\n*2\r\n$1\r\na\r\n*0\r\n*2\r\n$1\r\nb\r\n*0\r\n*2\r\n$1\r\nd\r\n*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, " 2"sv, "a"sv, "b"sv}),
            "*3\r\n*2\r\n$1\r\na\r\n*0\r\n*2\r\n$1\r\nb\r\n*0\r\n*2\r\n$1\r\nd\r\n*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "+2"sv, "a"sv, "b"sv}),
            "*3\r\n*2\r\n$1\r\na\r\n*0\r\n*2\r\n$1\r\nb\r\n*0\r\n*2\r\n$1\r\nd\r\n*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "99999999999"sv, "a"sv,
                 "b"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "4294967298"sv, "a"sv, "b"sv}),
      "*3\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n"
      "*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zinterstore"sv, "d"sv, "1x"sv, "a"sv}),
            "*2\r\n*2\r\n$1\r\na\r\n*0\r\n*2\r\n$1\r\nd\r\n*0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zdiffstore"sv, "d"sv, "1"sv, "a"sv}),
      "*2\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunion"sv, "2"sv, "a"sv, "b"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunion"sv, "0"sv, "a"sv, "b"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunion"sv, "x"sv, "a"sv, "b"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunion"sv, "2abc"sv, "a"sv, "b"sv}),
            "*2\r\n*2\r\n$1\r\na\r\n*0\r\n*2\r\n$1\r\nb\r\n*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zinter"sv, "1x"sv, "a"sv}),
            "*1\r\n*2\r\n$1\r\na\r\n*0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zdiff"sv, "2"sv, "a"sv, "b"sv, "withscores"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zintercard"sv, "1x"sv, "a"sv}),
            "*1\r\n*2\r\n$1\r\na\r\n*0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zintercard"sv, "2"sv, "a"sv, "b"sv, "limit"sv,
           "1"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sintercard"sv, "1x"sv, "a"sv}),
            "*1\r\n*2\r\n$1\r\na\r\n*0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sintercard"sv, "2"sv, "a"sv, "b"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort"sv, "k"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort"sv, "k"sv, "store"sv, "d"sv}),
      "*2\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort"sv, "k"sv, "store"sv, "d"sv, "store"sv, "e"sv}),
      "*2\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\ne\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort"sv, "k"sv, "limit"sv, "0"sv, "1"sv, "store"sv,
           "d"sv}),
      "*2\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort"sv, "k"sv, "by"sv, "x"sv, "get"sv, "y"sv,
           "store"sv, "d"sv}),
      "*2\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort"sv, "k"sv, "by"sv, "store"sv, "store"sv, "d"sv}),
      "*2\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort"sv, "k"sv, "store"sv, "store"sv, "d"sv}),
      "*2\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort"sv, "k"sv, "limit"sv, "store"sv, "d"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort"sv, "k"sv, "store"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sort_ro"sv, "k"sv, "store"sv, "d"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "lmpop"sv, "2"sv, "a"sv, "b"sv, "left"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n*3\r\n+RW\r\n"
      "+access\r\n+delete\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "lmpop"sv, "0"sv, "a"sv, "left"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "lmpop"sv, "5"sv, "a"sv, "left"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "lmpop"sv, "1x"sv, "a"sv, "left"sv}),
            "*1\r\n*2\r\n$1\r\na\r\n*0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "blmpop"sv, "0"sv, "2"sv, "a"sv, "b"sv, "left"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n*3\r\n+RW\r\n"
      "+access\r\n+delete\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "blmpop"sv, "0"sv, "1x"sv, "a"sv, "left"sv}),
            "*1\r\n*2\r\n$1\r\na\r\n*0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zmpop"sv, "1x"sv, "a"sv, "min"sv}),
            "*1\r\n*2\r\n$1\r\na\r\n*0\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bzmpop"sv, "0"sv, "2"sv, "a"sv, "b"sv, "min"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n*3\r\n+RW\r\n"
      "+access\r\n+delete\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bzmpop"sv, "0"sv, "x"sv, "a"sv, "min"sv}),
            "-ERR Invalid arguments specified for command\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "mset"sv, "a"sv, "1"sv, "b"sv, "2"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\nb\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "mset"sv, "a"sv, "1"sv, "b"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\nb\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "mget"sv, "a"sv, "b"sv, "c"sv}),
      "*3\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"
      "*2\r\n$1\r\nc\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "blpop"sv, "a"sv, "b"sv, "0"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n*3\r\n+RW\r\n"
      "+access\r\n+delete\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "del"sv, "a"sv, "b"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*2\r\n+RM\r\n+delete\r\n*2\r\n$1\r\nb\r\n*2\r\n+RM\r\n+delete\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bitfield"sv, "k"sv, "get"sv, "u8"sv, "0"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bitfield"sv, "k"sv, "set"sv, "u8"sv, "0"sv, "1"sv}),
      "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bitfield"sv, "k"sv, "incrby"sv, "u8"sv, "0"sv,
                 "1"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bitfield"sv, "k"sv, "overflow"sv, "wrap"sv,
                 "get"sv, "u8"sv, "0"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bitfield"sv, "k"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bitfield"sv, "k"sv, "get"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bitfield_ro"sv, "k"sv, "get"sv, "u8"sv, "0"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "rename"sv, "a"sv, "b"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n*2\r\n+OW\r\n"
      "+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "copy"sv, "a"sv, "b"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nb\r\n*2\r\n+OW\r\n+update\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "lmove"sv, "a"sv, "b"sv, "left"sv, "right"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n*2\r\n+RW\r\n"
      "+insert\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "smove"sv, "a"sv, "b"sv, "m"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n*2\r\n+RW\r\n"
      "+insert\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zrangestore"sv, "d"sv, "s"sv, "0"sv, "1"sv}),
      "*2\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\ns\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "bitop"sv, "and"sv, "d"sv, "a"sv, "b"sv}),
      "*3\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n"
      "*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "lcs"sv, "a"sv, "b"sv}),
      "*2\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "sdiffstore"sv, "d"sv, "a"sv, "b"sv}),
      "*3\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n"
      "*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "getex"sv, "k"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "getdel"sv, "k"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "hset"sv, "h"sv, "f"sv, "v"sv}),
            "*1\r\n*2\r\n$1\r\nh\r\n*2\r\n+RW\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "lpush"sv, "l"sv, "a"sv}),
            "*1\r\n*2\r\n$1\r\nl\r\n*2\r\n+RW\r\n+insert\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "expire"sv, "k"sv, "10"sv}),
            "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RW\r\n+update\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "touch"sv, "a"sv, "b"sv}),
            "*2\r\n*2\r\n$1\r\na\r\n*1\r\n+RO\r\n*2\r\n$1\r\nb\r\n*1\r\n+RO\r\n"sv);
  use_resp3();
  EXPECT_EQ(
      run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunionstore"sv, "d"sv, "2"sv, "a"sv, "b"sv}),
      "*3\r\n*2\r\n$1\r\nd\r\n~2\r\n+OW\r\n+update\r\n*2\r\n$1\r\na\r\n~2\r\n+RO\r\n+access\r\n"
      "*2\r\n$1\r\nb\r\n~2\r\n+RO\r\n+access\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYSANDFLAGS"sv, "zunion"sv, "2abc"sv, "a"sv, "b"sv}),
            "*2\r\n*2\r\n$1\r\na\r\n~0\r\n*2\r\n$1\r\nb\r\n~0\r\n"sv);
  EXPECT_EQ(run({"COMMAND"sv, "GETKEYS"sv, "get"sv, "k"sv}), "*1\r\n$1\r\nk\r\n"sv);
}

}  // namespace
}  // namespace kevy
