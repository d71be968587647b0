// What a StoreTest / ServerTest costs per test: the fixture's setup and teardown (construct
// and destroy a TestStore / TestServer), measured over many rounds. Goals (issue 10): under
// 1 ms and 5 ms. The bounds asserted here are 10x the goals (50x under sanitizers, which slow
// everything), so a shared CI machine does not flake; the numbers are printed for the note.
#include <kevy/testing.h>

#include <chrono>
#include <cstdio>

namespace kevy::testing {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr double kSlack = 50;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr double kSlack = 50;
#else
constexpr double kSlack = 10;
#endif
#else
constexpr double kSlack = 10;
#endif

// Mean microseconds to construct and destroy one T, over `rounds` (after one warm-up).
template <typename T>
double mean_setup_teardown_us(int rounds) {
  { T warm_up; }
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < rounds; ++i) {
    T fixture;
    fixture.execute({"PING"});  // a live store, not an optimised-away object
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  return std::chrono::duration<double, std::micro>(elapsed).count() / rounds;
}

TEST(FixtureCost, StoreTestSetupAndTeardown) {
  const double us = mean_setup_teardown_us<TestStore>(200);
  std::printf("StoreTest setup+teardown: %.1f us (goal < 1000 us)\n", us);
  ::testing::Test::RecordProperty("store_fixture_us", static_cast<int>(us));
  EXPECT_LT(us, 1000 * kSlack);
}

TEST(FixtureCost, ServerTestSetupAndTeardown) {
  const double us = mean_setup_teardown_us<TestServer>(50);
  std::printf("ServerTest setup+teardown: %.1f us (goal < 5000 us)\n", us);
  ::testing::Test::RecordProperty("server_fixture_us", static_cast<int>(us));
  EXPECT_LT(us, 5000 * kSlack);
}

}  // namespace
}  // namespace kevy::testing
