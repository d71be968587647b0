// Unit tests for the list family: commands through the Store's execute path, and the typed
// Store API. Every expected reply in the recorded cases was produced by redis-server 7.0.15
// (fresh db per case, RESP2 unless the test switches to RESP3).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "test_support/family_test.h"

namespace kevy {
namespace {

using namespace std::literals;

class ListsTest : public FamilyTest {};

// ---- Recorded from the oracle

TEST_F(ListsTest, PushAndLength) {
  EXPECT_EQ(run({"lpush"sv, "l"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "l"sv, "d"sv, "e"sv}),
            ":5\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*5\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nd\r\n$1\r\ne\r\n"sv);
  EXPECT_EQ(run({"llen"sv, "l"sv}),
            ":5\r\n"sv);
  EXPECT_EQ(run({"llen"sv, "missing"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lpushx"sv, "missing"sv, "a"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"rpushx"sv, "missing"sv, "a"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "missing"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lpushx"sv, "l"sv, "x"sv, "y"sv}),
            ":7\r\n"sv);
  EXPECT_EQ(run({"rpushx"sv, "l"sv, "z"sv}),
            ":8\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*8\r\n$1\r\ny\r\n$1\r\nx\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nd\r\n$1\r\ne\r\n$1\r\nz\r\n"sv);
  EXPECT_EQ(run({"type"sv, "l"sv}),
            "+list\r\n"sv);
  EXPECT_EQ(run({"object"sv, "encoding"sv, "l"sv}),
            "$9\r\nquicklist\r\n"sv);
}

TEST_F(ListsTest, PushErrors) {
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lpush"sv, "s"sv, "a"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "s"sv, "a"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lpushx"sv, "s"sv, "a"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"rpushx"sv, "s"sv, "a"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"llen"sv, "s"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lpush"sv}),
            "-ERR wrong number of arguments for 'lpush' command\r\n"sv);
  EXPECT_EQ(run({"lpush"sv, "k"sv}),
            "-ERR wrong number of arguments for 'lpush' command\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "k"sv}),
            "-ERR wrong number of arguments for 'rpush' command\r\n"sv);
  EXPECT_EQ(run({"lpushx"sv, "k"sv}),
            "-ERR wrong number of arguments for 'lpushx' command\r\n"sv);
  EXPECT_EQ(run({"rpushx"sv, "k"sv}),
            "-ERR wrong number of arguments for 'rpushx' command\r\n"sv);
  EXPECT_EQ(run({"llen"sv}),
            "-ERR wrong number of arguments for 'llen' command\r\n"sv);
  EXPECT_EQ(run({"llen"sv, "a"sv, "b"sv}),
            "-ERR wrong number of arguments for 'llen' command\r\n"sv);
}

TEST_F(ListsTest, BinaryAndEmptyElements) {
  EXPECT_EQ(run({"rpush"sv, "k\000ey"sv, "a\000b"sv, ""sv, "\000"sv, "\r\n"sv}),
            ":4\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "k\000ey"sv, "0"sv, "-1"sv}),
            "*4\r\n$3\r\na\000b\r\n$0\r\n\r\n$1\r\n\000\r\n$2\r\n\r\n\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "k\000ey"sv, "1"sv}),
            "$0\r\n\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "k\000ey"sv, ""sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "k\000ey"sv, "a\000b"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "k\000ey"sv, "a"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "k\000ey"sv, "0"sv, ""sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "k\000ey"sv, "0"sv, "-1"sv}),
            "*3\r\n$3\r\na\000b\r\n$1\r\n\000\r\n$2\r\n\r\n\r\n"sv);
  EXPECT_EQ(run({"lpush"sv, ""sv, ""sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, ""sv, "0"sv, "-1"sv}),
            "*1\r\n$0\r\n\r\n"sv);
}

TEST_F(ListsTest, Lrange) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv, "d"sv, "e"sv}),
            ":5\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "0"sv}),
            "*1\r\n$1\r\na\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "-2"sv, "-1"sv}),
            "*2\r\n$1\r\nd\r\n$1\r\ne\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "1"sv, "-2"sv}),
            "*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "-100"sv, "100"sv}),
            "*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "3"sv, "1"sv}),
            "*0\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "5"sv, "10"sv}),
            "*0\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "-1"sv, "-5"sv}),
            "*0\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "-9223372036854775808"sv, "9223372036854775807"sv}),
            "*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "9223372036854775807"sv, "-9223372036854775808"sv}),
            "*0\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "x"sv, "1"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "1"sv, "x"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "9223372036854775808"sv, "1"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "missing"sv, "0"sv, "-1"sv}),
            "*0\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "missing"sv, "x"sv, "0"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "s"sv, "0"sv, "-1"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "s"sv, "x"sv, "0"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv}),
            "-ERR wrong number of arguments for 'lrange' command\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "1"sv, "2"sv}),
            "-ERR wrong number of arguments for 'lrange' command\r\n"sv);
}

