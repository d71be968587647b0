// A real C client (hiredis 0.14, the Debian libhiredis-dev) against a spawned kevy-server, and
// the same assertions against a spawned redis-server 7.0.15 (the oracle; those instances are
// skipped when it is not installed): TCP and unix socket, pipelining, binary-safe keys and
// values, an 8 MiB value, error/nil/integer/array replies, SELECT, AUTH with requirepass, and a
// RESP3 session (hiredis 0.14 cannot parse RESP3, so that one uses a raw socket and kevy's
// RESP parser, cli::parse_resp).
#include <arpa/inet.h>
#include <hiredis/hiredis.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "resp_value.h"
#include "server_process.h"

namespace kevy::clients {

// gtest prints the parameter of a failing instance with this (found by ADL).
void PrintTo(ServerProcess::Kind kind, std::ostream* os) {
  *os << (kind == ServerProcess::Kind::kKevy ? "kevy-server" : "redis-server");
}

namespace {

using Kind = ServerProcess::Kind;

struct ReplyDeleter {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

struct ContextDeleter {
  void operator()(redisContext* c) const { redisFree(c); }
};
using Context = std::unique_ptr<redisContext, ContextDeleter>;

// One command from argv (binary-safe: lengths are passed, never strlen).
Reply command(redisContext* c, const std::vector<std::string>& argv) {
  std::vector<const char*> ptrs;
  std::vector<size_t> lens;
  for (const std::string& a : argv) {
    ptrs.push_back(a.data());
    lens.push_back(a.size());
  }
  return Reply(static_cast<redisReply*>(
      redisCommandArgv(c, static_cast<int>(argv.size()), ptrs.data(), lens.data())));
}

std::string str(const redisReply* r) { return r->str != nullptr ? std::string(r->str, r->len) : ""; }

// gtest matchers would print redisReply poorly; these give readable failures.
::testing::AssertionResult is_status(const Reply& r, const std::string& want) {
  if (!r) return ::testing::AssertionFailure() << "no reply";
  if (r->type != REDIS_REPLY_STATUS || str(r.get()) != want) {
    return ::testing::AssertionFailure()
           << "type " << r->type << " '" << (r->str ? str(r.get()) : "") << "', want status '"
           << want << "'";
  }
  return ::testing::AssertionSuccess();
}
::testing::AssertionResult is_error(const Reply& r, const std::string& want) {
  if (!r) return ::testing::AssertionFailure() << "no reply";
  if (r->type != REDIS_REPLY_ERROR || str(r.get()) != want) {
    return ::testing::AssertionFailure()
           << "type " << r->type << " '" << (r->str ? str(r.get()) : "") << "', want error '"
           << want << "'";
  }
  return ::testing::AssertionSuccess();
}
::testing::AssertionResult is_bulk(const Reply& r, const std::string& want) {
  if (!r) return ::testing::AssertionFailure() << "no reply";
  if (r->type != REDIS_REPLY_STRING || str(r.get()) != want) {
    return ::testing::AssertionFailure()
           << "type " << r->type << " '"
           << (r->str ? cli::escape_bytes(str(r.get()).substr(0, 200)) : "") << "', want bulk '"
           << cli::escape_bytes(want.substr(0, 200)) << "'";
  }
  return ::testing::AssertionSuccess();
}
::testing::AssertionResult is_nil(const Reply& r) {
  if (!r) return ::testing::AssertionFailure() << "no reply";
  if (r->type != REDIS_REPLY_NIL) return ::testing::AssertionFailure() << "type " << r->type << ", want nil";
  return ::testing::AssertionSuccess();
}
::testing::AssertionResult is_array(const Reply& r, size_t elements) {
  if (!r) return ::testing::AssertionFailure() << "no reply";
  if (r->type != REDIS_REPLY_ARRAY || r->elements != elements) {
    return ::testing::AssertionFailure() << "type " << r->type << " with " << r->elements
                                         << " elements, want an array of " << elements;
  }
  return ::testing::AssertionSuccess();
}
::testing::AssertionResult is_int(const Reply& r, long long want) {
  if (!r) return ::testing::AssertionFailure() << "no reply";
  if (r->type != REDIS_REPLY_INTEGER || r->integer != want) {
    return ::testing::AssertionFailure() << "type " << r->type << " integer " << r->integer
                                         << ", want integer " << want;
  }
  return ::testing::AssertionSuccess();
}

// Raw-socket RESP3 client: hiredis 0.14 stops at the first '%', ',' or '~' reply.
class RawClient {
 public:
  explicit RawClient(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~RawClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool ok() const { return fd_ >= 0; }

  // Sends argv as a RESP array and returns the complete reply: its bytes in *raw and parsed.
  cli::RespValue run(const std::vector<std::string>& argv, std::string* raw) {
    std::string out = "*" + std::to_string(argv.size()) + "\r\n";
    for (const std::string& a : argv) {
      out += "$" + std::to_string(a.size()) + "\r\n";
      out += a;
      out += "\r\n";
    }
    for (size_t sent = 0; sent < out.size();) {
      ssize_t n = ::send(fd_, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return {};
      sent += static_cast<size_t>(n);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      cli::RespValue v;
      size_t used = 0;
      if (!buffer_.empty() && cli::parse_resp(buffer_, &v, &used) == cli::ParseStatus::kOk) {
        raw->assign(buffer_, 0, used);
        buffer_.erase(0, used);
        return v;
      }
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buf[65536];
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      buffer_.append(buf, static_cast<size_t>(n));
    }
    raw->clear();
    return {};
  }

 private:
  int fd_ = -1;
  std::string buffer_;
};

class HiredisClientTest : public ::testing::TestWithParam<Kind> {
 protected:
  // Starts the server under test (skips the redis-server instance when it is not installed).
  void start(const std::vector<std::string>& extra_args = {}) {
    if (!ServerProcess::find_binary(GetParam())) {
      if (GetParam() == Kind::kRedis) GTEST_SKIP() << "redis-server 7.0.15 is not installed";
      FAIL() << "kevy-server binary not found (set KEVY_SERVER)";
    }
    std::string error;
    server_ = ServerProcess::start(GetParam(), extra_args, &error);
    ASSERT_TRUE(server_) << error;
  }

  Context connect_tcp() {
    timeval tv{5, 0};
    Context c(redisConnectWithTimeout("127.0.0.1", server_->port(), tv));
    EXPECT_TRUE(c && c->err == 0) << (c ? c->errstr : "out of memory");
    return c;
  }
  Context connect_unix() {
    timeval tv{5, 0};
    Context c(redisConnectUnixWithTimeout(server_->socket_path().c_str(), tv));
    EXPECT_TRUE(c && c->err == 0) << (c ? c->errstr : "out of memory");
    return c;
  }

  void TearDown() override {
    if (server_ && GetParam() == Kind::kKevy) {
      // kevy-server must stop cleanly on SIGTERM (exit status 0) and remove its socket.
      int status = server_->stop();
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status
                                                                  << "\n" << server_->log();
      EXPECT_NE(::access(server_->socket_path().c_str(), F_OK), 0) << "socket file left behind";
    }
  }

  std::unique_ptr<ServerProcess> server_;
};

TEST_P(HiredisClientTest, TcpAndUnixSocketSeeTheSameData) {
  start();
  if (HasFatalFailure() || IsSkipped()) return;
  Context tcp = connect_tcp(), unix = connect_unix();
  ASSERT_TRUE(tcp && unix);
  EXPECT_TRUE(is_status(Reply(static_cast<redisReply*>(redisCommand(tcp.get(), "PING"))), "PONG"));
  EXPECT_TRUE(is_bulk(Reply(static_cast<redisReply*>(redisCommand(unix.get(), "PING %s", "hi"))), "hi"));
  EXPECT_TRUE(is_status(Reply(static_cast<redisReply*>(redisCommand(tcp.get(), "SET %s %s", "k", "over tcp"))), "OK"));
  EXPECT_TRUE(is_bulk(Reply(static_cast<redisReply*>(redisCommand(unix.get(), "GET k"))), "over tcp"));
  EXPECT_TRUE(is_int(Reply(static_cast<redisReply*>(redisCommand(unix.get(), "APPEND k %s", "+unix"))), 13));
  EXPECT_TRUE(is_bulk(Reply(static_cast<redisReply*>(redisCommand(tcp.get(), "GET k"))), "over tcp+unix"));
}

TEST_P(HiredisClientTest, PipelineOfThousandCommands) {
  start();
  if (HasFatalFailure() || IsSkipped()) return;
  Context c = connect_tcp();
  ASSERT_TRUE(c);
  constexpr int kN = 1000;
  for (int i = 0; i < kN; ++i) {
    std::string key = "p:" + std::to_string(i);
    ASSERT_EQ(redisAppendCommand(c.get(), "SET %b %d", key.data(), key.size(), i), REDIS_OK);
    ASSERT_EQ(redisAppendCommand(c.get(), "INCR counter"), REDIS_OK);
  }
  ASSERT_EQ(redisAppendCommand(c.get(), "DBSIZE"), REDIS_OK);
  for (int i = 0; i < kN; ++i) {
    void* raw = nullptr;
    ASSERT_EQ(redisGetReply(c.get(), &raw), REDIS_OK) << c->errstr;
    ASSERT_TRUE(is_status(Reply(static_cast<redisReply*>(raw)), "OK")) << "SET " << i;
    ASSERT_EQ(redisGetReply(c.get(), &raw), REDIS_OK) << c->errstr;
    ASSERT_TRUE(is_int(Reply(static_cast<redisReply*>(raw)), i + 1)) << "INCR " << i;
  }
  void* raw = nullptr;
  ASSERT_EQ(redisGetReply(c.get(), &raw), REDIS_OK);
  EXPECT_TRUE(is_int(Reply(static_cast<redisReply*>(raw)), kN + 1));
  EXPECT_TRUE(is_bulk(command(c.get(), {"GET", "p:777"}), "777"));
}

TEST_P(HiredisClientTest, BinarySafeKeysAndValues) {
  start();
  if (HasFatalFailure() || IsSkipped()) return;
  Context c = connect_unix();
  ASSERT_TRUE(c);
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte.push_back(static_cast<char>(b));
  const std::string key("k\0ey\r\n", 6), other("k\0ez", 4), value = every_byte + every_byte;
  EXPECT_TRUE(is_status(command(c.get(), {"SET", key, value}), "OK"));
  EXPECT_TRUE(is_status(command(c.get(), {"SET", other, std::string("\0", 1)}), "OK"));
  EXPECT_TRUE(is_bulk(command(c.get(), {"GET", key}), value));
  EXPECT_TRUE(is_bulk(command(c.get(), {"GET", other}), std::string("\0", 1)));
  EXPECT_TRUE(is_int(command(c.get(), {"STRLEN", key}), 512));
  EXPECT_TRUE(is_bulk(command(c.get(), {"GETRANGE", key, "0", "3"}), std::string("\0\1\2\3", 4)));
  EXPECT_TRUE(is_int(command(c.get(), {"HSET", "h", std::string("f\0", 2), std::string("\0v", 2)}), 1));
  EXPECT_TRUE(is_bulk(command(c.get(), {"HGET", "h", std::string("f\0", 2)}), std::string("\0v", 2)));
  EXPECT_TRUE(is_nil(command(c.get(), {"HGET", "h", "f"})));
  Reply keys = command(c.get(), {"KEYS", std::string("k\0*", 3)});
  ASSERT_TRUE(is_array(keys, 2));
  std::vector<std::string> got;
  for (size_t i = 0; i < keys->elements; ++i) got.push_back(str(keys->element[i]));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{key, other}));
  // The printf-style API with %b is binary-safe too.
  Reply r(static_cast<redisReply*>(redisCommand(c.get(), "GET %b", key.data(), key.size())));
  EXPECT_TRUE(is_bulk(r, value));
}

TEST_P(HiredisClientTest, EightMebibyteValue) {
  start();
  if (HasFatalFailure() || IsSkipped()) return;
  Context c = connect_tcp();
  ASSERT_TRUE(c);
  std::string big(8u << 20, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 2654435761u) >> 13);
  EXPECT_TRUE(is_status(command(c.get(), {"SET", "big", big}), "OK"));
  EXPECT_TRUE(is_int(command(c.get(), {"STRLEN", "big"}), 8 << 20));
  Reply r = command(c.get(), {"GET", "big"});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->type, REDIS_REPLY_STRING);
  ASSERT_EQ(r->len, big.size());
  EXPECT_TRUE(str(r.get()) == big) << "the 8 MiB value came back changed";
  EXPECT_TRUE(is_int(command(c.get(), {"APPEND", "big", "!"}), (8 << 20) + 1));
  EXPECT_TRUE(is_bulk(command(c.get(), {"GETRANGE", "big", "-2", "-1"}), big.substr(big.size() - 1) + "!"));
  // Twice in one pipeline, then a small command: the connection stays in sync.
  redisAppendCommand(c.get(), "GET big");
  redisAppendCommand(c.get(), "GET big");
  redisAppendCommand(c.get(), "PING");
  for (int i = 0; i < 2; ++i) {
    void* raw = nullptr;
    ASSERT_EQ(redisGetReply(c.get(), &raw), REDIS_OK);
    Reply big_reply(static_cast<redisReply*>(raw));
    ASSERT_TRUE(big_reply);
    EXPECT_EQ(big_reply->len, big.size() + 1);
  }
  void* raw = nullptr;
  ASSERT_EQ(redisGetReply(c.get(), &raw), REDIS_OK);
  EXPECT_TRUE(is_status(Reply(static_cast<redisReply*>(raw)), "PONG"));
}

TEST_P(HiredisClientTest, ErrorReplies) {
  start();
  if (HasFatalFailure() || IsSkipped()) return;
  Context c = connect_tcp();
  ASSERT_TRUE(c);
  EXPECT_TRUE(is_int(command(c.get(), {"LPUSH", "list", "a"}), 1));
  EXPECT_TRUE(is_error(command(c.get(), {"GET", "list"}),
                       "WRONGTYPE Operation against a key holding the wrong kind of value"));
  EXPECT_TRUE(is_error(command(c.get(), {"INCR", "list"}),
                       "WRONGTYPE Operation against a key holding the wrong kind of value"));
  EXPECT_TRUE(is_status(command(c.get(), {"SET", "s", "abc"}), "OK"));
  EXPECT_TRUE(is_error(command(c.get(), {"INCR", "s"}), "ERR value is not an integer or out of range"));
  EXPECT_TRUE(is_error(command(c.get(), {"GET"}), "ERR wrong number of arguments for 'get' command"));
  EXPECT_TRUE(is_error(command(c.get(), {"NOPE", "x", "y"}),
                       "ERR unknown command 'NOPE', with args beginning with: 'x' 'y' "));
  EXPECT_TRUE(is_error(command(c.get(), {"SET", "k", "v", "EX", "0"}),
                       "ERR invalid expire time in 'set' command"));
  // An error does not break the connection.
  EXPECT_TRUE(is_bulk(command(c.get(), {"GET", "s"}), "abc"));
}

TEST_P(HiredisClientTest, NilIntegerAndArrayReplies) {
  start();
  if (HasFatalFailure() || IsSkipped()) return;
  Context c = connect_unix();
  ASSERT_TRUE(c);
  EXPECT_TRUE(is_nil(command(c.get(), {"GET", "missing"})));
  EXPECT_TRUE(is_int(command(c.get(), {"INCRBY", "n", "-9223372036854775807"}), -9223372036854775807LL));
  EXPECT_TRUE(is_int(command(c.get(), {"DECR", "n"}), INT64_MIN));
  EXPECT_TRUE(is_int(command(c.get(), {"RPUSH", "l", "a", "b", "c"}), 3));
  Reply arr = command(c.get(), {"LRANGE", "l", "0", "-1"});
  ASSERT_TRUE(is_array(arr, 3));
  EXPECT_EQ(str(arr->element[2]), "c");
  Reply empty = command(c.get(), {"LRANGE", "nolist", "0", "-1"});
  EXPECT_TRUE(is_array(empty, 0));
  Reply mget = command(c.get(), {"MGET", "l", "missing", "n"});
  ASSERT_TRUE(is_array(mget, 3));
  EXPECT_EQ(mget->element[0]->type, REDIS_REPLY_NIL);  // MGET on a list: nil, not WRONGTYPE
  EXPECT_EQ(mget->element[1]->type, REDIS_REPLY_NIL);
  EXPECT_EQ(str(mget->element[2]), "-9223372036854775808");
  // Nested arrays: SCAN's [cursor, [keys...]]; RESP2 WITHSCORES is flat with bulk scores.
  Reply scan = command(c.get(), {"SCAN", "0", "MATCH", "l", "COUNT", "100"});
  ASSERT_TRUE(is_array(scan, 2));
  EXPECT_EQ(str(scan->element[0]), "0");
  ASSERT_EQ(scan->element[1]->type, REDIS_REPLY_ARRAY);
  ASSERT_EQ(scan->element[1]->elements, 1u);
  EXPECT_EQ(str(scan->element[1]->element[0]), "l");
  EXPECT_TRUE(is_int(command(c.get(), {"ZADD", "z", "0.1", "a", "2", "b"}), 2));
  Reply zr = command(c.get(), {"ZRANGE", "z", "0", "-1", "WITHSCORES"});
  ASSERT_TRUE(is_array(zr, 4));
  EXPECT_EQ(str(zr->element[1]), "0.10000000000000001");
  EXPECT_EQ(str(zr->element[3]), "2");
  EXPECT_TRUE(is_nil(command(c.get(), {"ZSCORE", "z", "nope"})));
}

TEST_P(HiredisClientTest, SelectIsPerConnection) {
  start();
  if (HasFatalFailure() || IsSkipped()) return;
  Context a = connect_tcp(), b = connect_tcp();
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(is_status(command(a.get(), {"SELECT", "3"}), "OK"));
  EXPECT_TRUE(is_status(command(a.get(), {"SET", "k", "in db 3"}), "OK"));
  EXPECT_TRUE(is_nil(command(b.get(), {"GET", "k"})));  // b is still in db 0
  EXPECT_TRUE(is_int(command(b.get(), {"DBSIZE"}), 0));
  EXPECT_TRUE(is_status(command(b.get(), {"SELECT", "3"}), "OK"));
  EXPECT_TRUE(is_bulk(command(b.get(), {"GET", "k"}), "in db 3"));
  EXPECT_TRUE(is_int(command(a.get(), {"MOVE", "k", "0"}), 1));
  EXPECT_TRUE(is_status(command(a.get(), {"SELECT", "0"}), "OK"));
  EXPECT_TRUE(is_bulk(command(a.get(), {"GET", "k"}), "in db 3"));
  EXPECT_TRUE(is_error(command(a.get(), {"SELECT", "16"}), "ERR DB index is out of range"));
  EXPECT_TRUE(is_error(command(a.get(), {"SELECT", "x"}), "ERR value is not an integer or out of range"));
}

TEST_P(HiredisClientTest, AuthWithRequirePass) {
  start({"--requirepass", "s3cret"});
  if (HasFatalFailure() || IsSkipped()) return;
  Context c = connect_tcp();
  ASSERT_TRUE(c);
  EXPECT_TRUE(is_error(command(c.get(), {"GET", "k"}), "NOAUTH Authentication required."));
  EXPECT_TRUE(is_error(command(c.get(), {"PING"}), "NOAUTH Authentication required."));
  EXPECT_TRUE(is_error(command(c.get(), {"AUTH", "wrong"}),
                       "WRONGPASS invalid username-password pair or user is disabled."));
  EXPECT_TRUE(is_error(command(c.get(), {"SET", "k", "v"}), "NOAUTH Authentication required."));
  EXPECT_TRUE(is_status(command(c.get(), {"AUTH", "s3cret"}), "OK"));
  EXPECT_TRUE(is_status(command(c.get(), {"SET", "k", "v"}), "OK"));
  EXPECT_TRUE(is_bulk(command(c.get(), {"GET", "k"}), "v"));
  // Authentication is per connection; AUTH default <pass> is the two-argument form.
  Context other = connect_unix();
  ASSERT_TRUE(other);
  EXPECT_TRUE(is_error(command(other.get(), {"GET", "k"}), "NOAUTH Authentication required."));
  EXPECT_TRUE(is_status(command(other.get(), {"AUTH", "default", "s3cret"}), "OK"));
  EXPECT_TRUE(is_bulk(command(other.get(), {"GET", "k"}), "v"));
}

TEST_P(HiredisClientTest, Resp3SessionOverRawSocket) {
  start();
  if (HasFatalFailure() || IsSkipped()) return;
  RawClient c(server_->port());
  ASSERT_TRUE(c.ok());
  std::string raw;
  cli::RespValue hello = c.run({"HELLO", "3"}, &raw);
  ASSERT_EQ(hello.type, '%') << cli::escape_bytes(raw);
  ASSERT_EQ(hello.elems.size(), 14u);
  EXPECT_EQ(hello.elems[0].str, "server");
  EXPECT_EQ(hello.elems[1].str, "redis");
  EXPECT_EQ(hello.elems[3].str, "7.0.15");
  EXPECT_EQ(hello.elems[4].str, "proto");
  EXPECT_EQ(hello.elems[5].type, ':');
  EXPECT_EQ(hello.elems[5].str, "3");
  EXPECT_EQ(hello.elems[12].str, "modules");
  EXPECT_EQ(hello.elems[13].type, '*');

  c.run({"HSET", "h", "a", "1", "b", "2"}, &raw);
  EXPECT_EQ(raw, ":2\r\n");
  c.run({"HGETALL", "h"}, &raw);
  EXPECT_EQ(raw, "%2\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n");
  c.run({"ZADD", "z", "0.1", "m", "inf", "n"}, &raw);
  c.run({"ZSCORE", "z", "m"}, &raw);
  EXPECT_EQ(raw, ",0.10000000000000001\r\n");
  c.run({"ZSCORE", "z", "n"}, &raw);
  EXPECT_EQ(raw, ",inf\r\n");
  c.run({"ZRANGE", "z", "0", "-1", "WITHSCORES"}, &raw);
  EXPECT_EQ(raw, "*2\r\n*2\r\n$1\r\nm\r\n,0.10000000000000001\r\n*2\r\n$1\r\nn\r\n,inf\r\n");
  c.run({"SADD", "s", "2", "1"}, &raw);
  c.run({"SMEMBERS", "s"}, &raw);
  EXPECT_EQ(raw, "~2\r\n$1\r\n1\r\n$1\r\n2\r\n");
  c.run({"GET", "missing"}, &raw);
  EXPECT_EQ(raw, "_\r\n");
  c.run({"ZSCORE", "z", "missing"}, &raw);
  EXPECT_EQ(raw, "_\r\n");
  c.run({"GET", "h"}, &raw);
  EXPECT_EQ(raw, "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
  // Back to RESP2 on the same connection.
  hello = c.run({"HELLO", "2"}, &raw);
  EXPECT_EQ(hello.type, '*');
  c.run({"HGETALL", "h"}, &raw);
  EXPECT_EQ(raw, "*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n");
  c.run({"GET", "missing"}, &raw);
  EXPECT_EQ(raw, "$-1\r\n");
}

std::string kind_name(const ::testing::TestParamInfo<Kind>& info) {
  return info.param == Kind::kKevy ? "KevyServer" : "RedisServer";
}

INSTANTIATE_TEST_SUITE_P(Servers, HiredisClientTest,
                         ::testing::Values(Kind::kKevy, Kind::kRedis), kind_name);

}  // namespace
}  // namespace kevy::clients
