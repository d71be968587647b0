// Keyspace commands against redis-server 7.0.15. The run()/EXPECT_EQ sequences were recorded
// on the oracle (fresh db, DEBUG SET-ACTIVE-EXPIRE 0; DEBUG SLEEP advances the fixture's
// manual clock, so expiry behaves the same); replies whose order Redis leaves unspecified
// (KEYS, SCAN with several keys) are compared sorted in the hand-written tests at the end.
#include "commands/keyspace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "commands/command_table.h"
#include "core/keyspace.h"
#include "test_support/family_test.h"

namespace kevy {
namespace {

using std::string_view_literals::operator""sv;

// prefix + decimal i (spelled out: GCC 12 misreports `"k" + std::to_string(i)` at -O3).
std::string numbered(std::string_view prefix, int i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

class KeyspaceCmdTest : public FamilyTest {
 protected:
  // The bulk strings of an array reply, sorted.
  static std::vector<std::string> sorted(const Reply& r) {
    std::vector<std::string> out;
    for (const Reply& e : r.elements()) out.push_back(e.str());
    std::sort(out.begin(), out.end());
    return out;
  }
  int64_t integer(std::initializer_list<std::string_view> argv) {
    return reply(argv).integer_value();
  }
};

TEST_F(KeyspaceCmdTest, DelAndUnlink) {
  EXPECT_EQ(run({"DEL"sv}), "-ERR wrong number of arguments for 'del' command\r\n"sv);
  EXPECT_EQ(run({"UNLINK"sv}), "-ERR wrong number of arguments for 'unlink' command\r\n"sv);
  EXPECT_EQ(run({"DEL"sv, "nokey"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "a"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "b"sv, "2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv,
                 "a\x00"
                 "b"sv,
                 "3"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, ""sv, "e"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEL"sv, "a"sv, "a"sv, "nokey"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"UNLINK"sv, "b"sv, "b"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"DEL"sv,
                 "a\x00"
                 "b"sv,
                 ""sv}),
            ":2\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "a"sv, "b"sv,
                 "a\x00"
                 "b"sv,
                 ""sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEL"sv, "t"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"UNLINK"sv, "t"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"del"sv, "x"sv}), ":0\r\n"sv);
}

TEST_F(KeyspaceCmdTest, ExistsCountsDuplicates) {
  EXPECT_EQ(run({"EXISTS"sv}), "-ERR wrong number of arguments for 'exists' command\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "k"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "k"sv, "k"sv, "k"sv, "nokey"sv}), ":3\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k\x00"sv, "v"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "k\x00"sv, "k\x00\x00"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "t"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "t"sv}), ":0\r\n"sv);
}

TEST_F(KeyspaceCmdTest, Type) {
  EXPECT_EQ(run({"TYPE"sv}), "-ERR wrong number of arguments for 'type' command\r\n"sv);
  EXPECT_EQ(run({"TYPE"sv, "a"sv, "b"sv}),
            "-ERR wrong number of arguments for 'type' command\r\n"sv);
  EXPECT_EQ(run({"TYPE"sv, "nokey"sv}), "+none\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "s"sv, "x"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"TYPE"sv, "s"sv}), "+string\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "n"sv, "12"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"TYPE"sv, "n"sv}), "+string\r\n"sv);
  EXPECT_EQ(run({"SET"sv, ""sv, "x"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"TYPE"sv, ""sv}), "+string\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"TYPE"sv, "t"sv}), "+string\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"TYPE"sv, "t"sv}), "+none\r\n"sv);
}

TEST_F(KeyspaceCmdTest, Touch) {
  EXPECT_EQ(run({"TOUCH"sv}), "-ERR wrong number of arguments for 'touch' command\r\n"sv);
  EXPECT_EQ(run({"TOUCH"sv, "nokey"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "a"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "b"sv, "x"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"TOUCH"sv, "a"sv, "b"sv, "a"sv, "nokey"sv}), ":3\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"TOUCH"sv, "t"sv, "a"sv}), ":1\r\n"sv);
}

TEST_F(KeyspaceCmdTest, KeysArity) {
  EXPECT_EQ(run({"KEYS"sv}), "-ERR wrong number of arguments for 'keys' command\r\n"sv);
  EXPECT_EQ(run({"KEYS"sv, "a"sv, "b"sv}),
            "-ERR wrong number of arguments for 'keys' command\r\n"sv);
  EXPECT_EQ(run({"KEYS"sv, "*"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"KEYS"sv, "nomatch*"sv}), "*0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "one"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"KEYS"sv, "*"sv}), "*1\r\n$3\r\none\r\n"sv);
  EXPECT_EQ(run({"KEYS"sv, "o?e"sv}), "*1\r\n$3\r\none\r\n"sv);
  EXPECT_EQ(run({"KEYS"sv, "[^o]*"sv}), "*0\r\n"sv);
}

TEST_F(KeyspaceCmdTest, RandomKey) {
  EXPECT_EQ(run({"RANDOMKEY"sv, "x"sv}),
            "-ERR wrong number of arguments for 'randomkey' command\r\n"sv);
  EXPECT_EQ(run({"RANDOMKEY"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "only"sv, "v"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RANDOMKEY"sv}), "$4\r\nonly\r\n"sv);
  EXPECT_EQ(run({"DEL"sv, "only"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t1"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t2"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":2\r\n"sv);
  EXPECT_EQ(run({"RANDOMKEY"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":0\r\n"sv);
}

TEST_F(KeyspaceCmdTest, RenameErrorsAndSameKey) {
  EXPECT_EQ(run({"RENAME"sv, "a"sv}), "-ERR wrong number of arguments for 'rename' command\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv, "a"sv, "b"sv, "c"sv}),
            "-ERR wrong number of arguments for 'rename' command\r\n"sv);
  EXPECT_EQ(run({"RENAMENX"sv, "a"sv}),
            "-ERR wrong number of arguments for 'renamenx' command\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv, "nokey"sv, "b"sv}), "-ERR no such key\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv, "nokey"sv, "nokey"sv}), "-ERR no such key\r\n"sv);
  EXPECT_EQ(run({"RENAMENX"sv, "nokey"sv, "b"sv}), "-ERR no such key\r\n"sv);
  EXPECT_EQ(run({"RENAMENX"sv, "nokey"sv, "nokey"sv}), "-ERR no such key\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "s"sv, "v"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv, "s"sv, "s"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RENAMENX"sv, "s"sv, "s"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "s"sv}), ":100\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "s"sv}), "$1\r\nv\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv, "t"sv, "u"sv}), "-ERR no such key\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "u"sv}), ":0\r\n"sv);
}

TEST_F(KeyspaceCmdTest, RenameMovesValueAndTtl) {
  EXPECT_EQ(run({"SET"sv, "src"sv, "v1"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "dst"sv, "old"sv, "EX"sv, "500"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv, "src"sv, "dst"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "dst"sv}), "$2\r\nv1\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "dst"sv}), ":100\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "src"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "p"sv, "v2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv, "p"sv, "dst"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "dst"sv}), ":-1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "dst"sv}), "$2\r\nv2\r\n"sv);
  EXPECT_EQ(run({"SET"sv,
                 "a\x00"
                 "b"sv,
                 "bin"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv,
                 "a\x00"
                 "b"sv,
                 ""sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, ""sv}), "$3\r\nbin\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv,
                 "a\x00"
                 "b"sv}),
            ":0\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv, ""sv,
                 "a\x00"
                 "c"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv,
                 "a\x00"
                 "c"sv}),
            "$3\r\nbin\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "n"sv, "42"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RENAME"sv, "n"sv, "m"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "m"sv}), "$3\r\nint\r\n"sv);
  EXPECT_EQ(run({"INCR"sv, "m"sv}), ":43\r\n"sv);
}

