// Tests of keyspace notifications (notify-keyspace-events) and signalModifiedKey for the
// string, bitmap, generic (DEL RENAME MOVE COPY ...), expiry, SORT STORE and RESTORE commands,
// lazy and active expiry and eviction. A recording KeyEventSink stands in for the pub/sub
// router and writes each event as the two messages Redis publishes ("<channel> <message>",
// __keyspace first, as ClientEvents does). Every expected sequence was recorded from
// redis-server 7.0.15 with PSUBSCRIBE '__key*__:*'.
#include "core/key_events.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "commands/expire.h"
#include "commands/keyspace.h"
#include "commands/strings.h"
#include "evict/eviction.h"
#include "test_support/family_test.h"
#include "test_support/keyspace_fixture.h"
#include "test_support/temp_dir.h"

namespace kevy {
namespace {

using Messages = std::vector<std::string>;

class RecordingSink final : public KeyEventSink {
 public:
  explicit RecordingSink(Keyspace& ks) : ks_(ks) {}
  void key_modified(int db, std::string_view key) override {
    modified.push_back(std::to_string(db) + ":" + std::string(key));
  }
  void keyspace_event(uint32_t, std::string_view event, int db, std::string_view key) override {
    const uint32_t f = ks_.options().notify_keyspace_events;
    const std::string at = "@" + std::to_string(db) + "__:";
    if (f & kNotifyKeyspace) {
      messages.push_back("__keyspace" + at + std::string(key) + " " + std::string(event));
    }
    if (f & kNotifyKeyevent) {
      messages.push_back("__keyevent" + at + std::string(event) + " " + std::string(key));
    }
  }
  void key_ready(int, std::string_view, ReadyType) override {}
  void dbs_flushing(int) override {}
  void dbs_swapping(int, int) override {}

  Messages messages;
  std::vector<std::string> modified;  // "db:key" per signal_modified

