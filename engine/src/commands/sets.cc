// Set commands: SADD SREM SISMEMBER SMISMEMBER SCARD SMEMBERS SMOVE SINTER SINTERCARD
// SINTERSTORE SUNION SUNIONSTORE SDIFF SDIFFSTORE SRANDMEMBER SPOP SSCAN.
#include "commands/sets.h"

#include <algorithm>
#include <limits>
#include <memory>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "commands/scan_args.h"
#include "core/numbers.h"
#include "types/set.h"

namespace kevy {
namespace {

Reply error_of(const Status& s) { return Reply::error(s.message()); }

size_t max_intset(const Keyspace& ks) { return ks.options().set_max_intset_entries; }

SetValue* set_of(Entry* e) { return static_cast<SetValue*>(e->object()); }

void sync_encoding(Entry* e) { e->set_encoding(set_of(e)->encoding()); }

// The set at key for a read: nullptr when missing, WRONGTYPE else.
Result<SetValue*> read_set(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), key);
  if (e == nullptr) return static_cast<SetValue*>(nullptr);
  if (e->type() != ObjType::kSet) return Status::command_error(err::kWrongType);
  return set_of(e);
}

Result<Entry*> write_entry(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_write(ctx.db(), key);
  if (e != nullptr && e->type() != ObjType::kSet) return Status::command_error(err::kWrongType);
  return e;
}

// A new empty set for a first member: intset when it is an integer, else hashtable.
std::unique_ptr<SetValue> new_set_for(std::string_view first) {
  if (parse_int64(first)) return std::make_unique<SetValue>();
  return SetValue::make_table();
}

Entry* create_set(CommandContext& ctx, std::string_view key, std::string_view first) {
  auto value = new_set_for(first);
  const Encoding enc = value->encoding();
  Entry* e = Entry::make_object(key, ObjType::kSet, enc, std::move(value));
  ctx.ks.add(ctx.db(), e);
  return e;
}

bool option_is(std::string_view arg, std::string_view name) {
  return eq_ci(arg.substr(0, arg.find('\0')), name);
}

// RESP3 set (RESP2 array) of the members, in the set's order.
Reply members_reply(const SetValue* s) {
  std::vector<Reply> out;
  if (s != nullptr) {
    out.reserve(s->size());
    s->for_each([&](std::string_view m) { out.push_back(Reply::bulk(m)); });
  }
  return Reply::set(std::move(out));
}

}  // namespace

Result<int64_t> set_add(CommandContext& ctx, std::string_view key, Args members) {
  auto e = write_entry(ctx, key);
  if (!e.ok()) return e.status();
  Entry* entry = *e != nullptr ? *e : create_set(ctx, key, members[0]);
  SetValue* s = set_of(entry);
  const size_t limit = max_intset(ctx.ks);
  int64_t added = 0;
  for (std::string_view m : members) {
    if (s->add(m, limit)) ++added;
  }
  sync_encoding(entry);
  if (added > 0) ctx.ks.modified(ctx.db(), key, kNotifySet, "sadd");
  return added;
}

Result<int64_t> set_rem(CommandContext& ctx, std::string_view key, Args members) {
  auto e = write_entry(ctx, key);
  if (!e.ok()) return e.status();
  if (*e == nullptr) return int64_t{0};
  SetValue* s = set_of(*e);
  int64_t removed = 0;
  bool key_removed = false;
  for (std::string_view m : members) {
    if (s->erase(m)) ++removed;
    if (s->empty()) {
      ctx.ks.remove(ctx.db(), key);
      key_removed = true;
      break;
    }
  }
  // As Redis: nothing when no member went; else the key is signalled, then "srem", then "del"
  // when the set went with its last member.
  if (removed > 0) {
    ctx.ks.modified(ctx.db(), key, kNotifySet, "srem");
    if (key_removed) ctx.ks.notify(kNotifyGeneric, "del", ctx.db(), key);
  }
  return removed;
}

Result<bool> set_is_member(CommandContext& ctx, std::string_view key, std::string_view member) {
  auto s = read_set(ctx, key);
  if (!s.ok()) return s.status();
  return *s != nullptr && (*s)->contains(member);
}

Result<std::vector<std::string>> set_members(CommandContext& ctx, std::string_view key) {
  auto s = read_set(ctx, key);
  if (!s.ok()) return s.status();
  if (*s == nullptr) return std::vector<std::string>();
  return (*s)->members();
}

