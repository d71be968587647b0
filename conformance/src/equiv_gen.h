// The command sequences of the persistence equivalence modes (rdb-equiv, aof-equiv): seeded,
// reproducible lists of writes that leave the SAME keyspace on kevy-server and redis-server.
//
// What a sequence covers: every type kevy has (strings, lists, hashes, sets, sorted sets), 16
// dbs (SELECT, MOVE, SWAPDB, COPY ... DB), TTLs long and short, expiry in the past, small and
// big encodings (int/embstr/raw and big compressible strings; lists of several 8 KiB nodes;
// hashes past 128 fields or with values > 64 bytes; sets past 512 integers or with strings;
// sorted sets past 128 members or with members > 64 bytes), SORT ... STORE, the *STORE
// commands, DEBUG RELOAD in RDB sequences and one BGREWRITEAOF in some AOF sequences.
// (MULTI/EXEC blocks are in the table with weight 0 until kevy has transactions.)
//
// Determinism rules (both servers must end with the same keys, values and expiry times):
// - no command whose effect is random (SPOP with a count below the size, SRANDMEMBER, ...),
//   nor what redis-server itself does not reproduce (equiv_gen.cc: lex ranges over mixed
//   scores, -0 scores and BITFIELD OVERFLOW FAIL in some AOF sequences);
// - a short TTL (<= kMaxShortTtlMs) makes its key name "unstable": no later command names it
//   (in any db, in any key position, SORT patterns included) until an `@sleep` longer than the
//   TTL, after which it is certainly expired on both servers; a sequence with unstable names
//   ends with such a sleep;
// - long TTLs are absolute times (EXPIREAT, PXAT...) in `absolute_ttls` sequences, so both
//   servers hold the same expiry times to the millisecond (DEBUG DIGEST includes them); other
//   sequences use relative ones (EXPIRE 1000000, SET EX), equal within a second only, and no
//   GT/LT (which compare two expiry times set in different milliseconds).
// Any subsequence of a sequence keeps these properties (removing commands cannot make a name
// be used while unstable), so a failing sequence can be shrunk by removing steps, as long as
// MULTI/EXEC stay paired (balanced()).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kevy::conformance::equiv {

// A short TTL is at most this long; the sleep that makes its key usable again is longer.
inline constexpr int kMaxShortTtlMs = 15;
inline constexpr int kSettleSleepMs = 25;

struct Step {
  std::vector<std::string> argv;  // empty for a sleep
  int sleep_ms = 0;
  bool is_sleep() const { return argv.empty(); }
};

struct GenOptions {
  int length = 80;   // commands (sleeps and the MULTI/EXEC brackets not counted)
  bool aof = false;  // may add BGREWRITEAOF (aof-equiv); else DEBUG RELOAD (rdb-equiv)
};

struct Sequence {
  uint64_t seed = 0;          // this sequence's own seed (generate(seed) reproduces it)
  bool absolute_ttls = true;  // see above: both digests must then be equal
  bool rdb_preamble = true;   // aof-equiv: aof-use-rdb-preamble of both servers
  std::vector<Step> steps;
};

// The seed of sequence `index` of a run with seed `seed` (splitmix64 of both).
uint64_t sequence_seed(uint64_t seed, int index);

// A sequence for `seed`; the same seed and options give the same sequence.
Sequence generate(uint64_t seed, const GenOptions& options);

// True when every MULTI is closed by an EXEC (or DISCARD) before the next MULTI and the end.
bool balanced(const std::vector<Step>& steps);

// Key names the generator may give a short TTL to, for tests: a checker of the rules above.
// Returns "" when `s` keeps them, else the first violation ("step 12 names unstable key k").
std::string check_unstable_rule(const Sequence& s);

}  // namespace kevy::conformance::equiv
