// The append-only file: see aof.h.
#include "persist/aof.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "commands/errors.h"
#include "persist/aof_load.h"
#include "persist/aof_rewrite_commands.h"
#include "persist/rdb_file.h"
#include "persist/snapshot.h"

namespace kevy {

// ---- FsyncThread ------------------------------------------------------------------------------

void FsyncThread::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void FsyncThread::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void FsyncThread::set_fd(int fd) {
  std::lock_guard<std::mutex> lock(mu_);
  fd_ = fd;
  pending_.store(false, std::memory_order_relaxed);
}

bool FsyncThread::sync_now() {
  std::lock_guard<std::mutex> lock(mu_);
  if (fd_ < 0 || !pending_.exchange(false, std::memory_order_acq_rel)) return true;
  return ::fdatasync(fd_) == 0;
}

void FsyncThread::run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; });
    if (stopping_) break;
    // The sync runs with mu_ held, so set_fd() cannot hand the descriptor back for closing
    // while it is being synced; writers never take mu_, so they are not held up.
    if (fd_ >= 0 && pending_.exchange(false, std::memory_order_acq_rel)) ::fdatasync(fd_);
  }
}

// ---- helpers ----------------------------------------------------------------------------------

namespace {

std::string config_value(Keyspace& ks, std::string_view name) {
  auto v = ks.instance().config.get(name, ks.options());
  return v ? *v : std::string();
}

std::string join_path(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  std::string out = dir;
  if (out.back() != '/') out.push_back('/');
  out.append(name);
  return out;
}

Status errno_status(std::string_view what, const std::string& path) {
  return Status::io_error(std::string(what) + " " + path + ": " + std::strerror(errno));
}

AppendFsync parse_fsync(const std::string& v) {
  if (v == "always") return AppendFsync::kAlways;
  if (v == "no") return AppendFsync::kNo;
  return AppendFsync::kEverySec;
}

// Reads the AOF settings of the CONFIG parameters into st (appendfsync may change at any time;
// the names only matter when the AOF is opened).
void read_settings(Keyspace& ks, AofState& st) {
  st.fsync = parse_fsync(config_value(ks, "appendfsync"));
  st.use_rdb_preamble = config_value(ks, "aof-use-rdb-preamble") != "no";
  st.auto_rewrite_percentage = std::strtoll(config_value(ks, "auto-aof-rewrite-percentage").c_str(), nullptr, 10);
  st.auto_rewrite_min_size = std::strtoull(config_value(ks, "auto-aof-rewrite-min-size").c_str(), nullptr, 10);
}

// Appends the RESP multibulk form of argv.
void append_command(std::string& out, const std::vector<std::string>& argv) {
  out.push_back('*');
  out.append(std::to_string(argv.size()));
  out.append("\r\n");
  for (const std::string& a : argv) {
    out.push_back('$');
    out.append(std::to_string(a.size()));
    out.append("\r\n");
    out.append(a);
    out.append("\r\n");
  }
}

void append_select(std::string& out, AofState& st, int db) {
  if (db == st.selected_db) return;
  append_command(out, {"SELECT", std::to_string(db)});
  st.selected_db = db;
}

// Writes all of bytes; *written says how many made it when it fails part way.
Status write_all(int fd, std::string_view bytes, size_t* written = nullptr) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (written != nullptr) *written = done;
      return Status::io_error(std::string("write to the AOF: ") + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  if (written != nullptr) *written = done;
  return Status::ok();
}

uint64_t file_size(const std::string& path) {
  struct stat sb;
  return ::stat(path.c_str(), &sb) == 0 ? static_cast<uint64_t>(sb.st_size) : 0;
}

Status persist_manifest(AofState& st) {
  return aof::write_manifest_file(st.dir, st.prefix, st.manifest);
}

// Opens (creating) an increment file for appending.
Result<int> open_incr(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return errno_status("can't open the append only file", path);
  return fd;
}

// Makes fd the file writes go to (closing the previous one after a final sync).
void switch_incr(AofState& st, int fd) {
  const int old = st.incr_fd;
  if (old >= 0) ::fdatasync(old);
  st.fsync_thread.set_fd(fd);
  st.incr_fd = fd;
  st.selected_db = -1;  // a new file starts with a SELECT
  if (old >= 0) ::close(old);
}

void close_files(AofState& st) {
  st.fsync_thread.stop();
  st.fsync_thread.set_fd(-1);
  if (st.incr_fd >= 0) {
    ::fdatasync(st.incr_fd);
    ::close(st.incr_fd);
  }
  st.incr_fd = -1;
  st.selected_db = -1;
}

// The new base's bytes: an RDB with aof-base 1, or commands (aof-use-rdb-preamble no).
Status serialize_base(Keyspace& ks, bool rdb_preamble, std::string* out) {
  if (!rdb_preamble) return aof::write_commands(ks, out);
  rdb::SaveParams params = snapshot_save_params(ks);
  params.aof_base = true;
  return rdb::serialize(ks, params, out);
}

// Deletes the history files and drops them from the manifest (Redis's aofDelHistoryFiles,
// unless aof-disable-auto-gc).
void delete_history(Keyspace& ks, AofState& st) {
  if (st.manifest.history.empty() || config_value(ks, "aof-disable-auto-gc") == "yes") return;
  for (const aof::ManifestFile& f : st.manifest.history) {
    ::unlink(join_path(st.dir, f.name).c_str());
  }
  st.manifest.history.clear();
  persist_manifest(st);
}

// After opening or a rewrite: the sizes on disk, and the size auto rewrites grow from.
void recount_sizes(AofState& st) {
  st.base_size = st.manifest.base ? file_size(join_path(st.dir, st.manifest.base->name)) : 0;
  st.current_size = st.base_size;
  for (const aof::ManifestFile& f : st.manifest.incrs) {
    st.current_size += file_size(join_path(st.dir, f.name));
  }
  st.rewrite_base_size = st.current_size;
}

std::string temp_incr_name(const AofState& st) { return "temp-" + st.prefix + ".incr"; }

// Where a rewrite's writes go meanwhile: a new increment in the manifest while the AOF is on;
// while it is being turned on, a temporary one that becomes an increment when the base is done
// (so a crash before that leaves the old AOF as it was); none while it is off.
enum class RewriteMode { kOn, kEnabling, kOff };

Status start_rewrite(Keyspace& ks, RewriteMode mode) {
  AofState& st = ks.instance().aof;
  if (st.rewrite_writer.busy()) return Status::command_error(err::kAofRewriteInProgress);
  read_settings(ks, st);
  std::string bytes;
  Status s = serialize_base(ks, st.use_rdb_preamble, &bytes);
  if (!s.is_ok()) return s;

  if (mode != RewriteMode::kOff) {
    const bool temp = mode == RewriteMode::kEnabling;
    const std::string name = temp ? temp_incr_name(st)
                                  : aof::incr_file_name(st.prefix, st.manifest.incr_seq + 1);
    if (temp) ::unlink(join_path(st.dir, name).c_str());
    Result<int> fd = open_incr(join_path(st.dir, name));
    if (!fd.ok()) return fd.status();
    if (!temp) {
      ++st.manifest.incr_seq;
      st.manifest.incrs.push_back(aof::ManifestFile{name, st.manifest.incr_seq, aof::FileKind::kIncr});
      s = persist_manifest(st);
      if (!s.is_ok()) {
        st.manifest.incrs.pop_back();
        --st.manifest.incr_seq;
        ::close(fd.value());
        return s;
      }
    }
    switch_incr(st, fd.value());
  }
  st.rewrite_base = aof::ManifestFile{
      aof::base_file_name(st.prefix, st.manifest.base_seq + 1, st.use_rdb_preamble),
      st.manifest.base_seq + 1, aof::FileKind::kBase};
  st.rewrite_base_bytes = bytes.size();
  st.rewrite_start_ms = ks.now_ms();
  st.rewrite_enabling = mode == RewriteMode::kEnabling;
  st.rewrite_writer.start(join_path(st.dir, st.rewrite_base.name), std::move(bytes));
  return Status::ok();
}

// A finished rewrite's base becomes the manifest's; what came before it goes to history.
Status install_rewrite(Keyspace& ks, AofState& st) {
  aof::Manifest next = st.manifest;
  if (next.base) next.history.push_back(*next.base);
  next.base = st.rewrite_base;
  next.base_seq = st.rewrite_base.seq;
  std::vector<aof::ManifestFile> keep;
  if (st.rewrite_enabling) {
    // The temporary increment holds every write since the rewrite started.
    for (aof::ManifestFile& f : next.incrs) next.history.push_back(f);
    next.incrs.clear();
    const std::string name = aof::incr_file_name(st.prefix, next.incr_seq + 1);
    if (::rename(join_path(st.dir, temp_incr_name(st)).c_str(),
                 join_path(st.dir, name).c_str()) != 0) {
      return errno_status("can't rename", join_path(st.dir, temp_incr_name(st)));
    }
    ++next.incr_seq;
    next.incrs.push_back(aof::ManifestFile{name, next.incr_seq, aof::FileKind::kIncr});
  } else if (st.on && !next.incrs.empty()) {
    // Only the increment opened when the rewrite started (the last one) stays.
    for (size_t i = 0; i + 1 < next.incrs.size(); ++i) next.history.push_back(next.incrs[i]);
    next.incrs.erase(next.incrs.begin(), next.incrs.end() - 1);
  } else {
    for (aof::ManifestFile& f : next.incrs) next.history.push_back(f);
    next.incrs.clear();
  }
  const aof::Manifest previous = std::move(st.manifest);
  st.manifest = std::move(next);
  Status s = persist_manifest(st);
  if (!s.is_ok()) {
    st.manifest = previous;
    return s;
  }
  delete_history(ks, st);
  recount_sizes(st);
  return Status::ok();
}

}  // namespace

