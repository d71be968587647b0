#include "types/zset.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include "core/heap.h"
#include "core/numbers.h"
#include "core/varint.h"
#include "types/memory_usage.h"

namespace kevy {

std::string listpack_score_text(double score) {
  if (score == 0 && std::signbit(score)) return "-0";
  // d2string's double2ll: the bound LLONG_MAX / 2 compares as the double 2^62.
  constexpr double kMax = static_cast<double>(std::numeric_limits<int64_t>::max() / 2);
  if (score >= -kMax && score <= kMax) {
    const auto ll = static_cast<int64_t>(score);
    if (static_cast<double>(ll) == score) {
      char buf[24];
      return std::string(buf, format_int64(ll, buf));
    }
  }
  return format_double_reply(score);
}
namespace {

// Rank index chunks hold at most this many nodes; a full chunk splits in two halves.
constexpr size_t kChunkMax = 128;
// A chunk this small after an erase merges with its successor when both fit in one chunk.
constexpr size_t kChunkMergeBelow = kChunkMax / 4;
// Integral scores below this magnitude are stored as varints in the listpack form.
constexpr double kMaxVarintScore = 9007199254740992.0;  // 2^53

void put_score(std::string& out, double score) {
  // -0 keeps its 8 bytes: set() stores it only for a listpack loaded with the text "-0".
  const bool negative_zero = score == 0 && std::signbit(score);
  if (score == std::trunc(score) && std::fabs(score) < kMaxVarintScore && !negative_zero) {
    const auto i = static_cast<int64_t>(score);
    const uint64_t zigzag = (static_cast<uint64_t>(i) << 1) ^ static_cast<uint64_t>(i >> 63);
    varint::append(out, zigzag << 1);
    return;
  }
  varint::append(out, 1);
  char raw[sizeof(double)];
  std::memcpy(raw, &score, sizeof raw);
  out.append(raw, sizeof raw);
}

const unsigned char* get_score(const unsigned char* p, double* score) {
  size_t v;
  p = varint::get(p, &v);
  if ((v & 1) != 0) {
    std::memcpy(score, p, sizeof(double));
    return p + sizeof(double);
  }
  const uint64_t zigzag = static_cast<uint64_t>(v) >> 1;
  const auto i = static_cast<int64_t>((zigzag >> 1) ^ (~(zigzag & 1) + 1));
  *score = static_cast<double>(i);
  return p;
}

std::string_view score_bytes(const double& score) {
  return std::string_view(reinterpret_cast<const char*>(&score), sizeof score);
}

double entry_score(const Entry* e) {
  double score;
  std::memcpy(&score, e->str().data(), sizeof score);
  return score;
}

}  // namespace

std::unique_ptr<ZsetValue> ZsetValue::new_for_size(size_t size, size_t max_member_len,
                                                   const ZsetLimits& limits) {
  auto z = std::make_unique<ZsetValue>();
  if (limits.max_listpack_entries == 0 || size > limits.max_listpack_entries ||
      max_member_len > limits.max_listpack_value) {
    z->convert_to_skiplist();
  }
  return z;
}

ZsetValue::~ZsetValue() {
  if (table_) table_->clear([](Entry* e) { Entry::destroy(e); });
}

std::unique_ptr<Object> ZsetValue::clone() const {
  auto copy = std::make_unique<ZsetValue>();
  copy->buf_ = buf_;
  copy->count_ = count_;
  if (table_) {
    copy->table_ = std::make_unique<Table>();
    copy->chunks_.reserve(chunks_.size());
    for (const Chunk& chunk : chunks_) {
      Chunk& out = copy->chunks_.emplace_back();
      out.reserve(chunk.capacity());
      for (const Node& n : chunk) {
        Entry* e = Entry::clone(n.entry, n.entry->key());
        copy->entry_bytes_ += heap_bytes(e->alloc_size());
        copy->table_->insert(e);
        out.push_back(Node{n.score, e});
      }
      copy->chunk_bytes_ += chunk_heap_bytes(out);
    }
    copy->fenwick_rebuild();
  }
  return copy;
}

// ---- listpack form ----

void ZsetValue::lp_item_at(size_t pos, ZsetItem* item, size_t* next) const {
  const auto* base = reinterpret_cast<const unsigned char*>(buf_.data());
  const unsigned char* p = get_score(base + pos, &item->score);
  size_t len;
  p = varint::get(p, &len);
  item->member = std::string_view(reinterpret_cast<const char*>(p), len);
  *next = static_cast<size_t>(p - base) + len;
}

size_t ZsetValue::lp_find(std::string_view member, double* score) const {
  size_t pos = 0;
  while (pos < buf_.size()) {
    ZsetItem item;
    size_t next;
    lp_item_at(pos, &item, &next);
    if (item.member == member) {
      if (score != nullptr) *score = item.score;
      return pos;
    }
    pos = next;
  }
  return std::string::npos;
}

void ZsetValue::lp_insert(std::string_view member, double score) {
  size_t pos = 0;
  while (pos < buf_.size()) {
    ZsetItem item;
    size_t next;
    lp_item_at(pos, &item, &next);
    if (zset_less(score, member, item.score, item.member)) break;
    pos = next;
  }
  std::string encoded;
  put_score(encoded, score);
  varint::append(encoded, member.size());
  encoded.append(member);
  buf_.insert(pos, encoded);
  ++count_;
}

void ZsetValue::lp_erase_at(size_t pos, size_t next) {
  buf_.erase(pos, next - pos);
  --count_;
}

// ---- skiplist form: memory accounting ----

size_t ZsetValue::chunk_heap_bytes(const Chunk& chunk) {
  return heap_bytes(chunk.capacity() * sizeof(Node));
}

Entry* ZsetValue::make_entry(std::string_view member, double score) {
  entry_bytes_ += string_entry_heap_bytes(member.size(), sizeof score);
  return Entry::make_string(member, score_bytes(score), Encoding::kRaw);
}

void ZsetValue::destroy_entry(Entry* e) {
  entry_bytes_ -= heap_bytes(e->alloc_size());
  Entry::destroy(e);
}

template <typename F>
void ZsetValue::edit_chunk(size_t c, F&& f) {
  Chunk& chunk = chunks_[c];
  const size_t capacity = chunk.capacity();
  f(chunk);
  if (chunk.capacity() == capacity) return;  // the usual case: the same array
  chunk_bytes_ += chunk_heap_bytes(chunk);
  chunk_bytes_ -= heap_bytes(capacity * sizeof(Node));
}

void ZsetValue::drop_chunk(size_t c) {
  chunk_bytes_ -= chunk_heap_bytes(chunks_[c]);
  Chunk().swap(chunks_[c]);
  chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(c));
}

