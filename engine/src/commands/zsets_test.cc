// Unit tests for the sorted-set commands of zsets.cc (part A) and the typed Store API.
// Every expected reply was recorded from redis-server 7.0.15: the first generated part replays
// the cases of corpus/scripts/zsets.txt that use only these commands, the second more cases
// (options, errors and their order, parsing edges, both encodings), RESP3 twins only where the
// bytes differ. Hand-written tests after them cover encoding limits and the typed API.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kevy/store.h"
#include "test_support/family_test.h"

namespace kevy {
namespace {

// A literal with embedded NUL bytes as a view of all its bytes.
template <size_t N>
std::string_view bin(const char (&s)[N]) {
  return std::string_view(s, N - 1);
}

class ZsetCommandsCorpusTest : public FamilyTest {};
class ZsetCommandsRecordedTest : public FamilyTest {};

// ---- Generated from corpus/scripts/zsets.txt against redis-server 7.0.15.

// zadd and zrange basics
TEST_F(ZsetCommandsCorpusTest, ZaddAndZrangeBasics) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "z", "4", "d", "2", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*8\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\n"
            "d\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zcard", "z"}),
            ":4\r\n");
  EXPECT_EQ(run({"zcard", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"type", "z"}),
            "+zset\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nlistpack\r\n");
}

// zadd and zrange basics (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZaddAndZrangeBasicsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "z", "4", "d", "2", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*4\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n"
            "$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zcard", "z"}),
            ":4\r\n");
  EXPECT_EQ(run({"zcard", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"type", "z"}),
            "+zset\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nlistpack\r\n");
}

// zadd updates scores and reorders
TEST_F(ZsetCommandsCorpusTest, ZaddUpdatesScoresAndReorders) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "z", "10", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\na\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zadd", "z", "2", "c", "2", "b"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n2\r\n$1\r\na\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zadd", "z", "5", "x", "4", "x", "3", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "z", "x"}),
            "$1\r\n3\r\n");
  EXPECT_EQ(run({"zcard", "z"}),
            ":4\r\n");
}

// zadd updates scores and reorders (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZaddUpdatesScoresAndReordersResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "z", "10", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\na\r\n,10\r\n");
  EXPECT_EQ(run({"zadd", "z", "2", "c", "2", "b"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,2\r\n*2\r\n$1\r\na\r\n,10\r\n");
  EXPECT_EQ(run({"zadd", "z", "5", "x", "4", "x", "3", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "z", "x"}),
            ",3\r\n");
  EXPECT_EQ(run({"zcard", "z"}),
            ":4\r\n");
}

// equal scores order by member bytes
TEST_F(ZsetCommandsCorpusTest, EqualScoresOrderByMemberBytes) {
  EXPECT_EQ(run({"zadd",
                 "z",
                 "1",
                 "b",
                 "1",
                 "a",
                 "1",
                 "c",
                 "1",
                 "B",
                 "1",
                 "",
                 "1",
                 "aa",
                 "0",
                 "zz"}),
            ":7\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*7\r\n$2\r\nzz\r\n$0\r\n\r\n$1\r\nB\r\n$1\r\na\r\n$2\r\naa\r\n$1\r\nb\r\n$1\r\n"
            "c\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*14\r\n$2\r\nzz\r\n$1\r\n0\r\n$0\r\n\r\n$1\r\n1\r\n$1\r\nB\r\n$1\r\n1\r\n$1\r\n"
            "a\r\n$1\r\n1\r\n$2\r\naa\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n1\r\n$1\r\nc\r\n$1\r\n"
            "1\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1"}),
            "*7\r\n$1\r\nc\r\n$1\r\nb\r\n$2\r\naa\r\n$1\r\na\r\n$1\r\nB\r\n$0\r\n\r\n$2\r\n"
            "zz\r\n");
  EXPECT_EQ(run({"zrank", "z", ""}),
            ":1\r\n");
  EXPECT_EQ(run({"zrank", "z", "zz"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "zz"}),
            ":6\r\n");
}

// equal scores order by member bytes (RESP3)
TEST_F(ZsetCommandsCorpusTest, EqualScoresOrderByMemberBytesResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd",
                 "z",
                 "1",
                 "b",
                 "1",
                 "a",
                 "1",
                 "c",
                 "1",
                 "B",
                 "1",
                 "",
                 "1",
                 "aa",
                 "0",
                 "zz"}),
            ":7\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*7\r\n$2\r\nzz\r\n$0\r\n\r\n$1\r\nB\r\n$1\r\na\r\n$2\r\naa\r\n$1\r\nb\r\n$1\r\n"
            "c\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*7\r\n*2\r\n$2\r\nzz\r\n,0\r\n*2\r\n$0\r\n\r\n,1\r\n*2\r\n$1\r\nB\r\n,1\r\n*2\r\n"
            "$1\r\na\r\n,1\r\n*2\r\n$2\r\naa\r\n,1\r\n*2\r\n$1\r\nb\r\n,1\r\n*2\r\n$1\r\nc\r\n"
            ",1\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1"}),
            "*7\r\n$1\r\nc\r\n$1\r\nb\r\n$2\r\naa\r\n$1\r\na\r\n$1\r\nB\r\n$0\r\n\r\n$2\r\n"
            "zz\r\n");
  EXPECT_EQ(run({"zrank", "z", ""}),
            ":1\r\n");
  EXPECT_EQ(run({"zrank", "z", "zz"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "zz"}),
            ":6\r\n");
}

// zadd nx and xx
TEST_F(ZsetCommandsCorpusTest, ZaddNxAndXx) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "10", "a", "3", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "20", "a", "4", "d"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\na\r\n$2\r\n20\r\n");
  EXPECT_EQ(run({"zadd", "z", "XX", "NX", "1", "a"}),
            "-ERR XX and NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "nokey", "xx", "1", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "nokey"}),
            ":0\r\n");
}

// zadd nx and xx (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZaddNxAndXxResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "10", "a", "3", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "20", "a", "4", "d"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\na\r\n,20\r\n");
  EXPECT_EQ(run({"zadd", "z", "XX", "NX", "1", "a"}),
            "-ERR XX and NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "nokey", "xx", "1", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "nokey"}),
            ":0\r\n");
}

// zadd gt and lt
TEST_F(ZsetCommandsCorpusTest, ZaddGtAndLt) {
  EXPECT_EQ(run({"zadd", "z", "5", "a", "5", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "6", "a", "4", "b", "1", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nc\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n5\r\n$1\r\na\r\n$1\r\n6\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "ch", "1", "a", "9", "b", "7", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nc\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "ch", "xx", "10", "a", "10", "new"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nc\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n5\r\n$1\r\na\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "lt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "gt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "lt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
}

// zadd gt and lt (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZaddGtAndLtResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "5", "a", "5", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "6", "a", "4", "b", "1", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nc\r\n,1\r\n*2\r\n$1\r\nb\r\n,5\r\n*2\r\n$1\r\na\r\n,6\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "ch", "1", "a", "9", "b", "7", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nc\r\n,1\r\n*2\r\n$1\r\nb\r\n,5\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "ch", "xx", "10", "a", "10", "new"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nc\r\n,1\r\n*2\r\n$1\r\nb\r\n,5\r\n*2\r\n$1\r\na\r\n,10\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "lt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "gt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "lt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
}

// zadd ch counts changed members
TEST_F(ZsetCommandsCorpusTest, ZaddChCountsChangedMembers) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "a", "3", "b", "4", "c"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "a", "3", "b", "4", "c"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "xx", "5", "c", "6", "d"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "nx", "9", "a", "7", "e"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*8\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n3\r\n$1\r\nc\r\n$1\r\n5\r\n$1\r\n"
            "e\r\n$1\r\n7\r\n");
}

// zadd ch counts changed members (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZaddChCountsChangedMembersResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "a", "3", "b", "4", "c"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "a", "3", "b", "4", "c"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "xx", "5", "c", "6", "d"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "nx", "9", "a", "7", "e"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*4\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,3\r\n*2\r\n$1\r\nc\r\n,5\r\n*2\r\n"
            "$1\r\ne\r\n,7\r\n");
}

// zadd incr
TEST_F(ZsetCommandsCorpusTest, ZaddIncr) {
  EXPECT_EQ(run({"zadd", "z", "incr", "1.5", "a"}),
            "$3\r\n1.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "2", "a"}),
            "$3\r\n3.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "INCR", "-3.5", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "incr", "1", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "incr", "1", "missing"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "incr", "-5", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "incr", "-5", "a"}),
            "$2\r\n-5\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "incr", "1", "a"}),
            "$2\r\n-4\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "ch", "1", "a"}),
            "$2\r\n-3\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "1", "a", "2", "b"}),
            "-ERR INCR option supports a single increment-element pair\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$2\r\n-3\r\n");
  EXPECT_EQ(run({"exists", "missing"}),
            ":0\r\n");
}

// zadd incr (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZaddIncrResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "incr", "1.5", "a"}),
            ",1.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "2", "a"}),
            ",3.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "INCR", "-3.5", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "incr", "1", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "incr", "1", "missing"}),
            "_\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "incr", "-5", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "incr", "-5", "a"}),
            ",-5\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "incr", "1", "a"}),
            ",-4\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "ch", "1", "a"}),
            ",-3\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "1", "a", "2", "b"}),
            "-ERR INCR option supports a single increment-element pair\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",-3\r\n");
  EXPECT_EQ(run({"exists", "missing"}),
            ":0\r\n");
}

// zadd syntax and arity errors
TEST_F(ZsetCommandsCorpusTest, ZaddSyntaxAndArityErrors) {
  EXPECT_EQ(run({"zadd", "z"}),
            "-ERR wrong number of arguments for 'zadd' command\r\n");
  EXPECT_EQ(run({"zadd", "z", "1"}),
            "-ERR wrong number of arguments for 'zadd' command\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx"}),
            "-ERR wrong number of arguments for 'zadd' command\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "ch", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zadd", "z", "foo", "1", "a"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
}

// zadd invalid scores
TEST_F(ZsetCommandsCorpusTest, ZaddInvalidScores) {
  EXPECT_EQ(run({"zadd", "z", "abc", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2b", "b"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1x", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", " 1", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "0x10", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$2\r\n16\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "nan", "b"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*2\r\n$1\r\na\r\n$1\r\n1\r\n");
}

// zadd invalid scores (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZaddInvalidScoresResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "abc", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2b", "b"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1x", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", " 1", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "0x10", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",16\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "nan", "b"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\na\r\n,1\r\n");
}

// score formatting
TEST_F(ZsetCommandsCorpusTest, ScoreFormatting) {
  EXPECT_EQ(run({"zadd",
                 "z",
                 "1.5",
                 "a",
                 "1e20",
                 "b",
                 "-inf",
                 "c",
                 "+inf",
                 "d",
                 "0.1",
                 "e",
                 "3.0",
                 "f",
                 "100",
                 "g",
                 "-2.25",
                 "h",
                 "1e-5",
                 "i",
                 "123456789012345678",
                 "j",
                 "inf",
                 "k"}),
            ":11\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*22\r\n$1\r\nc\r\n$4\r\n-inf\r\n$1\r\nh\r\n$5\r\n-2.25\r\n$1\r\ni\r\n$22\r\n"
            "1.0000000000000001e-05\r\n$1\r\ne\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n"
            "$3\r\n1.5\r\n$1\r\nf\r\n$1\r\n3\r\n$1\r\ng\r\n$3\r\n100\r\n$1\r\nj\r\n$22\r\n"
            "1.2345678901234568e+17\r\n$1\r\nb\r\n$5\r\n1e+20\r\n$1\r\nd\r\n$3\r\ninf\r\n$1\r\n"
            "k\r\n$3\r\ninf\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$3\r\n1.5\r\n");
  EXPECT_EQ(run({"zscore", "z", "b"}),
            "$5\r\n1e+20\r\n");
  EXPECT_EQ(run({"zscore", "z", "c"}),
            "$4\r\n-inf\r\n");
  EXPECT_EQ(run({"zscore", "z", "d"}),
            "$3\r\ninf\r\n");
  EXPECT_EQ(run({"zscore", "z", "e"}),
            "$19\r\n0.10000000000000001\r\n");
  EXPECT_EQ(run({"zscore", "z", "f"}),
            "$1\r\n3\r\n");
  EXPECT_EQ(run({"zscore", "z", "j"}),
            "$22\r\n1.2345678901234568e+17\r\n");
  EXPECT_EQ(run({"zscore", "z", "k"}),
            "$3\r\ninf\r\n");
  EXPECT_EQ(run({"zmscore", "z", "i", "h", "g"}),
            "*3\r\n$22\r\n1.0000000000000001e-05\r\n$5\r\n-2.25\r\n$3\r\n100\r\n");
  EXPECT_EQ(run({"zadd",
                 "z",
                 "1.7976931348623157e308",
                 "max",
                 "-1.7976931348623157e308",
                 "min",
                 "5e-324",
                 "tiny"}),
            ":3\r\n");
  EXPECT_EQ(run({"zmscore", "z", "max", "min", "tiny"}),
            "*3\r\n$23\r\n1.7976931348623157e+308\r\n$24\r\n-1.7976931348623157e+308\r\n$23\r\n"
            "4.9406564584124654e-324\r\n");
  EXPECT_EQ(run({"zadd", "z", ".5", "p", "5.", "q", "-.5e1", "r", "1E2", "s", "+1", "t"}),
            ":5\r\n");
  EXPECT_EQ(run({"zmscore", "z", "p", "q", "r", "s", "t"}),
            "*5\r\n$3\r\n0.5\r\n$1\r\n5\r\n$2\r\n-5\r\n$3\r\n100\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zadd", "z", "-1e400", "u"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1e", "x"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zscore", "z", "x"}),
            "$-1\r\n");
}

// score formatting (RESP3)
TEST_F(ZsetCommandsCorpusTest, ScoreFormattingResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd",
                 "z",
                 "1.5",
                 "a",
                 "1e20",
                 "b",
                 "-inf",
                 "c",
                 "+inf",
                 "d",
                 "0.1",
                 "e",
                 "3.0",
                 "f",
                 "100",
                 "g",
                 "-2.25",
                 "h",
                 "1e-5",
                 "i",
                 "123456789012345678",
                 "j",
                 "inf",
                 "k"}),
            ":11\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*11\r\n*2\r\n$1\r\nc\r\n,-inf\r\n*2\r\n$1\r\nh\r\n,-2.25\r\n*2\r\n$1\r\ni\r\n"
            ",1.0000000000000001e-05\r\n*2\r\n$1\r\ne\r\n,0.10000000000000001\r\n*2\r\n$1\r\n"
            "a\r\n,1.5\r\n*2\r\n$1\r\nf\r\n,3\r\n*2\r\n$1\r\ng\r\n,100\r\n*2\r\n$1\r\nj\r\n"
            ",1.2345678901234568e+17\r\n*2\r\n$1\r\nb\r\n,1e+20\r\n*2\r\n$1\r\nd\r\n,inf\r\n"
            "*2\r\n$1\r\nk\r\n,inf\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",1.5\r\n");
  EXPECT_EQ(run({"zscore", "z", "b"}),
            ",1e+20\r\n");
  EXPECT_EQ(run({"zscore", "z", "c"}),
            ",-inf\r\n");
  EXPECT_EQ(run({"zscore", "z", "d"}),
            ",inf\r\n");
  EXPECT_EQ(run({"zscore", "z", "e"}),
            ",0.10000000000000001\r\n");
  EXPECT_EQ(run({"zscore", "z", "f"}),
            ",3\r\n");
  EXPECT_EQ(run({"zscore", "z", "j"}),
            ",1.2345678901234568e+17\r\n");
  EXPECT_EQ(run({"zscore", "z", "k"}),
            ",inf\r\n");
  EXPECT_EQ(run({"zmscore", "z", "i", "h", "g"}),
            "*3\r\n,1.0000000000000001e-05\r\n,-2.25\r\n,100\r\n");
  EXPECT_EQ(run({"zadd",
                 "z",
                 "1.7976931348623157e308",
                 "max",
                 "-1.7976931348623157e308",
                 "min",
                 "5e-324",
                 "tiny"}),
            ":3\r\n");
  EXPECT_EQ(run({"zmscore", "z", "max", "min", "tiny"}),
            "*3\r\n,1.7976931348623157e+308\r\n,-1.7976931348623157e+308\r\n"
            ",4.9406564584124654e-324\r\n");
  EXPECT_EQ(run({"zadd", "z", ".5", "p", "5.", "q", "-.5e1", "r", "1E2", "s", "+1", "t"}),
            ":5\r\n");
  EXPECT_EQ(run({"zmscore", "z", "p", "q", "r", "s", "t"}),
            "*5\r\n,0.5\r\n,5\r\n,-5\r\n,100\r\n,1\r\n");
  EXPECT_EQ(run({"zadd", "z", "-1e400", "u"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1e", "x"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zscore", "z", "x"}),
            "_\r\n");
}