TEST_F(KeyspaceCmdTest, RenameNx) {
  EXPECT_EQ(run({"SET"sv, "a"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "b"sv, "2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RENAMENX"sv, "a"sv, "b"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "a"sv}), "$1\r\n1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "b"sv}), "$1\r\n2\r\n"sv);
  EXPECT_EQ(run({"RENAMENX"sv, "a"sv, "c"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "c"sv}), "$1\r\n1\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "a"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "e"sv, "x"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"RENAMENX"sv, "c"sv, "e"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "e"sv}), "$1\r\n1\r\n"sv);
}

TEST_F(KeyspaceCmdTest, CopyErrors) {
  EXPECT_EQ(run({"COPY"sv, "a"sv}), "-ERR wrong number of arguments for 'copy' command\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "s"sv}),
            "-ERR source and destination objects are the same\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "nokey"sv, "nokey"sv}),
            "-ERR source and destination objects are the same\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "s"sv, "DB"sv, "0"sv}),
            "-ERR source and destination objects are the same\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "DB"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "DB"sv, "x"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "DB"sv, "16"sv}), "-ERR DB index is out of range\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "DB"sv, "-1"sv}), "-ERR DB index is out of range\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "DB"sv, "99999999999"sv}),
            "-ERR value is out of range, value must between -2147483648 a"
            "nd 2147483647\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "DB"sv, "-99999999999"sv}),
            "-ERR value is out of range, value must between -2147483648 a"
            "nd 2147483647\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "FOO"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "DB"sv, "99"sv, "FOO"sv}),
            "-ERR DB index is out of range\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "FOO"sv, "DB"sv, "99"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "t"sv, "REPLACE"sv, "x"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "nokey"sv, "t"sv}), ":0\r\n"sv);
}

TEST_F(KeyspaceCmdTest, CopyValueTtlAndReplace) {
  EXPECT_EQ(run({"SET"sv, "s"sv, "hello"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "d"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "d"sv}), "$5\r\nhello\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "d"sv}), ":100\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "s"sv}), ":100\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "x"sv, "other"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "x"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "x"sv}), "$5\r\nother\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "x"sv, "replace"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "x"sv}), "$5\r\nhello\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "x"sv}), ":100\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "y"sv, "other"sv, "EX"sv, "300"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "nottl"sv, "z"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "nottl"sv, "y"sv, "REPLACE"sv, "REPLACE"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "y"sv}), ":-1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "y"sv}), "$1\r\nz\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "s"sv, "DB"sv, "3"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "3"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "s"sv}), "$5\r\nhello\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "s"sv}), ":100\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "s"sv, "db"sv, "3"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "s"sv, "REPLACE"sv, "DB"sv, "3"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "n"sv, "7"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "n"sv, "n2"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "n2"sv}), "$3\r\nint\r\n"sv);
  EXPECT_EQ(run({"INCR"sv, "n2"sv}), ":8\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "n"sv}), "$1\r\n7\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k\x00"sv, "bin"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "k\x00"sv, ""sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, ""sv}), "$3\r\nbin\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "e"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "e"sv, "e2"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"COPY"sv, "s"sv, "e"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "e"sv}), "$5\r\nhello\r\n"sv);
}