// ---- skiplist form: rank index ----

void ZsetValue::fenwick_rebuild() {
  const size_t n = chunks_.size();
  fenwick_.assign(n + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    fenwick_[i] += chunks_[i - 1].size();
    const size_t parent = i + (i & (~i + 1));
    if (parent <= n) fenwick_[parent] += fenwick_[i];
  }
}

void ZsetValue::fenwick_add(size_t chunk, int64_t delta) {
  for (size_t i = chunk + 1; i < fenwick_.size(); i += i & (~i + 1)) {
    fenwick_[i] = static_cast<size_t>(static_cast<int64_t>(fenwick_[i]) + delta);
  }
}

size_t ZsetValue::sl_rank_of_chunk(size_t chunk) const {
  size_t sum = 0;
  for (size_t i = chunk; i > 0; i -= i & (~i + 1)) sum += fenwick_[i];
  return sum;
}

std::pair<size_t, size_t> ZsetValue::sl_locate(size_t rank) const {
  const size_t n = chunks_.size();
  size_t step = 1;
  while (step * 2 <= n) step *= 2;
  size_t pos = 0;
  for (; step > 0; step /= 2) {
    if (pos + step <= n && fenwick_[pos + step] <= rank) {
      pos += step;
      rank -= fenwick_[pos];
    }
  }
  return {pos, rank};
}

