// Generic keyspace commands: DEL UNLINK EXISTS TYPE TOUCH KEYS SCAN RANDOMKEY RENAME RENAMENX
// COPY MOVE OBJECT.
//
// Lookups follow Redis's flags: EXISTS, TYPE, OBJECT and SCAN's TYPE filter read without
// touching the access stamp; TOUCH and COPY's source are ordinary reads; RENAME, MOVE and
// COPY's destination are write lookups (stamped, no hit/miss stats); DEL, KEYS, SCAN and
// RANDOMKEY reach keys without a lookup.
//
// Keyspace events (class g) as redis-server 7.0.15 sends them: DEL and UNLINK `del` per key
// deleted; RENAME/RENAMENX `rename_from` on the source then `rename_to` on the destination
// (the replaced destination sends nothing of its own); MOVE `move_from` in the source db then
// `move_to` in the target db; COPY `copy_to` on the destination. The keyspace adds `new` for
// each key they create, first. Reads that miss send `keymiss`, except OBJECT's.
#include "commands/keyspace.h"

#include <cerrno>
#include <cstdlib>
#include <string>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "core/glob.h"

namespace kevy {
namespace {

constexpr int64_t kSharedRefcount = INT32_MAX;  // Redis's OBJ_SHARED_REFCOUNT
constexpr int64_t kSharedIntegers = 10000;      // Redis's OBJ_SHARED_INTEGERS

// KEYS and SCAN treat the pattern "*" as no pattern at all, so unlike glob_match it also
// accepts the empty key.
bool matches_all(std::string_view pattern) { return pattern == "*"; }

// Redis compares a SCAN TYPE argument with strcasecmp: the argument ends at its first NUL.
bool c_string_eq_ci(std::string_view arg, std::string_view name) {
  return eq_ci(arg.substr(0, arg.find('\0')), name);
}

bool is_db_index(const CommandContext& ctx, int id) { return id >= 0 && id < ctx.ks.num_dbs(); }

// Redis's parseScanCursorOrReply: strtoul in base 10, so "", "+5" and "-1" (= 2^64-1) are
// cursors and the text ends at an embedded NUL; a leading space or an overflow is not.
std::optional<uint64_t> parse_scan_cursor(std::string_view arg) {
  const std::string text(arg);  // strtoull needs a terminator
  if (!text.empty() && std::string_view(" \t\n\v\f\r").find(text[0]) != std::string_view::npos) {
    return std::nullopt;
  }
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (*end != '\0' || errno == ERANGE) return std::nullopt;
  return static_cast<uint64_t>(v);
}

}  // namespace

int64_t del_keys(CommandContext& ctx, Args keys) {
  int64_t n = 0;
  for (std::string_view k : keys) {
    ctx.ks.expire_if_needed(ctx.db(), k);
    if (ctx.ks.remove(ctx.db(), k)) {
      ctx.ks.modified(ctx.db(), k, kNotifyGeneric, "del");
      ++n;
    }
  }
  return n;
}

int64_t exists_keys(CommandContext& ctx, Args keys) {
  int64_t n = 0;
  for (std::string_view k : keys) {
    if (ctx.ks.lookup_read(ctx.db(), k, kLookupNoTouch) != nullptr) ++n;
  }
  return n;
}

ScanResult scan_keys(CommandContext& ctx, const ScanRequest& req) {
  ScanResult out;
  // Names are copied first: the filters below may delete (and free) the entries.
  std::vector<std::string> names;
  out.cursor = ctx.ks.db(ctx.db()).main.scan(req.cursor, req.count,
                                             [&](Entry* e) { names.emplace_back(e->key()); });
  const bool use_pattern = req.match && !matches_all(*req.match);
  for (std::string& key : names) {
    if (use_pattern && !glob_match(*req.match, key)) continue;
    if (req.type) {
      const Entry* e = ctx.ks.lookup_read(ctx.db(), key, kLookupNoTouch);
      if (!c_string_eq_ci(*req.type, e != nullptr ? type_name(e->type()) : "none")) continue;
    }
    if (ctx.ks.expire_if_needed(ctx.db(), key)) continue;
    out.keys.push_back(std::move(key));
  }
  return out;
}

int64_t object_refcount(const Keyspace& ks, const Entry* e) {
  if (!e->is_string() || e->encoding() != Encoding::kInt) return 1;
  const int64_t v = e->int_value();
  if (v < 0 || v >= kSharedIntegers) return 1;
  const Options& opts = ks.options();
  const EvictionPolicy p = opts.eviction_policy;
  const bool stamps_objects = p == EvictionPolicy::kAllKeysLru ||
                              p == EvictionPolicy::kVolatileLru ||
                              p == EvictionPolicy::kAllKeysLfu || p == EvictionPolicy::kVolatileLfu;
  return opts.max_memory == 0 || !stamps_objects ? kSharedRefcount : 1;
}

namespace {

// DEL / UNLINK: propagated as typed when a key was deleted, else not at all.
Reply del_command(CommandContext& ctx, Args argv) {
  const int64_t n = del_keys(ctx, argv.subspan(1));
  if (n == 0) ctx.ks.propagation().prevent();
  return Reply::integer(n);
}

Reply exists_command(CommandContext& ctx, Args argv) {
  return Reply::integer(exists_keys(ctx, argv.subspan(1)));
}

Reply type_command(CommandContext& ctx, Args argv) {
  const Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1], kLookupNoTouch);
  return Reply::simple(e != nullptr ? type_name(e->type()) : "none");
}

