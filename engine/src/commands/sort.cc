// SORT and SORT_RO: see sort.h for the behaviour. The steps follow Redis's sortCommandGeneric:
// parse the options, load the elements (only the LIMIT window for an unsorted list or zset),
// compute the sort keys, sort, then reply (or store) each element or its GET lookups.
#include "commands/sort.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "types/hash.h"
#include "types/list.h"
#include "types/set.h"
#include "types/zset.h"

namespace kevy {
namespace {

// ---- Strings as Redis's C code sees them

// The text a C string function (strchr, strstr, strcasecmp, strtod, strcoll) sees: s up to
// its first NUL byte.
std::string_view c_string(std::string_view s) { return s.substr(0, s.find('\0')); }

// strcasecmp(arg, name) == 0.
bool option_is(std::string_view arg, std::string_view name) { return eq_ci(c_string(arg), name); }

// Sign of the byte-wise comparison of a and b, a prefix first (compareStringObjects).
int binary_compare(std::string_view a, std::string_view b) {
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// strcoll under the C / C.UTF-8 locale: byte order of the texts up to their first NUL.
int collate(std::string_view a, std::string_view b) {
  return binary_compare(c_string(a), c_string(b));
}

// A SORT score: strtod over the C string, refused (nullopt) when text is left over, the result
// is NaN, or strtod reports ERANGE (overflow, or an underflow to a subnormal or zero).
std::optional<double> parse_score(std::string_view s) {
  const std::string text(c_string(s));
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (*end != '\0' || errno == ERANGE || std::isnan(v)) return std::nullopt;
  return v;
}

// ---- Options

struct SortRequest {
  bool desc = false;
  bool alpha = false;
  bool dontsort = false;  // a BY pattern without '*' was given (never reset by a later BY)
  int64_t limit_start = 0;
  int64_t limit_count = -1;
  std::optional<std::string_view> by;
  std::vector<std::string_view> gets;
  std::optional<std::string_view> store;
};

// Parses argv[2..] as Redis does (left to right, the last of repeated options wins). Returns
// the error reply, or nullopt on success. STORE is only an option when !readonly.
std::optional<Reply> parse_request(Args argv, bool readonly, SortRequest* req) {
  for (size_t j = 2; j < argv.size(); ++j) {
    const size_t left = argv.size() - j - 1;
    const std::string_view arg = argv[j];
    if (option_is(arg, "asc")) {
      req->desc = false;
    } else if (option_is(arg, "desc")) {
      req->desc = true;
    } else if (option_is(arg, "alpha")) {
      req->alpha = true;
    } else if (option_is(arg, "limit") && left >= 2) {
      Reply error;
      const auto start = int_arg(argv[j + 1], &error);
      if (!start) return error;
      const auto count = int_arg(argv[j + 2], &error);
      if (!count) return error;
      req->limit_start = *start;
      req->limit_count = *count;
      j += 2;
    } else if (!readonly && option_is(arg, "store") && left >= 1) {
      req->store = argv[++j];
    } else if (option_is(arg, "by") && left >= 1) {
      req->by = argv[++j];
      if (c_string(*req->by).find('*') == std::string_view::npos) req->dontsort = true;
    } else if (option_is(arg, "get") && left >= 1) {
      req->gets.push_back(argv[++j]);
    } else {
      return syntax_error();
    }
  }
  return std::nullopt;
}

// ---- Pattern lookups

// Redis's lookupKeyByPattern: the value a BY or GET pattern names for `element`.
// - "#" (as a C string) is the element itself.
// - Otherwise the first '*' (before any NUL) is replaced by the element to form a key name; a
//   pattern without '*' names nothing. When "->" follows the '*' and is followed by a non-NUL
//   byte, the key is the text up to "->" and the rest (all of it) is a hash field.
// - The key is looked up for reading (keyspace hit/miss, lazy expiry); a missing key, a
//   missing field, or a key of another type than string (hash with "->") gives nullopt.
std::optional<std::string> lookup_by_pattern(CommandContext& ctx, std::string_view pattern,
                                             std::string_view element) {
  const std::string_view c = c_string(pattern);
  if (c == "#") return std::string(element);
  const size_t star = c.find('*');
  if (star == std::string_view::npos) return std::nullopt;

  std::optional<std::string_view> field;
  size_t postfix_end = pattern.size();
  const size_t arrow = c.find("->", star + 1);
  if (arrow != std::string_view::npos && arrow + 2 < c.size()) {
    field = pattern.substr(arrow + 2);
    postfix_end = arrow;
  }
  std::string key;
  key.reserve(pattern.size() + element.size());
  key.append(pattern.substr(0, star));
  key.append(element);
  key.append(pattern.substr(star + 1, postfix_end - star - 1));

  const Entry* e = ctx.ks.lookup_read(ctx.db(), key);
  if (e == nullptr) return std::nullopt;
  if (field) {
    if (e->type() != ObjType::kHash) return std::nullopt;
    const auto value = static_cast<const HashValue*>(e->object())->get(*field);
    if (!value) return std::nullopt;
    return std::string(*value);
  }
  if (e->type() != ObjType::kString) return std::nullopt;
  char buf[24];
  return std::string(e->string_value(buf));
}

// ---- The elements and their order

struct SortItem {
  std::string element;
  double score = 0;                     // numeric sort key (0 when the BY key is missing)
  std::optional<std::string> by_value;  // ALPHA with BY: the BY value (nullopt: missing)
};

// Redis's sortCompare: <0, 0 or >0 as a sorts before, with or after b.
struct SortOrder {
  bool alpha = false;
  bool by_pattern = false;
  bool store = false;  // STORE compares bytes where the reply path uses strcoll
  bool desc = false;

  int operator()(const SortItem& a, const SortItem& b) const {
    int cmp;
    if (!alpha) {
      if (a.score != b.score) {
        cmp = a.score > b.score ? 1 : -1;
      } else {
        cmp = binary_compare(a.element, b.element);
      }
    } else if (by_pattern) {
      if (!a.by_value || !b.by_value) {  // a missing BY value sorts first
        cmp = a.by_value.has_value() == b.by_value.has_value() ? 0 : (a.by_value ? 1 : -1);
      } else {
        cmp = store ? binary_compare(*a.by_value, *b.by_value) : collate(*a.by_value, *b.by_value);
      }
    } else {
      cmp = store ? binary_compare(a.element, b.element) : collate(a.element, b.element);
    }
    return desc ? -cmp : cmp;
  }
};

// Redis 7.0's pqsort (NetBSD's Bentley-McIlroy quicksort, without its switch to insertion
// sort after a swap-free partition, that skips the partitions lying wholly outside
// [lrange, rrange]), ported step for step so that elements the order calls equal land where
// Redis puts them. Afterwards v[lrange..rrange] hold the items a full sort puts there.
// Pending partitions are kept on a heap-allocated stack instead of Redis's recursion (an
// adversarial input cannot overflow the call stack); partitions are disjoint, so the order in
// which they are sorted does not change the result.
void pqsort(std::vector<SortItem>& v, const SortOrder& order, int64_t lrange, int64_t rrange) {
  auto cmp = [&](int64_t i, int64_t j) {
    return order(v[static_cast<size_t>(i)], v[static_cast<size_t>(j)]);
  };
  auto swap = [&](int64_t i, int64_t j) {
    std::swap(v[static_cast<size_t>(i)], v[static_cast<size_t>(j)]);
  };
  auto vecswap = [&](int64_t i, int64_t j, int64_t count) {
    for (int64_t k = 0; k < count; ++k) swap(i + k, j + k);
  };
  auto med3 = [&](int64_t a, int64_t b, int64_t c) {
    return cmp(a, b) < 0 ? (cmp(b, c) < 0 ? b : (cmp(a, c) < 0 ? c : a))
                         : (cmp(b, c) > 0 ? b : (cmp(a, c) < 0 ? a : c));
  };
  // True when [from, from + count) lies wholly before or wholly after [lrange, rrange].
  auto outside = [&](int64_t from, int64_t count) {
    return (lrange < from && rrange < from) || (lrange >= from + count && rrange >= from + count);
  };

  std::vector<std::pair<int64_t, int64_t>> pending{{0, static_cast<int64_t>(v.size())}};
  while (!pending.empty()) {
    const auto [lo, n] = pending.back();  // sorts v[lo, lo + n)
    pending.pop_back();
    if (n < 7) {  // insertion sort
      for (int64_t m = lo + 1; m < lo + n; ++m) {
        for (int64_t l = m; l > lo && cmp(l - 1, l) > 0; --l) swap(l, l - 1);
      }
      continue;
    }
    // Pivot: the middle item, the median of 3 (n > 7) or the median of 3 medians (n > 40).
    int64_t pm = lo + n / 2;
    if (n > 7) {
      int64_t pl = lo;
      int64_t pn = lo + n - 1;
      if (n > 40) {
        const int64_t d = n / 8;
        pl = med3(pl, pl + d, pl + 2 * d);
        pm = med3(pm - d, pm, pm + d);
        pn = med3(pn - 2 * d, pn - d, pn);
      }
      pm = med3(pl, pm, pn);
    }
    swap(lo, pm);
    // Three-way partition: items equal to the pivot gather at both ends, then move to the
    // middle.
    int64_t pa = lo + 1, pb = lo + 1;
    int64_t pc = lo + n - 1, pd = lo + n - 1;
    while (true) {
      int r;
      while (pb <= pc && (r = cmp(pb, lo)) <= 0) {
        if (r == 0) swap(pa++, pb);
        ++pb;
      }
      while (pb <= pc && (r = cmp(pc, lo)) >= 0) {
        if (r == 0) swap(pc, pd--);
        --pc;
      }
      if (pb > pc) break;
      swap(pb++, pc--);
    }
    const int64_t pn = lo + n;
    int64_t r = std::min(pa - lo, pb - pa);
    vecswap(lo, pb - r, r);
    r = std::min(pd - pc, pn - pd - 1);
    vecswap(pb, pn - r, r);
    // Redis recurses into the smaller-than part and loops on the greater-than part.
    if ((r = pd - pc) > 1 && !outside(pn - r, r)) pending.emplace_back(pn - r, r);
    if ((r = pb - pa) > 1 && !outside(lo, r)) pending.emplace_back(lo, r);
  }
}

// The output range [start, end] after Redis's LIMIT sanity checks (end < start: nothing).
struct Window {
  int64_t start;
  int64_t end;
};

Window clamp_limit(int64_t limit_start, int64_t limit_count, int64_t len) {
  Window w;
  w.start = std::min(std::max<int64_t>(limit_start, 0), len);
  const int64_t count = std::min(std::max<int64_t>(limit_count, -1), len);
  w.end = count < 0 ? len - 1 : w.start + count - 1;
  if (w.start >= len) {
    w.start = len - 1;
    w.end = len - 2;
  }
  if (w.end >= len) w.end = len - 1;
  return w;
}

// The source value; all null for a missing key (sorted as an empty list).
struct Source {
  const ListObject* list = nullptr;
  const SetValue* set = nullptr;
  const ZsetValue* zset = nullptr;

  int64_t size() const {
    if (list != nullptr) return static_cast<int64_t>(list->size());
    if (set != nullptr) return static_cast<int64_t>(set->size());
    if (zset != nullptr) return static_cast<int64_t>(zset->size());
    return 0;
  }
};

// Loads the elements to sort. For a list or zset that is not sorted only the window is read,
// in the requested direction, and *w is rebased onto the loaded vector.
std::vector<SortItem> load_items(const Source& src, bool dontsort, bool desc, Window* w) {
  std::vector<SortItem> items;
  const int64_t len = src.size();
  const bool window_only = dontsort && (src.list != nullptr || src.zset != nullptr);
  if (window_only) {
    if (w->end < w->start) return items;  // nothing to read (Redis leaves *w as it is)
    const auto first = static_cast<size_t>(desc ? len - 1 - w->start : w->start);
    const auto count = static_cast<size_t>(w->end - w->start + 1);
    items.reserve(count);
    if (src.list != nullptr) {
      src.list->visit(first, desc, [&](size_t, std::string_view v) {
        items.push_back({std::string(v)});
        return items.size() < count;
      });
    } else {
      const size_t last = desc ? first + 1 - count : first + count - 1;
      src.zset->for_ranks(std::min(first, last), std::max(first, last), desc,
                          [&](const ZsetItem& it) {
                            items.push_back({std::string(it.member)});
                            return true;
                          });
    }
    w->end -= w->start;
    w->start = 0;
    return items;
  }
  items.reserve(static_cast<size_t>(len));
  if (src.list != nullptr && len > 0) {
    src.list->visit(0, false, [&](size_t, std::string_view v) {
      items.push_back({std::string(v)});
      return true;
    });
  } else if (src.set != nullptr) {
    src.set->for_each([&](std::string_view m) { items.push_back({std::string(m)}); });
  } else if (src.zset != nullptr) {
    src.zset->for_each([&](const ZsetItem& it) { items.push_back({std::string(it.member)}); });
  }
  return items;
}

// Fills in the sort keys (score, or BY value for ALPHA). False when a numeric score cannot be
// read; every element is still looked up, as in Redis.
bool load_sort_keys(CommandContext& ctx, const SortRequest& req, std::vector<SortItem>& items) {
  bool ok = true;
  for (SortItem& item : items) {
    std::optional<std::string> by_value;
    if (req.by) {
      by_value = lookup_by_pattern(ctx, *req.by, item.element);
      if (!by_value) continue;  // missing: score 0, no BY value
    }
    if (req.alpha) {
      item.by_value = std::move(by_value);
      continue;
    }
    const auto score = parse_score(req.by ? *by_value : item.element);
    if (score) {
      item.score = *score;
    } else {
      ok = false;
    }
  }
  return ok;
}

// ---- Output

// The values the window produces: each element, or for each element its GET lookups in order
// (nullopt for a lookup that found nothing).
std::vector<std::optional<std::string>> output_values(CommandContext& ctx, const SortRequest& req,
                                                      const std::vector<SortItem>& items,
                                                      const Window& w) {
  std::vector<std::optional<std::string>> out;
  for (int64_t j = w.start; j <= w.end; ++j) {
    const std::string& element = items[static_cast<size_t>(j)].element;
    if (req.gets.empty()) out.emplace_back(element);
    for (std::string_view pattern : req.gets) {
      out.push_back(lookup_by_pattern(ctx, pattern, element));
    }
  }
  return out;
}

// STORE: the values become a list at dst (any old value and TTL replaced; event `sortstore`,
// class l); no values delete dst (event `del`, class g; when there is no dst either, nothing
// changed: no event, not propagated). Replies the number stored.
Reply store_values(CommandContext& ctx, std::string_view dst,
                   const std::vector<std::optional<std::string>>& values) {
  if (values.empty()) {
    if (ctx.ks.remove(ctx.db(), dst)) {
      ctx.ks.modified(ctx.db(), dst, kNotifyGeneric, "del");
    } else {
      ctx.ks.propagation().prevent();
    }
    return Reply::integer(0);
  }
  auto list = std::make_unique<ListObject>();
  for (const auto& v : values) list->push(ListEnd::kTail, v ? std::string_view(*v) : "");
  ctx.ks.lookup_write(ctx.db(), dst);  // lazy expiry first, as setKey's lookup does
  ctx.ks.overwrite(ctx.db(),
                   Entry::make_object(dst, ObjType::kList, Encoding::kQuicklist, std::move(list)),
                   false);
  ctx.ks.modified(ctx.db(), dst, kNotifyList, "sortstore");
  return Reply::integer(static_cast<int64_t>(values.size()));
}

// ---- The command

Reply sort_generic(CommandContext& ctx, Args argv, bool readonly) {
  SortRequest req;
  if (auto error = parse_request(argv, readonly, &req)) return std::move(*error);

  Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  Source src;
  if (e != nullptr) {
    switch (e->type()) {
      case ObjType::kList:
        src.list = static_cast<const ListObject*>(e->object());
        break;
      case ObjType::kSet:
        src.set = static_cast<const SetValue*>(e->object());
        break;
      case ObjType::kZset: {
        // Redis converts the zset in place before reading it, even for SORT_RO.
        auto* z = static_cast<ZsetValue*>(e->object());
        z->convert_to_skiplist();
        e->set_encoding(z->encoding());
        src.zset = z;
        break;
      }
      default:
        return wrong_type();
    }
  }

  // An unsorted set would be stored in iteration order: Redis sorts it ALPHA instead.
  if (req.dontsort && src.set != nullptr && req.store) {
    req.dontsort = false;
    req.alpha = true;
    req.by.reset();
  }

  Window w = clamp_limit(req.limit_start, req.limit_count, src.size());
  std::vector<SortItem> items = load_items(src, req.dontsort, req.desc, &w);

  if (!req.dontsort) {
    if (!load_sort_keys(ctx, req, items)) return Reply::error(err::kSortScoreNotDouble);
    const SortOrder order{.alpha = req.alpha,
                          .by_pattern = req.by.has_value(),
                          .store = req.store.has_value(),
                          .desc = req.desc};
    const auto n = static_cast<int64_t>(items.size());
    if (req.by && (w.start != 0 || w.end != n - 1)) {
      pqsort(items, order, w.start, w.end);
    } else {
      // Redis calls qsort, which glibc implements as a stable merge sort.
      std::stable_sort(items.begin(), items.end(),
                       [&](const SortItem& a, const SortItem& b) { return order(a, b) < 0; });
    }
  }

  const auto values = output_values(ctx, req, items, w);
  if (req.store) return store_values(ctx, *req.store, values);
  // SORT is a write command only for STORE: a sort that just replies is not propagated.
  ctx.ks.propagation().prevent();
  std::vector<Reply> out;
  out.reserve(values.size());
  for (const auto& v : values) out.push_back(v ? Reply::bulk(*v) : Reply::null());
  return Reply::array(std::move(out));
}

Reply sort_command(CommandContext& ctx, Args argv) { return sort_generic(ctx, argv, false); }
Reply sort_ro_command(CommandContext& ctx, Args argv) { return sort_generic(ctx, argv, true); }

}  // namespace

void register_sort_commands(CommandTable& t) {
  // Both also take keys from BY/GET patterns and STORE (movablekeys in Redis).
  FamilyRows add(t, "generic");
  add("sort", -2, kCmdWrite | kCmdDenyOom, sort_command, "1.0.0");
  add("sort_ro", -2, kCmdReadonly, sort_ro_command, "7.0.0");
}

}  // namespace kevy
