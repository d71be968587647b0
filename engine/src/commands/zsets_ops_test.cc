// Unit tests for the sorted-set commands of zsets_ops.cc (part B): ZPOPMIN ZPOPMAX ZMPOP
// BZPOPMIN BZPOPMAX BZMPOP ZRANDMEMBER ZUNION ZINTER ZDIFF ZUNIONSTORE ZINTERSTORE ZDIFFSTORE
// ZINTERCARD ZSCAN. Every expected reply was recorded from redis-server 7.0.15: the first
// generated part replays the cases of corpus/scripts/zsets.txt that use these commands, the
// second more cases (both encodings, errors and their order, weights and infinities, -0,
// store encodings, TTLs), RESP3 twins only where the bytes differ. Random replies
// (ZRANDMEMBER) are compared by shape there; hand-written tests after them check their
// invariants, full scans of a skiplist, model-checked set algebra and the encoding limits.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/random.h"
#include "kevy/store.h"
#include "test_support/family_test.h"

namespace kevy {
namespace {

// A literal with embedded NUL bytes as a view of all its bytes.
template <size_t N>
std::string_view bin(const char (&s)[N]) {
  return std::string_view(s, N - 1);
}

// The shape of one RESP reply starting at *pos (advanced past it): type bytes, nulls and
// aggregate lengths; error and simple texts kept, other payloads dropped.
std::string shape_at(std::string_view resp, size_t* pos) {
  const size_t eol = resp.find("\r\n", *pos);
  if (eol == std::string_view::npos) return "?";
  const char type = resp[*pos];
  const std::string_view head = resp.substr(*pos + 1, eol - *pos - 1);
  *pos = eol + 2;
  switch (type) {
    case '+':
    case '-':
      return std::string(1, type) + std::string(head);
    case '$':
    case '=': {
      const long long n = std::stoll(std::string(head));
      if (n < 0) return "$-1";
      *pos += static_cast<size_t>(n) + 2;
      return std::string(1, type);
    }
    case '*':
    case '~':
    case '%':
    case '>': {
      const long long n = std::stoll(std::string(head));
      std::string out = std::string(1, type) + std::string(head);
      if (n < 0) return out;
      const long long items = type == '%' ? 2 * n : n;
      out += "[";
      for (long long i = 0; i < items; ++i) out += shape_at(resp, pos) + ",";
      return out + "]";
    }
    default:
      return std::string(1, type);
  }
}

std::string shape(std::string_view resp) {
  size_t pos = 0;
  return shape_at(resp, &pos);
}

class ZsetOpsCorpusTest : public FamilyTest {};
class ZsetOpsRecordedTest : public FamilyTest {};

// ---- Generated from corpus/scripts/zsets.txt against redis-server 7.0.15.

// zpopmin and zpopmax
TEST_F(ZsetOpsCorpusTest, ZpopminAndZpopmax) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zpopmin", "z"}),
            "*2\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zpopmax", "z"}),
            "*2\r\n$1\r\ne\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "2"}),
            "*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "10"}),
            "*2\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zpopmin", "nokey"}),
            "*0\r\n");
  EXPECT_EQ(run({"zpopmin", "nokey", "2"}),
            "*0\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "-1"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "x"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "1", "2"}),
            "-ERR syntax error\r\n");
}

// zpopmin and zpopmax (RESP3)
TEST_F(ZsetOpsCorpusTest, ZpopminAndZpopmaxResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}),
            ":5\r\n");
  EXPECT_EQ(run({"zpopmin", "z"}),
            "*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"zpopmax", "z"}),
            "*2\r\n$1\r\ne\r\n,5\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "2"}),
            "*2\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "10"}),
            "*1\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zpopmin", "nokey"}),
            "*0\r\n");
  EXPECT_EQ(run({"zpopmin", "nokey", "2"}),
            "*0\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "-1"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "x"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "1", "2"}),
            "-ERR syntax error\r\n");
}

// zpopmin count on a missing and an emptied key
TEST_F(ZsetOpsCorpusTest, ZpopminCountOnAMissingAndAnEmptiedKey) {
  EXPECT_EQ(run({"zadd", "z", "1.5", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "1"}),
            "*2\r\n$1\r\na\r\n$3\r\n1.5\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zcard", "z"}),
            ":2\r\n");
}

// zpopmin count on a missing and an emptied key (RESP3)
TEST_F(ZsetOpsCorpusTest, ZpopminCountOnAMissingAndAnEmptiedKeyResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1.5", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "1"}),
            "*1\r\n*2\r\n$1\r\na\r\n,1.5\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "1"}),
            "*0\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "0"}),
            "*0\r\n");
  EXPECT_EQ(run({"zcard", "z"}),
            ":2\r\n");
}

// zmpop
TEST_F(ZsetOpsCorpusTest, Zmpop) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "p"}),
            ":1\r\n");
  EXPECT_EQ(run({"zmpop", "2", "nokey", "a", "min"}),
            "*2\r\n$1\r\na\r\n*1\r\n*2\r\n$1\r\nx\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zmpop", "2", "nokey", "a", "max", "count", "10"}),
            "*2\r\n$1\r\na\r\n*2\r\n*2\r\n$1\r\nz\r\n$1\r\n3\r\n*2\r\n$1\r\ny\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zmpop", "2", "a", "b", "min", "count", "2"}),
            "*2\r\n$1\r\nb\r\n*1\r\n*2\r\n$1\r\np\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zmpop", "1", "nokey", "min"}),
            "*-1\r\n");
  EXPECT_EQ(run({"zmpop", "1", "b", "MAX", "COUNT", "1"}),
            "*-1\r\n");
  EXPECT_EQ(run({"exists", "b"}),
            ":0\r\n");
}

// zmpop (RESP3)
TEST_F(ZsetOpsCorpusTest, ZmpopResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "p"}),
            ":1\r\n");
  EXPECT_EQ(run({"zmpop", "2", "nokey", "a", "min"}),
            "*2\r\n$1\r\na\r\n*1\r\n*2\r\n$1\r\nx\r\n,1\r\n");
  EXPECT_EQ(run({"zmpop", "2", "nokey", "a", "max", "count", "10"}),
            "*2\r\n$1\r\na\r\n*2\r\n*2\r\n$1\r\nz\r\n,3\r\n*2\r\n$1\r\ny\r\n,2\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zmpop", "2", "a", "b", "min", "count", "2"}),
            "*2\r\n$1\r\nb\r\n*1\r\n*2\r\n$1\r\np\r\n,10\r\n");
  EXPECT_EQ(run({"zmpop", "1", "nokey", "min"}),
            "_\r\n");
  EXPECT_EQ(run({"zmpop", "1", "b", "MAX", "COUNT", "1"}),
            "_\r\n");
  EXPECT_EQ(run({"exists", "b"}),
            ":0\r\n");
}

// zmpop errors
TEST_F(ZsetOpsCorpusTest, ZmpopErrors) {
  EXPECT_EQ(run({"zadd", "a", "1", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zmpop", "0", "a", "min"}),
            "-ERR numkeys should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "-1", "a", "min"}),
            "-ERR numkeys should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "2", "a", "min"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "min", "count", "0"}),
            "-ERR count should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "min", "count", "-1"}),
            "-ERR count should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "min", "count", "x"}),
            "-ERR count should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "min", "count", "1", "count", "2"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "min", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "x", "a", "min"}),
            "-ERR numkeys should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a"}),
            "-ERR wrong number of arguments for 'zmpop' command\r\n");
}

// zrandmember deterministic forms
TEST_F(ZsetOpsCorpusTest, ZrandmemberDeterministicForms) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "nokey"})),
            shape("$-1\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "nokey", "5"})),
            shape("*0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "nokey", "-5", "withscores"})),
            shape("*0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "0"})),
            shape("*0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "0", "withscores"})),
            shape("*0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "3"})),
            shape("*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "100", "withscores"})),
            shape("*6\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-5"})),
            shape("*5\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\nb\r\n$1\r\nb\r\n$1\r\na\r\n"));
  EXPECT_EQ(run({"zadd", "one", "1.5", "m"}),
            ":1\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "one"})),
            shape("$1\r\nm\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "one", "1", "withscores"})),
            shape("*2\r\n$1\r\nm\r\n$3\r\n1.5\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "one", "-3"})),
            shape("*3\r\n$1\r\nm\r\n$1\r\nm\r\n$1\r\nm\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "one", "-2", "withscores"})),
            shape("*4\r\n$1\r\nm\r\n$3\r\n1.5\r\n$1\r\nm\r\n$3\r\n1.5\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "one", "5", "withscores"})),
            shape("*2\r\n$1\r\nm\r\n$3\r\n1.5\r\n"));
}

// zrandmember deterministic forms (RESP3)
TEST_F(ZsetOpsCorpusTest, ZrandmemberDeterministicFormsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c"}),
            ":3\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "nokey"})),
            shape("_\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "nokey", "5"})),
            shape("*0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "nokey", "-5", "withscores"})),
            shape("*0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "0"})),
            shape("*0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "0", "withscores"})),
            shape("*0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "3"})),
            shape("*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "100", "withscores"})),
            shape("*3\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\na\r\n,1\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-5"})),
            shape("*5\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\nb\r\n$1\r\nb\r\n$1\r\na\r\n"));
  EXPECT_EQ(run({"zadd", "one", "1.5", "m"}),
            ":1\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "one"})),
            shape("$1\r\nm\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "one", "1", "withscores"})),
            shape("*1\r\n*2\r\n$1\r\nm\r\n,1.5\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "one", "-3"})),
            shape("*3\r\n$1\r\nm\r\n$1\r\nm\r\n$1\r\nm\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "one", "-2", "withscores"})),
            shape("*2\r\n*2\r\n$1\r\nm\r\n,1.5\r\n*2\r\n$1\r\nm\r\n,1.5\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "one", "5", "withscores"})),
            shape("*1\r\n*2\r\n$1\r\nm\r\n,1.5\r\n"));
}

// zrandmember errors
TEST_F(ZsetOpsCorpusTest, ZrandmemberErrors) {
  EXPECT_EQ(run({"zadd", "z", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "z", "x"})),
            shape("-ERR value is not an integer or out of range\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "1", "withscore"})),
            shape("-ERR syntax error\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "1", "withscores", "x"})),
            shape("-ERR syntax error\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-9223372036854775808"})),
            shape("-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-9223372036854775807", "withscores"})),
            shape("-ERR value is out of range\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "nokey", "x"})),
            shape("-ERR value is not an integer or out of range\r\n"));
}

// zunion zinter zdiff
TEST_F(ZsetOpsCorpusTest, ZunionZinterZdiff) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "y", "20", "z", "30", "w"}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b"}),
            "*4\r\n$1\r\nx\r\n$1\r\ny\r\n$1\r\nz\r\n$1\r\nw\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "withscores"}),
            "*8\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\ny\r\n$2\r\n12\r\n$1\r\nz\r\n$2\r\n23\r\n$1\r\nw\r\n$2\r\n30\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "withscores"}),
            "*4\r\n$1\r\ny\r\n$2\r\n12\r\n$1\r\nz\r\n$2\r\n23\r\n");
  EXPECT_EQ(run({"zdiff", "2", "a", "b", "withscores"}),
            "*2\r\n$1\r\nx\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zdiff", "2", "b", "a"}),
            "*1\r\n$1\r\nw\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "nokey", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\ny\r\n$1\r\n2\r\n$1\r\nz\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "nokey"}),
            "*0\r\n");
  EXPECT_EQ(run({"zdiff", "2", "nokey", "a"}),
            "*0\r\n");
  EXPECT_EQ(run({"zdiff", "1", "a", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\ny\r\n$1\r\n2\r\n$1\r\nz\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zunion", "1", "nokey", "withscores"}),
            "*0\r\n");
}

// zunion zinter zdiff (RESP3)
TEST_F(ZsetOpsCorpusTest, ZunionZinterZdiffResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "y", "20", "z", "30", "w"}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b"}),
            "*4\r\n$1\r\nx\r\n$1\r\ny\r\n$1\r\nz\r\n$1\r\nw\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "withscores"}),
            "*4\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\ny\r\n,12\r\n*2\r\n$1\r\nz\r\n,23\r\n*2\r\n$1\r\nw\r\n,30\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "withscores"}),
            "*2\r\n*2\r\n$1\r\ny\r\n,12\r\n*2\r\n$1\r\nz\r\n,23\r\n");
  EXPECT_EQ(run({"zdiff", "2", "a", "b", "withscores"}),
            "*1\r\n*2\r\n$1\r\nx\r\n,1\r\n");
  EXPECT_EQ(run({"zdiff", "2", "b", "a"}),
            "*1\r\n$1\r\nw\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "nokey", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nz\r\n,3\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "nokey"}),
            "*0\r\n");
  EXPECT_EQ(run({"zdiff", "2", "nokey", "a"}),
            "*0\r\n");
  EXPECT_EQ(run({"zdiff", "1", "a", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nz\r\n,3\r\n");
  EXPECT_EQ(run({"zunion", "1", "nokey", "withscores"}),
            "*0\r\n");
}

// zunion and zinter weights and aggregate
TEST_F(ZsetOpsCorpusTest, ZunionAndZinterWeightsAndAggregate) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "y", "20", "z", "30", "w"}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "2", "0.5", "withscores"}),
            "*8\r\n$1\r\nx\r\n$1\r\n2\r\n$1\r\ny\r\n$1\r\n9\r\n$1\r\nw\r\n$2\r\n15\r\n$1\r\nz\r\n$2\r\n16\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate", "min", "withscores"}),
            "*8\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\ny\r\n$1\r\n2\r\n$1\r\nz\r\n$1\r\n3\r\n$1\r\nw\r\n$2\r\n30\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate", "max", "withscores"}),
            "*8\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\ny\r\n$2\r\n10\r\n$1\r\nz\r\n$2\r\n20\r\n$1\r\nw\r\n$2\r\n30\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "weights", "1", "-1", "withscores"}),
            "*4\r\n$1\r\nz\r\n$3\r\n-17\r\n$1\r\ny\r\n$2\r\n-8\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "aggregate", "MIN", "withscores"}),
            "*4\r\n$1\r\ny\r\n$1\r\n2\r\n$1\r\nz\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "weights", "0", "1", "aggregate", "max", "withscores"}),
            "*4\r\n$1\r\ny\r\n$2\r\n10\r\n$1\r\nz\r\n$2\r\n20\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "AGGREGATE", "SUM", "WEIGHTS", "1", "1", "WITHSCORES"}),
            "*8\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\ny\r\n$2\r\n12\r\n$1\r\nz\r\n$2\r\n23\r\n$1\r\nw\r\n$2\r\n30\r\n");
}

