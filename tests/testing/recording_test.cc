// The command log, IsCommand and EXPECT_COMMAND (met, unmet, counted).
#include <gtest/gtest-spi.h>
#include <kevy/testing.h>

#include <string>
#include <vector>

namespace kevy::testing {
namespace {

using ::testing::_;
using ::testing::AtLeast;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class RecordingTest : public StoreTest {
 protected:
  // The failures verify_commands() reports, captured instead of failing this test.
  std::vector<std::string> failures_of_verify() {
    ::testing::TestPartResultArray results;
    {
      ::testing::ScopedFakeTestPartResultReporter reporter(
          ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
      verify_commands();
    }
    std::vector<std::string> out;
    for (int i = 0; i < results.size(); ++i) out.push_back(results.GetTestPartResult(i).message());
    return out;
  }
};

TEST_F(RecordingTest, CommandsAreLoggedWithClientDbAndTime) {
  execute({"set", "user:1", "alice", "EX", "60"});
  clock().advance_ms(250);
  execute({"SELECT", "4"});
  execute({"CLIENT", "SETNAME", "worker"});
  execute({"GET", "user:1"});
  execute({"NOSUCHCOMMAND", "x"});  // refused commands are logged too
  const std::vector<CommandRecord> log = commands();
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[0].args, (std::vector<std::string>{"set", "user:1", "alice", "EX", "60"}));
  EXPECT_EQ(log[0].name(), "set");
  EXPECT_EQ(log[0].db, 0);
  EXPECT_EQ(log[0].client_id, 1);
  EXPECT_EQ(log[3].db, 4);
  EXPECT_EQ(log[3].client_name, "worker");
  EXPECT_EQ(log[3].time_us - log[0].time_us, 250000);
  EXPECT_EQ(log[4].args[0], "NOSUCHCOMMAND");
  EXPECT_THAT(log, Contains(IsCommand("SET", "user:1", _, "EX", StartsWith("6"))));
  EXPECT_THAT(log, Not(Contains(IsCommand("SET", "user:1"))));  // all arguments count
  EXPECT_EQ(::testing::PrintToString(log[4]), "[client 1 db 4] \"NOSUCHCOMMAND\" \"x\"");
  clear_commands();
  EXPECT_TRUE(commands().empty());
}

TEST_F(RecordingTest, ExpectCommandIsMetByALaterCommand) {
  EXPECT_COMMAND("SET", "user:1", _, "EX", "60");
  EXPECT_COMMAND("GET", _).Times(2);
  EXPECT_COMMAND("DEL", _).Times(0);
  EXPECT_COMMAND("INCR", StartsWith("hits:")).Times(AtLeast(1));
  execute({"SET", "user:1", "alice", "EX", "60"});
  execute({"get", "user:1"});
  execute({"GET", "user:2"});
  execute({"INCR", "hits:today"});
  execute({"INCR", "hits:today"});
  // verified when the test ends (StoreTest::TearDown)
}

TEST_F(RecordingTest, UnmetExpectationsFailNamingTheCommandsSeen) {
  execute({"SET", "before", "1"});  // before the expectation: does not count
  EXPECT_COMMAND("SET", "before", "1");
  execute({"SET", "after", "2"});
  const std::vector<std::string> failures = failures_of_verify();
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0], HasSubstr("has the arguments (is equal to (ignoring case) \"SET\""));
  EXPECT_THAT(failures[0], HasSubstr("expected: called once"));
  EXPECT_THAT(failures[0], HasSubstr("actual: never called"));
  EXPECT_THAT(failures[0], HasSubstr("[client 1 db 0] \"SET\" \"after\" \"2\""));
}

TEST_F(RecordingTest, ClearingTheLogKeepsPendingExpectations) {
  EXPECT_COMMAND("SET", "a", "1");
  execute({"GET", "x"});
  clear_commands();
  execute({"SET", "a", "1"});  // after the clear: still counts for the expectation
  EXPECT_TRUE(failures_of_verify().empty());
}

TEST_F(RecordingTest, ResetVerifiesTheExpectationsOfTheOldStore) {
  EXPECT_COMMAND("SET", "a", "1");
  ::testing::TestPartResultArray results;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
    reset();
  }
  ASSERT_EQ(results.size(), 1);
  EXPECT_THAT(results.GetTestPartResult(0).message(), HasSubstr("actual: never called"));
}

TEST_F(RecordingTest, ExpectationCountsAreExact) {
  EXPECT_COMMAND("PING").Times(1);
  execute({"PING"});
  execute({"PING"});
  const std::vector<std::string> failures = failures_of_verify();
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0], HasSubstr("actual: called twice"));
  EXPECT_TRUE(failures_of_verify().empty());  // verified expectations are forgotten
}

}  // namespace
}  // namespace kevy::testing
