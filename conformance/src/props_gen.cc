// The command generators of props: one row per command (or per subcommand of OBJECT, DEBUG,
// PUBSUB), each a RapidCheck generator of valid and invalid argument shapes over small pools.
//
// Determinism rules every row follows (both targets must answer the same bytes):
// - positive TTLs are either relative and large (>= 10^6 s) or absolute in the far future;
//   relative ones only in ExpiryMode::kRelative sequences (props.h). Absolute times in the
//   past only where the command deletes the key at once (EXPIREAT, PEXPIREAT, GETEX), never
//   for SET (SET keeps a past-expiring key until active expiry finds it: a timing race);
// - no successful HELLO (its reply carries the connection id), no DEBUG OBJECT of an existing
//   key (its reply carries a pointer), SCAN only from cursor 0 with COUNT >= 10 so that the
//   few keys of a db come back in one page, bit and range offsets small enough not to
//   allocate hundreds of MiB, LCS only over short strings;
// - blocking pops only with a timeout that is invalid or 0.01 s, never 0 (forever): both
//   targets really block, and nothing else would ever push;
// - transactions: MULTI / EXEC / DISCARD / WATCH / UNWATCH anywhere, and sequence_gen closes
//   open transactions; the runner compares EXEC's array element by element and ends any
//   transaction or WATCH before the next case's reset (props.cc, props_tx.cc);
// - pub/sub without any subscriber: nothing subscribes, so PUBLISH, PUBSUB and the
//   unsubscribing commands answer the same on both sides (the subscribe rows' comment);
// - no numeric SORT after an out-of-range number (may_leave_erange: Redis's stale errno).
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "corpus.h"
#include "props.h"
#include "props_internal.h"

