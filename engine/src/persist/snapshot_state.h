// SnapshotState: what one instance keeps about its RDB snapshots — the save statistics INFO
// persistence and LASTSAVE report, and the BGSAVE writer thread. Held by InstanceState
// (core/instance_state.h); the operations on it are in persist/snapshot.h.
//
// Thread-safety: the fields are read and written under the Store's lock only. BackgroundWriter's
// thread touches nothing but its own bytes, path and result; it publishes the result with
// `done_` (release) and the lock holder collects it (acquire).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

#include "kevy/status.h"

namespace kevy {

// Writes one serialized snapshot to disk on its own thread (write, fsync, rename).
class BackgroundWriter {
 public:
  BackgroundWriter() = default;
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;
  ~BackgroundWriter() { wait(); }

  // True from start() until collect() took the result.
  bool busy() const { return running_; }
  // True when the thread has finished (its result is ready for collect()).
  bool finished() const { return running_ && done_.load(std::memory_order_acquire); }
  // Starts writing bytes to path. REQUIRES: !busy().
  void start(std::string path, std::string bytes);
  // Joins the thread and returns its result. REQUIRES: busy().
  Status collect();
  // Blocks until the thread (if any) finished; the result stays for collect().
  void wait();

 private:
  std::thread thread_;
  std::atomic<bool> done_{false};
  bool running_ = false;  // started and not collected
  Status result_;
};

struct SnapshotState {
  int64_t rdb_saves = 0;             // SAVE / BGSAVE started (INFO rdb_saves)
  bool last_bgsave_ok = true;        // rdb_last_bgsave_status
  int64_t last_bgsave_time_sec = -1; // rdb_last_bgsave_time_sec
  int64_t bgsave_start_ms = -1;      // while a BGSAVE runs (rdb_current_bgsave_time_sec)
  uint64_t dirty_before_bgsave = 0;  // changes a successful BGSAVE takes off the dirty count
  uint64_t last_load_keys_loaded = 0;   // rdb_last_load_keys_loaded
  uint64_t last_load_keys_expired = 0;  // rdb_last_load_keys_expired
  BackgroundWriter writer;
};

}  // namespace kevy