// zunion and zinter weights and aggregate (RESP3)
TEST_F(ZsetOpsCorpusTest, ZunionAndZinterWeightsAndAggregateResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "y", "20", "z", "30", "w"}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "2", "0.5", "withscores"}),
            "*4\r\n*2\r\n$1\r\nx\r\n,2\r\n*2\r\n$1\r\ny\r\n,9\r\n*2\r\n$1\r\nw\r\n,15\r\n*2\r\n$1\r\nz\r\n,16\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate", "min", "withscores"}),
            "*4\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nz\r\n,3\r\n*2\r\n$1\r\nw\r\n,30\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate", "max", "withscores"}),
            "*4\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\ny\r\n,10\r\n*2\r\n$1\r\nz\r\n,20\r\n*2\r\n$1\r\nw\r\n,30\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "weights", "1", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nz\r\n,-17\r\n*2\r\n$1\r\ny\r\n,-8\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "aggregate", "MIN", "withscores"}),
            "*2\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nz\r\n,3\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "weights", "0", "1", "aggregate", "max", "withscores"}),
            "*2\r\n*2\r\n$1\r\ny\r\n,10\r\n*2\r\n$1\r\nz\r\n,20\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "AGGREGATE", "SUM", "WEIGHTS", "1", "1", "WITHSCORES"}),
            "*4\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\ny\r\n,12\r\n*2\r\n$1\r\nz\r\n,23\r\n*2\r\n$1\r\nw\r\n,30\r\n");
}

// set-algebra scores with infinities
TEST_F(ZsetOpsCorpusTest, SetAlgebraScoresWithInfinities) {
  EXPECT_EQ(run({"zadd", "a", "inf", "x", "-inf", "y", "1", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "-inf", "x", "inf", "y", "0", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\ny\r\n$1\r\n0\r\n$1\r\nz\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "aggregate", "max", "withscores"}),
            "*6\r\n$1\r\nz\r\n$1\r\n1\r\n$1\r\nx\r\n$3\r\ninf\r\n$1\r\ny\r\n$3\r\ninf\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "0", "1", "withscores"}),
            "*6\r\n$1\r\nx\r\n$4\r\n-inf\r\n$1\r\nz\r\n$1\r\n0\r\n$1\r\ny\r\n$3\r\ninf\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "weights", "0", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\ny\r\n$1\r\n0\r\n$1\r\nz\r\n$1\r\n0\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\ny\r\n$1\r\n0\r\n$1\r\nz\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "b", "weights", "inf", "1"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\ny\r\n$1\r\n0\r\n$1\r\nz\r\n$3\r\ninf\r\n");
}

// set-algebra scores with infinities (RESP3)
TEST_F(ZsetOpsCorpusTest, SetAlgebraScoresWithInfinitiesResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "inf", "x", "-inf", "y", "1", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "-inf", "x", "inf", "y", "0", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$1\r\ny\r\n,0\r\n*2\r\n$1\r\nz\r\n,1\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "aggregate", "max", "withscores"}),
            "*3\r\n*2\r\n$1\r\nz\r\n,1\r\n*2\r\n$1\r\nx\r\n,inf\r\n*2\r\n$1\r\ny\r\n,inf\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "0", "1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,-inf\r\n*2\r\n$1\r\nz\r\n,0\r\n*2\r\n$1\r\ny\r\n,inf\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "weights", "0", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$1\r\ny\r\n,0\r\n*2\r\n$1\r\nz\r\n,0\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$1\r\ny\r\n,0\r\n*2\r\n$1\r\nz\r\n,1\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "b", "weights", "inf", "1"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$1\r\ny\r\n,0\r\n*2\r\n$1\r\nz\r\n,inf\r\n");
}

// plain sets are zset inputs with score 1
TEST_F(ZsetOpsCorpusTest, PlainSetsAreZsetInputsWithScore1) {
  EXPECT_EQ(run({"sadd", "s", "x", "y", "q"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "z", "5", "x", "7", "w"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunion", "2", "s", "z", "withscores"}),
            "*8\r\n$1\r\nq\r\n$1\r\n1\r\n$1\r\ny\r\n$1\r\n1\r\n$1\r\nx\r\n$1\r\n6\r\n$1\r\nw\r\n$1\r\n7\r\n");
  EXPECT_EQ(run({"zinter", "2", "s", "z", "withscores"}),
            "*2\r\n$1\r\nx\r\n$1\r\n6\r\n");
  EXPECT_EQ(run({"zdiff", "2", "s", "z", "withscores"}),
            "*4\r\n$1\r\nq\r\n$1\r\n1\r\n$1\r\ny\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zunion", "1", "s", "weights", "3", "withscores"}),
            "*6\r\n$1\r\nq\r\n$1\r\n3\r\n$1\r\nx\r\n$1\r\n3\r\n$1\r\ny\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "s", "z"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*8\r\n$1\r\nq\r\n$1\r\n1\r\n$1\r\ny\r\n$1\r\n1\r\n$1\r\nx\r\n$1\r\n6\r\n$1\r\nw\r\n$1\r\n7\r\n");
  EXPECT_EQ(run({"zintercard", "2", "s", "z"}),
            ":1\r\n");
  EXPECT_EQ(run({"sadd", "t", "1", "2", "3"}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "1", "t", "withscores"}),
            "*6\r\n$1\r\n1\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n1\r\n");
}

// plain sets are zset inputs with score 1 (RESP3)
TEST_F(ZsetOpsCorpusTest, PlainSetsAreZsetInputsWithScore1Resp3) {
  use_resp3();
  EXPECT_EQ(run({"sadd", "s", "x", "y", "q"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "z", "5", "x", "7", "w"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunion", "2", "s", "z", "withscores"}),
            "*4\r\n*2\r\n$1\r\nq\r\n,1\r\n*2\r\n$1\r\ny\r\n,1\r\n*2\r\n$1\r\nx\r\n,6\r\n*2\r\n$1\r\nw\r\n,7\r\n");
  EXPECT_EQ(run({"zinter", "2", "s", "z", "withscores"}),
            "*1\r\n*2\r\n$1\r\nx\r\n,6\r\n");
  EXPECT_EQ(run({"zdiff", "2", "s", "z", "withscores"}),
            "*2\r\n*2\r\n$1\r\nq\r\n,1\r\n*2\r\n$1\r\ny\r\n,1\r\n");
  EXPECT_EQ(run({"zunion", "1", "s", "weights", "3", "withscores"}),
            "*3\r\n*2\r\n$1\r\nq\r\n,3\r\n*2\r\n$1\r\nx\r\n,3\r\n*2\r\n$1\r\ny\r\n,3\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "s", "z"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*4\r\n*2\r\n$1\r\nq\r\n,1\r\n*2\r\n$1\r\ny\r\n,1\r\n*2\r\n$1\r\nx\r\n,6\r\n*2\r\n$1\r\nw\r\n,7\r\n");
  EXPECT_EQ(run({"zintercard", "2", "s", "z"}),
            ":1\r\n");
  EXPECT_EQ(run({"sadd", "t", "1", "2", "3"}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "1", "t", "withscores"}),
            "*3\r\n*2\r\n$1\r\n1\r\n,1\r\n*2\r\n$1\r\n2\r\n,1\r\n*2\r\n$1\r\n3\r\n,1\r\n");
}

// zunion zinter zdiff argument errors
TEST_F(ZsetOpsCorpusTest, ZunionZinterZdiffArgumentErrors) {
  EXPECT_EQ(run({"zadd", "a", "1", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunion", "0", "a"}),
            "-ERR at least 1 input key is needed for 'zunion' command\r\n");
  EXPECT_EQ(run({"zunion", "-1", "a"}),
            "-ERR at least 1 input key is needed for 'zunion' command\r\n");
  EXPECT_EQ(run({"zunion", "2", "a"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "x", "a"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "weights", "1", "2"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "weights", "x"}),
            "-ERR weight value is not a float\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "weights"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "aggregate", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "aggregate"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zinter", "1", "a", "limit", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zdiff", "1", "a", "weights", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zdiff", "1", "a", "aggregate", "max"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zdiff", "0", "a"}),
            "-ERR at least 1 input key is needed for 'zdiff' command\r\n");
  EXPECT_EQ(run({"zunion", "1"}),
            "-ERR wrong number of arguments for 'zunion' command\r\n");
  EXPECT_EQ(run({"zinter", "1"}),
            "-ERR wrong number of arguments for 'zinter' command\r\n");
  EXPECT_EQ(run({"zdiff", "1"}),
            "-ERR wrong number of arguments for 'zdiff' command\r\n");
}

// zunionstore
TEST_F(ZsetOpsCorpusTest, Zunionstore) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "b", "3", "y", "4", "z"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\nz\r\n$1\r\n4\r\n$1\r\ny\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b", "weights", "2", "3", "aggregate", "max"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n2\r\n$1\r\ny\r\n$1\r\n9\r\n$1\r\nz\r\n$2\r\n12\r\n");
  EXPECT_EQ(run({"zunionstore", "a", "2", "a", "b"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "a", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\nz\r\n$1\r\n4\r\n$1\r\ny\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zunionstore", "str", "1", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"type", "str"}),
            "+zset\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "a", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "0", "a"}),
            "-ERR at least 1 input key is needed for 'zunionstore' command\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
}

// zunionstore (RESP3)
TEST_F(ZsetOpsCorpusTest, ZunionstoreResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "b", "3", "y", "4", "z"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\nz\r\n,4\r\n*2\r\n$1\r\ny\r\n,5\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b", "weights", "2", "3", "aggregate", "max"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,2\r\n*2\r\n$1\r\ny\r\n,9\r\n*2\r\n$1\r\nz\r\n,12\r\n");
  EXPECT_EQ(run({"zunionstore", "a", "2", "a", "b"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "a", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\nz\r\n,4\r\n*2\r\n$1\r\ny\r\n,5\r\n");
  EXPECT_EQ(run({"set", "str", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zunionstore", "str", "1", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"type", "str"}),
            "+zset\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "a", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "0", "a"}),
            "-ERR at least 1 input key is needed for 'zunionstore' command\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
}

// zinterstore
TEST_F(ZsetOpsCorpusTest, Zinterstore) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "y", "20", "z"}),
            ":2\r\n");
  EXPECT_EQ(run({"sadd", "s", "z"}),
            ":1\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*4\r\n$1\r\ny\r\n$2\r\n12\r\n$1\r\nz\r\n$2\r\n23\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "3", "a", "b", "s", "aggregate", "min"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*2\r\n$1\r\nz\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "3", "a", "b", "s", "weights", "1", "1", "100"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*2\r\n$1\r\nz\r\n$3\r\n123\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "b", "weights", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "b", "aggregate", "avg"}),
            "-ERR syntax error\r\n");
}

// zinterstore (RESP3)
TEST_F(ZsetOpsCorpusTest, ZinterstoreResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "y", "20", "z"}),
            ":2\r\n");
  EXPECT_EQ(run({"sadd", "s", "z"}),
            ":1\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\ny\r\n,12\r\n*2\r\n$1\r\nz\r\n,23\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "3", "a", "b", "s", "aggregate", "min"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\nz\r\n,1\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "3", "a", "b", "s", "weights", "1", "1", "100"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\nz\r\n,123\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "b", "weights", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "b", "aggregate", "avg"}),
            "-ERR syntax error\r\n");
}

// zdiffstore
TEST_F(ZsetOpsCorpusTest, Zdiffstore) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "y"}),
            ":1\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "a", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\nz\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "1", "a"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*6\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\ny\r\n$1\r\n2\r\n$1\r\nz\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "a", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "1", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "b", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "1", "a", "weights", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "0", "a"}),
            "-ERR at least 1 input key is needed for 'zdiffstore' command\r\n");
}

// zdiffstore (RESP3)
TEST_F(ZsetOpsCorpusTest, ZdiffstoreResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "10", "y"}),
            ":1\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "a", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\nz\r\n,3\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "1", "a"}),
            ":3\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nz\r\n,3\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "a", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "1", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "b", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "1", "a", "weights", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "0", "a"}),
            "-ERR at least 1 input key is needed for 'zdiffstore' command\r\n");
}

// zintercard
TEST_F(ZsetOpsCorpusTest, Zintercard) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "1", "y", "2", "z", "3", "w"}),
            ":3\r\n");
  EXPECT_EQ(run({"sadd", "s", "z", "q"}),
            ":2\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "limit", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "limit", "0"}),
            ":2\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "limit", "100"}),
            ":2\r\n");
  EXPECT_EQ(run({"zintercard", "3", "a", "b", "s"}),
            ":1\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"zintercard", "1", "a"}),
            ":3\r\n");
  EXPECT_EQ(run({"zintercard", "0", "a"}),
            "-ERR at least 1 input key is needed for 'zintercard' command\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zintercard", "1", "a", "limit", "-1"}),
            "-ERR LIMIT can't be negative\r\n");
  EXPECT_EQ(run({"zintercard", "1", "a", "limit", "x"}),
            "-ERR LIMIT can't be negative\r\n");
  EXPECT_EQ(run({"zintercard", "1", "a", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zintercard", "1", "a", "limit"}),
            "-ERR syntax error\r\n");
}

// zscan of a small listpack zset
TEST_F(ZsetOpsCorpusTest, ZscanOfASmallListpackZset) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "10", "ab", "0.5", "d"}),
            ":5\r\n");
  EXPECT_EQ(run({"zscan", "z", "0"}),
            "*2\r\n$1\r\n0\r\n*10\r\n$1\r\nd\r\n$3\r\n0.5\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$2\r\nab\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "count", "1"}),
            "*2\r\n$1\r\n0\r\n*10\r\n$1\r\nd\r\n$3\r\n0.5\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$2\r\nab\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "match", "a*"}),
            "*2\r\n$1\r\n0\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$2\r\nab\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "MATCH", "[bc]", "COUNT", "100"}),
            "*2\r\n$1\r\n0\r\n*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "match", "zz"}),
            "*2\r\n$1\r\n0\r\n*0\r\n");
  EXPECT_EQ(run({"zscan", "z", "7"}),
            "*2\r\n$1\r\n0\r\n*10\r\n$1\r\nd\r\n$3\r\n0.5\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$2\r\nab\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zscan", "nokey", "0"}),
            "*2\r\n$1\r\n0\r\n*0\r\n");
  EXPECT_EQ(run({"zscan", "z", "x"}),
            "-ERR invalid cursor\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "count", "0"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "count", "x"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "match"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zscan", "z"}),
            "-ERR wrong number of arguments for 'zscan' command\r\n");
}

