// Table: the keyspace hash table (key -> Entry*), compact and scan-stable.
//
// Open addressing with linear probing in Robin Hood order and no wrap-around: elements are kept
// sorted by their home slot, which is the top `bits` bits of the key's 64-bit hash. Each slot is
// one 64-bit word: [probe distance: 8][hash tag: 8][Entry pointer: 48]; 0 means empty.
// At the 7/8 maximum load a slot costs 8/0.875..8/0.4375 bytes per key.
//
// SCAN guarantee: because order is by hash prefix, a cursor is a hash threshold ("everything
// with hash below this was returned") and stays valid when the table grows or shrinks, so every
// key present for the whole scan is returned at least once (duplicates only after a shrink).
//
// Not thread-safe; the owning Store serialises access. Entries are owned by the caller (the
// Db), never freed here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/entry.h"
#include "core/key_hash.h"

namespace kevy {

class Table {
 public:
  Table() = default;
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  Table(Table&& o) noexcept;
  Table& operator=(Table&& o) noexcept;
  ~Table();

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Bytes used by the slot array.
  size_t memory_bytes() const { return capacity() * sizeof(uint64_t); }
  // The bytes the slot array grows by when one more key is inserted now (0 when it fits), so
  // that the maxmemory check can make room for the growth first.
  size_t growth_bytes_on_insert() const;

  Entry* find(std::string_view key) const;
  // REQUIRES: no entry with e->key() is present.
  void insert(Entry* e);
  // Stores e under its key in one probe: replaces and returns the entry that had that key, or
  // inserts and returns nullptr. The caller frees what is returned.
  Entry* upsert(Entry* e);
  // Looks key up and, when absent, stores make() under it, hashing and probing once: returns
  // the entry already stored under key (make is not called), or nullptr after storing
  // make()'s entry. REQUIRES: make() returns a new entry whose key() equals key.
  template <typename Make>
  Entry* find_or_insert(std::string_view key, Make&& make) {
    const uint64_t h = hash_key(key);
    const Probe p = probe(key, h);
    if (p.found) return entry_at(p.index);
    insert_probed(make(), h, p);
    return nullptr;
  }
  // Removes and returns the entry for key (nullptr when absent). Does not free it.
  Entry* erase(std::string_view key);
  // Swaps the stored pointer for `old` to `now`, which has the same key. The slot is found by
  // now's key, so `old` may already be freed (Entry::replace_* frees it).
  void replace(const Entry* old, Entry* now);
  // Grows (never shrinks) the table so that n entries fit without a rebuild, e.g. before
  // loading a known number of keys.
  void reserve(size_t n);
  // Removes every entry, calling fn on each (to free it).
  void clear(const std::function<void(Entry*)>& fn);

  // Visits entries whose hash is >= cursor in hash order, at least `count` of them (whole hash
  // groups), and returns the cursor to continue from, 0 when the table is exhausted.
  uint64_t scan(uint64_t cursor, size_t count, const std::function<void(Entry*)>& fn) const;
  // Calls fn on every entry (any order). fn must not modify the table.
  void for_each(const std::function<void(Entry*)>& fn) const;
  // An entry near slot position `r` (any 64-bit number), or nullptr if empty.
  Entry* random_entry(uint64_t r) const;
  // Calls fn on up to `count` distinct entries met walking the slots from position `r` (any
  // 64-bit number) on, wrapping once: a cheap sample of neighbouring keys, as Redis's
  // dictGetSomeKeys takes them from consecutive buckets. fn must not modify the table.
  void sample(uint64_t r, size_t count, const std::function<void(Entry*)>& fn) const;

 private:
  size_t capacity() const { return slots_.empty() ? 0 : slots_.size() - 1; }
  size_t max_dist() const;
  size_t home(uint64_t h) const { return bits_ == 0 ? 0 : static_cast<size_t>(h >> (64 - bits_)); }
  // Where a probe for a key stopped: at its entry (found), or else at the slot where Robin
  // Hood order would put it, `dist` slots past its home.
  struct Probe {
    size_t index;
    size_t dist;
    bool found;
  };
  Probe probe(std::string_view key, uint64_t h) const;
  Entry* entry_at(size_t i) const;
  // Inserts e (hash h) at the position a failed probe p found, or through insert_hashed when
  // the table must grow first or the shift would break the distance limit.
  void insert_probed(Entry* e, uint64_t h, const Probe& p);
  size_t find_index(std::string_view key, uint64_t h) const;  // capacity() when absent
  bool try_insert(Entry* e, uint64_t h);
  // Inserts at slot i, distance d from home, shifting the run from i to the next empty slot
  // one to the right. False (nothing changed) when that breaks a limit.
  bool shift_in(Entry* e, uint64_t h, size_t i, size_t d);
  void insert_hashed(Entry* e, uint64_t h);
  void rebuild(unsigned bits);
  void erase_at(size_t i);

  std::vector<uint64_t> slots_;  // capacity() slots plus one empty sentinel
  unsigned bits_ = 0;
  size_t size_ = 0;
};

}  // namespace kevy
