// Sorted-set commands (part B): ZPOPMIN ZPOPMAX ZMPOP BZPOPMIN BZPOPMAX BZMPOP ZRANDMEMBER
// ZUNION ZINTER ZDIFF ZUNIONSTORE ZINTERSTORE ZDIFFSTORE ZINTERCARD ZSCAN, as redis-server
// 7.0.15 (see zsets_ops.h).
#include "commands/zsets_ops.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "commands/args.h"
#include "commands/blocking_args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "commands/scan_args.h"
#include "commands/zset_support.h"
#include "commands/zsets.h"
#include "core/numbers.h"
#include "types/set.h"
#include "types/zset.h"

namespace kevy {
namespace {

constexpr int64_t kLongMax = std::numeric_limits<int64_t>::max();

Reply error_of(const Status& s) { return Reply::error(s.message()); }

// Redis matches option names with strcasecmp: the argument ends at its first NUL byte.
bool option_is(std::string_view arg, std::string_view name) {
  return eq_ci(arg.substr(0, arg.find('\0')), name);
}

// Appends one member with its score: RESP3 (`nested`) as a [member, score] pair, else flat.
void append_scored(std::vector<Reply>& out, std::string_view member, double score, bool nested) {
  if (nested) {
    out.push_back(Reply::array({Reply::bulk(member), score_reply(score)}));
  } else {
    out.push_back(Reply::bulk(member));
    out.push_back(score_reply(score));
  }
}

// Members with their scores, nested pairs or flat.
Reply scored_reply(const ZsetPairs& items, bool nested) {
  std::vector<Reply> out;
  out.reserve(items.size() * (nested ? 1 : 2));
  for (const auto& [m, s] : items) append_scored(out, m, s, nested);
  return Reply::array(std::move(out));
}

// Every item of z in ascending order, members copied.
ZsetPairs all_items(const ZsetValue& z) {
  ZsetPairs out;
  out.reserve(z.size());
  z.for_each([&](const ZsetItem& it) { out.emplace_back(std::string(it.member), it.score); });
  return out;
}

// ---- ZPOPMIN ZPOPMAX ZMPOP BZPOPMIN BZPOPMAX BZMPOP

enum class ZEnd { kMin, kMax };

std::optional<ZEnd> parse_end(std::string_view arg) {
  if (option_is(arg, "min")) return ZEnd::kMin;
  if (option_is(arg, "max")) return ZEnd::kMax;
  return std::nullopt;
}

// Removes up to `count` members from the `end` of the zset in e (the entry of key) and returns
// them in pop order (ascending from MIN, descending from MAX); deletes the key when emptied.
// Events as Redis's: "zpopmin"/"zpopmax", then "del" when emptied, then the key is signalled.
// REQUIRES: count >= 1 and the zset is not empty.
ZsetPairs pop_members(CommandContext& ctx, std::string_view key, Entry* e, ZEnd end,
                      uint64_t count) {
  ZsetValue* z = zset_of(e);
  const size_t n = static_cast<size_t>(std::min<uint64_t>(count, z->size()));
  const size_t from = end == ZEnd::kMin ? 0 : z->size() - n;
  const size_t to = from + n - 1;
  ZsetPairs out;
  out.reserve(n);
  z->for_ranks(from, to, end == ZEnd::kMax, [&](const ZsetItem& it) {
    out.emplace_back(std::string(it.member), it.score);
    return true;
  });
  z->erase_ranks(from, to);
  const bool key_removed = after_zset_write(ctx, key, e);
  ctx.ks.notify(kNotifyZset, end == ZEnd::kMin ? "zpopmin" : "zpopmax", ctx.db(), key);
  if (key_removed) ctx.ks.notify(kNotifyGeneric, "del", ctx.db(), key);
  ctx.ks.signal_modified(ctx.db(), key);
  return out;
}

// The first of keys that exists (looked up for writing, in order) with its index in keys, or
// a null entry when none does; WRONGTYPE when that key holds another type.
Result<std::pair<size_t, Entry*>> first_zset(CommandContext& ctx, Args keys) {
  for (size_t i = 0; i < keys.size(); ++i) {
    auto e = write_zset_entry(ctx, keys[i]);
    if (!e.ok()) return e.status();
    if (*e != nullptr) return std::make_pair(i, *e);
  }
  return std::make_pair(keys.size(), static_cast<Entry*>(nullptr));
}

// ZPOPMIN|ZPOPMAX key [count]: the count (>= 0) is checked before the key. Without a count the
// reply is a flat [member, score]; with one RESP3 nests the pairs. A missing key or count 0
// replies an empty array and is not propagated.
template <ZEnd kEnd>
Reply zpop_command(CommandContext& ctx, Args argv) {
  if (argv.size() > 3) return syntax_error();
  std::optional<int64_t> count;
  if (argv.size() == 3) {
    count = parse_int64(argv[2]);
    if (!count || *count < 0) return Reply::error(err::kOutOfRange);
  }
  auto e = write_zset_entry(ctx, argv[1]);
  if (!e.ok()) return error_of(e.status());
  if (*e == nullptr || (count && *count == 0)) {
    ctx.ks.propagation().prevent();
    return Reply::array();
  }
  const bool nested = count.has_value() && ctx.resp3();
  const auto n = static_cast<uint64_t>(count.value_or(1));
  return scored_reply(pop_members(ctx, argv[1], *e, kEnd, n), nested);
}

// BZPOPMIN|BZPOPMAX key [key ...] timeout: the timeout is checked first. Replies
// [key, member, score] from the first non-empty key. Propagated as ZPOPMIN|ZPOPMAX key.
template <ZEnd kEnd>
Reply bzpop_command(CommandContext& ctx, Args argv) {
  int64_t ms = 0;
  if (auto e = check_timeout(argv.back(), &ms)) return *e;
  auto found = first_zset(ctx, argv.subspan(1, argv.size() - 2));
  if (!found.ok()) return error_of(found.status());
  const auto [index, entry] = *found;
  if (entry == nullptr) {
    ctx.ks.propagation().prevent();
    return block_on(ctx, ReadyType::kZset, argv.subspan(1, argv.size() - 2), ms, would_block());
  }
  const std::string_view key = argv[1 + index];
  ctx.ks.propagation().rewrite({kEnd == ZEnd::kMin ? "ZPOPMIN" : "ZPOPMAX", key});
  std::vector<Reply> out;
  out.push_back(Reply::bulk(key));
  for (const auto& [m, s] : pop_members(ctx, key, entry, kEnd, 1)) append_scored(out, m, s, false);
  return Reply::array(std::move(out));
}

// ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]
// BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]
// Parses from argv[numkeys_idx] on; the arguments are checked before the timeout, the timeout
// before the keys. Replies [key, [[member, score] ...]] or a null array. Propagated as
// ZPOPMIN|ZPOPMAX key count with the number popped; nothing popped is not propagated.
Reply mpop(CommandContext& ctx, Args argv, size_t numkeys_idx, bool blocking) {
  auto numkeys = parse_int64(argv[numkeys_idx]);
  if (!numkeys || *numkeys <= 0) return Reply::error(err::kMpopNumkeysNotPositive);
  // The arity guarantees argv.size() >= numkeys_idx + 3.
  if (static_cast<uint64_t>(*numkeys) > argv.size() - numkeys_idx - 2) return syntax_error();
  const auto n = static_cast<size_t>(*numkeys);
  const size_t where_idx = numkeys_idx + 1 + n;
  auto end = parse_end(argv[where_idx]);
  if (!end) return syntax_error();
  std::optional<int64_t> count;
  for (size_t j = where_idx + 1; j < argv.size(); ++j) {
    if (!count && option_is(argv[j], "count") && j + 1 < argv.size()) {
      count = parse_int64(argv[++j]);
      if (!count || *count <= 0) return Reply::error(err::kMpopCountNotPositive);
    } else {
      return syntax_error();
    }
  }
  int64_t ms = 0;
  if (blocking) {
    if (auto e = check_timeout(argv[1], &ms)) return *e;
  }
  auto found = first_zset(ctx, argv.subspan(numkeys_idx + 1, n));
  if (!found.ok()) return error_of(found.status());
  const auto [index, entry] = *found;
  if (entry == nullptr) {
    ctx.ks.propagation().prevent();
    if (!blocking) return Reply::null_array();
    return block_on(ctx, ReadyType::kZset, argv.subspan(numkeys_idx + 1, n), ms, would_block());
  }
  const std::string_view key = argv[numkeys_idx + 1 + index];
  const auto pops = static_cast<uint64_t>(count.value_or(1));
  const ZsetPairs items = pop_members(ctx, key, entry, *end, pops);
  Propagation& prop = ctx.ks.propagation();
  if (prop.active()) {
    prop.rewrite({*end == ZEnd::kMin ? "ZPOPMIN" : "ZPOPMAX", key, std::to_string(items.size())});
  }
  Reply popped = scored_reply(items, true);
  return Reply::array({Reply::bulk(key), std::move(popped)});
}

Reply zmpop_command(CommandContext& ctx, Args argv) { return mpop(ctx, argv, 1, false); }
Reply bzmpop_command(CommandContext& ctx, Args argv) { return mpop(ctx, argv, 2, true); }

// ---- ZRANDMEMBER

// `count` distinct ranks of [0, size) chosen uniformly: in ascending order by selection
// sampling when they are a good part of the zset, else in the order drawn.
// REQUIRES: count < size.
std::vector<size_t> distinct_ranks(size_t size, size_t count, Random& rnd) {
  std::vector<size_t> out;
  out.reserve(count);
  if (count * 3 > size) {
    size_t needed = count;
    for (size_t i = 0; i < size && needed > 0; ++i) {
      if (rnd.uniform(size - i) < needed) {
        out.push_back(i);
        --needed;
      }
    }
    return out;
  }
  std::unordered_set<size_t> drawn;
  while (out.size() < count) {
    const auto r = static_cast<size_t>(rnd.uniform(size));
    if (drawn.insert(r).second) out.push_back(r);
  }
  return out;
}

// ZRANDMEMBER key count [WITHSCORES]: the count and options are checked before the key.
// count < 0 or count == 1: |count| independent picks; count >= size: the whole zset from the
// highest score down; otherwise `count` distinct members.
Reply zrandmember_with_count(CommandContext& ctx, Args argv) {
  auto count = parse_int64(argv[2]);
  if (!count) return Reply::error(err::kNotInteger);
  if (*count == std::numeric_limits<int64_t>::min()) {
    return Reply::error(err::kCountOutOfLongRange);
  }
  if (argv.size() > 4 || (argv.size() == 4 && !option_is(argv[3], "withscores"))) {
    return syntax_error();
  }
  const bool with_scores = argv.size() == 4;
  if (with_scores && (*count < -kLongMax / 2 || *count > kLongMax / 2)) {
    return Reply::error(err::kValueOutOfRange);
  }
  auto z = read_zset(ctx, argv[1]);
  if (!z.ok()) return error_of(z.status());
  if (*z == nullptr || *count == 0) return Reply::array();
  const ZsetValue& zset = **z;
  const bool nested = ctx.resp3();
  std::vector<Reply> out;
  auto add = [&](std::string_view m, double s) {
    if (with_scores) {
      append_scored(out, m, s, nested);
    } else {
      out.push_back(Reply::bulk(m));
    }
  };
  Random& rnd = ctx.ks.random();
  if (*count < 0 || *count == 1) {
    const int64_t picks = *count < 0 ? -*count : 1;
    if (picks > kMaxRandomPicks) return Reply::error(err::kValueOutOfRange);
    out.reserve(static_cast<size_t>(picks) * (with_scores && !nested ? 2 : 1));
    if (zset.is_listpack()) {  // rank access is linear in a listpack: index a copy
      const ZsetPairs all = all_items(zset);
      for (int64_t i = 0; i < picks; ++i) {
        const auto& [m, s] = all[rnd.uniform(all.size())];
        add(m, s);
      }
    } else {
      for (int64_t i = 0; i < picks; ++i) {
        const ZsetItem it = zset.random_item(rnd.next());
        add(it.member, it.score);
      }
    }
    return Reply::array(std::move(out));
  }
  const size_t size = zset.size();
  if (static_cast<uint64_t>(*count) >= size) {
    zset.for_ranks(0, size - 1, /*reverse=*/true, [&](const ZsetItem& it) {
      add(it.member, it.score);
      return true;
    });
    return Reply::array(std::move(out));
  }
  const auto ranks = distinct_ranks(size, static_cast<size_t>(*count), rnd);
  if (zset.is_listpack()) {
    const ZsetPairs all = all_items(zset);
    for (size_t r : ranks) add(all[r].first, all[r].second);
  } else {
    for (size_t r : ranks) {
      const ZsetItem it = zset.at(r);
      add(it.member, it.score);
    }
  }
  return Reply::array(std::move(out));
}

// ZRANDMEMBER key [count [WITHSCORES]]
Reply zrandmember_command(CommandContext& ctx, Args argv) {
  if (argv.size() >= 3) return zrandmember_with_count(ctx, argv);
  auto z = read_zset(ctx, argv[1]);
  if (!z.ok()) return error_of(z.status());
  if (*z == nullptr) return Reply::null();
  return Reply::bulk((*z)->random_item(ctx.ks.random().next()).member);
}

// ---- ZUNION ZINTER ZDIFF ZUNIONSTORE ZINTERSTORE ZDIFFSTORE ZINTERCARD

enum class SetOp { kUnion, kInter, kDiff };
enum class Aggregate { kSum, kMin, kMax };
// What the command replies: the members, the stored count, or ZINTERCARD's cardinality.
enum class SetOpForm { kReply, kStore, kCard };

// One input: a zset, a plain set (every member scores 1) or a missing key (empty).
struct OpInput {
  const ZsetValue* zset = nullptr;
  const SetValue* set = nullptr;
  double weight = 1;

