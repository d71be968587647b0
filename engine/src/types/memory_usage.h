// entry_memory_bytes: the heap bytes one key holds — its Entry plus, for a collection, the
// value object and everything it owns — the per-type dispatch behind Store::memory_usage
// (MEMORY USAGE) and the maxmemory accounting. Each type reports its own bytes through
// memory_bytes(), O(1) from running counters; the sizes are malloc chunks as modelled by
// core/heap.h, and types/memory_model_test.cc measures them against glibc's malloc.
#pragma once

#include <cstddef>

#include "core/entry.h"
#include "core/heap.h"
#include "core/varint.h"

namespace kevy {

// O(1): the store calls it after every write command on each key the command touched.
size_t entry_memory_bytes(const Entry& e);
// The value part of entry_memory_bytes: the bytes of e's Object and all it owns, 0 for a
// string (which lives inside its Entry). O(1), and cheaper than entry_memory_bytes minus
// heap_bytes(e.alloc_size()), which decodes the key's length twice.
size_t value_memory_bytes(const Entry& e);
// The same number counted afresh from every element, node and chunk (the types'
// recount_memory_bytes()), O(size of the value): for checks that the running counters behind
// entry_memory_bytes are right, never for the accounting itself.
size_t entry_recount_memory_bytes(const Entry& e);

// heap_bytes(e->alloc_size()) for e = Entry::make_string(key, value, kRaw or kEmbstr), from the
// two lengths alone: core/entry.h's layout is 4 head bytes, the varint key length, the key, the
// varint value length, the value. The collections' running counters use it on their insert
// paths, where a call to alloc_size() (decoding both lengths back) would cost more than the
// counter itself; memory_usage_test.cc checks it against alloc_size().
inline size_t string_entry_heap_bytes(size_t key_len, size_t value_len) {
  return heap_bytes(4 + varint::size(key_len) + key_len + varint::size(value_len) + value_len);
}

}  // namespace kevy