// negative zero in a listpack and in a skiplist
TEST_F(ZsetCommandsCorpusTest, NegativeZeroInAListpackAndInASkiplist) {
  EXPECT_EQ(run({"zadd", "lp", "-0", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "lp"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zscore", "lp", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zrange", "lp", "0", "-1", "withscores"}),
            "*2\r\n$1\r\na\r\n$1\r\n0\r\n");
  EXPECT_EQ(run({"zincrby", "lp", "-0", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zadd",
                 "lp",
                 "1",
                 "0123456789012345678901234567890123456789012345678901234567890123456789"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "lp"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zscore", "lp", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zadd",
                 "sk",
                 "1",
                 "0123456789012345678901234567890123456789012345678901234567890123456789"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "sk"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd", "sk", "-0", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "sk", "a"}),
            "$2\r\n-0\r\n");
  EXPECT_EQ(run({"zrange", "sk", "0", "-1", "withscores"}),
            "*4\r\n$1\r\na\r\n$2\r\n-0\r\n$70\r\n"
            "0123456789012345678901234567890123456789012345678901234567890123456789\r\n$1\r\n"
            "1\r\n");
  EXPECT_EQ(run({"zincrby", "sk", "-0", "a"}),
            "$2\r\n-0\r\n");
  EXPECT_EQ(run({"zincrby", "sk", "0", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zadd", "sk", "incr", "-0", "b"}),
            "$2\r\n-0\r\n");
  EXPECT_EQ(run({"zrangebyscore", "sk", "0", "0", "withscores"}),
            "*4\r\n$1\r\na\r\n$2\r\n-0\r\n$1\r\nb\r\n$2\r\n-0\r\n");
}

// negative zero in a listpack and in a skiplist (RESP3)
TEST_F(ZsetCommandsCorpusTest, NegativeZeroInAListpackAndInASkiplistResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "lp", "-0", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "lp"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zscore", "lp", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zrange", "lp", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\na\r\n,0\r\n");
  EXPECT_EQ(run({"zincrby", "lp", "-0", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zadd",
                 "lp",
                 "1",
                 "0123456789012345678901234567890123456789012345678901234567890123456789"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "lp"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zscore", "lp", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zadd",
                 "sk",
                 "1",
                 "0123456789012345678901234567890123456789012345678901234567890123456789"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "sk"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd", "sk", "-0", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "sk", "a"}),
            ",-0\r\n");
  EXPECT_EQ(run({"zrange", "sk", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\na\r\n,-0\r\n*2\r\n$70\r\n"
            "0123456789012345678901234567890123456789012345678901234567890123456789\r\n,1\r\n");
  EXPECT_EQ(run({"zincrby", "sk", "-0", "a"}),
            ",-0\r\n");
  EXPECT_EQ(run({"zincrby", "sk", "0", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zadd", "sk", "incr", "-0", "b"}),
            ",-0\r\n");
  EXPECT_EQ(run({"zrangebyscore", "sk", "0", "0", "withscores"}),
            "*2\r\n*2\r\n$1\r\na\r\n,-0\r\n*2\r\n$1\r\nb\r\n,-0\r\n");
}

// zincrby
TEST_F(ZsetCommandsCorpusTest, Zincrby) {
  EXPECT_EQ(run({"zincrby", "z", "5", "a"}),
            "$1\r\n5\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zincrby", "z", "2.5", "a"}),
            "$3\r\n7.5\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-10", "a"}),
            "$4\r\n-2.5\r\n");
  EXPECT_EQ(run({"zincrby", "z", "0.1", "b"}),
            "$19\r\n0.10000000000000001\r\n");
  EXPECT_EQ(run({"zincrby", "z", "0.2", "b"}),
            "$19\r\n0.30000000000000004\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*4\r\n$1\r\na\r\n$4\r\n-2.5\r\n$1\r\nb\r\n$19\r\n0.30000000000000004\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1e308", "c"}),
            "$6\r\n1e+308\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1e308", "c"}),
            "$3\r\ninf\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1", "c"}),
            "$3\r\ninf\r\n");
}

// zincrby (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZincrbyResp3) {
  use_resp3();
  EXPECT_EQ(run({"zincrby", "z", "5", "a"}),
            ",5\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zincrby", "z", "2.5", "a"}),
            ",7.5\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-10", "a"}),
            ",-2.5\r\n");
  EXPECT_EQ(run({"zincrby", "z", "0.1", "b"}),
            ",0.10000000000000001\r\n");
  EXPECT_EQ(run({"zincrby", "z", "0.2", "b"}),
            ",0.30000000000000004\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\na\r\n,-2.5\r\n*2\r\n$1\r\nb\r\n,0.30000000000000004\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1e308", "c"}),
            ",1e+308\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1e308", "c"}),
            ",inf\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1", "c"}),
            ",inf\r\n");
}

// zincrby errors and nan
TEST_F(ZsetCommandsCorpusTest, ZincrbyErrorsAndNan) {
  EXPECT_EQ(run({"zadd", "z", "inf", "a", "-inf", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-inf", "a"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zincrby", "z", "inf", "b"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "-inf", "a"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$3\r\ninf\r\n");
  EXPECT_EQ(run({"zincrby", "z", "abc", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1"}),
            "-ERR wrong number of arguments for 'zincrby' command\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1", "a", "b"}),
            "-ERR wrong number of arguments for 'zincrby' command\r\n");
  EXPECT_EQ(run({"zincrby", "nokey", "x", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"exists", "nokey"}),
            ":0\r\n");
}

// zincrby errors and nan (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZincrbyErrorsAndNanResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "inf", "a", "-inf", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-inf", "a"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zincrby", "z", "inf", "b"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "-inf", "a"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",inf\r\n");
  EXPECT_EQ(run({"zincrby", "z", "abc", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1"}),
            "-ERR wrong number of arguments for 'zincrby' command\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1", "a", "b"}),
            "-ERR wrong number of arguments for 'zincrby' command\r\n");
  EXPECT_EQ(run({"zincrby", "nokey", "x", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"exists", "nokey"}),
            ":0\r\n");
}

// zscore and zmscore
TEST_F(ZsetCommandsCorpusTest, ZscoreAndZmscore) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$1\r\n1\r\n");
  EXPECT_EQ(run({"zscore", "z", "missing"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zscore", "nokey", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zmscore", "z", "a", "missing", "b"}),
            "*3\r\n$1\r\n1\r\n$-1\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zmscore", "nokey", "a", "b"}),
            "*2\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"zmscore", "z"}),
            "-ERR wrong number of arguments for 'zmscore' command\r\n");
  EXPECT_EQ(run({"zscore", "z"}),
            "-ERR wrong number of arguments for 'zscore' command\r\n");
}

// zscore and zmscore (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZscoreAndZmscoreResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",1\r\n");
  EXPECT_EQ(run({"zscore", "z", "missing"}),
            "_\r\n");
  EXPECT_EQ(run({"zscore", "nokey", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zmscore", "z", "a", "missing", "b"}),
            "*3\r\n,1\r\n_\r\n,2\r\n");
  EXPECT_EQ(run({"zmscore", "nokey", "a", "b"}),
            "*2\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"zmscore", "z"}),
            "-ERR wrong number of arguments for 'zmscore' command\r\n");
  EXPECT_EQ(run({"zscore", "z"}),
            "-ERR wrong number of arguments for 'zscore' command\r\n");
}

// zcount with inclusive and exclusive ranges
TEST_F(ZsetCommandsCorpusTest, ZcountWithInclusiveAndExclusiveRanges) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zcount", "z", "2", "4"}),
            ":3\r\n");
  EXPECT_EQ(run({"zcount", "z", "(2", "4"}),
            ":2\r\n");
  EXPECT_EQ(run({"zcount", "z", "2", "(4"}),
            ":2\r\n");
  EXPECT_EQ(run({"zcount", "z", "(2", "(4"}),
            ":1\r\n");
  EXPECT_EQ(run({"zcount", "z", "-inf", "+inf"}),
            ":5\r\n");
  EXPECT_EQ(run({"zcount", "z", "(1", "(1"}),
            ":0\r\n");
  EXPECT_EQ(run({"zcount", "z", "4", "2"}),
            ":0\r\n");
  EXPECT_EQ(run({"zcount", "z", "(-inf", "(+inf"}),
            ":5\r\n");
  EXPECT_EQ(run({"zcount", "z", "-inf", "inf"}),
            ":5\r\n");
  EXPECT_EQ(run({"zcount", "nokey", "0", "1"}),
            ":0\r\n");
  EXPECT_EQ(run({"zcount", "z", "a", "1"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zcount", "z", "1", "("}),
            ":0\r\n");
  EXPECT_EQ(run({"zcount", "z", "((1", "2"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zcount", "z", "[1", "2"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zcount", "z", "nan", "1"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zcount", "z", "(", "+inf"}),
            ":5\r\n");
  EXPECT_EQ(run({"zcount", "z", "-inf", "("}),
            ":0\r\n");
  EXPECT_EQ(run({"zcount", "z", "1", "2", "3"}),
            "-ERR wrong number of arguments for 'zcount' command\r\n");
}

// zlexcount and lex ranges
TEST_F(ZsetCommandsCorpusTest, ZlexcountAndLexRanges) {
  EXPECT_EQ(run({"zadd", "z", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "+"}),
            ":5\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[b", "[d"}),
            ":3\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "(b", "[d"}),
            ":2\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "(b", "(d"}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[b", "(b"}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "+", "-"}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[c", "+"}),
            ":3\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "(c"}),
            ":2\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[a", "(aa"}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "nokey", "-", "+"}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "a", "+"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "c"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "", "+"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[", "+"}),
            ":5\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "(", "+"}),
            ":5\r\n");
}

// zrange by index
TEST_F(ZsetCommandsCorpusTest, ZrangeByIndex) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "0"}),
            "*1\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrange", "z", "-2", "-1"}),
            "*2\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "-2", "withscores"}),
            "*6\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrange", "z", "3", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "5", "10"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-100", "1"}),
            "*2\r\n$1\r\na\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "100"}),
            "*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "nokey", "0", "-1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "rev"}),
            "*5\r\n$1\r\ne\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "rev", "withscores"}),
            "*4\r\n$1\r\ne\r\n$1\r\n5\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrange", "z", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "foo"}),
            "-ERR syntax error\r\n");
}

// zrange by index (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZrangeByIndexResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "0"}),
            "*1\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrange", "z", "-2", "-1"}),
            "*2\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "-2", "withscores"}),
            "*3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrange", "z", "3", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "5", "10"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-100", "1"}),
            "*2\r\n$1\r\na\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "100"}),
            "*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "nokey", "0", "-1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "rev"}),
            "*5\r\n$1\r\ne\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "rev", "withscores"}),
            "*2\r\n*2\r\n$1\r\ne\r\n,5\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrange", "z", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "foo"}),
            "-ERR syntax error\r\n");
}

// zrange byscore
TEST_F(ZsetCommandsCorpusTest, ZrangeByscore) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrange", "z", "2", "4", "byscore"}),
            "*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrange", "z", "(2", "4", "byscore", "withscores"}),
            "*4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "1", "2"}),
            "*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "1", "-1"}),
            "*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "10", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "-1", "2"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "4", "2", "byscore", "rev"}),
            "*3\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrange", "z", "+inf", "-inf", "byscore", "rev", "limit", "1", "2", "withscores"}),
            "*4\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zrange", "z", "2", "4", "byscore", "rev"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "a", "4", "byscore"}),
            "-ERR min or max is not a float\r\n");
}

// zrange byscore (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZrangeByscoreResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrange", "z", "2", "4", "byscore"}),
            "*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrange", "z", "(2", "4", "byscore", "withscores"}),
            "*2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "1", "2"}),
            "*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "1", "-1"}),
            "*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "10", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "-1", "2"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "4", "2", "byscore", "rev"}),
            "*3\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrange", "z", "+inf", "-inf", "byscore", "rev", "limit", "1", "2", "withscores"}),
            "*2\r\n*2\r\n$1\r\nd\r\n,4\r\n*2\r\n$1\r\nc\r\n,3\r\n");
  EXPECT_EQ(run({"zrange", "z", "2", "4", "byscore", "rev"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "a", "4", "byscore"}),
            "-ERR min or max is not a float\r\n");
}

// zrange bylex
TEST_F(ZsetCommandsCorpusTest, ZrangeBylex) {
  EXPECT_EQ(run({"zadd", "z", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrange", "z", "[b", "[d", "bylex"}),
            "*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrange", "z", "-", "+", "bylex", "limit", "1", "2"}),
            "*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "-", "+", "bylex", "limit", "2", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "+", "-", "bylex", "rev"}),
            "*5\r\n$1\r\ne\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrange", "z", "(d", "-", "bylex", "rev", "limit", "1", "1"}),
            "*1\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrange", "z", "[b", "[d", "bylex", "rev"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "b", "d", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrange", "z", "[a", "[e", "BYLEX", "withscores"}),
            "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
}

// zrange option errors
TEST_F(ZsetCommandsCorpusTest, ZrangeOptionErrors) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "1"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "a", "b", "bylex", "withscores"}),
            "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "byscore", "bylex"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "byscore", "limit", "0"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "byscore", "limit", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "byscore", "limit", "0", "1", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores", "withscores"}),
            "*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zrange", "z", "0"}),
            "-ERR wrong number of arguments for 'zrange' command\r\n");
  EXPECT_EQ(run({"zrange", "z"}),
            "-ERR wrong number of arguments for 'zrange' command\r\n");
}

// zrange option errors (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZrangeOptionErrorsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "1"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "a", "b", "bylex", "withscores"}),
            "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "byscore", "bylex"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "byscore", "limit", "0"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "byscore", "limit", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "byscore", "limit", "0", "1", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores", "withscores"}),
            "*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
  EXPECT_EQ(run({"zrange", "z", "0"}),
            "-ERR wrong number of arguments for 'zrange' command\r\n");
  EXPECT_EQ(run({"zrange", "z"}),
            "-ERR wrong number of arguments for 'zrange' command\r\n");
}

// zrangestore
TEST_F(ZsetCommandsCorpusTest, Zrangestore) {
  EXPECT_EQ(run({"zadd", "src", "1", "a", "2", "b", "3", "c", "4", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "1", "2"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "2", "+inf", "byscore"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "(c", "+", "bylex"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*2\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "1", "rev"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "+inf", "-inf", "byscore", "rev", "limit", "0", "2"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrangestore", "src", "src", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "src", "0", "-1", "withscores"}),
            "*2\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "-inf", "+inf", "byscore", "limit", "0", "-1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "limit", "0", "1"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
}

// zrangestore (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZrangestoreResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "src", "1", "a", "2", "b", "3", "c", "4", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "1", "2"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "2", "+inf", "byscore"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "(c", "+", "bylex"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "1", "rev"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "+inf", "-inf", "byscore", "rev", "limit", "0", "2"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrangestore", "src", "src", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "src", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "-inf", "+inf", "byscore", "limit", "0", "-1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "limit", "0", "1"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
}

// zrangestore with an empty result deletes the destination
TEST_F(ZsetCommandsCorpusTest, ZrangestoreWithAnEmptyResultDeletesTheDestination) {
  EXPECT_EQ(run({"zadd", "src", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"set", "dst", "value"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "5", "10"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "dst"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "dst", "1", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "10", "20", "byscore"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "dst"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "nokey", "0", "-1"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "dst"}),
            ":0\r\n");
  EXPECT_EQ(run({"set", "dst2", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zrangestore", "dst2", "nokey", "0", "-1"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "dst2"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1"}),
            ":1\r\n");
  EXPECT_EQ(run({"type", "dst"}),
            "+zset\r\n");
}

// zrangebyscore and zrevrangebyscore
TEST_F(ZsetCommandsCorpusTest, ZrangebyscoreAndZrevrangebyscore) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "2", "4"}),
            "*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "(2", "+inf", "withscores"}),
            "*6\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\ne\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "limit", "1", "2"}),
            "*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "limit", "2", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "limit", "2", "-5", "withscores"}),
            "*6\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\ne\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "withscores", "limit", "0", "1"}),
            "*2\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "limit", "-1", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "4", "2"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "4", "2"}),
            "*3\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "+inf", "(3", "withscores"}),
            "*4\r\n$1\r\ne\r\n$1\r\n5\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "+inf", "-inf", "limit", "1", "2"}),
            "*2\r\n$1\r\nd\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "2", "4"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "a", "b"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "0", "1", "limit", "0"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "0", "1", "limit", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "0", "1", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebyscore", "nokey", "0", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "1"}),
            "-ERR wrong number of arguments for 'zrevrangebyscore' command\r\n");
}

