// entry_memory_bytes: the heap bytes one key holds — its Entry plus, for a collection, the
// value object and everything it owns — the per-type dispatch behind Store::memory_usage
// (MEMORY USAGE). Each type reports its own bytes through memory_bytes(); the sizes are malloc
// chunks as modelled by core/heap.h.
#pragma once

#include <cstddef>

#include "core/entry.h"

namespace kevy {

size_t entry_memory_bytes(const Entry& e);

}  // namespace kevy
