// Hash commands: HSET HSETNX HMSET HGET HMGET HDEL HLEN HSTRLEN HEXISTS HINCRBY HINCRBYFLOAT
// HKEYS HVALS HGETALL HRANDFIELD HSCAN.
#include "commands/hashes.h"

#include <cmath>
#include <limits>
#include <memory>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "commands/scan_args.h"
#include "core/numbers.h"
#include "types/hash.h"

namespace kevy {
namespace {

constexpr int64_t kLongMax = std::numeric_limits<int64_t>::max();

Reply error_of(const Status& s) { return Reply::error(s.message()); }

HashLimits limits_of(const Keyspace& ks) {
  return HashLimits{ks.options().hash_max_listpack_entries, ks.options().hash_max_listpack_value};
}

HashValue* hash_of(Entry* e) { return static_cast<HashValue*>(e->object()); }

// Keeps OBJECT ENCODING in step with the value after a change that may have converted it.
void sync_encoding(Entry* e) { e->set_encoding(hash_of(e)->encoding()); }

// The hash at key for a read (counts a hit or miss): nullptr when missing, WRONGTYPE else.
Result<HashValue*> read_hash(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), key);
  if (e == nullptr) return static_cast<HashValue*>(nullptr);
  if (e->type() != ObjType::kHash) return Status::command_error(err::kWrongType);
  return hash_of(e);
}

// The entry of the hash at key for a write: nullptr when missing, WRONGTYPE else.
Result<Entry*> write_entry(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_write(ctx.db(), key);
  if (e != nullptr && e->type() != ObjType::kHash) return Status::command_error(err::kWrongType);
  return e;
}

// Adds an empty listpack hash under key. REQUIRES: key absent.
Entry* create_hash(CommandContext& ctx, std::string_view key) {
  Entry* e = Entry::make_object(key, ObjType::kHash, Encoding::kListpack,
                                std::make_unique<HashValue>());
  ctx.ks.add(ctx.db(), e);
  return e;
}

Result<Entry*> write_or_create(CommandContext& ctx, std::string_view key) {
  auto e = write_entry(ctx, key);
  if (!e.ok() || *e != nullptr) return e;
  return create_hash(ctx, key);
}

// Redis compares option names as C strings: an argument ends at its first NUL byte.
bool option_is(std::string_view arg, std::string_view name) {
  return eq_ci(arg.substr(0, arg.find('\0')), name);
}

}  // namespace

namespace {

// HSET of n pairs, pair i being (field_at(i), value_at(i)); the number of new fields.
template <typename FieldAt, typename ValueAt>
Result<int64_t> set_fields(CommandContext& ctx, std::string_view key, size_t n,
                           FieldAt&& field_at, ValueAt&& value_at) {
  auto e = write_or_create(ctx, key);
  if (!e.ok()) return e.status();
  HashValue* h = hash_of(*e);
  const HashLimits limits = limits_of(ctx.ks);
  int64_t created = 0;
  for (size_t i = 0; i < n; ++i) {
    if (h->set(field_at(i), value_at(i), limits)) ++created;
  }
  sync_encoding(*e);
  ctx.ks.modified(ctx.db(), key, kNotifyHash, "hset");
  return created;
}

}  // namespace

Result<int64_t> hash_set(CommandContext& ctx, std::string_view key, Args field_values) {
  return set_fields(
      ctx, key, field_values.size() / 2, [&](size_t i) { return field_values[2 * i]; },
      [&](size_t i) { return field_values[2 * i + 1]; });
}

Result<int64_t> hash_set_pairs(
    CommandContext& ctx, std::string_view key,
    std::span<const std::pair<std::string_view, std::string_view>> pairs) {
  return set_fields(
      ctx, key, pairs.size(), [&](size_t i) { return pairs[i].first; },
      [&](size_t i) { return pairs[i].second; });
}

