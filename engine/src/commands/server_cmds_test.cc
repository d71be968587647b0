// Server and connection commands against redis-server 7.0.15. The run()/EXPECT_EQ sequences
// were recorded on the oracle (fresh db, DEBUG SET-ACTIVE-EXPIRE 0; DEBUG SLEEP advances the
// fixture's manual clock). Successful HELLO replies carry the client id, which differs by
// design; they are checked by hand below, with the fixture's id 1.
#include <gtest/gtest.h>

#include <string>

#include "test_support/family_test.h"

namespace kevy {
namespace {

using std::string_view_literals::operator""sv;

class ServerCmdTest : public FamilyTest {};

TEST_F(ServerCmdTest, DbsizeFlush) {
  EXPECT_EQ(run({"DBSIZE"sv, "x"sv}), "-ERR wrong number of arguments for 'dbsize' command\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "a"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "b"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "t"sv, "1"sv, "PX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":3\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.2"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":3\r\n"sv);
  EXPECT_EQ(run({"FLUSHDB"sv, "x"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"FLUSHDB"sv, "sync"sv, "async"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"FLUSHALL"sv, "x"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"FLUSHALL"sv, "async"sv, "x"sv}), "-ERR syntax error\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "c"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"FLUSHDB"sv, "ASYNC"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":1\r\n"sv);
  EXPECT_EQ(run({"FLUSHDB"sv, "sync"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "d"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "e"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"FLUSHALL"sv, "Sync"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "f"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"FLUSHALL"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DBSIZE"sv}), ":0\r\n"sv);
  EXPECT_EQ(run({"FLUSHDB"sv}), "+OK\r\n"sv);
}

TEST_F(ServerCmdTest, SwapDb) {
  EXPECT_EQ(run({"SWAPDB"sv, "0"sv}), "-ERR wrong number of arguments for 'swapdb' command\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "x"sv, "0"sv}), "-ERR invalid first DB index\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "0"sv, "x"sv}), "-ERR invalid second DB index\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "x"sv, "y"sv}), "-ERR invalid first DB index\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "0"sv, "16"sv}), "-ERR DB index is out of range\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "-1"sv, "0"sv}), "-ERR DB index is out of range\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "0"sv, "99999999999"sv}), "-ERR invalid second DB index\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "99999999999"sv, "0"sv}), "-ERR invalid first DB index\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "1.5"sv, "0"sv}), "-ERR invalid first DB index\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "0"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k"sv, "db0"sv, "EX"sv, "100"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "other"sv, "db1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "0"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "other"sv}), "$3\r\ndb1\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$3\r\ndb0\r\n"sv);
  EXPECT_EQ(run({"TTL"sv, "k"sv}), ":100\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "1"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"SWAPDB"sv, "15"sv, "15"sv}), "+OK\r\n"sv);
}

TEST_F(ServerCmdTest, SelectPingEcho) {
  EXPECT_EQ(run({"SELECT"sv}), "-ERR wrong number of arguments for 'select' command\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "16"sv}), "-ERR DB index is out of range\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "-1"sv}), "-ERR DB index is out of range\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "x"sv}), "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "99999999999"sv}),
            "-ERR value is out of range, value must between -2147483648 a"
            "nd 2147483647\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "1.0"sv}), "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, " 1"sv}), "-ERR value is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "15"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "15"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$1\r\nv\r\n"sv);
  EXPECT_EQ(run({"SELECT"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"PING"sv}), "+PONG\r\n"sv);
  EXPECT_EQ(run({"PING"sv, "hi"sv}), "$2\r\nhi\r\n"sv);
  EXPECT_EQ(run({"PING"sv, ""sv}), "$0\r\n\r\n"sv);
  EXPECT_EQ(run({"PING"sv, "a"sv, "b"sv}),
            "-ERR wrong number of arguments for 'ping' command\r\n"sv);
  EXPECT_EQ(run({"ping"sv,
                 "a\x00"
                 "b"sv}),
            "$3\r\na\x00"
            "b\r\n"sv);
  EXPECT_EQ(run({"ECHO"sv}), "-ERR wrong number of arguments for 'echo' command\r\n"sv);
  EXPECT_EQ(run({"ECHO"sv, "a"sv, "b"sv}),
            "-ERR wrong number of arguments for 'echo' command\r\n"sv);
  EXPECT_EQ(run({"ECHO"sv, ""sv}), "$0\r\n\r\n"sv);
  EXPECT_EQ(run({"ECHO"sv,
                 "a\x00"
                 "b"sv}),
            "$3\r\na\x00"
            "b\r\n"sv);
  EXPECT_EQ(run({"echo"sv, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv}),
            "$50\r\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"sv);
}

