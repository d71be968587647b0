// Fault injection on the embedded store: errors for the next N / matching commands, delays,
// OOM. (Network faults: server_fixture_test.cc.)
#include <kevy/testing.h>

#include <chrono>
#include <string>

namespace kevy::testing {
namespace {

using std::chrono::milliseconds;
using ::testing::Not;

class FaultsTest : public StoreTest {};

TEST_F(FaultsTest, NextCommandsGetTheErrorAndDoNotRun) {
  inject().times(2).error("LOADING Redis is loading the dataset in memory");
  EXPECT_THAT(execute({"SET", "k", "1"}), IsRespError("LOADING Redis is loading"));
  EXPECT_THAT(execute({"GET", "k"}), IsRespError("LOADING"));
  EXPECT_EQ(execute({"SET", "k", "2"}).str(), "OK");
  EXPECT_THAT(key("k"), StringEq("2"));  // the first SET never ran
  EXPECT_EQ(commands().size(), 3u);      // faulted commands are still recorded
}

TEST_F(FaultsTest, RulesMatchByCommandNameAndKeyGlob) {
  inject().command("get").key("user:*").always().error("ERR boom");
  seed("user:1", "alice");
  seed("other", "x");
  EXPECT_THAT(execute({"GET", "user:1"}), IsRespError("ERR boom"));
  EXPECT_THAT(execute({"GET", "user:1"}), IsRespError("ERR boom"));
  EXPECT_EQ(execute({"GET", "other"}).str(), "x");
  EXPECT_EQ(execute({"MGET", "user:1"}).elements()[0].str(), "alice");  // another command
  EXPECT_EQ(execute({"PING"}).str(), "PONG");                           // no keys: no match
  clear_faults();
  EXPECT_EQ(execute({"GET", "user:1"}).str(), "alice");
}

TEST_F(FaultsTest, KeyGlobSeesEveryKeyOfTheCommand) {
  inject().key("locked:*").error("ERR locked");
  EXPECT_THAT(execute({"MSET", "a", "1", "locked:x", "2"}), IsRespError("ERR locked"));
  EXPECT_THAT(store(), Not(HasKey("a")));
  EXPECT_EQ(execute({"MSET", "a", "1", "locked:x", "2"}).str(), "OK");  // times(1) used up
}

TEST_F(FaultsTest, DelaySlowsEmbeddedCallersInRealTime) {
  inject().command("GET").delay(milliseconds(60));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(execute({"GET", "k"}).type(), Reply::Type::kNull);
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(60));
}

TEST_F(FaultsTest, EachCommandUsesTheFirstErrorRuleThatMatches) {
  inject().command("GET").error("ERR first");
  inject().command("GET").error("ERR second");
  EXPECT_THAT(execute({"GET", "k"}), IsRespError("ERR first"));
  EXPECT_THAT(execute({"GET", "k"}), IsRespError("ERR second"));
  EXPECT_EQ(execute({"GET", "k"}).type(), Reply::Type::kNull);
}

TEST_F(FaultsTest, AnInjectedErrorInsideMultiAbortsTheTransaction) {
  inject().command("INCR").error("ERR boom");
  EXPECT_EQ(execute({"MULTI"}).str(), "OK");
  EXPECT_EQ(execute({"SET", "k", "1"}).str(), "QUEUED");
  EXPECT_THAT(execute({"INCR", "k"}), IsRespError("ERR boom"));
  EXPECT_THAT(execute({"EXEC"}),
              IsRespError("EXECABORT Transaction discarded because of previous errors."));
  EXPECT_THAT(store(), Not(HasKey("k")));  // nothing of it ran, as Redis after a queue error

  inject().command("EXEC").error("ERR exec refused");
  execute({"MULTI"});
  execute({"SET", "k", "1"});
  EXPECT_THAT(execute({"EXEC"}), IsRespError("EXECABORT Transaction discarded because of: "
                                             "exec refused"));
  EXPECT_EQ(execute({"SET", "k", "2"}).str(), "OK");  // not queued: the transaction is gone
}

TEST_F(FaultsTest, FillMemoryRefusesWritesWithRedisOomError) {
  seed("k", "v");
  fill_memory();
  EXPECT_THAT(execute({"SET", "k2", "v"}),
              IsRespError("OOM command not allowed when used memory > 'maxmemory'."));
  EXPECT_THAT(execute({"LPUSH", "l", "a"}), IsRespError("OOM"));
  EXPECT_EQ(execute({"GET", "k"}).str(), "v");  // reads go on
  EXPECT_EQ(execute({"DEL", "k"}).integer_value(), 1);  // as do writes that free memory
  release_memory();
  EXPECT_EQ(execute({"SET", "k2", "v"}).str(), "OK");
  EXPECT_EQ(execute({"CONFIG", "GET", "maxmemory"}).elements()[1].str(), "0");
}

}  // namespace
}  // namespace kevy::testing
