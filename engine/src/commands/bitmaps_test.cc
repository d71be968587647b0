// Unit tests for the bitmap family. Every expected reply was recorded from redis-server 7.0.15.
#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "commands/command_table.h"
#include "core/entry.h"
#include "core/keyspace.h"
#include "test_support/family_test.h"
#include "test_support/keyspace_fixture.h"

namespace kevy {
namespace {

using namespace std::string_literals;
using namespace std::string_view_literals;

class BitmapsTest : public FamilyTest {};

class BitmapsKeyspaceTest : public KeyspaceFixture {};

// A new key is created just long enough for the bit, zero-padded.
TEST_F(BitmapsTest, SetbitCreatesZeroPaddedString) {
  EXPECT_EQ(run({"SETBIT", "k", "7", "1"}), ":0\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\n\001\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "20", "1"}), ":0\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$3\r\n\001\000\010\r\n"s);
  EXPECT_EQ(run({"SETBIT", "k", "20", "1"}), ":1\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "20", "0"}), ":1\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$3\r\n\001\000\000\r\n"s);
  EXPECT_EQ(run({"SETBIT", "k", "0", "0"}), ":0\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$3\r\n\001\000\000\r\n"s);
}

// Bytes are bytes: NULs survive, an empty value grows.
TEST_F(BitmapsTest, SetbitWorksOnBinaryAndEmptyValues) {
  EXPECT_EQ(run({"SET", "k", "a\000b"sv}), "+OK\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "15", "1"}), ":0\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$3\r\na\001b\r\n");
  EXPECT_EQ(run({"SET", "e", ""}), "+OK\r\n");
  EXPECT_EQ(run({"SETBIT", "e", "3", "1"}), ":0\r\n");
  EXPECT_EQ(run({"GET", "e"}), "$1\r\n\020\r\n");
}

// An int-encoded value is edited as its decimal text.
TEST_F(BitmapsTest, SetbitOnIntegerValueEditsItsText) {
  EXPECT_EQ(run({"SET", "k", "123"}), "+OK\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "7", "0"}), ":1\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$3\r\n023\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "6", "0"}), ":0\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$3\r\n023\r\n");
  EXPECT_EQ(run({"SET", "n", "-5"}), "+OK\r\n");
  EXPECT_EQ(run({"GETBIT", "n", "2"}), ":1\r\n");
  EXPECT_EQ(run({"SETBIT", "n", "16", "1"}), ":0\r\n");
  EXPECT_EQ(run({"GET", "n"}), "$3\r\n-5\200\r\n");
}

// Offsets must be integers in [0, 2^32); the key is untouched on error.
TEST_F(BitmapsTest, SetbitOffsetLimits) {
  EXPECT_EQ(run({"SETBIT", "k", "-1", "1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "4294967296", "1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "18446744073709551616", "1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "x", "1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "01", "1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "+1", "1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "", "1"}), "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
}

// The bit value error comes after the offset check.
TEST_F(BitmapsTest, SetbitValueMustBeZeroOrOne) {
  EXPECT_EQ(run({"SETBIT", "k", "0", "2"}), "-ERR bit is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "0", "-1"}), "-ERR bit is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "0", "x"}), "-ERR bit is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "0", ""}), "-ERR bit is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "x", "2"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
}

TEST_F(BitmapsTest, SetbitArity) {
  EXPECT_EQ(run({"SETBIT", "k", "1"}), "-ERR wrong number of arguments for 'setbit' command\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "1", "1", "1"}),
            "-ERR wrong number of arguments for 'setbit' command\r\n");
  EXPECT_EQ(run({"GETBIT", "k"}), "-ERR wrong number of arguments for 'getbit' command\r\n");
  EXPECT_EQ(run({"GETBIT", "k", "1", "2"}),
            "-ERR wrong number of arguments for 'getbit' command\r\n");
}

// Growing the value keeps the key's TTL.
TEST_F(BitmapsTest, SetbitKeepsTtl) {
  EXPECT_EQ(run({"SET", "k", "abc"}), "+OK\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "100"}), ":1\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "100", "1"}), ":0\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":100\r\n");
  EXPECT_EQ(run({"SETBIT", "k", "1", "0"}), ":1\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":100\r\n");
}

// Bit 0 is the most significant bit of byte 0; past the end reads 0.
TEST_F(BitmapsTest, GetbitReadsBitsMsbFirst) {
  EXPECT_EQ(run({"SET", "k", "\200\001"}), "+OK\r\n");
  EXPECT_EQ(run({"GETBIT", "k", "0"}), ":1\r\n");
  EXPECT_EQ(run({"GETBIT", "k", "1"}), ":0\r\n");
  EXPECT_EQ(run({"GETBIT", "k", "15"}), ":1\r\n");
  EXPECT_EQ(run({"GETBIT", "k", "16"}), ":0\r\n");
  EXPECT_EQ(run({"GETBIT", "k", "4294967295"}), ":0\r\n");
  EXPECT_EQ(run({"GETBIT", "missing", "3"}), ":0\r\n");
  EXPECT_EQ(run({"SET", "i", "5"}), "+OK\r\n");
  EXPECT_EQ(run({"GETBIT", "i", "5"}), ":1\r\n");
  EXPECT_EQ(run({"GETBIT", "i", "7"}), ":1\r\n");
}

// The offset is checked even for a missing key.
TEST_F(BitmapsTest, GetbitOffsetErrors) {
  EXPECT_EQ(run({"GETBIT", "missing", "-1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"GETBIT", "missing", "4294967296"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"GETBIT", "missing", "1.5"}),
            "-ERR bit offset is not an integer or out of range\r\n");
}

TEST_F(BitmapsTest, BitcountWholeString) {
  EXPECT_EQ(run({"SET", "k", "foobar"}), "+OK\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k"}), ":26\r\n");
  EXPECT_EQ(run({"BITCOUNT", "missing"}), ":0\r\n");
  EXPECT_EQ(run({"SET", "b", "\000\377\000\001"sv}), "+OK\r\n");
  EXPECT_EQ(run({"BITCOUNT", "b"}), ":9\r\n");
  EXPECT_EQ(run({"SET", "i", "12345"}), "+OK\r\n");
  EXPECT_EQ(run({"BITCOUNT", "i"}), ":17\r\n");
  EXPECT_EQ(run({"SET", "e", ""}), "+OK\r\n");
  EXPECT_EQ(run({"BITCOUNT", "e"}), ":0\r\n");
}

// Negative indexes count from the end; ranges are clamped.
TEST_F(BitmapsTest, BitcountByteRanges) {
  EXPECT_EQ(run({"SET", "k", "foobar"}), "+OK\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "0", "0"}), ":4\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "1", "1"}), ":6\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "1", "-1"}), ":22\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "-2", "-1"}), ":7\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "5", "1"}), ":0\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "-100", "100"}), ":26\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "-200", "-100"}), ":4\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "6", "100"}), ":0\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "0", "-1", "byte"}), ":26\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "9223372036854775807", "-9223372036854775808"}), ":0\r\n");
}

