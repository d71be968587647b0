// String commands: GET SET SETNX SETEX PSETEX GETSET MGET MSET INCR DECR INCRBY DECRBY ...
#include "commands/strings.h"

#include <limits>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "core/numbers.h"

namespace kevy {

Entry* make_string_entry(std::string_view key, std::string_view value) {
  if (value.size() <= 20) {
    if (auto v = parse_int64(value)) return Entry::make_int(key, *v);
  }
  return Entry::make_string(key, value,
                            value.size() <= kEmbstrMaxLen ? Encoding::kEmbstr : Encoding::kRaw);
}

namespace {

std::string string_of(const Entry* e) {
  char buf[24];
  return std::string(e->string_value(buf));
}

}  // namespace

Result<std::optional<std::string>> string_get(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), key);
  if (e == nullptr) return std::optional<std::string>();
  if (!e->is_string()) return Status::command_error(err::kWrongType);
  return std::optional<std::string>(string_of(e));
}

Result<SetOutcome> generic_set(CommandContext& ctx, std::string_view key, std::string_view value,
                               const SetArgs& args) {
  SetOutcome out;
  if (args.get) {
    auto old = string_get(ctx, key);
    if (!old.ok()) return old.status();
    out.old_value = std::move(old.value());
  }
  bool found = ctx.ks.lookup_write(ctx.db(), key) != nullptr;
  if ((args.condition == SetArgs::Condition::kNx && found) ||
      (args.condition == SetArgs::Condition::kXx && !found)) {
    return out;
  }
  Entry* e = make_string_entry(key, value);
  ctx.ks.overwrite(ctx.db(), e, args.keep_ttl);
  if (args.expire_at_ms) ctx.ks.set_expire(ctx.db(), e, *args.expire_at_ms);
  out.applied = true;
  return out;
}

Result<int64_t> incr_by(CommandContext& ctx, std::string_view key, int64_t delta) {
  Entry* e = ctx.ks.lookup_write(ctx.db(), key);
  int64_t current = 0;
  if (e != nullptr) {
    if (!e->is_string()) return Status::command_error(err::kWrongType);
    if (e->encoding() == Encoding::kInt) {
      current = e->int_value();
    } else {
      auto v = parse_int64(e->str());
      if (!v) return Status::command_error(err::kNotInteger);
      current = *v;
    }
  }
  if ((delta < 0 && current < 0 && delta < std::numeric_limits<int64_t>::min() - current) ||
      (delta > 0 && current > 0 && delta > std::numeric_limits<int64_t>::max() - current)) {
    return Status::command_error(err::kIncrOverflow);
  }
  int64_t next = current + delta;
  if (e == nullptr) {
    ctx.ks.add(ctx.db(), Entry::make_int(key, next));
  } else {
    ctx.ks.replaced(ctx.db(), e, Entry::replace_int(e, next));
  }
  return next;
}

std::vector<std::optional<std::string>> mget(CommandContext& ctx, Args keys) {
  std::vector<std::optional<std::string>> out;
  out.reserve(keys.size());
  for (std::string_view k : keys) {
    Entry* e = ctx.ks.lookup_read(ctx.db(), k);
    if (e == nullptr || !e->is_string()) {
      out.emplace_back();
    } else {
      out.emplace_back(string_of(e));
    }
  }
  return out;
}

void mset(CommandContext& ctx, Args kv) {
  for (size_t i = 0; i + 1 < kv.size(); i += 2) {
    ctx.ks.overwrite(ctx.db(), make_string_entry(kv[i], kv[i + 1]), false);
  }
}

namespace {

Reply error_of(const Status& s) { return Reply::error(s.message()); }

Reply get_command(CommandContext& ctx, Args argv) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (e == nullptr) return Reply::null();
  if (!e->is_string()) return wrong_type();
  char buf[24];
  return Reply::bulk(e->string_value(buf));
}

// Expire argument as an absolute time in ms, with Redis's "invalid expire time" rules.
// `unit_ms` is 1000 for seconds, 1; `absolute` for EXAT/PXAT.
std::optional<int64_t> parse_expire(CommandContext& ctx, std::string_view text, int64_t unit_ms,
                                    bool absolute, std::string_view command, Reply* error) {
  auto v = int_arg(text, error);
  if (!v) return std::nullopt;
  int64_t ms = *v;
  if (ms <= 0 || (unit_ms == 1000 && ms > std::numeric_limits<int64_t>::max() / 1000)) {
    *error = Reply::error(err::invalid_expire(command));
    return std::nullopt;
  }
  ms *= unit_ms;
  if (!absolute) {
    if (ms > std::numeric_limits<int64_t>::max() - ctx.ks.now_ms()) {
      *error = Reply::error(err::invalid_expire(command));
      return std::nullopt;
    }
    ms += ctx.ks.now_ms();
  }
  return ms;
}