Reply touch_command(CommandContext& ctx, Args argv) {
  int64_t n = 0;
  for (std::string_view k : argv.subspan(1)) {
    if (ctx.ks.lookup_read(ctx.db(), k) != nullptr) ++n;
  }
  return Reply::integer(n);
}

// KEYS reports live keys only but, unlike SCAN, leaves expired ones in place (DBSIZE still
// counts them), as Redis 7.0 does.
Reply keys_command(CommandContext& ctx, Args argv) {
  const std::string_view pattern = argv[1];
  const bool all = matches_all(pattern);
  std::vector<Reply> keys;
  ctx.ks.db(ctx.db()).main.for_each([&](Entry* e) {
    if ((all || glob_match(pattern, e->key())) && !ctx.ks.is_expired(ctx.db(), e)) {
      keys.push_back(Reply::bulk(e->key()));
    }
  });
  return Reply::array(std::move(keys));
}

// SCAN cursor [MATCH pattern] [COUNT n] [TYPE type]
Reply scan_command(CommandContext& ctx, Args argv) {
  auto cursor = parse_scan_cursor(argv[1]);
  if (!cursor) return Reply::error(err::kInvalidCursor);
  ScanRequest req;
  req.cursor = *cursor;
  for (size_t i = 2; i < argv.size(); i += 2) {
    if (i + 1 >= argv.size()) return syntax_error();  // every option takes a value
    if (eq_ci(argv[i], "count")) {
      Reply error;
      auto n = int_arg(argv[i + 1], &error);
      if (!n) return error;
      if (*n < 1) return syntax_error();
      req.count = static_cast<size_t>(*n);
    } else if (eq_ci(argv[i], "match")) {
      req.match = argv[i + 1];
    } else if (eq_ci(argv[i], "type")) {
      req.type = argv[i + 1];
    } else {
      return syntax_error();
    }
  }
  ScanResult r = scan_keys(ctx, req);
  std::vector<Reply> keys;
  keys.reserve(r.keys.size());
  for (auto& k : r.keys) keys.push_back(Reply::bulk(std::move(k)));
  return Reply::array({Reply::bulk(std::to_string(r.cursor)), Reply::array(std::move(keys))});
}

// Picks random entries until one is not expired (expired picks are deleted on the way).
Reply randomkey_command(CommandContext& ctx, Args) {
  const Table& table = ctx.ks.db(ctx.db()).main;
  for (;;) {
    const Entry* e = table.random_entry(ctx.ks.random().next());
    if (e == nullptr) return Reply::null();
    std::string key(e->key());
    if (!ctx.ks.expire_if_needed(ctx.db(), key)) return Reply::bulk(std::move(key));
  }
}

// RENAME / RENAMENX: a missing source is an error even when both names are equal; renaming a
// key onto itself changes nothing (and, like RENAMENX onto an existing key, is not
// propagated).
Reply rename_generic(CommandContext& ctx, Args argv, bool nx) {
  const std::string_view from = argv[1];
  const std::string_view to = argv[2];
  if (ctx.ks.lookup_write(ctx.db(), from) == nullptr) return Reply::error(err::kNoSuchKey);
  if (from == to) {
    ctx.ks.propagation().prevent();
    return nx ? Reply::integer(0) : Reply::ok();
  }
  if (ctx.ks.lookup_write(ctx.db(), to) != nullptr) {
    if (nx) {
      ctx.ks.propagation().prevent();
      return Reply::integer(0);
    }
    ctx.ks.remove(ctx.db(), to);
  }
  ctx.ks.move_key(ctx.db(), from, ctx.db(), to);
  ctx.ks.signal_modified(ctx.db(), from);
  ctx.ks.signal_modified(ctx.db(), to);
  ctx.ks.notify(kNotifyGeneric, "rename_from", ctx.db(), from);
  ctx.ks.notify(kNotifyGeneric, "rename_to", ctx.db(), to);
  return nx ? Reply::integer(1) : Reply::ok();
}

