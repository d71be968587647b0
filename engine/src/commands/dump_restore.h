// DUMP and RESTORE: one key's value as a self-checking payload that redis-server 7.0.15 and
// kevy exchange both ways — the RDB type byte and value (persist/rdb_value.h), the RDB version
// as 2 bytes little endian, then the CRC64 of everything before it, 8 bytes little endian.
#pragma once

#include <string>
#include <string_view>

#include "core/entry.h"
#include "kevy/config.h"
#include "persist/rdb_value.h"

namespace kevy {

// DUMP's payload for e's value. compress: rdbcompression (LZF for long strings and blobs);
// lists: where list nodes end and which are compressed (see rdb::write_value).
std::string dump_payload(const Entry& e, bool compress, const rdb::ListLayout& lists);

// Bytes of e's value in RDB form: DUMP's payload without its type byte and footer, which is
// what Redis's rdbSavedObjectLen counts (DEBUG OBJECT's serializedlength).
size_t serialized_length(const Entry& e, bool compress, const rdb::ListLayout& lists);

// Redis's verifyDumpPayload: at least 10 bytes, a footer version not above ours (older ones are
// accepted) and a matching CRC64.
bool dump_payload_valid(std::string_view payload);

}  // namespace kevy
