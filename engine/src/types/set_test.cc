// Unit tests for SetValue: intset layout (sorted, width upgrades), conversion, hashtable.
#include "types/set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace kevy {
namespace {

TEST(SetValueTest, IntsetKeepsAscendingOrderAcrossWidths) {
  SetValue s;
  for (const char* m : {"5", "-3", "70000", "-9223372036854775808", "2", "9223372036854775807"}) {
    EXPECT_TRUE(s.add(m, 512));
  }
  EXPECT_FALSE(s.add("5", 512));
  EXPECT_TRUE(s.is_intset());
  EXPECT_EQ(s.members(), (std::vector<std::string>{"-9223372036854775808", "-3", "2", "5",
                                                   "70000", "9223372036854775807"}));
  EXPECT_TRUE(s.contains("70000"));
  EXPECT_FALSE(s.contains("070000"));
  EXPECT_FALSE(s.contains("x"));
  EXPECT_TRUE(s.erase("-3"));
  EXPECT_FALSE(s.erase("-3"));
  EXPECT_FALSE(s.erase("-0"));
  EXPECT_EQ(s.size(), 5u);
  EXPECT_EQ(s.members().front(), "-9223372036854775808");
}

TEST(SetValueTest, ConvertsOnNonIntegerAndPastLimit) {
  SetValue s;
  EXPECT_TRUE(s.add("1", 2));
  EXPECT_TRUE(s.add("2", 2));
  EXPECT_TRUE(s.is_intset());
  EXPECT_TRUE(s.add("3", 2));
  EXPECT_FALSE(s.is_intset());
  EXPECT_EQ(s.encoding(), Encoding::kHashtable);
  EXPECT_TRUE(s.contains("3"));
  SetValue t;
  t.add("1", 512);
  t.add("01", 512);
  EXPECT_FALSE(t.is_intset());
  EXPECT_EQ(t.size(), 2u);
  EXPECT_TRUE(t.contains("1"));
  EXPECT_TRUE(t.contains("01"));
}

TEST(SetValueTest, CloneIsIndependent) {
  SetValue s;
  s.add("a", 512);
  s.add("b", 512);
  auto copy = s.clone();
  auto* c = static_cast<SetValue*>(copy.get());
  s.erase("a");
  EXPECT_TRUE(c->contains("a"));
  EXPECT_EQ(c->size(), 2u);
  SetValue i;
  i.add("7", 512);
  auto icopy = i.clone();
  i.erase("7");
  EXPECT_TRUE(static_cast<SetValue*>(icopy.get())->contains("7"));
}

TEST(SetValueTest, ScanAndRandomCoverTheTable) {
  auto s = SetValue::make_table();
  for (int i = 0; i < 300; ++i) {
    std::string m = "m";  // append: g++ 12 warns falsely on "m" + std::to_string(i)
    m.append(std::to_string(i));
    s->add(m, 512);
  }
  std::set<std::string> seen;
  uint64_t cursor = 0;
  do {
    cursor = s->scan(cursor, 10, [&](std::string_view m) { seen.emplace(m); });
  } while (cursor != 0);
  EXPECT_EQ(seen.size(), 300u);
  for (uint64_t r = 0; r < 50; ++r) EXPECT_TRUE(s->contains(s->random_member(r * 7919)));
  SetValue i;
  i.add("4", 512);
  i.add("9", 512);
  for (uint64_t r = 0; r < 10; ++r) EXPECT_TRUE(i.contains(i.random_member(r)));
}

// The running memory counter (memory_bytes) against the full recount after every operation:
// integer members of every width (so the intset widens), non-integers and growth past the limit
// (conversion), erasures present and absent, explicit conversion, sets started as tables, and
// clones that carry on being modified.
TEST(SetValueTest, MemoryBytesMatchesRecountAfterEveryOperation) {
  std::mt19937_64 rng(5);
  auto member = [&]() -> std::string {
    switch (rng() % 6) {
      case 0:
        return std::to_string(static_cast<int64_t>(rng() % 200) - 100);
      case 1:
        return std::to_string(static_cast<int64_t>(rng() % 200) * 1000);  // 4-byte slots
      case 2:
        return std::to_string(static_cast<int64_t>(rng() % 200) << 40);  // 8-byte slots
      case 3:
        return "m" + std::to_string(rng() % 300) + std::string(rng() % 40, 'x');
      default:
        return std::to_string(rng() % 300);
    }
  };
  auto s = std::make_unique<SetValue>();
  size_t max_intset = 512;
  size_t conversions = 0, clones = 0, max_size = 0;
  for (int step = 0; step < 8000; ++step) {
    const bool was_intset = s->is_intset();
    switch (rng() % 8) {
      case 0:
      case 1:
      case 2:
        s->add(member(), max_intset);
        break;
      case 3:
        if (rng() % 4 == 0) s->add(member(), max_intset);  // the non-integers are rarer
        break;
      case 4:
      case 5:
        s->erase(member());
        break;
      case 6:
        if (rng() % 30 == 0) s->convert_to_table();
        break;
      default:
        if (rng() % 20 == 0) {
          std::unique_ptr<Object> copy = s->clone();
          ASSERT_EQ(static_cast<SetValue*>(copy.get())->memory_bytes(),
                    static_cast<SetValue*>(copy.get())->recount_memory_bytes());
          s.reset(static_cast<SetValue*>(copy.release()));
          ++clones;
        } else if (rng() % 30 == 0) {
          s = rng() % 3 == 0 ? SetValue::make_table() : std::make_unique<SetValue>();
          max_intset = rng() % 300;
        }
        break;
    }
    if (was_intset && !s->is_intset()) ++conversions;
    ASSERT_EQ(s->memory_bytes(), s->recount_memory_bytes()) << "step " << step;
    max_size = std::max(max_size, s->size());
  }
  EXPECT_GT(conversions, 10u);
  EXPECT_GT(max_size, 150u);
  EXPECT_GT(clones, 10u);
}

}  // namespace
}  // namespace kevy