// bzpopmin and bzpopmax with data present
TEST_F(ZsetOpsCorpusTest, BzpopminAndBzpopmaxWithDataPresent) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "5", "w"}),
            ":1\r\n");
  EXPECT_EQ(run({"bzpopmin", "nokey", "a", "0"}),
            "*3\r\n$1\r\na\r\n$1\r\nx\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"bzpopmax", "nokey", "a", "0"}),
            "*3\r\n$1\r\na\r\n$1\r\nz\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"bzpopmax", "b", "a", "1.5"}),
            "*3\r\n$1\r\nb\r\n$1\r\nw\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"exists", "b"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", "0.1"}),
            "*3\r\n$1\r\na\r\n$1\r\ny\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", "x"}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", "-1"}),
            "-ERR timeout is negative\r\n");
  EXPECT_EQ(run({"bzpopmax", "a"}),
            "-ERR wrong number of arguments for 'bzpopmax' command\r\n");
}

// bzpopmin and bzpopmax with data present (RESP3)
TEST_F(ZsetOpsCorpusTest, BzpopminAndBzpopmaxWithDataPresentResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "5", "w"}),
            ":1\r\n");
  EXPECT_EQ(run({"bzpopmin", "nokey", "a", "0"}),
            "*3\r\n$1\r\na\r\n$1\r\nx\r\n,1\r\n");
  EXPECT_EQ(run({"bzpopmax", "nokey", "a", "0"}),
            "*3\r\n$1\r\na\r\n$1\r\nz\r\n,3\r\n");
  EXPECT_EQ(run({"bzpopmax", "b", "a", "1.5"}),
            "*3\r\n$1\r\nb\r\n$1\r\nw\r\n,5\r\n");
  EXPECT_EQ(run({"exists", "b"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", "0.1"}),
            "*3\r\n$1\r\na\r\n$1\r\ny\r\n,2\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", "x"}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", "-1"}),
            "-ERR timeout is negative\r\n");
  EXPECT_EQ(run({"bzpopmax", "a"}),
            "-ERR wrong number of arguments for 'bzpopmax' command\r\n");
}

// bzmpop with data present
TEST_F(ZsetOpsCorpusTest, BzmpopWithDataPresent) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "5", "w"}),
            ":1\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "2", "nokey", "a", "min"}),
            "*2\r\n$1\r\na\r\n*1\r\n*2\r\n$1\r\nx\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "2", "nokey", "a", "max", "count", "5"}),
            "*2\r\n$1\r\na\r\n*2\r\n*2\r\n$1\r\nz\r\n$1\r\n3\r\n*2\r\n$1\r\ny\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzmpop", "1", "2", "nokey", "b", "MIN", "COUNT", "1"}),
            "*2\r\n$1\r\nb\r\n*1\r\n*2\r\n$1\r\nw\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"exists", "b"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "0", "a", "min"}),
            "-ERR numkeys should be greater than 0\r\n");
  EXPECT_EQ(run({"bzmpop", "x", "1", "a", "min"}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzmpop", "-1", "1", "a", "min"}),
            "-ERR timeout is negative\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "a", "min", "count", "0"}),
            "-ERR count should be greater than 0\r\n");
}

// bzmpop with data present (RESP3)
TEST_F(ZsetOpsCorpusTest, BzmpopWithDataPresentResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "z"}),
            ":3\r\n");
  EXPECT_EQ(run({"zadd", "b", "5", "w"}),
            ":1\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "2", "nokey", "a", "min"}),
            "*2\r\n$1\r\na\r\n*1\r\n*2\r\n$1\r\nx\r\n,1\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "2", "nokey", "a", "max", "count", "5"}),
            "*2\r\n$1\r\na\r\n*2\r\n*2\r\n$1\r\nz\r\n,3\r\n*2\r\n$1\r\ny\r\n,2\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzmpop", "1", "2", "nokey", "b", "MIN", "COUNT", "1"}),
            "*2\r\n$1\r\nb\r\n*1\r\n*2\r\n$1\r\nw\r\n,5\r\n");
  EXPECT_EQ(run({"exists", "b"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "0", "a", "min"}),
            "-ERR numkeys should be greater than 0\r\n");
  EXPECT_EQ(run({"bzmpop", "x", "1", "a", "min"}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzmpop", "-1", "1", "a", "min"}),
            "-ERR timeout is negative\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "a", "min", "count", "0"}),
            "-ERR count should be greater than 0\r\n");
}

