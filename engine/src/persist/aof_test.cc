// The AOF writer through the Store (persist/aof.h): the files and bytes it writes (compared with
// what redis-server 7.0.15 writes for the same commands), reopening, BGREWRITEAOF with writes
// going on, CONFIG SET appendonly, the typed API and active expiry.
#include "persist/aof.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "kevy/store.h"
#include "persist/rdb_file.h"
#include "test_support/temp_dir.h"

namespace kevy {
namespace {

constexpr int64_t kStartMs = 1700000000000;

std::string slurp(const std::string& path) {
  std::string out;
  Status s = rdb::read_file(path, &out);
  EXPECT_TRUE(s.is_ok()) << s.message();
  return out;
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class AofTest : public ::testing::Test {
 protected:
  Store open(Options opts = {}) {
    opts.with_clock(clock_).with_persist(dir_.path());
    auto s = Store::open(std::move(opts));
    EXPECT_TRUE(s.ok()) << s.status().message();
    return std::move(s.value());
  }
  std::string aof_dir() const { return dir_.file("appendonlydir"); }
  std::string aof_file(const std::string& name) const { return aof_dir() + "/" + name; }
  static std::string digest(Store& s) { return s.execute({"DEBUG", "DIGEST"}).str(); }

  TempDir dir_;
  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(kStartMs);
};

// What redis-server 7.0.15 writes for `SET a 1; set b 2; SADD s x; SADD s x` after a fresh
// start: a SELECT before the first command, client-typed names kept, a no-op SADD left out.
TEST_F(AofTest, FreshStartWritesRedisLayoutAndBytes) {
  Store s = open();
  s.execute({"SET", "a", "1"});
  s.execute({"set", "b", "2"});
  s.execute({"SADD", "s", "x"});
  s.execute({"SADD", "s", "x"});  // changed nothing: Redis does not propagate it
  EXPECT_EQ(files_in(aof_dir()),
            (std::vector<std::string>{"appendonly.aof.1.base.rdb", "appendonly.aof.1.incr.aof",
                                      "appendonly.aof.manifest"}));
  EXPECT_EQ(slurp(aof_file("appendonly.aof.manifest")),
            "file appendonly.aof.1.base.rdb seq 1 type b\n"
            "file appendonly.aof.1.incr.aof seq 1 type i\n");
  EXPECT_EQ(slurp(aof_file("appendonly.aof.1.base.rdb")).substr(0, 9), "REDIS0010");
  EXPECT_EQ(slurp(aof_file("appendonly.aof.1.incr.aof")),
            "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
            "*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n"
            "*3\r\n$3\r\nset\r\n$1\r\nb\r\n$1\r\n2\r\n"
            "*3\r\n$4\r\nSADD\r\n$1\r\ns\r\n$1\r\nx\r\n");
}

// Redis 7.0 wraps a lazily expired key's DEL and the command that found it in MULTI/EXEC, and
// writes SELECT when the db changes.
TEST_F(AofTest, LazyExpiryInsideACommandIsATransactionAndDbChangesSelect) {
  Store s = open();
  s.execute({"DEBUG", "SET-ACTIVE-EXPIRE", "0"});
  s.execute({"SET", "a", "1", "PX", "50"});
  clock_->advance_ms(100);
  s.execute({"INCR", "a"});
  Session db3;
  db3.db = 3;
  const std::string_view argv[] = {"SET", "x", "1"};
  s.execute(argv, db3);
  const std::string incr = slurp(aof_file("appendonly.aof.1.incr.aof"));
  const std::string expected =
      "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
      "*5\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n$4\r\nPXAT\r\n$13\r\n1700000000050\r\n"
      "*1\r\n$5\r\nMULTI\r\n"
      "*2\r\n$3\r\nDEL\r\n$1\r\na\r\n"
      "*2\r\n$4\r\nINCR\r\n$1\r\na\r\n"
      "*1\r\n$4\r\nEXEC\r\n"
      "*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n"
      "*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$1\r\n1\r\n";
  EXPECT_EQ(incr, expected);
}

TEST_F(AofTest, ReopenReplaysEverythingIncludingTypedCalls) {
  std::string before;
  {
    Store s = open();
    s.execute({"RPUSH", "l", "a", "b", "c"});
    s.execute({"HSET", "h", "f", "v"});
    s.execute({"EXPIRE", "l", "1000"});
    s.execute({"INCRBYFLOAT", "f", "1.5"});
    ASSERT_TRUE(s.set("typed", "v", SetOptions{}.ex(std::chrono::seconds(100))).ok());
    const std::pair<std::string_view, std::string_view> pair{"f2", "v2"};
    ASSERT_TRUE(s.hset("h", std::span(&pair, 1)).ok());
    const std::pair<double, std::string_view> item{0.1, "m"};
    ASSERT_TRUE(s.zadd("z", std::span(&item, 1)).ok());
    const std::string_view vals[] = {"x", "y"};
    ASSERT_TRUE(s.lpush("l2", vals).ok());
    ASSERT_TRUE(s.sadd("set", vals).ok());
    ASSERT_TRUE(s.incr_by("n", 5).ok());
    EXPECT_TRUE(s.expire("n", std::chrono::milliseconds(5000)));
    before = digest(s);
  }
  {
    Store again = open();
    EXPECT_EQ(digest(again), before);
    EXPECT_EQ(again.pttl("typed"), 100000);
    EXPECT_EQ(again.pttl("n"), 5000);
    EXPECT_EQ(again.zscore("z", "m").value(), 0.1);
    // Appending goes on in the same increment after a reopen.
    again.execute({"SET", "after", "1"});
  }
  Store third = open();
  EXPECT_EQ(third.get("after"), "1");
  EXPECT_EQ(files_in(aof_dir()).size(), 3u);
}

TEST_F(AofTest, BgrewriteaofMakesANewBaseAndRetiresTheOldFiles) {
  std::string before;
  {
  Store s = open();
  s.execute({"SET", "a", "1"});
  EXPECT_EQ(s.execute({"BGREWRITEAOF"}).str(), "Background append only file rewriting started");
  ASSERT_TRUE(s.rewrite_aof().is_ok());  // a second one, waited for
  s.execute({"SET", "b", "2"});
  before = digest(s);
  const std::string manifest = slurp(aof_file("appendonly.aof.manifest"));
  EXPECT_EQ(manifest,
            "file appendonly.aof.3.base.rdb seq 3 type b\n"
            "file appendonly.aof.3.incr.aof seq 3 type i\n");
  EXPECT_EQ(files_in(aof_dir()),
            (std::vector<std::string>{"appendonly.aof.3.base.rdb", "appendonly.aof.3.incr.aof",
                                      "appendonly.aof.manifest"}));
  const std::string info = s.execute({"INFO", "persistence"}).str();
  EXPECT_NE(info.find("aof_enabled:1\r\n"), std::string::npos);
  EXPECT_NE(info.find("aof_rewrites:2\r\n"), std::string::npos);
  EXPECT_NE(info.find("aof_last_bgrewrite_status:ok\r\n"), std::string::npos);
  }
  Store again = open();
  EXPECT_EQ(digest(again), before);
  EXPECT_EQ(again.get("a"), "1");
}

TEST_F(AofTest, SecondBgrewriteaofWhileOneRunsIsRefused) {
  Store s = open();
  for (int i = 0; i < 2000; ++i) s.execute({"SET", "k" + std::to_string(i), std::string(200, 'x')});
  const Reply first = s.execute({"BGREWRITEAOF"});
  const Reply second = s.execute({"BGREWRITEAOF"});
  EXPECT_EQ(first.str(), "Background append only file rewriting started");
  // The first may already be done on a fast machine; when it is not, Redis's error.
  if (second.is_error()) {
    EXPECT_EQ(second.str(), "ERR Background append only file rewriting already in progress");
  }
}

// Writes from other threads while the base is written land in the new increment: nothing lost.
TEST_F(AofTest, RewriteWithConcurrentWritersLosesNothing) {
  std::string expected;
  {
    Store s = open();
    for (int i = 0; i < 20000; ++i) s.execute({"RPUSH", "big", std::to_string(i)});
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
      Session sess;
      for (int i = 0; !stop.load(); ++i) {
        const std::string k = "w" + std::to_string(i);
        const std::string_view argv[] = {"SET", k, "v"};
        s.execute(argv, sess);
        written.store(i + 1);
      }
    });
    for (int r = 0; r < 3; ++r) ASSERT_TRUE(s.rewrite_aof().is_ok());
    stop.store(true);
    writer.join();
    EXPECT_GT(written.load(), 0);
    expected = digest(s);
  }
  Store again = open();
  EXPECT_EQ(digest(again), expected);
}

TEST_F(AofTest, ConfigSetAppendonlyTurnsItOnAndOff) {
  Options plain;
  plain.with_clock(clock_).with_dir(dir_.path());
  std::string with_aof;
  {
    Store s = std::move(Store::open(plain).value());
    s.execute({"SET", "before", "1"});
    EXPECT_FALSE(std::filesystem::exists(aof_dir()));
    EXPECT_EQ(s.execute({"CONFIG", "SET", "appendonly", "yes"}).str(), "OK");
    s.execute({"SET", "during", "2"});
    EXPECT_EQ(s.execute({"CONFIG", "SET", "appendonly", "no"}).str(), "OK");
    s.execute({"SET", "after-off", "3"});  // not in the AOF
    with_aof = s.execute({"INFO", "persistence"}).str();
  }
  EXPECT_NE(with_aof.find("aof_enabled:0\r\n"), std::string::npos);
  Store again = open();
  EXPECT_EQ(again.get("before"), "1");
  EXPECT_EQ(again.get("during"), "2");
  EXPECT_EQ(again.get("after-off"), std::nullopt);
}

TEST_F(AofTest, WithoutRdbPreambleTheBaseIsCommands) {
  std::string before;
  {
    Store s = open();
    ASSERT_EQ(s.execute({"CONFIG", "SET", "aof-use-rdb-preamble", "no"}).str(), "OK");
    s.execute({"SADD", "s", "1", "2"});
    s.execute({"SET", "t", "v", "EX", "100"});
    ASSERT_TRUE(s.rewrite_aof().is_ok());
    before = digest(s);
    EXPECT_EQ(slurp(aof_file("appendonly.aof.manifest")),
              "file appendonly.aof.2.base.aof seq 2 type b\n"
              "file appendonly.aof.2.incr.aof seq 2 type i\n");
  }
  Store again = open();
  EXPECT_EQ(digest(again), before);
  EXPECT_EQ(again.pttl("t"), 100000);
}

TEST_F(AofTest, ActiveExpiryPropagatesOneDelPerKey) {
  Store s = open();
  s.execute({"SET", "a", "1", "PX", "10"});
  s.execute({"SET", "b", "1", "PX", "10"});
  clock_->advance_ms(50);
  EXPECT_EQ(s.tick(), 2u);
  const std::string incr = slurp(aof_file("appendonly.aof.1.incr.aof"));
  EXPECT_EQ(incr.find("MULTI"), std::string::npos);
  EXPECT_NE(incr.find("*2\r\n$3\r\nDEL\r\n$1\r\na\r\n"), std::string::npos);
  EXPECT_NE(incr.find("*2\r\n$3\r\nDEL\r\n$1\r\nb\r\n"), std::string::npos);
}

TEST_F(AofTest, EveryFsyncPolicyKeepsAcknowledgedWrites) {
  for (AppendFsync policy : {AppendFsync::kAlways, AppendFsync::kEverySec, AppendFsync::kNo}) {
    TempDir dir;
    Options opts;
    opts.with_clock(clock_).with_persist(dir.path()).with_appendfsync(policy);
    {
      Store s = std::move(Store::open(opts).value());
      for (int i = 0; i < 100; ++i) s.execute({"INCR", "n"});
    }
    Store again = std::move(Store::open(opts).value());
    EXPECT_EQ(again.get("n"), "100");
    const std::string want = policy == AppendFsync::kAlways     ? "always"
                             : policy == AppendFsync::kEverySec ? "everysec"
                                                                : "no";
    EXPECT_EQ(again.config_get("appendfsync").value(), want);
  }
}

TEST_F(AofTest, ABadAofFailsTheOpen) {
  { Store s = open(); s.execute({"SET", "a", "1"}); }
  std::ofstream(aof_file("appendonly.aof.1.incr.aof"), std::ios::app) << "*2\r\n$3\r\nXYZ\r\n$1\r\na\r\n";
  auto s = Store::open(Options{}.with_clock(clock_).with_persist(dir_.path()));
  EXPECT_FALSE(s.ok());
}

TEST_F(AofTest, DebugLoadaofReloadsWhatTheFilesHold) {
  Store s = open();
  s.execute({"SET", "a", "1"});
  s.execute({"HSET", "h", "f", "v"});
  const std::string before = digest(s);
  EXPECT_EQ(s.execute({"DEBUG", "LOADAOF"}).str(), "OK");
  EXPECT_EQ(digest(s), before);
  s.execute({"SET", "b", "2"});  // appending goes on after the reload
  EXPECT_EQ(s.execute({"DEBUG", "LOADAOF"}).str(), "OK");
  EXPECT_EQ(s.get("b"), "2");

  Store plain = std::move(Store::open(Options{}.with_clock(clock_)).value());
  EXPECT_TRUE(plain.execute({"DEBUG", "LOADAOF"}).is_error());
}

// auto-aof-rewrite-percentage 100 / -min-size: once the AOF doubled over its size after the
// last rewrite (and passed the minimum), the next command starts a rewrite.
TEST_F(AofTest, AutoRewriteWhenTheFileDoubled) {
  Store s = open();
  ASSERT_EQ(s.execute({"CONFIG", "SET", "auto-aof-rewrite-min-size", "4096"}).str(), "OK");
  auto rewrites = [&] {
    const std::string info = s.execute({"INFO", "persistence"}).str();
    const size_t at = info.find("aof_rewrites:");
    return std::stoi(info.substr(at + 13));
  };
  for (int i = 0; i < 40; ++i) s.execute({"SET", "k" + std::to_string(i), std::string(50, 'v')});
  EXPECT_EQ(rewrites(), 0);  // under the minimum size
  for (int i = 0; i < 200 && rewrites() == 0; ++i) {
    s.execute({"SET", "k" + std::to_string(i), std::string(50, 'v')});
  }
  ASSERT_TRUE(s.rewrite_aof().is_ok());  // waits for the automatic one, then one more
  EXPECT_GE(rewrites(), 2);
  ASSERT_EQ(s.execute({"CONFIG", "SET", "auto-aof-rewrite-percentage", "0"}).str(), "OK");
  const int before = rewrites();
  for (int i = 0; i < 400; ++i) s.execute({"SET", "k" + std::to_string(i), std::string(50, 'w')});
  EXPECT_EQ(rewrites(), before);  // 0 turns it off
}

TEST_F(AofTest, OpenReportsLoadProgress) {
  { Store s = open(); for (int i = 0; i < 1000; ++i) s.execute({"RPUSH", "l", std::to_string(i)}); }
  uint64_t last_done = 0, last_total = 0;
  int calls = 0;
  Options opts;
  opts.load_progress = [&](uint64_t done, uint64_t total) {
    ++calls;
    last_done = done;
    last_total = total;
  };
  Store again = open(opts);
  EXPECT_GT(calls, 0);
  EXPECT_GT(last_total, 0u);
  EXPECT_EQ(last_done, last_total);
  EXPECT_EQ(again.llen("l").value(), 1000);
}

// As redis-server 7.0.15: keys SCAN and RANDOMKEY find expired go out as separate DELs, while a
// command naming its keys (EXISTS a b) wraps its DELs in MULTI/EXEC; KEYS deletes nothing.
TEST_F(AofTest, ScanAndRandomkeyPropagateEachExpiredKeyAlone) {
  Store s = open();
  s.execute({"DEBUG", "SET-ACTIVE-EXPIRE", "0"});
  const std::string path = aof_file("appendonly.aof.1.incr.aof");
  auto expire_two = [&] {
    s.execute({"SET", "a", "1", "PX", "1"});
    s.execute({"SET", "b", "1", "PX", "1"});
    clock_->advance_ms(10);
  };
  expire_two();
  const size_t before_keys = slurp(path).size();
  s.execute({"KEYS", "*"});
  EXPECT_EQ(slurp(path).size(), before_keys);
  for (const char* cmd : {"SCAN", "RANDOMKEY"}) {
    expire_two();
    const size_t from = slurp(path).size();
    if (std::string_view(cmd) == "SCAN") {
      s.execute({"SCAN", "0"});
    } else {
      s.execute({"RANDOMKEY"});
    }
    const std::string added = slurp(path).substr(from);
    EXPECT_EQ(added.find("MULTI"), std::string::npos) << cmd;
    EXPECT_NE(added.find("*2\r\n$3\r\nDEL\r\n$1\r\na\r\n"), std::string::npos) << cmd;
    EXPECT_NE(added.find("*2\r\n$3\r\nDEL\r\n$1\r\nb\r\n"), std::string::npos) << cmd;
  }
  expire_two();
  const size_t from = slurp(path).size();
  s.execute({"EXISTS", "a", "b"});
  EXPECT_EQ(slurp(path).substr(from),
            "*1\r\n$5\r\nMULTI\r\n*2\r\n$3\r\nDEL\r\n$1\r\na\r\n"
            "*2\r\n$3\r\nDEL\r\n$1\r\nb\r\n*1\r\n$4\r\nEXEC\r\n");
}

// A write that fails part way (here: the file size limit, RLIMIT_FSIZE) leaves no half command
// in the file: the partial bytes are cut off, INFO says aof_last_write_status:err, and the unit
// is written again before the next one once writing works.
TEST_F(AofTest, AFailedWriteIsRetriedWithoutLeavingHalfACommand) {
  std::string expected;
  {
    Store s = open();
    s.execute({"SET", "a", "1"});
    const std::string path = aof_file("appendonly.aof.1.incr.aof");
    const auto size = static_cast<rlim_t>(std::filesystem::file_size(path));
    struct rlimit old_limit;
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
    auto old_handler = ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old_limit;
    small.rlim_cur = size + 100;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    s.execute({"SET", "big", std::string(1000, 'x')});  // 100 bytes fit, then EFBIG
    const std::string info = s.execute({"INFO", "persistence"}).str();
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &old_limit), 0);
    ::signal(SIGXFSZ, old_handler);
    EXPECT_NE(info.find("aof_last_write_status:err\r\n"), std::string::npos);
    EXPECT_EQ(std::filesystem::file_size(path), size);  // the partial write was cut off
    s.execute({"SET", "after", "2"});
    EXPECT_NE(s.execute({"INFO", "persistence"}).str().find("aof_last_write_status:ok\r\n"),
              std::string::npos);
    expected = digest(s);
  }
  Store again = open();
  EXPECT_EQ(digest(again), expected);
  EXPECT_EQ(again.get("big"), std::string(1000, 'x'));
}

}  // namespace
}  // namespace kevy
