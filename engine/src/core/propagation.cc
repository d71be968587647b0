// Propagation: see propagation.h.
#include "core/propagation.h"

#include <utility>

namespace kevy {

namespace {

std::vector<std::string> to_owned(std::initializer_list<std::string_view> argv) {
  std::vector<std::string> out;
  out.reserve(argv.size());
  for (std::string_view a : argv) out.emplace_back(a);
  return out;
}

}  // namespace

void Propagation::set_active(bool on) {
  active_ = on;
  if (!on) {
    ops_.clear();
    begin_command();
  }
}

void Propagation::also(int db, std::initializer_list<std::string_view> argv) {
  if (active_) ops_.push_back(PropagatedOp{db, to_owned(argv)});
}

void Propagation::also(int db, std::vector<std::string> argv) {
  if (active_) ops_.push_back(PropagatedOp{db, std::move(argv)});
}

void Propagation::rewrite(std::initializer_list<std::string_view> argv) {
  if (!active_) return;
  rewritten_ = true;
  rewritten_argv_ = to_owned(argv);
}

void Propagation::rewrite(std::vector<std::string> argv) {
  if (!active_) return;
  rewritten_ = true;
  rewritten_argv_ = std::move(argv);
}

void Propagation::prevent() {
  if (active_) prevented_ = true;
}

void Propagation::finish_command(int db, std::span<const std::string_view> argv,
                                 bool propagate_own) {
  if (!active_) return;
  if (propagate_own && !prevented_) {
    if (rewritten_) {
      ops_.push_back(PropagatedOp{db, std::move(rewritten_argv_)});
    } else {
      ops_.push_back(PropagatedOp{db, std::vector<std::string>(argv.begin(), argv.end())});
    }
  }
  begin_command();
  rewritten_argv_.clear();
}

std::vector<PropagatedOp> Propagation::take() {
  std::vector<PropagatedOp> out;
  out.swap(ops_);
  return out;
}

}  // namespace kevy
