// Writing one value in RDB form, byte for byte as redis-server 7.0.15's rdbSaveObject writes the
// same contents (rdb_value_load.cc reads them back). kevy's in-memory layouts differ from
// Redis's, so the Redis layouts are rebuilt here: listpack blobs for small hashes and zsets,
// the intset blob, and the quicklist nodes a list built by RPUSH would have in Redis.
#include "persist/rdb_value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/numbers.h"
#include "persist/listpack.h"
#include "persist/lzf.h"
#include "persist/old_encodings.h"
#include "types/hash.h"
#include "types/list.h"
#include "types/set.h"
#include "types/zset.h"

namespace kevy::rdb {
namespace {

// ---- quicklist node layout ---------------------------------------------------------------
//
// Redis's quicklistPushTail appends to the tail node while _quicklistNodeAllowInsert allows
// it, else starts a new node. We replay that decision over the list's elements so that a list
// built by RPUSH gets the node boundaries (and so the bytes) redis-server gives it. Lists
// shaped by other operations (LPUSH, LINSERT, LREM...) have other boundaries in Redis; their
// contents are still the same and Redis accepts any boundaries when loading.

// Elements from this size on get a node of their own, stored plain (quicklist
// packed_threshold, 1 GiB by default).
constexpr size_t kPlainThreshold = size_t{1} << 30;
// A node may never exceed this many bytes when the fill is a count (SIZE_SAFETY_LIMIT).
constexpr size_t kSizeSafetyLimit = 8192;
constexpr size_t kListpackEmptyBytes = 7;  // 6-byte header + 0xFF
constexpr size_t kSizeEstimateOverhead = 8;

// Bytes one element takes in a listpack: encoding + data + back-length.
size_t listpack_entry_bytes(std::string_view s) {
  size_t enc;
  std::optional<int64_t> v;
  if (s.size() <= 20) v = parse_int64(s);
  if (v) {
    const int64_t i = *v;
    if (i >= 0 && i <= 127) {
      enc = 1;
    } else if (i >= -4096 && i <= 4095) {
      enc = 2;
    } else if (i >= std::numeric_limits<int16_t>::min() && i <= std::numeric_limits<int16_t>::max()) {
      enc = 3;
    } else if (i >= -(int64_t{1} << 23) && i < (int64_t{1} << 23)) {
      enc = 4;
    } else if (i >= std::numeric_limits<int32_t>::min() && i <= std::numeric_limits<int32_t>::max()) {
      enc = 5;
    } else {
      enc = 9;
    }
  } else if (s.size() < 64) {
    enc = 1 + s.size();
  } else if (s.size() < 4096) {
    enc = 2 + s.size();
  } else {
    enc = 5 + s.size();
  }
  const size_t backlen = enc <= 127 ? 1 : enc < 16383 ? 2 : enc < 2097151 ? 3 : enc < 268435455 ? 4 : 5;
  return enc + backlen;
}

// _quicklistNodeAllowInsert of redis-server 7.0.15: may an element of `len` bytes join a packed
// node of `node_bytes` bytes holding `node_count` elements, with list-max-listpack-size
// `fill`? Redis estimates the growth as len + 8 bytes rather than the exact listpack entry.
// A negative fill is a size limit (4 KiB << (-fill - 1), at most 64 KiB); a positive one
// a count (0 counts as 1), with nodes kept under kSizeSafetyLimit bytes.
bool node_allows(size_t node_bytes, size_t node_count, size_t len, int fill) {
  if (len >= kPlainThreshold) return false;
  const size_t new_bytes = node_bytes + len + kSizeEstimateOverhead;
  if (fill < 0) {
    const int64_t level = std::min<int64_t>(-static_cast<int64_t>(fill) - 1, 4);
    return new_bytes <= (size_t{4096} << level);
  }
  if (new_bytes > kSizeSafetyLimit) return false;
  return node_count + 1 <= static_cast<size_t>(fill == 0 ? 1 : fill);
}

// One quicklist node as write_list writes it.
struct QuicklistNode {
  bool plain = false;
  std::string bytes;  // the plain element, or the finished listpack
};

// The nodes quicklistPushTail would give the list's elements, in order.
std::vector<QuicklistNode> quicklist_nodes(const ListObject& list, int fill) {
  std::vector<QuicklistNode> nodes;
  listpack::Builder lp;
  size_t lp_bytes = kListpackEmptyBytes;
  bool open = false;  // lp holds the tail node
  auto close = [&] {
    if (open) nodes.push_back(QuicklistNode{false, lp.finish()});
    open = false;
    lp_bytes = kListpackEmptyBytes;
  };
  list.visit(0, false, [&](size_t, std::string_view v) {
    if (v.size() >= kPlainThreshold) {
      close();
      nodes.push_back(QuicklistNode{true, std::string(v)});
      return true;
    }
    if (open && !node_allows(lp_bytes, lp.count(), v.size(), fill)) close();
    lp.append(v);
    lp_bytes += listpack_entry_bytes(v);
    open = true;
    return true;
  });
  close();
  return nodes;
}

// The LZF form Redis keeps node `i` of `count` in (__quicklistCompressNode), or nullopt when
// it stays raw: inside the compress depth of either end, or in a list of fewer than
// 2 * depth nodes, or smaller than 48 bytes, or when compression saves less than 8 bytes.
std::optional<std::string> compressed_node(const QuicklistNode& n, size_t i, size_t count,
                                           int depth) {
  constexpr size_t kMinCompressBytes = 48, kMinCompressImprove = 8;
  const auto d = static_cast<size_t>(depth);
  if (depth <= 0 || n.plain || count < 2 * d || i < d || i >= count - d) return std::nullopt;
  if (n.bytes.size() < kMinCompressBytes) return std::nullopt;
  std::string out(n.bytes.size(), '\0');
  const size_t len = lzf_compress(n.bytes.data(), n.bytes.size(), out.data(), out.size());
  if (len == 0 || len + kMinCompressImprove >= n.bytes.size()) return std::nullopt;
  out.resize(len);
  return out;
}

void write_list(RdbWriter& w, const ListObject& list, const ListLayout& layout) {
  const std::vector<QuicklistNode> nodes = quicklist_nodes(list, layout.fill);
  w.length(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    const QuicklistNode& n = nodes[i];
    w.length(n.plain ? kQuicklistNodePlain : kQuicklistNodePacked);
    if (auto lzf = compressed_node(n, i, nodes.size(), layout.compress_depth)) {
      w.lzf_blob(*lzf, n.bytes.size());
    } else {
      w.string(n.bytes);
    }
  }
}

// ---- sets, zsets, hashes -----------------------------------------------------------------

void write_set(RdbWriter& w, const SetValue& set) {
  if (set.is_intset()) {
    std::vector<int64_t> ints;
    ints.reserve(set.size());
    set.for_each([&](std::string_view m) { ints.push_back(*parse_int64(m)); });
    w.string(encode_intset(ints, set.intset_width()));
    return;
  }
  w.length(set.size());
  set.for_each([&](std::string_view m) { w.string(m); });
}

void write_zset(RdbWriter& w, const ZsetValue& z) {
  if (z.is_listpack()) {
    listpack::Builder lp;
    z.for_each([&](const ZsetItem& item) {
      lp.append(item.member);
      lp.append(listpack_score_text(item.score));
    });
    w.string(lp.finish());
    return;
  }
  // Redis walks its skiplist from the tail: highest score first.
  w.length(z.size());
  z.for_ranks(0, z.size() - 1, true, [&](const ZsetItem& item) {
    w.string(item.member);
    w.binary_double(item.score);
    return true;
  });
}

void write_hash(RdbWriter& w, const HashValue& h) {
  if (h.is_listpack()) {
    listpack::Builder lp;
    h.for_each([&](std::string_view f, std::string_view v) {
      lp.append(f);
      lp.append(v);
    });
    w.string(lp.finish());
    return;
  }
  w.length(h.size());
  h.for_each([&](std::string_view f, std::string_view v) {
    w.string(f);
    w.string(v);
  });
}

}  // namespace

uint8_t value_type(const Entry& e) {
  switch (e.type()) {
    case ObjType::kString:
      return kTypeString;
    case ObjType::kList:
      return kTypeListQuicklist2;
    case ObjType::kSet:
      return e.encoding() == Encoding::kIntset ? kTypeSetIntset : kTypeSet;
    case ObjType::kZset:
      return e.encoding() == Encoding::kListpack ? kTypeZsetListpack : kTypeZset2;
    case ObjType::kHash:
      return e.encoding() == Encoding::kListpack ? kTypeHashListpack : kTypeHash;
    case ObjType::kStream:
      return kTypeStreamListpacks2;
  }
  return kTypeString;
}

void write_value(RdbWriter& w, const Entry& e, const ListLayout& lists) {
  switch (e.type()) {
    case ObjType::kString:
      if (e.encoding() == Encoding::kInt) {
        w.integer_string(e.int_value());
      } else {
        w.string(e.str());
      }
      return;
    case ObjType::kList:
      write_list(w, *static_cast<const ListObject*>(e.object()), lists);
      return;
    case ObjType::kSet:
      write_set(w, *static_cast<const SetValue*>(e.object()));
      return;
    case ObjType::kZset:
      write_zset(w, *static_cast<const ZsetValue*>(e.object()));
      return;
    case ObjType::kHash:
      write_hash(w, *static_cast<const HashValue*>(e.object()));
      return;
    case ObjType::kStream:
      return;  // kevy holds no stream values
  }
}

void write_value(RdbWriter& w, const Entry& e) { write_value(w, e, ListLayout{}); }

ListLayout list_layout(const Options& options) {
  return ListLayout{options.list_max_listpack_size, options.list_compress_depth};
}

QuicklistShape quicklist_shape(const ListObject& list, int fill) {
  QuicklistShape shape;
  for (const QuicklistNode& n : quicklist_nodes(list, fill)) {
    ++shape.nodes;
    shape.bytes += n.bytes.size();
  }
  return shape;
}

}  // namespace kevy::rdb