Reply rename_command(CommandContext& ctx, Args argv) { return rename_generic(ctx, argv, false); }
Reply renamenx_command(CommandContext& ctx, Args argv) { return rename_generic(ctx, argv, true); }

// MOVE key db: 1 when moved; 0 (not propagated) when the key is missing or already exists in
// the target db.
Reply move_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto dst = int32_arg(argv[2], &error);
  if (!dst) return error;
  if (!is_db_index(ctx, *dst)) return Reply::error(err::kDbIndexOutOfRange);
  if (*dst == ctx.db()) return Reply::error(err::kSameObject);
  if (ctx.ks.lookup_write(ctx.db(), argv[1]) == nullptr ||
      ctx.ks.lookup_write(*dst, argv[1]) != nullptr) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  ctx.ks.move_key(ctx.db(), argv[1], *dst, argv[1]);
  ctx.ks.signal_modified(ctx.db(), argv[1]);
  ctx.ks.signal_modified(*dst, argv[1]);
  ctx.ks.notify(kNotifyGeneric, "move_from", ctx.db(), argv[1]);
  ctx.ks.notify(kNotifyGeneric, "move_to", *dst, argv[1]);
  return Reply::integer(1);
}

// COPY source destination [DB db] [REPLACE]: the copy gets the source's TTL and a fresh
// access stamp. Options are checked in order, so a bad DB fails before a later syntax error.
// Nothing copied (0) is not propagated.
Reply copy_command(CommandContext& ctx, Args argv) {
  int dst_db = ctx.db();
  bool replace = false;
  for (size_t i = 3; i < argv.size(); ++i) {
    if (eq_ci(argv[i], "replace")) {
      replace = true;
    } else if (eq_ci(argv[i], "db") && i + 1 < argv.size()) {
      Reply error;
      auto id = int32_arg(argv[++i], &error);
      if (!id) return error;
      if (!is_db_index(ctx, *id)) return Reply::error(err::kDbIndexOutOfRange);
      dst_db = *id;
    } else {
      return syntax_error();
    }
  }
  if (dst_db == ctx.db() && argv[1] == argv[2]) return Reply::error(err::kSameObject);
  const Entry* src = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (src == nullptr) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  const int64_t when = ctx.ks.get_expire(ctx.db(), src);
  if (ctx.ks.lookup_write(dst_db, argv[2]) != nullptr) {
    if (!replace) {
      ctx.ks.propagation().prevent();
      return Reply::integer(0);
    }
    ctx.ks.remove(dst_db, argv[2]);
  }
  Entry* copy = Entry::clone(src, argv[2]);
  ctx.ks.add(dst_db, copy);
  if (when != -1) ctx.ks.set_expire(dst_db, copy, when);
  ctx.ks.modified(dst_db, argv[2], kNotifyGeneric, "copy_to");
  return Reply::integer(1);
}

// OBJECT subcommands read without touching the key and send no `keymiss`; a missing key is a
// null reply, checked before the eviction-policy errors of IDLETIME and FREQ.
const Entry* object_lookup(CommandContext& ctx, Args argv) {
  return ctx.ks.lookup_read(ctx.db(), argv[2], kLookupNoTouch | kLookupNoNotify);
}

Reply object_encoding_command(CommandContext& ctx, Args argv) {
  const Entry* e = object_lookup(ctx, argv);
  return e == nullptr ? Reply::null() : Reply::bulk(encoding_name(e->encoding()));
}

Reply object_refcount_command(CommandContext& ctx, Args argv) {
  const Entry* e = object_lookup(ctx, argv);
  return e == nullptr ? Reply::null() : Reply::integer(object_refcount(ctx.ks, e));
}

Reply object_idletime_command(CommandContext& ctx, Args argv) {
  const Entry* e = object_lookup(ctx, argv);
  if (e == nullptr) return Reply::null();
  if (ctx.ks.lfu_mode()) return Reply::error(err::kLfuSelectedNoIdleTime);
  return Reply::integer(static_cast<int64_t>(ctx.ks.idle_ms(e) / 1000));
}

