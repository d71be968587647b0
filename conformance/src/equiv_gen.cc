// The generator of equiv_gen.h: a seeded std::mt19937_64 drives a weighted table of command
// makers. Key names are typed by prefix (s: strings, l: lists, h: hashes, S: sets, z: sorted
// sets) so that most commands hit a key of their type, plus a few untyped names (one empty,
// one binary, one long) for type clashes, renames across types and odd names. Values never
// look like key names, so the rule checker can look for an unstable name in any argument.
#include "equiv_gen.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <random>
#include <set>

namespace kevy::conformance::equiv {
namespace {

using Argv = std::vector<std::string>;
using Strings = std::vector<std::string>;

const Strings kStrings = {"s:1", "s:2", "s:3"};
const Strings kLists = {"l:1", "l:2", "l:3"};
const Strings kHashes = {"h:1", "h:2", "h:3"};
const Strings kSets = {"S:1", "S:2", "S:3"};
const Strings kZsets = {"z:1", "z:2", "z:3"};
// Untyped names. Only "k:x" may get a short TTL: the others could equal a value ("" is a
// value too), which would blur the unstable-name checker.
const std::string kUntypedShort = "k:x";
const Strings& untyped() {
  static const Strings v = {"k:x", "", std::string("k:\0bin\xff", 7), "k:" + std::string(80, 'n')};
  return v;
}
// The sorted set of the lex-range commands: every score 0, written only by its own rows.
const std::string kLexZset = "z:lex";
// SORT weights, read through BY w_* / GET w_*: strings that never get a TTL.
const Strings kWeights = {"w_1", "w_2", "w_3", "w_4", "w_5"};

enum class Type { kString, kList, kHash, kSet, kZset };

const Strings& pool(Type t) {
  switch (t) {
    case Type::kString:
      return kStrings;
    case Type::kList:
      return kLists;
    case Type::kHash:
      return kHashes;
    case Type::kSet:
      return kSets;
    case Type::kZset:
      return kZsets;
  }
  return kStrings;
}

uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

class Generator {
 public:
  Generator(uint64_t seed, const GenOptions& o) : rng_(seed), options_(o) {
    seq_.seed = seed;
    seq_.absolute_ttls = chance(60);
    seq_.rdb_preamble = !o.aof || chance(70);
    if (o.aof && chance(40)) rewrite_at_ = o.length / 4 + below(o.length / 2 + 1);
  }

  Sequence run() {
    for (int n = 0; n < options_.length; ++n) {
      if (n == rewrite_at_) emit({"BGREWRITEAOF"});
      if (!unstable_.empty() && chance(8)) settle();
      one_command(/*in_multi=*/false);
    }
    if (!unstable_.empty()) settle();
    return std::move(seq_);
  }

