// The RDB byte format of redis-server 7.0.15 (RDB version 10): opcodes, value type bytes, and
// the primitive encodings every part of a file or DUMP payload is made of — lengths, strings
// (plain, integer-encoded, LZF-compressed), 8-byte times and binary doubles.
//
// RdbWriter appends them to a std::string, choosing exactly the encodings Redis's rdbSave*
// functions choose, so that our bytes can equal redis-server's. RdbReader reads them from a
// byte range with full bounds checking: every failure leaves a Status::corruption whose
// message names what was being read and the byte offset, and nothing is ever read outside
// the range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kevy/status.h"

namespace kevy::rdb {

constexpr int kVersion = 10;  // "REDIS0010"; DUMP payloads carry it as 2 bytes LE

// Opcodes before a key or at file level.
enum Opcode : uint8_t {
  kOpFunction2 = 245,
  kOpFunction = 246,  // pre-7.0 functions, refused by 7.0 as well
  kOpModuleAux = 247,
  kOpIdle = 248,          // LRU idle seconds of the next key (length-encoded)
  kOpFreq = 249,          // LFU counter of the next key (1 byte)
  kOpAux = 250,           // string key, string value
  kOpResizeDb = 251,      // db size, expires size (lengths)
  kOpExpireTimeMs = 252,  // 8-byte LE unix ms of the next key
  kOpExpireTime = 253,    // 4-byte LE unix seconds of the next key (old)
  kOpSelectDb = 254,      // db number (length)
  kOpEof = 255,           // then the 8-byte LE CRC64 (0 when checksums are off)
};

// Value type bytes (RDB_TYPE_*).
enum Type : uint8_t {
  kTypeString = 0,
  kTypeList = 1,           // linked list of strings (old)
  kTypeSet = 2,            // hashtable set
  kTypeZset = 3,           // scores as text (old)
  kTypeHash = 4,           // hashtable hash
  kTypeZset2 = 5,          // skiplist zset, binary double scores
  kTypeModule = 6,         // refused
  kTypeModule2 = 7,        // refused
  kTypeHashZipmap = 9,     // old
  kTypeListZiplist = 10,   // old
  kTypeSetIntset = 11,
  kTypeZsetZiplist = 12,   // old
  kTypeHashZiplist = 13,   // old
  kTypeListQuicklist = 14, // quicklist of ziplists (old)
  kTypeStreamListpacks = 15,
  kTypeHashListpack = 16,
  kTypeZsetListpack = 17,
  kTypeListQuicklist2 = 18,  // quicklist of listpack (or plain) nodes
  kTypeStreamListpacks2 = 19,
};

// Quicklist2 node containers.
constexpr uint64_t kQuicklistNodePlain = 1;
constexpr uint64_t kQuicklistNodePacked = 2;

class RdbWriter {
 public:
  // Appends to *out. compress: rdbcompression (LZF for strings longer than 20 bytes).
  explicit RdbWriter(std::string* out, bool compress = true) : out_(out), compress_(compress) {}

  void byte(uint8_t b) { out_->push_back(static_cast<char>(b)); }
  void raw(std::string_view bytes) { out_->append(bytes); }
  // rdbSaveLen: 6-bit, 14-bit, 0x80 + 32-bit BE, 0x81 + 64-bit BE.
  void length(uint64_t len);
  // rdbSaveRawString: an integer text of up to 11 bytes that round-trips exactly is stored as
  // INT8/16/32; else, with compression on and more than 20 bytes, as LZF when lzf_compress
  // fits it in len - 4 bytes; else as length + bytes.
  void string(std::string_view s);
  // rdbSaveLzfBlob: LZF-compressed bytes of a string of original_size bytes (the encoded
  // LZF marker, both lengths, the compressed bytes).
  void lzf_blob(std::string_view compressed, size_t original_size);
  // rdbSaveLongLongAsStringObject: INT8/16/32 when it fits, else the decimal text.
  void integer_string(int64_t v);
  void millis(int64_t unix_ms);   // 8 bytes LE
  void binary_double(double v);   // 8 bytes LE IEEE 754
  void le32(uint32_t v);
  void le64(uint64_t v);
  std::string* out() { return out_; }

 private:
  std::string* out_;
  bool compress_;
};

class RdbReader {
 public:
  // Reads data; offsets in error messages are base_offset + the position in data.
  explicit RdbReader(std::string_view data, size_t base_offset = 0)
      : data_(data), base_(base_offset) {}

  bool ok() const { return status_.is_ok(); }
  // The first error (Status::corruption, "<what> at offset N: <why>"), or OK.
  const Status& status() const { return status_; }
  size_t offset() const { return base_ + pos_; }
  size_t remaining() const { return data_.size() - pos_; }
  bool at_end() const { return pos_ == data_.size(); }

  // Each returns false (and records the error, naming `what`) when the bytes are missing or
  // malformed; after one failure every call fails.
  bool byte(uint8_t* out, const char* what);
  bool bytes(size_t n, std::string_view* out, const char* what);  // a view into data
  // rdbLoadLen. *encoded (when given) is set for the 11xxxxxx string encodings, whose 6-bit
  // code is then returned in *out; without `encoded` such a byte is the length of its low 6
  // bits, as Redis reads it.
  bool length(uint64_t* out, const char* what, bool* encoded = nullptr);
  // rdbGenericLoadStringObject: plain, INT8/16/32 (as decimal text) or LZF.
  bool string(std::string* out, const char* what);
  bool millis(int64_t* out, const char* what);
  bool seconds32(int64_t* out, const char* what);  // 4-byte LE seconds (old EXPIRETIME)
  bool binary_double(double* out, const char* what);
  // rdbLoadDoubleValue (type 3 scores): 1-byte length, 253 nan, 254 +inf, 255 -inf, else
  // that many bytes of text.
  bool text_double(double* out, const char* what);
  bool le32(uint32_t* out, const char* what);
  bool le64(uint64_t* out, const char* what);

  // Records an error at the current offset (for checks made by the caller). Returns false.
  bool fail(const char* what, std::string_view why);
  // Forgets the error, for a caller that can go on after a failure that stopped at a clean
  // boundary (an RDB file skips an empty collection, as Redis does, and reads on).
  void clear_error() { status_ = Status(); }

 private:
  std::string_view data_;
  size_t base_;
  size_t pos_ = 0;
  Status status_;
};

}  // namespace kevy::rdb