TEST_F(ListsTest, Lindex) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "l"sv, "0"sv}),
            "$1\r\na\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "l"sv, "-1"sv}),
            "$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "l"sv, "-3"sv}),
            "$1\r\na\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "l"sv, "-4"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "l"sv, "3"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "l"sv, "9223372036854775807"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "l"sv, "-9223372036854775808"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "l"sv, "x"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "missing"sv, "x"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "missing"sv, "0"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "s"sv, "0"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "s"sv, "x"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lindex"sv, "l"sv}),
            "-ERR wrong number of arguments for 'lindex' command\r\n"sv);
}

TEST_F(ListsTest, Lset) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "l"sv, "0"sv, "A"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "l"sv, "-1"sv, "C"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "l"sv, "1"sv, ""sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*3\r\n$1\r\nA\r\n$0\r\n\r\n$1\r\nC\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "l"sv, "3"sv, "x"sv}),
            "-ERR index out of range\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "l"sv, "-4"sv, "x"sv}),
            "-ERR index out of range\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "l"sv, "x"sv, "x"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "missing"sv, "0"sv, "x"sv}),
            "-ERR no such key\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "missing"sv, "x"sv, "x"sv}),
            "-ERR no such key\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "s"sv, "0"sv, "x"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "s"sv, "x"sv, "x"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lset"sv, "l"sv, "0"sv}),
            "-ERR wrong number of arguments for 'lset' command\r\n"sv);
}

TEST_F(ListsTest, PopSingle) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv}),
            "$1\r\na\r\n"sv);
  EXPECT_EQ(run({"rpop"sv, "l"sv}),
            "$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv}),
            "$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "l"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"rpop"sv, "missing"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "s"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"rpop"sv, "s"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lpop"sv}),
            "-ERR wrong number of arguments for 'lpop' command\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "1"sv, "2"sv}),
            "-ERR wrong number of arguments for 'lpop' command\r\n"sv);
}

TEST_F(ListsTest, PopCount) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv, "d"sv, "e"sv}),
            ":5\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "0"sv}),
            "*0\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "2"sv}),
            "*2\r\n$1\r\na\r\n$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"rpop"sv, "l"sv, "2"sv}),
            "*2\r\n$1\r\ne\r\n$1\r\nd\r\n"sv);
  EXPECT_EQ(run({"rpop"sv, "l"sv, "10"sv}),
            "*1\r\n$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "l"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "1"sv}),
            "*-1\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "0"sv}),
            "*-1\r\n"sv);
  EXPECT_EQ(run({"rpop"sv, "missing"sv, "3"sv}),
            "*-1\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "-1"sv}),
            "-ERR value is out of range, must be positive\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "x"sv}),
            "-ERR value is out of range, must be positive\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "missing"sv, "x"sv}),
            "-ERR value is out of range, must be positive\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "9223372036854775808"sv}),
            "-ERR value is out of range, must be positive\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "s"sv, "1"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "s"sv, "x"sv}),
            "-ERR value is out of range, must be positive\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"rpop"sv, "l"sv, "9223372036854775807"sv}),
            "*1\r\n$1\r\na\r\n"sv);
}

TEST_F(ListsTest, PopCountResp3) {
  use_resp3();
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "0"sv}),
            "*0\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "2"sv}),
            "*2\r\n$1\r\na\r\n$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"rpop"sv, "l"sv}),
            "$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv, "1"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "missing"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"rpop"sv, "missing"sv, "2"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "missing"sv, "0"sv}),
            "_\r\n"sv);
}

