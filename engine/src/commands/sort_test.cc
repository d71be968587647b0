// Unit tests for SORT and SORT_RO. Every expected reply was recorded from redis-server 7.0.15
// (each case on a fresh server: a strtod ERANGE leaves errno set in Redis, which fails every
// later numeric SORT of that process). Zset cases build the zset directly in the keyspace (the
// add_zset lines stand for the ZADD that produced the recording).
#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/entry.h"
#include "test_support/family_test.h"
#include "test_support/keyspace_fixture.h"
#include "types/zset.h"

namespace kevy {
namespace {

using namespace std::string_view_literals;

class SortTest : public FamilyTest {};

class SortZsetTest : public KeyspaceFixture {
 protected:
  // Stands in for ZADD key score member ...: a new zset in db 0, encoded as ZADD leaves it.
  void add_zset(std::string_view key,
                std::initializer_list<std::pair<double, std::string_view>> items) {
    auto z = std::make_unique<ZsetValue>();
    for (const auto& [score, member] : items) z->set(member, score, ZsetLimits{});
    const Encoding enc = z->encoding();
    ks_.add(0, Entry::make_object(key, ObjType::kZset, enc, std::move(z)));
  }
};

// ---- Generated from redis-server 7.0.15 replies.

TEST_F(SortTest, NumericSortOfList) {
  EXPECT_EQ(run({"rpush", "l", "3", "1", "2", "10", "-5", "2.5"}), ":6\r\n");
  EXPECT_EQ(run({"sort", "l"}),
            "*6\r\n$2\r\n-5\r\n$1\r\n1\r\n$1\r\n2\r\n$3\r\n2.5\r\n$1\r\n3\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"sort", "l", "asc"}),
            "*6\r\n$2\r\n-5\r\n$1\r\n1\r\n$1\r\n2\r\n$3\r\n2.5\r\n$1\r\n3\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"sort", "l", "desc"}),
            "*6\r\n$2\r\n10\r\n$1\r\n3\r\n$3\r\n2.5\r\n$1\r\n2\r\n$1\r\n1\r\n$2\r\n-5\r\n");
  EXPECT_EQ(run({"sort_ro", "l"}),
            "*6\r\n$2\r\n-5\r\n$1\r\n1\r\n$1\r\n2\r\n$3\r\n2.5\r\n$1\r\n3\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"sort_ro", "l", "DESC"}),
            "*6\r\n$2\r\n10\r\n$1\r\n3\r\n$3\r\n2.5\r\n$1\r\n2\r\n$1\r\n1\r\n$2\r\n-5\r\n");
  EXPECT_EQ(run({"lrange", "l", "0", "-1"}),
            "*6\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n2\r\n$2\r\n10\r\n$2\r\n-5\r\n$3\r\n2.5\r\n");
}

TEST_F(SortTest, NumericTiesAreOrderedByElementBytes) {
  EXPECT_EQ(run({"rpush", "l", "1.0", "1", "01", "+1", "1e0", "0.5", "-0", "0"}), ":8\r\n");
  EXPECT_EQ(run({"sort", "l"}),
            "*8\r\n$2\r\n-0\r\n$1\r\n0\r\n$3\r\n0.5\r\n$2\r\n+1\r\n$2\r\n01\r\n$1\r\n1\r\n$3\r\n1.0\r\n$3\r\n1e0\r\n");
  EXPECT_EQ(run({"sort", "l", "desc"}),
            "*8\r\n$3\r\n1e0\r\n$3\r\n1.0\r\n$1\r\n1\r\n$2\r\n01\r\n$2\r\n+1\r\n$3\r\n0.5\r\n$1\r\n0\r\n$2\r\n-0\r\n");
}

TEST_F(SortTest, ScoresReadLikeStrtod) {
  EXPECT_EQ(run({"rpush", "l", " 1", "0x10", "inf", "-inf", "", "1.", "-.5e1", "\t3", "0X1A", "+5", "2\x00zz"sv, "infinity", "-0"}),
            ":13\r\n");
  EXPECT_EQ(run({"sort", "l"}),
            "*13\r\n$4\r\n-inf\r\n$5\r\n-.5e1\r\n$0\r\n\r\n$2\r\n-0\r\n$2\r\n 1\r\n$2\r\n1.\r\n$4\r\n2\x00zz\r\n$2\r\n\t3\r\n$2\r\n+5\r\n$4\r\n0x10\r\n$4\r\n0X1A\r\n$3\r\ninf\r\n$8\r\ninfinity\r\n"sv);
  EXPECT_EQ(run({"sort", "l", "desc"}),
            "*13\r\n$8\r\ninfinity\r\n$3\r\ninf\r\n$4\r\n0X1A\r\n$4\r\n0x10\r\n$2\r\n+5\r\n$2\r\n\t3\r\n$4\r\n2\x00zz\r\n$2\r\n1.\r\n$2\r\n 1\r\n$2\r\n-0\r\n$0\r\n\r\n$5\r\n-.5e1\r\n$4\r\n-inf\r\n"sv);
}

TEST_F(SortTest, NonNumericElementIsAnError) {
  EXPECT_EQ(run({"rpush", "l", "3", "1", "x"}), ":3\r\n");
  EXPECT_EQ(run({"sort", "l"}), "-ERR One or more scores can't be converted into double\r\n");
  EXPECT_EQ(run({"sort", "l", "desc"}),
            "-ERR One or more scores can't be converted into double\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "0", "1"}),
            "-ERR One or more scores can't be converted into double\r\n");
  EXPECT_EQ(run({"sort", "l", "alpha"}), "*3\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\nx\r\n");
}

TEST_F(SortTest, NanIsAnError) {
  EXPECT_EQ(run({"rpush", "l", "1", "nan"}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l"}), "-ERR One or more scores can't be converted into double\r\n");
}

TEST_F(SortTest, TrailingJunkIsAnError) {
  EXPECT_EQ(run({"rpush", "l", "1", "1 "}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l"}), "-ERR One or more scores can't be converted into double\r\n");
  EXPECT_EQ(run({"del", "l"}), ":1\r\n");
  EXPECT_EQ(run({"rpush", "l", "1", "1e"}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l"}), "-ERR One or more scores can't be converted into double\r\n");
  EXPECT_EQ(run({"del", "l"}), ":1\r\n");
  EXPECT_EQ(run({"rpush", "l", "1", " "}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l"}), "-ERR One or more scores can't be converted into double\r\n");
}

TEST_F(SortTest, OverflowIsAnError) {
  EXPECT_EQ(run({"rpush", "l", "1", "1e400"}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l"}), "-ERR One or more scores can't be converted into double\r\n");
}

TEST_F(SortTest, SubnormalIsAnError) {
  EXPECT_EQ(run({"rpush", "l", "1", "1e-310"}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l"}), "-ERR One or more scores can't be converted into double\r\n");
}

TEST_F(SortTest, ScoreErrorStoresNothing) {
  EXPECT_EQ(run({"rpush", "l", "1", "x"}), ":2\r\n");
  EXPECT_EQ(run({"set", "d", "keep"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "store", "d"}),
            "-ERR One or more scores can't be converted into double\r\n");
  EXPECT_EQ(run({"get", "d"}), "$4\r\nkeep\r\n");
}

TEST_F(SortTest, AlphaSort) {
  EXPECT_EQ(run({"rpush", "l", "banana", "apple", "Cherry", "10", "9", "", "b"}), ":7\r\n");
  EXPECT_EQ(run({"sort", "l", "alpha"}),
            "*7\r\n$0\r\n\r\n$2\r\n10\r\n$1\r\n9\r\n$6\r\nCherry\r\n$5\r\napple\r\n$1\r\nb\r\n$6\r\nbanana\r\n");
  EXPECT_EQ(run({"sort", "l", "alpha", "desc"}),
            "*7\r\n$6\r\nbanana\r\n$1\r\nb\r\n$5\r\napple\r\n$6\r\nCherry\r\n$1\r\n9\r\n$2\r\n10\r\n$0\r\n\r\n");
  EXPECT_EQ(run({"sort", "l", "ALPHA", "limit", "1", "3"}),
            "*3\r\n$2\r\n10\r\n$1\r\n9\r\n$6\r\nCherry\r\n");
}

TEST_F(SortTest, AlphaComparesUpToNulButStoreComparesAllBytes) {
  EXPECT_EQ(run({"rpush", "a", "a\x00" "c"sv, "a\x00" "b"sv, "a", "b\x00"sv, "\xff", "\xc3\xa9", "e", "E"}),
            ":8\r\n");
  EXPECT_EQ(run({"sort", "a", "alpha"}),
            "*8\r\n$1\r\nE\r\n$3\r\na\x00" "c\r\n$3\r\na\x00" "b\r\n$1\r\na\r\n$2\r\nb\x00\r\n$1\r\ne\r\n$2\r\n\xc3\xa9\r\n$1\r\n\xff\r\n"sv);
  EXPECT_EQ(run({"sort", "a", "alpha", "desc"}),
            "*8\r\n$1\r\n\xff\r\n$2\r\n\xc3\xa9\r\n$1\r\ne\r\n$2\r\nb\x00\r\n$3\r\na\x00" "c\r\n$3\r\na\x00" "b\r\n$1\r\na\r\n$1\r\nE\r\n"sv);
  EXPECT_EQ(run({"sort", "a", "alpha", "store", "d"}), ":8\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}),
            "*8\r\n$1\r\nE\r\n$1\r\na\r\n$3\r\na\x00" "b\r\n$3\r\na\x00" "c\r\n$2\r\nb\x00\r\n$1\r\ne\r\n$2\r\n\xc3\xa9\r\n$1\r\n\xff\r\n"sv);
  EXPECT_EQ(run({"sort", "a", "alpha", "desc", "store", "d"}), ":8\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}),
            "*8\r\n$1\r\n\xff\r\n$2\r\n\xc3\xa9\r\n$1\r\ne\r\n$2\r\nb\x00\r\n$3\r\na\x00" "c\r\n$3\r\na\x00" "b\r\n$1\r\na\r\n$1\r\nE\r\n"sv);
}

TEST_F(SortTest, LimitWindow) {
  EXPECT_EQ(run({"rpush", "l", "5", "4", "3", "2", "1"}), ":5\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "0", "2"}), "*2\r\n$1\r\n1\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "1", "2"}), "*2\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "3", "10"}), "*2\r\n$1\r\n4\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "4", "1"}), "*1\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "5", "1"}), "*0\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "2", "0"}), "*0\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "2", "-1"}), "*3\r\n$1\r\n3\r\n$1\r\n4\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "2", "-5"}), "*3\r\n$1\r\n3\r\n$1\r\n4\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "-3", "2"}), "*2\r\n$1\r\n1\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "-3", "-3"}),
            "*5\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "1", "9223372036854775807"}),
            "*4\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "9223372036854775807", "9223372036854775807"}), "*0\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "-9223372036854775808", "2"}),
            "*2\r\n$1\r\n1\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"sort", "l", "desc", "limit", "1", "2"}), "*2\r\n$1\r\n4\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "1", "2", "limit", "3", "1"}), "*1\r\n$1\r\n4\r\n");
}

