// Tests of the expiry commands, the TTL effects of string writes, the typed expiry API and the
// active expire cycle as the Store runs it. Expected bytes were recorded from redis-server
// 7.0.15.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "test_support/family_test.h"

namespace kevy {
namespace {

using std::chrono::milliseconds;

// String building through append(): g++ 12 reports a false -Wrestrict for
// `"literal" + std::string` (GCC bug 105651).
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p);
  return out;
}
// ":<n>\r\n", an integer reply.
std::string int_reply(int64_t n) { return cat({":", std::to_string(n), "\r\n"}); }
std::string key_n(std::string_view prefix, int i) { return cat({prefix, std::to_string(i)}); }

class ExpireTest : public FamilyTest {
 protected:
  int64_t now_ms() const { return clock_->now_ms(); }
  std::string at_ms(int64_t delta) const { return std::to_string(now_ms() + delta); }  // PEXPIREAT
  std::string at_s(int64_t delta) const { return std::to_string(now_ms() / 1000 + delta); }
};

TEST_F(ExpireTest, ExpireSetsSecondsTtl) {
  run({"SET", "k", "v"});
  EXPECT_EQ(run({"EXPIRE", "k", "100"}), ":1\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":100\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":100000\r\n");
  advance_ms(1500);
  EXPECT_EQ(run({"PTTL", "k"}), ":98500\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":99\r\n");  // 98.5 s rounds half up
}

TEST_F(ExpireTest, TtlRoundsHalfUp) {
  run({"SET", "k", "v"});
  const std::pair<const char*, const char*> cases[] = {
      {"1500", ":2\r\n"}, {"1499", ":1\r\n"}, {"500", ":1\r\n"}, {"499", ":0\r\n"}, {"1", ":0\r\n"}};
  for (const auto& [ms, ttl] : cases) {
    EXPECT_EQ(run({"PEXPIRE", "k", ms}), ":1\r\n");
    EXPECT_EQ(run({"PTTL", "k"}), cat({":", ms, "\r\n"}));
    EXPECT_EQ(run({"TTL", "k"}), ttl) << ms;
  }
}

TEST_F(ExpireTest, AbsoluteForms) {
  run({"SET", "k", "v"});
  EXPECT_EQ(run({"EXPIREAT", "k", at_s(100)}), ":1\r\n");
  EXPECT_EQ(run({"EXPIRETIME", "k"}), int_reply(now_ms() / 1000 + 100));
  EXPECT_EQ(run({"PEXPIRETIME", "k"}), int_reply((now_ms() / 1000 + 100) * 1000));
  EXPECT_EQ(run({"PEXPIREAT", "k", at_ms(1234)}), ":1\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":1234\r\n");
  EXPECT_EQ(run({"PEXPIRETIME", "k"}), int_reply(now_ms() + 1234));
  // EXPIRETIME rounds the absolute time half up.
  EXPECT_EQ(run({"EXPIRETIME", "k"}), int_reply((now_ms() + 1234 + 500) / 1000));
  EXPECT_EQ(run({"PEXPIREAT", "k", at_ms(1500)}), ":1\r\n");
  EXPECT_EQ(run({"EXPIRETIME", "k"}), int_reply((now_ms() + 1500 + 500) / 1000));
  advance_ms(1000);
  EXPECT_EQ(run({"PEXPIRETIME", "k"}), int_reply(now_ms() + 500));  // absolute: unchanged
}

TEST_F(ExpireTest, MissingKey) {
  EXPECT_EQ(run({"EXPIRE", "missing", "10"}), ":0\r\n");
  EXPECT_EQ(run({"PEXPIRE", "missing", "10"}), ":0\r\n");
  EXPECT_EQ(run({"EXPIREAT", "missing", at_s(10)}), ":0\r\n");
  EXPECT_EQ(run({"PEXPIREAT", "missing", at_ms(10)}), ":0\r\n");
  EXPECT_EQ(run({"TTL", "missing"}), ":-2\r\n");
  EXPECT_EQ(run({"PTTL", "missing"}), ":-2\r\n");
  EXPECT_EQ(run({"EXPIRETIME", "missing"}), ":-2\r\n");
  EXPECT_EQ(run({"PEXPIRETIME", "missing"}), ":-2\r\n");
  EXPECT_EQ(run({"PERSIST", "missing"}), ":0\r\n");
  EXPECT_EQ(run({"EXISTS", "missing"}), ":0\r\n");
}

TEST_F(ExpireTest, KeyWithoutTtl) {
  run({"SET", "k", "v"});
  EXPECT_EQ(run({"TTL", "k"}), ":-1\r\n");
  EXPECT_EQ(run({"PTTL", "k"}), ":-1\r\n");
  EXPECT_EQ(run({"EXPIRETIME", "k"}), ":-1\r\n");
  EXPECT_EQ(run({"PEXPIRETIME", "k"}), ":-1\r\n");
  EXPECT_EQ(run({"PERSIST", "k"}), ":0\r\n");
}

TEST_F(ExpireTest, PersistRemovesTtl) {
  run({"SET", "k", "v"});
  run({"EXPIRE", "k", "100"});
  EXPECT_EQ(run({"PERSIST", "k"}), ":1\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":-1\r\n");
  EXPECT_EQ(run({"EXPIRETIME", "k"}), ":-1\r\n");
  EXPECT_EQ(run({"PERSIST", "k"}), ":0\r\n");
  advance_ms(200000);
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nv\r\n");
}

TEST_F(ExpireTest, PastOrNegativeTimeDeletesTheKey) {
  const std::vector<std::vector<std::string>> cases = {
      {"EXPIRE", "k", "-1"},          {"EXPIRE", "k", "0"},
      {"PEXPIRE", "k", "0"},          {"EXPIREAT", "k", "-5"},
      {"PEXPIREAT", "k", "0"},        {"PEXPIREAT", "k", at_ms(0)},  // now counts as past
      {"EXPIRE", "k", "-9223372036854775"}, {"PEXPIRE", "k", "-9223372036854775808"},
      {"PEXPIREAT", "k", "-9223372036854775808"}, {"EXPIREAT", "k", "-9223372036854775"},
  };
  for (const auto& c : cases) {
    run({"SET", "k", "v"});
    EXPECT_EQ(run(c), ":1\r\n") << c[0] << " " << c[2];
    EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n") << c[0] << " " << c[2];
    EXPECT_EQ(run(c), ":0\r\n") << c[0] << " " << c[2];  // gone now
  }
}

TEST_F(ExpireTest, ExpiryBoundaryIsStrict) {
  run({"SET", "k", "v"});
  run({"PEXPIRE", "k", "100"});
  advance_ms(100);  // expire time == now: still alive
  EXPECT_EQ(run({"PTTL", "k"}), ":0\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":0\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$1\r\nv\r\n");
  advance_ms(1);
  EXPECT_EQ(run({"PTTL", "k"}), ":-2\r\n");
  EXPECT_EQ(run({"GET", "k"}), "$-1\r\n");
}

// A key whose time has passed is gone for every command, read or write.
TEST_F(ExpireTest, ExpiredKeyLooksMissingEverywhere) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"TTL", "k"}, ":-2\r\n"},          {{"PTTL", "k"}, ":-2\r\n"},
      {{"EXPIRETIME", "k"}, ":-2\r\n"},   {{"PEXPIRETIME", "k"}, ":-2\r\n"},
      {{"PERSIST", "k"}, ":0\r\n"},       {{"EXPIRE", "k", "100"}, ":0\r\n"},
      {{"PEXPIREAT", "k", "1"}, ":0\r\n"}, {{"GET", "k"}, "$-1\r\n"},
      {{"EXISTS", "k"}, ":0\r\n"},        {{"DEL", "k"}, ":0\r\n"},
      {{"SETNX", "k", "z"}, ":1\r\n"},    {{"INCR", "k"}, ":1\r\n"},
      {{"GETSET", "k", "z"}, "$-1\r\n"},  {{"SET", "k", "z", "XX"}, "$-1\r\n"},
  };
  for (const auto& [cmd, want] : cases) {
    run({"SET", "k", "5", "PX", "50"});
    advance_ms(51);
    EXPECT_EQ(run(cmd), want) << cmd[0];
    run({"DEL", "k"});
  }
}