TEST_F(ListsTest, Linsert) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "l"sv, "before"sv, "b"sv, "x"sv}),
            ":4\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "l"sv, "AFTER"sv, "c"sv, "y"sv}),
            ":5\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "l"sv, "Before"sv, "a"sv, "z"sv}),
            ":6\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "l"sv, "after"sv, "nope"sv, "w"sv}),
            ":-1\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*6\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nx\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\ny\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "missing"sv, "before"sv, "a"sv, "x"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "missing"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "l"sv, "middle"sv, "a"sv, "x"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "missing"sv, "middle"sv, "a"sv, "x"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "s"sv, "before"sv, "a"sv, "x"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "s"sv, "middle"sv, "a"sv, "x"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"linsert"sv, "l"sv, "before"sv, "a"sv}),
            "-ERR wrong number of arguments for 'linsert' command\r\n"sv);
}

TEST_F(ListsTest, Lrem) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "a"sv, "c"sv, "a"sv, "b"sv}),
            ":6\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "l"sv, "1"sv, "a"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*5\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "l"sv, "-1"sv, "b"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*4\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\na\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "l"sv, "0"sv, "a"sv}),
            ":2\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*2\r\n$1\r\nb\r\n$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "l"sv, "0"sv, "zz"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "l"sv, "5"sv, "c"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "l"sv, "0"sv, "b"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "l"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "missing"sv, "0"sv, "a"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "missing"sv, "x"sv, "a"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "l"sv, "x"sv, "x"sv, "x"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "l"sv, "-9223372036854775808"sv, "x"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "l"sv, "x"sv, "a"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "s"sv, "0"sv, "a"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "s"sv, "x"sv, "a"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"lrem"sv, "l"sv, "0"sv}),
            "-ERR wrong number of arguments for 'lrem' command\r\n"sv);
}

TEST_F(ListsTest, Ltrim) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv, "d"sv, "e"sv, "f"sv}),
            ":6\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "l"sv, "1"sv, "-2"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "l"sv, "-100"sv, "100"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "l"sv, "1"sv, "1"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "l"sv, "0"sv, "-1"sv}),
            "*1\r\n$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "l"sv, "2"sv, "1"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "l"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "missing"sv, "0"sv, "1"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "missing"sv, "x"sv, "1"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "l"sv, "-1"sv, "-2"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "l"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "l"sv, "5"sv, "10"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "l"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "l"sv, "0"sv, "x"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "s"sv, "0"sv, "1"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "s"sv, "x"sv, "1"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"ltrim"sv, "l"sv, "0"sv}),
            "-ERR wrong number of arguments for 'ltrim' command\r\n"sv);
}

TEST_F(ListsTest, Lpos) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "c"sv, "a"sv, "b"sv, "c"sv, "a"sv}),
            ":7\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "c"sv}),
            ":2\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "zz"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "2"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "-1"sv}),
            ":6\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "-2"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "4"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "-9223372036854775808"sv}),
            ":6\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "9223372036854775807"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "count"sv, "0"sv}),
            "*3\r\n:0\r\n:3\r\n:6\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "count"sv, "2"sv}),
            "*2\r\n:0\r\n:3\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "count"sv, "0"sv, "rank"sv, "-1"sv}),
            "*3\r\n:6\r\n:3\r\n:0\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "2"sv, "count"sv, "0"sv}),
            "*2\r\n:3\r\n:6\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "maxlen"sv, "1"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "c"sv, "maxlen"sv, "2"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "c"sv, "maxlen"sv, "3"sv, "count"sv, "0"sv}),
            "*1\r\n:2\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "-1"sv, "maxlen"sv, "1"sv}),
            ":6\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "-1"sv, "maxlen"sv, "2"sv, "count"sv, "5"sv}),
            "*1\r\n:6\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "RANK"sv, "1"sv, "rank"sv, "3"sv}),
            ":6\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "COUNT"sv, "1"sv, "MaxLen"sv, "0"sv}),
            "*1\r\n:0\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "missing"sv, "a"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "missing"sv, "a"sv, "count"sv, "1"sv}),
            "*0\r\n"sv);
}

TEST_F(ListsTest, LposErrors) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv}),
            ":2\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "0"sv}),
            "-ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "x"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "count"sv, "-1"sv}),
            "-ERR COUNT can't be negative\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "count"sv, "x"sv}),
            "-ERR COUNT can't be negative\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "maxlen"sv, "-1"sv}),
            "-ERR MAXLEN can't be negative\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "maxlen"sv, "x"sv}),
            "-ERR MAXLEN can't be negative\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "foo"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "foo"sv, "rank"sv, "0"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "rank"sv, "0"sv, "foo"sv}),
            "-ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "missing"sv, "a"sv, "rank"sv, "0"sv}),
            "-ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "s"sv, "a"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "s"sv, "a"sv, "rank"sv, "0"sv}),
            "-ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv}),
            "-ERR wrong number of arguments for 'lpos' command\r\n"sv);
}