TEST_F(KeyspaceCmdTest, Move) {
  EXPECT_EQ(run({"MOVE"sv, "k"sv}), "-ERR wrong number of arguments for 'move' command\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "k"sv, "0"sv}),
            "-ERR source and destination objects are the same\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "k"sv, "x"sv}), "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "k"sv, "16"sv}), "-ERR DB index is out of range\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "k"sv, "-1"sv}), "-ERR DB index is out of range\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "k"sv, "99999999999"sv}),
            "-ERR value is out of range, value must between -2147483648 a"
            "nd 2147483647\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "nokey"sv, "1"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "k"sv, "1"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "k"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$1\r\nv\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "k"sv}), ":100\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "k"sv, "1"sv}),
            "-ERR source and destination objects are the same\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k2"sv, "db1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k2"sv, "db0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "k2"sv, "1"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k2"sv}), "$3\r\ndb0\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "gone"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "gone"sv, "mine"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "gone"sv, "1"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "gone"sv}), "$4\r\nmine\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "a\x00"sv, "b"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"MOVE"sv, "a\x00"sv, "2"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"EXISTS"sv, "a\x00"sv}), ":0\r\n"sv);
}

TEST_F(KeyspaceCmdTest, ObjectCommand) {
  EXPECT_EQ(run({"OBJECT"sv}), "-ERR wrong number of arguments for 'object' command\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "foo"sv}), "-ERR unknown subcommand 'foo'. Try OBJECT HELP.\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "foo"sv, "k"sv}),
            "-ERR unknown subcommand 'foo'. Try OBJECT HELP.\r\n"sv);
  EXPECT_EQ(run({"object"sv, "Foo\r\nbar"sv}),
            "-ERR unknown subcommand 'Foo  bar'. Try OBJECT HELP.\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "encoding"sv}),
            "-ERR wrong number of arguments for 'object|encoding' command"
            "\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "encoding"sv, "k"sv, "x"sv}),
            "-ERR wrong number of arguments for 'object|encoding' command"
            "\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "help"sv, "x"sv}),
            "-ERR wrong number of arguments for 'object|help' command\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "refcount"sv}),
            "-ERR wrong number of arguments for 'object|refcount' command"
            "\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "nokey"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "REFCOUNT"sv, "nokey"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "IDLETIME"sv, "nokey"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "FREQ"sv, "nokey"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "int"sv, "12345"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "emb"sv, "hello"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "raw"sv, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv}),
            "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "e44"sv, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "big"sv, "12345678901234567890"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "neg"sv, "-1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "shared"sv, "9999"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "zero"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "tenk"sv, "10000"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "lead"sv, "007"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "empty"sv, ""sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "int"sv}), "$3\r\nint\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "emb"sv}), "$6\r\nembstr\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "raw"sv}), "$3\r\nraw\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "e44"sv}), "$6\r\nembstr\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "big"sv}), "$6\r\nembstr\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "lead"sv}), "$6\r\nembstr\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "ENCODING"sv, "empty"sv}), "$6\r\nembstr\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "REFCOUNT"sv, "int"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "REFCOUNT"sv, "emb"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "REFCOUNT"sv, "neg"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "REFCOUNT"sv, "shared"sv}), ":2147483647\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "REFCOUNT"sv, "zero"sv}), ":2147483647\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "REFCOUNT"sv, "tenk"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "FREQ"sv, "emb"sv}),
            "-ERR An LFU maxmemory policy is not selected, access frequen"
            "cy not tracked. Please note that when switching between poli"
            "cies at runtime LRU and LFU data will take some time to adju"
            "st.\r\n"sv);
  EXPECT_EQ(run({"OBJECT"sv, "help"sv}),
            "*15\r\n"
            "+OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands "
            "are:\r\n"
            "+ENCODING <key>\r\n"
            "+    Return the kind of internal representation used in orde"
            "r to store the value\r\n"
            "+    associated with a <key>.\r\n"
            "+FREQ <key>\r\n"
            "+    Return the access frequency index of the <key>. The ret"
            "urned integer is\r\n"
            "+    proportional to the logarithm of the recent access freq"
            "uency of the key.\r\n"
            "+IDLETIME <key>\r\n"
            "+    Return the idle time of the <key>, that is the approxim"
            "ated number of\r\n"
            "+    seconds elapsed since the last access to the key.\r\n"
            "+REFCOUNT <key>\r\n"
            "+    Return the number of references of the value associated"
            " with the specified\r\n"
            "+    <key>.\r\n+HELP\r\n+    Prints this help.\r\n"sv);
  // Subcommand names are case-insensitive.
  EXPECT_EQ(run({"object"sv, "HELP"sv}), run({"OBJECT"sv, "help"sv}));
}