TEST_F(ExpireTest, ConditionsNxXxGtLt) {
  run({"SET", "k", "v"});
  EXPECT_EQ(run({"EXPIRE", "k", "10", "XX"}), ":0\r\n");  // no TTL yet
  EXPECT_EQ(run({"EXPIRE", "k", "10", "GT"}), ":0\r\n");  // no TTL is infinite
  EXPECT_EQ(run({"EXPIRE", "k", "100", "XX", "LT"}), ":0\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "10", "NX"}), ":1\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "20", "NX"}), ":0\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "5", "XX"}), ":1\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "30", "GT"}), ":1\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "30", "GT"}), ":0\r\n");  // equal is not greater
  EXPECT_EQ(run({"EXPIRE", "k", "1", "GT"}), ":0\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "40", "LT"}), ":0\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "2", "lt"}), ":1\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "2", "LT"}), ":0\r\n");  // equal is not less
  EXPECT_EQ(run({"TTL", "k"}), ":2\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "60", "gt", "xx"}), ":1\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "50", "xx", "lt"}), ":1\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "10", "nx", "nx"}), ":0\r\n");  // repeats are fine
  EXPECT_EQ(run({"TTL", "k"}), ":50\r\n");

  run({"SET", "n", "v"});
  EXPECT_EQ(run({"EXPIRE", "n", "10", "LT"}), ":1\r\n");  // no TTL is infinite: 10 < inf
  EXPECT_EQ(run({"TTL", "n"}), ":10\r\n");
  EXPECT_EQ(run({"EXPIRE", "n", "-1", "LT"}), ":1\r\n");  // deletes
  EXPECT_EQ(run({"EXISTS", "n"}), ":0\r\n");
  run({"SET", "n", "v"});
  EXPECT_EQ(run({"EXPIRE", "n", "-1", "GT"}), ":0\r\n");  // refused: key stays
  EXPECT_EQ(run({"EXPIRE", "n", "-1", "XX"}), ":0\r\n");
  EXPECT_EQ(run({"EXISTS", "n"}), ":1\r\n");
}