// BIT makes start/end bit indexes; edge bytes are partially counted.
TEST_F(BitmapsTest, BitcountBitRanges) {
  EXPECT_EQ(run({"SET", "k", "foobar"}), "+OK\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "5", "30", "bit"}), ":17\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "5", "30", "BIT"}), ":17\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "0", "-1", "bit"}), ":26\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "-1", "-1", "bit"}), ":0\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "-3", "-2", "bit"}), ":1\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "1", "1", "bit"}), ":1\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "1", "6", "bit"}), ":4\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "-9223372036854775808", "9223372036854775807", "bit"}),
            ":26\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "48", "100", "bit"}), ":0\r\n");
}

// Ranges spanning many 64-bit words and unaligned edges.
TEST_F(BitmapsTest, BitcountLongValueUsesWholeWords) {
  EXPECT_EQ(
      run({"SET", "k",
           "\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\017"}),
      "+OK\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k"}), ":164\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "1", "-2"}), ":152\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "3", "157", "bit"}), ":155\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "160", "167", "bit"}), ":4\r\n");
}

// Two negative indexes with start > end answer 0 before the unit is parsed.
TEST_F(BitmapsTest, BitcountNegativeRangeInWrongOrderIsEmpty) {
  EXPECT_EQ(run({"SET", "k", "foobar"}), "+OK\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "-1", "-3"}), ":0\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "-1", "-3", "foo"}), ":0\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "1", "3", "foo"}), "-ERR syntax error\r\n");
}