  size_t size() const {
    if (zset != nullptr) return zset->size();
    return set != nullptr ? set->size() : 0;
  }
  std::optional<double> score(std::string_view member) const {
    if (zset != nullptr) return zset->score(member);
    if (set != nullptr && set->contains(member)) return 1.0;
    return std::nullopt;
  }
  // Calls fn(member, score) on every member until it returns false.
  void for_each(const std::function<bool(std::string_view, double)>& fn) const {
    if (zset != nullptr && !zset->empty()) {
      zset->for_ranks(0, zset->size() - 1, false,
                      [&](const ZsetItem& it) { return fn(it.member, it.score); });
    } else if (set != nullptr) {
      bool more = true;
      set->for_each([&](std::string_view m) {
        if (more) more = fn(m, 1.0);
      });
    }
  }
};

struct SetOpRequest {
  SetOp op = SetOp::kUnion;
  std::vector<OpInput> inputs;
  Aggregate aggregate = Aggregate::kSum;
  bool with_scores = false;
  size_t limit = 0;  // ZINTERCARD: stop counting there; 0 for no limit
};

std::string_view command_name(SetOp op, SetOpForm form) {
  if (form == SetOpForm::kCard) return "zintercard";
  const bool store = form == SetOpForm::kStore;
  switch (op) {
    case SetOp::kUnion:
      return store ? "zunionstore" : "zunion";
    case SetOp::kInter:
      return store ? "zinterstore" : "zinter";
    case SetOp::kDiff:
      break;
  }
  return store ? "zdiffstore" : "zdiff";
}

std::optional<Aggregate> parse_aggregate(std::string_view arg) {
  if (option_is(arg, "sum")) return Aggregate::kSum;
  if (option_is(arg, "min")) return Aggregate::kMin;
  if (option_is(arg, "max")) return Aggregate::kMax;
  return std::nullopt;
}

// Parses `numkeys key [key ...] options` from argv[numkeys_idx] on into *req, in Redis's order:
// numkeys, then the keys' types (so WRONGTYPE beats a bad option), then the options:
// WEIGHTS and AGGREGATE (not for ZDIFF or ZINTERCARD), WITHSCORES (reply forms), LIMIT
// (ZINTERCARD). Returns the error reply, if any.
std::optional<Reply> parse_set_op(CommandContext& ctx, Args argv, size_t numkeys_idx,
                                  SetOpForm form, SetOpRequest* req) {
  Reply error;
  auto numkeys = int_arg(argv[numkeys_idx], &error);
  if (!numkeys) return error;
  if (*numkeys < 1) return Reply::error(err::at_least_one_input_key(command_name(req->op, form)));
  if (static_cast<uint64_t>(*numkeys) > argv.size() - numkeys_idx - 1) return syntax_error();
  const auto n = static_cast<size_t>(*numkeys);
  const size_t first_key = numkeys_idx + 1;
  req->inputs.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Entry* e = ctx.ks.lookup_read(ctx.db(), argv[first_key + i]);
    OpInput in;
    if (e != nullptr && e->type() == ObjType::kZset) {
      in.zset = zset_of(e);
    } else if (e != nullptr && e->type() == ObjType::kSet) {
      in.set = static_cast<const SetValue*>(e->object());
    } else if (e != nullptr) {
      return wrong_type();
    }
    req->inputs.push_back(in);
  }
  const bool scored = req->op != SetOp::kDiff && form != SetOpForm::kCard;
  for (size_t j = first_key + n; j < argv.size();) {
    const size_t remaining = argv.size() - j;
    if (scored && remaining >= n + 1 && option_is(argv[j], "weights")) {
      for (size_t i = 0; i < n; ++i) {
        auto w = parse_double(argv[j + 1 + i]);
        if (!w) return Reply::error(err::kWeightNotFloat);
        req->inputs[i].weight = *w;
      }
      j += n + 1;
    } else if (scored && remaining >= 2 && option_is(argv[j], "aggregate")) {
      auto aggregate = parse_aggregate(argv[j + 1]);
      if (!aggregate) return syntax_error();
      req->aggregate = *aggregate;
      j += 2;
    } else if (form == SetOpForm::kReply && option_is(argv[j], "withscores")) {
      req->with_scores = true;
      ++j;
    } else if (form == SetOpForm::kCard && remaining >= 2 && option_is(argv[j], "limit")) {
      auto limit = parse_int64(argv[j + 1]);
      if (!limit || *limit < 0) return Reply::error(err::kLimitNegative);
      req->limit = static_cast<size_t>(*limit);
      j += 2;
    } else {
      return syntax_error();
    }
  }
  return std::nullopt;
}

// A score times its weight; NaN (0 * inf) counts as 0.
double weighted(double score, double weight) {
  const double v = score * weight;
  return std::isnan(v) ? 0 : v;
}

// Redis's zunionInterAggregate: a NaN sum (inf + -inf) becomes 0; MIN and MAX keep *target
// when val is NaN.
void aggregate_into(double* target, double val, Aggregate aggregate) {
  switch (aggregate) {
    case Aggregate::kSum:
      *target += val;
      if (std::isnan(*target)) *target = 0;
      break;
    case Aggregate::kMin:
      if (val < *target) *target = val;
      break;
    case Aggregate::kMax:
      if (val > *target) *target = val;
      break;
  }
}

// The inputs from the smallest to the largest, ties in argument order (Redis sorts them so;
// the order decides sums that mix inf and -inf).
std::vector<const OpInput*> by_size(const std::vector<OpInput>& inputs) {
  std::vector<const OpInput*> out;
  out.reserve(inputs.size());
  for (const OpInput& in : inputs) out.push_back(&in);
  std::stable_sort(out.begin(), out.end(),
                   [](const OpInput* a, const OpInput* b) { return a->size() < b->size(); });
  return out;
}

struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

ZsetPairs zunion(const SetOpRequest& req) {
  std::unordered_map<std::string, double, ViewHash, std::equal_to<>> acc;
  for (const OpInput* in : by_size(req.inputs)) {
    in->for_each([&](std::string_view m, double s) {
      const double score = weighted(s, in->weight);
      auto it = acc.find(m);
      if (it == acc.end()) {
        acc.emplace(std::string(m), score);
      } else {
        aggregate_into(&it->second, score, req.aggregate);
      }
      return true;
    });
  }
  ZsetPairs out;
  out.reserve(acc.size());
  for (auto& [m, s] : acc) out.emplace_back(m, s);
  return out;
}

// Calls fn(member, score) on each member of every input, walking the smallest input, until fn
// returns false. The score is the first input's weighted score aggregated with the others'
// (whose weighted NaN is not zeroed, as in Redis).
void zinter(const SetOpRequest& req, const std::function<bool(std::string_view, double)>& fn) {
  const auto inputs = by_size(req.inputs);
  inputs[0]->for_each([&](std::string_view m, double s) {
    double score = weighted(s, inputs[0]->weight);
    for (size_t j = 1; j < inputs.size(); ++j) {
      auto other = inputs[j]->score(m);
      if (!other) return true;
      aggregate_into(&score, *other * inputs[j]->weight, req.aggregate);
    }
    return fn(m, score);
  });
}

// The members of the first input in none of the others, with their unweighted scores.
ZsetPairs zdiff(const SetOpRequest& req) {
  ZsetPairs out;
  req.inputs[0].for_each([&](std::string_view m, double s) {
    for (size_t j = 1; j < req.inputs.size(); ++j) {
      if (req.inputs[j].score(m)) return true;
    }
    out.emplace_back(std::string(m), s);
    return true;
  });
  return out;
}

// The result of a ZUNION, ZINTER or ZDIFF request in zset order.
ZsetPairs set_op_result(const SetOpRequest& req) {
  ZsetPairs out;
  switch (req.op) {
    case SetOp::kUnion:
      out = zunion(req);
      break;
    case SetOp::kInter:
      zinter(req, [&](std::string_view m, double s) {
        out.emplace_back(std::string(m), s);
        return true;
      });
      break;
    case SetOp::kDiff:
      out = zdiff(req);
      break;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return zset_less(a.second, a.first, b.second, b.first);
  });
  return out;
}

