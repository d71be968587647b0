// The equivalence modes' generator and flags (no servers needed): sequences are reproducible,
// keep the determinism rules of equiv_gen.h, and cover what the modes promise to cover.
#include "equiv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "equiv_gen.h"

namespace kevy::conformance::equiv {
namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

TEST(EquivGen, SameSeedSameSequence) {
  GenOptions o;
  const Sequence a = generate(sequence_seed(7, 3), o);
  const Sequence b = generate(sequence_seed(7, 3), o);
  ASSERT_EQ(a.steps.size(), b.steps.size());
  for (size_t i = 0; i < a.steps.size(); ++i) EXPECT_EQ(a.steps[i].argv, b.steps[i].argv);
  EXPECT_EQ(a.absolute_ttls, b.absolute_ttls);
  EXPECT_NE(sequence_seed(7, 3), sequence_seed(7, 4));
  EXPECT_NE(sequence_seed(7, 3), sequence_seed(8, 3));
}

TEST(EquivGen, KeepsTheDeterminismRules) {
  for (bool aof : {false, true}) {
    GenOptions o;
    o.aof = aof;
    for (int i = 0; i < 300; ++i) {
      const Sequence s = generate(sequence_seed(11, i), o);
      EXPECT_EQ(check_unstable_rule(s), "") << "sequence " << i;
      EXPECT_TRUE(balanced(s.steps)) << "sequence " << i;
      int rewrites = 0;
      for (const Step& st : s.steps) {
        if (st.is_sleep()) continue;
        const std::string name = upper(st.argv[0]);
        rewrites += name == "BGREWRITEAOF";
        EXPECT_NE(name, "SRANDMEMBER");
        EXPECT_NE(name, "RANDOMKEY");
        if (name == "ZREMRANGEBYLEX") {
          EXPECT_EQ(st.argv[1], "z:lex");  // lex ranges only where every score is 0
        }
        if (name == "ZADD" && st.argv[1] == "z:lex") {
          for (size_t j = 2; j < st.argv.size(); j += 2) EXPECT_EQ(st.argv[j], "0");
        }
        if (name == "SPOP") {
          EXPECT_EQ(st.argv.size(), 3u);  // only the form that empties the set
        }
        if (!aof) {
          EXPECT_NE(name, "BGREWRITEAOF");
        } else {
          EXPECT_NE(name, "DEBUG");
          // Redis-side AOF gaps the AOF sequences stay away from (equiv_gen.cc).
          EXPECT_TRUE(std::find(st.argv.begin(), st.argv.end(), "FAIL") == st.argv.end());
          if (!s.rdb_preamble && name == "ZADD") {
            EXPECT_TRUE(std::find(st.argv.begin(), st.argv.end(), "-0") == st.argv.end());
          }
        }
        if (s.absolute_ttls) {
          // No relative long TTLs: both servers must hold the same expiry times.
          EXPECT_NE(name, "EXPIRE");
          EXPECT_NE(name, "SETEX");
          for (size_t j = 2; j + 1 < st.argv.size(); ++j) {
            if (name == "SET" || name == "GETEX") {
              EXPECT_NE(st.argv[j], "EX");
            }
          }
        } else {
          EXPECT_TRUE(std::find(st.argv.begin(), st.argv.end(), "GT") == st.argv.end());
          EXPECT_TRUE(std::find(st.argv.begin(), st.argv.end(), "LT") == st.argv.end());
        }
      }
      EXPECT_LE(rewrites, 1);
    }
  }
}

TEST(EquivGen, RuleCheckerCatchesAViolation) {
  Sequence s;
  s.steps = {Step{{"SET", "s:1", "v", "PX", "5"}, 0}, Step{{"GET", "s:1"}, 0}};
  EXPECT_NE(check_unstable_rule(s), "");
  s.steps = {Step{{"SET", "s:1", "v", "PX", "5"}, 0}, Step{{}, kSettleSleepMs},
             Step{{"GET", "s:1"}, 0}};
  EXPECT_EQ(check_unstable_rule(s), "");
  s.steps = {Step{{"PEXPIRE", "l:1", "3"}, 0}};
  EXPECT_NE(check_unstable_rule(s), "");  // ends unstable
  EXPECT_FALSE(balanced({Step{{"MULTI"}, 0}}));
  EXPECT_FALSE(balanced({Step{{"EXEC"}, 0}}));
  EXPECT_TRUE(balanced({Step{{"MULTI"}, 0}, Step{{"SET", "a", "b"}, 0}, Step{{"EXEC"}, 0}}));
}

// Over a few hundred sequences every promised shape shows up.
TEST(EquivGen, CoversTypesDbsExpiryAndBigEncodings) {
  std::map<std::string, int> seen;
  for (bool aof : {false, true}) {
    GenOptions o;
    o.aof = aof;
    for (int i = 0; i < 200; ++i) {
      const Sequence s = generate(sequence_seed(5, i), o);
      seen[s.absolute_ttls ? "absolute" : "relative"]++;
      if (aof && !s.rdb_preamble) seen["no-preamble"]++;
      for (const Step& st : s.steps) {
        if (st.is_sleep()) {
          seen["sleep"]++;
          continue;
        }
        const std::string name = upper(st.argv[0]);
        seen[name]++;
        const size_t n = st.argv.size();
        if ((name == "RPUSH" || name == "LPUSH") && n > 1500) seen["list>1500"]++;
        if (name == "HSET" && (n - 2) / 2 > 128) seen["hash>128"]++;
        if (name == "HSET" && (n - 2) / 2 > 512) seen["hash>512"]++;
        if (name == "SADD" && n - 2 > 512) seen["set>512"]++;
        if (name == "ZADD" && (n - 2) / 2 > 128) seen["zset>128"]++;
        for (size_t j = 2; j < n; ++j) {
          if (st.argv[j].size() > 64 && st.argv[j].size() < 400) seen["value>64"]++;
          if (st.argv[j].size() > 8192) seen["value>8k"]++;
        }
        for (size_t j = 2; j + 1 < n; ++j) {
          if (st.argv[j] == "PX" && st.argv[j + 1].size() <= 2) seen["short-ttl"]++;
          if (st.argv[j] == "PXAT" && st.argv[j + 1].size() > 12) seen["pxat"]++;
        }
      }
    }
  }
  for (const char* what : {"absolute",  "relative",       "no-preamble", "sleep",        "SELECT",
                           "MOVE",      "SWAPDB",         "COPY",        "BGREWRITEAOF", "DEBUG",
                           "SORT",      "ZUNIONSTORE",    "SINTERSTORE", "LMOVE",        "PEXPIRE",
                           "PEXPIREAT", "EXPIREAT",       "PERSIST",     "list>1500",    "hash>128",
                           "hash>512",  "set>512",        "zset>128",    "value>64",     "value>8k",
                           "short-ttl", "pxat",           "INCRBYFLOAT", "HINCRBYFLOAT", "SETBIT",
                           "RENAME",    "ZREMRANGEBYLEX", "ZRANGESTORE"}) {
    EXPECT_GT(seen[what], 0) << what;
  }
}

TEST(EquivOptions, ParsesFlags) {
  Options o;
  std::string error;
  ASSERT_TRUE(parse_options({"--seed", "9", "--sequences=30", "--length", "12", "--no-shrink",
                             "--fault", "key", "--out", "d"},
                            Persistence::kAof, &o, &error))
      << error;
  EXPECT_EQ(o.seed, 9u);
  EXPECT_EQ(o.sequences, 30);
  EXPECT_EQ(o.length, 12);
  EXPECT_FALSE(o.shrink);
  EXPECT_EQ(o.fault, "key");
  EXPECT_EQ(o.out_dir, "d");
  EXPECT_EQ(o.mode, Persistence::kAof);
  EXPECT_FALSE(parse_options({"--sequences", "0"}, Persistence::kRdb, &o, &error));
  EXPECT_FALSE(parse_options({"--fault", "nope"}, Persistence::kRdb, &o, &error));
  EXPECT_FALSE(parse_options({"--bogus"}, Persistence::kRdb, &o, &error));
  EXPECT_FALSE(parse_options({"extra"}, Persistence::kRdb, &o, &error));
}

}  // namespace
}  // namespace kevy::conformance::equiv