// Redis 7.0 looks the key up first: a missing key answers 0 whatever the range.
TEST_F(BitmapsTest, BitcountSyntaxErrors) {
  EXPECT_EQ(run({"SET", "k", "foobar"}), "+OK\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "0"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "0", "1", "bit", "x"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "0", "1", "foo"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "0", "1", "bit\000x"sv}), ":1\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "x", "1"}), "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "0", "x"}), "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "x", "1", "foo"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITCOUNT", "missing", "0"}), ":0\r\n");
  EXPECT_EQ(run({"BITCOUNT", "missing", "x", "1"}), ":0\r\n");
  EXPECT_EQ(run({"BITCOUNT", "missing", "0", "1", "foo"}), ":0\r\n");
  EXPECT_EQ(run({"BITCOUNT"}), "-ERR wrong number of arguments for 'bitcount' command\r\n");
}

TEST_F(BitmapsTest, BitposFindsSetAndClearBits) {
  EXPECT_EQ(run({"SET", "k", "\377\360\000"sv}), "+OK\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0"}), ":12\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1"}), ":0\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "2"}), ":16\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "2"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "1", "1"}), ":12\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "-2", "-2"}), ":12\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "-1"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "5"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "3", "2"}), ":-1\r\n");
  EXPECT_EQ(run({"SET", "i", "0"}), "+OK\r\n");
  EXPECT_EQ(run({"BITPOS", "i", "1"}), ":2\r\n");
  EXPECT_EQ(run({"BITPOS", "i", "0"}), ":0\r\n");
}

// Without an explicit end the string is followed by zeros; with one it is not.
TEST_F(BitmapsTest, BitposClearBitPastTheEnd) {
  EXPECT_EQ(run({"SET", "k", "\377\377"}), "+OK\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0"}), ":16\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "0"}), ":16\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "-100"}), ":16\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "0", "-1"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "0", "100"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "0", "100"}), ":0\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "0", "-1", "bit"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "100"}), ":-1\r\n");
  EXPECT_EQ(run({"SET", "e", ""}), "+OK\r\n");
  EXPECT_EQ(run({"BITPOS", "e", "0"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "e", "1"}), ":-1\r\n");
}

TEST_F(BitmapsTest, BitposBitRanges) {
  EXPECT_EQ(run({"SET", "k", "\377\360\000"sv}), "+OK\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "12", "12", "bit"}), ":12\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "3", "11", "bit"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "12", "100", "bit"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "2", "1", "bit"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "-5", "-1", "bit"}), ":19\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "-10", "-1", "bit"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "1", "-1", "BIT"}), ":1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "9", "15", "bit"}), ":12\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "7", "9", "byte"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "-9223372036854775808", "9223372036854775807", "bit"}),
            ":0\r\n");
}

TEST_F(BitmapsTest, BitposLongValueSkipsWords) {
  EXPECT_EQ(
      run({"SET", "z",
           "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\002\000"sv}),
      "+OK\r\n");
  EXPECT_EQ(run({"BITPOS", "z", "1"}), ":150\r\n");
  EXPECT_EQ(run({"BITPOS", "z", "1", "3"}), ":150\r\n");
  EXPECT_EQ(run({"BITPOS", "z", "1", "0", "-1", "bit"}), ":150\r\n");
  EXPECT_EQ(run({"BITPOS", "z", "1", "0", "150", "bit"}), ":150\r\n");
  EXPECT_EQ(run({"BITPOS", "z", "0", "150", "-1", "bit"}), ":151\r\n");
  EXPECT_EQ(
      run({"SET", "o", "\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\376"}),
      "+OK\r\n");
  EXPECT_EQ(run({"BITPOS", "o", "0"}), ":143\r\n");
  EXPECT_EQ(run({"BITPOS", "o", "0", "1", "16"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "o", "0", "1", "16", "bit"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "o", "0", "0", "-2"}), ":-1\r\n");
}

