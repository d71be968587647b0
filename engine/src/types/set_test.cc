// Unit tests for SetValue: intset layout (sorted, width upgrades), conversion, hashtable.
#include "types/set.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kevy
