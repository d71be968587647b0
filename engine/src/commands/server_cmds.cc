// Connection and server commands: PING ECHO SELECT HELLO TIME DBSIZE FLUSHDB FLUSHALL SWAPDB
// DEBUG ...
#include <string>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"

namespace kevy {
namespace {

Reply ping_command(CommandContext&, Args argv) {
  if (argv.size() == 2) return Reply::bulk(argv[1]);
  return Reply::simple("PONG");
}

Reply echo_command(CommandContext&, Args argv) { return Reply::bulk(argv[1]); }

Reply select_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto id = int_arg(argv[1], &error);
  if (!id) return error;
  if (*id < 0 || *id >= ctx.ks.num_dbs()) return Reply::error(err::kDbIndexOutOfRange);
  ctx.session.db = static_cast<int>(*id);
  return Reply::ok();
}

// HELLO [protover [AUTH user pass] [SETNAME name]]: switches the session's protocol.
Reply hello_command(CommandContext& ctx, Args argv) {
  int protocol = ctx.session.protocol;
  if (argv.size() >= 2) {
    auto v = parse_int64(argv[1]);
    if (!v) return Reply::error(err::kHelloProtoNotInteger);
    if (*v < 2 || *v > 3) return Reply::error(err::kNoProto);
    protocol = static_cast<int>(*v);
  }
  for (size_t i = 2; i < argv.size(); ++i) {
    bool more = argv.size() - i - 1;
    if (eq_ci(argv[i], "auth") && argv.size() - i - 1 >= 2) {
      i += 2;  // no ACL in the embedded store: any credentials are accepted
    } else if (eq_ci(argv[i], "setname") && more) {
      ++i;
    } else {
      return Reply::error(err::hello_syntax(argv[i]));
    }
  }
  ctx.session.protocol = protocol;
  return Reply::map({Reply::bulk("server"), Reply::bulk("redis"), Reply::bulk("version"),
                     Reply::bulk("7.0.15"), Reply::bulk("proto"), Reply::integer(protocol),
                     Reply::bulk("id"), Reply::integer(ctx.session.client_id), Reply::bulk("mode"),
                     Reply::bulk("standalone"), Reply::bulk("role"), Reply::bulk("master"),
                     Reply::bulk("modules"), Reply::array()});
}

}  // namespace

void register_server_commands(CommandTable& t) {
  constexpr uint32_t kConn = kCmdNoscript | kCmdLoading | kCmdStale | kCmdFast;
  t.add({.name = "ping", .arity = -1, .flags = kCmdFast, .handler = ping_command,
         .since = "1.0.0", .group = "connection"});
  t.add({.name = "echo", .arity = 2, .flags = kCmdFast, .handler = echo_command,
         .since = "1.0.0", .group = "connection"});
  t.add({.name = "select", .arity = 2, .flags = kConn, .handler = select_command,
         .since = "1.0.0", .group = "connection"});
  t.add({.name = "hello", .arity = -1, .flags = kConn | kCmdNoAuth, .handler = hello_command,
         .since = "6.0.0", .group = "connection"});
}

}  // namespace kevy
