#include "types/memory_usage.h"

#include "core/heap.h"
#include "types/hash.h"
#include "types/list.h"
#include "types/set.h"
#include "types/zset.h"

namespace kevy {

size_t entry_memory_bytes(const Entry& e) {
  // A string lives inside its Entry (embstr, raw and int alike).
  const size_t entry = heap_bytes(e.alloc_size());
  switch (e.type()) {
    case ObjType::kString:
      return entry;
    case ObjType::kList:
      return entry + static_cast<const ListObject*>(e.object())->memory_bytes();
    case ObjType::kHash:
      return entry + static_cast<const HashValue*>(e.object())->memory_bytes();
    case ObjType::kSet:
      return entry + static_cast<const SetValue*>(e.object())->memory_bytes();
    case ObjType::kZset:
      return entry + static_cast<const ZsetValue*>(e.object())->memory_bytes();
    case ObjType::kStream:
      break;
  }
  return entry;
}

}  // namespace kevy
