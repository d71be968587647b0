// ServerTest: a kevy::Server per test reached through hiredis — connection details, restart,
// refused connections, network faults (errors, delays, cut replies), time and recording.
#include <hiredis/hiredis.h>
#include <kevy/testing.h>

#include <chrono>
#include <cstdarg>
#include <future>
#include <memory>
#include <string>
#include <thread>

namespace kevy::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Not;

struct ContextFree {
  void operator()(redisContext* c) const { redisFree(c); }
};
struct ReplyFree {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using Client = std::unique_ptr<redisContext, ContextFree>;
using ReplyPtr = std::unique_ptr<redisReply, ReplyFree>;

// The text of a reply (str, or the integer as text), "<no reply>" when there is none, so a
// regression fails an expectation instead of crashing the test binary.
std::string text(const ReplyPtr& r) {
  if (r == nullptr) return "<no reply>";
  if (r->type == REDIS_REPLY_INTEGER) return std::to_string(r->integer);
  return r->str != nullptr ? std::string(r->str, r->len) : "<nil>";
}

ReplyPtr call(const Client& c, const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  void* r = redisvCommand(c.get(), format, ap);
  va_end(ap);
  return ReplyPtr(static_cast<redisReply*>(r));
}

class ServerFixtureTest : public ServerTest {
 protected:
  Client connect_tcp() { return Client(redisConnect(host().c_str(), port())); }
  Client connect_unix() { return Client(redisConnectUnix(unix_socket().c_str())); }
};

TEST_F(ServerFixtureTest, ClientsConnectOverTcpAndTheUnixSocket) {
  EXPECT_EQ(url(), "redis://127.0.0.1:" + std::to_string(port()));
  Client tcp = connect_tcp();
  Client unix_client = connect_unix();
  ASSERT_FALSE(tcp->err) << tcp->errstr;
  ASSERT_FALSE(unix_client->err) << unix_client->errstr;
  EXPECT_EQ(text(call(tcp, "SET user:1 %s", "alice")), "OK");
  EXPECT_EQ(text(call(unix_client, "GET user:1")), "alice");
  EXPECT_THAT(key("user:1"), StringEq("alice"));  // the fixture sees the same store
  const auto log = commands();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_NE(log[0].client_id, log[1].client_id);
  EXPECT_EQ(text(call(tcp, "CLIENT ID")), std::to_string(log[0].client_id));
}

TEST_F(ServerFixtureTest, ExpectCommandSeesWhatAClientSent) {
  EXPECT_COMMAND("SET", "session:s1", _, "EX", "60");
  Client c = connect_tcp();
  call(c, "SET session:s1 %s EX 60", "alice");
  EXPECT_THAT(key("session:s1"), HasTtl(seconds(60)));
}

TEST_F(ServerFixtureTest, RestartKeepsTheDataAtTheSamePort) {
  const int first_port = port();
  seed("kept", List{{"a", "b"}});
  Client before = connect_tcp();
  call(before, "SET written %s", "by a client");
  restart();
  EXPECT_EQ(port(), first_port);
  EXPECT_EQ(call(before, "PING"), nullptr);  // the old connection was closed
  Client after = connect_tcp();
  ASSERT_FALSE(after->err) << after->errstr;
  EXPECT_EQ(text(call(after, "GET written")), "by a client");
  EXPECT_THAT(key("kept"), ListEq({"a", "b"}));

  restart(/*keep_data=*/false);
  EXPECT_EQ(port(), first_port);
  Client fresh = connect_unix();
  EXPECT_EQ(text(call(fresh, "DBSIZE")), "0");
}

TEST_F(ServerFixtureTest, RefusedConnectionsFailUntilAllowedAgain) {
  Client connected = connect_tcp();
  ASSERT_EQ(text(call(connected, "PING")), "PONG");  // accepted (not just in the backlog)
  refuse_connections();
  Client refused = connect_tcp();
  ASSERT_TRUE(refused->err);
  EXPECT_THAT(refused->errstr, HasSubstr("Connection refused"));
  EXPECT_TRUE(connect_unix()->err);
  EXPECT_EQ(text(call(connected, "PING")), "PONG");  // already connected: goes on
  refuse_connections(false);
  Client again = connect_tcp();
  ASSERT_FALSE(again->err) << again->errstr;
  EXPECT_EQ(text(call(again, "PING")), "PONG");
  EXPECT_FALSE(connect_unix()->err);
}

TEST_F(ServerFixtureTest, InjectedErrorsReachTheClient) {
  inject().command("SET").error("READONLY You can't write against a read only replica.");
  Client c = connect_tcp();
  EXPECT_EQ(text(call(c, "SET k v")), "READONLY You can't write against a read only replica.");
  EXPECT_EQ(text(call(c, "SET k v")), "OK");
}

TEST_F(ServerFixtureTest, DelayedRepliesTripClientTimeoutsAndKeepOrder) {
  seed("k", "v");
  inject().command("GET").delay(milliseconds(300));
  Client impatient = connect_tcp();
  const timeval tv{0, 100 * 1000};
  redisSetTimeout(impatient.get(), tv);
  EXPECT_EQ(call(impatient, "GET k"), nullptr);
  EXPECT_EQ(impatient->err, REDIS_ERR_IO);  // hiredis: "Resource temporarily unavailable"

  inject().command("GET").delay(milliseconds(100));
  Client patient = connect_tcp();
  redisAppendCommand(patient.get(), "GET k");
  redisAppendCommand(patient.get(), "PING");  // not delayed, but behind the GET
  const auto start = std::chrono::steady_clock::now();
  void* r1 = nullptr;
  void* r2 = nullptr;
  ASSERT_EQ(redisGetReply(patient.get(), &r1), REDIS_OK);
  ASSERT_EQ(redisGetReply(patient.get(), &r2), REDIS_OK);
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(100));
  EXPECT_EQ(text(ReplyPtr(static_cast<redisReply*>(r1))), "v");
  EXPECT_EQ(text(ReplyPtr(static_cast<redisReply*>(r2))), "PONG");
}

