// Tests of the forms write commands propagate (core/propagation.h): for every family, what
// redis-server 7.0.15 wrote into its AOF (appendonlydir/*.incr.aof) for the same command —
// relative times made absolute, random choices made explicit, blocking and multi-key pops as
// plain pops — and which writes that changed nothing it did not write at all. The fixture's
// clock is fixed (1700000000000 ms), so the absolute times are known. The Store's AOF wraps a
// unit of several ops in MULTI/EXEC; here the unit's op list is checked.
#include <gtest/gtest.h>

#include <set>
#include <string_view>
#include <utility>
#include <string>
#include <vector>

#include "test_support/keyspace_fixture.h"

namespace kevy {
namespace {

using Ops = std::vector<std::string>;

class PropagationTest : public KeyspaceFixture {
 protected:
  void SetUp() override { ks_.propagation().set_active(true); }

  // Runs argv and returns the ops its unit propagated, each as its arguments joined by single
  // spaces, prefixed "[db] " when not in db 0.
  Ops ops(std::initializer_list<std::string_view> argv) {
    last_reply_ = run(argv);
    return take();
  }
  Ops ops(const std::vector<std::string>& argv) {
    last_reply_ = run(argv);
    return take();
  }
  // Runs argv for its effect only (setting up a case), dropping what it propagated.
  void setup(std::initializer_list<std::string_view> argv) {
    const std::string reply = run(argv);
    ASSERT_NE(reply[0], '-') << reply;
    ks_.propagation().take();
  }
  Ops take() {
    Ops out;
    for (const PropagatedOp& op : ks_.propagation().take()) {
      std::string line = op.db == 0 ? "" : "[" + std::to_string(op.db) + "] ";
      for (size_t i = 0; i < op.argv.size(); ++i) {
        if (i > 0) line += ' ';
        line += op.argv[i];
      }
      out.push_back(std::move(line));
    }
    return out;
  }
  // now + delta_ms as the decimal text of a PXAT/PEXPIREAT time.
  std::string at(int64_t delta_ms) const { return std::to_string(kNow + delta_ms); }

  // The bulk strings of the last reply, a RESP2 flat array of bulks.
  std::vector<std::string> last_bulks() const {
    std::vector<std::string> out;
    size_t i = last_reply_.find("\r\n") + 2;
    while (i < last_reply_.size()) {
      const size_t eol = last_reply_.find("\r\n", i);
      const size_t len = std::stoul(last_reply_.substr(i + 1, eol - i - 1));
      out.push_back(last_reply_.substr(eol + 2, len));
      i = eol + 2 + len + 2;
    }
    return out;
  }

