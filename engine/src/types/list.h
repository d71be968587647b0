// ListObject: the value of a list key — a quicklist of compact nodes, our own layout.
//
// Redis 7.0 stores every list as a quicklist (OBJECT ENCODING always says "quicklist"; the
// small-list "listpack" encoding arrived in 7.2), each node a listpack of at most 8 KiB
// (list-max-listpack-size -2). We keep the same shape: a vector of nodes, each one byte buffer
// of entries `[varint len][bytes][reverse varint len]`, so a node can be walked from either
// end (the trailing length plays the role of the listpack back-length). A node holds at most
// kNodeMaxBytes of entries unless it holds a single larger element.
//
// Indexes are 0-based from the head. Views returned by at()/the visitors point into a node and
// are valid until the list is next modified. Not thread-safe (the Store's mutex guards it).
//
// Memory: memory_bytes() is O(1) — the store charges it after every write command. The node
// buffers' malloc chunks are kept in a running sum (node_bytes_) that every path changing a
// buffer's capacity or the set of nodes adjusts; the object and the node vector are sized at
// read time. A node leaving the vector has its buffer released first, so the element moves
// that close the gap carry every other buffer along unchanged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/entry.h"

namespace kevy {

enum class ListEnd : uint8_t { kHead, kTail };

class ListObject final : public Object {
 public:
  static constexpr size_t kNodeMaxBytes = 8192;

  ListObject() = default;
  ListObject(const ListObject&) = delete;
  ListObject& operator=(const ListObject&) = delete;

  std::unique_ptr<Object> clone() const override;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t node_count() const { return nodes_.size(); }
  // Bytes held by the value (object, node table and node buffers) as malloc chunks
  // (core/heap.h), for MEMORY USAGE and the maxmemory accounting. O(1).
  size_t memory_bytes() const;
  // The same number counted afresh from every node, O(nodes): for tests of memory_bytes().
  size_t recount_memory_bytes() const;

  void push(ListEnd end, std::string_view value);
  // REQUIRES: !empty().
  std::string pop(ListEnd end);
  // REQUIRES: i < size().
  std::string_view at(size_t i) const;
  // REQUIRES: i < size().
  void set(size_t i, std::string_view value);
  // Inserts value so that it becomes element i. REQUIRES: i <= size().
  void insert(size_t i, std::string_view value);
  // Removes n elements starting at index start (clamped to the end).
  void erase(size_t start, size_t n);
  // LREM: removes up to |count| elements equal to value, from the head when count > 0, from the
  // tail when count < 0, all of them when count == 0. Returns how many were removed.
  size_t remove(std::string_view value, int64_t count);

  // Calls f(index, element) for the elements from index `start` towards the tail (or, with
  // reverse, towards the head) while f returns true. REQUIRES: start < size() unless empty.
  template <typename F>
  void visit(size_t start, bool reverse, F&& f) const {
    if (start >= size_) return;
    Pos p = locate(start);
    size_t idx = start;
    while (true) {
      std::string_view v = value_at(p);
      if (!f(idx, v)) return;
      if (reverse) {
        if (idx == 0) return;
        --idx;
        p = prev(p);
      } else {
        if (++idx == size_) return;
        p = next(p);
      }
    }
  }

 private:
  struct Node {
    std::string buf;  // entries, see the header comment
    uint32_t count = 0;
  };
  struct Pos {
    size_t node = 0;
    size_t off = 0;  // offset of the entry in nodes_[node].buf
  };

  // The position of element i. REQUIRES: i < size().
  Pos locate(size_t i) const;
  Pos next(Pos p) const;
  Pos prev(Pos p) const;
  std::string_view value_at(Pos p) const;
  // Size in bytes of the whole entry at p.
  size_t entry_bytes(Pos p) const;
  // Splits node k into nodes of at most kNodeMaxBytes when it has grown past that.
  void split_if_needed(size_t k);
  // Merges node k with node k+1 when both fit in one node; drops k if it is empty.
  void merge_or_drop(size_t k);
  // Removes node k from the vector, its buffer's bytes from node_bytes_.
  void drop_node(size_t k);
  // Removes every node of [first, last) holding no element.
  void drop_empty_nodes(size_t first, size_t last);
  // Runs f(buf) on node k's buffer and moves node_bytes_ by the change of its malloc chunk.
  template <typename F>
  void edit_node(size_t k, F&& f);

  std::vector<Node> nodes_;
  size_t size_ = 0;
  size_t node_bytes_ = 0;  // sum of heap_bytes(n.buf) over nodes_
};

}  // namespace kevy
