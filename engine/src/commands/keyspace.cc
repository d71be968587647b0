// Generic keyspace commands: DEL UNLINK EXISTS TYPE KEYS SCAN RANDOMKEY RENAME RENAMENX COPY MOVE
// SWAPDB DBSIZE FLUSHDB FLUSHALL TOUCH SELECT OBJECT ...
#include "commands/keyspace.h"

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "core/glob.h"

namespace kevy {

int64_t del_keys(CommandContext& ctx, Args keys) {
  int64_t n = 0;
  for (std::string_view k : keys) {
    ctx.ks.expire_if_needed(ctx.db(), k);
    if (ctx.ks.remove(ctx.db(), k)) ++n;
  }
  return n;
}

int64_t exists_keys(CommandContext& ctx, Args keys) {
  int64_t n = 0;
  for (std::string_view k : keys) {
    if (ctx.ks.lookup_write(ctx.db(), k) != nullptr) ++n;
  }
  return n;
}

ScanResult scan_keys(CommandContext& ctx, const ScanRequest& req) {
  ScanResult out;
  Db& db = ctx.ks.db(ctx.db());
  std::vector<Entry*> visited;
  out.cursor = db.main.scan(req.cursor, req.count, [&](Entry* e) { visited.push_back(e); });
  std::vector<std::string> candidates;
  for (Entry* e : visited) {
    if (req.match && !glob_match(*req.match, e->key())) continue;
    if (req.type && type_name(e->type()) != *req.type) continue;
    candidates.emplace_back(e->key());
  }
  // Expiry deletes keys, so it runs after the visit, on copies of the names.
  for (std::string& k : candidates) {
    if (!ctx.ks.expire_if_needed(ctx.db(), k)) out.keys.push_back(std::move(k));
  }
  return out;
}

namespace {

Reply del_command(CommandContext& ctx, Args argv) {
  return Reply::integer(del_keys(ctx, argv.subspan(1)));
}

Reply exists_command(CommandContext& ctx, Args argv) {
  return Reply::integer(exists_keys(ctx, argv.subspan(1)));
}

Reply scan_command(CommandContext& ctx, Args argv) {
  auto cursor = parse_uint64(argv[1]);
  if (!cursor) return Reply::error(err::kInvalidCursor);
  ScanRequest req;
  req.cursor = *cursor;
  for (size_t i = 2; i < argv.size(); i += 2) {
    if (i + 1 >= argv.size()) return syntax_error();
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

}  // namespace

void register_keyspace_commands(CommandTable& t) {
  t.add({.name = "del", .arity = -2, .flags = kCmdWrite, .first_key = 1, .last_key = -1,
         .key_step = 1, .handler = del_command, .since = "1.0.0", .group = "generic"});
  t.add({.name = "exists", .arity = -2, .flags = kCmdReadonly | kCmdFast, .first_key = 1,
         .last_key = -1, .key_step = 1, .handler = exists_command, .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "scan", .arity = -2, .flags = kCmdReadonly, .handler = scan_command,
         .since = "2.8.0", .group = "generic"});
}

}  // namespace kevy