  static constexpr int64_t kNow = 1700000000000;
  std::string last_reply_;
};

const Ops kNone;

// ---- strings

TEST_F(PropagationTest, SetAsTypedOrAsPxat) {
  EXPECT_EQ(ops({"set", "a", "1"}), Ops{"set a 1"});
  EXPECT_EQ(ops({"set", "a", "3", "XX"}), Ops{"set a 3 XX"});
  EXPECT_EQ(ops({"set", "nx1", "v", "NX"}), Ops{"set nx1 v NX"});
  EXPECT_EQ(ops({"set", "y", "3", "KEEPTTL"}), Ops{"set y 3 KEEPTTL"});
  // Any expire: SET key value PXAT ms, NX/XX/GET dropped, upper case.
  EXPECT_EQ(ops({"set", "b", "1", "EX", "100"}), Ops{"SET b 1 PXAT " + at(100000)});
  EXPECT_EQ(ops({"set", "b", "1", "px", "100000"}), Ops{"SET b 1 PXAT " + at(100000)});
  EXPECT_EQ(ops({"set", "b", "1", "EXAT", "1"}), Ops{"SET b 1 PXAT 1000"});
  EXPECT_EQ(ops({"set", "y", "1", "EXAT", "4000000000"}), Ops{"SET y 1 PXAT 4000000000000"});
  EXPECT_EQ(ops({"set", "y", "2", "PXAT", "4000000000000"}), Ops{"SET y 2 PXAT 4000000000000"});
  EXPECT_EQ(ops({"set", "y", "6", "XX", "GET", "EX", "100"}), Ops{"SET y 6 PXAT " + at(100000)});
  EXPECT_EQ(ops({"set", "c", "1", "NX", "EX", "100"}), Ops{"SET c 1 PXAT " + at(100000)});
}

TEST_F(PropagationTest, SetGetDropsEveryGet) {
  setup({"set", "y", "1"});
  EXPECT_EQ(ops({"set", "y", "4", "GET"}), Ops{"set y 4"});
  EXPECT_EQ(ops({"set", "y", "4", "xx", "GET", "keepttl"}), Ops{"set y 4 xx keepttl"});
  EXPECT_EQ(ops({"set", "y", "5", "Get", "XX"}), Ops{"set y 5 XX"});
  EXPECT_EQ(ops({"set", "y", "7", "keepttl", "get", "xx", "GET"}), Ops{"set y 7 keepttl xx"});
  // Matched as a C string: "get\0x" is GET.
  EXPECT_EQ(ops(std::vector<std::string>{"set", "y", "8", std::string("get\0x", 5)}),
            Ops{"set y 8"});
}

TEST_F(PropagationTest, SetThatSetNothingIsNotPropagated) {
  setup({"set", "a", "1"});
  EXPECT_EQ(ops({"set", "a", "2", "NX"}), kNone);
  EXPECT_EQ(ops({"set", "a", "6", "GET", "NX"}), kNone);
  EXPECT_EQ(ops({"set", "sx", "1", "XX"}), kNone);
  EXPECT_EQ(ops({"set", "sx", "1", "XX", "EX", "10"}), kNone);
  EXPECT_EQ(ops({"setnx", "a", "1"}), kNone);
  EXPECT_EQ(ops({"setnx", "sn", "1"}), Ops{"setnx sn 1"});
  // An error reply is never propagated.
  setup({"lpush", "l", "x"});
  EXPECT_EQ(ops({"set", "l", "v", "GET"}), kNone);
  EXPECT_EQ(ops({"set", "a", "v", "EX", "0"}), kNone);
}

TEST_F(PropagationTest, SetexPsetexGetsetGetdel) {
  EXPECT_EQ(ops({"setex", "se", "100", "v"}), Ops{"SET se v PXAT " + at(100000)});
  EXPECT_EQ(ops({"psetex", "pse", "100000", "v"}), Ops{"SET pse v PXAT " + at(100000)});
  EXPECT_EQ(ops({"getset", "a", "9"}), Ops{"SET a 9"});
  EXPECT_EQ(ops({"getset", "gnew", "1"}), Ops{"SET gnew 1"});
  EXPECT_EQ(ops({"getdel", "a"}), Ops{"DEL a"});
  EXPECT_EQ(ops({"getdel", "missing"}), kNone);
}

TEST_F(PropagationTest, GetexAsPexpireatPersistOrDel) {
  setup({"set", "y", "6"});
  EXPECT_EQ(ops({"getex", "y"}), kNone);
  EXPECT_EQ(ops({"getex", "y", "PERSIST"}), kNone);  // no TTL to remove
  EXPECT_EQ(ops({"getex", "y", "EX", "100"}), Ops{"PEXPIREAT y " + at(100000)});
  EXPECT_EQ(ops({"getex", "y", "PX", "100000"}), Ops{"PEXPIREAT y " + at(100000)});
  EXPECT_EQ(ops({"getex", "y", "EXAT", "4000000000"}), Ops{"PEXPIREAT y 4000000000000"});
  EXPECT_EQ(ops({"getex", "y", "pxat", "4000000000000"}), Ops{"PEXPIREAT y 4000000000000"});
  EXPECT_EQ(ops({"getex", "y", "persist"}), Ops{"PERSIST y"});
  EXPECT_EQ(ops({"getex", "y", "PERSIST"}), kNone);
  EXPECT_EQ(ops({"getex", "missing", "EX", "10"}), kNone);
  EXPECT_EQ(ops({"getex", "y", "EXAT", "1"}), Ops{"DEL y"});
}

TEST_F(PropagationTest, CountersAndFloats) {
  EXPECT_EQ(ops({"incr", "i"}), Ops{"incr i"});
  EXPECT_EQ(ops({"decr", "i"}), Ops{"decr i"});
  EXPECT_EQ(ops({"incrby", "i", "5"}), Ops{"incrby i 5"});
  EXPECT_EQ(ops({"decrby", "i", "5"}), Ops{"decrby i 5"});
  // INCRBYFLOAT: SET key <sum as replied> KEEPTTL.
  EXPECT_EQ(ops({"incrbyfloat", "f", "1.5"}), Ops{"SET f 1.5 KEEPTTL"});
  EXPECT_EQ(ops({"incrbyfloat", "f", "1e2"}), Ops{"SET f 101.5 KEEPTTL"});
  EXPECT_EQ(ops({"incrbyfloat", "f", "0.1"}), Ops{"SET f 101.6 KEEPTTL"});
  EXPECT_EQ(ops({"incrbyfloat", "fx", "3"}), Ops{"SET fx 3 KEEPTTL"});
  setup({"set", "big", "1"});
  EXPECT_EQ(ops({"incrbyfloat", "big", "1.23456789012345678"}),
            Ops{"SET big 2.23456789012345678 KEEPTTL"});
  EXPECT_EQ(ops({"incrbyfloat", "big", "x"}), kNone);
}

TEST_F(PropagationTest, AppendSetrangeMsetMsetnx) {
  EXPECT_EQ(ops({"append", "ap", "x"}), Ops{"append ap x"});
  EXPECT_EQ(ops({"append", "ap", ""}), Ops{"append ap "});
  EXPECT_EQ(ops({"append", "apm", ""}), Ops{"append apm "});  // creates an empty string
  EXPECT_EQ(ops({"setrange", "sr", "0", "abc"}), Ops{"setrange sr 0 abc"});
  EXPECT_EQ(ops({"setrange", "sr", "1", "abc"}), Ops{"setrange sr 1 abc"});  // same bytes
  EXPECT_EQ(ops({"setrange", "sr", "1", ""}), kNone);
  EXPECT_EQ(ops({"setrange", "srm", "3", ""}), kNone);
  EXPECT_EQ(ops({"mset", "m1", "1", "m2", "2"}), Ops{"mset m1 1 m2 2"});
  EXPECT_EQ(ops({"msetnx", "m1", "1", "m3", "3"}), kNone);
  EXPECT_EQ(ops({"msetnx", "m4", "1", "m5", "3"}), Ops{"msetnx m4 1 m5 3"});
}

// ---- keyspace

TEST_F(PropagationTest, DelUnlinkOnlyWhenSomethingWasDeleted) {
  setup({"mset", "k1", "v", "k2", "v"});
  EXPECT_EQ(ops({"del", "k1", "missing", "k2"}), Ops{"del k1 missing k2"});
  EXPECT_EQ(ops({"del", "missing"}), kNone);
  EXPECT_EQ(ops({"unlink", "missing"}), kNone);
  setup({"set", "k1", "v"});
  EXPECT_EQ(ops({"unlink", "k1", "missing"}), Ops{"unlink k1 missing"});
}

TEST_F(PropagationTest, RenameCopyMove) {
  setup({"set", "k1", "v"});
  EXPECT_EQ(ops({"rename", "k1", "k2"}), Ops{"rename k1 k2"});
  EXPECT_EQ(ops({"rename", "k2", "k2"}), kNone);
  EXPECT_EQ(ops({"rename", "nope", "k2"}), kNone);  // an error
  EXPECT_EQ(ops({"renamenx", "k2", "k3"}), Ops{"renamenx k2 k3"});
  setup({"set", "k4", "v"});
  EXPECT_EQ(ops({"renamenx", "k3", "k4"}), kNone);
  EXPECT_EQ(ops({"renamenx", "k3", "k3"}), kNone);
  EXPECT_EQ(ops({"copy", "k3", "k5"}), Ops{"copy k3 k5"});
  EXPECT_EQ(ops({"copy", "k3", "k5"}), kNone);
  EXPECT_EQ(ops({"copy", "k3", "k5", "REPLACE"}), Ops{"copy k3 k5 REPLACE"});
  EXPECT_EQ(ops({"copy", "k3", "k5", "db", "1"}), Ops{"copy k3 k5 db 1"});
  EXPECT_EQ(ops({"copy", "missing", "k9"}), kNone);
  setup({"set", "mv", "v"});
  EXPECT_EQ(ops({"move", "mv", "1"}), Ops{"move mv 1"});
  EXPECT_EQ(ops({"move", "mv", "1"}), kNone);
  EXPECT_EQ(ops({"move", "k5", "1"}), kNone);  // exists in db 1
  EXPECT_EQ(ops({"touch", "k3"}), kNone);
}

TEST_F(PropagationTest, ExpireFamilyAsPexpireat) {
  setup({"set", "e", "v"});
  EXPECT_EQ(ops({"expire", "e", "100"}), Ops{"PEXPIREAT e " + at(100000)});
  EXPECT_EQ(ops({"pexpire", "e", "100000"}), Ops{"PEXPIREAT e " + at(100000)});
  EXPECT_EQ(ops({"expireat", "e", "4000000000"}), Ops{"PEXPIREAT e 4000000000000"});
  EXPECT_EQ(ops({"pexpireat", "e", "4000000000000"}), Ops{"pexpireat e 4000000000000"});
  // Options follow as typed.
  EXPECT_EQ(ops({"expire", "e", "100", "NX"}), kNone);
  EXPECT_EQ(ops({"expire", "e", "200", "XX"}), Ops{"PEXPIREAT e " + at(200000) + " XX"});
  EXPECT_EQ(ops({"expire", "e", "100", "GT"}), kNone);
  EXPECT_EQ(ops({"expire", "e", "50", "lt"}), Ops{"PEXPIREAT e " + at(50000) + " lt"});
  EXPECT_EQ(ops({"expire", "missing", "10"}), kNone);
  // A time already past deletes the key: DEL.
  EXPECT_EQ(ops({"expire", "e", "-1"}), Ops{"DEL e"});
  const std::pair<std::string_view, std::string_view> past[] = {
      {"pexpire", "0"}, {"expireat", "1"}, {"pexpireat", "1"}};
  for (const auto& [cmd, when] : past) {
    setup({"set", "e", "v"});
    EXPECT_EQ(ops({cmd, "e", when}), Ops{"DEL e"}) << cmd;
  }
  EXPECT_EQ(ops({"pexpireat", "missing", "1"}), kNone);
  setup({"set", "n", "v"});
  EXPECT_EQ(ops({"expire", "n", "100", "nx"}), Ops{"PEXPIREAT n " + at(100000) + " nx"});
}

TEST_F(PropagationTest, PersistOnlyWhenATtlWasRemoved) {
  setup({"set", "e", "v"});
  EXPECT_EQ(ops({"persist", "e"}), kNone);
  setup({"set", "e", "v", "EX", "100"});
  EXPECT_EQ(ops({"persist", "e"}), Ops{"persist e"});
  EXPECT_EQ(ops({"persist", "e"}), kNone);
  EXPECT_EQ(ops({"persist", "missing"}), kNone);
}

TEST_F(PropagationTest, LazilyExpiredKeyIsDeletedFirst) {
  setup({"set", "a", "1", "PX", "100"});
  advance_ms(200);
  EXPECT_EQ(ops({"incr", "a"}), (Ops{"DEL a", "incr a"}));
  setup({"set", "b", "1", "PX", "100"});
  advance_ms(200);
  EXPECT_EQ(ops({"del", "b"}), Ops{"DEL b"});
}

TEST_F(PropagationTest, RestoreWithRelativeTtlBecomesAbsttl) {
  setup({"set", "t", "v"});
  const std::string dump = run({"dump", "t"});
  // "$<len>\r\n<payload>\r\n"
  const size_t eol = dump.find("\r\n");
  const std::string payload = dump.substr(eol + 2, std::stoul(dump.substr(1, eol - 1)));
  auto restore = [&](std::vector<std::string> argv) {
    last_reply_ = run(argv);
    EXPECT_EQ(last_reply_, "+OK\r\n");
    std::vector<std::vector<std::string>> out;
    for (auto& op : ks_.propagation().take()) out.push_back(op.argv);
    return out;
  };
  using Forms = std::vector<std::vector<std::string>>;
  EXPECT_EQ(restore({"restore", "r1", "0", payload}), (Forms{{"restore", "r1", "0", payload}}));
  EXPECT_EQ(restore({"restore", "r2", "100000", payload}),
            (Forms{{"restore", "r2", at(100000), payload, "ABSTTL"}}));
  EXPECT_EQ(restore({"restore", "r3", "4000000000000", payload, "ABSTTL"}),
            (Forms{{"restore", "r3", "4000000000000", payload, "ABSTTL"}}));
  EXPECT_EQ(restore({"restore", "r3", "0", payload, "REPLACE"}),
            (Forms{{"restore", "r3", "0", payload, "REPLACE"}}));
  EXPECT_EQ(restore({"restore", "r4", "1000", payload, "replace", "idletime", "5"}),
            (Forms{{"restore", "r4", at(1000), payload, "replace", "idletime", "5", "ABSTTL"}}));
  EXPECT_EQ(restore({"restore", "r5", "0", payload, "FREQ", "5"}),
            (Forms{{"restore", "r5", "0", payload, "FREQ", "5"}}));
  // Already expired: only the deletion REPLACE made propagates, as DEL.
  EXPECT_EQ(restore({"restore", "r6", "1", payload, "ABSTTL"}), Forms{});
  EXPECT_EQ(restore({"restore", "r4", "1000", payload, "absttl", "replace"}),
            (Forms{{"DEL", "r4"}}));
  EXPECT_EQ(restore({"restore", "r4", "1", payload, "replace", "ABSTTL"}), Forms{});
}

TEST_F(PropagationTest, FlushAndSwapdbAsTyped) {
  EXPECT_EQ(ops({"swapdb", "0", "1"}), Ops{"swapdb 0 1"});
  EXPECT_EQ(ops({"swapdb", "0", "0"}), Ops{"swapdb 0 0"});
  EXPECT_EQ(ops({"flushdb"}), Ops{"flushdb"});
  EXPECT_EQ(ops({"flushdb", "async"}), Ops{"flushdb async"});
  EXPECT_EQ(ops({"flushall"}), Ops{"flushall"});
  EXPECT_EQ(ops({"flushall", "SYNC"}), Ops{"flushall SYNC"});
}

TEST_F(PropagationTest, OpsCarryTheirDb) {
  setup({"select", "3"});
  EXPECT_EQ(ops({"set", "x", "1"}), Ops{"[3] set x 1"});
}

TEST_F(PropagationTest, NothingIsKeptWhileInactive) {
  ks_.propagation().set_active(false);
  EXPECT_EQ(ops({"set", "x", "1", "EX", "10"}), kNone);
  EXPECT_EQ(ops({"sadd", "s", "1", "2", "3"}), kNone);
  EXPECT_EQ(ops({"spop", "s", "2"}), kNone);
  EXPECT_EQ(ops({"sort", "s"}), kNone);
}

// ---- lists

TEST_F(PropagationTest, ListPushesAndPops) {
  EXPECT_EQ(ops({"lpush", "l", "a", "b", "c", "d", "e"}), Ops{"lpush l a b c d e"});
  EXPECT_EQ(ops({"rpush", "l", "f"}), Ops{"rpush l f"});
  EXPECT_EQ(ops({"lpushx", "missing", "a"}), kNone);
  EXPECT_EQ(ops({"rpushx", "missing", "a"}), kNone);
  EXPECT_EQ(ops({"lpushx", "l", "z"}), Ops{"lpushx l z"});
  EXPECT_EQ(ops({"rpushx", "l", "z"}), Ops{"rpushx l z"});
  EXPECT_EQ(ops({"lpop", "l"}), Ops{"lpop l"});
  EXPECT_EQ(ops({"rpop", "l"}), Ops{"rpop l"});
  EXPECT_EQ(ops({"lpop", "l", "2"}), Ops{"lpop l 2"});
  EXPECT_EQ(ops({"rpop", "l", "2"}), Ops{"rpop l 2"});
  EXPECT_EQ(ops({"lpop", "missing"}), kNone);
  EXPECT_EQ(ops({"lpop", "l", "0"}), kNone);
  EXPECT_EQ(ops({"lpop", "missing", "2"}), kNone);
  EXPECT_EQ(ops({"lpop", "l", "5"}), Ops{"lpop l 5"});  // as typed, whatever was popped
}

TEST_F(PropagationTest, ListEditsThatChangeNothing) {
  setup({"rpush", "l", "a", "b", "c"});
  EXPECT_EQ(ops({"lset", "l", "0", "X"}), Ops{"lset l 0 X"});
  EXPECT_EQ(ops({"linsert", "l", "before", "X", "Y"}), Ops{"linsert l before X Y"});
  EXPECT_EQ(ops({"linsert", "l", "before", "nope", "Y"}), kNone);
  EXPECT_EQ(ops({"linsert", "missing", "before", "a", "b"}), kNone);
  EXPECT_EQ(ops({"lrem", "l", "0", "nope"}), kNone);
  EXPECT_EQ(ops({"lrem", "l", "1", "X"}), Ops{"lrem l 1 X"});
  EXPECT_EQ(ops({"lrem", "missing", "1", "X"}), kNone);
  EXPECT_EQ(ops({"ltrim", "l", "0", "-1"}), kNone);
  EXPECT_EQ(ops({"ltrim", "l", "-100", "100"}), kNone);
  EXPECT_EQ(ops({"ltrim", "l", "0", "0"}), Ops{"ltrim l 0 0"});
  EXPECT_EQ(ops({"ltrim", "missing", "0", "1"}), kNone);
  setup({"rpush", "l2", "a", "b", "c"});
  EXPECT_EQ(ops({"ltrim", "l2", "5", "10"}), Ops{"ltrim l2 5 10"});
}

TEST_F(PropagationTest, ListMoves) {
  setup({"rpush", "l3", "a", "b", "c"});
  EXPECT_EQ(ops({"rpoplpush", "l3", "l4"}), Ops{"rpoplpush l3 l4"});
  EXPECT_EQ(ops({"rpoplpush", "missing", "l4"}), kNone);
  EXPECT_EQ(ops({"lmove", "l3", "l4", "LEFT", "RIGHT"}), Ops{"lmove l3 l4 LEFT RIGHT"});
  EXPECT_EQ(ops({"lmove", "l3", "l3", "left", "left"}), Ops{"lmove l3 l3 left left"});
  EXPECT_EQ(ops({"lmove", "missing", "l3", "left", "left"}), kNone);
}

TEST_F(PropagationTest, MultiKeyAndBlockingListPopsAsPlainPops) {
  setup({"rpush", "l5", "a", "b", "c"});
  EXPECT_EQ(ops({"lmpop", "2", "missing", "l5", "LEFT", "COUNT", "5"}), Ops{"LPOP l5 3"});
  setup({"rpush", "l5", "a", "b", "c"});
  EXPECT_EQ(ops({"lmpop", "1", "l5", "RIGHT"}), Ops{"RPOP l5 1"});
  EXPECT_EQ(ops({"lmpop", "1", "l5", "right", "count", "1"}), Ops{"RPOP l5 1"});
  EXPECT_EQ(ops({"lmpop", "1", "missing", "RIGHT", "COUNT", "1"}), kNone);
  setup({"rpush", "l6", "a", "b", "c", "d", "e", "f"});
  EXPECT_EQ(ops({"blpop", "l6", "0"}), Ops{"LPOP l6"});
  EXPECT_EQ(ops({"brpop", "l6", "0"}), Ops{"RPOP l6"});
  EXPECT_EQ(ops({"blpop", "missing", "l6", "0"}), Ops{"LPOP l6"});
  EXPECT_EQ(ops({"blmove", "l6", "l7", "left", "RIGHT", "0"}), Ops{"LMOVE l6 l7 left RIGHT"});
  EXPECT_EQ(ops({"brpoplpush", "l6", "l7", "0"}), Ops{"RPOPLPUSH l6 l7"});
  EXPECT_EQ(ops({"blmpop", "0", "1", "l6", "LEFT", "COUNT", "3"}), Ops{"LPOP l6 1"});
  EXPECT_EQ(ops({"blmpop", "0", "1", "l6", "right"}), kNone);  // empty now: would block
  // Nothing to pop (kevy answers the timeout reply at once): nothing propagated.
  EXPECT_EQ(ops({"blpop", "missing", "1"}), kNone);
  EXPECT_EQ(ops({"brpop", "missing", "1"}), kNone);
  EXPECT_EQ(ops({"blmove", "missing", "l7", "LEFT", "RIGHT", "1"}), kNone);
  EXPECT_EQ(ops({"brpoplpush", "missing", "l7", "1"}), kNone);
}

// ---- hashes

TEST_F(PropagationTest, Hashes) {
  EXPECT_EQ(ops({"hset", "h", "f", "1", "g", "2"}), Ops{"hset h f 1 g 2"});
  EXPECT_EQ(ops({"hset", "h", "f", "1"}), Ops{"hset h f 1"});  // even unchanged
  EXPECT_EQ(ops({"hsetnx", "h", "f", "3"}), kNone);
  EXPECT_EQ(ops({"hsetnx", "h", "n", "3"}), Ops{"hsetnx h n 3"});
  EXPECT_EQ(ops({"hmset", "h", "f", "1"}), Ops{"hmset h f 1"});
  EXPECT_EQ(ops({"hdel", "h", "nope"}), kNone);
  EXPECT_EQ(ops({"hdel", "h", "f", "nope"}), Ops{"hdel h f nope"});
  EXPECT_EQ(ops({"hdel", "missing", "f"}), kNone);
  EXPECT_EQ(ops({"hincrby", "h", "i", "0"}), Ops{"hincrby h i 0"});
  // HINCRBYFLOAT: HSET key field <sum as replied>.
  EXPECT_EQ(ops({"hincrbyfloat", "h", "fl", "2.5"}), Ops{"HSET h fl 2.5"});
  EXPECT_EQ(ops({"hincrbyfloat", "h", "fl", "0"}), Ops{"HSET h fl 2.5"});
  EXPECT_EQ(ops({"hincrbyfloat", "h", "fl", "1e3"}), Ops{"HSET h fl 1002.5"});
  EXPECT_EQ(ops({"hincrbyfloat", "h", "fl", "0.1"}), Ops{"HSET h fl 1002.59999999999999998"});
  EXPECT_EQ(ops({"hincrbyfloat", "h", "fl", "-1002.6"}), Ops{"HSET h fl 0"});
  setup({"hset", "h", "big", "1.5"});
  EXPECT_EQ(ops({"hincrbyfloat", "h", "big", "3.0e0"}), Ops{"HSET h big 4.5"});
}

// ---- sets

TEST_F(PropagationTest, SetAddRemMove) {
  EXPECT_EQ(ops({"sadd", "s", "1", "2", "3"}), Ops{"sadd s 1 2 3"});
  EXPECT_EQ(ops({"sadd", "s", "1"}), kNone);
  EXPECT_EQ(ops({"sadd", "s", "1", "4"}), Ops{"sadd s 1 4"});
  EXPECT_EQ(ops({"srem", "s", "9"}), kNone);
  EXPECT_EQ(ops({"srem", "s", "1", "9"}), Ops{"srem s 1 9"});
  EXPECT_EQ(ops({"srem", "missing", "1"}), kNone);
  setup({"sadd", "s2", "a"});
  EXPECT_EQ(ops({"smove", "s", "s2", "2"}), Ops{"smove s s2 2"});
  EXPECT_EQ(ops({"smove", "s", "s2", "99"}), kNone);
  EXPECT_EQ(ops({"smove", "missing", "s2", "1"}), kNone);
  EXPECT_EQ(ops({"smove", "s", "s", "3"}), kNone);
  EXPECT_EQ(ops({"smove", "s", "s", "99"}), kNone);
}

TEST_F(PropagationTest, SetStores) {
  setup({"sadd", "s3", "a"});
  setup({"sadd", "s4", "b"});
  EXPECT_EQ(ops({"sinterstore", "d", "s3", "s4"}), kNone);  // empty, no d to delete
  EXPECT_EQ(ops({"sunionstore", "d", "s3", "s4"}), Ops{"sunionstore d s3 s4"});
  EXPECT_EQ(ops({"sunionstore", "d", "s3", "s4"}), Ops{"sunionstore d s3 s4"});
  EXPECT_EQ(ops({"sdiffstore", "d", "s3", "s4"}), Ops{"sdiffstore d s3 s4"});
  EXPECT_EQ(ops({"sdiffstore", "d", "missing"}), Ops{"sdiffstore d missing"});  // deleted d
  EXPECT_EQ(ops({"sdiffstore", "d", "missing"}), kNone);
}

TEST_F(PropagationTest, SpopWithoutCountIsOneSrem) {
  setup({"sadd", "s", "1", "2"});
  const Ops first = ops({"spop", "s"});
  const std::string popped = last_reply_.substr(last_reply_.find("\r\n") + 2, 1);
  EXPECT_EQ(first, Ops{"SREM s " + popped});
  const Ops second = ops({"spop", "s"});
  const std::string last = last_reply_.substr(last_reply_.find("\r\n") + 2, 1);
  EXPECT_EQ(second, Ops{"SREM s " + last});  // the last member: still SREM, not DEL
  EXPECT_EQ(ops({"spop", "s"}), kNone);
  EXPECT_EQ(ops({"spop", "missing", "3"}), kNone);
  setup({"sadd", "s", "1", "2"});
  EXPECT_EQ(ops({"spop", "s", "0"}), kNone);
}

TEST_F(PropagationTest, SpopCountTakingEverythingIsDel) {
  setup({"sadd", "s", "1", "2", "3", "4", "5"});
  EXPECT_EQ(ops({"spop", "s", "5"}), Ops{"DEL s"});
  setup({"sadd", "s", "a", "b", "c", "d", "e"});
  EXPECT_EQ(ops({"spop", "s", "10"}), Ops{"DEL s"});
  setup({"sadd", "s", "1"});
  EXPECT_EQ(ops({"spop", "s", "1"}), Ops{"DEL s"});
}

// One SREM per popped member, in reply order, for intsets and hashtables, small and large
// counts (Redis's two sampling strategies propagate alike).
TEST_F(PropagationTest, SpopCountIsOneSremPerMember) {
  struct Case {
    std::string prefix;
    int size;
    int count;
  };
  for (const Case& c : {Case{"", 5, 2}, Case{"m", 5, 3}, Case{"", 20, 15}, Case{"a", 20, 15},
                        Case{"a", 20, 3}, Case{"", 200, 7}}) {
    std::vector<std::string> sadd{"sadd", "s"};
    for (int i = 1; i <= c.size; ++i) sadd.push_back(c.prefix + std::to_string(i));
    run(sadd);
    ks_.propagation().take();
    const Ops got = ops({"spop", "s", std::to_string(c.count)});
    const std::vector<std::string> popped = last_bulks();
    ASSERT_EQ(popped.size(), static_cast<size_t>(c.count));
    Ops want;
    for (const std::string& m : popped) want.push_back("SREM s " + m);
    EXPECT_EQ(got, want) << c.prefix << c.size << " " << c.count;
    EXPECT_EQ(std::set<std::string>(popped.begin(), popped.end()).size(), popped.size());
    run({"del", "s"});
    ks_.propagation().take();
  }
}

// ---- sorted sets

TEST_F(PropagationTest, ZaddZincrbyOnlyWhenSomethingChanged) {
  EXPECT_EQ(ops({"zadd", "z", "1", "a", "2", "b", "3", "c"}), Ops{"zadd z 1 a 2 b 3 c"});
  EXPECT_EQ(ops({"zadd", "z", "1", "a"}), kNone);
  EXPECT_EQ(ops({"zadd", "z", "5", "a"}), Ops{"zadd z 5 a"});
  EXPECT_EQ(ops({"zadd", "z", "NX", "9", "a"}), kNone);
  EXPECT_EQ(ops({"zadd", "z", "XX", "1", "zz"}), kNone);
  EXPECT_EQ(ops({"zadd", "missing", "XX", "1", "zz"}), kNone);
  EXPECT_EQ(ops({"zadd", "z", "GT", "0", "a"}), kNone);
  EXPECT_EQ(ops({"zadd", "z", "CH", "5", "a"}), kNone);
  EXPECT_EQ(ops({"zadd", "z", "INCR", "0", "a"}), kNone);
  EXPECT_EQ(ops({"zadd", "z", "INCR", "1", "a"}), Ops{"zadd z INCR 1 a"});
  EXPECT_EQ(ops({"zadd", "z", "NX", "INCR", "1", "a"}), kNone);
  EXPECT_EQ(ops({"zincrby", "z", "0", "a"}), kNone);
  EXPECT_EQ(ops({"zincrby", "z", "1.5", "a"}), Ops{"zincrby z 1.5 a"});
  EXPECT_EQ(ops({"zincrby", "z", "1", "new"}), Ops{"zincrby z 1 new"});
}

TEST_F(PropagationTest, ZremAndRanges) {
  setup({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "new"});
  EXPECT_EQ(ops({"zrem", "z", "nope"}), kNone);
  EXPECT_EQ(ops({"zrem", "z", "new", "nope"}), Ops{"zrem z new nope"});
  EXPECT_EQ(ops({"zrem", "missing", "a"}), kNone);
  EXPECT_EQ(ops({"zremrangebyrank", "z", "10", "20"}), kNone);
  EXPECT_EQ(ops({"zremrangebyrank", "z", "0", "0"}), Ops{"zremrangebyrank z 0 0"});
  EXPECT_EQ(ops({"zremrangebyscore", "z", "100", "200"}), kNone);
  EXPECT_EQ(ops({"zremrangebylex", "z", "[x", "[y"}), kNone);
  EXPECT_EQ(ops({"zremrangebyscore", "missing", "0", "1"}), kNone);
  setup({"zadd", "zl", "0", "a", "0", "b", "0", "c"});
  EXPECT_EQ(ops({"zremrangebylex", "zl", "[a", "[a"}), Ops{"zremrangebylex zl [a [a"});
  EXPECT_EQ(ops({"zremrangebyscore", "zl", "0", "0"}), Ops{"zremrangebyscore zl 0 0"});
}

TEST_F(PropagationTest, ZsetStores) {
  setup({"zadd", "z", "2", "b", "3", "c"});
  EXPECT_EQ(ops({"zrangestore", "dst", "z", "0", "-1"}), Ops{"zrangestore dst z 0 -1"});
  EXPECT_EQ(ops({"zrangestore", "dst", "z", "10", "20"}), Ops{"zrangestore dst z 10 20"});
  EXPECT_EQ(ops({"zrangestore", "dst", "z", "10", "20"}), kNone);
  setup({"zadd", "z1", "1", "a", "2", "b"});
  setup({"zadd", "z2", "3", "b", "4", "c"});
  EXPECT_EQ(ops({"zunionstore", "zd", "2", "z1", "z2"}), Ops{"zunionstore zd 2 z1 z2"});
  EXPECT_EQ(ops({"zinterstore", "zd", "2", "z1", "z2", "WEIGHTS", "1", "2"}),
            Ops{"zinterstore zd 2 z1 z2 WEIGHTS 1 2"});
  EXPECT_EQ(ops({"zdiffstore", "zd", "2", "missing", "z2"}), Ops{"zdiffstore zd 2 missing z2"});
  EXPECT_EQ(ops({"zdiffstore", "zd", "2", "missing", "z2"}), kNone);
  EXPECT_EQ(ops({"zinterstore", "zd", "2", "missing", "z2"}), kNone);
}

TEST_F(PropagationTest, ZsetPops) {
  setup({"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"});
  EXPECT_EQ(ops({"zpopmin", "z"}), Ops{"zpopmin z"});
  EXPECT_EQ(ops({"zpopmax", "z"}), Ops{"zpopmax z"});
  EXPECT_EQ(ops({"zpopmin", "z", "2"}), Ops{"zpopmin z 2"});
  EXPECT_EQ(ops({"zpopmin", "z", "0"}), kNone);
  EXPECT_EQ(ops({"zpopmin", "missing"}), kNone);
  EXPECT_EQ(ops({"zpopmin", "missing", "2"}), kNone);
  EXPECT_EQ(ops({"zpopmax", "z", "10"}), Ops{"zpopmax z 10"});
  setup({"zadd", "z", "1", "a", "2", "b", "3", "c"});
  EXPECT_EQ(ops({"zmpop", "2", "missing", "z", "MIN"}), Ops{"ZPOPMIN z 1"});
  EXPECT_EQ(ops({"zmpop", "1", "z", "max", "COUNT", "5"}), Ops{"ZPOPMAX z 2"});
  EXPECT_EQ(ops({"zmpop", "1", "z", "MAX", "COUNT", "5"}), kNone);
  setup({"zadd", "z", "1", "a", "2", "b", "3", "c"});
  EXPECT_EQ(ops({"bzpopmin", "z", "0"}), Ops{"ZPOPMIN z"});
  EXPECT_EQ(ops({"bzpopmax", "missing", "z", "0"}), Ops{"ZPOPMAX z"});
  EXPECT_EQ(ops({"bzmpop", "0", "1", "z", "MIN", "COUNT", "10"}), Ops{"ZPOPMIN z 1"});
  EXPECT_EQ(ops({"bzmpop", "1", "1", "z", "MAX"}), kNone);
  EXPECT_EQ(ops({"bzpopmin", "z", "1"}), kNone);
  setup({"zadd", "z", "1", "a", "2", "b", "3", "c"});
  EXPECT_EQ(ops({"zrandmember", "z", "2"}), kNone);  // read-only
}

// ---- SORT

TEST_F(PropagationTest, SortOnlyWithAStoreThatChangedSomething) {
  setup({"rpush", "sl", "3", "1", "2"});
  EXPECT_EQ(ops({"sort", "sl", "STORE", "sd"}), Ops{"sort sl STORE sd"});
  EXPECT_EQ(ops({"sort", "sl", "STORE", "sd"}), Ops{"sort sl STORE sd"});
  EXPECT_EQ(ops({"sort", "missing", "STORE", "sd"}), Ops{"sort missing STORE sd"});  // deleted
  EXPECT_EQ(ops({"sort", "missing", "STORE", "sd"}), kNone);
  EXPECT_EQ(ops({"sort", "sl"}), kNone);
  EXPECT_EQ(ops({"sort", "sl", "LIMIT", "5", "10", "STORE", "sd"}), kNone);
  setup({"zadd", "z", "1", "a"});
  EXPECT_EQ(ops({"sort", "z", "ALPHA"}), kNone);
}

// ---- bitmaps

TEST_F(PropagationTest, SetbitOnlyWhenABitChangedOrTheStringGrew) {
  EXPECT_EQ(ops({"setbit", "b", "7", "1"}), Ops{"setbit b 7 1"});
  EXPECT_EQ(ops({"setbit", "b", "7", "1"}), kNone);
  EXPECT_EQ(ops({"setbit", "b", "7", "0"}), Ops{"setbit b 7 0"});
  EXPECT_EQ(ops({"setbit", "b", "100", "0"}), Ops{"setbit b 100 0"});  // grew
  EXPECT_EQ(ops({"setbit", "b", "100", "0"}), kNone);
  EXPECT_EQ(ops({"setbit", "nb", "0", "0"}), Ops{"setbit nb 0 0"});  // created
  setup({"set", "str", "1"});
  EXPECT_EQ(ops({"setbit", "str", "2", "1"}), kNone);  // '1' is 0x31: bit 2 already 1
}

TEST_F(PropagationTest, BitopOnlyWhenTheDestinationChanged) {
  setup({"setbit", "b", "7", "1"});
  EXPECT_EQ(ops({"bitop", "AND", "bd", "b", "nb"}), Ops{"bitop AND bd b nb"});
  EXPECT_EQ(ops({"bitop", "AND", "bd", "missing", "missing2"}),
            Ops{"bitop AND bd missing missing2"});
  EXPECT_EQ(ops({"bitop", "AND", "bd", "missing", "missing2"}), kNone);
  EXPECT_EQ(ops({"bitop", "NOT", "bd", "b"}), Ops{"bitop NOT bd b"});
}

TEST_F(PropagationTest, BitfieldOnlyWhenAWriteChangedSomething) {
  EXPECT_EQ(ops({"bitfield", "bf", "SET", "u8", "0", "255"}), Ops{"bitfield bf SET u8 0 255"});
  EXPECT_EQ(ops({"bitfield", "bf", "SET", "u8", "0", "255"}), kNone);
  EXPECT_EQ(ops({"bitfield", "bf", "GET", "u8", "0"}), kNone);
  EXPECT_EQ(ops({"bitfield", "bf", "INCRBY", "u8", "0", "0"}), kNone);
  EXPECT_EQ(ops({"bitfield", "bf", "INCRBY", "u8", "0", "1"}),
            Ops{"bitfield bf INCRBY u8 0 1"});
  EXPECT_EQ(ops({"bitfield", "bf", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "1000"}), kNone);
  EXPECT_EQ(ops({"bitfield", "bfm", "GET", "u8", "0"}), kNone);
  EXPECT_EQ(ops({"bitfield", "bfm", "SET", "u8", "100", "0"}),
            Ops{"bitfield bfm SET u8 100 0"});  // created
  EXPECT_EQ(ops({"bitfield", "bfm", "SET", "u8", "100", "0"}), kNone);
  EXPECT_EQ(ops({"bitfield", "bfn", "INCRBY", "u8", "0", "0"}),
            Ops{"bitfield bfn INCRBY u8 0 0"});
  EXPECT_EQ(ops({"bitfield", "bfn", "GET", "u8", "0", "SET", "u8", "0", "1"}),
            Ops{"bitfield bfn GET u8 0 SET u8 0 1"});
  EXPECT_EQ(ops({"bitfield", "bfn", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "1000", "SET", "u8",
                 "0", "1"}),
            kNone);
  // Created by writes that all failed: the key exists, yet Redis propagates nothing.
  EXPECT_EQ(ops({"bitfield", "bfp", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "1000"}), kNone);
  EXPECT_EQ(run({"exists", "bfp"}), ":1\r\n");
}

}  // namespace
}  // namespace kevy