TEST_F(SortTest, LimitParseErrors) {
  EXPECT_EQ(run({"rpush", "l", "1", "2"}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "a", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "1", "b"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "1.5", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "1", "9223372036854775808"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "1"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"sort", "l", "limit"}), "-ERR syntax error\r\n");
}

TEST_F(SortTest, ByNosortKeepsListOrder) {
  EXPECT_EQ(run({"rpush", "l", "3", "1", "2", "10", "b", "a"}), ":6\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort"}),
            "*6\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n2\r\n$2\r\n10\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "desc"}),
            "*6\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\n10\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "limit", "1", "2"}), "*2\r\n$1\r\n1\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "limit", "1", "2", "desc"}),
            "*2\r\n$1\r\nb\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "limit", "4", "10", "desc"}),
            "*2\r\n$1\r\n1\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "limit", "6", "1"}), "*0\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "limit", "0", "0"}), "*0\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "alpha", "desc"}),
            "*6\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\n10\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "constant-without-star"}),
            "*6\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n2\r\n$2\r\n10\r\n$1\r\nb\r\n$1\r\na\r\n");
}

TEST_F(SortTest, ByNosortOnIntsetIgnoresDesc) {
  EXPECT_EQ(run({"sadd", "s", "5", "3", "9", "1"}), ":4\r\n");
  EXPECT_EQ(run({"sort", "s", "by", "nosort"}),
            "*4\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$1\r\n9\r\n");
  EXPECT_EQ(run({"sort", "s", "by", "nosort", "desc"}),
            "*4\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$1\r\n9\r\n");
  EXPECT_EQ(run({"sort", "s", "by", "nosort", "limit", "1", "2"}), "*2\r\n$1\r\n3\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"sort", "s", "by", "nosort", "limit", "1", "2", "desc"}),
            "*2\r\n$1\r\n3\r\n$1\r\n5\r\n");
}