TEST_F(KeyspaceCmdTest, ScanArgsAndFilters) {
  EXPECT_EQ(run({"SCAN"sv}), "-ERR wrong number of arguments for 'scan' command\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "x"sv}), "-ERR invalid cursor\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, " 0"sv}), "-ERR invalid cursor\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0 "sv}), "-ERR invalid cursor\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, ""sv}), "*2\r\n$1\r\n0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "-1"sv}), "*2\r\n$1\r\n0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "+0"sv}), "*2\r\n$1\r\n0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0\x00junk"sv}), "*2\r\n$1\r\n0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "18446744073709551616"sv}), "-ERR invalid cursor\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "18446744073709551615"sv}), "*2\r\n$1\r\n0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "COUNT"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "COUNT"sv, "0"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "COUNT"sv, "x"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "COUNT"sv, "-1"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "COUNT"sv, "99999999999999999999"sv}),
            "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "FOO"sv, "x"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "match"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "TYPE"sv, "string"sv, "COUNT"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "COUNT"sv, "0"sv, "FOO"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":2\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "MATCH"sv, "t"sv}), "*2\r\n$1\r\n0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "v"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "TYPE"sv, "none"sv}), "*2\r\n$1\r\n0\r\n*1\r\n$1\r\nt\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv}), "*2\r\n$1\r\n0\r\n*1\r\n$1\r\nk\r\n"sv);
  EXPECT_EQ(run({"scan"sv, "0"sv, "match"sv, "k"sv, "count"sv, "10"sv}),
            "*2\r\n$1\r\n0\r\n*1\r\n$1\r\nk\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "MATCH"sv, "x*"sv}), "*2\r\n$1\r\n0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "TYPE"sv, "STRING"sv}), "*2\r\n$1\r\n0\r\n*1\r\n$1\r\nk\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "TYPE"sv, "list"sv}), "*2\r\n$1\r\n0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "TYPE"sv, "string\x00x"sv}),
            "*2\r\n$1\r\n0\r\n*1\r\n$1\r\nk\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "MATCH"sv, "*"sv, "TYPE"sv, "none"sv}),
            "*2\r\n$1\r\n0\r\n*0\r\n"sv);
  EXPECT_EQ(run({"SCAN"sv, "0"sv, "MATCH"sv, "k"sv, "MATCH"sv, "x"sv}),
            "*2\r\n$1\r\n0\r\n*0\r\n"sv);
}

