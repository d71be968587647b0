// The props runner, shared by kevy-conform's props mode and the libFuzzer differential
// target (fuzz/fuzz_command_sequence_diff.cc): runs a Sequence on two targets, compares every
// reply as the command's tips allow (EXEC element by element), and turns the first
// difference into a corpus case.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compare.h"
#include "corpus.h"
#include "props.h"
#include "targets.h"

namespace kevy::conformance::props {

// The first difference of one run.
struct Failure {
  Sequence sequence;
  size_t index = 0;  // of the differing command
  std::vector<std::string> replies_a;  // up to and including `index`
  std::string reply_b;
  Compare compare = Compare::kExact;
  bool exec = false;  // the differing command is an EXEC compared element by element
  bool target_error = false;  // a target failed (I/O), not a reply difference
  std::string message;
};

// The corpus step of a generated command under `compare` ("@scan" becomes a scan step).
CorpusStep step_for(const Command& c, Compare compare);

// The comparison of each command of `cmds` as a corpus step: its tips' comparison, except
// inside a transaction: a queued command's reply (+QUEUED or a queue-time error) exactly,
// EXEC's array under the loosest comparison of the commands it ran (loosest()).
std::vector<Compare> step_compares(const std::vector<Command>& cmds, const Tips& tips);

// Runs sequences on the two targets. Transactions: the runner follows the MULTI model
// (props_internal.h) to compare EXEC's array element by element, each under its queued
// command's comparison, and it never lets a transaction or a WATCH outlive its case: a
// network target keeps its connection across cases, and a MULTI left open would queue the
// next case's FLUSHALL / SELECT / HELLO instead of running them, a WATCH would make the next
// case's EXEC fail. So after a case that sent MULTI or WATCH, DISCARD and UNWATCH go to both
// targets (their replies are not compared) before the next reset.
class Runner {
 public:
  Runner(Target& a, Target& b, const Tips& tips, const KnownDivergences& known, uint64_t seed)
      : a_(a), b_(b), tips_(tips), known_(known), case_id_("props/" + std::to_string(seed)) {}

  // Runs `s` on both targets; false with *f at the first difference.
  bool run(const Sequence& s, Failure* f);
  long commands() const { return commands_; }

 private:
  // DISCARD and UNWATCH on both targets, replies ignored ("-ERR DISCARD without MULTI" is
  // fine); false only when a target fails.
  bool end_transactions(std::string* error);
  // After an out-of-range number (may_leave_erange): INCRBYFLOAT of a scratch key by 0 on
  // both targets (the reset's FLUSHALL removes the key), whose parse leaves redis-server's
  // errno at 0; replies ignored.
  bool reset_errno(std::string* error);

  Target& a_;
  Target& b_;
  const Tips& tips_;
  const KnownDivergences& known_;
  std::string case_id_;  // what known-divergence case globs are matched against
  long commands_ = 0;
  bool tx_used_ = false;     // the last case sent MULTI or WATCH
  bool overflowed_ = false;  // the last case had an out-of-range number (may_leave_erange)
};

// The corpus case of a failure: the commands up to the differing one, with target A's replies
// as the expected bytes, tagged with the seed and both target labels.
CorpusCase failure_case(const Failure& f, const Tips& tips, uint64_t seed, int n,
                        const std::string& label_a, const std::string& label_b);

}  // namespace kevy::conformance::props
