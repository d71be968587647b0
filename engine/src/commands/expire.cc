// Expiry commands: EXPIRE PEXPIRE EXPIREAT PEXPIREAT TTL PTTL EXPIRETIME PEXPIRETIME PERSIST.
#include "commands/expire.h"

#include <cctype>
#include <limits>
#include <string>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"

namespace kevy {

int expire_at(CommandContext& ctx, std::string_view key, int64_t when_ms, ExpireCondition cond) {
  Entry* e = ctx.ks.lookup_write(ctx.db(), key);
  if (e == nullptr) return 0;
  if (cond != ExpireCondition::kAlways) {
    int64_t current = ctx.ks.get_expire(ctx.db(), e);
    switch (cond) {
      case ExpireCondition::kNx:
        if (current != -1) return 0;
        break;
      case ExpireCondition::kXx:
        if (current == -1) return 0;
        break;
      case ExpireCondition::kGt:  // no TTL counts as an infinite one
        if (current == -1 || when_ms <= current) return 0;
        break;
      case ExpireCondition::kLt:
        if (current != -1 && when_ms >= current) return 0;
        break;
      case ExpireCondition::kAlways:
        break;
    }
  }
  if (when_ms <= ctx.ks.now_ms()) {
    ctx.ks.remove(ctx.db(), key);
    return 1;
  }
  ctx.ks.set_expire(ctx.db(), e, when_ms);
  return 1;
}

int64_t pttl_of(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), key);
  if (e == nullptr) return -2;
  int64_t when = ctx.ks.get_expire(ctx.db(), e);
  if (when == -1) return -1;
  int64_t left = when - ctx.ks.now_ms();
  return left < 0 ? 0 : left;
}

namespace {

// EXPIRE key n [NX|XX|GT|LT] and its three siblings; unit_ms 1000 for seconds.
template <int64_t kUnitMs, bool kAbsolute>
Reply expire_command(CommandContext& ctx, Args argv) {
  ExpireCondition cond = ExpireCondition::kAlways;
  bool nx = false, xx = false, gt = false, lt = false;
  for (size_t i = 3; i < argv.size(); ++i) {
    if (eq_ci(argv[i], "nx")) {
      nx = true;
    } else if (eq_ci(argv[i], "xx")) {
      xx = true;
    } else if (eq_ci(argv[i], "gt")) {
      gt = true;
    } else if (eq_ci(argv[i], "lt")) {
      lt = true;
    } else {
      return Reply::error(err::unsupported_option(argv[i]));
    }
  }
  if (nx && (xx || gt || lt)) return Reply::error(err::kExpireNxIncompatible);
  if (gt && lt) return Reply::error(err::kExpireGtLtIncompatible);
  if (nx) cond = ExpireCondition::kNx;
  if (xx) cond = ExpireCondition::kXx;
  if (gt) cond = ExpireCondition::kGt;
  if (lt) cond = ExpireCondition::kLt;

  Reply error;
  auto when = int_arg(argv[2], &error);
  if (!when) return error;
  std::string name(argv[0]);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int64_t ms = *when;
  if (kUnitMs == 1000) {
    if (ms > std::numeric_limits<int64_t>::max() / 1000 ||
        ms < std::numeric_limits<int64_t>::min() / 1000) {
      return Reply::error(err::invalid_expire(name));
    }
    ms *= 1000;
  }
  if (!kAbsolute) {
    if (ms > std::numeric_limits<int64_t>::max() - ctx.ks.now_ms()) {
      return Reply::error(err::invalid_expire(name));
    }
    ms += ctx.ks.now_ms();
  }
  return Reply::integer(expire_at(ctx, argv[1], ms, cond));
}

Reply pttl_command(CommandContext& ctx, Args argv) {
  return Reply::integer(pttl_of(ctx, argv[1]));
}

Reply ttl_command(CommandContext& ctx, Args argv) {
  int64_t ms = pttl_of(ctx, argv[1]);
  return Reply::integer(ms < 0 ? ms : (ms + 500) / 1000);
}

}  // namespace

void register_expire_commands(CommandTable& t) {
  constexpr uint32_t kW = kCmdWrite | kCmdFast;
  t.add({.name = "expire", .arity = -3, .flags = kW, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = expire_command<1000, false>, .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "pexpire", .arity = -3, .flags = kW, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = expire_command<1, false>, .since = "2.6.0",
         .group = "generic"});
  t.add({.name = "expireat", .arity = -3, .flags = kW, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = expire_command<1000, true>, .since = "1.2.0",
         .group = "generic"});
  t.add({.name = "pexpireat", .arity = -3, .flags = kW, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = expire_command<1, true>, .since = "2.6.0",
         .group = "generic"});
  t.add({.name = "ttl", .arity = 2, .flags = kCmdReadonly | kCmdFast, .first_key = 1,
         .last_key = 1, .key_step = 1, .handler = ttl_command, .since = "1.0.0",
         .group = "generic"});
  t.add({.name = "pttl", .arity = 2, .flags = kCmdReadonly | kCmdFast, .first_key = 1,
         .last_key = 1, .key_step = 1, .handler = pttl_command, .since = "2.6.0",
         .group = "generic"});
}

}  // namespace kevy