// A missing key is all zeros; the range is not even parsed.
TEST_F(BitmapsTest, BitposMissingKey) {
  EXPECT_EQ(run({"BITPOS", "missing", "0"}), ":0\r\n");
  EXPECT_EQ(run({"BITPOS", "missing", "1"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "missing", "0", "5", "6"}), ":0\r\n");
  EXPECT_EQ(run({"BITPOS", "missing", "1", "x"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "missing", "1", "0", "1", "foo"}), ":-1\r\n");
  EXPECT_EQ(run({"BITPOS", "missing", "1", "0", "1", "bit", "extra"}), ":-1\r\n");
}

// The bit argument is checked first, then the key, then the range (start, unit, end).
TEST_F(BitmapsTest, BitposErrors) {
  EXPECT_EQ(run({"SET", "k", "foobar"}), "+OK\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "2"}), "-ERR The bit argument must be 1 or 0.\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "-1"}), "-ERR The bit argument must be 1 or 0.\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "x"}), "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITPOS", "missing", "2"}), "-ERR The bit argument must be 1 or 0.\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "x"}), "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "0", "x"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "0", "1", "foo"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "0", "x", "foo"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "x", "1", "foo"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "0", "1", "bit", "extra"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "3", "bit"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITPOS", "k"}), "-ERR wrong number of arguments for 'bitpos' command\r\n");
}