// ZUNION|ZINTER|ZDIFF numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX]
// [WITHSCORES]
template <SetOp kOp>
Reply set_op_command(CommandContext& ctx, Args argv) {
  SetOpRequest req{.op = kOp};
  if (auto error = parse_set_op(ctx, argv, 1, SetOpForm::kReply, &req)) return *error;
  const ZsetPairs result = set_op_result(req);
  if (req.with_scores) return scored_reply(result, ctx.resp3());
  std::vector<Reply> out;
  out.reserve(result.size());
  for (const auto& [m, s] : result) out.push_back(Reply::bulk(m));
  return Reply::array(std::move(out));
}

// ZUNIONSTORE|ZINTERSTORE|ZDIFFSTORE destination numkeys key [key ...] [options]: replaces
// the destination whatever its type, or deletes it when the result is empty.
template <SetOp kOp>
Reply set_op_store_command(CommandContext& ctx, Args argv) {
  SetOpRequest req{.op = kOp};
  if (auto error = parse_set_op(ctx, argv, 2, SetOpForm::kStore, &req)) return *error;
  const ZsetPairs result = set_op_result(req);
  size_t longest = 0;
  for (const auto& [m, s] : result) longest = std::max(longest, m.size());
  const ZsetLimits limits = zset_limits(ctx.ks);
  auto value = ZsetValue::new_for_size(result.size(), longest, limits);
  for (const auto& [m, s] : result) value->set(m, s, limits);
  constexpr std::string_view kEvent = kOp == SetOp::kUnion   ? "zunionstore"
                                      : kOp == SetOp::kInter ? "zinterstore"
                                                             : "zdiffstore";
  return Reply::integer(static_cast<int64_t>(store_zset(ctx, argv[1], std::move(value), kEvent)));
}

