#include "commands/command_stats.h"

#include <string>
#include <vector>

#include "commands/args.h"
#include "commands/client_host.h"

namespace kevy {
namespace {

constexpr std::string_view kRedacted = "(redacted)";

// The peer address of the client running the command ("ip:port"), from the host's client
// list; empty for an embedded session. Only looked up for slow log entries.
std::string client_addr(const Session& session) {
  if (session.host == nullptr) return {};
  for (const ClientInfo& c : session.host->clients()) {
    if (c.id == session.client_id) return c.addr;
  }
  return {};
}

// Kept out of line: the common case (not slow) stays a compare and a branch.
[[gnu::noinline]] void log_slow(CommandContext& ctx, const CommandSpec& spec, Args argv,
                                int64_t duration_us) {
  const std::vector<std::string_view> shown = slowlog_view(spec, argv);
  ctx.ks.instance().stats.slowlog_push(shown, ctx.ks.clock().now_ms() / 1000, duration_us,
                                       client_addr(ctx.session), ctx.session.name,
                                       ctx.ks.options().slowlog_max_len);
}

}  // namespace

void sample_instantaneous_rates(CommandContext& ctx) {
  ServerStats& st = ctx.ks.instance().stats;
  const int64_t now = ctx.ks.now_ms();
  st.ops_rate().sample(now, st.total_commands_processed());
  if (ctx.session.host != nullptr) {
    const HostStats hs = ctx.session.host->stats();
    st.net_input_rate().sample(now, hs.total_net_input_bytes);
    st.net_output_rate().sample(now, hs.total_net_output_bytes);
  }
}

std::vector<std::string_view> slowlog_view(const CommandSpec& spec, Args argv) {
  std::vector<std::string_view> out(argv.begin(), argv.end());
  const std::string_view name = spec.full_name;
  if (name == "auth") {
    for (size_t i = 1; i < out.size(); ++i) out[i] = kRedacted;
  } else if (name == "hello") {
    // HELLO's option walk: AUTH takes two arguments, SETNAME one.
    for (size_t i = 2; i < out.size(); ++i) {
      const size_t more = out.size() - i - 1;
      if (eq_ci(argv[i], "auth") && more >= 2) {
        out[i + 1] = kRedacted;
        out[i + 2] = kRedacted;
        i += 2;
      } else if (eq_ci(argv[i], "setname") && more >= 1) {
        ++i;
      } else {
        break;
      }
    }
  } else if (name == "config|set") {
    for (size_t i = 2; i + 1 < out.size(); i += 2) {
      if (eq_ci(argv[i], "requirepass") || eq_ci(argv[i], "masterauth") ||
          eq_ci(argv[i], "masteruser")) {
        out[i + 1] = kRedacted;
      }
    }
  }
  return out;
}

void record_command(CommandContext& ctx, const CommandSpec& spec, Args argv, int64_t duration_us,
                    const Reply& reply) {
  ServerStats& st = ctx.ks.instance().stats;
  const bool failed = reply.is_error();
  st.record_call(spec.stats_id, duration_us, failed);
  if (failed) {
    st.record_error(reply.str());
  } else if ((spec.flags & kCmdWrite) != 0) {
    st.add_dirty(1);
  }
  // Redis compares after the command, so CONFIG SET slowlog-log-slower-than applies to itself.
  const int64_t threshold = ctx.ks.options().slowlog_log_slower_than;
  if (threshold >= 0 && duration_us >= threshold && (spec.flags & kCmdSkipSlowlog) == 0) {
    log_slow(ctx, spec, argv, duration_us);
  }
  if (st.ops_rate().due(ctx.ks.now_ms())) sample_instantaneous_rates(ctx);
}

void record_rejected(Keyspace& ks, const CommandSpec* spec, const Reply& error) {
  ServerStats& st = ks.instance().stats;
  if (spec != nullptr) st.record_rejected(spec->stats_id);
  st.record_error(error.str());
}

}  // namespace kevy