// Shorter and missing sources count as zero bytes; the result is as long as the longest.
TEST_F(BitmapsTest, BitopAndOrXorNot) {
  EXPECT_EQ(run({"SET", "a", "\377\017"}), "+OK\r\n");
  EXPECT_EQ(run({"SET", "b", "\360"}), "+OK\r\n");
  EXPECT_EQ(run({"BITOP", "AND", "d", "a", "b"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\n\360\000\r\n"s);
  EXPECT_EQ(run({"BITOP", "or", "d", "a", "b"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\n\377\017\r\n");
  EXPECT_EQ(run({"BITOP", "XoR", "d", "a", "b"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\n\017\017\r\n");
  EXPECT_EQ(run({"BITOP", "NOT", "d", "a"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\n\000\360\r\n"s);
  EXPECT_EQ(run({"BITOP", "AND", "d", "a", "missing"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\n\000\000\r\n"s);
  EXPECT_EQ(run({"BITOP", "OR", "d", "missing", "a"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\n\377\017\r\n");
  EXPECT_EQ(run({"BITOP", "XOR", "d", "a", "a", "b"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\n\360\000\r\n"s);
}

TEST_F(BitmapsTest, BitopLongValues) {
  EXPECT_EQ(run({"SET", "a", "0123456789abcdefghijklmnopqrstuvwxyz"}), "+OK\r\n");
  EXPECT_EQ(
      run({"SET", "b",
           "\377\000\377\000\377\000\377\000\377\000\377\000\377\000\377\000\377\000\377\000"sv}),
      "+OK\r\n");
  EXPECT_EQ(run({"BITOP", "AND", "d", "a", "b"}), ":36\r\n");
  EXPECT_EQ(
      run({"GET", "d"}),
      "$36\r\n0\0002\0004\0006\0008\000a\000c\000e\000g\000i\000"
      "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\r\n"s);
  EXPECT_EQ(run({"BITOP", "OR", "d", "b", "a"}), ":36\r\n");
  EXPECT_EQ(run({"GET", "d"}),
            "$36\r\n\3771\3773\3775\3777\3779\377b\377d\377f\377h\377jklmnopqrstuvwxyz\r\n");
  EXPECT_EQ(run({"BITOP", "XOR", "d", "a", "b"}), ":36\r\n");
  EXPECT_EQ(run({"GET", "d"}),
            "$36\r\n\3171\3153\3135\3117\3079\236b\234d\232f\230h\226jklmnopqrstuvwxyz\r\n");
  EXPECT_EQ(run({"BITOP", "NOT", "d", "a"}), ":36\r\n");
  EXPECT_EQ(run({"GET", "d"}),
            "$36\r\n\317\316\315\314\313\312\311\310\307\306\236\235\234\233\232\231\230\227\226"
            "\225\224\223\222\221\220\217\216\215\214\213\212\211\210\207\206\205\r\n");
}

TEST_F(BitmapsTest, BitopIntegerSourceIsItsText) {
  EXPECT_EQ(run({"SET", "i", "12"}), "+OK\r\n");
  EXPECT_EQ(run({"BITOP", "OR", "d", "i"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\n12\r\n");
  EXPECT_EQ(run({"SET", "z", "\000\000\000"sv}), "+OK\r\n");
  EXPECT_EQ(run({"BITOP", "XOR", "d", "i", "z"}), ":3\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$3\r\n12\000\r\n"s);
}

TEST_F(BitmapsTest, BitopEmptyResultDeletesDestination) {
  EXPECT_EQ(run({"SET", "d", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"BITOP", "AND", "d", "missing1", "missing2"}), ":0\r\n");
  EXPECT_EQ(run({"EXISTS", "d"}), ":0\r\n");
  EXPECT_EQ(run({"SET", "d", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"SET", "e", ""}), "+OK\r\n");
  EXPECT_EQ(run({"BITOP", "OR", "d", "e"}), ":0\r\n");
  EXPECT_EQ(run({"EXISTS", "d"}), ":0\r\n");
  EXPECT_EQ(run({"BITOP", "NOT", "d", "missing"}), ":0\r\n");
  EXPECT_EQ(run({"EXISTS", "d"}), ":0\r\n");
}

// The destination is overwritten like SET: its TTL goes.
TEST_F(BitmapsTest, BitopDestinationLosesTtl) {
  EXPECT_EQ(run({"SET", "a", "ab"}), "+OK\r\n");
  EXPECT_EQ(run({"SET", "d", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"EXPIRE", "d", "100"}), ":1\r\n");
  EXPECT_EQ(run({"BITOP", "OR", "d", "a"}), ":2\r\n");
  EXPECT_EQ(run({"TTL", "d"}), ":-1\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\nab\r\n");
  EXPECT_EQ(run({"BITOP", "NOT", "a", "a"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "a"}), "$2\r\n\236\235\r\n");
}

TEST_F(BitmapsTest, BitopErrors) {
  EXPECT_EQ(run({"SET", "a", "x"}), "+OK\r\n");
  EXPECT_EQ(run({"BITOP", "NOT", "d", "a", "b"}),
            "-ERR BITOP NOT must be called with a single source key.\r\n");
  EXPECT_EQ(run({"BITOP", "FOO", "d", "a"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITOP", "DIFF", "d", "a", "a"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITOP", "and\000x"sv, "d", "a"}), ":1\r\n");
  EXPECT_EQ(run({"GET", "d"}), "$1\r\nx\r\n");
  EXPECT_EQ(run({"BITOP", "AND", "d"}), "-ERR wrong number of arguments for 'bitop' command\r\n");
  EXPECT_EQ(run({"BITOP", "FOO", "d"}), "-ERR wrong number of arguments for 'bitop' command\r\n");
  EXPECT_EQ(run({"BITOP"}), "-ERR wrong number of arguments for 'bitop' command\r\n");
}

TEST_F(BitmapsTest, BitfieldGetSetIncrby) {
  EXPECT_EQ(run({"BITFIELD", "k"}), "*0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "0"}), "*1\r\n:0\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "u8", "0", "255", "GET", "u8", "0"}),
            "*2\r\n:0\r\n:255\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\n\377\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "INCRBY", "u8", "0", "10"}), "*1\r\n:9\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "i8", "0", "-128"}), "*1\r\n:9\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "INCRBY", "i8", "0", "-1"}), "*1\r\n:127\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "set", "u8", "#1", "7", "get", "u8", "8", "get", "u4", "#3"}),
            "*3\r\n:0\r\n:7\r\n:7\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "get", "i64", "0"}), "*1\r\n:9153284767653822464\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "get", "u63", "0"}), "*1\r\n:4576642383826911232\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "get", "i1", "0"}), "*1\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "get", "u1", "7"}), "*1\r\n:1\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$2\r\n\177\007\r\n");
}

// Fields that straddle bytes and the end of the string.
TEST_F(BitmapsTest, BitfieldUnalignedWideFields) {
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "i64", "3", "-2", "GET", "i64", "3", "GET", "u63", "4",
                 "GET", "u7", "60", "GET", "i13", "62"}),
            "*5\r\n:0\r\n:-2\r\n:9223372036854775806\r\n:126\r\n:-512\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$9\r\n\037\377\377\377\377\377\377\377\300\r\n");
  EXPECT_EQ(
      run({"BITFIELD", "k", "INCRBY", "u63", "10", "9223372036854775807", "GET", "u63", "10"}),
      "*2\r\n:9223372036854775679\r\n:9223372036854775679\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "i64", "70", "GET", "u3", "#30"}),
            "*2\r\n:-2305843009213693952\r\n:0\r\n");
}

// WRAP is the default and wraps modulo the field width.
TEST_F(BitmapsTest, BitfieldOverflowWrap) {
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "u8", "0", "255", "INCRBY", "u8", "0", "1"}),
            "*2\r\n:0\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "INCRBY", "u8", "0", "-1"}), "*1\r\n:255\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "WRAP", "INCRBY", "u8", "0", "-1000"}),
            "*1\r\n:23\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "i8", "0", "127", "INCRBY", "i8", "0", "1"}),
            "*2\r\n:23\r\n:-128\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "INCRBY", "i8", "0", "-1"}), "*1\r\n:127\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "u8", "0", "-1", "GET", "u8", "0"}),
            "*2\r\n:127\r\n:255\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "i8", "0", "200", "GET", "i8", "0"}),
            "*2\r\n:-1\r\n:-56\r\n");
  EXPECT_EQ(
      run({"BITFIELD", "k", "SET", "i64", "0", "9223372036854775807", "INCRBY", "i64", "0", "1"}),
      "*2\r\n:-4035225266123964416\r\n:-9223372036854775808\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "INCRBY", "i64", "0", "-9223372036854775808"}), "*1\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "i4", "0", "-9223372036854775808", "GET", "i4", "0"}),
            "*2\r\n:0\r\n:0\r\n");
}

// SAT clamps to the field bounds; SET of a value near INT64_MIN saturates upwards, as in Redis.
TEST_F(BitmapsTest, BitfieldOverflowSat) {
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "SAT", "SET", "u8", "0", "250", "INCRBY", "u8", "0",
                 "1000"}),
            "*2\r\n:0\r\n:255\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "overflow", "sat", "INCRBY", "u8", "0", "-1000"}),
            "*1\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "sat", "SET", "u8", "0", "-1", "GET", "u8", "0"}),
            "*2\r\n:0\r\n:255\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "SAT", "SET", "i8", "0", "200", "GET", "i8", "0"}),
            "*2\r\n:-1\r\n:127\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "SAT", "SET", "i8", "0", "-200", "GET", "i8", "0"}),
            "*2\r\n:127\r\n:-128\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "SAT", "INCRBY", "i8", "0", "-1"}),
            "*1\r\n:-128\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "SAT", "SET", "i56", "0", "-9223372036854775808",
                 "GET", "i56", "0"}),
            "*2\r\n:-36028797018963968\r\n:36028797018963967\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "SAT", "SET", "i64", "0", "9223372036854775807",
                 "INCRBY", "i64", "0", "1"}),
            "*2\r\n:9223372036854775552\r\n:9223372036854775807\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "SAT", "INCRBY", "i64", "0", "-9223372036854775808",
                 "INCRBY", "i64", "0", "-9223372036854775808"}),
            "*2\r\n:-1\r\n:-9223372036854775808\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "SAT", "SET", "u63", "0", "9223372036854775807",
                 "INCRBY", "u63", "0", "1"}),
            "*2\r\n:4611686018427387904\r\n:9223372036854775807\r\n");
}

