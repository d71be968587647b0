#include "types/list.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <utility>

#include "core/heap.h"
#include "core/varint.h"

namespace kevy {
namespace {

size_t entry_size(size_t len) { return 2 * varint::size(len) + len; }

// Heap bytes (core/heap.h) of a std::string of the given capacity, as heap_bytes(string): none
// while the text fits the inline buffer.
size_t string_heap_bytes(size_t capacity) {
  return capacity > std::string().capacity() ? heap_bytes(capacity + 1) : 0;
}

// Writes the entry [varint len][bytes][reverse varint len] of v at p; returns the byte after
// it. REQUIRES: room for entry_size(v.size()) bytes.
char* put_entry(char* p, std::string_view v) {
  const size_t len = v.size();
  auto* u = varint::put(reinterpret_cast<unsigned char*>(p), len);
  if (len != 0) std::memcpy(u, v.data(), len);
  u += len;
  // Reverse varint: read backwards from the end, the last byte holds the low 7 bits and has
  // the high bit set when more (higher) groups precede it (every byte but the first).
  const size_t k = varint::size(len);
  for (size_t i = 0; i < k; ++i) {
    const size_t group = k - 1 - i;  // the i-th byte written holds this group
    unsigned char c = static_cast<unsigned char>((len >> (7 * group)) & 0x7f);
    if (group + 1 < k) c |= 0x80;
    *u++ = c;
  }
  return reinterpret_cast<char*>(u);
}

// Appends the entry of v to out.
void encode_entry(std::string& out, std::string_view v) {
  const size_t at = out.size();
  out.resize(at + entry_size(v.size()));
  put_entry(out.data() + at, v);
}

// Inserts the entry of v into buf at offset at, without a temporary string.
void insert_entry(std::string& buf, size_t at, std::string_view v) {
  buf.insert(at, entry_size(v.size()), '\0');
  put_entry(buf.data() + at, v);
}

std::string make_entry(std::string_view v) {
  std::string e;
  encode_entry(e, v);
  return e;
}

// Length stored at buf[pos...] and the size of its varint.
size_t read_len(const std::string& buf, size_t pos, size_t* hdr) {
  size_t len;
  const auto* start = reinterpret_cast<const unsigned char*>(buf.data()) + pos;
  *hdr = static_cast<size_t>(varint::get(start, &len) - start);
  return len;
}

// Start offset of the entry that ends at `end`.
size_t entry_start_before(const std::string& buf, size_t end) {
  size_t len = 0;
  int shift = 0;
  size_t i = end;
  size_t k = 0;
  while (true) {
    unsigned char c = static_cast<unsigned char>(buf[--i]);
    len |= static_cast<size_t>(c & 0x7f) << shift;
    ++k;
    if (!(c & 0x80)) break;
    shift += 7;
  }
  return end - 2 * k - len;
}

// Grows a node buffer so that `extra` more bytes fit; returns how many heap bytes
// (core/heap.h) the buffer gained — 0 in the usual case, where it had room. Below half the
// node cap it grows as std::string does (doubling). Above it, the grown buffer is built fresh
// with the exact cap: libstdc++'s reserve() on a non-empty string grows to at least twice the
// old capacity, which would leave full nodes half empty.
size_t reserve_for(std::string& buf, size_t extra) {
  const size_t need = buf.size() + extra;
  if (need <= buf.capacity()) return 0;
  const size_t before = heap_bytes(buf);
  if (2 * buf.capacity() <= ListObject::kNodeMaxBytes || need > ListObject::kNodeMaxBytes) {
    buf.reserve(need);
  } else {
    std::string grown;
    grown.reserve(ListObject::kNodeMaxBytes);
    grown.append(buf);
    buf.swap(grown);
  }
  return heap_bytes(buf) - before;
}

}  // namespace

std::unique_ptr<Object> ListObject::clone() const {
  auto copy = std::make_unique<ListObject>();
  copy->nodes_.reserve(nodes_.size());
  for (const Node& n : nodes_) {
    copy->nodes_.push_back(Node{std::string(n.buf), n.count});
    copy->node_bytes_ += heap_bytes(copy->nodes_.back().buf);  // a copy's capacity may differ
  }
  copy->size_ = size_;
  return copy;
}

size_t ListObject::memory_bytes() const {
  // Malloc chunks (core/heap.h): the object, the node vector, every node buffer.
  return heap_bytes(sizeof(*this)) + heap_bytes(nodes_.capacity() * sizeof(Node)) + node_bytes_;
}

size_t ListObject::recount_memory_bytes() const {
  size_t total = heap_bytes(sizeof(*this)) + heap_bytes(nodes_.capacity() * sizeof(Node));
  for (const Node& n : nodes_) total += heap_bytes(n.buf);
  return total;
}

template <typename F>
void ListObject::edit_node(size_t k, F&& f) {
  std::string& buf = nodes_[k].buf;
  const size_t capacity = buf.capacity();
  f(buf);
  if (buf.capacity() == capacity) return;  // the usual case: the same chunk
  node_bytes_ += heap_bytes(buf);
  node_bytes_ -= string_heap_bytes(capacity);
}

void ListObject::drop_node(size_t k) {
  // Released before the erase: the moves that close the gap then only ever move a buffer into
  // an emptied node, so no buffer is freed or left behind but this one.
  node_bytes_ -= heap_bytes(nodes_[k].buf);
  std::string().swap(nodes_[k].buf);
  nodes_.erase(nodes_.begin() + static_cast<std::ptrdiff_t>(k));
}

void ListObject::drop_empty_nodes(size_t first, size_t last) {
  for (size_t k = first; k < last; ++k) {
    if (nodes_[k].count != 0) continue;
    node_bytes_ -= heap_bytes(nodes_[k].buf);  // released first, as in drop_node
    std::string().swap(nodes_[k].buf);
  }
  auto begin = nodes_.begin() + static_cast<std::ptrdiff_t>(first);
  auto stop = nodes_.begin() + static_cast<std::ptrdiff_t>(last);
  nodes_.erase(std::remove_if(begin, stop, [](const Node& x) { return x.count == 0; }), stop);
}

void ListObject::push(ListEnd end, std::string_view value) {
  const size_t es = entry_size(value.size());
  if (end == ListEnd::kTail) {
    if (nodes_.empty() || nodes_.back().buf.size() + es > kNodeMaxBytes) nodes_.emplace_back();
    Node& n = nodes_.back();
    node_bytes_ += reserve_for(n.buf, es);  // the only step that can grow the buffer
    encode_entry(n.buf, value);
    ++n.count;
  } else {
    if (nodes_.empty() || nodes_.front().buf.size() + es > kNodeMaxBytes) {
      nodes_.insert(nodes_.begin(), Node{});
    }
    Node& n = nodes_.front();
    node_bytes_ += reserve_for(n.buf, es);
    insert_entry(n.buf, 0, value);
    ++n.count;
  }
  ++size_;
}

std::string ListObject::pop(ListEnd end) {
  assert(!empty());
  const size_t k = end == ListEnd::kHead ? 0 : nodes_.size() - 1;
  Node& n = nodes_[k];
  Pos p{k, end == ListEnd::kHead ? 0 : entry_start_before(n.buf, n.buf.size())};
  std::string out(value_at(p));
  const size_t bytes = entry_bytes(p);
  edit_node(k, [&](std::string& buf) { buf.erase(p.off, bytes); });
  --n.count;
  --size_;
  if (n.count == 0) drop_node(k);
  return out;
}

std::string_view ListObject::at(size_t i) const { return value_at(locate(i)); }

void ListObject::set(size_t i, std::string_view value) {
  Pos p = locate(i);
  const size_t bytes = entry_bytes(p);
  edit_node(p.node, [&](std::string& buf) { buf.replace(p.off, bytes, make_entry(value)); });
  split_if_needed(p.node);
}

void ListObject::insert(size_t i, std::string_view value) {
  if (i == size_) {
    push(ListEnd::kTail, value);
    return;
  }
  if (i == 0) {
    push(ListEnd::kHead, value);
    return;
  }
  Pos p = locate(i);
  edit_node(p.node, [&](std::string& buf) { insert_entry(buf, p.off, value); });
  ++nodes_[p.node].count;
  ++size_;
  split_if_needed(p.node);
}

void ListObject::erase(size_t start, size_t n) {
  if (start >= size_ || n == 0) return;
  n = std::min(n, size_ - start);
  Pos p = locate(start);
  size_t k = p.node;
  size_t off = p.off;
  size_t left = n;
  const size_t first = k;
  while (left > 0) {
    Node& node = nodes_[k];
    // Bytes from off to the end of as many entries as we still remove in this node.
    size_t end = off;
    size_t removed = 0;
    while (left > 0 && end < node.buf.size()) {
      end += entry_bytes(Pos{k, end});
      ++removed;
      --left;
    }
    edit_node(k, [&](std::string& buf) { buf.erase(off, end - off); });
    node.count -= static_cast<uint32_t>(removed);
    size_ -= removed;
    ++k;
    off = 0;
  }
  // Drop emptied nodes in [first, k) and merge around the cut.
  drop_empty_nodes(first, k);
  if (first > 0) merge_or_drop(first - 1);
  if (first < nodes_.size()) merge_or_drop(first);
}

size_t ListObject::remove(std::string_view value, int64_t count) {
  if (empty()) return 0;
  const bool reverse = count < 0;
  const uint64_t limit = count == 0 ? UINT64_MAX
                         : count < 0 ? 0 - static_cast<uint64_t>(count)
                                     : static_cast<uint64_t>(count);
  // Collect the matching positions, then rebuild each affected node once.
  std::vector<Pos> hits;
  uint64_t found = 0;
  Pos p = locate(reverse ? size_ - 1 : 0);
  for (size_t seen = 0; seen < size_ && found < limit; ++seen) {
    if (value_at(p) == value) {
      hits.push_back(p);
      ++found;
    }
    if (seen + 1 < size_) p = reverse ? prev(p) : next(p);
  }
  if (hits.empty()) return 0;
  if (reverse) std::reverse(hits.begin(), hits.end());
  size_t i = 0;
  while (i < hits.size()) {
    const size_t k = hits[i].node;
    Node& node = nodes_[k];
    std::string rebuilt;
    rebuilt.reserve(node.buf.size());
    size_t from = 0;
    uint32_t removed = 0;
    for (; i < hits.size() && hits[i].node == k; ++i) {
      rebuilt.append(node.buf, from, hits[i].off - from);
      from = hits[i].off + entry_bytes(hits[i]);
      ++removed;
    }
    rebuilt.append(node.buf, from, std::string::npos);
    edit_node(k, [&](std::string& buf) { buf = std::move(rebuilt); });
    node.count -= removed;
  }
  size_ -= hits.size();
  drop_empty_nodes(0, nodes_.size());
  for (size_t k = 0; k + 1 < nodes_.size();) {
    if (nodes_[k].buf.size() + nodes_[k + 1].buf.size() <= kNodeMaxBytes) {
      merge_or_drop(k);
    } else {
      ++k;
    }
  }
  return hits.size();
}

ListObject::Pos ListObject::locate(size_t i) const {
  assert(i < size_);
  size_t k;
  size_t j;  // index inside node k
  if (i < size_ / 2) {
    k = 0;
    j = i;
    while (j >= nodes_[k].count) j -= nodes_[k++].count;
  } else {
    k = nodes_.size() - 1;
    size_t from_tail = size_ - 1 - i;
    while (from_tail >= nodes_[k].count) from_tail -= nodes_[k--].count;
    j = nodes_[k].count - 1 - from_tail;
  }
  const Node& n = nodes_[k];
  Pos p{k, 0};
  if (j < n.count / 2) {
    for (size_t s = 0; s < j; ++s) p.off += entry_bytes(p);
  } else {
    p.off = n.buf.size();
    for (size_t s = n.count; s > j; --s) p.off = entry_start_before(n.buf, p.off);
  }
  return p;
}

ListObject::Pos ListObject::next(Pos p) const {
  p.off += entry_bytes(p);
  if (p.off >= nodes_[p.node].buf.size()) {
    ++p.node;
    p.off = 0;
  }
  return p;
}

ListObject::Pos ListObject::prev(Pos p) const {
  if (p.off == 0) {
    --p.node;
    p.off = nodes_[p.node].buf.size();
  }
  p.off = entry_start_before(nodes_[p.node].buf, p.off);
  return p;
}

std::string_view ListObject::value_at(Pos p) const {
  const std::string& buf = nodes_[p.node].buf;
  size_t hdr;
  size_t len = read_len(buf, p.off, &hdr);
  return std::string_view(buf.data() + p.off + hdr, len);
}

size_t ListObject::entry_bytes(Pos p) const {
  size_t hdr;
  size_t len = read_len(nodes_[p.node].buf, p.off, &hdr);
  return 2 * hdr + len;
}

void ListObject::split_if_needed(size_t k) {
  if (nodes_[k].buf.size() <= kNodeMaxBytes || nodes_[k].count <= 1) return;
  node_bytes_ -= heap_bytes(nodes_[k].buf);  // freed with `whole`; the parts are added below
  Node whole = std::move(nodes_[k]);
  std::vector<Node> parts;
  parts.emplace_back();
  size_t off = 0;
  while (off < whole.buf.size()) {
    size_t hdr;
    size_t len = read_len(whole.buf, off, &hdr);
    size_t es = 2 * hdr + len;
    if (parts.back().count > 0 && parts.back().buf.size() + es > kNodeMaxBytes) {
      parts.emplace_back();
    }
    parts.back().buf.append(whole.buf, off, es);
    ++parts.back().count;
    off += es;
  }
  for (const Node& part : parts) node_bytes_ += heap_bytes(part.buf);
  nodes_[k] = std::move(parts[0]);  // nodes_[k] was moved from: no buffer of its own
  nodes_.insert(nodes_.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                std::make_move_iterator(parts.begin() + 1), std::make_move_iterator(parts.end()));
}

void ListObject::merge_or_drop(size_t k) {
  if (k >= nodes_.size()) return;
  if (nodes_[k].count == 0) {
    drop_node(k);
    return;
  }
  if (k + 1 >= nodes_.size()) return;
  Node& a = nodes_[k];
  Node& b = nodes_[k + 1];
  if (a.buf.size() + b.buf.size() > kNodeMaxBytes) return;
  edit_node(k, [&](std::string& buf) { buf.append(b.buf); });
  a.count += b.count;
  drop_node(k + 1);
}

}  // namespace kevy
