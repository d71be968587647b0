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
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/entry.h"
#include "core/instance_state.h"
#include "core/key_events.h"
#include "core/propagation.h"
#include "core/random.h"
#include "core/table.h"
#include "kevy/config.h"

namespace kevy {

struct Db {
  Table main;     // key -> Entry (owned)
  Table expires;  // key -> int-encoded Entry holding the absolute expire time in ms (owned)
  // Where the active expire cycle continues sampling `expires` (a Table::scan cursor).
  uint64_t expires_cursor = 0;
  // Running estimate of the TTL (ms) of keys sampled by the active expire cycle that had not
  // expired yet; 0 when unknown (INFO keyspace avg_ttl).
  int64_t avg_ttl = 0;
  // Heap bytes (core/heap.h) of the keys' Entries and the values they own (`main`), and of
  // the expire-time entries (`expires`); the slot arrays are not included. Kept by the Keyspace.
  uint64_t value_bytes = 0;
  uint64_t expire_bytes = 0;
  Db() = default;
  Db(Db&&) = default;
  Db& operator=(Db&&) = default;
  ~Db();
  // Frees every key and resets the expiry bookkeeping, as FLUSHDB does.
  void clear();
};

struct KeyspaceStats {
  uint64_t keyspace_hits = 0;
  uint64_t keyspace_misses = 0;
  // Keys deleted because their TTL passed (lazily or by the active cycle). Keys deleted by
  // EXPIRE with a time in the past are not counted, as in Redis.
  uint64_t expired_keys = 0;
  // Running estimate (percent, 0..100) of logically expired keys still in memory, as INFO's
  // expired_stale_perc prints it with "%.2f".
  double expired_stale_perc = 0;
  // Active cycles that stopped because they used up their time budget.
  uint64_t expired_time_cap_reached_count = 0;
  // Clock time spent in active expire cycles (INFO prints it / 1000 as
  // expire_cycle_cpu_milliseconds).
  uint64_t expire_cycle_time_used_us = 0;
  // Keys deleted by the maxmemory policy (INFO stats evicted_keys).
  uint64_t evicted_keys = 0;
  // Time used memory stayed over maxmemory (Redis's stat_*_eviction_exceeded_time): the clock
  // time (us) it went over, 0 while under; and the sum of the finished periods, in us.
  int64_t eviction_exceeded_since_us = 0;
  uint64_t eviction_exceeded_total_us = 0;
};

// What INFO memory, MEMORY STATS and the maxmemory check read: kevy's model of its own heap
// (core/heap.h), kept up to date by the Keyspace as keys change, so reading it costs O(dbs).
struct MemoryUse {
  uint64_t startup = 0;   // the empty instance: its database array
  uint64_t overhead = 0;  // startup + hash table slots + expire-time entries
  uint64_t dataset = 0;   // keys and their values
  uint64_t used() const { return overhead + dataset; }
};

// Lookup options, as Redis's LOOKUP_* flags.
enum LookupFlag : uint32_t {
  kLookupNone = 0,
  // Leaves the LRU/LFU stamp alone (TTL, EXISTS, TYPE, OBJECT ... do not count as access).
  kLookupNoTouch = 1u << 0,
  // Does not count a keyspace hit or miss (only meaningful for lookup_read).
  kLookupNoStats = 1u << 1,
  // A read that misses sends no `keymiss` notification (OBJECT, as Redis's LOOKUP_NONOTIFY).
  kLookupNoNotify = 1u << 2,
};

// Which of Redis's two active expire cycles to run.
enum class ExpireCycle {
  kSlow,  // the hz-driven cycle: up to 25% of one 1/hz period
  kFast,  // the event-loop cycle: up to 1000 us, only after a slow cycle ran out of time
};

struct Clients;

class Keyspace {
 public:
  explicit Keyspace(const Options& opts);
  ~Keyspace();
  // The client registries and the event router point back at this keyspace.
  Keyspace(const Keyspace&) = delete;
  Keyspace& operator=(const Keyspace&) = delete;