// FAIL answers nil and writes nothing, but a new key is still created.
TEST_F(BitmapsTest, BitfieldOverflowFail) {
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "FAIL", "SET", "u8", "0", "1000"}), "*1\r\n$-1\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\n\000\r\n"s);
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "u8", "0", "250", "OVERFLOW", "FAIL", "INCRBY", "u8", "0",
                 "10", "GET", "u8", "0", "INCRBY", "u8", "0", "5"}),
            "*4\r\n:0\r\n$-1\r\n:250\r\n:255\r\n");
  EXPECT_EQ(run({"BITFIELD", "k",   "OVERFLOW", "FAIL", "INCRBY", "i8",       "0",
                 "-1000",    "SET", "i8",       "0",    "-129",   "OVERFLOW", "WRAP",
                 "SET",      "i8",  "0",        "-129", "GET",    "i8",       "0"}),
            "*4\r\n$-1\r\n$-1\r\n:-1\r\n:127\r\n");
  EXPECT_EQ(
      run({"BITFIELD", "new", "OVERFLOW", "FAIL", "SET", "u8", "8", "1000", "GET", "u8", "0"}),
      "*2\r\n$-1\r\n:0\r\n");
  EXPECT_EQ(run({"GET", "new"}), "$2\r\n\000\000\r\n"s);
}

