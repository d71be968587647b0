// Reading one value in RDB form (read_value): every value type redis-server 7.0.15 loads, the
// old ones included, into the encoding Redis ends up with after loading under the same limits
// (rdbLoadObject's conversions), with the checks Redis makes when sanitize-dump-payload is on:
// whole-blob validation, duplicate members/fields, NaN scores, empty collections. kevy always
// makes them, so a crafted payload can never build a value that breaks kevy's invariants.
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "commands/strings.h"
#include "core/numbers.h"
#include "persist/listpack.h"
#include "persist/old_encodings.h"
#include "persist/rdb_value.h"
#include "types/hash.h"
#include "types/list.h"
#include "types/set.h"
#include "types/zset.h"

namespace kevy::rdb {
namespace {

constexpr std::string_view kEmptyWhy = "empty collection";
// LISTPACK_MAX_SAFETY_SIZE: Redis never lets a listpack grow past 1 GiB.
constexpr size_t kListpackSafetySize = size_t{1} << 30;
constexpr size_t kNoLimit = std::numeric_limits<size_t>::max();

bool fail_empty(RdbReader& r) { return r.fail("value", kEmptyWhy); }

// zzlStrtod: a listpack or ziplist zset score is read with strtod over (at most) its first 127
// bytes, so any text reads as some number; NaN is refused (Redis refuses it in the other
// zset forms, and kevy's zsets cannot hold it).
bool listpack_score(std::string_view text, double* out) {
  char buf[128];
  const size_t n = std::min(text.size(), sizeof buf - 1);
  std::memcpy(buf, text.data(), n);
  buf[n] = '\0';
  *out = std::strtod(buf, nullptr);
  return !std::isnan(*out);
}

Entry* make(std::string_view key, ObjType type, std::unique_ptr<Object> obj, Encoding enc) {
  return Entry::make_object(key, type, enc, std::move(obj));
}

// ---- lists ---------------------------------------------------------------------------------

Entry* finish_list(RdbReader& r, std::string_view key, std::unique_ptr<ListObject> list) {
  if (!r.ok()) return nullptr;
  if (list->empty()) {
    fail_empty(r);
    return nullptr;
  }
  return make(key, ObjType::kList, std::move(list), Encoding::kQuicklist);
}

// Type 1: a count, then the elements as strings.
Entry* read_linked_list(RdbReader& r, std::string_view key) {
  uint64_t len;
  if (!r.length(&len, "list length")) return nullptr;
  auto list = std::make_unique<ListObject>();
  std::string element;
  for (uint64_t i = 0; i < len; ++i) {
    if (!r.string(&element, "list element")) return nullptr;
    list->push(ListEnd::kTail, element);
  }
  return finish_list(r, key, std::move(list));
}

// Types 14 and 18: a node count, then per node (18: a container, plain or packed) a blob: a
// plain element, a listpack (18) or a ziplist (14). Empty nodes are skipped, as Redis does.
Entry* read_quicklist(RdbReader& r, uint8_t type, std::string_view key) {
  uint64_t nodes;
  if (!r.length(&nodes, "quicklist node count")) return nullptr;
  auto list = std::make_unique<ListObject>();
  std::string blob;
  auto push = [&](std::string_view v) { list->push(ListEnd::kTail, v); };
  for (uint64_t i = 0; i < nodes; ++i) {
    uint64_t container = kQuicklistNodePacked;
    if (type == kTypeListQuicklist2) {
      if (!r.length(&container, "quicklist node container")) return nullptr;
      if (container != kQuicklistNodePacked && container != kQuicklistNodePlain) {
        r.fail("quicklist node container", "Quicklist integrity check failed");
        return nullptr;
      }
    }
    if (!r.string(&blob, "quicklist node")) return nullptr;
    if (blob.empty()) {
      r.fail("quicklist node", "empty node");
      return nullptr;
    }
    if (container == kQuicklistNodePlain) {
      push(blob);
    } else if (type == kTypeListQuicklist2) {
      if (!listpack::for_each(blob, push)) {
        r.fail("quicklist node", "Listpack integrity check failed");
        return nullptr;
      }
    } else if (!ziplist_for_each(blob, push)) {
      r.fail("quicklist node", "Ziplist integrity check failed");
      return nullptr;
    }
  }
  return finish_list(r, key, std::move(list));
}

// Type 10: the whole list in one ziplist.
Entry* read_ziplist_list(RdbReader& r, std::string_view key) {
  std::string blob;
  if (!r.string(&blob, "list ziplist")) return nullptr;
  auto list = std::make_unique<ListObject>();
  if (!ziplist_for_each(blob, [&](std::string_view v) { list->push(ListEnd::kTail, v); })) {
    r.fail("list ziplist", "List ziplist integrity check failed");
    return nullptr;
  }
  return finish_list(r, key, std::move(list));
}

// ---- sets ----------------------------------------------------------------------------------

// Type 2: a count, then the members. More members than set-max-intset-entries: a hashtable
// from the start; else an intset until a member is not an integer.
Entry* read_set(RdbReader& r, std::string_view key, const Options& limits) {
  uint64_t len;
  if (!r.length(&len, "set size")) return nullptr;
  if (len == 0) {
    fail_empty(r);
    return nullptr;
  }
  const size_t max_intset = std::min<size_t>(limits.set_max_intset_entries, size_t{1} << 30);
  std::unique_ptr<SetValue> set =
      len > max_intset ? SetValue::make_table() : std::make_unique<SetValue>();
  std::string member;
  for (uint64_t i = 0; i < len; ++i) {
    if (!r.string(&member, "set member")) return nullptr;
    if (!set->add(member, max_intset)) {
      r.fail("set member", "Duplicate set members detected");
      return nullptr;
    }
  }
  const Encoding enc = set->encoding();
  return make(key, ObjType::kSet, std::move(set), enc);
}

// Type 11: an intset blob; a hashtable when it holds more than set-max-intset-entries.
Entry* read_intset(RdbReader& r, std::string_view key, const Options& limits) {
  std::string blob;
  if (!r.string(&blob, "intset")) return nullptr;
  std::vector<int64_t> ints;
  if (!decode_intset(blob, &ints) || ints.empty()) {
    r.fail("intset", "Intset integrity check failed");
    return nullptr;
  }
  auto set = std::make_unique<SetValue>();
  // The blob's width (validated by decode_intset) is kept, as Redis keeps the blob itself.
  set->widen_to(static_cast<unsigned char>(blob[0]));
  char buf[24];
  for (int64_t v : ints) set->add(std::string_view(buf, format_int64(v, buf)), kNoLimit);
  if (ints.size() > limits.set_max_intset_entries) set->convert_to_table();
  const Encoding enc = set->encoding();
  return make(key, ObjType::kSet, std::move(set), enc);
}

// ---- zsets ---------------------------------------------------------------------------------

Entry* make_zset(std::string_view key, std::unique_ptr<ZsetValue> z) {
  const Encoding enc = z->encoding();
  return make(key, ObjType::kZset, std::move(z), enc);
}

// Types 5 (binary scores) and 3 (text scores): a count, then member + score pairs. Loaded into
// a skiplist, then converted to a listpack when it fits zset-max-listpack-entries/-value.
Entry* read_zset_pairs(RdbReader& r, uint8_t type, std::string_view key, const Options& limits) {
  uint64_t len;
  if (!r.length(&len, "zset size")) return nullptr;
  if (len == 0) {
    fail_empty(r);
    return nullptr;
  }
  auto z = std::make_unique<ZsetValue>();
  z->convert_to_skiplist();
  const ZsetLimits no_limits{kNoLimit, kNoLimit};
  size_t max_len = 0, total_len = 0;
  std::string member;
  for (uint64_t i = 0; i < len; ++i) {
    double score;
    if (!r.string(&member, "zset member")) return nullptr;
    const bool got = type == kTypeZset2 ? r.binary_double(&score, "zset score")
                                        : r.text_double(&score, "zset score");
    if (!got) return nullptr;
    if (std::isnan(score)) {
      r.fail("zset score", "Zset with NAN score detected");
      return nullptr;
    }
    max_len = std::max(max_len, member.size());
    total_len += member.size();
    if (!z->set(member, score, no_limits)) {
      r.fail("zset member", "Duplicate zset fields detected");
      return nullptr;
    }
  }
  if (z->size() <= limits.zset_max_listpack_entries &&
      max_len <= limits.zset_max_listpack_value && total_len <= kListpackSafetySize) {
    auto small = std::make_unique<ZsetValue>();
    z->for_each([&](const ZsetItem& item) { small->set(item.member, item.score, no_limits); });
    z = std::move(small);
  }
  return make_zset(key, std::move(z));
}

// Collects the elements of a listpack (types 16, 17) or ziplist (12, 13) blob; false when the
// blob is malformed.
bool collect(std::string_view blob, bool is_listpack, std::vector<std::string>* out) {
  auto add = [&](std::string_view v) { out->emplace_back(v); };
  return is_listpack ? listpack::for_each(blob, add) : ziplist_for_each(blob, add);
}

// The even elements (fields, members) of a pair blob are distinct.
bool pairs_distinct(const std::vector<std::string>& elements) {
  std::unordered_set<std::string_view> seen;
  seen.reserve(elements.size() / 2);
  for (size_t i = 0; i < elements.size(); i += 2) {
    if (!seen.insert(elements[i]).second) return false;
  }
  return true;
}

// Reads a blob of member/field + score/value pairs; `check` names Redis's failed check.
bool read_pair_blob(RdbReader& r, uint8_t type, const char* what, const char* check,
                    std::vector<std::string>* elements) {
  std::string blob;
  if (!r.string(&blob, what)) return false;
  const bool is_listpack = type == kTypeZsetListpack || type == kTypeHashListpack;
  if (!collect(blob, is_listpack, elements) || elements->size() % 2 != 0 ||
      !pairs_distinct(*elements)) {
    return r.fail(what, check);
  }
  if (elements->empty()) return fail_empty(r);
  return true;
}

// Types 17 (listpack) and 12 (ziplist): member, score, member, score... A listpack stays one
// whatever its members' lengths; more members than zset-max-listpack-entries make a skiplist.
Entry* read_zset_blob(RdbReader& r, uint8_t type, std::string_view key, const Options& limits) {
  std::vector<std::string> elements;
  const bool lp = type == kTypeZsetListpack;
  if (!read_pair_blob(r, type, lp ? "zset listpack" : "zset ziplist",
                      lp ? "Zset listpack integrity check failed"
                         : "Zset ziplist integrity check failed",
                      &elements)) {
    return nullptr;
  }
  const size_t n = elements.size() / 2;
  auto z = std::make_unique<ZsetValue>();
  if (n > limits.zset_max_listpack_entries) z->convert_to_skiplist();
  const ZsetLimits no_limits{kNoLimit, kNoLimit};
  for (size_t i = 0; i < elements.size(); i += 2) {
    double score;
    if (!listpack_score(elements[i + 1], &score)) {
      r.fail("zset score", "Zset with NAN score detected");
      return nullptr;
    }
    // The score's text is kept by Redis: "-0" stays -0 (zset.h ListpackZero).
    z->set(elements[i], score, no_limits, ListpackZero::kKeepSign);
  }
  return make_zset(key, std::move(z));
}

// ---- hashes --------------------------------------------------------------------------------

Entry* make_hash(std::string_view key, std::unique_ptr<HashValue> h) {
  const Encoding enc = h->encoding();
  return make(key, ObjType::kHash, std::move(h), enc);
}

// Type 4: a count, then field + value pairs. More pairs than hash-max-listpack-entries: a
// hashtable from the start; else a listpack until a field or value is longer than
// hash-max-listpack-value.
Entry* read_hash_pairs(RdbReader& r, std::string_view key, const Options& limits) {
  uint64_t len;
  if (!r.length(&len, "hash size")) return nullptr;
  if (len == 0) {
    fail_empty(r);
    return nullptr;
  }
  auto h = std::make_unique<HashValue>();
  if (len > limits.hash_max_listpack_entries) h->convert_to_table();
  const HashLimits hl{limits.hash_max_listpack_entries, limits.hash_max_listpack_value};
  size_t listpack_bytes = 0;  // what the listpack form would hold, for Redis's 1 GiB cap
  std::string field, value;
  for (uint64_t i = 0; i < len; ++i) {
    if (!r.string(&field, "hash field") || !r.string(&value, "hash value")) return nullptr;
    if (h->is_listpack()) {
      listpack_bytes += field.size() + value.size();
      if (listpack_bytes > kListpackSafetySize) h->convert_to_table();
    }
    if (!h->set(field, value, hl)) {
      r.fail("hash field", "Duplicate hash fields detected");
      return nullptr;
    }
  }
  return make_hash(key, std::move(h));
}

// Types 16 (listpack) and 13 (ziplist): field, value, field, value... A listpack stays one
// whatever its values' lengths; more pairs than hash-max-listpack-entries make a hashtable.
Entry* read_hash_blob(RdbReader& r, uint8_t type, std::string_view key, const Options& limits) {
  std::vector<std::string> elements;
  const bool lp = type == kTypeHashListpack;
  if (!read_pair_blob(r, type, lp ? "hash listpack" : "hash ziplist",
                      lp ? "Hash listpack integrity check failed"
                         : "Hash ziplist integrity check failed",
                      &elements)) {
    return nullptr;
  }
  auto h = std::make_unique<HashValue>();
  if (elements.size() / 2 > limits.hash_max_listpack_entries) h->convert_to_table();
  const HashLimits no_limits{kNoLimit, kNoLimit};
  for (size_t i = 0; i < elements.size(); i += 2) h->set(elements[i], elements[i + 1], no_limits);
  return make_hash(key, std::move(h));
}

// Type 9 (RDB before version 4): a zipmap, loaded as a listpack hash, or a hashtable when it
// has more pairs than hash-max-listpack-entries or an element longer than
// hash-max-listpack-value.
Entry* read_zipmap(RdbReader& r, std::string_view key, const Options& limits) {
  std::string blob;
  if (!r.string(&blob, "hash zipmap")) return nullptr;
  std::vector<std::string> elements;
  size_t max_len = 0;
  const bool valid = zipmap_for_each(blob, [&](std::string_view f, std::string_view v) {
    elements.emplace_back(f);
    elements.emplace_back(v);
    max_len = std::max({max_len, f.size(), v.size()});
  });
  if (!valid) {
    r.fail("hash zipmap", "Zipmap integrity check failed");
    return nullptr;
  }
  if (!pairs_distinct(elements)) {
    r.fail("hash zipmap", "Hash zipmap with dup elements");
    return nullptr;
  }
  // Redis would make an empty hash of an empty zipmap; kevy never holds empty collections.
  if (elements.empty()) {
    fail_empty(r);
    return nullptr;
  }
  auto h = std::make_unique<HashValue>();
  const HashLimits no_limits{kNoLimit, kNoLimit};
  for (size_t i = 0; i < elements.size(); i += 2) h->set(elements[i], elements[i + 1], no_limits);
  if (h->size() > limits.hash_max_listpack_entries || max_len > limits.hash_max_listpack_value) {
    h->convert_to_table();
  }
  return make_hash(key, std::move(h));
}

}  // namespace

bool is_loadable_type(uint8_t type) {
  switch (type) {
    case kTypeString:
    case kTypeList:
    case kTypeSet:
    case kTypeZset:
    case kTypeHash:
    case kTypeZset2:
    case kTypeHashZipmap:
    case kTypeListZiplist:
    case kTypeSetIntset:
    case kTypeZsetZiplist:
    case kTypeHashZiplist:
    case kTypeListQuicklist:
    case kTypeHashListpack:
    case kTypeZsetListpack:
    case kTypeListQuicklist2:
      return true;
    default:
      return false;
  }
}

bool is_empty_value_error(const Status& s) {
  const std::string& m = s.message();
  return s.code() == Status::Code::kCorruption && m.size() >= kEmptyWhy.size() &&
         std::string_view(m).substr(m.size() - kEmptyWhy.size()) == kEmptyWhy;
}

Entry* read_value(RdbReader& r, uint8_t type, std::string_view key, const Options& limits) {
  if (!r.ok()) return nullptr;
  switch (type) {
    case kTypeString: {
      std::string s;
      if (!r.string(&s, "string value")) return nullptr;
      return make_string_entry(key, s);
    }
    case kTypeList:
      return read_linked_list(r, key);
    case kTypeListQuicklist:
    case kTypeListQuicklist2:
      return read_quicklist(r, type, key);
    case kTypeListZiplist:
      return read_ziplist_list(r, key);
    case kTypeSet:
      return read_set(r, key, limits);
    case kTypeSetIntset:
      return read_intset(r, key, limits);
    case kTypeZset:
    case kTypeZset2:
      return read_zset_pairs(r, type, key, limits);
    case kTypeZsetListpack:
    case kTypeZsetZiplist:
      return read_zset_blob(r, type, key, limits);
    case kTypeHash:
      return read_hash_pairs(r, key, limits);
    case kTypeHashListpack:
    case kTypeHashZiplist:
      return read_hash_blob(r, type, key, limits);
    case kTypeHashZipmap:
      return read_zipmap(r, key, limits);
    case kTypeStreamListpacks:
    case kTypeStreamListpacks2:
      r.fail("value", "stream values are not supported by kevy yet");
      return nullptr;
    case kTypeModule:
    case kTypeModule2:
      r.fail("value", "module values cannot be loaded: kevy has no module types");
      return nullptr;
    default:
      r.fail("value", "unknown value type " + std::to_string(type));
      return nullptr;
  }
}

}  // namespace kevy::rdb