TEST_F(ServerCmdTest, Hello) {
  EXPECT_EQ(run({"HELLO"sv, "1"sv}), "-NOPROTO unsupported protocol version\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "4"sv}), "-NOPROTO unsupported protocol version\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "x"sv}),
            "-ERR Protocol version is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "-1"sv}), "-NOPROTO unsupported protocol version\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "4"sv, "foo"sv}), "-NOPROTO unsupported protocol version\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "x"sv, "foo"sv}),
            "-ERR Protocol version is not an integer or out of range\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "3"sv, "foo"sv}), "-ERR Syntax error in HELLO option 'foo'\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "2"sv, "AUTH"sv, "a"sv}),
            "-ERR Syntax error in HELLO option 'AUTH'\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "2"sv, "SETNAME"sv}),
            "-ERR Syntax error in HELLO option 'SETNAME'\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "3"sv, "SETNAME"sv, "a b"sv}),
            "-ERR Client names cannot contain spaces, newlines or special"
            " characters.\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "3"sv, "SETNAME"sv, "ok"sv, "SETNAME"sv, "x\ny"sv}),
            "-ERR Client names cannot contain spaces, newlines or special"
            " characters.\r\n"sv);
  EXPECT_EQ(run({"HELLO"sv, "3"sv, "SETNAME"sv, "\x80"sv}),
            "-ERR Client names cannot contain spaces, newlines or special"
            " characters.\r\n"sv);
  EXPECT_EQ(run({"PING"sv}), "+PONG\r\n"sv);
}

// Only the default user exists and it has no password: any password works for it, another
// user name is refused (after the options parsed), and a refused HELLO keeps the protocol.
TEST_F(ServerCmdTest, HelloAuth) {
  const std::string_view wrongpass =
      "-WRONGPASS invalid username-password pair or user is disabled.\r\n"sv;
  EXPECT_EQ(run({"HELLO"sv, "2"sv, "AUTH"sv, "nouser"sv, "pw"sv}), wrongpass);
  EXPECT_EQ(run({"HELLO"sv, "3"sv, "AUTH"sv, "nouser"sv, "pw"sv, "SETNAME"sv, "x"sv}), wrongpass);
  EXPECT_EQ(run({"GET"sv, "missing"sv}), "$-1\r\n"sv);  // still RESP2
  EXPECT_EQ(run({"HELLO"sv, "3"sv, "AUTH"sv, "Default"sv, "pw"sv}), wrongpass);
  EXPECT_EQ(reply({"HELLO"sv, "3"sv, "AUTH"sv, "default"sv, "anything"sv}).type(),
            Reply::Type::kMap);
  EXPECT_EQ(run({"GET"sv, "missing"sv}), "_\r\n"sv);
}

TEST_F(ServerCmdTest, DebugErrorsAndHelp) {
  EXPECT_EQ(run({"DEBUG"sv}), "-ERR wrong number of arguments for 'debug' command\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "foo"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'fo"
            "o'. Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"debug"sv, "foo"sv, "bar"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'fo"
            "o'. Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv,
                 "a\x00"
                 "b"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'a'"
            ". Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"dEbUg"sv, "x\r\ny"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'x "
            " y'. Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "sleep"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'sl"
            "eep'. Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "sleep"sv, "1"sv, "2"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'sl"
            "eep'. Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "object"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'ob"
            "ject'. Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "object"sv, "k"sv, "x"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'ob"
            "ject'. Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "object"sv, "nokey"sv}), "-ERR no such key\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "set-active-expire"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'se"
            "t-active-expire'. Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "set-active-expire"sv, "0"sv, "1"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'se"
            "t-active-expire'. Try DEBUG HELP.\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "help"sv, "x"sv}),
            "-ERR unknown subcommand or wrong number of arguments for 'he"
            "lp'. Try DEBUG HELP.\r\n"sv);
}