Reply set_command(CommandContext& ctx, Args argv) {
  SetArgs args;
  std::string_view expire_text;
  int64_t unit_ms = 0;
  bool absolute = false;
  for (size_t i = 3; i < argv.size(); ++i) {
    std::string_view opt = argv[i];
    bool has_next = i + 1 < argv.size();
    bool has_expire = unit_ms != 0;
    if (eq_ci(opt, "nx") && args.condition != SetArgs::Condition::kXx) {
      args.condition = SetArgs::Condition::kNx;
    } else if (eq_ci(opt, "xx") && args.condition != SetArgs::Condition::kNx) {
      args.condition = SetArgs::Condition::kXx;
    } else if (eq_ci(opt, "get")) {
      args.get = true;
    } else if (eq_ci(opt, "keepttl") && !has_expire) {
      args.keep_ttl = true;
    } else if (has_next && !has_expire && !args.keep_ttl &&
               (eq_ci(opt, "ex") || eq_ci(opt, "px") || eq_ci(opt, "exat") || eq_ci(opt, "pxat"))) {
      unit_ms = (eq_ci(opt, "ex") || eq_ci(opt, "exat")) ? 1000 : 1;
      absolute = eq_ci(opt, "exat") || eq_ci(opt, "pxat");
      expire_text = argv[++i];
    } else {
      return syntax_error();
    }
  }
  if (unit_ms != 0) {
    Reply error;
    args.expire_at_ms = parse_expire(ctx, expire_text, unit_ms, absolute, "set", &error);
    if (!args.expire_at_ms) return error;
  }
  auto r = generic_set(ctx, argv[1], argv[2], args);
  if (!r.ok()) return error_of(r.status());
  if (args.get) return r->old_value ? Reply::bulk(*r->old_value) : Reply::null();
  return r->applied ? Reply::ok() : Reply::null();
}

Reply setnx_command(CommandContext& ctx, Args argv) {
  SetArgs args;
  args.condition = SetArgs::Condition::kNx;
  auto r = generic_set(ctx, argv[1], argv[2], args);
  return Reply::integer(r->applied ? 1 : 0);
}

// SETEX key seconds value / PSETEX key milliseconds value.
template <int64_t kUnitMs>
Reply setex_command(CommandContext& ctx, Args argv) {
  Reply error;
  SetArgs args;
  args.expire_at_ms =
      parse_expire(ctx, argv[2], kUnitMs, false, kUnitMs == 1000 ? "setex" : "psetex", &error);
  if (!args.expire_at_ms) return error;
  generic_set(ctx, argv[1], argv[3], args);
  return Reply::ok();
}

Reply getset_command(CommandContext& ctx, Args argv) {
  SetArgs args;
  args.get = true;
  auto r = generic_set(ctx, argv[1], argv[2], args);
  if (!r.ok()) return error_of(r.status());
  return r->old_value ? Reply::bulk(*r->old_value) : Reply::null();
}

Reply mget_command(CommandContext& ctx, Args argv) {
  std::vector<Reply> out;
  for (auto& v : mget(ctx, argv.subspan(1))) out.push_back(v ? Reply::bulk(*v) : Reply::null());
  return Reply::array(std::move(out));
}

Reply mset_command(CommandContext& ctx, Args argv) {
  if (argv.size() % 2 == 0) return Reply::error(err::wrong_arity("mset"));
  mset(ctx, argv.subspan(1));
  return Reply::ok();
}

Reply incr_reply(CommandContext& ctx, std::string_view key, int64_t delta) {
  auto r = incr_by(ctx, key, delta);
  return r.ok() ? Reply::integer(*r) : error_of(r.status());
}

Reply incr_command(CommandContext& ctx, Args argv) { return incr_reply(ctx, argv[1], 1); }
Reply decr_command(CommandContext& ctx, Args argv) { return incr_reply(ctx, argv[1], -1); }

Reply incrby_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto d = int_arg(argv[2], &error);
  return d ? incr_reply(ctx, argv[1], *d) : error;
}

Reply decrby_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto d = int_arg(argv[2], &error);
  if (!d) return error;
  if (*d == std::numeric_limits<int64_t>::min()) return Reply::error(err::kDecrOverflow);
  return incr_reply(ctx, argv[1], -*d);
}

}  // namespace

void register_string_commands(CommandTable& t) {
  constexpr uint32_t kW = kCmdWrite | kCmdDenyOom;
  t.add({.name = "get", .arity = 2, .flags = kCmdReadonly | kCmdFast, .first_key = 1,
         .last_key = 1, .key_step = 1, .handler = get_command, .since = "1.0.0", .group = "string"});
  t.add({.name = "set", .arity = -3, .flags = kW, .first_key = 1, .last_key = 1, .key_step = 1,
         .handler = set_command, .since = "1.0.0", .group = "string"});
  t.add({.name = "setnx", .arity = 3, .flags = kW | kCmdFast, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = setnx_command, .since = "1.0.0", .group = "string"});
  t.add({.name = "setex", .arity = 4, .flags = kW, .first_key = 1, .last_key = 1, .key_step = 1,
         .handler = setex_command<1000>, .since = "2.0.0", .group = "string"});
  t.add({.name = "psetex", .arity = 4, .flags = kW, .first_key = 1, .last_key = 1, .key_step = 1,
         .handler = setex_command<1>, .since = "2.6.0", .group = "string"});
  t.add({.name = "getset", .arity = 3, .flags = kW | kCmdFast, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = getset_command, .since = "1.0.0", .group = "string"});
  t.add({.name = "mget", .arity = -2, .flags = kCmdReadonly | kCmdFast, .first_key = 1,
         .last_key = -1, .key_step = 1, .handler = mget_command, .since = "1.0.0",
         .group = "string"});
  t.add({.name = "mset", .arity = -3, .flags = kW, .first_key = 1, .last_key = -1, .key_step = 2,
         .handler = mset_command, .since = "1.0.1", .group = "string"});
  t.add({.name = "incr", .arity = 2, .flags = kW | kCmdFast, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = incr_command, .since = "1.0.0", .group = "string"});
  t.add({.name = "decr", .arity = 2, .flags = kW | kCmdFast, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = decr_command, .since = "1.0.0", .group = "string"});
  t.add({.name = "incrby", .arity = 3, .flags = kW | kCmdFast, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = incrby_command, .since = "1.0.0", .group = "string"});
  t.add({.name = "decrby", .arity = 3, .flags = kW | kCmdFast, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = decrby_command, .since = "1.0.0", .group = "string"});
}

}  // namespace kevy
