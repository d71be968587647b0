// write_commands: the bytes redis-server 7.0.15 writes for a rewrite with aof-use-rdb-preamble
// no (exact for one key per db, where order cannot differ), the 64-item batches, replaying the
// output rebuilds the keyspace, and a live redis-server's base.aof for the same data matches
// once key and member order are set aside.
#include "persist/aof_rewrite_commands.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands/call.h"
#include "commands/command_table.h"
#include "commands/debug_digest.h"
#include "kevy/clock.h"
#include "persist/aof_manifest.h"
#include "persist/aof_reader.h"
#include "test_support/redis_oracle.h"

namespace kevy::aof {
namespace {

using Cmds = std::vector<std::vector<std::string>>;

class AofRewriteTest : public ::testing::Test {
 protected:
  std::unique_ptr<Keyspace> keyspace() {
    return std::make_unique<Keyspace>(Options{}.with_clock(clock_));
  }
  static void run_all(Keyspace& ks, const Cmds& cmds) {
    Session session;
    for (const auto& c : cmds) {
      std::vector<std::string_view> views(c.begin(), c.end());
      Reply reply;
      const CommandSpec* spec = CommandTable::instance().resolve(Args(views), &reply);
      ASSERT_NE(spec, nullptr) << c[0];
      ks.begin_command();
      CommandContext ctx{ks, session};
      reply = call_command(ctx, *spec, Args(views));
      ASSERT_FALSE(reply.is_error()) << c[0] << ": " << reply.str();
    }
  }
  static Cmds parse(std::string_view bytes) {
    AofReader r;
    r.open_bytes(bytes);
    Cmds out;
    std::vector<std::string> argv;
    AofReader::Next n;
    while ((n = r.next(&argv)) == AofReader::Next::kCommand) out.push_back(argv);
    EXPECT_EQ(n, AofReader::Next::kEnd);
    return out;
  }
  static std::string state(Keyspace& ks) {
    std::string out = dataset_digest(ks);
    std::vector<std::string> ttls;
    for (int db = 0; db < ks.num_dbs(); ++db) {
      ks.db(db).main.for_each([&](Entry* e) {
        const int64_t when = ks.get_expire(db, e);
        if (when != -1) ttls.push_back(std::to_string(db) + ":" + std::string(e->key()) + "@" + std::to_string(when));
      });
    }
    std::sort(ttls.begin(), ttls.end());
    for (const std::string& t : ttls) out += " " + t;
    return out;
  }

  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(1700000000000);
};

std::string resp(const std::vector<std::string>& argv) {
  std::string out = "*" + std::to_string(argv.size()) + "\r\n";
  for (const std::string& a : argv) out += "$" + std::to_string(a.size()) + "\r\n" + a + "\r\n";
  return out;
}

TEST_F(AofRewriteTest, OneKeyPerDbIsByteExact) {
  auto ks = keyspace();
  std::vector<std::string> rpush = {"RPUSH", "l"};
  for (int i = 1; i <= 70; ++i) rpush.push_back(std::to_string(i));
  run_all(*ks, {{"SET", "s1", "hello"},
                {"PEXPIREAT", "s1", "1795689077249"},
                {"SELECT", "1"},
                rpush,
                {"SELECT", "2"},
                {"ZADD", "z", "1.1", "a", "2", "b", "inf", "c", "-inf", "d", "3e20", "e"},
                {"SELECT", "3"},
                {"HSET", "h", "f", "v", "n", "1"},
                {"SELECT", "4"},
                {"SADD", "si", "3", "1", "2"},
                {"SELECT", "9"},
                {"SET", "n", "12345"}});
  std::string out;
  ASSERT_TRUE(write_commands(*ks, &out).is_ok());
  // As redis-server 7.0.15 wrote the same keys (BGREWRITEAOF, aof-use-rdb-preamble no).
  std::string want = resp({"SELECT", "0"}) + resp({"SET", "s1", "hello"}) +
                     resp({"PEXPIREAT", "s1", "1795689077249"}) + resp({"SELECT", "1"});
  std::vector<std::string> first = {"RPUSH", "l"}, second = {"RPUSH", "l"};
  for (int i = 1; i <= 64; ++i) first.push_back(std::to_string(i));
  for (int i = 65; i <= 70; ++i) second.push_back(std::to_string(i));
  want += resp(first) + resp(second) + resp({"SELECT", "2"}) +
          resp({"ZADD", "z", "-inf", "d", "1.1000000000000001", "a", "2", "b", "3e+20", "e", "inf", "c"}) +
          resp({"SELECT", "3"}) + resp({"HMSET", "h", "f", "v", "n", "1"}) + resp({"SELECT", "4"}) +
          resp({"SADD", "si", "1", "2", "3"}) + resp({"SELECT", "9"}) + resp({"SET", "n", "12345"});
  EXPECT_EQ(out, want);
}

TEST_F(AofRewriteTest, BatchesOf64ItemsAndReplayRebuildsTheKeyspace) {
  auto ks = keyspace();
  Cmds cmds;
  for (const std::string type : {"list", "set", "zset", "hash"}) {
    for (int n : {1, 63, 64, 65, 128, 129, 300}) {
      const std::string key = type + std::to_string(n);
      std::vector<std::string> c;
      if (type == "list") c = {"RPUSH", key};
      if (type == "set") c = {"SADD", key};
      if (type == "zset") c = {"ZADD", key};
      if (type == "hash") c = {"HSET", key};
      for (int i = 0; i < n; ++i) {
        if (type == "zset") c.push_back(std::to_string(i % 7) + ".25");
        c.push_back((type == "set" && n < 100 ? "" : "m") + std::to_string(i));
        if (type == "hash") c.push_back(std::string(static_cast<size_t>(i % 80), 'x'));
      }
      cmds.push_back(c);
      cmds.push_back({"PEXPIREAT", key, std::to_string(1800000000000 + n)});
    }
  }
  cmds.push_back({"SET", "binary", std::string("a\0\r\n$*b", 7)});
  cmds.push_back({"ZADD", "negzero", "-0", "x"});
  run_all(*ks, cmds);

  std::string out;
  ASSERT_TRUE(write_commands(*ks, &out).is_ok());
  const Cmds written = parse(out);
  std::map<std::string, std::vector<size_t>> batches;
  for (const auto& c : written) {
    if (c[0] == "RPUSH" || c[0] == "SADD") batches[c[1]].push_back(c.size() - 2);
    if (c[0] == "ZADD" || c[0] == "HMSET") batches[c[1]].push_back((c.size() - 2) / 2);
  }
  for (const std::string type : {"list", "set", "zset", "hash"}) {
    EXPECT_EQ(batches[type + "1"], (std::vector<size_t>{1}));
    EXPECT_EQ(batches[type + "64"], (std::vector<size_t>{64}));
    EXPECT_EQ(batches[type + "65"], (std::vector<size_t>{64, 1}));
    EXPECT_EQ(batches[type + "129"], (std::vector<size_t>{64, 64, 1}));
    EXPECT_EQ(batches[type + "300"], (std::vector<size_t>{64, 64, 64, 64, 44}));
  }
  auto back = keyspace();
  run_all(*back, written);
  EXPECT_EQ(state(*back), state(*ks));

  // The drain sees the same bytes in pieces.
  std::string drained, buf;
  size_t calls = 0;
  ASSERT_TRUE(write_commands(*ks, &buf, [&](std::string& bytes) {
                ++calls;
                drained += bytes;
                bytes.clear();
                return Status::ok();
              }).is_ok());
  EXPECT_EQ(drained, out);
  EXPECT_GE(calls, 1u);
  EXPECT_TRUE(buf.empty());
  const Status fail = write_commands(*ks, &buf, [](std::string&) { return Status::io_error("disk full"); });
  EXPECT_EQ(fail.message(), "disk full");
}

TEST_F(AofRewriteTest, EmptyKeyspaceWritesNothing) {
  auto ks = keyspace();
  std::string out;
  ASSERT_TRUE(write_commands(*ks, &out).is_ok());
  EXPECT_EQ(out, "");
}

// What one key's rewrite holds, independent of the order of keys and of members.
struct KeyForm {
  std::vector<std::string> names;    // command names in order
  std::vector<size_t> batches;       // items per collection command
  std::vector<std::string> items;    // elements (list: in order; others: sorted)
  bool operator==(const KeyForm&) const = default;
};

std::map<std::string, KeyForm> normalize(const Cmds& cmds) {
  std::map<std::string, KeyForm> out;
  std::string db = "?";
  for (const auto& c : cmds) {
    if (c[0] == "SELECT") {
      db = c[1];
      continue;
    }
    KeyForm& k = out[db + "/" + c[1]];
    k.names.push_back(c[0]);
    if (c[0] == "SET" || c[0] == "PEXPIREAT") {
      k.items.push_back(c[0] + "=" + c[2]);
    } else if (c[0] == "RPUSH" || c[0] == "SADD") {
      k.batches.push_back(c.size() - 2);
      k.items.insert(k.items.end(), c.begin() + 2, c.end());
    } else {
      k.batches.push_back((c.size() - 2) / 2);
      for (size_t i = 2; i + 1 < c.size(); i += 2) k.items.push_back(c[i] + " " + c[i + 1]);
    }
    if (c[0] != "RPUSH") std::sort(k.items.begin(), k.items.end());
  }
  return out;
}

TEST_F(AofRewriteTest, MatchesRedisBaseAof) {
  if (!RedisOracle::available()) GTEST_SKIP() << "redis-server is not installed";
  Cmds cmds = {{"SET", "str", "hello"},
               {"SET", "int", "-9007199254740993"},
               {"SET", "ttl", "v"},
               {"PEXPIREAT", "ttl", "1900000000000"},
               {"ZADD", "zl", "1.1", "a", "2", "b", "inf", "c", "-inf", "d", "3e20", "e", "0.1", "f"},
               {"HSET", "hl", "f", "v", "n", "1", "neg", "-5"},
               {"SADD", "intset", "5", "-3", "100000000000"},
               {"SADD", "strset", "x", "y", "z"},
               {"RPUSH", "lst", "a", "1", "-2", "3.5"},
               {"SELECT", "6"},
               {"SET", "in6", "x"}};
  std::vector<std::string> bl = {"RPUSH", "biglist"}, bs = {"SADD", "bigset"},
                           bz = {"ZADD", "bigzset"}, bh = {"HSET", "bighash"};
  for (int i = 0; i < 150; ++i) {
    const std::string v = std::to_string(i);
    bl.push_back("e" + v);
    bs.push_back("s" + v);
    bz.push_back(std::to_string(i / 3.0));
    bz.push_back("m" + v);
    bh.push_back("f" + v);
    bh.push_back(std::string(static_cast<size_t>(i), 'h'));
  }
  cmds.insert(cmds.begin(), {bl, bs, bz, bh, {"PEXPIREAT", "bigzset", "1900000000123"}});

  RedisOracle r;
  ASSERT_TRUE(r.start({"--appendonly", "yes", "--aof-use-rdb-preamble", "no"}));
  for (const auto& c : cmds) ASSERT_EQ(r.call(c).rfind('-', 0), std::string::npos) << c[0];
  EXPECT_EQ(r.call({"BGREWRITEAOF"}), "Background append only file rewriting started");
  r.wait_rewrite();
  Result<Manifest> m = read_manifest_file(r.dir() + "/appendonlydir", "appendonly.aof");
  ASSERT_TRUE(m.ok() && m->base.has_value());
  EXPECT_EQ(m->base->name, "appendonly.aof.2.base.aof");
  std::ifstream in(r.dir() + "/appendonlydir/" + m->base->name, std::ios::binary);
  std::stringstream redis_bytes;
  redis_bytes << in.rdbuf();
  r.stop();

  auto ks = keyspace();
  run_all(*ks, cmds);
  std::string out;
  ASSERT_TRUE(write_commands(*ks, &out).is_ok());
  const auto want = normalize(parse(redis_bytes.str()));
  const auto got = normalize(parse(out));
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [key, form] : want) {
    auto it = got.find(key);
    ASSERT_NE(it, got.end()) << key;
    EXPECT_EQ(it->second.names, form.names) << key;
    EXPECT_EQ(it->second.batches, form.batches) << key;
    EXPECT_EQ(it->second.items, form.items) << key;
  }
  // The same commands, SELECTs included, once sorted.
  EXPECT_EQ(out.size(), redis_bytes.str().size());
}

}  // namespace
}  // namespace kevy::aof