namespace kevy::conformance::props {
namespace {

using Argv = std::vector<std::string>;
using Strings = std::vector<std::string>;
namespace gen = rc::gen;

// Key names: few, so that commands collide; one with a NUL byte and the empty name. kAbsent
// is never written by any generator (DEBUG OBJECT and EXPIRETIME read it).
const Strings& keys() {
  static const Strings k = {"k", "a", std::string("k\0", 2), "", "b:1", "K"};
  return k;
}
constexpr const char* kAbsent = "absent:key";

const Strings& values() {
  static const Strings v = {"v", "0", "1", "-1", "10", "3.5", "-0.5", "0.1", "1e3",
                            "9223372036854775807", "-9223372036854775808",
                            "9223372036854775808", "1e400", "inf", "-inf", "nan", "", "abc",
                            " 1", "1 ", "+1", "007", "0x10", "10.50", std::string("\0\xff", 2),
                            "hello world", "\xff\xf0", "-0", "1.0e1", "12345678901234567890"};
  return v;
}
const Strings& ints() {
  static const Strings v = {"0", "1", "-1", "2", "5", "-5", "100", "-100",
                            "9223372036854775807", "-9223372036854775808",
                            "9223372036854775808", "1.5", "abc", "", " 1", "+3"};
  return v;
}
const Strings& floats() {
  static const Strings v = {"0", "1", "-1", "0.1", "1.5", "-0.5", "1e3", "1e-3", "5.0e3",
                            "inf", "-inf", "nan", "1e400", "abc", "", "9223372036854775807",
                            "3.0000000000000001", " 1", "1e308", "-1.7976931348623157e308",
                            "0x1p3", "17e-1"};
  return v;
}
// GETRANGE / BITCOUNT / BITPOS / LCS ranges.
const Strings& ranges() {
  static const Strings v = {"0", "1", "-1", "2", "-2", "3", "10", "-10", "100", "-100",
                            "9223372036854775807", "-9223372036854775808", "abc", "1.5"};
  return v;
}
// SETRANGE offsets: valid ones stay small; the huge ones are rejected without allocating
// (or, with an empty value, answered without allocating).
const Strings& setrange_offsets() {
  static const Strings v = {"0", "1", "3", "10", "100", "-1", "abc", "536870912", "536870913",
                            "9223372036854775807"};
  return v;
}
// SETBIT / GETBIT offsets: valid ones below 2^10, the others invalid (>= 2^32, negative).
const Strings& bit_offsets() {
  static const Strings v = {"0", "1", "7", "8", "9", "15", "16", "63", "100", "1000", "-1",
                            "abc", "4294967296", "9223372036854775808", "1.0"};
  return v;
}
const Strings& dbs() {
  static const Strings v = {"0", "1", "2", "15", "16", "-1", "abc", "4294967296"};
  return v;
}
const Strings& patterns() {
  static const Strings v = {"*", "k*", "?", "[ak]*", std::string("k\0", 2), "*\\*", "[^k]*",
                            "", "*:*", "[a-", "\\", "K", "[a-z]", "*1", "?:?"};
  return v;
}
// Extra arguments appended to any command to make its arity or options wrong. No GT/LT
// (see ExpiryMode) and nothing that turns HELLO into a successful call.
const Strings& junk() {
  static const Strings v = {"x", "0", "-1", "NX", "XX", "GET", "EX", "100", "", "k", "LEN"};
  return v;
}

// Expiry times.
const Strings& rel_seconds() {
  static const Strings v = {"1000000", "3000000", "90000000"};
  return v;
}
const Strings& rel_ms() {
  static const Strings v = {"2000000000", "40000000000"};
  return v;
}
// Relative times that never give a key a positive TTL: they delete it or are rejected.
const Strings& bad_rel_seconds() {
  static const Strings v = {"0", "-1", "-100", "abc", "", "1.5", "9223372036854775807",
                            "-9223372036854775808", "9223372036854776"};
  return v;
}
const Strings& bad_rel_ms() {
  static const Strings v = {"0", "-1", "-100", "abc", "", "1.5", "9223372036854775807",
                            "-9223372036854775808"};
  return v;
}
const Strings& abs_seconds_future() {
  static const Strings v = {"4102444800", "4102444801", "9999999999"};
  return v;
}
const Strings& abs_ms_future() {
  static const Strings v = {"4102444800000", "4102444800500", "9999999999999",
                            "9223372036854775807"};
  return v;
}
// Absolute times in the past (or invalid) for the commands that delete the key at once.
const Strings& abs_seconds_past() {
  static const Strings v = {"1", "1000000000", "0", "-1", "abc", "9223372036854775807"};
  return v;
}
const Strings& abs_ms_past() {
  static const Strings v = {"1", "1000000000000", "0", "-1", "abc"};
  return v;
}
// SET EXAT / PXAT values that never leave a key with a past expiry.
const Strings& set_abs_bad() {
  static const Strings v = {"0", "-1", "abc", ""};
  return v;
}

std::string pick(const Strings& pool) { return *gen::elementOf(pool); }
std::string key() { return pick(keys()); }
std::string one_of(std::initializer_list<const char*> options) {
  return *gen::elementOf(Strings(options.begin(), options.end()));
}
// 1..max picks from `pool`.
Strings some(const Strings& pool, int max) {
  const int n = *gen::inRange(1, max + 1);
  Strings out;
  for (int i = 0; i < n; ++i) out.push_back(pick(pool));
  return out;
}
bool coin(int percent) { return *gen::inRange(0, 100) < percent; }
void append(Argv* a, const Strings& more) { a->insert(a->end(), more.begin(), more.end()); }

// A relative expiry for the mode: large positive ones only in relative sequences.
std::string rel_s(ExpiryMode m) {
  return m == ExpiryMode::kRelative && coin(70) ? pick(rel_seconds()) : pick(bad_rel_seconds());
}
std::string rel_millis(ExpiryMode m) {
  return m == ExpiryMode::kRelative && coin(70) ? pick(rel_ms()) : pick(bad_rel_ms());
}
// EXPIRE-family options: GT/LT only in absolute sequences.
Strings expire_options(ExpiryMode m) {
  static const std::vector<Strings> rel = {{}, {}, {"NX"}, {"XX"}, {"nx"}, {"NX", "XX"},
                                           {"FOO"}, {"XX", "XX"}};
  static const std::vector<Strings> abs = {{},           {},           {"NX"},       {"XX"},
                                           {"GT"},       {"LT"},       {"lt"},       {"GT", "LT"},
                                           {"NX", "GT"}, {"XX", "GT"}, {"FOO"}};
  return *gen::elementOf(m == ExpiryMode::kRelative ? rel : abs);
}

// SET's options: 0..3 tokens in any order (so conflicting combinations appear).
Strings set_options(ExpiryMode m) {
  const int n = *gen::inRange(0, 4);
  Strings out;
  for (int i = 0; i < n; ++i) {
    switch (*gen::inRange(0, 10)) {
      case 0: out.push_back("NX"); break;
      case 1: out.push_back("XX"); break;
      case 2: out.push_back("GET"); break;
      case 3: out.push_back("KEEPTTL"); break;
      case 4: append(&out, {"EX", rel_s(m)}); break;
      case 5: append(&out, {"PX", rel_millis(m)}); break;
      case 6:
        append(&out, {"EXAT", coin(70) ? pick(abs_seconds_future()) : pick(set_abs_bad())});
        break;
      case 7:
        append(&out, {"PXAT", coin(70) ? pick(abs_ms_future()) : pick(set_abs_bad())});
        break;
      case 8: out.push_back(one_of({"ex", "get", "nx", "keepttl"})); break;
      default: out.push_back(one_of({"FOO", "EX", "PERSIST"})); break;
    }
  }
  return out;
}

Strings getex_options(ExpiryMode m) {
  switch (*gen::inRange(0, 9)) {
    case 0: return {};
    case 1: return {"EX", rel_s(m)};
    case 2: return {"PX", rel_millis(m)};
    case 3: return {"EXAT", coin(60) ? pick(abs_seconds_future()) : pick(abs_seconds_past())};
    case 4: return {"PXAT", coin(60) ? pick(abs_ms_future()) : pick(abs_ms_past())};
    case 5: return {"PERSIST"};
    case 6: return {"PERSIST", "EX", "100"};
    case 7: return {"EX"};
    default: return {one_of({"FOO", "persist", "KEEPTTL"})};
  }
}

Strings bitfield_ops(bool readonly) {
  static const Strings types = {"u1", "i1", "u8", "i8", "u16", "i16", "u63",
                                "i64", "u64", "i65", "u0", "x8", "I8", "u"};
  static const Strings offsets = {"0", "1", "7", "8", "13", "#0", "#1",
                                  "#3", "-1", "#-1", "abc", "100", "#"};
  static const Strings nums = {"0", "1", "-1", "127", "128", "255", "-128", "256",
                               "9223372036854775807", "-9223372036854775808", "abc"};
  const int n = *gen::inRange(0, 4);
  Strings out;
  for (int i = 0; i < n; ++i) {
    const int op = readonly ? (coin(85) ? 0 : *gen::inRange(1, 5)) : *gen::inRange(0, 5);
    switch (op) {
      case 0: append(&out, {"GET", pick(types), pick(offsets)}); break;
      case 1: append(&out, {"SET", pick(types), pick(offsets), pick(nums)}); break;
      case 2: append(&out, {"INCRBY", pick(types), pick(offsets), pick(nums)}); break;
      case 3: append(&out, {"OVERFLOW", one_of({"WRAP", "SAT", "FAIL", "fail", "BAD"})}); break;
      default: out.push_back(one_of({"GET", "FOO", "SET"})); break;
    }
  }
  return out;
}

// Hash fields: a few, so that they collide too.
const Strings& fields() {
  static const Strings f = {"f", "g", "", std::string("f\0", 2), "1"};
  return f;
}
std::string field() { return pick(fields()); }
// Blocking-pop timeouts: never 0 (forever). A short wait is rare: redis-server notices an
// expired timeout only on its next event-loop tick (up to 100 ms at hz 10).
std::string block_timeout() {
  return coin(8) ? std::string("0.01") : one_of({"-1", "abc", "1e400", "-0.5", ""});
}

// Pub/sub channels and patterns. No connection of either target ever subscribes (see the
// subscribe rows below), so PUBLISH answers 0 and PUBSUB's lists and counts are empty or 0.
const Strings& channels() {
  static const Strings v = {"ch", "k", "news.1", "", std::string("c\0", 2),
                            "__keyspace@0__:k", "__keyevent@0__:set"};
  return v;
}
const Strings& channel_patterns() {
  static const Strings v = {"*", "ch*", "news.*", "[a-", "", "__key*__:*", "?"};
  return v;
}

// One row: how often the command is drawn, its label ("OBJECT|ENCODING") and its generator.
struct Row {
  const char* label;
  int weight;
  std::function<Argv(ExpiryMode)> make;
  bool mutate = true;  // may get its arity broken or its name re-cased
};

Argv with(Argv a, const Strings& more) {
  append(&a, more);
  return a;
}

// Sorted-set score bounds (ZCOUNT, BYSCORE) and lex bounds (ZLEXCOUNT, BYLEX), valid and not.
const Strings& score_bounds() {
  static const Strings v = {"-inf", "+inf", "0", "1", "(1", "(0", "1.5", "(-1", "-1", "inf",
                            "10", "(inf", "abc", "(", "nan", ""};
  return v;
}
const Strings& lex_bounds() {
  static const Strings v = {"-", "+", "[a", "(a", "[v", "(1", "[", "(", "[abc", "a", "", "(+"};
  return v;
}
// ZADD's flags: 0..2 tokens, so that conflicting combinations appear.
Strings zadd_flags() {
  Strings out;
  for (int i = *gen::inRange(0, 3); i > 0; --i) {
    out.push_back(one_of({"NX", "XX", "GT", "LT", "CH", "INCR", "ch", "FOO"}));
  }
  return out;
}
// ZRANGE's optional tail: REV, LIMIT, WITHSCORES in Redis's order or shuffled.
Strings zrange_options() {
  Strings out;
  if (coin(30)) out.push_back(one_of({"REV", "rev"}));
  if (coin(30)) append(&out, {"LIMIT", pick(ranges()), pick(ranges())});
  if (coin(40)) out.push_back(one_of({"WITHSCORES", "withscores", "FOO"}));
  return out;
}
// ZRANGE / ZRANGESTORE arguments after the key(s): by rank, BYSCORE or BYLEX.
Strings zrange_spec() {
  Strings out;
  switch (*gen::inRange(0, 3)) {
    case 0: out = {pick(ranges()), pick(ranges())}; break;
    case 1: out = {pick(score_bounds()), pick(score_bounds()), "BYSCORE"}; break;
    default: out = {pick(lex_bounds()), pick(lex_bounds()), "BYLEX"}; break;
  }
  append(&out, zrange_options());
  return out;
}
// numkeys + keys for the Z*STORE / ZUNION family and ZMPOP; numkeys sometimes wrong.
Strings zset_numkeys() {
  Strings ks = some(keys(), 3);
  Strings out{coin(85) ? std::to_string(ks.size()) : one_of({"0", "-1", "x", "5"})};
  append(&out, ks);
  return out;
}
Strings zset_combine_options(bool with_weights) {
  Strings out;
  if (with_weights && coin(30)) {
    out.push_back("WEIGHTS");
    append(&out, some(Strings{"1", "2", "0", "-1", "0.5", "inf", "x"}, 3));
  }
  if (with_weights && coin(30)) out.insert(out.end(), {"AGGREGATE", one_of({"SUM", "MIN", "MAX", "max", "FOO"})});
  return out;
}
// SORT's options in Redis's order, sometimes broken. Two forms are left out because their
// order is that of a hashtable (a set's, or a zset's dict), which even two redis-servers do
// not share (the dict hash seed is random per process), and SORT's command tips do not say so:
// BY nosort (or a pattern without '*', which means the same), and BY <pattern> with ALPHA (equal weights keep the source's iteration order;
// numeric sorts break ties by the element itself, so they stay deterministic).
Strings sort_options(bool store) {
  Strings out;
  const bool by = coin(30);
  if (by) append(&out, {"BY", one_of({"*", "w_*", "*->f", "k*->g", "nokey_*", "*->"})});
  if (coin(30)) append(&out, {"LIMIT", pick(ranges()), pick(ranges())});
  for (int i = *gen::inRange(0, 3); coin(40) && i > 0; --i) {
    append(&out, {"GET", one_of({"#", "*", "*->f", "k*", "#->f"})});
  }
  if (coin(30)) out.push_back(one_of({"ASC", "DESC", "desc"}));
  if (!by && coin(40)) out.push_back(one_of({"ALPHA", "alpha"}));
  if (store && coin(30)) append(&out, {"STORE", key()});
  if (coin(5)) out.push_back(one_of({"FOO", "LIMIT", "GET"}));
  return out;
}


const std::vector<Row>& rows() {
  using M = ExpiryMode;
  static const std::vector<Row> r = {
      // strings
      {"GET", 6, [](M) { return Argv{"GET", key()}; }},
      {"SET", 8, [](M m) { return with({"SET", key(), pick(values())}, set_options(m)); }},
      {"SETNX", 2, [](M) { return Argv{"SETNX", key(), pick(values())}; }},
      {"SETEX", 2, [](M m) { return Argv{"SETEX", key(), rel_s(m), pick(values())}; }},
      {"PSETEX", 2, [](M m) { return Argv{"PSETEX", key(), rel_millis(m), pick(values())}; }},
      {"GETSET", 2, [](M) { return Argv{"GETSET", key(), pick(values())}; }},
      {"GETDEL", 2, [](M) { return Argv{"GETDEL", key()}; }},
      {"GETEX", 3, [](M m) { return with({"GETEX", key()}, getex_options(m)); }},
      {"INCR", 3, [](M) { return Argv{"INCR", key()}; }},
      {"DECR", 2, [](M) { return Argv{"DECR", key()}; }},
      {"INCRBY", 3, [](M) { return Argv{"INCRBY", key(), pick(ints())}; }},
      {"DECRBY", 2, [](M) { return Argv{"DECRBY", key(), pick(ints())}; }},
      {"INCRBYFLOAT", 4, [](M) { return Argv{"INCRBYFLOAT", key(), pick(floats())}; }},
      {"APPEND", 3, [](M) { return Argv{"APPEND", key(), pick(values())}; }},
      {"STRLEN", 2, [](M) { return Argv{"STRLEN", key()}; }},
      {"GETRANGE", 3, [](M) { return Argv{"GETRANGE", key(), pick(ranges()), pick(ranges())}; }},
      {"SUBSTR", 1, [](M) { return Argv{"SUBSTR", key(), pick(ranges()), pick(ranges())}; }},
      {"SETRANGE", 3,
       [](M) { return Argv{"SETRANGE", key(), pick(setrange_offsets()), pick(values())}; }},
      {"MGET", 2, [](M) { return with({"MGET"}, some(keys(), 3)); }},
      {"MSET", 2,
       [](M) {
         Argv a{"MSET"};
         for (int i = *gen::inRange(1, 4); i > 0; --i) append(&a, {key(), pick(values())});
         return a;
       }},
      {"MSETNX", 2,
       [](M) {
         Argv a{"MSETNX"};
         for (int i = *gen::inRange(1, 3); i > 0; --i) append(&a, {key(), pick(values())});
         return a;
       }},
      {"LCS", 3,
       [](M) {
         Argv a{"LCS", key(), key()};
         for (int i = *gen::inRange(0, 4); i > 0; --i) {
           switch (*gen::inRange(0, 5)) {
             case 0: a.push_back("LEN"); break;
             case 1: a.push_back("IDX"); break;
             case 2: append(&a, {"MINMATCHLEN", pick(ranges())}); break;
             case 3: a.push_back("WITHMATCHLEN"); break;
             default: a.push_back(one_of({"FOO", "MINMATCHLEN", "idx"})); break;
           }
         }
         return a;
       }},
      // bitmaps
      {"SETBIT", 4,
       [](M) {
         return Argv{"SETBIT", key(), pick(bit_offsets()), one_of({"1", "0", "2", "-1", "x", ""})};
       }},
      {"GETBIT", 2, [](M) { return Argv{"GETBIT", key(), pick(bit_offsets())}; }},
      {"BITCOUNT", 3,
       [](M) {
         Argv a{"BITCOUNT", key()};
         const int shape = *gen::inRange(0, 4);
         if (shape >= 1) append(&a, {pick(ranges()), pick(ranges())});
         if (shape == 2) a.push_back(one_of({"BYTE", "BIT", "bit", "FOO"}));
         if (shape == 3) a.resize(3);
         return a;
       }},
      {"BITPOS", 3,
       [](M) {
         Argv a{"BITPOS", key(), one_of({"1", "0", "2", "x"})};
         const int n = *gen::inRange(0, 4);
         if (n >= 1) a.push_back(pick(ranges()));
         if (n >= 2) a.push_back(pick(ranges()));
         if (n >= 3) a.push_back(one_of({"BYTE", "BIT", "FOO"}));
         return a;
       }},
      {"BITOP", 3,
       [](M) {
         Argv a{"BITOP", one_of({"AND", "OR", "XOR", "NOT", "and", "FOO"}), key()};
         append(&a, some(keys(), 3));
         return a;
       }},
      {"BITFIELD", 4, [](M) { return with({"BITFIELD", key()}, bitfield_ops(false)); }},
      {"BITFIELD_RO", 2, [](M) { return with({"BITFIELD_RO", key()}, bitfield_ops(true)); }},
      // keyspace
      {"DEL", 3, [](M) { return with({"DEL"}, some(keys(), 3)); }},
      {"UNLINK", 1, [](M) { return with({"UNLINK"}, some(keys(), 3)); }},
      {"EXISTS", 2, [](M) { return with({"EXISTS"}, some(keys(), 3)); }},
      {"TOUCH", 1, [](M) { return with({"TOUCH"}, some(keys(), 3)); }},
      {"TYPE", 2, [](M) { return Argv{"TYPE", key()}; }},
      {"KEYS", 2, [](M) { return Argv{"KEYS", pick(patterns())}; }},
      {"SCAN", 2,
       [](M) {
         // Any cursor but 0 (and "-1": strtoull makes it 2^64-1) starts inside the hash
         // table, whose layout is an implementation detail (Redis seeds its hash randomly).
         Argv a{"SCAN", one_of({"0", "0", "abc", "18446744073709551616", "", "1x"})};
         for (int i = *gen::inRange(0, 3); i > 0; --i) {
           switch (*gen::inRange(0, 4)) {
             case 0: append(&a, {"MATCH", pick(patterns())}); break;
             case 1: append(&a, {"COUNT", one_of({"10", "100", "0", "-1", "abc"})}); break;
             case 2:
               append(&a, {"TYPE", one_of({"string", "list", "none", "STRING", "foo"})});
               break;
             default: a.push_back(one_of({"MATCH", "FOO", "COUNT"})); break;
           }
         }
         return a;
       }},
      {"@SCAN", 2,
       [](M) {
         Argv a{"@scan"};
         if (coin(50)) append(&a, {"MATCH", pick(patterns())});
         if (coin(30)) append(&a, {"TYPE", one_of({"string", "list"})});
         return a;
       },
       false},
      {"RANDOMKEY", 1, [](M) { return Argv{"RANDOMKEY"}; }},
      {"RENAME", 2, [](M) { return Argv{"RENAME", key(), key()}; }},
      {"RENAMENX", 2, [](M) { return Argv{"RENAMENX", key(), key()}; }},
      {"COPY", 3,
       [](M) {
         Argv a{"COPY", key(), key()};
         for (int i = *gen::inRange(0, 3); i > 0; --i) {
           switch (*gen::inRange(0, 3)) {
             case 0: append(&a, {"DB", pick(dbs())}); break;
             case 1: a.push_back("REPLACE"); break;
             default: a.push_back(one_of({"DB", "FOO", "replace"})); break;
           }
         }
         return a;
       }},
      {"MOVE", 2, [](M) { return Argv{"MOVE", key(), pick(dbs())}; }},
      {"OBJECT|ENCODING", 2, [](M) { return Argv{"OBJECT", "ENCODING", key()}; }},
      {"OBJECT|REFCOUNT", 1, [](M) { return Argv{"OBJECT", "REFCOUNT", key()}; }},
      {"OBJECT|IDLETIME", 1, [](M) { return Argv{"OBJECT", "IDLETIME", key()}; }},
      {"OBJECT|FREQ", 1, [](M) { return Argv{"OBJECT", "FREQ", key()}; }},
      {"OBJECT|HELP", 1, [](M) { return Argv{"OBJECT", "HELP"}; }},
      {"OBJECT|FOO", 1, [](M) { return Argv{"OBJECT", one_of({"FOO", "help"}), key()}; }},
      // expiry
      {"EXPIRE", 3, [](M m) { return with({"EXPIRE", key(), rel_s(m)}, expire_options(m)); }},
      {"PEXPIRE", 2,
       [](M m) { return with({"PEXPIRE", key(), rel_millis(m)}, expire_options(m)); }},
      {"EXPIREAT", 3,
       [](M m) {
         return with({"EXPIREAT", key(),
                      coin(60) ? pick(abs_seconds_future()) : pick(abs_seconds_past())},
                     expire_options(m));
       }},
      {"PEXPIREAT", 2,
       [](M m) {
         return with({"PEXPIREAT", key(), coin(60) ? pick(abs_ms_future()) : pick(abs_ms_past())},
                     expire_options(m));
       }},
      {"TTL", 2, [](M) { return Argv{"TTL", key()}; }},
      {"PTTL", 2, [](M) { return Argv{"PTTL", key()}; }},
      // A relative expiry read back as an absolute time depends on the clock: relative
      // sequences only read the key that never exists.
      {"EXPIRETIME", 2,
       [](M m) { return Argv{"EXPIRETIME", m == M::kAbsolute ? key() : kAbsent}; }},
      {"PEXPIRETIME", 2,
       [](M m) { return Argv{"PEXPIRETIME", m == M::kAbsolute ? key() : kAbsent}; }},
      {"PERSIST", 2, [](M) { return Argv{"PERSIST", key()}; }},
      // server and connection
      {"PING", 1, [](M) { return coin(50) ? Argv{"PING"} : Argv{"PING", pick(values())}; }},
      {"ECHO", 1, [](M) { return Argv{"ECHO", pick(values())}; }},
      {"SELECT", 2, [](M) { return Argv{"SELECT", pick(dbs())}; }},
      {"HELLO", 1,
       [](M) {
         // Only failing forms: a successful HELLO replies with the connection id.
         static const std::vector<Argv> forms = {{"HELLO", "x"},
                                                 {"HELLO", "4"},
                                                 {"HELLO", "1"},
                                                 {"HELLO", "-1"},
                                                 {"HELLO", "3", "AUTH"},
                                                 {"HELLO", "3", "AUTH", "default"},
                                                 {"HELLO", "2", "SETNAME"},
                                                 {"HELLO", "3", "SETNAME", "bad name"},
                                                 {"HELLO", "3", "FOO"},
                                                 {"HELLO", "2", "AUTH", "nouser", "pw"},
                                                 {"HELLO", "", "SETNAME", "n"},
                                                 {"HELLO", "9223372036854775808"}};
         return *gen::elementOf(forms);
       },
       false},
      {"TIME", 1, [](M) { return Argv{"TIME"}; }},
      {"DBSIZE", 2, [](M) { return Argv{"DBSIZE"}; }},
      {"FLUSHDB", 1,
       [](M) {
         return coin(40) ? Argv{"FLUSHDB", one_of({"ASYNC", "SYNC", "async", "FOO"})}
                         : Argv{"FLUSHDB"};
       }},
      {"FLUSHALL", 1,
       [](M) {
         return coin(40) ? Argv{"FLUSHALL", one_of({"SYNC", "ASYNC", "sync", "FOO"})}
                         : Argv{"FLUSHALL"};
       }},
      {"SWAPDB", 1, [](M) { return Argv{"SWAPDB", pick(dbs()), pick(dbs())}; }},
      {"DEBUG|HELP", 1, [](M) { return Argv{"DEBUG", "HELP"}; }},
      {"DEBUG|SLEEP", 1,
       [](M) { return Argv{"DEBUG", "SLEEP", one_of({"0", "0.001", "-1", "abc", ""})}; }},
      {"DEBUG|SET-ACTIVE-EXPIRE", 1,
       [](M) { return Argv{"DEBUG", "SET-ACTIVE-EXPIRE", one_of({"0", "1", "x", "1x"})}; }},
      {"DEBUG|OBJECT", 1, [](M) { return Argv{"DEBUG", "OBJECT", kAbsent}; }},
      // Not mutated: an appended argument would make "DEBUG sleep 100" a 100 s sleep.
      {"DEBUG|FOO", 1, [](M) { return Argv{"DEBUG", one_of({"FOO", "sleep"})}; }, false},
      // lists (blocking pops only with a short timeout: an empty list makes both sides wait
      // 10 ms and answer null; 0 would block forever)
      {"LPUSH", 4, [](M) { return with({"LPUSH", key()}, some(values(), 3)); }},
      {"RPUSH", 4, [](M) { return with({"RPUSH", key()}, some(values(), 3)); }},
      {"LPUSHX", 1, [](M) { return with({"LPUSHX", key()}, some(values(), 2)); }},
      {"RPUSHX", 1, [](M) { return with({"RPUSHX", key()}, some(values(), 2)); }},
      {"LLEN", 2, [](M) { return Argv{"LLEN", key()}; }},
      {"LRANGE", 3, [](M) { return Argv{"LRANGE", key(), pick(ranges()), pick(ranges())}; }},
      {"LINDEX", 2, [](M) { return Argv{"LINDEX", key(), pick(ranges())}; }},
      {"LPOP", 2,
       [](M) { return coin(50) ? Argv{"LPOP", key()} : Argv{"LPOP", key(), pick(ints())}; }},
      {"RPOP", 2,
       [](M) { return coin(50) ? Argv{"RPOP", key()} : Argv{"RPOP", key(), pick(ints())}; }},
      {"LSET", 2, [](M) { return Argv{"LSET", key(), pick(ranges()), pick(values())}; }},
      {"LINSERT", 2,
       [](M) {
         return Argv{"LINSERT", key(), one_of({"BEFORE", "AFTER", "after", "FOO"}),
                     pick(values()), pick(values())};
       }},
      {"LREM", 2, [](M) { return Argv{"LREM", key(), pick(ints()), pick(values())}; }},
      {"LTRIM", 2, [](M) { return Argv{"LTRIM", key(), pick(ranges()), pick(ranges())}; }},
      {"LPOS", 2,
       [](M) {
         Argv a{"LPOS", key(), pick(values())};
         for (int i = *gen::inRange(0, 3); i > 0; --i) {
           append(&a, {one_of({"RANK", "COUNT", "MAXLEN", "FOO"}), pick(ints())});
         }
         return a;
       }},
      {"RPOPLPUSH", 2, [](M) { return Argv{"RPOPLPUSH", key(), key()}; }},
      {"LMOVE", 2,
       [](M) {
         return Argv{"LMOVE", key(), key(), one_of({"LEFT", "RIGHT", "left", "UP"}),
                     one_of({"LEFT", "RIGHT", "right", "UP"})};
       }},
      {"LMPOP", 2,
       [](M) {
         Argv a{"LMPOP", one_of({"1", "2", "0", "-1", "x", "3"})};
         append(&a, some(keys(), 2));
         a.push_back(one_of({"LEFT", "RIGHT", "FOO"}));
         if (coin(40)) append(&a, {"COUNT", pick(ints())});
         return a;
       }},
      // Blocking rows are not mutated: an appended argument would become the timeout.
      {"BLPOP", 1, [](M) { return with(with({"BLPOP"}, some(keys(), 2)), {block_timeout()}); },
       false},
      {"BRPOP", 1, [](M) { return with(with({"BRPOP"}, some(keys(), 2)), {block_timeout()}); },
       false},
      {"BRPOPLPUSH", 1, [](M) { return Argv{"BRPOPLPUSH", key(), key(), block_timeout()}; },
       false},
      {"BLMOVE", 1,
       [](M) {
         return Argv{"BLMOVE", key(), key(), one_of({"LEFT", "RIGHT"}), one_of({"LEFT", "RIGHT"}),
                     block_timeout()};
       },
       false},
      {"BLMPOP", 1,
       [](M) {
         Argv a{"BLMPOP", block_timeout(), one_of({"1", "2", "0", "x"})};
         append(&a, some(keys(), 2));
         a.push_back(one_of({"LEFT", "RIGHT", "FOO"}));
         if (coin(40)) append(&a, {"COUNT", pick(ints())});
         return a;
       },
       false},
      // hashes
      {"HSET", 4,
       [](M) {
         Argv a{"HSET", key()};
         for (int i = *gen::inRange(1, 3); i > 0; --i) append(&a, {field(), pick(values())});
         return a;
       }},
      {"HSETNX", 1, [](M) { return Argv{"HSETNX", key(), field(), pick(values())}; }},
      {"HMSET", 1, [](M) { return Argv{"HMSET", key(), field(), pick(values())}; }},
      {"HGET", 3, [](M) { return Argv{"HGET", key(), field()}; }},
      {"HMGET", 1, [](M) { return with({"HMGET", key()}, some(fields(), 3)); }},
      {"HDEL", 2, [](M) { return with({"HDEL", key()}, some(fields(), 2)); }},
      {"HLEN", 1, [](M) { return Argv{"HLEN", key()}; }},
      {"HSTRLEN", 1, [](M) { return Argv{"HSTRLEN", key(), field()}; }},
      {"HEXISTS", 1, [](M) { return Argv{"HEXISTS", key(), field()}; }},
      {"HINCRBY", 2, [](M) { return Argv{"HINCRBY", key(), field(), pick(ints())}; }},
      {"HINCRBYFLOAT", 2, [](M) { return Argv{"HINCRBYFLOAT", key(), field(), pick(floats())}; }},
      {"HKEYS", 1, [](M) { return Argv{"HKEYS", key()}; }},
      {"HVALS", 1, [](M) { return Argv{"HVALS", key()}; }},
      {"HGETALL", 2, [](M) { return Argv{"HGETALL", key()}; }},
      {"HRANDFIELD", 1,
       [](M) {
         Argv a{"HRANDFIELD", key()};
         if (coin(60)) a.push_back(one_of({"-5", "-1", "0", "5", "100", "x"}));
         if (a.size() == 3 && coin(50)) a.push_back(one_of({"WITHVALUES", "FOO"}));
         return a;
       }},
      {"HSCAN", 1,
       [](M) {
         Argv a{"HSCAN", key(), one_of({"0", "0", "abc", ""})};
         if (coin(40)) append(&a, {"MATCH", one_of({"*", "f*", "?", "[a-"})});
         if (coin(30)) append(&a, {"COUNT", one_of({"10", "100", "0", "x"})});
         return a;
       }},
      // sets (values() mixes integers and strings, so intset <-> hashtable conversions happen)
      {"SADD", 4, [](M) { return with({"SADD", key()}, some(values(), 3)); }},
      {"SREM", 2, [](M) { return with({"SREM", key()}, some(values(), 2)); }},
      {"SISMEMBER", 2, [](M) { return Argv{"SISMEMBER", key(), pick(values())}; }},
      {"SMISMEMBER", 1, [](M) { return with({"SMISMEMBER", key()}, some(values(), 3)); }},
      {"SCARD", 1, [](M) { return Argv{"SCARD", key()}; }},
      {"SMEMBERS", 2, [](M) { return Argv{"SMEMBERS", key()}; }},
      {"SMOVE", 1, [](M) { return Argv{"SMOVE", key(), key(), pick(values())}; }},
      {"SINTER", 1, [](M) { return with({"SINTER"}, some(keys(), 3)); }},
      {"SUNION", 1, [](M) { return with({"SUNION"}, some(keys(), 3)); }},
      {"SDIFF", 1, [](M) { return with({"SDIFF"}, some(keys(), 3)); }},
      {"SINTERSTORE", 1, [](M) { return with({"SINTERSTORE", key()}, some(keys(), 2)); }},
      {"SUNIONSTORE", 1, [](M) { return with({"SUNIONSTORE", key()}, some(keys(), 2)); }},
      {"SDIFFSTORE", 1, [](M) { return with({"SDIFFSTORE", key()}, some(keys(), 2)); }},
      {"SINTERCARD", 1,
       [](M) {
         Argv a{"SINTERCARD", one_of({"1", "2", "0", "-1", "x"}), key(), key()};
         if (coin(40)) append(&a, {"LIMIT", one_of({"0", "1", "-1", "x"})});
         return a;
       }},
      {"SRANDMEMBER", 1,
       [](M) {
         Argv a{"SRANDMEMBER", key()};
         if (coin(60)) a.push_back(one_of({"-5", "-1", "0", "2", "100", "x"}));
         return a;
       }},
      // SPOP removes random members, which would make the two sides' sets differ from then on:
      // only forms that remove every member (or none) keep the sequence deterministic. So the
      // row is not mutated (dropping the count would pop one random member: found by
      // fuzz_command_sequence_diff); it makes its own arity and syntax errors.
      {"SPOP", 1,
       [](M) {
         switch (*gen::weightedElement<int>({{90, 0}, {5, 1}, {5, 2}})) {
           case 1: return Argv{one_of({"SPOP", "spop"})};
           case 2: return Argv{"SPOP", key(), "100", pick(junk())};
           default: return Argv{"SPOP", key(), one_of({"100", "0", "-1", "x"})};
         }
       },
       false},
      {"SSCAN", 1,
       [](M) {
         Argv a{"SSCAN", key(), one_of({"0", "0", "abc", ""})};
         if (coin(40)) append(&a, {"MATCH", one_of({"*", "1*", "?", "[a-"})});
         if (coin(30)) append(&a, {"COUNT", one_of({"10", "100", "0", "x"})});
         return a;
       }},
      // sorted sets (members from values(): short, so every zset stays listpack-encoded and
      // its SCAN/ZRANDMEMBER answers come back in one deterministic page)
      {"ZADD", 5,
       [](M) {
         Argv a = with({"ZADD", key()}, zadd_flags());
         for (int i = *gen::inRange(1, 4); i > 0; --i) append(&a, {pick(floats()), pick(values())});
         return a;
       }},
      {"ZINCRBY", 2, [](M) { return Argv{"ZINCRBY", key(), pick(floats()), pick(values())}; }},
      {"ZSCORE", 2, [](M) { return Argv{"ZSCORE", key(), pick(values())}; }},
      {"ZMSCORE", 1, [](M) { return with({"ZMSCORE", key()}, some(values(), 3)); }},
      {"ZCARD", 1, [](M) { return Argv{"ZCARD", key()}; }},
      {"ZCOUNT", 1,
       [](M) { return Argv{"ZCOUNT", key(), pick(score_bounds()), pick(score_bounds())}; }},
      {"ZLEXCOUNT", 1,
       [](M) { return Argv{"ZLEXCOUNT", key(), pick(lex_bounds()), pick(lex_bounds())}; }},
      {"ZRANGE", 4, [](M) { return with({"ZRANGE", key()}, zrange_spec()); }},
      {"ZRANGESTORE", 1, [](M) { return with({"ZRANGESTORE", key(), key()}, zrange_spec()); }},
      {"ZRANGEBYSCORE", 1,
       [](M) {
         Argv a{"ZRANGEBYSCORE", key(), pick(score_bounds()), pick(score_bounds())};
         if (coin(40)) a.push_back("WITHSCORES");
         if (coin(30)) append(&a, {"LIMIT", pick(ranges()), pick(ranges())});
         return a;
       }},
      {"ZREVRANGEBYSCORE", 1,
       [](M) {
         Argv a{"ZREVRANGEBYSCORE", key(), pick(score_bounds()), pick(score_bounds())};
         if (coin(40)) a.push_back("WITHSCORES");
         if (coin(30)) append(&a, {"LIMIT", pick(ranges()), pick(ranges())});
         return a;
       }},
      {"ZRANGEBYLEX", 1,
       [](M) {
         Argv a{"ZRANGEBYLEX", key(), pick(lex_bounds()), pick(lex_bounds())};
         if (coin(30)) append(&a, {"LIMIT", pick(ranges()), pick(ranges())});
         return a;
       }},
      {"ZREVRANGEBYLEX", 1,
       [](M) {
         Argv a{"ZREVRANGEBYLEX", key(), pick(lex_bounds()), pick(lex_bounds())};
         if (coin(30)) append(&a, {"LIMIT", pick(ranges()), pick(ranges())});
         return a;
       }},
      {"ZREVRANGE", 1,
       [](M) {
         Argv a{"ZREVRANGE", key(), pick(ranges()), pick(ranges())};
         if (coin(40)) a.push_back("WITHSCORES");
         return a;
       }},
      {"ZRANK", 1, [](M) { return Argv{"ZRANK", key(), pick(values())}; }},
      {"ZREVRANK", 1, [](M) { return Argv{"ZREVRANK", key(), pick(values())}; }},
      {"ZREM", 2, [](M) { return with({"ZREM", key()}, some(values(), 2)); }},
      {"ZREMRANGEBYRANK", 1,
       [](M) { return Argv{"ZREMRANGEBYRANK", key(), pick(ranges()), pick(ranges())}; }},
      {"ZREMRANGEBYSCORE", 1,
       [](M) {
         return Argv{"ZREMRANGEBYSCORE", key(), pick(score_bounds()), pick(score_bounds())};
       }},
      {"ZREMRANGEBYLEX", 1,
       [](M) { return Argv{"ZREMRANGEBYLEX", key(), pick(lex_bounds()), pick(lex_bounds())}; }},
      {"ZPOPMIN", 1,
       [](M) { return coin(50) ? Argv{"ZPOPMIN", key()} : Argv{"ZPOPMIN", key(), pick(ints())}; }},
      {"ZPOPMAX", 1,
       [](M) { return coin(50) ? Argv{"ZPOPMAX", key()} : Argv{"ZPOPMAX", key(), pick(ints())}; }},
      {"ZMPOP", 1,
       [](M) {
         Argv a = with({"ZMPOP"}, zset_numkeys());
         a.push_back(one_of({"MIN", "MAX", "min", "FOO"}));
         if (coin(40)) append(&a, {"COUNT", pick(ints())});
         return a;
       }},
      {"BZPOPMIN", 1,
       [](M) { return with(with({"BZPOPMIN"}, some(keys(), 2)), {block_timeout()}); }, false},
      {"BZPOPMAX", 1,
       [](M) { return with(with({"BZPOPMAX"}, some(keys(), 2)), {block_timeout()}); }, false},
      {"BZMPOP", 1,
       [](M) {
         Argv a = with({"BZMPOP", block_timeout()}, zset_numkeys());
         a.push_back(one_of({"MIN", "MAX", "FOO"}));
         if (coin(40)) append(&a, {"COUNT", pick(ints())});
         return a;
       },
       false},
      {"ZRANDMEMBER", 1,
       [](M) {
         Argv a{"ZRANDMEMBER", key()};
         if (coin(60)) a.push_back(one_of({"-5", "-1", "0", "5", "100", "x"}));
         if (a.size() == 3 && coin(50)) a.push_back(one_of({"WITHSCORES", "FOO"}));
         return a;
       }},
      {"ZUNION", 1,
       [](M) {
         Argv a = with(with({"ZUNION"}, zset_numkeys()), zset_combine_options(true));
         if (coin(40)) a.push_back("WITHSCORES");
         return a;
       }},
      {"ZINTER", 1,
       [](M) {
         Argv a = with(with({"ZINTER"}, zset_numkeys()), zset_combine_options(true));
         if (coin(40)) a.push_back("WITHSCORES");
         return a;
       }},
      {"ZDIFF", 1,
       [](M) {
         Argv a = with({"ZDIFF"}, zset_numkeys());
         if (coin(40)) a.push_back("WITHSCORES");
         return a;
       }},
      {"ZUNIONSTORE", 1,
       [](M) {
         return with(with({"ZUNIONSTORE", key()}, zset_numkeys()), zset_combine_options(true));
       }},
      {"ZINTERSTORE", 1,
       [](M) {
         return with(with({"ZINTERSTORE", key()}, zset_numkeys()), zset_combine_options(true));
       }},
      {"ZDIFFSTORE", 1, [](M) { return with({"ZDIFFSTORE", key()}, zset_numkeys()); }},
      {"ZINTERCARD", 1,
       [](M) {
         Argv a = with({"ZINTERCARD"}, zset_numkeys());
         if (coin(40)) append(&a, {"LIMIT", one_of({"0", "1", "-1", "x"})});
         return a;
       }},
      {"ZSCAN", 1,
       [](M) {
         Argv a{"ZSCAN", key(), one_of({"0", "0", "abc", ""})};
         if (coin(40)) append(&a, {"MATCH", one_of({"*", "1*", "?", "[a-"})});
         if (coin(30)) append(&a, {"COUNT", one_of({"10", "100", "0", "x"})});
         return a;
       }},
      // SORT / SORT_RO over lists, sets and zsets; the STORE form writes a list.
      {"SORT", 3, [](M) { return with({"SORT", key()}, sort_options(true)); }},
      {"SORT_RO", 1, [](M) { return with({"SORT_RO", key()}, sort_options(false)); }},
      // transactions. The sequence generator also closes an open MULTI with EXEC or DISCARD
      // (sequence_gen); these rows add transactions opened, watched and closed anywhere:
      // EXEC / DISCARD without MULTI, nested MULTI, WATCH inside MULTI, queue-time errors
      // (EXECABORT), runtime errors kept per command, WATCH invalidated by the sequence's own
      // writes (EXEC answers null).
      {"MULTI", 8, [](M) { return Argv{"MULTI"}; }},
      {"EXEC", 1, [](M) { return Argv{"EXEC"}; }},
      {"DISCARD", 1, [](M) { return Argv{"DISCARD"}; }},
      {"WATCH", 3, [](M) { return with({"WATCH"}, some(keys(), 2)); }},
      {"UNWATCH", 1, [](M) { return Argv{"UNWATCH"}; }},
      // pub/sub without subscribers (deterministic: nobody ever subscribes)
      {"PUBLISH", 1, [](M) { return Argv{"PUBLISH", pick(channels()), pick(values())}; }},
      {"SPUBLISH", 1, [](M) { return Argv{"SPUBLISH", pick(channels()), pick(values())}; }},
      {"PUBSUB|CHANNELS", 1,
       [](M) {
         Argv a{"PUBSUB", one_of({"CHANNELS", "channels"})};
         if (coin(50)) a.push_back(pick(channel_patterns()));
         return a;
       }},
      {"PUBSUB|SHARDCHANNELS", 1,
       [](M) {
         Argv a{"PUBSUB", one_of({"SHARDCHANNELS", "shardchannels"})};
         if (coin(50)) a.push_back(pick(channel_patterns()));
         return a;
       }},
      {"PUBSUB|NUMSUB", 1,
       [](M) {
         Argv a{"PUBSUB", one_of({"NUMSUB", "numsub"})};
         if (coin(70)) append(&a, some(channels(), 3));
         return a;
       }},
      {"PUBSUB|SHARDNUMSUB", 1,
       [](M) {
         Argv a{"PUBSUB", "SHARDNUMSUB"};
         if (coin(70)) append(&a, some(channels(), 3));
         return a;
       }},
      {"PUBSUB|NUMPAT", 1, [](M) { return Argv{"PUBSUB", one_of({"NUMPAT", "numpat"})}; }},
      {"PUBSUB|HELP", 1, [](M) { return Argv{"PUBSUB", one_of({"HELP", "help"})}; }},
      {"PUBSUB|FOO", 1, [](M) { return Argv{"PUBSUB", one_of({"FOO", "NUMSUBX"})}; }},
      // The subscribe family: only the unsubscribing commands, with at most one name. Without
      // subscriptions they leave the connection as it is and answer one reply (RESP2 array,
      // RESP3 push) per name, or one when given none; a second name would make a second
      // reply, which a runner reading one reply per command would take for the next
      // command's (so these rows are not mutated). SUBSCRIBE, PSUBSCRIBE and SSUBSCRIBE are
      // never generated: they put a RESP2 connection in subscribed mode (most later commands
      // refused) for the rest of the case and beyond the reset, and PUBLISH or keyspace events
      // would then interleave pushes with replies. corpus/scripts/pubsub.txt's
      // multi-connection cases cover them, with the message order across connections.
      {"UNSUBSCRIBE", 1,
       [](M) { return coin(50) ? Argv{"UNSUBSCRIBE"} : Argv{"UNSUBSCRIBE", pick(channels())}; },
       false},
      {"PUNSUBSCRIBE", 1,
       [](M) {
         return coin(50) ? Argv{"PUNSUBSCRIBE"} : Argv{"PUNSUBSCRIBE", pick(channel_patterns())};
       },
       false},
      {"SUNSUBSCRIBE", 1,
       [](M) {
         return coin(50) ? Argv{"SUNSUBSCRIBE"} : Argv{"SUNSUBSCRIBE", pick(channels())};
       },
       false},
      // unknown commands
      {"UNKNOWN", 1,
       [](M) {
         Argv a{one_of({"NOSUCHCMD", "GETT", ""})};
         if (coin(50)) a.push_back(pick(values()));
         return a;
       },
       false},
  };
  return r;
}

// how: 0 upper, 1 lower, 2 mixed.
std::string recase(std::string s, int how) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool lower = how == 1 || (how == 2 && i % 2 == 0);
    s[i] = static_cast<char>(lower ? std::tolower(c) : std::toupper(c));
  }
  return s;
}