TEST_F(BitmapsTest, BitfieldIntegerValueIsItsText) {
  EXPECT_EQ(run({"SET", "k", "1"}), "+OK\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "0"}), "*1\r\n:49\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "u8", "0", "50", "GET", "u8", "0"}),
            "*2\r\n:49\r\n:50\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\n2\r\n");
}

TEST_F(BitmapsTest, BitfieldTypeErrors) {
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u64", "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "i65", "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "i0", "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "x8", "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "I8", "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u", "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "i08", "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "", "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8\000zz"sv, "0"}), "*1\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u\0008"sv, "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "x8", "0", "1"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
}

// "#N" offsets are scaled by the width (with int64 wraparound) before the range check.
TEST_F(BitmapsTest, BitfieldOffsetErrors) {
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "-1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "x"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "#x"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "#-1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "##1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "#"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "4294967295"}), "*1\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "4294967296"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "#536870911"}), "*1\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "#536870912"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "i64", "#1152921504606846976"}), "*1\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "i64", "#144115188075855872"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "+1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
}

// Errors are reported in argument order; nothing runs.
TEST_F(BitmapsTest, BitfieldSyntaxErrors) {
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "u8", "0", "x"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "u8", "0"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "INCRBY", "u8", "0"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "FOO"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "foo"}), "-ERR Invalid OVERFLOW type specified\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "foo", "GET", "u8", "x"}),
            "-ERR Invalid OVERFLOW type specified\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "x8", "0", "OVERFLOW", "foo"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "GET", "u8", "0", "foo"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "SET", "u8", "0", "1", "GET", "x8", "0"}),
            "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported "
            "but i64 is.\r\n");
  EXPECT_EQ(run({"BITFIELD", "k", "OVERFLOW", "sat\000"sv, "SET", "u8", "0", "300"}),
            "*1\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD"}), "-ERR wrong number of arguments for 'bitfield' command\r\n");
}

TEST_F(BitmapsTest, BitfieldRoOnlyGets) {
  EXPECT_EQ(run({"SET", "k", "abc"}), "+OK\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "k", "GET", "u8", "0", "GET", "i4", "#3"}), "*2\r\n:97\r\n:2\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "k", "SET", "u8", "0", "1"}),
            "-ERR BITFIELD_RO only supports the GET subcommand\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "k", "INCRBY", "u8", "0", "1"}),
            "-ERR BITFIELD_RO only supports the GET subcommand\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "k", "GET", "u8", "0", "OVERFLOW", "SAT"}), "*1\r\n:97\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "k"}), "*0\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "k", "FOO"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "k", "SET", "u8", "0", "x"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "missing", "GET", "i64", "0"}), "*1\r\n:0\r\n");
  EXPECT_EQ(run({"BITFIELD_RO"}), "-ERR wrong number of arguments for 'bitfield_ro' command\r\n");
}

