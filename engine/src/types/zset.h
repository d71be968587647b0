// ZsetValue: the value of a sorted-set key, in one of Redis 7.0's two zset encodings.
//
// Order is Redis's: ascending score, ties broken by member bytes (memcmp order, a prefix first).
// Ranks are 0-based in that order.
//
// - listpack: every (score, member) pair in one sorted buffer as [score][varint length][member].
//   A score is one varint: an integral value of magnitude below 2^53 is stored as
//   (zigzag(value) << 1), anything else (-0 included) as the varint 1 followed by the 8 bytes
//   of the double. Like Redis's listpack, whose commands store a score as text through
//   d2string and back, set() stores -0 as 0, except for a listpack loaded from RDB/RESTORE,
//   where Redis keeps the text "-0" it was given (ListpackZero::kKeepSign).
//   Lookups and rank access are linear, so this form is only for small sets.
// - skiplist: a Table of Entries (member -> 8-byte double) for O(1) ZSCORE, plus an ordered
//   index of fixed-capacity sorted chunks of (score, Entry*) with a Fenwick tree over the chunk
//   sizes, so insert, erase, rank and access by rank are O(log n) (plus a bounded memmove
//   inside one chunk). Redis uses a skip list for the same job; the name is kept because OBJECT
//   ENCODING reports it.
//
// Conversion listpack -> skiplist happens in set() when ZsetLimits are exceeded, or through
// convert_to_skiplist(); never back (as in Redis, except for the STORE forms, which pick the
// encoding of a new key from its final size: see `new_for_size`).
// Memory: memory_bytes() is O(1) — the store charges it after every write command. The
// skiplist form keeps running sums of the malloc chunks of its entries (entry_bytes_) and of
// its index chunks' arrays (chunk_bytes_), adjusted wherever an entry is made or freed or a
// chunk's capacity changes (growth, split, merge, drop); the buffer, the table's slot array,
// the chunk vector and the Fenwick array are sized at read time.
// Not thread-safe; views returned point into the value and are invalidated by any change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/entry.h"
#include "core/table.h"

namespace kevy {

// zset-max-listpack-entries / zset-max-listpack-value.
struct ZsetLimits {
  size_t max_listpack_entries = 128;
  size_t max_listpack_value = 64;
};

// How set() stores a score of -0 in the listpack form (see the header comment).
enum class ListpackZero { kAsZero, kKeepSign };

// The text a Redis 7.0.15 listpack holds for a score (zzlInsertAt's d2string): an integral
// value within +-LLONG_MAX/2 (2^62 included) as its integer digits, which the listpack then
// stores as an integer; "inf"/"-inf"; -0 as "-0" (only a loaded listpack holds -0: commands
// store 0); anything else as "%.17g". ZSCAN of a listpack replies these texts and DUMP
// writes them.
std::string listpack_score_text(double score);

struct ZsetItem {
  std::string_view member;
  double score;
};

class ZsetValue final : public Object {
 public:
  ZsetValue() = default;
  // An empty zset in the encoding Redis gives a new key that will hold `size` members whose
  // longest member is `max_member_len` bytes (zsetTypeCreate): skiplist when either exceeds
  // limits, or when max_listpack_entries is 0.
  static std::unique_ptr<ZsetValue> new_for_size(size_t size, size_t max_member_len,
                                                 const ZsetLimits& limits);
  ZsetValue(const ZsetValue&) = delete;
  ZsetValue& operator=(const ZsetValue&) = delete;
  ~ZsetValue() override;

  std::unique_ptr<Object> clone() const override;

  bool is_listpack() const { return table_ == nullptr; }
  Encoding encoding() const { return is_listpack() ? Encoding::kListpack : Encoding::kSkiplist; }
  size_t size() const { return is_listpack() ? count_ : table_->size(); }
  bool empty() const { return size() == 0; }

  std::optional<double> score(std::string_view member) const;
  // Sets member's score (adding it when absent): converts to a skiplist first when the member
  // is longer than limits.max_listpack_value, after when the set grows past
  // limits.max_listpack_entries. True when the member is new. A -0 score in the listpack
  // form is stored as 0 unless `zero` says to keep its sign. REQUIRES: score is not NaN.
  bool set(std::string_view member, double score, const ZsetLimits& limits,
           ListpackZero zero = ListpackZero::kAsZero);
  // True when the member was there.
  bool erase(std::string_view member);
  // Removes the members of ranks [from, to]. REQUIRES: from <= to < size().
  void erase_ranks(size_t from, size_t to);
  void convert_to_skiplist();