TEST_F(ListsTest, LposResp3) {
  use_resp3();
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv, "b"sv, "a"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "a"sv, "count"sv, "0"sv}),
            "*2\r\n:0\r\n:2\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "l"sv, "zz"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"lpos"sv, "missing"sv, "a"sv, "count"sv, "0"sv}),
            "*0\r\n"sv);
}

TEST_F(ListsTest, Rpoplpush) {
  EXPECT_EQ(run({"rpush"sv, "src"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"rpoplpush"sv, "src"sv, "dst"sv}),
            "$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"rpoplpush"sv, "src"sv, "dst"sv}),
            "$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "src"sv, "0"sv, "-1"sv}),
            "*1\r\n$1\r\na\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "dst"sv, "0"sv, "-1"sv}),
            "*2\r\n$1\r\nb\r\n$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"rpoplpush"sv, "src"sv, "dst"sv}),
            "$1\r\na\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "src"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "dst"sv, "0"sv, "-1"sv}),
            "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"rpoplpush"sv, "src"sv, "dst"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"rpoplpush"sv, "dst"sv, "dst"sv}),
            "$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "dst"sv, "0"sv, "-1"sv}),
            "*3\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"rpoplpush"sv, "s"sv, "dst"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"rpoplpush"sv, "dst"sv, "s"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "dst"sv, "0"sv, "-1"sv}),
            "*3\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"rpoplpush"sv, "missing"sv, "s"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"rpoplpush"sv, "src"sv}),
            "-ERR wrong number of arguments for 'rpoplpush' command\r\n"sv);
}

TEST_F(ListsTest, Lmove) {
  EXPECT_EQ(run({"rpush"sv, "src"sv, "a"sv, "b"sv, "c"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "src"sv, "dst"sv, "left"sv, "right"sv}),
            "$1\r\na\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "src"sv, "dst"sv, "RIGHT"sv, "LEFT"sv}),
            "$1\r\nc\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "src"sv, "dst"sv, "left"sv, "left"sv}),
            "$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "src"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "dst"sv, "0"sv, "-1"sv}),
            "*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\na\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "dst"sv, "dst"sv, "left"sv, "right"sv}),
            "$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "dst"sv, "0"sv, "-1"sv}),
            "*3\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "dst"sv, "dst"sv, "right"sv, "left"sv}),
            "$1\r\nb\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "dst"sv, "0"sv, "-1"sv}),
            "*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\na\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "one"sv, "x"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "one"sv, "one"sv, "left"sv, "left"sv}),
            "$1\r\nx\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "one"sv, "0"sv, "-1"sv}),
            "*1\r\n$1\r\nx\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "dst"sv, "dst"sv, "middle"sv, "left"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "missing"sv, "dst"sv, "left"sv, "middle"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "missing"sv, "dst"sv, "left"sv, "right"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "s"sv, "dst"sv, "left"sv, "left"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "dst"sv, "s"sv, "left"sv, "left"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "missing"sv, "s"sv, "left"sv, "left"sv}),
            "$-1\r\n"sv);
  EXPECT_EQ(run({"lmove"sv, "dst"sv, "dst"sv, "left"sv}),
            "-ERR wrong number of arguments for 'lmove' command\r\n"sv);
}

TEST_F(ListsTest, Lmpop) {
  EXPECT_EQ(run({"rpush"sv, "a"sv, "1"sv, "2"sv, "3"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "b"sv, "4"sv, "5"sv}),
            ":2\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "2"sv, "missing"sv, "a"sv, "left"sv}),
            "*2\r\n$1\r\na\r\n*1\r\n$1\r\n1\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "2"sv, "missing"sv, "a"sv, "right"sv, "count"sv, "5"sv}),
            "*2\r\n$1\r\na\r\n*2\r\n$1\r\n3\r\n$1\r\n2\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "a"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "2"sv, "a"sv, "b"sv, "LEFT"sv, "COUNT"sv, "1"sv}),
            "*2\r\n$1\r\nb\r\n*1\r\n$1\r\n4\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "b"sv, "left"sv, "count"sv, "9223372036854775807"sv}),
            "*2\r\n$1\r\nb\r\n*1\r\n$1\r\n5\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "2"sv, "a"sv, "b"sv, "left"sv}),
            "*-1\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "missing"sv, "right"sv}),
            "*-1\r\n"sv);
}