  int num_dbs() const { return static_cast<int>(dbs_.size()); }
  Db& db(int i) { return dbs_[static_cast<size_t>(i)]; }
  const Options& options() const { return opts_; }
  Options& mutable_options() { return opts_; }
  Clock& clock() { return *clock_; }
  Random& random() { return random_; }
  KeyspaceStats& stats() { return stats_; }
  // CONFIG parameters, INFO statistics, start time (core/instance_state.h).
  InstanceState& instance() { return instance_; }
  // What the running execution unit sends to the AOF (core/propagation.h). Keys deleted by
  // expiry are added here as DEL in their db.
  Propagation& propagation() { return propagation_; }

  // Fixes the command time from the clock. Called by the Store before each command.
  void begin_command() {
    read_clock();
    access_time_known_ = false;
  }
  // The same, except that the clock is read when the command first asks for the time: most
  // typed calls never do (only keys with a TTL, expiry and timeouts need it), and a clock
  // reading costs as much as the rest of a small command. The time is still fixed once read.
  void begin_command_lazily() {
    now_known_ = false;
    access_time_known_ = false;
  }
  int64_t now_ms() const {
    if (!now_known_) read_clock();
    return now_ms_;
  }
  // The same instant in microseconds (command durations start here).
  int64_t now_us() const {
    if (!now_known_) read_clock();
    return now_us_;
  }

  // Every lookup first deletes the key if its TTL has passed (lazy expiry; counted in
  // stats().expired_keys) and then returns the live entry or nullptr. As in Redis, both
  // lookup_read and lookup_write stamp the entry as accessed (LRU/LFU) unless kLookupNoTouch;
  // only lookup_read counts a keyspace hit or miss (unless kLookupNoStats) and notifies a miss
  // as `keymiss` (unless kLookupNoNotify). lookup_quiet does neither. A key deleted by expiry
  // is notified as `expired` (and signalled as modified), as Redis's
  // deleteExpiredKeyAndPropagate does. The returned pointer is valid until the key is next modified.
  Entry* lookup_read(int db, std::string_view key, uint32_t flags = kLookupNone);
  Entry* lookup_write(int db, std::string_view key, uint32_t flags = kLookupNone);
  Entry* lookup_quiet(int db, std::string_view key) {
    return lookup_write(db, key, kLookupNoTouch);
  }
  // Stamps the entry as just accessed (LRU clock or LFU counter).
  void touch(Entry* e);

  // Adds a new key. REQUIRES: key absent (after expiry). Takes ownership; stamps access time.
  // Notifies `new` (class n) unless loading, as Redis's dbAdd; so do overwrite() of an absent
  // key and move_key() into its destination.
  void add(int db, Entry* e);
  // SET semantics: stores e under its key, replacing and freeing any old value. The old TTL
  // is dropped unless keep_ttl. The access stamp is fresh, except under an LFU policy where
  // the old counter carries over (as Redis's dbSetValue does).
  void overwrite(int db, Entry* e, bool keep_ttl);
  // A string key's new value: Entry::replace_string / replace_int on e, swapped into the
  // table with the same key, TTL and access stamp. Returns the new entry (e is freed).
  Entry* replace_string(int db, Entry* e, std::string_view value, Encoding enc);
  Entry* replace_int(int db, Entry* e, int64_t value);
  // Deletes the key (and its TTL); true if it existed.
  bool remove(int db, std::string_view key);
  // Removes the key from the tables without freeing the Entry; the caller takes ownership.
  // The TTL is dropped (read it with get_expire first to keep it).
  Entry* detach(int db, std::string_view key);
  // Moves key `from` of src_db to key `to` of dst_db with its value, access stamp and TTL
  // (RENAME, MOVE). Returns the moved entry.
  // REQUIRES: `from` exists in src_db and `to` is absent from dst_db; neither view points
  // into the moved entry.
  Entry* move_key(int src_db, std::string_view from, int dst_db, std::string_view to);