std::pair<size_t, size_t> ZsetValue::sl_lower_bound(double score, std::string_view member) const {
  const auto node_less = [](const Node& n, const std::pair<double, std::string_view>& x) {
    return zset_less(n.score, n.entry->key(), x.first, x.second);
  };
  const std::pair<double, std::string_view> x(score, member);
  const auto chunk = std::partition_point(chunks_.begin(), chunks_.end(), [&](const Chunk& c) {
    return node_less(c.back(), x);
  });
  if (chunk == chunks_.end()) return {chunks_.size(), 0};
  const auto it = std::lower_bound(chunk->begin(), chunk->end(), x, node_less);
  return {static_cast<size_t>(chunk - chunks_.begin()), static_cast<size_t>(it - chunk->begin())};
}

void ZsetValue::sl_insert(Entry* e, double score) {
  auto [c, i] = sl_lower_bound(score, e->key());
  if (chunks_.empty()) {
    chunks_.emplace_back();
    c = 0;
    i = 0;
    fenwick_rebuild();
  } else if (c == chunks_.size()) {  // after every node: append to the last chunk
    c = chunks_.size() - 1;
    i = chunks_[c].size();
  }
  const size_t at = i;  // (clang 14 cannot capture a structured binding)
  edit_chunk(c, [&](Chunk& chunk) {
    chunk.insert(chunk.begin() + static_cast<std::ptrdiff_t>(at), Node{score, e});
  });
  Chunk& chunk = chunks_[c];
  if (chunk.size() <= kChunkMax) {
    fenwick_add(c, 1);
    return;
  }
  // The lower half keeps its array (resize never shrinks a capacity); the upper half's is new.
  Chunk upper(chunk.begin() + static_cast<std::ptrdiff_t>(chunk.size() / 2), chunk.end());
  chunk.resize(chunk.size() / 2);
  chunk_bytes_ += chunk_heap_bytes(upper);
  chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(c) + 1, std::move(upper));
  fenwick_rebuild();
}

void ZsetValue::sl_erase_node(double score, std::string_view member) {
  const auto [c, i] = sl_lower_bound(score, member);
  Chunk& chunk = chunks_[c];
  chunk.erase(chunk.begin() + static_cast<std::ptrdiff_t>(i));  // keeps the capacity
  if (chunk.empty()) {
    drop_chunk(c);
    fenwick_rebuild();
    return;
  }
  if (chunk.size() < kChunkMergeBelow && c + 1 < chunks_.size() &&
      chunk.size() + chunks_[c + 1].size() <= kChunkMax) {
    const Chunk& next = chunks_[c + 1];
    edit_chunk(c, [&](Chunk& ch) { ch.insert(ch.end(), next.begin(), next.end()); });
    drop_chunk(c + 1);
    fenwick_rebuild();
    return;
  }
  fenwick_add(c, -1);
}

// ---- public operations ----

void ZsetValue::convert_to_skiplist() {
  if (table_) return;
  auto table = std::make_unique<Table>();
  std::vector<Node> nodes;
  nodes.reserve(count_);
  for_each([&](const ZsetItem& item) {  // still the listpack walk: table_ is set after
    Entry* e = make_entry(item.member, item.score);
    table->insert(e);
    nodes.push_back(Node{item.score, e});
  });
  table_ = std::move(table);
  for (size_t at = 0; at < nodes.size(); at += kChunkMax / 2) {
    const size_t end = std::min(nodes.size(), at + kChunkMax / 2);
    chunks_.emplace_back(nodes.begin() + static_cast<std::ptrdiff_t>(at),
                         nodes.begin() + static_cast<std::ptrdiff_t>(end));
    chunk_bytes_ += chunk_heap_bytes(chunks_.back());
  }
  fenwick_rebuild();
  std::string().swap(buf_);
  count_ = 0;
}

std::optional<double> ZsetValue::score(std::string_view member) const {
  if (table_) {
    const Entry* e = table_->find(member);
    if (e == nullptr) return std::nullopt;
    return entry_score(e);
  }
  double score;
  if (lp_find(member, &score) == std::string::npos) return std::nullopt;
  return score;
}