Reply object_freq_command(CommandContext& ctx, Args argv) {
  const Entry* e = object_lookup(ctx, argv);
  if (e == nullptr) return Reply::null();
  if (!ctx.ks.lfu_mode()) return Reply::error(err::kLfuNotSelected);
  return Reply::integer(ctx.ks.lfu_counter(e));
}

Reply object_help_command(CommandContext&, Args) {
  static constexpr std::string_view kLines[] = {
      "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "ENCODING <key>",
      "    Return the kind of internal representation used in order to store the value",
      "    associated with a <key>.",
      "FREQ <key>",
      "    Return the access frequency index of the <key>. The returned integer is",
      "    proportional to the logarithm of the recent access frequency of the key.",
      "IDLETIME <key>",
      "    Return the idle time of the <key>, that is the approximated number of",
      "    seconds elapsed since the last access to the key.",
      "REFCOUNT <key>",
      "    Return the number of references of the value associated with the specified",
      "    <key>.",
      "HELP",
      "    Prints this help.",
  };
  return help_reply(kLines);
}

std::vector<CommandSpec> object_subcommands() {
  constexpr uint32_t kRo = kCmdReadonly;
  auto keyed = [](std::string_view name, Handler h, std::string_view since) {
    return CommandSpec{.name = name,
                       .arity = 3,
                       .flags = kRo,
                       .first_key = 2,
                       .last_key = 2,
                       .key_step = 1,
                       .handler = h,
                       .since = since,
                       .group = "generic"};
  };
  return {
      keyed("encoding", object_encoding_command, "2.2.3"),
      keyed("refcount", object_refcount_command, "2.2.3"),
      keyed("idletime", object_idletime_command, "2.2.3"),
      keyed("freq", object_freq_command, "4.0.0"),
      {.name = "help",
       .arity = 2,
       .flags = kCmdLoading | kCmdStale,
       .handler = object_help_command,
       .since = "6.2.0",
       .group = "generic"},
  };
}

}  // namespace

void register_keyspace_commands(CommandTable& t) {
  constexpr uint32_t kRoFast = kCmdReadonly | kCmdFast;
  constexpr uint32_t kWFast = kCmdWrite | kCmdFast;
  t.add({.name = "del",
         .arity = -2,
         .flags = kCmdWrite,
         .first_key = 1,
         .last_key = -1,
         .key_step = 1,
         .handler = del_command,
         .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "unlink",
         .arity = -2,
         .flags = kWFast,
         .first_key = 1,
         .last_key = -1,
         .key_step = 1,
         .handler = del_command,
         .since = "4.0.0",
         .group = "generic"});
  t.add({.name = "exists",
         .arity = -2,
         .flags = kRoFast,
         .first_key = 1,
         .last_key = -1,
         .key_step = 1,
         .handler = exists_command,
         .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "type",
         .arity = 2,
         .flags = kRoFast,
         .first_key = 1,
         .last_key = 1,
         .key_step = 1,
         .handler = type_command,
         .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "touch",
         .arity = -2,
         .flags = kRoFast,
         .first_key = 1,
         .last_key = -1,
         .key_step = 1,
         .handler = touch_command,
         .since = "3.2.1",
         .group = "generic"});
  t.add({.name = "keys",
         .arity = 2,
         .flags = kCmdReadonly,
         .handler = keys_command,
         .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "scan",
         .arity = -2,
         .flags = kCmdReadonly | kCmdTouchesArbitraryKeys,
         .handler = scan_command,
         .since = "2.8.0",
         .group = "generic"});
  t.add({.name = "randomkey",
         .arity = 1,
         .flags = kCmdReadonly | kCmdTouchesArbitraryKeys,
         .handler = randomkey_command,
         .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "rename",
         .arity = 3,
         .flags = kCmdWrite,
         .first_key = 1,
         .last_key = 2,
         .key_step = 1,
         .handler = rename_command,
         .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "renamenx",
         .arity = 3,
         .flags = kWFast,
         .first_key = 1,
         .last_key = 2,
         .key_step = 1,
         .handler = renamenx_command,
         .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "copy",
         .arity = -3,
         .flags = kCmdWrite | kCmdDenyOom,
         .first_key = 1,
         .last_key = 2,
         .key_step = 1,
         .handler = copy_command,
         .since = "6.2.0",
         .group = "generic"});
  t.add({.name = "move",
         .arity = 3,
         .flags = kWFast,
         .first_key = 1,
         .last_key = 1,
         .key_step = 1,
         .handler = move_command,
         .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "object",
         .arity = -2,
         .since = "2.2.3",
         .group = "generic",
         .subcommands = object_subcommands()});
}

}  // namespace kevy
