// Sorted-set commands (part A): ZADD ZINCRBY ZSCORE ZMSCORE ZCARD ZCOUNT ZLEXCOUNT ZRANGE
// ZRANGESTORE ZRANGEBYSCORE ZREVRANGEBYSCORE ZRANGEBYLEX ZREVRANGEBYLEX ZREVRANGE ZRANK
// ZREVRANK ZREM ZREMRANGEBYRANK ZREMRANGEBYSCORE ZREMRANGEBYLEX, as redis-server 7.0.15.
#include "commands/zsets.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "commands/zset_support.h"
#include "core/numbers.h"
#include "types/zset.h"

namespace kevy {
namespace {

Reply error_of(const Status& s) { return Reply::error(s.message()); }

// Redis matches option names with strcasecmp: the argument ends at its first NUL byte.
bool option_is(std::string_view arg, std::string_view name) {
  return eq_ci(arg.substr(0, arg.find('\0')), name);
}

// ---- Ranges

// One bound of a score range as zslParseRange reads it: strtod over the C string (the text up
// to the first NUL), exclusive when it starts with "(". Leading blanks, hex, "inf",
// "infinity", "" (0) and out-of-range values (±inf or 0) are accepted; trailing text and NaN
// are not.
std::optional<double> parse_score_bound(std::string_view arg, bool* exclusive) {
  const std::string text(arg.substr(0, arg.find('\0')));
  *exclusive = !text.empty() && text[0] == '(';
  const char* begin = text.c_str() + (*exclusive ? 1 : 0);
  char* end = nullptr;
  const double v = std::strtod(begin, &end);
  if (*end != '\0' || std::isnan(v)) return std::nullopt;
  return v;
}

// nullopt when either bound is invalid ("min or max is not a float").
std::optional<ScoreRange> parse_score_range(std::string_view min, std::string_view max) {
  ScoreRange r;
  auto lo = parse_score_bound(min, &r.min_exclusive);
  if (!lo) return std::nullopt;
  auto hi = parse_score_bound(max, &r.max_exclusive);
  if (!hi) return std::nullopt;
  r.min = *lo;
  r.max = *hi;
  return r;
}

// One bound of a lex range (zslParseLexRangeItem): "-" and "+" are the ends of the order
// (nothing but a NUL may follow the sign), "[x" includes x, "(x" excludes it.
struct LexBound {
  enum class Kind { kMinusInf, kPlusInf, kValue };
  Kind kind = Kind::kValue;
  std::string_view value;  // kValue: a view of the argument
  bool exclusive = false;
};

struct LexRange {
  LexBound min;
  LexBound max;
};

std::optional<LexBound> parse_lex_bound(std::string_view arg) {
  if (arg.empty()) return std::nullopt;
  const bool sign_alone = arg.size() == 1 || arg[1] == '\0';
  switch (arg[0]) {
    case '-':
      if (!sign_alone) return std::nullopt;
      return LexBound{LexBound::Kind::kMinusInf, {}, true};
    case '+':
      if (!sign_alone) return std::nullopt;
      return LexBound{LexBound::Kind::kPlusInf, {}, true};
    case '(':
      return LexBound{LexBound::Kind::kValue, arg.substr(1), true};
    case '[':
      return LexBound{LexBound::Kind::kValue, arg.substr(1), false};
    default:
      return std::nullopt;
  }
}

// nullopt when either bound is invalid ("min or max not valid string range item").
std::optional<LexRange> parse_lex_range(std::string_view min, std::string_view max) {
  auto lo = parse_lex_bound(min);
  if (!lo) return std::nullopt;
  auto hi = parse_lex_bound(max);
  if (!hi) return std::nullopt;
  return LexRange{*lo, *hi};
}

// Redis's sdscmplex of a member against a bound: <0, 0 or >0.
int compare_lex(std::string_view member, const LexBound& b) {
  switch (b.kind) {
    case LexBound::Kind::kMinusInf:
      return 1;
    case LexBound::Kind::kPlusInf:
      return -1;
    case LexBound::Kind::kValue:
      break;
  }
  const int c = member.compare(b.value);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool lex_gte_min(std::string_view member, const LexRange& r) {
  const int c = compare_lex(member, r.min);
  return r.min.exclusive ? c > 0 : c >= 0;
}

bool lex_lte_max(std::string_view member, const LexRange& r) {
  const int c = compare_lex(member, r.max);
  return r.max.exclusive ? c < 0 : c <= 0;
}

// A lex range that can hold nothing: min after max, or min equal to max with an exclusive end
// ("-" and "+" are exclusive; two "+" are equal).
bool lex_range_empty(const LexRange& r) {
  auto order = [](const LexBound& b) {
    return b.kind == LexBound::Kind::kMinusInf ? 0 : b.kind == LexBound::Kind::kValue ? 1 : 2;
  };
  int c = order(r.min) - order(r.max);
  if (c == 0 && r.min.kind == LexBound::Kind::kValue) c = r.min.value.compare(r.max.value);
  return c > 0 || (c == 0 && (r.min.exclusive || r.max.exclusive));
}

// Ranks [lo, hi) of the items whose scores are inside a range.
struct RankInterval {
  size_t lo = 0;
  size_t hi = 0;
};

RankInterval score_interval(const ZsetValue& z, const ScoreRange& r) {
  const size_t lo = z.partition_point(
      [&](const ZsetItem& it) { return r.min_exclusive ? it.score <= r.min : it.score < r.min; });
  const size_t hi = z.partition_point(
      [&](const ZsetItem& it) { return r.max_exclusive ? it.score < r.max : it.score <= r.max; });
  return {lo, std::max(lo, hi)};
}

// Lex ranges are defined by Redis only when all scores are equal; then the members in range
// are one run of the order. With mixed scores Redis's answer is the result of its walk, which
// kevy reproduces: find the first item in range (the last when reverse) and walk on while the
// items stay in range (lex_start, walk). Finding the start is a scan of a listpack, as in
// Redis, and a binary search of a skiplist (Redis descends its skip list, whose answer then
// depends on the random node levels).

// The rank where Redis starts walking a lex range (zzl/zslFirstInLexRange, or
// zzl/zslLastInLexRange when reverse), nullopt when it finds nothing in range.
std::optional<size_t> lex_start(const ZsetValue& z, const LexRange& r, bool reverse) {
  // zzl/zslIsInLexRange: a range that is empty, above the last item or below the first.
  if (z.empty() || lex_range_empty(r) || !lex_gte_min(z.at(z.size() - 1).member, r) ||
      !lex_lte_max(z.at(0).member, r)) {
    return std::nullopt;
  }
  if (!reverse) {
    const size_t first =
        z.partition_point([&](const ZsetItem& it) { return !lex_gte_min(it.member, r); });
    if (first == z.size() || !lex_lte_max(z.at(first).member, r)) return std::nullopt;
    return first;
  }
  std::optional<size_t> last;
  if (z.is_listpack()) {  // the first item in range from the tail
    size_t rank = z.size();
    z.for_ranks(0, z.size() - 1, true, [&](const ZsetItem& it) {
      --rank;
      if (!lex_lte_max(it.member, r)) return true;
      last = rank;
      return false;
    });
  } else {
    const size_t n =
        z.partition_point([&](const ZsetItem& it) { return lex_lte_max(it.member, r); });
    if (n > 0) last = n - 1;
  }
  if (!last || !lex_gte_min(z.at(*last).member, r)) return std::nullopt;
  return last;
}

// Redis's walk from rank `start`, upwards (downwards when reverse): skips `offset` items
// whatever they hold (a negative offset skips them all), then calls fn on the items while
// in_range holds, at most `count` of them (negative: no limit).
void walk(const ZsetValue& z, size_t start, bool reverse, int64_t offset, int64_t count,
          const std::function<bool(const ZsetItem&)>& in_range,
          const std::function<void(const ZsetItem&)>& fn) {
  const size_t ahead = reverse ? start + 1 : z.size() - start;  // items from start on
  if (offset < 0 || static_cast<uint64_t>(offset) >= ahead || count == 0) return;
  const auto skip = static_cast<size_t>(offset);
  const size_t from = reverse ? 0 : start + skip;
  const size_t to = reverse ? start - skip : z.size() - 1;
  z.for_ranks(from, to, reverse, [&](const ZsetItem& it) {
    if (!in_range(it)) return false;
    fn(it);
    return count < 0 || --count > 0;
  });
}

// Walks a lex range as ZRANGEBYLEX does (see walk).
void walk_lex(const ZsetValue& z, const LexRange& r, bool reverse, int64_t offset, int64_t count,
              const std::function<void(const ZsetItem&)>& fn) {
  const std::optional<size_t> start = lex_start(z, r, reverse);
  if (!start) return;
  walk(
      z, *start, reverse, offset, count,
      [&](const ZsetItem& it) {
        return reverse ? lex_gte_min(it.member, r) : lex_lte_max(it.member, r);
      },
      fn);
}

// The ranks [from, to] of the items ZREMRANGEBYLEX removes: the walk from the first in range.
std::optional<std::pair<size_t, size_t>> lex_removal(const ZsetValue& z, const LexRange& r) {
  const std::optional<size_t> start = lex_start(z, r, false);
  if (!start) return std::nullopt;
  size_t n = 0;
  walk_lex(z, r, false, 0, -1, [&](const ZsetItem&) { ++n; });
  return std::make_pair(*start, *start + n - 1);
}

// ZLEXCOUNT: a listpack counts its walk; a skiplist subtracts the ranks of the first and last
// items in range, as Redis does.
size_t lex_count(const ZsetValue& z, const LexRange& r) {
  const std::optional<size_t> first = lex_start(z, r, false);
  if (!first) return 0;
  if (z.is_listpack()) {
    size_t n = 0;
    walk_lex(z, r, false, 0, -1, [&](const ZsetItem&) { ++n; });
    return n;
  }
  const std::optional<size_t> last = lex_start(z, r, true);
  if (!last) return z.size() - *first;
  return *last >= *first ? *last - *first + 1 : 0;
}

// Ranks [from, to] (inclusive, ascending) to visit, downwards when reverse.
struct RankWindow {
  size_t from = 0;
  size_t to = 0;
  bool reverse = false;
};

// Applies LIMIT offset count to an interval walked from its low end (from its high end when
// reverse), as Redis walks it: a negative offset skips everything, a negative count takes
// all. nullopt when nothing is selected.
std::optional<RankWindow> limit_window(RankInterval in, bool reverse, int64_t offset,
                                       int64_t count) {
  const size_t size = in.hi - in.lo;
  if (offset < 0 || static_cast<uint64_t>(offset) >= size) return std::nullopt;
  const auto skip = static_cast<size_t>(offset);
  size_t n = size - skip;
  if (count >= 0 && static_cast<uint64_t>(count) < n) n = static_cast<size_t>(count);
  if (n == 0) return std::nullopt;
  if (!reverse) return RankWindow{in.lo + skip, in.lo + skip + n - 1, false};
  const size_t to = in.hi - 1 - skip;
  return RankWindow{to - n + 1, to, true};
}

// Redis's index range over `size` items: negative indexes count from the end, start is
// clamped to 0 and stop to the last rank. With reverse the indexes count from the highest
// rank. nullopt when empty.
std::optional<RankWindow> rank_window(size_t size, int64_t start, int64_t stop, bool reverse) {
  const auto len = static_cast<int64_t>(size);
  if (start < 0) start += len;
  if (stop < 0) stop += len;
  if (start < 0) start = 0;
  if (start > stop || start >= len) return std::nullopt;
  if (stop >= len) stop = len - 1;
  if (!reverse) return RankWindow{static_cast<size_t>(start), static_cast<size_t>(stop), false};
  return RankWindow{static_cast<size_t>(len - 1 - stop), static_cast<size_t>(len - 1 - start),
                    true};
}

void visit_window(const ZsetValue& z, const std::optional<RankWindow>& w,
                  const std::function<void(const ZsetItem&)>& fn) {
  if (!w) return;
  z.for_ranks(w->from, w->to, w->reverse, [&](const ZsetItem& it) {
    fn(it);
    return true;
  });
}

ZsetPairs collect(const ZsetValue* z, const std::optional<RankWindow>& w) {
  ZsetPairs out;
  if (z == nullptr || !w) return out;
  out.reserve(w->to - w->from + 1);
  visit_window(*z, w,
               [&](const ZsetItem& it) { out.emplace_back(std::string(it.member), it.score); });
  return out;
}

}  // namespace

// ---- Family operations (also behind the typed Store API)

Result<ZaddOutcome> zset_add(CommandContext& ctx, std::string_view key,
                             std::span<const ZsetInput> items, const ZaddFlags& flags) {
  for (const auto& item : items) {
    if (std::isnan(item.first)) return Status::command_error(err::kNotFloat);
  }
  auto e = write_zset_entry(ctx, key);
  if (!e.ok()) return e.status();
  ZaddOutcome out;
  Entry* entry = *e;
  if (entry == nullptr) {
    if (flags.xx || items.empty()) return out;
    entry = create_zset(ctx, key, items[0].second);
  }
  ZsetValue* z = zset_of(entry);
  const ZsetLimits limits = zset_limits(ctx.ks);
  for (const auto& [input, member] : items) {
    double score = input;
    const std::optional<double> current = z->score(member);
    if (!current) {
      if (flags.xx) continue;
      z->set(member, score, limits);
      ++out.added;
    } else {
      if (flags.nx) continue;
      if (flags.incr) {
        score += *current;
        if (std::isnan(score)) {
          after_zset_write(ctx, key, entry);
          return Status::command_error(err::kZaddNanResult);
        }
      }
      if ((flags.lt && score >= *current) || (flags.gt && score <= *current)) continue;
      // An equal score (including -0 against 0) leaves the stored one, as Redis does.
      if (score != *current) {
        z->set(member, score, limits);
        ++out.updated;
      }
    }
    ++out.processed;
    out.score = score;
  }
  after_zset_write(ctx, key, entry);
  // As Redis: only a member added or a score changed signals the key and publishes "zincr"
  // (INCR, ZINCRBY) or "zadd".
  if (out.added + out.updated > 0) {
    ctx.ks.modified(ctx.db(), key, kNotifyZset, flags.incr ? "zincr" : "zadd");
  }
  return out;
}

Result<std::optional<double>> zset_score(CommandContext& ctx, std::string_view key,
                                         std::string_view member) {
  auto z = read_zset(ctx, key);
  if (!z.ok()) return z.status();
  if (*z == nullptr) return std::optional<double>();
  return (*z)->score(member);
}

Result<int64_t> zset_rem(CommandContext& ctx, std::string_view key,
                         std::span<const std::string_view> members) {
  auto e = write_zset_entry(ctx, key);
  if (!e.ok()) return e.status();
  if (*e == nullptr) return int64_t{0};
  ZsetValue* z = zset_of(*e);
  int64_t removed = 0;
  for (std::string_view m : members) {
    if (z->erase(m)) ++removed;
    if (z->empty()) break;
  }
  const bool key_removed = after_zset_write(ctx, key, *e);
  // As Redis: "zrem", then "del" when the zset went, then the key is signalled; nothing when
  // no member was removed.
  if (removed > 0) {
    ctx.ks.notify(kNotifyZset, "zrem", ctx.db(), key);
    if (key_removed) ctx.ks.notify(kNotifyGeneric, "del", ctx.db(), key);
    ctx.ks.signal_modified(ctx.db(), key);
  }
  return removed;
}

Result<int64_t> zset_card(CommandContext& ctx, std::string_view key) {
  auto z = read_zset(ctx, key);
  if (!z.ok()) return z.status();
  return *z == nullptr ? int64_t{0} : static_cast<int64_t>((*z)->size());
}

Result<ZsetPairs> zset_range_by_rank(CommandContext& ctx, std::string_view key, int64_t start,
                                     int64_t stop) {
  auto z = read_zset(ctx, key);
  if (!z.ok()) return z.status();
  if (*z == nullptr) return ZsetPairs();
  return collect(*z, rank_window((*z)->size(), start, stop, false));
}

Result<ZsetPairs> zset_range_by_score(CommandContext& ctx, std::string_view key,
                                      const ScoreRange& range) {
  if (std::isnan(range.min) || std::isnan(range.max)) {
    return Status::command_error(err::kMinMaxNotFloat);
  }
  auto z = read_zset(ctx, key);
  if (!z.ok()) return z.status();
  if (*z == nullptr) return ZsetPairs();
  return collect(*z, limit_window(score_interval(**z, range), false, 0, -1));
}

namespace {

// ---- ZADD ZINCRBY

// ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]
// Checks, in Redis's order: options (a prefix of any order), the pair count (syntax error),
// NX with XX, GT/LT/NX together, INCR with several pairs, every score, then the key's type.
// Not propagated when no member was added and no score changed.
Reply zadd_command(CommandContext& ctx, Args argv) {
  ZaddFlags flags;
  bool ch = false;
  size_t i = 2;
  for (; i < argv.size(); ++i) {
    const std::string_view opt = argv[i];
    if (option_is(opt, "nx")) {
      flags.nx = true;
    } else if (option_is(opt, "xx")) {
      flags.xx = true;
    } else if (option_is(opt, "ch")) {
      ch = true;
    } else if (option_is(opt, "incr")) {
      flags.incr = true;
    } else if (option_is(opt, "gt")) {
      flags.gt = true;
    } else if (option_is(opt, "lt")) {
      flags.lt = true;
    } else {
      break;
    }
  }
  const size_t rest = argv.size() - i;
  if (rest == 0 || rest % 2 != 0) return syntax_error();
  if (flags.nx && flags.xx) return Reply::error(err::kZaddXxAndNx);
  if ((flags.gt && flags.nx) || (flags.lt && flags.nx) || (flags.gt && flags.lt)) {
    return Reply::error(err::kZaddGtLtNx);
  }
  if (flags.incr && rest > 2) return Reply::error(err::kZaddIncrSinglePair);
  std::vector<ZsetInput> items;
  items.reserve(rest / 2);
  for (; i < argv.size(); i += 2) {
    auto score = parse_double(argv[i]);
    if (!score) return Reply::error(err::kNotFloat);
    items.emplace_back(*score, argv[i + 1]);
  }
  auto r = zset_add(ctx, argv[1], items, flags);
  if (!r.ok()) return error_of(r.status());
  if (r->added + r->updated == 0) ctx.ks.propagation().prevent();
  if (flags.incr) return r->processed > 0 ? score_reply(r->score) : Reply::null();
  return Reply::integer(ch ? r->added + r->updated : r->added);
}

// ZINCRBY key increment member: ZADD INCR without options (an unchanged score is not
// propagated).
Reply zincrby_command(CommandContext& ctx, Args argv) {
  auto delta = parse_double(argv[2]);
  if (!delta) return Reply::error(err::kNotFloat);
  const ZsetInput item{*delta, argv[3]};
  ZaddFlags flags;
  flags.incr = true;
  auto r = zset_add(ctx, argv[1], std::span<const ZsetInput>(&item, 1), flags);
  if (!r.ok()) return error_of(r.status());
  if (r->added + r->updated == 0) ctx.ks.propagation().prevent();
  return score_reply(r->score);
}

// ---- ZSCORE ZMSCORE ZCARD ZRANK ZREVRANK

Reply zscore_command(CommandContext& ctx, Args argv) {
  auto r = zset_score(ctx, argv[1], argv[2]);
  if (!r.ok()) return error_of(r.status());
  return *r ? score_reply(**r) : Reply::null();
}

// A missing key answers a null per member.
Reply zmscore_command(CommandContext& ctx, Args argv) {
  auto z = read_zset(ctx, argv[1]);
  if (!z.ok()) return error_of(z.status());
  std::vector<Reply> out;
  out.reserve(argv.size() - 2);
  for (std::string_view m : argv.subspan(2)) {
    const std::optional<double> s = *z == nullptr ? std::nullopt : (*z)->score(m);
    out.push_back(s ? score_reply(*s) : Reply::null());
  }
  return Reply::array(std::move(out));
}

Reply zcard_command(CommandContext& ctx, Args argv) {
  auto r = zset_card(ctx, argv[1]);
  return r.ok() ? Reply::integer(*r) : error_of(r.status());
}

template <bool kReverse>
Reply zrank_command(CommandContext& ctx, Args argv) {
  auto z = read_zset(ctx, argv[1]);
  if (!z.ok()) return error_of(z.status());
  if (*z == nullptr) return Reply::null();
  const std::optional<size_t> rank = (*z)->rank(argv[2]);
  if (!rank) return Reply::null();
  const size_t r = kReverse ? (*z)->size() - 1 - *rank : *rank;
  return Reply::integer(static_cast<int64_t>(r));
}

// ---- ZCOUNT ZLEXCOUNT

// The range is checked before the key.
Reply zcount_command(CommandContext& ctx, Args argv) {
  auto range = parse_score_range(argv[2], argv[3]);
  if (!range) return Reply::error(err::kMinMaxNotFloat);
  auto z = read_zset(ctx, argv[1]);
  if (!z.ok()) return error_of(z.status());
  if (*z == nullptr) return Reply::integer(0);
  const RankInterval in = score_interval(**z, *range);
  return Reply::integer(static_cast<int64_t>(in.hi - in.lo));
}

Reply zlexcount_command(CommandContext& ctx, Args argv) {
  auto range = parse_lex_range(argv[2], argv[3]);
  if (!range) return Reply::error(err::kMinMaxNotLexRange);
  auto z = read_zset(ctx, argv[1]);
  if (!z.ok()) return error_of(z.status());
  if (*z == nullptr) return Reply::integer(0);
  return Reply::integer(static_cast<int64_t>(lex_count(**z, *range)));
}

// ---- ZRANGE ZRANGESTORE ZRANGEBYSCORE ZREVRANGEBYSCORE ZRANGEBYLEX ZREVRANGEBYLEX ZREVRANGE

enum class RangeBy { kAuto, kRank, kScore, kLex };

// A parsed range request (zrangeGenericCommand).
struct RangeRequest {
  RangeBy by = RangeBy::kRank;
  bool reverse = false;
  bool withscores = false;
  int64_t offset = 0;
  int64_t limit = -1;  // -1: no LIMIT (Redis cannot tell "LIMIT x -1" from no LIMIT)
  int64_t start = 0;   // kRank
  int64_t stop = 0;    // kRank
  ScoreRange score;    // kScore
  LexRange lex;        // kLex
};

// Parses `key min max [options]` starting at argv[key_index], as zrangeGenericCommand does.
// `by` is fixed by the command (kAuto: ZRANGE's BYSCORE/BYLEX options choose), `reverse` too
// (nullopt: the REV option chooses); `store` (ZRANGESTORE) refuses WITHSCORES. Order of the
// checks: options left to right (a bad LIMIT number fails at once), LIMIT with a rank range,
// WITHSCORES with BYLEX, then min and max (swapped by REV for BYSCORE/BYLEX).
// On failure returns nullopt with the error reply in *error.
std::optional<RangeRequest> parse_range(Args argv, size_t key_index, RangeBy by,
                                        std::optional<bool> reverse, bool store, Reply* error) {
  RangeRequest req;
  for (size_t j = key_index + 3; j < argv.size(); ++j) {
    const size_t left = argv.size() - j - 1;
    if (!store && option_is(argv[j], "withscores")) {
      req.withscores = true;
    } else if (option_is(argv[j], "limit") && left >= 2) {
      auto offset = int_arg(argv[j + 1], error);
      if (!offset) return std::nullopt;
      auto limit = int_arg(argv[j + 2], error);
      if (!limit) return std::nullopt;
      req.offset = *offset;
      req.limit = *limit;
      j += 2;
    } else if (!reverse && option_is(argv[j], "rev")) {
      reverse = true;
    } else if (by == RangeBy::kAuto && option_is(argv[j], "bylex")) {
      by = RangeBy::kLex;
    } else if (by == RangeBy::kAuto && option_is(argv[j], "byscore")) {
      by = RangeBy::kScore;
    } else {
      *error = syntax_error();
      return std::nullopt;
    }
  }
  req.reverse = reverse.value_or(false);
  req.by = by == RangeBy::kAuto ? RangeBy::kRank : by;
  if (req.limit != -1 && req.by == RangeBy::kRank) {
    *error = Reply::error(err::kZrangeLimitNeedsByscoreOrBylex);
    return std::nullopt;
  }
  if (req.withscores && req.by == RangeBy::kLex) {
    *error = Reply::error(err::kZrangeWithscoresWithBylex);
    return std::nullopt;
  }
  std::string_view min = argv[key_index + 1];
  std::string_view max = argv[key_index + 2];
  if (req.reverse && req.by != RangeBy::kRank) std::swap(min, max);
  switch (req.by) {
    case RangeBy::kAuto:
    case RangeBy::kRank: {
      auto start = int_arg(min, error);
      if (!start) return std::nullopt;
      auto stop = int_arg(max, error);
      if (!stop) return std::nullopt;
      req.start = *start;
      req.stop = *stop;
      break;
    }
    case RangeBy::kScore: {
      auto range = parse_score_range(min, max);
      if (!range) {
        *error = Reply::error(err::kMinMaxNotFloat);
        return std::nullopt;
      }
      req.score = *range;
      break;
    }
    case RangeBy::kLex: {
      auto range = parse_lex_range(min, max);
      if (!range) {
        *error = Reply::error(err::kMinMaxNotLexRange);
        return std::nullopt;
      }
      req.lex = *range;
      break;
    }
  }
  return req;
}

// Calls fn on the items a request selects, in reply order.
void visit_range(const ZsetValue& z, const RangeRequest& req,
                 const std::function<void(const ZsetItem&)>& fn) {
  switch (req.by) {
    case RangeBy::kScore:
      visit_window(
          z, limit_window(score_interval(z, req.score), req.reverse, req.offset, req.limit), fn);
      return;
    case RangeBy::kLex:
      walk_lex(z, req.lex, req.reverse, req.offset, req.limit, fn);
      return;
    case RangeBy::kAuto:
    case RangeBy::kRank:
      visit_window(z, rank_window(z.size(), req.start, req.stop, req.reverse), fn);
      return;
  }
}

// Members in reply order; WITHSCORES adds each score after its member (RESP2) or makes each
// item a [member, score] pair (RESP3).
Reply range_reply(const ZsetValue* z, const RangeRequest& req, bool resp3) {
  std::vector<Reply> out;
  if (z == nullptr) return Reply::array();
  visit_range(*z, req, [&](const ZsetItem& it) {
    if (!req.withscores) {
      out.push_back(Reply::bulk(it.member));
    } else if (resp3) {
      out.push_back(Reply::array({Reply::bulk(it.member), score_reply(it.score)}));
    } else {
      out.push_back(Reply::bulk(it.member));
      out.push_back(score_reply(it.score));
    }
  });
  return Reply::array(std::move(out));
}

// The range commands reading argv[1]: `by` and `reverse` as parse_range takes them.
template <RangeBy kBy, int kReverse>  // kReverse: 0 forward, 1 reverse, -1 the REV option
Reply range_command(CommandContext& ctx, Args argv) {
  const std::optional<bool> reverse =
      kReverse < 0 ? std::nullopt : std::optional<bool>(kReverse == 1);
  Reply error;
  auto req = parse_range(argv, 1, kBy, reverse, false, &error);
  if (!req) return error;
  auto z = read_zset(ctx, argv[1]);
  if (!z.ok()) return error_of(z.status());
  return range_reply(*z, *req, ctx.resp3());
}

// ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count]: stores the range
// as a new zset (replacing dst and its TTL), or deletes dst when the range is empty (or src
// missing). Replies the stored size. As in Redis 7.0, the new zset's encoding is chosen by
// its size alone (no member-length hint): a range of up to zset-max-listpack-entries starts
// as a listpack and converts at its first long member, so a -0 score copied before that
// member becomes 0 (the listpack stores no -0), and one copied after keeps its sign.
Reply zrangestore_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto req = parse_range(argv, 2, RangeBy::kAuto, std::nullopt, true, &error);
  if (!req) return error;
  auto src = read_zset(ctx, argv[2]);
  if (!src.ok()) return error_of(src.status());
  // Views into src, valid until the store below replaces any key.
  std::vector<ZsetItem> items;
  if (*src != nullptr) visit_range(**src, *req, [&](const ZsetItem& it) { items.push_back(it); });
  const ZsetLimits limits = zset_limits(ctx.ks);
  auto result = ZsetValue::new_for_size(items.size(), /*max_member_len=*/0, limits);
  for (const ZsetItem& it : items) result->set(it.member, it.score, limits);
  return Reply::integer(
      static_cast<int64_t>(store_zset(ctx, argv[1], std::move(result), "zrangestore")));
}

// ---- ZREM ZREMRANGEBYRANK ZREMRANGEBYSCORE ZREMRANGEBYLEX

// Removing no member is not propagated.
Reply zrem_command(CommandContext& ctx, Args argv) {
  auto r = zset_rem(ctx, argv[1], argv.subspan(2));
  if (!r.ok()) return error_of(r.status());
  if (*r == 0) ctx.ks.propagation().prevent();
  return Reply::integer(*r);
}

// ZREMRANGEBY{RANK,SCORE,LEX} key min max: the range is checked before the key; replies the
// number removed; the key goes with its last member. Removing nothing is not propagated.
template <RangeBy kBy>
Reply zremrange_command(CommandContext& ctx, Args argv) {
  int64_t start = 0;
  int64_t stop = 0;
  std::optional<ScoreRange> score;
  std::optional<LexRange> lex;
  if constexpr (kBy == RangeBy::kRank) {
    Reply error;
    auto a = int_arg(argv[2], &error);
    if (!a) return error;
    auto b = int_arg(argv[3], &error);
    if (!b) return error;
    start = *a;
    stop = *b;
  } else if constexpr (kBy == RangeBy::kScore) {
    score = parse_score_range(argv[2], argv[3]);
    if (!score) return Reply::error(err::kMinMaxNotFloat);
  } else {
    lex = parse_lex_range(argv[2], argv[3]);
    if (!lex) return Reply::error(err::kMinMaxNotLexRange);
  }
  auto e = write_zset_entry(ctx, argv[1]);
  if (!e.ok()) return error_of(e.status());
  if (*e == nullptr) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  ZsetValue* z = zset_of(*e);
  std::optional<std::pair<size_t, size_t>> ranks;  // [from, to]
  if constexpr (kBy == RangeBy::kRank) {
    if (auto w = rank_window(z->size(), start, stop, false)) ranks.emplace(w->from, w->to);
  } else if constexpr (kBy == RangeBy::kScore) {
    if (auto w = limit_window(score_interval(*z, *score), false, 0, -1)) {
      ranks.emplace(w->from, w->to);
    }
  } else {
    ranks = lex_removal(*z, *lex);
  }
  if (!ranks) {
    ctx.ks.propagation().prevent();
    return Reply::integer(0);
  }
  z->erase_ranks(ranks->first, ranks->second);
  const bool key_removed = after_zset_write(ctx, argv[1], *e);
  // As Redis: the key is signalled, then the command's event, then "del" when the zset went.
  constexpr std::string_view kEvent = kBy == RangeBy::kRank    ? "zremrangebyrank"
                                      : kBy == RangeBy::kScore ? "zremrangebyscore"
                                                               : "zremrangebylex";
  ctx.ks.modified(ctx.db(), argv[1], kNotifyZset, kEvent);
  if (key_removed) ctx.ks.notify(kNotifyGeneric, "del", ctx.db(), argv[1]);
  return Reply::integer(static_cast<int64_t>(ranks->second - ranks->first + 1));
}

}  // namespace

void register_zset_commands(CommandTable& t) {
  constexpr uint32_t kR = kCmdReadonly;
  constexpr uint32_t kW = kCmdWrite;
  FamilyRows add(t, "sorted-set");
  add("zadd", -4, kW | kCmdDenyOom | kCmdFast, zadd_command, "1.2.0");
  add("zincrby", 4, kW | kCmdDenyOom | kCmdFast, zincrby_command, "1.2.0");
  add("zscore", 3, kR | kCmdFast, zscore_command, "1.2.0");
  add("zmscore", -3, kR | kCmdFast, zmscore_command, "6.2.0");
  add("zcard", 2, kR | kCmdFast, zcard_command, "1.2.0");
  add("zcount", 4, kR | kCmdFast, zcount_command, "2.0.0");
  add("zlexcount", 4, kR | kCmdFast, zlexcount_command, "2.8.9");
  add("zrange", -4, kR, range_command<RangeBy::kAuto, -1>, "1.2.0");
  add("zrangestore", -5, kW | kCmdDenyOom, zrangestore_command, "6.2.0", 1, 2);
  add("zrangebyscore", -4, kR, range_command<RangeBy::kScore, 0>, "1.0.5");
  add("zrevrangebyscore", -4, kR, range_command<RangeBy::kScore, 1>, "2.2.0");
  add("zrangebylex", -4, kR, range_command<RangeBy::kLex, 0>, "2.8.9");
  add("zrevrangebylex", -4, kR, range_command<RangeBy::kLex, 1>, "2.8.9");
  add("zrevrange", -4, kR, range_command<RangeBy::kRank, 1>, "1.2.0");
  add("zrank", 3, kR | kCmdFast, zrank_command<false>, "2.0.0");
  add("zrevrank", 3, kR | kCmdFast, zrank_command<true>, "2.0.0");
  add("zrem", -3, kW | kCmdFast, zrem_command, "1.2.0");
  add("zremrangebyrank", 4, kW, zremrange_command<RangeBy::kRank>, "2.0.0");
  add("zremrangebyscore", 4, kW, zremrange_command<RangeBy::kScore>, "1.2.0");
  add("zremrangebylex", 4, kW, zremrange_command<RangeBy::kLex>, "2.8.9");
}

}  // namespace kevy
