// Whole RDB files: exact bytes of a small file (as redis-server 7.0.15 writes it), round trips
// of every type through SAVE / open, BGSAVE, SAVE / BGSAVE / DEBUG RELOAD replies, and a loader
// that refuses every damaged file (each byte flipped, each truncation, bad CRC, versions,
// opcodes) without crashing and without touching the store.
#include "persist/rdb_file.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "kevy/store.h"
#include "persist/crc64.h"
#include "persist/rdb_format.h"
#include "test_support/temp_dir.h"

namespace kevy {
namespace {

constexpr int64_t kNowMs = 1795675315123;  // the oracle's ctime in the reference bytes below

std::string read_all(const std::string& path) {
  std::string out;
  EXPECT_TRUE(rdb::read_file(path, &out).is_ok()) << path;
  return out;
}

void write_all(const std::string& path, std::string_view bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string le64(uint64_t v) {
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>(v >> (8 * i));
  return s;
}

// A file: header of `version`, body, EOF and (from version 5) the CRC64 (or 0).
std::string craft(const std::function<void(rdb::RdbWriter&)>& body, int version = 10,
                  bool checksum = true) {
  std::string out;
  char header[16];
  std::snprintf(header, sizeof(header), "REDIS%04d", version);
  out = header;
  rdb::RdbWriter w(&out);
  body(w);
  w.byte(rdb::kOpEof);
  if (version >= 5) out += le64(checksum ? crc64(0, out.data(), out.size()) : 0);
  return out;
}

Options manual_options(std::shared_ptr<ManualClock> clock) {
  Options o;
  o.clock = std::move(clock);
  return o;
}

// A keyspace with one sentinel key, to prove failed loads change nothing.
struct Sentinel {
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kNowMs);
  Keyspace ks{manual_options(clock)};
  Sentinel() { ks.add(0, Entry::make_string("sentinel", "kept", Encoding::kEmbstr)); }
  bool intact() {
    size_t keys = 0;
    for (int i = 0; i < ks.num_dbs(); ++i) keys += ks.db(i).main.size();
    Entry* e = ks.db(0).main.find("sentinel");
    return keys == 1 && e != nullptr && e->str() == "kept";
  }
  Status load(std::string_view bytes, rdb::LoadInfo* info = nullptr,
              rdb::LoadMode mode = rdb::LoadMode::kReplace, bool verify = true) {
    rdb::LoadParams p;
    p.verify_checksum = verify;
    return rdb::load_bytes(bytes, ks, mode, p, info);
  }
};

// ---- the writer ----

TEST(RdbFile, OneStringKeyIsByteForByteWhatRedisWrites) {
  // redis-server 7.0.15, `SET a b` then SAVE (used-mem 0 here; ctime kNowMs / 1000).
  Sentinel s;
  s.ks.remove(0, "sentinel");
  s.ks.add(0, Entry::make_string("a", "b", Encoding::kEmbstr));
  std::string out;
  ASSERT_TRUE(rdb::serialize(s.ks, rdb::SaveParams{}, &out).is_ok());
  const uint32_t ctime = static_cast<uint32_t>(kNowMs / 1000);
  std::string expect = "REDIS0010";
  expect += "\xfa\x09redis-ver\x06" "7.0.15";
  expect += std::string("\xfa\x0aredis-bits\xc0\x40", 14);
  expect += "\xfa\x05" "ctime\xc2";
  for (int i = 0; i < 4; ++i) expect += static_cast<char>(ctime >> (8 * i));
  expect += std::string("\xfa\x08used-mem\xc0\x00", 12);
  expect += std::string("\xfa\x08" "aof-base\xc0\x00", 12);
  expect += std::string("\xfe\x00\xfb\x01\x00\x00\x01" "a\x01" "b\xff", 11);
  expect += le64(crc64(0, expect.data(), expect.size()));
  EXPECT_EQ(out, expect);
}

TEST(RdbFile, ChecksumOffWritesZeroAndExpiresComeFirst) {
  Sentinel s;
  Entry* e = Entry::make_string("k", "v", Encoding::kEmbstr);
  s.ks.add(1, e);
  s.ks.set_expire(1, e, kNowMs + 5000);
  rdb::SaveParams p;
  p.checksum = false;
  std::string out;
  ASSERT_TRUE(rdb::serialize(s.ks, p, &out).is_ok());
  EXPECT_EQ(out.substr(out.size() - 8), std::string(8, '\0'));
  // db 1: SELECTDB 1, RESIZEDB 1 1, EXPIRETIME_MS, type 0, key, value.
  const std::string db1 = std::string("\xfe\x01\xfb\x01\x01\xfc", 6) + le64(kNowMs + 5000).substr(0, 8) +
                          std::string("\x00\x01k\x01v", 5);
  EXPECT_NE(out.find(db1), std::string::npos);
  // Written without a checksum, it loads with verification on (0 means "not computed").
  Sentinel t;
  rdb::LoadInfo info;
  ASSERT_TRUE(t.load(out, &info).is_ok());
  EXPECT_EQ(info.keys_loaded, 2u);  // the sentinel of s and k
  EXPECT_EQ(t.ks.get_expire(1, t.ks.db(1).main.find("k")), kNowMs + 5000);
}

TEST(RdbFile, LfuPolicyWritesFreqAndLoadRestoresIt) {
  auto clock = std::make_shared<ManualClock>(kNowMs);
  Options o = manual_options(clock);
  o.eviction_policy = EvictionPolicy::kAllKeysLfu;
  auto store = Store::open(o);
  ASSERT_TRUE(store.ok());
  store->set("k", "v");
  for (int i = 0; i < 200; ++i) store->get("k");
  const Reply freq = store->execute({"OBJECT", "FREQ", "k"});
  TempDir dir;
  const std::string path = dir.file("lfu.rdb");
  ASSERT_TRUE(store->config_set("dir", dir.path(), ConfigOrigin::kConfigFile).is_ok());
  ASSERT_TRUE(store->config_set("dbfilename", "lfu.rdb", ConfigOrigin::kConfigFile).is_ok());
  ASSERT_TRUE(store->save().is_ok());
  const std::string bytes = read_all(path);
  EXPECT_NE(bytes.find(std::string("\xf9", 1)), std::string::npos);
  auto again = Store::open(Options(o).with_dir(dir.path()).with_dbfilename("lfu.rdb"));
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->execute({"OBJECT", "FREQ", "k"}).to_resp(2), freq.to_resp(2));
}

TEST(RdbFile, LruPolicyWritesIdleAndLoadRestoresIt) {
  auto clock = std::make_shared<ManualClock>(kNowMs);
  Options o = manual_options(clock);
  o.eviction_policy = EvictionPolicy::kAllKeysLru;
  TempDir dir;
  o.with_dir(dir.path());
  auto store = Store::open(o);
  ASSERT_TRUE(store.ok());
  store->set("k", "v");
  clock->advance_ms(100 * 1000);
  ASSERT_TRUE(store->save().is_ok());
  // IDLE 100 seconds: a 14-bit length (0x40 0x64).
  EXPECT_NE(read_all(dir.file("dump.rdb")).find(std::string("\xf8\x40\x64", 3)),
            std::string::npos);
  auto again = Store::open(o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->execute({"OBJECT", "IDLETIME", "k"}).to_resp(2), ":100\r\n");
}

// ---- round trips through the Store ----

void fill_dataset(Store& store) {
  Session s;
  auto run = [&](std::initializer_list<std::string_view> argv) {
    Reply r = store.execute(std::span<const std::string_view>(argv.begin(), argv.size()), s);
    ASSERT_NE(r.to_resp(2)[0], '-') << r.to_resp(2);
  };
  run({"SET", "str", "hello"});
  run({"SET", "int", "12345"});
  run({"SET", "neg", "-9000000000"});
  run({"SET", "long", std::string(300, 'x')});
  run({"SET", "ttl", "v", "PX", "500000"});
  run({"RPUSH", "list", "a", "b", "1", "2"});
  run({"SADD", "iset", "1", "2", "3"});
  run({"SADD", "sset", "a", "b", "c"});
  run({"ZADD", "zs", "1.5", "a", "2", "b"});
  run({"HSET", "h", "f", "v", "g", "w"});
  run({"SELECT", "5"});
  run({"SET", "in5", "five"});
  std::vector<std::string> big = {"SADD", "bigset"};
  for (int i = 0; i < 600; ++i) big.push_back("m" + std::to_string(i));
  std::vector<std::string_view> views(big.begin(), big.end());
  store.execute(views, s);
  std::vector<std::string> bigh = {"HSET", "bighash"};
  for (int i = 0; i < 600; ++i) {
    bigh.push_back("f" + std::to_string(i));
    bigh.push_back(std::to_string(i));
  }
  std::vector<std::string_view> hv(bigh.begin(), bigh.end());
  store.execute(hv, s);
  std::vector<std::string> bigz = {"ZADD", "bigz"};
  for (int i = 0; i < 200; ++i) {
    bigz.push_back(std::to_string(i * 0.5));
    bigz.push_back("z" + std::to_string(i));
  }
  std::vector<std::string_view> zv(bigz.begin(), bigz.end());
  store.execute(zv, s);
}

std::string digest(Store& store) { return store.execute({"DEBUG", "DIGEST"}).to_resp(2); }

TEST(RdbFile, SaveThenOpenRestoresEveryKey) {
  TempDir dir;
  auto clock = std::make_shared<ManualClock>(kNowMs);
  Options o = manual_options(clock).with_dir(dir.path());
  auto store = Store::open(o);
  ASSERT_TRUE(store.ok());
  fill_dataset(*store);
  ASSERT_TRUE(store->save().is_ok());
  auto again = Store::open(o);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(digest(*again), digest(*store));
  EXPECT_NE(digest(*again), "+" + std::string(40, '0') + "\r\n");
  for (int db : {0, 5}) {
    Session a, b;
    a.db = b.db = db;
    std::string_view dbsize[] = {"DBSIZE"};
    EXPECT_EQ(again->execute_resp(dbsize, a), store->execute_resp(dbsize, b));
  }
  EXPECT_EQ(again->pttl("ttl"), 500000);
  EXPECT_EQ(*again->get("long"), std::string(300, 'x'));
  // The file passes our own check too: loading it reports what it holds.
  rdb::LoadInfo info;
  Sentinel s;
  ASSERT_TRUE(s.load(read_all(dir.file("dump.rdb")), &info).is_ok());
  EXPECT_EQ(info.version, 10);
  EXPECT_EQ(info.expires, 1u);
  ASSERT_GE(info.aux.size(), 5u);
  EXPECT_EQ(info.aux[0], (std::pair<std::string, std::string>("redis-ver", "7.0.15")));
}

// Redis 7.0 skips an empty collection in a file and reads on (RESTORE refuses one).
TEST(RdbFile, EmptyCollectionsAreSkippedOnLoadAndCounted) {
  const std::string file = craft([](rdb::RdbWriter& w) {
    w.byte(rdb::kOpSelectDb);
    w.length(0);
    w.byte(rdb::kTypeSet);  // a hashtable set with no members
    w.string("empty");
    w.length(0);
    w.byte(rdb::kOpExpireTimeMs);  // its TTL must not leak onto the next key
    w.millis(kNowMs + 1000);
    w.byte(rdb::kTypeList);  // an old linked list with no elements, with a TTL
    w.string("empty2");
    w.length(0);
    w.byte(rdb::kTypeString);
    w.string("k");
    w.string("v");
  });
  Sentinel s;
  rdb::LoadInfo info;
  ASSERT_TRUE(s.load(file, &info).is_ok());
  EXPECT_EQ(info.keys_loaded, 1u);
  EXPECT_EQ(info.empty_keys_skipped, 2u);
  Entry* k = s.ks.db(0).main.find("k");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(s.ks.get_expire(0, k), -1);
  EXPECT_EQ(s.ks.db(0).main.find("empty"), nullptr);
  EXPECT_EQ(s.ks.db(0).main.find("empty2"), nullptr);
}

TEST(RdbFile, ExpiredKeysAreSkippedOnLoadAndCounted) {
  TempDir dir;
  auto clock = std::make_shared<ManualClock>(kNowMs);
  Options o = manual_options(clock).with_dir(dir.path());
  auto store = Store::open(o);
  ASSERT_TRUE(store.ok());
  store->set("gone", "v", SetOptions().px(std::chrono::milliseconds(1000)));
  store->set("stays", "v");
  ASSERT_TRUE(store->save().is_ok());
  clock->advance_ms(2000);
  auto again = Store::open(o);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->exists("gone", 0));
  EXPECT_TRUE(again->exists("stays", 0));
  const std::string info = again->execute({"INFO", "persistence"}).to_resp(2);
  EXPECT_NE(info.find("rdb_last_load_keys_expired:1\r\n"), std::string::npos) << info;
  EXPECT_NE(info.find("rdb_last_load_keys_loaded:1\r\n"), std::string::npos) << info;
}

