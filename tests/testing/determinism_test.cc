// Determinism: seed_random() fixes what the random commands pick and which keys eviction
// samples, so a failing test reproduces.
#include <kevy/testing.h>

#include <string>
#include <vector>

namespace kevy::testing {
namespace {

class DeterminismTest : public StoreTest {};

// SPOP, SRANDMEMBER and RANDOMKEY draw from the store's seeded generator.
std::vector<std::string> draws(TestStore& t, uint64_t seed) {
  t.reset();
  std::vector<std::string> members;
  for (int i = 0; i < 200; ++i) members.push_back("m" + std::to_string(i));
  t.seed("s", Set{members});
  for (int i = 0; i < 50; ++i) t.seed("k" + std::to_string(i), "v");
  t.seed_random(seed);
  std::vector<std::string> out;
  for (int i = 0; i < 10; ++i) out.push_back(t.execute({"SPOP", "s"}).str());
  const Reply some = t.execute({"SRANDMEMBER", "s", "-5"});
  for (const Reply& r : some.elements()) out.push_back(r.str());
  for (int i = 0; i < 5; ++i) out.push_back(t.execute({"RANDOMKEY"}).str());
  return out;
}

TEST_F(DeterminismTest, SeedRandomMakesRandomCommandsReproducible) {
  const std::vector<std::string> first = draws(*this, 42);
  EXPECT_EQ(draws(*this, 42), first);
  EXPECT_NE(draws(*this, 43), first);
}

// The keys left after allkeys-random eviction of the same writes.
std::vector<std::string> survivors(TestStore& t, uint64_t seed) {
  t.reset(Options{}.with_max_memory(1 << 20, EvictionPolicy::kAllKeysRandom));
  t.seed_random(seed);
  const std::string value(200, 'x');
  for (int i = 0; i < 10000; ++i) t.execute(std::vector<std::string>{"SET", "key:" + std::to_string(i), value});
  std::vector<std::string> keys;
  for (const auto& [k, dump] : t.dump_keyspace()) keys.push_back(k);
  return keys;
}

TEST_F(DeterminismTest, SeedRandomMakesEvictionReproducible) {
  const std::vector<std::string> first = survivors(*this, 7);
  ASSERT_GT(first.size(), 100u);
  ASSERT_LT(first.size(), 10000u);  // something was evicted
  EXPECT_EQ(survivors(*this, 7), first);
  EXPECT_NE(survivors(*this, 8), first);
}

}  // namespace
}  // namespace kevy::testing