TEST_F(ServerCmdTest, DebugSleepLetsKeysExpire) {
  EXPECT_EQ(run({"SET"sv, "k"sv, "v"sv, "PX"sv, "150"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$1\r\nv\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0.1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "k"sv}), "$-1\r\n"sv);
  EXPECT_EQ(run({"SET"sv, "j"sv, "v"sv, "PX"sv, "50"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "abc"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "-1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "SLEEP"sv, "0"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "j"sv}), "$1\r\nv\r\n"sv);
  EXPECT_EQ(run({"DEBUG"sv, "sleep"sv, "1e-1"sv}), "+OK\r\n"sv);
  EXPECT_EQ(run({"GET"sv, "j"sv}), "$-1\r\n"sv);
}

TEST_F(ServerCmdTest, HelloSwitchesProtocol) {
  const std::string body =
      "$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n"
      "$2\r\nid\r\n:1\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n"
      "$7\r\nmodules\r\n*0\r\n";
  EXPECT_EQ(run({"HELLO", "3"}), "%7\r\n" + body);
  EXPECT_EQ(session_.protocol, 3);
  EXPECT_EQ(run({"HELLO"}), "%7\r\n" + body);  // no argument: report, stay on RESP3
  EXPECT_EQ(run({"GET", "nokey"}), "_\r\n");
  std::string resp2 = "*14\r\n" + body;
  resp2.replace(resp2.find(":3\r\n"), 4, ":2\r\n");
  EXPECT_EQ(run({"HELLO", "2", "AUTH", "default", "pw", "SETNAME", "conn-1"}), resp2);
  EXPECT_EQ(session_.protocol, 2);
  EXPECT_EQ(run({"HELLO", "3", "SETNAME", "bad name"}),
            "-ERR Client names cannot contain spaces, newlines or special characters.\r\n");
  EXPECT_EQ(session_.protocol, 2);  // a failed HELLO changes nothing
}

TEST_F(ServerCmdTest, TimeReadsTheInjectedClock) {
  EXPECT_EQ(run({"TIME"}), "*2\r\n$10\r\n1700000000\r\n$1\r\n0\r\n");
  clock_->advance_us(1234567);
  EXPECT_EQ(run({"TIME"}), "*2\r\n$10\r\n1700000001\r\n$6\r\n234567\r\n");
  EXPECT_EQ(run({"TIME", "x"}), "-ERR wrong number of arguments for 'time' command\r\n");
}

// The address and lru fields cannot match Redis's; the rest of the line follows its format.
TEST_F(ServerCmdTest, DebugObjectLine) {
  const std::string lru = std::to_string(1700000000 & 0xFFFFFF);
  auto object_line = [&](std::string_view key) {
    // Replaces the "0x..." address with ADDR (std::regex trips a false GCC 12 warning in ASan).
    std::string line = run({"DEBUG", "OBJECT", key});
    size_t at = line.find("0x");
    if (at == std::string::npos) return line;
    size_t end = line.find_first_not_of("0123456789abcdef", at + 2);
    return line.replace(at, end - at, "ADDR");
  };
  run({"SET", "emb", "hello"});
  run({"SET", "shared", "123"});
  run({"SET", "i16", "-200"});
  run({"SET", "i64", "10000000000"});
  run({"SET", "intstr", "01"});
  run({"SET", "a\0b"sv, ""});
  advance_ms(3000);
  EXPECT_EQ(object_line("emb"),
            "+Value at:ADDR refcount:1 encoding:embstr serializedlength:6 lru:" + lru +
                " lru_seconds_idle:3\r\n");
  EXPECT_EQ(object_line("shared"),
            "+Value at:ADDR refcount:2147483647 encoding:int serializedlength:2 lru:" + lru +
                " lru_seconds_idle:3\r\n");
  EXPECT_EQ(object_line("i16"), "+Value at:ADDR refcount:1 encoding:int serializedlength:3 lru:" +
                                    lru + " lru_seconds_idle:3\r\n");
  EXPECT_EQ(object_line("i64"), "+Value at:ADDR refcount:1 encoding:int serializedlength:12 lru:" +
                                    lru + " lru_seconds_idle:3\r\n");
  EXPECT_EQ(object_line("intstr"),
            "+Value at:ADDR refcount:1 encoding:embstr serializedlength:3 lru:" + lru +
                " lru_seconds_idle:3\r\n");
  EXPECT_EQ(object_line("a\0b"sv),
            "+Value at:ADDR refcount:1 encoding:embstr serializedlength:1 lru:" + lru +
                " lru_seconds_idle:3\r\n");
  // serializedlength is the value's RDB form, LZF included (rdbcompression yes), for every
  // type; lists add their quicklist fields. Recorded from redis-server 7.0.15.
  run({"SET", "long", std::string(100, 's')});
  run({"HSET", "h", "f", "v"});
  run({"HSET", "hh", "f", std::string(100, 'v')});
  run({"ZADD", "z", "1", "a"});
  run({"ZADD", "zz", "1", std::string(100, 'm'), "2", "b"});
  run({"SADD", "st", "1", "2"});
  run({"RPUSH", "l", "a", "b", "1", "2"});
  const auto fields = [&](std::string_view key) {
    const std::string line = object_line(key);
    const size_t from = line.find("serializedlength");
    const size_t lru = line.find(" lru:");
    const size_t idle_end = line.find(' ', line.find("lru_seconds_idle"));
    std::string out = line.substr(from, lru - from);
    if (idle_end != std::string::npos) out += line.substr(idle_end, line.size() - 2 - idle_end);
    return out;
  };
  EXPECT_EQ(fields("long"), "serializedlength:13");
  EXPECT_EQ(fields("h"), "serializedlength:14");
  EXPECT_EQ(fields("hh"), "serializedlength:16");
  EXPECT_EQ(fields("z"), "serializedlength:13");
  EXPECT_EQ(fields("zz"), "serializedlength:32");
  EXPECT_EQ(fields("st"), "serializedlength:13");
  EXPECT_EQ(fields("l"),
            "serializedlength:20 ql_nodes:1 ql_avg_node:4.00 ql_listpack_max:-2 "
            "ql_compressed:0 ql_uncompressed_size:17");
  // DEBUG OBJECT reads the table directly: an expired key is still there, and not touched.
  run({"SET", "t", "v", "PX", "100"});
  advance_ms(200);
  EXPECT_EQ(run({"DEBUG", "OBJECT", "t"}).substr(0, 11), "+Value at:0");
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "emb"}), ":3\r\n");
}

