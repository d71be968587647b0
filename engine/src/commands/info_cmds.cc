// Statistics commands: INFO, SLOWLOG (GET LEN RESET HELP), LATENCY (DOCTOR GRAPH HELP
// HISTOGRAM HISTORY LATEST RESET) and LASTSAVE, over ServerStats (core/server_stats.h).
//
// LATENCY's event monitor: Redis records events only when latency-monitor-threshold is above 0,
// and it is 0 by default; kevy has no such setting and records no events, so DOCTOR, GRAPH,
// HISTORY, LATEST and RESET reply what redis-server replies with an empty monitor. HISTOGRAM
// reports the per-command latency histograms, which are always kept (latency-tracking yes).
#include <string>
#include <vector>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "commands/info_sections.h"
#include "core/numbers.h"

namespace kevy {
namespace {

// INFO [section ...]: a verbatim "txt" string in RESP3, a bulk string in RESP2.
Reply info_command(CommandContext& ctx, Args argv) {
  return Reply::verbatim("txt", info_text(ctx, argv.subspan(1)));
}

Reply lastsave_command(CommandContext& ctx, Args) {
  return Reply::integer(ctx.ks.instance().lastsave_s);
}

// ---- SLOWLOG ----

Reply slowlog_entry(const SlowlogEntry& e) {
  std::vector<Reply> args;
  args.reserve(e.argv.size());
  for (const std::string& a : e.argv) args.push_back(Reply::bulk(a));
  return Reply::array({Reply::integer(e.id), Reply::integer(e.time_s),
                       Reply::integer(e.duration_us), Reply::array(std::move(args)),
                       Reply::bulk(e.client_addr), Reply::bulk(e.client_name)});
}

// SLOWLOG GET [count]: the newest `count` entries (10 by default, -1 for all). The table's
// arity admits any count of arguments; more than one is refused here, as Redis does.
Reply slowlog_get(CommandContext& ctx, Args argv) {
  if (argv.size() > 3) return Reply::error(err::subcommand_syntax(argv[1], argv[0]));
  int64_t count = 10;
  if (argv.size() == 3) {
    auto v = parse_int64(argv[2]);
    if (!v || *v < -1) return Reply::error(err::kSlowlogCount);
    count = *v;
  }
  const auto& log = ctx.ks.instance().stats.slowlog();
  const size_t n = count == -1 ? log.size() : std::min(log.size(), static_cast<size_t>(count));
  std::vector<Reply> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(slowlog_entry(log[i]));
  return Reply::array(std::move(out));
}

Reply slowlog_len(CommandContext& ctx, Args) {
  return Reply::integer(static_cast<int64_t>(ctx.ks.instance().stats.slowlog().size()));
}

Reply slowlog_reset(CommandContext& ctx, Args) {
  ctx.ks.instance().stats.slowlog_reset();
  return Reply::ok();
}

Reply slowlog_help(CommandContext&, Args) {
  return help_reply({
      "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "GET [<count>]",
      "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
      "    Entries are made of:",
      "    id, timestamp, time in microseconds, arguments array, client IP and port,",
      "    client name",
      "LEN",
      "    Return the length of the slowlog.",
      "RESET",
      "    Reset the slowlog.",
      "HELP",
      "    Prints this help.",
  });
}

// ---- LATENCY ----

constexpr std::string_view kLatencyDisabledReport =
    "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. "
    "You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable "
    "it. If we weren't in a deep space mission I'd suggest to take a look at "
    "https://redis.io/topics/latency-monitor.\n";

Reply latency_doctor(CommandContext&, Args) {
  return Reply::verbatim("txt", kLatencyDisabledReport);
}

Reply latency_graph(CommandContext&, Args argv) {
  return Reply::error(err::no_latency_samples(argv[2]));
}

Reply latency_history(CommandContext&, Args) { return Reply::array(); }

Reply latency_latest(CommandContext&, Args) { return Reply::array(); }

// LATENCY RESET [event ...]: the number of event series reset; none exist.
Reply latency_reset(CommandContext&, Args) { return Reply::integer(0); }

// One command's entry: {calls: N, histogram_usec: {bucket_usec: running count, ...}}.
void add_histogram(std::vector<Reply>& out, const CommandSpec& spec, const ServerStats& st) {
  const CommandStats* c = st.find(spec.stats_id);
  if (c == nullptr || c->latency.empty()) return;
  std::vector<Reply> buckets;
  for (const auto& [usec, running] : c->latency.cumulative_usec()) {
    buckets.push_back(Reply::integer(usec));
    buckets.push_back(Reply::integer(running));
  }
  out.push_back(Reply::bulk(spec.full_name));
  out.push_back(Reply::map({Reply::bulk("calls"),
                            Reply::integer(static_cast<int64_t>(c->latency.total())),
                            Reply::bulk("histogram_usec"), Reply::map(std::move(buckets))}));
}

// "get", "config" (the container and then each subcommand) or "config|get", any case;
// nullptr when there is no such command.
const CommandSpec* find_by_full_name(std::string_view name) {
  const size_t bar = name.find('|');
  const CommandSpec* spec = CommandTable::instance().find(name.substr(0, bar));
  if (spec == nullptr || bar == std::string_view::npos) return spec;
  for (const CommandSpec& sub : spec->subcommands) {
    if (eq_ci(sub.name, name.substr(bar + 1))) return &sub;
  }
  return nullptr;
}

// LATENCY HISTOGRAM [command ...]: every command with calls, or the named ones in the order
// given (a name given twice is listed twice, as Redis lists it; unknown names are skipped).
Reply latency_histogram(CommandContext& ctx, Args argv) {
  const ServerStats& st = ctx.ks.instance().stats;
  std::vector<Reply> out;
  if (argv.size() == 2) {
    for (const CommandSpec* spec : stats_rows()) add_histogram(out, *spec, st);
    return Reply::map(std::move(out));
  }
  for (size_t i = 2; i < argv.size(); ++i) {
    const CommandSpec* spec = find_by_full_name(argv[i]);
    if (spec == nullptr) continue;
    add_histogram(out, *spec, st);
    std::vector<const CommandSpec*> subs;
    for (const CommandSpec& sub : spec->subcommands) subs.push_back(&sub);
    std::sort(subs.begin(), subs.end(), [](const CommandSpec* a, const CommandSpec* b) {
      return a->full_name < b->full_name;
    });
    for (const CommandSpec* sub : subs) add_histogram(out, *sub, st);
  }
  return Reply::map(std::move(out));
}

Reply latency_help(CommandContext&, Args) {
  return help_reply({
      "LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "DOCTOR",
      "    Return a human readable latency analysis report.",
      "GRAPH <event>",
      "    Return an ASCII latency graph for the <event> class.",
      "HISTORY <event>",
      "    Return time-latency samples for the <event> class.",
      "LATEST",
      "    Return the latest latency samples for all events.",
      "RESET [<event> ...]",
      "    Reset latency data of one or more <event> classes.",
      "    (default: reset all data for all event classes)",
      "HISTOGRAM [COMMAND ...]",
      "    Return a cumulative distribution of latencies in the format of a histogram for the "
      "specified command names.",
      "    If no commands are specified then all histograms are replied.",
      "HELP",
      "    Prints this help.",
  });
}

}  // namespace

void register_info_commands(CommandTable& t) {
  constexpr uint32_t kLoadingStale = kCmdLoading | kCmdStale;
  constexpr uint32_t kAdminLoadingStale = kCmdAdmin | kLoadingStale;
  constexpr uint32_t kAdminNoscriptLoadingStale = kAdminLoadingStale | kCmdNoscript;
  auto sub = [](std::string_view name, int arity, uint32_t flags, Handler handler,
                std::string_view since) {
    return CommandSpec{.name = name,
                       .arity = arity,
                       .flags = flags,
                       .handler = handler,
                       .since = since,
                       .group = "server"};
  };
  t.add({.name = "info",
         .arity = -1,
         .flags = kLoadingStale,
         .handler = info_command,
         .since = "1.0.0",
         .group = "server"});
  t.add({.name = "lastsave",
         .arity = 1,
         .flags = kLoadingStale | kCmdFast,
         .handler = lastsave_command,
         .since = "1.0.0",
         .group = "server"});
  t.add({.name = "slowlog",
         .arity = -2,
         .since = "2.2.12",
         .group = "server",
         .subcommands = {
             sub("get", -2, kAdminLoadingStale, slowlog_get, "2.2.12"),
             sub("help", 2, kLoadingStale, slowlog_help, "6.2.0"),
             sub("len", 2, kAdminLoadingStale, slowlog_len, "2.2.12"),
             sub("reset", 2, kAdminLoadingStale, slowlog_reset, "2.2.12"),
         }});
  t.add({.name = "latency",
         .arity = -2,
         .since = "2.8.13",
         .group = "server",
         .subcommands = {
             sub("doctor", 2, kAdminNoscriptLoadingStale, latency_doctor, "2.8.13"),
             sub("graph", 3, kAdminNoscriptLoadingStale, latency_graph, "2.8.13"),
             sub("help", 2, kLoadingStale, latency_help, "2.8.13"),
             sub("histogram", -2, kAdminNoscriptLoadingStale, latency_histogram, "7.0.0"),
             sub("history", 3, kAdminNoscriptLoadingStale, latency_history, "2.8.13"),
             sub("latest", 2, kAdminNoscriptLoadingStale, latency_latest, "2.8.13"),
             sub("reset", -2, kAdminNoscriptLoadingStale, latency_reset, "2.8.13"),
         }});
}

}  // namespace kevy
