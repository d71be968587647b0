// DEBUG DIGEST and DEBUG DIGEST-VALUE: SHA-1 based signatures of the dataset and of single
// values, equal to redis-server 7.0.15's for the same logical data (unit test:
// debug_digest_test.cc, expected values from corpus/gen_digest_cases.py).
//
// The rules (facts of Redis's debug.c, each confirmed against the running 7.0.15):
//   xor(d, bytes):  d ^= SHA1(bytes)                         (order-independent "add")
//   mix(d, bytes):  d = SHA1(d ^ SHA1(bytes))                 (order-dependent "append")
//   value digest (starting from a given d):
//     mix(d, big-endian uint32 type number)  (string 0, list 1, set 2, zset 3, hash 4)
//     string: mix(d, text)          list: mix(d, element) head to tail
//     set:    xor(d, member) each
//     zset:   each member: e = mix(mix(0, member), "%.17g" of score); xor(d, e)
//     hash:   each pair:   e = mix(mix(0, field), value);             xor(d, e)
//     then xor(d, "!!expire!!") when the key has a TTL.
//   Integers held in compact encodings (int strings, intsets, listpack entries) are digested
//   as their decimal text, so the digest depends on content only. A zset score is digested as
//   the double the value holds: a listpack zset holds -0 as 0 (in Redis and in kevy) while a
//   skiplist keeps -0 (digested "-0"); that is the only place where encoding shows through.
//   dataset digest: final = 0; for each non-empty db j in order: mix(final, big-endian j);
//     for each key: d = mix(0, key); value digest continuing from d; xor(final, d).
//     Keys are read straight from the tables: logically expired keys not yet deleted count.
// Digests print as 40 lower-case hex characters; an empty dataset is all zeros.
#pragma once

#include <string>

#include "core/entry.h"
#include "core/keyspace.h"

namespace kevy {

// DEBUG DIGEST: the signature of every key of every database.
std::string dataset_digest(Keyspace& ks);

// DEBUG DIGEST-VALUE for one key found in database `db` (its TTL is looked up there). Missing
// keys are not passed here: DIGEST-VALUE answers them with 40 zeros itself.
std::string value_digest(Keyspace& ks, int db, const Entry& e);

}  // namespace kevy
