// kevy::testing fixtures: TestStore (an embedded store with a manual clock, command log,
// fault rules, seeding and inspection) and TestServer (the same behind a kevy::Server on a
// free TCP port and a unix socket), and their GoogleTest fixtures StoreTest and ServerTest.
//
//   class CacheTest : public kevy::testing::ServerTest {};
//   TEST_F(CacheTest, ExpiresSessions) {
//     MyCache cache(host(), port());          // the code under test, over hiredis
//     cache.put("s1", "alice");
//     EXPECT_COMMAND("SET", "session:s1", "alice", "EX", "60");
//     advance(std::chrono::seconds(61));      // fires the expiry
//     EXPECT_THAT(store(), Not(HasKey("session:s1")));
//   }
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "kevy/clock.h"
#include "kevy/config.h"
#include "kevy/server.h"
#include "kevy/status.h"
#include "kevy/store.h"
#include "kevy/testing/matchers.h"
#include "kevy/testing/recording.h"
#include "kevy/testing/values.h"

namespace kevy::testing {

// An embedded store for one test. Thread-safe where Store is; the helpers below are meant
// for the test's own thread.
class TestStore {
 public:
  // The store starts empty at ManualClock's default time, with Options' defaults (16 dbs,
  // deterministic random seed, no background expiry: time moves only by advance()/set_time()).
  explicit TestStore(Options options = {});
  virtual ~TestStore();
  TestStore(const TestStore&) = delete;
  TestStore& operator=(const TestStore&) = delete;

  Store& store() { return *store_; }
  const std::shared_ptr<Store>& shared_store() { return store_; }
  ManualClock& clock() { return *clock_; }
  // Replaces the store with an empty one opened with `options` (clock kept; the pending
  // EXPECT_COMMANDs are verified first; log and faults cleared).
  virtual void reset(Options options = {});

  // Runs a command as an embedded client (a Session of the fixture: db and protocol persist
  // across calls; recorded as client id 1).
  Reply execute(std::initializer_list<std::string_view> argv);
  Reply execute(const std::vector<std::string>& argv);
  Session& session() { return session_; }

  // ---- Time (the store's ManualClock)
  // Moves the clock forward and fires what became due, in order: keys whose TTL passed are
  // deleted (with their `expired` notifications), blocked commands whose timeout passed get
  // their timeout reply. LFU counters decay by the clock, so OBJECT FREQ sees the time too.
  void advance(std::chrono::milliseconds d);
  // Sets the clock (Unix time) and fires the same.
  void set_time(std::chrono::system_clock::time_point t);
  std::chrono::system_clock::time_point now() const;
  // One background cycle, as redis-server's serverCron runs it hz times a second: sampled
  // active expiry (may leave expired keys behind, as Redis does), eviction, block timeouts.
  void tick();
  // Waits (real time, up to `timeout`) until exactly n clients are blocked (INFO clients'
  // blocked_clients): a test that starts a BLPOP on another thread or connection calls this
  // before it advances the clock or pushes. False on timeout.
  bool wait_for_blocked(int64_t n,
                        std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
  // Reseeds the generator of SPOP, SRANDMEMBER, HRANDFIELD, ZRANDMEMBER, RANDOMKEY and
  // eviction sampling: the same seed, the same picks.
  void seed_random(uint64_t seed);

  // ---- Seeding and inspection (not recorded, not faulted)
  // Replaces key with value (a string, List, Set, Hash or Zset), with a TTL when given.
  // An empty collection deletes the key, as Redis holds no empty collections.
  void seed(std::string_view key, const Value& value,
            std::optional<std::chrono::milliseconds> ttl = std::nullopt, int db = 0);
  // Replaces every database with an RDB file's contents (redis-server's dump.rdb works).
  Status load_rdb(const std::string& path);
  // Replays one case of a corpus file (corpus/<family>.corpus, recorded from redis-server
  // 7.0.15; `id` as "lists/push-and-length/resp2") on a fresh client, checking each reply
  // against the recorded bytes; `@sleep N` advances the clock. An error names the first
  // reply that differs. Blocking commands (BLPOP...) run with the clock moved for them until
  // they are answered. Multi-connection cases are refused.
  Status load_corpus_case(const std::string& corpus_file, std::string_view id);
  KeyspaceDump dump_keyspace(int db = 0) { return kevy::testing::dump_keyspace(*store_, db); }
  // The key, for the key matchers: EXPECT_THAT(key("q"), ListEq({"a"})).
  KeyRef key(std::string name, int db = 0) { return KeyRef{store_, std::move(name), db}; }

  // ---- Recording
  // Every command received since the test began (or clear_commands()), oldest first.
  std::vector<CommandRecord> commands() const { return monitor_->commands(); }
  void clear_commands() { monitor_->clear_commands(); }
  // EXPECT_COMMAND's target: expects the commands received from now on to match m
  // Exactly(1) times (see CommandExpectation::Times), checked by verify_commands().
  CommandExpectation& expect_command(const char* file, int line,
                                     ::testing::Matcher<const CommandRecord&> m);
  // Checks and forgets every expectation (the fixtures call it when the test ends).
  void verify_commands();

  // ---- Faults (cleared by reset() and at the end of the test)
  // inject().command("GET").times(2).error("ERR boom"), see FaultBuilder.
  FaultBuilder inject() { return FaultBuilder(monitor_.get()); }
  void clear_faults();
  // Out of memory: maxmemory becomes 1 byte with noeviction, so every command that may grow
  // memory (SET, LPUSH, ...) gets Redis's OOM error while reads go on. Undone by
  // release_memory() or clear_faults().
  void fill_memory();
  void release_memory();

 protected:
  // For TestServer: the clock and log exist, the store is opened later by open().
  struct DeferOpen {};
  static constexpr DeferOpen kDeferOpen{};
  explicit TestStore(DeferOpen);
  // Opens store_ with options (and the clock), and installs the command hook.
  void open(Options options);
  // fill_memory()'s settings, on the current store.
  void apply_fill_memory();
  // load_corpus_case's step for a command that may block.
  std::string run_blocking_step(const std::vector<std::string_view>& argv, Session& s);

  std::shared_ptr<ManualClock> clock_;
  std::shared_ptr<Store> store_;
  std::shared_ptr<CommandMonitor> monitor_;
  Session session_;
  std::vector<std::unique_ptr<CommandExpectation>> expectations_;
  std::optional<std::pair<std::string, std::string>> saved_memory_;  // maxmemory, policy
};

// A TestStore behind a kevy::Server on 127.0.0.1 at a free port and on a unix socket in a
// fresh temporary directory (also the RDB directory for restart()).
class TestServer : public TestStore {
 public:
  explicit TestServer(Options options = {});
  ~TestServer() override;