TEST(RdbFile, BgsaveWritesTheFileAndUpdatesInfo) {
  TempDir dir;
  auto clock = std::make_shared<ManualClock>(kNowMs);
  auto store = Store::open(manual_options(clock).with_dir(dir.path()));
  ASSERT_TRUE(store.ok());
  fill_dataset(*store);
  clock->advance_ms(10000);
  EXPECT_EQ(store->execute({"BGSAVE"}).to_resp(2), "+Background saving started\r\n");
  // Writes while the file is being written do not reach it and stay counted as unsaved.
  store->execute({"SET", "after", "x"});
  ASSERT_TRUE(store->wait_bgsave().is_ok());
  EXPECT_EQ(store->last_save(), (kNowMs + 10000) / 1000);
  const std::string info = store->execute({"INFO", "persistence"}).to_resp(2);
  EXPECT_NE(info.find("rdb_bgsave_in_progress:0\r\n"), std::string::npos) << info;
  EXPECT_NE(info.find("rdb_saves:1\r\n"), std::string::npos) << info;
  EXPECT_NE(info.find("rdb_last_bgsave_status:ok\r\n"), std::string::npos) << info;
  EXPECT_NE(info.find("rdb_last_bgsave_time_sec:0\r\n"), std::string::npos) << info;
  EXPECT_NE(info.find("rdb_changes_since_last_save:1\r\n"), std::string::npos) << info;
  auto loaded = Store::open(manual_options(clock).with_dir(dir.path()));
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->exists("after", 0));
  store->del("after");
  EXPECT_EQ(digest(*loaded), digest(*store));
}