// zrangebyscore and zrevrangebyscore (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZrangebyscoreAndZrevrangebyscoreResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "2", "4"}),
            "*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "(2", "+inf", "withscores"}),
            "*3\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n*2\r\n$1\r\ne\r\n,5\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "limit", "1", "2"}),
            "*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "limit", "2", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "limit", "2", "-5", "withscores"}),
            "*3\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n*2\r\n$1\r\ne\r\n,5\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "withscores", "limit", "0", "1"}),
            "*1\r\n*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "limit", "-1", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "4", "2"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "4", "2"}),
            "*3\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "+inf", "(3", "withscores"}),
            "*2\r\n*2\r\n$1\r\ne\r\n,5\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "+inf", "-inf", "limit", "1", "2"}),
            "*2\r\n$1\r\nd\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "2", "4"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "a", "b"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "0", "1", "limit", "0"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "0", "1", "limit", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "0", "1", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebyscore", "nokey", "0", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "1"}),
            "-ERR wrong number of arguments for 'zrevrangebyscore' command\r\n");
}

// zrangebylex and zrevrangebylex
TEST_F(ZsetCommandsCorpusTest, ZrangebylexAndZrevrangebylex) {
  EXPECT_EQ(run({"zadd",
                 "z",
                 "0",
                 "alpha",
                 "0",
                 "bar",
                 "0",
                 "cool",
                 "0",
                 "down",
                 "0",
                 "elephant",
                 "0",
                 "foo",
                 "0",
                 "great"}),
            ":7\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "+"}),
            "*7\r\n$5\r\nalpha\r\n$3\r\nbar\r\n$4\r\ncool\r\n$4\r\ndown\r\n$8\r\nelephant\r\n"
            "$3\r\nfoo\r\n$5\r\ngreat\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "(cool"}),
            "*2\r\n$5\r\nalpha\r\n$3\r\nbar\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "[aaa", "(g"}),
            "*6\r\n$5\r\nalpha\r\n$3\r\nbar\r\n$4\r\ncool\r\n$4\r\ndown\r\n$8\r\nelephant\r\n"
            "$3\r\nfoo\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "[bar", "[down", "limit", "1", "5"}),
            "*2\r\n$4\r\ncool\r\n$4\r\ndown\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "+", "limit", "2", "-1"}),
            "*5\r\n$4\r\ncool\r\n$4\r\ndown\r\n$8\r\nelephant\r\n$3\r\nfoo\r\n$5\r\ngreat\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "+", "-"}),
            "*7\r\n$5\r\ngreat\r\n$3\r\nfoo\r\n$8\r\nelephant\r\n$4\r\ndown\r\n$4\r\ncool\r\n"
            "$3\r\nbar\r\n$5\r\nalpha\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "(great", "[bar", "limit", "0", "2"}),
            "*2\r\n$3\r\nfoo\r\n$8\r\nelephant\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "-", "+"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "a", "b"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "+", "withscores"}),
            "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "+", "limit", "0"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebylex", "nokey", "-", "+"}),
            "*0\r\n");
}

// zrevrange
TEST_F(ZsetCommandsCorpusTest, Zrevrange) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "0", "withscores"}),
            "*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "-2", "-1"}),
            "*2\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "5", "6"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrange", "nokey", "0", "-1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0"}),
            "-ERR wrong number of arguments for 'zrevrange' command\r\n");
}

// zrevrange (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZrevrangeResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "0", "withscores"}),
            "*1\r\n*2\r\n$1\r\nc\r\n,3\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "-2", "-1"}),
            "*2\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "5", "6"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrange", "nokey", "0", "-1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0"}),
            "-ERR wrong number of arguments for 'zrevrange' command\r\n");
}

// zrank and zrevrank
TEST_F(ZsetCommandsCorpusTest, ZrankAndZrevrank) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrank", "z", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrank", "z", "c"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "a"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "c"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrank", "z", "missing"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zrevrank", "nokey", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zrank", "z", "a", "withscore"}),
            "-ERR wrong number of arguments for 'zrank' command\r\n");
  EXPECT_EQ(run({"zrank", "z"}),
            "-ERR wrong number of arguments for 'zrank' command\r\n");
}

// zrank and zrevrank (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZrankAndZrevrankResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrank", "z", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrank", "z", "c"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "a"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "c"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrank", "z", "missing"}),
            "_\r\n");
  EXPECT_EQ(run({"zrevrank", "nokey", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zrank", "z", "a", "withscore"}),
            "-ERR wrong number of arguments for 'zrank' command\r\n");
  EXPECT_EQ(run({"zrank", "z"}),
            "-ERR wrong number of arguments for 'zrank' command\r\n");
}

// zrem and removing the last member deletes the key
TEST_F(ZsetCommandsCorpusTest, ZremAndRemovingTheLastMemberDeletesTheKey) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrem", "z", "a", "x", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrem", "z", "b", "c"}),
            ":2\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"type", "z"}),
            "+none\r\n");
  EXPECT_EQ(run({"zrem", "nokey", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrem", "z"}),
            "-ERR wrong number of arguments for 'zrem' command\r\n");
}

// zremrangebyrank
TEST_F(ZsetCommandsCorpusTest, Zremrangebyrank) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0", "1"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "-1", "-1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*2\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "5", "10"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "1", "0"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0", "-1"}),
            ":2\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "nokey", "0", "-1"}),
            ":0\r\n");
}

// zremrangebyscore
TEST_F(ZsetCommandsCorpusTest, Zremrangebyscore) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "(1", "2"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*4\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "4", "+inf"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*2\r\n$1\r\na\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "10", "20"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "a", "b"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "-inf", "+inf"}),
            ":2\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "nokey", "-inf", "+inf"}),
            ":0\r\n");
}

// zremrangebylex
TEST_F(ZsetCommandsCorpusTest, Zremrangebylex) {
  EXPECT_EQ(run({"zadd", "z", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "[b", "(d"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*3\r\n$1\r\na\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "(d", "+"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*2\r\n$1\r\na\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "b", "c"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "-", "+"}),
            ":2\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebylex", "nokey", "-", "+"}),
            ":0\r\n");
}

// listpack becomes skiplist at 129 entries
TEST_F(ZsetCommandsCorpusTest, ListpackBecomesSkiplistAt129Entries) {
  EXPECT_EQ(run({"zadd",
                 "big",
                 "0",
                 "m000",
                 "1",
                 "m001",
                 "2",
                 "m002",
                 "3",
                 "m003",
                 "4",
                 "m004",
                 "5",
                 "m005",
                 "6",
                 "m006",
                 "7",
                 "m007",
                 "8",
                 "m008",
                 "9",
                 "m009",
                 "10",
                 "m010",
                 "11",
                 "m011",
                 "12",
                 "m012",
                 "13",
                 "m013",
                 "14",
                 "m014",
                 "15",
                 "m015",
                 "16",
                 "m016",
                 "17",
                 "m017",
                 "18",
                 "m018",
                 "19",
                 "m019",
                 "20",
                 "m020",
                 "21",
                 "m021",
                 "22",
                 "m022",
                 "23",
                 "m023",
                 "24",
                 "m024",
                 "25",
                 "m025",
                 "26",
                 "m026",
                 "27",
                 "m027",
                 "28",
                 "m028",
                 "29",
                 "m029",
                 "30",
                 "m030",
                 "31",
                 "m031",
                 "32",
                 "m032",
                 "33",
                 "m033",
                 "34",
                 "m034",
                 "35",
                 "m035",
                 "36",
                 "m036",
                 "37",
                 "m037",
                 "38",
                 "m038",
                 "39",
                 "m039",
                 "40",
                 "m040",
                 "41",
                 "m041",
                 "42",
                 "m042",
                 "43",
                 "m043",
                 "44",
                 "m044",
                 "45",
                 "m045",
                 "46",
                 "m046",
                 "47",
                 "m047",
                 "48",
                 "m048",
                 "49",
                 "m049",
                 "50",
                 "m050",
                 "51",
                 "m051",
                 "52",
                 "m052",
                 "53",
                 "m053",
                 "54",
                 "m054",
                 "55",
                 "m055",
                 "56",
                 "m056",
                 "57",
                 "m057",
                 "58",
                 "m058",
                 "59",
                 "m059",
                 "60",
                 "m060",
                 "61",
                 "m061",
                 "62",
                 "m062",
                 "63",
                 "m063",
                 "64",
                 "m064",
                 "65",
                 "m065",
                 "66",
                 "m066",
                 "67",
                 "m067",
                 "68",
                 "m068",
                 "69",
                 "m069",
                 "70",
                 "m070",
                 "71",
                 "m071",
                 "72",
                 "m072",
                 "73",
                 "m073",
                 "74",
                 "m074",
                 "75",
                 "m075",
                 "76",
                 "m076",
                 "77",
                 "m077",
                 "78",
                 "m078",
                 "79",
                 "m079",
                 "80",
                 "m080",
                 "81",
                 "m081",
                 "82",
                 "m082",
                 "83",
                 "m083",
                 "84",
                 "m084",
                 "85",
                 "m085",
                 "86",
                 "m086",
                 "87",
                 "m087",
                 "88",
                 "m088",
                 "89",
                 "m089",
                 "90",
                 "m090",
                 "91",
                 "m091",
                 "92",
                 "m092",
                 "93",
                 "m093",
                 "94",
                 "m094",
                 "95",
                 "m095",
                 "96",
                 "m096",
                 "97",
                 "m097",
                 "98",
                 "m098",
                 "99",
                 "m099",
                 "100",
                 "m100",
                 "101",
                 "m101",
                 "102",
                 "m102",
                 "103",
                 "m103",
                 "104",
                 "m104",
                 "105",
                 "m105",
                 "106",
                 "m106",
                 "107",
                 "m107",
                 "108",
                 "m108",
                 "109",
                 "m109",
                 "110",
                 "m110",
                 "111",
                 "m111",
                 "112",
                 "m112",
                 "113",
                 "m113",
                 "114",
                 "m114",
                 "115",
                 "m115",
                 "116",
                 "m116",
                 "117",
                 "m117",
                 "118",
                 "m118",
                 "119",
                 "m119",
                 "120",
                 "m120",
                 "121",
                 "m121",
                 "122",
                 "m122",
                 "123",
                 "m123",
                 "124",
                 "m124",
                 "125",
                 "m125",
                 "126",
                 "m126",
                 "127",
                 "m127"}),
            ":128\r\n");
  EXPECT_EQ(run({"zcard", "big"}),
            ":128\r\n");
  EXPECT_EQ(run({"object", "encoding", "big"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zadd", "big", "200", "extra"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "big"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zcard", "big"}),
            ":129\r\n");
  EXPECT_EQ(run({"zrem", "big", "extra"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "big"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "big", "0", "2", "withscores"}),
            "*6\r\n$4\r\nm000\r\n$1\r\n0\r\n$4\r\nm001\r\n$1\r\n1\r\n$4\r\nm002\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zrange", "big", "-2", "-1", "withscores"}),
            "*4\r\n$4\r\nm126\r\n$3\r\n126\r\n$4\r\nm127\r\n$3\r\n127\r\n");
  EXPECT_EQ(run({"zrank", "big", "m100"}),
            ":100\r\n");
  EXPECT_EQ(run({"zscore", "big", "m127"}),
            "$3\r\n127\r\n");
}

// listpack becomes skiplist at 129 entries (RESP3)
TEST_F(ZsetCommandsCorpusTest, ListpackBecomesSkiplistAt129EntriesResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd",
                 "big",
                 "0",
                 "m000",
                 "1",
                 "m001",
                 "2",
                 "m002",
                 "3",
                 "m003",
                 "4",
                 "m004",
                 "5",
                 "m005",
                 "6",
                 "m006",
                 "7",
                 "m007",
                 "8",
                 "m008",
                 "9",
                 "m009",
                 "10",
                 "m010",
                 "11",
                 "m011",
                 "12",
                 "m012",
                 "13",
                 "m013",
                 "14",
                 "m014",
                 "15",
                 "m015",
                 "16",
                 "m016",
                 "17",
                 "m017",
                 "18",
                 "m018",
                 "19",
                 "m019",
                 "20",
                 "m020",
                 "21",
                 "m021",
                 "22",
                 "m022",
                 "23",
                 "m023",
                 "24",
                 "m024",
                 "25",
                 "m025",
                 "26",
                 "m026",
                 "27",
                 "m027",
                 "28",
                 "m028",
                 "29",
                 "m029",
                 "30",
                 "m030",
                 "31",
                 "m031",
                 "32",
                 "m032",
                 "33",
                 "m033",
                 "34",
                 "m034",
                 "35",
                 "m035",
                 "36",
                 "m036",
                 "37",
                 "m037",
                 "38",
                 "m038",
                 "39",
                 "m039",
                 "40",
                 "m040",
                 "41",
                 "m041",
                 "42",
                 "m042",
                 "43",
                 "m043",
                 "44",
                 "m044",
                 "45",
                 "m045",
                 "46",
                 "m046",
                 "47",
                 "m047",
                 "48",
                 "m048",
                 "49",
                 "m049",
                 "50",
                 "m050",
                 "51",
                 "m051",
                 "52",
                 "m052",
                 "53",
                 "m053",
                 "54",
                 "m054",
                 "55",
                 "m055",
                 "56",
                 "m056",
                 "57",
                 "m057",
                 "58",
                 "m058",
                 "59",
                 "m059",
                 "60",
                 "m060",
                 "61",
                 "m061",
                 "62",
                 "m062",
                 "63",
                 "m063",
                 "64",
                 "m064",
                 "65",
                 "m065",
                 "66",
                 "m066",
                 "67",
                 "m067",
                 "68",
                 "m068",
                 "69",
                 "m069",
                 "70",
                 "m070",
                 "71",
                 "m071",
                 "72",
                 "m072",
                 "73",
                 "m073",
                 "74",
                 "m074",
                 "75",
                 "m075",
                 "76",
                 "m076",
                 "77",
                 "m077",
                 "78",
                 "m078",
                 "79",
                 "m079",
                 "80",
                 "m080",
                 "81",
                 "m081",
                 "82",
                 "m082",
                 "83",
                 "m083",
                 "84",
                 "m084",
                 "85",
                 "m085",
                 "86",
                 "m086",
                 "87",
                 "m087",
                 "88",
                 "m088",
                 "89",
                 "m089",
                 "90",
                 "m090",
                 "91",
                 "m091",
                 "92",
                 "m092",
                 "93",
                 "m093",
                 "94",
                 "m094",
                 "95",
                 "m095",
                 "96",
                 "m096",
                 "97",
                 "m097",
                 "98",
                 "m098",
                 "99",
                 "m099",
                 "100",
                 "m100",
                 "101",
                 "m101",
                 "102",
                 "m102",
                 "103",
                 "m103",
                 "104",
                 "m104",
                 "105",
                 "m105",
                 "106",
                 "m106",
                 "107",
                 "m107",
                 "108",
                 "m108",
                 "109",
                 "m109",
                 "110",
                 "m110",
                 "111",
                 "m111",
                 "112",
                 "m112",
                 "113",
                 "m113",
                 "114",
                 "m114",
                 "115",
                 "m115",
                 "116",
                 "m116",
                 "117",
                 "m117",
                 "118",
                 "m118",
                 "119",
                 "m119",
                 "120",
                 "m120",
                 "121",
                 "m121",
                 "122",
                 "m122",
                 "123",
                 "m123",
                 "124",
                 "m124",
                 "125",
                 "m125",
                 "126",
                 "m126",
                 "127",
                 "m127"}),
            ":128\r\n");
  EXPECT_EQ(run({"zcard", "big"}),
            ":128\r\n");
  EXPECT_EQ(run({"object", "encoding", "big"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zadd", "big", "200", "extra"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "big"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zcard", "big"}),
            ":129\r\n");
  EXPECT_EQ(run({"zrem", "big", "extra"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "big"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "big", "0", "2", "withscores"}),
            "*3\r\n*2\r\n$4\r\nm000\r\n,0\r\n*2\r\n$4\r\nm001\r\n,1\r\n*2\r\n$4\r\nm002\r\n"
            ",2\r\n");
  EXPECT_EQ(run({"zrange", "big", "-2", "-1", "withscores"}),
            "*2\r\n*2\r\n$4\r\nm126\r\n,126\r\n*2\r\n$4\r\nm127\r\n,127\r\n");
  EXPECT_EQ(run({"zrank", "big", "m100"}),
            ":100\r\n");
  EXPECT_EQ(run({"zscore", "big", "m127"}),
            ",127\r\n");
}