  // Absolute expire time in ms, or -1 when the key has none.
  int64_t get_expire(int db, const Entry* e);
  void set_expire(int db, Entry* e, int64_t when_ms);
  // Removes the TTL; true if there was one.
  bool persist(int db, Entry* e);

  // True when the key is logically expired at the command time (does not delete). Never
  // while loading.
  bool is_expired(int db, const Entry* e);
  // Deletes the key if it has expired; true if it did. For paths that reach keys without a
  // lookup (DEL, SCAN, KEYS, RANDOMKEY).
  bool expire_if_needed(int db, std::string_view key);

  // While loading a snapshot or AOF nothing expires (Redis's server.loading): lookups return
  // keys whose time has passed and EXPIRE with a past time sets it instead of deleting.
  bool loading() const { return loading_; }
  void set_loading(bool on) { loading_ = on; }

  // Called with each key deleted by expiry (lazy or active), after the deletion, so that it
  // can be propagated as DEL. Empty by default.
  using ExpiredHook = std::function<void(int db, std::string_view key)>;
  void set_expired_hook(ExpiredHook hook) { expired_hook_ = std::move(hook); }

  // The client registries (pub/sub, WATCH, blocked clients: clients/clients.h).
  Clients& clients() { return *clients_; }
  // Key events (core/key_events.h) go to the sink, by default the ClientEvents router into
  // clients(); tests may install another (nullptr: nowhere).
  void set_event_sink(KeyEventSink* sink) { sink_ = sink; }
  // signalModifiedKey: call after a write changed (or deleted) the key, as Redis does.
  void signal_modified(int db, std::string_view key) {
    if (sink_ != nullptr) sink_->key_modified(db, key);
  }
  // notifyKeyspaceEvent: published when notify-keyspace-events enables `cls` (a
  // NotifyClass) and K or E. Cheap when notifications are off.
  void notify(uint32_t cls, std::string_view event, int db, std::string_view key) {
    const uint32_t f = opts_.notify_keyspace_events;
    if ((f & cls) != 0 && (f & (kNotifyKeyspace | kNotifyKeyevent)) != 0 && sink_ != nullptr) {
      sink_->keyspace_event(cls, event, db, key);
    }
  }
  // Set by a blocking command that found no data (see BlockRequest); the Store reads and
  // clears it after the command.
  BlockRequest& block_request() { return block_request_; }
  // Both, as most writes do: signal_modified + notify.
  void modified(int db, std::string_view key, uint32_t cls, std::string_view event) {
    signal_modified(db, key);
    notify(cls, event, db, key);
  }

  // Redis 7.0's activeExpireCycle at effort 1: visits up to 16 dbs round robin (all of them
  // after a cycle that ran out of time); in each, samples up to 20 keys with a TTL from the
  // db's expires cursor, deletes the expired ones, and samples again while more than 10% of a
  // sample was expired. Stops when the time budget is spent (checked every 16 sampling rounds,
  // in clock time, so a ManualClock never stops it early). Fixes the command time itself.
  // Returns the number of keys deleted. Does nothing when disabled or loading.
  uint64_t active_expire_cycle(ExpireCycle type = ExpireCycle::kSlow);
  // Deletes every key of every db whose expire time has passed (as lazy expiry does on
  // access: `expired` events, propagated DELs), soonest expire time first, ties by key; the
  // deterministic sweep behind Store::expire_due. Not while loading. Returns the count.
  uint64_t expire_all_due();
  // DEBUG SET-ACTIVE-EXPIRE.
  bool active_expire_enabled() const { return active_expire_enabled_; }
  void set_active_expire_enabled(bool on) { active_expire_enabled_ = on; }

  // Memory accounting. Each Db keeps the bytes of its keys; a collection reached through a
  // lookup (or added) may change size afterwards, so it is remembered and its size is re-read
  // by settle_memory(), which every memory read and the end of every command call. Costs O(1)
  // per collection a command touches.
  //
  // The heap in use now (settles first). O(number of dbs).
  MemoryUse memory_use();
  // Re-reads the sizes of the collections changed since the last call.
  void settle_memory();
  // Recounts every key and element from scratch (O(data)) and returns "" when it equals the
  // running totals, else a description of the first db that differs. For tests.
  std::string verify_memory();