// ZINTERCARD numkeys key [key ...] [LIMIT limit]
Reply zintercard_command(CommandContext& ctx, Args argv) {
  SetOpRequest req{.op = SetOp::kInter};
  if (auto error = parse_set_op(ctx, argv, 1, SetOpForm::kCard, &req)) return *error;
  size_t count = 0;
  zinter(req, [&](std::string_view, double) {
    ++count;
    return req.limit == 0 || count < req.limit;
  });
  return Reply::integer(static_cast<int64_t>(count));
}

// ---- ZSCAN

// ZSCAN key cursor [MATCH pattern] [COUNT count]: the cursor is checked first, then the key (a
// missing key replies an empty scan whatever the options), then the options. A listpack zset
// is returned whole in one call with cursor 0, whatever the cursor and COUNT. Scores are bulk
// strings in both protocols.
Reply zscan_command(CommandContext& ctx, Args argv) {
  auto cursor = scan_cursor(argv[2]);
  if (!cursor) return Reply::error(err::kInvalidCursor);
  auto z = read_zset(ctx, argv[1]);
  if (!z.ok()) return error_of(z.status());
  if (*z == nullptr) return Reply::array({Reply::bulk("0"), Reply::array()});
  ScanArgs opts;
  if (auto error = parse_scan_options(argv, 3, &opts)) return *error;
  const ZsetValue& zset = **z;
  std::vector<Reply> items;
  uint64_t next = 0;
  if (zset.is_listpack()) {
    zset.for_each([&](const ZsetItem& it) {
      if (!opts.matches(it.member)) return;
      items.push_back(Reply::bulk(it.member));
      items.push_back(Reply::bulk(listpack_score_text(it.score)));
    });
  } else {
    next = zset.scan(*cursor, opts.count, [&](const ZsetItem& it) {
      if (!opts.matches(it.member)) return;
      items.push_back(Reply::bulk(it.member));
      items.push_back(Reply::bulk(format_double_reply(it.score)));
    });
  }
  return Reply::array({Reply::bulk(std::to_string(next)), Reply::array(std::move(items))});
}

}  // namespace

