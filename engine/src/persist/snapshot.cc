// Snapshot operations on a Keyspace (persist/snapshot.h) and the BGSAVE writer thread
// (persist/snapshot_state.h).
#include "persist/snapshot.h"

#include <utility>

#include "commands/errors.h"
#include "core/keyspace.h"

namespace kevy {

void BackgroundWriter::start(std::string path, std::string bytes) {
  done_.store(false, std::memory_order_relaxed);
  running_ = true;
  thread_ = std::thread([this, path = std::move(path), bytes = std::move(bytes)]() mutable {
    result_ = rdb::write_file_atomic(path, bytes);
    std::string().swap(bytes);  // free the image before announcing the end
    done_.store(true, std::memory_order_release);
  });
}

Status BackgroundWriter::collect() {
  wait();
  Status s = std::move(result_);
  result_ = Status::ok();
  done_.store(false, std::memory_order_relaxed);
  running_ = false;
  return s;
}

void BackgroundWriter::wait() {
  if (thread_.joinable()) thread_.join();
}

namespace {

std::string config_value(Keyspace& ks, std::string_view name) {
  auto v = ks.instance().config.get(name, ks.options());
  return v ? *v : std::string();
}

}  // namespace

std::string snapshot_path(Keyspace& ks) {
  std::string dir = config_value(ks, "dir");
  const std::string file = config_value(ks, "dbfilename");
  if (dir.empty()) return file;
  if (dir.back() != '/') dir.push_back('/');
  return dir + file;
}

rdb::SaveParams snapshot_save_params(Keyspace& ks) {
  rdb::SaveParams p;
  p.compress = config_value(ks, "rdbcompression") != "no";
  p.checksum = config_value(ks, "rdbchecksum") != "no";
  p.used_mem = ks.memory_use().used();
  return p;
}

Status save_snapshot(Keyspace& ks) {
  SnapshotState& st = ks.instance().snapshot;
  poll_bgsave(ks);
  if (st.writer.busy()) return Status::command_error(err::kBgsaveInProgress);
  ++st.rdb_saves;
  Status s = rdb::save_file(ks, snapshot_save_params(ks), snapshot_path(ks));
  if (!s.is_ok()) return s;
  ks.instance().stats.clear_dirty();
  ks.instance().lastsave_s = ks.now_ms() / 1000;
  st.last_bgsave_ok = true;
  return Status::ok();
}

Status start_bgsave(Keyspace& ks) {
  SnapshotState& st = ks.instance().snapshot;
  poll_bgsave(ks);
  if (st.writer.busy()) return Status::command_error(err::kBgsaveInProgress);
  std::string image;
  Status s = rdb::serialize(ks, snapshot_save_params(ks), &image);
  if (!s.is_ok()) return s;
  ++st.rdb_saves;
  st.dirty_before_bgsave = ks.instance().stats.dirty();
  st.bgsave_start_ms = ks.now_ms();
  st.writer.start(snapshot_path(ks), std::move(image));
  return Status::ok();
}

Status collect_bgsave(Keyspace& ks, bool wait) {
  SnapshotState& st = ks.instance().snapshot;
  if (!st.writer.busy()) return Status::ok();
  if (!wait && !st.writer.finished()) return Status::ok();
  const Status s = st.writer.collect();
  // The clock may be manual: take the instant from it, not from the command that ran earlier.
  const int64_t now_ms = ks.clock().now_ms();
  st.last_bgsave_time_sec = st.bgsave_start_ms >= 0 ? (now_ms - st.bgsave_start_ms) / 1000 : -1;
  st.bgsave_start_ms = -1;
  st.last_bgsave_ok = s.is_ok();
  if (s.is_ok()) {
    ServerStats& stats = ks.instance().stats;
    const uint64_t dirty = stats.dirty();
    stats.clear_dirty();
    stats.add_dirty(dirty > st.dirty_before_bgsave ? dirty - st.dirty_before_bgsave : 0);
    ks.instance().lastsave_s = now_ms / 1000;
  }
  return s;
}

Status load_snapshot(Keyspace& ks, const std::string& path, rdb::LoadMode mode,
                     std::function<void(uint64_t, uint64_t)> progress, rdb::LoadInfo* info) {
  rdb::LoadParams p;
  p.verify_checksum = config_value(ks, "rdbchecksum") != "no";
  p.progress = std::move(progress);
  rdb::LoadInfo local;
  if (info == nullptr) info = &local;
  Status s = rdb::load_file(path, ks, mode, p, info);
  if (s.is_ok()) {
    ks.instance().snapshot.last_load_keys_loaded = info->keys_loaded;
    ks.instance().snapshot.last_load_keys_expired = info->keys_expired;
  }
  return s;
}

}  // namespace kevy
