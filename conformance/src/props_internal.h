// Internals of props shared by props.cc and props_gen.cc: the RapidCheck generator of whole
// sequences, how RapidCheck prints generated values in its reports, and the MULTI model both
// the generator and the runner follow.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <rapidcheck.h>
#include <rapidcheck/detail/TestListenerAdapter.h>

#include "compare.h"
#include "props.h"

namespace kevy::conformance::props {

// Sequences of exactly `length` commands; `resp3_percent` of them run in RESP3. Shrinks by
// removing chunks of commands and by simplifying single commands. Once a sequence has opened
// a transaction (MULTI), each next command closes it (EXEC, DISCARD) with probability 30%, so
// transactions hold a few queued commands. No "@scan" directive is left inside a
// transaction (it becomes a plain SCAN: the directive loops over replies, a queued SCAN only
// answers +QUEUED), and no numeric SORT follows an out-of-range number (may_leave_erange).
// Rows whose label (generated_command_names()) is in `exclude` are never drawn.
rc::Gen<Sequence> sequence_gen(int length, int resp3_percent,
                               const std::vector<std::string>& exclude);

// True when an argument of `c` (after the name) is out of range for strtod ("1e400",
// "1e-400") or strtoull ("18446744073709551616"). redis-server 7.0.15 leaves errno at ERANGE
// after such a parse (ZADD's score, SCAN's cursor, SORT's own elements...), and SORT's
// numeric comparison (no ALPHA) tests errno without clearing it first: every later numeric
// SORT answers "-ERR One or more scores can't be converted into double" until some other
// parse resets errno (INCRBYFLOAT's does). That is Redis's process state, not a rule kevy
// could follow, so sequence_gen turns the SORTs after such a command into ALPHA sorts, and
// the runner resets Redis's errno (INCRBYFLOAT of a scratch key, before the FLUSHALL of the
// next case) after a case that had one.
bool may_leave_erange(const Command& c);

// Found by RapidCheck's rc::show through argument-dependent lookup.
void showValue(const Command& c, std::ostream& os);
void showValue(const Sequence& s, std::ostream& os);

// ---- MULTI, followed from the commands alone (no reply needed), as redis-server 7.0.15 does.
// What a command does to the connection's transaction state.
enum class TxRole {
  kPlain,      // outside a transaction: runs at once
  kOpen,       // MULTI (exactly one argument) outside a transaction: opens one
  kQueued,     // inside: queued (+QUEUED), or rejected at queue time (arity, unknown command:
               // the error is the reply and EXEC answers EXECABORT)
  kImmediate,  // inside, run at once and not queued: nested MULTI, WATCH with keys (errors)
  kExec,       // inside, EXEC (exactly one argument): runs the queue, ends the transaction
  kEnd,        // inside, ends it without running the queue: DISCARD (exactly one argument),
               // or EXEC with arguments (Redis answers EXECABORT and discards)
};
TxRole tx_role(bool in_multi, const std::vector<std::string>& argv);
// The state after a command with role `r` (in_multi before it, `r` from tx_role).
bool tx_in_multi_after(bool in_multi, TxRole r);

// EXEC's replies `a` and `b` compared element by element, element i under queued[i] (the
// comparison of the i-th queued command: SMEMBERS's array as a multiset, SCAN's by shape...).
// When either is not an array of exactly queued.size() elements (a null after a failed
// WATCH, EXECABORT, or a count the model did not expect) the replies are compared exactly.
bool exec_replies_match(const std::vector<Compare>& queued, std::string_view a,
                        std::string_view b);
// The loosest of `queued` (kExact when empty): how a written corpus case compares the EXEC
// step, which the corpus can only give one comparison.
Compare loosest(const std::vector<Compare>& queued);

}  // namespace kevy::conformance::props
