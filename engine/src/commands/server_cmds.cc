// Connection and server commands: PING ECHO SELECT HELLO TIME DBSIZE FLUSHDB FLUSHALL SWAPDB
// DEBUG (HELP, OBJECT, SLEEP, SET-ACTIVE-EXPIRE, DIGEST, DIGEST-VALUE).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "commands/args.h"
#include "commands/client_info.h"
#include "commands/command_table.h"
#include "commands/debug_digest.h"
#include "commands/dump_restore.h"
#include "commands/errors.h"
#include "commands/keyspace.h"
#include "commands/persist_cmds.h"
#include "commands/pubsub_cmds.h"
#include "core/numbers.h"
#include "persist/rdb_value.h"
#include "types/list.h"

namespace kevy {
namespace {

bool is_db_index(const CommandContext& ctx, int64_t id) { return id >= 0 && id < ctx.ks.num_dbs(); }

// PING [message]: the table's arity admits any count; the handler rejects more than one.
// A RESP2 client in subscribed mode gets ["pong", message or ""] (commands/pubsub_cmds.h).
Reply ping_command(CommandContext& ctx, Args argv) {
  if (argv.size() > 2) return Reply::error(err::wrong_arity("ping"));
  if (pubsub_ping_as_array(ctx.session)) {
    return Reply::array({Reply::bulk("pong"), Reply::bulk(argv.size() == 2 ? argv[1] : "")});
  }
  if (argv.size() == 2) return Reply::bulk(argv[1]);
  return Reply::simple("PONG");
}

Reply echo_command(CommandContext&, Args argv) { return Reply::bulk(argv[1]); }

Reply select_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto id = int32_arg(argv[1], &error);
  if (!id) return error;
  if (!is_db_index(ctx, *id)) return Reply::error(err::kDbIndexOutOfRange);
  ctx.session.db = *id;
  return Reply::ok();
}

// HELLO [protover [AUTH user pass] [SETNAME name]]: switches the session's protocol. Options
// are checked in order and the first bad one fails the whole command.
Reply hello_command(CommandContext& ctx, Args argv) {
  int protocol = ctx.session.protocol;
  if (argv.size() >= 2) {
    auto v = parse_int64(argv[1]);
    if (!v) return Reply::error(err::kHelloProtoNotInteger);
    if (*v < 2 || *v > 3) return Reply::error(err::kNoProto);
    protocol = static_cast<int>(*v);
  }
  std::optional<std::string_view> user;
  std::optional<std::string_view> name;
  for (size_t i = 2; i < argv.size(); ++i) {
    const size_t more = argv.size() - i - 1;
    if (eq_ci(argv[i], "auth") && more >= 2) {
      user = argv[i + 1];
      i += 2;
    } else if (eq_ci(argv[i], "setname") && more >= 1) {
      name = argv[++i];
      if (!valid_client_name(*name)) return Reply::error(err::kClientNameInvalid);
    } else {
      return Reply::error(err::hello_syntax(argv[i]));
    }
  }
  // Without ACLs only Redis's default user exists, and it has no password (nopass): any
  // password is accepted for it, any other user name is refused.
  if (user && *user != "default") return Reply::error(err::kWrongPass);
  ctx.session.protocol = protocol;
  if (name) ctx.session.name = std::string(*name);
  return Reply::map({Reply::bulk("server"), Reply::bulk("redis"), Reply::bulk("version"),
                     Reply::bulk("7.0.15"), Reply::bulk("proto"), Reply::integer(protocol),
                     Reply::bulk("id"), Reply::integer(ctx.session.client_id), Reply::bulk("mode"),
                     Reply::bulk("standalone"), Reply::bulk("role"), Reply::bulk("master"),
                     Reply::bulk("modules"), Reply::array()});
}

// TIME: [unix seconds, microseconds] from the store's clock.
Reply time_command(CommandContext& ctx, Args) {
  const int64_t us = ctx.ks.clock().now_us();
  return Reply::array(
      {Reply::bulk(std::to_string(us / 1000000)), Reply::bulk(std::to_string(us % 1000000))});
}

Reply dbsize_command(CommandContext& ctx, Args) {
  // Expired keys not yet deleted count, as in Redis.
  return Reply::integer(static_cast<int64_t>(ctx.ks.db(ctx.db()).main.size()));
}

// FLUSHDB / FLUSHALL accept one optional SYNC or ASYNC; both free synchronously here.
bool flush_args_ok(Args argv) {
  return argv.size() == 1 ||
         (argv.size() == 2 && (eq_ci(argv[1], "sync") || eq_ci(argv[1], "async")));
}

Reply flushdb_command(CommandContext& ctx, Args argv) {
  if (!flush_args_ok(argv)) return syntax_error();
  ctx.ks.flush_db_signalled(ctx.db());
  return Reply::ok();
}

Reply flushall_command(CommandContext& ctx, Args argv) {
  if (!flush_args_ok(argv)) return syntax_error();
  ctx.ks.flush_db_signalled(-1);
  return Reply::ok();
}

// SWAPDB a b: each index that is not an int gets its own error; then both must be in range.
Reply swapdb_command(CommandContext& ctx, Args argv) {
  auto index = [](std::string_view s) -> std::optional<int64_t> {
    auto v = parse_int64(s);
    if (!v || *v < INT32_MIN || *v > INT32_MAX) return std::nullopt;
    return v;
  };
  auto a = index(argv[1]);
  if (!a) return Reply::error(err::kInvalidFirstDbIndex);
  auto b = index(argv[2]);
  if (!b) return Reply::error(err::kInvalidSecondDbIndex);
  if (!is_db_index(ctx, *a) || !is_db_index(ctx, *b)) {
    return Reply::error(err::kDbIndexOutOfRange);
  }
  if (*a != *b) ctx.ks.swap_db_signalled(static_cast<int>(*a), static_cast<int>(*b));
  return Reply::ok();
}

// ---- DEBUG ----

// DEBUG OBJECT key: Redis's one-line summary. It reads the table directly: no expiry, no
// stats, no touch. `Value at` is the entry's address and `lru` its raw stamp, so neither can
// equal Redis's. serializedlength is the value's RDB form (DUMP's payload without type byte
// and footer, LZF per rdbcompression). For a list, the quicklist fields describe the nodes
// DUMP writes and the current list-max-listpack-size / list-compress-depth (Redis reports
// the ones the list was created with).
Reply debug_object(CommandContext& ctx, std::string_view key) {
  const Entry* e = ctx.ks.db(ctx.db()).main.find(key);
  if (e == nullptr) return Reply::error(err::kNoSuchKey);
  const auto config = [&](std::string_view name) {
    return ctx.ks.instance().config.get(name, ctx.ks.options()).value_or("");
  };
  const rdb::ListLayout lists = rdb::list_layout(ctx.ks.options());
  const size_t serialized = serialized_length(*e, config("rdbcompression") == "yes", lists);
  char line[256];
  std::snprintf(line, sizeof line,
                "Value at:%p refcount:%lld encoding:%s serializedlength:%zu lru:%u "
                "lru_seconds_idle:%llu",
                static_cast<const void*>(e), static_cast<long long>(object_refcount(ctx.ks, e)),
                std::string(encoding_name(e->encoding())).c_str(), serialized, e->lru(),
                static_cast<unsigned long long>(ctx.ks.idle_ms(e) / 1000));
  std::string out = line;
  if (e->type() == ObjType::kList) {
    const auto& list = *static_cast<const ListObject*>(e->object());
    const rdb::QuicklistShape shape = rdb::quicklist_shape(list, lists.fill);
    const double avg = shape.nodes == 0 ? 0 : static_cast<double>(list.size()) /
                                                  static_cast<double>(shape.nodes);
    std::snprintf(line, sizeof line,
                  " ql_nodes:%zu ql_avg_node:%.2f ql_listpack_max:%d ql_compressed:%d "
                  "ql_uncompressed_size:%zu",
                  shape.nodes, avg, lists.fill, lists.compress_depth != 0 ? 1 : 0,
                  shape.bytes);
    out += line;
  }
  return Reply::simple(out);
}

// DEBUG SLEEP seconds: the argument is read with strtod (so "abc" is 0 and "0x10" is 16) and
// truncated to whole microseconds; zero, negative, NaN or absurd values do not sleep. Under a
// ManualClock the clock is advanced instead of waiting, so sequences that sleep to let keys
// expire behave as on a real server, without the wait. The store stays locked meanwhile, as
// Redis is blocked.
Reply debug_sleep(CommandContext& ctx, std::string_view arg) {
  const double secs = std::strtod(std::string(arg).c_str(), nullptr);
  if (!(secs > 0) || secs >= 9.2e12) return Reply::ok();
  const auto us = static_cast<int64_t>(secs * 1e6);
  if (auto* manual = dynamic_cast<ManualClock*>(&ctx.ks.clock())) {
    manual->advance_us(us);
  } else {
    std::this_thread::sleep_for(std::chrono::microseconds(us));
  }
  return Reply::ok();
}

Reply debug_help() {
  static constexpr std::string_view kLines[] = {
      "DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "AOF-FLUSH-SLEEP <microsec>",
      "    Server will sleep before flushing the AOF, this is used for testing.",
      "ASSERT",
      "    Crash by assertion failed.",
      "CHANGE-REPL-ID",
      "    Change the replication IDs of the instance.",
      "    Dangerous: should be used only for testing the replication subsystem.",
      "CONFIG-REWRITE-FORCE-ALL",
      "    Like CONFIG REWRITE but writes all configuration options, including",
      "    keywords not listed in original configuration file or default values.",
      "CRASH-AND-RECOVER [<milliseconds>]",
      "    Hard crash and restart after a <milliseconds> delay (default 0).",
      "DIGEST",
      "    Output a hex signature representing the current DB content.",
      "DIGEST-VALUE <key> [<key> ...]",
      "    Output a hex signature of the values of all the specified keys.",
      "ERROR <string>",
      "    Return a Redis protocol error with <string> as message. Useful for clients",
      "    unit tests to simulate Redis errors.",
      "LEAK <string>",
      "    Create a memory leak of the input string.",
      "LOG <message>",
      "    Write <message> to the server log.",
      "HTSTATS <dbid>",
      "    Return hash table statistics of the specified Redis database.",
      "HTSTATS-KEY <key>",
      "    Like HTSTATS but for the hash table stored at <key>'s value.",
      "LOADAOF",
      "    Flush the AOF buffers on disk and reload the AOF in memory.",
      "REPLICATE <string>",
      "    Replicates the provided string to replicas, allowing data divergence.",
      "MALLCTL <key> [<val>]",
      "    Get or set a malloc tuning integer.",
      "MALLCTL-STR <key> [<val>]",
      "    Get or set a malloc tuning string.",
      "OBJECT <key>",
      "    Show low level info about `key` and associated value.",
      "DROP-CLUSTER-PACKET-FILTER <packet-type>",
      "    Drop all packets that match the filtered type. Set to -1 allow all packets.",
      "OOM",
      "    Crash the server simulating an out-of-memory error.",
      "PANIC",
      "    Crash the server simulating a panic.",
      "POPULATE <count> [<prefix>] [<size>]",
      "    Create <count> string keys named key:<num>. If <prefix> is specified then",
      "    it is used instead of the 'key' prefix. These are not propagated to",
      "    replicas. Cluster slots are not respected so keys not belonging to the",
      "    current node can be created in cluster mode.",
      "PROTOCOL <type>",
      "    Reply with a test value of the specified type. <type> can be: string,",
      "    integer, double, bignum, null, array, set, map, attrib, push, verbatim,",
      "    true, false.",
      "RELOAD [option ...]",
      "    Save the RDB on disk and reload it back to memory. Valid <option> values:",
      "    * MERGE: conflicting keys will be loaded from RDB.",
      "    * NOFLUSH: the existing database will not be removed before load, but",
      "      conflicting keys will generate an exception and kill the server.",
      "    * NOSAVE: the database will be loaded from an existing RDB file.",
      "    Examples:",
      "    * DEBUG RELOAD: verify that the server is able to persist, flush and reload",
      "      the database.",
      "    * DEBUG RELOAD NOSAVE: replace the current database with the contents of an",
      "      existing RDB file.",
      "    * DEBUG RELOAD NOSAVE NOFLUSH MERGE: add the contents of an existing RDB",
      "      file to the database.",
      "RESTART [<milliseconds>]",
      "    Graceful restart: save config, db, restart after a <milliseconds> delay (default 0).",
      "SDSLEN <key>",
      "    Show low level SDS string info representing `key` and value.",
      "SEGFAULT",
      "    Crash the server with sigsegv.",
      "SET-ACTIVE-EXPIRE <0|1>",
      "    Setting it to 0 disables expiring keys in background when they are not",
      "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
      "    default.",
      "QUICKLIST-PACKED-THRESHOLD <size>",
      "    Sets the threshold for elements to be inserted as plain vs packed nodes",
      "    Default value is 1GB, allows values up to 4GB. Setting to 0 restores to default.",
      "SET-SKIP-CHECKSUM-VALIDATION <0|1>",
      "    Enables or disables checksum checks for RDB files and RESTORE's payload.",
      "SLEEP <seconds>",
      "    Stop the server for <seconds>. Decimals allowed.",
      "STRINGMATCH-TEST",
      "    Run a fuzz tester against the stringmatchlen() function.",
      "STRUCTSIZE",
      "    Return the size of different Redis core C structures.",
      "LISTPACK <key>",
      "    Show low level info about the listpack encoding of <key>.",
      "QUICKLIST <key> [<0|1>]",
      "    Show low level info about the quicklist encoding of <key>.",
      "    The optional argument (0 by default) sets the level of detail",
      "CLIENT-EVICTION",
      "    Show low level client eviction pools info (maxmemory-clients).",
      "PAUSE-CRON <0|1>",
      "    Stop periodic cron job processing.",
      "REPLYBUFFER PEAK-RESET-TIME <NEVER||RESET|time>",
      "    Sets the time (in milliseconds) to wait between client reply buffer peak resets.",
      "    In case NEVER is provided the last observed peak will never be reset",
      "    In case RESET is provided the peak reset time will be restored to the default value",
      "REPLYBUFFER RESIZING <0|1>",
      "    Enable or disable the reply buffer resize cron job",
      "CLUSTERLINK KILL <to|from|all> <node-id>",
      "    Kills the link based on the direction to/from (both) with the provided node.",
      "HELP",
      "    Prints this help.",
  };
  return help_reply(kLines);
}

// DEBUG DIGEST-VALUE key...: one status reply per key, read straight from the current db's
// table (no expiry, no touch: logically expired keys still have a digest); a missing key gives
// 40 zeros. With no keys the reply is an empty array.
Reply debug_digest_value(CommandContext& ctx, Args argv) {
  std::vector<Reply> out;
  out.reserve(argv.size() - 2);
  for (size_t i = 2; i < argv.size(); ++i) {
    const Entry* e = ctx.ks.db(ctx.db()).main.find(argv[i]);
    out.push_back(Reply::simple(e != nullptr ? value_digest(ctx.ks, ctx.db(), *e)
                                             : std::string(40, '0')));
  }
  return Reply::array(std::move(out));
}

// DEBUG parses its own subcommands (it is not a container in Redis's table): anything it does
// not know, or with the wrong argument count, gets the "unknown subcommand or wrong number of
// arguments" error. Only HELP, OBJECT, SLEEP, SET-ACTIVE-EXPIRE, DIGEST and DIGEST-VALUE are
// implemented.
Reply debug_command(CommandContext& ctx, Args argv) {
  const std::string_view sub = argv[1];
  if (argv.size() == 2 && eq_ci(sub, "help")) return debug_help();
  if (argv.size() == 2 && eq_ci(sub, "digest")) return Reply::simple(dataset_digest(ctx.ks));
  if (eq_ci(sub, "digest-value")) return debug_digest_value(ctx, argv);
  if (eq_ci(sub, "reload")) return debug_reload(ctx, argv);  // persist_cmds.cc
  if (eq_ci(sub, "loadaof")) return debug_loadaof(ctx, argv);  // persist_cmds.cc
  if (argv.size() == 3) {
    if (eq_ci(sub, "object")) return debug_object(ctx, argv[2]);
    if (eq_ci(sub, "sleep")) return debug_sleep(ctx, argv[2]);
    if (eq_ci(sub, "set-active-expire")) {
      // Redis reads the flag with atoi: "1x" enables, "x" disables.
      ctx.ks.set_active_expire_enabled(std::atoi(std::string(argv[2]).c_str()) != 0);
      return Reply::ok();
    }
  }
  return Reply::error(err::subcommand_syntax(sub, argv[0]));
}

}  // namespace

