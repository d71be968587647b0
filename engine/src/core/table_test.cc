// Table: insert/find/erase, growth and shrink, and the SCAN guarantee under resizing.
#include "core/table.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

namespace kevy {
namespace {

// Owns the entries a test puts in a Table (the Table never frees them).
class TableTest : public ::testing::Test {
 protected:
  ~TableTest() override {
    table_.clear([](Entry*) {});
    for (Entry* e : owned_) Entry::destroy(e);
  }

  Entry* make(std::string_view key) {
    Entry* e = Entry::make_string(key, "v", Encoding::kEmbstr);
    owned_.push_back(e);
    return e;
  }
  void insert(std::string_view key) { table_.insert(make(key)); }

  // Every key of a complete scan with `count` per call (keys may repeat).
  std::vector<std::string> scan_all(size_t count) {
    std::vector<std::string> out;
    uint64_t cursor = 0;
    do {
      cursor = table_.scan(cursor, count, [&](Entry* e) { out.emplace_back(e->key()); });
    } while (cursor != 0);
    return out;
  }

  Table table_;
  std::vector<Entry*> owned_;
};

std::string key_of(int i) {
  std::string s = "key:";
  s += std::to_string(i);
  return s;
}

TEST_F(TableTest, EmptyTable) {
  EXPECT_EQ(table_.size(), 0u);
  EXPECT_TRUE(table_.empty());
  EXPECT_EQ(table_.find("x"), nullptr);
  EXPECT_EQ(table_.erase("x"), nullptr);
  EXPECT_EQ(table_.random_entry(12345), nullptr);
  EXPECT_EQ(table_.scan(0, 10, [](Entry*) { ADD_FAILURE() << "visited an entry"; }), 0u);
  EXPECT_EQ(table_.memory_bytes(), 0u);
}

TEST_F(TableTest, InsertFindEraseMany) {
  constexpr int kKeys = 20000;
  for (int i = 0; i < kKeys; ++i) insert(key_of(i));
  ASSERT_EQ(table_.size(), static_cast<size_t>(kKeys));
  for (int i = 0; i < kKeys; ++i) {
    Entry* e = table_.find(key_of(i));
    ASSERT_NE(e, nullptr) << key_of(i);
    EXPECT_EQ(e->key(), key_of(i));
  }
  EXPECT_EQ(table_.find("key:-1"), nullptr);
  for (int i = 0; i < kKeys; i += 2) {
    Entry* e = table_.erase(key_of(i));
    ASSERT_NE(e, nullptr) << key_of(i);
    EXPECT_EQ(e->key(), key_of(i));
  }
  EXPECT_EQ(table_.size(), static_cast<size_t>(kKeys / 2));
  for (int i = 0; i < kKeys; ++i) {
    EXPECT_EQ(table_.find(key_of(i)) != nullptr, i % 2 == 1) << key_of(i);
  }
  EXPECT_EQ(table_.erase(key_of(0)), nullptr);  // already gone
}

// find_or_insert: one call per key inserts it exactly once (through every growth step), a
// second call returns the stored entry without calling make, and find agrees throughout.
TEST_F(TableTest, FindOrInsertInsertsOnceAndReturnsTheStoredEntry) {
  for (int i = 0; i < 5000; ++i) {
    const std::string key = "k" + std::to_string(i);
    Entry* made = nullptr;
    EXPECT_EQ(table_.find_or_insert(key, [&] { return made = make(key); }), nullptr);
    ASSERT_NE(made, nullptr);
    EXPECT_EQ(table_.find(key), made);
    bool called = false;
    EXPECT_EQ(table_.find_or_insert(key, [&] {
      called = true;
      return make(key);
    }), made);
    EXPECT_FALSE(called);
  }
  EXPECT_EQ(table_.size(), 5000u);
  std::vector<std::string> keys = scan_all(100);
  EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), 5000u);
  EXPECT_EQ(table_.find("absent"), nullptr);
}

TEST_F(TableTest, BinaryAndEmptyKeys) {
  const std::string nul("a\0b", 3);
  const std::string nul2("a\0c", 3);
  insert(nul);
  insert("");
  insert("a");
  EXPECT_EQ(table_.find(nul)->key(), nul);
  EXPECT_EQ(table_.find(""), table_.find(std::string_view()));
  ASSERT_NE(table_.find(""), nullptr);
  EXPECT_EQ(table_.find(""), owned_[1]);
  EXPECT_EQ(table_.find(nul2), nullptr);
  EXPECT_EQ(table_.find(std::string("a\0", 2)), nullptr);
  EXPECT_NE(table_.erase(""), nullptr);
  EXPECT_EQ(table_.find(""), nullptr);
  EXPECT_NE(table_.find(nul), nullptr);
}