Result<std::optional<std::string>> hash_get(CommandContext& ctx, std::string_view key,
                                            std::string_view field) {
  auto h = read_hash(ctx, key);
  if (!h.ok()) return h.status();
  if (*h == nullptr) return std::optional<std::string>();
  auto v = (*h)->get(field);
  if (!v) return std::optional<std::string>();
  return std::optional<std::string>(std::string(*v));
}

Result<std::vector<std::pair<std::string, std::string>>> hash_get_all(CommandContext& ctx,
                                                                       std::string_view key) {
  auto h = read_hash(ctx, key);
  if (!h.ok()) return h.status();
  std::vector<std::pair<std::string, std::string>> out;
  if (*h == nullptr) return out;
  out.reserve((*h)->size());
  (*h)->for_each([&](std::string_view f, std::string_view v) { out.emplace_back(f, v); });
  return out;
}

Result<int64_t> hash_del(CommandContext& ctx, std::string_view key, Args fields) {
  auto e = write_entry(ctx, key);
  if (!e.ok()) return e.status();
  if (*e == nullptr) return int64_t{0};
  HashValue* h = hash_of(*e);
  int64_t removed = 0;
  bool key_removed = false;
  for (std::string_view f : fields) {
    if (h->erase(f)) ++removed;
    if (h->empty()) {
      ctx.ks.remove(ctx.db(), key);
      key_removed = true;
      break;
    }
  }
  // As Redis: nothing when no field went; else the key is signalled, then "hdel", then "del"
  // when the hash went with its last field.
  if (removed > 0) {
    ctx.ks.modified(ctx.db(), key, kNotifyHash, "hdel");
    if (key_removed) ctx.ks.notify(kNotifyGeneric, "del", ctx.db(), key);
  }
  return removed;
}