 private:
  // --- randomness -------------------------------------------------------------------------
  int below(int n) { return n <= 1 ? 0 : static_cast<int>(rng_() % static_cast<uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  std::string pick(const Strings& v) {
    return v[static_cast<size_t>(below(static_cast<int>(v.size())))];
  }
  int64_t range(int64_t lo, int64_t hi) {  // inclusive
    return lo + static_cast<int64_t>(rng_() % static_cast<uint64_t>(hi - lo + 1));
  }

  // --- steps ------------------------------------------------------------------------------
  void emit(Argv a) { seq_.steps.push_back(Step{std::move(a), 0}); }
  void settle() {
    seq_.steps.push_back(Step{{}, kSettleSleepMs});
    unstable_.clear();
  }

  // --- keys ---------------------------------------------------------------------------------
  // A key of type t (85%) or an untyped one, never an unstable one; settles first when every
  // candidate is unstable.
  std::string key(Type t) {
    const Strings& p = chance(85) ? pool(t) : untyped();
    Strings ok;
    for (const std::string& k : p) {
      if (!unstable_.count(k)) ok.push_back(k);
    }
    if (ok.empty()) {
      settle();
      return pick(p);
    }
    return pick(ok);
  }
  Type any_type() { return static_cast<Type>(below(5)); }
  std::string any_key() { return key(any_type()); }
  bool may_be_short(const std::string& k) {
    return k == kUntypedShort || k.size() == 3;  // the typed names are "x:N"
  }
  void mark_unstable(const std::string& k) { unstable_.insert(k); }

  // --- values -------------------------------------------------------------------------------
  std::string word(int n) {
    static const char kAlnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string s;
    for (int i = 0; i < n; ++i) s += kAlnum[below(36)];
    return s;
  }
  std::string bytes(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>(rng_() & 0xff);
    return s;
  }
  std::string small_int() {
    switch (below(6)) {
      case 0:
        return std::to_string(range(-10, 10));
      case 1:
        return std::to_string(range(-100000, 100000));
      case 2:
        return std::to_string(range(0, 10000));
      case 3:
        return pick({"9223372036854775807", "-9223372036854775808", "4294967296", "-1"});
      default:
        return std::to_string(range(0, 40));
    }
  }
  std::string value() {
    switch (below(14)) {
      case 0:
      case 1:
      case 2:
        return small_int();
      case 3:
        return pick({"9223372036854775808", "007", "-0", "1e3", " 1", "+5"});
      case 4:
        return pick({"3.14", "-0.5", "1e10", "0.1", "10.50"});
      case 5:
        return pick({"v", "", "hello world", "caf\xc3\xa9"});
      case 6:
        return std::string("\x00\x01\xff\xfe", 4);
      case 7:
        return word(44);  // the embstr limit
      case 8:
        return word(45);
      case 9:
        return medium();
      default:
        return word(1 + below(20));
    }
  }
  std::string medium() { return word(65 + below(240)); }  // past the 64-byte listpack limit
  std::string big() {
    const int n = 1000 + below(40000);
    switch (below(3)) {
      case 0: {  // compressible: a short word repeated (LZF in the RDB)
        std::string w = word(1 + below(8)), s;
        while (static_cast<int>(s.size()) < n) s += w;
        return s;
      }
      case 1:
        return bytes(n);  // incompressible
      default:
        return std::string(static_cast<size_t>(n), 'x');
    }
  }
  std::string member() {
    switch (below(10)) {
      case 0:
      case 1:
      case 2:
        return std::to_string(range(-20, 60));
      case 3:
        return pick({"9223372036854775807", "-9223372036854775808", "x", ""});
      case 4:
        return medium();
      default:
        return "m" + std::to_string(below(40));
    }
  }
  std::string field() {
    switch (below(8)) {
      case 0:
        return pick({"", "1", "-2"});
      case 1:
        return "f" + std::string(70, 'q');
      default:
        return "f" + std::to_string(below(30));
    }
  }
  // "-0" only where it stays deterministic: a skiplist keeps -0.0 but a listpack stores 0, and
  // an AOF rewritten as commands (aof-use-rdb-preamble no) re-adds a skiplist's members in
  // redis-server's dict order, random per process, so whether -0 survives the reload is
  // random on redis-server itself.
  std::string score() {
    const bool signed_zero = !(options_.aof && !seq_.rdb_preamble);
    switch (below(8)) {
      case 0:
        return pick({"inf", "-inf", "0", signed_zero ? "-0" : "0"});
      case 1:
        return pick({"1.5", "-0.25", "3.0000000000000001", "1e-300", "1e300", "0.1"});
      default:
        return std::to_string(range(-50, 50));
    }
  }
  std::string db() { return std::to_string(chance(50) ? below(3) : below(16)); }

  // --- expiry ---------------------------------------------------------------------------------
  std::string short_ms() { return std::to_string(1 + below(kMaxShortTtlMs)); }
  std::string abs_s() { return std::to_string(4102444800LL + range(0, 100000000)); }
  std::string abs_ms() { return std::to_string(4102444800000LL + range(0, 100000000000LL)); }
  std::string rel_s() { return std::to_string(range(100000, 90000000)); }
  std::string rel_ms() { return std::to_string(range(100000000, 90000000000LL)); }

  // A long TTL in the sequence's style, for SET/GETEX ("EX"/"PX" or "EXAT"/"PXAT").
  Argv long_ttl_option() {
    if (seq_.absolute_ttls) return chance(50) ? Argv{"EXAT", abs_s()} : Argv{"PXAT", abs_ms()};
    return chance(50) ? Argv{"EX", rel_s()} : Argv{"PX", rel_ms()};
  }
  // SET's expiry part for key k: none, long, KEEPTTL, short (k becomes unstable) or in the past.
  Argv set_ttl(const std::string& k) {
    const int r = below(100);
    if (r < 50) return {};
    if (r < 72) return long_ttl_option();
    if (r < 82) return {"KEEPTTL"};
    if (r < 94 && may_be_short(k)) {
      mark_unstable(k);
      return {"PX", short_ms()};
    }
    return chance(50) ? Argv{"PXAT", std::to_string(range(1, 1000000))} : Argv{"EXAT", "1"};
  }
  void expire_command(const std::string& k) {
    const int r = below(100);
    if (r < 12 && may_be_short(k)) {
      mark_unstable(k);
      emit({"PEXPIRE", k, short_ms()});
    } else if (r < 20) {
      emit({chance(50) ? "EXPIREAT" : "PEXPIREAT", k, std::to_string(range(1, 1000000))});
    } else if (r < 32) {
      emit({"PERSIST", k});
    } else if (seq_.absolute_ttls) {
      Argv a = chance(50) ? Argv{"EXPIREAT", k, abs_s()} : Argv{"PEXPIREAT", k, abs_ms()};
      if (chance(30)) a.push_back(pick({"NX", "XX", "GT", "LT"}));
      emit(a);
    } else {
      Argv a = chance(50) ? Argv{"EXPIRE", k, rel_s()} : Argv{"PEXPIRE", k, rel_ms()};
      if (chance(20)) a.push_back(pick({"NX", "XX"}));
      emit(a);
    }
  }

  // --- the table ------------------------------------------------------------------------------
  struct Row {
    int weight;
    bool in_multi;  // may appear inside MULTI/EXEC
    std::function<void(Generator&)> make;
  };

  static const std::vector<Row>& rows() {
    using G = Generator;
    static const std::vector<Row> r = {
        // strings
        {8, true,
         [](G& g) {
           std::string k = g.key(Type::kString);
           Argv a{"SET", k, g.value()};
           if (g.chance(15)) a.push_back(g.pick({"NX", "XX"}));
           if (g.chance(10)) a.push_back("GET");
           for (std::string& o : g.set_ttl(k)) a.push_back(std::move(o));
           g.emit(a);
         }},
        {1, true,
         [](G& g) {
           g.emit({"SETNX", g.key(Type::kString), g.value()});
         }},
        {1, true,
         [](G& g) {
           std::string k = g.key(Type::kString);
           if (!g.seq_.absolute_ttls)
             g.emit({"SETEX", k, g.rel_s(), g.value()});
           else if (g.may_be_short(k)) {
             g.mark_unstable(k);
             g.emit({"PSETEX", k, g.short_ms(), g.value()});
           }
         }},
        {2, true,
         [](G& g) {
           Argv a{g.pick({"MSET", "MSETNX"})};
           for (int i = 1 + g.below(3); i > 0; --i) {
             a.push_back(g.chance(20) ? g.pick(kWeights) : g.key(Type::kString));
             a.push_back(g.chance(30) ? std::to_string(g.below(10)) : g.value());
           }
           g.emit(a);
         }},
        {2, true,
         [](G& g) {
           g.emit({"APPEND", g.key(Type::kString), g.value()});
         }},
        {1, true,
         [](G& g) {
           g.emit({"SETRANGE", g.key(Type::kString),
                   std::to_string(g.chance(90) ? g.below(100) : g.below(20000)), g.value()});
         }},
        {3, true,
         [](G& g) {
           std::string k = g.key(Type::kString);
           switch (g.below(5)) {
             case 0:
               g.emit({"INCR", k});
               break;
             case 1:
               g.emit({"DECR", k});
               break;
             case 2:
               g.emit({"INCRBY", k, g.small_int()});
               break;
             case 3:
               g.emit({"DECRBY", k, std::to_string(g.range(-1000, 1000))});
               break;
             default:
               g.emit({"INCRBYFLOAT", k, g.pick({"1.5", "-0.25", "1e3", "3", "0.1"})});
               break;
           }
         }},
        {1, true,
         [](G& g) {
           g.emit({"GETDEL", g.key(Type::kString)});
         }},
        {2, true,
         [](G& g) {
           std::string k = g.key(Type::kString);
           Argv a{"GETEX", k};
           const int r = g.below(10);
           if (r < 4) {
             for (std::string& o : g.long_ttl_option()) a.push_back(std::move(o));
           } else if (r < 6) {
             a.push_back("PERSIST");
           } else if (r < 8 && g.may_be_short(k)) {
             g.mark_unstable(k);
             a.insert(a.end(), {"PX", g.short_ms()});
           } else if (r < 9) {
             a.insert(a.end(), {"PXAT", "1"});
           }
           g.emit(a);
         }},
        {2, true,
         [](G& g) {
           g.emit({"SETBIT", g.key(Type::kString),
                   std::to_string(g.chance(80) ? g.below(200) : g.below(70000)),
                   g.pick({"0", "1"})});
         }},
        {1, true,
         [](G& g) {
           std::string op = g.pick({"AND", "OR", "XOR", "NOT"});
           Argv a{"BITOP", op, g.key(Type::kString), g.key(Type::kString)};
           if (op != "NOT") a.push_back(g.key(Type::kString));
           g.emit(a);
         }},
        {1, true,
         [](G& g) {
           // No OVERFLOW FAIL in AOF sequences: a BITFIELD whose every write fails is not
           // propagated, yet redis-server has already zero-padded the string to the offset
           // (so its own AOF does not give back what it holds; kevy does the same).
           Argv a{"BITFIELD", g.key(Type::kString)};
           if (g.chance(40)) {
             a.insert(a.end(), {"OVERFLOW", g.options_.aof ? g.pick({"WRAP", "SAT"})
                                                           : g.pick({"WRAP", "SAT", "FAIL"})});
           }
           a.insert(a.end(), {g.pick({"SET", "INCRBY"}), g.pick({"u8", "i16", "u4", "i64"}),
                              g.pick({"0", "#1", "13", "100"}), g.small_int()});
           g.emit(a);
         }},
        // lists
        {6, true,
         [](G& g) {
           Argv a{g.pick({"LPUSH", "RPUSH", "LPUSH", "RPUSH", "LPUSHX", "RPUSHX"}),
                  g.key(Type::kList)};
           for (int i = 1 + g.below(4); i > 0; --i)
             a.push_back(g.chance(30) ? std::to_string(g.below(6)) : g.member());
           g.emit(a);
         }},
        {1, true,
         [](G& g) {
           g.emit({"LINSERT", g.key(Type::kList), g.pick({"BEFORE", "AFTER"}), g.member(),
                   g.member()});
         }},
        {1, true,
         [](G& g) {
           g.emit({"LSET", g.key(Type::kList), std::to_string(g.range(-3, 5)), g.member()});
         }},
        {1, true,
         [](G& g) {
           g.emit({"LREM", g.key(Type::kList), std::to_string(g.range(-2, 2)), g.member()});
         }},
        {1, true,
         [](G& g) {
           g.emit({"LTRIM", g.key(Type::kList), std::to_string(g.range(-5, 5)),
                   std::to_string(g.range(-5, 2000))});
         }},
        {2, true,
         [](G& g) {
           Argv a{g.pick({"LPOP", "RPOP"}), g.key(Type::kList)};
           if (g.chance(40)) a.push_back(std::to_string(g.below(700)));
           g.emit(a);
         }},
        {2, true,
         [](G& g) {
           if (g.chance(30)) {
             g.emit({"RPOPLPUSH", g.key(Type::kList), g.key(Type::kList)});
           } else {
             g.emit({"LMOVE", g.key(Type::kList), g.key(Type::kList), g.pick({"LEFT", "RIGHT"}),
                     g.pick({"LEFT", "RIGHT"})});
           }
         }},
        {1, true,
         [](G& g) {
           Argv a{"LMPOP", "2", g.key(Type::kList), g.key(Type::kList), g.pick({"LEFT", "RIGHT"})};
           if (g.chance(50)) a.insert(a.end(), {"COUNT", std::to_string(1 + g.below(300))});
           g.emit(a);
         }},
        // hashes
        {5, true,
         [](G& g) {
           Argv a{g.pick({"HSET", "HSET", "HMSET"}), g.key(Type::kHash)};
           for (int i = 1 + g.below(3); i > 0; --i) {
             a.push_back(g.field());
             a.push_back(g.value());
           }
           g.emit(a);
         }},
        {1, true,
         [](G& g) {
           g.emit({"HSETNX", g.key(Type::kHash), g.field(), g.value()});
         }},
        {2, true,
         [](G& g) {
           Argv a{"HDEL", g.key(Type::kHash)};
           for (int i = 1 + g.below(3); i > 0; --i) a.push_back(g.field());
           g.emit(a);
         }},
        {2, true,
         [](G& g) {
           if (g.chance(60))
             g.emit({"HINCRBY", g.key(Type::kHash), g.field(), g.small_int()});
           else
             g.emit({"HINCRBYFLOAT", g.key(Type::kHash), g.field(),
                     g.pick({"1.5", "-2", "1e2", "0.3"})});
         }},
        // sets
        {5, true,
         [](G& g) {
           Argv a{"SADD", g.key(Type::kSet)};
           for (int i = 1 + g.below(4); i > 0; --i) a.push_back(g.member());
           g.emit(a);
         }},
        {2, true,
         [](G& g) {
           Argv a{"SREM", g.key(Type::kSet)};
           for (int i = 1 + g.below(3); i > 0; --i) a.push_back(g.member());
           g.emit(a);
         }},
        {1, true,
         [](G& g) {
           g.emit({"SMOVE", g.key(Type::kSet), g.key(Type::kSet), g.member()});
         }},
        {2, true,
         [](G& g) {
           g.emit({g.pick({"SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE"}), g.key(Type::kSet),
                   g.key(Type::kSet), g.key(Type::kSet)});
         }},
        // SPOP only in the form that empties the set (deterministic; propagated as DEL).
        {1, true,
         [](G& g) {
           g.emit({"SPOP", g.key(Type::kSet), "100000"});
         }},
        // sorted sets
        {5, true,
         [](G& g) {
           Argv a{"ZADD", g.key(Type::kZset)};
           const int flag = g.below(10);
           if (flag == 0) a.push_back(g.pick({"NX", "XX"}));
           if (flag == 1 && g.seq_.absolute_ttls) a.push_back(g.pick({"GT", "LT"}));
           if (flag == 2) a.push_back("CH");
           if (flag == 3) {
             a.insert(a.end(), {"INCR", g.score(), g.member()});
           } else {
             for (int i = 1 + g.below(3); i > 0; --i) {
               a.push_back(g.score());
               a.push_back(g.member());
             }
           }
           g.emit(a);
         }},
        {1, true,
         [](G& g) {
           g.emit({"ZINCRBY", g.key(Type::kZset), g.score(), g.member()});
         }},
        {2, true,
         [](G& g) {
           Argv a{"ZREM", g.key(Type::kZset)};
           for (int i = 1 + g.below(3); i > 0; --i) a.push_back(g.member());
           g.emit(a);
         }},
        {1, true,
         [](G& g) {
           std::string k = g.key(Type::kZset);
           if (g.chance(50)) {
             g.emit({"ZREMRANGEBYRANK", k, std::to_string(g.range(-3, 3)),
                     std::to_string(g.range(-3, 50))});
           } else {
             g.emit({"ZREMRANGEBYSCORE", k, g.pick({"-inf", "0", "(1", "-10"}),
                     g.pick({"+inf", "5", "(20"})});
           }
         }},
        // Lex ranges only over a zset whose scores are all 0: over mixed scores a skiplist's
        // answer depends on its random node levels (two redis-servers disagree).
        {2, true,
         [](G& g) {
           if (g.chance(60)) {
             Argv a{"ZADD", kLexZset};
             for (int i = 1 + g.below(g.chance(10) ? 200 : 4); i > 0; --i) {
               a.push_back("0");
               a.push_back(g.member());
             }
             g.emit(a);
           } else if (g.chance(60)) {
             g.emit({"ZREMRANGEBYLEX", kLexZset, g.pick({"-", "[m1", "(m2", "[1"}),
                     g.pick({"+", "[m3", "(m9", "(x"})});
           } else {
             g.emit({"ZRANGESTORE", g.key(Type::kZset), kLexZset, g.pick({"-", "[m1", "(m2"}),
                     g.pick({"+", "[m3", "(m9"}), "BYLEX"});
           }
         }},
        {1, true,
         [](G& g) {
           Argv a{g.pick({"ZPOPMIN", "ZPOPMAX"}), g.key(Type::kZset)};
           if (g.chance(50)) a.push_back(std::to_string(g.below(200)));
           g.emit(a);
         }},
        {1, true,
         [](G& g) {
           Argv a{"ZMPOP", "2", g.key(Type::kZset), g.key(Type::kZset), g.pick({"MIN", "MAX"})};
           if (g.chance(50)) a.insert(a.end(), {"COUNT", std::to_string(1 + g.below(150))});
           g.emit(a);
         }},
        {2, true,
         [](G& g) {
           const std::string cmd = g.pick({"ZUNIONSTORE", "ZINTERSTORE", "ZDIFFSTORE"});
           Argv a{cmd, g.key(Type::kZset), "2", g.key(Type::kZset),
                  g.chance(25) ? g.key(Type::kSet) : g.key(Type::kZset)};
           if (cmd != "ZDIFFSTORE" && g.chance(40)) {
             a.insert(a.end(),
                      {"WEIGHTS", g.pick({"1", "2", "-1", "0.5"}), g.pick({"1", "3", "inf"})});
           }
           if (cmd != "ZDIFFSTORE" && g.chance(30))
             a.insert(a.end(), {"AGGREGATE", g.pick({"SUM", "MIN", "MAX"})});
           g.emit(a);
         }},
        {1, true,
         [](G& g) {
           Argv a{"ZRANGESTORE", g.key(Type::kZset), g.key(Type::kZset)};
           if (g.chance(50))
             a.insert(a.end(), {std::to_string(g.range(-5, 5)), std::to_string(g.range(-5, 200))});
           else
             a.insert(a.end(),
                      {g.pick({"-inf", "0", "(-5"}), g.pick({"+inf", "10", "(3"}), "BYSCORE"});
           g.emit(a);
         }},
        // keyspace
        {3, true,
         [](G& g) {
           Argv a{g.pick({"DEL", "UNLINK"})};
           for (int i = 1 + g.below(2); i > 0; --i) a.push_back(g.any_key());
           g.emit(a);
         }},
        {2, true,
         [](G& g) {
           Type t = g.chance(80) ? g.any_type() : Type::kString;
           g.emit({g.pick({"RENAME", "RENAME", "RENAMENX"}), g.key(t),
                   g.chance(70) ? g.key(t) : g.any_key()});
         }},
        {2, true,
         [](G& g) {
           Type t = g.any_type();
           Argv a{"COPY", g.key(t), g.key(t)};
           if (g.chance(50)) a.insert(a.end(), {"DB", g.db()});
           if (g.chance(40)) a.push_back("REPLACE");
           g.emit(a);
         }},
        {2, true,
         [](G& g) {
           g.emit({"MOVE", g.any_key(), g.db()});
         }},
        {5, true,
         [](G& g) {
           g.emit({"SELECT", g.db()});
         }},
        {1, true,
         [](G& g) {
           g.emit({"SWAPDB", g.db(), g.db()});
         }},
        {5, true, [](G& g) { g.expire_command(g.any_key()); }},
        {1, true,
         [](G& g) {
           // SORT ... STORE: numeric (ties broken by the element) or ALPHA without BY.
           Argv a{"SORT", g.chance(60) ? g.key(Type::kList) : g.key(Type::kSet)};
           const bool by = g.chance(40);
           if (by) a.insert(a.end(), {"BY", "w_*"});
           if (g.chance(30))
             a.insert(a.end(),
                      {"LIMIT", std::to_string(g.below(3)), std::to_string(g.range(-1, 5))});
           if (g.chance(30)) a.insert(a.end(), {"GET", g.pick({"#", "w_*"})});
           if (g.chance(30)) a.push_back("DESC");
           if (!by && g.chance(60)) a.push_back("ALPHA");
           a.insert(a.end(), {"STORE", g.key(Type::kList)});
           g.emit(a);
         }},
        {1, false, [](G& g) { g.emit({"FLUSHDB"}); }},
        // big encodings
        {2, false, [](G& g) { g.bulk(); }},
        // MULTI / EXEC around a few writes: kevy has no transactions yet (weight 0 until it
        // does; the AOF still gets MULTI/EXEC from lazy expiry inside one command).
        {0, false,
         [](G& g) {
           g.emit({"MULTI"});
           for (int i = 1 + g.below(4); i > 0; --i) g.one_command(/*in_multi=*/true);
           g.emit({g.chance(90) ? "EXEC" : "DISCARD"});
         }},
        // rdb-equiv: save and load in place in the middle of a sequence
        {1, false,
         [](G& g) {
           if (!g.options_.aof && g.chance(30)) g.emit({"DEBUG", "RELOAD"});
         }},
    };
    return r;
  }

  void one_command(bool in_multi) {
    const auto& table = rows();
    int total = 0;
    for (const Row& r : table) total += (!in_multi || r.in_multi) ? r.weight : 0;
    int w = below(total);
    for (const Row& r : table) {
      if (in_multi && !r.in_multi) continue;
      if (w < r.weight) {
        r.make(*this);
        return;
      }
      w -= r.weight;
    }
  }

  // One command that builds a big value: at most four per sequence.
  void bulk() {
    if (bulk_count_ >= 4) {
      emit({"SET", key(Type::kString), value()});
      return;
    }
    ++bulk_count_;
    switch (below(8)) {
      case 0: {  // a list of several 8 KiB listpack nodes
        Argv a{pick({"RPUSH", "LPUSH"}), key(Type::kList)};
        const int kind = below(3);
        const int n = kind == 0   ? 1500 + below(1000)
                      : kind == 1 ? 300 + below(500)
                                  : 20 + below(40);
        for (int i = 0; i < n; ++i) {
          a.push_back(kind == 0 ? std::to_string(range(-100000, 100000))
                      : kind == 1
                          ? word(20 + below(40))
                          : (chance(10) ? word(9000 + below(4000)) : word(200 + below(800))));
        }
        emit(a);
        break;
      }
      case 1: {  // a hash past 128 fields (sometimes past 512)
        Argv a{"HSET", key(Type::kHash)};
        const int n = chance(25) ? 100 + below(29) : 129 + below(500);
        for (int i = 0; i < n; ++i) {
          a.push_back("f" + std::to_string(i));
          a.push_back(chance(80) ? small_int() : word(1 + below(30)));
        }
        emit(a);
        break;
      }
      case 2: {  // a small hash with values past 64 bytes
        Argv a{"HSET", key(Type::kHash)};
        for (int i = 0; i < 3; ++i) {
          a.push_back(field());
          a.push_back(medium());
        }
        emit(a);
        break;
      }
      case 3: {  // an intset around and past 512 members
        Argv a{"SADD", key(Type::kSet)};
        const int n = 400 + below(300);
        const bool sequential = chance(50);
        for (int i = 0; i < n; ++i) {
          a.push_back(std::to_string(sequential ? i - 20 : range(-1000000, 1000000)));
        }
        emit(a);
        break;
      }
      case 4: {  // a set of strings (hashtable)
        Argv a{"SADD", key(Type::kSet)};
        for (int i = 40 + below(200); i > 0; --i) a.push_back("m" + std::to_string(below(400)));
        emit(a);
        break;
      }
      case 5: {  // a sorted set past 128 members, or with long members
        Argv a{"ZADD", key(Type::kZset)};
        const bool long_members = chance(25);
        const int n = long_members ? 5 : 100 + below(250);
        for (int i = 0; i < n; ++i) {
          a.push_back(chance(70) ? std::to_string(range(-1000, 1000)) : score());
          a.push_back(long_members ? medium() : "m" + std::to_string(i));
        }
        emit(a);
        break;
      }
      default: {  // big strings: SET, APPEND, SETRANGE
        std::string k = key(Type::kString);
        switch (below(3)) {
          case 0:
            emit({"SET", k, big()});
            break;
          case 1:
            emit({"APPEND", k, big()});
            break;
          default:
            emit({"SETRANGE", k, std::to_string(below(30000)), word(1 + below(10))});
            break;
        }
        break;
      }
    }
  }

  std::mt19937_64 rng_;
  GenOptions options_;
  Sequence seq_;
  std::set<std::string> unstable_;
  int rewrite_at_ = -1;
  int bulk_count_ = 0;
};

bool is(const std::string& a, const char* b) {
  if (a.size() != std::char_traits<char>::length(b)) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

bool small_ms(const std::string& v) {
  return !v.empty() && v.size() <= 3 && std::all_of(v.begin(), v.end(), ::isdigit) &&
         std::stoi(v) <= kMaxShortTtlMs;
}

}  // namespace

uint64_t sequence_seed(uint64_t seed, int index) {
  return splitmix64(seed ^ splitmix64(static_cast<uint64_t>(index) + 1));
}

Sequence generate(uint64_t seed, const GenOptions& options) {
  return Generator(seed, options).run();
}

bool balanced(const std::vector<Step>& steps) {
  bool open = false;
  for (const Step& s : steps) {
    if (s.is_sleep()) continue;
    if (is(s.argv[0], "MULTI")) {
      if (open) return false;
      open = true;
    } else if (is(s.argv[0], "EXEC") || is(s.argv[0], "DISCARD")) {
      if (!open) return false;
      open = false;
    } else if (open && (is(s.argv[0], "BGREWRITEAOF") || is(s.argv[0], "DEBUG"))) {
      return false;
    }
  }
  return !open;
}

std::string check_unstable_rule(const Sequence& s) {
  std::set<std::string> unstable;
  for (size_t i = 0; i < s.steps.size(); ++i) {
    const Step& st = s.steps[i];
    if (st.is_sleep()) {
      if (st.sleep_ms > kMaxShortTtlMs) unstable.clear();
      continue;
    }
    for (size_t j = 1; j < st.argv.size(); ++j) {
      if (unstable.count(st.argv[j])) {
        return "step " + std::to_string(i) + " (" + st.argv[0] + ") names unstable key " +
               st.argv[j];
      }
    }
    // Does this step give argv[1] a short TTL?
    const std::string& c = st.argv[0];
    bool short_ttl = false;
    if ((is(c, "PSETEX") || is(c, "PEXPIRE")) && st.argv.size() >= 3)
      short_ttl = small_ms(st.argv[2]);
    if (is(c, "SET") || is(c, "GETEX")) {
      for (size_t j = 2; j + 1 < st.argv.size(); ++j) {
        if (is(st.argv[j], "PX") && small_ms(st.argv[j + 1])) short_ttl = true;
      }
    }
    if (short_ttl) unstable.insert(st.argv[1]);
  }
  if (!unstable.empty()) return "the sequence ends with unstable key " + *unstable.begin();
  return "";
}

}  // namespace kevy::conformance::equiv