rc::Gen<Command> command_gen(ExpiryMode mode, const std::vector<std::string>& exclude = {}) {
  std::vector<const Row*> active;
  int total = 0;
  for (const Row& r : rows()) {
    bool skip = false;
    for (const std::string& e : exclude) skip |= recase(e, 0) == r.label;
    if (skip) continue;
    active.push_back(&r);
    total += r.weight;
  }
  return gen::exec([mode, active, total] {
    int w = *gen::inRange(0, total);
    const Row* row = active.front();
    for (const Row* r : active) {
      if (w < r->weight) {
        row = r;
        break;
      }
      w -= r->weight;
    }
    Command c{row->make(mode)};
    if (row->mutate) {
      // 0 as generated (most), 1 drop trailing arguments, 2 add one, 3 re-case the name.
      switch (*gen::weightedElement<int>({{86, 0}, {5, 1}, {5, 2}, {4, 3}})) {
        case 1:
          if (c.argv.size() > 1) c.argv.resize(*gen::inRange<size_t>(1, c.argv.size()));
          break;
        case 2: c.argv.push_back(pick(junk())); break;
        case 3: c.argv[0] = recase(c.argv[0], *gen::inRange(1, 3)); break;
        default: break;
      }
    }
    return c;
  });
}

// What closes an open transaction in a sequence: EXEC mostly, DISCARD, now and then either
// with an argument (EXEC's EXECABORT, DISCARD's queue-time error). Empty when both EXEC
// and DISCARD are excluded.
std::vector<Argv> closing_forms(const std::vector<std::string>& exclude) {
  auto excluded = [&](const char* label) {
    for (const std::string& e : exclude) {
      if (recase(e, 0) == label) return true;
    }
    return false;
  };
  std::vector<Argv> out;
  if (!excluded("EXEC")) {
    for (int i = 0; i < 12; ++i) out.push_back({"EXEC"});
    out.push_back({"exec"});
    out.push_back({"EXEC", "x"});
  }
  if (!excluded("DISCARD")) {
    for (int i = 0; i < 4; ++i) out.push_back({"DISCARD"});
    out.push_back({"DISCARD", "0"});
  }
  return out;
}

