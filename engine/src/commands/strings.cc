// String commands: GET SET SETNX SETEX PSETEX GETSET GETDEL GETEX MGET MSET MSETNX INCR DECR
// INCRBY DECRBY INCRBYFLOAT APPEND STRLEN GETRANGE SUBSTR SETRANGE LCS.
#include "commands/strings.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <new>

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

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

std::string string_of(const Entry* e) {
  char buf[24];
  return std::string(e->string_value(buf));
}

Reply error_of(const Status& s) { return Reply::error(s.message()); }

// Propagates the running command as SET key value PXAT when_ms (SET with an expire, SETEX,
// PSETEX: relative times made absolute, NX/XX/GET dropped).
void propagate_set_pxat(CommandContext& ctx, std::string_view key, std::string_view value,
                        int64_t when_ms) {
  Propagation& prop = ctx.ks.propagation();
  if (prop.active()) prop.rewrite({"SET", key, value, "PXAT", std::to_string(when_ms)});
}

// Redis compares option names as C strings, so a name ends at its first NUL byte
// ("nx\0junk" is NX).
bool option_is(std::string_view arg, std::string_view name) {
  size_t nul = arg.find('\0');
  if (nul != std::string_view::npos) arg = arg.substr(0, nul);
  return eq_ci(arg, name);
}

// The expire options of SET and GETEX, and of SETEX (EX) and PSETEX (PX).
enum class ExpireKind { kNone, kEx, kPx, kExat, kPxat };

ExpireKind expire_kind(std::string_view opt) {
  if (option_is(opt, "ex")) return ExpireKind::kEx;
  if (option_is(opt, "px")) return ExpireKind::kPx;
  if (option_is(opt, "exat")) return ExpireKind::kExat;
  if (option_is(opt, "pxat")) return ExpireKind::kPxat;
  return ExpireKind::kNone;
}

bool is_absolute(ExpireKind kind) { return kind == ExpireKind::kExat || kind == ExpireKind::kPxat; }

// The options after SET's value or GETEX's key (Redis's parseExtendedStringArgumentsOrReply).
struct StringOptions {
  SetArgs::Condition condition = SetArgs::Condition::kAlways;
  bool get = false;
  bool keep_ttl = false;
  bool persist = false;
  ExpireKind expire = ExpireKind::kNone;
  std::string_view expire_arg;
};

enum class OptionsOf { kSet, kGetex };

// NX/XX/GET/KEEPTTL belong to SET, PERSIST to GETEX, the expire kinds to both. An option may
// repeat (the last time wins), but NX with XX, two different expire kinds, or an expire with
// KEEPTTL/PERSIST is refused, as is an expire kind without its argument. False: syntax error.
bool parse_string_options(Args opts, OptionsOf of, StringOptions* out) {
  const bool set = of == OptionsOf::kSet;
  for (size_t i = 0; i < opts.size(); ++i) {
    const std::string_view opt = opts[i];
    const ExpireKind kind = expire_kind(opt);
    if (set && option_is(opt, "nx") && out->condition != SetArgs::Condition::kXx) {
      out->condition = SetArgs::Condition::kNx;
    } else if (set && option_is(opt, "xx") && out->condition != SetArgs::Condition::kNx) {
      out->condition = SetArgs::Condition::kXx;
    } else if (set && option_is(opt, "get")) {
      out->get = true;
    } else if (set && option_is(opt, "keepttl") && out->expire == ExpireKind::kNone) {
      out->keep_ttl = true;
    } else if (!set && option_is(opt, "persist") && out->expire == ExpireKind::kNone) {
      out->persist = true;
    } else if (kind != ExpireKind::kNone && !out->keep_ttl && !out->persist &&
               (out->expire == ExpireKind::kNone || out->expire == kind) && i + 1 < opts.size()) {
      out->expire = kind;
      out->expire_arg = opts[++i];
    } else {
      return false;
    }
  }
  return true;
}