TEST_F(SortTest, ByNosortWithStoreSortsASetAlpha) {
  EXPECT_EQ(run({"sadd", "s", "5", "30", "9", "1"}), ":4\r\n");
  EXPECT_EQ(run({"sort", "s", "by", "nosort", "store", "d"}), ":4\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}), "*4\r\n$1\r\n1\r\n$2\r\n30\r\n$1\r\n5\r\n$1\r\n9\r\n");
  EXPECT_EQ(run({"sort", "s", "by", "nosort", "desc", "store", "d"}), ":4\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}), "*4\r\n$1\r\n9\r\n$1\r\n5\r\n$2\r\n30\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"sort", "s", "by", "nosort", "limit", "1", "2", "desc", "store", "d"}), ":2\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}), "*2\r\n$1\r\n5\r\n$2\r\n30\r\n");
  EXPECT_EQ(run({"sadd", "h", "b", "c", "a", "10"}), ":4\r\n");
  EXPECT_EQ(run({"sort", "h", "by", "nosort", "store", "d"}), ":4\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}), "*4\r\n$2\r\n10\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"sort", "h", "by", "nosort", "desc", "limit", "0", "3", "store", "d"}), ":3\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}), "*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
}

TEST_F(SortTest, ByNosortThenByPatternStillDoesNotSort) {
  EXPECT_EQ(run({"rpush", "l", "3", "1", "2"}), ":3\r\n");
  EXPECT_EQ(run({"mset", "w_1", "3", "w_2", "2", "w_3", "1"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "by", "w_*"}),
            "*3\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "by", "nosort"}),
            "*3\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*"}), "*3\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n");
}