// ---- public operations ------------------------------------------------------------------------

std::string aof_dir_path(Keyspace& ks) {
  return join_path(config_value(ks, "dir"), config_value(ks, "appenddirname"));
}

void aof_feed_unit(Keyspace& ks, std::vector<PropagatedOp> ops) {
  AofState& st = ks.instance().aof;
  if (!st.on || ops.empty()) return;
  std::string bytes = std::move(st.retry);
  st.retry.clear();
  const bool transaction = ops.size() > 1;
  if (transaction) {
    append_select(bytes, st, ops.front().db);
    append_command(bytes, {"MULTI"});
  }
  for (const PropagatedOp& op : ops) {
    append_select(bytes, st, op.db);
    append_command(bytes, op.argv);
  }
  if (transaction) append_command(bytes, {"EXEC"});

  size_t written = 0;
  Status s = write_all(st.incr_fd, bytes, &written);
  if (!s.is_ok()) {
    // Kept and written again before the next unit, as Redis retries its buffer. A partial
    // write is cut off the file first (as Redis does), so that no half command stays in the
    // middle of the file; when that fails, only the unwritten rest is kept.
    st.last_write_ok = false;
    if (written > 0) {
      const off_t end = ::lseek(st.incr_fd, 0, SEEK_END);
      if (end >= static_cast<off_t>(written) &&
          ::ftruncate(st.incr_fd, end - static_cast<off_t>(written)) == 0) {
        written = 0;
      }
    }
    st.current_size += written;
    st.retry = bytes.substr(written);
    return;
  }
  st.last_write_ok = true;
  st.current_size += bytes.size();
  if (st.fsync == AppendFsync::kAlways) {
    ::fdatasync(st.incr_fd);
  } else if (st.fsync == AppendFsync::kEverySec) {
    st.fsync_thread.mark_written();
  }
}