// Argument errors that come before the key lookup win over WRONGTYPE.
TEST_F(BitmapsKeyspaceTest, WrongType) {
  add_list("l");
  EXPECT_EQ(run({"SETBIT", "l", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"SETBIT", "l", "x", "1"}),
            "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"SETBIT", "l", "0", "5"}), "-ERR bit is not an integer or out of range\r\n");
  EXPECT_EQ(run({"GETBIT", "l", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"GETBIT", "l", "x"}), "-ERR bit offset is not an integer or out of range\r\n");
  EXPECT_EQ(run({"BITCOUNT", "l"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITCOUNT", "l", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITCOUNT", "l", "x", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITPOS", "l", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITPOS", "l", "2"}), "-ERR The bit argument must be 1 or 0.\r\n");
  EXPECT_EQ(run({"BITPOS", "l", "1", "x"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"SET", "a", "ab"}), "+OK\r\n");
  EXPECT_EQ(run({"BITOP", "AND", "d", "a", "l"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITOP", "FOO", "d", "l"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITOP", "NOT", "d", "l"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITOP", "NOT", "d", "a", "l"}),
            "-ERR BITOP NOT must be called with a single source key.\r\n");
  EXPECT_EQ(run({"EXISTS", "d"}), ":0\r\n");
  EXPECT_EQ(run({"BITOP", "NOT", "l", "a"}), ":2\r\n");
  EXPECT_EQ(run({"GET", "l"}), "$2\r\n\236\235\r\n");
  add_list("m");
  EXPECT_EQ(run({"BITFIELD", "m"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITFIELD", "m", "GET", "u8", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITFIELD", "m", "SET", "u8", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITFIELD", "m", "FOO"}), "-ERR syntax error\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "m", "GET", "u8", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"BITFIELD_RO", "m", "SET", "u8", "0", "1"}),
            "-ERR BITFIELD_RO only supports the GET subcommand\r\n");
}

// Every bit write leaves a raw string (Redis unshares the value), even without a change.
TEST_F(BitmapsKeyspaceTest, WritesLeaveRawEncoding) {
  EXPECT_EQ(run({"SET", "i", "123"}), "+OK\r\n");
  EXPECT_EQ(run({"SETBIT", "i", "0", "0"}), ":0\r\n");
  EXPECT_EQ(encoding("i"), "raw");
  EXPECT_EQ(run({"SET", "e", "abc"}), "+OK\r\n");
  EXPECT_EQ(run({"SETBIT", "e", "1", "1"}), ":1\r\n");
  EXPECT_EQ(encoding("e"), "raw");
  EXPECT_EQ(run({"SETBIT", "n", "7", "1"}), ":0\r\n");
  EXPECT_EQ(encoding("n"), "raw");
  EXPECT_EQ(run({"SET", "f", "5"}), "+OK\r\n");
  EXPECT_EQ(run({"BITFIELD", "f", "GET", "u8", "0"}), "*1\r\n:53\r\n");
  EXPECT_EQ(encoding("f"), "int");
  EXPECT_EQ(run({"BITFIELD", "f", "SET", "u4", "0", "3"}), "*1\r\n:3\r\n");
  EXPECT_EQ(encoding("f"), "raw");
  EXPECT_EQ(run({"SET", "a", "12"}), "+OK\r\n");
  EXPECT_EQ(run({"BITOP", "OR", "d", "a"}), ":2\r\n");
  EXPECT_EQ(encoding("d"), "raw");
  EXPECT_EQ(run({"GET", "d"}), "$2\r\n12\r\n");
}

// A bitmap built bit by bit over many 64-bit words, read back with BITCOUNT and BITPOS.
TEST_F(BitmapsTest, ManyBitsAcrossWords) {
  for (int i = 0; i < 1000; i += 7) {
    EXPECT_EQ(run({"SETBIT", "k", std::to_string(i), "1"}), ":0\r\n");
  }
  EXPECT_EQ(run({"BITCOUNT", "k"}), ":143\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "1"}), ":14\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "1", "8", "-1", "bit"}), ":14\r\n");
  EXPECT_EQ(run({"BITCOUNT", "k", "100", "899", "bit"}), ":114\r\n");
  EXPECT_EQ(run({"BITPOS", "k", "0", "0", "-1"}), ":1\r\n");
}

}  // namespace
}  // namespace kevy