TEST(RdbFile, SaveResetsChangesAndLastsave) {
  TempDir dir;
  auto clock = std::make_shared<ManualClock>(kNowMs);
  auto store = Store::open(manual_options(clock).with_dir(dir.path()));
  ASSERT_TRUE(store.ok());
  store->execute({"SET", "a", "1"});
  clock->advance_ms(7000);
  EXPECT_EQ(store->execute({"SAVE"}).to_resp(2), "+OK\r\n");
  EXPECT_EQ(store->execute({"LASTSAVE"}).to_resp(2), ":" + std::to_string((kNowMs + 7000) / 1000) + "\r\n");
  const std::string info = store->execute({"INFO", "persistence"}).to_resp(2);
  EXPECT_NE(info.find("rdb_changes_since_last_save:0\r\n"), std::string::npos) << info;
  EXPECT_NE(info.find("rdb_saves:1\r\n"), std::string::npos) << info;
}

TEST(RdbFile, SaveIntoMissingDirectoryRepliesBareErr) {
  TempDir dir;
  auto store = Store::open(Options{}.with_dir(dir.path()));
  ASSERT_TRUE(store.ok());
  std::filesystem::remove_all(dir.path());
  EXPECT_EQ(store->execute({"SAVE"}).to_resp(2), "-ERR\r\n");
  EXPECT_FALSE(store->save().is_ok());
}

