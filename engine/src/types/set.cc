#include "types/set.h"

#include <cstring>
#include <utility>

#include "core/heap.h"
#include "core/numbers.h"
#include "types/memory_usage.h"

namespace kevy {
namespace {

unsigned width_for(int64_t v) {
  if (v >= INT16_MIN && v <= INT16_MAX) return 2;
  if (v >= INT32_MIN && v <= INT32_MAX) return 4;
  return 8;
}

std::string_view int_text(int64_t v, char (&buf)[24]) {
  return std::string_view(buf, format_int64(v, buf));
}

}  // namespace

std::unique_ptr<SetValue> SetValue::make_table() {
  auto s = std::make_unique<SetValue>();
  s->table_ = std::make_unique<Table>();
  return s;
}

SetValue::~SetValue() {
  if (table_) table_->clear([](Entry* e) { Entry::destroy(e); });
}

std::unique_ptr<Object> SetValue::clone() const {
  auto copy = std::make_unique<SetValue>();
  copy->buf_ = buf_;
  copy->width_ = width_;
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

int64_t SetValue::int_at(size_t i) const {
  const char* p = buf_.data() + i * width_;
  if (width_ == 2) {
    int16_t v;
    std::memcpy(&v, p, 2);
    return v;
  }
  if (width_ == 4) {
    int32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  int64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

void SetValue::put_int(size_t i, int64_t v) {
  char* p = buf_.data() + i * width_;
  if (width_ == 2) {
    const auto x = static_cast<int16_t>(v);
    std::memcpy(p, &x, 2);
  } else if (width_ == 4) {
    const auto x = static_cast<int32_t>(v);
    std::memcpy(p, &x, 4);
  } else {
    std::memcpy(p, &v, 8);
  }
}

size_t SetValue::lower_bound(int64_t v, bool* found) const {
  size_t lo = 0, hi = count_;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (int_at(mid) < v) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  *found = lo < count_ && int_at(lo) == v;
  return lo;
}

void SetValue::widen_to(unsigned width) {
  if (is_intset() && width > width_ && (width == 4 || width == 8)) widen(width);
}

void SetValue::widen(unsigned width) {
  SetValue wide;
  wide.width_ = width;
  wide.count_ = count_;
  wide.buf_.resize(count_ * width);
  for (size_t i = 0; i < count_; ++i) wide.put_int(i, int_at(i));
  buf_ = std::move(wide.buf_);
  width_ = width;
}

bool SetValue::contains(std::string_view member) const {
  if (table_) return table_->find(member) != nullptr;
  auto v = parse_int64(member);
  if (!v || width_for(*v) > width_) return false;
  bool found;
  lower_bound(*v, &found);
  return found;
}

bool SetValue::add(std::string_view member, size_t max_intset_entries) {
  if (!table_) {
    auto v = parse_int64(member);
    if (v) {
      if (width_for(*v) > width_) widen(width_for(*v));
      bool found;
      const size_t at = lower_bound(*v, &found);
      if (found) return false;
      buf_.insert(at * width_, width_, '\0');
      ++count_;
      put_int(at, *v);
      if (count_ > max_intset_entries) convert_to_table();
      return true;
    }
    convert_to_table();
  }
  return table_->find_or_insert(member, [&] {
    entry_bytes_ += string_entry_heap_bytes(member.size(), 0);
    return Entry::make_string(member, "", Encoding::kRaw);
  }) == nullptr;
}

bool SetValue::erase(std::string_view member) {
  if (table_) {
    Entry* e = table_->erase(member);
    if (e == nullptr) return false;
    entry_bytes_ -= heap_bytes(e->alloc_size());
    Entry::destroy(e);
    return true;
  }
  auto v = parse_int64(member);
  if (!v || width_for(*v) > width_) return false;
  bool found;
  const size_t at = lower_bound(*v, &found);
  if (!found) return false;
  buf_.erase(at * width_, width_);
  --count_;
  if (count_ == 0) buf_.shrink_to_fit();
  return true;
}

void SetValue::convert_to_table() {
  if (table_) return;
  auto table = std::make_unique<Table>();
  char buf[24];
  for (size_t i = 0; i < count_; ++i) {
    const std::string_view member = int_text(int_at(i), buf);
    entry_bytes_ += string_entry_heap_bytes(member.size(), 0);
    table->insert(Entry::make_string(member, "", Encoding::kRaw));
  }
  table_ = std::move(table);
  std::string().swap(buf_);
  count_ = 0;
  width_ = 2;
}

void SetValue::for_each(const std::function<void(std::string_view)>& fn) const {
  if (table_) {
    table_->for_each([&](Entry* e) { fn(e->key()); });
    return;
  }
  char buf[24];
  for (size_t i = 0; i < count_; ++i) fn(int_text(int_at(i), buf));
}

std::vector<std::string> SetValue::members() const {
  std::vector<std::string> out;
  out.reserve(size());
  for_each([&](std::string_view m) { out.emplace_back(m); });
  return out;
}

uint64_t SetValue::scan(uint64_t cursor, size_t count,
                        const std::function<void(std::string_view)>& fn) const {
  return table_->scan(cursor, count, [&](Entry* e) { fn(e->key()); });
}

std::string SetValue::random_member(uint64_t r) const {
  if (table_) return std::string(table_->random_entry(r)->key());
  char buf[24];
  return std::string(int_text(int_at(static_cast<size_t>(r % count_)), buf));
}

size_t SetValue::memory_bytes() const {
  // Malloc chunks (core/heap.h): the object, then the buffer or the table and its entries.
  if (!table_) return heap_bytes(sizeof(*this)) + heap_bytes(buf_);
  return heap_bytes(sizeof(*this)) + heap_bytes(sizeof(Table)) +
         heap_bytes(table_->memory_bytes()) + entry_bytes_;
}

size_t SetValue::recount_memory_bytes() const {
  if (!table_) return heap_bytes(sizeof(*this)) + heap_bytes(buf_);
  size_t n = heap_bytes(sizeof(*this)) + heap_bytes(sizeof(Table)) +
             heap_bytes(table_->memory_bytes());
  table_->for_each([&](Entry* e) { n += heap_bytes(e->alloc_size()); });
  return n;
}

}  // namespace kevy