TEST_F(ServerFixtureTest, DelayedReplyIsSentBeforeAPipelinedQuitCloses) {
  seed("k", "v");
  inject().command("GET").delay(milliseconds(50));
  Client c = connect_tcp();
  redisAppendCommand(c.get(), "GET k");
  redisAppendCommand(c.get(), "QUIT");
  void* r1 = nullptr;
  void* r2 = nullptr;
  ASSERT_EQ(redisGetReply(c.get(), &r1), REDIS_OK);
  ASSERT_EQ(redisGetReply(c.get(), &r2), REDIS_OK);
  EXPECT_EQ(text(ReplyPtr(static_cast<redisReply*>(r1))), "v");
  EXPECT_EQ(text(ReplyPtr(static_cast<redisReply*>(r2))), "OK");
}

TEST_F(ServerFixtureTest, RestartKeepsFaultsTheTestSet) {
  fill_memory();
  refuse_connections();
  restart();
  EXPECT_TRUE(connect_tcp()->err);  // still refused
  refuse_connections(false);
  Client c = connect_tcp();
  EXPECT_THAT(text(call(c, "SET k v")), ::testing::StartsWith("OOM"));  // still full
  release_memory();
  EXPECT_EQ(text(call(c, "SET k v")), "OK");
}

TEST_F(ServerFixtureTest, ConnectionClosedMidReplyAfterTheCommandRan) {
  inject().command("INCR").close_connection();
  Client c = connect_tcp();
  EXPECT_EQ(call(c, "INCR counter"), nullptr);
  EXPECT_EQ(c->err, REDIS_ERR_EOF);
  EXPECT_THAT(key("counter"), StringEq("1"));  // it ran; only the reply was cut
  Client next = connect_tcp();
  EXPECT_EQ(text(call(next, "INCR counter")), "2");
}

TEST_F(ServerFixtureTest, AdvanceTimesOutAClientsBlpop) {
  Client c = connect_tcp();
  auto reply = std::async(std::launch::async, [&] { return call(c, "BLPOP queue 5"); });
  ASSERT_TRUE(wait_for_blocked(1));
  advance(seconds(5));  // at the deadline, not past it
  EXPECT_EQ(reply.wait_for(milliseconds(50)), std::future_status::timeout);
  advance(milliseconds(1));
  ASSERT_EQ(reply.wait_for(seconds(5)), std::future_status::ready);
  EXPECT_EQ(text(reply.get()), "<nil>");
}

TEST_F(ServerFixtureTest, FillMemoryReachesNetworkClients) {
  fill_memory();
  Client c = connect_tcp();
  EXPECT_EQ(text(call(c, "SET k v")), "OOM command not allowed when used memory > 'maxmemory'.");
  EXPECT_THAT(store(), Not(HasKey("k")));
}

}  // namespace
}  // namespace kevy::testing
