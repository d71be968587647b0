// props: property-based conformance. RapidCheck generates command sequences over small pools
// (few key names, so keys collide and types clash; edge-case values, offsets and options),
// runs each sequence on two targets from an empty keyspace and compares every reply. The first
// difference fails the property; RapidCheck shrinks the sequence and the minimal one is written
// as a corpus case (corpus/README.md), so it becomes a regression.
//
//   kevy-conform props --seed S --runs N --length L --target A --target B [--out DIR]
//                      [--resp3 PERCENT] [--commands FILE] [--known-divergences FILE]
//                      [--exclude LABEL]... [--no-shrink]
//
// Target A is the reference: its reply bytes are the expected bytes of the written case.
// Replies are compared exactly unless the command's tips (corpus/commands.json) say
// nondeterministic_output_order (multiset) or nondeterministic_output (shape only).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compare.h"
#include "targets.h"

namespace kevy::conformance::props {

// One generated step. argv[0] == "@scan" is the corpus directive: SCAN from cursor 0 until
// the cursor is 0 again with the remaining arguments as options; its "reply" is the RESP2
// array of the keys seen, compared as a multiset.
struct Command {
  std::vector<std::string> argv;
};

// Sequences set TTLs either with relative times (EXPIRE, SET EX, ...) or with absolute ones
// (EXPIREAT, SET EXAT, ...), never both with positive values: reading an absolute expiry back
// (EXPIRETIME, PEXPIRETIME) of a relative one depends on the wall clock, and so do GT/LT
// comparisons between two relative expiries set in the same millisecond or not.
enum class ExpiryMode { kRelative, kAbsolute };

struct Sequence {
  int protocol = 2;
  ExpiryMode expiry = ExpiryMode::kRelative;
  std::vector<Command> commands;
};

// The COMMAND INFO tips that decide how replies are compared, loaded from
// corpus/commands.json (empty until load(): every reply compared exactly).
class Tips {
 public:
  // Replaces the table with the tips of every entry of `path` (corpus/commands.json format:
  // {"commands": {"name" or "container|sub": {"tips": [...]}, ...}}). False with *error
  // when the file cannot be read or parsed; the table is then unchanged.
  bool load(const std::string& path, std::string* error);
  // The comparison for argv (container commands use "name|sub" when that entry exists).
  Compare compare_for(const std::vector<std::string>& argv) const;
  size_t size() const { return tips_.size(); }

 private:
  std::map<std::string, std::vector<std::string>> tips_;  // lowercase name -> tips
};

// `n` commands drawn by the generator (RapidCheck random stream `seed`), for tests.
std::vector<Command> sample_commands(uint64_t seed, int n, ExpiryMode mode);

// A sequence decoded from bytes, for libFuzzer targets (fuzz/command_sequence.h): byte 0
// picks the protocol (bit 0: RESP3) and the expiry mode (bit 1: absolute); then each group of
// 4 bytes seeds one command drawn from the same rows as sequence_gen (inside a transaction,
// a group whose first byte is below 77 draws a closing EXEC/DISCARD form instead, as the
// generator closes 30% of the time), with the same fixes for @scan in transactions and SORT
// after an out-of-range number. At most max_commands commands; a partial group is ignored.
Sequence sequence_from_bytes(const uint8_t* data, size_t size, size_t max_commands = 64);
// The upper-case names of all commands the generator emits ("OBJECT|ENCODING" for
// subcommands of containers, "DEBUG|SLEEP" for DEBUG's own subcommands).
std::vector<std::string> generated_command_names();
// "OBJECT|ENCODING" style name of a generated command (uppercase), "@SCAN" for the directive.
std::string command_label(const Command& c);

struct Options {
  uint64_t seed = 1;
  int runs = 100;
  int length = 30;
  std::vector<std::string> targets;  // exactly two URIs (targets.h), unless opened below
  // When set, used instead of opening `targets` (tests inject wrapped targets).
  Target* target_a = nullptr;
  Target* target_b = nullptr;
  std::string out_dir = "props-failures";
  std::string commands_json;  // "" = search corpus/commands.json
  // corpus/known-divergences.txt format; a matching difference (case id "props/<seed>") is
  // accepted. "" = none.
  std::string known_divergences;
  int resp3_percent = 25;
  // Generator rows left out (labels of generated_command_names(), e.g. "HELLO"): to look past
  // a known difference, or for a target that lacks a command. Not a normalisation.
  std::vector<std::string> exclude;
  bool shrink = true;
};

struct Result {
  int exit_code = 0;       // kExitOk, kExitDifferences, kExitUsage, kExitSkipped (modes.h)
  int runs = 0;            // sequences run (not counting shrinking)
  long commands = 0;       // commands compared (including shrinking)
  double seconds = 0;
  std::string case_path;   // the corpus file written on a difference
  std::string case_text;   // the corpus case written on a difference
};

// Runs the property. Progress and reports go to `log`.
Result run(const Options& options, std::ostream& log);

}  // namespace kevy::conformance::props

namespace kevy::conformance {
// The `props` mode of kevy-conform (registered in modes.h): `args` are the flags.
int props_mode(const std::vector<std::string>& args);
}  // namespace kevy::conformance