namespace {

// ---- SADD SREM SISMEMBER SMISMEMBER SCARD SMEMBERS

// SADD/SREM that add or remove no member are not propagated.
Reply sadd_command(CommandContext& ctx, Args argv) {
  auto r = set_add(ctx, argv[1], argv.subspan(2));
  if (!r.ok()) return error_of(r.status());
  if (*r == 0) ctx.ks.propagation().prevent();
  return Reply::integer(*r);
}

Reply srem_command(CommandContext& ctx, Args argv) {
  auto r = set_rem(ctx, argv[1], argv.subspan(2));
  if (!r.ok()) return error_of(r.status());
  if (*r == 0) ctx.ks.propagation().prevent();
  return Reply::integer(*r);
}

Reply sismember_command(CommandContext& ctx, Args argv) {
  auto r = set_is_member(ctx, argv[1], argv[2]);
  return r.ok() ? Reply::integer(*r ? 1 : 0) : error_of(r.status());
}

Reply smismember_command(CommandContext& ctx, Args argv) {
  auto s = read_set(ctx, argv[1]);
  if (!s.ok()) return error_of(s.status());
  std::vector<Reply> out;
  out.reserve(argv.size() - 2);
  for (std::string_view m : argv.subspan(2)) {
    out.push_back(Reply::integer(*s != nullptr && (*s)->contains(m) ? 1 : 0));
  }
  return Reply::array(std::move(out));
}

Reply scard_command(CommandContext& ctx, Args argv) {
  auto s = read_set(ctx, argv[1]);
  if (!s.ok()) return error_of(s.status());
  return Reply::integer(*s == nullptr ? 0 : static_cast<int64_t>((*s)->size()));
}

Reply smembers_command(CommandContext& ctx, Args argv) {
  auto s = read_set(ctx, argv[1]);
  if (!s.ok()) return error_of(s.status());
  return members_reply(*s);
}

// ---- SMOVE

// A missing source replies 0 before the destination's type is checked; a source equal to the
// destination only reports membership. Only a member really moved is propagated.
// Events as Redis's: "srem" on the source (and "del" when emptied), then "sadd" on the
// destination only when the member was not there already.
Reply smove_command(CommandContext& ctx, Args argv) {
  const std::string_view src_key = argv[1], dst_key = argv[2], member = argv[3];
  Entry* src = ctx.ks.lookup_write(ctx.db(), src_key);
  Entry* dst = ctx.ks.lookup_write(ctx.db(), dst_key);
  if (src == nullptr) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  if (src->type() != ObjType::kSet || (dst != nullptr && dst->type() != ObjType::kSet)) {
    return wrong_type();
  }
  if (src == dst) {
    ctx.ks.propagation().prevent();
    return Reply::integer(set_of(src)->contains(member) ? 1 : 0);
  }
  if (!set_of(src)->erase(member)) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  ctx.ks.notify(kNotifySet, "srem", ctx.db(), src_key);
  if (set_of(src)->empty()) {
    ctx.ks.remove(ctx.db(), src_key);
    ctx.ks.notify(kNotifyGeneric, "del", ctx.db(), src_key);
  }
  if (dst == nullptr) dst = create_set(ctx, dst_key, member);
  ctx.ks.signal_modified(ctx.db(), src_key);
  if (set_of(dst)->add(member, max_intset(ctx.ks))) {
    ctx.ks.modified(ctx.db(), dst_key, kNotifySet, "sadd");
  }
  sync_encoding(dst);
  return Reply::integer(1);
}

// ---- SINTER SINTERCARD SINTERSTORE SUNION SUNIONSTORE SDIFF SDIFFSTORE

// The sets named by keys (nullptr for a missing key), or WRONGTYPE if any key holds another
// type. Store forms look their sources up for writing, as Redis does.
Result<std::vector<const SetValue*>> source_sets(CommandContext& ctx, Args keys, bool write) {
  std::vector<const SetValue*> sets;
  sets.reserve(keys.size());
  for (std::string_view k : keys) {
    Entry* e = write ? ctx.ks.lookup_write(ctx.db(), k) : ctx.ks.lookup_read(ctx.db(), k);
    if (e != nullptr && e->type() != ObjType::kSet) {
      return Status::command_error(err::kWrongType);
    }
    sets.push_back(e == nullptr ? nullptr : set_of(e));
  }
  return sets;
}

// Stores `result` at dst (replacing any value, dropping its TTL), or deletes dst when the
// result is empty. Replies the result's size. An empty result with no dst to delete changes
// nothing and is not propagated. Events as Redis's: a stored result signals dst and publishes
// `event` ("sinterstore" "sunionstore" "sdiffstore"); a deleted dst is signalled with "del".
Reply store_result(CommandContext& ctx, std::string_view dst, std::unique_ptr<SetValue> result,
                   std::string_view event) {
  if (result->empty()) {
    if (ctx.ks.remove(ctx.db(), dst)) {
      ctx.ks.modified(ctx.db(), dst, kNotifyGeneric, "del");
    } else {
      ctx.ks.propagation().prevent();
    }
    return Reply::integer(0);
  }
  const auto n = static_cast<int64_t>(result->size());
  const Encoding enc = result->encoding();
  ctx.ks.overwrite(ctx.db(), Entry::make_object(dst, ObjType::kSet, enc, std::move(result)),
                   false);
  ctx.ks.modified(ctx.db(), dst, kNotifySet, event);
  return Reply::integer(n);
}

// Visits the members of the intersection (in the smallest set's order), stopping after
// `limit` of them when limit > 0. REQUIRES: no set is null.
void intersect(std::vector<const SetValue*> sets, size_t limit,
               const std::function<void(std::string_view)>& fn) {
  std::stable_sort(sets.begin(), sets.end(),
                   [](const SetValue* a, const SetValue* b) { return a->size() < b->size(); });
  size_t found = 0;
  bool done = false;
  sets[0]->for_each([&](std::string_view m) {
    if (done) return;
    for (size_t i = 1; i < sets.size(); ++i) {
      if (!sets[i]->contains(m)) return;
    }
    fn(m);
    if (limit > 0 && ++found >= limit) done = true;
  });
}

bool any_missing(const std::vector<const SetValue*>& sets) {
  return std::find(sets.begin(), sets.end(), nullptr) != sets.end();
}

Reply sinter_command(CommandContext& ctx, Args argv) {
  auto sets = source_sets(ctx, argv.subspan(1), false);
  if (!sets.ok()) return error_of(sets.status());
  std::vector<Reply> out;
  if (!any_missing(*sets)) {
    intersect(*sets, 0, [&](std::string_view m) { out.push_back(Reply::bulk(m)); });
  }
  return Reply::set(std::move(out));
}

Reply sinterstore_command(CommandContext& ctx, Args argv) {
  auto sets = source_sets(ctx, argv.subspan(2), true);
  if (!sets.ok()) return error_of(sets.status());
  auto result = std::make_unique<SetValue>();
  if (!any_missing(*sets)) {
    const size_t limit = max_intset(ctx.ks);
    intersect(*sets, 0, [&](std::string_view m) { result->add(m, limit); });
  }
  return store_result(ctx, argv[1], std::move(result), "sinterstore");
}

// SINTERCARD numkeys key [key ...] [LIMIT limit]
Reply sintercard_command(CommandContext& ctx, Args argv) {
  auto numkeys = parse_int64(argv[1]);
  if (!numkeys || *numkeys <= 0) return Reply::error(err::kMpopNumkeysNotPositive);
  if (*numkeys > static_cast<int64_t>(argv.size() - 2)) {
    return Reply::error(err::kNumkeysTooMany);
  }
  const auto n = static_cast<size_t>(*numkeys);
  size_t limit = 0;
  for (size_t i = 2 + n; i < argv.size(); i += 2) {
    if (option_is(argv[i], "limit") && i + 1 < argv.size()) {
      auto l = parse_int64(argv[i + 1]);
      if (!l || *l < 0) return Reply::error(err::kLimitNegative);
      limit = static_cast<size_t>(*l);
    } else {
      return syntax_error();
    }
  }
  auto sets = source_sets(ctx, argv.subspan(2, n), false);
  if (!sets.ok()) return error_of(sets.status());
  int64_t count = 0;
  if (!any_missing(*sets)) intersect(*sets, limit, [&](std::string_view) { ++count; });
  return Reply::integer(count);
}

enum class SetOp { kUnion, kDiff };

// The union, or the members of the first set in none of the others, built as Redis builds it:
// an intset that converts as members demand.
std::unique_ptr<SetValue> union_or_diff(const std::vector<const SetValue*>& sets, SetOp op,
                                        size_t limit) {
  auto result = std::make_unique<SetValue>();
  if (op == SetOp::kUnion) {
    for (const SetValue* s : sets) {
      if (s != nullptr) s->for_each([&](std::string_view m) { result->add(m, limit); });
    }
    return result;
  }
  if (sets[0] == nullptr) return result;
  sets[0]->for_each([&](std::string_view m) {
    for (size_t i = 1; i < sets.size(); ++i) {
      if (sets[i] != nullptr && sets[i]->contains(m)) return;
    }
    result->add(m, limit);
  });
  return result;
}

template <SetOp kOp>
Reply union_diff_command(CommandContext& ctx, Args argv) {
  auto sets = source_sets(ctx, argv.subspan(1), false);
  if (!sets.ok()) return error_of(sets.status());
  return members_reply(union_or_diff(*sets, kOp, max_intset(ctx.ks)).get());
}

template <SetOp kOp>
Reply union_diff_store_command(CommandContext& ctx, Args argv) {
  auto sets = source_sets(ctx, argv.subspan(2), true);
  if (!sets.ok()) return error_of(sets.status());
  return store_result(ctx, argv[1], union_or_diff(*sets, kOp, max_intset(ctx.ks)),
                      kOp == SetOp::kUnion ? "sunionstore" : "sdiffstore");
}

// ---- SRANDMEMBER SPOP

// `count` distinct members chosen uniformly, in the set's order (selection sampling).
// REQUIRES: count < size.
std::vector<std::string> distinct_sample(const SetValue& s, size_t count, Random& rnd) {
  const auto all = s.members();
  std::vector<std::string> out;
  out.reserve(count);
  size_t needed = count;
  for (size_t i = 0; i < all.size() && needed > 0; ++i) {
    if (rnd.uniform(all.size() - i) < needed) {
      out.push_back(all[i]);
      --needed;
    }
  }
  return out;
}

// SRANDMEMBER key [count]: the count is checked before the key. count < 0: |count|
// independent picks; count >= size: the whole set in its order; else count distinct members.
// Always an array (never a RESP3 set).
Reply srandmember_command(CommandContext& ctx, Args argv) {
  if (argv.size() > 3) return syntax_error();
  if (argv.size() == 2) {
    auto s = read_set(ctx, argv[1]);
    if (!s.ok()) return error_of(s.status());
    if (*s == nullptr) return Reply::null();
    return Reply::bulk((*s)->random_member(ctx.ks.random().next()));
  }
  auto count = parse_int64(argv[2]);
  if (!count) return Reply::error(err::kNotInteger);
  if (*count == std::numeric_limits<int64_t>::min()) {
    return Reply::error(err::kCountOutOfLongRange);
  }
  auto s = read_set(ctx, argv[1]);
  if (!s.ok()) return error_of(s.status());
  if (*s == nullptr || *count == 0) return Reply::array();
  const SetValue& set = **s;
  Random& rnd = ctx.ks.random();
  std::vector<Reply> out;
  if (*count < 0) {
    const int64_t picks = -*count;
    if (picks > kMaxRandomPicks) return Reply::error(err::kValueOutOfRange);
    out.reserve(static_cast<size_t>(picks));
    for (int64_t i = 0; i < picks; ++i) out.push_back(Reply::bulk(set.random_member(rnd.next())));
    return Reply::array(std::move(out));
  }
  if (static_cast<uint64_t>(*count) >= set.size()) {
    set.for_each([&](std::string_view m) { out.push_back(Reply::bulk(m)); });
    return Reply::array(std::move(out));
  }
  for (auto& m : distinct_sample(set, static_cast<size_t>(*count), rnd)) {
    out.push_back(Reply::bulk(std::move(m)));
  }
  return Reply::array(std::move(out));
}

// SPOP key [count]: the count must be >= 0 and is checked before the key; the reply with a
// count is a RESP3 set. Popping everything deletes the key.
// Propagated as Redis 7.0 does, the random choice made explicit: SREM key member for one
// member, DEL key when the count takes the whole set, else one SREM key member per popped
// member in reply order (the Store wraps them in MULTI/EXEC). Nothing popped: not propagated.
// Events as Redis's: "spop", then "del" when the set went, then the key is signalled.
Reply spop_command(CommandContext& ctx, Args argv) {
  if (argv.size() > 3) return syntax_error();
  std::optional<int64_t> count;
  if (argv.size() == 3) {
    count = parse_int64(argv[2]);
    if (!count || *count < 0) return Reply::error(err::kOutOfRange);
  }
  auto e = write_entry(ctx, argv[1]);
  if (!e.ok()) return error_of(e.status());
  Propagation& prop = ctx.ks.propagation();
  if (*e == nullptr || (count && *count == 0)) {
    prop.prevent();
    return count ? Reply::set() : Reply::null();
  }
  SetValue* s = set_of(*e);
  Random& rnd = ctx.ks.random();
  if (!count) {
    std::string m = s->random_member(rnd.next());
    s->erase(m);
    ctx.ks.notify(kNotifySet, "spop", ctx.db(), argv[1]);
    if (s->empty()) {
      ctx.ks.remove(ctx.db(), argv[1]);
      ctx.ks.notify(kNotifyGeneric, "del", ctx.db(), argv[1]);
    }
    ctx.ks.signal_modified(ctx.db(), argv[1]);
    prop.rewrite({"SREM", argv[1], m});
    return Reply::bulk(std::move(m));
  }
  std::vector<Reply> out;
  ctx.ks.notify(kNotifySet, "spop", ctx.db(), argv[1]);
  if (static_cast<uint64_t>(*count) >= s->size()) {
    s->for_each([&](std::string_view m) { out.push_back(Reply::bulk(m)); });
    ctx.ks.remove(ctx.db(), argv[1]);
    ctx.ks.notify(kNotifyGeneric, "del", ctx.db(), argv[1]);
    ctx.ks.signal_modified(ctx.db(), argv[1]);
    prop.rewrite({"DEL", argv[1]});
    return Reply::set(std::move(out));
  }
  const bool propagate = prop.active();
  for (auto& m : distinct_sample(*s, static_cast<size_t>(*count), rnd)) {
    s->erase(m);
    if (propagate) prop.also(ctx.db(), {"SREM", argv[1], m});
    out.push_back(Reply::bulk(std::move(m)));
  }
  ctx.ks.signal_modified(ctx.db(), argv[1]);
  prop.prevent();
  return Reply::set(std::move(out));
}

// ---- SSCAN

// SSCAN key cursor [MATCH pattern] [COUNT count]: cursor first, then the key (a missing key
// replies an empty scan whatever the options), then the options. An intset is returned whole
// in one call with cursor 0.
Reply sscan_command(CommandContext& ctx, Args argv) {
  auto cursor = scan_cursor(argv[2]);
  if (!cursor) return Reply::error(err::kInvalidCursor);
  auto s = read_set(ctx, argv[1]);
  if (!s.ok()) return error_of(s.status());
  if (*s == nullptr) return Reply::array({Reply::bulk("0"), Reply::array()});
  ScanArgs opts;
  if (auto error = parse_scan_options(argv, 3, &opts)) return *error;
  std::vector<Reply> items;
  auto visit = [&](std::string_view m) {
    if (!opts.matches(m)) return;
    items.push_back(Reply::bulk(m));
  };
  uint64_t next = 0;
  if ((*s)->is_intset()) {
    (*s)->for_each(visit);
  } else {
    next = (*s)->scan(*cursor, opts.count, visit);
  }
  return Reply::array({Reply::bulk(std::to_string(next)), Reply::array(std::move(items))});
}

}  // namespace