// one zadd of 129 entries on a new key is a skiplist
TEST_F(ZsetCommandsCorpusTest, OneZaddOf129EntriesOnANewKeyIsASkiplist) {
  EXPECT_EQ(run({"zadd",
                 "big",
                 "0",
                 "m000",
                 "1",
                 "m001",
                 "2",
                 "m002",
                 "3",
                 "m003",
                 "4",
                 "m004",
                 "5",
                 "m005",
                 "6",
                 "m006",
                 "7",
                 "m007",
                 "8",
                 "m008",
                 "9",
                 "m009",
                 "10",
                 "m010",
                 "11",
                 "m011",
                 "12",
                 "m012",
                 "13",
                 "m013",
                 "14",
                 "m014",
                 "15",
                 "m015",
                 "16",
                 "m016",
                 "17",
                 "m017",
                 "18",
                 "m018",
                 "19",
                 "m019",
                 "20",
                 "m020",
                 "21",
                 "m021",
                 "22",
                 "m022",
                 "23",
                 "m023",
                 "24",
                 "m024",
                 "25",
                 "m025",
                 "26",
                 "m026",
                 "27",
                 "m027",
                 "28",
                 "m028",
                 "29",
                 "m029",
                 "30",
                 "m030",
                 "31",
                 "m031",
                 "32",
                 "m032",
                 "33",
                 "m033",
                 "34",
                 "m034",
                 "35",
                 "m035",
                 "36",
                 "m036",
                 "37",
                 "m037",
                 "38",
                 "m038",
                 "39",
                 "m039",
                 "40",
                 "m040",
                 "41",
                 "m041",
                 "42",
                 "m042",
                 "43",
                 "m043",
                 "44",
                 "m044",
                 "45",
                 "m045",
                 "46",
                 "m046",
                 "47",
                 "m047",
                 "48",
                 "m048",
                 "49",
                 "m049",
                 "50",
                 "m050",
                 "51",
                 "m051",
                 "52",
                 "m052",
                 "53",
                 "m053",
                 "54",
                 "m054",
                 "55",
                 "m055",
                 "56",
                 "m056",
                 "57",
                 "m057",
                 "58",
                 "m058",
                 "59",
                 "m059",
                 "60",
                 "m060",
                 "61",
                 "m061",
                 "62",
                 "m062",
                 "63",
                 "m063",
                 "64",
                 "m064",
                 "65",
                 "m065",
                 "66",
                 "m066",
                 "67",
                 "m067",
                 "68",
                 "m068",
                 "69",
                 "m069",
                 "70",
                 "m070",
                 "71",
                 "m071",
                 "72",
                 "m072",
                 "73",
                 "m073",
                 "74",
                 "m074",
                 "75",
                 "m075",
                 "76",
                 "m076",
                 "77",
                 "m077",
                 "78",
                 "m078",
                 "79",
                 "m079",
                 "80",
                 "m080",
                 "81",
                 "m081",
                 "82",
                 "m082",
                 "83",
                 "m083",
                 "84",
                 "m084",
                 "85",
                 "m085",
                 "86",
                 "m086",
                 "87",
                 "m087",
                 "88",
                 "m088",
                 "89",
                 "m089",
                 "90",
                 "m090",
                 "91",
                 "m091",
                 "92",
                 "m092",
                 "93",
                 "m093",
                 "94",
                 "m094",
                 "95",
                 "m095",
                 "96",
                 "m096",
                 "97",
                 "m097",
                 "98",
                 "m098",
                 "99",
                 "m099",
                 "100",
                 "m100",
                 "101",
                 "m101",
                 "102",
                 "m102",
                 "103",
                 "m103",
                 "104",
                 "m104",
                 "105",
                 "m105",
                 "106",
                 "m106",
                 "107",
                 "m107",
                 "108",
                 "m108",
                 "109",
                 "m109",
                 "110",
                 "m110",
                 "111",
                 "m111",
                 "112",
                 "m112",
                 "113",
                 "m113",
                 "114",
                 "m114",
                 "115",
                 "m115",
                 "116",
                 "m116",
                 "117",
                 "m117",
                 "118",
                 "m118",
                 "119",
                 "m119",
                 "120",
                 "m120",
                 "121",
                 "m121",
                 "122",
                 "m122",
                 "123",
                 "m123",
                 "124",
                 "m124",
                 "125",
                 "m125",
                 "126",
                 "m126",
                 "127",
                 "m127",
                 "128",
                 "m128"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "big"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zcard", "big"}),
            ":129\r\n");
  EXPECT_EQ(run({"zrangebyscore", "big", "126", "+inf", "withscores"}),
            "*6\r\n$4\r\nm126\r\n$3\r\n126\r\n$4\r\nm127\r\n$3\r\n127\r\n$4\r\nm128\r\n$3\r\n"
            "128\r\n");
  EXPECT_EQ(run({"zcount", "big", "(10", "20"}),
            ":10\r\n");
}

// one zadd of 129 entries on a new key is a skiplist (RESP3)
TEST_F(ZsetCommandsCorpusTest, OneZaddOf129EntriesOnANewKeyIsASkiplistResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd",
                 "big",
                 "0",
                 "m000",
                 "1",
                 "m001",
                 "2",
                 "m002",
                 "3",
                 "m003",
                 "4",
                 "m004",
                 "5",
                 "m005",
                 "6",
                 "m006",
                 "7",
                 "m007",
                 "8",
                 "m008",
                 "9",
                 "m009",
                 "10",
                 "m010",
                 "11",
                 "m011",
                 "12",
                 "m012",
                 "13",
                 "m013",
                 "14",
                 "m014",
                 "15",
                 "m015",
                 "16",
                 "m016",
                 "17",
                 "m017",
                 "18",
                 "m018",
                 "19",
                 "m019",
                 "20",
                 "m020",
                 "21",
                 "m021",
                 "22",
                 "m022",
                 "23",
                 "m023",
                 "24",
                 "m024",
                 "25",
                 "m025",
                 "26",
                 "m026",
                 "27",
                 "m027",
                 "28",
                 "m028",
                 "29",
                 "m029",
                 "30",
                 "m030",
                 "31",
                 "m031",
                 "32",
                 "m032",
                 "33",
                 "m033",
                 "34",
                 "m034",
                 "35",
                 "m035",
                 "36",
                 "m036",
                 "37",
                 "m037",
                 "38",
                 "m038",
                 "39",
                 "m039",
                 "40",
                 "m040",
                 "41",
                 "m041",
                 "42",
                 "m042",
                 "43",
                 "m043",
                 "44",
                 "m044",
                 "45",
                 "m045",
                 "46",
                 "m046",
                 "47",
                 "m047",
                 "48",
                 "m048",
                 "49",
                 "m049",
                 "50",
                 "m050",
                 "51",
                 "m051",
                 "52",
                 "m052",
                 "53",
                 "m053",
                 "54",
                 "m054",
                 "55",
                 "m055",
                 "56",
                 "m056",
                 "57",
                 "m057",
                 "58",
                 "m058",
                 "59",
                 "m059",
                 "60",
                 "m060",
                 "61",
                 "m061",
                 "62",
                 "m062",
                 "63",
                 "m063",
                 "64",
                 "m064",
                 "65",
                 "m065",
                 "66",
                 "m066",
                 "67",
                 "m067",
                 "68",
                 "m068",
                 "69",
                 "m069",
                 "70",
                 "m070",
                 "71",
                 "m071",
                 "72",
                 "m072",
                 "73",
                 "m073",
                 "74",
                 "m074",
                 "75",
                 "m075",
                 "76",
                 "m076",
                 "77",
                 "m077",
                 "78",
                 "m078",
                 "79",
                 "m079",
                 "80",
                 "m080",
                 "81",
                 "m081",
                 "82",
                 "m082",
                 "83",
                 "m083",
                 "84",
                 "m084",
                 "85",
                 "m085",
                 "86",
                 "m086",
                 "87",
                 "m087",
                 "88",
                 "m088",
                 "89",
                 "m089",
                 "90",
                 "m090",
                 "91",
                 "m091",
                 "92",
                 "m092",
                 "93",
                 "m093",
                 "94",
                 "m094",
                 "95",
                 "m095",
                 "96",
                 "m096",
                 "97",
                 "m097",
                 "98",
                 "m098",
                 "99",
                 "m099",
                 "100",
                 "m100",
                 "101",
                 "m101",
                 "102",
                 "m102",
                 "103",
                 "m103",
                 "104",
                 "m104",
                 "105",
                 "m105",
                 "106",
                 "m106",
                 "107",
                 "m107",
                 "108",
                 "m108",
                 "109",
                 "m109",
                 "110",
                 "m110",
                 "111",
                 "m111",
                 "112",
                 "m112",
                 "113",
                 "m113",
                 "114",
                 "m114",
                 "115",
                 "m115",
                 "116",
                 "m116",
                 "117",
                 "m117",
                 "118",
                 "m118",
                 "119",
                 "m119",
                 "120",
                 "m120",
                 "121",
                 "m121",
                 "122",
                 "m122",
                 "123",
                 "m123",
                 "124",
                 "m124",
                 "125",
                 "m125",
                 "126",
                 "m126",
                 "127",
                 "m127",
                 "128",
                 "m128"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "big"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zcard", "big"}),
            ":129\r\n");
  EXPECT_EQ(run({"zrangebyscore", "big", "126", "+inf", "withscores"}),
            "*3\r\n*2\r\n$4\r\nm126\r\n,126\r\n*2\r\n$4\r\nm127\r\n,127\r\n*2\r\n$4\r\nm128\r\n"
            ",128\r\n");
  EXPECT_EQ(run({"zcount", "big", "(10", "20"}),
            ":10\r\n");
}

// a member longer than 64 bytes converts to skiplist
TEST_F(ZsetCommandsCorpusTest, AMemberLongerThan64BytesConvertsToSkiplist) {
  EXPECT_EQ(run({"zadd", "z", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd",
                 "z",
                 "2",
                 "0123456789012345678901234567890123456789012345678901234567890123"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zadd",
                 "z",
                 "3",
                 "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrem", "z", "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd",
                 "z2",
                 "1",
                 "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z2"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zincrby",
                 "z3",
                 "1",
                 "01234567890123456789012345678901234567890123456789012345678901234"}),
            "$1\r\n1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z3"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*2\r\n$1\r\na\r\n$64\r\n"
            "0123456789012345678901234567890123456789012345678901234567890123\r\n");
}

// a member longer than 64 bytes converts to skiplist (RESP3)
TEST_F(ZsetCommandsCorpusTest, AMemberLongerThan64BytesConvertsToSkiplistResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd",
                 "z",
                 "2",
                 "0123456789012345678901234567890123456789012345678901234567890123"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zadd",
                 "z",
                 "3",
                 "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrem", "z", "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd",
                 "z2",
                 "1",
                 "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z2"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zincrby",
                 "z3",
                 "1",
                 "01234567890123456789012345678901234567890123456789012345678901234"}),
            ",1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z3"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*2\r\n$1\r\na\r\n$64\r\n"
            "0123456789012345678901234567890123456789012345678901234567890123\r\n");
}

// zadd that adds nothing does not create the key
TEST_F(ZsetCommandsCorpusTest, ZaddThatAddsNothingDoesNotCreateTheKey) {
  EXPECT_EQ(run({"zadd", "z", "nx", "xx", "1", "a"}),
            "-ERR XX and NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "1", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "ch", "xx", "1", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "incr", "1", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"keys", "*"}),
            "*0\r\n");
}

// zadd that adds nothing does not create the key (RESP3)
TEST_F(ZsetCommandsCorpusTest, ZaddThatAddsNothingDoesNotCreateTheKeyResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "nx", "xx", "1", "a"}),
            "-ERR XX and NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "1", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "ch", "xx", "1", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "incr", "1", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"keys", "*"}),
            "*0\r\n");
}

// binary members
TEST_F(ZsetCommandsCorpusTest, BinaryMembers) {
  EXPECT_EQ(run({"zadd", "z", "1", bin("a\000b"), "2", "", "3", "\377", "0", "\r\n"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            bin("*8\r\n$2\r\n\r\n\r\n$1\r\n0\r\n$3\r\na\000b\r\n$1\r\n1\r\n$0\r\n\r\n$1\r\n"
            "2\r\n$1\r\n\377\r\n$1\r\n3\r\n"));
  EXPECT_EQ(run({"zscore", "z", bin("a\000b")}),
            "$1\r\n1\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zrank", "z", "\377"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrem", "z", bin("a\000b"), "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*3\r\n$2\r\n\r\n\r\n$0\r\n\r\n$1\r\n\377\r\n");
  EXPECT_EQ(run({"zadd",
                 "lex",
                 "0",
                 bin("a\000b"),
                 "0",
                 "",
                 "0",
                 "\377",
                 "0",
                 "a",
                 "0",
                 bin("a\000")}),
            ":5\r\n");
  EXPECT_EQ(run({"zrangebylex", "lex", "-", "+"}),
            bin("*5\r\n$0\r\n\r\n$1\r\na\r\n$2\r\na\000\r\n$3\r\na\000b\r\n$1\r\n\377\r\n"));
  EXPECT_EQ(run({"zrangebylex", "lex", "[a", bin("(a\000c")}),
            bin("*3\r\n$1\r\na\r\n$2\r\na\000\r\n$3\r\na\000b\r\n"));
  EXPECT_EQ(run({"zrangebylex", "lex", "(a", "+"}),
            bin("*3\r\n$2\r\na\000\r\n$3\r\na\000b\r\n$1\r\n\377\r\n"));
  EXPECT_EQ(run({"zrangebylex", "lex", "[", "(a"}),
            "*1\r\n$0\r\n\r\n");
  EXPECT_EQ(run({"zlexcount", "lex", bin("(\000"), "[\377"}),
            ":4\r\n");
  EXPECT_EQ(run({"zremrangebylex", "lex", bin("[a\000"), bin("[a\000b")}),
            ":2\r\n");
  EXPECT_EQ(run({"zrangebylex", "lex", "-", "+"}),
            "*3\r\n$0\r\n\r\n$1\r\na\r\n$1\r\n\377\r\n");
}

// binary members (RESP3)
TEST_F(ZsetCommandsCorpusTest, BinaryMembersResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", bin("a\000b"), "2", "", "3", "\377", "0", "\r\n"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            bin("*4\r\n*2\r\n$2\r\n\r\n\r\n,0\r\n*2\r\n$3\r\na\000b\r\n,1\r\n*2\r\n$0\r\n\r\n"
            ",2\r\n*2\r\n$1\r\n\377\r\n,3\r\n"));
  EXPECT_EQ(run({"zscore", "z", bin("a\000b")}),
            ",1\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zrank", "z", "\377"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrem", "z", bin("a\000b"), "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*3\r\n$2\r\n\r\n\r\n$0\r\n\r\n$1\r\n\377\r\n");
  EXPECT_EQ(run({"zadd",
                 "lex",
                 "0",
                 bin("a\000b"),
                 "0",
                 "",
                 "0",
                 "\377",
                 "0",
                 "a",
                 "0",
                 bin("a\000")}),
            ":5\r\n");
  EXPECT_EQ(run({"zrangebylex", "lex", "-", "+"}),
            bin("*5\r\n$0\r\n\r\n$1\r\na\r\n$2\r\na\000\r\n$3\r\na\000b\r\n$1\r\n\377\r\n"));
  EXPECT_EQ(run({"zrangebylex", "lex", "[a", bin("(a\000c")}),
            bin("*3\r\n$1\r\na\r\n$2\r\na\000\r\n$3\r\na\000b\r\n"));
  EXPECT_EQ(run({"zrangebylex", "lex", "(a", "+"}),
            bin("*3\r\n$2\r\na\000\r\n$3\r\na\000b\r\n$1\r\n\377\r\n"));
  EXPECT_EQ(run({"zrangebylex", "lex", "[", "(a"}),
            "*1\r\n$0\r\n\r\n");
  EXPECT_EQ(run({"zlexcount", "lex", bin("(\000"), "[\377"}),
            ":4\r\n");
  EXPECT_EQ(run({"zremrangebylex", "lex", bin("[a\000"), bin("[a\000b")}),
            ":2\r\n");
  EXPECT_EQ(run({"zrangebylex", "lex", "-", "+"}),
            "*3\r\n$0\r\n\r\n$1\r\na\r\n$1\r\n\377\r\n");
}

// copy and rename keep a zset
TEST_F(ZsetCommandsCorpusTest, CopyAndRenameKeepAZset) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"copy", "z", "z2"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z2", "3", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrem", "z", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zrange", "z2", "0", "-1", "withscores"}),
            "*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"rename", "z2", "z3"}),
            "+OK\r\n");
  EXPECT_EQ(run({"type", "z3"}),
            "+zset\r\n");
  EXPECT_EQ(run({"object", "encoding", "z3"}),
            "$8\r\nlistpack\r\n");
}

