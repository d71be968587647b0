// Unit tests for the string family, through Store::execute (the BaseFamilyTest style).
#include <gtest/gtest.h>

#include "test_support/family_test.h"

namespace kevy {
namespace {

class StringsTest : public FamilyTest {};

TEST_F(StringsTest, GetSetRoundTrip) {
  EXPECT_EQ(run({"SET", "k", "v"}), "+OK\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nv\r\n");
  EXPECT_EQ(run({"GET", "missing"}), "$-1\r\n");
}

}  // namespace
}  // namespace kevy
