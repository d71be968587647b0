// Unit tests for the string family: commands run through the command table on a Keyspace, and
// the typed Store API. Every expected reply was recorded from redis-server 7.0.15 and the command
// sequences were replayed against it. The clock is a ManualClock at 1700000000000 ms, so TTLs
// are exact and absolute times (EXAT/PXAT) are chosen around it.
#include <gtest/gtest.h>

#include <chrono>
#include <initializer_list>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands/command_table.h"
#include "commands/strings.h"
#include "core/entry.h"
#include "core/keyspace.h"
#include "test_support/family_test.h"
#include "test_support/keyspace_fixture.h"

namespace kevy {
namespace {

using std::chrono::milliseconds;

// A literal with embedded NUL bytes as a view of all its bytes.
template <size_t N>
std::string_view bin(const char (&s)[N]) {
  return std::string_view(s, N - 1);
}

constexpr std::string_view kWrongType =
    "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";
constexpr std::string_view kNotInteger = "-ERR value is not an integer or out of range\r\n";
constexpr std::string_view kNotFloat = "-ERR value is not a valid float\r\n";
constexpr std::string_view kSyntax = "-ERR syntax error\r\n";
constexpr std::string_view kTooLong =
    "-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n";

class StringsTest : public KeyspaceFixture {};

// The typed Store API, which runs the same family functions as the commands.
class StringsStoreTest : public FamilyTest {};

// ---- GET / SET

TEST_F(StringsTest, GetSetRoundTrip) {
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"GET", "missing"}), "$-1\r\n");
  EXPECT_EQ(run({"SET", "k", "other"}), "+OK\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$5\r\nother\r\n");
}

TEST_F(StringsTest, BinaryAndEmptyKeysAndValues) {
  EXPECT_EQ(run({bin("SET"), bin("a\0b"), bin("x\0\0y")}), "+OK\r\n");
  EXPECT_EQ(run({bin("GET"), bin("a\0b")}), bin("$4\r\nx\0\0y\r\n"));
  EXPECT_EQ(run({"GET", "a"}), "$-1\r\n");
  EXPECT_EQ(run({"SET", "", ""}), "+OK\r\n");
  EXPECT_EQ(run({"GET", ""}), "$0\r\n\r\n");
}

TEST_F(StringsTest, IntegerValuesReadBackAsText) {
  EXPECT_EQ(run({"SET", "k", "-9223372036854775808"}), "+OK\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$20\r\n-9223372036854775808\r\n");
  EXPECT_EQ(run({"SET", "k", "007"}), "+OK\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$3\r\n007\r\n");
}

TEST_F(StringsTest, GetErrors) {
  add_list("l");
  EXPECT_EQ(run({"GET", "l"}), kWrongType);
  EXPECT_EQ(run({"GET"}), "-ERR wrong number of arguments for 'get' command\r\n");
  EXPECT_EQ(run({"GET", "a", "b"}), "-ERR wrong number of arguments for 'get' command\r\n");
  EXPECT_EQ(run({"SET", "k"}), "-ERR wrong number of arguments for 'set' command\r\n");
}