TEST(RdbFile, BgsaveArgumentsAndConfigSetDbfilename) {
  TempDir dir;
  auto store = Store::open(Options{}.with_dir(dir.path()));
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(store->execute({"BGSAVE", "foo"}).to_resp(2), "-ERR syntax error\r\n");
  EXPECT_EQ(store->execute({"BGSAVE", "a", "b"}).to_resp(2), "-ERR syntax error\r\n");
  EXPECT_EQ(store->execute({"SAVE", "x"}).to_resp(2),
            "-ERR wrong number of arguments for 'save' command\r\n");
  store->set("k", "v");
  ASSERT_TRUE(store->config_set("dbfilename", "other.rdb", ConfigOrigin::kConfigFile).is_ok());
  EXPECT_EQ(store->execute({"BGSAVE", "SCHEDULE"}).to_resp(2), "+Background saving started\r\n");
  ASSERT_TRUE(store->wait_bgsave().is_ok());
  EXPECT_TRUE(std::filesystem::exists(dir.file("other.rdb")));
  EXPECT_FALSE(std::filesystem::exists(dir.file("dump.rdb")));
}

TEST(RdbFile, DebugReloadAndItsOptions) {
  TempDir dir;
  auto store = Store::open(Options{}.with_dir(dir.path()));
  ASSERT_TRUE(store.ok());
  fill_dataset(*store);
  const std::string before = digest(*store);
  EXPECT_EQ(store->execute({"DEBUG", "RELOAD", "bad"}).to_resp(2),
            "-ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.\r\n");
  EXPECT_EQ(store->execute({"DEBUG", "RELOAD"}).to_resp(2), "+OK\r\n");
  EXPECT_EQ(digest(*store), before);
  // NOFLUSH without MERGE: every key conflicts; Redis would die, kevy refuses and keeps all.
  EXPECT_EQ(store->execute({"DEBUG", "RELOAD", "NOSAVE", "NOFLUSH"}).to_resp(2),
            "-ERR Error trying to load the RDB dump\r\n");
  EXPECT_EQ(digest(*store), before);
  store->set("str", "changed");
  store->set("extra", "1");
  EXPECT_EQ(store->execute({"debug", "reload", "nosave", "noflush", "merge"}).to_resp(2), "+OK\r\n");
  EXPECT_EQ(*store->get("str"), "hello");
  EXPECT_TRUE(store->exists("extra", 0));
  // NOSAVE of a missing file: flushed, then the load fails (Redis's reply and state).
  std::filesystem::remove(dir.file("dump.rdb"));
  EXPECT_EQ(store->execute({"DEBUG", "RELOAD", "NOSAVE"}).to_resp(2),
            "-ERR Error trying to load the RDB dump\r\n");
  EXPECT_EQ(store->execute({"DBSIZE"}).to_resp(2), ":0\r\n");
}

