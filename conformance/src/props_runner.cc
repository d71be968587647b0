// The props runner (props_runner.h).
#include "props_runner.h"

#include "props_internal.h"
#include "replay.h"

namespace kevy::conformance::props {

CorpusStep step_for(const Command& c, Compare compare) {
  CorpusStep step;
  if (!c.argv.empty() && c.argv[0] == "@scan") {
    step.kind = CorpusStep::Kind::kScan;
    step.argv.assign(c.argv.begin() + 1, c.argv.end());
    step.compare = Compare::kScan;
  } else {
    step.argv = c.argv;
    step.compare = compare;
  }
  return step;
}

// The comparison of each command of `cmds` as a corpus step: its tips' comparison, except
// inside a transaction: a queued command's reply (+QUEUED or a queue-time error) exactly,
// EXEC's array under the loosest comparison of the commands it ran (loosest()).
std::vector<Compare> step_compares(const std::vector<Command>& cmds, const Tips& tips) {
  std::vector<Compare> out;
  std::vector<Compare> queued;
  bool in_multi = false;
  for (const Command& c : cmds) {
    const TxRole role = tx_role(in_multi, c.argv);
    const Compare own = tips.compare_for(c.argv);
    out.push_back(role == TxRole::kQueued ? Compare::kExact
                  : role == TxRole::kExec ? loosest(queued)
                                          : own);
    if (role == TxRole::kOpen) queued.clear();
    if (role == TxRole::kQueued) queued.push_back(own);
    in_multi = tx_in_multi_after(in_multi, role);
  }
  return out;
}

bool Runner::run(const Sequence& s, Failure* f) {
  std::string error;
  if ((tx_used_ && !end_transactions(&error)) || (overflowed_ && !reset_errno(&error)) ||
      !a_.reset(s.protocol, &error) ||
      !b_.reset(s.protocol, &error)) {
    f->target_error = true;
    f->message = "reset failed: " + error;
    return false;
  }
  tx_used_ = false;
  overflowed_ = false;
  f->replies_a.clear();
  const std::vector<Compare> compares = step_compares(s.commands, tips_);
  bool in_multi = false;
  std::vector<Compare> queued;  // comparisons of the commands queued since MULTI
  for (size_t i = 0; i < s.commands.size(); ++i) {
    const Command& c = s.commands[i];
    const TxRole role = tx_role(in_multi, c.argv);
    const std::string label = command_label(c);
    if (label == "MULTI" || label == "WATCH") tx_used_ = true;
    overflowed_ |= may_leave_erange(c);
    const Compare mode = compares[i];
    const CorpusStep step = step_for(c, mode);
    std::string ra, rb;
    if (!run_step(a_, step, &ra, &error) || !run_step(b_, step, &rb, &error)) {
      f->target_error = true;
      f->message = "command " + step.text() + ": " + error;
      f->sequence = s;
      f->index = i;
      return false;
    }
    ++commands_;
    f->replies_a.push_back(ra);
    const bool same = role == TxRole::kExec ? exec_replies_match(queued, ra, rb)
                                            : replies_match(mode, ra, rb);
    if (!same && (known_.empty() || known_.find(case_id_, step.text()) == nullptr)) {
      f->sequence = s;
      f->index = i;
      f->reply_b = rb;
      f->compare = step.compare;
      f->exec = role == TxRole::kExec;
      return false;
    }
    if (role == TxRole::kOpen) queued.clear();
    if (role == TxRole::kQueued) queued.push_back(tips_.compare_for(c.argv));
    in_multi = tx_in_multi_after(in_multi, role);
  }
  return true;
}

bool Runner::end_transactions(std::string* error) {
  static const std::vector<std::string> kDiscard = {"DISCARD"}, kUnwatch = {"UNWATCH"};
  std::string ignored;
  for (Target* t : {&a_, &b_}) {
    if (!t->run(kDiscard, &ignored, error) || !t->run(kUnwatch, &ignored, error)) {
      return false;
    }
  }
  return true;
}

bool Runner::reset_errno(std::string* error) {
  static const std::vector<std::string> kIncr = {"INCRBYFLOAT", "props:errno", "0"};
  std::string ignored;
  return a_.run(kIncr, &ignored, error) && b_.run(kIncr, &ignored, error);
}

CorpusCase failure_case(const Failure& f, const Tips& tips, uint64_t seed, int n,
                        const std::string& label_a, const std::string& label_b) {
  CorpusCase c;
  c.id = "props/" + std::to_string(seed) + "-" + std::to_string(n) + "/resp" +
         std::to_string(f.sequence.protocol);
  c.set_tag("family", "props");
  c.set_tag("proto", std::to_string(f.sequence.protocol));
  c.set_tag("seed", std::to_string(seed));
  c.set_tag("expected", label_a);
  c.set_tag("differs", label_b);
  const std::vector<Compare> compares = step_compares(f.sequence.commands, tips);
  for (size_t i = 0; i <= f.index && i < f.sequence.commands.size(); ++i) {
    CorpusStep step = step_for(f.sequence.commands[i], compares[i]);
    if (i < f.replies_a.size()) {
      step.expected = f.replies_a[i];
      step.has_expected = true;
    }
    c.steps.push_back(std::move(step));
  }
  return c;
}

}  // namespace kevy::conformance::props