bool ZsetValue::set(std::string_view member, double score, const ZsetLimits& limits,
                    ListpackZero zero) {
  if (!table_) {
    // What goes into the listpack: -0 as 0 unless kept (a conversion below stores the score
    // as given, sign included, as Redis's skiplist does).
    const double lp_score = zero == ListpackZero::kAsZero && score == 0 ? 0.0 : score;
    size_t pos = lp_find(member, nullptr);
    if (pos != std::string::npos) {
      ZsetItem old;
      size_t next;
      lp_item_at(pos, &old, &next);
      lp_erase_at(pos, next);
      lp_insert(member, lp_score);
      return false;
    }
    if (count_ + 1 > limits.max_listpack_entries || member.size() > limits.max_listpack_value) {
      convert_to_skiplist();
    } else {
      lp_insert(member, lp_score);
      return true;
    }
  }
  Entry* e = table_->find(member);
  if (e != nullptr) {
    const double old = entry_score(e);
    if (old == score && std::signbit(old) == std::signbit(score)) return false;
    sl_erase_node(old, member);
    std::memcpy(e->mutable_str(), &score, sizeof score);
    sl_insert(e, score);
    return false;
  }
  e = make_entry(member, score);
  table_->insert(e);
  sl_insert(e, score);
  return true;
}

bool ZsetValue::erase(std::string_view member) {
  if (!table_) {
    const size_t pos = lp_find(member, nullptr);
    if (pos == std::string::npos) return false;
    ZsetItem item;
    size_t next;
    lp_item_at(pos, &item, &next);
    lp_erase_at(pos, next);
    return true;
  }
  Entry* e = table_->erase(member);
  if (e == nullptr) return false;
  sl_erase_node(entry_score(e), member);
  destroy_entry(e);
  return true;
}

void ZsetValue::erase_ranks(size_t from, size_t to) {
  if (!table_) {
    size_t pos = 0;
    size_t start = 0;
    for (size_t r = 0; r <= to; ++r) {
      if (r == from) start = pos;
      ZsetItem item;
      lp_item_at(pos, &item, &pos);
    }
    buf_.erase(start, pos - start);
    count_ -= to - from + 1;
    return;
  }
  auto [c, i] = sl_locate(from);
  size_t remaining = to - from + 1;
  while (remaining > 0) {
    Chunk& chunk = chunks_[c];
    const size_t take = std::min(remaining, chunk.size() - i);
    for (size_t k = i; k < i + take; ++k) destroy_entry(table_->erase(chunk[k].entry->key()));
    chunk.erase(chunk.begin() + static_cast<std::ptrdiff_t>(i),
                chunk.begin() + static_cast<std::ptrdiff_t>(i + take));
    remaining -= take;
    if (chunk.empty()) {
      drop_chunk(c);
    } else {
      ++c;
    }
    i = 0;
  }
  fenwick_rebuild();
}

std::optional<size_t> ZsetValue::rank(std::string_view member) const {
  if (table_) {
    const Entry* e = table_->find(member);
    if (e == nullptr) return std::nullopt;
    const auto [c, i] = sl_lower_bound(entry_score(e), member);
    return sl_rank_of_chunk(c) + i;
  }
  size_t pos = 0;
  for (size_t r = 0; pos < buf_.size(); ++r) {
    ZsetItem item;
    lp_item_at(pos, &item, &pos);
    if (item.member == member) return r;
  }
  return std::nullopt;
}

ZsetItem ZsetValue::at(size_t rank) const {
  ZsetItem found{};
  for_ranks(rank, rank, false, [&](const ZsetItem& item) {
    found = item;
    return false;
  });
  return found;
}

size_t ZsetValue::partition_point(const std::function<bool(const ZsetItem&)>& pred) const {
  const auto item_of = [](const Node& n) { return ZsetItem{n.entry->key(), n.score}; };
  if (table_) {
    const auto chunk = std::partition_point(chunks_.begin(), chunks_.end(),
                                            [&](const Chunk& c) { return pred(item_of(c.back())); });
    if (chunk == chunks_.end()) return size();
    const auto it = std::partition_point(chunk->begin(), chunk->end(),
                                         [&](const Node& n) { return pred(item_of(n)); });
    return sl_rank_of_chunk(static_cast<size_t>(chunk - chunks_.begin())) +
           static_cast<size_t>(it - chunk->begin());
  }
  size_t pos = 0;
  size_t r = 0;
  while (pos < buf_.size()) {
    ZsetItem item;
    lp_item_at(pos, &item, &pos);
    if (!pred(item)) break;
    ++r;
  }
  return r;
}

