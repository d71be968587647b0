// entry_memory_bytes (the per-type dispatch) and Store::memory_usage built on it; the running
// counters behind it against full recounts for values built by commands, RESTORE (the RDB
// value reader) and COPY.
#include "types/memory_usage.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/heap.h"
#include "kevy/store.h"
#include "test_support/keyspace_fixture.h"
#include "types/zset.h"

namespace kevy {
namespace {

std::string numbered(std::string_view prefix, int i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

TEST(HeapBytes, ModelsGlibcChunks) {
  EXPECT_EQ(heap_bytes(size_t{0}), 0u);
  EXPECT_EQ(heap_bytes(size_t{1}), 32u);
  EXPECT_EQ(heap_bytes(size_t{24}), 32u);
  EXPECT_EQ(heap_bytes(size_t{25}), 48u);
  EXPECT_EQ(heap_bytes(size_t{38}), 48u);
  EXPECT_EQ(heap_bytes(std::string("short")), 0u);  // inline
  std::string big(100, 'x');
  EXPECT_GE(heap_bytes(big), 101u + 8);
}

TEST(EntryMemoryBytes, StringIsItsEntryChunk) {
  Entry* e = Entry::make_string("key", std::string(100, 'v'), Encoding::kRaw);
  EXPECT_EQ(entry_memory_bytes(*e), heap_bytes(e->alloc_size()));
  EXPECT_EQ(value_memory_bytes(*e), 0u);
  EXPECT_GE(entry_memory_bytes(*e), 100u + 3);
  Entry::destroy(e);
}

// The layout shortcut the collections' counters use for their entries, across the one, two and
// three-byte varint lengths of key and value.
TEST(EntryMemoryBytes, StringEntryHeapBytesMatchesAllocSize) {
  for (size_t k : {0, 1, 5, 127, 128, 300, 16383, 16384}) {
    for (size_t v : {0, 1, 8, 127, 128, 1000, 16383, 16384, 20000}) {
      for (Encoding enc : {Encoding::kRaw, Encoding::kEmbstr}) {
        Entry* e = Entry::make_string(std::string(k, 'k'), std::string(v, 'v'), enc);
        EXPECT_EQ(string_entry_heap_bytes(k, v), heap_bytes(e->alloc_size())) << k << " " << v;
        Entry::destroy(e);
      }
    }
  }
}

TEST(EntryMemoryBytes, ZsetCountsItsValue) {
  auto z = std::make_unique<ZsetValue>();
  ZsetValue* raw = z.get();
  Entry* e = Entry::make_object("z", ObjType::kZset, Encoding::kListpack, std::move(z));
  const size_t empty = entry_memory_bytes(*e);
  EXPECT_GE(empty, heap_bytes(e->alloc_size()) + sizeof(ZsetValue));
  for (int i = 0; i < 1000; ++i) raw->set(numbered("member:", i), i, ZsetLimits{});
  EXPECT_FALSE(raw->is_listpack());
  EXPECT_GT(entry_memory_bytes(*e), empty + 1000u * (10 + 8));  // member and score at least
  Entry::destroy(e);
}

Store open_store(Options opts = {}) {
  auto r = Store::open(std::move(opts));
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return std::move(r.value());
}

TEST(StoreMemoryUsage, MissingKeyIsNullopt) {
  Store store = open_store();
  EXPECT_EQ(store.memory_usage("nokey"), std::nullopt);
  ASSERT_TRUE(store.set("k", "v").ok());
  EXPECT_EQ(store.memory_usage("k", 1), std::nullopt);   // another db
  EXPECT_EQ(store.memory_usage("k", 99), std::nullopt);  // no such db
  EXPECT_TRUE(store.memory_usage("k").has_value());
}

TEST(StoreMemoryUsage, StringGrowsWithItsValue) {
  Store store = open_store();
  ASSERT_TRUE(store.set("k", "v").ok());
  size_t small = store.memory_usage("k").value();
  ASSERT_TRUE(store.set("k", std::string(1000, 'v')).ok());
  EXPECT_GE(store.memory_usage("k").value(), small + 990);
}

TEST(StoreMemoryUsage, EachCollectionGrowsWithItsValue) {
  Store store = open_store();
  std::vector<std::string> items;
  for (int i = 0; i < 2000; ++i) items.push_back(numbered("element:", i));
  size_t list = 0, set = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string_view v = items[static_cast<size_t>(i)];
    ASSERT_TRUE(store.rpush("l", std::span(&v, 1)).ok());
    ASSERT_TRUE(store.sadd("s", std::span(&v, 1)).ok());
    if (i == 9) {
      list = store.memory_usage("l").value();
      set = store.memory_usage("s").value();
    }
  }
  // 1990 more elements of 12+ bytes each.
  EXPECT_GT(store.memory_usage("l").value(), list + 1990 * 12);
  EXPECT_GT(store.memory_usage("s").value(), set + 1990 * 12);
}

TEST(StoreMemoryUsage, ThousandFieldHashOutweighsTenFields) {
  Store store = open_store();
  for (int i = 0; i < 1000; ++i) {
    std::string f = numbered("field:", i);
    if (i < 10) {
      ASSERT_TRUE(store.hset("small", f, "value").ok());
    }
    ASSERT_TRUE(store.hset("big", f, "value").ok());
  }
  size_t small = store.memory_usage("small").value();
  size_t big = store.memory_usage("big").value();
  EXPECT_GT(small, 10u * 11);          // every pair's bytes at least
  EXPECT_GT(big, small + 990u * 16);  // 990 more pairs of field:NNN + value
}

TEST(StoreMemoryUsage, DoesNotTouchTheKey) {
  auto clock = std::make_shared<ManualClock>();
  Store store = open_store(Options{}.with_clock(clock));
  ASSERT_TRUE(store.set("k", "v").ok());
  clock->advance_ms(5000);
  EXPECT_TRUE(store.memory_usage("k").has_value());
  EXPECT_EQ(store.execute({"OBJECT", "IDLETIME", "k"}).integer_value(), 5);
}

TEST(StoreMemoryUsage, CountsATtl) {
  Store store = open_store();
  ASSERT_TRUE(store.set("k", "v").ok());
  size_t plain = store.memory_usage("k").value();
  ASSERT_TRUE(store.expire("k", std::chrono::seconds(100)));
  EXPECT_GT(store.memory_usage("k").value(), plain);
}

// Random commands of every collection family — the writes that build values by other paths
// than a single insert (the STORE forms, SORT STORE, LMOVE, SMOVE, RESTORE from a DUMP, COPY,
// range removals, pops) included — with listpack/intset limits changed now and then so values
// convert, and every key's running counters checked against a full recount after each
// command.
class MemoryCountersTest : public KeyspaceFixture {
 protected:
  // Every key's entry_memory_bytes equals its full recount.
  void expect_counters_match(const std::string& after) {
    for (const std::string& key : keys_) {
      const Entry* e = ks_.lookup_quiet(0, key);
      if (e == nullptr) continue;
      std::string seen(type_name(e->type()));
      encodings_seen_.insert(seen.append(" ").append(encoding_name(e->encoding())));
      ASSERT_EQ(entry_memory_bytes(*e), heap_bytes(e->alloc_size()) + value_memory_bytes(*e));
      ASSERT_EQ(entry_memory_bytes(*e), entry_recount_memory_bytes(*e))
          << key << " after " << after;
    }
  }
  // The payload of a DUMP reply ("$<n>\r\n<payload>\r\n"), or "" for a missing key.
  std::string dump(const std::string& key) {
    const std::string r = run({"DUMP", key});
    if (r[0] != '$' || r[1] == '-') return "";
    const size_t start = r.find("\r\n") + 2;
    return r.substr(start, r.size() - start - 2);
  }

