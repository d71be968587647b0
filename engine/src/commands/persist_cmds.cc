// SAVE, BGSAVE, BGREWRITEAOF and DEBUG RELOAD (commands/persist_cmds.h).
#include "commands/persist_cmds.h"

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "persist/aof.h"
#include "persist/aof_load.h"
#include "persist/snapshot.h"

namespace kevy {

namespace {

// A failed SAVE replies Redis's bare "-ERR" (the reason goes to Redis's log, not the client).
Reply save_failure(const Status& s) {
  return Reply::error(s.code() == Status::Code::kCommandError ? std::string_view(s.message())
                                                               : err::kBareErr);
}

Reply save_command(CommandContext& ctx, Args) {
  const Status s = save_snapshot(ctx.ks);
  return s.is_ok() ? Reply::ok() : save_failure(s);
}

// BGSAVE [SCHEDULE]: with no other background work in kevy, SCHEDULE starts the save at once
// as Redis does when no child process is active; one already running is an error either way.
Reply bgsave_command(CommandContext& ctx, Args argv) {
  if (argv.size() > 1 && !(argv.size() == 2 && eq_ci(argv[1], "schedule"))) {
    return Reply::error(err::kSyntax);
  }
  const Status s = start_bgsave(ctx.ks);
  return s.is_ok() ? Reply::simple("Background saving started") : save_failure(s);
}

// BGREWRITEAOF: the AOF's base is rewritten from the keyspace (persist/aof.h) — also with the
// AOF off, as Redis 7.0 does (a base and a manifest without increments).
Reply bgrewriteaof_command(CommandContext& ctx, Args) {
  const Status s = aof_start_rewrite(ctx.ks);
  if (s.is_ok()) return Reply::simple("Background append only file rewriting started");
  return Reply::error(s.code() == Status::Code::kCommandError ? std::string_view(s.message())
                                                               : err::kBareErr);
}

}  // namespace

// As Redis: save (unless NOSAVE), flush (unless NOFLUSH), load; MERGE lets the file's keys
// replace keys already present. A load failure replies "Error trying to load the RDB dump";
// kevy never half-loads: the file is read into staging first, and the flush Redis did before
// loading is applied only then (so a failed reload leaves an empty store, as Redis's does, or
// the untouched store with NOFLUSH, where Redis would have exited).
Reply debug_reload(CommandContext& ctx, Args argv) {
  bool save = true, flush = true, merge = false;
  for (size_t i = 2; i < argv.size(); ++i) {
    if (eq_ci(argv[i], "merge")) {
      merge = true;
    } else if (eq_ci(argv[i], "noflush")) {
      flush = false;
    } else if (eq_ci(argv[i], "nosave")) {
      save = false;
    } else {
      return Reply::error(err::kDebugReloadOptions);
    }
  }
  Keyspace& ks = ctx.ks;
  const std::string path = snapshot_path(ks);
  if (save) {
    const Status s = rdb::save_file(ks, snapshot_save_params(ks), path);
    if (!s.is_ok()) return Reply::error(err::kBareErr);
    ks.instance().stats.clear_dirty();
    ks.instance().lastsave_s = ks.now_ms() / 1000;
  }
  const rdb::LoadMode mode = flush   ? rdb::LoadMode::kReplace
                             : merge ? rdb::LoadMode::kOverwrite
                                     : rdb::LoadMode::kAdd;
  const Status s = load_snapshot(ks, path, mode);
  if (!s.is_ok()) {
    if (flush) ks.flush_all();
    return Reply::error(err::kRdbReloadFailed);
  }
  return Reply::ok();
}

// As Redis with the AOF on. With it off Redis exits (it finds no AOF to load); kevy replies an
// error instead. A load failure empties the keyspace, where Redis would exit.
Reply debug_loadaof(CommandContext& ctx, Args argv) {
  if (argv.size() != 2) return Reply::error(err::kSyntax);
  Keyspace& ks = ctx.ks;
  AofState& st = ks.instance().aof;
  if (!st.on) return Reply::error(err::kAofNotEnabled);
  aof_collect_rewrite(ks, /*wait=*/true);
  if (!aof_flush(ks).is_ok()) return Reply::error(err::kBareErr);
  ks.flush_all();
  ks.propagation().set_active(false);
  aof::LoadParams params;
  params.load_truncated = ks.instance().config.get("aof-load-truncated", ks.options()) != "no";
  const Status s = aof::load(ks, st.dir, st.prefix, params, nullptr);
  ks.propagation().set_active(true);
  if (!s.is_ok()) {
    ks.flush_all();
    return Reply::error(err::kAofReloadFailed);
  }
  return Reply::ok();
}

void register_persist_commands(CommandTable& t) {
  t.add({.name = "save",
         .arity = 1,
         .flags = kCmdAdmin | kCmdNoscript | kCmdNoAsyncLoading | kCmdNoMulti,
         .handler = save_command,
         .since = "1.0.0",
         .group = "server"});
  t.add({.name = "bgsave",
         .arity = -1,
         .flags = kCmdAdmin | kCmdNoscript | kCmdNoAsyncLoading,
         .handler = bgsave_command,
         .since = "1.0.0",
         .group = "server"});
  t.add({.name = "bgrewriteaof",
         .arity = 1,
         .flags = kCmdAdmin | kCmdNoscript | kCmdNoAsyncLoading,
         .handler = bgrewriteaof_command,
         .since = "1.0.0",
         .group = "server"});
}

}  // namespace kevy
