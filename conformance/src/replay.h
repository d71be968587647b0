// Replay of recorded corpus cases on one target (against the recorded replies) or on two
// targets (against each other), with the reports of `kevy-conform replay`: a difference list,
// a summary table per family, JUnit XML and Markdown.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "compare.h"
#include "corpus.h"
#include "targets.h"

namespace kevy::conformance {

struct ReplayOptions {
  std::string filter;                           // keep cases whose id contains this text
  const KnownDivergences* known = nullptr;      // accepted differences (may be null)
  bool progress = false;                        // a progress bar on stderr
  int max_differences_per_case = 3;             // kept (and printed) per case; all are counted
  // A case whose first difference is "-ERR unknown command '...'" where the recorded reply is
  // not one is counted as skipped (the target does not implement the command yet), not failed.
  bool skip_unimplemented = false;
  int repeat = 1;  // replay the selection this many times (for measuring speed)
};

// One step whose replies differ.
struct Difference {
  std::string command;   // as written in the corpus ("SET k v", "@scan MATCH k*")
  int line_no = 0;       // of the `>` line
  Compare compare = Compare::kExact;
  std::string expected;  // raw bytes: the recorded reply, or the first target's
  std::string actual;    // raw bytes: the (second) target's reply
  std::string error;     // non-empty: a target failed (I/O), no reply, an unexpected message
  std::string conn;      // multi-connection cases: the connection the message is read from
  const KnownDivergence* known = nullptr;  // accepted by known-divergences.txt
};

struct CaseResult {
  const CorpusCase* c = nullptr;
  int commands = 0;      // steps compared (sleeps not counted)
  int differences = 0;   // steps that differ and are not accepted
  int known = 0;         // steps that differ but are accepted
  double seconds = 0;
  std::vector<Difference> shown;  // the first max_differences_per_case differences
  std::string unimplemented;      // non-empty: skipped, this command is unknown to the target
  // Non-empty: not run, for this reason (a case that waits for another connection on the
  // embedded target; a multi-connection case in a two-target comparison).
  std::string not_run;
  bool skipped() const { return !unimplemented.empty() || !not_run.empty(); }
  bool passed() const { return differences == 0 && !skipped(); }
  bool failed() const { return differences > 0 && !skipped(); }
};

struct FamilyStats {
  int cases = 0;
  int commands = 0;
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  int known = 0;
};

struct ReplayResult {
  std::string expected_label;  // "recorded" or the first target's name
  std::string actual_label;    // the (second) target's name
  std::vector<CaseResult> cases;
  std::map<std::string, FamilyStats> families;
  int64_t commands = 0;
  int failed_cases = 0;
  int skipped_cases = 0;
  std::map<std::string, int> unimplemented;  // command -> cases skipped because of it
  std::map<std::string, int> not_run;        // reason -> cases not run (CaseResult::not_run)
  double seconds = 0;        // wall time of the replay (resets included, file reading excluded)
  double sleep_seconds = 0;  // of which spent in @sleep steps and DEBUG SLEEP commands
  double commands_per_second() const {
    return seconds > sleep_seconds ? commands / (seconds - sleep_seconds) : 0;
  }
};

// Replays every case of `files` (filtered). b == nullptr: compares target `a` with the recorded
// replies; else runs every step on a and on b (interleaved: a sleep is slept once) and compares
// their replies. False with *error only when a target cannot be reset (unusable); differences
// and failed commands are results. `result->cases` points into `files`.
bool replay(const std::vector<CorpusFile>& files, Target& a, Target* b,
            const ReplayOptions& options, ReplayResult* result, std::string* error);

// How long a multi-connection replay waits for an expected message, and for unexpected ones
// after a step that expects none and at the end of a case.
inline constexpr int kMessageTimeoutMs = 2000;
inline constexpr int kQuietWindowMs = 50;

// Replays one multi-connection case on `t` (already reset) against its recorded messages:
// connections are opened at their first command, `$id(cN)` arguments become cN's CLIENT ID,
// every expected message is read from its connection and compared, and a message nobody
// expects is a difference. Fills r->commands and the differences.
void replay_multi_case(const CorpusCase& c, Target& t, const ReplayOptions& options,
                       CaseResult* r);

// Runs one step on `t` (SCAN loops for @scan, sleeping for @sleep) and puts its reply in
// *reply (for @scan: an array of the keys seen, sorted, or the first page that is not a
// well-formed SCAN page). False with *error on an I/O error.
bool run_step(Target& t, const CorpusStep& step, std::string* reply, std::string* error);

// Reports. print_difference: case id, file:line, command, expected and actual bytes, escaped.
void print_difference(std::ostream& out, const CaseResult& r, const Difference& d,
                      const ReplayResult& result);
void print_summary(std::ostream& out, const ReplayResult& result);
void write_junit(std::ostream& out, const ReplayResult& result);
void write_markdown(std::ostream& out, const ReplayResult& result);

}  // namespace kevy::conformance