TEST_F(SortTest, SetsSortNumericallyAndAlpha) {
  EXPECT_EQ(run({"sadd", "s", "30", "-1", "7", "100"}), ":4\r\n");
  EXPECT_EQ(run({"sort", "s"}), "*4\r\n$2\r\n-1\r\n$1\r\n7\r\n$2\r\n30\r\n$3\r\n100\r\n");
  EXPECT_EQ(run({"sort", "s", "desc", "limit", "1", "2"}), "*2\r\n$2\r\n30\r\n$1\r\n7\r\n");
  EXPECT_EQ(run({"sadd", "h", "3.5", "-2", "2", "1e1", "11"}), ":5\r\n");
  EXPECT_EQ(run({"sort", "h"}),
            "*5\r\n$2\r\n-2\r\n$1\r\n2\r\n$3\r\n3.5\r\n$3\r\n1e1\r\n$2\r\n11\r\n");
  EXPECT_EQ(run({"sort", "h", "desc"}),
            "*5\r\n$2\r\n11\r\n$3\r\n1e1\r\n$3\r\n3.5\r\n$1\r\n2\r\n$2\r\n-2\r\n");
  EXPECT_EQ(run({"sadd", "h", "x"}), ":1\r\n");
  EXPECT_EQ(run({"sort", "h", "alpha"}),
            "*6\r\n$2\r\n-2\r\n$2\r\n11\r\n$3\r\n1e1\r\n$1\r\n2\r\n$3\r\n3.5\r\n$1\r\nx\r\n");
  EXPECT_EQ(run({"sort", "h", "alpha", "desc", "limit", "0", "2"}),
            "*2\r\n$1\r\nx\r\n$3\r\n3.5\r\n");
}

TEST_F(SortTest, ByStringKeys) {
  EXPECT_EQ(run({"rpush", "l", "1", "2", "3", "4"}), ":4\r\n");
  EXPECT_EQ(run({"mset", "w_1", "40", "w_2", "30", "w_3", "20", "w_4", "10"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*"}), "*4\r\n$1\r\n4\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "desc"}),
            "*4\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "limit", "1", "2"}), "*2\r\n$1\r\n3\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "desc", "limit", "1", "2"}),
            "*2\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha"}),
            "*4\r\n$1\r\n4\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"set", "w_3", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*"}),
            "-ERR One or more scores can't be converted into double\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha"}),
            "*4\r\n$1\r\n4\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n");
}

TEST_F(SortTest, ByMissingKeysSortAsZeroOrFirst) {
  EXPECT_EQ(run({"rpush", "l", "c", "b", "a", "d"}), ":4\r\n");
  EXPECT_EQ(run({"mset", "w_a", "2", "w_b", "-1", "w_d", ""}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*"}), "*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "desc"}),
            "*4\r\n$1\r\na\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha"}),
            "*4\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha", "desc"}),
            "*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nd\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nokey_*"}),
            "*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nokey_*", "alpha"}),
            "*4\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nd\r\n");
}

TEST_F(SortTest, ByWrongTypeKeyIsMissing) {
  EXPECT_EQ(run({"rpush", "l", "2", "1"}), ":2\r\n");
  EXPECT_EQ(run({"rpush", "w_1", "x"}), ":1\r\n");
  EXPECT_EQ(run({"set", "w_2", "5"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*"}), "*2\r\n$1\r\n1\r\n$1\r\n2\r\n");
}

TEST_F(SortTest, ByHashField) {
  EXPECT_EQ(run({"rpush", "l", "1", "2", "3", "4"}), ":4\r\n");
  EXPECT_EQ(run({"hset", "h_1", "f", "9", "g", "a"}), ":2\r\n");
  EXPECT_EQ(run({"hset", "h_2", "f", "7"}), ":1\r\n");
  EXPECT_EQ(run({"hset", "h_3", "f", "8"}), ":1\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "h_*->f"}),
            "*4\r\n$1\r\n4\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "h_*->f", "desc"}),
            "*4\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "h_*->f", "alpha"}),
            "*4\r\n$1\r\n4\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "h_*->nofield"}),
            "*4\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "h_*->"}),
            "*4\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"set", "h_4", "10"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "h_*->f"}),
            "*4\r\n$1\r\n4\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n1\r\n");
}

TEST_F(SortTest, ByAlphaTiesKeepSourceOrder) {
  EXPECT_EQ(run({"rpush", "l", "e", "d", "c", "b", "a"}), ":5\r\n");
  EXPECT_EQ(run({"mset", "w_a", "x", "w_b", "x", "w_c", "x", "w_d", "y", "w_e", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha"}),
            "*5\r\n$1\r\ne\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha", "desc"}),
            "*5\r\n$1\r\nd\r\n$1\r\ne\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nokey_*", "alpha"}),
            "*5\r\n$1\r\ne\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nokey_*", "alpha", "desc"}),
            "*5\r\n$1\r\ne\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
}

TEST_F(SortTest, ByAlphaWithLimitUsesPartialQuicksort) {
  EXPECT_EQ(run({"sadd", "src", "2", "18", "20", "19", "3", "-5", "-8"}), ":7\r\n");
  EXPECT_EQ(run({"mset", "w_-5", "", "w_-8", "0", "w_18", "", "w_19", "a", "w_2", "1", "w_20", "4", "w_3", "3"}),
            "+OK\r\n");
  EXPECT_EQ(run({"sort", "src", "alpha", "by", "w_*"}),
            "*7\r\n$2\r\n-5\r\n$2\r\n18\r\n$2\r\n-8\r\n$1\r\n2\r\n$1\r\n3\r\n$2\r\n20\r\n$2\r\n19\r\n");
  EXPECT_EQ(run({"sort", "src", "alpha", "by", "w_*", "limit", "0", "1"}), "*1\r\n$2\r\n18\r\n");
  EXPECT_EQ(run({"sort", "src", "alpha", "by", "w_*", "limit", "1", "1"}), "*1\r\n$2\r\n-5\r\n");
  EXPECT_EQ(run({"sort", "src", "alpha", "by", "w_*", "limit", "0", "3", "desc"}),
            "*3\r\n$2\r\n19\r\n$2\r\n20\r\n$1\r\n3\r\n");
}