void ZsetValue::for_ranks(size_t from, size_t to, bool reverse,
                          const std::function<bool(const ZsetItem&)>& fn) const {
  if (table_) {
    auto [c, i] = sl_locate(reverse ? to : from);
    for (size_t n = to - from + 1; n > 0; --n) {
      const Node& node = chunks_[c][i];
      if (!fn(ZsetItem{node.entry->key(), node.score})) return;
      if (n == 1) return;
      if (reverse) {
        if (i == 0) {
          --c;
          i = chunks_[c].size();
        }
        --i;
      } else if (++i == chunks_[c].size()) {
        ++c;
        i = 0;
      }
    }
    return;
  }
  if (!reverse) {
    size_t pos = 0;
    for (size_t r = 0; r <= to; ++r) {
      ZsetItem item;
      lp_item_at(pos, &item, &pos);
      if (r >= from && !fn(item)) return;
    }
    return;
  }
  // Listpack entries are only walkable forwards: collect the offsets of the range first.
  std::vector<size_t> offsets;
  offsets.reserve(to - from + 1);
  size_t pos = 0;
  for (size_t r = 0; r <= to; ++r) {
    if (r >= from) offsets.push_back(pos);
    ZsetItem item;
    lp_item_at(pos, &item, &pos);
  }
  for (auto it = offsets.rbegin(); it != offsets.rend(); ++it) {
    ZsetItem item;
    size_t next;
    lp_item_at(*it, &item, &next);
    if (!fn(item)) return;
  }
}

void ZsetValue::for_each(const std::function<void(const ZsetItem&)>& fn) const {
  if (table_) {
    for (const Chunk& chunk : chunks_) {
      for (const Node& n : chunk) fn(ZsetItem{n.entry->key(), n.score});
    }
    return;
  }
  size_t pos = 0;
  while (pos < buf_.size()) {
    ZsetItem item;
    lp_item_at(pos, &item, &pos);
    fn(item);
  }
}

uint64_t ZsetValue::scan(uint64_t cursor, size_t count,
                         const std::function<void(const ZsetItem&)>& fn) const {
  return table_->scan(cursor, count,
                      [&](Entry* e) { fn(ZsetItem{e->key(), entry_score(e)}); });
}

ZsetItem ZsetValue::random_item(uint64_t r) const {
  if (table_) {
    const Entry* e = table_->random_entry(r);
    return ZsetItem{e->key(), entry_score(e)};
  }
  return at(static_cast<size_t>(r % count_));
}

size_t ZsetValue::memory_bytes() const {
  // Malloc chunks (core/heap.h): the object, then the buffer, or the table, its entries and
  // the rank index.
  if (!table_) return heap_bytes(sizeof(*this)) + heap_bytes(buf_);
  return heap_bytes(sizeof(*this)) + heap_bytes(sizeof(Table)) +
         heap_bytes(table_->memory_bytes()) + heap_bytes(chunks_.capacity() * sizeof(Chunk)) +
         heap_bytes(fenwick_.capacity() * sizeof(size_t)) + chunk_bytes_ + entry_bytes_;
}

size_t ZsetValue::recount_memory_bytes() const {
  if (!table_) return heap_bytes(sizeof(*this)) + heap_bytes(buf_);
  size_t n = heap_bytes(sizeof(*this)) + heap_bytes(sizeof(Table)) +
             heap_bytes(table_->memory_bytes()) + heap_bytes(chunks_.capacity() * sizeof(Chunk)) +
             heap_bytes(fenwick_.capacity() * sizeof(size_t));
  for (const Chunk& chunk : chunks_) n += heap_bytes(chunk.capacity() * sizeof(Node));
  table_->for_each([&](Entry* e) { n += heap_bytes(e->alloc_size()); });
  return n;
}

}  // namespace kevy
