// Reply encoding in RESP2 and RESP3. Expected bytes are what redis-server 7.0.15 sends for
// `DEBUG PROTOCOL <type>` (which emits one reply of each RESP3 type) and a few commands.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "kevy/reply.h"

namespace kevy {
namespace {

std::vector<Reply> ints(std::initializer_list<int64_t> v) {
  std::vector<Reply> out;
  for (int64_t i : v) out.push_back(Reply::integer(i));
  return out;
}

struct Case {
  const char* name;
  Reply reply;
  const char* resp2;
  const char* resp3;
};

TEST(ReplyEncoder, MatchesDebugProtocolOfRedis) {
  const Case cases[] = {
      {"string", Reply::bulk("Hello World"), "$11\r\nHello World\r\n", "$11\r\nHello World\r\n"},
      {"integer", Reply::integer(12345), ":12345\r\n", ":12345\r\n"},
      {"double", Reply::dbl(3.141), "$5\r\n3.141\r\n", ",3.141\r\n"},
      {"bignum", Reply::big_number("1234567999999999999999999999999999999"),
       "$37\r\n1234567999999999999999999999999999999\r\n",
       "(1234567999999999999999999999999999999\r\n"},
      {"null", Reply::null(), "$-1\r\n", "_\r\n"},
      {"array", Reply::array(ints({0, 1, 2})), "*3\r\n:0\r\n:1\r\n:2\r\n", "*3\r\n:0\r\n:1\r\n:2\r\n"},
      {"set", Reply::set(ints({0, 1, 2})), "*3\r\n:0\r\n:1\r\n:2\r\n", "~3\r\n:0\r\n:1\r\n:2\r\n"},
      {"map",
       Reply::map({Reply::integer(0), Reply::boolean(false), Reply::integer(1),
                   Reply::boolean(true), Reply::integer(2), Reply::boolean(false)}),
       "*6\r\n:0\r\n:0\r\n:1\r\n:1\r\n:2\r\n:0\r\n", "%3\r\n:0\r\n#f\r\n:1\r\n#t\r\n:2\r\n#f\r\n"},
      {"verbatim", Reply::verbatim("txt", "This is a verbatim\nstring"),
       "$25\r\nThis is a verbatim\nstring\r\n", "=29\r\ntxt:This is a verbatim\nstring\r\n"},
      {"true", Reply::boolean(true), ":1\r\n", "#t\r\n"},
      {"false", Reply::boolean(false), ":0\r\n", "#f\r\n"},
      {"push",
       Reply::push({Reply::bulk("server-cpu-usage"), Reply::integer(42)}),
       "*2\r\n$16\r\nserver-cpu-usage\r\n:42\r\n", ">2\r\n$16\r\nserver-cpu-usage\r\n:42\r\n"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.reply.to_resp(2), c.resp2) << c.name;
    EXPECT_EQ(c.reply.to_resp(3), c.resp3) << c.name;
  }
}

TEST(ReplyEncoder, NullArrayDiffersFromNullBulkOnlyInResp2) {
  EXPECT_EQ(Reply::null_array().to_resp(2), "*-1\r\n");
  EXPECT_EQ(Reply::null_array().to_resp(3), "_\r\n");
  EXPECT_TRUE(Reply::null_array().null_is_array());
  EXPECT_FALSE(Reply::null().null_is_array());
}

TEST(ReplyEncoder, DoublesPrintLikeZscore) {
  // ZADD z 0.1 a; ZSCORE z a  /  ZADD z inf b; ZSCORE z b on redis-server 7.0.15.
  EXPECT_EQ(Reply::dbl(0.1).to_resp(2), "$19\r\n0.10000000000000001\r\n");
  EXPECT_EQ(Reply::dbl(0.1).to_resp(3), ",0.10000000000000001\r\n");
  EXPECT_EQ(Reply::dbl(std::numeric_limits<double>::infinity()).to_resp(3), ",inf\r\n");
  EXPECT_EQ(Reply::dbl(-std::numeric_limits<double>::infinity()).to_resp(2), "$4\r\n-inf\r\n");
}

TEST(ReplyEncoder, SimpleErrorAndBinaryBulk) {
  EXPECT_EQ(Reply::ok().to_resp(2), "+OK\r\n");
  EXPECT_EQ(Reply::error("ERR syntax error").to_resp(3), "-ERR syntax error\r\n");
  EXPECT_EQ(Reply::bulk(std::string_view("a\0b", 3)).to_resp(2), std::string("$3\r\na\0b\r\n", 9));
  EXPECT_EQ(Reply::bulk("").to_resp(2), "$0\r\n\r\n");
  EXPECT_EQ(Reply::array().to_resp(2), "*0\r\n");
  EXPECT_EQ(Reply::map().to_resp(3), "%0\r\n");
  EXPECT_EQ(Reply::integer(INT64_MIN).to_resp(2), ":-9223372036854775808\r\n");
}

TEST(ReplyEncoder, NewlinesInErrorsBecomeSpaces) {
  // Redis's addReplyErrorFormat replaces \r and \n so the error stays one protocol line.
  EXPECT_EQ(Reply::error("ERR unknown command 'a\r\nb'").to_resp(2),
            "-ERR unknown command 'a  b'\r\n");
}

TEST(ReplyEncoder, NestedAggregatesAndEquality) {
  Reply r = Reply::array({Reply::map({Reply::bulk("k"), Reply::dbl(1.5)}), Reply::null()});
  EXPECT_EQ(r.to_resp(2), "*2\r\n*2\r\n$1\r\nk\r\n$3\r\n1.5\r\n$-1\r\n");
  EXPECT_EQ(r.to_resp(3), "*2\r\n%1\r\n$1\r\nk\r\n,1.5\r\n_\r\n");
  EXPECT_EQ(r, Reply::array({Reply::map({Reply::bulk("k"), Reply::dbl(1.5)}), Reply::null()}));
  EXPECT_NE(r, Reply::array({Reply::map({Reply::bulk("k"), Reply::dbl(2.5)}), Reply::null()}));
  EXPECT_EQ(r.debug_string(), "[{\"k\", ,1.5}, (nil)]");
}

}  // namespace
}  // namespace kevy