TEST_F(KeyspaceCmdTest, KeysReturnsLiveMatchingKeys) {
  for (std::string_view k : {"a"sv, "b"sv, "ab"sv, "abc"sv, ""sv, "x\0y"sv}) run({"SET", k, "1"});
  run({"SET", "t", "1", "PX", "100"});
  EXPECT_EQ(sorted(reply({"KEYS", "*"})),
            (std::vector<std::string>{"", "a", "ab", "abc", "b", "t", std::string("x\0y", 3)}));
  EXPECT_EQ(sorted(reply({"KEYS", "a*"})), (std::vector<std::string>{"a", "ab", "abc"}));
  EXPECT_EQ(sorted(reply({"KEYS", "?b"})), (std::vector<std::string>{"ab"}));
  EXPECT_EQ(sorted(reply({"KEYS", "x?y"})), (std::vector<std::string>{std::string("x\0y", 3)}));
  EXPECT_EQ(sorted(reply({"KEYS", "**"})).size(), 6u);  // "**" is a pattern: no empty key
  advance_ms(200);
  EXPECT_EQ(sorted(reply({"KEYS", "*"})).size(), 6u);
  EXPECT_EQ(run({"DBSIZE"}), ":7\r\n");  // KEYS hides expired keys but does not delete them
}

TEST_F(KeyspaceCmdTest, ScanIteratesEveryKeyOnce) {
  for (int i = 0; i < 1000; ++i) run({"SET", numbered("key:", i), "v"});
  std::vector<std::string> all;
  std::vector<std::string> matched;
  for (const char* match : {"*", "key:1*"}) {
    std::string cursor = "0";
    std::vector<std::string>& out = std::string_view(match) == "*" ? all : matched;
    do {
      Reply r = reply({"SCAN", cursor, "MATCH", match, "COUNT", "10"});
      ASSERT_EQ(r.elements().size(), 2u);
      cursor = r.elements()[0].str();
      for (const Reply& k : r.elements()[1].elements()) out.push_back(k.str());
    } while (cursor != "0");
  }
  EXPECT_EQ(all.size(), 1000u);
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 1000u);
  EXPECT_EQ(matched.size(), 111u);  // key:1, key:10..19, key:100..199
}

