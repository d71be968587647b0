#include "types/hash.h"

#include <utility>

#include "core/heap.h"
#include "core/varint.h"

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
    table_->for_each([&](Entry* e) { copy->table_->insert(Entry::clone(e, e->key())); });
  }
  return copy;
}

size_t HashValue::get_varint(size_t* pos) const {
  size_t v;
  const auto* start = reinterpret_cast<const unsigned char*>(buf_.data()) + *pos;
  *pos += static_cast<size_t>(varint::get(start, &v) - start);
  return v;
}

void HashValue::pair_at(size_t pos, std::string_view* field, std::string_view* value,
                        size_t* next) const {
  const size_t flen = get_varint(&pos);
  *field = std::string_view(buf_.data() + pos, flen);
  pos += flen;
  const size_t vlen = get_varint(&pos);
  *value = std::string_view(buf_.data() + pos, vlen);
  *next = pos + vlen;
}

size_t HashValue::find(std::string_view field) const {
  size_t pos = 0;
  while (pos < buf_.size()) {
    std::string_view f, v;
    size_t next;
    pair_at(pos, &f, &v, &next);
    if (f == field) return pos;
    pos = next;
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
  std::string_view f, v;
  size_t next;
  pair_at(pos, &f, &v, &next);
  return v;
}

bool HashValue::set(std::string_view field, std::string_view value, const HashLimits& limits) {
  if (!table_ && (field.size() > limits.max_listpack_value ||
                  value.size() > limits.max_listpack_value)) {
    convert_to_table();
  }
  if (table_) {
    Entry* old = table_->find(field);
    if (old == nullptr) {
      table_->insert(Entry::make_string(field, value, Encoding::kRaw));
      return true;
    }
    Entry* now = Entry::replace_string(old, value, Encoding::kRaw);
    table_->replace(old, now);
    return false;
  }
  const size_t pos = find(field);
  if (pos != std::string::npos) {
    std::string_view f, v;
    size_t next;
    pair_at(pos, &f, &v, &next);
    std::string replacement;
    varint::append(replacement, value.size());
    replacement.append(value);
    // The value's length varint starts right after the field.
    const size_t vlen_at = static_cast<size_t>(f.data() - buf_.data()) + f.size();
    buf_.replace(vlen_at, next - vlen_at, replacement);
    return false;
  }
  varint::append(buf_, field.size());
  buf_.append(field);
  varint::append(buf_, value.size());
  buf_.append(value);
  ++count_;
  if (count_ > limits.max_listpack_entries) convert_to_table();
  return true;
}

bool HashValue::erase(std::string_view field) {
  if (table_) {
    Entry* e = table_->erase(field);
    if (e == nullptr) return false;
    Entry::destroy(e);
    return true;
  }
  const size_t pos = find(field);
  if (pos == std::string::npos) return false;
  std::string_view f, v;
  size_t next;
  pair_at(pos, &f, &v, &next);
  buf_.erase(pos, next - pos);
  --count_;
  if (count_ == 0) buf_.shrink_to_fit();
  return true;
}

void HashValue::convert_to_table() {
  if (table_) return;
  auto table = std::make_unique<Table>();
  size_t pos = 0;
  while (pos < buf_.size()) {
    std::string_view f, v;
    size_t next;
    pair_at(pos, &f, &v, &next);
    table->insert(Entry::make_string(f, v, Encoding::kRaw));
    pos = next;
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
    std::string_view f, v;
    size_t next;
    pair_at(pos, &f, &v, &next);
    fn(f, v);
    pos = next;
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
    std::string_view f, v;
    size_t next;
    pair_at(pos, &f, &v, &next);
    if (skip-- == 0) return {f, v};
    pos = next;
  }
}

size_t HashValue::memory_bytes() const {
  // Malloc chunks (core/heap.h): the object, then the buffer or the table and its entries.
  if (!table_) return heap_bytes(sizeof(*this)) + heap_bytes(buf_);
  size_t n = heap_bytes(sizeof(*this)) + heap_bytes(sizeof(Table)) +
             heap_bytes(table_->memory_bytes());
  table_->for_each([&](Entry* e) { n += heap_bytes(e->alloc_size()); });
  return n;
}

}  // namespace kevy