TEST_F(StringsTest, SetOverwritesOtherTypes) {
  add_list("l");
  EXPECT_EQ(run({"SET", "l", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GET", "l"}), "$1\r\nv\r\n");
}

TEST_F(StringsTest, SetNxXx) {
  EXPECT_EQ(run({"SET", "k", "1", "XX"}), "$-1\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$-1\r\n");
  EXPECT_EQ(run({"SET", "k", "1", "NX"}), "+OK\r\n");
  EXPECT_EQ(run({"SET", "k", "2", "NX"}), "$-1\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\n1\r\n");
  EXPECT_EQ(run({"SET", "k", "3", "xx"}), "+OK\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\n3\r\n");
  add_list("l");
  EXPECT_EQ(run({"SET", "l", "v", "NX"}), "$-1\r\n");
  EXPECT_EQ(run({"SET", "l", "v", "XX"}), "+OK\r\n");
}

TEST_F(StringsTest, SetGet) {
  EXPECT_EQ(run({"SET", "k", "v", "GET"}), "$-1\r\n");
  EXPECT_EQ(run({"SET", "k", "w", "GET"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nw\r\n");
  // NX refused: the old value is still returned and nothing changes.
  EXPECT_EQ(run({"SET", "k", "x", "NX", "GET"}), "$1\r\nw\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nw\r\n");
  EXPECT_EQ(run({"SET", "m", "x", "XX", "GET"}), "$-1\r\n");
  EXPECT_EQ(run({"GET", "m"}), "$-1\r\n");
  EXPECT_EQ(run({"SET", "n", "x", "GET", "NX"}), "$-1\r\n");
  EXPECT_EQ(run({"GET", "n"}), "$1\r\nx\r\n");
  EXPECT_EQ(run({"SET", "n", "y", "GET", "GET"}), "$1\r\nx\r\n");
}

TEST_F(StringsTest, SetGetWrongTypeChangesNothing) {
  add_list("l");
  EXPECT_EQ(run({"SET", "l", "v", "GET"}), kWrongType);
  EXPECT_EQ(run({"SET", "l", "v", "NX", "GET"}), kWrongType);
  EXPECT_EQ(encoding("l"), "quicklist");
}

TEST_F(StringsTest, SetExpireOptions) {
  EXPECT_EQ(run({"SET", "k", "v", "EX", "100"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":100000\r\n");
  EXPECT_EQ(run({"SET", "k", "v", "PX", "1500"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":1500\r\n");
  EXPECT_EQ(run({"SET", "k", "v", "EXAT", "1700000100"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":100000\r\n");
  EXPECT_EQ(run({"SET", "k", "v", "PXAT", "1700000000500"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":500\r\n");
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":-1\r\n");
}

TEST_F(StringsTest, SetKeepTtl) {
  EXPECT_EQ(run({"SET", "k", "v", "EX", "100"}), "+OK\r\n");
  EXPECT_EQ(run({"SET", "k", "w", "KEEPTTL"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":100000\r\n");
  EXPECT_EQ(run({"SET", "k", "x", "keepttl", "KEEPTTL"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":100000\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nx\r\n");
}

TEST_F(StringsTest, SetRepeatedExpireOptionLastWins) {
  EXPECT_EQ(run({"SET", "k", "v", "EX", "1", "EX", "2"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":2000\r\n");
  EXPECT_EQ(run({"SET", "k", "v", "PXAT", "1700000000005", "pxat", "1700000000006"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":6\r\n");
  EXPECT_EQ(run({"SET", "k", "v", "nX", "nx"}), "$-1\r\n");
  EXPECT_EQ(run({"SET", "k", "v", "xX", "xx"}), "+OK\r\n");
}

TEST_F(StringsTest, SetAbsoluteTimeInThePastDeletesOnAccess) {
  EXPECT_EQ(run({"SET", "k", "v", "EXAT", "1"}), "+OK\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
  EXPECT_EQ(run({"SET", "k", "v", "PXAT", "1", "GET"}), "$-1\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$-1\r\n");
}

TEST_F(StringsTest, SetSyntaxErrors) {
  const std::vector<std::vector<std::string>> bad = {
      {"SET", "k", "v", "EX", "1", "KEEPTTL"}, {"SET", "k", "v", "KEEPTTL", "EX", "1"},
      {"SET", "k", "v", "KEEPTTL", "PX", "5"}, {"SET", "k", "v", "PX", "5", "KEEPTTL"},
      {"SET", "k", "v", "NX", "XX"},           {"SET", "k", "v", "xx", "nx"},
      {"SET", "k", "v", "PX", "10", "EX", "1"}, {"SET", "k", "v", "EXAT", "1", "EX", "2"},
      {"SET", "k", "v", "EX", "1", "PXAT", "2"}, {"SET", "k", "v", "EX"},
      {"SET", "k", "v", "PXAT"},               {"SET", "k", "v", "FOO"},
      {"SET", "k", "v", "PERSIST"},            {"SET", "k", "v", "EX", "1", "FOO"},
      {"SET", "k", "v", "NXX"},                {"SET", "k", "v", "G"},
  };
  for (const auto& argv : bad) EXPECT_EQ(run(argv), kSyntax) << argv[3];
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
}

TEST_F(StringsTest, SetExpireTimeErrors) {
  const std::string invalid = "-ERR invalid expire time in 'set' command\r\n";
  EXPECT_EQ(run({"SET", "k", "v", "EX", "0"}), invalid);
  EXPECT_EQ(run({"SET", "k", "v", "EX", "-1"}), invalid);
  EXPECT_EQ(run({"SET", "k", "v", "PX", "-5"}), invalid);
  EXPECT_EQ(run({"SET", "k", "v", "EXAT", "0"}), invalid);
  EXPECT_EQ(run({"SET", "k", "v", "EX", "9223372036854775807"}), invalid);
  EXPECT_EQ(run({"SET", "k", "v", "EX", "9223372036854775"}), invalid);  // overflows with now
  EXPECT_EQ(run({"SET", "k", "v", "PX", "9223372036854775807"}), invalid);
  EXPECT_EQ(run({"SET", "k", "v", "EXAT", "9223372036854775807"}), invalid);
  EXPECT_EQ(run({"SET", "k", "v", "EX", "abc"}), kNotInteger);
  EXPECT_EQ(run({"SET", "k", "v", "EX", "1.5"}), kNotInteger);
  EXPECT_EQ(run({"SET", "k", "v", "EX", "00"}), kNotInteger);
  EXPECT_EQ(run({"SET", "k", "v", "EX", "99999999999999999999"}), kNotInteger);
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
  // The expire time is checked before GET's type check.
  add_list("l");
  EXPECT_EQ(run({"SET", "l", "v", "EX", "0", "GET"}), invalid);
  EXPECT_EQ(run({"SET", "k", "v", "EX", "9223372036854"}), "+OK\r\n");
  EXPECT_EQ(run({"SET", "k", "v", "PXAT", "9223372036854775807"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":9223370336854775807\r\n");
}

TEST_F(StringsTest, OptionNamesEndAtNul) {
  EXPECT_EQ(run({bin("SET"), bin("k"), bin("v"), bin("nx\0zz")}), "+OK\r\n");
  EXPECT_EQ(run({bin("SET"), bin("k"), bin("v"), bin("nx\0zz")}), "$-1\r\n");
  EXPECT_EQ(run({bin("SET"), bin("k"), bin("v"), bin("ex\0"), bin("10")}), "+OK\r\n");
  EXPECT_EQ(run({bin("SET"), bin("k"), bin("v"), bin("EX"), bin("10\0")}), kNotInteger);
  EXPECT_EQ(run({bin("GETEX"), bin("k"), bin("persist\0zz")}), "$1\r\nv\r\n");
  EXPECT_EQ(run({bin("LCS"), bin("k"), bin("k"), bin("len\0zz")}), ":1\r\n");
}

// ---- SETNX SETEX PSETEX GETSET

TEST_F(StringsTest, Setnx) {
  EXPECT_EQ(run({"SETNX", "k", "1"}), ":1\r\n");
  EXPECT_EQ(run({"SETNX", "k", "2"}), ":0\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\n1\r\n");
  add_list("l");
  EXPECT_EQ(run({"SETNX", "l", "1"}), ":0\r\n");
  EXPECT_EQ(run({"SETNX", "k"}), "-ERR wrong number of arguments for 'setnx' command\r\n");
}

TEST_F(StringsTest, SetexAndPsetex) {
  EXPECT_EQ(run({"SETEX", "k", "10", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":10000\r\n");
  EXPECT_EQ(run({"PSETEX", "k", "1234", "w"}), "+OK\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":1234\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nw\r\n");
  add_list("l");
  EXPECT_EQ(run({"SETEX", "l", "10", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GET", "l"}), "$1\r\nv\r\n");
}

TEST_F(StringsTest, SetexErrors) {
  EXPECT_EQ(run({"SETEX", "k", "0", "v"}), "-ERR invalid expire time in 'setex' command\r\n");
  EXPECT_EQ(run({"SETEX", "k", "-3", "v"}), "-ERR invalid expire time in 'setex' command\r\n");
  EXPECT_EQ(run({"SETEX", "k", "9223372036854775", "v"}),
            "-ERR invalid expire time in 'setex' command\r\n");
  EXPECT_EQ(run({"SETEX", "k", "abc", "v"}), kNotInteger);
  EXPECT_EQ(run({"PSETEX", "k", "0", "v"}), "-ERR invalid expire time in 'psetex' command\r\n");
  EXPECT_EQ(run({"PSETEX", "k", "9223372036854775807", "v"}),
            "-ERR invalid expire time in 'psetex' command\r\n");
  EXPECT_EQ(run({"SETEX", "k", "10"}), "-ERR wrong number of arguments for 'setex' command\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
}

TEST_F(StringsTest, Getset) {
  EXPECT_EQ(run({"GETSET", "k", "1"}), "$-1\r\n");
  EXPECT_EQ(run({"SETEX", "k", "100", "2"}), "+OK\r\n");
  EXPECT_EQ(run({"GETSET", "k", "3"}), "$1\r\n2\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":-1\r\n");  // GETSET drops the TTL
  EXPECT_EQ(run({"GET", "k"}), "$1\r\n3\r\n");
  add_list("l");
  EXPECT_EQ(run({"GETSET", "l", "1"}), kWrongType);
  EXPECT_EQ(encoding("l"), "quicklist");
}

// ---- GETDEL GETEX

TEST_F(StringsTest, Getdel) {
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GETDEL", "k"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"GETDEL", "k"}), "$-1\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
  EXPECT_EQ(run({"SET", "n", "42"}), "+OK\r\n");
  EXPECT_EQ(run({"GETDEL", "n"}), "$2\r\n42\r\n");
  add_list("l");
  EXPECT_EQ(run({"GETDEL", "l"}), kWrongType);
  EXPECT_EQ(run({"EXISTS", "l"}), ":1\r\n");
  EXPECT_EQ(run({"GETDEL"}), "-ERR wrong number of arguments for 'getdel' command\r\n");
  EXPECT_EQ(run({"GETDEL", "a", "b"}), "-ERR wrong number of arguments for 'getdel' command\r\n");
}

TEST_F(StringsTest, GetexSetsAndRemovesTtl) {
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GETEX", "k"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":-1\r\n");
  EXPECT_EQ(run({"GETEX", "k", "EX", "100"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":100\r\n");
  EXPECT_EQ(run({"GETEX", "k"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":100\r\n");
  EXPECT_EQ(run({"GETEX", "k", "PERSIST"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":-1\r\n");
  EXPECT_EQ(run({"GETEX", "k", "PX", "1500"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":1500\r\n");
  EXPECT_EQ(run({"GETEX", "k", "EXAT", "1700000200"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":200000\r\n");
  EXPECT_EQ(run({"GETEX", "k", "PXAT", "1700000000300"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":300\r\n");
  EXPECT_EQ(run({"GETEX", "k", "EX", "10", "EX", "20"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":20\r\n");
  EXPECT_EQ(run({"GETEX", "k", "PERSIST", "PERSIST"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":-1\r\n");
}

TEST_F(StringsTest, GetexPastAbsoluteTimeDeletesAfterReading) {
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GETEX", "k", "PXAT", "1"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GETEX", "k", "EXAT", "1700000000"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
}

TEST_F(StringsTest, GetexExpiresLikeAnyTtl) {
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GETEX", "k", "PX", "100"}), "$1\r\nv\r\n");
  advance_ms(100);  // a key expires once the time is past its expire time
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nv\r\n");
  advance_ms(1);
  EXPECT_EQ(run({"GET", "k"}), "$-1\r\n");
}

TEST_F(StringsTest, GetexErrors) {
  EXPECT_EQ(run({"SET", "k", "v", "EX", "50"}), "+OK\r\n");
  for (std::vector<std::string> argv : std::vector<std::vector<std::string>>{
           {"GETEX", "k", "EX", "10", "PX", "10"}, {"GETEX", "k", "PERSIST", "EX", "1"},
           {"GETEX", "k", "EX", "1", "PERSIST"},   {"GETEX", "k", "KEEPTTL"},
           {"GETEX", "k", "NX"},                   {"GETEX", "k", "GET"},
           {"GETEX", "k", "EX"},                   {"GETEX", "missing", "FOO"}}) {
    EXPECT_EQ(run(argv), kSyntax) << argv[2];
  }
  const std::string invalid = "-ERR invalid expire time in 'getex' command\r\n";
  EXPECT_EQ(run({"GETEX", "k", "EX", "0"}), invalid);
  EXPECT_EQ(run({"GETEX", "k", "EX", "-1"}), invalid);
  EXPECT_EQ(run({"GETEX", "k", "EXAT", "9223372036854775807"}), invalid);
  EXPECT_EQ(run({"GETEX", "k", "PX", "9223372036854775807"}), invalid);
  EXPECT_EQ(run({"GETEX", "k", "EX", "abc"}), kNotInteger);
  EXPECT_EQ(run({"TTL", "k"}), ":50\r\n");
  // The key is looked up before the time is parsed.
  EXPECT_EQ(run({"GETEX", "missing", "EX", "0"}), "$-1\r\n");
  EXPECT_EQ(run({"GETEX", "missing", "EX", "abc"}), "$-1\r\n");
  add_list("l");
  EXPECT_EQ(run({"GETEX", "l"}), kWrongType);
  EXPECT_EQ(run({"GETEX", "l", "EX", "0"}), kWrongType);
  EXPECT_EQ(run({"GETEX"}), "-ERR wrong number of arguments for 'getex' command\r\n");
}

TEST_F(StringsTest, GetexPxatMaxIsAccepted) {
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GETEX", "k", "PXAT", "9223372036854775807"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":9223370336854775807\r\n");
}

// ---- MGET MSET MSETNX

TEST_F(StringsTest, MgetMset) {
  EXPECT_EQ(run({"MSET", "a", "1", "b", "xyz", "a", "2"}), "+OK\r\n");
  add_list("l");
  EXPECT_EQ(run({"MGET", "a", "b", "l", "nope", "a"}),
            "*5\r\n$1\r\n2\r\n$3\r\nxyz\r\n$-1\r\n$-1\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"MSET", "l", "s"}), "+OK\r\n");  // overwrites any type
  EXPECT_EQ(run({"GET", "l"}), "$1\r\ns\r\n");
}

TEST_F(StringsTest, MsetDropsTtl) {
  EXPECT_EQ(run({"SET", "a", "1", "EX", "100"}), "+OK\r\n");
  EXPECT_EQ(run({"MSET", "a", "2"}), "+OK\r\n");
  EXPECT_EQ(run({"TTL", "a"}), ":-1\r\n");
}

TEST_F(StringsTest, MgetMsetArity) {
  EXPECT_EQ(run({"MGET"}), "-ERR wrong number of arguments for 'mget' command\r\n");
  EXPECT_EQ(run({"MSET", "a"}), "-ERR wrong number of arguments for 'mset' command\r\n");
  EXPECT_EQ(run({"MSET", "a", "1", "b"}), "-ERR wrong number of arguments for 'mset' command\r\n");
  EXPECT_EQ(run({"EXISTS", "a"}), ":0\r\n");
}

TEST_F(StringsTest, Msetnx) {
  EXPECT_EQ(run({"MSETNX", "a", "1", "b", "2"}), ":1\r\n");
  EXPECT_EQ(run({"MSETNX", "b", "3", "c", "4"}), ":0\r\n");
  EXPECT_EQ(run({"MGET", "a", "b", "c"}), "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$-1\r\n");
  EXPECT_EQ(run({"MSETNX", "x", "1", "x", "2"}), ":1\r\n");
  EXPECT_EQ(run({"GET", "x"}), "$1\r\n2\r\n");
  add_list("l");
  EXPECT_EQ(run({"MSETNX", "l", "1", "d", "5"}), ":0\r\n");
  EXPECT_EQ(run({"EXISTS", "d"}), ":0\r\n");
  EXPECT_EQ(run({"MSETNX", "a"}), "-ERR wrong number of arguments for 'msetnx' command\r\n");
  EXPECT_EQ(run({"MSETNX", "e", "1", "f"}),
            "-ERR wrong number of arguments for 'msetnx' command\r\n");
  EXPECT_EQ(run({"EXISTS", "e"}), ":0\r\n");
}

// ---- INCR DECR INCRBY DECRBY

TEST_F(StringsTest, IncrDecr) {
  EXPECT_EQ(run({"INCR", "k"}), ":1\r\n");
  EXPECT_EQ(run({"INCRBY", "k", "41"}), ":42\r\n");
  EXPECT_EQ(run({"DECR", "k"}), ":41\r\n");
  EXPECT_EQ(run({"DECRBY", "k", "-9"}), ":50\r\n");
  EXPECT_EQ(run({"INCRBY", "k", "-100"}), ":-50\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$3\r\n-50\r\n");
  EXPECT_EQ(run({"DECR", "new"}), ":-1\r\n");
}

TEST_F(StringsTest, IncrKeepsTtl) {
  EXPECT_EQ(run({"SET", "k", "5", "EX", "100"}), "+OK\r\n");
  EXPECT_EQ(run({"INCR", "k"}), ":6\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":100\r\n");
}

TEST_F(StringsTest, IncrOnNonIntegerValues) {
  for (const char* v : {"abc", " 1", "1 ", "1.5", "01", "+1", "", "-0", "9223372036854775808"}) {
    EXPECT_EQ(run({"SET", "k", v}), "+OK\r\n");
    EXPECT_EQ(run({"INCR", "k"}), kNotInteger) << v;
  }
  EXPECT_EQ(run({bin("SET"), bin("k"), bin("1\0")}), "+OK\r\n");
  EXPECT_EQ(run({"INCR", "k"}), kNotInteger);
  EXPECT_EQ(run({"INCRBY", "k", "x"}), kNotInteger);
  EXPECT_EQ(run({"INCRBY", "n", "1.0"}), kNotInteger);
  EXPECT_EQ(run({"EXISTS", "n"}), ":0\r\n");
}

TEST_F(StringsTest, IncrOverflow) {
  const std::string overflow = "-ERR increment or decrement would overflow\r\n";
  EXPECT_EQ(run({"SET", "k", "9223372036854775807"}), "+OK\r\n");
  EXPECT_EQ(run({"INCR", "k"}), overflow);
  EXPECT_EQ(run({"INCRBY", "k", "-9223372036854775808"}), ":-1\r\n");
  EXPECT_EQ(run({"INCRBY", "m", "-9223372036854775808"}), ":-9223372036854775808\r\n");
  EXPECT_EQ(run({"DECR", "m"}), overflow);
  EXPECT_EQ(run({"DECRBY", "m", "1"}), overflow);
  EXPECT_EQ(run({"GET", "m"}), "$20\r\n-9223372036854775808\r\n");
  EXPECT_EQ(run({"DECRBY", "m", "-9223372036854775808"}), "-ERR decrement would overflow\r\n");
  EXPECT_EQ(run({"INCRBY", "m", "9223372036854775808"}), kNotInteger);
}

TEST_F(StringsTest, IncrWrongTypeAndArity) {
  add_list("l");
  EXPECT_EQ(run({"INCR", "l"}), kWrongType);
  EXPECT_EQ(run({"DECRBY", "l", "1"}), kWrongType);
  EXPECT_EQ(run({"INCRBY", "l", "x"}), kNotInteger);  // the argument is checked first
  EXPECT_EQ(run({"DECRBY", "l", "-9223372036854775808"}), "-ERR decrement would overflow\r\n");
  EXPECT_EQ(run({"INCR"}), "-ERR wrong number of arguments for 'incr' command\r\n");
  EXPECT_EQ(run({"INCRBY", "k", "1", "2"}),
            "-ERR wrong number of arguments for 'incrby' command\r\n");
}

// ---- INCRBYFLOAT

TEST_F(StringsTest, Incrbyfloat) {
  EXPECT_EQ(run({"INCRBYFLOAT", "f", "1.5"}), "$3\r\n1.5\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "f", "1.5"}), "$1\r\n3\r\n");
  EXPECT_EQ(run({"SET", "h", "10.5"}), "+OK\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h", "0.1"}), "$4\r\n10.6\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h", "5.0e3"}), "$22\r\n5010.60000000000000009\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h6", "0.1"}), "$3\r\n0.1\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h6", "0.2"}), "$3\r\n0.3\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h7", "-1.5e-3"}), "$7\r\n-0.0015\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h8", "+5"}), "$1\r\n5\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h8", ".5"}), "$3\r\n5.5\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h8", "5."}), "$4\r\n10.5\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h8", "0x10"}), "$4\r\n26.5\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "h9", "1E2"}), "$3\r\n100\r\n");
  EXPECT_EQ(run({"SET", "i", "5"}), "+OK\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "i", "-5"}), "$1\r\n0\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "z", "-0.0"}), "$1\r\n0\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "tiny", "1e-20"}), "$1\r\n0\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "big", "123456789012345678901234"}),
            "$24\r\n123456789012345678897152\r\n");
}

TEST_F(StringsTest, IncrbyfloatHugeValuesPrintWithoutExponent) {
  EXPECT_EQ(run({"SET", "big", "1.7976931348623157e308"}), "+OK\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "big", "1.7976931348623157e308"}),
            "$309\r\n"
            "35953862697246313999184209354820886809677289388865835697062884153035325704624879270"
            "94037372167741711288575868388510413786174167269022721107157945560529552341469979553"
            "72576789671236326588091188869859074894581254961338834769297758245552436667197907705"
            "664206565009503223382416235440319971852753604933726679072768\r\n");
  EXPECT_EQ(encoding("big"), "raw");
}

TEST_F(StringsTest, IncrbyfloatKeepsTtl) {
  EXPECT_EQ(run({"SET", "k", "5", "EX", "100"}), "+OK\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "k", "1"}), "$1\r\n6\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":100\r\n");
}

TEST_F(StringsTest, IncrbyfloatErrors) {
  const std::string nan_or_inf = "-ERR increment would produce NaN or Infinity\r\n";
  EXPECT_EQ(run({"SET", "h", "1"}), "+OK\r\n");
  for (const char* bad : {"abc", "", " 1", "1 ", "nan", "1e-5000", "1,5"}) {
    EXPECT_EQ(run({"INCRBYFLOAT", "h", bad}), kNotFloat) << bad;
  }
  EXPECT_EQ(run({"INCRBYFLOAT", "h", "inf"}), nan_or_inf);
  EXPECT_EQ(run({"INCRBYFLOAT", "h", "-inf"}), nan_or_inf);
  EXPECT_EQ(run({"INCRBYFLOAT", "h", "infinity"}), nan_or_inf);
  EXPECT_EQ(run({"GET", "h"}), "$1\r\n1\r\n");
  EXPECT_EQ(run({"SET", "bad", "abc"}), "+OK\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "bad", "1"}), kNotFloat);
  EXPECT_EQ(run({"INCRBYFLOAT", "missing", "abc"}), kNotFloat);
  EXPECT_EQ(run({"EXISTS", "missing"}), ":0\r\n");
  add_list("l");
  EXPECT_EQ(run({"INCRBYFLOAT", "l", "1"}), kWrongType);
  EXPECT_EQ(run({"INCRBYFLOAT", "l", "abc"}), kWrongType);
  EXPECT_EQ(run({"INCRBYFLOAT", "h"}),
            "-ERR wrong number of arguments for 'incrbyfloat' command\r\n");
}

// ---- APPEND STRLEN

TEST_F(StringsTest, Append) {
  EXPECT_EQ(run({"APPEND", "k", "ab"}), ":2\r\n");
  EXPECT_EQ(run({"APPEND", "k", "cd"}), ":4\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$4\r\nabcd\r\n");
  EXPECT_EQ(run({"SET", "n", "12"}), "+OK\r\n");
  EXPECT_EQ(run({"APPEND", "n", "3"}), ":3\r\n");
  EXPECT_EQ(run({"GET", "n"}), "$3\r\n123\r\n");
  EXPECT_EQ(run({"APPEND", "e", ""}), ":0\r\n");
  EXPECT_EQ(run({"EXISTS", "e"}), ":1\r\n");
  EXPECT_EQ(run({bin("APPEND"), bin("b\0"), bin("a\0")}), ":2\r\n");
  EXPECT_EQ(run({bin("APPEND"), bin("b\0"), bin("\0c")}), ":4\r\n");
  EXPECT_EQ(run({bin("GET"), bin("b\0")}), bin("$4\r\na\0\0c\r\n"));
}

TEST_F(StringsTest, AppendKeepsTtlAndChecksType) {
  EXPECT_EQ(run({"SET", "k", "5", "EX", "100"}), "+OK\r\n");
  EXPECT_EQ(run({"APPEND", "k", "x"}), ":2\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":100\r\n");
  add_list("l");
  EXPECT_EQ(run({"APPEND", "l", "x"}), kWrongType);
  EXPECT_EQ(run({"APPEND"}), "-ERR wrong number of arguments for 'append' command\r\n");
}

TEST_F(StringsTest, Strlen) {
  EXPECT_EQ(run({"STRLEN", "nope"}), ":0\r\n");
  EXPECT_EQ(run({"SET", "k", "hello"}), "+OK\r\n");
  EXPECT_EQ(run({"STRLEN", "k"}), ":5\r\n");
  EXPECT_EQ(run({"SET", "big", "-9223372036854775808"}), "+OK\r\n");
  EXPECT_EQ(run({"STRLEN", "big"}), ":20\r\n");
  EXPECT_EQ(run({bin("SET"), bin("b"), bin("a\0b")}), "+OK\r\n");
  EXPECT_EQ(run({"STRLEN", "b"}), ":3\r\n");
  EXPECT_EQ(run({"SET", "e", ""}), "+OK\r\n");
  EXPECT_EQ(run({"STRLEN", "e"}), ":0\r\n");
  add_list("l");
  EXPECT_EQ(run({"STRLEN", "l"}), kWrongType);
  EXPECT_EQ(run({"STRLEN", "a", "b"}), "-ERR wrong number of arguments for 'strlen' command\r\n");
}

// ---- GETRANGE SUBSTR

TEST_F(StringsTest, Getrange) {
  EXPECT_EQ(run({"SET", "k", "Hello"}), "+OK\r\n");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"0", "-1"}, "$5\r\nHello\r\n"},
      {{"1", "2"}, "$2\r\nel\r\n"},
      {{"-3", "-1"}, "$3\r\nllo\r\n"},
      {{"-1", "-3"}, "$0\r\n\r\n"},
      {{"3", "1"}, "$0\r\n\r\n"},
      {{"10", "20"}, "$0\r\n\r\n"},
      {{"-100", "100"}, "$5\r\nHello\r\n"},
      {{"0", "-100"}, "$1\r\nH\r\n"},
      {{"-100", "-100"}, "$1\r\nH\r\n"},
      {{"4", "4"}, "$1\r\no\r\n"},
      {{"5", "5"}, "$0\r\n\r\n"},
      {{"9223372036854775807", "-9223372036854775808"}, "$0\r\n\r\n"},
      {{"-9223372036854775808", "9223372036854775807"}, "$5\r\nHello\r\n"},
      {{"1", "-9223372036854775808"}, "$0\r\n\r\n"},
      {{"-9223372036854775808", "-1"}, "$5\r\nHello\r\n"},
  };
  for (const auto& [range, want] : cases) {
    EXPECT_EQ(run({"GETRANGE", "k", range[0], range[1]}), want) << range[0] << " " << range[1];
  }
}

TEST_F(StringsTest, GetrangeEdgeValues) {
  EXPECT_EQ(run({"GETRANGE", "missing", "0", "-1"}), "$0\r\n\r\n");
  EXPECT_EQ(run({"SET", "e", ""}), "+OK\r\n");
  EXPECT_EQ(run({"GETRANGE", "e", "0", "-1"}), "$0\r\n\r\n");
  EXPECT_EQ(run({"GETRANGE", "e", "0", "0"}), "$0\r\n\r\n");
  EXPECT_EQ(run({"GETRANGE", "e", "-1", "0"}), "$0\r\n\r\n");
  EXPECT_EQ(run({"SET", "n", "12345"}), "+OK\r\n");
  EXPECT_EQ(run({"GETRANGE", "n", "1", "-2"}), "$3\r\n234\r\n");
  EXPECT_EQ(run({bin("SET"), bin("b"), bin("a\0b\0")}), "+OK\r\n");
  EXPECT_EQ(run({"GETRANGE", "b", "1", "2"}), bin("$2\r\n\0b\r\n"));
  EXPECT_EQ(run({"SUBSTR", "n", "0", "1"}), "$2\r\n12\r\n");
}

TEST_F(StringsTest, GetrangeErrors) {
  EXPECT_EQ(run({"SET", "k", "Hello"}), "+OK\r\n");
  EXPECT_EQ(run({"GETRANGE", "k", "0", "9223372036854775808"}), kNotInteger);
  EXPECT_EQ(run({"GETRANGE", "k", "a", "1"}), kNotInteger);
  EXPECT_EQ(run({"GETRANGE", "k", "0", "b"}), kNotInteger);
  EXPECT_EQ(run({"GETRANGE", "missing", "a", "-1"}), kNotInteger);
  add_list("l");
  EXPECT_EQ(run({"GETRANGE", "l", "0", "1"}), kWrongType);
  EXPECT_EQ(run({"GETRANGE", "l", "x", "1"}), kNotInteger);
  EXPECT_EQ(run({"SUBSTR", "l", "0", "1"}), kWrongType);
  EXPECT_EQ(run({"SUBSTR", "k", "0"}), "-ERR wrong number of arguments for 'substr' command\r\n");
  EXPECT_EQ(run({"GETRANGE", "k", "0"}),
            "-ERR wrong number of arguments for 'getrange' command\r\n");
}

// ---- SETRANGE

TEST_F(StringsTest, SetrangeZeroPads) {
  EXPECT_EQ(run({"SETRANGE", "k", "3", "ab"}), ":5\r\n");
  EXPECT_EQ(run({"GET", "k"}), bin("$5\r\n\0\0\0ab\r\n"));
  EXPECT_EQ(run({"SETRANGE", "k", "1", "Z"}), ":5\r\n");
  EXPECT_EQ(run({"GET", "k"}), bin("$5\r\n\0Z\0ab\r\n"));
  EXPECT_EQ(run({"SETRANGE", "k", "4", "xyz"}), ":7\r\n");
  EXPECT_EQ(run({"GET", "k"}), bin("$7\r\n\0Z\0axyz\r\n"));
  EXPECT_EQ(run({"SETRANGE", "k", "0", bin("\0\0")}), ":7\r\n");
  EXPECT_EQ(run({"GET", "k"}), bin("$7\r\n\0\0\0axyz\r\n"));
}

TEST_F(StringsTest, SetrangeOnIntegersAndShortStrings) {
  EXPECT_EQ(run({"SET", "n", "12"}), "+OK\r\n");
  EXPECT_EQ(run({"SETRANGE", "n", "0", "3"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "n"}), "$2\r\n32\r\n");
  EXPECT_EQ(run({"INCR", "n"}), ":33\r\n");
  EXPECT_EQ(run({"SET", "e", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"SETRANGE", "e", "0", "w"}), ":1\r\n");
  EXPECT_EQ(run({"GET", "e"}), "$1\r\nw\r\n");
}

TEST_F(StringsTest, SetrangeEmptyValue) {
  EXPECT_EQ(run({"SETRANGE", "k", "0", ""}), ":0\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
  EXPECT_EQ(run({"SETRANGE", "k", "9223372036854775807", ""}), ":0\r\n");
  EXPECT_EQ(run({"SET", "k", "hello"}), "+OK\r\n");
  EXPECT_EQ(run({"SETRANGE", "k", "100", ""}), ":5\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$5\r\nhello\r\n");
}

TEST_F(StringsTest, SetrangeKeepsTtl) {
  EXPECT_EQ(run({"SET", "k", "hello", "EX", "100"}), "+OK\r\n");
  EXPECT_EQ(run({"SETRANGE", "k", "0", "j"}), ":5\r\n");
  EXPECT_EQ(run({"SETRANGE", "k", "0", "J"}), ":5\r\n");  // in place on a raw value
  EXPECT_EQ(run({"TTL", "k"}), ":100\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$5\r\nJello\r\n");
}

TEST_F(StringsTest, SetrangeLimitRefusedWithoutAllocating) {
  EXPECT_EQ(run({"SETRANGE", "k", "536870912", "a"}), kTooLong);
  EXPECT_EQ(run({"SETRANGE", "k", "536870911", "ab"}), kTooLong);
  EXPECT_EQ(run({"SETRANGE", "k", "9223372036854775807", "a"}), kTooLong);
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"SETRANGE", "k", "536870912", "a"}), kTooLong);
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nv\r\n");
}

TEST_F(StringsTest, SetrangeErrors) {
  const std::string out_of_range = "-ERR offset is out of range\r\n";
  EXPECT_EQ(run({"SETRANGE", "k", "-1", "a"}), out_of_range);
  EXPECT_EQ(run({"SETRANGE", "k", "-1", ""}), out_of_range);
  EXPECT_EQ(run({"SETRANGE", "k", "a", "a"}), kNotInteger);
  add_list("l");
  EXPECT_EQ(run({"SETRANGE", "l", "0", "a"}), kWrongType);
  EXPECT_EQ(run({"SETRANGE", "l", "0", ""}), kWrongType);
  EXPECT_EQ(run({"SETRANGE", "l", "-1", "a"}), out_of_range);
  EXPECT_EQ(run({"SETRANGE", "l", "536870912", "a"}), kWrongType);
  EXPECT_EQ(run({"SETRANGE", "k", "1"}),
            "-ERR wrong number of arguments for 'setrange' command\r\n");
}

// ---- LCS

TEST_F(StringsTest, Lcs) {
  EXPECT_EQ(run({"MSET", "a", "ohmytext", "b", "mynewtext"}), "+OK\r\n");
  EXPECT_EQ(run({"LCS", "a", "b"}), "$6\r\nmytext\r\n");
  EXPECT_EQ(run({"LCS", "a", "b", "LEN"}), ":6\r\n");
  EXPECT_EQ(run({"LCS", "a", "b", "LEN", "WITHMATCHLEN"}), ":6\r\n");
  EXPECT_EQ(run({"LCS", "a", "b", "WITHMATCHLEN"}), "$6\r\nmytext\r\n");
  EXPECT_EQ(run({"LCS", "a", "b", "MINMATCHLEN", "3"}), "$6\r\nmytext\r\n");
  EXPECT_EQ(run({"LCS", "a", "missing"}), "$0\r\n\r\n");
  EXPECT_EQ(run({"LCS", "x", "y", "LEN"}), ":0\r\n");
  EXPECT_EQ(run({"SET", "n", "12345"}), "+OK\r\n");
  EXPECT_EQ(run({"SET", "m", "2x4"}), "+OK\r\n");
  EXPECT_EQ(run({"LCS", "n", "m"}), "$2\r\n24\r\n");
  EXPECT_EQ(run({"LCS", "a", "a"}), "$8\r\nohmytext\r\n");
}

TEST_F(StringsTest, LcsIdx) {
  EXPECT_EQ(run({"MSET", "a", "ohmytext", "b", "mynewtext"}), "+OK\r\n");
  EXPECT_EQ(run({"LCS", "a", "b", "IDX"}),
            "*4\r\n$7\r\nmatches\r\n*2\r\n"
            "*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n"
            "*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n"
            "$3\r\nlen\r\n:6\r\n");
  EXPECT_EQ(run({"LCS", "a", "b", "IDX", "MINMATCHLEN", "4"}),
            "*4\r\n$7\r\nmatches\r\n*1\r\n"
            "*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n"
            "$3\r\nlen\r\n:6\r\n");
  EXPECT_EQ(run({"LCS", "a", "b", "IDX", "WITHMATCHLEN"}),
            "*4\r\n$7\r\nmatches\r\n*2\r\n"
            "*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n"
            "*3\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n:2\r\n"
            "$3\r\nlen\r\n:6\r\n");
  EXPECT_EQ(run({"LCS", "a", "b", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"}),
            "*4\r\n$7\r\nmatches\r\n*1\r\n"
            "*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n"
            "$3\r\nlen\r\n:6\r\n");
  // A negative MINMATCHLEN means 0.
  EXPECT_EQ(run({"LCS", "a", "b", "MINMATCHLEN", "-5", "IDX"}),
            run({"LCS", "a", "b", "IDX"}));
  EXPECT_EQ(run({"LCS", "a", "missing", "IDX"}),
            "*4\r\n$7\r\nmatches\r\n*0\r\n$3\r\nlen\r\n:0\r\n");
  EXPECT_EQ(run({"SET", "n", "12345"}), "+OK\r\n");
  EXPECT_EQ(run({"SET", "m", "2x4"}), "+OK\r\n");
  EXPECT_EQ(run({"LCS", "n", "m", "IDX", "WITHMATCHLEN"}),
            "*4\r\n$7\r\nmatches\r\n*2\r\n"
            "*3\r\n*2\r\n:3\r\n:3\r\n*2\r\n:2\r\n:2\r\n:1\r\n"
            "*3\r\n*2\r\n:1\r\n:1\r\n*2\r\n:0\r\n:0\r\n:1\r\n"
            "$3\r\nlen\r\n:2\r\n");
}

TEST_F(StringsTest, LcsResp3IdxIsAMap) {
  EXPECT_EQ(run({"MSET", "a", "ohmytext", "b", "mynewtext"}), "+OK\r\n");
  use_resp3();
  EXPECT_EQ(run({"LCS", "a", "b", "IDX", "WITHMATCHLEN"}),
            "%2\r\n$7\r\nmatches\r\n*2\r\n"
            "*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n"
            "*3\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n:2\r\n"
            "$3\r\nlen\r\n:6\r\n");
  EXPECT_EQ(run({"LCS", "a", "b"}), "$6\r\nmytext\r\n");
  EXPECT_EQ(run({"LCS", "a", "b", "LEN"}), ":6\r\n");
}

TEST_F(StringsTest, LcsBinary) {
  EXPECT_EQ(run({bin("SET"), bin("a"), bin("x\0y\0z")}), "+OK\r\n");
  EXPECT_EQ(run({bin("SET"), bin("b"), bin("\0\0z")}), "+OK\r\n");
  EXPECT_EQ(run({"LCS", "a", "b"}), bin("$3\r\n\0\0z\r\n"));
}

TEST_F(StringsTest, LcsErrors) {
  EXPECT_EQ(run({"MSET", "a", "ohmytext", "b", "mynewtext"}), "+OK\r\n");
  const std::string len_and_idx =
      "-ERR If you want both the length and indexes, please just use IDX.\r\n";
  EXPECT_EQ(run({"LCS", "a", "b", "LEN", "IDX"}), len_and_idx);
  EXPECT_EQ(run({"LCS", "a", "b", "idx", "len"}), len_and_idx);
  EXPECT_EQ(run({"LCS", "a", "b", "MINMATCHLEN"}), kSyntax);
  EXPECT_EQ(run({"LCS", "a", "b", "MINMATCHLEN", "x"}), kNotInteger);
  EXPECT_EQ(run({"LCS", "a", "b", "FOO"}), kSyntax);
  add_list("l");
  const std::string not_strings = "-ERR The specified keys must contain string values\r\n";
  EXPECT_EQ(run({"LCS", "a", "l"}), not_strings);
  EXPECT_EQ(run({"LCS", "l", "a", "FOO"}), not_strings);  // types are checked first
  EXPECT_EQ(run({"LCS", "a"}), "-ERR wrong number of arguments for 'lcs' command\r\n");
}

TEST_F(StringsTest, LcsTableLargerThanProtoMaxBulkLenIsRefused) {
  EXPECT_EQ(run({"SET", "x", std::string(12000, 'a')}), "+OK\r\n");
  EXPECT_EQ(run({"SET", "y", std::string(12000, 'b')}), "+OK\r\n");
  const std::string too_large =
      "-ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len\r\n";
  EXPECT_EQ(run({"LCS", "x", "y", "LEN"}), too_large);
  EXPECT_EQ(run({"LCS", "x", "y"}), too_large);
}

// ---- RESP3

TEST_F(StringsTest, Resp3Nulls) {
  use_resp3();
  EXPECT_EQ(run({"GET", "nope"}), "_\r\n");
  EXPECT_EQ(run({"GETEX", "nope"}), "_\r\n");
  EXPECT_EQ(run({"GETDEL", "nope"}), "_\r\n");
  EXPECT_EQ(run({"GETSET", "nope", "v"}), "_\r\n");
  EXPECT_EQ(run({"MGET", "nope", "missing"}), "*2\r\n$1\r\nv\r\n_\r\n");
  EXPECT_EQ(run({"SET", "x", "v", "XX"}), "_\r\n");
  EXPECT_EQ(run({"SET", "x", "v", "GET"}), "_\r\n");
  EXPECT_EQ(run({"INCRBYFLOAT", "f", "1.5"}), "$3\r\n1.5\r\n");
  EXPECT_EQ(run({"GETRANGE", "missing", "0", "1"}), "$0\r\n\r\n");
}

// ---- Encodings (what OBJECT ENCODING reports; the rules are in strings.h)

TEST_F(StringsTest, EncodingsOfStoredArguments) {
  EXPECT_EQ(run({"SET", "i", "9223372036854775807"}), "+OK\r\n");
  EXPECT_EQ(encoding("i"), "int");
  EXPECT_EQ(run({"SET", "s", "9223372036854775808"}), "+OK\r\n");
  EXPECT_EQ(encoding("s"), "embstr");
  EXPECT_EQ(run({"SET", "s", "+1"}), "+OK\r\n");
  EXPECT_EQ(encoding("s"), "embstr");
  EXPECT_EQ(run({"SET", "s", std::string(44, 'x')}), "+OK\r\n");
  EXPECT_EQ(encoding("s"), "embstr");
  EXPECT_EQ(run({"SET", "s", std::string(45, 'x')}), "+OK\r\n");
  EXPECT_EQ(encoding("s"), "raw");
  EXPECT_EQ(run({"SET", "e", ""}), "+OK\r\n");
  EXPECT_EQ(encoding("e"), "embstr");
  EXPECT_EQ(run({"MSET", "a", "1", "b", "x"}), "+OK\r\n");
  EXPECT_EQ(encoding("a"), "int");
  EXPECT_EQ(encoding("b"), "embstr");
  EXPECT_EQ(run({"SETEX", "se", "10", "5"}), "+OK\r\n");
  EXPECT_EQ(encoding("se"), "int");
  EXPECT_EQ(run({"SETNX", "sn", "5"}), ":1\r\n");
  EXPECT_EQ(encoding("sn"), "int");
  EXPECT_EQ(run({"GETSET", "sn", "7"}), "$1\r\n5\r\n");
  EXPECT_EQ(encoding("sn"), "int");
  EXPECT_EQ(run({"MSETNX", "m", "x"}), ":1\r\n");
  EXPECT_EQ(encoding("m"), "embstr");
}

TEST_F(StringsTest, EncodingsAfterModification) {
  EXPECT_EQ(run({"APPEND", "n", "12"}), ":2\r\n");
  EXPECT_EQ(encoding("n"), "int");
  EXPECT_EQ(run({"APPEND", "n", "3"}), ":3\r\n");
  EXPECT_EQ(encoding("n"), "raw");
  EXPECT_EQ(run({"INCR", "n"}), ":124\r\n");
  EXPECT_EQ(encoding("n"), "int");
  EXPECT_EQ(run({"APPEND", "n", ""}), ":3\r\n");
  EXPECT_EQ(encoding("n"), "raw");
  EXPECT_EQ(run({"APPEND", "k", "ab"}), ":2\r\n");
  EXPECT_EQ(encoding("k"), "embstr");
  EXPECT_EQ(run({"SET", "i", "12"}), "+OK\r\n");
  EXPECT_EQ(run({"SETRANGE", "i", "0", ""}), ":2\r\n");
  EXPECT_EQ(encoding("i"), "int");
  EXPECT_EQ(run({"SETRANGE", "i", "0", "3"}), ":2\r\n");
  EXPECT_EQ(encoding("i"), "raw");
  EXPECT_EQ(run({"SETRANGE", "z", "2", "1"}), ":3\r\n");
  EXPECT_EQ(encoding("z"), "raw");
  EXPECT_EQ(run({"INCRBYFLOAT", "f", "10"}), "$2\r\n10\r\n");
  EXPECT_EQ(encoding("f"), "embstr");
  EXPECT_EQ(run({"SET", "g", "5"}), "+OK\r\n");
  EXPECT_EQ(run({"GETEX", "g", "EX", "100"}), "$1\r\n5\r\n");
  EXPECT_EQ(encoding("g"), "int");
}

// ---- Typed API (Store::get/set/incr_by/mget/mset): the same code as the commands

TEST_F(StringsStoreTest, TypedGetSet) {
  EXPECT_EQ(store_.get("k"), std::nullopt);
  auto r = store_.set("k", bin("a\0b"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(*r);
  EXPECT_EQ(store_.get("k"), bin("a\0b"));
  EXPECT_EQ(run({"GET", "k"}), bin("$3\r\na\0b\r\n"));
  EXPECT_EQ(run({"SET", "n", "42"}), "+OK\r\n");
  EXPECT_EQ(store_.get("n"), "42");
  EXPECT_EQ(store_.get("k", 1), std::nullopt);
}

TEST_F(StringsStoreTest, TypedSetConditions) {
  auto r = store_.set("k", "1", SetOptions{}.xx());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);
  EXPECT_EQ(store_.get("k"), std::nullopt);
  r = store_.set("k", "1", SetOptions{}.nx());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(*r);
  r = store_.set("k", "2", SetOptions{}.nx());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);
  r = store_.set("k", "3", SetOptions{}.xx());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(*r);
  EXPECT_EQ(store_.get("k"), "3");
}

TEST_F(StringsStoreTest, TypedSetExpiry) {
  ASSERT_TRUE(store_.set("k", "v", SetOptions{}.ex(std::chrono::seconds(100))).ok());
  EXPECT_EQ(store_.pttl("k"), 100000);
  ASSERT_TRUE(store_.set("k", "w", SetOptions{}.keepttl()).ok());
  EXPECT_EQ(store_.pttl("k"), 100000);
  ASSERT_TRUE(store_.set("k", "x", SetOptions{}.pxat(clock_->now_ms() + 500)).ok());
  EXPECT_EQ(run({"PTTL", "k"}), ":500\r\n");
  ASSERT_TRUE(store_.set("k", "y").ok());
  EXPECT_EQ(store_.pttl("k"), -1);
}

TEST_F(StringsStoreTest, TypedSetOptionErrors) {
  auto expect_error = [&](const SetOptions& opts, std::string_view text) {
    auto r = store_.set("k", "v", opts);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kCommandError);
    EXPECT_EQ(r.status().message(), text);
  };
  const std::string invalid = "ERR invalid expire time in 'set' command";
  expect_error(SetOptions{}.px(milliseconds(10)).pxat(1), "ERR syntax error");
  expect_error(SetOptions{}.keepttl().ex(milliseconds(10)), "ERR syntax error");
  expect_error(SetOptions{}.keepttl().pxat(1), "ERR syntax error");
  expect_error(SetOptions{}.px(milliseconds(0)), invalid);
  expect_error(SetOptions{}.px(milliseconds(-1)), invalid);
  expect_error(SetOptions{}.px(milliseconds(std::numeric_limits<int64_t>::max())), invalid);
  expect_error(SetOptions{}.pxat(0), invalid);
  EXPECT_EQ(store_.get("k"), std::nullopt);
}

TEST_F(StringsStoreTest, TypedIncrBy) {
  auto r = store_.incr_by("c", 5);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 5);
  r = store_.incr_by("c", -7);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, -2);
  EXPECT_EQ(run({"GET", "c"}), "$2\r\n-2\r\n");
  store_.set("big", "9223372036854775807");
  r = store_.incr_by("big", 1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "ERR increment or decrement would overflow");
  store_.set("s", "abc");
  r = store_.incr_by("s", 1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "ERR value is not an integer or out of range");
}

TEST_F(StringsStoreTest, TypedMgetMset) {
  const std::vector<std::pair<std::string_view, std::string_view>> pairs = {
      {"a", "1"}, {"b", bin("x\0")}, {"a", "2"}};
  store_.mset(pairs);
  const std::vector<std::string_view> keys = {"a", "b", "nope"};
  auto values = store_.mget(keys);
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(values[0], "2");
  EXPECT_EQ(values[1], bin("x\0"));
  EXPECT_EQ(values[2], std::nullopt);
  EXPECT_EQ(run({"MGET", "a", "b"}), bin("*2\r\n$1\r\n2\r\n$2\r\nx\0\r\n"));
}

// The functions behind the typed API report WRONGTYPE as a Status with Redis's text (the Store
// cannot hold a list yet, so they are called directly).
TEST_F(StringsTest, SharedFunctionsReportWrongType) {
  add_list("l");
  const std::string wrong_type = "WRONGTYPE Operation against a key holding the wrong kind of value";
  CommandContext ctx = context();
  auto got = string_get(ctx, "l");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().message(), wrong_type);
  auto incr = incr_by(ctx, "l", 1);
  ASSERT_FALSE(incr.ok());
  EXPECT_EQ(incr.status().message(), wrong_type);
  SetArgs get;
  get.get = true;
  auto set = generic_set(ctx, "l", "v", get);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().message(), wrong_type);
  const std::vector<std::string_view> keys = {"l"};
  auto values = mget(ctx, keys);
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0], std::nullopt);
  auto typed = set_with_options(ctx, "l", "v", SetOptions{}.nx());
  ASSERT_TRUE(typed.ok());
  EXPECT_FALSE(*typed);
  EXPECT_EQ(encoding("l"), "quicklist");
}

}  // namespace
}  // namespace kevy
