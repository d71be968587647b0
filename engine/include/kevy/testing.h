// kevy/testing.h: the test-double toolkit. A Redis-backed C++ unit test in a few lines:
//
//   #include <kevy/testing.h>
//   using namespace kevy::testing;
//   class RateLimiterTest : public ServerTest {};     // or StoreTest: no sockets at all
//   TEST_F(RateLimiterTest, AllowsThenBlocks) {
//     RateLimiter limiter(host(), port(), /*limit=*/2, /*window=*/std::chrono::seconds(10));
//     EXPECT_TRUE(limiter.allow("alice"));
//     EXPECT_TRUE(limiter.allow("alice"));
//     EXPECT_FALSE(limiter.allow("alice"));
//     EXPECT_THAT(key("rate:alice"), HasTtl(std::chrono::seconds(10)));
//     advance(std::chrono::seconds(10) + std::chrono::milliseconds(1));
//     EXPECT_TRUE(limiter.allow("alice"));
//   }
//
// Link kevy::testing (it brings GoogleTest and GoogleMock). The pieces: fixtures.h (StoreTest,
// ServerTest, time, seeding, faults, EXPECT_COMMAND), matchers.h (HasKey, HasTtl, ListEq,
// HashEq, SetEq, ZsetEq, IsRespError), recording.h (command log, IsCommand, fault rules),
// values.h (List, Set, Hash, Zset, dump_keyspace's types). docs/testing.md has the guide.
#pragma once

#include "kevy/testing/fixtures.h"
#include "kevy/testing/matchers.h"
#include "kevy/testing/recording.h"
#include "kevy/testing/values.h"
