// rdb-equiv and aof-equiv: kevy's persistence files against redis-server 7.0.15's, both ways.
//
//   kevy-conform rdb-equiv --seed S --sequences N [--length L] [--only I] [--out DIR]
//                          [--no-shrink] [--keep] [--no-encodings] [--fault key|ttl] [--verbose]
//   kevy-conform aof-equiv (the same flags)
//
// For each generated sequence (equiv_gen.h) a fresh kevy-server and a fresh redis-server (unix
// sockets, each in its own directory, `--save ''`, AOF off for rdb-equiv; `--appendonly yes`
// with aof-use-rdb-preamble yes or no for aof-equiv) run the same commands; their replies must
// be equal. Then, after the last short TTL has passed, both are swept (a full SCAN of every db
// deletes the expired keys, as Redis does) and each persists:
//   rdb-equiv: SAVE on both; redis-check-rdb must accept kevy's dump.rdb;
//   aof-equiv: each AOF is waited for until settled (no rewrite, empty AOF buffer);
//              redis-check-aof must accept kevy's manifest.
// Four servers are then started on copies of the files (in parallel): kevy on kevy's, redis on
// kevy's, kevy on redis's, redis on redis's. Every one must start, and
//   - state_diff (keys, types, values, PTTL within 1 s) of each loaded keyspace equals the live
//     server whose file it loaded, and the two live servers equal each other;
//   - DEBUG DIGEST of each loaded server equals the live one of the file's writer, and when the
//     sequence sets only absolute expiry times the two live digests are equal too;
//   - PEXPIRETIME of every key equals the writer's exactly (DEBUG DIGEST only mixes in whether
//     a key has a TTL), and kevy's equals redis's for absolute-time sequences;
//   - OBJECT ENCODING of every key is the same on kevy and redis holding the same data (the
//     live pair, and the two loaders of each file), unless --no-encodings;
//   - aof-equiv: the live kevy-server stopped by SIGTERM exits 0, and restarted in place on
//     its own appendonlydir has the same digest and keyspace.
// The first sequence with a difference is shrunk (steps removed while the same check still
// fails; --no-shrink skips it) and written to DIR/<mode>-<seed>-<index>.corpus as a corpus
// case (commands with redis-server's replies, the sweep, DEBUG DIGEST) that `kevy-conform
// replay` replays, with the failed checks as comments, beside a directory holding both
// servers' files and the loaders' logs. --fault makes kevy differ on purpose (an extra key, or
// an expiry 1 ms later) to prove that the gate fails.
//
// Exit codes (modes.h): 0 every sequence equal, 1 a difference, 2 usage or I/O error, 77 when
// redis-server 7.0.15, redis-check-rdb/-aof or kevy-server is not installed.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace kevy::conformance::equiv {

enum class Persistence { kRdb, kAof };

struct Options {
  Persistence mode = Persistence::kRdb;
  uint64_t seed = 1;
  int sequences = 20;
  int length = 80;
  int only = -1;  // >= 0: run only this sequence index
  std::string out_dir = "equiv-failures";
  bool shrink = true;
  bool keep = false;      // keep every sequence's directory (and print it)
  bool encodings = true;  // compare OBJECT ENCODING
  std::string fault;      // "", "key" or "ttl"
  bool verbose = false;
  int shrink_budget = 150;  // at most this many re-runs while shrinking
};

struct Summary {
  int exit_code = 0;
  int sequences = 0;  // run (not counting shrinking)
  long commands = 0;  // sent to each live server
  long keys = 0;      // keys compared in the live keyspaces (summed over sequences)
  double seconds = 0;
  std::string case_path;  // the corpus case written on a difference
};

// Runs the mode; progress and reports go to `log`.
Summary run(const Options& options, std::ostream& log);

// Parses the flags shared by both modes (see the top of this file). False with *error.
bool parse_options(const std::vector<std::string>& args, Persistence mode, Options* out,
                   std::string* error);

}  // namespace kevy::conformance::equiv

namespace kevy::conformance {
// The modes registered in modes.h.
int rdb_equiv_mode(const std::vector<std::string>& args);
int aof_equiv_mode(const std::vector<std::string>& args);
}  // namespace kevy::conformance