TEST_F(SortTest, ByAlphaWithLimitOnALongList) {
  EXPECT_EQ(run({"rpush", "l", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59"}),
            ":60\r\n");
  EXPECT_EQ(run({"mset", "w_0", "b", "w_1", "a", "w_2", "c", "w_3", "a", "w_4", "b", "w_5", "c", "w_6", "a", "w_7", "b", "w_8", "c", "w_9", "a", "w_10", "b", "w_11", "a", "w_12", "c", "w_13", "b", "w_14", "a", "w_15", "c", "w_16", "b", "w_17", "a", "w_18", "c", "w_19", "b", "w_20", "a", "w_21", "c", "w_22", "b", "w_23", "a", "w_24", "c", "w_25", "b", "w_26", "a", "w_27", "b", "w_28", "c", "w_29", "a"}),
            "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha", "limit", "0", "10"}),
            "*10\r\n$2\r\n59\r\n$2\r\n30\r\n$2\r\n31\r\n$2\r\n32\r\n$2\r\n33\r\n$2\r\n34\r\n$2\r\n35\r\n$2\r\n36\r\n$2\r\n37\r\n$2\r\n38\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha", "limit", "25", "10"}),
            "*10\r\n$2\r\n54\r\n$2\r\n55\r\n$2\r\n56\r\n$2\r\n57\r\n$2\r\n58\r\n$1\r\n3\r\n$2\r\n20\r\n$1\r\n1\r\n$2\r\n14\r\n$2\r\n17\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha", "desc", "limit", "5", "20"}),
            "*20\r\n$2\r\n24\r\n$2\r\n28\r\n$1\r\n8\r\n$1\r\n2\r\n$1\r\n0\r\n$1\r\n4\r\n$1\r\n7\r\n$2\r\n10\r\n$2\r\n13\r\n$2\r\n16\r\n$2\r\n19\r\n$2\r\n22\r\n$2\r\n25\r\n$2\r\n27\r\n$1\r\n1\r\n$1\r\n9\r\n$1\r\n3\r\n$2\r\n23\r\n$1\r\n6\r\n$2\r\n29\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha", "limit", "50", "100"}),
            "*10\r\n$2\r\n27\r\n$2\r\n12\r\n$1\r\n2\r\n$1\r\n8\r\n$2\r\n24\r\n$2\r\n28\r\n$2\r\n15\r\n$2\r\n18\r\n$1\r\n5\r\n$2\r\n21\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "alpha"}),
            "*60\r\n$2\r\n30\r\n$2\r\n31\r\n$2\r\n32\r\n$2\r\n33\r\n$2\r\n34\r\n$2\r\n35\r\n$2\r\n36\r\n$2\r\n37\r\n$2\r\n38\r\n$2\r\n39\r\n$2\r\n40\r\n$2\r\n41\r\n$2\r\n42\r\n$2\r\n43\r\n$2\r\n44\r\n$2\r\n45\r\n$2\r\n46\r\n$2\r\n47\r\n$2\r\n48\r\n$2\r\n49\r\n$2\r\n50\r\n$2\r\n51\r\n$2\r\n52\r\n$2\r\n53\r\n$2\r\n54\r\n$2\r\n55\r\n$2\r\n56\r\n$2\r\n57\r\n$2\r\n58\r\n$2\r\n59\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n6\r\n$1\r\n9\r\n$2\r\n11\r\n$2\r\n14\r\n$2\r\n17\r\n$2\r\n20\r\n$2\r\n23\r\n$2\r\n26\r\n$2\r\n29\r\n$1\r\n0\r\n$1\r\n4\r\n$1\r\n7\r\n$2\r\n10\r\n$2\r\n13\r\n$2\r\n16\r\n$2\r\n19\r\n$2\r\n22\r\n$2\r\n25\r\n$2\r\n27\r\n$1\r\n2\r\n$1\r\n5\r\n$1\r\n8\r\n$2\r\n12\r\n$2\r\n15\r\n$2\r\n18\r\n$2\r\n21\r\n$2\r\n24\r\n$2\r\n28\r\n");
}