// An expire argument as an absolute Unix time in ms. Errors: not an integer; "invalid expire
// time in '<command>' command" when it is not positive or the time overflows int64.
Result<int64_t> expire_time_ms(CommandContext& ctx, ExpireKind kind, std::string_view text,
                               std::string_view command) {
  auto v = parse_int64(text);
  if (!v) return Status::command_error(err::kNotInteger);
  const bool seconds = kind == ExpireKind::kEx || kind == ExpireKind::kExat;
  int64_t ms = *v;
  if (ms <= 0 || (seconds && ms > kInt64Max / 1000)) {
    return Status::command_error(err::invalid_expire(command));
  }
  if (seconds) ms *= 1000;
  if (!is_absolute(kind)) {
    if (ms > kInt64Max - ctx.ks.now_ms()) {
      return Status::command_error(err::invalid_expire(command));
    }
    ms += ctx.ks.now_ms();
  }
  return ms;
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
  ctx.ks.modified(ctx.db(), key, kNotifyString, "set");
  if (args.expire_at_ms) {
    ctx.ks.set_expire(ctx.db(), e, *args.expire_at_ms);
    ctx.ks.notify(kNotifyGeneric, "expire", ctx.db(), key);
  }
  out.applied = true;
  return out;
}

Result<bool> set_with_options(CommandContext& ctx, std::string_view key, std::string_view value,
                              const SetOptions& opts) {
  if (opts.ttl && opts.expire_at_ms) return Status::command_error(err::kSyntax);
  if (opts.keep_ttl && (opts.ttl || opts.expire_at_ms)) return Status::command_error(err::kSyntax);
  SetArgs args;
  switch (opts.condition) {
    case SetOptions::Condition::kAlways: args.condition = SetArgs::Condition::kAlways; break;
    case SetOptions::Condition::kIfNotExists: args.condition = SetArgs::Condition::kNx; break;
    case SetOptions::Condition::kIfExists: args.condition = SetArgs::Condition::kXx; break;
  }
  args.keep_ttl = opts.keep_ttl;
  if (opts.ttl) {
    const int64_t ms = opts.ttl->count();
    if (ms <= 0 || ms > kInt64Max - ctx.ks.now_ms()) {
      return Status::command_error(err::invalid_expire("set"));
    }
    args.expire_at_ms = ctx.ks.now_ms() + ms;
  }
  if (opts.expire_at_ms) {
    if (*opts.expire_at_ms <= 0) return Status::command_error(err::invalid_expire("set"));
    args.expire_at_ms = opts.expire_at_ms;
  }
  auto r = generic_set(ctx, key, value, args);
  if (!r.ok()) return r.status();
  return r->applied;
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
      (delta > 0 && current > 0 && delta > kInt64Max - current)) {
    return Status::command_error(err::kIncrOverflow);
  }
  int64_t next = current + delta;
  if (e == nullptr) {
    ctx.ks.add(ctx.db(), Entry::make_int(key, next));
  } else {
    ctx.ks.replace_int(ctx.db(), e, next);
  }
  // INCR DECR INCRBY DECRBY all send `incrby`.
  ctx.ks.modified(ctx.db(), key, kNotifyString, "incrby");
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
    ctx.ks.modified(ctx.db(), kv[i], kNotifyString, "set");
  }
}

namespace {

// ---- GET SET SETNX SETEX PSETEX GETSET GETDEL GETEX

Reply get_command(CommandContext& ctx, Args argv) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (e == nullptr) return Reply::null();
  if (!e->is_string()) return wrong_type();
  char buf[24];
  return Reply::bulk(e->string_value(buf));
}

// SET's propagated form, as Redis 7.0 writes it: nothing when NX/XX refused; with an expire
// SET key value PXAT ms; else argv without its GET options (matched as C strings, any case,
// every occurrence), the other arguments as typed.
void propagate_set(CommandContext& ctx, Args argv, const SetArgs& args, bool applied) {
  Propagation& prop = ctx.ks.propagation();
  if (!prop.active()) return;
  if (!applied) {
    prop.prevent();
  } else if (args.expire_at_ms) {
    propagate_set_pxat(ctx, argv[1], argv[2], *args.expire_at_ms);
  } else if (args.get) {
    std::vector<std::string> form(argv.begin(), argv.begin() + 3);
    for (std::string_view a : argv.subspan(3)) {
      if (!option_is(a, "get")) form.emplace_back(a);
    }
    prop.rewrite(std::move(form));
  }
}

// SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL]. Syntax errors come first,
// then the expire time, then GET's WRONGTYPE.
Reply set_command(CommandContext& ctx, Args argv) {
  StringOptions opts;
  if (!parse_string_options(argv.subspan(3), OptionsOf::kSet, &opts)) return syntax_error();
  SetArgs args;
  args.condition = opts.condition;
  args.keep_ttl = opts.keep_ttl;
  args.get = opts.get;
  if (opts.expire != ExpireKind::kNone) {
    auto when = expire_time_ms(ctx, opts.expire, opts.expire_arg, "set");
    if (!when.ok()) return error_of(when.status());
    args.expire_at_ms = *when;
  }
  auto r = generic_set(ctx, argv[1], argv[2], args);
  if (!r.ok()) return error_of(r.status());
  propagate_set(ctx, argv, args, r->applied);
  if (args.get) return r->old_value ? Reply::bulk(*r->old_value) : Reply::null();
  return r->applied ? Reply::ok() : Reply::null();
}

Reply setnx_command(CommandContext& ctx, Args argv) {
  SetArgs args;
  args.condition = SetArgs::Condition::kNx;
  auto r = generic_set(ctx, argv[1], argv[2], args);
  if (!r.ok()) return error_of(r.status());
  if (!r->applied) ctx.ks.propagation().prevent();
  return Reply::integer(r->applied ? 1 : 0);
}

// SETEX key seconds value / PSETEX key milliseconds value; propagated as SET key value PXAT.
template <ExpireKind kKind>
Reply setex_command(CommandContext& ctx, Args argv) {
  auto when = expire_time_ms(ctx, kKind, argv[2], kKind == ExpireKind::kEx ? "setex" : "psetex");
  if (!when.ok()) return error_of(when.status());
  SetArgs args;
  args.expire_at_ms = *when;
  auto r = generic_set(ctx, argv[1], argv[3], args);
  if (!r.ok()) return error_of(r.status());
  propagate_set_pxat(ctx, argv[1], argv[3], *when);
  return Reply::ok();
}

// Propagated as SET key value.
Reply getset_command(CommandContext& ctx, Args argv) {
  SetArgs args;
  args.get = true;
  auto r = generic_set(ctx, argv[1], argv[2], args);
  if (!r.ok()) return error_of(r.status());
  ctx.ks.propagation().rewrite({"SET", argv[1], argv[2]});
  return r->old_value ? Reply::bulk(*r->old_value) : Reply::null();
}

// Propagated as DEL key; a missing key is not propagated.
Reply getdel_command(CommandContext& ctx, Args argv) {
  auto r = string_get(ctx, argv[1]);
  if (!r.ok()) return error_of(r.status());
  if (!r.value()) {
    ctx.ks.propagation().prevent();
    return Reply::null();
  }
  ctx.ks.remove(ctx.db(), argv[1]);
  ctx.ks.modified(ctx.db(), argv[1], kNotifyGeneric, "del");
  ctx.ks.propagation().rewrite({"DEL", argv[1]});
  return Reply::bulk(std::move(*r.value()));
}

// GETEX key [EX s|PX ms|EXAT s|PXAT ms|PERSIST]. Syntax errors come first, then a missing key
// (null) or WRONGTYPE, and only then the expire time's errors. An absolute time already past
// deletes the key (after reading the value), as EXPIREAT does.
// Propagated as PEXPIREAT key ms, DEL key (a past time) or PERSIST key (a TTL was removed);
// a missing key, no option, or PERSIST of a key without TTL is not propagated.
Reply getex_command(CommandContext& ctx, Args argv) {
  StringOptions opts;
  if (!parse_string_options(argv.subspan(2), OptionsOf::kGetex, &opts)) return syntax_error();
  Propagation& prop = ctx.ks.propagation();
  Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (e == nullptr) {
    prop.prevent();
    return Reply::null();
  }
  if (!e->is_string()) return wrong_type();
  char buf[24];
  Reply value = Reply::bulk(e->string_value(buf));
  if (opts.expire != ExpireKind::kNone) {
    auto when = expire_time_ms(ctx, opts.expire, opts.expire_arg, "getex");
    if (!when.ok()) return error_of(when.status());
    if (is_absolute(opts.expire) && *when <= ctx.ks.now_ms() && !ctx.ks.loading()) {
      ctx.ks.remove(ctx.db(), argv[1]);
      ctx.ks.modified(ctx.db(), argv[1], kNotifyGeneric, "del");
      prop.rewrite({"DEL", argv[1]});
    } else {
      ctx.ks.set_expire(ctx.db(), e, *when);
      ctx.ks.modified(ctx.db(), argv[1], kNotifyGeneric, "expire");
      if (prop.active()) prop.rewrite({"PEXPIREAT", argv[1], std::to_string(*when)});
    }
  } else if (opts.persist && ctx.ks.persist(ctx.db(), e)) {
    ctx.ks.modified(ctx.db(), argv[1], kNotifyGeneric, "persist");
    prop.rewrite({"PERSIST", argv[1]});
  } else {
    prop.prevent();
  }
  return value;
}

