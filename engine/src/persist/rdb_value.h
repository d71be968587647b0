// One key's value in RDB form — the part shared by RDB files (after the key) and DUMP
// payloads (after the type byte): every value type and encoding redis-server 7.0.15 writes,
// and every older one it loads.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/entry.h"
#include "kevy/config.h"
#include "kevy/status.h"
#include "persist/rdb_format.h"

namespace kevy::rdb {

// The type byte Redis 7.0.15 writes for e's value: kTypeString; kTypeListQuicklist2;
// kTypeSetIntset or kTypeSet; kTypeZsetListpack or kTypeZset2; kTypeHashListpack or kTypeHash.
uint8_t value_type(const Entry& e);

// Appends e's value (without the type byte) as rdbSaveObject does in 7.0.15: strings through
// RdbWriter::string / integer_string; lists as quicklist2 nodes (packed listpacks); intsets as
// their blob; listpack hashes and zsets as listpack blobs; hashtable sets/hashes and skiplist
// zsets as counted strings (zsets: member + binary double, in the order Redis writes them).
void write_value(RdbWriter& w, const Entry& e);
// The same, with list-max-listpack-size `list_max_listpack_size` (Options::
// list_max_listpack_size) deciding where list nodes end, as quicklistPushTail does in Redis:
// a list built by RPUSH gets redis-server's exact bytes. The 2-argument form uses the default
// (-2).
void write_value(RdbWriter& w, const Entry& e, int list_max_listpack_size);

// Reads a value of RDB type `type` and returns a new Entry for `key` holding it, in the
// encoding redis-server 7.0.15 gives such a value after loading with these options' limits
// (e.g. old ziplists become listpacks; a hash over hash-max-listpack-entries becomes a
// hashtable; intsets stay intsets). The LRU/LFU stamp and expiry are the caller's.
// Every length and structure is validated (duplicates in sets/hashes/zsets, empty
// collections, bad blobs, unknown or module types): on error r.status() says what and where,
// and nullptr is returned with nothing leaked.
Entry* read_value(RdbReader& r, uint8_t type, std::string_view key, const Options& limits);

// True when read_value failed only because the value is an empty collection (an empty list,
// set, zset or hash, or one whose every listpack/ziplist node is empty): loading an RDB file
// skips such keys as Redis does, RESTORE refuses them ("Bad data format").
bool is_empty_value_error(const Status& s);

// True for the type bytes read_value accepts (a DUMP payload's first byte is checked with it).
bool is_loadable_type(uint8_t type);

}  // namespace kevy::rdb