Status aof_open_at_start(Keyspace& ks, std::function<void(uint64_t, uint64_t)> progress) {
  AofState& st = ks.instance().aof;
  read_settings(ks, st);
  st.dir = aof_dir_path(ks);
  st.prefix = config_value(ks, "appendfilename");

  aof::LoadParams params;
  params.load_truncated = config_value(ks, "aof-load-truncated") != "no";
  params.verify_checksum = config_value(ks, "rdbchecksum") != "no";
  params.progress = std::move(progress);
  aof::LoadInfo info;
  // An AOF of Redis before 7.0 (dir/appendonly.aof) is moved into the directory as its base.
  bool upgraded = false;
  Status s = aof::upgrade_old_style(config_value(ks, "dir"), st.dir, st.prefix, &upgraded);
  if (!s.is_ok()) return s;
  s = aof::load(ks, st.dir, st.prefix, params, &info);
  const bool existed = s.is_ok();
  if (!s.is_ok() && s.code() != Status::Code::kNotFound) return s;

  if (::mkdir(st.dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return errno_status("can't create the append only directory", st.dir);
  }
  st.manifest = existed ? info.manifest : aof::Manifest{};
  if (!existed) {
    // A fresh AOF starts with a base holding what the store has (nothing, or a snapshot).
    std::string bytes;
    s = serialize_base(ks, st.use_rdb_preamble, &bytes);
    if (s.is_ok()) {
      st.manifest.base_seq = 1;
      st.manifest.base = aof::ManifestFile{aof::base_file_name(st.prefix, 1, st.use_rdb_preamble),
                                           1, aof::FileKind::kBase};
      s = rdb::write_file_atomic(join_path(st.dir, st.manifest.base->name), bytes);
    }
    if (!s.is_ok()) return s;
  }
  // Appending continues in the last increment; one is added when there is none.
  std::string incr;
  if (st.manifest.incrs.empty()) {
    ++st.manifest.incr_seq;
    incr = aof::incr_file_name(st.prefix, st.manifest.incr_seq);
    st.manifest.incrs.push_back(aof::ManifestFile{incr, st.manifest.incr_seq, aof::FileKind::kIncr});
  } else {
    incr = st.manifest.incrs.back().name;
  }
  Result<int> fd = open_incr(join_path(st.dir, incr));
  if (!fd.ok()) return fd.status();
  s = persist_manifest(st);
  if (!s.is_ok()) {
    ::close(fd.value());
    return s;
  }
  st.on = true;
  switch_incr(st, fd.value());
  st.fsync_thread.start();
  recount_sizes(st);
  ks.propagation().set_active(true);
  return Status::ok();
}

Status aof_start_rewrite(Keyspace& ks) {
  AofState& st = ks.instance().aof;
  if (!st.on) {
    // Redis 7.0 rewrites with the AOF off too: a base and a manifest without increments.
    if (st.rewrite_writer.busy()) return Status::command_error(err::kAofRewriteInProgress);
    st.dir = aof_dir_path(ks);
    st.prefix = config_value(ks, "appendfilename");
    if (::mkdir(st.dir.c_str(), 0755) != 0 && errno != EEXIST) {
      return errno_status("can't create the append only directory", st.dir);
    }
    return start_rewrite(ks, RewriteMode::kOff);
  }
  return start_rewrite(ks, RewriteMode::kOn);
}

bool aof_rewrite_in_progress(Keyspace& ks) { return ks.instance().aof.rewrite_writer.busy(); }

Status aof_collect_rewrite(Keyspace& ks, bool wait) {
  AofState& st = ks.instance().aof;
  if (!st.rewrite_writer.busy()) return Status::ok();
  if (!wait && !st.rewrite_writer.finished()) return Status::ok();
  Status s = st.rewrite_writer.collect();
  if (s.is_ok()) s = install_rewrite(ks, st);
  st.last_rewrite_time_sec = (ks.clock().now_ms() - st.rewrite_start_ms) / 1000;
  st.rewrite_start_ms = -1;
  st.last_rewrite_ok = s.is_ok();
  if (s.is_ok()) {
    ++st.rewrites;
    st.rewrites_consecutive_failures = 0;
  } else {
    ++st.rewrites_consecutive_failures;
    if (st.rewrite_enabling) {
      // The AOF could not be turned on: stop appending to the temporary increment.
      close_files(st);
      ::unlink(join_path(st.dir, temp_incr_name(st)).c_str());
      st.on = false;
      ks.propagation().set_active(false);
    }
  }
  st.rewrite_enabling = false;
  return s;
}

void aof_poll(Keyspace& ks) {
  AofState& st = ks.instance().aof;
  if (st.rewrite_writer.busy()) {
    if (st.rewrite_writer.finished()) aof_collect_rewrite(ks);
    return;
  }
  // auto-aof-rewrite-percentage / -min-size, as Redis's cron checks them: the AOF grew by the
  // percentage over its size after the last rewrite (or open) and is at least min-size.
  if (st.on && st.auto_rewrite_percentage > 0 && st.current_size > st.auto_rewrite_min_size) {
    const uint64_t base = st.rewrite_base_size > 0 ? st.rewrite_base_size : 1;
    const uint64_t growth = (st.current_size - base) * 100 / base;
    if (st.current_size > base && growth >= static_cast<uint64_t>(st.auto_rewrite_percentage)) {
      aof_start_rewrite(ks);
    }
  }
}

Status aof_enable(Keyspace& ks) {
  AofState& st = ks.instance().aof;
  if (st.on) return Status::ok();
  if (st.rewrite_writer.busy()) aof_collect_rewrite(ks, /*wait=*/true);
  st.dir = aof_dir_path(ks);
  st.prefix = config_value(ks, "appendfilename");
  if (::mkdir(st.dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return errno_status("can't create the append only directory", st.dir);
  }
  // An AOF left in the directory (from an earlier run, or while it was off) is replaced: its
  // files go to history once the new base is written.
  Result<aof::Manifest> existing = aof::read_manifest_file(st.dir, st.prefix);
  st.manifest = existing.ok() ? std::move(existing.value()) : aof::Manifest{};
  Status s = start_rewrite(ks, RewriteMode::kEnabling);
  if (!s.is_ok()) return s;
  st.on = true;
  st.fsync_thread.start();
  ks.propagation().set_active(true);
  return Status::ok();
}

void aof_disable(Keyspace& ks) {
  AofState& st = ks.instance().aof;
  if (!st.on) return;
  if (st.rewrite_writer.busy()) aof_collect_rewrite(ks, /*wait=*/true);
  close_files(st);
  st.on = false;
  ks.propagation().set_active(false);
}

Status aof_flush(Keyspace& ks) {
  AofState& st = ks.instance().aof;
  if (!st.on || st.incr_fd < 0) return Status::ok();
  if (!st.retry.empty()) {
    Status s = write_all(st.incr_fd, st.retry);
    if (!s.is_ok()) return s;
    st.retry.clear();
  }
  return ::fdatasync(st.incr_fd) == 0 ? Status::ok()
                                      : Status::io_error(std::string("fsync of the AOF: ") +
                                                         std::strerror(errno));
}

Status aof_apply_config(Keyspace& ks, bool from_config_set) {
  AofState& st = ks.instance().aof;
  read_settings(ks, st);
  if (!from_config_set) return Status::ok();
  const bool want = config_value(ks, "appendonly") == "yes";
  if (want && !st.on) return aof_enable(ks);
  if (!want && st.on) aof_disable(ks);
  return Status::ok();
}

}  // namespace kevy
