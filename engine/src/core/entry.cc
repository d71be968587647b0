#include "core/entry.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "core/numbers.h"
#include "core/varint.h"

namespace kevy {
namespace {

uint8_t make_head0(ObjType t, Encoding e) {
  return static_cast<uint8_t>(static_cast<uint8_t>(t) | (static_cast<uint8_t>(e) << 4));
}

}  // namespace

std::string_view type_name(ObjType t) {
  switch (t) {
    case ObjType::kString: return "string";
    case ObjType::kList: return "list";
    case ObjType::kSet: return "set";
    case ObjType::kZset: return "zset";
    case ObjType::kHash: return "hash";
    case ObjType::kStream: return "stream";
  }
  return "unknown";
}

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::kRaw: return "raw";
    case Encoding::kInt: return "int";
    case Encoding::kHashtable: return "hashtable";
    case Encoding::kZipmap: return "zipmap";
    case Encoding::kLinkedlist: return "linkedlist";
    case Encoding::kZiplist: return "ziplist";
    case Encoding::kIntset: return "intset";
    case Encoding::kSkiplist: return "skiplist";
    case Encoding::kEmbstr: return "embstr";
    case Encoding::kQuicklist: return "quicklist";
    case Encoding::kStream: return "stream";
    case Encoding::kListpack: return "listpack";
  }
  return "unknown";
}

Entry* Entry::allocate(uint8_t head0, uint32_t lru, std::string_view key, size_t value_bytes,
                       unsigned char** value_out) {
  size_t total = sizeof(head_) + varint::size(key.size()) + key.size() + value_bytes;
  void* mem = std::malloc(total);
  if (mem == nullptr) throw std::bad_alloc();
  Entry* e = static_cast<Entry*>(mem);
  e->head_[0] = head0;
  e->set_lru(lru);
  unsigned char* p = varint::put(reinterpret_cast<unsigned char*>(e) + sizeof(head_), key.size());
  if (!key.empty()) std::memcpy(p, key.data(), key.size());
  *value_out = p + key.size();
  return e;
}

Entry* Entry::make_string(std::string_view key, std::string_view value, Encoding enc) {
  unsigned char* v;
  Entry* e = allocate(make_head0(ObjType::kString, enc), 0, key,
                      varint::size(value.size()) + value.size(), &v);
  v = varint::put(v, value.size());
  if (!value.empty()) std::memcpy(v, value.data(), value.size());
  return e;
}

Entry* Entry::make_int(std::string_view key, int64_t value) {
  unsigned char* v;
  Entry* e = allocate(make_head0(ObjType::kString, Encoding::kInt), 0, key, sizeof value, &v);
  std::memcpy(v, &value, sizeof value);
  return e;
}

Entry* Entry::make_object(std::string_view key, ObjType type, Encoding enc,
                          std::unique_ptr<Object> obj) {
  unsigned char* v;
  Entry* e = allocate(make_head0(type, enc), 0, key, sizeof(Object*), &v);
  Object* raw = obj.release();
  std::memcpy(v, &raw, sizeof raw);
  return e;
}

void Entry::destroy(Entry* e) {
  if (e == nullptr) return;
  if (!e->is_string()) delete e->object();
  std::free(e);
}

Entry* Entry::replace_string(Entry* old, std::string_view value, Encoding enc) {
  Entry* e = make_string(old->key(), value, enc);
  e->set_lru(old->lru());
  e->set_has_expire(old->has_expire());
  destroy(old);
  return e;
}

Entry* Entry::replace_int(Entry* old, int64_t value) {
  Entry* e = make_int(old->key(), value);
  e->set_lru(old->lru());
  e->set_has_expire(old->has_expire());
  destroy(old);
  return e;
}

Entry* Entry::rekey(Entry* old, std::string_view key) {
  size_t value_bytes = old->alloc_size() - static_cast<size_t>(old->value_ptr() -
                                                               reinterpret_cast<unsigned char*>(old));
  unsigned char* v;
  Entry* e = allocate(old->head_[0], old->lru(), key, value_bytes, &v);
  std::memcpy(v, old->value_ptr(), value_bytes);
  std::free(old);  // the value (and any Object pointer) moved to e
  return e;
}

Entry* Entry::clone(const Entry* src, std::string_view key) {
  Entry* e;
  if (!src->is_string()) {
    e = make_object(key, src->type(), src->encoding(), src->object()->clone());
  } else if (src->encoding() == Encoding::kInt) {
    e = make_int(key, src->int_value());
  } else {
    e = make_string(key, src->str(), src->encoding());
  }
  e->set_lru(src->lru());
  return e;
}

size_t Entry::decode_long_varint(const unsigned char* p, const unsigned char** end) {
  size_t len;
  *end = varint::get(p, &len);
  return len;
}

const unsigned char* Entry::value_ptr() const {
  std::string_view k = key();
  return reinterpret_cast<const unsigned char*>(k.data() + k.size());
}

std::string_view Entry::str() const {
  size_t len;
  const unsigned char* p = varint::get(value_ptr(), &len);
  return std::string_view(reinterpret_cast<const char*>(p), len);
}

int64_t Entry::int_value() const {
  int64_t v;
  std::memcpy(&v, value_ptr(), sizeof v);
  return v;
}

Object* Entry::object() const {
  Object* o;
  std::memcpy(&o, value_ptr(), sizeof o);
  return o;
}

std::string_view Entry::string_value(char (&buf)[24]) const {
  if (encoding() == Encoding::kInt) return std::string_view(buf, format_int64(int_value(), buf));
  return str();
}

size_t Entry::alloc_size() const {
  const unsigned char* v = value_ptr();
  size_t value_bytes;
  if (!is_string()) {
    value_bytes = sizeof(Object*);
  } else if (encoding() == Encoding::kInt) {
    value_bytes = sizeof(int64_t);
  } else {
    size_t len;
    const unsigned char* p = varint::get(v, &len);
    value_bytes = static_cast<size_t>(p - v) + len;
  }
  return static_cast<size_t>(v - reinterpret_cast<const unsigned char*>(this)) + value_bytes;
}

}  // namespace kevy
