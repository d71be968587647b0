// Evictor: see eviction.h.
#include "evict/eviction.h"

#include <cmath>
#include <limits>

namespace kevy {
namespace {

bool is_random(EvictionPolicy p) {
  return p == EvictionPolicy::kAllKeysRandom || p == EvictionPolicy::kVolatileRandom;
}
bool is_all_keys(EvictionPolicy p) {
  return p == EvictionPolicy::kAllKeysLru || p == EvictionPolicy::kAllKeysLfu ||
         p == EvictionPolicy::kAllKeysRandom;
}
bool is_lfu(EvictionPolicy p) {
  return p == EvictionPolicy::kAllKeysLfu || p == EvictionPolicy::kVolatileLfu;
}

// The table a policy takes its candidates from: every key, or only the keys with a TTL.
Table& candidates(Keyspace& ks, int db) {
  Db& d = ks.db(db);
  return is_all_keys(ks.options().eviction_policy) ? d.main : d.expires;
}

}  // namespace

uint64_t Evictor::time_limit_us(int tenacity) {
  if (tenacity <= 10) return 50u * static_cast<uint64_t>(tenacity < 0 ? 0 : tenacity);
  if (tenacity < 100) return static_cast<uint64_t>(500.0 * std::pow(1.15, tenacity - 10.0));
  return std::numeric_limits<uint64_t>::max();
}

void Evictor::insert(uint64_t idle, std::string_view key, int db) {
  // The pool is sorted by ascending idle; free slots may sit anywhere after a take.
  int k = 0;
  while (k < kPoolSize && pool_[k].used && pool_[k].idle < idle) ++k;
  if (k == 0 && pool_[kPoolSize - 1].used) return;  // worse than every pooled key
  if (k < kPoolSize && !pool_[k].used) {
    // A free slot where the candidate belongs.
  } else if (!pool_[kPoolSize - 1].used) {
    // Room at the right end: shift the better ones right.
    for (int i = kPoolSize - 1; i > k; --i) pool_[i] = std::move(pool_[i - 1]);
  } else {
    // Full: drop the worst (leftmost) and shift left.
    --k;
    for (int i = 0; i < k; ++i) pool_[i] = std::move(pool_[i + 1]);
  }
  pool_[k].idle = idle;
  pool_[k].key.assign(key);
  pool_[k].db = db;
  pool_[k].used = true;
}

void Evictor::populate(Keyspace& ks, int db) {
  const EvictionPolicy policy = ks.options().eviction_policy;
  const bool all_keys = is_all_keys(policy);
  const bool lfu = is_lfu(policy);
  const bool ttl = policy == EvictionPolicy::kVolatileTtl;
  Db& d = ks.db(db);
  const size_t samples = static_cast<size_t>(std::max(1, ks.options().maxmemory_samples));
  candidates(ks, db).sample(ks.random().next(), samples, [&](Entry* s) {
    uint64_t idle;
    if (ttl) {
      // Sooner expiry is better: the expires entry holds the absolute time.
      idle = std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(s->int_value());
    } else {
      const Entry* e = all_keys ? s : d.main.find(s->key());
      if (e == nullptr) return;
      idle = lfu ? 255 - ks.lfu_counter(e) : ks.idle_ms(e);
    }
    insert(idle, s->key(), db);
  });
}

bool Evictor::take_best(Keyspace& ks, int* db, std::string* key) {
  for (int k = kPoolSize - 1; k >= 0; --k) {
    Candidate& c = pool_[k];
    if (!c.used) continue;
    c.used = false;
    c.idle = 0;
    // The key may be gone since it was pooled (a ghost): skip it.
    const bool exists = c.db < ks.num_dbs() && candidates(ks, c.db).find(c.key) != nullptr;
    if (!exists) continue;
    *db = c.db;
    *key = std::move(c.key);
    c.key.clear();
    return true;
  }
  return false;
}

bool Evictor::pick_random(Keyspace& ks, int* db, std::string* key) {
  const unsigned n = static_cast<unsigned>(ks.num_dbs());
  for (unsigned i = 0; i < n; ++i) {
    const int j = static_cast<int>(++next_db_ % n);
    const Entry* e = candidates(ks, j).random_entry(ks.random().next());
    if (e == nullptr) continue;
    *db = j;
    key->assign(e->key());
    return true;
  }
  return false;
}

void Evictor::evict(Keyspace& ks, int db, const std::string& key) {
  // With lazyfree-lazy-eviction Redis frees the value in the background and propagates
  // UNLINK; kevy frees it at once, but writes the same command.
  const bool lazy = ks.instance().config.get("lazyfree-lazy-eviction", ks.options()) == "yes";
  ks.propagation().also(db, {lazy ? "UNLINK" : "DEL", key});
  ks.remove(db, key);
  ++ks.stats().evicted_keys;
  // As Redis's performEvictions: signalModifiedKey (WATCH) and the `evicted` event.
  ks.signal_modified(db, key);
  ks.notify(kNotifyEvicted, "evicted", db, key);
  if (evicted_hook_) evicted_hook_(db, key);
}

EvictResult Evictor::perform(Keyspace& ks, int db) {
  if (ks.options().max_memory == 0 || ks.loading()) return EvictResult::kOk;
  const EvictResult result = evict_to_limit(ks, db);
  // How long memory stays over the limit (INFO stats *_eviction_exceeded_time).
  KeyspaceStats& st = ks.stats();
  const int64_t now = ks.clock().now_us();
  if (result != EvictResult::kOk) {
    if (st.eviction_exceeded_since_us == 0) st.eviction_exceeded_since_us = now;
  } else if (st.eviction_exceeded_since_us != 0) {
    st.eviction_exceeded_total_us += static_cast<uint64_t>(now - st.eviction_exceeded_since_us);
    st.eviction_exceeded_since_us = 0;
  }
  return result;
}

EvictResult Evictor::evict_to_limit(Keyspace& ks, int db_hint) {
  const uint64_t max = ks.options().max_memory;
  const bool hint = db_hint >= 0 && db_hint < ks.num_dbs();
  // Used memory, and what it would be if the next new key grew the hinted db's table.
  uint64_t used = ks.memory_use().used();
  auto with_growth = [&] { return used + (hint ? ks.db(db_hint).main.growth_bytes_on_insert() : 0); };
  if (with_growth() <= max) return EvictResult::kOk;
  const EvictionPolicy policy = ks.options().eviction_policy;
  if (policy == EvictionPolicy::kNoEviction) {
    return used <= max ? EvictResult::kOk : EvictResult::kFail;
  }

  const uint64_t limit_us = time_limit_us(ks.options().maxmemory_eviction_tenacity);
  const int64_t start_us = ks.clock().now_us();
  uint64_t keys_freed = 0;
  EvictResult result = EvictResult::kOk;
  // Redis computes the bytes to free once and counts what each deletion frees; kevy's counts
  // are exact, so it simply checks the total again after each key.
  while (with_growth() > max) {
    int db = 0;
    std::string key;
    bool found = false;
    if (is_random(policy)) {
      found = pick_random(ks, &db, &key);
    } else {
      // Refill from every db until a pooled key still exists, or there are no candidates.
      for (;;) {
        size_t total = 0;
        for (int i = 0; i < ks.num_dbs(); ++i) {
          const size_t n = candidates(ks, i).size();
          if (n == 0) continue;
          populate(ks, i);
          total += n;
        }
        if (total == 0) break;
        if (take_best(ks, &db, &key)) {
          found = true;
          break;
        }
      }
    }
    if (!found) {
      result = used <= max ? EvictResult::kOk : EvictResult::kFail;
      break;
    }
    evict(ks, db, key);
    used = ks.memory_use().used();
    ++keys_freed;
    if (keys_freed % 16 == 0 &&
        static_cast<uint64_t>(ks.clock().now_us() - start_us) > limit_us) {
      result = with_growth() > max ? EvictResult::kRunning : EvictResult::kOk;
      break;
    }
  }
  return result;
}

}  // namespace kevy