// wrongtype on every zset command
TEST_F(ZsetOpsCorpusTest, WrongtypeOnEveryZsetCommand) {
  EXPECT_EQ(run({"set", "s", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zadd", "s", "1", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zincrby", "s", "1", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zscore", "s", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zmscore", "s", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zcard", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zcount", "s", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zlexcount", "s", "-", "+"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrange", "s", "0", "-1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrangestore", "d", "s", "0", "-1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrangebyscore", "s", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "s", "1", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrangebylex", "s", "-", "+"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrevrangebylex", "s", "+", "-"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrevrange", "s", "0", "-1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrank", "s", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrevrank", "s", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrem", "s", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "s", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "s", "0", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zremrangebylex", "s", "-", "+"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zpopmin", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zpopmax", "s", "2"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zmpop", "1", "s", "min"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "s"})),
            shape("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "s", "2"})),
            shape("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"));
  EXPECT_EQ(run({"zunion", "1", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zinter", "1", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zdiff", "1", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "1", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "1", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zintercard", "1", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zscan", "s", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"bzpopmin", "s", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "s", "min"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
  EXPECT_EQ(run({"get", "s"}),
            "$1\r\nv\r\n");
}

// string and list commands on a zset
TEST_F(ZsetOpsCorpusTest, StringAndListCommandsOnAZset) {
  EXPECT_EQ(run({"zadd", "z", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"get", "z"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"append", "z", "x"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"incr", "z"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"lpush", "z", "x"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"sadd", "z", "x"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"hset", "z", "f", "v"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"smembers", "z"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"rpush", "lst", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "lst", "1", "a"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zrange", "lst", "0", "-1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zunion", "2", "z", "lst"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
}

// arity errors
TEST_F(ZsetOpsCorpusTest, ArityErrors) {
  EXPECT_EQ(run({"zadd"}),
            "-ERR wrong number of arguments for 'zadd' command\r\n");
  EXPECT_EQ(run({"zincrby", "z"}),
            "-ERR wrong number of arguments for 'zincrby' command\r\n");
  EXPECT_EQ(run({"zscore", "z"}),
            "-ERR wrong number of arguments for 'zscore' command\r\n");
  EXPECT_EQ(run({"zmscore", "z"}),
            "-ERR wrong number of arguments for 'zmscore' command\r\n");
  EXPECT_EQ(run({"zcard"}),
            "-ERR wrong number of arguments for 'zcard' command\r\n");
  EXPECT_EQ(run({"zcard", "z", "x"}),
            "-ERR wrong number of arguments for 'zcard' command\r\n");
  EXPECT_EQ(run({"zcount", "z", "0"}),
            "-ERR wrong number of arguments for 'zcount' command\r\n");
  EXPECT_EQ(run({"zlexcount", "z", "-"}),
            "-ERR wrong number of arguments for 'zlexcount' command\r\n");
  EXPECT_EQ(run({"zrange", "z", "0"}),
            "-ERR wrong number of arguments for 'zrange' command\r\n");
  EXPECT_EQ(run({"zrangestore", "d", "z", "0"}),
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
  EXPECT_EQ(run({"zrevrank", "z", "a", "b"}),
            "-ERR wrong number of arguments for 'zrevrank' command\r\n");
  EXPECT_EQ(run({"zrem", "z"}),
            "-ERR wrong number of arguments for 'zrem' command\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "z", "0"}),
            "-ERR wrong number of arguments for 'zremrangebyrank' command\r\n");
  EXPECT_EQ(run({"zremrangebyscore", "z", "0"}),
            "-ERR wrong number of arguments for 'zremrangebyscore' command\r\n");
  EXPECT_EQ(run({"zremrangebylex", "z", "-"}),
            "-ERR wrong number of arguments for 'zremrangebylex' command\r\n");
  EXPECT_EQ(run({"zpopmin"}),
            "-ERR wrong number of arguments for 'zpopmin' command\r\n");
  EXPECT_EQ(run({"zpopmax"}),
            "-ERR wrong number of arguments for 'zpopmax' command\r\n");
  EXPECT_EQ(run({"zmpop", "1", "z"}),
            "-ERR wrong number of arguments for 'zmpop' command\r\n");
  EXPECT_EQ(shape(run({"zrandmember"})),
            shape("-ERR wrong number of arguments for 'zrandmember' command\r\n"));
  EXPECT_EQ(run({"zunion", "1"}),
            "-ERR wrong number of arguments for 'zunion' command\r\n");
  EXPECT_EQ(run({"zinter"}),
            "-ERR wrong number of arguments for 'zinter' command\r\n");
  EXPECT_EQ(run({"zdiff"}),
            "-ERR wrong number of arguments for 'zdiff' command\r\n");
  EXPECT_EQ(run({"zunionstore", "d"}),
            "-ERR wrong number of arguments for 'zunionstore' command\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "1"}),
            "-ERR wrong number of arguments for 'zinterstore' command\r\n");
  EXPECT_EQ(run({"zdiffstore", "d"}),
            "-ERR wrong number of arguments for 'zdiffstore' command\r\n");
  EXPECT_EQ(run({"zintercard", "1"}),
            "-ERR wrong number of arguments for 'zintercard' command\r\n");
  EXPECT_EQ(run({"zscan", "z"}),
            "-ERR wrong number of arguments for 'zscan' command\r\n");
  EXPECT_EQ(run({"bzpopmin", "z"}),
            "-ERR wrong number of arguments for 'bzpopmin' command\r\n");
  EXPECT_EQ(run({"bzpopmax"}),
            "-ERR wrong number of arguments for 'bzpopmax' command\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "z"}),
            "-ERR wrong number of arguments for 'bzmpop' command\r\n");
}

// argument checks come before the type check
TEST_F(ZsetOpsCorpusTest, ArgumentChecksComeBeforeTheTypeCheck) {
  EXPECT_EQ(run({"set", "s", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zadd", "s", "abc", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zadd", "s", "nx", "xx", "1", "a"}),
            "-ERR XX and NX options at the same time are not compatible\r\n");
  EXPECT_EQ(run({"zincrby", "s", "x", "a"}),
            "-ERR value is not a valid float\r\n");
  EXPECT_EQ(run({"zcount", "s", "a", "b"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zlexcount", "s", "a", "b"}),
            "-ERR min or max not valid string range item\r\n");
  EXPECT_EQ(run({"zrangebyscore", "s", "a", "b"}),
            "-ERR min or max is not a float\r\n");
  EXPECT_EQ(run({"zrange", "s", "0", "-1", "limit", "0", "1"}),
            "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "s", "x"})),
            shape("-ERR value is not an integer or out of range\r\n"));
  EXPECT_EQ(run({"zpopmin", "s", "-1"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zscan", "s", "x"}),
            "-ERR invalid cursor\r\n");
  EXPECT_EQ(run({"zunion", "1", "s", "weights", "x"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zmpop", "1", "s", "foo"}),
            "-ERR syntax error\r\n");
}

// skiplist and listpack give the same replies
TEST_F(ZsetOpsCorpusTest, SkiplistAndListpackGiveTheSameReplies) {
  EXPECT_EQ(run({"zadd", "sk", "0", "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "sk", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "0", "x"}),
            ":6\r\n");
  EXPECT_EQ(run({"zadd", "lp", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "0", "x"}),
            ":6\r\n");
  EXPECT_EQ(run({"object", "encoding", "sk"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"object", "encoding", "lp"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrem", "sk", "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "sk", "0", "-1", "withscores"}),
            "*12\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\ne\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zrange", "lp", "0", "-1", "withscores"}),
            "*12\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\ne\r\n$1\r\n5\r\n");
  EXPECT_EQ(run({"zrangebyscore", "sk", "(1", "4", "limit", "1", "2"}),
            "*2\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrangebyscore", "lp", "(1", "4", "limit", "1", "2"}),
            "*2\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "sk", "4", "(1", "withscores"}),
            "*6\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "lp", "4", "(1", "withscores"}),
            "*6\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zrank", "sk", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrank", "lp", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrevrank", "sk", "d"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrevrank", "lp", "d"}),
            ":1\r\n");
  EXPECT_EQ(run({"zcount", "sk", "2", "+inf"}),
            ":4\r\n");
  EXPECT_EQ(run({"zcount", "lp", "2", "+inf"}),
            ":4\r\n");
  EXPECT_EQ(run({"zpopmin", "sk", "2"}),
            "*4\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zpopmin", "lp", "2"}),
            "*4\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "sk", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "lp", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "sk", "0", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "lp", "0", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
}

// skiplist and listpack give the same replies (RESP3)
TEST_F(ZsetOpsCorpusTest, SkiplistAndListpackGiveTheSameRepliesResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "sk", "0", "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"zadd", "sk", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "0", "x"}),
            ":6\r\n");
  EXPECT_EQ(run({"zadd", "lp", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "0", "x"}),
            ":6\r\n");
  EXPECT_EQ(run({"object", "encoding", "sk"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"object", "encoding", "lp"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrem", "sk", "01234567890123456789012345678901234567890123456789012345678901234"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "sk", "0", "-1", "withscores"}),
            "*6\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n*2\r\n$1\r\ne\r\n,5\r\n");
  EXPECT_EQ(run({"zrange", "lp", "0", "-1", "withscores"}),
            "*6\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nd\r\n,4\r\n*2\r\n$1\r\ne\r\n,5\r\n");
  EXPECT_EQ(run({"zrangebyscore", "sk", "(1", "4", "limit", "1", "2"}),
            "*2\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrangebyscore", "lp", "(1", "4", "limit", "1", "2"}),
            "*2\r\n$1\r\nc\r\n$1\r\nd\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "sk", "4", "(1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nd\r\n,4\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nb\r\n,2\r\n");
  EXPECT_EQ(run({"zrevrangebyscore", "lp", "4", "(1", "withscores"}),
            "*3\r\n*2\r\n$1\r\nd\r\n,4\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nb\r\n,2\r\n");
  EXPECT_EQ(run({"zrank", "sk", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrank", "lp", "d"}),
            ":4\r\n");
  EXPECT_EQ(run({"zrevrank", "sk", "d"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrevrank", "lp", "d"}),
            ":1\r\n");
  EXPECT_EQ(run({"zcount", "sk", "2", "+inf"}),
            ":4\r\n");
  EXPECT_EQ(run({"zcount", "lp", "2", "+inf"}),
            ":4\r\n");
  EXPECT_EQ(run({"zpopmin", "sk", "2"}),
            "*2\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"zpopmin", "lp", "2"}),
            "*2\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "sk", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zremrangebyrank", "lp", "0", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "sk", "0", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
  EXPECT_EQ(run({"zrange", "lp", "0", "-1"}),
            "*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
}

// store results get the encoding of their size
TEST_F(ZsetOpsCorpusTest, StoreResultsGetTheEncodingOfTheirSize) {
  EXPECT_EQ(run({"zadd", "big", "0", "m000", "1", "m001", "2", "m002", "3", "m003", "4", "m004", "5", "m005", "6", "m006", "7", "m007", "8", "m008", "9", "m009", "10", "m010", "11", "m011", "12", "m012", "13", "m013", "14", "m014", "15", "m015", "16", "m016", "17", "m017", "18", "m018", "19", "m019", "20", "m020", "21", "m021", "22", "m022", "23", "m023", "24", "m024", "25", "m025", "26", "m026", "27", "m027", "28", "m028", "29", "m029", "30", "m030", "31", "m031", "32", "m032", "33", "m033", "34", "m034", "35", "m035", "36", "m036", "37", "m037", "38", "m038", "39", "m039", "40", "m040", "41", "m041", "42", "m042", "43", "m043", "44", "m044", "45", "m045", "46", "m046", "47", "m047", "48", "m048", "49", "m049", "50", "m050", "51", "m051", "52", "m052", "53", "m053", "54", "m054", "55", "m055", "56", "m056", "57", "m057", "58", "m058", "59", "m059", "60", "m060", "61", "m061", "62", "m062", "63", "m063", "64", "m064", "65", "m065", "66", "m066", "67", "m067", "68", "m068", "69", "m069", "70", "m070", "71", "m071", "72", "m072", "73", "m073", "74", "m074", "75", "m075", "76", "m076", "77", "m077", "78", "m078", "79", "m079", "80", "m080", "81", "m081", "82", "m082", "83", "m083", "84", "m084", "85", "m085", "86", "m086", "87", "m087", "88", "m088", "89", "m089", "90", "m090", "91", "m091", "92", "m092", "93", "m093", "94", "m094", "95", "m095", "96", "m096", "97", "m097", "98", "m098", "99", "m099", "100", "m100", "101", "m101", "102", "m102", "103", "m103", "104", "m104", "105", "m105", "106", "m106", "107", "m107", "108", "m108", "109", "m109", "110", "m110", "111", "m111", "112", "m112", "113", "m113", "114", "m114", "115", "m115", "116", "m116", "117", "m117", "118", "m118", "119", "m119", "120", "m120", "121", "m121", "122", "m122", "123", "m123", "124", "m124", "125", "m125", "126", "m126", "127", "m127", "128", "m128"}),
            ":129\r\n");
  EXPECT_EQ(run({"zadd", "small", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunionstore", "d1", "1", "big"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "d1"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zunionstore", "d2", "1", "small"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "d2"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrangestore", "d3", "big", "0", "9"}),
            ":10\r\n");
  EXPECT_EQ(run({"object", "encoding", "d3"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrangestore", "d4", "big", "0", "-1"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "d4"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zinterstore", "d5", "2", "big", "small"}),
            ":0\r\n");
  EXPECT_EQ(run({"object", "encoding", "d5"}),
            "$-1\r\n");
  EXPECT_EQ(run({"zdiffstore", "d6", "1", "big"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "d6"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd", "long", "1", "01234567890123456789012345678901234567890123456789012345678901234", "2", "a"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrangestore", "d7", "long", "1", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "d7"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zunionstore", "d8", "1", "long"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "d8"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "d3", "0", "-1"}),
            "*10\r\n$4\r\nm000\r\n$4\r\nm001\r\n$4\r\nm002\r\n$4\r\nm003\r\n$4\r\nm004\r\n$4\r\nm005\r\n$4\r\nm006\r\n$4\r\nm007\r\n$4\r\nm008\r\n$4\r\nm009\r\n");
}

// store results get the encoding of their size (RESP3)
TEST_F(ZsetOpsCorpusTest, StoreResultsGetTheEncodingOfTheirSizeResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "big", "0", "m000", "1", "m001", "2", "m002", "3", "m003", "4", "m004", "5", "m005", "6", "m006", "7", "m007", "8", "m008", "9", "m009", "10", "m010", "11", "m011", "12", "m012", "13", "m013", "14", "m014", "15", "m015", "16", "m016", "17", "m017", "18", "m018", "19", "m019", "20", "m020", "21", "m021", "22", "m022", "23", "m023", "24", "m024", "25", "m025", "26", "m026", "27", "m027", "28", "m028", "29", "m029", "30", "m030", "31", "m031", "32", "m032", "33", "m033", "34", "m034", "35", "m035", "36", "m036", "37", "m037", "38", "m038", "39", "m039", "40", "m040", "41", "m041", "42", "m042", "43", "m043", "44", "m044", "45", "m045", "46", "m046", "47", "m047", "48", "m048", "49", "m049", "50", "m050", "51", "m051", "52", "m052", "53", "m053", "54", "m054", "55", "m055", "56", "m056", "57", "m057", "58", "m058", "59", "m059", "60", "m060", "61", "m061", "62", "m062", "63", "m063", "64", "m064", "65", "m065", "66", "m066", "67", "m067", "68", "m068", "69", "m069", "70", "m070", "71", "m071", "72", "m072", "73", "m073", "74", "m074", "75", "m075", "76", "m076", "77", "m077", "78", "m078", "79", "m079", "80", "m080", "81", "m081", "82", "m082", "83", "m083", "84", "m084", "85", "m085", "86", "m086", "87", "m087", "88", "m088", "89", "m089", "90", "m090", "91", "m091", "92", "m092", "93", "m093", "94", "m094", "95", "m095", "96", "m096", "97", "m097", "98", "m098", "99", "m099", "100", "m100", "101", "m101", "102", "m102", "103", "m103", "104", "m104", "105", "m105", "106", "m106", "107", "m107", "108", "m108", "109", "m109", "110", "m110", "111", "m111", "112", "m112", "113", "m113", "114", "m114", "115", "m115", "116", "m116", "117", "m117", "118", "m118", "119", "m119", "120", "m120", "121", "m121", "122", "m122", "123", "m123", "124", "m124", "125", "m125", "126", "m126", "127", "m127", "128", "m128"}),
            ":129\r\n");
  EXPECT_EQ(run({"zadd", "small", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunionstore", "d1", "1", "big"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "d1"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zunionstore", "d2", "1", "small"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "d2"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrangestore", "d3", "big", "0", "9"}),
            ":10\r\n");
  EXPECT_EQ(run({"object", "encoding", "d3"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrangestore", "d4", "big", "0", "-1"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "d4"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zinterstore", "d5", "2", "big", "small"}),
            ":0\r\n");
  EXPECT_EQ(run({"object", "encoding", "d5"}),
            "_\r\n");
  EXPECT_EQ(run({"zdiffstore", "d6", "1", "big"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "d6"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zadd", "long", "1", "01234567890123456789012345678901234567890123456789012345678901234", "2", "a"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrangestore", "d7", "long", "1", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"object", "encoding", "d7"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zunionstore", "d8", "1", "long"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "d8"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "d3", "0", "-1"}),
            "*10\r\n$4\r\nm000\r\n$4\r\nm001\r\n$4\r\nm002\r\n$4\r\nm003\r\n$4\r\nm004\r\n$4\r\nm005\r\n$4\r\nm006\r\n$4\r\nm007\r\n$4\r\nm008\r\n$4\r\nm009\r\n");
}

// ---- Generated from more cases recorded against redis-server 7.0.15.

// Extra cases for zsets_ops_test.cc (part B commands), recorded from redis-server 7.0.15.
TEST_F(ZsetOpsRecordedTest, ExtraCasesForZsetsOpsTestCcPartBCommandsRecordedFromRedisServer7015) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "0", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}),
            ":6\r\n");
  EXPECT_EQ(run({"zadd", "z", "-0", "m", "inf", "n", "-inf", "o"}),
            ":3\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zpopmin", "z"}),
            "*2\r\n$1\r\no\r\n$4\r\n-inf\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "2"}),
            "*4\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\n0\r\n$1\r\nm\r\n$2\r\n-0\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "3"}),
            "*6\r\n$1\r\nn\r\n$3\r\ninf\r\n$1\r\ne\r\n$1\r\n5\r\n$1\r\nd\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "9223372036854775807"}),
            "*6\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zpopmax", "z"}),
            "*0\r\n");
}

// Extra cases for zsets_ops_test.cc (part B commands), recorded from redis-server 7.0.15. (RESP3)
TEST_F(ZsetOpsRecordedTest, ExtraCasesForZsetsOpsTestCcPartBCommandsRecordedFromRedisServer7015Resp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "0", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}),
            ":6\r\n");
  EXPECT_EQ(run({"zadd", "z", "-0", "m", "inf", "n", "-inf", "o"}),
            ":3\r\n");
  EXPECT_EQ(run({"object", "encoding", "z"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zpopmin", "z"}),
            "*2\r\n$1\r\no\r\n,-inf\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "2"}),
            "*2\r\n*2\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,0\r\n*2\r\n$1\r\nm\r\n,-0\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "3"}),
            "*3\r\n*2\r\n$1\r\nn\r\n,inf\r\n*2\r\n$1\r\ne\r\n,5\r\n*2\r\n$1\r\nd\r\n,4\r\n");
  EXPECT_EQ(run({"zpopmax", "z", "9223372036854775807"}),
            "*3\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"zpopmax", "z"}),
            "*0\r\n");
}

// zpop errors and orders
TEST_F(ZsetOpsRecordedTest, ZpopErrorsAndOrders) {
  EXPECT_EQ(run({"zadd", "z", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "9223372036854775808"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zpopmin", "z", ""}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "01"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "+1"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"set", "s", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zpopmin", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zpopmax", "s", "1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zpopmin", "z", "1", "2", "3"}),
            "-ERR syntax error\r\n");
}

// zmpop skiplist and big counts
TEST_F(ZsetOpsRecordedTest, ZmpopSkiplistAndBigCounts) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}),
            ":3\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "max", "count", "9223372036854775807"}),
            "*2\r\n$1\r\na\r\n*3\r\n*2\r\n$77\r\nzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\r\n$1\r\n3\r\n*2\r\n$1\r\ny\r\n$1\r\n2\r\n*2\r\n$1\r\nx\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "a", "1", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zmpop", "3", "nokey1", "nokey2", "a", "MIN"}),
            "*2\r\n$1\r\na\r\n*1\r\n*2\r\n$1\r\nx\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "min", "count", "9223372036854775808"}),
            "-ERR count should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "mIn", "COUNT", "1"}),
            "*-1\r\n");
  EXPECT_EQ(run({"zmpop", "1", "nokey", "min", "count", "1", "count", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "2", "a", "min"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "max", "count"}),
            "-ERR syntax error\r\n");
}

// zmpop skiplist and big counts (RESP3)
TEST_F(ZsetOpsRecordedTest, ZmpopSkiplistAndBigCountsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y", "3", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}),
            ":3\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "max", "count", "9223372036854775807"}),
            "*2\r\n$1\r\na\r\n*3\r\n*2\r\n$77\r\nzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\r\n,3\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nx\r\n,1\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zadd", "a", "1", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zmpop", "3", "nokey1", "nokey2", "a", "MIN"}),
            "*2\r\n$1\r\na\r\n*1\r\n*2\r\n$1\r\nx\r\n,1\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "min", "count", "9223372036854775808"}),
            "-ERR count should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "mIn", "COUNT", "1"}),
            "_\r\n");
  EXPECT_EQ(run({"zmpop", "1", "nokey", "min", "count", "1", "count", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "2", "a", "min"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a", "max", "count"}),
            "-ERR syntax error\r\n");
}

// bzpop variants
TEST_F(ZsetOpsRecordedTest, BzpopVariants) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"set", "s", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"bzpopmin", "nokey", "s", "a", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"bzpopmin", "nokey", "a", "s", "0"}),
            "*3\r\n$1\r\na\r\n$1\r\nx\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"bzpopmax", "a", "0x10"}),
            "*3\r\n$1\r\na\r\n$1\r\ny\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"bzpopmax", "a", "1e-400"}),
            "*-1\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", ""}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", "1 "}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzpopmin", "nokey", "0.001"}),
            "*-1\r\n");
  EXPECT_EQ(run({"bzpopmax", "nokey1", "nokey2", "0.001"}),
            "*-1\r\n");
  EXPECT_EQ(run({"bzmpop", "0.001", "2", "nokey1", "nokey2", "max"}),
            "*-1\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "s", "max"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "2", "s", "a", "max", "count", "0"}),
            "-ERR count should be greater than 0\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "3", "a", "b", "c"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "a"}),
            "-ERR wrong number of arguments for 'bzmpop' command\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
}

// bzpop variants (RESP3)
TEST_F(ZsetOpsRecordedTest, BzpopVariantsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"set", "s", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"bzpopmin", "nokey", "s", "a", "0"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"bzpopmin", "nokey", "a", "s", "0"}),
            "*3\r\n$1\r\na\r\n$1\r\nx\r\n,1\r\n");
  EXPECT_EQ(run({"bzpopmax", "a", "0x10"}),
            "*3\r\n$1\r\na\r\n$1\r\ny\r\n,2\r\n");
  EXPECT_EQ(run({"bzpopmax", "a", "1e-400"}),
            "_\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", ""}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzpopmin", "a", "1 "}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzpopmin", "nokey", "0.001"}),
            "_\r\n");
  EXPECT_EQ(run({"bzpopmax", "nokey1", "nokey2", "0.001"}),
            "_\r\n");
  EXPECT_EQ(run({"bzmpop", "0.001", "2", "nokey1", "nokey2", "max"}),
            "_\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "s", "max"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "2", "s", "a", "max", "count", "0"}),
            "-ERR count should be greater than 0\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "3", "a", "b", "c"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "a"}),
            "-ERR wrong number of arguments for 'bzmpop' command\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
}

// zrandmember skiplist whole and shapes
TEST_F(ZsetOpsRecordedTest, ZrandmemberSkiplistWholeAndShapes) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "0", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", "-0", "m"}),
            ":5\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "z", "5"})),
            shape("*5\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nm\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "5", "withscores"})),
            shape("*10\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nm\r\n$2\r\n-0\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\n0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "6", "WITHSCORES"})),
            shape("*10\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nm\r\n$2\r\n-0\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\n0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "4"})),
            shape("*4\r\n$1\r\nc\r\n$1\r\nm\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\na\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "2", "withscores"})),
            shape("*4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\na\r\n$1\r\n1\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-3", "withscores"})),
            shape("*6\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\n0\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\na\r\n$1\r\n1\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "1"})),
            shape("*1\r\n$1\r\nc\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z"})),
            shape("$1\r\nc\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-1"})),
            shape("*1\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n"));
}

// zrandmember skiplist whole and shapes (RESP3)
TEST_F(ZsetOpsRecordedTest, ZrandmemberSkiplistWholeAndShapesResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b", "3", "c", "0", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", "-0", "m"}),
            ":5\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "z", "5"})),
            shape("*5\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nm\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "5", "withscores"})),
            shape("*5\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nm\r\n,-0\r\n*2\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "6", "WITHSCORES"})),
            shape("*5\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nm\r\n,-0\r\n*2\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "4"})),
            shape("*4\r\n$1\r\nc\r\n$1\r\nm\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\nb\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "2", "withscores"})),
            shape("*2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\na\r\n,1\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-3", "withscores"})),
            shape("*3\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nm\r\n,-0\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "1"})),
            shape("*1\r\n$1\r\na\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z"})),
            shape("$1\r\nc\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-1"})),
            shape("*1\r\n$1\r\na\r\n"));
}

