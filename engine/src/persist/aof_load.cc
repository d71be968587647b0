// Loading a multi-part AOF into a Keyspace (aof_load.h), following redis-server 7.0.15's
// loadAppendOnlyFiles / loadSingleAppendOnlyFile. Facts confirmed on the running 7.0.15:
//   - every file listed as base or increment must exist (else startup fails); an empty file is
//     fine, and when all of them are empty nothing is loaded;
//   - each file is replayed by a fresh client: db 0, no open MULTI;
//   - any file beginning with "REDIS" is an RDB image (expired keys kept), possibly followed by
//     commands (old-style preamble AOF);
//   - an unknown command is fatal: "Unknown command 'foo' reading the append only file F";
//   - a command replying an error (EXEC without MULTI, ...) is logged and skipped;
//   - bad bytes are fatal ("Bad file format reading the append only file F");
//   - a cut command or a MULTI without EXEC at the end of a file is an "Unexpected end of
//     file": with aof-load-truncated yes the file is truncated to the last whole command and
//     loading goes on — but when that file is not the last one the load fails anyway ("the
//     truncated file is not the last file").
// Deviations, all on damaged files: Redis truncates a non-last file before failing (a second
// start then loads it); kevy leaves it untouched. A command cut inside a MULTI block makes
// Redis truncate after the last whole queued command (the next start then reverts the open
// MULTI); kevy truncates before the MULTI at once — the data loaded is the same. Wrong
// argument counts make Redis crash (it does not check arity while loading); kevy refuses them
// as bad format. Redis replays without the call() bookkeeping except inside EXEC; kevy runs
// every command through call_command, so INFO commandstats counts replayed commands.
#include "persist/aof_load.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "commands/args.h"
#include "commands/call.h"
#include "commands/command_table.h"
#include "persist/aof_reader.h"
#include "persist/rdb_file.h"

namespace kevy::aof {

namespace {

constexpr uint64_t kProgressEvery = 1 << 20;

std::string errno_text(std::string_view what, std::string_view name, int err) {
  return std::string(what) + " " + std::string(name) + ": " + std::strerror(err);
}

// Keyspace state for the duration of a load: nothing expires, nothing is propagated.
class LoadingScope {
 public:
  explicit LoadingScope(Keyspace& ks)
      : ks_(ks), was_loading_(ks.loading()), was_active_(ks.propagation().active()) {
    ks_.set_loading(true);
    ks_.propagation().set_active(false);
  }
  ~LoadingScope() {
    ks_.set_loading(was_loading_);
    ks_.propagation().set_active(was_active_);
  }
  LoadingScope(const LoadingScope&) = delete;
  LoadingScope& operator=(const LoadingScope&) = delete;

 private:
  Keyspace& ks_;
  bool was_loading_;
  bool was_active_;
};

// One file of the AOF being replayed.
class FileLoader {
 public:
  FileLoader(Keyspace& ks, const std::string& dir, const ManifestFile& file, std::string_view prefix,
             bool last, const LoadParams& params, LoadInfo* info, uint64_t done_before,
             uint64_t total)
      : ks_(ks),
        path_(dir + "/" + file.name),
        name_(file.name),
        prefix_(prefix),
        last_(last),
        params_(params),
        info_(info),
        done_before_(done_before),
        total_(total) {}

  Status run() {
    Status s = reader_.open(path_);
    if (!s.is_ok()) {
      return Status::io_error("Fatal error: can't open the append log file " + name_ +
                              " for reading: " + s.message());
    }
    if (reader_.size() == 0) return Status::ok();
    uint64_t valid_up_to = 0;
    if (reader_.starts_with_rdb()) {
      s = load_rdb(&valid_up_to);
      if (!s.is_ok()) return s;
    }
    return replay(valid_up_to);
  }

 private:
  struct Queued {
    const CommandSpec* spec;
    std::vector<std::string> argv;
  };

