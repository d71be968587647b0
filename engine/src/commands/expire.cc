// Expiry commands: EXPIRE PEXPIRE EXPIREAT PEXPIREAT TTL PTTL EXPIRETIME PEXPIRETIME PERSIST.
//
// Keyspace events as redis-server 7.0.15 sends them (all class g): a TTL set by the EXPIRE
// family is `expire`, a time already past deletes the key with `del`, PERSIST that removed a
// TTL is `persist`; nothing when the command changed nothing.
#include "commands/expire.h"

#include <limits>
#include <string>
#include <vector>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"

namespace kevy {

int expire_at(CommandContext& ctx, std::string_view key, int64_t when_ms, uint32_t flags) {
  Entry* e = ctx.ks.lookup_write(ctx.db(), key);
  if (e == nullptr) return 0;
  const int64_t current = ctx.ks.get_expire(ctx.db(), e);  // -1: none, i.e. infinite
  if ((flags & kExpireNx) && current != -1) return 0;
  if ((flags & kExpireXx) && current == -1) return 0;
  if ((flags & kExpireGt) && (current == -1 || when_ms <= current)) return 0;
  if ((flags & kExpireLt) && current != -1 && when_ms >= current) return 0;
  // A time already past deletes the key (not counted as expired), except while loading, where
  // Redis keeps the key with its past time and lets expiry remove it later.
  if (when_ms <= ctx.ks.now_ms() && !ctx.ks.loading()) {
    ctx.ks.remove(ctx.db(), key);
    ctx.ks.modified(ctx.db(), key, kNotifyGeneric, "del");
    return 1;
  }
  ctx.ks.set_expire(ctx.db(), e, when_ms);
  ctx.ks.modified(ctx.db(), key, kNotifyGeneric, "expire");
  return 1;
}

namespace {

// -2 missing, -1 no TTL, else the absolute expire time in ms. TTL and friends are read
// lookups that do not count as an access (Redis's LOOKUP_NOTOUCH).
int64_t expire_time_of(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), key, kLookupNoTouch);
  if (e == nullptr) return -2;
  return ctx.ks.get_expire(ctx.db(), e);
}

}  // namespace

int64_t pttl_of(CommandContext& ctx, std::string_view key) {
  int64_t when = expire_time_of(ctx, key);
  if (when < 0) return when;
  int64_t left = when - ctx.ks.now_ms();
  return left < 0 ? 0 : left;
}

int64_t pexpiretime_of(CommandContext& ctx, std::string_view key) {
  return expire_time_of(ctx, key);
}

bool persist_key(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_write(ctx.db(), key);
  if (e == nullptr || !ctx.ks.persist(ctx.db(), e)) return false;
  ctx.ks.modified(ctx.db(), key, kNotifyGeneric, "persist");
  return true;
}

int64_t rounded_seconds(int64_t ms) {
  if (ms < 0) return ms;
  // Unsigned: ms may be INT64_MAX (PEXPIREAT key 9223372036854775807; EXPIRETIME).
  return static_cast<int64_t>((static_cast<uint64_t>(ms) + 500) / 1000);
}