// ---- MGET MSET MSETNX

Reply mget_command(CommandContext& ctx, Args argv) {
  std::vector<Reply> out;
  out.reserve(argv.size() - 1);
  for (auto& v : mget(ctx, argv.subspan(1))) out.push_back(v ? Reply::bulk(*v) : Reply::null());
  return Reply::array(std::move(out));
}

Reply mset_command(CommandContext& ctx, Args argv) {
  if (argv.size() % 2 == 0) return Reply::error(err::wrong_arity("mset"));
  mset(ctx, argv.subspan(1));
  return Reply::ok();
}

// Sets nothing (0, not propagated) when any of the keys exists, of whatever type.
Reply msetnx_command(CommandContext& ctx, Args argv) {
  if (argv.size() % 2 == 0) return Reply::error(err::wrong_arity("msetnx"));
  for (size_t i = 1; i < argv.size(); i += 2) {
    if (ctx.ks.lookup_write(ctx.db(), argv[i]) != nullptr) {
      ctx.ks.propagation().prevent();
      return Reply::integer(0);
    }
  }
  mset(ctx, argv.subspan(1));
  return Reply::integer(1);
}

// ---- INCR DECR INCRBY DECRBY INCRBYFLOAT

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

// The decrement is checked before the key: negating INT64_MIN is refused even for a key of
// another type.
Reply decrby_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto d = int_arg(argv[2], &error);
  if (!d) return error;
  if (*d == std::numeric_limits<int64_t>::min()) return Reply::error(err::kDecrOverflow);
  return incr_reply(ctx, argv[1], -*d);
}

// Adds in long double and stores the printed sum (17 significant digits, no exponent) as a plain
// string, keeping the TTL. Both the stored value and the increment must parse as a float.
// Propagated as SET key sum KEEPTTL, the sum as replied.
Reply incrbyfloat_command(CommandContext& ctx, Args argv) {
  Entry* e = ctx.ks.lookup_write(ctx.db(), argv[1]);
  if (e != nullptr && !e->is_string()) return wrong_type();
  long double current = 0;
  if (e != nullptr) {
    char buf[24];
    auto v = parse_long_double(e->string_value(buf));
    if (!v) return Reply::error(err::kNotFloat);
    current = *v;
  }
  auto incr = parse_long_double(argv[2]);
  if (!incr) return Reply::error(err::kNotFloat);
  const long double sum = current + *incr;
  if (std::isnan(sum) || std::isinf(sum)) return Reply::error(err::kIncrFloatNanOrInf);
  std::string text = format_long_double_human(sum);
  const Encoding enc = text.size() <= kEmbstrMaxLen ? Encoding::kEmbstr : Encoding::kRaw;
  if (e == nullptr) {
    ctx.ks.add(ctx.db(), Entry::make_string(argv[1], text, enc));
  } else {
    ctx.ks.replace_string(ctx.db(), e, text, enc);
  }
  ctx.ks.modified(ctx.db(), argv[1], kNotifyString, "incrbyfloat");
  ctx.ks.propagation().rewrite({"SET", argv[1], text, "KEEPTTL"});
  return Reply::bulk(std::move(text));
}

// ---- APPEND STRLEN GETRANGE SETRANGE