TEST_F(ListsTest, LmpopErrors) {
  EXPECT_EQ(run({"rpush"sv, "a"sv, "1"sv, "2"sv, "3"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "0"sv, "a"sv, "left"sv}),
            "-ERR numkeys should be greater than 0\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "-1"sv, "a"sv, "left"sv}),
            "-ERR numkeys should be greater than 0\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "x"sv, "a"sv, "left"sv}),
            "-ERR numkeys should be greater than 0\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "2"sv, "a"sv, "left"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "9223372036854775807"sv, "a"sv, "left"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv, "middle"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv, "left"sv, "count"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv, "left"sv, "count"sv, "0"sv}),
            "-ERR count should be greater than 0\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv, "left"sv, "count"sv, "-1"sv}),
            "-ERR count should be greater than 0\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv, "left"sv, "count"sv, "x"sv}),
            "-ERR count should be greater than 0\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv, "left"sv, "count"sv, "1"sv, "count"sv, "1"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv, "left"sv, "foo"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "2"sv, "missing"sv, "s"sv, "left"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "2"sv, "a"sv, "s"sv, "left"sv}),
            "*2\r\n$1\r\na\r\n*1\r\n$1\r\n1\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv}),
            "-ERR wrong number of arguments for 'lmpop' command\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv}),
            "-ERR wrong number of arguments for 'lmpop' command\r\n"sv);
}

TEST_F(ListsTest, LmpopResp3) {
  use_resp3();
  EXPECT_EQ(run({"rpush"sv, "a"sv, "1"sv, "2"sv, "3"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv, "left"sv, "count"sv, "2"sv}),
            "*2\r\n$1\r\na\r\n*2\r\n$1\r\n1\r\n$1\r\n2\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "missing"sv, "left"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"lmpop"sv, "1"sv, "a"sv, "right"sv}),
            "*2\r\n$1\r\na\r\n*1\r\n$1\r\n3\r\n"sv);
}

TEST_F(ListsTest, BlockingWithData) {
  EXPECT_EQ(run({"rpush"sv, "a"sv, "1"sv, "2"sv, "3"sv, "4"sv, "5"sv}),
            ":5\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "b"sv, "4"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "missing"sv, "a"sv, "0"sv}),
            "*2\r\n$1\r\na\r\n$1\r\n1\r\n"sv);
  EXPECT_EQ(run({"brpop"sv, "missing"sv, "a"sv, "0"sv}),
            "*2\r\n$1\r\na\r\n$1\r\n5\r\n"sv);
  EXPECT_EQ(run({"brpop"sv, "b"sv, "a"sv, "0.5"sv}),
            "*2\r\n$1\r\nb\r\n$1\r\n4\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "b"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "1e15"sv}),
            "*2\r\n$1\r\na\r\n$1\r\n2\r\n"sv);
  EXPECT_EQ(run({"brpoplpush"sv, "a"sv, "c"sv, "0"sv}),
            "$1\r\n4\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "c"sv, "0"sv, "-1"sv}),
            "*1\r\n$1\r\n4\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "d"sv, "x"sv, "y"sv}),
            ":2\r\n"sv);
  EXPECT_EQ(run({"blmove"sv, "d"sv, "c"sv, "right"sv, "left"sv, "0"sv}),
            "$1\r\ny\r\n"sv);
  EXPECT_EQ(run({"blmove"sv, "d"sv, "c"sv, "LEFT"sv, "RIGHT"sv, "10"sv}),
            "$1\r\nx\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "c"sv, "0"sv, "-1"sv}),
            "*3\r\n$1\r\ny\r\n$1\r\n4\r\n$1\r\nx\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "d"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "0"sv, "2"sv, "missing"sv, "c"sv, "right"sv, "count"sv, "2"sv}),
            "*2\r\n$1\r\nc\r\n*2\r\n$1\r\nx\r\n$1\r\n4\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "1.5"sv, "1"sv, "c"sv, "left"sv}),
            "*2\r\n$1\r\nc\r\n*1\r\n$1\r\ny\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "c"sv}),
            ":0\r\n"sv);
}