// A "@scan" directive inside a transaction becomes the plain SCAN it stands for (COUNT 1000:
// the few keys of a db in one page): queued, its reply is one element of EXEC's array,
// compared by shape as SCAN's tips say.
void no_scan_directive_in_transactions(std::vector<Command>* commands) {
  bool in_multi = false;
  for (Command& c : *commands) {
    const TxRole role = tx_role(in_multi, c.argv);
    if (role == TxRole::kQueued && !c.argv.empty() && c.argv[0] == "@scan") {
      Argv scan{"SCAN", "0"};
      scan.insert(scan.end(), c.argv.begin() + 1, c.argv.end());
      append(&scan, {"COUNT", "1000"});
      c.argv = std::move(scan);
    }
    in_multi = tx_in_multi_after(in_multi, role);
  }
}

// SORT and SORT_RO without ALPHA after an out-of-range number (see may_leave_erange) become
// alphabetical sorts: BY (whose weights are parsed the same way) is dropped, since BY with
// ALPHA keeps hashtable order for equal weights (sort_options), and ALPHA is added after the
// key.
void no_numeric_sort_after_overflow(std::vector<Command>* commands) {
  bool overflowed = false;
  for (Command& c : *commands) {
    const std::string label = command_label(c);
    if (overflowed && (label == "SORT" || label == "SORT_RO")) {
      Argv out(c.argv.begin(), c.argv.begin() + std::min<size_t>(2, c.argv.size()));
      bool alpha = false;
      for (size_t i = 2; i < c.argv.size(); ++i) {
        const std::string word = recase(c.argv[i], 0);
        // Option arguments are not options: "GET ALPHA" is a GET pattern.
        const size_t operands = word == "LIMIT" ? 2 : word == "GET" || word == "STORE" ? 1 : 0;
        if (word == "BY") {
          ++i;
          continue;
        }
        alpha |= word == "ALPHA";
        for (size_t j = 0; j <= operands && i + j < c.argv.size(); ++j) {
          out.push_back(c.argv[i + j]);
        }
        i += operands;
      }
      // Right after the key: at the end it could be taken for the operand of a broken "GET".
      if (!alpha && out.size() >= 2) out.insert(out.begin() + 2, "ALPHA");
      c.argv = std::move(out);
    }
    overflowed |= may_leave_erange(c);
  }
}

}  // namespace