TEST(RdbFile, OpenFailsOnABadSnapshotAndReportsProgress) {
  TempDir dir;
  {
    auto store = Store::open(Options{}.with_dir(dir.path()));
    ASSERT_TRUE(store.ok());
    fill_dataset(*store);
    ASSERT_TRUE(store->save().is_ok());
  }
  uint64_t last_done = 0, last_total = 0;
  Options o = Options{}.with_dir(dir.path());
  o.load_progress = [&](uint64_t done, uint64_t total) {
    last_done = done;
    last_total = total;
  };
  ASSERT_TRUE(Store::open(o).ok());
  EXPECT_GT(last_total, 0u);
  EXPECT_EQ(last_done, last_total);
  std::string bytes = read_all(dir.file("dump.rdb"));
  bytes[bytes.size() / 2] ^= 0x5a;
  write_all(dir.file("dump.rdb"), bytes);
  auto bad = Store::open(o);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("offset"), std::string::npos) << bad.status().message();
  o.load_snapshot_on_open = false;
  EXPECT_TRUE(Store::open(o).ok());
}

// ---- the loader refuses damage ----

std::string small_file() {
  auto clock = std::make_shared<ManualClock>(kNowMs);
  Keyspace ks(manual_options(clock));
  ks.add(0, Entry::make_string("a", "b", Encoding::kEmbstr));
  ks.add(0, Entry::make_int("n", 12345));
  Entry* e = Entry::make_string("c", "dd", Encoding::kEmbstr);
  ks.add(3, e);
  ks.set_expire(3, e, kNowMs + 100000);
  ks.add(3, Entry::make_string("long", std::string(40, 'q') + "tail", Encoding::kRaw));
  std::string out;
  EXPECT_TRUE(rdb::serialize(ks, rdb::SaveParams{}, &out).is_ok());
  return out;
}

