// Decoders for the blob encodings of older RDB versions that 7.0.15 still loads: intset
// (also still written, type 11), ziplist (types 10, 12, 13 and the nodes of 14) and zipmap
// (type 9). Each validates the whole blob before returning true and never reads outside it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kevy {

// intset: [encoding: 4 LE = 2, 4 or 8][length: 4 LE][length values of that width, LE],
// strictly ascending. False when malformed (bad width, size mismatch, no members, not strictly
// ascending), as Redis's intsetValidateIntegrity. A wider width than needed is accepted.
bool decode_intset(std::string_view blob, std::vector<int64_t>* out);
// The blob Redis writes for these members. REQUIRES: strictly ascending; min_width 2, 4 or 8.
// The width is the smallest of 2, 4, 8 bytes, at least min_width, that holds every member.
// Redis never narrows an intset (SADD s 1 100000, SREM s 100000 still dumps 4-byte members),
// so a caller that tracks the in-memory width passes it as min_width.
std::string encode_intset(std::span<const int64_t> sorted, size_t min_width = 2);

// ziplist: [zlbytes: 4 LE][zltail: 4 LE][zllen: 2 LE][entries][0xFF]; each entry
// [prevlen: 1 or 5 bytes][encoding][data]. Calls fn with each entry as text (integers in
// decimal). False when malformed (sizes, prevlen chain, tail offset, count unless 65535, a
// missing terminator).
bool ziplist_for_each(std::string_view blob, const std::function<void(std::string_view)>& fn);

// zipmap (hashes of RDB versions before 4): [zmlen: 1][(len field)(len free value+free)...]
// [0xFF]. Calls fn(field, value) per pair, up to the first terminator. False when malformed:
// a last byte that is not a terminator, a length running past it, a length in the 5-byte form
// that fits in one byte, no pairs (Redis refuses an empty zipmap), or a count below 254 that
// differs from the pairs found. Bytes between the first terminator and the last byte are
// ignored, as redis-server 7.0 does. Duplicate fields are the caller's to refuse.
bool zipmap_for_each(std::string_view blob,
                     const std::function<void(std::string_view, std::string_view)>& fn);

}  // namespace kevy
