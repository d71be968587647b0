// Connection commands that concern the client itself: CLIENT (ID, GETNAME, SETNAME, INFO, LIST,
// KILL, REPLY, NO-EVICT, UNPAUSE, UNBLOCK, GETREDIR, TRACKINGINFO, CACHING, HELP), MONITOR and
// RESET. Over kevy::Server they see every connection through session.host (ClientHost); an
// embedded session is the only client there is.
//
// Tracking and pausing are not supported, so TRACKING and PAUSE are absent from the table;
// the read-only views of tracking (GETREDIR, TRACKINGINFO, CACHING) answer as Redis does for a
// client that never enabled it. Blocking commands never block yet, so UNBLOCK finds no one.
#include <string>
#include <vector>

#include "clients/clients.h"
#include "clients/transaction.h"
#include "commands/args.h"
#include "commands/client_host.h"
#include "commands/client_info.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "commands/pubsub_cmds.h"
#include "core/numbers.h"

namespace kevy {
namespace {

std::vector<ClientInfo> all_clients(const CommandContext& ctx) {
  if (ctx.session.host != nullptr) return ctx.session.host->clients();
  return {embedded_client_info(ctx.session)};
}

// CLIENT LIST and CLIENT INFO reply a bulk string (a verbatim "txt" string in RESP3).
Reply client_text(const CommandContext& ctx, std::string text) {
  if (ctx.resp3()) return Reply::verbatim("txt", text);
  return Reply::bulk(std::move(text));
}

bool known_client_type(std::string_view type) {
  for (std::string_view t : {"normal", "master", "replica", "slave", "pubsub"}) {
    if (eq_ci(type, t)) return true;
  }
  return false;
}

// Without replication or pub/sub every client is of type "normal".
bool client_has_type(const ClientInfo&, std::string_view type) { return eq_ci(type, "normal"); }

Reply client_id_command(CommandContext& ctx, Args) { return Reply::integer(ctx.session.client_id); }

Reply client_getname_command(CommandContext& ctx, Args) {
  if (ctx.session.name.empty()) return Reply::null();
  return Reply::bulk(ctx.session.name);
}

Reply client_setname_command(CommandContext& ctx, Args argv) {
  if (!valid_client_name(argv[2])) return Reply::error(err::kClientNameInvalid);
  ctx.session.name = std::string(argv[2]);
  return Reply::ok();
}

Reply client_info_command(CommandContext& ctx, Args) {
  for (const ClientInfo& c : all_clients(ctx)) {
    if (c.id == ctx.session.client_id) return client_text(ctx, format_client_info(c) + "\n");
  }
  return client_text(ctx, format_client_info(embedded_client_info(ctx.session)) + "\n");
}

// CLIENT LIST [TYPE type | ID id ...]: one option form at a time, as in 7.0.
Reply client_list_command(CommandContext& ctx, Args argv) {
  std::vector<ClientInfo> clients = all_clients(ctx);
  std::vector<const ClientInfo*> chosen;
  if (argv.size() == 2) {
    for (const ClientInfo& c : clients) chosen.push_back(&c);
  } else if (argv.size() == 4 && eq_ci(argv[2], "type")) {
    if (!known_client_type(argv[3])) return Reply::error(err::unknown_client_type(argv[3]));
    for (const ClientInfo& c : clients) {
      if (client_has_type(c, argv[3])) chosen.push_back(&c);
    }
  } else if (argv.size() > 3 && eq_ci(argv[2], "id")) {
    std::vector<int64_t> ids;
    for (size_t i = 3; i < argv.size(); ++i) {
      auto id = parse_int64(argv[i]);
      if (!id) return Reply::error(err::kInvalidClientId);
      ids.push_back(*id);
    }
    // Listed in the order asked, each once per mention, as Redis looks each id up.
    for (int64_t id : ids) {
      for (const ClientInfo& c : clients) {
        if (c.id == id) chosen.push_back(&c);
      }
    }
  } else {
    return Reply::error(err::kSyntax);
  }
  std::string text;
  for (const ClientInfo* c : chosen) text += format_client_info(*c) + "\n";
  return client_text(ctx, std::move(text));
}

// Closes the matching clients through the host. An embedded session has no connection to
// close, so nothing matches there.
int64_t kill_matching(CommandContext& ctx, const ClientKillFilter& filter) {
  if (ctx.session.host != nullptr) return ctx.session.host->kill(filter, ctx.session.client_id);
  return 0;
}

// CLIENT KILL addr (the old form: "ERR No such client" or OK) or CLIENT KILL <option value>...
// (the new form: the number killed; SKIPME defaults to yes).
Reply client_kill_command(CommandContext& ctx, Args argv) {
  ClientKillFilter filter;
  if (argv.size() == 3) {
    filter.addr = std::string(argv[2]);
    filter.skip_me = false;
    return kill_matching(ctx, filter) > 0 ? Reply::ok() : Reply::error(err::kNoSuchClient);
  }
  if (argv.size() % 2 != 0) return Reply::error(err::kSyntax);
  for (size_t i = 2; i + 1 < argv.size(); i += 2) {
    std::string_view opt = argv[i], value = argv[i + 1];
    if (eq_ci(opt, "id")) {
      auto id = parse_int64(value);
      if (!id || *id <= 0) return Reply::error(err::kClientIdNotPositive);
      filter.id = *id;
    } else if (eq_ci(opt, "type")) {
      if (!known_client_type(value)) return Reply::error(err::unknown_client_type(value));
      filter.type = std::string(value);
    } else if (eq_ci(opt, "addr")) {
      filter.addr = std::string(value);
    } else if (eq_ci(opt, "laddr")) {
      filter.laddr = std::string(value);
    } else if (eq_ci(opt, "user")) {
      if (value != "default") return Reply::error(err::no_such_user(value));
      filter.user = std::string(value);
    } else if (eq_ci(opt, "skipme")) {
      if (eq_ci(value, "yes")) filter.skip_me = true;
      else if (eq_ci(value, "no")) filter.skip_me = false;
      else return Reply::error(err::kSyntax);
    } else {
      return Reply::error(err::kSyntax);
    }
  }
  return Reply::integer(kill_matching(ctx, filter));
}

// CLIENT REPLY ON|OFF|SKIP. OFF and SKIP send no reply over the network (the server drops it);
// the embedded caller gets OK.
Reply client_reply_command(CommandContext& ctx, Args argv) {
  if (eq_ci(argv[2], "on")) ctx.session.reply_mode = Session::ReplyMode::kOn;
  else if (eq_ci(argv[2], "off")) ctx.session.reply_mode = Session::ReplyMode::kOff;
  else if (eq_ci(argv[2], "skip")) ctx.session.reply_mode = Session::ReplyMode::kSkipNext;
  else return Reply::error(err::kSyntax);
  return Reply::ok();
}

Reply client_no_evict_command(CommandContext& ctx, Args argv) {
  if (eq_ci(argv[2], "on")) ctx.session.no_evict = true;
  else if (eq_ci(argv[2], "off")) ctx.session.no_evict = false;
  else return Reply::error(err::kSyntax);
  return Reply::ok();
}

// No client is ever paused, so there is nothing to resume.
Reply client_unpause_command(CommandContext&, Args) { return Reply::ok(); }

// CLIENT UNBLOCK id [TIMEOUT|ERROR]: a client blocked in a blocking command gets its timeout
// reply (TIMEOUT, the default) or the UNBLOCKED error; 1 when one was blocked, else 0.
Reply client_unblock_command(CommandContext& ctx, Args argv) {
  if (argv.size() > 4) return Reply::error(err::subcommand_syntax(argv[1], argv[0]));
  Reply error;
  auto id = int_arg(argv[2], &error);
  if (!id) return error;
  if (argv.size() == 4 && !eq_ci(argv[3], "timeout") && !eq_ci(argv[3], "error")) {
    return Reply::error(err::kUnblockReason);
  }
  BlockedClients& blocked = ctx.ks.clients().blocked;
  Waiter* w = blocked.find_client(*id);
  if (w == nullptr) return Reply::integer(0);
  const bool as_error = argv.size() == 4 && eq_ci(argv[3], "error");
  blocked.finish(w->id, as_error ? Reply::error(err::kUnblocked) : w->timeout_reply);
  return Reply::integer(1);
}

Reply client_getredir_command(CommandContext&, Args) { return Reply::integer(-1); }

Reply client_trackinginfo_command(CommandContext&, Args) {
  return Reply::map({Reply::bulk("flags"), Reply::set({Reply::bulk("off")}),
                     Reply::bulk("redirect"), Reply::integer(-1), Reply::bulk("prefixes"),
                     Reply::array()});
}

Reply client_caching_command(CommandContext&, Args) {
  return Reply::error(err::kCachingNeedsTracking);
}

Reply client_help_command(CommandContext&, Args) {
  static constexpr std::string_view kLines[] = {
      "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "CACHING (YES|NO)",
      "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
      "GETREDIR",
      "    Return the client ID we are redirecting to when tracking is enabled.",
      "GETNAME",
      "    Return the name of the current connection.",
      "ID",
      "    Return the ID of the current connection.",
      "INFO",
      "    Return information about the current client connection.",
      "KILL <ip:port>",
      "    Kill connection made from <ip:port>.",
      "KILL <option> <value> [<option> <value> [...]]",
      "    Kill connections. Options are:",
      "    * ADDR (<ip:port>|<unixsocket>:0)",
      "      Kill connections made from the specified address",
      "    * LADDR (<ip:port>|<unixsocket>:0)",
      "      Kill connections made to specified local address",
      "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
      "      Kill connections by type.",
      "    * USER <username>",
      "      Kill connections authenticated by <username>.",
      "    * SKIPME (YES|NO)",
      "      Skip killing current connection (default: yes).",
      "LIST [options ...]",
      "    Return information about client connections. Options:",
      "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
      "      Return clients of specified type.",
      "UNPAUSE",
      "    Stop the current client pause, resuming traffic.",
      "PAUSE <timeout> [WRITE|ALL]",
      "    Suspend all, or just write, clients for <timeout> milliseconds.",
      "REPLY (ON|OFF|SKIP)",
      "    Control the replies sent to the current connection.",
      "SETNAME <name>",
      "    Assign the name <name> to the current connection.",
      "UNBLOCK <clientid> [TIMEOUT|ERROR]",
      "    Unblock the specified blocked client.",
      "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
      "         [OPTIN] [OPTOUT] [NOLOOP]",
      "    Control server assisted client side caching.",
      "TRACKINGINFO",
      "    Report tracking status for the current connection.",
      "NO-EVICT (ON|OFF)",
      "    Protect current client connection from eviction.",
      "HELP",
      "    Prints this help.",
  };
  return help_reply(kLines);
}

// MONITOR: from now on the server streams every command it runs to this client (the server
// acts on session.monitor after the reply). An embedded session has no stream to receive.
Reply monitor_command(CommandContext& ctx, Args) {
  ctx.session.monitor = true;
  return Reply::ok();
}

// RESET: back to a fresh connection's state (no transaction, no WATCHed keys, no
// subscriptions, db 0, RESP2, no name, replies on, no monitor, not protected from eviction);
// the id stays. The server also drops authentication.
Reply reset_command(CommandContext& ctx, Args) {
  transaction_reset(ctx);
  pubsub_reset(ctx);
  Session& s = ctx.session;
  s.db = 0;
  s.protocol = 2;
  s.name.clear();
  s.reply_mode = Session::ReplyMode::kOn;
  s.no_evict = false;
  s.monitor = false;
  return Reply::simple("RESET");
}

std::vector<CommandSpec> client_subcommands() {
  constexpr uint32_t kBase = kCmdNoscript | kCmdLoading | kCmdStale;
  auto sub = [](std::string_view name, int arity, uint32_t flags, Handler h,
                std::string_view since) {
    return CommandSpec{.name = name, .arity = arity, .flags = flags, .handler = h,
                       .since = since, .group = "connection"};
  };
  return {
      sub("caching", 3, kBase, client_caching_command, "6.0.0"),
      sub("getname", 2, kBase, client_getname_command, "2.6.9"),
      sub("getredir", 2, kBase, client_getredir_command, "6.0.0"),
      sub("help", 2, kCmdLoading | kCmdStale, client_help_command, "5.0.0"),
      sub("id", 2, kBase, client_id_command, "5.0.0"),
      sub("info", 2, kBase, client_info_command, "6.2.0"),
      sub("kill", -3, kCmdAdmin | kBase, client_kill_command, "2.4.0"),
      sub("list", -2, kCmdAdmin | kBase, client_list_command, "2.4.0"),
      sub("no-evict", 3, kCmdAdmin | kBase, client_no_evict_command, "7.0.0"),
      sub("reply", 3, kBase, client_reply_command, "3.2.0"),
      sub("setname", 3, kBase, client_setname_command, "2.6.9"),
      sub("trackinginfo", 2, kBase, client_trackinginfo_command, "6.2.0"),
      sub("unblock", -3, kCmdAdmin | kBase, client_unblock_command, "5.0.0"),
      sub("unpause", 2, kCmdAdmin | kBase, client_unpause_command, "6.2.0"),
  };
}

}  // namespace

void register_client_commands(CommandTable& t) {
  t.add({.name = "client",
         .arity = -2,
         .since = "2.4.0",
         .group = "connection",
         .subcommands = client_subcommands()});
  t.add({.name = "monitor",
         .arity = 1,
         .flags = kCmdAdmin | kCmdNoscript | kCmdLoading | kCmdStale,
         .handler = monitor_command,
         .since = "1.0.0",
         .group = "server"});
  t.add({.name = "reset",
         .arity = 1,
         .flags = kCmdNoscript | kCmdLoading | kCmdStale | kCmdFast | kCmdNoAuth | kCmdAllowBusy,
         .handler = reset_command,
         .since = "6.2.0",
         .group = "connection"});
}

}  // namespace kevy
