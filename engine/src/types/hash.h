// HashValue: the value of a hash key, in one of Redis's two encodings.
//
// - listpack: every field/value pair in one buffer, in insertion order (a new field is appended,
//   an updated field keeps its place, a deleted one closes the gap), as [varint field length]
//   [varint value length][field][value]: both lengths come first so that a scan steps from pair
//   to pair with one read of the (usually one-byte each) lengths. Lookups are linear, as in
//   Redis's listpack, so this form is only for small hashes. HGETALL/HKEYS/HSCAN order is this
//   order, which Redis's is too.
// - hashtable: a Table of string Entries (one allocation per pair: the field is the Entry's key,
//   the value its string), with the Table's scan-stable cursors for HSCAN.
//
// Conversion listpack -> hashtable is one-way and is the caller's decision (see
// HashLimits / needs_table); this type only stores.
// Memory: memory_bytes() is O(1) — the store charges it after every write command. The
// hashtable form keeps the malloc chunks of its entries in a running sum (entry_bytes_) that
// insert, erase, value replace and conversion adjust; the buffer and the table's slot array
// are sized at read time.
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

// hash-max-listpack-entries / hash-max-listpack-value.
struct HashLimits {
  size_t max_listpack_entries = 512;
  size_t max_listpack_value = 64;
};

class HashValue final : public Object {
 public:
  HashValue() = default;
  HashValue(const HashValue&) = delete;
  HashValue& operator=(const HashValue&) = delete;
  ~HashValue() override;

  std::unique_ptr<Object> clone() const override;

  bool is_listpack() const { return table_ == nullptr; }
  Encoding encoding() const { return is_listpack() ? Encoding::kListpack : Encoding::kHashtable; }
  size_t size() const { return is_listpack() ? count_ : table_->size(); }
  bool empty() const { return size() == 0; }

  std::optional<std::string_view> get(std::string_view field) const;
  bool contains(std::string_view field) const { return get(field).has_value(); }
  // Sets field to value, converting to a hashtable first when the field or value is longer
  // than limits.max_listpack_value, and after when the hash holds more than
  // limits.max_listpack_entries (also when the field existed, as Redis's hashTypeSet does).
  // True when the field is new.
  bool set(std::string_view field, std::string_view value, const HashLimits& limits);
  // True when the field existed.
  bool erase(std::string_view field);
  // Moves every pair into a hashtable (no-op when already one).
  void convert_to_table();

  // Calls fn(field, value) on every pair: insertion order for a listpack, table order else.
  // fn must not modify the hash.
  void for_each(const std::function<void(std::string_view, std::string_view)>& fn) const;
  // All pairs, in for_each order (views into the hash).
  std::vector<std::pair<std::string_view, std::string_view>> pairs() const;
  // Hashtable only: visits pairs from `cursor` as Table::scan does; returns the next cursor
  // (0 when done). REQUIRES: !is_listpack().
  uint64_t scan(uint64_t cursor, size_t count,
                const std::function<void(std::string_view, std::string_view)>& fn) const;
  // A random pair (with repetition across calls), chosen with r. REQUIRES: !empty().
  std::pair<std::string_view, std::string_view> random_pair(uint64_t r) const;

  // Bytes held by this value (buffer or table slots plus entries) as malloc chunks
  // (core/heap.h), for MEMORY USAGE and the maxmemory accounting. O(1).
  size_t memory_bytes() const;
  // The same number counted afresh from every entry, O(n): for tests of memory_bytes().
  size_t recount_memory_bytes() const;

 private:
  // One decoded listpack pair: its field and value (views into buf_) and the offset of the
  // pair after it.
  struct Pair {
    std::string_view field, value;
    size_t next;
  };
  // Offset of the pair holding `field` in buf_, or npos.
  size_t find(std::string_view field) const;
  // The pair starting at offset pos. REQUIRES: pos is a pair start (< buf_.size()).
  Pair pair_at(size_t pos) const;

  std::string buf_;  // listpack form
  size_t count_ = 0;
  std::unique_ptr<Table> table_;  // hashtable form; owns its entries
  size_t entry_bytes_ = 0;        // hashtable form: sum of heap_bytes(alloc_size()) of entries
};

}  // namespace kevy