TEST(RdbFile, EveryFlippedByteIsRefusedAndTheStoreIsUnchanged) {
  const std::string file = small_file();
  {
    Sentinel s;
    ASSERT_TRUE(s.load(file, nullptr, rdb::LoadMode::kAdd).is_ok());
  }
  for (size_t i = 0; i < file.size(); ++i) {
    for (unsigned char x : {0x01, 0x80, 0xff}) {
      std::string bad = file;
      bad[i] = static_cast<char>(bad[i] ^ x);
      Sentinel s;
      rdb::LoadInfo info;
      const Status st = s.load(bad, &info);
      EXPECT_FALSE(st.is_ok()) << "byte " << i << " ^ " << int(x);
      EXPECT_EQ(st.code(), Status::Code::kCorruption) << st.message();
      EXPECT_TRUE(s.intact()) << "byte " << i;
      // Without the CRC the structure checks alone must still never crash or half-load.
      Sentinel t;
      if (!t.load(bad, nullptr, rdb::LoadMode::kReplace, false).is_ok()) {
        EXPECT_TRUE(t.intact());
      }
    }
  }
}

TEST(RdbFile, EveryTruncationIsRefused) {
  const std::string file = small_file();
  for (size_t n = 0; n < file.size(); ++n) {
    Sentinel s;
    rdb::LoadInfo info;
    const Status st = s.load(std::string_view(file).substr(0, n), &info);
    ASSERT_FALSE(st.is_ok()) << n;
    EXPECT_NE(st.message().find("offset"), std::string::npos) << st.message();
    EXPECT_LE(info.error_offset, n);
    EXPECT_TRUE(s.intact());
  }
}

TEST(RdbFile, ChecksumMismatchNamesBothValues) {
  std::string file = small_file();
  file[file.size() - 1] ^= 1;
  Sentinel s;
  const Status st = s.load(file);
  ASSERT_FALSE(st.is_ok());
  EXPECT_NE(st.message().find("checksum mismatch at offset " + std::to_string(file.size() - 8)),
            std::string::npos)
      << st.message();
  // rdbchecksum no: not verified.
  EXPECT_TRUE(s.load(file, nullptr, rdb::LoadMode::kReplace, false).is_ok());
}

TEST(RdbFile, Versions) {
  auto key = [](rdb::RdbWriter& w) {
    w.byte(rdb::kOpSelectDb);
    w.length(0);
    w.byte(rdb::kTypeString);
    w.string("k");
    w.string("v");
  };
  Sentinel a;
  const Status too_new = a.load(craft(key, 11));
  ASSERT_FALSE(too_new.is_ok());
  EXPECT_NE(too_new.message().find("version 11"), std::string::npos) << too_new.message();
  EXPECT_TRUE(a.intact());
  EXPECT_FALSE(a.load(craft(key, 0)).is_ok());
  std::string bad_magic = craft(key);
  bad_magic[0] = 'X';
  EXPECT_FALSE(a.load(bad_magic).is_ok());
  for (int v : {1, 4, 5, 9, 10}) {
    Sentinel s;
    rdb::LoadInfo info;
    ASSERT_TRUE(s.load(craft(key, v), &info).is_ok()) << v;
    EXPECT_EQ(info.version, v);
    EXPECT_NE(s.ks.db(0).main.find("k"), nullptr);
  }
}

