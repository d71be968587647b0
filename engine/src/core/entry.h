// Entry: one key and its value in a single allocation — the per-key object layout.
//
// Layout (bytes): [type:3|expire:1|enc:4][lru/lfu: 24 bits][varint key length][key]
//                 [value]
// value is, by encoding: raw/embstr -> [varint length][bytes]; int -> 8-byte int64;
// any other type -> 8-byte Object* owned by the entry.
// A 16-byte key with a 16-byte value takes 38 bytes (a 48-byte malloc chunk). Expiry times live
// in the db's expires table; the expire bit here saves that lookup for keys without a TTL.
//
// Entries are immutable in size: a value change that alters the size makes a new Entry
// (replace_*), and the caller swaps the pointer in its table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace kevy {

// Numbering follows Redis's OBJ_* constants (TYPE / RDB use the names).
enum class ObjType : uint8_t { kString = 0, kList = 1, kSet = 2, kZset = 3, kHash = 4, kStream = 6 };

// Numbering follows Redis's OBJ_ENCODING_* constants.
enum class Encoding : uint8_t {
  kRaw = 0,
  kInt = 1,
  kHashtable = 2,
  kZipmap = 3,
  kLinkedlist = 4,
  kZiplist = 5,
  kIntset = 6,
  kSkiplist = 7,
  kEmbstr = 8,
  kQuicklist = 9,
  kStream = 10,
  kListpack = 11,
};

std::string_view type_name(ObjType t);      // "string", "list", ...
std::string_view encoding_name(Encoding e);  // "raw", "int", "embstr", "listpack", ...

// Base of every non-string value (lists, hashes, ...). Owned by exactly one Entry.
class Object {
 public:
  virtual ~Object() = default;
  virtual std::unique_ptr<Object> clone() const = 0;

  // The value's heap bytes as last counted in its database's total (core/keyspace.h memory
  // accounting). Only the Keyspace reads or writes it, and sets it afresh whenever a key
  // holding the object is added.
  size_t charged_bytes = 0;
};

// Strings up to this length are "embstr" when created by a command, as in Redis.
constexpr size_t kEmbstrMaxLen = 44;

class Entry {
 public:
  static Entry* make_string(std::string_view key, std::string_view value, Encoding enc);
  static Entry* make_int(std::string_view key, int64_t value);
  // Takes ownership of obj.
  static Entry* make_object(std::string_view key, ObjType type, Encoding enc,
                            std::unique_ptr<Object> obj);
  // Frees the entry and the value it owns. Accepts nullptr.
  static void destroy(Entry* e);

  // New entry with the same key and metadata (lru, expire bit) and a new string value.
  // Frees `old` (and its Object, if any).
  static Entry* replace_string(Entry* old, std::string_view value, Encoding enc);
  static Entry* replace_int(Entry* old, int64_t value);
  // New entry holding `old`'s value (moved, not copied) under `key`; frees `old`.
  static Entry* rekey(Entry* old, std::string_view key);
  // Deep copy under `key` (COPY); metadata copied, expire bit cleared.
  static Entry* clone(const Entry* e, std::string_view key);

  ObjType type() const { return static_cast<ObjType>(head_[0] & 0x7); }
  Encoding encoding() const { return static_cast<Encoding>(head_[0] >> 4); }
  void set_encoding(Encoding e) {
    head_[0] = static_cast<uint8_t>((head_[0] & 0x0f) | (static_cast<uint8_t>(e) << 4));
  }
  bool has_expire() const { return head_[0] & 0x8; }
  void set_has_expire(bool on) {
    head_[0] = static_cast<uint8_t>(on ? (head_[0] | 0x8) : (head_[0] & ~0x8));
  }
  // 24-bit LRU clock or LFU (16-bit minutes << 8 | 8-bit counter), as in Redis's robj.lru.
  uint32_t lru() const { return head_[1] | (head_[2] << 8) | (static_cast<uint32_t>(head_[3]) << 16); }
  void set_lru(uint32_t v) {
    head_[1] = static_cast<uint8_t>(v);
    head_[2] = static_cast<uint8_t>(v >> 8);
    head_[3] = static_cast<uint8_t>(v >> 16);
  }

  // Inline: every table probe that matches a tag compares the key.
  std::string_view key() const {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(this) + sizeof(head_);
    size_t len = *p++;
    if (len >= 0x80) len = decode_long_varint(p - 1, &p);
    return std::string_view(reinterpret_cast<const char*>(p), len);
  }
  bool is_string() const { return type() == ObjType::kString; }
  // REQUIRES: is_string() && encoding() != kInt.
  std::string_view str() const;
  // The value's bytes, writable in place (bit commands); the length cannot change.
  // REQUIRES: is_string() && encoding() == kRaw.
  char* mutable_str() { return const_cast<char*>(str().data()); }
  // REQUIRES: encoding() == kInt.
  int64_t int_value() const;
  // REQUIRES: !is_string().
  Object* object() const;
  // The string value in text form (int encoding printed into buf).
  // REQUIRES: is_string(); buf outlives the result.
  std::string_view string_value(char (&buf)[24]) const;
  // Bytes of this allocation (what malloc was asked for).
  size_t alloc_size() const;

 private:
  Entry() = default;
  static Entry* allocate(uint8_t head0, uint32_t lru, std::string_view key, size_t value_bytes,
                         unsigned char** value_out);
  const unsigned char* value_ptr() const;
  // Decodes a varint of two or more bytes starting at p; *end is set past it.
  static size_t decode_long_varint(const unsigned char* p, const unsigned char** end);
  uint8_t head_[4];
};

}  // namespace kevy