// A missing key is created as SET would store the argument; an existing value becomes "raw"
// (Entry sizes are fixed, so the value is copied: O(length) per call).
Reply append_command(CommandContext& ctx, Args argv) {
  Entry* e = ctx.ks.lookup_write(ctx.db(), argv[1]);
  if (e == nullptr) {
    ctx.ks.add(ctx.db(), make_string_entry(argv[1], argv[2]));
    ctx.ks.modified(ctx.db(), argv[1], kNotifyString, "append");
    return Reply::integer(static_cast<int64_t>(argv[2].size()));
  }
  if (!e->is_string()) return wrong_type();
  char buf[24];
  const std::string_view old = e->string_value(buf);
  const uint64_t total = uint64_t{old.size()} + argv[2].size();
  if (total > kMaxStringBytes) return Reply::error(err::kStringTooLong);
  std::string joined;
  joined.reserve(total);
  joined.append(old).append(argv[2]);
  ctx.ks.replace_string(ctx.db(), e, joined, Encoding::kRaw);
  // Sent even when the appended text is empty, as Redis does.
  ctx.ks.modified(ctx.db(), argv[1], kNotifyString, "append");
  return Reply::integer(static_cast<int64_t>(total));
}

Reply strlen_command(CommandContext& ctx, Args argv) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (e == nullptr) return Reply::integer(0);
  if (!e->is_string()) return wrong_type();
  char buf[24];
  return Reply::integer(static_cast<int64_t>(e->string_value(buf).size()));
}

// GETRANGE's inclusive range: negative indexes count from the end, then both clamp to the
// string. Both negative with start > end, or start > end after clamping, is empty.
std::string_view byte_range(std::string_view s, int64_t start, int64_t end) {
  const int64_t len = static_cast<int64_t>(s.size());
  if (start < 0 && end < 0 && start > end) return s.substr(0, 0);
  if (start < 0) start = std::max<int64_t>(start + len, 0);
  if (end < 0) end = std::max<int64_t>(end + len, 0);
  end = std::min(end, len - 1);
  if (start > end) return s.substr(0, 0);
  return s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start + 1));
}

// GETRANGE / SUBSTR key start end: the indexes are checked before the key.
Reply getrange_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto start = int_arg(argv[2], &error);
  if (!start) return error;
  auto end = int_arg(argv[3], &error);
  if (!end) return error;
  Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (e == nullptr) return Reply::bulk("");
  if (!e->is_string()) return wrong_type();
  char buf[24];
  return Reply::bulk(byte_range(e->string_value(buf), *start, *end));
}

// SETRANGE key offset value: overwrites from offset, zero-padding a shorter string. An empty
// value changes nothing (creates no key, is not propagated); a result over
// proto-max-bulk-len is refused before anything is allocated.
Reply setrange_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto offset = int_arg(argv[2], &error);
  if (!offset) return error;
  if (*offset < 0) return Reply::error(err::kOffsetOutOfRange);
  const std::string_view value = argv[3];
  Entry* e = ctx.ks.lookup_write(ctx.db(), argv[1]);
  if (e != nullptr && !e->is_string()) return wrong_type();
  char buf[24];
  const std::string_view old = e != nullptr ? e->string_value(buf) : std::string_view();
  if (value.empty()) {
    ctx.ks.propagation().prevent();
    return Reply::integer(static_cast<int64_t>(old.size()));
  }
  const uint64_t needed = static_cast<uint64_t>(*offset) + value.size();
  if (needed > kMaxStringBytes) return Reply::error(err::kStringTooLong);
  const size_t at = static_cast<size_t>(*offset);
  if (e != nullptr && e->encoding() == Encoding::kRaw && needed <= old.size()) {
    std::memcpy(e->mutable_str() + at, value.data(), value.size());
    ctx.ks.modified(ctx.db(), argv[1], kNotifyString, "setrange");
    return Reply::integer(static_cast<int64_t>(old.size()));
  }
  std::string next(old);
  if (next.size() < needed) next.resize(static_cast<size_t>(needed), '\0');
  next.replace(at, value.size(), value);
  if (e == nullptr) {
    ctx.ks.add(ctx.db(), Entry::make_string(argv[1], next, Encoding::kRaw));
  } else {
    ctx.ks.replace_string(ctx.db(), e, next, Encoding::kRaw);
  }
  ctx.ks.modified(ctx.db(), argv[1], kNotifyString, "setrange");
  return Reply::integer(static_cast<int64_t>(next.size()));
}

// ---- LCS

struct LcsRange {
  size_t a_start, a_end, b_start, b_end;
  size_t length() const { return a_end - a_start + 1; }
};

