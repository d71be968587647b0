// Keyspace: the databases (main table + expires table each), lazy and active expiry, LRU/LFU
// stamps and keyspace statistics. Every command reaches keys through here, so expiry and
// access bookkeeping happen in one place.
//
// Time: `now_ms()` is the command time, fixed for the duration of one command (set by the
// Store before each call, as Redis caches mstime per command), read from the injected Clock.
// Not thread-safe: the Store's mutex serialises all calls.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "core/entry.h"
#include "core/random.h"
#include "core/table.h"
#include "kevy/config.h"

namespace kevy {

struct Db {
  Table main;     // key -> Entry (owned)
  Table expires;  // key -> int-encoded Entry holding the absolute expire time in ms (owned)
  Db() = default;
  Db(Db&&) = default;
  Db& operator=(Db&&) = default;
  ~Db();
  void clear();
};

struct KeyspaceStats {
  uint64_t keyspace_hits = 0;
  uint64_t keyspace_misses = 0;
  uint64_t expired_keys = 0;
  uint64_t expired_stale_perc = 0;
};

class Keyspace {
 public:
  explicit Keyspace(const Options& opts);

  int num_dbs() const { return static_cast<int>(dbs_.size()); }
  Db& db(int i) { return dbs_[static_cast<size_t>(i)]; }
  const Options& options() const { return opts_; }
  Options& mutable_options() { return opts_; }
  Clock& clock() { return *clock_; }
  Random& random() { return random_; }
  KeyspaceStats& stats() { return stats_; }

  // Fixes the command time from the clock. Called by the Store before each command.
  void begin_command() { now_ms_ = clock_->now_ms(); }
  int64_t now_ms() const { return now_ms_; }

  // Lookups expire the key first if its time has passed. `lookup_read` counts a hit or miss
  // and updates the access stamp (LRU/LFU); `lookup_write` and `lookup_quiet` do neither.
  Entry* lookup_read(int db, std::string_view key);
  Entry* lookup_write(int db, std::string_view key);
  Entry* lookup_quiet(int db, std::string_view key) { return lookup_write(db, key); }
  // Stamps the entry as just accessed (LRU clock or LFU counter).
  void touch(Entry* e);

  // Adds a new key. REQUIRES: key absent (after expiry). Takes ownership; stamps access time.
  void add(int db, Entry* e);
  // SET semantics: stores e under its key, replacing and freeing any old value. The old TTL
  // is dropped unless keep_ttl.
  void overwrite(int db, Entry* e, bool keep_ttl);
  // After Entry::replace_*/rekey produced `now` from `old` (same key): update the table.
  void replaced(int db, const Entry* old, Entry* now);
  // Deletes the key (and its TTL); true if it existed.
  bool remove(int db, std::string_view key);
  // Removes the key from the tables without freeing the Entry; the caller takes ownership.
  Entry* detach(int db, std::string_view key);

  // Absolute expire time in ms, or -1 when the key has none.
  int64_t get_expire(int db, const Entry* e);
  void set_expire(int db, Entry* e, int64_t when_ms);
  // Removes the TTL; true if there was one.
  bool persist(int db, Entry* e);

  // True when the key is logically expired at the command time (does not delete).
  bool is_expired(int db, const Entry* e);
  // Deletes the key if it has expired; true if it did.
  bool expire_if_needed(int db, std::string_view key);

  // Redis's active expire cycle over every db: samples keys with a TTL and deletes expired
  // ones, repeating while more than 10% of a sample was stale. Bounded by `time_budget_us`
  // of clock time (ignored by a ManualClock, which does not move). Returns keys deleted.
  uint64_t active_expire_cycle(int64_t time_budget_us);
  bool active_expire_enabled() const { return active_expire_enabled_; }
  void set_active_expire_enabled(bool on) { active_expire_enabled_ = on; }

  void flush_db(int db);
  void flush_all();
  void swap_db(int a, int b);

  // LRU clock in seconds (24 bits) and LFU helpers (REDIS-NOTES.md).
  uint32_t lru_clock() const;
  bool lfu_mode() const;
  // Idle time in ms estimated from the entry's LRU stamp.
  uint64_t idle_ms(const Entry* e) const;
  // LFU counter after decay (OBJECT FREQ).
  uint8_t lfu_counter(const Entry* e) const;

 private:
  Options opts_;
  std::shared_ptr<Clock> clock_;
  Random random_;
  std::vector<Db> dbs_;
  std::vector<uint64_t> expire_cursor_;
  KeyspaceStats stats_;
  int64_t now_ms_ = 0;
  bool active_expire_enabled_ = true;
};

}  // namespace kevy