// zrandmember listpack order and count one
TEST_F(ZsetOpsRecordedTest, ZrandmemberListpackOrderAndCountOne) {
  EXPECT_EQ(run({"zadd", "z", "1.5", "a", "2.5", "b", "0.5", "c", "-inf", "d", "inf", "e"}),
            ":5\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "z", "5", "withscores"})),
            shape("*10\r\n$1\r\ne\r\n$3\r\ninf\r\n$1\r\nb\r\n$3\r\n2.5\r\n$1\r\na\r\n$3\r\n1.5\r\n$1\r\nc\r\n$3\r\n0.5\r\n$1\r\nd\r\n$4\r\n-inf\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "1", "withscores"})),
            shape("*2\r\n$1\r\nb\r\n$3\r\n2.5\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-1"})),
            shape("*1\r\n$1\r\nd\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "1", bin("withscores\x00x")})),
            shape("*2\r\n$1\r\nc\r\n$3\r\n0.5\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "01"})),
            shape("-ERR value is not an integer or out of range\r\n"));
}

// zrandmember listpack order and count one (RESP3)
TEST_F(ZsetOpsRecordedTest, ZrandmemberListpackOrderAndCountOneResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "z", "1.5", "a", "2.5", "b", "0.5", "c", "-inf", "d", "inf", "e"}),
            ":5\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "z", "5", "withscores"})),
            shape("*5\r\n*2\r\n$1\r\ne\r\n,inf\r\n*2\r\n$1\r\nb\r\n,2.5\r\n*2\r\n$1\r\na\r\n,1.5\r\n*2\r\n$1\r\nc\r\n,0.5\r\n*2\r\n$1\r\nd\r\n,-inf\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "1", "withscores"})),
            shape("*1\r\n*2\r\n$1\r\nc\r\n,0.5\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "-1"})),
            shape("*1\r\n$1\r\nc\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "1", bin("withscores\x00x")})),
            shape("*1\r\n*2\r\n$1\r\nb\r\n,2.5\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "z", "01"})),
            shape("-ERR value is not an integer or out of range\r\n"));
}

// set algebra with skiplists and sets
TEST_F(ZsetOpsRecordedTest, SetAlgebraWithSkiplistsAndSets) {
  EXPECT_EQ(run({"zadd", "big", "1", "a", "2", "b", "3", "c", "4", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}),
            ":4\r\n");
  EXPECT_EQ(run({"zadd", "small", "10", "b", "20", "c", "30", "d"}),
            ":3\r\n");
  EXPECT_EQ(run({"sadd", "ints", "3", "1", "2"}),
            ":3\r\n");
  EXPECT_EQ(run({"sadd", "strs", "a", "d", bin("e\x00""f")}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "4", "big", "small", "ints", "strs", "withscores"}),
            bin("*18\r\n$1\r\n1\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n1\r\n$3\r\ne\x00""f\r\n$1\r\n1\r\n$1\r\na\r\n$1\r\n2\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\n4\r\n$1\r\nb\r\n$2\r\n12\r\n$1\r\nc\r\n$2\r\n23\r\n$1\r\nd\r\n$2\r\n31\r\n"));
  EXPECT_EQ(run({"zinter", "2", "big", "small", "withscores"}),
            "*4\r\n$1\r\nb\r\n$2\r\n12\r\n$1\r\nc\r\n$2\r\n23\r\n");
  EXPECT_EQ(run({"zinter", "3", "big", "small", "strs", "withscores"}),
            "*0\r\n");
  EXPECT_EQ(run({"zdiff", "2", "big", "small", "withscores"}),
            "*4\r\n$1\r\na\r\n$1\r\n1\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zdiff", "2", "strs", "big", "withscores"}),
            bin("*4\r\n$1\r\nd\r\n$1\r\n1\r\n$3\r\ne\x00""f\r\n$1\r\n1\r\n"));
  EXPECT_EQ(run({"zdiff", "2", "ints", "big", "withscores"}),
            "*6\r\n$1\r\n1\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"zunion", "2", "ints", "strs"}),
            bin("*6\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\na\r\n$1\r\nd\r\n$3\r\ne\x00""f\r\n"));
  EXPECT_EQ(run({"zinter", "2", "strs", "strs", "withscores"}),
            bin("*6\r\n$1\r\na\r\n$1\r\n2\r\n$1\r\nd\r\n$1\r\n2\r\n$3\r\ne\x00""f\r\n$1\r\n2\r\n"));
  EXPECT_EQ(run({"zintercard", "4", "big", "small", "ints", "strs"}),
            ":0\r\n");
  EXPECT_EQ(run({"zintercard", "2", "big", "small"}),
            ":2\r\n");
  EXPECT_EQ(run({"zintercard", "2", "big", "small", "limit", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zintercard", "2", "strs", "big"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "4", "big", "small", "ints", "strs"}),
            ":9\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            bin("*18\r\n$1\r\n1\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n1\r\n$3\r\ne\x00""f\r\n$1\r\n1\r\n$1\r\na\r\n$1\r\n2\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\n4\r\n$1\r\nb\r\n$2\r\n12\r\n$1\r\nc\r\n$2\r\n23\r\n$1\r\nd\r\n$2\r\n31\r\n"));
  EXPECT_EQ(run({"zinterstore", "d", "2", "big", "small"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nb\r\n$2\r\n12\r\n$1\r\nc\r\n$2\r\n23\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "big", "small"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*4\r\n$1\r\na\r\n$1\r\n1\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\n4\r\n");
}

// set algebra with skiplists and sets (RESP3)
TEST_F(ZsetOpsRecordedTest, SetAlgebraWithSkiplistsAndSetsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "big", "1", "a", "2", "b", "3", "c", "4", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}),
            ":4\r\n");
  EXPECT_EQ(run({"zadd", "small", "10", "b", "20", "c", "30", "d"}),
            ":3\r\n");
  EXPECT_EQ(run({"sadd", "ints", "3", "1", "2"}),
            ":3\r\n");
  EXPECT_EQ(run({"sadd", "strs", "a", "d", bin("e\x00""f")}),
            ":3\r\n");
  EXPECT_EQ(run({"zunion", "4", "big", "small", "ints", "strs", "withscores"}),
            bin("*9\r\n*2\r\n$1\r\n1\r\n,1\r\n*2\r\n$1\r\n2\r\n,1\r\n*2\r\n$1\r\n3\r\n,1\r\n*2\r\n$3\r\ne\x00""f\r\n,1\r\n*2\r\n$1\r\na\r\n,2\r\n*2\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,4\r\n*2\r\n$1\r\nb\r\n,12\r\n*2\r\n$1\r\nc\r\n,23\r\n*2\r\n$1\r\nd\r\n,31\r\n"));
  EXPECT_EQ(run({"zinter", "2", "big", "small", "withscores"}),
            "*2\r\n*2\r\n$1\r\nb\r\n,12\r\n*2\r\n$1\r\nc\r\n,23\r\n");
  EXPECT_EQ(run({"zinter", "3", "big", "small", "strs", "withscores"}),
            "*0\r\n");
  EXPECT_EQ(run({"zdiff", "2", "big", "small", "withscores"}),
            "*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,4\r\n");
  EXPECT_EQ(run({"zdiff", "2", "strs", "big", "withscores"}),
            bin("*2\r\n*2\r\n$1\r\nd\r\n,1\r\n*2\r\n$3\r\ne\x00""f\r\n,1\r\n"));
  EXPECT_EQ(run({"zdiff", "2", "ints", "big", "withscores"}),
            "*3\r\n*2\r\n$1\r\n1\r\n,1\r\n*2\r\n$1\r\n2\r\n,1\r\n*2\r\n$1\r\n3\r\n,1\r\n");
  EXPECT_EQ(run({"zunion", "2", "ints", "strs"}),
            bin("*6\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\na\r\n$1\r\nd\r\n$3\r\ne\x00""f\r\n"));
  EXPECT_EQ(run({"zinter", "2", "strs", "strs", "withscores"}),
            bin("*3\r\n*2\r\n$1\r\na\r\n,2\r\n*2\r\n$1\r\nd\r\n,2\r\n*2\r\n$3\r\ne\x00""f\r\n,2\r\n"));
  EXPECT_EQ(run({"zintercard", "4", "big", "small", "ints", "strs"}),
            ":0\r\n");
  EXPECT_EQ(run({"zintercard", "2", "big", "small"}),
            ":2\r\n");
  EXPECT_EQ(run({"zintercard", "2", "big", "small", "limit", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zintercard", "2", "strs", "big"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "4", "big", "small", "ints", "strs"}),
            ":9\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            bin("*9\r\n*2\r\n$1\r\n1\r\n,1\r\n*2\r\n$1\r\n2\r\n,1\r\n*2\r\n$1\r\n3\r\n,1\r\n*2\r\n$3\r\ne\x00""f\r\n,1\r\n*2\r\n$1\r\na\r\n,2\r\n*2\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,4\r\n*2\r\n$1\r\nb\r\n,12\r\n*2\r\n$1\r\nc\r\n,23\r\n*2\r\n$1\r\nd\r\n,31\r\n"));
  EXPECT_EQ(run({"zinterstore", "d", "2", "big", "small"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nb\r\n,12\r\n*2\r\n$1\r\nc\r\n,23\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "big", "small"}),
            ":2\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$73\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,4\r\n");
}

// set algebra weights parsing
TEST_F(ZsetOpsRecordedTest, SetAlgebraWeightsParsing) {
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "b", "3", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "inf", "-inf", "withscores"}),
            "*4\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\ny\r\n$3\r\ninf\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "1e400", "1"}),
            "-ERR weight value is not a float\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "", "1"}),
            "-ERR weight value is not a float\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "1 ", "1"}),
            "-ERR weight value is not a float\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "0x1p3", "-0", "withscores"}),
            "*4\r\n$1\r\nx\r\n$1\r\n8\r\n$1\r\ny\r\n$2\r\n16\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "2", "3", "weights", "1", "1", "withscores"}),
            "*4\r\n$1\r\ny\r\n$1\r\n2\r\n$1\r\nx\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate", "min", "aggregate", "max", "withscores"}),
            "*4\r\n$1\r\ny\r\n$1\r\n2\r\n$1\r\nx\r\n$1\r\n3\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "withscores", "withscores"}),
            "*4\r\n$1\r\ny\r\n$1\r\n2\r\n$1\r\nx\r\n$1\r\n4\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "WeIgHtS", "1", "2", "AgGrEgAtE", "MaX", "WiThScOrEs"}),
            "*4\r\n$1\r\ny\r\n$1\r\n2\r\n$1\r\nx\r\n$1\r\n6\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "weights", "1", "2", "3"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b", "weights", "1", "2", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate", "sum", "extra"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "limit", "1", "limit", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "LIMIT", "9223372036854775808"}),
            "-ERR LIMIT can't be negative\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "weights", "1", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zintercard", "9223372036854775807", "a"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zintercard", "x", "a"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zdiff", "2", "a", "b", "withscores"}),
            "*2\r\n$1\r\ny\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"zdiff", "2", "a", "b", "aggregate"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "a", "b", "withscores"}),
            "-ERR syntax error\r\n");
}

