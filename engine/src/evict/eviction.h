// Eviction: what redis-server 7.0's performEvictions does before each command when maxmemory
// is set — delete keys chosen by maxmemory-policy until the used memory (core/keyspace.h
// MemoryUse, kevy's model) is back under the limit.
//
// The algorithm follows Redis (REDIS-NOTES.md "Eviction"):
// - LRU / LFU / volatile-ttl keep a pool of the 16 best candidates seen so far, ordered by
//   "idle" (idle time; 255 - LFU counter; or ULLONG_MAX - expire time). Each refill samples
//   maxmemory-samples neighbouring keys of every db (all keys, or only keys with a TTL for the
//   volatile-* policies); the best pooled key that still exists is evicted.
// - allkeys-random / volatile-random take a random key of the next non-empty db, round robin.
// - Every 16 evictions the time spent is checked against maxmemory-eviction-tenacity's limit
//   (50 us per step up to 10, then +15% per step, unlimited at 100); past it the call stops
//   with kRunning and the next call (the next command, or the store's background cycle)
//   continues, as Redis's eviction time proc does.
// An evicted key is deleted like DEL: propagated as "DEL key" ("UNLINK key" under
// lazyfree-lazy-eviction; a unit of its own, before the command that triggered it), counted
// in evicted_keys, reported to the evicted hook.
//
// Not thread-safe: called under the Store lock.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/keyspace.h"

namespace kevy {

enum class EvictResult {
  kOk,       // memory is under the limit (or there is no limit)
  kRunning,  // over the limit, stopped by the time limit; more will be evicted later
  kFail,     // over the limit and nothing (more) can be evicted
};

class Evictor {
 public:
  static constexpr int kPoolSize = 16;

  // Called with each evicted key after its deletion (keyspace event "evicted").
  using EvictedHook = std::function<void(int db, std::string_view key)>;
  void set_evicted_hook(EvictedHook hook) { evicted_hook_ = std::move(hook); }

  // Evicts until used memory <= maxmemory, the time limit passes or nothing is left to evict.
  // `db` is where the coming command writes (-1: unknown): when its key table would grow on
  // the next new key and the growth would not fit, keys are evicted to make room for it
  // first — Redis's dicts do not expand past maxmemory either; kevy's open-addressing table
  // cannot stay unexpanded, so it keeps just under its growth point instead. When nothing can
  // be evicted for the growth alone, the result is still kOk (the command may grow it).
  // Fixes no command time itself: REQUIRES ks.begin_command() ran. Does nothing while loading.
  EvictResult perform(Keyspace& ks, int db = -1);

  // Microseconds one call may spend for a maxmemory-eviction-tenacity value.
  static uint64_t time_limit_us(int tenacity);

 private:
  struct Candidate {
    uint64_t idle = 0;  // higher is a better candidate
    std::string key;    // empty: a free slot
    int db = 0;
    bool used = false;
  };
  // Samples db's keys into the pool (evictionPoolPopulate).
  void populate(Keyspace& ks, int db);
  void insert(uint64_t idle, std::string_view key, int db);
  // The pooled key to evict (removing it and the ghosts met on the way from the pool), or
  // false when the pool holds no key that still exists.
  bool take_best(Keyspace& ks, int* db, std::string* key);
  // A random key of the next non-empty db (round robin), or false when every db is empty.
  bool pick_random(Keyspace& ks, int* db, std::string* key);
  void evict(Keyspace& ks, int db, const std::string& key);
  // perform() without the exceeded-time statistics.
  EvictResult evict_to_limit(Keyspace& ks, int db);

  Candidate pool_[kPoolSize];
  unsigned next_db_ = 0;  // round robin start of the random policies
  EvictedHook evicted_hook_;
};

}  // namespace kevy
