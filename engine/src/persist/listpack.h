// Redis's listpack blob, as RDB and DUMP carry it (types 16 hash, 17 zset, 18 quicklist2
// nodes): [total bytes: 4 LE][element count: 2 LE, 65535 = unknown][elements][0xFF], each
// element [encoding + data][backlen: 1..5 bytes]. Integers use the 7-bit, 13-bit, 16, 24, 32
// and 64-bit forms; strings the 6-bit, 12-bit and 32-bit length forms.
//
// This is the wire form only: kevy's in-memory encodings are its own (types/*), converted
// to and from this when saving and loading.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace kevy::listpack {

// Builds a listpack blob element by element, with the encodings Redis's lpAppend chooses:
// a string that Redis's lpStringToInt64 accepts (canonical int64 text, at most 20 bytes) is
// stored as an integer in the smallest form that holds it; any other string as a string.
class Builder {
 public:
  void append(std::string_view element);
  void append_int(int64_t v);
  size_t count() const { return count_; }
  // The finished blob (header, elements, 0xFF). The builder is empty afterwards.
  std::string finish();

 private:
  std::string body_;
  size_t count_ = 0;
};

// Validates the whole blob and calls fn with each element in order, as text (integers in
// decimal, as Redis's lpGet prints them). False, with fn possibly called for a prefix, when
// the blob is malformed: header total != blob size, an element or backlen running past the
// end, a backlen that does not read back as its element's length (read right to left as Redis
// does; its bytes need not be canonical), a missing 0xFF terminator, or a header count
// (other than 65535) that differs from the elements found. Never reads outside the blob.
bool for_each(std::string_view blob, const std::function<void(std::string_view)>& fn);

}  // namespace kevy::listpack