TEST_F(KeyspaceCmdTest, ScanReturnsAllSmallDbKeysAtOnce) {
  for (std::string_view k : {"a"sv, "b"sv, "c"sv}) run({"SET", k, "1"});
  Reply r = reply({"SCAN", "0", "COUNT", "100"});
  EXPECT_EQ(r.elements()[0].str(), "0");
  EXPECT_EQ(sorted(r.elements()[1]), (std::vector<std::string>{"a", "b", "c"}));
}

// EXISTS, TYPE, OBJECT, DEBUG OBJECT and SCAN TYPE read without touching; TOUCH and GET do;
// write lookups (RENAME, MOVE, COPY's destination) stamp the key too, as in Redis.
TEST_F(KeyspaceCmdTest, AccessStampFollowsRedisLookups) {
  run({"SET", "k", "v"});
  advance_ms(5000);
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k"}), ":5\r\n");
  run({"EXISTS", "k"});
  run({"TYPE", "k"});
  run({"OBJECT", "ENCODING", "k"});
  run({"DEBUG", "OBJECT", "k"});
  run({"SCAN", "0", "TYPE", "string"});
  run({"KEYS", "*"});
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k"}), ":5\r\n");
  EXPECT_EQ(run({"TOUCH", "k"}), ":1\r\n");
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k"}), ":0\r\n");
  advance_ms(3000);
  run({"GET", "k"});
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k"}), ":0\r\n");
  advance_ms(3000);
  run({"RENAME", "k", "k2"});
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k2"}), ":0\r\n");
  advance_ms(3000);
  run({"COPY", "k2", "k3"});
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k2"}), ":0\r\n");
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k3"}), ":0\r\n");
  advance_ms(4000);
  EXPECT_EQ(run({"MOVE", "k3", "1"}), ":1\r\n");
  run({"SELECT", "1"});
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k3"}), ":0\r\n");
  run({"SELECT", "0"});
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k2"}), ":4\r\n");
}

Store open_store(const Options& opts) { return std::move(Store::open(opts).value()); }

// Recorded on the oracle with CONFIG SET maxmemory-policy allkeys-lfu.
TEST(KeyspaceLfuTest, ObjectFreqAndIdleTimeUnderLfu) {
  auto clock = std::make_shared<ManualClock>(1700000000000);
  Store store =
      open_store(Options{}.with_clock(clock).with_max_memory(0, EvictionPolicy::kAllKeysLfu));
  Session s;
  auto run = [&](std::initializer_list<std::string_view> argv) {
    return store.execute_resp(std::span<const std::string_view>(argv.begin(), argv.size()), s);
  };
  run({"SET", "k", "v"});
  EXPECT_EQ(run({"OBJECT", "FREQ", "k"}), ":5\r\n");  // new keys start at LFU_INIT_VAL
  run({"GET", "k"});
  EXPECT_EQ(run({"OBJECT", "FREQ", "k"}), ":6\r\n");  // at 5 an access always counts
  EXPECT_EQ(run({"OBJECT", "FREQ", "nokey"}), "$-1\r\n");
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "nokey"}), "$-1\r\n");
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "k"}),
            "-ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that "
            "when switching between policies at runtime LRU and LFU data will take some time "
            "to adjust.\r\n");
  clock->advance_ms(2 * 60 * 1000);  // lfu-decay-time 1: one step down per minute
  EXPECT_EQ(run({"OBJECT", "FREQ", "k"}), ":4\r\n");
}