// Recorded: *106 lines, 5034 bytes in all.
TEST_F(ServerCmdTest, DebugHelpIsRedisText) {
  const std::string help = run({"DEBUG", "HELP"});
  EXPECT_EQ(help.size(), 5034u);
  EXPECT_EQ(help.substr(0, 120),
            "*106\r\n+DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
            "+AOF-FLUSH-SLEEP <microsec>\r\n+    Server will sle");
  EXPECT_EQ(help.substr(help.size() - 60),
            "th) with the provided node.\r\n+HELP\r\n+    Prints this help.\r\n");
  EXPECT_EQ(run({"debug", "help"}), help);
}

TEST_F(ServerCmdTest, DebugSetActiveExpireControlsTheCycle) {
  for (int i = 0; i < 30; ++i)
    run({"SET", std::string("k").append(std::to_string(i)), "v", "PX", "10"});
  advance_ms(50);
  EXPECT_EQ(run({"DEBUG", "SET-ACTIVE-EXPIRE", "0"}), "+OK\r\n");
  EXPECT_EQ(store_.tick(), 0u);
  EXPECT_EQ(run({"DBSIZE"}), ":30\r\n");
  EXPECT_EQ(run({"DEBUG", "SET-ACTIVE-EXPIRE", "1x"}), "+OK\r\n");  // atoi: "1x" is 1
  EXPECT_EQ(store_.tick(), 30u);
  EXPECT_EQ(run({"DBSIZE"}), ":0\r\n");
}

TEST_F(ServerCmdTest, DebugSleepAdvancesAManualClock) {
  EXPECT_EQ(run({"DEBUG", "SLEEP", "1.5"}), "+OK\r\n");
  EXPECT_EQ(run({"TIME"}), "*2\r\n$10\r\n1700000001\r\n$6\r\n500000\r\n");
  EXPECT_EQ(run({"DEBUG", "SLEEP", "0x2"}), "+OK\r\n");  // strtod reads hex
  EXPECT_EQ(run({"TIME"}), "*2\r\n$10\r\n1700000003\r\n$6\r\n500000\r\n");
  EXPECT_EQ(run({"DEBUG", "SLEEP", "inf"}), "+OK\r\n");  // out of range: no sleep at all
  EXPECT_EQ(run({"DEBUG", "SLEEP", "nan"}), "+OK\r\n");
  EXPECT_EQ(run({"TIME"}), "*2\r\n$10\r\n1700000003\r\n$6\r\n500000\r\n");
}

TEST_F(ServerCmdTest, Resp3Replies) {
  use_resp3();
  EXPECT_EQ(run({"PING"}), "+PONG\r\n");
  EXPECT_EQ(run({"OBJECT", "ENCODING", "nokey"}), "_\r\n");
  EXPECT_EQ(run({"DBSIZE"}), ":0\r\n");
  EXPECT_EQ(run({"FLUSHALL"}), "+OK\r\n");
}

}  // namespace
}  // namespace kevy