  const std::string& host() const { return host_; }
  int port() const { return server_->port(); }
  const std::string& unix_socket() const { return server_->unix_socket(); }
  // "redis://127.0.0.1:<port>"
  std::string url() const;
  Server& server() { return *server_; }
  const std::filesystem::path& dir() const { return dir_; }

  // Stops the server (every connection is closed), then starts a new store and server at the
  // same port and socket path. keep_data: the keyspace survives through an RDB snapshot
  // (SAVE after the stop, then load at start, as redis-server restarts); else the snapshot is
  // removed and the new store starts empty (with Options::appendonly it loads its AOF
  // instead, as redis-server would). The clock, command log, fault rules, fill_memory() and
  // refuse_connections() carry over.
  void restart(bool keep_data = true);
  // While on, new connections are refused (ECONNREFUSED); connected clients go on.
  void refuse_connections(bool on = true);
  void reset(Options options = {}) override;

 private:
  void start_server();
  bool refusing_ = false;  // refuse_connections(true) is in force
  std::filesystem::path dir_;
  std::string host_ = "127.0.0.1";
  int port_ = 0;  // 0 until first started: then the port the kernel chose, kept on restart
  Options options_;
  std::unique_ptr<Server> server_;
};

// GoogleTest fixtures: a fresh TestStore / TestServer per test; at the end of the test the
// EXPECT_COMMAND expectations are verified and everything is torn down.
class StoreTest : public ::testing::Test, public TestStore {
 protected:
  void TearDown() override { verify_commands(); }
};
class ServerTest : public ::testing::Test, public TestServer {
 protected:
  void TearDown() override { verify_commands(); }
};

}  // namespace kevy::testing

// EXPECT_COMMAND("SET", "user:1", _, "EX", "60") inside a StoreTest/ServerTest test (or a
// method of a TestStore): the code under test must send such a command, after this line and
// before the test ends, exactly once — or as .Times(n) / .Times(AtLeast(n)) says.
#define EXPECT_COMMAND(...) \
  expect_command(__FILE__, __LINE__, ::kevy::testing::IsCommand(__VA_ARGS__))