TEST_F(ExpireTest, OptionErrorsComeBeforeTheNumber) {
  run({"SET", "k", "v"});
  const std::string nx_err = "-ERR NX and XX, GT or LT options at the same time are not compatible\r\n";
  const std::string gtlt_err = "-ERR GT and LT options at the same time are not compatible\r\n";
  EXPECT_EQ(run({"EXPIRE", "k", "100", "nx", "xx"}), nx_err);
  EXPECT_EQ(run({"EXPIRE", "k", "100", "NX", "GT"}), nx_err);
  EXPECT_EQ(run({"PEXPIRE", "k", "10", "nX", "LT"}), nx_err);
  EXPECT_EQ(run({"EXPIRE", "k", "100", "gt", "lt"}), gtlt_err);
  EXPECT_EQ(run({"EXPIRE", "k", "100", "foo"}), "-ERR Unsupported option foo\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "abc", "foo"}), "-ERR Unsupported option foo\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "abc", "nx", "foo"}), "-ERR Unsupported option foo\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "abc", "nx", "xx"}), nx_err);
  EXPECT_EQ(run({"EXPIRE", "k", "abc"}), "-ERR value is not an integer or out of range\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "100", ""}), "-ERR Unsupported option \r\n");
  // The option is printed as C text on one line, as Redis's error formatting does.
  EXPECT_EQ(run({"EXPIRE", "k", "100", std::string("fo\0o", 4)}), "-ERR Unsupported option fo\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "100", "fo\no"}), "-ERR Unsupported option fo o\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "100", "\nfoo\n"}), "-ERR Unsupported option  foo\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "100", "f\r\n\r\n"}), "-ERR Unsupported option f\r\n");
  EXPECT_EQ(run({"EXPIRE", "k", "100", "\xff\x01"}), "-ERR Unsupported option \xff\x01\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":-1\r\n");  // no error changed anything
}