// set algebra weights parsing (RESP3)
TEST_F(ZsetOpsRecordedTest, SetAlgebraWeightsParsingResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "b", "3", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "inf", "-inf", "withscores"}),
            "*2\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$1\r\ny\r\n,inf\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "1e400", "1"}),
            "-ERR weight value is not a float\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "", "1"}),
            "-ERR weight value is not a float\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "1 ", "1"}),
            "-ERR weight value is not a float\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "0x1p3", "-0", "withscores"}),
            "*2\r\n*2\r\n$1\r\nx\r\n,8\r\n*2\r\n$1\r\ny\r\n,16\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "2", "3", "weights", "1", "1", "withscores"}),
            "*2\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nx\r\n,4\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate", "min", "aggregate", "max", "withscores"}),
            "*2\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nx\r\n,3\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "withscores", "withscores"}),
            "*2\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nx\r\n,4\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "WeIgHtS", "1", "2", "AgGrEgAtE", "MaX", "WiThScOrEs"}),
            "*2\r\n*2\r\n$1\r\ny\r\n,2\r\n*2\r\n$1\r\nx\r\n,6\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "b", "weights", "1", "2", "3"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "weights", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b", "weights", "1", "2", "withscores"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zunion", "2", "a", "b", "aggregate", "sum", "extra"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "limit", "1", "limit", "0"}),
            ":1\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "LIMIT", "9223372036854775808"}),
            "-ERR LIMIT can't be negative\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "weights", "1", "1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zintercard", "9223372036854775807", "a"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zintercard", "x", "a"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zdiff", "2", "a", "b", "withscores"}),
            "*1\r\n*2\r\n$1\r\ny\r\n,2\r\n");
  EXPECT_EQ(run({"zdiff", "2", "a", "b", "aggregate"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "a", "b", "withscores"}),
            "-ERR syntax error\r\n");
}

// negative zero in set algebra
TEST_F(ZsetOpsRecordedTest, NegativeZeroInSetAlgebra) {
  EXPECT_EQ(run({"zadd", "a", "0", "x", "1", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "big", "0", "x", "1", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "weights", "-1", "withscores"}),
            "*4\r\n$1\r\ny\r\n$2\r\n-1\r\n$1\r\nx\r\n$2\r\n-0\r\n");
  EXPECT_EQ(run({"zunion", "1", "big", "weights", "-1", "withscores"}),
            "*4\r\n$76\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$2\r\n-1\r\n$1\r\nx\r\n$2\r\n-0\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "big", "weights", "-1", "1", "withscores"}),
            "*2\r\n$1\r\nx\r\n$1\r\n0\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "big", "weights", "-1", "1", "aggregate", "min", "withscores"}),
            "*2\r\n$1\r\nx\r\n$2\r\n-0\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "big", "weights", "-1", "1", "aggregate", "max", "withscores"}),
            "*2\r\n$1\r\nx\r\n$2\r\n-0\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "big", "weights", "-1", "-1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*2\r\n$1\r\nx\r\n$1\r\n0\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "big", "weights", "-1"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*4\r\n$76\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$2\r\n-1\r\n$1\r\nx\r\n$2\r\n-0\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zdiff", "1", "big", "withscores"}),
            "*4\r\n$1\r\nx\r\n$1\r\n0\r\n$76\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n$1\r\n1\r\n");
}

// negative zero in set algebra (RESP3)
TEST_F(ZsetOpsRecordedTest, NegativeZeroInSetAlgebraResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "0", "x", "1", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zadd", "big", "0", "x", "1", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "weights", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\ny\r\n,-1\r\n*2\r\n$1\r\nx\r\n,-0\r\n");
  EXPECT_EQ(run({"zunion", "1", "big", "weights", "-1", "withscores"}),
            "*2\r\n*2\r\n$76\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,-1\r\n*2\r\n$1\r\nx\r\n,-0\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "big", "weights", "-1", "1", "withscores"}),
            "*1\r\n*2\r\n$1\r\nx\r\n,0\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "big", "weights", "-1", "1", "aggregate", "min", "withscores"}),
            "*1\r\n*2\r\n$1\r\nx\r\n,-0\r\n");
  EXPECT_EQ(run({"zinter", "2", "a", "big", "weights", "-1", "1", "aggregate", "max", "withscores"}),
            "*1\r\n*2\r\n$1\r\nx\r\n,-0\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "big", "weights", "-1", "-1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*1\r\n*2\r\n$1\r\nx\r\n,0\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "big", "weights", "-1"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "d", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$76\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,-1\r\n*2\r\n$1\r\nx\r\n,-0\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zdiff", "1", "big", "withscores"}),
            "*2\r\n*2\r\n$1\r\nx\r\n,0\r\n*2\r\n$76\r\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\r\n,1\r\n");
}

// store over other types and self
TEST_F(ZsetOpsRecordedTest, StoreOverOtherTypesAndSelf) {
  EXPECT_EQ(run({"set", "s", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunionstore", "s", "1", "a"}),
            ":2\r\n");
  EXPECT_EQ(run({"type", "s"}),
            "+zset\r\n");
  EXPECT_EQ(run({"zrange", "s", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\ny\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"rpush", "l", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zinterstore", "l", "2", "a", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "l"}),
            ":0\r\n");
  EXPECT_EQ(run({"zunionstore", "a", "2", "a", "a", "weights", "2", "3"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "a", "0", "-1", "withscores"}),
            "*4\r\n$1\r\nx\r\n$1\r\n5\r\n$1\r\ny\r\n$2\r\n10\r\n");
  EXPECT_EQ(run({"zdiffstore", "a", "2", "a", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
}

// store over other types and self (RESP3)
TEST_F(ZsetOpsRecordedTest, StoreOverOtherTypesAndSelfResp3) {
  use_resp3();
  EXPECT_EQ(run({"set", "s", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zadd", "a", "1", "x", "2", "y"}),
            ":2\r\n");
  EXPECT_EQ(run({"zunionstore", "s", "1", "a"}),
            ":2\r\n");
  EXPECT_EQ(run({"type", "s"}),
            "+zset\r\n");
  EXPECT_EQ(run({"zrange", "s", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\ny\r\n,2\r\n");
  EXPECT_EQ(run({"rpush", "l", "1"}),
            ":1\r\n");
  EXPECT_EQ(run({"zinterstore", "l", "2", "a", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "l"}),
            ":0\r\n");
  EXPECT_EQ(run({"zunionstore", "a", "2", "a", "a", "weights", "2", "3"}),
            ":2\r\n");
  EXPECT_EQ(run({"zrange", "a", "0", "-1", "withscores"}),
            "*2\r\n*2\r\n$1\r\nx\r\n,5\r\n*2\r\n$1\r\ny\r\n,10\r\n");
  EXPECT_EQ(run({"zdiffstore", "a", "2", "a", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"exists", "d"}),
            ":0\r\n");
}

// store result of 129 members is a skiplist
TEST_F(ZsetOpsRecordedTest, StoreResultOf129MembersIsASkiplist) {
  EXPECT_EQ(run({"zadd", "a", "1", "m1", "2", "m2", "3", "m3", "4", "m4", "5", "m5", "6", "m6", "7", "m7", "8", "m8", "9", "m9", "10", "m10", "11", "m11", "12", "m12", "13", "m13", "14", "m14", "15", "m15", "16", "m16", "17", "m17", "18", "m18", "19", "m19", "20", "m20", "21", "m21", "22", "m22", "23", "m23", "24", "m24", "25", "m25", "26", "m26", "27", "m27", "28", "m28", "29", "m29", "30", "m30", "31", "m31", "32", "m32", "33", "m33", "34", "m34", "35", "m35", "36", "m36", "37", "m37", "38", "m38", "39", "m39", "40", "m40", "41", "m41", "42", "m42", "43", "m43", "44", "m44", "45", "m45", "46", "m46", "47", "m47", "48", "m48", "49", "m49", "50", "m50", "51", "m51", "52", "m52", "53", "m53", "54", "m54", "55", "m55", "56", "m56", "57", "m57", "58", "m58", "59", "m59", "60", "m60", "61", "m61", "62", "m62", "63", "m63", "64", "m64"}),
            ":64\r\n");
  EXPECT_EQ(run({"zadd", "b", "65", "m65", "66", "m66", "67", "m67", "68", "m68", "69", "m69", "70", "m70", "71", "m71", "72", "m72", "73", "m73", "74", "m74", "75", "m75", "76", "m76", "77", "m77", "78", "m78", "79", "m79", "80", "m80", "81", "m81", "82", "m82", "83", "m83", "84", "m84", "85", "m85", "86", "m86", "87", "m87", "88", "m88", "89", "m89", "90", "m90", "91", "m91", "92", "m92", "93", "m93", "94", "m94", "95", "m95", "96", "m96", "97", "m97", "98", "m98", "99", "m99", "100", "m100", "101", "m101", "102", "m102", "103", "m103", "104", "m104", "105", "m105", "106", "m106", "107", "m107", "108", "m108", "109", "m109", "110", "m110", "111", "m111", "112", "m112", "113", "m113", "114", "m114", "115", "m115", "116", "m116", "117", "m117", "118", "m118", "119", "m119", "120", "m120", "121", "m121", "122", "m122", "123", "m123", "124", "m124", "125", "m125", "126", "m126", "127", "m127", "128", "m128"}),
            ":64\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b"}),
            ":128\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zadd", "b", "129", "m129"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "b", "a"}),
            ":65\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zpopmin", "d", "2"}),
            "*4\r\n$3\r\nm65\r\n$2\r\n65\r\n$3\r\nm66\r\n$2\r\n66\r\n");
  EXPECT_EQ(run({"zpopmax", "d"}),
            "*2\r\n$4\r\nm129\r\n$3\r\n129\r\n");
  EXPECT_EQ(run({"zcard", "d"}),
            ":62\r\n");
}

// store result of 129 members is a skiplist (RESP3)
TEST_F(ZsetOpsRecordedTest, StoreResultOf129MembersIsASkiplistResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "m1", "2", "m2", "3", "m3", "4", "m4", "5", "m5", "6", "m6", "7", "m7", "8", "m8", "9", "m9", "10", "m10", "11", "m11", "12", "m12", "13", "m13", "14", "m14", "15", "m15", "16", "m16", "17", "m17", "18", "m18", "19", "m19", "20", "m20", "21", "m21", "22", "m22", "23", "m23", "24", "m24", "25", "m25", "26", "m26", "27", "m27", "28", "m28", "29", "m29", "30", "m30", "31", "m31", "32", "m32", "33", "m33", "34", "m34", "35", "m35", "36", "m36", "37", "m37", "38", "m38", "39", "m39", "40", "m40", "41", "m41", "42", "m42", "43", "m43", "44", "m44", "45", "m45", "46", "m46", "47", "m47", "48", "m48", "49", "m49", "50", "m50", "51", "m51", "52", "m52", "53", "m53", "54", "m54", "55", "m55", "56", "m56", "57", "m57", "58", "m58", "59", "m59", "60", "m60", "61", "m61", "62", "m62", "63", "m63", "64", "m64"}),
            ":64\r\n");
  EXPECT_EQ(run({"zadd", "b", "65", "m65", "66", "m66", "67", "m67", "68", "m68", "69", "m69", "70", "m70", "71", "m71", "72", "m72", "73", "m73", "74", "m74", "75", "m75", "76", "m76", "77", "m77", "78", "m78", "79", "m79", "80", "m80", "81", "m81", "82", "m82", "83", "m83", "84", "m84", "85", "m85", "86", "m86", "87", "m87", "88", "m88", "89", "m89", "90", "m90", "91", "m91", "92", "m92", "93", "m93", "94", "m94", "95", "m95", "96", "m96", "97", "m97", "98", "m98", "99", "m99", "100", "m100", "101", "m101", "102", "m102", "103", "m103", "104", "m104", "105", "m105", "106", "m106", "107", "m107", "108", "m108", "109", "m109", "110", "m110", "111", "m111", "112", "m112", "113", "m113", "114", "m114", "115", "m115", "116", "m116", "117", "m117", "118", "m118", "119", "m119", "120", "m120", "121", "m121", "122", "m122", "123", "m123", "124", "m124", "125", "m125", "126", "m126", "127", "m127", "128", "m128"}),
            ":64\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b"}),
            ":128\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zadd", "b", "129", "m129"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "b"}),
            ":129\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nskiplist\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "b", "a"}),
            ":65\r\n");
  EXPECT_EQ(run({"object", "encoding", "d"}),
            "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"zpopmin", "d", "2"}),
            "*2\r\n*2\r\n$3\r\nm65\r\n,65\r\n*2\r\n$3\r\nm66\r\n,66\r\n");
  EXPECT_EQ(run({"zpopmax", "d"}),
            "*2\r\n$4\r\nm129\r\n,129\r\n");
  EXPECT_EQ(run({"zcard", "d"}),
            ":62\r\n");
}

