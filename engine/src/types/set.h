// SetValue: the value of a set key, in one of Redis 7.0's two set encodings.
//
// - intset: the members are all canonical int64 texts (Redis's string2ll), stored as integers
//   sorted ascending in one buffer of 2-, 4- or 8-byte little-endian slots (the width grows to
//   fit the widest member, never shrinks). Lookups are binary searches; iteration, SMEMBERS and
//   SSCAN order is ascending, as in Redis.
// - hashtable: a Table of string Entries (the member is the Entry's key, the value empty),
//   with the Table's scan-stable cursors for SSCAN.
//
// add() converts intset -> hashtable when a member is not an integer or the set grows past
// the given max_intset_entries; never back.
// Memory: memory_bytes() is O(1) — the store charges it after every write command. The
// hashtable form keeps the malloc chunks of its entries in a running sum (entry_bytes_) that
// add, erase and conversion adjust; the buffer and the table's slot array are sized at read
// time.
// Not thread-safe; views returned point into the value and are invalidated by any change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/entry.h"
#include "core/table.h"

namespace kevy {

class SetValue final : public Object {
 public:
  SetValue() = default;
  // An empty set that starts as a hashtable (a first member that is not an integer).
  static std::unique_ptr<SetValue> make_table();
  SetValue(const SetValue&) = delete;
  SetValue& operator=(const SetValue&) = delete;
  ~SetValue() override;

  std::unique_ptr<Object> clone() const override;

  bool is_intset() const { return table_ == nullptr; }
  // Intset form: bytes per member (2, 4 or 8). It grows with the widest member ever added and
  // never shrinks, as in Redis, whose DUMP writes the intset at this width.
  unsigned intset_width() const { return width_; }
  // Intset form: widens the slots to at least `width` bytes (2, 4 or 8), as a loaded intset
  // blob keeps its width. No-op for a hashtable.
  void widen_to(unsigned width);
  Encoding encoding() const { return is_intset() ? Encoding::kIntset : Encoding::kHashtable; }
  size_t size() const { return is_intset() ? count_ : table_->size(); }
  bool empty() const { return size() == 0; }

  bool contains(std::string_view member) const;
  // Adds member; true when it was new. Converts to a hashtable first for a non-integer member,
  // after when an intset grows past max_intset_entries.
  bool add(std::string_view member, size_t max_intset_entries);
  // True when the member was there.
  bool erase(std::string_view member);
  void convert_to_table();

  // Calls fn(member) on every member: ascending for an intset, table order else. The view is
  // valid only during the call. fn must not modify the set.
  void for_each(const std::function<void(std::string_view)>& fn) const;
  // Every member, in for_each order.
  std::vector<std::string> members() const;
  // Hashtable only: as Table::scan. REQUIRES: !is_intset().
  uint64_t scan(uint64_t cursor, size_t count,
                const std::function<void(std::string_view)>& fn) const;
  // A member chosen with r (repetition across calls). REQUIRES: !empty().
  std::string random_member(uint64_t r) const;

  // Bytes held by this value (buffer or table slots plus entries) as malloc chunks
  // (core/heap.h), for MEMORY USAGE and the maxmemory accounting. O(1).
  size_t memory_bytes() const;
  // The same number counted afresh from every entry, O(n): for tests of memory_bytes().
  size_t recount_memory_bytes() const;

 private:
  int64_t int_at(size_t i) const;
  void put_int(size_t i, int64_t v);
  // Index of v, or of where it would go; *found says which.
  size_t lower_bound(int64_t v, bool* found) const;
  void widen(unsigned width);

  std::string buf_;  // intset slots, width_ bytes each
  unsigned width_ = 2;
  size_t count_ = 0;
  std::unique_ptr<Table> table_;  // hashtable form; owns its entries
  size_t entry_bytes_ = 0;        // hashtable form: sum of heap_bytes(alloc_size()) of entries
};

}  // namespace kevy