TEST_F(ExpireTest, RejectsNonIntegers) {
  run({"SET", "k", "v"});
  for (const char* bad : {"+5", " 5", "5 ", "05", "5.0", "", "-0", "0x10", "1e3",
                          "9223372036854775808", "-9223372036854775809"}) {
    EXPECT_EQ(run({"EXPIRE", "k", bad}), "-ERR value is not an integer or out of range\r\n")
        << bad;
    EXPECT_EQ(run({"PEXPIREAT", "k", bad}), "-ERR value is not an integer or out of range\r\n")
        << bad;
  }
  EXPECT_EQ(run({"TTL", "k"}), ":-1\r\n");
}

TEST_F(ExpireTest, OverflowingTimes) {
  run({"SET", "k", "v"});
  const std::string expire_err = "-ERR invalid expire time in 'expire' command\r\n";
  const std::string pexpire_err = "-ERR invalid expire time in 'pexpire' command\r\n";
  const std::string expireat_err = "-ERR invalid expire time in 'expireat' command\r\n";
  EXPECT_EQ(run({"EXPIRE", "k", "9223372036854775807"}), expire_err);
  EXPECT_EQ(run({"EXPIRE", "k", "9223372036854776"}), expire_err);   // * 1000 overflows
  EXPECT_EQ(run({"EXPIRE", "k", "9223372036854775"}), expire_err);   // + now overflows
  EXPECT_EQ(run({"EXPIRE", "k", "-9223372036854776"}), expire_err);  // * 1000 underflows
  EXPECT_EQ(run({"Expire", "k", "9223372036854776"}), expire_err);   // name as Redis prints it
  EXPECT_EQ(run({"EXPIRE", "missing", "9223372036854776"}), expire_err);  // even if missing
  EXPECT_EQ(run({"PEXPIRE", "k", "9223372036854775807"}), pexpire_err);
  EXPECT_EQ(run({"PEXPIRE", "k", "9223372036000000000"}), pexpire_err);
  EXPECT_EQ(run({"EXPIREAT", "k", "9223372036854776"}), expireat_err);
  EXPECT_EQ(run({"EXPIREAT", "k", "-9223372036854775808"}), expireat_err);
  EXPECT_EQ(run({"EXPIREAT", "k", "-9223372036854776"}), expireat_err);
  EXPECT_EQ(run({"TTL", "k"}), ":-1\r\n");

  // The largest times that fit.
  EXPECT_EQ(run({"EXPIREAT", "k", "9223372036854775"}), ":1\r\n");
  EXPECT_EQ(run({"PEXPIRETIME", "k"}), ":9223372036854775000\r\n");
  EXPECT_EQ(run({"PEXPIREAT", "k", "9223372036854775807"}), ":1\r\n");
  EXPECT_EQ(run({"PEXPIRETIME", "k"}), ":9223372036854775807\r\n");
  EXPECT_EQ(run({"EXPIRETIME", "k"}), ":9223372036854776\r\n");  // rounding does not overflow
  EXPECT_EQ(run({"PTTL", "k"}), int_reply(INT64_MAX - now_ms()));
  EXPECT_EQ(run({"TTL", "k"}), int_reply((INT64_MAX - now_ms() + 500) / 1000));
  EXPECT_EQ(run({"PEXPIRE", "k", std::to_string(INT64_MAX - now_ms())}), ":1\r\n");
  EXPECT_EQ(run({"PEXPIRE", "k", std::to_string(INT64_MAX - now_ms() + 1)}), pexpire_err);
}

TEST_F(ExpireTest, WrongArity) {
  for (const char* name : {"expire", "pexpire", "expireat", "pexpireat"}) {
    const std::string err = cat({"-ERR wrong number of arguments for '", name, "' command\r\n"});
    EXPECT_EQ(run({name}), err);
    EXPECT_EQ(run({name, "k"}), err);
  }
  for (const char* name : {"ttl", "pttl", "expiretime", "pexpiretime", "persist"}) {
    const std::string err = cat({"-ERR wrong number of arguments for '", name, "' command\r\n"});
    EXPECT_EQ(run({name}), err);
    EXPECT_EQ(run({name, "a", "b"}), err);
  }
}