// Shared integers (refcount INT_MAX) unless maxmemory is set with an LRU/LFU policy.
TEST(KeyspaceRefcountTest, SharedIntegersFollowThePolicy) {
  struct Row {
    uint64_t max_memory;
    EvictionPolicy policy;
    const char* want;
  };
  const Row rows[] = {
      {0, EvictionPolicy::kNoEviction, ":2147483647\r\n"},
      {0, EvictionPolicy::kAllKeysLru, ":2147483647\r\n"},
      {100 << 20, EvictionPolicy::kAllKeysLru, ":1\r\n"},
      {100 << 20, EvictionPolicy::kVolatileLfu, ":1\r\n"},
      {100 << 20, EvictionPolicy::kVolatileTtl, ":2147483647\r\n"},
  };
  for (const Row& row : rows) {
    Store store = open_store(Options{}.with_max_memory(row.max_memory, row.policy));
    store.execute({"SET", "k", "5"});
    Session s;
    std::string_view argv[] = {"OBJECT", "REFCOUNT", "k"};
    EXPECT_EQ(store.execute_resp(argv, s), row.want) << "policy " << static_cast<int>(row.policy);
  }
}

TEST_F(KeyspaceCmdTest, RandomKeyReturnsLiveKeys) {
  for (int i = 0; i < 20; ++i) run({"SET", numbered("k", i), "v"});
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    Reply r = reply({"RANDOMKEY"});
    ASSERT_EQ(r.type(), Reply::Type::kBulk);
    ASSERT_EQ(integer({"EXISTS", r.str()}), 1);
    seen.insert(r.str());
  }
  EXPECT_GT(seen.size(), 5u);
  use_resp3();
  run({"FLUSHDB"});
  EXPECT_EQ(run({"RANDOMKEY"}), "_\r\n");
}

// Keyspace hits/misses and expired_keys as INFO stats showed them on the oracle for the same
// sequence (commands run straight against a Keyspace so its stats can be read).
TEST(KeyspaceStatsTest, HitsMissesAndExpiredKeysMatchRedis) {
  auto clock = std::make_shared<ManualClock>(1700000000000);
  Keyspace ks(Options{}.with_clock(clock));
  Session session;
  auto run = [&](std::initializer_list<std::string_view> list) {
    std::vector<std::string_view> argv(list);
    ks.begin_command();
    CommandContext ctx{ks, session};
    Reply error;
    const CommandSpec* spec = CommandTable::instance().resolve(argv, &error);
    return spec == nullptr ? error : spec->handler(ctx, argv);
  };
  run({"SET", "s", "x"});
  run({"SET", "e", "y", "PX", "50"});
  run({"SET", "e2", "y", "PX", "50"});
  run({"SET", "e3", "y", "PX", "50"});
  run({"SET", "t", "z", "EX", "1000"});
  clock->advance_ms(100);
  run({"KEYS", "*"});
  run({"DBSIZE"});
  EXPECT_EQ(ks.stats().keyspace_hits + ks.stats().keyspace_misses, 0u);
  EXPECT_EQ(run({"SCAN", "0", "TYPE", "none"}).elements()[1].elements().size(), 3u);
  run({"SCAN", "0", "TYPE", "STRING"});
  EXPECT_EQ(ks.stats().keyspace_hits, 4u);
  EXPECT_EQ(ks.stats().keyspace_misses, 3u);
  EXPECT_EQ(ks.stats().expired_keys, 3u);
  run({"TYPE", "e2"});
  run({"EXISTS", "s", "nokey"});
  run({"TYPE", "s"});
  run({"TOUCH", "s", "nokey"});
  run({"OBJECT", "ENCODING", "s"});
  run({"OBJECT", "ENCODING", "nokey"});
  EXPECT_EQ(ks.stats().keyspace_hits, 8u);
  EXPECT_EQ(ks.stats().keyspace_misses, 7u);
  run({"RANDOMKEY"});
  run({"RENAME", "t", "t3"});
  run({"MOVE", "t3", "1"});
  run({"DEL", "s"});
  run({"DEBUG", "OBJECT", "nokey"});
  EXPECT_EQ(ks.stats().keyspace_hits, 8u);
  EXPECT_EQ(ks.stats().keyspace_misses, 7u);
  run({"SET", "n", "5"});
  run({"COPY", "n", "n2"});  // the source is an ordinary read
  EXPECT_EQ(ks.stats().keyspace_hits, 9u);
  EXPECT_EQ(ks.stats().expired_keys, 3u);
}

}  // namespace
}  // namespace kevy