void register_set_commands(CommandTable& t) {
  constexpr uint32_t kR = kCmdReadonly;
  FamilyRows add(t, "set");
  add("sadd", -3, kCmdWrite | kCmdDenyOom | kCmdFast, sadd_command, "1.0.0");
  add("srem", -3, kCmdWrite | kCmdFast, srem_command, "1.0.0");
  add("smove", 4, kCmdWrite | kCmdFast, smove_command, "1.0.0", 1, 2);
  add("sismember", 3, kR | kCmdFast, sismember_command, "1.0.0");
  add("smismember", -3, kR | kCmdFast, smismember_command, "6.2.0");
  add("scard", 2, kR | kCmdFast, scard_command, "1.0.0");
  add("smembers", 2, kR, smembers_command, "1.0.0");
  add("srandmember", -2, kR, srandmember_command, "1.0.0");
  add("spop", -2, kCmdWrite | kCmdFast, spop_command, "1.0.0");
  add("sinter", -2, kR, sinter_command, "1.0.0", 1, -1);
  add("sinterstore", -3, kCmdWrite | kCmdDenyOom, sinterstore_command, "1.0.0", 1, -1);
  add("sintercard", -3, kR, sintercard_command, "7.0.0", 0, 0);
  add("sunion", -2, kR, union_diff_command<SetOp::kUnion>, "1.0.0", 1, -1);
  add("sunionstore", -3, kCmdWrite | kCmdDenyOom, union_diff_store_command<SetOp::kUnion>,
      "1.0.0", 1, -1);
  add("sdiff", -2, kR, union_diff_command<SetOp::kDiff>, "1.0.0", 1, -1);
  add("sdiffstore", -3, kCmdWrite | kCmdDenyOom, union_diff_store_command<SetOp::kDiff>,
      "1.0.0", 1, -1);
  add("sscan", -3, kR, sscan_command, "2.8.0");
}

}  // namespace kevy