namespace {

// The name Redis prints in "invalid expire time in '...' command".
constexpr std::string_view expire_command_name(int64_t unit_ms, bool absolute) {
  if (unit_ms == 1000) return absolute ? "expireat" : "expire";
  return absolute ? "pexpireat" : "pexpire";
}

// Parses EXPIRE's trailing NX|XX|GT|LT options (any number, any case) into ExpireFlag bits.
// Redis rejects an unknown option before checking combinations, and both before reading the
// time.
bool parse_expire_flags(Args options, uint32_t* flags, Reply* error) {
  *flags = 0;
  for (std::string_view opt : options) {
    if (eq_ci(opt, "nx")) {
      *flags |= kExpireNx;
    } else if (eq_ci(opt, "xx")) {
      *flags |= kExpireXx;
    } else if (eq_ci(opt, "gt")) {
      *flags |= kExpireGt;
    } else if (eq_ci(opt, "lt")) {
      *flags |= kExpireLt;
    } else {
      *error = Reply::error(err::unsupported_option(opt));
      return false;
    }
  }
  if ((*flags & kExpireNx) && (*flags & (kExpireXx | kExpireGt | kExpireLt))) {
    *error = Reply::error(err::kExpireNxIncompatible);
    return false;
  }
  if ((*flags & kExpireGt) && (*flags & kExpireLt)) {
    *error = Reply::error(err::kExpireGtLtIncompatible);
    return false;
  }
  return true;
}

// EXPIRE's propagated form, as Redis 7.0 writes it: nothing when no TTL was set (missing key,
// a condition refused); DEL key when the time was already past; else PEXPIREAT key ms with the
// options as typed (PEXPIREAT itself as typed).
void propagate_expire(CommandContext& ctx, Args argv, int64_t when_ms, bool relative_or_seconds,
                      int result) {
  Propagation& prop = ctx.ks.propagation();
  if (!prop.active()) return;
  if (result == 0) {
    prop.prevent();
  } else if (when_ms <= ctx.ks.now_ms() && !ctx.ks.loading()) {
    prop.rewrite({"DEL", argv[1]});
  } else if (relative_or_seconds) {
    std::vector<std::string> form{"PEXPIREAT", std::string(argv[1]), std::to_string(when_ms)};
    form.insert(form.end(), argv.begin() + 3, argv.end());
    prop.rewrite(std::move(form));
  }
}

// EXPIRE key time [NX|XX|GT|LT] and its three siblings; kUnitMs is 1000 for seconds,
// kAbsolute for the *AT forms. Out-of-range times (after unit conversion and adding the
// command time) are an error even when the key does not exist.
template <int64_t kUnitMs, bool kAbsolute>
Reply expire_command(CommandContext& ctx, Args argv) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  uint32_t flags;
  Reply error;
  if (!parse_expire_flags(argv.subspan(3), &flags, &error)) return error;
  auto when = int_arg(argv[2], &error);
  if (!when) return error;
  auto invalid = [] {
    return Reply::error(err::invalid_expire(expire_command_name(kUnitMs, kAbsolute)));
  };
  int64_t ms = *when;
  if (kUnitMs != 1) {
    if (ms > kMax / kUnitMs || ms < kMin / kUnitMs) return invalid();
    ms *= kUnitMs;
  }
  if (!kAbsolute) {
    if (ms > kMax - ctx.ks.now_ms()) return invalid();
    ms += ctx.ks.now_ms();
  }
  const int result = expire_at(ctx, argv[1], ms, flags);
  propagate_expire(ctx, argv, ms, kUnitMs != 1 || !kAbsolute, result);
  return Reply::integer(result);
}

Reply ttl_command(CommandContext& ctx, Args argv) {
  return Reply::integer(rounded_seconds(pttl_of(ctx, argv[1])));
}

Reply pttl_command(CommandContext& ctx, Args argv) {
  return Reply::integer(pttl_of(ctx, argv[1]));
}

Reply expiretime_command(CommandContext& ctx, Args argv) {
  return Reply::integer(rounded_seconds(pexpiretime_of(ctx, argv[1])));
}

Reply pexpiretime_command(CommandContext& ctx, Args argv) {
  return Reply::integer(pexpiretime_of(ctx, argv[1]));
}

// A key without TTL (or missing) is not propagated.
Reply persist_command(CommandContext& ctx, Args argv) {
  const bool removed = persist_key(ctx, argv[1]);
  if (!removed) ctx.ks.propagation().prevent();
  return Reply::integer(removed ? 1 : 0);
}

}  // namespace

void register_expire_commands(CommandTable& t) {
  constexpr uint32_t kWrite = kCmdWrite | kCmdFast;
  constexpr uint32_t kRead = kCmdReadonly | kCmdFast;
  FamilyRows add(t, "generic");
  add("expire", -3, kWrite, expire_command<1000, false>, "1.0.0");
  add("pexpire", -3, kWrite, expire_command<1, false>, "2.6.0");
  add("expireat", -3, kWrite, expire_command<1000, true>, "1.2.0");
  add("pexpireat", -3, kWrite, expire_command<1, true>, "2.6.0");
  add("ttl", 2, kRead, ttl_command, "1.0.0");
  add("pttl", 2, kRead, pttl_command, "2.6.0");
  add("expiretime", 2, kRead, expiretime_command, "7.0.0");
  add("pexpiretime", 2, kRead, pexpiretime_command, "7.0.0");
  add("persist", 2, kWrite, persist_command, "2.2.0");
}

}  // namespace kevy