namespace {

// ---- HSET HMSET HSETNX

Reply hset_command(CommandContext& ctx, Args argv) {
  if (argv.size() % 2 != 0) return Reply::error(err::wrong_arity("hset"));
  auto r = hash_set(ctx, argv[1], argv.subspan(2));
  return r.ok() ? Reply::integer(*r) : error_of(r.status());
}

Reply hmset_command(CommandContext& ctx, Args argv) {
  if (argv.size() % 2 != 0) return Reply::error(err::wrong_arity("hmset"));
  auto r = hash_set(ctx, argv[1], argv.subspan(2));
  return r.ok() ? Reply::ok() : error_of(r.status());
}

// An existing field is left alone, without the length check that would convert the hash, and
// the command is not propagated.
Reply hsetnx_command(CommandContext& ctx, Args argv) {
  auto e = write_or_create(ctx, argv[1]);
  if (!e.ok()) return error_of(e.status());
  HashValue* h = hash_of(*e);
  if (h->contains(argv[2])) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  h->set(argv[2], argv[3], limits_of(ctx.ks));
  sync_encoding(*e);
  ctx.ks.modified(ctx.db(), argv[1], kNotifyHash, "hset");
  return Reply::integer(1);
}

// ---- HGET HMGET HLEN HSTRLEN HEXISTS

Reply hget_command(CommandContext& ctx, Args argv) {
  auto h = read_hash(ctx, argv[1]);
  if (!h.ok()) return error_of(h.status());
  if (*h == nullptr) return Reply::null();
  auto v = (*h)->get(argv[2]);
  return v ? Reply::bulk(*v) : Reply::null();
}

Reply hmget_command(CommandContext& ctx, Args argv) {
  auto h = read_hash(ctx, argv[1]);
  if (!h.ok()) return error_of(h.status());
  std::vector<Reply> out;
  out.reserve(argv.size() - 2);
  for (std::string_view f : argv.subspan(2)) {
    std::optional<std::string_view> v;
    if (*h != nullptr) v = (*h)->get(f);
    out.push_back(v ? Reply::bulk(*v) : Reply::null());
  }
  return Reply::array(std::move(out));
}

Reply hlen_command(CommandContext& ctx, Args argv) {
  auto h = read_hash(ctx, argv[1]);
  if (!h.ok()) return error_of(h.status());
  return Reply::integer(*h == nullptr ? 0 : static_cast<int64_t>((*h)->size()));
}

Reply hstrlen_command(CommandContext& ctx, Args argv) {
  auto h = read_hash(ctx, argv[1]);
  if (!h.ok()) return error_of(h.status());
  if (*h == nullptr) return Reply::integer(0);
  auto v = (*h)->get(argv[2]);
  return Reply::integer(v ? static_cast<int64_t>(v->size()) : 0);
}

Reply hexists_command(CommandContext& ctx, Args argv) {
  auto h = read_hash(ctx, argv[1]);
  if (!h.ok()) return error_of(h.status());
  return Reply::integer(*h != nullptr && (*h)->contains(argv[2]) ? 1 : 0);
}

// Deleting no field is not propagated.
Reply hdel_command(CommandContext& ctx, Args argv) {
  auto r = hash_del(ctx, argv[1], argv.subspan(2));
  if (!r.ok()) return error_of(r.status());
  if (*r == 0) ctx.ks.propagation().prevent();
  return Reply::integer(*r);
}

// ---- HINCRBY HINCRBYFLOAT

// The increment is parsed before the key is looked at; the stored value must be a canonical
// integer (string2ll) and the sum must not overflow.
Reply hincrby_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto incr = int_arg(argv[3], &error);
  if (!incr) return error;
  auto e = write_entry(ctx, argv[1]);
  if (!e.ok()) return error_of(e.status());
  int64_t current = 0;
  if (*e != nullptr) {
    if (auto v = hash_of(*e)->get(argv[2])) {
      auto n = parse_int64(*v);
      if (!n) return Reply::error(err::kHashValueNotInteger);
      current = *n;
    }
  }
  if ((*incr < 0 && current < 0 && *incr < std::numeric_limits<int64_t>::min() - current) ||
      (*incr > 0 && current > 0 && *incr > kLongMax - current)) {
    return Reply::error(err::kIncrOverflow);
  }
  const int64_t next = current + *incr;
  Entry* entry = *e != nullptr ? *e : create_hash(ctx, argv[1]);
  char buf[24];
  const size_t len = format_int64(next, buf);
  hash_of(entry)->set(argv[2], std::string_view(buf, len), limits_of(ctx.ks));
  sync_encoding(entry);
  ctx.ks.modified(ctx.db(), argv[1], kNotifyHash, "hincrby");
  return Reply::integer(next);
}

// Adds in long double and stores the printed sum (17 significant digits, no exponent).
// Propagated as HSET key field sum, the sum as replied.
Reply hincrbyfloat_command(CommandContext& ctx, Args argv) {
  auto incr = parse_long_double(argv[3]);
  if (!incr) return Reply::error(err::kNotFloat);
  if (std::isnan(*incr) || std::isinf(*incr)) return Reply::error(err::kValueNanOrInfinity);
  auto e = write_entry(ctx, argv[1]);
  if (!e.ok()) return error_of(e.status());
  long double current = 0;
  if (*e != nullptr) {
    if (auto v = hash_of(*e)->get(argv[2])) {
      auto n = parse_long_double(*v);
      if (!n) return Reply::error(err::kHashValueNotFloat);
      current = *n;
    }
  }
  const long double sum = current + *incr;
  if (std::isnan(sum) || std::isinf(sum)) return Reply::error(err::kIncrFloatNanOrInf);
  std::string text = format_long_double_human(sum);
  Entry* entry = *e != nullptr ? *e : create_hash(ctx, argv[1]);
  hash_of(entry)->set(argv[2], text, limits_of(ctx.ks));
  sync_encoding(entry);
  ctx.ks.modified(ctx.db(), argv[1], kNotifyHash, "hincrbyfloat");
  ctx.ks.propagation().rewrite({"HSET", argv[1], argv[2], text});
  return Reply::bulk(std::move(text));
}