TEST_F(TableTest, GrowsAndShrinks) {
  const size_t empty_bytes = table_.memory_bytes();
  for (int i = 0; i < 50000; ++i) insert(key_of(i));
  const size_t full_bytes = table_.memory_bytes();
  // At most 7/8 full: at least 8 bytes per key, and not absurdly more.
  EXPECT_GE(full_bytes, 50000u * 8);
  EXPECT_LE(full_bytes, 50000u * 8 * 4);
  for (int i = 100; i < 50000; ++i) ASSERT_NE(table_.erase(key_of(i)), nullptr);
  EXPECT_LT(table_.memory_bytes(), full_bytes / 16);
  for (int i = 0; i < 100; ++i) EXPECT_NE(table_.find(key_of(i)), nullptr);
  for (int i = 0; i < 100; ++i) ASSERT_NE(table_.erase(key_of(i)), nullptr);
  EXPECT_EQ(table_.memory_bytes(), empty_bytes);
  EXPECT_TRUE(table_.empty());
}

TEST_F(TableTest, ReplaceSwapsThePointer) {
  insert("k");
  Entry* now = make("k");
  Entry* old = table_.find("k");
  table_.replace(old, now);
  EXPECT_EQ(table_.find("k"), now);
  EXPECT_EQ(table_.size(), 1u);
}

TEST_F(TableTest, ForEachAndClearVisitEveryEntryOnce) {
  for (int i = 0; i < 1000; ++i) insert(key_of(i));
  std::multiset<std::string> seen;
  table_.for_each([&](Entry* e) { seen.emplace(e->key()); });
  EXPECT_EQ(seen.size(), 1000u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 1000u);
  size_t cleared = 0;
  table_.clear([&](Entry*) { ++cleared; });
  EXPECT_EQ(cleared, 1000u);
  EXPECT_TRUE(table_.empty());
  EXPECT_EQ(table_.find(key_of(1)), nullptr);
}

TEST_F(TableTest, RandomEntryReturnsStoredEntries) {
  for (int i = 0; i < 200; ++i) insert(key_of(i));
  std::mt19937_64 rng(7);
  std::unordered_set<const Entry*> drawn;
  for (int i = 0; i < 5000; ++i) {
    Entry* e = table_.random_entry(rng());
    ASSERT_NE(e, nullptr);
    ASSERT_EQ(table_.find(e->key()), e);
    drawn.insert(e);
  }
  EXPECT_GT(drawn.size(), 100u);  // not stuck on a few entries
}

// Without changes in between, a scan returns every key exactly once, for any COUNT.
TEST_F(TableTest, ScanOfAStableTableReturnsEachKeyOnce) {
  for (int i = 0; i < 3000; ++i) insert(key_of(i));
  for (size_t count : {1u, 7u, 10u, 100u, 5000u}) {
    std::vector<std::string> keys = scan_all(count);
    EXPECT_EQ(keys.size(), 3000u) << "count " << count;
    EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), 3000u);
  }
}

TEST_F(TableTest, ScanReturnsAtLeastCountUntilTheEnd) {
  for (int i = 0; i < 500; ++i) insert(key_of(i));
  uint64_t cursor = 0;
  size_t visited = 0;
  do {
    visited = 0;
    cursor = table_.scan(cursor, 20, [&](Entry*) { ++visited; });
    if (cursor != 0) {
      EXPECT_GE(visited, 20u);
    }
  } while (cursor != 0);
}

// The SCAN guarantee, property style: a key present for the whole scan is returned at least
// once, even when the table grows or shrinks (by several sizes) between scan calls.
TEST_F(TableTest, ScanGuaranteeUnderGrowthAndShrink) {
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    std::mt19937_64 rng(seed);
    table_.clear([](Entry*) {});
    std::vector<std::string> stable;
    for (int i = 0; i < 2000; ++i) {
      stable.push_back("stable:" + std::to_string(seed) + ":" + std::to_string(i));
      insert(stable.back());
    }
    std::vector<std::string> churn;  // keys that come and go during the scan
    int next_churn = 0;
    std::set<size_t> sizes_seen{table_.memory_bytes()};
    // Grow for the first half of the scan, shrink for the second.
    bool growing = true;
    std::unordered_set<std::string> returned;
    uint64_t cursor = 0;
    int calls = 0;
    do {
      const size_t count = 1 + rng() % 40;
      cursor = table_.scan(cursor, count, [&](Entry* e) { returned.emplace(e->key()); });
      ++calls;
      if (calls == 40) growing = false;
      const size_t changes = rng() % 3000;
      for (size_t j = 0; j < changes; ++j) {
        if (growing) {
          churn.push_back("churn:" + std::to_string(next_churn++));
          insert(churn.back());
        } else if (!churn.empty()) {
          const size_t pick = rng() % churn.size();
          ASSERT_NE(table_.erase(churn[pick]), nullptr);
          churn[pick] = churn.back();
          churn.pop_back();
        }
      }
      sizes_seen.insert(table_.memory_bytes());
    } while (cursor != 0);
    for (const std::string& k : stable) {
      ASSERT_TRUE(returned.count(k)) << "seed " << seed << ": scan missed " << k;
    }
    // The property is only interesting if the table really changed size under the scan.
    EXPECT_GE(sizes_seen.size(), 3u) << "seed " << seed;
  }
}

}  // namespace
}  // namespace kevy