  Status load_rdb(uint64_t* end) {
    std::string_view data;
    Status s = reader_.read_all(&data);
    if (!s.is_ok()) return unreadable(s);
    rdb::LoadParams p;
    p.verify_checksum = params_.verify_checksum;
    p.skip_expired = false;  // RDBFLAGS_AOF_PREAMBLE: the AOF decides what expires
    if (params_.progress) {
      p.progress = [this](uint64_t done, uint64_t) { params_.progress(done_before_ + done, total_); };
    }
    rdb::LoadInfo ri;
    ks_.begin_command();
    s = rdb::load_image(data, ks_, p, &ri);
    if (!s.is_ok()) {
      const bool old_style = name_ == prefix_;
      return Status::corruption(
          std::string(old_style ? "Error reading the RDB preamble of the AOF file "
                                : "Error reading the RDB base file ") +
          name_ + ", AOF loading aborted: " + s.message());
    }
    info_->base_keys += ri.keys_loaded;
    *end = ri.end_offset;
    reader_.skip_to(ri.end_offset);
    return Status::ok();
  }

  Status unreadable(const Status& s) {
    return Status::io_error("Unrecoverable error reading the append only file " + name_ + ": " +
                            s.message());
  }

  Status replay(uint64_t valid_up_to) {
    Session session;
    session.client_id = -1;  // Redis's CLIENT_ID_AOF (UINT64_MAX)
    bool in_multi = false;
    std::vector<Queued> queue;
    std::vector<std::string> argv;
    uint64_t next_progress = kProgressEvery;
    for (;;) {
      if (params_.progress && reader_.end_offset() >= next_progress) {
        params_.progress(done_before_ + reader_.end_offset(), total_);
        next_progress = reader_.end_offset() + kProgressEvery;
      }
      const AofReader::Next n = reader_.next(&argv);
      if (n == AofReader::Next::kEnd) break;
      // valid_up_to only moves outside a block, so it is before an open MULTI.
      if (n == AofReader::Next::kTruncated) return cut(valid_up_to);
      if (n == AofReader::Next::kIoError) return unreadable(reader_.io_status());
      if (n == AofReader::Next::kBadFormat) {
        return Status::corruption("Bad file format reading the append only file " + name_ +
                                  " at offset " + std::to_string(reader_.error_offset()) + ": " +
                                  reader_.error());
      }
      if (eq_ci(argv[0], "multi") && !in_multi) {
        in_multi = true;
        queue.clear();
        continue;
      }
      if (eq_ci(argv[0], "exec")) {
        if (!in_multi) {
          note_error("ERR EXEC without MULTI");
        } else {
          for (Queued& q : queue) execute(session, *q.spec, q.argv);
          queue.clear();
          in_multi = false;
        }
        valid_up_to = reader_.end_offset();
        continue;
      }
      if (eq_ci(argv[0], "multi")) {  // inside a MULTI: Redis's MULTI then refuses to nest
        note_error("ERR MULTI calls can not be nested");
        continue;
      }
      const CommandSpec* spec = nullptr;
      Status s = resolve(argv, &spec);
      if (!s.is_ok()) return s;
      if (in_multi) {
        queue.push_back(Queued{spec, std::move(argv)});
        argv = {};
      } else {
        execute(session, *spec, argv);
        valid_up_to = reader_.end_offset();
      }
    }
    // Clean end of file inside MULTI: the block never completed, as if cut before MULTI.
    if (in_multi) return cut(valid_up_to);
    if (params_.progress) params_.progress(done_before_ + reader_.size(), total_);
    return Status::ok();
  }

  Status resolve(const std::vector<std::string>& argv, const CommandSpec** spec) {
    const CommandTable& table = CommandTable::instance();
    std::vector<std::string_view> views(argv.begin(), argv.end());
    Reply error;
    const CommandSpec* rejected = nullptr;
    *spec = table.resolve(Args(views), &error, &rejected);
    if (*spec != nullptr) return Status::ok();
    const std::string where = " reading the append only file " + name_ + " at offset " +
                              std::to_string(reader_.offset());
    if (rejected == nullptr) {
      // An unknown command, or an unknown subcommand (which Redis's lookup also misses).
      return Status::corruption("Unknown command '" + argv[0] + "'" + where);
    }
    return Status::corruption("Bad file format" + where + ": " + error.str());
  }

  void execute(Session& session, const CommandSpec& spec, const std::vector<std::string>& argv) {
    std::vector<std::string_view> views(argv.begin(), argv.end());
    ks_.begin_command();
    CommandContext ctx{ks_, session};
    const Reply reply = call_command(ctx, spec, Args(views));
    ++info_->commands;
    if (reply.is_error()) note_error(reply.str());
  }

  void note_error(std::string_view text) {
    if (info_->errors++ == 0) info_->first_error = text;
  }