  void flush_db(int db);
  void flush_all();
  // FLUSHDB (db) / FLUSHALL (db -1) and SWAPDB as commands do them: the event sink hears of
  // it first (WATCHed keys that exist there are touched), then the databases change.
  void flush_db_signalled(int db);
  void swap_db_signalled(int a, int b);
  void swap_db(int a, int b);

  // LRU clock in seconds (24 bits) and LFU helpers (REDIS-NOTES.md). Both come from the
  // clock's coarse reading (Clock::coarse_now_ms), taken once per command: access stamps have
  // second (LRU) or minute (LFU) resolution, and Redis itself stamps from a clock its cron
  // refreshes every 100 ms.
  uint32_t lru_clock() const;
  // The LFU clock: minutes, 16 bits.
  uint32_t lfu_minutes() const;
  bool lfu_mode() const;
  // Idle time in ms estimated from the entry's LRU stamp.
  uint64_t idle_ms(const Entry* e) const;
  // LFU counter after decay (OBJECT FREQ).
  uint8_t lfu_counter(const Entry* e) const;

 private:
  // Fresh access stamp (LRU clock or LFU initial counter) and no TTL, for a new key.
  void stamp_new(Entry* e);
  // What Redis's dbAdd tells others of a key just added (not while loading): a list or zset
  // is ready for blocked clients; the `new` event.
  void announce_new(int db, Entry* e);
  // Counts a key just stored in db (a collection's size is re-read and it is remembered as
  // changing, since callers fill new collections after adding them).
  void charge(int db, Entry* e);
  // Removes key's expire-time entry from d's expires table (if any) and frees it.
  void drop_expire_entry(Db& d, std::string_view key);
  // Takes a key about to leave db out of the count (and out of the changed list).
  void uncharge(int db, Entry* e);
  // Remembers that a collection in db may change size in the running command.
  void note_changing(int db, Entry* e);
  // lookup_write / lookup_read without the accounting and statistics: expiry and touch.
  Entry* find_live(int db, std::string_view key, uint32_t flags);
  // Deletes an expired key and does the bookkeeping every expiry path shares.
  void delete_expired(int db, std::string_view key);
  // One sampling round of the active cycle over db; sets *sampled and returns keys deleted.
  uint64_t active_expire_round(int db, size_t* sampled);

  Options opts_;
  std::shared_ptr<Clock> clock_;
  Random random_;
  std::vector<Db> dbs_;
  KeyspaceStats stats_;
  InstanceState instance_;
  Propagation propagation_;
  // Reads the precise clock into now_us_ / now_ms_.
  void read_clock() const {
    now_us_ = clock_->now_us();
    now_ms_ = now_us_ / 1000;
    now_known_ = true;
  }
  // The running command's coarse reading, for access stamps (lru_clock, lfu_minutes).
  int64_t access_time_ms() const;

  // The command time, read lazily after begin_command_lazily() (hence mutable).
  mutable int64_t now_ms_ = 0;
  mutable int64_t now_us_ = 0;
  mutable bool now_known_ = false;
  mutable int64_t access_time_ms_ = 0;
  mutable bool access_time_known_ = false;
  bool active_expire_enabled_ = true;
  bool loading_ = false;
  ExpiredHook expired_hook_;
  std::unique_ptr<Clients> clients_;
  std::unique_ptr<KeyEventSink> client_events_;
  KeyEventSink* sink_ = nullptr;
  BlockRequest block_request_;
  // Collections (with their db) that may have changed size since the last settle_memory().
  std::vector<std::pair<Entry*, int>> changing_;
  // Active cycle state carried between calls, as Redis keeps it in statics.
  unsigned next_expire_db_ = 0;
  bool expire_timelimit_exit_ = false;
  int64_t last_fast_cycle_us_ = 0;
};

}  // namespace kevy
