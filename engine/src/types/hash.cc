#include "types/hash.h"

#include <cstring>
#include <utility>

#include "core/heap.h"
#include "core/varint.h"
#include "types/memory_usage.h"

namespace kevy {

HashValue::~HashValue() {
  if (table_) table_->clear([](Entry* e) { Entry::destroy(e); });
}

std::unique_ptr<Object> HashValue::clone() const {
  auto copy = std::make_unique<HashValue>();
  copy->buf_ = buf_;
  copy->count_ = count_;
  if (table_) {
    copy->table_ = std::make_unique<Table>();
    table_->for_each([&](Entry* e) {
      Entry* c = Entry::clone(e, e->key());
      copy->entry_bytes_ += heap_bytes(c->alloc_size());
      copy->table_->insert(c);
    });
  }
  return copy;
}

namespace {

// Reads the two length varints of the pair at p; returns where its field starts. Lengths below
// 128 (one byte each, the common case) are read without the general varint loop.
inline const unsigned char* read_lengths(const unsigned char* p, size_t* flen, size_t* vlen) {
  if (((p[0] | p[1]) & 0x80) == 0) {
    *flen = p[0];
    *vlen = p[1];
    return p + 2;
  }
  return varint::get(varint::get(p, flen), vlen);
}

// True when the b.size() bytes at a equal b. The last 8 bytes go first: numbered names
// ("field:1", "field:2") share prefixes, so their tails tell them apart soonest.
inline bool same_bytes(const unsigned char* a, std::string_view b) {
  const size_t n = b.size();
  if (n >= 8) {
    uint64_t x, y;
    std::memcpy(&x, a + n - 8, 8);
    std::memcpy(&y, b.data() + n - 8, 8);
    return x == y && std::memcmp(a, b.data(), n - 8) == 0;
  }
  return n == 0 || std::memcmp(a, b.data(), n) == 0;
}

// Appends one listpack pair in the layout of hash.h.
void append_pair(std::string& buf, std::string_view field, std::string_view value) {
  varint::append(buf, field.size());
  varint::append(buf, value.size());
  buf.append(field);
  buf.append(value);
}

}  // namespace

HashValue::Pair HashValue::pair_at(size_t pos) const {
  const auto* base = reinterpret_cast<const unsigned char*>(buf_.data());
  size_t flen, vlen;
  const unsigned char* f = read_lengths(base + pos, &flen, &vlen);
  const char* field = reinterpret_cast<const char*>(f);
  return Pair{std::string_view(field, flen), std::string_view(field + flen, vlen),
              static_cast<size_t>(f - base) + flen + vlen};
}

size_t HashValue::find(std::string_view field) const {
  const auto* base = reinterpret_cast<const unsigned char*>(buf_.data());
  const unsigned char* end = base + buf_.size();
  const size_t n = field.size();
  for (const unsigned char* p = base; p < end;) {
    size_t flen, vlen;
    const unsigned char* f = read_lengths(p, &flen, &vlen);
    if (flen == n && same_bytes(f, field)) return static_cast<size_t>(p - base);
    p = f + flen + vlen;
  }
  return std::string::npos;
}

std::optional<std::string_view> HashValue::get(std::string_view field) const {
  if (table_) {
    const Entry* e = table_->find(field);
    if (e == nullptr) return std::nullopt;
    return e->str();
  }
  const size_t pos = find(field);
  if (pos == std::string::npos) return std::nullopt;
  return pair_at(pos).value;
}

bool HashValue::set(std::string_view field, std::string_view value, const HashLimits& limits) {
  if (!table_ && (field.size() > limits.max_listpack_value ||
                  value.size() > limits.max_listpack_value)) {
    convert_to_table();
  }
  if (table_) {
    Entry* old = table_->find_or_insert(field, [&] {
      entry_bytes_ += string_entry_heap_bytes(field.size(), value.size());
      return Entry::make_string(field, value, Encoding::kRaw);
    });
    if (old == nullptr) return true;
    entry_bytes_ -= heap_bytes(old->alloc_size());
    entry_bytes_ += string_entry_heap_bytes(field.size(), value.size());
    Entry* now = Entry::replace_string(old, value, Encoding::kRaw);
    table_->replace(old, now);
    return false;
  }
  const size_t pos = find(field);
  if (pos != std::string::npos) {
    const Pair old = pair_at(pos);
    if (old.value.size() == value.size()) {  // same length: overwrite the bytes in place
      const size_t at = static_cast<size_t>(old.value.data() - buf_.data());
      buf_.replace(at, value.size(), value);
    } else {
      std::string replacement;
      append_pair(replacement, field, value);
      buf_.replace(pos, old.next - pos, replacement);
    }
    // Redis's hashTypeSet checks the entry limit after an update too: a hash left over a
    // lowered hash-max-listpack-entries converts at its next HSET/HINCRBY of any field.
    if (count_ > limits.max_listpack_entries) convert_to_table();
    return false;
  }
  append_pair(buf_, field, value);
  ++count_;
  if (count_ > limits.max_listpack_entries) convert_to_table();
  return true;
}

bool HashValue::erase(std::string_view field) {
  if (table_) {
    Entry* e = table_->erase(field);
    if (e == nullptr) return false;
    entry_bytes_ -= heap_bytes(e->alloc_size());
    Entry::destroy(e);
    return true;
  }
  const size_t pos = find(field);
  if (pos == std::string::npos) return false;
  buf_.erase(pos, pair_at(pos).next - pos);
  --count_;
  if (count_ == 0) buf_.shrink_to_fit();
  return true;
}

void HashValue::convert_to_table() {
  if (table_) return;
  auto table = std::make_unique<Table>();
  size_t pos = 0;
  while (pos < buf_.size()) {
    const Pair p = pair_at(pos);
    entry_bytes_ += string_entry_heap_bytes(p.field.size(), p.value.size());
    table->insert(Entry::make_string(p.field, p.value, Encoding::kRaw));
    pos = p.next;
  }
  table_ = std::move(table);
  std::string().swap(buf_);
  count_ = 0;
}

void HashValue::for_each(
    const std::function<void(std::string_view, std::string_view)>& fn) const {
  if (table_) {
    table_->for_each([&](Entry* e) { fn(e->key(), e->str()); });
    return;
  }
  size_t pos = 0;
  while (pos < buf_.size()) {
    const Pair p = pair_at(pos);
    fn(p.field, p.value);
    pos = p.next;
  }
}

std::vector<std::pair<std::string_view, std::string_view>> HashValue::pairs() const {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  out.reserve(size());
  for_each([&](std::string_view f, std::string_view v) { out.emplace_back(f, v); });
  return out;
}

uint64_t HashValue::scan(uint64_t cursor, size_t count,
                         const std::function<void(std::string_view, std::string_view)>& fn) const {
  return table_->scan(cursor, count, [&](Entry* e) { fn(e->key(), e->str()); });
}

std::pair<std::string_view, std::string_view> HashValue::random_pair(uint64_t r) const {
  if (table_) {
    const Entry* e = table_->random_entry(r);
    return {e->key(), e->str()};
  }
  size_t skip = static_cast<size_t>(r % count_);
  size_t pos = 0;
  for (;;) {
    const Pair p = pair_at(pos);
    if (skip-- == 0) return {p.field, p.value};
    pos = p.next;
  }
}

size_t HashValue::memory_bytes() const {
  // Malloc chunks (core/heap.h): the object, then the buffer or the table and its entries.
  if (!table_) return heap_bytes(sizeof(*this)) + heap_bytes(buf_);
  return heap_bytes(sizeof(*this)) + heap_bytes(sizeof(Table)) +
         heap_bytes(table_->memory_bytes()) + entry_bytes_;
}

size_t HashValue::recount_memory_bytes() const {
  if (!table_) return heap_bytes(sizeof(*this)) + heap_bytes(buf_);
  size_t n = heap_bytes(sizeof(*this)) + heap_bytes(sizeof(Table)) +
             heap_bytes(table_->memory_bytes());
  table_->for_each([&](Entry* e) { n += heap_bytes(e->alloc_size()); });
  return n;
}

}  // namespace kevy