TEST(RdbFile, OpcodesRedisRefusesOrSkips) {
  auto with = [](std::function<void(rdb::RdbWriter&)> f) { return craft(f); };
  Sentinel s;
  // SELECTDB beyond the store's databases.
  Status st = s.load(with([](rdb::RdbWriter& w) {
    w.byte(rdb::kOpSelectDb);
    w.length(16);
  }));
  EXPECT_NE(st.message().find("out of range"), std::string::npos) << st.message();
  // A duplicated key.
  st = s.load(with([](rdb::RdbWriter& w) {
    for (int i = 0; i < 2; ++i) {
      w.byte(rdb::kTypeString);
      w.string("dup");
      w.string("v");
    }
  }));
  EXPECT_NE(st.message().find("duplicate key 'dup'"), std::string::npos) << st.message();
  // Module data.
  st = s.load(with([](rdb::RdbWriter& w) { w.byte(rdb::kOpModuleAux); }));
  EXPECT_NE(st.message().find("module"), std::string::npos) << st.message();
  st = s.load(with([](rdb::RdbWriter& w) {
    w.byte(rdb::kTypeModule2);
    w.string("m");
  }));
  EXPECT_NE(st.message().find("module"), std::string::npos) << st.message();
  st = s.load(with([](rdb::RdbWriter& w) { w.byte(rdb::kOpFunction); }));
  EXPECT_FALSE(st.is_ok());
  st = s.load(with([](rdb::RdbWriter& w) { w.byte(200); }));
  EXPECT_NE(st.message().find("unknown RDB value type 200"), std::string::npos) << st.message();
  EXPECT_TRUE(s.intact());
  // FUNCTION2 is skipped; old EXPIRETIME (seconds), IDLE, FREQ and unknown AUX are read.
  rdb::LoadInfo info;
  st = s.load(with([](rdb::RdbWriter& w) {
                w.byte(rdb::kOpAux);
                w.string("some-new-field");
                w.string("x");
                w.byte(rdb::kOpFunction2);
                w.string("#!lua name=lib\nredis.register_function('f', function() return 1 end)");
                w.byte(rdb::kOpExpireTime);
                w.le32(static_cast<uint32_t>(kNowMs / 1000 + 60));
                w.byte(rdb::kOpIdle);
                w.length(5);
                w.byte(rdb::kOpFreq);
                w.byte(3);
                w.byte(rdb::kTypeString);
                w.string("k");
                w.string("v");
              }),
              &info);
  ASSERT_TRUE(st.is_ok()) << st.message();
  EXPECT_EQ(info.functions_skipped, 1u);
  Entry* e = s.ks.db(0).main.find("k");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(s.ks.get_expire(0, e), (kNowMs / 1000 + 60) * 1000);
  EXPECT_EQ(s.ks.db(0).main.find("sentinel"), nullptr);  // replaced by the file's keys
}

TEST(RdbFile, AddModeRefusesConflictsWithoutChangingAnything) {
  Sentinel s;
  const std::string file = craft([](rdb::RdbWriter& w) {
    w.byte(rdb::kTypeString);
    w.string("new");
    w.string("1");
    w.byte(rdb::kTypeString);
    w.string("sentinel");
    w.string("other");
  });
  EXPECT_FALSE(s.load(file, nullptr, rdb::LoadMode::kAdd).is_ok());
  EXPECT_TRUE(s.intact());
  ASSERT_TRUE(s.load(file, nullptr, rdb::LoadMode::kOverwrite).is_ok());
  EXPECT_EQ(s.ks.db(0).main.find("sentinel")->str(), "other");
  EXPECT_NE(s.ks.db(0).main.find("new"), nullptr);
}

TEST(RdbFile, WriteFileAtomicLeavesNoTemporaryFiles) {
  TempDir dir;
  ASSERT_TRUE(rdb::write_file_atomic(dir.file("x.rdb"), "abc").is_ok());
  ASSERT_TRUE(rdb::write_file_atomic(dir.file("x.rdb"), "defg").is_ok());
  EXPECT_EQ(read_all(dir.file("x.rdb")), "defg");
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1u);
  EXPECT_FALSE(rdb::write_file_atomic(dir.file("missing/x.rdb"), "abc").is_ok());
}

}  // namespace
}  // namespace kevy