  std::vector<std::string> keys_ = {"l0", "l1", "h0", "h1", "s0", "s1", "z0", "z1", "tmp"};
  std::set<std::string> encodings_seen_;
};

TEST_F(MemoryCountersTest, CommandBuiltValuesMatchRecount) {
  std::mt19937_64 rng(3);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto member = [&]() -> std::string {
    const uint64_t r = rng() % 10;
    if (r < 5) return std::to_string(rng() % 400);                       // intset material
    if (r < 9) return "m" + std::to_string(rng() % 400);                 // short
    return "long-" + std::to_string(rng() % 50) + std::string(70, 'x');  // past *-value limits
  };
  auto num = [&](uint64_t n) { return std::to_string(rng() % n); };
  const std::vector<std::string> lists = {"l0", "l1"}, hashes = {"h0", "h1"}, sets = {"s0", "s1"},
                                 zsets = {"z0", "z1"};
  size_t restores = 0;
  for (int step = 0; step < 4000; ++step) {
    std::vector<std::string> cmd;
    const std::string l = pick(lists), h = pick(hashes), s = pick(sets), z = pick(zsets);
    switch (rng() % 32) {
      case 0:
        cmd = {"RPUSH", l, member(), member(), member()};
        break;
      case 1:
        cmd = {"LPUSH", l, member(), std::string(rng() % 3000, 'v')};
        break;
      case 2:
        cmd = {"LPOP", l, num(4)};
        break;
      case 3:
        cmd = {"LSET", l, num(10), member()};
        break;
      case 4:
        cmd = {"LINSERT", l, rng() % 2 ? "BEFORE" : "AFTER", member(), member()};
        break;
      case 5:
        cmd = {"LREM", l, std::to_string(static_cast<int>(rng() % 5) - 2), member()};
        break;
      case 6:
        cmd = {"LTRIM", l, num(5), std::to_string(static_cast<int>(rng() % 400) - 50)};
        break;
      case 7:
        cmd = {"LMOVE", l, pick(lists), "LEFT", "RIGHT"};
        break;
      case 8:
        cmd = {"HSET", h, member(), member(), member(), std::string(rng() % 100, 'w')};
        break;
      case 9:
        cmd = {"HDEL", h, member(), member()};
        break;
      case 10:
        cmd = {"HINCRBY", h, "n" + num(20), num(1000000)};
        break;
      case 11:
        cmd = {"HINCRBYFLOAT", h, "f" + num(20), "1.5"};
        break;
      case 12:
        cmd = {"SADD", s, member(), member(), member()};
        break;
      case 13:
        cmd = {"SREM", s, member(), member()};
        break;
      case 14:
        cmd = {"SPOP", s, num(3)};
        break;
      case 15:
        cmd = {"SMOVE", s, pick(sets), member()};
        break;
      case 16:
        cmd = {rng() % 2 ? "SUNIONSTORE" : "SINTERSTORE", pick(sets), "s0", "s1"};
        break;
      case 17:
        cmd = {"ZADD", z, num(100), member(), num(10), member()};
        break;
      case 18:
        cmd = {"ZINCRBY", z, num(7), member()};
        break;
      case 19:
        cmd = {"ZREM", z, member(), member()};
        break;
      case 20:
        cmd = {"ZREMRANGEBYRANK", z, num(50), num(100)};
        break;
      case 21:
        cmd = {"ZPOPMIN", z, num(5)};
        break;
      case 22:
        cmd = {rng() % 2 ? "ZUNIONSTORE" : "ZINTERSTORE", pick(zsets), "2", "z0", "z1"};
        break;
      case 23:
        cmd = {"ZRANGESTORE", pick(zsets), z, "0", num(200)};
        break;
      case 24:
        cmd = {"SORT", pick(lists), "ALPHA", "STORE", pick(lists)};
        break;
      case 25:
        cmd = {"COPY", pick(keys_), "tmp", "REPLACE"};
        if (cmd[1] == "tmp") continue;
        break;
      case 26:
        cmd = {"DEL", pick(keys_)};
        break;
      case 27: {
        const std::string key = pick(keys_);
        const std::string payload = dump(key);
        if (payload.empty()) continue;
        cmd = {"RESTORE", rng() % 2 ? key : "tmp", "0", payload, "REPLACE"};
        ++restores;
        break;
      }
      case 28: {
        static const char* const params[] = {"hash-max-listpack-entries", "set-max-intset-entries",
                                             "zset-max-listpack-entries"};
        cmd = {"CONFIG", "SET", params[rng() % 3], num(300)};
        break;
      }
      case 29:
        cmd = {"CONFIG", "SET", "list-max-listpack-size", rng() % 2 ? "-2" : "5"};
        break;
      case 30:
        cmd = {"ZREMRANGEBYSCORE", z, num(30), num(100)};
        break;
      default:
        cmd = {"HSETNX", h, member(), member()};
        break;
    }
    const std::string reply = run(cmd);
    // Only LSET may fail (an index past the end, a missing list).
    if (cmd[0] != "LSET") {
      ASSERT_NE(reply[0], '-') << cmd[0] << ": " << reply;
    }
    std::string after = cmd[0];
    for (size_t i = 1; i < cmd.size() && i < 4; ++i) after += " " + cmd[i];
    expect_counters_match(after);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(restores, 50u);
  EXPECT_EQ(encodings_seen_, (std::set<std::string>{"list quicklist", "hash listpack",
                                                    "hash hashtable", "set intset", "set hashtable",
                                                    "zset listpack", "zset skiplist"}));
}

}  // namespace
}  // namespace kevy
