// List commands: LPUSH RPUSH LPUSHX RPUSHX LLEN LRANGE LINDEX LPOP RPOP LSET LINSERT LREM LTRIM
// LPOS RPOPLPUSH LMOVE LMPOP and the non-blocking behaviour of BLPOP BRPOP BRPOPLPUSH BLMOVE
// BLMPOP (see lists.h).
#include "commands/lists.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "commands/args.h"
#include "commands/blocking_args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "core/numbers.h"

namespace kevy {
namespace {

ListObject* list_of(Entry* e) { return static_cast<ListObject*>(e->object()); }

Reply error_of(const Status& s) { return Reply::error(s.message()); }

// The pop a blocking or multi-key pop propagates as: LPOP|RPOP key [count].
void propagate_pop(CommandContext& ctx, ListEnd end, std::string_view key,
                   std::optional<uint64_t> count) {
  Propagation& prop = ctx.ks.propagation();
  if (!prop.active()) return;
  const std::string_view name = end == ListEnd::kHead ? "LPOP" : "RPOP";
  if (count) {
    prop.rewrite({name, key, std::to_string(*count)});
  } else {
    prop.rewrite({name, key});
  }
}

// The list at key for reading or writing: nullptr (and ok) when missing, WRONGTYPE otherwise.
Result<ListObject*> find_list(CommandContext& ctx, std::string_view key, bool write) {
  Entry* e = write ? ctx.ks.lookup_write(ctx.db(), key) : ctx.ks.lookup_read(ctx.db(), key);
  if (e == nullptr) return static_cast<ListObject*>(nullptr);
  if (e->type() != ObjType::kList) return Status::command_error(err::kWrongType);
  return list_of(e);
}

ListObject* create_list(CommandContext& ctx, std::string_view key) {
  auto obj = std::make_unique<ListObject>();
  ListObject* raw = obj.get();
  ctx.ks.add(ctx.db(),
             Entry::make_object(key, ObjType::kList, Encoding::kQuicklist, std::move(obj)));
  return raw;
}

// Deletes the key when its list became empty (Redis never keeps an empty list) and publishes
// the generic "del" event then.
void drop_if_empty(CommandContext& ctx, std::string_view key, const ListObject* l) {
  if (!l->empty()) return;
  ctx.ks.remove(ctx.db(), key);
  ctx.ks.notify(kNotifyGeneric, "del", ctx.db(), key);
}

std::string_view push_event(ListEnd end) { return end == ListEnd::kHead ? "lpush" : "rpush"; }

// After elements were popped from `end` of the list at key (LPOP RPOP LMPOP the blocking pops
// and LMOVE's source), as Redis's listElementsRemoved: "lpop"/"rpop", then the key is deleted
// with "del" when emptied, then the key is signalled.
void elements_removed(CommandContext& ctx, std::string_view key, const ListObject* l,
                      ListEnd end) {
  ctx.ks.notify(kNotifyList, end == ListEnd::kHead ? "lpop" : "rpop", ctx.db(), key);
  drop_if_empty(ctx, key, l);
  ctx.ks.signal_modified(ctx.db(), key);
}

// Redis's LRANGE/LTRIM index normalisation: [start, start + len) of a list of length llen;
// len == 0 when the range is empty.
std::pair<size_t, size_t> clamp_range(int64_t start, int64_t stop, size_t llen) {
  const int64_t n = static_cast<int64_t>(llen);
  if (start < 0) start = n + start;
  if (stop < 0) stop = n + stop;
  if (start < 0) start = 0;
  if (start > stop || start >= n) return {0, 0};
  if (stop >= n) stop = n - 1;
  return {static_cast<size_t>(start), static_cast<size_t>(stop - start + 1)};
}

// Element `index` (negative counts from the tail) or nullopt when out of range.
std::optional<size_t> normalize_index(int64_t index, size_t llen) {
  const int64_t n = static_cast<int64_t>(llen);
  if (index < 0) index = n + index;
  if (index < 0 || index >= n) return std::nullopt;
  return static_cast<size_t>(index);
}

Reply array_of(const ListObject* l, size_t start, size_t len) {
  std::vector<Reply> out;
  out.reserve(len);
  if (len > 0) {
    l->visit(start, false, [&](size_t, std::string_view v) {
      out.push_back(Reply::bulk(v));
      return out.size() < len;
    });
  }
  return Reply::array(std::move(out));
}

// Pops up to n elements from `end` of the list at key, deleting the key when emptied.
Reply pop_many(CommandContext& ctx, std::string_view key, ListObject* l, ListEnd end,
               uint64_t n) {
  std::vector<Reply> out;
  const uint64_t take = std::min<uint64_t>(n, l->size());
  out.reserve(take);
  for (uint64_t i = 0; i < take; ++i) out.push_back(Reply::bulk(l->pop(end)));
  elements_removed(ctx, key, l, end);
  return Reply::array(std::move(out));
}

std::optional<ListEnd> parse_end(std::string_view s) {
  if (eq_ci(s, "left")) return ListEnd::kHead;
  if (eq_ci(s, "right")) return ListEnd::kTail;
  return std::nullopt;
}

// ---- LPUSH RPUSH LPUSHX RPUSHX LLEN

// LPUSHX/RPUSHX on a missing key (reply 0) is not propagated.
template <ListEnd kEnd, bool kCreate>
Reply push_command(CommandContext& ctx, Args argv) {
  auto r = list_push(ctx, argv[1], argv.subspan(2), kEnd, kCreate);
  if (!r.ok()) return error_of(r.status());
  if (*r == 0) ctx.ks.propagation().prevent();
  return Reply::integer(*r);
}

Reply llen_command(CommandContext& ctx, Args argv) {
  auto r = list_length(ctx, argv[1]);
  return r.ok() ? Reply::integer(*r) : error_of(r.status());
}

// ---- LRANGE LINDEX LSET

Reply lrange_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto start = int_arg(argv[2], &error);
  if (!start) return error;
  auto stop = int_arg(argv[3], &error);
  if (!stop) return error;
  auto l = find_list(ctx, argv[1], false);
  if (!l.ok()) return error_of(l.status());
  if (*l == nullptr) return Reply::array();
  auto [from, len] = clamp_range(*start, *stop, (*l)->size());
  return array_of(*l, from, len);
}

Reply lindex_command(CommandContext& ctx, Args argv) {
  auto l = find_list(ctx, argv[1], false);
  if (!l.ok()) return error_of(l.status());
  if (*l == nullptr) return Reply::null();
  Reply error;
  auto index = int_arg(argv[2], &error);
  if (!index) return error;
  auto i = normalize_index(*index, (*l)->size());
  if (!i) return Reply::null();
  return Reply::bulk((*l)->at(*i));
}

Reply lset_command(CommandContext& ctx, Args argv) {
  auto l = find_list(ctx, argv[1], true);
  if (!l.ok()) return error_of(l.status());
  if (*l == nullptr) return Reply::error(err::kNoSuchKey);
  Reply error;
  auto index = int_arg(argv[2], &error);
  if (!index) return error;
  auto i = normalize_index(*index, (*l)->size());
  if (!i) return Reply::error(err::kListIndexOutOfRange);
  (*l)->set(*i, argv[3]);
  ctx.ks.modified(ctx.db(), argv[1], kNotifyList, "lset");
  return Reply::ok();
}

// ---- LPOP RPOP

// A missing key or COUNT 0 pops nothing and is not propagated.
template <ListEnd kEnd>
Reply pop_command(CommandContext& ctx, Args argv) {
  if (argv.size() > 3) {
    return Reply::error(err::wrong_arity(kEnd == ListEnd::kHead ? "lpop" : "rpop"));
  }
  const bool has_count = argv.size() == 3;
  int64_t count = 0;
  if (has_count) {
    auto c = parse_int64(argv[2]);
    if (!c || *c < 0) return Reply::error(err::kOutOfRange);
    count = *c;
  }
  auto l = find_list(ctx, argv[1], true);
  if (!l.ok()) return error_of(l.status());
  if (*l == nullptr || (has_count && count == 0)) ctx.ks.propagation().prevent();
  if (*l == nullptr) return has_count ? Reply::null_array() : Reply::null();
  if (!has_count) {
    Reply r = Reply::bulk((*l)->pop(kEnd));
    elements_removed(ctx, argv[1], *l, kEnd);
    return r;
  }
  if (count == 0) return Reply::array();
  return pop_many(ctx, argv[1], *l, kEnd, static_cast<uint64_t>(count));
}

// ---- LINSERT LREM LTRIM (not propagated when they change nothing)

Reply linsert_command(CommandContext& ctx, Args argv) {
  bool after;
  if (eq_ci(argv[2], "after")) {
    after = true;
  } else if (eq_ci(argv[2], "before")) {
    after = false;
  } else {
    return syntax_error();
  }
  auto l = find_list(ctx, argv[1], true);
  if (!l.ok()) return error_of(l.status());
  if (*l == nullptr) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  std::optional<size_t> pivot;
  (*l)->visit(0, false, [&](size_t i, std::string_view v) {
    if (v != argv[3]) return true;
    pivot = i;
    return false;
  });
  if (!pivot) {
    ctx.ks.propagation().prevent();
    return Reply::integer(-1);
  }
  (*l)->insert(*pivot + (after ? 1 : 0), argv[4]);
  ctx.ks.modified(ctx.db(), argv[1], kNotifyList, "linsert");
  return Reply::integer(static_cast<int64_t>((*l)->size()));
}

Reply lrem_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto count = int_arg(argv[2], &error);
  if (!count) return error;
  auto l = find_list(ctx, argv[1], true);
  if (!l.ok()) return error_of(l.status());
  if (*l == nullptr) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  size_t removed = (*l)->remove(argv[3], *count);
  if (removed == 0) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  ctx.ks.notify(kNotifyList, "lrem", ctx.db(), argv[1]);
  drop_if_empty(ctx, argv[1], *l);
  ctx.ks.signal_modified(ctx.db(), argv[1]);
  return Reply::integer(static_cast<int64_t>(removed));
}