// ---- HKEYS HVALS HGETALL

enum class Parts { kFields, kValues, kBoth };

template <Parts kParts>
Reply hgetall_generic(CommandContext& ctx, Args argv) {
  auto h = read_hash(ctx, argv[1]);
  if (!h.ok()) return error_of(h.status());
  std::vector<Reply> out;
  if (*h != nullptr) {
    out.reserve((*h)->size() * (kParts == Parts::kBoth ? 2 : 1));
    (*h)->for_each([&](std::string_view f, std::string_view v) {
      if (kParts != Parts::kValues) out.push_back(Reply::bulk(f));
      if (kParts != Parts::kFields) out.push_back(Reply::bulk(v));
    });
  }
  if (kParts == Parts::kBoth) return Reply::map(std::move(out));
  return Reply::array(std::move(out));
}

// ---- HRANDFIELD

// One field (or field and value) of a HRANDFIELD reply with a count: RESP3 pairs each field
// with its value in a two-element array, RESP2 flattens them.
void add_random_reply(std::vector<Reply>& out, std::string_view f, std::string_view v,
                      bool with_values, bool resp3) {
  if (!with_values) {
    out.push_back(Reply::bulk(f));
  } else if (resp3) {
    out.push_back(Reply::array({Reply::bulk(f), Reply::bulk(v)}));
  } else {
    out.push_back(Reply::bulk(f));
    out.push_back(Reply::bulk(v));
  }
}

// HRANDFIELD key count [WITHVALUES]: the count and options are checked before the key.
// count < 0: |count| independent picks; count >= size: the whole hash in its order;
// otherwise `count` distinct fields, in the hash's order (as Redis does for a listpack).
Reply hrandfield_with_count(CommandContext& ctx, Args argv) {
  auto count = parse_int64(argv[2]);
  if (!count) return Reply::error(err::kNotInteger);
  if (*count == std::numeric_limits<int64_t>::min()) {
    return Reply::error(err::kCountOutOfLongRange);
  }
  bool with_values = false;
  if (argv.size() == 4 && option_is(argv[3], "withvalues")) {
    with_values = true;
  } else if (argv.size() >= 4) {
    return syntax_error();
  }
  if (with_values && (*count < -kLongMax / 2 || *count > kLongMax / 2)) {
    return Reply::error(err::kValueOutOfRange);
  }
  auto h = read_hash(ctx, argv[1]);
  if (!h.ok()) return error_of(h.status());
  if (*h == nullptr || *count == 0) return Reply::array();
  const HashValue& hash = **h;
  const bool resp3 = ctx.resp3();
  std::vector<Reply> out;
  Random& rnd = ctx.ks.random();
  if (*count < 0) {
    const int64_t picks = -*count;
    if (picks > kMaxRandomPicks) return Reply::error(err::kValueOutOfRange);
    out.reserve(static_cast<size_t>(picks) * (with_values && !resp3 ? 2 : 1));
    if (hash.is_listpack()) {
      const auto all = hash.pairs();
      for (int64_t i = 0; i < picks; ++i) {
        const auto& [f, v] = all[rnd.uniform(all.size())];
        add_random_reply(out, f, v, with_values, resp3);
      }
    } else {
      for (int64_t i = 0; i < picks; ++i) {
        const auto [f, v] = hash.random_pair(rnd.next());
        add_random_reply(out, f, v, with_values, resp3);
      }
    }
    return Reply::array(std::move(out));
  }
  const size_t size = hash.size();
  const auto all = hash.pairs();
  if (static_cast<uint64_t>(*count) >= size) {
    for (const auto& [f, v] : all) add_random_reply(out, f, v, with_values, resp3);
    return Reply::array(std::move(out));
  }
  // Selection sampling: each pair is taken with probability needed / remaining, which yields a
  // uniformly random subset of exactly `count` pairs in the hash's order.
  size_t needed = static_cast<size_t>(*count);
  for (size_t i = 0; i < size && needed > 0; ++i) {
    if (rnd.uniform(size - i) < needed) {
      add_random_reply(out, all[i].first, all[i].second, with_values, resp3);
      --needed;
    }
  }
  return Reply::array(std::move(out));
}