// zscan formats and options
TEST_F(ZsetOpsRecordedTest, ZscanFormatsAndOptions) {
  EXPECT_EQ(run({"zadd", "z", "1", "a", "0.1", "b", "1e17", "c", "5e18", "d", "-inf", "e", "2.5e-5", "f", "4611686018427387904", "g", "4611686018427387903", "h", "-4611686018427387904", "i", "9007199254740993", "j"}),
            ":10\r\n");
  EXPECT_EQ(run({"zscan", "z", "0"}),
            "*2\r\n$1\r\n0\r\n*20\r\n$1\r\ne\r\n$4\r\n-inf\r\n$1\r\ni\r\n$20\r\n-4611686018427387904\r\n$1\r\nf\r\n$22\r\n2.5000000000000001e-05\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nj\r\n$16\r\n9007199254740992\r\n$1\r\nc\r\n$18\r\n100000000000000000\r\n$1\r\ng\r\n$19\r\n4611686018427387904\r\n$1\r\nh\r\n$19\r\n4611686018427387904\r\n$1\r\nd\r\n$5\r\n5e+18\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "MATCH", "*", "count", "1"}),
            "*2\r\n$1\r\n0\r\n*20\r\n$1\r\ne\r\n$4\r\n-inf\r\n$1\r\ni\r\n$20\r\n-4611686018427387904\r\n$1\r\nf\r\n$22\r\n2.5000000000000001e-05\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nj\r\n$16\r\n9007199254740992\r\n$1\r\nc\r\n$18\r\n100000000000000000\r\n$1\r\ng\r\n$19\r\n4611686018427387904\r\n$1\r\nh\r\n$19\r\n4611686018427387904\r\n$1\r\nd\r\n$5\r\n5e+18\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "match", bin("\x00"), "count", "1"}),
            "*2\r\n$1\r\n0\r\n*0\r\n");
  EXPECT_EQ(run({"zscan", "z", "", "count", "1"}),
            "*2\r\n$1\r\n0\r\n*20\r\n$1\r\ne\r\n$4\r\n-inf\r\n$1\r\ni\r\n$20\r\n-4611686018427387904\r\n$1\r\nf\r\n$22\r\n2.5000000000000001e-05\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nj\r\n$16\r\n9007199254740992\r\n$1\r\nc\r\n$18\r\n100000000000000000\r\n$1\r\ng\r\n$19\r\n4611686018427387904\r\n$1\r\nh\r\n$19\r\n4611686018427387904\r\n$1\r\nd\r\n$5\r\n5e+18\r\n");
  EXPECT_EQ(run({"zscan", "z", "+5"}),
            "*2\r\n$1\r\n0\r\n*20\r\n$1\r\ne\r\n$4\r\n-inf\r\n$1\r\ni\r\n$20\r\n-4611686018427387904\r\n$1\r\nf\r\n$22\r\n2.5000000000000001e-05\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nj\r\n$16\r\n9007199254740992\r\n$1\r\nc\r\n$18\r\n100000000000000000\r\n$1\r\ng\r\n$19\r\n4611686018427387904\r\n$1\r\nh\r\n$19\r\n4611686018427387904\r\n$1\r\nd\r\n$5\r\n5e+18\r\n");
  EXPECT_EQ(run({"zscan", "z", "18446744073709551615"}),
            "*2\r\n$1\r\n0\r\n*20\r\n$1\r\ne\r\n$4\r\n-inf\r\n$1\r\ni\r\n$20\r\n-4611686018427387904\r\n$1\r\nf\r\n$22\r\n2.5000000000000001e-05\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nj\r\n$16\r\n9007199254740992\r\n$1\r\nc\r\n$18\r\n100000000000000000\r\n$1\r\ng\r\n$19\r\n4611686018427387904\r\n$1\r\nh\r\n$19\r\n4611686018427387904\r\n$1\r\nd\r\n$5\r\n5e+18\r\n");
  EXPECT_EQ(run({"zscan", "z", "18446744073709551616"}),
            "-ERR invalid cursor\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "match", "a", "match", "b"}),
            "*2\r\n$1\r\n0\r\n*2\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", bin("count\x00x"), "5"}),
            "*2\r\n$1\r\n0\r\n*20\r\n$1\r\ne\r\n$4\r\n-inf\r\n$1\r\ni\r\n$20\r\n-4611686018427387904\r\n$1\r\nf\r\n$22\r\n2.5000000000000001e-05\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nj\r\n$16\r\n9007199254740992\r\n$1\r\nc\r\n$18\r\n100000000000000000\r\n$1\r\ng\r\n$19\r\n4611686018427387904\r\n$1\r\nh\r\n$19\r\n4611686018427387904\r\n$1\r\nd\r\n$5\r\n5e+18\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "count", "-1"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zscan", "z", "0", "count", "9223372036854775808"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zadd", "sk", "0.1", "b", "1e17", "c", "-0", "k", "3", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}),
            ":4\r\n");
  EXPECT_EQ(run({"zscan", "sk", "0", "match", "b"}),
            "*2\r\n$1\r\n0\r\n*2\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n");
  EXPECT_EQ(run({"zscan", "sk", "0", "match", "c"}),
            "*2\r\n$1\r\n0\r\n*2\r\n$1\r\nc\r\n$5\r\n1e+17\r\n");
  EXPECT_EQ(run({"zscan", "sk", "0", "match", "k"}),
            "*2\r\n$1\r\n0\r\n*2\r\n$1\r\nk\r\n$1\r\n0\r\n");
  EXPECT_EQ(run({"zscan", "sk", "0", "match", "nomatch", "count", "100"}),
            "*2\r\n$1\r\n0\r\n*0\r\n");
}

// zinter zunion with empty and missing inputs
TEST_F(ZsetOpsRecordedTest, ZinterZunionWithEmptyAndMissingInputs) {
  EXPECT_EQ(run({"zadd", "a", "1", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zinter", "3", "a", "nokey", "a", "withscores"}),
            "*0\r\n");
  EXPECT_EQ(run({"zunion", "3", "nokey", "nokey", "nokey", "withscores"}),
            "*0\r\n");
  EXPECT_EQ(run({"zdiff", "3", "nokey", "a", "a"}),
            "*0\r\n");
  EXPECT_EQ(run({"zintercard", "3", "a", "nokey", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "1", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "withscores"}),
            "*2\r\n$1\r\nx\r\n$1\r\n1\r\n");
}

// zinter zunion with empty and missing inputs (RESP3)
TEST_F(ZsetOpsRecordedTest, ZinterZunionWithEmptyAndMissingInputsResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"zinter", "3", "a", "nokey", "a", "withscores"}),
            "*0\r\n");
  EXPECT_EQ(run({"zunion", "3", "nokey", "nokey", "nokey", "withscores"}),
            "*0\r\n");
  EXPECT_EQ(run({"zdiff", "3", "nokey", "a", "a"}),
            "*0\r\n");
  EXPECT_EQ(run({"zintercard", "3", "a", "nokey", "a"}),
            ":0\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "1", "nokey"}),
            ":0\r\n");
  EXPECT_EQ(run({"zunion", "1", "a", "withscores"}),
            "*1\r\n*2\r\n$1\r\nx\r\n,1\r\n");
}

// arity of the part b commands
TEST_F(ZsetOpsRecordedTest, ArityOfThePartBCommands) {
  EXPECT_EQ(run({"zpopmin"}),
            "-ERR wrong number of arguments for 'zpopmin' command\r\n");
  EXPECT_EQ(run({"zpopmax"}),
            "-ERR wrong number of arguments for 'zpopmax' command\r\n");
  EXPECT_EQ(run({"zmpop", "1", "a"}),
            "-ERR wrong number of arguments for 'zmpop' command\r\n");
  EXPECT_EQ(run({"bzpopmin", "a"}),
            "-ERR wrong number of arguments for 'bzpopmin' command\r\n");
  EXPECT_EQ(run({"bzpopmax", "a"}),
            "-ERR wrong number of arguments for 'bzpopmax' command\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "a"}),
            "-ERR wrong number of arguments for 'bzmpop' command\r\n");
  EXPECT_EQ(shape(run({"zrandmember"})),
            shape("-ERR wrong number of arguments for 'zrandmember' command\r\n"));
  EXPECT_EQ(run({"zunion", "1"}),
            "-ERR wrong number of arguments for 'zunion' command\r\n");
  EXPECT_EQ(run({"zinter", "1"}),
            "-ERR wrong number of arguments for 'zinter' command\r\n");
  EXPECT_EQ(run({"zdiff", "1"}),
            "-ERR wrong number of arguments for 'zdiff' command\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1"}),
            "-ERR wrong number of arguments for 'zunionstore' command\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "1"}),
            "-ERR wrong number of arguments for 'zinterstore' command\r\n");
  EXPECT_EQ(run({"zdiffstore", "d", "1"}),
            "-ERR wrong number of arguments for 'zdiffstore' command\r\n");
  EXPECT_EQ(run({"zintercard", "1"}),
            "-ERR wrong number of arguments for 'zintercard' command\r\n");
  EXPECT_EQ(run({"zscan", "z"}),
            "-ERR wrong number of arguments for 'zscan' command\r\n");
}