Reply ltrim_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto start = int_arg(argv[2], &error);
  if (!start) return error;
  auto stop = int_arg(argv[3], &error);
  if (!stop) return error;
  auto l = find_list(ctx, argv[1], true);
  if (!l.ok()) return error_of(l.status());
  if (*l == nullptr) {
    ctx.ks.propagation().prevent();
    return Reply::ok();
  }
  const size_t llen = (*l)->size();
  auto [from, len] = clamp_range(*start, *stop, llen);
  if (len == llen) ctx.ks.propagation().prevent();  // nothing trimmed
  if (len == 0) {
    (*l)->erase(0, llen);
  } else {
    (*l)->erase(from + len, llen - from - len);
    (*l)->erase(0, from);
  }
  // Redis publishes "ltrim" and signals the key even when nothing was trimmed.
  ctx.ks.notify(kNotifyList, "ltrim", ctx.db(), argv[1]);
  drop_if_empty(ctx, argv[1], *l);
  ctx.ks.signal_modified(ctx.db(), argv[1]);
  return Reply::ok();
}

// ---- LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]

Reply lpos_command(CommandContext& ctx, Args argv) {
  int64_t rank = 1;
  int64_t count = 0;
  bool has_count = false;
  int64_t maxlen = 0;
  for (size_t j = 3; j < argv.size(); ++j) {
    const bool more = j + 1 < argv.size();
    if (eq_ci(argv[j], "rank") && more) {
      Reply error;
      auto v = int_arg(argv[++j], &error);
      if (!v) return error;
      if (*v == 0) return Reply::error(err::kLposRankZero);
      rank = *v;
    } else if (eq_ci(argv[j], "count") && more) {
      auto v = parse_int64(argv[++j]);
      if (!v || *v < 0) return Reply::error(err::kLposCountNegative);
      count = *v;
      has_count = true;
    } else if (eq_ci(argv[j], "maxlen") && more) {
      auto v = parse_int64(argv[++j]);
      if (!v || *v < 0) return Reply::error(err::kLposMaxlenNegative);
      maxlen = *v;
    } else {
      return syntax_error();
    }
  }
  auto l = find_list(ctx, argv[1], false);
  if (!l.ok()) return error_of(l.status());
  if (*l == nullptr || (*l)->empty()) return has_count ? Reply::array() : Reply::null();
  const bool reverse = rank < 0;
  // Redis negates a negative rank; LLONG_MIN stays negative and then every match qualifies,
  // which is rank 1 from the tail.
  uint64_t want = rank == std::numeric_limits<int64_t>::min() ? 1
                  : reverse ? static_cast<uint64_t>(-rank)
                            : static_cast<uint64_t>(rank);
  const ListObject* list = *l;
  std::vector<Reply> found;
  std::optional<size_t> first;
  uint64_t matches = 0;
  uint64_t visited = 0;
  list->visit(reverse ? list->size() - 1 : 0, reverse, [&](size_t i, std::string_view v) {
    if (maxlen != 0 && visited >= static_cast<uint64_t>(maxlen)) return false;
    ++visited;
    if (v != argv[2]) return true;
    if (++matches < want) return true;
    if (!has_count) {
      first = i;
      return false;
    }
    found.push_back(Reply::integer(static_cast<int64_t>(i)));
    return count == 0 || found.size() < static_cast<uint64_t>(count);
  });
  if (has_count) return Reply::array(std::move(found));
  return first ? Reply::integer(static_cast<int64_t>(*first)) : Reply::null();
}

