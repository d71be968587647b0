// CONFIG GET / SET / RESETSTAT / REWRITE / HELP over the instance's ConfigRegistry
// (core/config_registry.h), with redis-server 7.0.15's replies: GET answers a map (a flat array
// in RESP2), SET takes several pairs at once and applies all or none.
#include "commands/config_cmds.h"

#include <string>
#include <utility>
#include <vector>

#include "commands/args.h"
#include "commands/client_host.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "core/config_values.h"
#include "persist/aof.h"

namespace kevy {

Status config_set(Keyspace& ks, std::span<const ConfigRegistry::NameValue> pairs,
                  ConfigRegistry::Origin origin) {
  InstanceState& instance = ks.instance();
  Status s = instance.config.set(pairs, ks.mutable_options(), origin);
  if (!s.is_ok()) return s;
  // ServerStats keeps latency-tracking and its percentiles itself (INFO latencystats reads
  // them there on every call).
  const Options& opts = ks.options();
  instance.stats.set_latency_tracking(instance.config.get("latency-tracking", opts) == "yes");
  instance.stats.set_info_percentiles(
      config::parse_percentiles(instance.config.get("latency-tracking-info-percentiles", opts)
                                    .value_or(std::string())));
  // appendonly / appendfsync / aof-use-rdb-preamble act on the AOF (a config file's lines only
  // set them: the store opens the AOF itself at start).
  if (!aof_apply_config(ks, origin == ConfigRegistry::Origin::kConfigSet).is_ok()) {
    const ConfigRegistry::NameValue off[] = {{"appendonly", "no"}};
    instance.config.set(off, ks.mutable_options(), ConfigRegistry::Origin::kConfigFile);
    return Status::command_error(err::kAofEnableFailed);
  }
  return s;
}

namespace {

// CONFIG GET pattern [pattern ...]
Reply config_get_command(CommandContext& ctx, Args argv) {
  const auto found =
      ctx.ks.instance().config.get_matching(argv.subspan(2), ctx.ks.options());
  std::vector<Reply> flat;
  flat.reserve(found.size() * 2);
  for (const auto& [name, value] : found) {
    flat.push_back(Reply::bulk(name));
    flat.push_back(Reply::bulk(value));
  }
  return Reply::map(std::move(flat));
}

// CONFIG SET name value [name value ...]: the table's arity (-4) admits any count from 4; an
// odd number of name/value arguments is a syntax error.
Reply config_set_command(CommandContext& ctx, Args argv) {
  if ((argv.size() - 2) % 2 != 0) return syntax_error();
  std::vector<ConfigRegistry::NameValue> pairs;
  for (size_t i = 2; i + 1 < argv.size(); i += 2) pairs.emplace_back(argv[i], argv[i + 1]);
  Status s = config_set(ctx.ks, pairs);
  return s.is_ok() ? Reply::ok() : Reply::error(s.message());
}

// CONFIG RESETSTAT: the keyspace counters, the command/error statistics and the host's
// connection counters start again from zero.
Reply config_resetstat_command(CommandContext& ctx, Args) {
  ctx.ks.stats() = KeyspaceStats{};
  ctx.ks.instance().stats.reset();
  if (ctx.session.host != nullptr) ctx.session.host->reset_stats();
  return Reply::ok();
}

Reply config_rewrite_command(CommandContext& ctx, Args) {
  const ConfigRegistry& registry = ctx.ks.instance().config;
  if (registry.config_file().empty()) return Reply::error(err::kNoConfigFile);
  Status s = registry.rewrite(ctx.ks.options());
  return s.is_ok() ? Reply::ok() : Reply::error(s.message());
}

Reply config_help_command(CommandContext&, Args) {
  static constexpr std::string_view kLines[] = {
      "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "GET <pattern>",
      "    Return parameters matching the glob-like <pattern> and their values.",
      "SET <directive> <value>",
      "    Set the configuration <directive> to <value>.",
      "RESETSTAT",
      "    Reset statistics reported by the INFO command.",
      "REWRITE",
      "    Rewrite the configuration file.",
      "HELP",
      "    Prints this help.",
  };
  return help_reply(kLines);
}

}  // namespace

void register_config_commands(CommandTable& t) {
  constexpr uint32_t kAdmin = kCmdAdmin | kCmdNoscript | kCmdLoading | kCmdStale;
  auto sub = [](std::string_view name, int arity, uint32_t flags, Handler h,
                std::string_view since) {
    return CommandSpec{
        .name = name, .arity = arity, .flags = flags, .handler = h, .since = since,
        .group = "server"};
  };
  t.add({.name = "config",
         .arity = -2,
         .since = "2.0.0",
         .group = "server",
         .subcommands = {
             sub("get", -3, kAdmin, config_get_command, "2.0.0"),
             sub("set", -4, kAdmin, config_set_command, "2.0.0"),
             sub("resetstat", 2, kAdmin, config_resetstat_command, "2.0.0"),
             sub("rewrite", 2, kAdmin, config_rewrite_command, "2.8.0"),
             sub("help", 2, kCmdLoading | kCmdStale, config_help_command, "5.0.0"),
         }});
}

}  // namespace kevy
