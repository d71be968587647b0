// Options for opening a Store. Builder style: Options{}.with_databases(4).with_clock(c).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "kevy/clock.h"

namespace kevy {

enum class EvictionPolicy {
  kNoEviction,
  kAllKeysLru,
  kAllKeysLfu,
  kAllKeysRandom,
  kVolatileLru,
  kVolatileLfu,
  kVolatileRandom,
  kVolatileTtl,
};

// appendfsync: when the AOF is flushed to the disk. Every write reaches the file (the OS) before
// the command returns; kAlways also fsyncs then, kEverySec about once a second from a background
// thread, kNo leaves it to the OS.
enum class AppendFsync { kAlways, kEverySec, kNo };

struct Options {
  int databases = 16;
  // Time source; nullptr means Clock::system().
  std::shared_ptr<Clock> clock;
  // Seed for RANDOMKEY, sampling and similar choices (deterministic runs).
  uint64_t random_seed = 0x6b657679;  // "kevy"
  // Start a background thread that runs the active expiry cycle hz times per second.
  // When false (the default) expiry is lazy plus whatever Store::tick() the caller runs.
  bool active_expire = false;
  int hz = 10;
  uint64_t max_memory = 0;
  EvictionPolicy eviction_policy = EvictionPolicy::kNoEviction;
  // maxmemory-samples: keys sampled per db to refill the eviction pool; and
  // maxmemory-eviction-tenacity (0..100): how long one command may spend evicting.
  int maxmemory_samples = 5;
  // notify-keyspace-events as NotifyClass bits (engine/src/core/key_events.h); 0 = off.
  uint32_t notify_keyspace_events = 0;
  int maxmemory_eviction_tenacity = 10;
  int lfu_log_factor = 10;
  int lfu_decay_time = 1;  // minutes
  // hash-max-listpack-entries / hash-max-listpack-value: a hash stays listpack-encoded while it
  // has at most this many fields and no field or value longer than this many bytes.
  size_t hash_max_listpack_entries = 512;
  size_t hash_max_listpack_value = 64;
  // set-max-intset-entries: a set of integers stays intset-encoded up to this many members.
  size_t set_max_intset_entries = 512;
  // list-max-listpack-size: a quicklist node holds at most this many elements when positive,
  // or at most 4/8/16/32/64 KiB for -1..-5 (-2, 8 KiB, by default).
  int list_max_listpack_size = -2;
  // list-compress-depth: how many quicklist nodes at each end of a list stay uncompressed
  // (0: none is compressed). kevy keeps lists uncompressed in memory; the nodes Redis would
  // hold LZF-compressed are written compressed in RDB files and DUMP payloads, as Redis does.
  int list_compress_depth = 0;
  // zset-max-listpack-entries / zset-max-listpack-value: a sorted set stays listpack-encoded
  // while it has at most this many members and no member longer than this many bytes.
  size_t zset_max_listpack_entries = 128;
  size_t zset_max_listpack_value = 64;
  // slowlog-log-slower-than (microseconds; negative disables the log, 0 logs every command)
  // and slowlog-max-len.
  int64_t slowlog_log_slower_than = 10000;
  size_t slowlog_max_len = 128;
  // RDB snapshots (SAVE, BGSAVE, Store::save): the directory and file name, which are the CONFIG
  // parameters dir and dbfilename (CONFIG SET changes them for later saves). An empty dir means
  // the working directory, as redis-server's default. When dir is set and load_snapshot_on_open
  // is true, Store::open loads dir/dbfilename if that file exists — a bad file fails the open,
  // and nothing of it is loaded — calling load_progress(bytes read, total bytes) as it goes.
  std::string dir;
  std::string dbfilename = "dump.rdb";
  bool load_snapshot_on_open = true;
  std::function<void(uint64_t, uint64_t)> load_progress;

  // The append-only file (CONFIG appendonly / appendfsync), in dir/appendonlydir as Redis 7.0
  // lays it out. When on, Store::open loads the AOF (not the snapshot) if there is one — a bad
  // one fails the open — and creates it otherwise; every write is appended before it returns.
  bool appendonly = false;
  AppendFsync appendfsync = AppendFsync::kEverySec;

  Options& with_databases(int n) { databases = n; return *this; }
  Options& with_clock(std::shared_ptr<Clock> c) { clock = std::move(c); return *this; }
  Options& with_random_seed(uint64_t s) { random_seed = s; return *this; }
  Options& with_active_expire(bool on = true) { active_expire = on; return *this; }
  Options& with_ttl_reaper_manual() { active_expire = false; return *this; }
  Options& with_hz(int h) { hz = h; return *this; }
  Options& with_dir(std::string d) { dir = std::move(d); return *this; }
  // Snapshot and AOF in directory d: loads what is there at open, appends every write.
  Options& with_persist(std::string d) {
    dir = std::move(d);
    appendonly = true;
    return *this;
  }
  // Test aid: after every command the store recounts its memory from scratch (O(keys)) and
  // aborts with a message if the running total has drifted.
  bool check_memory_accounting = false;
  // false: a blocking command (BLPOP, BZPOPMIN, ...) that finds no data replies at once what
  // it replies when its timeout passes, instead of waiting — for single-threaded tests of
  // reply bytes. Default true: it waits, as in Redis.
  bool blocking_commands_wait = true;
  Options& with_blocking_commands_wait(bool on) { blocking_commands_wait = on; return *this; }
  Options& with_memory_accounting_check(bool on = true) { check_memory_accounting = on; return *this; }

  Options& with_appendfsync(AppendFsync f) { appendfsync = f; return *this; }
  Options& with_dbfilename(std::string f) { dbfilename = std::move(f); return *this; }
  Options& with_max_memory(uint64_t bytes, EvictionPolicy p) {
    max_memory = bytes;
    eviction_policy = p;
    return *this;
  }
};

}  // namespace kevy
