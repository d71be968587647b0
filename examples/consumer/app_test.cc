// The smallest kevy::testing suite, built against an *installed* kevy (find_package(kevy)):
// proves that kevy/testing.h and the kevy::testing target work outside the source tree.
#include <kevy/testing.h>

#include <chrono>

namespace {

using namespace std::chrono_literals;
using kevy::testing::HasKey;
using kevy::testing::HasTtl;
using ::testing::_;
using ::testing::Not;

class ConsumerTest : public kevy::testing::StoreTest {};

TEST_F(ConsumerTest, SessionsExpire) {
  EXPECT_COMMAND("SET", "session:1", _, "EX", "60");
  execute({"SET", "session:1", "alice", "EX", "60"});
  EXPECT_THAT(key("session:1"), HasTtl(60s));
  advance(60s + 1ms);
  EXPECT_THAT(store(), Not(HasKey("session:1")));
}

TEST_F(ConsumerTest, FaultsAreInjected) {
  inject().command("GET").error("ERR boom");
  EXPECT_THAT(execute({"GET", "k"}), kevy::testing::IsRespError("ERR boom"));
}

}  // namespace