void register_server_commands(CommandTable& t) {
  constexpr uint32_t kLoadingStaleFast = kCmdLoading | kCmdStale | kCmdFast;
  t.add({.name = "ping",
         .arity = -1,
         .flags = kCmdFast,
         .handler = ping_command,
         .since = "1.0.0",
         .group = "connection"});
  t.add({.name = "echo",
         .arity = 2,
         .flags = kLoadingStaleFast,
         .handler = echo_command,
         .since = "1.0.0",
         .group = "connection"});
  t.add({.name = "select",
         .arity = 2,
         .flags = kLoadingStaleFast,
         .handler = select_command,
         .since = "1.0.0",
         .group = "connection"});
  t.add({.name = "hello",
         .arity = -1,
         .flags = kCmdNoscript | kLoadingStaleFast | kCmdNoAuth | kCmdAllowBusy,
         .handler = hello_command,
         .since = "6.0.0",
         .group = "connection"});
  t.add({.name = "time",
         .arity = 1,
         .flags = kLoadingStaleFast,
         .handler = time_command,
         .since = "2.6.0",
         .group = "server"});
  t.add({.name = "dbsize",
         .arity = 1,
         .flags = kCmdReadonly | kCmdFast,
         .handler = dbsize_command,
         .since = "1.0.0",
         .group = "server"});
  t.add({.name = "flushdb",
         .arity = -1,
         .flags = kCmdWrite,
         .handler = flushdb_command,
         .since = "1.0.0",
         .group = "server"});
  t.add({.name = "flushall",
         .arity = -1,
         .flags = kCmdWrite,
         .handler = flushall_command,
         .since = "1.0.0",
         .group = "server"});
  t.add({.name = "swapdb",
         .arity = 3,
         .flags = kCmdWrite | kCmdFast,
         .handler = swapdb_command,
         .since = "4.0.0",
         .group = "server"});
  t.add({.name = "debug",
         .arity = -2,
         .flags = kCmdAdmin | kCmdNoscript | kCmdLoading | kCmdStale,
         .handler = debug_command,
         .since = "1.0.0",
         .group = "server"});
}

}  // namespace kevy