bool may_leave_erange(const Command& c) {
  for (size_t i = 1; i < c.argv.size(); ++i) {
    const char* a = c.argv[i].c_str();
    char* end = nullptr;
    errno = 0;
    std::strtod(a, &end);
    if (errno == ERANGE) return true;
    std::strtoull(a, &end, 10);
    if (errno == ERANGE) return true;
  }
  return false;
}

// RapidCheck scales inRange/elementOf by the size parameter, which grows over the runs; the
// pools are small and meant to be drawn uniformly, so everything is generated at full size.
rc::Gen<Sequence> sequence_gen(int length, int resp3_percent,
                               const std::vector<std::string>& exclude) {
  return gen::resize(rc::kNominalSize, gen::exec([length, resp3_percent, exclude] {
    Sequence s;
    s.protocol = resp3_percent > 0 && *gen::inRange(0, 100) < resp3_percent ? 3 : 2;
    s.expiry = *gen::element(ExpiryMode::kRelative, ExpiryMode::kAbsolute);
    // Exactly `length` commands; shrinking removes chunks and simplifies single commands.
    s.commands = *rc::Gen<std::vector<Command>>(
        [length, mode = s.expiry, exclude](const rc::Random& random, int size) {
          using Elems = std::vector<rc::Shrinkable<Command>>;
          rc::Random r(random);
          const rc::Gen<Command> g = command_gen(mode, exclude);
          const std::vector<Argv> closing = closing_forms(exclude);
          const rc::Gen<Command> close =
              closing.empty() ? g : gen::map(gen::elementOf(closing), [](Argv a) {
                return Command{std::move(a)};
              });
          Elems elems;
          elems.reserve(static_cast<size_t>(length));
          bool in_multi = false;
          for (int i = 0; i < length; ++i) {
            rc::Random pick = r.split();
            const bool closes = in_multi && !closing.empty() && pick.next() % 100 < 30;
            elems.push_back((closes ? close : g)(r.split(), size));
            const std::vector<std::string>& argv = elems.back().value().argv;
            in_multi = tx_in_multi_after(in_multi, tx_role(in_multi, argv));
          }
          return rc::shrinkable::map(
              rc::shrinkable::shrinkRecur(
                  std::move(elems),
                  [](const Elems& e) {
                    return rc::seq::concat(
                        rc::shrink::removeChunks(e),
                        rc::shrink::eachElement(
                            e, [](const rc::Shrinkable<Command>& c) { return c.shrinks(); }));
                  }),
              [](const Elems& e) {
                std::vector<Command> out;
                out.reserve(e.size());
                for (const auto& c : e) out.push_back(c.value());
                no_scan_directive_in_transactions(&out);
                no_numeric_sort_after_overflow(&out);
                return out;
              });
        });
    return s;
  }));
}

