#include "types/zset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kevy {
namespace {

using Model = std::set<std::pair<double, std::string>>;

std::vector<std::pair<std::string, double>> items_of(const ZsetValue& z) {
  std::vector<std::pair<std::string, double>> out;
  z.for_each([&](const ZsetItem& it) { out.emplace_back(std::string(it.member), it.score); });
  return out;
}

std::vector<std::pair<std::string, double>> items_of(const Model& m) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& [s, member] : m) out.emplace_back(member, s);
  return out;
}

// Checks every read operation of z against the model.
void expect_matches(const ZsetValue& z, const Model& model) {
  ASSERT_EQ(z.size(), model.size());
  const auto expected = items_of(model);
  ASSERT_EQ(items_of(z), expected);
  for (size_t r = 0; r < expected.size(); ++r) {
    const ZsetItem it = z.at(r);
    ASSERT_EQ(it.member, expected[r].first) << "rank " << r;
    ASSERT_EQ(z.rank(expected[r].first), r);
    ASSERT_EQ(z.score(expected[r].first), expected[r].second);
  }
  if (!expected.empty()) {
    std::vector<std::string> rev;
    z.for_ranks(0, expected.size() - 1, true, [&](const ZsetItem& it) {
      rev.emplace_back(it.member);
      return true;
    });
    ASSERT_EQ(rev.size(), expected.size());
    for (size_t i = 0; i < rev.size(); ++i) EXPECT_EQ(rev[i], expected[expected.size() - 1 - i].first);
  }
}

TEST(ZsetValue, ListpackKeepsScoreOrderThenMemberBytes) {
  ZsetValue z;
  const ZsetLimits limits;
  EXPECT_TRUE(z.set("b", 1, limits));
  EXPECT_TRUE(z.set("a", 1, limits));
  EXPECT_TRUE(z.set(std::string_view("\0x", 2), 1, limits));
  EXPECT_TRUE(z.set("c", -2.5, limits));
  EXPECT_FALSE(z.set("b", 0.5, limits));  // update moves it
  EXPECT_TRUE(z.is_listpack());
  const auto items = items_of(z);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].first, "c");
  EXPECT_EQ(items[1].first, "b");
  EXPECT_EQ(items[2].first, std::string("\0x", 2));
  EXPECT_EQ(items[3].first, "a");
}

TEST(ZsetValue, ListpackStoresScoresExactly) {
  ZsetValue z;
  const ZsetLimits limits;
  const double scores[] = {0.1, 1e20, -1e300, 3, -3, std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(), 9007199254740993.0,
                           -9007199254740991.0, 5e-324};
  int i = 0;
  for (double s : scores) z.set("m" + std::to_string(i++), s, limits);
  i = 0;
  for (double s : scores) EXPECT_EQ(z.score("m" + std::to_string(i++)), s);
}

TEST(ZsetValue, NegativeZeroIsZeroInListpackOnlyAsInRedis) {
  ZsetValue lp;
  lp.set("a", -0.0, ZsetLimits{});
  EXPECT_FALSE(std::signbit(*lp.score("a")));
  ZsetValue sl;
  sl.convert_to_skiplist();
  sl.set("a", -0.0, ZsetLimits{});
  EXPECT_TRUE(std::signbit(*sl.score("a")));
  // A listpack loaded with the text "-0" keeps it, through a copy and a conversion too.
  ZsetValue loaded;
  loaded.set("a", -0.0, ZsetLimits{}, ListpackZero::kKeepSign);
  loaded.set("b", -0.0, ZsetLimits{});
  EXPECT_TRUE(loaded.is_listpack());
  EXPECT_TRUE(std::signbit(*loaded.score("a")));
  EXPECT_FALSE(std::signbit(*loaded.score("b")));
  auto copy = loaded.clone();
  EXPECT_TRUE(std::signbit(*static_cast<ZsetValue&>(*copy).score("a")));
  loaded.convert_to_skiplist();
  EXPECT_TRUE(std::signbit(*loaded.score("a")));
  EXPECT_FALSE(std::signbit(*loaded.score("b")));
  // A member that converts the listpack lands in the skiplist with its -0, as in Redis.
  ZsetValue converting;
  converting.set("a", 1, ZsetLimits{});
  converting.set(std::string(65, 'm'), -0.0, ZsetLimits{});
  EXPECT_FALSE(converting.is_listpack());
  EXPECT_TRUE(std::signbit(*converting.score(std::string(65, 'm'))));
}

