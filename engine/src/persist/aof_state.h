// AofState: what one instance keeps about its append-only file — whether it is on, the open
// increment file, the manifest, the background fsync thread of appendfsync everysec, a running
// rewrite, and the statistics INFO persistence reports. Held by InstanceState; the operations
// are in persist/aof.h.
//
// Thread-safety: everything is used under the Store's lock, except FsyncThread's internals
// (its own mutex) and the rewrite's BackgroundWriter (see snapshot_state.h).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "kevy/config.h"
#include "persist/aof_manifest.h"
#include "persist/snapshot_state.h"

namespace kevy {

// appendfsync everysec: fdatasync()s the current increment file about once a second when
// something was written since the last one, off the store lock.
class FsyncThread {
 public:
  FsyncThread() = default;
  FsyncThread(const FsyncThread&) = delete;
  FsyncThread& operator=(const FsyncThread&) = delete;
  ~FsyncThread() { stop(); }

  void start();
  void stop();
  // The file to sync from now on (-1: none). Waits for a sync in progress on the old one, so
  // the caller may close the old descriptor afterwards.
  void set_fd(int fd);
  // Something was written to the file since the last sync.
  void mark_written() { pending_.store(true, std::memory_order_release); }
  // Syncs now on the calling thread (SHUTDOWN, close); OK when nothing is pending.
  bool sync_now();

 private:
  void run();
  std::mutex mu_;  // guards fd_ and the sync itself
  std::condition_variable cv_;
  int fd_ = -1;
  bool stopping_ = false;
  std::atomic<bool> pending_{false};
  std::thread thread_;
};

struct AofState {
  bool on = false;           // appending (INFO aof_enabled)
  std::string dir;           // the appendonlydir path in use
  std::string prefix;        // appendfilename in use
  aof::Manifest manifest;    // as last persisted
  int incr_fd = -1;          // the increment file writes go to
  int selected_db = -1;      // the db the file's last SELECT chose (-1: none yet)
  AppendFsync fsync = AppendFsync::kEverySec;
  bool use_rdb_preamble = true;
  int64_t auto_rewrite_percentage = 100;       // auto-aof-rewrite-percentage (0: off)
  uint64_t auto_rewrite_min_size = 64 << 20;  // auto-aof-rewrite-min-size
  uint64_t rewrite_base_size = 0;  // current_size after the last rewrite or open
  std::string retry;         // bytes of a unit whose write failed, written before the next
  uint64_t current_size = 0;  // bytes in base + increments (INFO aof_current_size)
  uint64_t base_size = 0;     // bytes in the base (INFO aof_base_size)
  FsyncThread fsync_thread;

  // A rewrite in progress: the base being written in the background and its manifest entry.
  BackgroundWriter rewrite_writer;
  aof::ManifestFile rewrite_base;
  uint64_t rewrite_base_bytes = 0;
  int64_t rewrite_start_ms = -1;
  bool rewrite_enabling = false;  // started by CONFIG SET appendonly yes (temporary increment)

  int64_t rewrites = 0;                   // aof_rewrites
  int64_t rewrites_consecutive_failures = 0;
  bool last_rewrite_ok = true;            // aof_last_bgrewrite_status
  int64_t last_rewrite_time_sec = -1;     // aof_last_rewrite_time_sec
  bool last_write_ok = true;              // aof_last_write_status
};

}  // namespace kevy
