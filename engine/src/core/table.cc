#include "core/table.h"

#include <cassert>
#include <cstring>
#include <string>
#include <utility>

namespace kevy {
namespace {

constexpr uint64_t kPtrMask = (uint64_t{1} << 48) - 1;
constexpr unsigned kMinBits = 3;
constexpr size_t kMaxDistLimit = 255;

inline Entry* ptr_of(uint64_t w) { return reinterpret_cast<Entry*>(w & kPtrMask); }
inline size_t dist_of(uint64_t w) { return static_cast<size_t>(w >> 56); }
inline uint64_t tag_of_hash(uint64_t h) { return h & 0xff; }
inline uint64_t tag_of(uint64_t w) { return (w >> 48) & 0xff; }
inline uint64_t make_word(Entry* e, uint64_t tag, size_t dist) {
  uint64_t p = reinterpret_cast<uint64_t>(e);
  assert((p & ~kPtrMask) == 0);
  return p | (tag << 48) | (static_cast<uint64_t>(dist) << 56);
}

}  // namespace

Table::Table(Table&& o) noexcept
    : slots_(std::move(o.slots_)), bits_(std::exchange(o.bits_, 0)),
      size_(std::exchange(o.size_, 0)) {
  o.slots_.clear();
}

Table& Table::operator=(Table&& o) noexcept {
  slots_ = std::move(o.slots_);
  o.slots_.clear();
  bits_ = std::exchange(o.bits_, 0);
  size_ = std::exchange(o.size_, 0);
  return *this;
}

Table::~Table() = default;

namespace {
size_t max_dist_for(unsigned bits) {
  size_t n = (size_t{1} << bits) / 4;
  if (n < 8) n = 8;
  return n < kMaxDistLimit ? n : kMaxDistLimit;
}
}  // namespace

size_t Table::max_dist() const { return max_dist_for(bits_); }

size_t Table::growth_bytes_on_insert() const {
  // The same load limit as insert_hashed: at most 7/8 of the home slots used.
  if (!slots_.empty() && (size_ + 1) * 8 <= (size_t{1} << bits_) * 7) return 0;
  const unsigned bits = slots_.empty() ? kMinBits : bits_ + 1;
  return ((size_t{1} << bits) + max_dist_for(bits)) * sizeof(uint64_t) - memory_bytes();
}

Table::Probe Table::probe(std::string_view key, uint64_t h) const {
  if (slots_.empty()) return Probe{0, 0, false};
  const uint64_t tag = tag_of_hash(h);
  size_t i = home(h);
  for (size_t d = 0;; ++i, ++d) {
    uint64_t w = slots_[i];
    if (w == 0 || dist_of(w) < d) return Probe{i, d, false};
    if (tag_of(w) == tag && ptr_of(w)->key() == key) return Probe{i, d, true};
  }
}

Entry* Table::entry_at(size_t i) const { return ptr_of(slots_[i]); }

size_t Table::find_index(std::string_view key, uint64_t h) const {
  if (size_ == 0) return capacity();
  const Probe p = probe(key, h);
  return p.found ? p.index : capacity();
}

void Table::insert_probed(Entry* e, uint64_t h, const Probe& p) {
  const bool must_grow = slots_.empty() || (size_ + 1) * 8 > (size_t{1} << bits_) * 7;
  if (must_grow || !shift_in(e, h, p.index, p.dist)) insert_hashed(e, h);
}

Entry* Table::find(std::string_view key) const {
  size_t i = find_index(key, hash_key(key));
  return i == capacity() ? nullptr : ptr_of(slots_[i]);
}

bool Table::try_insert(Entry* e, uint64_t h) {
  size_t i = home(h);
  size_t d = 0;
  // Insertion point: the first slot that is empty or holds an element with a later home.
  while (slots_[i] != 0 && dist_of(slots_[i]) >= d) {
    ++i;
    ++d;
  }
  return shift_in(e, h, i, d);
}

bool Table::shift_in(Entry* e, uint64_t h, size_t i, size_t d) {
  const size_t limit = max_dist();
  const size_t cap = capacity();
  if (d > limit || i >= cap) return false;
  // Everything from i up to the next empty slot moves one to the right.
  size_t end = i;
  while (slots_[end] != 0) {
    if (dist_of(slots_[end]) + 1 > limit) return false;
    ++end;
  }
  if (end >= cap) return false;
  std::memmove(&slots_[i + 1], &slots_[i], (end - i) * sizeof(uint64_t));
  for (size_t j = i + 1; j <= end; ++j) slots_[j] += uint64_t{1} << 56;
  slots_[i] = make_word(e, tag_of_hash(h), d);
  ++size_;
  return true;
}

void Table::insert(Entry* e) { insert_hashed(e, hash_key(e->key())); }

Entry* Table::upsert(Entry* e) {
  const uint64_t h = hash_key(e->key());
  size_t i = find_index(e->key(), h);
  if (i == capacity()) {
    insert_hashed(e, h);
    return nullptr;
  }
  Entry* old = ptr_of(slots_[i]);
  slots_[i] = (slots_[i] & ~kPtrMask) | reinterpret_cast<uint64_t>(e);
  return old;
}

void Table::insert_hashed(Entry* e, uint64_t h) {
  if (slots_.empty() || (size_ + 1) * 8 > (size_t{1} << bits_) * 7) {
    rebuild(slots_.empty() ? kMinBits : bits_ + 1);
  }
  while (!try_insert(e, h)) rebuild(bits_ + 1);
}

void Table::reserve(size_t n) {
  if (n == 0) return;
  unsigned bits = kMinBits;
  // The load limit insert_hashed keeps: at most 7/8 of the home slots used.
  while (bits < 62 && n * 8 > (size_t{1} << bits) * 7) ++bits;
  if (slots_.empty() || bits > bits_) rebuild(bits);
}

void Table::rebuild(unsigned bits) {
  std::vector<uint64_t> old = std::move(slots_);
  for (;;) {
    bits_ = bits;
    size_t cap = (size_t{1} << bits) + max_dist();
    slots_.assign(cap + 1, 0);
    size_ = 0;
    bool ok = true;
    // Old slots are in hash order, so re-inserting them in order never shifts much.
    for (uint64_t w : old) {
      if (w == 0) continue;
      Entry* e = ptr_of(w);
      if (!try_insert(e, hash_key(e->key()))) {
        ok = false;
        break;
      }
    }
    if (ok) return;
    ++bits;
  }
}

void Table::erase_at(size_t i) {
  size_t j = i + 1;
  while (slots_[j] != 0 && dist_of(slots_[j]) > 0) {
    slots_[j - 1] = slots_[j] - (uint64_t{1} << 56);
    ++j;
  }
  slots_[j - 1] = 0;
  --size_;
  // Shrink below 1/16 full (Redis resizes below 10% fill); hysteresis against the 7/8 growth.
  if (bits_ > kMinBits && size_ * 8 < (size_t{1} << bits_) / 2) rebuild(bits_ - 1);
  if (size_ == 0) {
    slots_.clear();
    slots_.shrink_to_fit();
    bits_ = 0;
  }
}

Entry* Table::erase(std::string_view key) {
  size_t i = find_index(key, hash_key(key));
  if (i == capacity()) return nullptr;
  Entry* e = ptr_of(slots_[i]);
  erase_at(i);
  return e;
}

void Table::replace(const Entry* old, Entry* now) {
  // Walks now's probe chain comparing pointers only: `old` may already be freed.
  size_t i = home(hash_key(now->key()));
  while (i < capacity() && slots_[i] != 0 && ptr_of(slots_[i]) != old) ++i;
  assert(i < capacity() && slots_[i] != 0);
  if (i >= capacity() || slots_[i] == 0) return;  // REQUIRES violated: old is not stored
  slots_[i] = (slots_[i] & ~kPtrMask) | reinterpret_cast<uint64_t>(now);
}

void Table::clear(const std::function<void(Entry*)>& fn) {
  std::vector<uint64_t> old = std::move(slots_);
  slots_.clear();
  bits_ = 0;
  size_ = 0;
  for (uint64_t w : old) {
    if (w != 0) fn(ptr_of(w));
  }
}

uint64_t Table::scan(uint64_t cursor, size_t count, const std::function<void(Entry*)>& fn) const {
  if (size_ == 0) return 0;
  const unsigned shift = 64 - bits_;
  const size_t cap = capacity();
  size_t start_home = static_cast<size_t>(cursor >> shift);
  size_t i = start_home;
  // Skip elements displaced into [start_home, ...) whose home is before it.
  while (i < cap && slots_[i] != 0 && i - dist_of(slots_[i]) < start_home) ++i;
  size_t visited = 0;
  for (; i < cap; ++i) {
    uint64_t w = slots_[i];
    if (w == 0) continue;
    size_t h = i - dist_of(w);
    if (visited >= count && h != start_home) return static_cast<uint64_t>(h) << shift;
    start_home = h;
    fn(ptr_of(w));
    ++visited;
  }
  return 0;
}

void Table::for_each(const std::function<void(Entry*)>& fn) const {
  for (uint64_t w : slots_) {
    if (w != 0) fn(ptr_of(w));
  }
}

void Table::sample(uint64_t r, size_t count, const std::function<void(Entry*)>& fn) const {
  if (size_ == 0 || count == 0) return;
  const size_t cap = capacity();
  const size_t start = static_cast<size_t>(r % cap);
  size_t seen = 0;
  for (size_t k = 0; k < cap && seen < count; ++k) {
    const uint64_t w = slots_[(start + k) % cap];
    if (w == 0) continue;
    fn(ptr_of(w));
    ++seen;
  }
}

Entry* Table::random_entry(uint64_t r) const {
  if (size_ == 0) return nullptr;
  const size_t cap = capacity();
  size_t start = static_cast<size_t>(r % cap);
  for (size_t k = 0; k < cap; ++k) {
    uint64_t w = slots_[(start + k) % cap];
    if (w != 0) return ptr_of(w);
  }
  return nullptr;
}

}  // namespace kevy