// ---- RPOPLPUSH LMOVE (and their blocking forms)

// LMOVE's core: pops from `from` of src and pushes at `to` of dst. nullopt when src is
// missing. WRONGTYPE when either key holds another type (dst checked only when src exists).
// Events as Redis's: dst is signalled and gets "lpush"/"rpush" first, then src gets
// "lpop"/"rpop" (and "del" when emptied) and is signalled.
Result<std::optional<std::string>> move_element(CommandContext& ctx, std::string_view src,
                                                std::string_view dst, ListEnd from, ListEnd to) {
  auto s = find_list(ctx, src, true);
  if (!s.ok()) return s.status();
  if (*s == nullptr) return std::optional<std::string>();
  auto d = find_list(ctx, dst, true);
  if (!d.ok()) return d.status();
  std::string value = (*s)->pop(from);
  ListObject* target = *d != nullptr ? *d : create_list(ctx, dst);
  ctx.ks.signal_modified(ctx.db(), dst);
  target->push(to, value);
  ctx.ks.notify(kNotifyList, push_event(to), ctx.db(), dst);
  elements_removed(ctx, src, *s, from);
  return std::optional<std::string>(std::move(value));
}

// A missing source moves nothing and is not propagated.
// blocking_ms: the timeout of BRPOPLPUSH/BLMOVE, nullopt for the non-blocking forms.
Reply move_reply(CommandContext& ctx, Args argv, ListEnd from, ListEnd to,
                 std::optional<int64_t> blocking_ms) {
  auto r = move_element(ctx, argv[1], argv[2], from, to);
  if (!r.ok()) return error_of(r.status());
  if (!*r) {
    ctx.ks.propagation().prevent();
    if (!blocking_ms) return Reply::null();
    return block_on(ctx, ReadyType::kList, argv.subspan(1, 1), *blocking_ms, Reply::null());
  }
  return Reply::bulk(std::move(**r));
}