TEST(ZsetValue, ConvertsPastEntriesLimitAndLongMember) {
  ZsetLimits limits;
  limits.max_listpack_entries = 4;
  limits.max_listpack_value = 8;
  ZsetValue z;
  for (int i = 0; i < 4; ++i) z.set(std::to_string(i), i, limits);
  EXPECT_TRUE(z.is_listpack());
  z.set("4", 4, limits);
  EXPECT_EQ(z.encoding(), Encoding::kSkiplist);
  EXPECT_EQ(z.size(), 5u);
  ZsetValue y;
  y.set("123456789", 1, limits);
  EXPECT_FALSE(y.is_listpack());
  ZsetValue x;
  x.set("12345678", 1, limits);
  EXPECT_TRUE(x.is_listpack());
}

TEST(ZsetValue, NewForSizePicksEncodingByHints) {
  const ZsetLimits limits;
  EXPECT_TRUE(ZsetValue::new_for_size(128, 64, limits)->is_listpack());
  EXPECT_FALSE(ZsetValue::new_for_size(129, 1, limits)->is_listpack());
  EXPECT_FALSE(ZsetValue::new_for_size(1, 65, limits)->is_listpack());
  ZsetLimits none;
  none.max_listpack_entries = 0;
  EXPECT_FALSE(ZsetValue::new_for_size(0, 0, none)->is_listpack());
}

// Random operations on both encodings against a std::set model.
void random_walk(bool skiplist, unsigned seed, int ops, int members) {
  std::mt19937_64 rng(seed);
  ZsetValue z;
  ZsetLimits limits;
  if (skiplist) z.convert_to_skiplist();
  else limits.max_listpack_entries = 1u << 30;
  Model model;
  std::map<std::string, double> scores;
  for (int op = 0; op < ops; ++op) {
    const std::string m = "m" + std::to_string(rng() % members);
    const double s = static_cast<double>(static_cast<int>(rng() % 50)) / 4;
    switch (rng() % 5) {
      case 0:
      case 1:
      case 2: {
        const bool was_new = scores.count(m) == 0;
        if (!was_new) model.erase({scores[m], m});
        scores[m] = s;
        model.insert({s, m});
        ASSERT_EQ(z.set(m, s, limits), was_new);
        break;
      }
      case 3: {
        const bool had = scores.count(m) != 0;
        if (had) {
          model.erase({scores[m], m});
          scores.erase(m);
        }
        ASSERT_EQ(z.erase(m), had);
        break;
      }
      default: {
        if (model.empty()) break;
        const size_t a = rng() % model.size();
        const size_t b = std::min(model.size() - 1, a + rng() % 40);
        auto first = std::next(model.begin(), static_cast<std::ptrdiff_t>(a));
        auto last = std::next(model.begin(), static_cast<std::ptrdiff_t>(b + 1));
        for (auto it = first; it != last; ++it) scores.erase(it->second);
        model.erase(first, last);
        z.erase_ranks(a, b);
        break;
      }
    }
    if (op % 97 == 0) {
      expect_matches(z, model);
      ASSERT_EQ(z.memory_bytes(), z.recount_memory_bytes()) << "op " << op;
    }
  }
  expect_matches(z, model);
  EXPECT_EQ(z.memory_bytes(), z.recount_memory_bytes());
  // partition_point agrees with the model's lower_bound on scores.
  for (double bound = -1; bound < 14; bound += 0.5) {
    const size_t want = static_cast<size_t>(std::distance(
        model.begin(), std::lower_bound(model.begin(), model.end(),
                                        std::pair<double, std::string>(bound, ""))));
    EXPECT_EQ(z.partition_point([&](const ZsetItem& it) { return it.score < bound; }), want);
  }
  // A clone is equal and independent.
  auto copy = z.clone();
  auto* cz = static_cast<ZsetValue*>(copy.get());
  expect_matches(*cz, model);
  EXPECT_EQ(cz->memory_bytes(), cz->recount_memory_bytes());
  cz->set("extra", 1, limits);
  EXPECT_EQ(z.size(), model.size());
}