  // The file ends inside a command or a MULTI block; `valid_up_to` is the end of the last
  // whole command outside a block.
  Status cut(uint64_t valid_up_to) {
    const std::string where = "Unexpected end of file reading the append only file " + name_ +
                              " at offset " + std::to_string(reader_.offset());
    if (!last_) return Status::corruption(where + ": the truncated file is not the last file");
    if (!params_.load_truncated) {
      return Status::corruption(where +
                                ". Use redis-check-aof --fix (or kevy-check aof --fix), or set "
                                "aof-load-truncated yes");
    }
    if (::truncate(path_.c_str(), static_cast<off_t>(valid_up_to)) != 0) {
      return Status::io_error(errno_text("Error truncating the AOF file", name_, errno));
    }
    info_->truncated = true;
    info_->truncated_file = name_;
    info_->truncated_to = valid_up_to;
    if (params_.progress) params_.progress(done_before_ + reader_.size(), total_);
    return Status::ok();
  }

  Keyspace& ks_;
  std::string path_;
  std::string name_;
  std::string_view prefix_;
  bool last_;
  const LoadParams& params_;
  LoadInfo* info_;
  uint64_t done_before_;
  uint64_t total_;
  AofReader reader_;
};

bool path_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

bool dir_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

Status load(Keyspace& ks, const std::string& dir, std::string_view prefix,
            const LoadParams& params, LoadInfo* info) {
  LoadInfo local;
  if (info == nullptr) info = &local;
  *info = LoadInfo{};
  Result<Manifest> m = read_manifest_file(dir, prefix);
  if (!m.ok()) return m.status();
  info->manifest = *m;

  std::vector<const ManifestFile*> files;
  if (m->base) files.push_back(&*m->base);
  for (const ManifestFile& f : m->incrs) files.push_back(&f);
  if (files.empty()) return Status::ok();

  // Sizes first (loading_total_bytes); a listed file that is missing is fatal.
  std::vector<uint64_t> sizes;
  uint64_t total = 0;
  for (const ManifestFile* f : files) {
    struct stat st {};
    if (::stat((dir + "/" + f->name).c_str(), &st) != 0) {
      return Status::io_error("Unable to obtain the AOF file " + f->name +
                              " length. stat: " + std::strerror(errno));
    }
    sizes.push_back(static_cast<uint64_t>(st.st_size));
    total += sizes.back();
  }
  if (total == 0) return Status::ok();

  LoadingScope scope(ks);
  uint64_t done = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    FileLoader loader(ks, dir, *files[i], prefix, i + 1 == files.size(), params, info, done,
                      total);
    Status s = loader.run();
    if (!s.is_ok()) return s;
    done += sizes[i];
  }
  if (params.progress) params.progress(total, total);
  return Status::ok();
}

Status upgrade_old_style(const std::string& config_dir, const std::string& aof_dir,
                         std::string_view prefix, bool* upgraded) {
  *upgraded = false;
  const std::string old_path = config_dir + "/" + std::string(prefix);
  if (!path_exists(old_path)) return Status::ok();
  Manifest m;
  const bool have_dir = dir_exists(aof_dir);
  if (have_dir) {
    Result<Manifest> r = read_manifest_file(aof_dir, prefix);
    if (r.ok()) {
      m = std::move(*r);
    } else if (r.status().code() != Status::Code::kNotFound) {
      return r.status();
    }
  }
  const bool nothing = !m.base && m.incrs.empty();
  const bool half_done = m.base && m.incrs.empty() && m.base->name == prefix &&
                         !path_exists(aof_dir + "/" + std::string(prefix));
  if (have_dir && !nothing && !half_done) return Status::ok();

  if (!have_dir && ::mkdir(aof_dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return Status::io_error(errno_text("Can't open or create append-only dir", aof_dir, errno));
  }
  m.base = ManifestFile{std::string(prefix), 1, FileKind::kBase};
  m.base_seq = 1;
  Status s = write_manifest_file(aof_dir, prefix, m);
  if (!s.is_ok()) return s;
  if (::rename(old_path.c_str(), (aof_dir + "/" + std::string(prefix)).c_str()) != 0) {
    return Status::io_error("Error trying to move the old AOF file " + std::string(prefix) +
                            " into dir " + aof_dir + ": " + std::strerror(errno));
  }
  *upgraded = true;
  return Status::ok();
}

}  // namespace kevy::aof