TEST_F(SortTest, GetPatterns) {
  EXPECT_EQ(run({"rpush", "l", "2", "1", "3"}), ":3\r\n");
  EXPECT_EQ(run({"mset", "w_1", "one", "w_2", "two"}), "+OK\r\n");
  EXPECT_EQ(run({"hset", "h_1", "g", "a1"}), ":1\r\n");
  EXPECT_EQ(run({"hset", "h_3", "g", "a3", "f", "z"}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "#"}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "w_*"}), "*3\r\n$3\r\none\r\n$3\r\ntwo\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "#", "get", "w_*", "get", "h_*->g", "get", "nokey_*"}),
            "*12\r\n$1\r\n1\r\n$3\r\none\r\n$2\r\na1\r\n$-1\r\n$1\r\n2\r\n$3\r\ntwo\r\n$-1\r\n$-1\r\n$1\r\n3\r\n$-1\r\n$2\r\na3\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "nostar"}), "*3\r\n$-1\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->f"}), "*3\r\n$-1\r\n$-1\r\n$1\r\nz\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*", "get", "w_*->g"}),
            "*6\r\n$-1\r\n$-1\r\n$-1\r\n$-1\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->g", "limit", "1", "1", "desc"}), "*1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "get", "#", "get", "w_*"}),
            "*6\r\n$1\r\n2\r\n$3\r\ntwo\r\n$1\r\n1\r\n$3\r\none\r\n$1\r\n3\r\n$-1\r\n");
}

TEST_F(SortTest, GetPatternsResp3) {
  use_resp3();
  EXPECT_EQ(run({"rpush", "l", "2", "1", "3"}), ":3\r\n");
  EXPECT_EQ(run({"mset", "w_1", "one", "w_2", "two"}), "+OK\r\n");
  EXPECT_EQ(run({"hset", "h_1", "g", "a1"}), ":1\r\n");
  EXPECT_EQ(run({"hset", "h_3", "g", "a3", "f", "z"}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "#"}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "w_*"}), "*3\r\n$3\r\none\r\n$3\r\ntwo\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "#", "get", "w_*", "get", "h_*->g", "get", "nokey_*"}),
            "*12\r\n$1\r\n1\r\n$3\r\none\r\n$2\r\na1\r\n_\r\n$1\r\n2\r\n$3\r\ntwo\r\n_\r\n_\r\n$1\r\n3\r\n_\r\n$2\r\na3\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "nostar"}), "*3\r\n_\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->f"}), "*3\r\n_\r\n_\r\n$1\r\nz\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*", "get", "w_*->g"}),
            "*6\r\n_\r\n_\r\n_\r\n_\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->g", "limit", "1", "1", "desc"}), "*1\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "nosort", "get", "#", "get", "w_*"}),
            "*6\r\n$1\r\n2\r\n$3\r\ntwo\r\n$1\r\n1\r\n$3\r\none\r\n$1\r\n3\r\n_\r\n");
}

TEST_F(SortTest, GetPatternShapes) {
  EXPECT_EQ(run({"rpush", "l", "1", "2", "3"}), ":3\r\n");
  EXPECT_EQ(run({"set", "1", "one"}), "+OK\r\n");
  EXPECT_EQ(run({"set", "1*", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"hset", "h_1", "f->x", "nested"}), ":1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "*"}), "*3\r\n$3\r\none\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "**"}), "*3\r\n$1\r\nx\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "*->"}), "*3\r\n$-1\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "##"}), "*3\r\n$-1\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->f->x"}), "*3\r\n$6\r\nnested\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_->*"}), "*3\r\n$-1\r\n$-1\r\n$-1\r\n");
}

TEST_F(SortTest, GetPatternShapesResp3) {
  use_resp3();
  EXPECT_EQ(run({"rpush", "l", "1", "2", "3"}), ":3\r\n");
  EXPECT_EQ(run({"set", "1", "one"}), "+OK\r\n");
  EXPECT_EQ(run({"set", "1*", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"hset", "h_1", "f->x", "nested"}), ":1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "*"}), "*3\r\n$3\r\none\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "**"}), "*3\r\n$1\r\nx\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "*->"}), "*3\r\n_\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "##"}), "*3\r\n_\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->f->x"}), "*3\r\n$6\r\nnested\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_->*"}), "*3\r\n_\r\n_\r\n_\r\n");
}

TEST_F(SortTest, PatternsStopAtNul) {
  EXPECT_EQ(run({"rpush", "l", "2", "1", "3"}), ":3\r\n");
  EXPECT_EQ(run({"mset", "w_1", "3", "w_2", "2", "w_3", "1"}), "+OK\r\n");
  EXPECT_EQ(run({"hset", "h_1", "f\x00g"sv, "9"}), ":1\r\n");
  EXPECT_EQ(run({"hset", "h_2", "f\x00g"sv, "8"}), ":1\r\n");
  EXPECT_EQ(run({"hset", "h_3", "f\x00g"sv, "7"}), ":1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "#\x00" "foo"sv}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_\x00*"sv}), "*3\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*\x00zz"sv}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "h_*->f\x00g"sv, "get", "h_*->f\x00g"sv}),
            "*3\r\n$1\r\n7\r\n$1\r\n8\r\n$1\r\n9\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->\x00g"sv}), "*3\r\n$-1\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"set", "h_1->\x00g"sv, "hey"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->\x00g"sv}), "*3\r\n$3\r\nhey\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*\x00->f"sv}), "*3\r\n$-1\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"sort", "l", "desc\x00" "foo"sv}), "*3\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"sort", "l", "limit\x00x"sv, "0", "1"}), "*1\r\n$1\r\n1\r\n");
}