TEST_F(ExpireTest, BinaryKeys) {
  const std::string key("b\0in\xff", 5);
  const std::string prefix("b\0in", 4);
  run({"SET", key, "v"});
  EXPECT_EQ(run({"EXPIRE", key, "100"}), ":1\r\n");
  EXPECT_EQ(run({"TTL", key}), ":100\r\n");
  EXPECT_EQ(run({"TTL", prefix}), ":-2\r\n");
  EXPECT_EQ(run({"PERSIST", key}), ":1\r\n");
  EXPECT_EQ(run({"TTL", key}), ":-1\r\n");
}

TEST_F(ExpireTest, Resp3RepliesAreIntegers) {
  use_resp3();
  run({"SET", "k", "v"});
  EXPECT_EQ(run({"PEXPIRE", "k", "1500"}), ":1\r\n");
  EXPECT_EQ(run({"TTL", "k"}), ":2\r\n");
  EXPECT_EQ(run({"EXPIRETIME", "missing"}), ":-2\r\n");
}

// Which writes keep a key's TTL (recorded from redis-server 7.0.15).
TEST_F(ExpireTest, StringWritesKeepOrDropTtl) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"SET", "k", "v2"}, ":-1\r\n"},
      {{"SET", "k", "v2", "KEEPTTL"}, ":100\r\n"},
      {{"SET", "k", "v2", "XX"}, ":-1\r\n"},
      {{"SET", "k", "v2", "NX"}, ":100\r\n"},  // refused: untouched
      {{"SET", "k", "v2", "GET"}, ":-1\r\n"},
      {{"SETNX", "k", "z"}, ":100\r\n"},
      {{"GETSET", "k", "w"}, ":-1\r\n"},
      {{"MSET", "k", "1"}, ":-1\r\n"},
      {{"SETEX", "k", "50", "x"}, ":50\r\n"},
      {{"PSETEX", "k", "40000", "x"}, ":40\r\n"},
      {{"INCR", "k"}, ":100\r\n"},
      {{"INCRBY", "k", "3"}, ":100\r\n"},
      {{"DECR", "k"}, ":100\r\n"},
      {{"DECRBY", "k", "2"}, ":100\r\n"},
  };
  for (const auto& [cmd, ttl] : cases) {
    run({"SET", "k", "5", "EX", "100"});
    run(cmd);
    EXPECT_EQ(run({"TTL", "k"}), ttl) << cmd[0] << " " << cmd.back();
  }
}

TEST_F(ExpireTest, TypedApiAgreesWithCommands) {
  ASSERT_TRUE(store_.set("k", "v").ok());
  EXPECT_FALSE(store_.expire("missing", milliseconds(1000)));
  EXPECT_EQ(store_.pttl("missing"), -2);
  EXPECT_EQ(store_.ttl("missing"), -2);
  EXPECT_EQ(store_.pttl("k"), -1);
  EXPECT_EQ(store_.ttl("k"), -1);

  for (int64_t ms : {1500, 1499, 500, 499, 100000}) {
    EXPECT_TRUE(store_.expire("k", milliseconds(ms)));
    EXPECT_EQ(run({"PTTL", "k"}), int_reply(store_.pttl("k")));
    EXPECT_EQ(run({"TTL", "k"}), int_reply(store_.ttl("k")));
  }
  EXPECT_EQ(store_.ttl("k"), 100);
  run({"PEXPIRE", "k", "2500"});
  EXPECT_EQ(store_.pttl("k"), 2500);
  EXPECT_EQ(store_.ttl("k"), 3);

  // A TTL that overflows the expire time is refused, as PEXPIRE refuses it.
  EXPECT_FALSE(store_.expire("k", milliseconds(INT64_MAX)));
  EXPECT_EQ(store_.pttl("k"), 2500);
  // A negative TTL deletes, as PEXPIRE -1 does.
  EXPECT_TRUE(store_.expire("k", milliseconds(-1)));
  EXPECT_EQ(store_.pttl("k"), -2);

  ASSERT_TRUE(store_.set("s", "v", SetOptions{}.px(milliseconds(700))).ok());
  EXPECT_EQ(run({"PTTL", "s"}), ":700\r\n");
  EXPECT_EQ(store_.ttl("s"), 1);
  advance_ms(701);
  EXPECT_EQ(store_.pttl("s"), -2);
  EXPECT_EQ(run({"TTL", "s"}), ":-2\r\n");
}

