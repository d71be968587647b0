// command_stats: the execute path's bookkeeping for ServerStats (core/server_stats.h), done as
// redis-server's call() does it — time the handler, then count the call, its error reply, the
// write for rdb_changes_since_last_save, the instantaneous rates and, when slow enough, a slow
// log entry. Store::execute is the only caller; anything else that runs a handler on a client's
// behalf (e.g. EXEC running its queued commands) calls these too.
//
// REQUIRES for all: the Store lock is held.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

#include "commands/command_table.h"
#include "commands/context.h"

namespace kevy {

// Measures one command. Durations come from the monotonic clock (a wall clock may jump), plus
// the time the instance's ManualClock, if it has one, was advanced meanwhile: DEBUG SLEEP
// advances a ManualClock instead of sleeping, and must still land in the slow log as on Redis.
class CommandTimer {
 public:
  // REQUIRES: ks.begin_command() ran for this command (its clock reading is the start).
  explicit CommandTimer(Keyspace& ks)
      : ks_(ks),
        manual_(ks.instance().stats.manual_clock(ks.clock())),
        manual_start_us_(manual_ != nullptr ? manual_->now_us() : 0),
        steady_start_(manual_ != nullptr ? std::chrono::steady_clock::now()
                                         : std::chrono::steady_clock::time_point{}) {}

  // Never negative. With the real clock this is one clock reading after the command, as Redis
  // times call() with the wall clock; with a ManualClock it is real elapsed time plus however
  // far the test moved the clock during the command.
  int64_t elapsed_us() const {
    int64_t us;
    if (manual_ == nullptr) {
      us = ks_.clock().now_us() - ks_.now_us();
    } else {
      us = std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now() - steady_start_)
               .count() +
           (manual_->now_us() - manual_start_us_);
    }
    return us > 0 ? us : 0;  // a clock set back during the command
  }

 private:
  Keyspace& ks_;
  const ManualClock* manual_;
  int64_t manual_start_us_;
  std::chrono::steady_clock::time_point steady_start_;
};

// spec's handler ran for duration_us on argv and replied `reply`.
void record_command(CommandContext& ctx, const CommandSpec& spec, Args argv, int64_t duration_us,
                    const Reply& reply);

// The command was refused before it ran, with `error` (unknown command or subcommand, wrong
// number of arguments). `spec` is the row it resolved to (its rejected_calls grows), or nullptr
// when there is none (an unknown command or subcommand: only the error is counted).
void record_rejected(Keyspace& ks, const CommandSpec* spec, const Reply& error);

// Samples the instantaneous rates (ops, network bytes) when their 100 ms period has passed.
// Redis's serverCron does this; here the first command after each period, and INFO, do it.
void sample_instantaneous_rates(CommandContext& ctx);

// argv as the slow log shows it: the secrets of AUTH, HELLO ... AUTH and CONFIG SET of
// requirepass/masterauth/masteruser replaced by "(redacted)", as Redis redacts them.
std::vector<std::string_view> slowlog_view(const CommandSpec& spec, Args argv);

}  // namespace kevy
