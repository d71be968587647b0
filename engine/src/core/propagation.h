// Propagation: the commands one execution unit (a command, a typed call, one expired key of an
// active-expiry cycle) sends to the AOF, in Redis 7.0.15's propagated forms: relative times made
// absolute (EXPIRE → PEXPIREAT, SET EX → SET PXAT), random choices made explicit (SPOP → SREM),
// lazily expired keys as DEL (REDIS-NOTES.md "Expiry").
//
// Handlers speak to it as Redis's call() machinery is spoken to:
//   also(db, argv)  an extra op, in order — Redis's alsoPropagate (e.g. the DEL of a key that
//                   expired while the command looked it up);
//   rewrite(argv)   the running command's own form replaced — rewriteClientCommandVector;
//   prevent()       the running command's own form dropped — preventCommandPropagation (a write
//                   that changed nothing, or one whose effect went out through also()).
// After a write command that did not reply with an error, the Store appends the command's own
// form (its argv unless rewritten or prevented) at the end of the unit and hands the unit to the
// AOF, which wraps it in MULTI/EXEC when it holds more than one op, as Redis 7.0 does.
//
// While inactive (no AOF) every call returns at once and nothing is kept: cold paths may call
// them unconditionally; hot paths test active() before formatting numbers for a form.
//
// Thread-safety: as the Keyspace that owns it — only under the Store's lock.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kevy {

// One propagated command: the db it runs in and its argv (owned bytes).
struct PropagatedOp {
  int db = 0;
  std::vector<std::string> argv;
};

class Propagation {
 public:
  bool active() const { return active_; }
  // Off while loading (replayed commands are not propagated again) and without an AOF.
  void set_active(bool on);

  // Handler side.
  void also(int db, std::initializer_list<std::string_view> argv);
  void also(int db, std::vector<std::string> argv);
  void rewrite(std::initializer_list<std::string_view> argv);
  void rewrite(std::vector<std::string> argv);
  void prevent();

  // Store side. begin_command() before the handler clears the previous command's override;
  // finish_command() settles the own form: nothing when !propagate_own or prevent() was called,
  // else the rewritten form or argv, in db.
  void begin_command() {
    prevented_ = false;
    rewritten_ = false;
  }
  void finish_command(int db, std::span<const std::string_view> argv, bool propagate_own);

  bool has_ops() const { return !ops_.empty(); }
  // The unit's ops in order; leaves the unit empty.
  std::vector<PropagatedOp> take();

 private:
  bool active_ = false;
  bool prevented_ = false;
  bool rewritten_ = false;
  std::vector<std::string> rewritten_argv_;
  std::vector<PropagatedOp> ops_;
};

}  // namespace kevy