 private:
  Keyspace& ks_;
};

// "__keyspace@0__:k ev" then "__keyevent@0__:ev k": one event on both channels.
Messages ev(std::string_view event, std::string_view key, int db = 0) {
  const std::string at = "@" + std::to_string(db) + "__:";
  return {"__keyspace" + at + std::string(key) + " " + std::string(event),
          "__keyevent" + at + std::string(event) + " " + std::string(key)};
}
Messages seq(std::initializer_list<Messages> parts) {
  Messages out;
  for (const Messages& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

class KeyEventsTest : public KeyspaceFixture {
 protected:
  KeyEventsTest() { ks_.set_event_sink(&sink_); }
  ~KeyEventsTest() override { ks_.set_event_sink(nullptr); }

  void flags(std::string_view letters) {
    ASSERT_EQ(run({"CONFIG", "SET", "notify-keyspace-events", letters}), "+OK\r\n");
  }
  // Runs the command and returns the messages it published.
  Messages events(std::initializer_list<std::string_view> argv) {
    sink_.messages.clear();
    run(argv);
    return sink_.messages;
  }
  std::vector<std::string> modified_by(std::initializer_list<std::string_view> argv) {
    sink_.modified.clear();
    run(argv);
    return sink_.modified;
  }

  RecordingSink sink_{ks_};
};

// ---- Flags and CONFIG

TEST(NotifyFlagsTest, LettersToBits) {
  EXPECT_EQ(notify_flags_from_letters(""), 0u);
  EXPECT_EQ(notify_flags_from_letters("KEA"),
            kNotifyKeyspace | kNotifyKeyevent | kNotifyGeneric | kNotifyString | kNotifyList |
                kNotifySet | kNotifyHash | kNotifyZset | kNotifyExpired | kNotifyEvicted |
                kNotifyStream | kNotifyModule);
  EXPECT_EQ(notify_flags_from_letters("Kn"), kNotifyKeyspace | kNotifyNew);
  EXPECT_EQ(notify_flags_from_letters("Em"), kNotifyKeyevent | kNotifyKeyMiss);
  EXPECT_EQ(notify_flags_from_letters("g$lshzxetd"), notify_flags_from_letters("A"));
  EXPECT_EQ(notify_flags_from_letters("x"), uint32_t{kNotifyExpired});
}

TEST(NotifyFlagsTest, BitsToLettersAsConfigGetPrintsThem) {
  EXPECT_EQ(notify_letters_from_flags(0), "");
  EXPECT_EQ(notify_letters_from_flags(notify_flags_from_letters("KEA")), "AKE");
  // 'A' hides 'n', though the bit stays set.
  EXPECT_EQ(notify_letters_from_flags(notify_flags_from_letters("AnKEm")), "AKEm");
  EXPECT_EQ(notify_letters_from_flags(notify_flags_from_letters("nEg$")), "g$nE");
  EXPECT_EQ(notify_letters_from_flags(notify_flags_from_letters("xE")), "xE");
}

TEST_F(KeyEventsTest, ConfigSetBindsTheOptionAndGetPrintsRedisLetters) {
  EXPECT_EQ(ks_.options().notify_keyspace_events, 0u);
  flags("KEAn");
  EXPECT_EQ(ks_.options().notify_keyspace_events, notify_flags_from_letters("KEAn"));
  EXPECT_EQ(run({"CONFIG", "GET", "notify-keyspace-events"}),
            "*2\r\n$22\r\nnotify-keyspace-events\r\n$3\r\nAKE\r\n");
  // 'n' still works though CONFIG GET does not show it.
  EXPECT_EQ(events({"SET", "a", "1"}), seq({ev("new", "a"), ev("set", "a")}));
  flags("Elg");
  EXPECT_EQ(run({"CONFIG", "GET", "notify-keyspace-events"}),
            "*2\r\n$22\r\nnotify-keyspace-events\r\n$3\r\nglE\r\n");
  flags("");
  EXPECT_EQ(ks_.options().notify_keyspace_events, 0u);
  EXPECT_EQ(run({"CONFIG", "GET", "notify-keyspace-events"}),
            "*2\r\n$22\r\nnotify-keyspace-events\r\n$0\r\n\r\n");
  EXPECT_EQ(run({"CONFIG", "SET", "notify-keyspace-events", "KEQ"}).substr(0, 23),
            "-ERR CONFIG SET failed ");
}

TEST_F(KeyEventsTest, OffByDefault) {
  EXPECT_EQ(events({"SET", "a", "1"}), Messages{});
  EXPECT_EQ(events({"DEL", "a"}), Messages{});
}

// ---- Filtering

TEST_F(KeyEventsTest, KeyspaceOrKeyeventChannelOnly) {
  flags("K$");
  EXPECT_EQ(events({"SET", "a", "1"}), Messages{"__keyspace@0__:a set"});
  flags("E$");
  EXPECT_EQ(events({"SET", "a", "1"}), Messages{"__keyevent@0__:set a"});
  // A class without K or E publishes nothing, nor K or E without a class.
  flags("A");
  EXPECT_EQ(events({"SET", "a", "1"}), Messages{});
  flags("KE");
  EXPECT_EQ(events({"SET", "a", "1"}), Messages{});
}

TEST_F(KeyEventsTest, ClassLettersSelectEvents) {
  flags("KEg");
  EXPECT_EQ(events({"SET", "a", "1", "EX", "100"}), ev("expire", "a"));  // no `set` ($)
  EXPECT_EQ(events({"DEL", "a"}), ev("del", "a"));
  flags("KE$");
  EXPECT_EQ(events({"SET", "a", "1", "EX", "100"}), ev("set", "a"));
  EXPECT_EQ(events({"DEL", "a"}), Messages{});
  flags("KEl");
  run({"RPUSH", "l", "1"});
  EXPECT_EQ(events({"SORT", "l", "STORE", "d"}), ev("sortstore", "d"));
  // 'A' does not include n (new) or m (keymiss).
  flags("KEA");
  EXPECT_EQ(events({"SET", "b", "1"}), ev("set", "b"));
  EXPECT_EQ(events({"GET", "nosuch"}), Messages{});
  flags("KEn");
  EXPECT_EQ(events({"SET", "c", "1"}), ev("new", "c"));
  EXPECT_EQ(events({"SET", "c", "2"}), Messages{});
  flags("KEm");
  EXPECT_EQ(events({"GET", "nosuch"}), ev("keymiss", "nosuch"));
  EXPECT_EQ(events({"GET", "c"}), Messages{});
}

TEST_F(KeyEventsTest, ExpiredAndEvictedClasses) {
  flags("KEx");
  run({"SET", "a", "1", "PX", "5"});
  advance_ms(10);
  EXPECT_EQ(events({"GET", "a"}), ev("expired", "a"));
  flags("KEe");
  run({"SET", "b", "1"});
  ks_.mutable_options().max_memory = 1;
  ks_.mutable_options().eviction_policy = EvictionPolicy::kAllKeysRandom;
  sink_.messages.clear();
  Evictor evictor;
  ks_.begin_command();
  evictor.perform(ks_);
  EXPECT_EQ(sink_.messages, ev("evicted", "b"));
}

// ---- Strings

TEST_F(KeyEventsTest, SetFamily) {
  flags("KEA");
  EXPECT_EQ(events({"SET", "a", "1"}), ev("set", "a"));
  EXPECT_EQ(events({"SET", "a", "2", "EX", "100"}), seq({ev("set", "a"), ev("expire", "a")}));
  EXPECT_EQ(events({"SET", "a", "3", "KEEPTTL"}), ev("set", "a"));
  EXPECT_EQ(events({"SET", "a", "4", "PX", "100", "NX"}), Messages{});
  EXPECT_EQ(events({"SET", "a", "5", "XX", "GET"}), ev("set", "a"));
  EXPECT_EQ(events({"SET", "b", "1", "NX"}), ev("set", "b"));
  EXPECT_EQ(events({"SET", "b", "1", "NX"}), Messages{});
  EXPECT_EQ(events({"SETNX", "c", "1"}), ev("set", "c"));
  EXPECT_EQ(events({"SETNX", "c", "1"}), Messages{});
  EXPECT_EQ(events({"SETEX", "d", "100", "v"}), seq({ev("set", "d"), ev("expire", "d")}));
  EXPECT_EQ(events({"PSETEX", "e", "100000", "v"}), seq({ev("set", "e"), ev("expire", "e")}));
  EXPECT_EQ(events({"GETSET", "a", "new"}), ev("set", "a"));
}

TEST_F(KeyEventsTest, MsetAndMsetnx) {
  flags("KEA");
  EXPECT_EQ(events({"MSET", "m1", "1", "m2", "2"}), seq({ev("set", "m1"), ev("set", "m2")}));
  EXPECT_EQ(events({"MSET", "s", "x", "s", "y"}), seq({ev("set", "s"), ev("set", "s")}));
  EXPECT_EQ(events({"MSETNX", "n1", "1", "n2", "2"}), seq({ev("set", "n1"), ev("set", "n2")}));
  EXPECT_EQ(events({"MSETNX", "n1", "1", "n3", "2"}), Messages{});
}

TEST_F(KeyEventsTest, AppendSetrangeIncr) {
  flags("KEA");
  run({"SET", "a", "5"});
  EXPECT_EQ(events({"APPEND", "a", "xyz"}), ev("append", "a"));
  EXPECT_EQ(events({"APPEND", "a", ""}), ev("append", "a"));  // even when nothing appended
  EXPECT_EQ(events({"APPEND", "newapp", "xyz"}), ev("append", "newapp"));
  EXPECT_EQ(events({"SETRANGE", "a", "1", "QQ"}), ev("setrange", "a"));
  EXPECT_EQ(events({"SETRANGE", "a", "0", "5QQ"}), ev("setrange", "a"));  // in place
  EXPECT_EQ(events({"SETRANGE", "a", "1", ""}), Messages{});
  EXPECT_EQ(events({"SETRANGE", "nokey", "0", ""}), Messages{});
  EXPECT_EQ(events({"SETRANGE", "sr", "2", "x"}), ev("setrange", "sr"));
  EXPECT_EQ(events({"INCR", "i"}), ev("incrby", "i"));
  EXPECT_EQ(events({"INCRBY", "i", "5"}), ev("incrby", "i"));
  EXPECT_EQ(events({"DECR", "i"}), ev("incrby", "i"));
  EXPECT_EQ(events({"DECRBY", "i", "2"}), ev("incrby", "i"));
  EXPECT_EQ(events({"INCRBY", "i", "0"}), ev("incrby", "i"));
  EXPECT_EQ(events({"INCRBYFLOAT", "f", "1.5"}), ev("incrbyfloat", "f"));
  EXPECT_EQ(events({"INCRBYFLOAT", "i", "0"}), ev("incrbyfloat", "i"));
  EXPECT_EQ(events({"INCR", "a"}), Messages{});  // not an integer
  EXPECT_EQ(events({"INCRBYFLOAT", "a", "1"}), Messages{});
}

TEST_F(KeyEventsTest, GetdelAndGetex) {
  flags("KEA");
  run({"SET", "a", "v"});
  EXPECT_EQ(events({"GETDEL", "a"}), ev("del", "a"));
  EXPECT_EQ(events({"GETDEL", "a"}), Messages{});
  run({"SET", "b", "1"});
  EXPECT_EQ(events({"GETEX", "b", "EX", "100"}), ev("expire", "b"));
  EXPECT_EQ(events({"GETEX", "b", "PERSIST"}), ev("persist", "b"));
  EXPECT_EQ(events({"GETEX", "b", "PERSIST"}), Messages{});
  EXPECT_EQ(events({"GETEX", "b"}), Messages{});
  EXPECT_EQ(events({"GETEX", "nosuch", "EX", "10"}), Messages{});
  EXPECT_EQ(events({"GETEX", "b", "EXAT", "1"}), ev("del", "b"));
  run({"SET", "c", "1"});
  EXPECT_EQ(events({"GETEX", "c", "PX", "1"}), ev("expire", "c"));
  advance_ms(5);
  EXPECT_EQ(events({"GET", "c"}), ev("expired", "c"));
}

TEST_F(KeyEventsTest, ReadsSendNothingButKeymiss) {
  flags("KEA");
  run({"SET", "m1", "1"});
  for (auto argv : {std::initializer_list<std::string_view>{"GET", "nosuch"},
                    {"MGET", "m1", "nosuch"},
                    {"STRLEN", "nosuch"},
                    {"GETRANGE", "nosuch", "0", "1"},
                    {"LCS", "m1", "nosuch"}}) {
    EXPECT_EQ(events(argv), Messages{}) << *argv.begin();
  }
}

// ---- New keys and read misses (n, m)

TEST_F(KeyEventsTest, NewComesFirstForEveryCreatedKey) {
  flags("KEAn");
  EXPECT_EQ(events({"SET", "a", "1"}), seq({ev("new", "a"), ev("set", "a")}));
  EXPECT_EQ(events({"SET", "a", "2"}), ev("set", "a"));
  EXPECT_EQ(events({"APPEND", "x", "y"}), seq({ev("new", "x"), ev("append", "x")}));
  EXPECT_EQ(events({"INCR", "ctr"}), seq({ev("new", "ctr"), ev("incrby", "ctr")}));
  EXPECT_EQ(events({"SETRANGE", "sr", "1", "x"}), seq({ev("new", "sr"), ev("setrange", "sr")}));
  EXPECT_EQ(events({"SETBIT", "bb", "1", "1"}), seq({ev("new", "bb"), ev("setbit", "bb")}));
  EXPECT_EQ(events({"RENAME", "a", "b"}),
            seq({ev("new", "b"), ev("rename_from", "a"), ev("rename_to", "b")}));
  EXPECT_EQ(events({"COPY", "b", "c"}), seq({ev("new", "c"), ev("copy_to", "c")}));
  EXPECT_EQ(events({"MOVE", "c", "1"}),
            seq({ev("new", "c", 1), ev("move_from", "c"), ev("move_to", "c", 1)}));
}

TEST_F(KeyEventsTest, KeymissOnReadLookups) {
  flags("KEAnm");
  run({"SET", "a", "2"});
  EXPECT_EQ(events({"GET", "nosuch"}), ev("keymiss", "nosuch"));
  EXPECT_EQ(events({"MGET", "nosuch", "a", "nosuch2"}),
            seq({ev("keymiss", "nosuch"), ev("keymiss", "nosuch2")}));
  for (auto argv : {std::initializer_list<std::string_view>{"STRLEN", "nosuch"},
                    {"GETRANGE", "nosuch", "0", "1"},
                    {"SUBSTR", "nosuch", "0", "1"},
                    {"EXISTS", "nosuch"},
                    {"TYPE", "nosuch"},
                    {"TTL", "nosuch"},
                    {"DUMP", "nosuch"},
                    {"GETDEL", "nosuch"},
                    {"GETEX", "nosuch"},
                    {"GETBIT", "nosuch", "1"},
                    {"BITCOUNT", "nosuch"},
                    {"BITPOS", "nosuch", "1"},
                    {"BITFIELD", "nosuch", "GET", "u8", "0"},
                    {"BITFIELD_RO", "nosuch", "GET", "u8", "0"},
                    {"SORT", "nosuch"},
                    {"SORT", "nosuch", "STORE", "dst"},
                    {"TOUCH", "nosuch"}}) {
    EXPECT_EQ(events(argv), ev("keymiss", "nosuch")) << *argv.begin();
  }
  EXPECT_EQ(events({"LCS", "nosuch", "nosuch2"}),
            seq({ev("keymiss", "nosuch"), ev("keymiss", "nosuch2")}));
  EXPECT_EQ(events({"BITOP", "AND", "dest", "nosuch", "nosuch2"}),
            seq({ev("keymiss", "nosuch"), ev("keymiss", "nosuch2")}));
  // OBJECT looks up without notifying; writes look up without a miss.
  EXPECT_EQ(events({"OBJECT", "ENCODING", "nosuch"}), Messages{});
  EXPECT_EQ(events({"EXPIRE", "nosuch", "10"}), Messages{});
  EXPECT_EQ(events({"RANDOMKEY"}), Messages{});
}

// ---- Bitmaps

TEST_F(KeyEventsTest, Bitmaps) {
  flags("KEAn");
  EXPECT_EQ(events({"SETBIT", "b", "3", "1"}), seq({ev("new", "b"), ev("setbit", "b")}));
  EXPECT_EQ(events({"SETBIT", "b", "3", "1"}), Messages{});  // unchanged
  EXPECT_EQ(events({"SETBIT", "b", "3", "0"}), ev("setbit", "b"));
  EXPECT_EQ(events({"SETBIT", "sb", "10", "0"}), seq({ev("new", "sb"), ev("setbit", "sb")}));
  EXPECT_EQ(events({"SETBIT", "sb", "3", "0"}), Messages{});
  run({"SET", "iv", "123"});
  EXPECT_EQ(events({"SETBIT", "iv", "0", "0"}), Messages{});
  run({"SET", "s1", "abc"});
  run({"SET", "s2", "xyz"});
  EXPECT_EQ(events({"BITOP", "AND", "d", "s1", "s2"}), seq({ev("new", "d"), ev("set", "d")}));
  EXPECT_EQ(events({"BITOP", "OR", "d", "s1", "s2"}), ev("set", "d"));
  EXPECT_EQ(events({"BITOP", "NOT", "d", "nosuch"}), ev("del", "d"));
  EXPECT_EQ(events({"BITOP", "XOR", "d", "nosuch", "nosuch2"}), Messages{});
  EXPECT_EQ(events({"BITFIELD", "bf", "SET", "u8", "0", "6"}),
            seq({ev("new", "bf"), ev("setbit", "bf")}));
  EXPECT_EQ(events({"BITFIELD", "bf", "SET", "u8", "0", "6"}), Messages{});
  EXPECT_EQ(events({"BITFIELD", "bf", "INCRBY", "u8", "0", "0"}), Messages{});
  EXPECT_EQ(events({"BITFIELD", "bf", "GET", "u8", "0"}), Messages{});
  EXPECT_EQ(events({"BITFIELD", "bf", "SET", "u8", "0", "6", "SET", "u8", "8", "1"}),
            ev("setbit", "bf"));  // once per command
  EXPECT_EQ(events({"BITFIELD", "bf", "INCRBY", "u8", "0", "1"}), ev("setbit", "bf"));
  EXPECT_EQ(events({"BITFIELD", "bf", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "300"}),
            Messages{});
  // Created for writes that all failed: only `new`.
  EXPECT_EQ(events({"BITFIELD", "bf2", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "300"}),
            ev("new", "bf2"));
}

// ---- Generic keyspace commands

TEST_F(KeyEventsTest, DelRenameCopyMove) {
  flags("KEA");
  run({"MSET", "a", "1", "b", "2", "c", "3", "d", "4"});
  EXPECT_EQ(events({"DEL", "a", "nosuch", "b"}), seq({ev("del", "a"), ev("del", "b")}));
  EXPECT_EQ(events({"DEL", "nosuch"}), Messages{});
  EXPECT_EQ(events({"UNLINK", "c", "nosuch"}), ev("del", "c"));
  EXPECT_EQ(events({"RENAME", "d", "d"}), Messages{});
  EXPECT_EQ(events({"RENAME", "d", "e"}), seq({ev("rename_from", "d"), ev("rename_to", "e")}));
  run({"SET", "f", "1"});
  // The replaced destination sends no `del`.
  EXPECT_EQ(events({"RENAME", "e", "f"}), seq({ev("rename_from", "e"), ev("rename_to", "f")}));
  EXPECT_EQ(events({"RENAMENX", "f", "e"}), seq({ev("rename_from", "f"), ev("rename_to", "e")}));
  EXPECT_EQ(events({"RENAMENX", "f", "e"}), Messages{});  // no such key
  run({"SET", "x", "1"});
  EXPECT_EQ(events({"RENAMENX", "x", "e"}), Messages{});
  EXPECT_EQ(events({"COPY", "e", "g"}), ev("copy_to", "g"));
  EXPECT_EQ(events({"COPY", "e", "g"}), Messages{});
  EXPECT_EQ(events({"COPY", "e", "g", "REPLACE"}), ev("copy_to", "g"));
  EXPECT_EQ(events({"COPY", "e", "g", "DB", "2"}), ev("copy_to", "g", 2));
  EXPECT_EQ(events({"MOVE", "g", "2"}), Messages{});  // exists there
  EXPECT_EQ(events({"MOVE", "x", "3"}), seq({ev("move_from", "x"), ev("move_to", "x", 3)}));
  EXPECT_EQ(events({"TOUCH", "e", "f"}), Messages{});
  EXPECT_EQ(events({"FLUSHDB"}), Messages{});
  run({"SET", "a", "1"});
  EXPECT_EQ(events({"SWAPDB", "0", "1"}), Messages{});
  EXPECT_EQ(events({"FLUSHALL"}), Messages{});
}

// ---- Expiry

TEST_F(KeyEventsTest, ExpireFamilyAndPersist) {
  flags("KEA");
  run({"SET", "e", "1"});
  EXPECT_EQ(events({"EXPIRE", "e", "100"}), ev("expire", "e"));
  EXPECT_EQ(events({"EXPIRE", "e", "100", "NX"}), Messages{});
  EXPECT_EQ(events({"EXPIRE", "e", "200", "XX"}), ev("expire", "e"));
  EXPECT_EQ(events({"PEXPIRE", "e", "100000"}), ev("expire", "e"));
  EXPECT_EQ(events({"EXPIREAT", "e", "99999999999"}), ev("expire", "e"));
  EXPECT_EQ(events({"PEXPIREAT", "e", "99999999999999"}), ev("expire", "e"));
  EXPECT_EQ(events({"EXPIRE", "e", "0"}), ev("del", "e"));
  run({"SET", "e", "1"});
  EXPECT_EQ(events({"PEXPIREAT", "e", "1"}), ev("del", "e"));
  run({"SET", "e", "1"});
  EXPECT_EQ(events({"EXPIRE", "e", "-1"}), ev("del", "e"));
  run({"SET", "e", "1"});
  EXPECT_EQ(events({"PERSIST", "e"}), Messages{});
  EXPECT_EQ(events({"EXPIRE", "e", "10"}), ev("expire", "e"));
  EXPECT_EQ(events({"PERSIST", "e"}), ev("persist", "e"));
  EXPECT_EQ(events({"EXPIRE", "nosuch", "10"}), Messages{});
  EXPECT_EQ(events({"EXPIREAT", "e", "1", "GT"}), Messages{});
  EXPECT_EQ(events({"EXPIRE", "e", "100", "LT"}), ev("expire", "e"));
}

TEST_F(KeyEventsTest, LazyExpiryIsExpiredThenTheCommandsOwnEvents) {
  flags("KEAn");
  run({"SET", "y", "1", "PX", "1"});
  advance_ms(10);
  EXPECT_EQ(events({"SET", "y", "2"}),
            seq({ev("expired", "y"), ev("new", "y"), ev("set", "y")}));
  run({"SET", "w", "1", "PX", "1"});
  advance_ms(10);
  flags("KEAm");
  EXPECT_EQ(events({"GET", "w"}), seq({ev("expired", "w"), ev("keymiss", "w")}));
  run({"SET", "v", "1", "PX", "1"});
  advance_ms(10);
  EXPECT_EQ(events({"DEL", "v"}), ev("expired", "v"));
}

TEST_F(KeyEventsTest, ActiveExpiryAndSignal) {
  flags("KEA");
  run({"SET", "z", "1", "PX", "1"});
  advance_ms(10);
  sink_.messages.clear();
  sink_.modified.clear();
  ks_.active_expire_cycle();
  EXPECT_EQ(sink_.messages, ev("expired", "z"));
  EXPECT_EQ(sink_.modified, std::vector<std::string>{"0:z"});
}

TEST_F(KeyEventsTest, EvictionNotifiesEachKeyAndSignalsIt) {
  flags("KEA");
  run({"SET", "k0", std::string(100, 'x')});
  run({"SET", "k1", std::string(100, 'x')});
  run({"SET", "k2", std::string(100, 'x')});
  ks_.mutable_options().max_memory = 1;
  ks_.mutable_options().eviction_policy = EvictionPolicy::kAllKeysRandom;
  sink_.messages.clear();
  sink_.modified.clear();
  Evictor evictor;
  ks_.begin_command();
  evictor.perform(ks_);
  // The order is random, as in Redis; each key once, `evicted` on both channels.
  ASSERT_EQ(sink_.messages.size(), 6u);
  ASSERT_EQ(sink_.modified.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const std::string key = sink_.modified[i].substr(2);
    EXPECT_EQ(Messages(sink_.messages.begin() + static_cast<ptrdiff_t>(2 * i),
                       sink_.messages.begin() + static_cast<ptrdiff_t>(2 * i + 2)),
              ev("evicted", key));
  }
}

// ---- SORT STORE, RESTORE

TEST_F(KeyEventsTest, SortStore) {
  flags("KEA");
  run({"RPUSH", "l", "3", "1", "2"});
  EXPECT_EQ(events({"SORT", "l"}), Messages{});
  EXPECT_EQ(events({"SORT", "l", "STORE", "dst"}), ev("sortstore", "dst"));
  EXPECT_EQ(events({"SORT", "l", "STORE", "dst"}), ev("sortstore", "dst"));
  EXPECT_EQ(events({"SORT", "nosuch", "STORE", "dst"}), ev("del", "dst"));
  EXPECT_EQ(events({"SORT", "nosuch", "STORE", "dst"}), Messages{});
  EXPECT_EQ(events({"SORT", "l", "LIMIT", "0", "0", "STORE", "dst"}), Messages{});
  EXPECT_EQ(events({"SORT_RO", "l"}), Messages{});
  // BY and GET patterns read each key they name.
  flags("KEm");
  run({"DEL", "l"});
  run({"RPUSH", "l", "2", "1"});
  EXPECT_EQ(events({"SORT", "l", "BY", "w_*", "GET", "o_*"}),
            seq({ev("keymiss", "w_2"), ev("keymiss", "w_1"), ev("keymiss", "o_1"),
                 ev("keymiss", "o_2")}));
}

TEST_F(KeyEventsTest, Restore) {
  flags("KEAn");
  run({"SET", "a", "hello"});
  Reply dumped;
  {
    std::initializer_list<std::string_view> argv{"DUMP", "a"};
    const CommandSpec* spec = CommandTable::instance().resolve(Args(argv.begin(), 2), &dumped);
    ASSERT_NE(spec, nullptr);
    CommandContext ctx = context();
    dumped = call_command(ctx, *spec, Args(argv.begin(), 2));
  }
  const std::string payload(dumped.str());
  EXPECT_EQ(events({"RESTORE", "b", "0", payload}), seq({ev("new", "b"), ev("restore", "b")}));
  EXPECT_EQ(events({"RESTORE", "b", "0", payload, "REPLACE"}),
            seq({ev("new", "b"), ev("restore", "b")}));
  EXPECT_EQ(events({"RESTORE", "c", "100000", payload}),
            seq({ev("new", "c"), ev("restore", "c")}));
  EXPECT_EQ(events({"RESTORE", "b", "0", payload}), Messages{});  // BUSYKEY
  EXPECT_EQ(events({"RESTORE", "e", "1000", payload, "ABSTTL", "REPLACE"}), Messages{});
  run({"SET", "e", "1"});
  EXPECT_EQ(events({"RESTORE", "e", "1000", payload, "ABSTTL", "REPLACE"}), ev("del", "e"));
}

// ---- signalModifiedKey (WATCH)

TEST_F(KeyEventsTest, SignalModifiedFollowsWritesEvenWithNotificationsOff) {
  EXPECT_EQ(modified_by({"SET", "a", "1"}), std::vector<std::string>{"0:a"});
  EXPECT_EQ(modified_by({"GET", "a"}), std::vector<std::string>{});
  EXPECT_EQ(modified_by({"SET", "a", "1", "NX"}), std::vector<std::string>{});
  EXPECT_EQ(modified_by({"RENAME", "a", "b"}), (std::vector<std::string>{"0:a", "0:b"}));
  EXPECT_EQ(modified_by({"MOVE", "b", "4"}), (std::vector<std::string>{"0:b", "4:b"}));
  run({"SET", "c", "1"});
  EXPECT_EQ(modified_by({"EXPIRE", "c", "10"}), std::vector<std::string>{"0:c"});
  EXPECT_EQ(modified_by({"PERSIST", "c"}), std::vector<std::string>{"0:c"});
  EXPECT_EQ(modified_by({"PERSIST", "c"}), std::vector<std::string>{});
  EXPECT_EQ(modified_by({"COPY", "c", "d"}), std::vector<std::string>{"0:d"});
  EXPECT_EQ(modified_by({"DEL", "c", "d", "nosuch"}), (std::vector<std::string>{"0:c", "0:d"}));
  EXPECT_EQ(modified_by({"INCR", "n"}), std::vector<std::string>{"0:n"});
  EXPECT_EQ(modified_by({"SETBIT", "bit", "1", "1"}), std::vector<std::string>{"0:bit"});
  EXPECT_EQ(modified_by({"SETBIT", "bit", "1", "1"}), std::vector<std::string>{});
}

// ---- The family functions the typed Store API calls

TEST_F(KeyEventsTest, TypedPathsNotifyToo) {
  flags("KEAn");
  sink_.messages.clear();
  {
    CommandContext ctx = context();
    SetOptions opts;
    opts.ttl = std::chrono::milliseconds(5000);
    ASSERT_TRUE(set_with_options(ctx, "a", "1", opts).ok());
  }
  EXPECT_EQ(sink_.messages, seq({ev("new", "a"), ev("set", "a"), ev("expire", "a")}));
  sink_.messages.clear();
  {
    CommandContext ctx = context();
    ASSERT_TRUE(incr_by(ctx, "n", 2).ok());
    std::string_view kv[] = {"m", "1"};
    mset(ctx, Args(kv, 2));
    EXPECT_EQ(expire_at(ctx, "m", ks_.now_ms() + 1000), 1);
    EXPECT_TRUE(persist_key(ctx, "m"));
    std::string_view keys[] = {"a", "n"};
    EXPECT_EQ(del_keys(ctx, Args(keys, 2)), 2);
  }
  EXPECT_EQ(sink_.messages,
            seq({ev("new", "n"), ev("incrby", "n"), ev("new", "m"), ev("set", "m"),
                 ev("expire", "m"), ev("persist", "m"), ev("del", "a"), ev("del", "n")}));
}

// ---- Through the Store: the pub/sub router delivers the events to subscribers

class StoreKeyEventsTest : public FamilyTest {
 protected:
  // Messages received by a psubscribe callback, "<channel> <payload>".
  Messages received;
};

TEST_F(StoreKeyEventsTest, PsubscribeCallbackGetsKeyspaceThenKeyevent) {
  ASSERT_EQ(run({"CONFIG", "SET", "notify-keyspace-events", "KEA"}), "+OK\r\n");
  Subscription sub = store_.psubscribe({"__key*__:*"}, [this](const PubSubMessage& m) {
    received.push_back(m.channel + " " + m.payload);
  });
  run({"SET", "a", "1", "EX", "100"});
  run({"RENAME", "a", "b"});
  EXPECT_EQ(received, seq({ev("set", "a"), ev("expire", "a"), ev("rename_from", "a"),
                           ev("rename_to", "b")}));
  received.clear();
  // The typed API runs the same family code.
  ASSERT_TRUE(store_.set("t", "v").ok());
  EXPECT_EQ(received, ev("set", "t"));
  received.clear();
  run({"SET", "x", "1", "PX", "5"});
  received.clear();
  advance_ms(10);
  EXPECT_EQ(run({"GET", "x"}), "$-1\r\n");
  EXPECT_EQ(received, ev("expired", "x"));
}

// Keys loaded from a snapshot are not `new` (Redis's dbAddRDBLoad), also when DEBUG RELOAD
// NOFLUSH MERGE adds them to a non-empty keyspace.
TEST_F(StoreKeyEventsTest, ReloadedKeysAreNotNew) {
  TempDir dir;
  ASSERT_TRUE(store_.config_set("dir", dir.path(), ConfigOrigin::kConfigFile).is_ok());
  run({"SET", "a", "1"});
  run({"SET", "b", "1"});
  ASSERT_EQ(run({"DEBUG", "RELOAD"}), "+OK\r\n");
  run({"DEL", "a"});
  ASSERT_EQ(run({"CONFIG", "SET", "notify-keyspace-events", "KEAn"}), "+OK\r\n");
  Subscription sub = store_.psubscribe({"__key*__:*"}, [this](const PubSubMessage& m) {
    received.push_back(m.channel + " " + m.payload);
  });
  ASSERT_EQ(run({"DEBUG", "RELOAD", "NOFLUSH", "MERGE", "NOSAVE"}), "+OK\r\n");
  ASSERT_EQ(run({"DEBUG", "RELOAD"}), "+OK\r\n");
  EXPECT_EQ(received, Messages{});
  EXPECT_EQ(run({"GET", "a"}), "$1\r\n1\r\n");
  run({"SET", "c", "1"});
  EXPECT_EQ(received, seq({ev("new", "c"), ev("set", "c")}));
}

TEST_F(StoreKeyEventsTest, LazyExpiryTouchesWatchedKey) {
  run({"SET", "x", "1", "PX", "5"});
  Session other;
  ASSERT_EQ(run({"WATCH", "x"}), "+OK\r\n");
  advance_ms(10);
  std::initializer_list<std::string_view> get{"GET", "x"};
  store_.execute(std::span<const std::string_view>(get.begin(), get.size()), other);
  ASSERT_EQ(run({"MULTI"}), "+OK\r\n");
  ASSERT_EQ(run({"PING"}), "+QUEUED\r\n");
  EXPECT_EQ(run({"EXEC"}), "*-1\r\n");
}

}  // namespace
}  // namespace kevy
