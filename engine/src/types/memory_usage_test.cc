// entry_memory_bytes (the per-type dispatch) and Store::memory_usage built on it.
#include "types/memory_usage.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/heap.h"
#include "kevy/store.h"
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
  EXPECT_GE(entry_memory_bytes(*e), 100u + 3);
  Entry::destroy(e);
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

}  // namespace
}  // namespace kevy