TEST_F(SortTest, PatternsStopAtNulResp3) {
  use_resp3();
  EXPECT_EQ(run({"rpush", "l", "2", "1", "3"}), ":3\r\n");
  EXPECT_EQ(run({"mset", "w_1", "3", "w_2", "2", "w_3", "1"}), "+OK\r\n");
  EXPECT_EQ(run({"hset", "h_1", "f\x00g"sv, "9"}), ":1\r\n");
  EXPECT_EQ(run({"hset", "h_2", "f\x00g"sv, "8"}), ":1\r\n");
  EXPECT_EQ(run({"hset", "h_3", "f\x00g"sv, "7"}), ":1\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "#\x00" "foo"sv}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_\x00*"sv}), "*3\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*\x00zz"sv}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "h_*->f\x00g"sv, "get", "h_*->f\x00g"sv}),
            "*3\r\n$1\r\n7\r\n$1\r\n8\r\n$1\r\n9\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->\x00g"sv}), "*3\r\n_\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"set", "h_1->\x00g"sv, "hey"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->\x00g"sv}), "*3\r\n$3\r\nhey\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*\x00->f"sv}), "*3\r\n_\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"sort", "l", "desc\x00" "foo"sv}), "*3\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"sort", "l", "limit\x00x"sv, "0", "1"}), "*1\r\n$1\r\n1\r\n");
}

TEST_F(SortTest, StoreWritesAList) {
  EXPECT_EQ(run({"rpush", "l", "3", "1", "2"}), ":3\r\n");
  EXPECT_EQ(run({"sort", "l", "store", "d"}), ":3\r\n");
  EXPECT_EQ(run({"type", "d"}), "+list\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"sort", "l", "desc", "store", "d"}), ":3\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}), "*3\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"set", "d", "str"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "store", "d"}), ":3\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"set", "d", "str", "ex", "100"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "store", "d"}), ":3\r\n");
  EXPECT_EQ(run({"ttl", "d"}), ":-1\r\n");
  EXPECT_EQ(run({"sort", "l", "store", "l"}), ":3\r\n");
  EXPECT_EQ(run({"lrange", "l", "0", "-1"}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
}

TEST_F(SortTest, StoreWithGetCountsEveryValue) {
  EXPECT_EQ(run({"rpush", "l", "1", "2", "3"}), ":3\r\n");
  EXPECT_EQ(run({"hset", "h_1", "g", "a"}), ":1\r\n");
  EXPECT_EQ(run({"set", "w_2", "b"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "h_*->g", "get", "w_*", "get", "#", "store", "d"}), ":9\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}),
            "*9\r\n$1\r\na\r\n$0\r\n\r\n$1\r\n1\r\n$0\r\n\r\n$1\r\nb\r\n$1\r\n2\r\n$0\r\n\r\n$0\r\n\r\n$1\r\n3\r\n");
}

TEST_F(SortTest, StoreOfAnEmptyResultDeletesTheDestination) {
  EXPECT_EQ(run({"rpush", "l", "1", "2"}), ":2\r\n");
  EXPECT_EQ(run({"set", "d", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "5", "1", "store", "d"}), ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}), ":0\r\n");
  EXPECT_EQ(run({"set", "d", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "missing", "store", "d"}), ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}), ":0\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "0", "0", "store", "d"}), ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}), ":0\r\n");
}

TEST_F(SortTest, StoreIsLastOneWins) {
  EXPECT_EQ(run({"rpush", "l", "2", "1"}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l", "store", "a", "store", "b"}), ":2\r\n");
  EXPECT_EQ(run({"exists", "a"}), ":0\r\n");
  EXPECT_EQ(run({"lrange", "b", "0", "-1"}), "*2\r\n$1\r\n1\r\n$1\r\n2\r\n");
}

TEST_F(SortTest, MissingKey) {
  EXPECT_EQ(run({"sort", "missing"}), "*0\r\n");
  EXPECT_EQ(run({"sort", "missing", "by", "nosort", "limit", "0", "1"}), "*0\r\n");
  EXPECT_EQ(run({"sort_ro", "missing", "desc", "alpha"}), "*0\r\n");
  EXPECT_EQ(run({"sort", "missing", "get", "#"}), "*0\r\n");
}

TEST_F(SortTest, WrongType) {
  EXPECT_EQ(run({"set", "s", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"hset", "h", "f", "v"}), ":1\r\n");
  EXPECT_EQ(run({"sort", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"sort", "h", "by", "nosort"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"sort_ro", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"sort", "s", "store", "d"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"exists", "d"}), ":0\r\n");
}

TEST_F(SortTest, SyntaxErrors) {
  EXPECT_EQ(run({"rpush", "l", "1"}), ":1\r\n");
  EXPECT_EQ(run({"set", "s", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "foo"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"sort", "l", "by"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"sort", "l", "get"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"sort", "l", "store"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"sort", "l", "asc", "foo"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"sort_ro", "l", "store", "d"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"sort", "s", "foo"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"sort", "l", "limit", "0", "1", "nosuchoption"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"sort"}), "-ERR wrong number of arguments for 'sort' command\r\n");
  EXPECT_EQ(run({"sort_ro"}), "-ERR wrong number of arguments for 'sort_ro' command\r\n");
}

TEST_F(SortZsetTest, ZsetByNosortKeepsScoreOrder) {
  add_zset("z", {{3, "a"}, {1, "b"}, {2, "c"}, {5, "d"}});
  EXPECT_EQ(run({"sort", "z", "by", "nosort"}),
            "*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "desc"}),
            "*4\r\n$1\r\nd\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "limit", "1", "2"}), "*2\r\n$1\r\nc\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "limit", "1", "2", "desc"}),
            "*2\r\n$1\r\na\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "limit", "3", "10", "desc"}), "*1\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "limit", "4", "1"}), "*0\r\n");
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "limit", "0", "0"}), "*0\r\n");
  EXPECT_EQ(run({"sort_ro", "z", "by", "nosort", "desc"}),
            "*4\r\n$1\r\nd\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "store", "d"}), ":4\r\n");
  EXPECT_EQ(run({"lrange", "d", "0", "-1"}), "*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nd\r\n");
}