Reply rpoplpush_command(CommandContext& ctx, Args argv) {
  return move_reply(ctx, argv, ListEnd::kTail, ListEnd::kHead, std::nullopt);
}

// Propagated as RPOPLPUSH src dst.
Reply brpoplpush_command(CommandContext& ctx, Args argv) {
  int64_t ms = 0;
  if (auto e = check_timeout(argv[3], &ms)) return *e;
  ctx.ks.propagation().rewrite({"RPOPLPUSH", argv[1], argv[2]});
  return move_reply(ctx, argv, ListEnd::kTail, ListEnd::kHead, ms);
}

Reply lmove_command(CommandContext& ctx, Args argv) {
  auto from = parse_end(argv[3]);
  auto to = parse_end(argv[4]);
  if (!from || !to) return syntax_error();
  return move_reply(ctx, argv, *from, *to, std::nullopt);
}

// Propagated as LMOVE src dst wherefrom whereto (the directions as typed).
Reply blmove_command(CommandContext& ctx, Args argv) {
  auto from = parse_end(argv[3]);
  auto to = parse_end(argv[4]);
  if (!from || !to) return syntax_error();
  int64_t ms = 0;
  if (auto e = check_timeout(argv[5], &ms)) return *e;
  ctx.ks.propagation().rewrite({"LMOVE", argv[1], argv[2], argv[3], argv[4]});
  return move_reply(ctx, argv, *from, *to, ms);
}