TEST_F(ListsTest, BlockingErrors) {
  EXPECT_EQ(run({"rpush"sv, "a"sv, "1"sv, "2"sv, "3"sv}),
            ":3\r\n"sv);
  EXPECT_EQ(run({"set"sv, "s"sv, "v"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "x"sv}),
            "-ERR timeout is not a float or out of range\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "-1"sv}),
            "-ERR timeout is negative\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "-0.5"sv}),
            "-ERR timeout is negative\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "1e100"sv}),
            "-ERR timeout is negative\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "inf"sv}),
            "-ERR timeout is negative\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "nan"sv}),
            "-ERR timeout is not a float or out of range\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, ""sv}),
            "-ERR timeout is not a float or out of range\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "9223372036854775807"sv}),
            "-ERR timeout is negative\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "1e16"sv}),
            "-ERR timeout is negative\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "s"sv, "0"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "missing"sv, "s"sv, "0"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"brpop"sv, "s"sv, "0"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"brpop"sv, "a"sv}),
            "-ERR wrong number of arguments for 'brpop' command\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv}),
            "-ERR wrong number of arguments for 'blpop' command\r\n"sv);
  EXPECT_EQ(run({"brpoplpush"sv, "a"sv, "b"sv, "x"sv}),
            "-ERR timeout is not a float or out of range\r\n"sv);
  EXPECT_EQ(run({"brpoplpush"sv, "s"sv, "b"sv, "0"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"brpoplpush"sv, "a"sv, "s"sv, "0"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"blmove"sv, "a"sv, "b"sv, "left"sv, "foo"sv, "0"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"blmove"sv, "a"sv, "b"sv, "left"sv, "foo"sv, "x"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"blmove"sv, "a"sv, "b"sv, "left"sv, "right"sv, "x"sv}),
            "-ERR timeout is not a float or out of range\r\n"sv);
  EXPECT_EQ(run({"blmove"sv, "s"sv, "b"sv, "left"sv, "left"sv, "0"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "0"sv, "0"sv, "a"sv, "left"sv}),
            "-ERR numkeys should be greater than 0\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "x"sv, "0"sv, "a"sv, "left"sv}),
            "-ERR numkeys should be greater than 0\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "x"sv, "1"sv, "a"sv, "middle"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "x"sv, "1"sv, "a"sv, "left"sv}),
            "-ERR timeout is not a float or out of range\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "-1"sv, "1"sv, "a"sv, "left"sv}),
            "-ERR timeout is negative\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "0"sv, "1"sv, "a"sv, "left"sv, "count"sv, "0"sv}),
            "-ERR count should be greater than 0\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "0"sv, "1"sv, "s"sv, "left"sv}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "0"sv, "2"sv, "a"sv, "left"sv}),
            "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "a"sv, "0"sv, "-1"sv}),
            "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n"sv);
  EXPECT_EQ(run({"lrange"sv, "b"sv, "0"sv, "-1"sv}),
            "*0\r\n"sv);
}

TEST_F(ListsTest, BlockingTimeoutReplies) {
  EXPECT_EQ(run({"blpop"sv, "missing"sv, "0.01"sv}),
            "*-1\r\n"sv);
  EXPECT_EQ(run({"brpop"sv, "missing"sv, "other"sv, "0.01"sv}),
            "*-1\r\n"sv);
  EXPECT_EQ(run({"brpoplpush"sv, "missing"sv, "dst"sv, "0.01"sv}),
            "*-1\r\n"sv);
  EXPECT_EQ(run({"blmove"sv, "missing"sv, "dst"sv, "left"sv, "right"sv, "0.01"sv}),
            "*-1\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "0.01"sv, "2"sv, "missing"sv, "other"sv, "left"sv, "count"sv, "3"sv}),
            "*-1\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "dst"sv}),
            ":0\r\n"sv);
}

TEST_F(ListsTest, BlockingTimeoutRepliesResp3) {
  use_resp3();
  EXPECT_EQ(run({"blpop"sv, "missing"sv, "0.01"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"brpoplpush"sv, "missing"sv, "dst"sv, "0.01"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"blmove"sv, "missing"sv, "dst"sv, "left"sv, "right"sv, "0.01"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "0.01"sv, "1"sv, "missing"sv, "left"sv}),
            "_\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "a"sv, "x"sv, "y"sv}),
            ":2\r\n"sv);
  EXPECT_EQ(run({"blpop"sv, "a"sv, "0"sv}),
            "*2\r\n$1\r\na\r\n$1\r\nx\r\n"sv);
  EXPECT_EQ(run({"blmpop"sv, "0"sv, "1"sv, "a"sv, "left"sv}),
            "*2\r\n$1\r\na\r\n*1\r\n$1\r\ny\r\n"sv);
}

