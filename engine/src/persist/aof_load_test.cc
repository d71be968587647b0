// aof::load: base RDB / base AOF + increments, history ignored, SELECT and MULTI/EXEC, the cut
// tail of the last file (aof-load-truncated yes / no), cuts elsewhere, unknown commands, bad
// bytes at every position (never a crash), the old single-file upgrade, and appendonlydirs made
// by a live redis-server 7.0.15 loading to the same DEBUG DIGEST.
#include "persist/aof_load.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands/call.h"
#include "commands/command_table.h"
#include "commands/debug_digest.h"
#include "kevy/clock.h"
#include "persist/aof_rewrite_commands.h"
#include "persist/rdb_file.h"
#include "test_support/redis_oracle.h"

namespace kevy::aof {
namespace {

constexpr std::string_view kPrefix = "appendonly.aof";

std::string resp(std::initializer_list<std::string_view> argv) {
  std::string out;
  append_command(&out, argv);
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const std::string& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

class AofLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kevy-aofload-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    dir_ = root_ + "/appendonlydir";
    std::filesystem::create_directory(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::unique_ptr<Keyspace> keyspace() {
    return std::make_unique<Keyspace>(Options{}.with_clock(clock_));
  }
  // Runs one command on ks as the loader does (session kept by the caller).
  static std::string run(Keyspace& ks, Session& session, std::vector<std::string> argv) {
    std::vector<std::string_view> views(argv.begin(), argv.end());
    Reply reply;
    if (const CommandSpec* spec = CommandTable::instance().resolve(Args(views), &reply)) {
      ks.begin_command();
      CommandContext ctx{ks, session};
      reply = call_command(ctx, *spec, Args(views));
    }
    return reply.to_resp(2);
  }
  static void run_all(Keyspace& ks, const std::vector<std::vector<std::string>>& cmds) {
    Session session;
    for (const auto& c : cmds) run(ks, session, c);
  }
  // Digest plus every key's TTL, so that two keyspaces compare in one EXPECT.
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

  void manifest(std::string_view text) { write_text(dir_ + "/" + manifest_file_name(kPrefix), text); }
  void file(const std::string& name, std::string_view bytes) { write_text(dir_ + "/" + name, bytes); }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

  Status load(Keyspace& ks, LoadInfo* info, bool load_truncated = true) {
    LoadParams p;
    p.load_truncated = load_truncated;
    return aof::load(ks, dir_, kPrefix, p, info);
  }

  // A dataset of every type, TTLs, three dbs.
  static std::vector<std::vector<std::string>> dataset() {
    std::vector<std::vector<std::string>> c = {
        {"SET", "s", "hello"},         {"SET", "n", "12345"},
        {"SET", "ttl", "x"},           {"PEXPIREAT", "ttl", "1800000000000"},
        {"RPUSH", "l", "a", "b", "c"}, {"SADD", "si", "1", "2", "3"},
        {"SADD", "ss", "x", "y"},      {"ZADD", "z", "1.5", "a", "-inf", "b", "3", "c"},
        {"HSET", "h", "f", "v", "g", "1"},
        {"SELECT", "2"},               {"SET", "other", "db2"},
        {"SELECT", "15"},              {"RPUSH", "last", "q"},
    };
    std::vector<std::string> big = {"RPUSH", "big"};
    for (int i = 0; i < 150; ++i) big.push_back("e" + std::to_string(i));
    c.insert(c.begin(), big);
    return c;
  }

  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(1700000000000);
  std::string root_;
  std::string dir_;
};

TEST_F(AofLoadTest, RdbBaseThenIncrementsEachStartingInDb0) {
  auto src = keyspace();
  run_all(*src, dataset());
  std::string base;
  rdb::SaveParams sp;
  sp.aof_base = true;
  src->begin_command();
  ASSERT_TRUE(rdb::serialize(*src, sp, &base).is_ok());
  file("appendonly.aof.1.base.rdb", base);
  file("appendonly.aof.1.incr.aof", resp({"SELECT", "0"}) + resp({"set", "x", "1"}) +
                                        resp({"SELECT", "3"}) + resp({"rpush", "l3", "a", "b"}));
  // A fresh client per file: this one starts in db 0 although the previous file ended in db 3.
  file("appendonly.aof.2.incr.aof", resp({"set", "y", "2"}) + resp({"MULTI"}) +
                                        resp({"incr", "x"}) + resp({"SELECT", "4"}) +
                                        resp({"set", "in4", "v"}) + resp({"EXEC"}));
  manifest("file appendonly.aof.1.base.rdb seq 1 type b\n"
           "file appendonly.aof.1.incr.aof seq 1 type i\n"
           "file appendonly.aof.2.incr.aof seq 2 type i\n");

  auto want = keyspace();
  run_all(*want, dataset());
  run_all(*want, {{"SELECT", "0"}, {"set", "x", "1"}, {"SELECT", "3"}, {"rpush", "l3", "a", "b"}});
  run_all(*want, {{"set", "y", "2"}, {"incr", "x"}, {"SELECT", "4"}, {"set", "in4", "v"}});

  auto ks = keyspace();
  LoadInfo info;
  std::vector<std::pair<uint64_t, uint64_t>> progress;
  LoadParams p;
  p.progress = [&](uint64_t done, uint64_t total) { progress.emplace_back(done, total); };
  ASSERT_TRUE(aof::load(*ks, dir_, kPrefix, p, &info).is_ok());
  EXPECT_EQ(state(*ks), state(*want));
  EXPECT_EQ(info.base_keys, 11u);
  EXPECT_EQ(info.commands, 8u);
  EXPECT_EQ(info.errors, 0u);
  EXPECT_FALSE(info.truncated);
  EXPECT_EQ(info.manifest.incrs.size(), 2u);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().first, progress.back().second);
  EXPECT_EQ(progress.back().second, base.size() + read_text(path("appendonly.aof.1.incr.aof")).size() +
                                        read_text(path("appendonly.aof.2.incr.aof")).size());
  EXPECT_FALSE(ks->loading());
  EXPECT_FALSE(ks->propagation().active());
}

TEST_F(AofLoadTest, CommandBaseAndHistoryIgnored) {
  auto src = keyspace();
  run_all(*src, dataset());
  std::string base;
  ASSERT_TRUE(write_commands(*src, &base).is_ok());
  file("appendonly.aof.2.base.aof", base);
  file("appendonly.aof.2.incr.aof", "");
  file("appendonly.aof.1.base.rdb", "garbage that would fail");
  manifest("file appendonly.aof.2.base.aof seq 2 type b\n"
           "file appendonly.aof.1.base.rdb seq 1 type h\n"
           "file appendonly.aof.1.incr.aof seq 1 type h\n"  // missing: history is never opened
           "file appendonly.aof.2.incr.aof seq 2 type i\n");
  auto ks = keyspace();
  LoadInfo info;
  ASSERT_TRUE(load(*ks, &info).is_ok());
  EXPECT_EQ(state(*ks), state(*src));
  EXPECT_EQ(info.base_keys, 0u);
  EXPECT_GT(info.commands, 10u);
  EXPECT_EQ(info.manifest.history.size(), 2u);
}

TEST_F(AofLoadTest, NoManifestEmptyFilesAndMissingFiles) {
  auto ks = keyspace();
  LoadInfo info;
  EXPECT_EQ(load(*ks, &info).code(), Status::Code::kNotFound);

  manifest("#nothing listed\n");
  EXPECT_TRUE(load(*ks, &info).is_ok());

  file("appendonly.aof.1.base.rdb", "");
  file("appendonly.aof.1.incr.aof", "");
  manifest("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n");
  EXPECT_TRUE(load(*ks, &info).is_ok());
  EXPECT_EQ(dataset_digest(*ks), std::string(40, '0'));

  manifest("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.9.incr.aof seq 9 type i\n");
  Status s = load(*ks, &info);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_EQ(s.message(),
            "Unable to obtain the AOF file appendonly.aof.9.incr.aof length. stat: No such file or directory");

  manifest("file a seq 0 type i\n");
  s = load(*ks, &info);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_EQ(s.message().rfind("Invalid AOF manifest file format", 0), 0u);
}

TEST_F(AofLoadTest, CutTailOfTheLastFileIsTruncatedWhenAllowed) {
  const std::string whole = resp({"SELECT", "0"}) + resp({"set", "a", "1"});
  const std::string cut = resp({"set", "b", "2"}).substr(0, 17);
  file("appendonly.aof.1.incr.aof", whole + cut);
  manifest("file appendonly.aof.1.incr.aof seq 1 type i\n");

  auto ks = keyspace();
  LoadInfo info;
  Status s = load(*ks, &info, /*load_truncated=*/false);
  ASSERT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_EQ(s.message().rfind("Unexpected end of file reading the append only file "
                              "appendonly.aof.1.incr.aof at offset 50",
                              0),
            0u)
      << s.message();
  EXPECT_EQ(read_text(path("appendonly.aof.1.incr.aof")).size(), whole.size() + cut.size());

  ks = keyspace();
  ASSERT_TRUE(load(*ks, &info).is_ok());
  EXPECT_TRUE(info.truncated);
  EXPECT_EQ(info.truncated_file, "appendonly.aof.1.incr.aof");
  EXPECT_EQ(info.truncated_to, 50u);  // redis-server 7.0.15: "Truncating the AOF ... at offset 50"
  EXPECT_EQ(read_text(path("appendonly.aof.1.incr.aof")), whole);
  EXPECT_NE(ks->db(0).main.find("a"), nullptr);
  EXPECT_EQ(ks->db(0).main.find("b"), nullptr);

  // Loads cleanly afterwards.
  auto again = keyspace();
  ASSERT_TRUE(load(*again, &info).is_ok());
  EXPECT_FALSE(info.truncated);
  EXPECT_EQ(state(*again), state(*ks));
}

TEST_F(AofLoadTest, CutInAnEarlierFileIsFatalAndLeftAlone) {
  const std::string first = resp({"SELECT", "0"}) + resp({"set", "a", "1"}) + resp({"set", "b", "2"}).substr(0, 20);
  file("appendonly.aof.1.incr.aof", first);
  file("appendonly.aof.2.incr.aof", resp({"set", "c", "3"}));
  manifest("file appendonly.aof.1.incr.aof seq 1 type i\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
  auto ks = keyspace();
  LoadInfo info;
  Status s = load(*ks, &info);
  ASSERT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_EQ(s.message(), "Unexpected end of file reading the append only file appendonly.aof.1.incr.aof "
                         "at offset 50: the truncated file is not the last file");
  EXPECT_EQ(read_text(path("appendonly.aof.1.incr.aof")), first);

  // A cut base with an empty increment after it: the base is not the last file either.
  file("appendonly.aof.1.base.aof", resp({"SELECT", "0"}) + "*3\r\n$3\r\nset");
  file("appendonly.aof.1.incr.aof", "");
  manifest("file appendonly.aof.1.base.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n");
  ks = keyspace();
  s = load(*ks, &info);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("the truncated file is not the last file"), std::string::npos);
}

TEST_F(AofLoadTest, MultiExecBlocks) {
  const std::string before = resp({"SELECT", "0"}) + resp({"set", "a", "1"});
  const std::string block = resp({"MULTI"}) + resp({"set", "b", "2"}) + resp({"incr", "a"}) + resp({"EXEC"});
  const std::string open = resp({"MULTI"}) + resp({"set", "c", "3"}) + resp({"set", "d", "4"});
  file("appendonly.aof.1.incr.aof", before + block + resp({"exec"}) + open);
  manifest("file appendonly.aof.1.incr.aof seq 1 type i\n");
  auto ks = keyspace();
  LoadInfo info;
  ASSERT_TRUE(load(*ks, &info).is_ok());
  // The complete block applied; the EXEC without MULTI replied an error (ignored, as Redis
  // logs it); the open block at the end discarded and cut off.
  auto want = keyspace();
  run_all(*want, {{"set", "a", "1"}, {"set", "b", "2"}, {"incr", "a"}});
  EXPECT_EQ(state(*ks), state(*want));
  EXPECT_EQ(info.errors, 1u);
  EXPECT_EQ(info.first_error, "ERR EXEC without MULTI");
  EXPECT_TRUE(info.truncated);
  EXPECT_EQ(info.truncated_to, before.size() + block.size() + resp({"exec"}).size());
  EXPECT_EQ(read_text(path("appendonly.aof.1.incr.aof")), before + block + resp({"exec"}));

  // A command cut inside a block: cut before the MULTI at once.
  file("appendonly.aof.1.incr.aof", before + open + resp({"set", "e", "5"}).substr(0, 9));
  ks = keyspace();
  ASSERT_TRUE(load(*ks, &info).is_ok());
  EXPECT_EQ(info.truncated_to, before.size());
  EXPECT_EQ(ks->db(0).main.find("c"), nullptr);
  EXPECT_EQ(read_text(path("appendonly.aof.1.incr.aof")), before);

  // Unterminated with aof-load-truncated no: an error.
  file("appendonly.aof.1.incr.aof", before + open);
  ks = keyspace();
  EXPECT_EQ(load(*ks, &info, false).code(), Status::Code::kCorruption);
}

TEST_F(AofLoadTest, UnknownCommandsBadBytesAndWrongArity) {
  manifest("file appendonly.aof.1.incr.aof seq 1 type i\n");
  struct Case {
    std::string bytes;
    std::string message;
  };
  const std::string head = resp({"SELECT", "0"}) + resp({"set", "a", "1"});  // 50 bytes
  const Case cases[] = {
      {head + resp({"foo", "b"}),
       "Unknown command 'foo' reading the append only file appendonly.aof.1.incr.aof at offset 50"},
      {head + resp({"MULTI"}) + resp({"foo"}) + resp({"EXEC"}),
       "Unknown command 'foo' reading the append only file appendonly.aof.1.incr.aof at offset 65"},
      {head + "hello\r\n",
       "Bad file format reading the append only file appendonly.aof.1.incr.aof at offset 50: "
       "expected '*', got 'h'"},
      {head + resp({"set", "b"}),
       "Bad file format reading the append only file appendonly.aof.1.incr.aof at offset 50: "
       "ERR wrong number of arguments for 'set' command"},
  };
  for (const Case& c : cases) {
    file("appendonly.aof.1.incr.aof", c.bytes);
    auto ks = keyspace();
    LoadInfo info;
    Status s = load(*ks, &info);
    EXPECT_EQ(s.code(), Status::Code::kCorruption);
    EXPECT_EQ(s.message(), c.message);
    EXPECT_EQ(read_text(path("appendonly.aof.1.incr.aof")), c.bytes);  // never truncated
  }
}

TEST_F(AofLoadTest, NothingExpiresWhileLoading) {
  // A TTL in the past is set, not applied, while loading (Redis: server.loading); the key is
  // still in the tables afterwards, for the next access or the active cycle to delete.
  file("appendonly.aof.1.incr.aof",
       resp({"SELECT", "0"}) + resp({"set", "gone", "v"}) + resp({"PEXPIREAT", "gone", "1000"}) +
           resp({"set", "kept", "v"}) + resp({"PEXPIREAT", "kept", "1000"}) + resp({"get", "gone"}) +
           resp({"append", "kept", "w"}));
  manifest("file appendonly.aof.1.incr.aof seq 1 type i\n");
  auto ks = keyspace();
  ks->propagation().set_active(true);  // as with appendonly on: restored after the load
  LoadInfo info;
  ASSERT_TRUE(load(*ks, &info).is_ok());
  EXPECT_TRUE(ks->propagation().active());
  EXPECT_FALSE(ks->propagation().has_ops());
  Entry* kept = ks->db(0).main.find("kept");
  ASSERT_NE(kept, nullptr);
  char buf[24];
  EXPECT_EQ(kept->string_value(buf), "vw");
  EXPECT_EQ(ks->get_expire(0, kept), 1000);
  EXPECT_NE(ks->db(0).main.find("gone"), nullptr);
}

// Every byte of a small two-file AOF flipped, and every cut of its last file: the load returns
// (a Status or the truncation recovery) and never crashes; a cut always loads exactly the
// whole commands before it.
TEST_F(AofLoadTest, CorruptedBytesNeverCrash) {
  auto src = keyspace();
  run_all(*src, {{"SET", "s", "v"}, {"RPUSH", "l", "a", "b"}, {"HSET", "h", "f", "1"}});
  std::string base;
  ASSERT_TRUE(write_commands(*src, &base).is_ok());
  const std::vector<std::vector<std::string>> incr_cmds = {
      {"SELECT", "1"}, {"set", "x", "10"}, {"MULTI"}, {"incr", "x"}, {"sadd", "s1", "m"},
      {"EXEC"},        {"PEXPIREAT", "x", "1800000000000"}, {"del", "x"}, {"zadd", "z", "1", "a"}};
  std::string incr;
  std::vector<size_t> ends;
  for (const auto& c : incr_cmds) {
    std::vector<std::string_view> v(c.begin(), c.end());
    incr += "*" + std::to_string(v.size()) + "\r\n";
    for (std::string_view a : v) incr += "$" + std::to_string(a.size()) + "\r\n" + std::string(a) + "\r\n";
    ends.push_back(incr.size());
  }
  manifest("file appendonly.aof.1.base.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n");

  // Cuts of the last file: always loads, with the whole commands (and whole blocks) before.
  file("appendonly.aof.1.base.aof", base);
  for (size_t cut = 0; cut <= incr.size(); ++cut) {
    file("appendonly.aof.1.incr.aof", incr.substr(0, cut));
    auto ks = keyspace();
    LoadInfo info;
    Status s = load(*ks, &info);
    ASSERT_TRUE(s.is_ok()) << "cut " << cut << ": " << s.message();
    auto want = keyspace();
    run_all(*want, {{"SET", "s", "v"}, {"RPUSH", "l", "a", "b"}, {"HSET", "h", "f", "1"}});
    Session session;
    bool in_multi = false;
    std::vector<std::vector<std::string>> queued;
    for (size_t i = 0; i < incr_cmds.size() && ends[i] <= cut; ++i) {
      if (incr_cmds[i][0] == "MULTI") {
        in_multi = true;
      } else if (incr_cmds[i][0] == "EXEC") {
        for (auto& q : queued) run(*want, session, q);
        queued.clear();
        in_multi = false;
      } else if (in_multi) {
        queued.push_back(incr_cmds[i]);
      } else {
        run(*want, session, incr_cmds[i]);
      }
    }
    EXPECT_EQ(state(*ks), state(*want)) << "cut " << cut;
  }

  // Flipped bytes anywhere in either file (the other one intact).
  size_t ok = 0, failed = 0;
  for (int which = 0; which < 2; ++which) {
    const std::string& orig = which == 0 ? base : incr;
    file("appendonly.aof.1.base.aof", base);
    file("appendonly.aof.1.incr.aof", incr);
    const std::string name = which == 0 ? "appendonly.aof.1.base.aof" : "appendonly.aof.1.incr.aof";
    for (size_t i = 0; i < orig.size(); ++i) {
      for (char repl : {'\xff', '9'}) {
        std::string bad = orig;
        if (bad[i] == repl) continue;
        bad[i] = repl;
        file(name, bad);
        auto ks = keyspace();
        LoadInfo info;
        Status s = load(*ks, &info);
        (s.is_ok() ? ok : failed)++;
      }
    }
  }
  EXPECT_GT(failed, 0u);
  EXPECT_GT(ok, 0u);
}

TEST_F(AofLoadTest, CorruptedRdbBaseIsAnError) {
  auto src = keyspace();
  run_all(*src, dataset());
  std::string base;
  rdb::SaveParams sp;
  sp.aof_base = true;
  src->begin_command();
  ASSERT_TRUE(rdb::serialize(*src, sp, &base).is_ok());
  file("appendonly.aof.1.incr.aof", "");
  manifest("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n");
  for (size_t i = 5; i < base.size(); i += 7) {
    std::string bad = base;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    file("appendonly.aof.1.base.rdb", bad);
    auto ks = keyspace();
    LoadInfo info;
    Status s = load(*ks, &info);
    if (!s.is_ok()) {
      EXPECT_EQ(s.message().rfind("Error reading the RDB base file appendonly.aof.1.base.rdb, "
                                  "AOF loading aborted: ",
                                  0),
                0u)
          << s.message();
    }
  }
  file("appendonly.aof.1.base.rdb", base.substr(0, base.size() - 3));
  auto ks = keyspace();
  LoadInfo info;
  EXPECT_EQ(load(*ks, &info).code(), Status::Code::kCorruption);
}

TEST_F(AofLoadTest, OldSingleFileAofIsUpgradedThenLoaded) {
  // Redis < 7.0: <dir>/appendonly.aof, here with an RDB preamble and a command tail.
  auto src = keyspace();
  run_all(*src, dataset());
  std::string old;
  rdb::SaveParams sp;
  sp.aof_base = true;
  src->begin_command();
  ASSERT_TRUE(rdb::serialize(*src, sp, &old).is_ok());
  old += resp({"SELECT", "2"}) + resp({"set", "tail", "1"});
  std::filesystem::remove_all(dir_);
  write_text(root_ + "/appendonly.aof", old);

  bool upgraded = false;
  ASSERT_TRUE(upgrade_old_style(root_, dir_, kPrefix, &upgraded).is_ok());
  EXPECT_TRUE(upgraded);
  EXPECT_FALSE(std::filesystem::exists(root_ + "/appendonly.aof"));
  EXPECT_EQ(read_text(path("appendonly.aof.manifest")), "file appendonly.aof seq 1 type b\n");
  EXPECT_EQ(read_text(path("appendonly.aof")), old);

  auto ks = keyspace();
  LoadInfo info;
  ASSERT_TRUE(load(*ks, &info).is_ok());
  run_all(*src, {{"SELECT", "2"}, {"set", "tail", "1"}});
  EXPECT_EQ(state(*ks), state(*src));
  EXPECT_EQ(info.base_keys, 11u);
  EXPECT_EQ(info.commands, 2u);

  // Nothing to do now, nor when the directory has an AOF of its own.
  ASSERT_TRUE(upgrade_old_style(root_, dir_, kPrefix, &upgraded).is_ok());
  EXPECT_FALSE(upgraded);
  write_text(root_ + "/appendonly.aof", "x");
  ASSERT_TRUE(upgrade_old_style(root_, dir_, kPrefix, &upgraded).is_ok());
  EXPECT_FALSE(upgraded);
  // A directory whose manifest names nothing: upgraded (history kept).
  manifest("file appendonly.aof.7.base.rdb seq 7 type h\n");
  ASSERT_TRUE(upgrade_old_style(root_, dir_, kPrefix, &upgraded).is_ok());
  EXPECT_TRUE(upgraded);
  EXPECT_EQ(read_text(path("appendonly.aof.manifest")),
            "file appendonly.aof seq 1 type b\nfile appendonly.aof.7.base.rdb seq 7 type h\n");
}

// ---- against redis-server 7.0.15 --------------------------------------------------------------

// Writes of every kind, through a live redis-server with the AOF on, in its propagated forms
// (lazy-expiry DELs in MULTI blocks, SPOP as SREM, INCRBYFLOAT as SET KEEPTTL, ...).
void populate(RedisOracle& r, int round) {
  const std::string p = "r" + std::to_string(round) + ":";
  std::vector<std::string> big_list = {"RPUSH", p + "list"};
  std::vector<std::string> big_set = {"SADD", p + "set"};
  std::vector<std::string> big_zset = {"ZADD", p + "zset"};
  std::vector<std::string> big_hash = {"HSET", p + "hash"};
  for (int i = 0; i < 200; ++i) {
    const std::string v = std::to_string(i);
    big_list.push_back("item-" + v);
    big_set.push_back("m" + v);
    big_zset.push_back(std::to_string(i * 1.25));
    big_zset.push_back("z" + v);
    big_hash.push_back("f" + v);
    big_hash.push_back(std::string(static_cast<size_t>(i % 70), 'v'));
  }
  for (const auto& c : {big_list, big_set, big_zset, big_hash}) r.call(c);
  const std::vector<std::vector<std::string>> cmds = {
      {"SET", p + "str", "hello"},
      {"SET", p + "int", "-42"},
      {"SET", p + "ttl", "x", "EX", "100000"},
      {"SET", p + "short", "x", "PX", "1"},
      {"SADD", p + "ints", "1", "2", "3", "-7"},
      {"ZADD", p + "zs", "1.1", "a", "inf", "b", "-inf", "c", "3e20", "d"},
      {"HSET", p + "hs", "f", "v", "n", "1"},
      {"LPUSH", p + "lp", "x", "y", "z"},
      {"INCRBYFLOAT", p + "float", "1.5"},
      {"HINCRBYFLOAT", p + "hs", "fl", "2.5"},
      {"EXPIRE", p + "hs", "5000"},
      {"SPOP", p + "ints", "2"},
      {"MULTI"}, {"INCR", p + "counter"}, {"RPUSH", p + "lp", "w"}, {"EXEC"},
      {"SELECT", "3"},
      {"SET", p + "db3", "v"},
      {"GETDEL", p + "nothing"},
      {"RPOPLPUSH", p + "nolist", p + "dst"},
      {"SELECT", "0"},
      {"LPOP", p + "lp"},
      {"DEL", p + "str"},
      {"SET", p + "str", "again"},
      {"APPEND", p + "str", "!"},
  };
  for (const auto& c : cmds) r.call(c);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  r.call({"INCR", p + "short"});  // lazily expired first: MULTI DEL + incr EXEC in the AOF
}

void oracle_round_trip(bool preamble) {
  if (!RedisOracle::available()) GTEST_SKIP() << "redis-server is not installed";
  RedisOracle r;
  ASSERT_TRUE(r.start({"--appendonly", "yes", "--appendfsync", "always", "--aof-disable-auto-gc",
                       "yes", "--aof-use-rdb-preamble", preamble ? "yes" : "no"}));
  populate(r, 1);
  EXPECT_EQ(r.call({"BGREWRITEAOF"}), "Background append only file rewriting started");
  r.wait_rewrite();
  populate(r, 2);
  const std::string digest = r.call({"DEBUG", "DIGEST"});
  const std::string dbsize = r.call({"DBSIZE"});
  r.stop();

  Keyspace ks{Options{}};
  LoadInfo info;
  LoadParams params;
  Status s = aof::load(ks, r.dir() + "/appendonlydir", kPrefix, params, &info);
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_EQ(dataset_digest(ks), digest);
  EXPECT_EQ(std::to_string(ks.db(0).main.size()), dbsize);
  ASSERT_TRUE(info.manifest.base.has_value());
  EXPECT_EQ(info.manifest.base->name, preamble ? "appendonly.aof.2.base.rdb" : "appendonly.aof.2.base.aof");
  EXPECT_EQ(info.manifest.history.size(), 2u);  // the first base and increment, kept on disk
  EXPECT_EQ(info.base_keys > 0, preamble);
  EXPECT_GT(info.commands, 10u);
  EXPECT_EQ(info.errors, 0u) << info.first_error;
}

TEST(AofLoadOracle, RdbPreambleBaseWithHistoryAndIncrement) { oracle_round_trip(true); }
TEST(AofLoadOracle, CommandBaseWithHistoryAndIncrement) { oracle_round_trip(false); }

}  // namespace
}  // namespace kevy::aof