// ---- BLPOP BRPOP

// Propagated as LPOP|RPOP key (the key popped); nothing popped is not propagated.
template <ListEnd kEnd>
Reply bpop_command(CommandContext& ctx, Args argv) {
  int64_t ms = 0;
  if (auto e = check_timeout(argv.back(), &ms)) return *e;
  for (size_t j = 1; j + 1 < argv.size(); ++j) {
    auto l = find_list(ctx, argv[j], true);
    if (!l.ok()) return error_of(l.status());
    if (*l == nullptr) continue;
    std::vector<Reply> out;
    out.push_back(Reply::bulk(argv[j]));
    out.push_back(Reply::bulk((*l)->pop(kEnd)));
    elements_removed(ctx, argv[j], *l, kEnd);
    propagate_pop(ctx, kEnd, argv[j], std::nullopt);
    return Reply::array(std::move(out));
  }
  ctx.ks.propagation().prevent();
  return block_on(ctx, ReadyType::kList, argv.subspan(1, argv.size() - 2), ms, would_block());
}

// ---- LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]
// ---- BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]

// Parses from argv[numkeys_idx] on; the arguments are checked before the timeout. Propagated
// as LPOP|RPOP key count with the number popped; nothing popped is not propagated.
Reply mpop(CommandContext& ctx, Args argv, size_t numkeys_idx, bool blocking) {
  auto numkeys = parse_int64(argv[numkeys_idx]);
  if (!numkeys || *numkeys <= 0) return Reply::error(err::kMpopNumkeysNotPositive);
  const uint64_t nk = static_cast<uint64_t>(*numkeys);
  if (nk > argv.size() - numkeys_idx - 2) return syntax_error();
  const size_t where_idx = numkeys_idx + 1 + static_cast<size_t>(nk);
  auto end = parse_end(argv[where_idx]);
  if (!end) return syntax_error();
  int64_t count = -1;
  for (size_t j = where_idx + 1; j < argv.size(); ++j) {
    if (count == -1 && eq_ci(argv[j], "count") && j + 1 < argv.size()) {
      auto c = parse_int64(argv[++j]);
      if (!c || *c <= 0) return Reply::error(err::kMpopCountNotPositive);
      count = *c;
    } else {
      return syntax_error();
    }
  }
  int64_t ms = 0;
  if (blocking) {
    if (auto e = check_timeout(argv[1], &ms)) return *e;
  }
  for (size_t j = numkeys_idx + 1; j < where_idx; ++j) {
    auto l = find_list(ctx, argv[j], true);
    if (!l.ok()) return error_of(l.status());
    if (*l == nullptr) continue;
    std::vector<Reply> out;
    out.push_back(Reply::bulk(argv[j]));
    const uint64_t n = count == -1 ? 1 : static_cast<uint64_t>(count);
    propagate_pop(ctx, *end, argv[j], std::min<uint64_t>(n, (*l)->size()));
    out.push_back(pop_many(ctx, argv[j], *l, *end, n));
    return Reply::array(std::move(out));
  }
  ctx.ks.propagation().prevent();
  if (!blocking) return Reply::null_array();
  return block_on(ctx, ReadyType::kList, argv.subspan(numkeys_idx + 1, nk), ms, would_block());
}

Reply lmpop_command(CommandContext& ctx, Args argv) { return mpop(ctx, argv, 1, false); }
Reply blmpop_command(CommandContext& ctx, Args argv) { return mpop(ctx, argv, 2, true); }

}  // namespace