TEST_F(ListsTest, EmptiedListDeletesKeyAndOverwrite) {
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"lpop"sv, "l"sv}),
            "$1\r\na\r\n"sv);
  EXPECT_EQ(run({"exists"sv, "l"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "l"sv, "a"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"set"sv, "l"sv, "str"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"type"sv, "l"sv}),
            "+string\r\n"sv);
  EXPECT_EQ(run({"rpush"sv, "l2"sv, "a"sv, "b"sv}),
            ":2\r\n"sv);
  EXPECT_EQ(run({"del"sv, "l2"sv}),
            ":1\r\n"sv);
  EXPECT_EQ(run({"llen"sv, "l2"sv}),
            ":0\r\n"sv);
}

// ---- Larger lists (many quicklist nodes), checked against the same operations on a vector.

// Built with append only: GCC 12 reports a false -Wrestrict on chains of string operator+.
std::string bulk(const std::string& s) {
  std::string out;
  out.append("$").append(std::to_string(s.size())).append("\r\n").append(s).append("\r\n");
  return out;
}

std::string bulk_array(const std::vector<std::string>& v) {
  std::string out;
  out.append("*").append(std::to_string(v.size())).append("\r\n");
  for (const auto& s : v) out.append(bulk(s));
  return out;
}

TEST_F(ListsTest, ManyNodesStayConsistent) {
  std::vector<std::string> model;
  for (int i = 0; i < 3000; ++i) {
    std::string v = "value-";
    v.append(std::to_string(i)).append(static_cast<size_t>(i % 40), 'x');
    if (i % 3 == 0) {
      run({"LPUSH", "l", v});
      model.insert(model.begin(), v);
    } else {
      run({"RPUSH", "l", v});
      model.push_back(v);
    }
  }
  EXPECT_EQ(run({"LLEN", "l"}), ":3000\r\n");
  EXPECT_EQ(run({"LRANGE", "l", "0", "-1"}), bulk_array(model));
  EXPECT_EQ(run({"OBJECT", "ENCODING", "l"}), "$9\r\nquicklist\r\n");
  for (int i : {0, 1, 777, 1499, 1500, 2998, 2999}) {
    const std::string& v = model[static_cast<size_t>(i)];
    EXPECT_EQ(run({"LINDEX", "l", std::to_string(i)}), bulk(v));
    EXPECT_EQ(run({"LINDEX", "l", std::to_string(i - 3000)}), bulk(v));
  }
  // LSET with a large value splits a node; LINSERT in the middle; LREM across nodes.
  std::string big(10000, 'B');
  EXPECT_EQ(run({"LSET", "l", "1000", big}), "+OK\r\n");
  model[1000] = big;
  EXPECT_EQ(run({"LINSERT", "l", "BEFORE", model[2000], "mid"}), ":3001\r\n");
  model.insert(model.begin() + 2000, "mid");
  EXPECT_EQ(run({"LRANGE", "l", "990", "2010"}),
            bulk_array(std::vector<std::string>(model.begin() + 990, model.begin() + 2011)));
  EXPECT_EQ(run({"LTRIM", "l", "100", "-100"}), "+OK\r\n");
  model = std::vector<std::string>(model.begin() + 100, model.end() - 99);
  EXPECT_EQ(run({"LRANGE", "l", "0", "-1"}), bulk_array(model));
  EXPECT_EQ(run({"LPOP", "l", "500"}),
            bulk_array(std::vector<std::string>(model.begin(), model.begin() + 500)));
  model.erase(model.begin(), model.begin() + 500);
  EXPECT_EQ(run({"RPOP", "l", "2"}), bulk_array({model.back(), model[model.size() - 2]}));
  model.resize(model.size() - 2);
  EXPECT_EQ(run({"LRANGE", "l", "0", "-1"}), bulk_array(model));
}