TEST_F(SortZsetTest, ZsetSortsItsMembers) {
  add_zset("z", {{1, "30"}, {2, "20"}, {3, "10"}, {4, "5.5"}});
  EXPECT_EQ(run({"sort", "z"}), "*4\r\n$3\r\n5.5\r\n$2\r\n10\r\n$2\r\n20\r\n$2\r\n30\r\n");
  EXPECT_EQ(run({"sort", "z", "desc"}), "*4\r\n$2\r\n30\r\n$2\r\n20\r\n$2\r\n10\r\n$3\r\n5.5\r\n");
  EXPECT_EQ(run({"sort", "z", "alpha"}), "*4\r\n$2\r\n10\r\n$2\r\n20\r\n$2\r\n30\r\n$3\r\n5.5\r\n");
  EXPECT_EQ(run({"sort", "z", "alpha", "desc", "limit", "1", "2"}),
            "*2\r\n$2\r\n30\r\n$2\r\n20\r\n");
  EXPECT_EQ(run({"sort", "z", "limit", "1", "2"}), "*2\r\n$2\r\n10\r\n$2\r\n20\r\n");
  add_zset("y", {{1, "b"}, {2, "a"}});
  EXPECT_EQ(run({"sort", "y"}), "-ERR One or more scores can't be converted into double\r\n");
  EXPECT_EQ(run({"sort", "y", "alpha"}), "*2\r\n$1\r\na\r\n$1\r\nb\r\n");
}

TEST_F(SortZsetTest, SortConvertsAZsetToSkiplist) {
  add_zset("z", {{1, "a"}, {2, "b"}});
  EXPECT_EQ(encoding("z"), "listpack");
  EXPECT_EQ(run({"sort_ro", "z", "by", "nosort"}), "*2\r\n$1\r\na\r\n$1\r\nb\r\n");
  EXPECT_EQ(encoding("z"), "skiplist");
}

// ---- Written by hand (replies recorded from redis-server 7.0.15 with DEL for the expiry).

TEST_F(SortTest, ExpiredPatternKeysAreMissing) {
  EXPECT_EQ(run({"rpush", "l", "1", "2"}), ":2\r\n");
  EXPECT_EQ(run({"set", "w_1", "5", "px", "100"}), "+OK\r\n");
  EXPECT_EQ(run({"set", "w_2", "3"}), "+OK\r\n");
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "get", "w_*"}), "*2\r\n$1\r\n3\r\n$1\r\n5\r\n");
  advance_ms(200);
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "get", "w_*"}), "*2\r\n$-1\r\n$1\r\n3\r\n");
  use_resp3();
  EXPECT_EQ(run({"sort", "l", "by", "w_*", "get", "w_*"}), "*2\r\n_\r\n$1\r\n3\r\n");
}

TEST_F(SortTest, StoredListIsQuicklist) {
  EXPECT_EQ(run({"rpush", "l", "2", "1"}), ":2\r\n");
  EXPECT_EQ(run({"sort", "l", "get", "#", "store", "d"}), ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}), "$9\r\nquicklist\r\n");
}

TEST_F(SortZsetTest, ZsetOfManyMembersByNosortWithLimit) {
  auto z = std::make_unique<ZsetValue>();
  for (int i = 0; i < 300; ++i) z->set("m" + std::to_string(i), 300 - i, ZsetLimits{});
  const Encoding enc = z->encoding();
  ks_.add(0, Entry::make_object("z", ObjType::kZset, enc, std::move(z)));
  // Ascending score order is m299 (score 1) ... m0 (score 300).
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "limit", "10", "2"}),
            "*2\r\n$4\r\nm289\r\n$4\r\nm288\r\n");
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "limit", "10", "2", "desc"}),
            "*2\r\n$3\r\nm10\r\n$3\r\nm11\r\n");
  EXPECT_EQ(run({"sort", "z", "by", "nosort", "limit", "298", "5", "desc"}),
            "*2\r\n$4\r\nm298\r\n$4\r\nm299\r\n");
}

}  // namespace
}  // namespace kevy
