// Unit tests for HashValue: both encodings, the one-way conversion, order and cloning.
#include "types/hash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kevy {
namespace {

using Pairs = std::vector<std::pair<std::string_view, std::string_view>>;

// "f<i>" (built with append: g++ 12 warns falsely on "f" + std::to_string(i)).
std::string field_name(int i) {
  std::string s = "f";
  s.append(std::to_string(i));
  return s;
}

TEST(HashValueTest, ListpackKeepsInsertionOrder) {
  HashValue h;
  const HashLimits limits;
  EXPECT_TRUE(h.is_listpack());
  EXPECT_TRUE(h.set("b", "1", limits));
  EXPECT_TRUE(h.set("a", "2", limits));
  EXPECT_TRUE(h.set("c", "3", limits));
  EXPECT_FALSE(h.set("a", "a much longer value", limits));  // updates keep their place
  EXPECT_EQ(h.pairs(), (Pairs{{"b", "1"}, {"a", "a much longer value"}, {"c", "3"}}));
  EXPECT_FALSE(h.set("a", "", limits));
  EXPECT_EQ(h.pairs(), (Pairs{{"b", "1"}, {"a", ""}, {"c", "3"}}));
  EXPECT_TRUE(h.erase("b"));
  EXPECT_FALSE(h.erase("b"));
  EXPECT_EQ(h.pairs(), (Pairs{{"a", ""}, {"c", "3"}}));
  EXPECT_EQ(h.size(), 2u);
  EXPECT_EQ(h.encoding(), Encoding::kListpack);
}

TEST(HashValueTest, BinaryAndLongLengths) {
  HashValue h;
  HashLimits limits;
  limits.max_listpack_value = 100000;
  const std::string big(300, 'x');  // a two-byte length prefix
  const std::string_view nul("a\0b", 3);
  EXPECT_TRUE(h.set(nul, big, limits));
  EXPECT_TRUE(h.set("", "", limits));
  EXPECT_EQ(h.get(nul), std::optional<std::string_view>(big));
  EXPECT_EQ(h.get("a"), std::nullopt);
  EXPECT_EQ(h.get(""), std::optional<std::string_view>(""));
  EXPECT_FALSE(h.set(nul, "s", limits));
  EXPECT_EQ(h.pairs(), (Pairs{{nul, "s"}, {"", ""}}));
  EXPECT_TRUE(h.is_listpack());
}

// Lengths of 128 and more take two-byte varints: lookups, updates that change a value's
// length (across the one/two-byte boundary), same-length updates and erasure around them.
TEST(HashValueTest, ListpackLookupsAcrossVarintWidths) {
  HashValue h;
  HashLimits limits;
  limits.max_listpack_value = 1000;
  const std::string long_field(200, 'f'), long_value(150, 'v');
  EXPECT_TRUE(h.set("short", "1", limits));
  EXPECT_TRUE(h.set(long_field, "2", limits));
  EXPECT_TRUE(h.set("abcdefgh12", long_value, limits));
  EXPECT_TRUE(h.set("abcdefgh13", "4", limits));  // same length and prefix as the previous field
  EXPECT_EQ(h.get(long_field), std::optional<std::string_view>("2"));
  EXPECT_EQ(h.get("abcdefgh12"), std::optional<std::string_view>(long_value));
  EXPECT_EQ(h.get("abcdefgh13"), std::optional<std::string_view>("4"));
  EXPECT_EQ(h.get("abcdefgh14"), std::nullopt);
  EXPECT_EQ(h.get(std::string(200, 'g')), std::nullopt);
  EXPECT_FALSE(h.set(long_field, long_value, limits));  // 1 -> 2 length bytes
  EXPECT_FALSE(h.set("abcdefgh12", "x", limits));       // 2 -> 1 length bytes
  EXPECT_FALSE(h.set("abcdefgh13", "5", limits));       // same length, in place
  EXPECT_EQ(h.pairs(), (Pairs{{"short", "1"},
                              {long_field, long_value},
                              {"abcdefgh12", "x"},
                              {"abcdefgh13", "5"}}));
  EXPECT_TRUE(h.erase(long_field));
  EXPECT_EQ(h.pairs(), (Pairs{{"short", "1"}, {"abcdefgh12", "x"}, {"abcdefgh13", "5"}}));
  EXPECT_EQ(h.get("abcdefgh13"), std::optional<std::string_view>("5"));
  EXPECT_TRUE(h.is_listpack());
}

TEST(HashValueTest, ConvertsOnLongFieldOrValue) {
  HashLimits limits;
  limits.max_listpack_value = 4;
  HashValue a;
  a.set("f", "1234", limits);
  EXPECT_TRUE(a.is_listpack());
  a.set("g", "12345", limits);
  EXPECT_FALSE(a.is_listpack());
  EXPECT_EQ(a.encoding(), Encoding::kHashtable);
  EXPECT_EQ(a.get("f"), std::optional<std::string_view>("1234"));
  HashValue b;
  b.set("12345", "v", limits);
  EXPECT_FALSE(b.is_listpack());
}

TEST(HashValueTest, ConvertsPastEntryLimitAndNeverBack) {
  HashLimits limits;
  limits.max_listpack_entries = 3;
  HashValue h;
  h.set("a", "av", limits);
  h.set("b", "bv", limits);
  h.set("c", "cv", limits);
  EXPECT_TRUE(h.is_listpack());
  h.set("d", "dv", limits);
  EXPECT_FALSE(h.is_listpack());
  EXPECT_TRUE(h.erase("d"));
  EXPECT_TRUE(h.erase("c"));
  EXPECT_FALSE(h.is_listpack());
  EXPECT_EQ(h.size(), 2u);
  EXPECT_FALSE(h.set("a", "new", limits));
  EXPECT_EQ(h.get("a"), std::optional<std::string_view>("new"));
  std::set<std::pair<std::string_view, std::string_view>> all;
  h.for_each([&](std::string_view f, std::string_view v) { all.emplace(f, v); });
  EXPECT_EQ(all, (std::set<std::pair<std::string_view, std::string_view>>{{"a", "new"},
                                                                            {"b", "bv"}}));
}

TEST(HashValueTest, CloneIsDeepForBothEncodings) {
  HashLimits limits;
  limits.max_listpack_entries = 2;
  for (int n : {2, 5}) {
    HashValue h;
    for (int i = 0; i < n; ++i) h.set(field_name(i), "v", limits);
    std::unique_ptr<Object> copy = h.clone();
    auto* c = static_cast<HashValue*>(copy.get());
    EXPECT_EQ(c->is_listpack(), h.is_listpack());
    c->set("f0", "changed", limits);
    EXPECT_EQ(h.get("f0"), std::optional<std::string_view>("v"));
    EXPECT_EQ(c->get("f0"), std::optional<std::string_view>("changed"));
    EXPECT_EQ(c->size(), h.size());
  }
}

TEST(HashValueTest, TableScanAndRandom) {
  HashLimits limits;
  limits.max_listpack_entries = 0;
  HashValue h;
  for (int i = 0; i < 100; ++i) h.set(field_name(i), "v", limits);
  ASSERT_FALSE(h.is_listpack());
  std::set<std::string> seen;
  uint64_t cursor = 0;
  do {
    cursor = h.scan(cursor, 7, [&](std::string_view f, std::string_view) { seen.emplace(f); });
  } while (cursor != 0);
  EXPECT_EQ(seen.size(), 100u);
  for (uint64_t r = 0; r < 50; ++r) EXPECT_EQ(h.random_pair(r * 7919).second, "v");
  EXPECT_GT(h.memory_bytes(), 100u);
}

// The running memory counter (memory_bytes) against the full recount after every operation:
// new fields, replaced values (same length, shorter, longer, past the listpack value limit),
// erasures (present and absent), conversion by entry count, by value length and by call, and
// clones that carry on being modified, with limits that change from one value to the next.
TEST(HashValueTest, MemoryBytesMatchesRecountAfterEveryOperation) {
  std::mt19937_64 rng(11);
  auto h = std::make_unique<HashValue>();
  HashLimits limits;
  size_t conversions = 0, clones = 0, max_size = 0;
  for (int step = 0; step < 8000; ++step) {
    const std::string field = field_name(static_cast<int>(rng() % 300));
    const size_t len = rng() % 10 == 0 ? 40 + rng() % 200 : rng() % 24;
    const std::string value(len, static_cast<char>('a' + rng() % 26));
    const bool was_listpack = h->is_listpack();
    switch (rng() % 8) {
      case 0:
      case 1:
      case 2:
      case 3:
        h->set(field, value, limits);
        break;
      case 4:
      case 5:
        h->erase(field);
        break;
      case 6:
        if (rng() % 20 == 0) h->convert_to_table();
        break;
      default:
        if (rng() % 20 == 0) {
          std::unique_ptr<Object> copy = h->clone();
          ASSERT_EQ(static_cast<HashValue*>(copy.get())->memory_bytes(),
                    static_cast<HashValue*>(copy.get())->recount_memory_bytes());
          h.reset(static_cast<HashValue*>(copy.release()));
          ++clones;
        } else if (rng() % 40 == 0) {
          h = std::make_unique<HashValue>();
          limits.max_listpack_entries = rng() % 200;
          limits.max_listpack_value = 16 + rng() % 100;
        }
        break;
    }
    if (was_listpack && !h->is_listpack()) ++conversions;
    ASSERT_EQ(h->memory_bytes(), h->recount_memory_bytes()) << "step " << step;
    max_size = std::max(max_size, h->size());
  }
  EXPECT_GT(conversions, 10u);
  EXPECT_GT(max_size, 150u);
  EXPECT_GT(clones, 10u);
}

TEST(HashValueTest, ListpackRandomPair) {
  HashValue h;
  const HashLimits limits;
  h.set("a", "1", limits);
  h.set("b", "2", limits);
  EXPECT_EQ(h.random_pair(0), (std::pair<std::string_view, std::string_view>("a", "1")));
  EXPECT_EQ(h.random_pair(3), (std::pair<std::string_view, std::string_view>("b", "2")));
}

}  // namespace
}  // namespace kevy