TEST_F(ListsTest, LremAndLposAcrossNodes) {
  std::vector<std::string> model;
  for (int i = 0; i < 4000; ++i) {
    std::string v = i % 7 == 0 ? std::string("hit") : std::string("filler-").append(std::to_string(i));
    run({"RPUSH", "l", v});
    model.push_back(v);
  }
  EXPECT_EQ(run({"LPOS", "l", "hit", "RANK", "-2"}), ":3990\r\n");
  EXPECT_EQ(run({"LPOS", "l", "hit", "RANK", "300"}), ":2093\r\n");
  EXPECT_EQ(run({"LREM", "l", "-3", "hit"}), ":3\r\n");
  EXPECT_EQ(run({"LREM", "l", "2", "hit"}), ":2\r\n");
  EXPECT_EQ(run({"LPOS", "l", "hit"}), ":12\r\n");
  EXPECT_EQ(run({"LREM", "l", "0", "hit"}), ":567\r\n");
  EXPECT_EQ(run({"LLEN", "l"}), ":3428\r\n");
  std::vector<std::string> rest;
  for (const auto& v : model)
    if (v != "hit") rest.push_back(v);
  EXPECT_EQ(run({"LRANGE", "l", "0", "-1"}), bulk_array(rest));
}

// Redis 7.0 encodes every list as a quicklist, however small or large.
TEST_F(ListsTest, EncodingIsAlwaysQuicklist) {
  run({"RPUSH", "small", "1"});
  EXPECT_EQ(run({"OBJECT", "ENCODING", "small"}), "$9\r\nquicklist\r\n");
  run({"RPUSH", "big", std::string(100000, 'v')});
  EXPECT_EQ(run({"OBJECT", "ENCODING", "big"}), "$9\r\nquicklist\r\n");
  EXPECT_EQ(run({"LPOP", "big"}).size(), 100011u);  // "$100000\r\n" + value + "\r\n"
  EXPECT_EQ(run({"EXISTS", "big"}), ":0\r\n");
}

TEST_F(ListsTest, CopyIsDeep) {
  run({"RPUSH", "l", "a", "b"});
  EXPECT_EQ(run({"COPY", "l", "l2"}), ":1\r\n");
  EXPECT_EQ(run({"LPUSH", "l2", "z"}), ":3\r\n");
  EXPECT_EQ(run({"LRANGE", "l", "0", "-1"}), "*2\r\n$1\r\na\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"LRANGE", "l2", "0", "-1"}), "*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n");
  EXPECT_EQ(run({"OBJECT", "ENCODING", "l2"}), "$9\r\nquicklist\r\n");
  EXPECT_EQ(run({"TYPE", "l2"}), "+list\r\n");
}

TEST_F(ListsTest, ExpiredListIsGone) {
  run({"RPUSH", "l", "a"});
  run({"PEXPIRE", "l", "100"});
  advance_ms(101);
  EXPECT_EQ(run({"LLEN", "l"}), ":0\r\n");
  EXPECT_EQ(run({"RPUSHX", "l", "b"}), ":0\r\n");
}

// ---- Typed API

TEST_F(ListsTest, TypedApi) {
  std::vector<std::string_view> abc{"a", "b", "c"};
  EXPECT_EQ(store_.rpush("l", abc).value(), 3);
  std::vector<std::string_view> z{"z"};
  EXPECT_EQ(store_.lpush("l", z).value(), 4);
  EXPECT_EQ(store_.llen("l").value(), 4);
  EXPECT_EQ(store_.lrange("l", 0, -1).value(), (std::vector<std::string>{"z", "a", "b", "c"}));
  EXPECT_EQ(store_.lrange("l", -2, 100).value(), (std::vector<std::string>{"b", "c"}));
  EXPECT_TRUE(store_.lrange("missing", 0, -1).value().empty());
  EXPECT_EQ(store_.llen("missing").value(), 0);
  EXPECT_EQ(run({"LRANGE", "l", "0", "-1"}), "*4\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
  ASSERT_TRUE(store_.set("s", "v").ok());
  EXPECT_EQ(store_.lpush("s", z).status().message(),
            "WRONGTYPE Operation against a key holding the wrong kind of value");
  EXPECT_FALSE(store_.llen("s").ok());
  EXPECT_FALSE(store_.lrange("s", 0, -1).ok());
  EXPECT_EQ(store_.rpush("l", {}).status().message(),
            "ERR wrong number of arguments for 'rpush' command");
  EXPECT_EQ(store_.rpush("other", z, 1).value(), 1);
  EXPECT_EQ(store_.llen("other").value(), 0);
  EXPECT_EQ(store_.llen("other", 1).value(), 1);
}

}  // namespace
}  // namespace kevy