  // Ascending rank of member, or nullopt when absent.
  std::optional<size_t> rank(std::string_view member) const;
  // The item of the given rank. REQUIRES: rank < size().
  ZsetItem at(size_t rank) const;
  // The number of leading items (in ascending order) for which pred is true. pred must be true
  // on a prefix and false after it (e.g. "score < min").
  size_t partition_point(const std::function<bool(const ZsetItem&)>& pred) const;
  // Calls fn on the items of ranks [from, to] (inclusive), ascending or, when reverse, from
  // `to` down to `from`. fn returns false to stop. fn must not modify the set.
  // REQUIRES: from <= to < size().
  void for_ranks(size_t from, size_t to, bool reverse,
                 const std::function<bool(const ZsetItem&)>& fn) const;
  // Every item ascending.
  void for_each(const std::function<void(const ZsetItem&)>& fn) const;

  // Skiplist only: visits members from `cursor` as Table::scan does; returns the next cursor
  // (0 when done). REQUIRES: !is_listpack().
  uint64_t scan(uint64_t cursor, size_t count,
                const std::function<void(const ZsetItem&)>& fn) const;
  // A random item (with repetition across calls), chosen with r. REQUIRES: !empty().
  ZsetItem random_item(uint64_t r) const;

  // Bytes held by this value as malloc chunks (core/heap.h), for MEMORY USAGE and the
  // maxmemory accounting. O(1).
  size_t memory_bytes() const;
  // The same number counted afresh from every entry and chunk, O(n): for tests of
  // memory_bytes().
  size_t recount_memory_bytes() const;

 private:
  struct Node {
    double score;
    Entry* entry;  // owned by table_; key() is the member, str() the 8 score bytes
  };
  using Chunk = std::vector<Node>;

  // listpack helpers
  size_t lp_find(std::string_view member, double* score) const;  // offset or npos
  void lp_item_at(size_t pos, ZsetItem* item, size_t* next) const;
  void lp_insert(std::string_view member, double score);
  void lp_erase_at(size_t pos, size_t next);

  // skiplist helpers
  void sl_insert(Entry* e, double score);
  void sl_erase_node(double score, std::string_view member);
  // (chunk, index) of the first node not less than (score, member).
  std::pair<size_t, size_t> sl_lower_bound(double score, std::string_view member) const;
  std::pair<size_t, size_t> sl_locate(size_t rank) const;  // chunk and index of a rank
  size_t sl_rank_of_chunk(size_t chunk) const;              // ranks before chunk
  void fenwick_add(size_t chunk, int64_t delta);
  void fenwick_rebuild();
  // Memory accounting of the skiplist form (see the header comment).
  static size_t chunk_heap_bytes(const Chunk& chunk);
  Entry* make_entry(std::string_view member, double score);  // counted in entry_bytes_
  void destroy_entry(Entry* e);                              // uncounted and freed
  // Runs f(chunk) on chunks_[c] and moves chunk_bytes_ by the change of its array's chunk.
  template <typename F>
  void edit_chunk(size_t c, F&& f);
  // Removes chunks_[c] (releasing its array first, so the moves closing the gap free nothing
  // else).
  void drop_chunk(size_t c);

  std::string buf_;  // listpack form
  size_t count_ = 0;
  std::unique_ptr<Table> table_;  // skiplist form: member entries, owned
  std::vector<Chunk> chunks_;     // skiplist form: ordered index
  std::vector<size_t> fenwick_;   // over chunks_[i].size()
  size_t entry_bytes_ = 0;        // skiplist form: heap_bytes(alloc_size()) of every entry
  size_t chunk_bytes_ = 0;        // skiplist form: chunk_heap_bytes() of every chunk
};

// Redis's score comparison order: by score, then member bytes.
inline bool zset_less(double s1, std::string_view m1, double s2, std::string_view m2) {
  if (s1 != s2) return s1 < s2;
  return m1 < m2;
}

}  // namespace kevy