// LCS lengths of all prefix pairs: at(i, j) is the LCS length of a[0, i) and b[0, j).
class LcsTable {
 public:
  // False when the memory cannot be allocated.
  bool build(std::string_view a, std::string_view b) {
    width_ = b.size() + 1;
    cells_.reset(new (std::nothrow) uint32_t[(a.size() + 1) * width_]);
    if (!cells_) return false;
    for (size_t j = 0; j < width_; ++j) cell(0, j) = 0;
    for (size_t i = 1; i <= a.size(); ++i) {
      cell(i, 0) = 0;
      for (size_t j = 1; j < width_; ++j) {
        cell(i, j) = a[i - 1] == b[j - 1] ? cell(i - 1, j - 1) + 1
                                           : std::max(cell(i - 1, j), cell(i, j - 1));
      }
    }
    return true;
  }
  uint32_t at(size_t i, size_t j) const { return cells_[i * width_ + j]; }

 private:
  uint32_t& cell(size_t i, size_t j) { return cells_[i * width_ + j]; }
  size_t width_ = 0;
  std::unique_ptr<uint32_t[]> cells_;
};

// The LCS length alone, in two rows of memory.
uint32_t lcs_length(std::string_view a, std::string_view b) {
  std::vector<uint32_t> prev(b.size() + 1, 0), row(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], row[j - 1]);
    }
    std::swap(prev, row);
  }
  return prev[b.size()];
}

// Walks the table back from the ends of both strings the way Redis does (on a tie it steps
// back in b), returning the LCS and, in *ranges, each run of consecutive matches of at least
// min_len bytes (all runs when min_len is 0), last run first.
std::string lcs_walk(const LcsTable& t, std::string_view a, std::string_view b, int64_t min_len,
                     std::vector<LcsRange>* ranges) {
  std::string out(t.at(a.size(), b.size()), '\0');
  size_t k = out.size();
  size_t i = a.size(), j = b.size();
  bool open = false;
  LcsRange run{};
  auto close_run = [&] {
    if (min_len == 0 || run.length() >= static_cast<uint64_t>(min_len)) ranges->push_back(run);
    open = false;
  };
  while (i > 0 && j > 0) {
    if (a[i - 1] == b[j - 1]) {
      out[--k] = a[i - 1];
      if (!open) run = LcsRange{i - 1, i - 1, j - 1, j - 1};
      run.a_start = i - 1;
      run.b_start = j - 1;
      open = true;
      --i;
      --j;
      if (i == 0 || j == 0) close_run();
    } else {
      if (t.at(i - 1, j) > t.at(i, j - 1)) {
        --i;
      } else {
        --j;
      }
      if (open) close_run();
    }
  }
  return out;
}

Reply lcs_idx_reply(const std::vector<LcsRange>& ranges, bool with_len, uint32_t lcs_len) {
  std::vector<Reply> matches;
  matches.reserve(ranges.size());
  for (const LcsRange& r : ranges) {
    std::vector<Reply> m;
    m.push_back(Reply::array({Reply::integer(static_cast<int64_t>(r.a_start)),
                              Reply::integer(static_cast<int64_t>(r.a_end))}));
    m.push_back(Reply::array({Reply::integer(static_cast<int64_t>(r.b_start)),
                              Reply::integer(static_cast<int64_t>(r.b_end))}));
    if (with_len) m.push_back(Reply::integer(static_cast<int64_t>(r.length())));
    matches.push_back(Reply::array(std::move(m)));
  }
  return Reply::map({Reply::bulk("matches"), Reply::array(std::move(matches)), Reply::bulk("len"),
                     Reply::integer(lcs_len)});
}

// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]. Missing keys are empty strings;
// the key types are checked before the options. IDX replies a map (a flat array in RESP2).
Reply lcs_command(CommandContext& ctx, Args argv) {
  const Entry* ea = ctx.ks.lookup_read(ctx.db(), argv[1]);
  const Entry* eb = ctx.ks.lookup_read(ctx.db(), argv[2]);
  if ((ea != nullptr && !ea->is_string()) || (eb != nullptr && !eb->is_string())) {
    return Reply::error(err::kLcsKeysNotStrings);
  }
  bool want_len = false, want_idx = false, with_len = false;
  int64_t min_len = 0;
  for (size_t i = 3; i < argv.size(); ++i) {
    if (option_is(argv[i], "idx")) {
      want_idx = true;
    } else if (option_is(argv[i], "len")) {
      want_len = true;
    } else if (option_is(argv[i], "withmatchlen")) {
      with_len = true;
    } else if (option_is(argv[i], "minmatchlen") && i + 1 < argv.size()) {
      Reply error;
      auto v = int_arg(argv[++i], &error);
      if (!v) return error;
      min_len = std::max<int64_t>(*v, 0);
    } else {
      return syntax_error();
    }
  }
  if (want_len && want_idx) return Reply::error(err::kLcsLenAndIdx);

  char buf_a[24], buf_b[24];
  const std::string_view a = ea != nullptr ? ea->string_value(buf_a) : std::string_view();
  const std::string_view b = eb != nullptr ? eb->string_value(buf_b) : std::string_view();
  // Redis refuses a table (4 bytes per prefix pair) larger than proto-max-bulk-len.
  if ((uint64_t{a.size()} + 1) * (b.size() + 1) * sizeof(uint32_t) > kMaxStringBytes) {
    return Reply::error(err::kLcsTableTooLarge);
  }
  if (want_len) return Reply::integer(lcs_length(a, b));
  LcsTable table;
  if (!table.build(a, b)) return Reply::error(err::kLcsAllocFailed);
  std::vector<LcsRange> ranges;
  std::string lcs = lcs_walk(table, a, b, min_len, &ranges);
  if (want_idx) return lcs_idx_reply(ranges, with_len, table.at(a.size(), b.size()));
  return Reply::bulk(std::move(lcs));
}

}  // namespace

void register_string_commands(CommandTable& t) {
  constexpr uint32_t kW = kCmdWrite | kCmdDenyOom;
  constexpr uint32_t kR = kCmdReadonly;
  // Every string command but MGET/MSET/MSETNX/LCS takes one key, at argv[1].
  FamilyRows add(t, "string");
  add("get", 2, kR | kCmdFast, get_command, "1.0.0");
  add("set", -3, kW, set_command, "1.0.0");
  add("setnx", 3, kW | kCmdFast, setnx_command, "1.0.0");
  add("setex", 4, kW, setex_command<ExpireKind::kEx>, "2.0.0");
  add("psetex", 4, kW, setex_command<ExpireKind::kPx>, "2.6.0");
  add("getset", 3, kW | kCmdFast, getset_command, "1.0.0");
  add("getdel", 2, kCmdWrite | kCmdFast, getdel_command, "6.2.0");
  add("getex", -2, kCmdWrite | kCmdFast, getex_command, "6.2.0");
  add("incr", 2, kW | kCmdFast, incr_command, "1.0.0");
  add("decr", 2, kW | kCmdFast, decr_command, "1.0.0");
  add("incrby", 3, kW | kCmdFast, incrby_command, "1.0.0");
  add("decrby", 3, kW | kCmdFast, decrby_command, "1.0.0");
  add("incrbyfloat", 3, kW | kCmdFast, incrbyfloat_command, "2.6.0");
  add("append", 3, kW | kCmdFast, append_command, "2.0.0");
  add("strlen", 2, kR | kCmdFast, strlen_command, "2.2.0");
  add("getrange", 4, kR, getrange_command, "2.4.0");
  add("substr", 4, kR, getrange_command, "1.0.0");
  add("setrange", 4, kW, setrange_command, "2.2.0");
  t.add({.name = "mget", .arity = -2, .flags = kR | kCmdFast, .first_key = 1, .last_key = -1,
         .key_step = 1, .handler = mget_command, .since = "1.0.0", .group = "string"});
  t.add({.name = "mset", .arity = -3, .flags = kW, .first_key = 1, .last_key = -1, .key_step = 2,
         .handler = mset_command, .since = "1.0.1", .group = "string"});
  t.add({.name = "msetnx", .arity = -3, .flags = kW, .first_key = 1, .last_key = -1,
         .key_step = 2, .handler = msetnx_command, .since = "1.0.1", .group = "string"});
  t.add({.name = "lcs", .arity = -3, .flags = kR, .first_key = 1, .last_key = 2, .key_step = 1,
         .handler = lcs_command, .since = "7.0.0", .group = "string"});
}

}  // namespace kevy
