#include "types/memory_usage.h"

#include "core/heap.h"
#include "types/hash.h"
#include "types/list.h"
#include "types/set.h"
#include "types/zset.h"

namespace kevy {

size_t entry_memory_bytes(const Entry& e) {
  // A string lives inside its Entry (embstr, raw and int alike).
  return heap_bytes(e.alloc_size()) + value_memory_bytes(e);
}

size_t value_memory_bytes(const Entry& e) {
  switch (e.type()) {
    case ObjType::kString:
      return 0;
    case ObjType::kList:
      return static_cast<const ListObject*>(e.object())->memory_bytes();
    case ObjType::kHash:
      return static_cast<const HashValue*>(e.object())->memory_bytes();
    case ObjType::kSet:
      return static_cast<const SetValue*>(e.object())->memory_bytes();
    case ObjType::kZset:
      return static_cast<const ZsetValue*>(e.object())->memory_bytes();
    case ObjType::kStream:
      break;
  }
  return 0;
}

size_t entry_recount_memory_bytes(const Entry& e) {
  const size_t entry = heap_bytes(e.alloc_size());
  switch (e.type()) {
    case ObjType::kString:
      return entry;
    case ObjType::kList:
      return entry + static_cast<const ListObject*>(e.object())->recount_memory_bytes();
    case ObjType::kHash:
      return entry + static_cast<const HashValue*>(e.object())->recount_memory_bytes();
    case ObjType::kSet:
      return entry + static_cast<const SetValue*>(e.object())->recount_memory_bytes();
    case ObjType::kZset:
      return entry + static_cast<const ZsetValue*>(e.object())->recount_memory_bytes();
    case ObjType::kStream:
      break;
  }
  return entry;
}

}  // namespace kevy