// The running memory counters (memory_bytes) against the full recount after every operation:
// new members (short and past the listpack value limit), score changes (same, other, so nodes
// move between chunks), erasures, rank-range erasures (emptying and merging chunks), conversion
// by size, by member length and by call, new_for_size, a listpack rebuilt from a skiplist (as
// an RDB load or a STORE command does), and clones that carry on being modified.
TEST(ZsetValue, MemoryBytesMatchesRecountAfterEveryOperation) {
  std::mt19937_64 rng(13);
  auto z = std::make_unique<ZsetValue>();
  ZsetLimits limits;
  size_t conversions = 0, clones = 0, rebuilt = 0, max_size = 0;
  for (int op = 0; op < 10000; ++op) {
    std::string m = "m" + std::to_string(rng() % 1500);
    if (rng() % 50 == 0) m.append(70, 'x');  // past max_listpack_value
    const double score =
        rng() % 4 == 0 ? static_cast<double>(rng() % 1000) / 7 : static_cast<double>(rng() % 100);
    const bool was_listpack = z->is_listpack();
    switch (rng() % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
        z->set(m, score, limits);
        break;
      case 5:
        z->erase(m);
        break;
      case 6:
        if (!z->empty() && rng() % 4 == 0) {
          const size_t a = rng() % z->size();
          z->erase_ranks(a, std::min(z->size() - 1, a + rng() % 20));
        }
        break;
      case 7:
        if (rng() % 40 == 0) z->convert_to_skiplist();
        break;
      case 8:
        if (rng() % 20 == 0) {
          std::unique_ptr<Object> copy = z->clone();
          ASSERT_EQ(static_cast<ZsetValue*>(copy.get())->memory_bytes(),
                    static_cast<ZsetValue*>(copy.get())->recount_memory_bytes());
          z.reset(static_cast<ZsetValue*>(copy.release()));
          ++clones;
        }
        break;
      default:
        if (rng() % 60 == 0) {
          // A new value from all or the first few items, as a STORE command or an RDB load
          // builds one: a small one from a skiplist gets a listpack.
          limits.max_listpack_entries = rng() % 300;
          const size_t n = rng() % 2 ? z->size() : std::min(z->size(), size_t{rng() % 100});
          auto next = ZsetValue::new_for_size(n, rng() % 80, limits);
          const ZsetLimits unlimited{1u << 30, 1u << 30};
          if (n > 0) {
            z->for_ranks(0, n - 1, false, [&](const ZsetItem& it) {
              next->set(it.member, it.score, unlimited);
              return true;
            });
          }
          rebuilt += !z->is_listpack() && next->is_listpack();
          z = std::move(next);
        }
        break;
    }
    if (was_listpack && !z->is_listpack()) ++conversions;
    ASSERT_EQ(z->memory_bytes(), z->recount_memory_bytes()) << "op " << op;
    max_size = std::max(max_size, z->size());
  }
  EXPECT_GT(conversions, 10u);
  EXPECT_GT(max_size, 300u);  // several index chunks
  EXPECT_GT(clones, 10u);
  EXPECT_GT(rebuilt, 0u);
}

TEST(ZsetValue, SkiplistRandomOperationsMatchModel) { random_walk(true, 1, 20000, 3000); }
TEST(ZsetValue, ListpackRandomOperationsMatchModel) { random_walk(false, 2, 3000, 150); }
TEST(ZsetValue, SkiplistSmallRandomOperationsMatchModel) { random_walk(true, 3, 5000, 40); }

TEST(ZsetValue, ConversionKeepsEveryItem) {
  ZsetValue z;
  Model model;
  ZsetLimits limits;
  limits.max_listpack_entries = 1000;
  for (int i = 0; i < 300; ++i) {
    z.set("k" + std::to_string(i), i % 7, limits);
    model.insert({i % 7, "k" + std::to_string(i)});
  }
  z.convert_to_skiplist();
  expect_matches(z, model);
  EXPECT_GT(z.memory_bytes(), 300u * 8);
}

TEST(ZsetValue, ScanVisitsEveryMemberOfASkiplist) {
  ZsetValue z;
  z.convert_to_skiplist();
  for (int i = 0; i < 1000; ++i) z.set(std::to_string(i), i, ZsetLimits{});
  std::set<std::string> seen;
  uint64_t cursor = 0;
  do {
    cursor = z.scan(cursor, 10, [&](const ZsetItem& it) {
      seen.insert(std::string(it.member));
      EXPECT_EQ(std::to_string(static_cast<int>(it.score)), it.member);
    });
  } while (cursor != 0);
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace kevy