// wrongtype order in the pops and the set algebra
TEST_F(ZsetOpsRecordedTest, WrongtypeOrderInThePopsAndTheSetAlgebra) {
  EXPECT_EQ(run({"set", "s", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zpopmin", "s", "x"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zpopmin", "s", "-1"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zmpop", "1", "s", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "0", "s", "min"}),
            "-ERR numkeys should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "2", "z", "s", "min"}),
            "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzpopmax", "s", "x"}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzmpop", "x", "1", "s", "min"}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "s", "x"})),
            shape("-ERR value is not an integer or out of range\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "s", "1", "foo"})),
            shape("-ERR syntax error\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "s", "9223372036854775807", "withscores"})),
            shape("-ERR value is out of range\r\n"));
  EXPECT_EQ(run({"zunion", "2", "z", "s", "weights", "x"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zunion", "1", "s", "foo"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zunion", "x", "s"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zinter", "0", "s"}),
            "-ERR at least 1 input key is needed for 'zinter' command\r\n");
  EXPECT_EQ(run({"zdiff", "2", "s", "z"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zintercard", "1", "s", "limit", "-1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "z", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zscan", "s", "x"}),
            "-ERR invalid cursor\r\n");
  EXPECT_EQ(run({"zscan", "s", "0", "foo"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"rpush", "l", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunion", "1", "l"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zintercard", "2", "z", "l"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"hset", "h", "f", "v"}),
            ":1\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "z", "h"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
}

// wrongtype order in the pops and the set algebra (RESP3)
TEST_F(ZsetOpsRecordedTest, WrongtypeOrderInThePopsAndTheSetAlgebraResp3) {
  use_resp3();
  EXPECT_EQ(run({"set", "s", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zpopmin", "s", "x"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zpopmin", "s", "-1"}),
            "-ERR value is out of range, must be positive\r\n");
  EXPECT_EQ(run({"zmpop", "1", "s", "foo"}),
            "-ERR syntax error\r\n");
  EXPECT_EQ(run({"zmpop", "0", "s", "min"}),
            "-ERR numkeys should be greater than 0\r\n");
  EXPECT_EQ(run({"zmpop", "2", "z", "s", "min"}),
            "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
  EXPECT_EQ(run({"bzpopmax", "s", "x"}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(run({"bzmpop", "x", "1", "s", "min"}),
            "-ERR timeout is not a float or out of range\r\n");
  EXPECT_EQ(shape(run({"zrandmember", "s", "x"})),
            shape("-ERR value is not an integer or out of range\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "s", "1", "foo"})),
            shape("-ERR syntax error\r\n"));
  EXPECT_EQ(shape(run({"zrandmember", "s", "9223372036854775807", "withscores"})),
            shape("-ERR value is out of range\r\n"));
  EXPECT_EQ(run({"zunion", "2", "z", "s", "weights", "x"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zunion", "1", "s", "foo"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zunion", "x", "s"}),
            "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"zinter", "0", "s"}),
            "-ERR at least 1 input key is needed for 'zinter' command\r\n");
  EXPECT_EQ(run({"zdiff", "2", "s", "z"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zintercard", "1", "s", "limit", "-1"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "2", "z", "s"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zscan", "s", "x"}),
            "-ERR invalid cursor\r\n");
  EXPECT_EQ(run({"zscan", "s", "0", "foo"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"rpush", "l", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunion", "1", "l"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"zintercard", "2", "z", "l"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  EXPECT_EQ(run({"hset", "h", "f", "v"}),
            ":1\r\n");
  EXPECT_EQ(run({"zinterstore", "d", "2", "z", "h"}),
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
}

// store forms drop the destination ttl and pops keep the key ttl
TEST_F(ZsetOpsRecordedTest, StoreFormsDropTheDestinationTtlAndPopsKeepTheKeyTtl) {
  EXPECT_EQ(run({"zadd", "a", "1", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"set", "d", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"expire", "d", "100"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"ttl", "d"}),
            ":-1\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"expire", "z", "100"}),
            ":1\r\n");
  EXPECT_EQ(run({"zpopmin", "z"}),
            "*2\r\n$1\r\na\r\n$1\r\n1\r\n");
  EXPECT_EQ(run({"ttl", "z"}),
            ":100\r\n");
  EXPECT_EQ(run({"zmpop", "1", "z", "max"}),
            "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
}

// store forms drop the destination ttl and pops keep the key ttl (RESP3)
TEST_F(ZsetOpsRecordedTest, StoreFormsDropTheDestinationTtlAndPopsKeepTheKeyTtlResp3) {
  use_resp3();
  EXPECT_EQ(run({"zadd", "a", "1", "x"}),
            ":1\r\n");
  EXPECT_EQ(run({"set", "d", "v"}),
            "+OK\r\n");
  EXPECT_EQ(run({"expire", "d", "100"}),
            ":1\r\n");
  EXPECT_EQ(run({"zunionstore", "d", "1", "a"}),
            ":1\r\n");
  EXPECT_EQ(run({"ttl", "d"}),
            ":-1\r\n");
  EXPECT_EQ(run({"zadd", "z", "1", "a", "2", "b"}),
            ":2\r\n");
  EXPECT_EQ(run({"expire", "z", "100"}),
            ":1\r\n");
  EXPECT_EQ(run({"zpopmin", "z"}),
            "*2\r\n$1\r\na\r\n,1\r\n");
  EXPECT_EQ(run({"ttl", "z"}),
            ":100\r\n");
  EXPECT_EQ(run({"zmpop", "1", "z", "max"}),
            "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
  EXPECT_EQ(run({"exists", "z"}),
            ":0\r\n");
}

// ---- Hand-written: randomness, full scans, model-checked set algebra, encoding limits.

class ZsetOpsTest : public FamilyTest {
 protected:
  // ZADD key i prefix<i> for i in [from, to].
  void zadd_range(std::string_view key, int from, int to, std::string_view prefix = "m") {
    std::vector<std::string> argv{"zadd", std::string(key)};
    for (int i = from; i <= to; ++i) {
      argv.push_back(std::to_string(i));
      argv.push_back(std::string(prefix) + std::to_string(i));
    }
    ASSERT_EQ(run(argv)[0], ':');
  }
  std::string encoding(std::string_view key) {
    const Reply r = reply({"object", "encoding", key});
    return r.str();
  }
  // The members of an array reply of bulk strings.
  static std::vector<std::string> bulks(const Reply& r) {
    std::vector<std::string> out;
    for (const Reply& e : r.elements()) out.push_back(e.str());
    return out;
  }
  // The (member, score) pairs of a WITHSCORES reply, flat (RESP2) or nested (RESP3).
  static std::vector<std::pair<std::string, double>> scored(const Reply& r) {
    std::vector<std::pair<std::string, double>> out;
    const auto& e = r.elements();
    if (!e.empty() && e[0].type() == Reply::Type::kArray) {
      for (const Reply& pair : e) {
        out.emplace_back(pair.elements()[0].str(), pair.elements()[1].double_value());
      }
      return out;
    }
    for (size_t i = 0; i + 1 < e.size(); i += 2) {
      out.emplace_back(e[i].str(), e[i + 1].double_value());
    }
    return out;
  }
};

TEST_F(ZsetOpsTest, PopsOfASkiplistComeFromEitherEnd) {
  zadd_range("z", 0, 299);
  EXPECT_EQ(encoding("z"), "skiplist");
  auto low = scored(reply({"zpopmin", "z", "100"}));
  ASSERT_EQ(low.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(low[i], std::make_pair("m" + std::to_string(i), 1.0 * i));
  auto high = scored(reply({"zpopmax", "z", "100"}));
  ASSERT_EQ(high.size(), 100u);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(high[i], std::make_pair("m" + std::to_string(299 - i), 299.0 - i));
  }
  EXPECT_EQ(run({"zcard", "z"}), ":100\r\n");
  EXPECT_EQ(encoding("z"), "skiplist");  // never converts back
  auto popped = reply({"zmpop", "1", "z", "max", "count", "1000"});
  ASSERT_EQ(popped.elements().size(), 2u);
  auto rest = scored(popped.elements()[1]);
  ASSERT_EQ(rest.size(), 100u);
  EXPECT_EQ(rest.front().first, "m199");
  EXPECT_EQ(rest.back().first, "m100");
  EXPECT_EQ(run({"exists", "z"}), ":0\r\n");
}

// kevy does not block yet: with no data the blocking pops reply at once what Redis replies
// when the timeout expires, even with timeout 0 (where Redis would wait forever).
TEST_F(ZsetOpsTest, BlockingPopsWithoutDataReplyTheTimeoutReplyAtOnce) {
  EXPECT_EQ(run({"bzpopmin", "nokey", "0"}), "*-1\r\n");
  EXPECT_EQ(run({"bzpopmax", "a", "b", "0"}), "*-1\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "2", "a", "b", "min", "count", "3"}), "*-1\r\n");
  use_resp3();
  EXPECT_EQ(run({"bzpopmin", "nokey", "0"}), "_\r\n");
  EXPECT_EQ(run({"bzmpop", "0", "1", "a", "max"}), "_\r\n");
}

TEST_F(ZsetOpsTest, ZrandmemberInvariants) {
  zadd_range("lp", 1, 10);
  zadd_range("sk", 1, 300);
  EXPECT_EQ(encoding("lp"), "listpack");
  EXPECT_EQ(encoding("sk"), "skiplist");
  for (const char* key : {"lp", "sk"}) {
    SCOPED_TRACE(key);
    const int size = std::string_view(key) == "lp" ? 10 : 300;
    for (const char* count : {"1", "2", "3", "9", "150"}) {
      auto picks = scored(reply({"zrandmember", key, count, "withscores"}));
      const size_t expected = std::min(std::stoi(count), size);
      ASSERT_EQ(picks.size(), expected);
      std::set<std::string> distinct;
      for (const auto& [m, s] : picks) {
        distinct.insert(m);
        EXPECT_EQ(m, "m" + std::to_string(static_cast<int>(s)));
      }
      EXPECT_EQ(distinct.size(), expected);
    }
    auto repeats = bulks(reply({"zrandmember", key, "-500"}));
    ASSERT_EQ(repeats.size(), 500u);
    for (const auto& m : repeats) EXPECT_EQ(run({"zscore", key, m})[0], '$');
    // A count of at least the size replies the whole zset from the highest score down.
    auto all = bulks(reply({"zrandmember", key, "100000"}));
    ASSERT_EQ(all.size(), static_cast<size_t>(size));
    for (int i = 0; i < size; ++i) EXPECT_EQ(all[i], "m" + std::to_string(size - i));
    const Reply one = reply({"zrandmember", key});
    EXPECT_EQ(run({"zscore", key, one.str()})[0], '$');
  }
  EXPECT_EQ(run({"zrandmember", "lp", "-16777217"}), "-ERR value is out of range\r\n");
  EXPECT_EQ(run({"zrandmember", "lp", "-16777217", "withscores"}),
            "-ERR value is out of range\r\n");
  use_resp3();
  auto nested = scored(reply({"zrandmember", "sk", "-3", "withscores"}));
  ASSERT_EQ(nested.size(), 3u);
  for (const auto& [m, s] : nested) EXPECT_EQ(m, "m" + std::to_string(static_cast<int>(s)));
}

TEST_F(ZsetOpsTest, ZscanOfASkiplistVisitsEveryMember) {
  std::vector<std::string> argv{"zadd", "z"};
  for (int i = 0; i < 300; ++i) {
    argv.push_back(std::to_string(i) + ".5");
    argv.push_back("m" + std::to_string(i));
  }
  run(argv);
  ASSERT_EQ(encoding("z"), "skiplist");
  std::map<std::string, std::string> seen;
  std::string cursor = "0";
  int calls = 0;
  do {
    const Reply page = reply({"zscan", "z", cursor, "count", "7"});
    ASSERT_EQ(page.elements().size(), 2u);
    cursor = page.elements()[0].str();
    const auto& items = page.elements()[1].elements();
    ASSERT_EQ(items.size() % 2, 0u);
    for (size_t i = 0; i < items.size(); i += 2) {
      EXPECT_EQ(items[i + 1].type(), Reply::Type::kBulk);
      seen[items[i].str()] = items[i + 1].str();
    }
    ++calls;
  } while (cursor != "0" && calls < 1000);
  EXPECT_GT(calls, 1);
  ASSERT_EQ(seen.size(), 300u);
  for (int i = 0; i < 300; ++i) EXPECT_EQ(seen["m" + std::to_string(i)], std::to_string(i) + ".5");
  // MATCH filters members (not scores); the scores stay bulk strings in RESP3.
  std::set<std::string> matched;
  cursor = "0";
  do {
    const Reply page = reply({"zscan", "z", cursor, "match", "m1?", "count", "50"});
    cursor = page.elements()[0].str();
    const auto& items = page.elements()[1].elements();
    for (size_t i = 0; i < items.size(); i += 2) matched.insert(items[i].str());
  } while (cursor != "0");
  EXPECT_EQ(matched.size(), 10u);
  use_resp3();
  EXPECT_EQ(run({"zscan", "z", "0", "match", "m12"}).find(','), std::string::npos);
}

// The set algebra against a model, over listpacks, skiplists and plain sets, with finite
// scores (exact in binary) so that the order of aggregation does not matter.
TEST_F(ZsetOpsTest, SetAlgebraMatchesAModel) {
  using Model = std::map<std::string, double>;
  Random rnd(7);
  std::map<std::string, Model> inputs;
  auto fill = [&](const std::string& key, int size, bool plain_set) {
    Model& m = inputs[key];
    std::vector<std::string> argv{plain_set ? "sadd" : "zadd", key};
    while (static_cast<int>(m.size()) < size) {
      const std::string member = "m" + std::to_string(rnd.uniform(400));
      const double score = plain_set ? 1.0 : static_cast<double>(rnd.uniform(50)) - 20;
      if (!m.emplace(member, score).second) continue;
      if (!plain_set) argv.push_back(std::to_string(static_cast<int>(score)));
      argv.push_back(member);
    }
    ASSERT_EQ(run(argv)[0], ':');
  };
  fill("small", 40, false);
  fill("big", 200, false);
  fill("set", 100, true);
  ASSERT_EQ(encoding("small"), "listpack");
  ASSERT_EQ(encoding("big"), "skiplist");
  const std::vector<std::string> keys{"small", "big", "set", "nokey"};
  const std::vector<std::string> weights{"1", "2", "-1", "0.5"};
  for (size_t a = 0; a < keys.size(); ++a) {
    for (size_t b = 0; b < keys.size(); ++b) {
      for (const char* agg : {"sum", "min", "max"}) {
        const std::string& ka = keys[a];
        const std::string& kb = keys[b];
        const double wa = std::stod(weights[a]), wb = std::stod(weights[b]);
        SCOPED_TRACE(ka + " " + kb + " " + agg);
        auto combine = [&](double x, double y) {
          if (std::string_view(agg) == "min") return std::min(x, y);
          if (std::string_view(agg) == "max") return std::max(x, y);
          return x + y;
        };
        const Model& ma = inputs[ka];
        const Model& mb = inputs[kb];
        Model uni, inter, diff;
        for (const auto& [m, s] : ma) uni[m] = s * wa;
        for (const auto& [m, s] : mb) {
          auto it = uni.find(m);
          uni[m] = it == uni.end() ? s * wb : combine(it->second, s * wb);
          if (ma.count(m)) inter[m] = combine(ma.at(m) * wa, s * wb);
        }
        for (const auto& [m, s] : ma) {
          if (!mb.count(m)) diff[m] = s;
        }
        auto sorted = [](const Model& m) {
          std::vector<std::pair<std::string, double>> v(m.begin(), m.end());
          std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) {
            return x.second != y.second ? x.second < y.second : x.first < y.first;
          });
          return v;
        };
        // `head` followed by: 2 ka kb WEIGHTS wa wb AGGREGATE agg
        const std::vector<std::string> tail{"2",        ka,         kb,          "weights",
                                            weights[a], weights[b], "aggregate", agg};
        auto opts = [&](std::vector<std::string> head) {
          head.insert(head.end(), tail.begin(), tail.end());
          return head;
        };
        auto with_scores = [&](std::vector<std::string> argv) {
          argv.push_back("withscores");
          std::vector<std::string_view> views(argv.begin(), argv.end());
          return scored(store_.execute(views, session_));
        };
        EXPECT_EQ(with_scores(opts({"zunion"})), sorted(uni));
        EXPECT_EQ(with_scores(opts({"zinter"})), sorted(inter));
        EXPECT_EQ(with_scores({"zdiff", "2", ka, kb}), sorted(diff));
        EXPECT_EQ(run({"zintercard", "2", ka, kb}), ":" + std::to_string(inter.size()) + "\r\n");
        EXPECT_EQ(run(opts({"zunionstore", "dst"})), ":" + std::to_string(uni.size()) + "\r\n");
        EXPECT_EQ(with_scores({"zrange", "dst", "0", "-1"}), sorted(uni));
        EXPECT_EQ(run(opts({"zinterstore", "dst"})), ":" + std::to_string(inter.size()) + "\r\n");
        EXPECT_EQ(with_scores({"zrange", "dst", "0", "-1"}), sorted(inter));
        EXPECT_EQ(run({"zdiffstore", "dst", "2", ka, kb}),
                  ":" + std::to_string(diff.size()) + "\r\n");
        EXPECT_EQ(with_scores({"zrange", "dst", "0", "-1"}), sorted(diff));
      }
    }
  }
}

TEST_F(ZsetOpsTest, ZintercardLimitStopsCounting) {
  zadd_range("a", 1, 200);
  zadd_range("b", 50, 300);
  EXPECT_EQ(run({"zintercard", "2", "a", "b"}), ":151\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "limit", "5"}), ":5\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "limit", "151"}), ":151\r\n");
  EXPECT_EQ(run({"zintercard", "2", "a", "b", "limit", "1000"}), ":151\r\n");
}

TEST_F(ZsetOpsTest, StoreFormsPickTheEncodingOfTheResult) {
  zadd_range("a", 1, 200);
  zadd_range("b", 73, 300);
  // 128 members: listpack, although both inputs are skiplists.
  EXPECT_EQ(run({"zinterstore", "d", "2", "a", "b"}), ":128\r\n");
  EXPECT_EQ(encoding("d"), "listpack");
  EXPECT_EQ(run({"zdiffstore", "d", "2", "a", "b"}), ":72\r\n");
  EXPECT_EQ(encoding("d"), "listpack");
  // 129 members: skiplist.
  EXPECT_EQ(run({"zunionstore", "d", "2", "a", "nokey"}), ":200\r\n");
  EXPECT_EQ(encoding("d"), "skiplist");
  zadd_range("c", 1, 1);
  const std::string m64(64, 'x'), m65(65, 'x');
  run({"zadd", "c", "2", m64});
  EXPECT_EQ(encoding("c"), "listpack");
  EXPECT_EQ(run({"zunionstore", "d", "1", "c"}), ":2\r\n");
  EXPECT_EQ(encoding("d"), "listpack");
  run({"zadd", "c", "3", m65});
  EXPECT_EQ(encoding("c"), "skiplist");
  EXPECT_EQ(run({"zunionstore", "d", "1", "c"}), ":3\r\n");
  EXPECT_EQ(encoding("d"), "skiplist");
  run({"zrem", "c", m65});
  EXPECT_EQ(run({"zunionstore", "d", "1", "c"}), ":2\r\n");
  EXPECT_EQ(encoding("d"), "listpack");
}

TEST_F(ZsetOpsTest, ConfigurableListpackLimits) {
  auto clock = std::make_shared<ManualClock>(1700000000000);
  Options opts;
  opts.zset_max_listpack_entries = 0;
  Store store = std::move(Store::open(opts.with_clock(clock)).value());
  Session session;
  auto run_on = [&](std::initializer_list<std::string_view> argv) {
    return store.execute_resp(std::span<const std::string_view>(argv.begin(), argv.size()),
                              session);
  };
  EXPECT_EQ(run_on({"sadd", "s", "0", "1"}), ":2\r\n");
  EXPECT_EQ(run_on({"zunionstore", "d", "1", "s", "weights", "0"}), ":2\r\n");
  EXPECT_EQ(run_on({"object", "encoding", "d"}), "$8\r\nskiplist\r\n");
  // A skiplist keeps -0 (a listpack would store 0).
  EXPECT_EQ(run_on({"zunionstore", "d", "1", "d", "weights", "-1"}), ":2\r\n");
  EXPECT_EQ(run_on({"zrange", "d", "0", "-1", "withscores"}),
            "*4\r\n$1\r\n0\r\n$2\r\n-0\r\n$1\r\n1\r\n$2\r\n-0\r\n");
  EXPECT_NE(run_on({"zscan", "d", "0"}).find("$2\r\n-0\r\n"), std::string::npos);

  Options small;
  small.zset_max_listpack_value = 3;
  Store store2 = std::move(Store::open(small.with_clock(clock)).value());
  auto run2 = [&](std::initializer_list<std::string_view> argv) {
    return store2.execute_resp(std::span<const std::string_view>(argv.begin(), argv.size()),
                               session);
  };
  EXPECT_EQ(run2({"sadd", "s", "abc", "abcd"}), ":2\r\n");
  EXPECT_EQ(run2({"zdiffstore", "d", "2", "s", "nokey"}), ":2\r\n");
  EXPECT_EQ(run2({"object", "encoding", "d"}), "$8\r\nskiplist\r\n");
  EXPECT_EQ(run2({"srem", "s", "abcd"}), ":1\r\n");
  EXPECT_EQ(run2({"zdiffstore", "d", "2", "s", "nokey"}), ":1\r\n");
  EXPECT_EQ(run2({"object", "encoding", "d"}), "$8\r\nlistpack\r\n");
}

}  // namespace
}  // namespace kevy