void register_zset_ops_commands(CommandTable& t) {
  constexpr uint32_t kR = kCmdReadonly;
  constexpr uint32_t kW = kCmdWrite;
  constexpr uint32_t kB = kCmdWrite | kCmdNoscript | kCmdBlocking | kCmdFast;
  FamilyRows add(t, "sorted-set");
  add("zpopmin", -2, kW | kCmdFast, zpop_command<ZEnd::kMin>, "5.0.0");
  add("zpopmax", -2, kW | kCmdFast, zpop_command<ZEnd::kMax>, "5.0.0");
  add("bzpopmin", -3, kB, bzpop_command<ZEnd::kMin>, "5.0.0", 1, -2);
  add("bzpopmax", -3, kB, bzpop_command<ZEnd::kMax>, "5.0.0", 1, -2);
  // numkeys commands: their keys are movable (found by parsing), like SINTERCARD's.
  add("zmpop", -4, kW, zmpop_command, "7.0.0", 0, 0);
  add("bzmpop", -5, kW | kCmdBlocking, bzmpop_command, "7.0.0", 0, 0);
  add("zrandmember", -2, kR, zrandmember_command, "6.2.0");
  add("zunion", -3, kR, set_op_command<SetOp::kUnion>, "6.2.0", 0, 0);
  add("zinter", -3, kR, set_op_command<SetOp::kInter>, "6.2.0", 0, 0);
  add("zdiff", -3, kR, set_op_command<SetOp::kDiff>, "6.2.0", 0, 0);
  add("zunionstore", -4, kW | kCmdDenyOom, set_op_store_command<SetOp::kUnion>, "2.0.0");
  add("zinterstore", -4, kW | kCmdDenyOom, set_op_store_command<SetOp::kInter>, "2.0.0");
  add("zdiffstore", -4, kW | kCmdDenyOom, set_op_store_command<SetOp::kDiff>, "6.2.0");
  add("zintercard", -3, kR, zintercard_command, "7.0.0", 0, 0);
  add("zscan", -3, kR, zscan_command, "2.8.0");
}

}  // namespace kevy
