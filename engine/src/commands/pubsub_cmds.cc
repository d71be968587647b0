// Pub/sub commands and the RESP2 subscribed-mode gate: see commands/pubsub_cmds.h. Reply
// forms, counts and orders were checked on redis-server 7.0.15 (pubsub_cmds_test.cc):
// - (UN)SUBSCRIBE and P(UN)SUBSCRIBE count the client's channels + patterns, S(UN)SUBSCRIBE
//   its shard channels only;
// - an UNSUBSCRIBE of nothing while subscribed to nothing confirms once with a null name;
// - without arguments, PUNSUBSCRIBE drops patterns in subscription order; UNSUBSCRIBE and
//   SUNSUBSCRIBE walk Redis's hash table there (an order that changes with every server
//   start), kevy its sorted set.
#include "commands/pubsub_cmds.h"

#include <memory>
#include <string>
#include <vector>

#include "clients/client_state.h"
#include "clients/clients.h"
#include "commands/args.h"
#include "commands/errors.h"
#include "core/ascii.h"

namespace kevy {

namespace {

PubSub& hub(CommandContext& ctx) { return ctx.ks.clients().pubsub; }

// The session's client state, created on first use (shared: the hub holds it weakly).
std::shared_ptr<ClientState> state_of(CommandContext& ctx) {
  client_state_of(ctx.session);
  return ctx.session.state;
}

Reply confirmation(std::string_view kind, std::optional<std::string_view> name, int64_t count) {
  return Reply::push({Reply::bulk(kind), name ? Reply::bulk(*name) : Reply::null(),
                      Reply::integer(count)});
}

// One confirmation as itself, several as the sequence Redis writes.
Reply confirmations(std::vector<Reply> replies) {
  if (replies.size() == 1) return std::move(replies.front());
  return Reply::sequence(std::move(replies));
}

int64_t channel_count(const ClientState& c) { return static_cast<int64_t>(c.subscription_count()); }
int64_t shard_count(const ClientState& c) { return static_cast<int64_t>(c.shard_channels.size()); }

// SUBSCRIBE / PSUBSCRIBE / SSUBSCRIBE name [name ...]: a confirmation per argument, also for a
// name already subscribed (its count unchanged).
template <bool (PubSub::*Add)(const std::shared_ptr<ClientState>&, std::string_view)>
Reply subscribe_names(CommandContext& ctx, Args argv, std::string_view kind, bool shard) {
  std::shared_ptr<ClientState> c = state_of(ctx);
  std::vector<Reply> out;
  out.reserve(argv.size() - 1);
  for (size_t i = 1; i < argv.size(); ++i) {
    (hub(ctx).*Add)(c, argv[i]);
    out.push_back(confirmation(kind, argv[i], shard ? shard_count(*c) : channel_count(*c)));
  }
  return confirmations(std::move(out));
}

// UNSUBSCRIBE / PUNSUBSCRIBE / SUNSUBSCRIBE [name ...]: a confirmation per argument (also for
// names not subscribed); without arguments one per subscription dropped, or a single one with
// a null name when there was none.
template <bool (PubSub::*Remove)(ClientState&, std::string_view)>
Reply unsubscribe_names(CommandContext& ctx, Args argv, std::string_view kind, bool shard,
                        std::vector<std::string> (*all)(CommandContext&, const ClientState&)) {
  std::shared_ptr<ClientState> c = state_of(ctx);
  auto count = [&] { return shard ? shard_count(*c) : channel_count(*c); };
  std::vector<Reply> out;
  if (argv.size() > 1) {
    for (size_t i = 1; i < argv.size(); ++i) {
      (hub(ctx).*Remove)(*c, argv[i]);
      out.push_back(confirmation(kind, argv[i], count()));
    }
  } else {
    for (const std::string& name : all(ctx, *c)) {
      (hub(ctx).*Remove)(*c, name);
      out.push_back(confirmation(kind, name, count()));
    }
    if (out.empty()) out.push_back(confirmation(kind, std::nullopt, count()));
  }
  return confirmations(std::move(out));
}

std::vector<std::string> all_channels(CommandContext&, const ClientState& c) {
  return {c.channels.begin(), c.channels.end()};
}
std::vector<std::string> all_patterns(CommandContext& ctx, const ClientState& c) {
  return hub(ctx).patterns_of(c);
}
std::vector<std::string> all_shard_channels(CommandContext&, const ClientState& c) {
  return {c.shard_channels.begin(), c.shard_channels.end()};
}

Reply subscribe_command(CommandContext& ctx, Args argv) {
  return subscribe_names<&PubSub::subscribe>(ctx, argv, "subscribe", false);
}
Reply psubscribe_command(CommandContext& ctx, Args argv) {
  return subscribe_names<&PubSub::psubscribe>(ctx, argv, "psubscribe", false);
}
Reply ssubscribe_command(CommandContext& ctx, Args argv) {
  return subscribe_names<&PubSub::ssubscribe>(ctx, argv, "ssubscribe", true);
}
Reply unsubscribe_command(CommandContext& ctx, Args argv) {
  return unsubscribe_names<&PubSub::unsubscribe>(ctx, argv, "unsubscribe", false, all_channels);
}
Reply punsubscribe_command(CommandContext& ctx, Args argv) {
  return unsubscribe_names<&PubSub::punsubscribe>(ctx, argv, "punsubscribe", false,
                                                  all_patterns);
}
Reply sunsubscribe_command(CommandContext& ctx, Args argv) {
  return unsubscribe_names<&PubSub::sunsubscribe>(ctx, argv, "sunsubscribe", true,
                                                  all_shard_channels);
}

Reply publish_command(CommandContext& ctx, Args argv) {
  return Reply::integer(hub(ctx).publish(argv[1], argv[2]));
}
Reply spublish_command(CommandContext& ctx, Args argv) {
  return Reply::integer(hub(ctx).spublish(argv[1], argv[2]));
}

Reply name_list(const std::vector<std::string>& names) {
  std::vector<Reply> out;
  out.reserve(names.size());
  for (const std::string& n : names) out.push_back(Reply::bulk(n));
  return Reply::array(std::move(out));
}

// PUBSUB CHANNELS / SHARDCHANNELS [pattern]: more than one pattern is refused by the handler
// (the row's arity is -2), with the subcommand named as typed.
Reply pubsub_channels_command(CommandContext& ctx, Args argv) {
  if (argv.size() > 3) return Reply::error(err::subcommand_syntax(argv[1], "pubsub"));
  std::optional<std::string_view> pattern;
  if (argv.size() == 3) pattern = argv[2];
  return name_list(hub(ctx).channels(pattern));
}
Reply pubsub_shardchannels_command(CommandContext& ctx, Args argv) {
  if (argv.size() > 3) return Reply::error(err::subcommand_syntax(argv[1], "pubsub"));
  std::optional<std::string_view> pattern;
  if (argv.size() == 3) pattern = argv[2];
  return name_list(hub(ctx).shard_channels(pattern));
}

// PUBSUB NUMSUB / SHARDNUMSUB [channel ...]: a flat array of channel, count pairs (an array
// in RESP3 too), one pair per argument, repeats included.
Reply numsub_pairs(CommandContext& ctx, Args argv, bool shard) {
  std::vector<Reply> flat;
  flat.reserve((argv.size() - 2) * 2);
  for (size_t i = 2; i < argv.size(); ++i) {
    flat.push_back(Reply::bulk(argv[i]));
    flat.push_back(Reply::integer(shard ? hub(ctx).shard_numsub(argv[i])
                                        : hub(ctx).numsub(argv[i])));
  }
  return Reply::array(std::move(flat));
}
Reply pubsub_numsub_command(CommandContext& ctx, Args argv) {
  return numsub_pairs(ctx, argv, false);
}
Reply pubsub_shardnumsub_command(CommandContext& ctx, Args argv) {
  return numsub_pairs(ctx, argv, true);
}
Reply pubsub_numpat_command(CommandContext& ctx, Args) {
  return Reply::integer(hub(ctx).numpat());
}

Reply pubsub_help_command(CommandContext&, Args) {
  static constexpr std::string_view kLines[] = {
      "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "CHANNELS [<pattern>]",
      "    Return the currently active channels matching a <pattern> (default: '*').",
      "NUMPAT",
      "    Return number of subscriptions to patterns.",
      "NUMSUB [<channel> ...]",
      "    Return the number of subscribers for the specified channels, excluding",
      "    pattern subscriptions(default: no channels).",
      "SHARDCHANNELS [<pattern>]",
      "    Return the currently active shard level channels matching a <pattern> (default: "
      "'*').",
      "SHARDNUMSUB [<shardchannel> ...]",
      "    Return the number of subscribers for the specified shard level channel(s)",
      "HELP",
      "    Prints this help.",
  };
  return help_reply(kLines);
}

std::vector<CommandSpec> pubsub_subcommands() {
  constexpr uint32_t kInfo = kCmdPubsub | kCmdLoading | kCmdStale;
  auto row = [](std::string_view name, int arity, uint32_t flags, Handler h,
                std::string_view since) {
    return CommandSpec{.name = name, .arity = arity, .flags = flags, .handler = h,
                       .since = since, .group = "pubsub"};
  };
  return {
      row("channels", -2, kInfo, pubsub_channels_command, "2.8.0"),
      row("numsub", -2, kInfo, pubsub_numsub_command, "2.8.0"),
      row("numpat", 2, kInfo, pubsub_numpat_command, "2.8.0"),
      row("shardchannels", -2, kInfo, pubsub_shardchannels_command, "7.0.0"),
      row("shardnumsub", -2, kInfo, pubsub_shardnumsub_command, "7.0.0"),
      row("help", 2, kCmdLoading | kCmdStale, pubsub_help_command, "6.2.0"),
  };
}

}  // namespace

std::optional<Reply> pubsub_context_error(CommandContext& ctx, const CommandSpec& spec) {
  const Session& s = ctx.session;
  if (s.protocol != 2 || !s.state || !s.state->subscribed()) return std::nullopt;
  // Subcommand rows are never allowed: every allowed command is a plain one.
  static constexpr std::string_view kAllowed[] = {"subscribe",   "psubscribe",   "ssubscribe",
                                                  "unsubscribe", "punsubscribe", "sunsubscribe",
                                                  "ping",        "quit",         "reset"};
  for (std::string_view name : kAllowed) {
    if (spec.full_name == name) return std::nullopt;
  }
  if (spec.full_name == "exec") return Reply::error(err::pubsub_context_execabort());
  return Reply::error(err::pubsub_context(spec.full_name));
}

void pubsub_reset(CommandContext& ctx) {
  if (ctx.session.state) hub(ctx).unsubscribe_all(*ctx.session.state);
}

bool pubsub_ping_as_array(const Session& s) {
  return s.protocol == 2 && s.state && s.state->subscribed();
}

void register_pubsub_commands(CommandTable& t) {
  constexpr uint32_t kSub = kCmdPubsub | kCmdNoscript | kCmdLoading | kCmdStale;
  constexpr uint32_t kPub = kCmdPubsub | kCmdLoading | kCmdStale | kCmdFast;
  FamilyRows add(t, "pubsub");
  add("subscribe", -2, kSub, subscribe_command, "2.0.0", 0, 0);
  add("unsubscribe", -1, kSub, unsubscribe_command, "2.0.0", 0, 0);
  add("psubscribe", -2, kSub, psubscribe_command, "2.0.0", 0, 0);
  add("punsubscribe", -1, kSub, punsubscribe_command, "2.0.0", 0, 0);
  add("publish", 3, kPub, publish_command, "2.0.0", 0, 0);
  // Shard channels count as keys in COMMAND INFO (cluster slots), as in Redis.
  add("ssubscribe", -2, kSub, ssubscribe_command, "7.0.0", 1, -1);
  add("sunsubscribe", -1, kSub, sunsubscribe_command, "7.0.0", 1, -1);
  add("spublish", 3, kPub, spublish_command, "7.0.0", 1, 1);
  t.add({.name = "pubsub",
         .arity = -2,
         .since = "2.8.0",
         .group = "pubsub",
         .subcommands = pubsub_subcommands()});
}

}  // namespace kevy
