// kevy::Server's connection commands and limits over real sockets: CLIENT LIST/INFO/KILL/
// REPLY/SETNAME, HELLO SETNAME, MONITOR, RESET, maxclients, output-buffer limits,
// back-pressure, several bind addresses and IPv6. Expected texts are redis-server 7.0.15's.
#include <sys/resource.h>
#include <sys/stat.h>

#include <filesystem>

#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "kevy/server.h"
#include "test_support/socket_client.h"

namespace kevy {
namespace {

class ServerClientsTest : public ::testing::Test {
 protected:
  std::unique_ptr<Server> start(ServerOptions opts = ServerOptions{}) {
    store_ = make_store();
    auto s = Server::start(store_, opts);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.status().message());
    return s.ok() ? std::move(s.value()) : nullptr;
  }
  // Opens a TCP connection and remembers it for closing.
  int connect(const Server& server) {
    int fd = connect_tcp(server.port());
    EXPECT_GE(fd, 0);
    fds_.push_back(fd);
    return fd;
  }
  void TearDown() override {
    for (int fd : fds_) ::close(fd);
  }
  std::shared_ptr<Store> store_;
  std::vector<int> fds_;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

TEST_F(ServerClientsTest, ClientListShowsEveryConnectionInRedisFormat) {
  auto server = start();
  ASSERT_TRUE(server);
  int a = connect(*server);
  int b = connect(*server);
  EXPECT_EQ(roundtrip(a, resp_command({"CLIENT", "SETNAME", "alpha"}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(a, resp_command({"SELECT", "3"}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(b, resp_command({"CLIENT", "ID"}), ":2\r\n"), ":2\r\n");
  send_all(b, resp_command({"CLIENT", "LIST"}));
  std::vector<std::string> lines = lines_of(read_bulk(b));
  ASSERT_EQ(lines.size(), 2u);
  const std::regex line_re(
      "id=(\\d+) addr=127\\.0\\.0\\.1:\\d+ laddr=127\\.0\\.0\\.1:" +
      std::to_string(server->port()) +
      " fd=\\d+ name=(\\S*) age=0 idle=0 flags=N db=(\\d+) sub=0 psub=0 ssub=0 multi=-1 "
      "qbuf=\\d+ qbuf-free=\\d+ argv-mem=\\d+ multi-mem=0 rbs=\\d+ rbp=\\d+ obl=\\d+ oll=\\d+ "
      "omem=\\d+ tot-mem=\\d+ events=r cmd=(\\S+) user=default redir=-1 resp=2");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(lines[0], m, line_re)) << lines[0];
  EXPECT_EQ(m[1], "1");
  EXPECT_EQ(m[2], "alpha");
  EXPECT_EQ(m[3], "3");
  EXPECT_EQ(m[4], "select");
  ASSERT_TRUE(std::regex_match(lines[1], m, line_re)) << lines[1];
  EXPECT_EQ(m[1], "2");
  EXPECT_EQ(m[4], "client|list");

  send_all(a, resp_command({"CLIENT", "INFO"}));
  std::string info = read_bulk(a);
  EXPECT_EQ(info.back(), '\n');
  EXPECT_NE(info.find("id=1 "), std::string::npos) << info;
  EXPECT_NE(info.find(" cmd=client|info "), std::string::npos) << info;

  send_all(a, resp_command({"CLIENT", "LIST", "ID", "2", "99"}));
  lines = lines_of(read_bulk(a));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind("id=2 ", 0), 0u);
}

TEST_F(ServerClientsTest, ClientListOverUnixSocketHasFlagU) {
  char tmpl[] = "/tmp/kevy-clients-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const std::string path = std::string(tmpl) + "/s.sock";
  auto server = start(ServerOptions{}.with_port(-1).with_unix_socket(path));
  ASSERT_TRUE(server);
  int fd = connect_unix(path);
  ASSERT_GE(fd, 0);
  fds_.push_back(fd);
  send_all(fd, resp_command({"CLIENT", "INFO"}));
  std::string info = read_bulk(fd);
  EXPECT_NE(info.find("addr=" + path + ":0 laddr=" + path + ":0 "), std::string::npos) << info;
  EXPECT_NE(info.find(" flags=U "), std::string::npos) << info;
  server->stop();
  ::rmdir(tmpl);
}

TEST_F(ServerClientsTest, HelloSetnameIsTheClientName) {
  auto server = start();
  ASSERT_TRUE(server);
  int fd = connect(*server);
  send_all(fd, resp_command({"HELLO", "3", "SETNAME", "app"}) + resp_command({"CLIENT", "GETNAME"}));
  std::string got = read_until_suffix(fd, "$3\r\napp\r\n");
  EXPECT_EQ(got.rfind("%7\r\n", 0), 0u) << got;
  EXPECT_TRUE(got.ends_with("*0\r\n$3\r\napp\r\n")) << got;
}

TEST_F(ServerClientsTest, ClientKillByIdByAddrAndSkipme) {
  auto server = start();
  ASSERT_TRUE(server);
  int a = connect(*server);
  int b = connect(*server);
  int c = connect(*server);
  EXPECT_EQ(roundtrip(b, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  EXPECT_EQ(roundtrip(c, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  // New form: the number killed; b's connection is closed.
  EXPECT_EQ(roundtrip(a, resp_command({"CLIENT", "KILL", "ID", "2"}), ":1\r\n"), ":1\r\n");
  EXPECT_EQ(read_to_eof(b), "");
  EXPECT_EQ(roundtrip(a, resp_command({"CLIENT", "KILL", "ID", "2"}), ":0\r\n"), ":0\r\n");
  // Old form by address: OK, or "No such client".
  send_all(c, resp_command({"CLIENT", "INFO"}));
  std::smatch m;
  std::string info = read_bulk(c);
  ASSERT_TRUE(std::regex_search(info, m, std::regex("addr=(\\S+)")));
  const std::string addr = m[1];
  EXPECT_EQ(roundtrip(a, resp_command({"CLIENT", "KILL", addr}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(read_to_eof(c), "");
  EXPECT_EQ(roundtrip(a, resp_command({"CLIENT", "KILL", addr}), "-ERR No such client\r\n"),
            "-ERR No such client\r\n");
  // SKIPME yes (the default) spares the caller; SKIPME no kills it after its reply.
  EXPECT_EQ(roundtrip(a, resp_command({"CLIENT", "KILL", "TYPE", "normal"}), ":0\r\n"), ":0\r\n");
  EXPECT_EQ(roundtrip(a, resp_command({"CLIENT", "KILL", "TYPE", "normal", "SKIPME", "no"}),
                      ":1\r\n"),
            ":1\r\n");
  EXPECT_EQ(read_to_eof(a), "");
  int d = connect(*server);
  EXPECT_EQ(roundtrip(d, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
}

TEST_F(ServerClientsTest, ClientReplyOffAndSkip) {
  auto server = start();
  ASSERT_TRUE(server);
  int fd = connect(*server);
  send_all(fd, resp_command({"CLIENT", "REPLY", "SKIP"}) + resp_command({"SET", "a", "1"}) +
                   resp_command({"GET", "a"}) + resp_command({"CLIENT", "REPLY", "OFF"}) +
                   resp_command({"SET", "b", "2"}) + resp_command({"GET", "b"}) +
                   resp_command({"CLIENT", "REPLY", "ON"}) + resp_command({"GET", "b"}));
  const std::string want = "$1\r\n1\r\n+OK\r\n$1\r\n2\r\n";
  EXPECT_EQ(read_n(fd, want.size()), want);
}

TEST_F(ServerClientsTest, MonitorStreamsCommandsAsRedis) {
  auto server = start();
  ASSERT_TRUE(server);
  int mon = connect(*server);
  int cli = connect(*server);
  EXPECT_EQ(roundtrip(mon, resp_command({"MONITOR"}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(cli, resp_command({"SELECT", "2"}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(cli, resp_command({"SET", "k \"q\"", std::string_view("\x00\n", 2)}),
                      "+OK\r\n"),
            "+OK\r\n");
  EXPECT_EQ(roundtrip(cli, resp_command({"DEBUG", "SLEEP", "0"}), "+OK\r\n"), "+OK\r\n");
  send_all(cli, resp_command({"AUTH", "secret"}));
  EXPECT_EQ(read_until_suffix(cli, "\r\n").rfind("-ERR AUTH <password> called without", 0), 0u);
  send_all(cli, resp_command({"NOSUCH"}));
  EXPECT_EQ(read_until_suffix(cli, "\r\n").rfind("-ERR unknown command 'NOSUCH'", 0), 0u);
  const std::string value_reply("$2\r\n\x00\n\r\n", 8);
  EXPECT_EQ(roundtrip(cli, "GET \"k \\\"q\\\"\"\r\n", value_reply), value_reply);
  std::string stream = read_until_suffix(mon, "\"GET\" \"k \\\"q\\\"\"\r\n");
  std::vector<std::string> got;
  const std::regex line_re("\\+(\\d+)\\.(\\d{6}) \\[(\\d+) 127\\.0\\.0\\.1:\\d+\\] (.*)");
  for (const std::string& l : lines_of(stream)) {
    if (l.empty()) continue;
    std::smatch m;
    std::string line = l.back() == '\r' ? l.substr(0, l.size() - 1) : l;
    ASSERT_TRUE(std::regex_match(line, m, line_re)) << line;
    got.push_back(m[3].str() + " " + m[4].str());
  }
  // DEBUG is an admin command and NOSUCH unknown: neither is shown. AUTH's password is
  // redacted (AUTH failed here, but Redis still shows it).
  const std::vector<std::string> want = {
      "2 \"SELECT\" \"2\"", "2 \"SET\" \"k \\\"q\\\"\" \"\\x00\\n\"",
      "2 \"AUTH\" \"(redacted)\"", "2 \"GET\" \"k \\\"q\\\"\""};
  EXPECT_EQ(got, want);
  // A monitor may not touch the keyspace; RESET ends monitoring.
  EXPECT_EQ(roundtrip(mon, resp_command({"GET", "k"}),
                      "-ERR Replica can't interact with the keyspace\r\n"),
            "-ERR Replica can't interact with the keyspace\r\n");
  EXPECT_EQ(roundtrip(mon, resp_command({"RESET"}), "+RESET\r\n"), "+RESET\r\n");
  EXPECT_EQ(roundtrip(mon, resp_command({"GET", "nokey"}), "$-1\r\n"), "$-1\r\n");
}

TEST_F(ServerClientsTest, ResetRestoresAFreshConnectionAndDropsAuth) {
  auto server = start(ServerOptions{}.with_require_pass("pw"));
  ASSERT_TRUE(server);
  int fd = connect(*server);
  EXPECT_EQ(roundtrip(fd, resp_command({"AUTH", "pw"}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(fd, resp_command({"SELECT", "5"}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(fd, resp_command({"CLIENT", "SETNAME", "n"}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(fd, resp_command({"RESET"}), "+RESET\r\n"), "+RESET\r\n");
  const std::string noauth = "-NOAUTH Authentication required.\r\n";
  EXPECT_EQ(roundtrip(fd, resp_command({"CLIENT", "GETNAME"}), noauth), noauth);
  EXPECT_EQ(roundtrip(fd, resp_command({"AUTH", "pw"}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(fd, resp_command({"CLIENT", "GETNAME"}), "$-1\r\n"), "$-1\r\n");
  EXPECT_EQ(roundtrip(fd, resp_command({"CLIENT", "ID"}), ":1\r\n"), ":1\r\n");
}

TEST_F(ServerClientsTest, MaxClientsRefusesTheNextConnection) {
  ServerOptions opts;
  opts.max_clients = 2;
  auto server = start(opts);
  ASSERT_TRUE(server);
  int a = connect(*server);
  int b = connect(*server);
  EXPECT_EQ(roundtrip(a, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  EXPECT_EQ(roundtrip(b, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  int c = connect(*server);
  EXPECT_EQ(read_to_eof(c), "-ERR max number of clients reached\r\n");
  ::close(b);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  int d = connect(*server);
  EXPECT_EQ(roundtrip(d, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
}

// A value of `size` bytes under key "big", set through a client.
void set_big(int fd, size_t size) {
  std::string value(size, 'x');
  ASSERT_EQ(roundtrip(fd, resp_command({"SET", "big", value}), "+OK\r\n"), "+OK\r\n");
}

TEST_F(ServerClientsTest, OutputBufferHardLimitDisconnectsAClientThatDoesNotRead) {
  ServerOptions opts;
  opts.normal_output_limit.hard_bytes = 4 << 20;
  auto server = start(opts);
  ASSERT_TRUE(server);
  int slow = connect(*server);
  int other = connect(*server);
  set_big(other, 1 << 20);
  // 64 replies of 1 MiB that `slow` never reads: the server drops it past 4 MiB pending.
  std::string pipeline;
  for (int i = 0; i < 64; ++i) pipeline += resp_command({"GET", "big"});
  send_all(slow, pipeline);
  EXPECT_EQ(roundtrip(other, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  send_all(other, resp_command({"CLIENT", "LIST"}));
  EXPECT_EQ(lines_of(read_bulk(other)).size(), 1u);  // only `other` is left
  std::string got = read_to_eof(slow);                 // what was sent before the limit, then EOF
  EXPECT_LT(got.size(), size_t{64} << 20);
}

TEST_F(ServerClientsTest, BackpressureKeepsEveryReplyOfAClientThatReadsLate) {
  ServerOptions opts;
  opts.output_backpressure_bytes = 1 << 20;
  auto server = start(opts);
  ASSERT_TRUE(server);
  int late = connect(*server);
  int other = connect(*server);
  set_big(other, 256 << 10);
  std::string pipeline;
  const int kGets = 100;  // 25 MiB of replies: 25 times the back-pressure threshold
  for (int i = 0; i < kGets; ++i) pipeline += resp_command({"GET", "big"});
  std::thread writer([&] { send_all(late, pipeline); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(roundtrip(other, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  send_all(other, resp_command({"CLIENT", "INFO"}));
  read_bulk(other);
  send_all(other, resp_command({"CLIENT", "LIST", "ID", "1"}));
  std::string line = read_bulk(other);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(line, m, std::regex("omem=(\\d+)")));
  EXPECT_LT(std::stoull(m[1]), uint64_t{8} << 20) << "output stays bounded while paused";
  const size_t reply_size = std::string("$262144\r\n").size() + (256 << 10) + 2;
  // Generous deadline: sanitizer builds copy these bytes several times slower.
  std::string got = read_n(late, reply_size * kGets, std::chrono::seconds(60));
  writer.join();
  EXPECT_EQ(got.size(), reply_size * kGets);
}

TEST_F(ServerClientsTest, SeveralBindAddressesShareThePortIncludingIpv6) {
  auto server = start(ServerOptions{}.with_bind("127.0.0.1 -::1"));
  ASSERT_TRUE(server);
  int v4 = connect(*server);
  EXPECT_EQ(roundtrip(v4, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  int v6 = ::socket(AF_INET6, SOCK_STREAM, 0);
  sockaddr_in6 a{};
  a.sin6_family = AF_INET6;
  a.sin6_port = htons(static_cast<uint16_t>(server->port()));
  a.sin6_addr = in6addr_loopback;
  if (::connect(v6, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(v6);
    GTEST_SKIP() << "no IPv6 loopback on this machine";
  }
  fds_.push_back(v6);
  send_all(v6, resp_command({"CLIENT", "INFO"}));
  std::string info = read_bulk(v6);
  EXPECT_NE(info.find("laddr=[::1]:" + std::to_string(server->port())), std::string::npos)
      << info;
}

TEST_F(ServerClientsTest, RequiredBindFailureIsAnErrorOptionalIsNot) {
  auto bad = Server::start(make_store(), ServerOptions{}.with_bind("127.0.0.1 192.0.2.1"));
  EXPECT_FALSE(bad.ok());
  auto ok = Server::start(make_store(), ServerOptions{}.with_bind("127.0.0.1 -192.0.2.1"));
  EXPECT_TRUE(ok.ok());
}

TEST_F(ServerClientsTest, HugeBulkHeaderIsAProtocolErrorAndServerStaysUp) {
  auto server = start();
  ASSERT_TRUE(server);
  int bad = connect(*server);
  // 600 MiB is over proto-max-bulk-len (512 MiB).
  send_all(bad, "*1\r\n$629145600\r\n");
  EXPECT_EQ(read_to_eof(bad), "-ERR Protocol error: invalid bulk length\r\n");
  int good = connect(*server);
  EXPECT_EQ(roundtrip(good, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
}

TEST_F(ServerClientsTest, MalformedRequestsCloseOnlyTheirConnection) {
  auto server = start();
  ASSERT_TRUE(server);
  const std::pair<std::string, std::string> cases[] = {
      {"*abc\r\n", "-ERR Protocol error: invalid multibulk length\r\n"},
      {"*1\r\n+x\r\n", "-ERR Protocol error: expected '$', got '+'\r\n"},
      {"*1\r\n$-5\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
      {"\"unbalanced\r\n", "-ERR Protocol error: unbalanced quotes in request\r\n"},
  };
  for (const auto& [request, reply] : cases) {
    int fd = connect(*server);
    send_all(fd, request);
    EXPECT_EQ(read_to_eof(fd), reply) << request;
  }
  int good = connect(*server);
  EXPECT_EQ(roundtrip(good, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
}

TEST_F(ServerClientsTest, FiveThousandIdleConnectionsAndOthersAreServed) {
  constexpr int kIdle = 5000;
  rlimit lim{};
  ::getrlimit(RLIMIT_NOFILE, &lim);
  if (lim.rlim_cur < 2 * kIdle + 100) {
    rlimit want = lim;
    want.rlim_cur = std::min<rlim_t>(lim.rlim_max, 2 * kIdle + 100);
    ::setrlimit(RLIMIT_NOFILE, &want);
    ::getrlimit(RLIMIT_NOFILE, &lim);
  }
  if (lim.rlim_cur < 2 * kIdle + 100) GTEST_SKIP() << "RLIMIT_NOFILE too low: " << lim.rlim_cur;
  auto server = start();
  ASSERT_TRUE(server);
  for (int i = 0; i < kIdle; ++i) {
    int fd = connect_tcp(server->port());
    ASSERT_GE(fd, 0) << "connection " << i;
    fds_.push_back(fd);
  }
  int active = connect(*server);
  EXPECT_EQ(roundtrip(active, resp_command({"SET", "k", "v"}), "+OK\r\n"), "+OK\r\n");
  send_all(active, resp_command({"CLIENT", "LIST"}));
  EXPECT_EQ(lines_of(read_bulk(active)).size(), size_t{kIdle} + 1);
  // Every idle connection is still served when it speaks.
  for (int i : {0, kIdle / 2, kIdle - 1}) {
    EXPECT_EQ(roundtrip(fds_[static_cast<size_t>(i)], "GET k\r\n", "$1\r\nv\r\n"), "$1\r\nv\r\n");
  }
}

// `timeout` (CONFIG SET at runtime): a client idle for longer is closed within about a second
// of the server's clock passing the limit; a client that talks, and a MONITOR client, stay.
TEST_F(ServerClientsTest, TimeoutClosesIdleClientsButNotMonitorsOrActiveOnes) {
  auto clock = std::make_shared<ManualClock>();
  Options store_opts;
  store_opts.clock = clock;
  store_ = std::make_shared<Store>(std::move(Store::open(store_opts).value()));
  auto started = Server::start(store_, ServerOptions{});
  ASSERT_TRUE(started.ok());
  std::unique_ptr<Server> server = std::move(started.value());
  int idle = connect(*server);
  int active = connect(*server);
  int monitor = connect(*server);
  EXPECT_EQ(roundtrip(idle, resp_command({"CONFIG", "SET", "timeout", "2"}), "+OK\r\n"),
            "+OK\r\n");
  EXPECT_EQ(roundtrip(monitor, resp_command({"MONITOR"}), "+OK\r\n"), "+OK\r\n");
  EXPECT_EQ(roundtrip(active, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  clock->advance_ms(1500);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // Not yet over the limit: everyone is still connected.
  EXPECT_EQ(roundtrip(active, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  clock->advance_ms(1500);  // idle: 3 s; active: 1.5 s
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(read_to_eof(idle), "");  // closed without a reply
  EXPECT_EQ(roundtrip(active, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
  send_all(active, resp_command({"CLIENT", "LIST"}));
  EXPECT_EQ(lines_of(read_bulk(active)).size(), 2u);  // active and monitor
  // CONFIG SET timeout 0 turns it off again.
  EXPECT_EQ(roundtrip(active, resp_command({"CONFIG", "SET", "timeout", "0"}), "+OK\r\n"),
            "+OK\r\n");
  clock->advance_ms(10000);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(roundtrip(active, "PING\r\n", "+PONG\r\n"), "+PONG\r\n");
}

// SHUTDOWN saves the snapshot first when asked (SAVE) or when save points are configured, and
// stays up with Redis's error when that fails (unless FORCE); NOSAVE never saves.
TEST_F(ServerClientsTest, ShutdownSavesTheSnapshotAsRedis) {
  char tmpl[] = "/tmp/kevy-shutdown-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  const std::string gone = dir + "/gone";
  ASSERT_EQ(::mkdir(gone.c_str(), 0700), 0);
  auto server = start();
  ASSERT_TRUE(server);
  ASSERT_TRUE(store_->config_set("dir", gone, ConfigOrigin::kConfigFile).is_ok());
  ASSERT_TRUE(store_->config_set("save", "").is_ok());
  ASSERT_EQ(::rmdir(gone.c_str()), 0);  // saving into it now fails
  int c = connect(*server);
  EXPECT_EQ(roundtrip(c, resp_command({"SET", "k", "v"}), "+OK\r\n"), "+OK\r\n");
  const std::string err = "-ERR Errors trying to SHUTDOWN. Check logs.\r\n";
  EXPECT_EQ(roundtrip(c, resp_command({"SHUTDOWN", "SAVE"}), err), err);
  EXPECT_EQ(roundtrip(c, resp_command({"SHUTDOWN", "NOW", "SAVE"}), err), err);
  EXPECT_EQ(roundtrip(c, resp_command({"SHUTDOWN", "NOSAVE", "SAVE"}), "-ERR syntax error\r\n"),
            "-ERR syntax error\r\n");
  // Save points configured: a plain SHUTDOWN saves too, and fails the same way.
  ASSERT_TRUE(store_->config_set("save", "3600 1").is_ok());
  EXPECT_EQ(roundtrip(c, resp_command({"SHUTDOWN"}), err), err);
  EXPECT_TRUE(server->running());
  // A writable dir: SHUTDOWN SAVE writes dump.rdb and stops the server without a reply.
  ASSERT_TRUE(store_->config_set("dir", dir, ConfigOrigin::kConfigFile).is_ok());
  send_all(c, resp_command({"SHUTDOWN", "SAVE"}));
  EXPECT_EQ(read_to_eof(c), "");
  for (int i = 0; i < 100 && server->running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_FALSE(server->running());
  const std::string dump = dir + "/dump.rdb";
  struct stat st {};
  EXPECT_EQ(::stat(dump.c_str(), &st), 0);
  EXPECT_GT(st.st_size, 0);
  std::filesystem::remove_all(dir);
}

// FORCE shuts down even when the save fails; NOSAVE does not try.
TEST_F(ServerClientsTest, ShutdownForceAndNosaveStopDespiteAnUnwritableDir) {
  for (const char* option : {"FORCE", "NOSAVE"}) {
    char tmpl[] = "/tmp/kevy-shutdown-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    auto server = start();
    ASSERT_TRUE(server);
    ASSERT_TRUE(store_->config_set("dir", tmpl, ConfigOrigin::kConfigFile).is_ok());
    ASSERT_TRUE(store_->config_set("save", "3600 1").is_ok());
    ASSERT_EQ(::rmdir(tmpl), 0);
    int c = connect(*server);
    send_all(c, resp_command({"SHUTDOWN", option}));
    EXPECT_EQ(read_to_eof(c), "") << option;
    for (int i = 0; i < 100 && server->running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_FALSE(server->running()) << option;
  }
}

}  // namespace
}  // namespace kevy