std::vector<Command> sample_commands(uint64_t seed, int n, ExpiryMode mode) {
  const rc::Gen<Command> g = command_gen(mode);
  rc::Random r(seed);
  std::vector<Command> out;
  out.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out.push_back(g(r.split(), rc::kNominalSize).value());
  return out;
}

Sequence sequence_from_bytes(const uint8_t* data, size_t size, size_t max_commands) {
  Sequence s;
  if (size == 0) return s;
  s.protocol = (data[0] & 1) != 0 ? 3 : 2;
  s.expiry = (data[0] & 2) != 0 ? ExpiryMode::kAbsolute : ExpiryMode::kRelative;
  // Built once per mode: building a generator walks every row.
  static const rc::Gen<Command> relative = command_gen(ExpiryMode::kRelative);
  static const rc::Gen<Command> absolute = command_gen(ExpiryMode::kAbsolute);
  static const std::vector<Argv> closing = closing_forms({});
  const rc::Gen<Command>& g = s.expiry == ExpiryMode::kRelative ? relative : absolute;
  bool in_multi = false;
  for (size_t pos = 1; pos + 4 <= size && s.commands.size() < max_commands; pos += 4) {
    const uint32_t seed = static_cast<uint32_t>(data[pos]) << 24 |
                          static_cast<uint32_t>(data[pos + 1]) << 16 |
                          static_cast<uint32_t>(data[pos + 2]) << 8 | data[pos + 3];
    if (in_multi && !closing.empty() && data[pos] < 77) {
      s.commands.push_back(Command{closing[seed % closing.size()]});
    } else {
      s.commands.push_back(g(rc::Random(seed), rc::kNominalSize).value());
    }
    in_multi = tx_in_multi_after(in_multi, tx_role(in_multi, s.commands.back().argv));
  }
  no_scan_directive_in_transactions(&s.commands);
  no_numeric_sort_after_overflow(&s.commands);
  return s;
}

std::vector<std::string> generated_command_names() {
  std::vector<std::string> out;
  for (const Row& r : rows()) out.push_back(r.label);
  return out;
}

std::string command_label(const Command& c) {
  if (c.argv.empty()) return "";
  std::string name = recase(c.argv[0], 0);
  if (name == "@SCAN") return name;
  if ((name == "OBJECT" || name == "DEBUG" || name == "PUBSUB") && c.argv.size() >= 2) {
    return name + "|" + recase(c.argv[1], 0);
  }
  return name;
}

void showValue(const Command& c, std::ostream& os) { os << format_command(c.argv); }

void showValue(const Sequence& s, std::ostream& os) {
  os << "RESP" << s.protocol << ", " << (s.expiry == ExpiryMode::kRelative ? "relative" : "absolute")
     << " expiry:";
  for (const Command& c : s.commands) os << "\n  " << format_command(c.argv);
}

}  // namespace kevy::conformance::props
