// The spawn-tcp: targets: the same spawned servers as spawn:, talked to over TCP on 127.0.0.1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "targets.h"

namespace kevy::conformance {
namespace {

TEST(TargetUri, ParsesSpawnTcp) {
  TargetUri u;
  std::string error;
  ASSERT_TRUE(parse_target_uri("spawn-tcp:kevy-server", &u, &error)) << error;
  EXPECT_EQ(u.kind, TargetUri::Kind::kSpawnKevy);
  EXPECT_TRUE(u.tcp);
  ASSERT_TRUE(parse_target_uri("spawn-tcp:redis-server", &u, &error)) << error;
  EXPECT_EQ(u.kind, TargetUri::Kind::kSpawnRedis);
  EXPECT_TRUE(u.tcp);
  ASSERT_TRUE(parse_target_uri("spawn:kevy-server", &u, &error));
  EXPECT_FALSE(u.tcp);
  ASSERT_TRUE(parse_target_uri("faulty:2:spawn-tcp:kevy-server", &u, &error));
  EXPECT_EQ(u.inner, "spawn-tcp:kevy-server");
  for (const char* bad : {"spawn-tcp:", "spawn-tcp:memcached", "spawn-tcp:kevy-server:1"}) {
    EXPECT_FALSE(parse_target_uri(bad, &u, &error)) << bad;
  }
}

// The reply of CLIENT INFO names the connection's local address: laddr=127.0.0.1:<port> over
// TCP, laddr=/path/to/sock over a unix socket. Redis answers it; so does kevy-server when its
// CLIENT command is there (otherwise only the data round trip is checked).
void expect_tcp_round_trip(const std::string& uri, const char* label) {
  std::string error, reply;
  bool unavailable = false;
  auto t = open_target(uri, &error, &unavailable);
  if (t == nullptr && unavailable) GTEST_SKIP() << error;
  ASSERT_NE(t, nullptr) << error;
  EXPECT_STREQ(t->name(), label);
  ASSERT_TRUE(t->reset(3, &error)) << error;
  ASSERT_TRUE(t->run({"SET", "k", "v"}, &reply, &error)) << error;
  EXPECT_EQ(reply, "+OK\r\n");
  ASSERT_TRUE(t->run({"HGETALL", "missing"}, &reply, &error)) << error;
  EXPECT_EQ(reply, "%0\r\n");  // reset(3) switched the connection to RESP3
  ASSERT_TRUE(t->run({"CLIENT", "INFO"}, &reply, &error)) << error;
  if (reply[0] != '-') {
    EXPECT_NE(reply.find(" laddr=127.0.0.1:"), std::string::npos) << reply;
  }
}

TEST(Targets, SpawnTcpKevyServerTalksOverTcp) {
  expect_tcp_round_trip("spawn-tcp:kevy-server", "kevy-server-tcp");
}

TEST(Targets, SpawnTcpRedisServerTalksOverTcp) {
  expect_tcp_round_trip("spawn-tcp:redis-server", "redis-tcp");
}

}  // namespace
}  // namespace kevy::conformance
