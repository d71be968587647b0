// format_reply and parse_resp against redis-cli 7.0.15. Each row pairs the exact bytes
// redis-server 7.0.15 sent with what `redis-cli` printed for them with stdout not a tty
// (recorded with DEBUG PROTOCOL <type>, ZRANGE WITHSCORES, XINFO STREAM, CONFIG GET...).
#include <gtest/gtest.h>

#include <string>

#include "cli_format.h"
#include "resp_value.h"

namespace kevy::cli {
namespace {

struct Row {
  const char* name;
  std::string wire;
  std::string printed;
};

std::string print(std::string_view wire) {
  RespValue v;
  size_t used = 0;
  EXPECT_EQ(parse_resp(wire, &v, &used), ParseStatus::kOk) << escape_bytes(wire);
  EXPECT_EQ(used, wire.size());
  FormatResult r = format_reply(v);
  EXPECT_EQ(r.unsupported, 0);
  return r.text;
}

TEST(CliFormatTest, MatchesRedisCli) {
  const Row rows[] = {
      {"bulk", "$11\r\nHello World\r\n", "Hello World\n"},
      {"integer", ":12345\r\n", "12345\n"},
      {"negative integer", ":-2\r\n", "-2\n"},
      {"status", "+OK\r\n", "OK\n"},
      {"nil2", "$-1\r\n", "\n"},
      {"nil array", "*-1\r\n", "\n"},
      {"nil3", "_\r\n", "\n"},
      {"array", "*3\r\n:0\r\n:1\r\n:2\r\n", "0\n1\n2\n"},
      {"empty array", "*0\r\n", "\n"},
      {"set3", "~3\r\n:0\r\n:1\r\n:2\r\n", "0\n1\n2\n"},
      {"map3", "%3\r\n:0\r\n#f\r\n:1\r\n#t\r\n:2\r\n#f\r\n", "0 (false)\n1 (true)\n2 (false)\n"},
      {"true", "#t\r\n", "(true)\n"},
      {"false", "#f\r\n", "(false)\n"},
      {"double3", ",3.141\r\n", "3.141\n"},
      {"verbatim2", "$25\r\nThis is a verbatim\nstring\r\n", "This is a verbatim\nstring\n"},
      {"verbatim3", "=29\r\ntxt:This is a verbatim\nstring\r\n", "This is a verbatim\nstring\n"},
      {"error", "-ERR wrong number of arguments for 'get' command\r\n",
       "ERR wrong number of arguments for 'get' command\n\n"},
      {"nested nils", "*2\r\n$-1\r\n$-1\r\n", "\n\n"},
      {"withscores3", "*2\r\n*2\r\n$1\r\na\r\n,1.5\r\n*2\r\n$1\r\nb\r\n,2\r\n", "a\n1.5\nb\n2\n"},
      {"xrange", "*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n", "1-1\nf\nv\n"},
      {"config get3", "%1\r\n$16\r\nmaxmemory-policy\r\n$10\r\nnoeviction\r\n",
       "maxmemory-policy noeviction\n"},
      {"map with array values",
       "%2\r\n$6\r\ngroups\r\n:0\r\n$10\r\nlast-entry\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\n"
       "v\r\n",
       "groups 0\nlast-entry 1-1\nf\nv\n"},
      {"hello3",
       "%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n"
       "$2\r\nid\r\n:9\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n"
       "$7\r\nmodules\r\n*0\r\n",
       "server redis\nversion 7.0.15\nproto 3\nid 9\nmode standalone\nrole master\nmodules \n"},
      {"binary bulk", std::string("$3\r\na\0b\r\n", 9), std::string("a\0b\n", 4)},
  };
  for (const Row& row : rows) EXPECT_EQ(print(row.wire), row.printed) << row.name;
}

TEST(CliFormatTest, BigNumberIsUnsupportedLikeRedisCli) {
  // redis-cli 7.0.15 -3: "Unknown reply type: 13" on stderr, exit status 1.
  RespValue v;
  size_t used = 0;
  ASSERT_EQ(parse_resp("(1234567999999999999999999999999999999\r\n", &v, &used), ParseStatus::kOk);
  FormatResult r = format_reply(v);
  EXPECT_EQ(r.unsupported, 13);
  EXPECT_EQ(r.text, "");
}

TEST(RespValueTest, IncompleteAndMalformed) {
  RespValue v;
  size_t used = 0;
  EXPECT_EQ(parse_resp("", &v, &used), ParseStatus::kIncomplete);
  EXPECT_EQ(parse_resp("$5\r\nab", &v, &used), ParseStatus::kIncomplete);
  EXPECT_EQ(parse_resp("*2\r\n:1\r\n", &v, &used), ParseStatus::kIncomplete);
  EXPECT_EQ(parse_resp("+OK", &v, &used), ParseStatus::kIncomplete);
  EXPECT_EQ(parse_resp("?x\r\n", &v, &used), ParseStatus::kMalformed);
  EXPECT_EQ(parse_resp("$x\r\n", &v, &used), ParseStatus::kMalformed);
  EXPECT_EQ(parse_resp("$2\r\nabcd\r\n", &v, &used), ParseStatus::kMalformed);
  EXPECT_EQ(parse_resp("#x\r\n", &v, &used), ParseStatus::kMalformed);
  // A map or attribute whose element count (2 per pair) does not fit in 64 bits: malformed,
  // not an overflow (found by fuzz_resp_reply: fuzz/regressions/resp_reply/).
  EXPECT_EQ(parse_resp("%8888888888800903056\r\n", &v, &used), ParseStatus::kMalformed);
  EXPECT_EQ(parse_resp("|4611686018427387904\r\n", &v, &used), ParseStatus::kMalformed);
  EXPECT_EQ(parse_resp("%4611686018427387903\r\n", &v, &used), ParseStatus::kIncomplete);
}

TEST(RespValueTest, ConsumesOneReplyAndReencodes) {
  const std::string wire = "*3\r\n$-1\r\n%1\r\n+a\r\n,1.5\r\n*-1\r\n:7\r\n";
  RespValue v;
  size_t used = 0;
  ASSERT_EQ(parse_resp(wire, &v, &used), ParseStatus::kOk);
  EXPECT_EQ(used, wire.size() - 4);
  EXPECT_EQ(encode_resp(v), wire.substr(0, used));
  EXPECT_TRUE(v.elems[0].null());
  EXPECT_TRUE(v.elems[2].null());
}

TEST(RespValueTest, AttributesDecorateTheNextReply) {
  RespValue v;
  size_t used = 0;
  ASSERT_EQ(parse_resp("|1\r\n+k\r\n:1\r\n:5\r\n", &v, &used), ParseStatus::kOk);
  EXPECT_EQ(v.type, ':');
  EXPECT_EQ(v.str, "5");
  EXPECT_EQ(v.attributes.size(), 2u);
}

TEST(EscapeBytesTest, EscapesControlAndHighBytes) {
  EXPECT_EQ(escape_bytes(std::string("+OK\r\n\0\xff\"\\", 9)), "+OK\\r\\n\\x00\\xff\\\"\\\\");
}

}  // namespace
}  // namespace kevy::cli
