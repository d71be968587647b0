// kevy::testing recording and fault rules: the log of the commands a test's code sent, the
// IsCommand matcher over it, and the faults a test injects (errors, delays, cut replies).
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <gmock/gmock.h>

#include "kevy/store.h"

namespace kevy::testing {

// One command the store received (Store::execute, embedded or through kevy::Server).
struct CommandRecord {
  std::vector<std::string> args;  // as sent; args[0] is the name in the client's case
  int64_t client_id = 0;          // CLIENT ID of the sender (a connection's id, or 1)
  std::string client_name;        // CLIENT SETNAME
  int db = 0;                     // the sender's selected database
  int64_t time_us = 0;            // the store clock (the test's manual clock) when received
  // The name in lower case ("set", "client").
  std::string name() const;
};
void PrintTo(const CommandRecord& c, std::ostream* os);

// IsCommand("SET", "user:1", _, "EX", "60"): a CommandRecord with exactly these arguments.
// Each argument is a string (the name compared case-insensitively, the others exactly) or a
// gmock matcher of std::string (_, StartsWith("user:"), MatchesRegex(...)).
template <typename Name, typename... Rest>
::testing::Matcher<const CommandRecord&> IsCommand(Name name, Rest... rest);

// Where a fault applies: commands with this name (any case; empty: any command) that name a
// key matching this glob (KEYS rules; empty: any command, with or without keys).
struct CommandFilter {
  std::string name;
  std::string key_glob;
  bool matches(const CommandCall& call) const;
};

// What a rule does to a matching command.
struct Fault {
  std::optional<std::string> error;  // reply "-<error>" instead of running
  std::chrono::milliseconds delay{0};
  bool close_connection = false;
};

// Command log and fault rules behind a TestStore's command hook. Thread-safe: the hook runs
// on kevy::Server's loop thread and on every thread calling Store::execute.
class CommandMonitor {
 public:
  // Records the call (unless it comes from the toolkit itself) and returns what the rules
  // decide for it.
  CommandHookAction on_command(const CommandCall& call, int64_t now_us);

  // The commands recorded since the last clear_commands(), oldest first.
  std::vector<CommandRecord> commands() const;
  // Every command ever recorded, cleared ones included (positions of expectations).
  size_t command_count() const;
  // How many were cleared: commands()[0] is command number cleared().
  size_t cleared() const;
  void clear_commands();

  // A rule for the next `times` matching commands (-1: every one until clear_faults()).
  void add_fault(CommandFilter filter, Fault fault, int times);
  void clear_faults();

  // Sessions with this client id are the toolkit's own (seeding, inspection, corpus cases):
  // never recorded, never faulted.
  static constexpr int64_t kToolkitClientId = INT64_MIN;

 private:
  struct Rule {
    CommandFilter filter;
    Fault fault;
    int remaining;
  };
  mutable std::mutex mu_;
  std::vector<CommandRecord> log_;
  size_t cleared_ = 0;
  std::vector<Rule> rules_;
};

// inject().command("GET").key("user:*").times(2).error("ERR boom"): a fault rule, added when
// the final call (error, delay, close_connection) is made. Without command()/key() it applies
// to any command; without times()/always() to the next matching one only.
class FaultBuilder {
 public:
  explicit FaultBuilder(CommandMonitor* monitor) : monitor_(monitor) {}
  FaultBuilder& command(std::string name) { filter_.name = std::move(name); return *this; }
  FaultBuilder& key(std::string glob) { filter_.key_glob = std::move(glob); return *this; }
  FaultBuilder& times(int n) { times_ = n; return *this; }
  FaultBuilder& always() { times_ = -1; return *this; }
  // The command does not run and the client gets this error ("ERR boom", "LOADING ...",
  // "READONLY ..."; the leading '-' is added).
  void error(std::string text);
  // The reply comes this much later (real time): on a connection, the replies after it wait
  // behind it; an embedded execute() sleeps.
  void delay(std::chrono::milliseconds d);
  // On a connection: about half of the reply is sent, then the connection is closed (the
  // command itself runs). Embedded callers see no effect.
  void close_connection();

 private:
  void add(Fault f);
  CommandMonitor* monitor_;
  CommandFilter filter_;
  int times_ = 1;
};

// EXPECT_COMMAND bookkeeping: a matcher that the commands received after it was set must
// satisfy `times` times (gmock cardinality: Exactly(1) unless .Times() says otherwise),
// checked at the end of the test (TestStore::verify_commands()).
class CommandExpectation {
 public:
  // first_index: the number (CommandMonitor::command_count()) of the first command counted.
  CommandExpectation(const char* file, int line, ::testing::Matcher<const CommandRecord&> m,
                     size_t first_index)
      : file_(file), line_(line), matcher_(std::move(m)), first_(first_index) {}
  CommandExpectation& Times(int n) { return Times(::testing::Exactly(n)); }
  CommandExpectation& Times(::testing::Cardinality c) {
    cardinality_ = std::move(c);
    return *this;
  }
  // Reports a gtest failure at the EXPECT_COMMAND line when the log does not satisfy it.
  // log: CommandMonitor::commands(), whose first element is command number `cleared`.
  void verify(const std::vector<CommandRecord>& log, size_t cleared) const;

 private:
  const char* file_;
  int line_;
  ::testing::Matcher<const CommandRecord&> matcher_;
  size_t first_;
  ::testing::Cardinality cardinality_ = ::testing::Exactly(1);
};

// ---- IsCommand's implementation

namespace internal {
::testing::Matcher<const CommandRecord&> command_matcher(
    std::vector<::testing::Matcher<const std::string&>> args);

template <typename T>
::testing::Matcher<const std::string&> name_matcher(T name) {
  if constexpr (std::is_convertible_v<T, std::string_view>) {
    return ::testing::StrCaseEq(std::string(std::string_view(name)));
  } else {
    return ::testing::SafeMatcherCast<const std::string&>(name);
  }
}
template <typename T>
::testing::Matcher<const std::string&> arg_matcher(T arg) {
  if constexpr (std::is_convertible_v<T, std::string_view>) {
    return ::testing::Eq(std::string(std::string_view(arg)));
  } else {
    return ::testing::SafeMatcherCast<const std::string&>(arg);
  }
}
}  // namespace internal

template <typename Name, typename... Rest>
::testing::Matcher<const CommandRecord&> IsCommand(Name name, Rest... rest) {
  return internal::command_matcher({internal::name_matcher(name), internal::arg_matcher(rest)...});
}

}  // namespace kevy::testing
