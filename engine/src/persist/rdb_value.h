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
#include "types/list.h"

namespace kevy::rdb {

// The type byte Redis 7.0.15 writes for e's value: kTypeString; kTypeListQuicklist2;
// kTypeSetIntset or kTypeSet; kTypeZsetListpack or kTypeZset2; kTypeHashListpack or kTypeHash.
uint8_t value_type(const Entry& e);

// Appends e's value (without the type byte) as rdbSaveObject does in 7.0.15: strings through
// RdbWriter::string / integer_string; lists as quicklist2 nodes (packed listpacks); intsets as
// their blob; listpack hashes and zsets as listpack blobs; hashtable sets/hashes and skiplist
// zsets as counted strings (zsets: member + binary double, in the order Redis writes them).
void write_value(RdbWriter& w, const Entry& e);

// How lists are written: `fill` (list-max-listpack-size) decides where quicklist nodes end,
// as quicklistPushTail does in Redis, so a list built by RPUSH gets redis-server's exact
// bytes; with `compress_depth` (list-compress-depth) > 0 the nodes Redis keeps LZF-compressed
// at rest (all but `compress_depth` at each end, when compression saves 8 bytes or more of a
// node of 48 bytes or more) are written as LZF blobs whatever rdbcompression says, as Redis
// saves such a node's compressed bytes as they are.
struct ListLayout {
  int fill = -2;
  int compress_depth = 0;
};
ListLayout list_layout(const Options& options);
// write_value with these list settings (the 2-argument form uses the defaults).
void write_value(RdbWriter& w, const Entry& e, const ListLayout& lists);

// The quicklist write_value writes for a list (DEBUG OBJECT's ql_nodes and
// ql_uncompressed_size): its node count and the bytes of its nodes summed (each packed node's
// listpack, each plain node's element), as Redis's quicklist len and node sizes.
struct QuicklistShape {
  size_t nodes = 0;
  size_t bytes = 0;
};
QuicklistShape quicklist_shape(const ListObject& list, int fill);

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