Result<int64_t> list_push(CommandContext& ctx, std::string_view key, Args values, ListEnd end,
                          bool create) {
  auto l = find_list(ctx, key, true);
  if (!l.ok()) return l.status();
  ListObject* list = *l;
  if (list == nullptr) {
    if (!create || values.empty()) return int64_t{0};
    list = create_list(ctx, key);
  }
  for (std::string_view v : values) list->push(end, v);
  ctx.ks.modified(ctx.db(), key, kNotifyList, push_event(end));
  return static_cast<int64_t>(list->size());
}

Result<int64_t> list_length(CommandContext& ctx, std::string_view key) {
  auto l = find_list(ctx, key, false);
  if (!l.ok()) return l.status();
  return *l == nullptr ? int64_t{0} : static_cast<int64_t>((*l)->size());
}

Result<std::vector<std::string>> list_range(CommandContext& ctx, std::string_view key,
                                            int64_t start, int64_t stop) {
  auto l = find_list(ctx, key, false);
  if (!l.ok()) return l.status();
  std::vector<std::string> out;
  if (*l == nullptr) return out;
  // Named copies, not structured bindings: C++20 (clang 14) lambdas cannot capture bindings.
  const auto range = clamp_range(start, stop, (*l)->size());
  const auto from = range.first;
  const auto len = range.second;
  out.reserve(len);
  if (len > 0) {
    (*l)->visit(from, false, [&](size_t, std::string_view v) {
      out.emplace_back(v);
      return out.size() < len;
    });
  }
  return out;
}

void register_list_commands(CommandTable& t) {
  constexpr uint32_t kW = kCmdWrite | kCmdDenyOom;
  constexpr uint32_t kR = kCmdReadonly;
  constexpr uint32_t kB = kCmdWrite | kCmdNoscript | kCmdBlocking;
  FamilyRows add(t, "list");
  add("lpush", -3, kW | kCmdFast, push_command<ListEnd::kHead, true>, "1.0.0");
  add("rpush", -3, kW | kCmdFast, push_command<ListEnd::kTail, true>, "1.0.0");
  add("lpushx", -3, kW | kCmdFast, push_command<ListEnd::kHead, false>, "2.2.0");
  add("rpushx", -3, kW | kCmdFast, push_command<ListEnd::kTail, false>, "2.2.0");
  add("llen", 2, kR | kCmdFast, llen_command, "1.0.0");
  add("lrange", 4, kR, lrange_command, "1.0.0");
  add("lindex", 3, kR, lindex_command, "1.0.0");
  add("lpop", -2, kCmdWrite | kCmdFast, pop_command<ListEnd::kHead>, "1.0.0");
  add("rpop", -2, kCmdWrite | kCmdFast, pop_command<ListEnd::kTail>, "1.0.0");
  add("lset", 4, kW, lset_command, "1.0.0");
  add("linsert", 5, kW, linsert_command, "2.2.0");
  add("lrem", 4, kCmdWrite, lrem_command, "1.0.0");
  add("ltrim", 4, kCmdWrite, ltrim_command, "1.0.0");
  add("lpos", -3, kR, lpos_command, "6.0.6");
  add("rpoplpush", 3, kW, rpoplpush_command, "1.2.0", 1, 2);
  add("lmove", 5, kW, lmove_command, "6.2.0", 1, 2);
  add("lmpop", -4, kCmdWrite, lmpop_command, "7.0.0", 0, 0);
  add("blpop", -3, kB, bpop_command<ListEnd::kHead>, "2.0.0", 1, -2);
  add("brpop", -3, kB, bpop_command<ListEnd::kTail>, "2.0.0", 1, -2);
  add("brpoplpush", 4, kB | kCmdDenyOom, brpoplpush_command, "2.2.0", 1, 2);
  add("blmove", 6, kB | kCmdDenyOom, blmove_command, "6.2.0", 1, 2);
  add("blmpop", -5, kCmdWrite | kCmdBlocking, blmpop_command, "7.0.0", 0, 0);
}

}  // namespace kevy