// tick() runs one deterministic active cycle: with a ManualClock it never runs out of time.
TEST_F(ExpireTest, TickRemovesExpiredKeysOnly) {
  for (int i = 0; i < 10000; ++i) {
    run({"SET", key_n("dead:", i), "v", "PX", std::to_string(1 + i % 1000)});
  }
  for (int i = 0; i < 100; ++i) run({"SET", key_n("plain:", i), "v"});
  for (int i = 0; i < 100; ++i) run({"SET", key_n("alive:", i), "v", "EX", "1000"});
  advance_ms(1001);

  uint64_t deleted = 0;
  int ticks = 0;
  for (; ticks < 1000 && deleted < 10000; ++ticks) deleted += store_.tick();
  EXPECT_EQ(deleted, 10000u);
  EXPECT_EQ(store_.tick(), 0u);  // nothing left to delete: no live key was taken
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(store_.exists(key_n("plain:", i)), 1);
    EXPECT_EQ(store_.ttl(key_n("alive:", i)), 999);
  }
  EXPECT_EQ(store_.exists("dead:0"), 0);
}

TEST_F(ExpireTest, TickLeavesKeysBeforeTheirTime) {
  run({"SET", "k", "v", "PX", "100"});
  advance_ms(100);
  EXPECT_EQ(store_.tick(), 0u);
  advance_ms(1);
  EXPECT_EQ(store_.tick(), 1u);
  EXPECT_EQ(run({"EXISTS", "k"}), ":0\r\n");
}

TEST(ActiveExpireThread, DeletesKeysWithoutAccess) {
  auto store = Store::open(Options{}.with_active_expire(true).with_hz(100));
  ASSERT_TRUE(store.ok());
  Session s;
  for (int i = 0; i < 100; ++i) {
    std::string k = key_n("k", i);
    std::vector<std::string_view> argv = {"SET", k, "v", "PX", "50"};
    ASSERT_EQ(store->execute_resp(argv, s), "+OK\r\n");
  }
  ASSERT_TRUE(store->set("live", "v", {}, 1).ok());  // another db, never expires
  // SCAN with COUNT 1 and a MATCH nothing satisfies returns a non-zero cursor while db 0 holds
  // two or more keys, and it never expires keys (none match), so it observes without access.
  ScanOptions probe;
  probe.match = "no-such-key";
  probe.count = 1;
  EXPECT_NE(store->scan(0, probe).cursor, 0u);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (store->scan(0, probe).cursor != 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  EXPECT_EQ(store->scan(0, probe).cursor, 0u);
  EXPECT_EQ(store->tick(), 0u);  // the background cycle already did the work
  EXPECT_EQ(store->get("live", 1), "v");
}

TEST(ActiveExpireThread, StopsPromptlyOnDestruction) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    auto store = Store::open(Options{}.with_active_expire(true).with_hz(1));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store->set("k", "v").ok());
  }
  // hz 1 sleeps a second between cycles; destruction must wake the thread, not wait it out.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(ActiveExpireThread, SurvivesStoreMove) {
  auto opened = Store::open(Options{}.with_active_expire(true).with_hz(500));
  ASSERT_TRUE(opened.ok());
  Store store = std::move(opened.value());
  ASSERT_TRUE(store.set("k", "v", SetOptions{}.px(milliseconds(20))).ok());
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(store.exists("k"), 0);
}

}  // namespace
}  // namespace kevy
