// The command log, its matchers and the fault rules of kevy/testing/recording.h.
#include "kevy/testing/recording.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/glob.h"

namespace kevy::testing {

std::string CommandRecord::name() const {
  std::string n = args.empty() ? std::string() : args[0];
  std::transform(n.begin(), n.end(), n.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return n;
}

void PrintTo(const CommandRecord& c, std::ostream* os) {
  *os << "[client " << c.client_id << " db " << c.db << "]";
  for (const std::string& a : c.args) *os << ' ' << ::testing::PrintToString(a);
}

namespace internal {

namespace {

class CommandMatcher : public ::testing::MatcherInterface<const CommandRecord&> {
 public:
  explicit CommandMatcher(std::vector<::testing::Matcher<const std::string&>> args)
      : args_(std::move(args)) {}

  bool MatchAndExplain(const CommandRecord& c,
                       ::testing::MatchResultListener* listener) const override {
    if (c.args.size() != args_.size()) {
      *listener << "which has " << c.args.size() << " arguments";
      return false;
    }
    for (size_t i = 0; i < args_.size(); ++i) {
      if (!args_[i].Matches(c.args[i])) {
        *listener << "whose argument " << i << " does not match";
        return false;
      }
    }
    return true;
  }
  void DescribeTo(std::ostream* os) const override {
    *os << "has the arguments (";
    for (size_t i = 0; i < args_.size(); ++i) {
      if (i > 0) *os << ", ";
      args_[i].DescribeTo(os);
    }
    *os << ")";
  }
  void DescribeNegationTo(std::ostream* os) const override {
    *os << "is not ";
    DescribeTo(os);
  }

 private:
  std::vector<::testing::Matcher<const std::string&>> args_;
};

}  // namespace

::testing::Matcher<const CommandRecord&> command_matcher(
    std::vector<::testing::Matcher<const std::string&>> args) {
  return ::testing::MakeMatcher(new CommandMatcher(std::move(args)));
}

}  // namespace internal

bool CommandFilter::matches(const CommandCall& call) const {
  if (!name.empty()) {
    const std::string_view sent = call.argv.empty() ? std::string_view() : call.argv[0];
    if (sent.size() != name.size() ||
        !std::equal(sent.begin(), sent.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      return false;
    }
  }
  if (key_glob.empty()) return true;
  return std::any_of(call.keys.begin(), call.keys.end(),
                     [&](std::string_view k) { return glob_match(key_glob, k); });
}

CommandHookAction CommandMonitor::on_command(const CommandCall& call, int64_t now_us) {
  CommandHookAction action;
  if (call.session.client_id == kToolkitClientId) return action;
  std::lock_guard<std::mutex> lock(mu_);
  CommandRecord rec;
  rec.args.assign(call.argv.begin(), call.argv.end());
  rec.client_id = call.session.client_id;
  rec.client_name = call.session.name;
  rec.db = call.session.db;
  rec.time_us = now_us;
  log_.push_back(std::move(rec));
  // Rules apply in the order they were added; a rule is used up only by a command it acts
  // on: the first matching error rule gives the reply (later error rules wait for the next
  // command), delays add up, one close is enough.
  for (Rule& r : rules_) {
    if (r.remaining == 0 || !r.filter.matches(call)) continue;
    bool used = false;
    if (r.fault.error && !action.reply) {
      action.reply = Reply::error(*r.fault.error);
      used = true;
    }
    if (r.fault.delay.count() > 0) {
      action.delay_ms += r.fault.delay.count();
      used = true;
    }
    if (r.fault.close_connection && !action.close_connection) {
      action.close_connection = true;
      used = true;
    }
    if (used && r.remaining > 0) --r.remaining;
  }
  std::erase_if(rules_, [](const Rule& r) { return r.remaining == 0; });
  return action;
}

std::vector<CommandRecord> CommandMonitor::commands() const {
  std::lock_guard<std::mutex> lock(mu_);
  return log_;
}

size_t CommandMonitor::command_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return cleared_ + log_.size();
}

size_t CommandMonitor::cleared() const {
  std::lock_guard<std::mutex> lock(mu_);
  return cleared_;
}

void CommandMonitor::clear_commands() {
  std::lock_guard<std::mutex> lock(mu_);
  cleared_ += log_.size();
  log_.clear();
}

void CommandMonitor::add_fault(CommandFilter filter, Fault fault, int times) {
  if (times == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  rules_.push_back(Rule{std::move(filter), std::move(fault), times < 0 ? -1 : times});
}

void CommandMonitor::clear_faults() {
  std::lock_guard<std::mutex> lock(mu_);
  rules_.clear();
}

void FaultBuilder::add(Fault f) { monitor_->add_fault(filter_, std::move(f), times_); }

void FaultBuilder::error(std::string text) {
  Fault f;
  f.error = std::move(text);
  add(std::move(f));
}

void FaultBuilder::delay(std::chrono::milliseconds d) {
  Fault f;
  f.delay = d;
  add(std::move(f));
}

void FaultBuilder::close_connection() {
  Fault f;
  f.close_connection = true;
  add(std::move(f));
}

void CommandExpectation::verify(const std::vector<CommandRecord>& log, size_t cleared) const {
  // log[0] is command number `cleared`: the ones before were cleared (not counted).
  const size_t from = first_ > cleared ? first_ - cleared : 0;
  int count = 0;
  for (size_t i = from; i < log.size(); ++i) {
    if (matcher_.Matches(log[i])) ++count;
  }
  if (cardinality_.IsSatisfiedByCallCount(count)) return;
  std::ostringstream msg;
  msg << "EXPECT_COMMAND: a command that ";
  matcher_.DescribeTo(&msg);
  msg << "\n  expected: ";
  cardinality_.DescribeTo(&msg);
  msg << "\n  actual: ";
  ::testing::Cardinality::DescribeActualCallCountTo(count, &msg);
  msg << "\n  commands received after the expectation:";
  if (from >= log.size()) msg << " none";
  for (size_t i = from; i < log.size(); ++i) {
    msg << "\n    ";
    PrintTo(log[i], &msg);
  }
  ADD_FAILURE_AT(file_, line_) << msg.str();
}

}  // namespace kevy::testing