// copy and rename keep a zset (RESP3)
TEST_F(ZsetCommandsCorpusTest, CopyAndRenameKeepAZsetResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"copy", "z", "z2"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z2", "3", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrem", "z", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
  EXPECT_EQ(run({"zrange", "z2", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n");
  EXPECT_EQ(run({"rename", "z2", "z3"}),
            "+OK\r\n");
  EXPECT_EQ(run({"type", "z3"}),
            "+zset\r\n");
  EXPECT_EQ(run({"object", "encoding", "z3"}),
            "$8\r\nlistpack\r\n");
}


// ---- More cases recorded from redis-server 7.0.15.

// zadd ch counts added and updated
TEST_F(ZsetCommandsRecordedTest, ZaddChCountsAddedAndUpdated) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "a", "3", "b", "4", "c"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "a", "3", "b", "4", "c"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "xx", "5", "a", "6", "d"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nb\r\n$1\r\n3\r\n$1\r\nc\r\n$1\r\n4\r\n$1\r\na\r\n$1\r\n5\r\n");
}

// zadd ch counts added and updated (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZaddChCountsAddedAndUpdatedResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "a", "3", "b", "4", "c"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "a", "3", "b", "4", "c"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "xx", "5", "a", "6", "d"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nb\r\n,3\r\n*2\r\n$1\r\nc\r\n,4\r\n*2\r\n$1\r\na\r\n,5\r\n");
}

// zadd gt and lt with ch and xx
TEST_F(ZsetCommandsRecordedTest, ZaddGtAndLtWithChAndXx) {
  EXPECT_EQ(run({"zadd", "z", "5", "a", "5", "b", "5", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "ch", "6", "a", "4", "b", "7", "new"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "ch", "1", "a", "9", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "gt", "ch", "10", "c", "10", "missing"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "lt", "ch", "0", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*8\r\n$1\r\nc\r\n$1\r\n0\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n5\r\n$3\r\n"
            "new\r\n$1\r\n7\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "lt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "gt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "nx", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "xx", "gt", "1", "a"}),
            "-ERR XX and NX options at the same time are not compatible\r\n");
}

// zadd gt and lt with ch and xx (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZaddGtAndLtWithChAndXxResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "5", "a", "5", "b", "5", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "ch", "6", "a", "4", "b", "7", "new"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "ch", "1", "a", "9", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "gt", "ch", "10", "c", "10", "missing"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "lt", "ch", "0", "c"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*4\r\n*2\r\n$1\r\nc\r\n,0\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,5\r\n*2\r\n"
            "$3\r\nnew\r\n,7\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "lt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "gt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "nx", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "xx", "gt", "1", "a"}),
            "-ERR XX and NX options at the same time are not compatible\r\n");
}

// zadd incr returns the new score or nil
TEST_F(ZsetCommandsRecordedTest, ZaddIncrReturnsTheNewScoreOrNil) {
  EXPECT_EQ(run({"zadd", "z", "incr", "5", "a"}),
            "$1\r\n5\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "2.5", "a"}),
            "$3\r\n7.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "incr", "1", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "incr", "1", "missing"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "incr", "-1", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "incr", "-1", "a"}),
            "$3\r\n6.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "incr", "0", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "incr", "1", "a"}),
            "$3\r\n7.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "1", "a", "2", "b"}),
            "-ERR INCR option supports a single increment-element pair\r\n");
  EXPECT_EQ(run({"zadd", "nokey", "xx", "incr", "1", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"exists", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
}

// zadd incr returns the new score or nil (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZaddIncrReturnsTheNewScoreOrNilResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "incr", "5", "a"}),
            ",5\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "2.5", "a"}),
            ",7.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "incr", "1", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "incr", "1", "missing"}),
            "_\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "incr", "-1", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zadd", "z", "lt", "incr", "-1", "a"}),
            ",6.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "incr", "0", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "incr", "1", "a"}),
            ",7.5\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "1", "a", "2", "b"}),
            "-ERR INCR option supports a single increment-element pair\r\n");
  EXPECT_EQ(run({"zadd", "nokey", "xx", "incr", "1", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"exists", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
}

// zadd argument errors come before the type check
TEST_F(ZsetCommandsRecordedTest, ZaddArgumentErrorsComeBeforeTheTypeCheck) {
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zadd", "str", "1", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zadd", "str", "x", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "str", "nx", "xx", "1", "a"}),
            "-ERR XX and NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "str", "gt", "lt", "1", "a"}),
            "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zadd", "str", "incr", "1", "a", "2", "b"}),
            "-ERR INCR option supports a single increment-element pair\r\n");
  EXPECT_EQ(run({"zadd", "str", "1", "a", "2"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "nx", "2"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zadd", "z", "xx", "nx"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zadd", "z", "nx"}),
            "-ERR wrong number of arguments for 'zadd' command\r\n");
  EXPECT_EQ(run({"zadd", "z"}),
            "-ERR wrong number of arguments for 'zadd' command\r\n");
}

// zadd score parsing
TEST_F(ZsetCommandsRecordedTest, ZaddScoreParsing) {
  EXPECT_EQ(run({"zadd", "z", "1e400", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "-1e400", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1e-400", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", " 1", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1 ", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "0x10", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "1.5e3", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "+inf", "c", "-inf", "d"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "infinity", "e"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", bin("1\000"), "f"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*10\r\n$1\r\nd\r\n$4\r\n-inf\r\n$1\r\na\r\n$2\r\n16\r\n$1\r\nb\r\n$4\r\n1500\r\n"
            "$1\r\nc\r\n$3\r\ninf\r\n$1\r\ne\r\n$3\r\ninf\r\n");
}

// zadd score parsing (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZaddScoreParsingResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1e400", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "-1e400", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1e-400", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", " 1", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "1 ", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "nan", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "z", "0x10", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "1.5e3", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "+inf", "c", "-inf", "d"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "z", "infinity", "e"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", bin("1\000"), "f"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*5\r\n*2\r\n$1\r\nd\r\n,-inf\r\n*2\r\n$1\r\na\r\n,16\r\n*2\r\n$1\r\nb\r\n,1500\r\n"
            "*2\r\n$1\r\nc\r\n,inf\r\n*2\r\n$1\r\ne\r\n,inf\r\n");
}

// zadd options end at a nul byte and are case-insensitive
TEST_F(ZsetCommandsRecordedTest, ZaddOptionsEndAtANulByteAndAreCaseInsensitive) {
  EXPECT_EQ(run({"zadd", "z", bin("nx\000junk"), "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "NX", "2", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "Xx", "Ch", "3", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$1\r\n3\r\n");
}

// zadd options end at a nul byte and are case-insensitive (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZaddOptionsEndAtANulByteAndAreCaseInsensitiveResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", bin("nx\000junk"), "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "NX", "2", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "Xx", "Ch", "3", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",3\r\n");
}

// zadd repeated members in one call
TEST_F(ZsetCommandsRecordedTest, ZaddRepeatedMembersInOneCall) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "a", "3", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$1\r\n3\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "b", "2", "b", "3", "a"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n3\r\n");
}

// zadd repeated members in one call (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZaddRepeatedMembersInOneCallResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "a", "3", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",3\r\n");
  EXPECT_EQ(run({"zadd", "z", "ch", "1", "b", "2", "b", "3", "a"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\na\r\n,3\r\n");
}

// score formatting
TEST_F(ZsetCommandsRecordedTest, ScoreFormatting) {
  EXPECT_EQ(run({"zadd",
                 "z",
                 "0.1",
                 "a",
                 "1e100",
                 "b",
                 "3.0",
                 "c",
                 "-2.5e-10",
                 "d",
                 "123456789012345678",
                 "e",
                 "1.5",
                 "f"}),
            ":6\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*12\r\n$1\r\nd\r\n$23\r\n-2.5000000000000002e-10\r\n$1\r\na\r\n$19\r\n"
            "0.10000000000000001\r\n$1\r\nf\r\n$3\r\n1.5\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\ne\r\n"
            "$22\r\n1.2345678901234568e+17\r\n$1\r\nb\r\n$6\r\n1e+100\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$19\r\n0.10000000000000001\r\n");
  EXPECT_EQ(run({"zmscore", "z", "b", "c", "d", "e", "f", "nothing"}),
            "*6\r\n$6\r\n1e+100\r\n$1\r\n3\r\n$23\r\n-2.5000000000000002e-10\r\n$22\r\n"
            "1.2345678901234568e+17\r\n$3\r\n1.5\r\n$-1\r\n");
}

// score formatting (RESP3)
TEST_F(ZsetCommandsRecordedTest, ScoreFormattingResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd",
                 "z",
                 "0.1",
                 "a",
                 "1e100",
                 "b",
                 "3.0",
                 "c",
                 "-2.5e-10",
                 "d",
                 "123456789012345678",
                 "e",
                 "1.5",
                 "f"}),
            ":6\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*6\r\n*2\r\n$1\r\nd\r\n,-2.5000000000000002e-10\r\n*2\r\n$1\r\na\r\n"
            ",0.10000000000000001\r\n*2\r\n$1\r\nf\r\n,1.5\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n"
            "$1\r\ne\r\n,1.2345678901234568e+17\r\n*2\r\n$1\r\nb\r\n,1e+100\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",0.10000000000000001\r\n");
  EXPECT_EQ(run({"zmscore", "z", "b", "c", "d", "e", "f", "nothing"}),
            "*6\r\n,1e+100\r\n,3\r\n,-2.5000000000000002e-10\r\n,1.2345678901234568e+17\r\n"
            ",1.5\r\n_\r\n");
}

// resulting score is nan
TEST_F(ZsetCommandsRecordedTest, ResultingScoreIsNan) {
  EXPECT_EQ(run({"zadd", "z", "inf", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "-inf", "a"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-inf", "a"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$3\r\ninf\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1", "a"}),
            "$3\r\ninf\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-1e400", "a"}),
            "-ERR value is not a valid float\r\n");
}

// resulting score is nan (RESP3)
TEST_F(ZsetCommandsRecordedTest, ResultingScoreIsNanResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "inf", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "-inf", "a"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-inf", "a"}),
            "-ERR resulting score is not a number (NaN)\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",inf\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1", "a"}),
            ",inf\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-1e400", "a"}),
            "-ERR value is not a valid float\r\n");
}

// zadd incr and zincrby reply the score they computed, -0 included
TEST_F(ZsetCommandsRecordedTest, ZaddIncrAndZincrbyReplyTheScoreTheyComputed0Included) {
  EXPECT_EQ(run({"zincrby", "nz", "-0", "a"}),
            "$2\r\n-0\r\n");
  EXPECT_EQ(run({"zscore", "nz", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zadd", "nz", "incr", "-0", "b"}),
            "$2\r\n-0\r\n");
  EXPECT_EQ(run({"zadd", "nz", "incr", "-0", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zadd", "nz", "ch", "-0", "a"}),
            ":0\r\n");
}

// zadd incr and zincrby reply the score they computed, -0 included (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZaddIncrAndZincrbyReplyTheScoreTheyComputed0IncludedResp3) {
  use_resp3();
  EXPECT_EQ(run({"zincrby", "nz", "-0", "a"}),
            ",-0\r\n");
  EXPECT_EQ(run({"zscore", "nz", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zadd", "nz", "incr", "-0", "b"}),
            ",-0\r\n");
  EXPECT_EQ(run({"zadd", "nz", "incr", "-0", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zadd", "nz", "ch", "-0", "a"}),
            ":0\r\n");
}

// zincrby
TEST_F(ZsetCommandsRecordedTest, Zincrby) {
  EXPECT_EQ(run({"zincrby", "z", "1", "a"}),
            "$1\r\n1\r\n");
  EXPECT_EQ(run({"zincrby", "z", "2.5", "a"}),
            "$3\r\n3.5\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-3.5", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zincrby", "z", "abc", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1.7e308", "b"}),
            "$23\r\n1.6999999999999999e+308\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1.7e308", "b"}),
            "$3\r\ninf\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*4\r\n$1\r\na\r\n$1\r\n0\r\n$1\r\nb\r\n$3\r\ninf\r\n");
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zincrby", "str", "1", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zincrby", "str", "x", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1"}),
            "-ERR wrong number of arguments for 'zincrby' command\r\n");
}

// zincrby (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZincrbyResp3) {
  use_resp3();
  EXPECT_EQ(run({"zincrby", "z", "1", "a"}),
            ",1\r\n");
  EXPECT_EQ(run({"zincrby", "z", "2.5", "a"}),
            ",3.5\r\n");
  EXPECT_EQ(run({"zincrby", "z", "-3.5", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zincrby", "z", "abc", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1.7e308", "b"}),
            ",1.6999999999999999e+308\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1.7e308", "b"}),
            ",inf\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\na\r\n,0\r\n*2\r\n$1\r\nb\r\n,inf\r\n");
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zincrby", "str", "1", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zincrby", "str", "x", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zincrby", "z", "1"}),
            "-ERR wrong number of arguments for 'zincrby' command\r\n");
}

// zscore and zmscore
TEST_F(ZsetCommandsRecordedTest, ZscoreAndZmscore) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "-inf", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            "$1\r\n1\r\n");
  EXPECT_EQ(run({"zscore", "z", "b"}),
            "$4\r\n-inf\r\n");
  EXPECT_EQ(run({"zscore", "z", "missing"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zscore", "nokey", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zmscore", "z", "a", "missing", "b"}),
            "*3\r\n$1\r\n1\r\n$-1\r\n$4\r\n-inf\r\n");
  EXPECT_EQ(run({"zmscore", "nokey", "a", "b"}),
            "*2\r\n$-1\r\n$-1\r\n");
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zscore", "str", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zmscore", "str", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zmscore", "z"}),
            "-ERR wrong number of arguments for 'zmscore' command\r\n");
  EXPECT_EQ(run({"zscore", "z"}),
            "-ERR wrong number of arguments for 'zscore' command\r\n");
}

// zscore and zmscore (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZscoreAndZmscoreResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "-inf", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zscore", "z", "a"}),
            ",1\r\n");
  EXPECT_EQ(run({"zscore", "z", "b"}),
            ",-inf\r\n");
  EXPECT_EQ(run({"zscore", "z", "missing"}),
            "_\r\n");
  EXPECT_EQ(run({"zscore", "nokey", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zmscore", "z", "a", "missing", "b"}),
            "*3\r\n,1\r\n_\r\n,-inf\r\n");
  EXPECT_EQ(run({"zmscore", "nokey", "a", "b"}),
            "*2\r\n_\r\n_\r\n");
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zscore", "str", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zmscore", "str", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zmscore", "z"}),
            "-ERR wrong number of arguments for 'zmscore' command\r\n");
  EXPECT_EQ(run({"zscore", "z"}),
            "-ERR wrong number of arguments for 'zscore' command\r\n");
}