Reply hrandfield_command(CommandContext& ctx, Args argv) {
  if (argv.size() >= 3) return hrandfield_with_count(ctx, argv);
  auto h = read_hash(ctx, argv[1]);
  if (!h.ok()) return error_of(h.status());
  if (*h == nullptr) return Reply::null();
  return Reply::bulk((*h)->random_pair(ctx.ks.random().next()).first);
}

// ---- HSCAN

// HSCAN key cursor [MATCH pattern] [COUNT count]: the cursor is checked first, then the key
// (a missing key replies an empty scan whatever the options), then the options. A listpack
// hash is returned whole in one call with cursor 0, whatever the cursor and COUNT.
Reply hscan_command(CommandContext& ctx, Args argv) {
  auto cursor = scan_cursor(argv[2]);
  if (!cursor) return Reply::error(err::kInvalidCursor);
  auto h = read_hash(ctx, argv[1]);
  if (!h.ok()) return error_of(h.status());
  if (*h == nullptr) return Reply::array({Reply::bulk("0"), Reply::array()});
  ScanArgs opts;
  if (auto error = parse_scan_options(argv, 3, &opts)) return *error;
  std::vector<Reply> items;
  auto visit = [&](std::string_view f, std::string_view v) {
    if (!opts.matches(f)) return;
    items.push_back(Reply::bulk(f));
    items.push_back(Reply::bulk(v));
  };
  uint64_t next = 0;
  if ((*h)->is_listpack()) {
    (*h)->for_each(visit);
  } else {
    next = (*h)->scan(*cursor, opts.count, visit);
  }
  return Reply::array({Reply::bulk(std::to_string(next)), Reply::array(std::move(items))});
}

}  // namespace

void register_hash_commands(CommandTable& t) {
  constexpr uint32_t kW = kCmdWrite | kCmdDenyOom;
  constexpr uint32_t kR = kCmdReadonly;
  FamilyRows add(t, "hash");
  add("hset", -4, kW | kCmdFast, hset_command, "2.0.0");
  add("hsetnx", 4, kW | kCmdFast, hsetnx_command, "2.0.0");
  add("hmset", -4, kW | kCmdFast, hmset_command, "2.0.0");
  add("hget", 3, kR | kCmdFast, hget_command, "2.0.0");
  add("hmget", -3, kR | kCmdFast, hmget_command, "2.0.0");
  add("hdel", -3, kCmdWrite | kCmdFast, hdel_command, "2.0.0");
  add("hlen", 2, kR | kCmdFast, hlen_command, "2.0.0");
  add("hstrlen", 3, kR | kCmdFast, hstrlen_command, "3.2.0");
  add("hexists", 3, kR | kCmdFast, hexists_command, "2.0.0");
  add("hincrby", 4, kW | kCmdFast, hincrby_command, "2.0.0");
  add("hincrbyfloat", 4, kW | kCmdFast, hincrbyfloat_command, "2.6.0");
  add("hkeys", 2, kR, hgetall_generic<Parts::kFields>, "2.0.0");
  add("hvals", 2, kR, hgetall_generic<Parts::kValues>, "2.0.0");
  add("hgetall", 2, kR, hgetall_generic<Parts::kBoth>, "2.0.0");
  add("hrandfield", -2, kR, hrandfield_command, "6.2.0");
  add("hscan", -3, kR, hscan_command, "2.8.0");
}

}  // namespace kevy