// score ranges parsed like strtod
TEST_F(ZsetCommandsRecordedTest, ScoreRangesParsedLikeStrtod) {
  EXPECT_EQ(run({"zadd", "z", "0", "a", "1", "b", "2", "c", "3", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zcount", "z", " 1", "  2"}),
            ":2\r\n");
  EXPECT_EQ(run({"zcount", "z", "(", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zcount", "z", "", ""}),
            ":1\r\n");
  EXPECT_EQ(run({"zcount", "z", "0x1", "0x2"}),
            ":2\r\n");
  EXPECT_EQ(run({"zcount", "z", bin("1\000junk"), "3"}),
            ":3\r\n");
  EXPECT_EQ(run({"zcount", "z", "-1e999", "1e999"}),
            ":4\r\n");
  EXPECT_EQ(run({"zcount", "z", "-infinity", "infinity"}),
            ":4\r\n");
  EXPECT_EQ(run({"zcount", "z", "(-inf", "(inf"}),
            ":4\r\n");
  EXPECT_EQ(run({"zcount", "z", "(+inf", "+inf"}),
            ":0\r\n");
  EXPECT_EQ(run({"zcount", "z", "(1", "(1"}),
            ":0\r\n");
  EXPECT_EQ(run({"zcount", "z", "1", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zcount", "z", "2", "1"}),
            ":0\r\n");
  EXPECT_EQ(run({"zcount", "z", "((1", "2"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zcount", "z", "1 ", "2"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zcount", "z", "1e", "2"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zcount", "z", "(nan", "2"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zcount", "z", "1", "(-nan"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zcount", "str", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zcount", "str", "x", "1"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zcount", "z", "0"}),
            "-ERR wrong number of arguments for 'zcount' command\r\n");
}

// scores at infinity
TEST_F(ZsetCommandsRecordedTest, ScoresAtInfinity) {
  EXPECT_EQ(run({"zadd", "z", "-inf", "a", "+inf", "b", "0", "c", "-inf", "aa", "inf", "bb"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*10\r\n$1\r\na\r\n$4\r\n-inf\r\n$2\r\naa\r\n$4\r\n-inf\r\n$1\r\nc\r\n$1\r\n0\r\n"
            "$1\r\nb\r\n$3\r\ninf\r\n$2\r\nbb\r\n$3\r\ninf\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "-inf"}),
            "*2\r\n$1\r\na\r\n$2\r\naa\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "(-inf", "(inf", "withscores"}),
            "*2\r\n$1\r\nc\r\n$1\r\n0\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "inf", "+inf"}),
            "*2\r\n$1\r\nb\r\n$2\r\nbb\r\n");
  EXPECT_EQ(run({"zcount", "z", "(-inf", "+inf"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "+inf", "-inf", "withscores", "limit", "1", "3"}),
            "*6\r\n$1\r\nb\r\n$3\r\ninf\r\n$1\r\nc\r\n$1\r\n0\r\n$2\r\naa\r\n$4\r\n-inf\r\n");
}

// scores at infinity (RESP3)
TEST_F(ZsetCommandsRecordedTest, ScoresAtInfinityResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "-inf", "a", "+inf", "b", "0", "c", "-inf", "aa", "inf", "bb"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*5\r\n*2\r\n$1\r\na\r\n,-inf\r\n*2\r\n$2\r\naa\r\n,-inf\r\n*2\r\n$1\r\nc\r\n,0\r\n"
            "*2\r\n$1\r\nb\r\n,inf\r\n*2\r\n$2\r\nbb\r\n,inf\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "-inf"}),
            "*2\r\n$1\r\na\r\n$2\r\naa\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "(-inf", "(inf", "withscores"}),
            "*1\r\n*2\r\n$1\r\nc\r\n,0\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "inf", "+inf"}),
            "*2\r\n$1\r\nb\r\n$2\r\nbb\r\n");
  EXPECT_EQ(run({"zcount", "z", "(-inf", "+inf"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "+inf", "-inf", "withscores", "limit", "1", "3"}),
            "*3\r\n*2\r\n$1\r\nb\r\n,inf\r\n*2\r\n$1\r\nc\r\n,0\r\n*2\r\n$2\r\naa\r\n,-inf\r\n");
}

// lex ranges with special items
TEST_F(ZsetCommandsRecordedTest, LexRangesWithSpecialItems) {
  EXPECT_EQ(run({"zadd",
                 "z",
                 "0",
                 "",
                 "0",
                 "a",
                 "0",
                 bin("a\000"),
                 "0",
                 bin("a\000b"),
                 "0",
                 "b",
                 "0",
                 "\377"}),
            ":6\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "+"}),
            ":6\r\n");
  EXPECT_EQ(run({"zlexcount", "z", bin("+\000junk"), "-"}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", bin("-\000junk"), "+"}),
            ":6\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-x", "+"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[", "+"}),
            ":6\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "(", "+"}),
            ":5\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "["}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "("}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[a", bin("[a\000")}),
            ":2\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "(a", "[b"}),
            ":3\r\n");
  EXPECT_EQ(run({"zlexcount", "z", bin("[\000"), "+"}),
            ":5\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[\377", "+"}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "(\377", "+"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "+"}),
            bin("*6\r\n$0\r\n\r\n$1\r\na\r\n$2\r\na\000\r\n$3\r\na\000b\r\n$1\r\nb\r\n$1\r\n"
            "\377\r\n"));
  EXPECT_EQ(run({"zrangebylex", "z", "(a", "(b"}),
            bin("*2\r\n$2\r\na\000\r\n$3\r\na\000b\r\n"));
  EXPECT_EQ(run({"zrevrangebylex", "z", bin("[a\000b"), "(a"}),
            bin("*2\r\n$3\r\na\000b\r\n$2\r\na\000\r\n"));
  EXPECT_EQ(run({"zlexcount", "z", "+", "+"}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "-"}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "+", "[a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[a", "-"}),
            ":0\r\n");
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zlexcount", "str", "-", "+"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zlexcount", "str", "a", "+"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zlexcount", "z"}),
            "-ERR wrong number of arguments for 'zlexcount' command\r\n");
}

// lex ranges over mixed scores walk like Redis's listpack
TEST_F(ZsetCommandsRecordedTest, LexRangesOverMixedScoresWalkLikeRedisSListpack) {
  EXPECT_EQ(run({"zadd", "z", "0", "ab", "1", "b", "2", "a", "3", "aa", "4", "c", "5", "ac"}),
            ":6\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "[ab"}),
            "*1\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "[ab", "limit", "1", "5"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "[ab", "limit", "2", "5"}),
            "*2\r\n$1\r\na\r\n$2\r\naa\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "[aa", "+"}),
            "*6\r\n$2\r\nab\r\n$1\r\nb\r\n$1\r\na\r\n$2\r\naa\r\n$1\r\nc\r\n$2\r\nac\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "[aa", "(b"}),
            "*1\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "(a", "[b", "limit", "1", "1"}),
            "*1\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "[ab", "-"}),
            "*4\r\n$2\r\naa\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "(b", "[a"}),
            "*6\r\n$2\r\nac\r\n$1\r\nc\r\n$2\r\naa\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "(b", "[a", "limit", "1", "5"}),
            "*5\r\n$1\r\nc\r\n$2\r\naa\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "+", "[b", "limit", "2", "5"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "[ac", "[aa"}),
            "*3\r\n$2\r\nac\r\n$1\r\nc\r\n$2\r\naa\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "[ab"}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[aa", "(b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[b", "+"}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[ab", "[ab"}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[ac", "[aa"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "[ab", "[ab", "bylex"}),
            "*1\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrange", "z", "[b", "[aa", "bylex"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangestore", "d", "z", "[aa", "+", "bylex"}),
            ":6\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*12\r\n$2\r\nab\r\n$1\r\n0\r\n$1\r\nb\r\n$1\r\n1\r\n$1\r\na\r\n$1\r\n2\r\n$2\r\n"
            "aa\r\n$1\r\n3\r\n$1\r\nc\r\n$1\r\n4\r\n$2\r\nac\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "[aa", "(b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*10\r\n$1\r\nb\r\n$1\r\n1\r\n$1\r\na\r\n$1\r\n2\r\n$2\r\naa\r\n$1\r\n3\r\n$1\r\n"
            "c\r\n$1\r\n4\r\n$2\r\nac\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "[b", "+"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*10\r\n$1\r\nb\r\n$1\r\n1\r\n$1\r\na\r\n$1\r\n2\r\n$2\r\naa\r\n$1\r\n3\r\n$1\r\n"
            "c\r\n$1\r\n4\r\n$2\r\nac\r\n$1\r\n5\r\n");
}

// lex ranges over mixed scores walk like Redis's listpack (RESP3)
TEST_F(ZsetCommandsRecordedTest, LexRangesOverMixedScoresWalkLikeRedisSListpackResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "0", "ab", "1", "b", "2", "a", "3", "aa", "4", "c", "5", "ac"}),
            ":6\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "[ab"}),
            "*1\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "[ab", "limit", "1", "5"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "[ab", "limit", "2", "5"}),
            "*2\r\n$1\r\na\r\n$2\r\naa\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "[aa", "+"}),
            "*6\r\n$2\r\nab\r\n$1\r\nb\r\n$1\r\na\r\n$2\r\naa\r\n$1\r\nc\r\n$2\r\nac\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "[aa", "(b"}),
            "*1\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "(a", "[b", "limit", "1", "1"}),
            "*1\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "[ab", "-"}),
            "*4\r\n$2\r\naa\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "(b", "[a"}),
            "*6\r\n$2\r\nac\r\n$1\r\nc\r\n$2\r\naa\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "(b", "[a", "limit", "1", "5"}),
            "*5\r\n$1\r\nc\r\n$2\r\naa\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "+", "[b", "limit", "2", "5"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "[ac", "[aa"}),
            "*3\r\n$2\r\nac\r\n$1\r\nc\r\n$2\r\naa\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "[ab"}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[aa", "(b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[b", "+"}),
            ":0\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[ab", "[ab"}),
            ":1\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "[ac", "[aa"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "[ab", "[ab", "bylex"}),
            "*1\r\n$2\r\nab\r\n");
  EXPECT_EQ(run({"zrange", "z", "[b", "[aa", "bylex"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangestore", "d", "z", "[aa", "+", "bylex"}),
            ":6\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*6\r\n*2\r\n$2\r\nab\r\n,0\r\n*2\r\n$1\r\nb\r\n,1\r\n*2\r\n$1\r\na\r\n,2\r\n*2\r\n"
            "$2\r\naa\r\n,3\r\n*2\r\n$1\r\nc\r\n,4\r\n*2\r\n$2\r\nac\r\n,5\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "[aa", "(b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*5\r\n*2\r\n$1\r\nb\r\n,1\r\n*2\r\n$1\r\na\r\n,2\r\n*2\r\n$2\r\naa\r\n,3\r\n*2\r\n"
            "$1\r\nc\r\n,4\r\n*2\r\n$2\r\nac\r\n,5\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "[b", "+"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*5\r\n*2\r\n$1\r\nb\r\n,1\r\n*2\r\n$1\r\na\r\n,2\r\n*2\r\n$2\r\naa\r\n,3\r\n*2\r\n"
            "$1\r\nc\r\n,4\r\n*2\r\n$2\r\nac\r\n,5\r\n");
}

// zrange rank edge cases
TEST_F(ZsetCommandsRecordedTest, ZrangeRankEdgeCases) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "z", "-9223372036854775808", "9223372036854775807"}),
            "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "9223372036854775808"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "-1", "-1"}),
            "*1\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "-3", "-3"}),
            "*1\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrange", "z", "-4", "-4"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "2", "-1"}),
            "*1\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "-3"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "-1"}),
            "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "5", "-1"}),
            "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "-2"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "1", "withscores"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "REV", "WITHSCORES"}),
            "*6\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "rev", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", bin("withscores\000x")}),
            "*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "-1", "-1"}),
            "*1\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "limit", "0", "1"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "bylex"}),
            "-ERR syntax error\r\n");
}

// zrange rank edge cases (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZrangeRankEdgeCasesResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "z", "-9223372036854775808", "9223372036854775807"}),
            "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "9223372036854775808"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "-1", "-1"}),
            "*1\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "-3", "-3"}),
            "*1\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrange", "z", "-4", "-4"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "2", "-1"}),
            "*1\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "-3"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "-1"}),
            "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "5", "-1"}),
            "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "-2"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "1", "withscores"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "REV", "WITHSCORES"}),
            "*3\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "rev", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", bin("withscores\000x")}),
            "*3\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "-1", "-1"}),
            "*1\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "limit", "0", "1"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "-1", "bylex"}),
            "-ERR syntax error\r\n");
}

// zrange option combinations
TEST_F(ZsetCommandsRecordedTest, ZrangeOptionCombinations) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrange", "z", "(1", "5", "byscore", "limit", "0", "2", "withscores", "rev"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "5", "(1", "byscore", "rev", "limit", "0", "2", "withscores"}),
            "*4\r\n$1\r\ne\r\n$1\r\n5\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrange", "z", "5", "1", "byscore"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "5", "byscore", "rev"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "5", "1", "byscore", "rev", "limit", "1", "-1"}),
            "*4\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "byscore", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "bylex", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "[a", "[c", "bylex", "bylex"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "-", "+", "bylex", "rev"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "+", "-", "BYLEX", "REV", "limit", "1", "2"}),
            "*2\r\n$1\r\nd\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "-", "+", "bylex", "limit", "0", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "0", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "4", "10"}),
            "*1\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "5", "10"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "-5", "10"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "0", "-100"}),
            "*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "0", "9223372036854775807"}),
            "*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "9223372036854775807", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "0", "9223372036854775808"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores", "limit", "0", "1"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "a", "b", "bylex", "limit", "0", "1", "withscores"}),
            "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "x", "y", "byscore"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zrange", "z", "x", "y", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrange", "z", "[a", "y", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "x", "1", "foo"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "foo", "limit", "x", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "1", "limit", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "2", "byscore", "limit", "1", "1", "limit", "0", "-1"}),
            "*2\r\n$1\r\na\r\n$1\r\nb\r\n");
}

// zrange option combinations (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZrangeOptionCombinationsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zrange", "z", "(1", "5", "byscore", "limit", "0", "2", "withscores", "rev"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "5", "(1", "byscore", "rev", "limit", "0", "2", "withscores"}),
            "*2\r\n*2\r\n$1\r\ne\r\n,5\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrange", "z", "5", "1", "byscore"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "5", "byscore", "rev"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "5", "1", "byscore", "rev", "limit", "1", "-1"}),
            "*4\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "byscore", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "bylex", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "[a", "[c", "bylex", "bylex"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "-", "+", "bylex", "rev"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "+", "-", "BYLEX", "REV", "limit", "1", "2"}),
            "*2\r\n$1\r\nd\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zrange", "z", "-", "+", "bylex", "limit", "0", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "0", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "4", "10"}),
            "*1\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "5", "10"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "-5", "10"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "0", "-100"}),
            "*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "0", "9223372036854775807"}),
            "*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "9223372036854775807", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrange", "z", "-inf", "+inf", "byscore", "limit", "0", "9223372036854775808"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores", "limit", "0", "1"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or B"
            "YLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "a", "b", "bylex", "limit", "0", "1", "withscores"}),
            "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
  EXPECT_EQ(run({"zrange", "z", "x", "y", "byscore"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zrange", "z", "x", "y", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrange", "z", "[a", "y", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "x", "1", "foo"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "foo", "limit", "x", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "limit", "0", "1", "limit", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "2", "byscore", "limit", "1", "1", "limit", "0", "-1"}),
            "*2\r\n$1\r\na\r\n$1\r\nb\r\n");
}

// range commands on a wrong type check arguments first
TEST_F(ZsetCommandsRecordedTest, RangeCommandsOnAWrongTypeCheckArgumentsFirst) {
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zrange", "str", "0", "-1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrange", "str", "a", "b"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "str", "0", "1", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrange", "str", "0", "1", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrangebyscore", "str", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrangebyscore", "str", "a", "1"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "str", "1", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrangebylex", "str", "-", "+"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrangebylex", "str", "a", "+"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "str", "+", "-"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrevrange", "str", "0", "-1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "str", "0", "-1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "str", "a", "b"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrank", "str", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrevrank", "str", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zcard", "str"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrem", "str", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "str", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "str", "a", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "str", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "str", "a", "1"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zremrangebylex", "str", "-", "+"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zremrangebylex", "str", "a", "+"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"get", "str"}),
            "$1\r\nv\r\n");
}

// fixed range commands refuse other range options
TEST_F(ZsetCommandsRecordedTest, FixedRangeCommandsRefuseOtherRangeOptions) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "bylex"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "+inf", "-inf", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "+", "bylex"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "+", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "+", "-", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "+", "-", "limit", "0", "1", "withscores"}),
            "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "LIMIT", "1", "1", "WITHSCORES"}),
            "*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "3", "1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "1", "3"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "(3", "(1", "withscores"}),
            "*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "3", "1", "limit", "1", "-1"}),
            "*2\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "[c", "[a"}),
            "*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "[a", "[c"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "(c", "-", "limit", "1", "5"}),
            "*1\r\n$1\r\na\r\n");
}

// fixed range commands refuse other range options (RESP3)
TEST_F(ZsetCommandsRecordedTest, FixedRangeCommandsRefuseOtherRangeOptionsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "bylex"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "+inf", "-inf", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "+", "bylex"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-", "+", "byscore"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "+", "-", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "+", "-", "limit", "0", "1", "withscores"}),
            "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "-inf", "+inf", "LIMIT", "1", "1", "WITHSCORES"}),
            "*1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "3", "1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "1", "3"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "(3", "(1", "withscores"}),
            "*1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "3", "1", "limit", "1", "-1"}),
            "*2\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "[c", "[a"}),
            "*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "[a", "[c"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "(c", "-", "limit", "1", "5"}),
            "*1\r\n$1\r\na\r\n");
}

// zrangestore options
TEST_F(ZsetCommandsRecordedTest, ZrangestoreOptions) {
  EXPECT_EQ(run({"zadd", "src", "1", "a", "2", "b", "3", "c", "4", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "limit", "0", "-1"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "-inf", "+inf", "byscore", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "[a", "[b", "bylex", "limit", "1", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "+inf", "-inf", "byscore", "rev", "limit", "1", "2"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "[c", "-", "bylex", "rev"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "rev", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src"}),
            "-ERR wrong number of arguments for 'zrangestore' command\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0"}),
            "-ERR wrong number of arguments for 'zrangestore' command\r\n");
}

// zrangestore options (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZrangestoreOptionsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "src", "1", "a", "2", "b", "3", "c", "4", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "limit", "0", "-1"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "-inf", "+inf", "byscore", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "[a", "[b", "bylex", "limit", "1", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "+inf", "-inf", "byscore", "rev", "limit", "1", "2"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "[c", "-", "bylex", "rev"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "-1", "rev", "rev"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "x", "1"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src"}),
            "-ERR wrong number of arguments for 'zrangestore' command\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0"}),
            "-ERR wrong number of arguments for 'zrangestore' command\r\n");
}

// zrangestore replaces any value and its ttl
TEST_F(ZsetCommandsRecordedTest, ZrangestoreReplacesAnyValueAndItsTtl) {
  EXPECT_EQ(run({"zadd", "src", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"set", "dst", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"expire", "dst", "100"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"type", "dst"}),
            "+zset\r\n");
  EXPECT_EQ(run({"ttl", "dst"}),
            ":-1\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*2\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"object", "encoding", "dst"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"lpush", "list", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrangestore", "list", "src", "0", "-1"}),
            ":2\r\n");
  EXPECT_EQ(run({"type", "list"}),
            "+zset\r\n");
  EXPECT_EQ(run({"zrangestore", "list", "src", "5", "6"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "list"}),
            ":0\r\n");
}

// zrangestore replaces any value and its ttl (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZrangestoreReplacesAnyValueAndItsTtlResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "src", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"set", "dst", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"expire", "dst", "100"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "src", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"type", "dst"}),
            "+zset\r\n");
  EXPECT_EQ(run({"ttl", "dst"}),
            ":-1\r\n");
  EXPECT_EQ(run({"zrange", "dst", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"object", "encoding", "dst"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"lpush", "list", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrangestore", "list", "src", "0", "-1"}),
            ":2\r\n");
  EXPECT_EQ(run({"type", "list"}),
            "+zset\r\n");
  EXPECT_EQ(run({"zrangestore", "list", "src", "5", "6"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "list"}),
            ":0\r\n");
}

// zrank and zrevrank
TEST_F(ZsetCommandsRecordedTest, ZrankAndZrevrank) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "1", "b", "2", bin("c\000"), "3", ""}),
            ":4\r\n");
  EXPECT_EQ(run({"zrank", "z", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrank", "z", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrank", "z", bin("c\000")}),
            ":2\r\n");
  EXPECT_EQ(run({"zrank", "z", "c"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zrevrank", "z", ""}),
            ":0\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "a"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrank", "nokey", "a"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "missing"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zrank", "z"}),
            "-ERR wrong number of arguments for 'zrank' command\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "a", "b"}),
            "-ERR wrong number of arguments for 'zrevrank' command\r\n");
}

// zrank and zrevrank (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZrankAndZrevrankResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "1", "b", "2", bin("c\000"), "3", ""}),
            ":4\r\n");
  EXPECT_EQ(run({"zrank", "z", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrank", "z", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrank", "z", bin("c\000")}),
            ":2\r\n");
  EXPECT_EQ(run({"zrank", "z", "c"}),
            "_\r\n");
  EXPECT_EQ(run({"zrevrank", "z", ""}),
            ":0\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "a"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrank", "nokey", "a"}),
            "_\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "missing"}),
            "_\r\n");
  EXPECT_EQ(run({"zrank", "z"}),
            "-ERR wrong number of arguments for 'zrank' command\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "a", "b"}),
            "-ERR wrong number of arguments for 'zrevrank' command\r\n");
}

// zrem edge cases
TEST_F(ZsetCommandsRecordedTest, ZremEdgeCases) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrem", "z", "a", "a", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrem", "z", "x", "y"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrem", "z", "b", "c", "d"}),
            ":2\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", bin("a\000")}),
            ":1\r\n");
  EXPECT_EQ(run({"zrem", "z", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zrem", "z", bin("a\000")}),
            ":1\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
}

// zremrangebyrank edge cases
TEST_F(ZsetCommandsRecordedTest, ZremrangebyrankEdgeCases) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "-100", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "-1", "100"}),
            ":1\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "2", "1"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "9223372036854775807", "-9223372036854775808"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0", "9223372036854775808"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "1", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*2\r\n$1\r\nb\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "-2", "-1"}),
            ":2\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0"}),
            "-ERR wrong number of arguments for 'zremrangebyrank' command\r\n");
}

// zremrangebyscore and zremrangebylex edge cases
TEST_F(ZsetCommandsRecordedTest, ZremrangebyscoreAndZremrangebylexEdgeCases) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "(1", "(2"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "(5", "+inf"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "5", "1"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", " 3", "3"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1"}),
            "*3\r\n$1\r\nb\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zadd", "l", "0", "a", "0", "b", "0", "c", "0", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zremrangebylex", "l", "(a", "(b"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebylex", "l", "[d", "+"}),
            ":1\r\n");
  EXPECT_EQ(run({"zremrangebylex", "l", "+", "-"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebylex", "l", "[", "(b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "l", "0", "-1"}),
            "*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
  EXPECT_EQ(run({"zremrangebylex", "l", "-", "+"}),
            ":2\r\n");
  EXPECT_EQ(run({"exists", "l"}),
            ":0\r\n");
  EXPECT_EQ(run({"zremrangebylex", "l", "[a"}),
            "-ERR wrong number of arguments for 'zremrangebylex' command\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "l", "1"}),
            "-ERR wrong number of arguments for 'zremrangebyscore' command\r\n");
}

// a skiplist keeps -0 and a listpack stores 0
TEST_F(ZsetCommandsRecordedTest, ASkiplistKeeps0AndAListpackStores0) {
  EXPECT_EQ(run({"zadd",
                 "sk",
                 "0",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "sk", "-0", "a", "1", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrem",
                 "sk",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "sk"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zscore", "sk", "a"}),
            "$2\r\n-0\r\n");
  EXPECT_EQ(run({"zadd", "sk", "0", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zscore", "sk", "a"}),
            "$2\r\n-0\r\n");
  EXPECT_EQ(run({"zrange", "sk", "0", "-1", "withscores"}),
            "*4\r\n$1\r\na\r\n$2\r\n-0\r\n$1\r\nb\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zrangebyscore", "sk", "-0", "0", "withscores"}),
            "*2\r\n$1\r\na\r\n$2\r\n-0\r\n");
  EXPECT_EQ(run({"zincrby", "sk", "0", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zadd", "sk", "-0", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zscore", "sk", "a"}),
            "$2\r\n-0\r\n");
  EXPECT_EQ(run({"zadd", "lp", "-0", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "lp"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zscore", "lp", "a"}),
            "$1\r\n0\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "sk", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "dst", "a"}),
            "$1\r\n0\r\n");
}

// a skiplist keeps -0 and a listpack stores 0 (RESP3)
TEST_F(ZsetCommandsRecordedTest, ASkiplistKeeps0AndAListpackStores0Resp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd",
                 "sk",
                 "0",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "sk", "-0", "a", "1", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrem",
                 "sk",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "sk"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zscore", "sk", "a"}),
            ",-0\r\n");
  EXPECT_EQ(run({"zadd", "sk", "0", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zscore", "sk", "a"}),
            ",-0\r\n");
  EXPECT_EQ(run({"zrange", "sk", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\na\r\n,-0\r\n*2\r\n$1\r\nb\r\n,1\r\n");
  EXPECT_EQ(run({"zrangebyscore", "sk", "-0", "0", "withscores"}),
            "*1\r\n*2\r\n$1\r\na\r\n,-0\r\n");
  EXPECT_EQ(run({"zincrby", "sk", "0", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zadd", "sk", "-0", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zscore", "sk", "a"}),
            ",-0\r\n");
  EXPECT_EQ(run({"zadd", "lp", "-0", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "lp"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zscore", "lp", "a"}),
            ",0\r\n");
  EXPECT_EQ(run({"zrangestore", "dst", "sk", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zscore", "dst", "a"}),
            ",0\r\n");
}

// zrangestore of a skiplist source gets the encoding of its result
TEST_F(ZsetCommandsRecordedTest, ZrangestoreOfASkiplistSourceGetsTheEncodingOfItsResult) {
  EXPECT_EQ(run({"zadd",
                 "src",
                 "1",
                 "a",
                 "2",
                 "b",
                 "3",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":3\r\n");
  EXPECT_EQ(run({"object", "encoding", "src"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrangestore", "small", "src", "0", "1"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "small"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrangestore", "long", "src", "1", "2"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "long"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd", "sk", "-0", "z"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrangestore", "neg", "src", "-inf", "0", "byscore"}),
            ":0\r\n");
  EXPECT_EQ(run({"object", "encoding", "neg"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zrange", "neg", "0", "-1", "withscores"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangestore", "neglong", "src", "-inf", "+inf", "byscore"}),
            ":3\r\n");
  EXPECT_EQ(run({"object", "encoding", "neglong"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "neglong", "0", "-1", "withscores"}),
            "*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$65\r\n"
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n$1\r\n3\r\n");
}

// zrangestore of a skiplist source gets the encoding of its result (RESP3)
TEST_F(ZsetCommandsRecordedTest, ZrangestoreOfASkiplistSourceGetsTheEncodingOfItsResultResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd",
                 "src",
                 "1",
                 "a",
                 "2",
                 "b",
                 "3",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":3\r\n");
  EXPECT_EQ(run({"object", "encoding", "src"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrangestore", "small", "src", "0", "1"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "small"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrangestore", "long", "src", "1", "2"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "long"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd", "sk", "-0", "z"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrangestore", "neg", "src", "-inf", "0", "byscore"}),
            ":0\r\n");
  EXPECT_EQ(run({"object", "encoding", "neg"}),
            "_\r\n");
  EXPECT_EQ(run({"zrange", "neg", "0", "-1", "withscores"}),
            "*0\r\n");
  EXPECT_EQ(run({"zrangestore", "neglong", "src", "-inf", "+inf", "byscore"}),
            ":3\r\n");
  EXPECT_EQ(run({"object", "encoding", "neglong"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "neglong", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$65\r\n"
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n,3\r\n");
}

// a member longer than 64 bytes makes a skiplist
TEST_F(ZsetCommandsRecordedTest, AMemberLongerThan64BytesMakesASkiplist) {
  EXPECT_EQ(run({"zadd",
                 "z",
                 "1",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd", "z2", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z2"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zadd",
                 "z2",
                 "xx",
                 "2",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":0\r\n");
  EXPECT_EQ(run({"object", "encoding", "z2"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zadd",
                 "z2",
                 "2",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z2"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd",
                 "z3",
                 "1",
                 "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z3"}),
            "$8\r\nlistpack\r\n");
}

// commands on a skiplist
TEST_F(ZsetCommandsRecordedTest, CommandsOnASkiplist) {
  EXPECT_EQ(run({"zadd",
                 "z",
                 "100",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                 "1",
                 "a",
                 "2",
                 "b",
                 "3",
                 "c",
                 "4",
                 "d",
                 "5",
                 "e",
                 "0",
                 "aa",
                 "0",
                 "ab"}),
            ":8\r\n");
  EXPECT_EQ(run({"zrem", "z", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*14\r\n$2\r\naa\r\n$1\r\n0\r\n$2\r\nab\r\n$1\r\n0\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\n"
            "b\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\ne\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "3", "rev"}),
            "*3\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "(1", "4", "withscores"}),
            "*6\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "4", "(1", "limit", "1", "2"}),
            "*2\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "(aa", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrange", "z", "-", "[ab", "bylex"}),
            "*3\r\n$2\r\naa\r\n$2\r\nab\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zcount", "z", "0", "3"}),
            ":5\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "(b"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrank", "z", "c"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "c"}),
            ":2\r\n");
  EXPECT_EQ(run({"zscore", "z", "d"}),
            "$1\r\n4\r\n");
  EXPECT_EQ(run({"zmscore", "z", "a", "nope", "e"}),
            "*3\r\n$1\r\n1\r\n$-1\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "ch", "10", "a", "0", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "1", "c"}),
            "$1\r\n4\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*14\r\n$2\r\naa\r\n$1\r\n0\r\n$2\r\nab\r\n$1\r\n0\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\n"
            "c\r\n$1\r\n4\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\ne\r\n$1\r\n5\r\n$1\r\na\r\n$2\r\n"
            "10\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "4", "5"}),
            ":3\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "-", "[ab"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zrem", "z", "c", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":1\r\n");
}

// commands on a skiplist (RESP3)
TEST_F(ZsetCommandsRecordedTest, CommandsOnASkiplistResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd",
                 "z",
                 "100",
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                 "1",
                 "a",
                 "2",
                 "b",
                 "3",
                 "c",
                 "4",
                 "d",
                 "5",
                 "e",
                 "0",
                 "aa",
                 "0",
                 "ab"}),
            ":8\r\n");
  EXPECT_EQ(run({"zrem", "z", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*7\r\n*2\r\n$2\r\naa\r\n,0\r\n*2\r\n$2\r\nab\r\n,0\r\n*2\r\n$1\r\na\r\n,1\r\n"
            "*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n*2\r\n$1\r\n"
            "e\r\n,5\r\n");
  EXPECT_EQ(run({"zrange", "z", "1", "3", "rev"}),
            "*3\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "(1", "4", "withscores"}),
            "*3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "4", "(1", "limit", "1", "2"}),
            "*2\r\n$1\r\nc\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "(aa", "bylex"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrange", "z", "-", "[ab", "bylex"}),
            "*3\r\n$2\r\naa\r\n$2\r\nab\r\n$1\r\na\r\n");
  EXPECT_EQ(run({"zcount", "z", "0", "3"}),
            ":5\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "(b"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrank", "z", "c"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "c"}),
            ":2\r\n");
  EXPECT_EQ(run({"zscore", "z", "d"}),
            ",4\r\n");
  EXPECT_EQ(run({"zmscore", "z", "a", "nope", "e"}),
            "*3\r\n,1\r\n_\r\n,5\r\n");
  EXPECT_EQ(run({"zadd", "z", "gt", "ch", "10", "a", "0", "b"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "z", "incr", "1", "c"}),
            ",4\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*7\r\n*2\r\n$2\r\naa\r\n,0\r\n*2\r\n$2\r\nab\r\n,0\r\n*2\r\n$1\r\nb\r\n,2\r\n"
            "*2\r\n$1\r\nc\r\n,4\r\n*2\r\n$1\r\nd\r\n,4\r\n*2\r\n$1\r\ne\r\n,5\r\n*2\r\n$1\r\n"
            "a\r\n,10\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "4", "5"}),
            ":3\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "-", "[ab"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\na\r\n,10\r\n");
  EXPECT_EQ(run({"zrem", "z", "c", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":1\r\n");
}

// arity errors
TEST_F(ZsetCommandsRecordedTest, ArityErrors) {
  EXPECT_EQ(run({"zincrby", "z", "1"}),
            "-ERR wrong number of arguments for 'zincrby' command\r\n");
  EXPECT_EQ(run({"zscore", "z"}),
            "-ERR wrong number of arguments for 'zscore' command\r\n");
  EXPECT_EQ(run({"zmscore", "z"}),
            "-ERR wrong number of arguments for 'zmscore' command\r\n");
  EXPECT_EQ(run({"zcard"}),
            "-ERR wrong number of arguments for 'zcard' command\r\n");
  EXPECT_EQ(run({"zcard", "z", "z"}),
            "-ERR wrong number of arguments for 'zcard' command\r\n");
  EXPECT_EQ(run({"zcount", "z", "0"}),
            "-ERR wrong number of arguments for 'zcount' command\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-"}),
            "-ERR wrong number of arguments for 'zlexcount' command\r\n");
  EXPECT_EQ(run({"zrange", "z", "0"}),
            "-ERR wrong number of arguments for 'zrange' command\r\n");
  EXPECT_EQ(run({"zrangestore", "d", "s", "0"}),
            "-ERR wrong number of arguments for 'zrangestore' command\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "0"}),
            "-ERR wrong number of arguments for 'zrangebyscore' command\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "0"}),
            "-ERR wrong number of arguments for 'zrevrangebyscore' command\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "-"}),
            "-ERR wrong number of arguments for 'zrangebylex' command\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "+"}),
            "-ERR wrong number of arguments for 'zrevrangebylex' command\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0"}),
            "-ERR wrong number of arguments for 'zrevrange' command\r\n");
  EXPECT_EQ(run({"zrank", "z"}),
            "-ERR wrong number of arguments for 'zrank' command\r\n");
  EXPECT_EQ(run({"zrevrank", "z"}),
            "-ERR wrong number of arguments for 'zrevrank' command\r\n");
  EXPECT_EQ(run({"zrem", "z"}),
            "-ERR wrong number of arguments for 'zrem' command\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0"}),
            "-ERR wrong number of arguments for 'zremrangebyrank' command\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "0"}),
            "-ERR wrong number of arguments for 'zremrangebyscore' command\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "-"}),
            "-ERR wrong number of arguments for 'zremrangebylex' command\r\n");
}


// ---- Hand-written: encoding limits, large sets, the typed API.

class ZsetCommandsTest : public FamilyTest {
 protected:
  // ZADD key with members m<first> .. m<first+n-1> scored by their number, one command.
  std::string zadd_range(std::string_view key, int first, int n) {
    std::vector<std::string> argv{"zadd", std::string(key)};
    for (int i = first; i < first + n; ++i) {
      argv.push_back(std::to_string(i));
      argv.push_back("m" + std::to_string(i));
    }
    return run(argv);
  }
  std::string encoding(std::string_view key) { return run({"object", "encoding", key}); }
};

constexpr std::string_view kListpack = "$8\r\nlistpack\r\n";
constexpr std::string_view kSkiplist = "$8\r\nskiplist\r\n";

// Recorded: 128 members stay a listpack, the 129th converts; never back.
TEST_F(ZsetCommandsTest, ListpackConvertsPast128Entries) {
  EXPECT_EQ(zadd_range("z", 1, 128), ":128\r\n");
  EXPECT_EQ(encoding("z"), kListpack);
  EXPECT_EQ(run({"zadd", "z", "1", "m1"}), ":0\r\n");
  EXPECT_EQ(encoding("z"), kListpack);
  EXPECT_EQ(run({"zadd", "z", "129", "m129"}), ":1\r\n");
  EXPECT_EQ(encoding("z"), kSkiplist);
  EXPECT_EQ(run({"zremrangebyrank", "z", "1", "-1"}), ":128\r\n");
  EXPECT_EQ(encoding("z"), kSkiplist);
  EXPECT_EQ(run({"zrange", "z", "0", "-1", "withscores"}), "*2\r\n$2\r\nm1\r\n$1\r\n1\r\n");
  EXPECT_EQ(zadd_range("big", 1, 129), ":129\r\n");
  EXPECT_EQ(encoding("big"), kSkiplist);
}

// Recorded: ZRANGESTORE picks the encoding of its result's size and longest member.
TEST_F(ZsetCommandsTest, ZrangestoreResultEncoding) {
  zadd_range("big", 1, 200);
  EXPECT_EQ(run({"zrangestore", "d", "big", "0", "127"}), ":128\r\n");
  EXPECT_EQ(encoding("d"), kListpack);
  EXPECT_EQ(run({"zrangestore", "d", "big", "0", "128"}), ":129\r\n");
  EXPECT_EQ(encoding("d"), kSkiplist);
  EXPECT_EQ(run({"zrangestore", "d", "big", "-inf", "128", "byscore"}), ":128\r\n");
  EXPECT_EQ(encoding("d"), kListpack);
  EXPECT_EQ(run({"zrangestore", "d", "big", "(0", "+inf", "byscore", "limit", "10", "150"}),
            ":150\r\n");
  EXPECT_EQ(encoding("d"), kSkiplist);
  EXPECT_EQ(run({"zrange", "d", "0", "0"}), "*1\r\n$3\r\nm11\r\n");
  EXPECT_EQ(run({"zrange", "d", "-1", "-1"}), "*1\r\n$4\r\nm160\r\n");
}

// Recorded from redis-server 7.0.15: a range of at most zset-max-listpack-entries members
// starts as a listpack even when a member is too long for it (Redis gives zsetTypeCreate no
// length hint), so a -0 score copied before the long member is stored as 0; one copied after
// the conversion (REV: the long member comes first) keeps its sign.
TEST_F(ZsetCommandsTest, ZrangestoreDropsTheSignOfZeroCopiedBeforeTheConversion) {
  const std::string long_member(65, 'x');
  EXPECT_EQ(run({"zadd", "s", "2", long_member, "-0", "a"}), ":2\r\n");
  EXPECT_EQ(run({"zscore", "s", "a"}), "$2\r\n-0\r\n");
  EXPECT_EQ(run({"zrangestore", "d", "s", "0", "-1"}), ":2\r\n");
  EXPECT_EQ(encoding("d"), kSkiplist);
  EXPECT_EQ(run({"zscore", "d", "a"}), "$1\r\n0\r\n");
  EXPECT_EQ(run({"zrangestore", "d2", "s", "-inf", "+inf", "byscore"}), ":2\r\n");
  EXPECT_EQ(run({"zscore", "d2", "a"}), "$1\r\n0\r\n");
  EXPECT_EQ(run({"zrangestore", "d3", "s", "0", "-1", "rev"}), ":2\r\n");
  EXPECT_EQ(run({"zscore", "d3", "a"}), "$2\r\n-0\r\n");
}

// Large sets: every range command agrees with the obvious model on a skiplist.
TEST_F(ZsetCommandsTest, RangesOnALargeSkiplist) {
  zadd_range("z", 0, 1000);
  EXPECT_EQ(encoding("z"), kSkiplist);
  EXPECT_EQ(run({"zcount", "z", "(100", "200"}), ":100\r\n");
  EXPECT_EQ(run({"zrank", "z", "m500"}), ":500\r\n");
  EXPECT_EQ(run({"zrevrank", "z", "m500"}), ":499\r\n");
  EXPECT_EQ(run({"zrange", "z", "500", "501"}), "*2\r\n$4\r\nm500\r\n$4\r\nm501\r\n");
  EXPECT_EQ(run({"zrevrange", "z", "0", "1"}), "*2\r\n$4\r\nm999\r\n$4\r\nm998\r\n");
  EXPECT_EQ(run({"zrangebyscore", "z", "(997", "+inf"}), "*2\r\n$4\r\nm998\r\n$4\r\nm999\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "z", "+inf", "-inf", "limit", "998", "5"}),
            "*2\r\n$2\r\nm1\r\n$2\r\nm0\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "100", "(900"}), ":800\r\n");
  EXPECT_EQ(run({"zcard", "z"}), ":200\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0", "98"}), ":99\r\n");
  EXPECT_EQ(run({"zrange", "z", "0", "1"}), "*2\r\n$3\r\nm99\r\n$4\r\nm900\r\n");
  EXPECT_EQ(run({"zrem", "z", "m99", "m900"}), ":2\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0", "-1"}), ":99\r\n");
  EXPECT_EQ(run({"exists", "z"}), ":0\r\n");
}

TEST_F(ZsetCommandsTest, LexRangesOnALargeSkiplist) {
  std::vector<std::string> argv{"zadd", "z"};
  for (int i = 0; i < 1000; ++i) {
    char member[8];
    std::snprintf(member, sizeof member, "%04d", i);
    argv.push_back("0");
    argv.push_back(member);
  }
  EXPECT_EQ(run(argv), ":1000\r\n");
  EXPECT_EQ(encoding("z"), kSkiplist);
  EXPECT_EQ(run({"zlexcount", "z", "[0100", "(0200"}), ":100\r\n");
  EXPECT_EQ(run({"zrangebylex", "z", "(0997", "+"}), "*2\r\n$4\r\n0998\r\n$4\r\n0999\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "z", "(0002", "-"}), "*2\r\n$4\r\n0001\r\n$4\r\n0000\r\n");
  EXPECT_EQ(run({"zrange", "z", "[05", "-", "bylex", "rev", "limit", "0", "1"}),
            "*1\r\n$4\r\n0499\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "[0100", "(0900"}), ":800\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-", "+"}), ":200\r\n");
}

// Recorded with CONFIG SET zset-max-listpack-entries / -value.
TEST_F(ZsetCommandsTest, ConfigurableListpackLimits) {
  auto clock = std::make_shared<ManualClock>(1700000000000);
  Options opts;
  opts.zset_max_listpack_entries = 2;
  opts.zset_max_listpack_value = 2;
  Store store = std::move(Store::open(opts.with_clock(clock)).value());
  Session session;
  auto run_on = [&](std::initializer_list<std::string_view> argv) {
    return store.execute_resp(std::span<const std::string_view>(argv.begin(), argv.size()),
                              session);
  };
  EXPECT_EQ(run_on({"zadd", "b", "1", "x", "2", "y"}), ":2\r\n");
  EXPECT_EQ(run_on({"object", "encoding", "b"}), kListpack);
  EXPECT_EQ(run_on({"zadd", "b", "3", "z"}), ":1\r\n");
  EXPECT_EQ(run_on({"object", "encoding", "b"}), kSkiplist);
  EXPECT_EQ(run_on({"zrangestore", "d", "b", "0", "1"}), ":2\r\n");
  EXPECT_EQ(run_on({"object", "encoding", "d"}), kListpack);
  EXPECT_EQ(run_on({"zrangestore", "d", "b", "-inf", "+inf", "byscore"}), ":3\r\n");
  EXPECT_EQ(run_on({"object", "encoding", "d"}), kSkiplist);
  EXPECT_EQ(run_on({"zadd", "f", "1", "abc"}), ":1\r\n");
  EXPECT_EQ(run_on({"object", "encoding", "f"}), kSkiplist);
  EXPECT_EQ(run_on({"zadd", "g", "1", "ab"}), ":1\r\n");
  EXPECT_EQ(run_on({"object", "encoding", "g"}), kListpack);
  EXPECT_EQ(run_on({"zadd", "g", "2", "abc"}), ":1\r\n");
  EXPECT_EQ(run_on({"object", "encoding", "g"}), kSkiplist);

  Options none;
  none.zset_max_listpack_entries = 0;
  Store store0 = std::move(Store::open(none.with_clock(clock)).value());
  std::vector<std::string_view> argv{"zadd", "a", "1", "x"};
  EXPECT_EQ(store0.execute_resp(argv, session), ":1\r\n");
  argv = {"object", "encoding", "a"};
  EXPECT_EQ(store0.execute_resp(argv, session), kSkiplist);
}

TEST_F(ZsetCommandsTest, TypedApi) {
  using Items = std::vector<std::pair<double, std::string_view>>;
  using Pairs = std::vector<std::pair<std::string, double>>;
  auto added = store_.zadd("z", Items{{3, "c"}, {1, "a"}, {2, "b"}, {5, "a"}});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(*added, 3);
  EXPECT_EQ(*store_.zadd("z", Items{{1, "a"}, {4, "d"}}), 1);
  EXPECT_EQ(*store_.zcard("z"), 4);
  EXPECT_EQ(*store_.zcard("nokey"), 0);
  EXPECT_EQ(*store_.zscore("z", "a"), std::optional<double>(1));
  EXPECT_EQ(*store_.zscore("z", "x"), std::nullopt);
  EXPECT_EQ(*store_.zscore("nokey", "x"), std::nullopt);
  EXPECT_EQ(*store_.zrange("z", 0, -1), (Pairs{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}}));
  EXPECT_EQ(*store_.zrange("z", -2, 100), (Pairs{{"c", 3}, {"d", 4}}));
  EXPECT_EQ(*store_.zrange("z", 3, 1), Pairs{});
  EXPECT_EQ(*store_.zrange("nokey", 0, -1), Pairs{});
  EXPECT_EQ(*store_.zrange_by_score("z", 2, 3), (Pairs{{"b", 2}, {"c", 3}}));
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(store_.zrange_by_score("z", -inf, inf)->size(), 4u);
  EXPECT_EQ(*store_.zrange_by_score("z", 3, 2), Pairs{});
  EXPECT_EQ(*store_.zrange_by_score("nokey", 0, 1), Pairs{});
  // Shared with execute.
  EXPECT_EQ(run({"zscore", "z", "d"}), "$1\r\n4\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}), kListpack);
  std::vector<std::string_view> rem{"a", "x", "a"};
  EXPECT_EQ(*store_.zrem("z", rem), 1);
  EXPECT_EQ(*store_.zrem("nokey", rem), 0);
  rem = {"b", "c", "d"};
  EXPECT_EQ(*store_.zrem("z", rem), 3);
  EXPECT_EQ(run({"exists", "z"}), ":0\r\n");
  // Binary members; a long one makes a skiplist that keeps -0.
  const std::string long_member(65, 'x');
  EXPECT_EQ(*store_.zadd("b", Items{{-0.0, long_member}, {1, bin("a\x00b")}}), 2);
  EXPECT_EQ(run({"object", "encoding", "b"}), kSkiplist);
  EXPECT_EQ(run({"zscore", "b", long_member}), "$2\r\n-0\r\n");
  EXPECT_TRUE(std::signbit(**store_.zscore("b", long_member)));
  EXPECT_EQ(run({"zrank", "b", bin("a\x00b")}), ":1\r\n");
  // Errors.
  run({"set", "str", "x"});
  const std::string wrongtype = "WRONGTYPE Operation against a key holding the wrong kind of value";
  EXPECT_EQ(store_.zadd("str", Items{{1, "a"}}).status().message(), wrongtype);
  EXPECT_EQ(store_.zscore("str", "a").status().message(), wrongtype);
  EXPECT_EQ(store_.zrem("str", rem).status().message(), wrongtype);
  EXPECT_EQ(store_.zrange("str", 0, -1).status().message(), wrongtype);
  EXPECT_EQ(store_.zrange_by_score("str", 0, 1).status().message(), wrongtype);
  EXPECT_EQ(store_.zcard("str").status().message(), wrongtype);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(store_.zadd("n", Items{{1, "a"}, {nan, "b"}}).status().message(),
            "ERR value is not a valid float");
  EXPECT_EQ(run({"exists", "n"}), ":0\r\n");
  EXPECT_EQ(store_.zrange_by_score("z", nan, 1).status().message(),
            "ERR min or max is not a float");
  EXPECT_EQ(store_.zadd("k", Items{}).status().message(),
            "ERR wrong number of arguments for 'zadd' command");
  EXPECT_EQ(store_.zrem("k", std::vector<std::string_view>{}).status().message(),
            "ERR wrong number of arguments for 'zrem' command");
  // Other databases.
  EXPECT_EQ(*store_.zadd("z", Items{{1, "a"}}, 1), 1);
  EXPECT_EQ(*store_.zcard("z", 0), 0);
  EXPECT_EQ(*store_.zcard("z", 1), 1);
}

}  // namespace
}  // namespace kevy
