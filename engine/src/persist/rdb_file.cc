// Whole RDB files: serialize / write crash-safely / load into staging and swap (rdb_file.h).
#include "persist/rdb_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "persist/crc64.h"
#include "persist/rdb_format.h"
#include "persist/rdb_value.h"

namespace kevy::rdb {

namespace {

constexpr uint32_t kLruClockMax = (1u << 24) - 1;
constexpr std::string_view kRedisVer = "7.0.15";

bool lru_policy(EvictionPolicy p) {
  return p == EvictionPolicy::kAllKeysLru || p == EvictionPolicy::kVolatileLru;
}
bool lfu_policy(EvictionPolicy p) {
  return p == EvictionPolicy::kAllKeysLfu || p == EvictionPolicy::kVolatileLfu;
}

void aux_string(RdbWriter& w, std::string_view key, std::string_view value) {
  w.byte(kOpAux);
  w.string(key);
  w.string(value);
}
// rdbSaveAuxFieldStrInt: the value as an integer-encoded string object.
void aux_int(RdbWriter& w, std::string_view key, int64_t value) {
  w.byte(kOpAux);
  w.string(key);
  w.integer_string(value);
}

std::string errno_text(const char* op, const std::string& path) {
  return std::string(op) + " '" + path + "': " + std::strerror(errno);
}

std::string dir_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// A temporary file beside `path` that is removed unless commit() renamed it over path.
class TempFile {
 public:
  explicit TempFile(const std::string& path) : path_(path) {
    static std::atomic<uint64_t> counter{0};
    const std::string dir = dir_of(path);
    tmp_ = (dir == "." && path.find('/') == std::string::npos ? std::string() : dir + "/") +
           "temp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".rdb";
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && opened_) ::unlink(tmp_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  Status open() {
    fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) return Status::io_error(errno_text("can't open temp file", tmp_));
    opened_ = true;
    return Status::ok();
  }
  Status write(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return Status::io_error(errno_text("write error on", tmp_));
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return Status::ok();
  }
  // fsync, close, rename over path, fsync the directory (so the rename is durable too).
  Status commit() {
    if (::fsync(fd_) != 0) return Status::io_error(errno_text("fsync error on", tmp_));
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return Status::io_error(errno_text("close error on", tmp_));
    if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
      return Status::io_error("can't rename '" + tmp_ + "' to '" + path_ +
                              "': " + std::strerror(errno));
    }
    committed_ = true;
    const std::string dir = dir_of(path_);
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return Status::io_error(errno_text("can't open directory", dir));
    const int rc = ::fsync(dfd);
    ::close(dfd);
    if (rc != 0) return Status::io_error(errno_text("fsync error on directory", dir));
    return Status::ok();
  }

 private:
  std::string path_;
  std::string tmp_;
  int fd_ = -1;
  bool opened_ = false;
  bool committed_ = false;
};

}  // namespace

std::string_view type_name(uint8_t type) {
  static constexpr std::string_view kNames[] = {
      "string",       "list-linked",  "set-hashtable", "zset-v1",      "hash-hashtable",
      "zset-v2",      "module-pre-release", "module-value", "",        "hash-zipmap",
      "list-ziplist", "set-intset",   "zset-ziplist",  "hash-ziplist", "quicklist",
      "stream",       "hash-listpack", "zset-listpack", "quicklist-v2", "stream-v2"};
  return type < std::size(kNames) ? kNames[type] : std::string_view("unknown");
}

Status serialize(Keyspace& ks, const SaveParams& params, std::string* out, const Drain& drain) {
  RdbWriter w(out, params.compress);
  uint64_t crc = 0;
  Status failed;
  // Hands the buffered bytes to drain (CRC first, as they leave).
  auto flush = [&]() {
    if (!drain || !failed.is_ok() || out->empty()) return;
    if (params.checksum) crc = crc64(crc, out->data(), out->size());
    failed = drain(*out);
    out->clear();
  };
  const size_t start = out->size();

  w.raw("REDIS0010");
  aux_string(w, "redis-ver", kRedisVer);
  aux_int(w, "redis-bits", static_cast<int64_t>(sizeof(void*) * 8));
  aux_int(w, "ctime", ks.now_ms() / 1000);
  aux_int(w, "used-mem", static_cast<int64_t>(params.used_mem));
  aux_int(w, "aof-base", params.aof_base ? 1 : 0);

  const EvictionPolicy policy = ks.options().eviction_policy;
  const bool lru = lru_policy(policy);
  const bool lfu = lfu_policy(policy);
  for (int i = 0; i < ks.num_dbs() && failed.is_ok(); ++i) {
    Db& d = ks.db(i);
    if (d.main.empty()) continue;
    w.byte(kOpSelectDb);
    w.length(static_cast<uint64_t>(i));
    w.byte(kOpResizeDb);
    w.length(d.main.size());
    w.length(d.expires.size());
    d.main.for_each([&](Entry* e) {
      if (!failed.is_ok()) return;
      if (e->has_expire()) {
        w.byte(kOpExpireTimeMs);
        w.millis(ks.get_expire(i, e));
      }
      if (lru) {
        w.byte(kOpIdle);
        w.length(ks.idle_ms(e) / 1000);
      } else if (lfu) {
        w.byte(kOpFreq);
        w.byte(ks.lfu_counter(e));
      }
      w.byte(value_type(*e));
      w.string(e->key());
      write_value(w, *e, list_layout(ks.options()));
      if (out->size() >= kDrainBytes) flush();
    });
  }
  if (!failed.is_ok()) return failed;
  w.byte(kOpEof);
  if (params.checksum) {
    const size_t from = drain ? 0 : start;
    crc = crc64(crc, out->data() + from, out->size() - from);
  }
  w.le64(params.checksum ? crc : 0);
  flush();
  return failed;
}

Status write_file_atomic(const std::string& path, std::string_view bytes) {
  TempFile tmp(path);
  Status s = tmp.open();
  if (s.is_ok()) s = tmp.write(bytes);
  if (s.is_ok()) s = tmp.commit();
  return s;
}

Status save_file(Keyspace& ks, const SaveParams& params, const std::string& path) {
  TempFile tmp(path);
  Status s = tmp.open();
  if (!s.is_ok()) return s;
  std::string buf;
  buf.reserve(kDrainBytes + (64 << 10));
  s = serialize(ks, params, &buf, [&](std::string& bytes) { return tmp.write(bytes); });
  if (!s.is_ok()) return s;
  return tmp.commit();
}

Status read_file(const std::string& path, std::string* out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::not_found(errno_text("can't open", path));
    return Status::io_error(errno_text("can't open", path));
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) out->reserve(static_cast<size_t>(st.st_size));
  out->clear();
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof(chunk));
    if (n < 0) {
      if (errno == EINTR) continue;
      Status s = Status::io_error(errno_text("read error on", path));
      ::close(fd);
      return s;
    }
    if (n == 0) break;
    out->append(chunk, static_cast<size_t>(n));
  }
  ::close(fd);
  return Status::ok();
}

Status load_image(std::string_view data, Keyspace& staging, const LoadParams& params,
                  LoadInfo* info) {
  LoadInfo local;
  if (info == nullptr) info = &local;
  RdbReader r(data);
  LoadObserver* obs = params.observer;
  auto failed = [&]() {
    info->error_offset = r.offset();
    return r.status();
  };

  std::string_view magic;
  if (!r.bytes(9, &magic, "RDB header")) return failed();
  if (magic.substr(0, 5) != "REDIS") {
    r.fail("RDB header", "wrong signature (not an RDB file)");
    info->error_offset = 0;
    return r.status();
  }
  int version = 0;
  for (char c : magic.substr(5)) {
    if (c < '0' || c > '9') {
      r.fail("RDB header", "bad version digits");
      info->error_offset = 5;
      return r.status();
    }
    version = version * 10 + (c - '0');
  }
  info->version = version;
  if (version < 1 || version > kVersion) {
    r.fail("RDB header", "can't handle RDB format version " + std::to_string(version) +
                             " (this build reads 1.." + std::to_string(kVersion) + ")");
    info->error_offset = 5;
    return r.status();
  }

  const Options& limits = staging.options();
  const bool lfu = lfu_policy(limits.eviction_policy);
  const bool lru = lru_policy(limits.eviction_policy);
  const int64_t now_ms = staging.now_ms();
  const uint32_t lru_clock = staging.lru_clock();
  const uint32_t lfu_minutes = staging.lfu_minutes();
  uint64_t db = 0;
  int64_t expire_ms = -1;
  int64_t lru_idle = -1;
  int lfu_freq = -1;
  size_t next_progress = kDrainBytes;
  std::string key;
  for (;;) {
    if (params.progress && r.offset() >= next_progress) {
      params.progress(r.offset(), data.size());
      next_progress = r.offset() + kDrainBytes;
    }
    const size_t item_offset = r.offset();
    uint8_t type = 0;
    if (!r.byte(&type, "opcode")) return failed();
    switch (type) {
      case kOpExpireTime: {
        int64_t s = 0;
        if (!r.seconds32(&s, "EXPIRETIME")) return failed();
        expire_ms = s * 1000;
        continue;
      }
      case kOpExpireTimeMs:
        if (!r.millis(&expire_ms, "EXPIRETIME_MS")) return failed();
        continue;
      case kOpFreq: {
        uint8_t f = 0;
        if (!r.byte(&f, "FREQ")) return failed();
        lfu_freq = f;
        continue;
      }
      case kOpIdle: {
        uint64_t idle = 0;
        if (!r.length(&idle, "IDLE")) return failed();
        lru_idle = static_cast<int64_t>(idle & 0x7fffffffffffffffULL);
        continue;
      }
      case kOpSelectDb:
        if (!r.length(&db, "SELECTDB")) return failed();
        if (!params.discard && db >= static_cast<uint64_t>(staging.num_dbs())) {
          r.fail("SELECTDB", "db " + std::to_string(db) + " is out of range (the store has " +
                                 std::to_string(staging.num_dbs()) + " databases)");
          return failed();
        }
        if (obs) obs->on_select_db(db, item_offset);
        continue;
      case kOpResizeDb: {
        uint64_t keys = 0, expires = 0;
        if (!r.length(&keys, "RESIZEDB") || !r.length(&expires, "RESIZEDB")) return failed();
        if (obs) obs->on_resize_db(keys, expires, item_offset);
        // Sized once for the keys to come instead of growing step by step. The counts come
        // from the file, so they are capped by what its remaining bytes could hold (a key
        // takes at least 3 bytes: type, key length, value).
        if (!params.discard) {
          const uint64_t most = r.remaining() / 3;
          Db& d = staging.db(static_cast<int>(db));
          d.main.reserve(static_cast<size_t>(std::min(keys, most)));
          d.expires.reserve(static_cast<size_t>(std::min(expires, most)));
        }
        continue;
      }
      case kOpAux: {
        std::string k, v;
        if (!r.string(&k, "AUX key") || !r.string(&v, "AUX value")) return failed();
        if (obs) obs->on_aux(k, v, item_offset);
        info->aux.emplace_back(std::move(k), std::move(v));
        continue;
      }
      case kOpModuleAux:
        r.fail("MODULE_AUX", "module data can't be loaded (kevy has no modules)");
        return failed();
      case kOpFunction:
        r.fail("FUNCTION", "pre-release function format not supported");
        return failed();
      case kOpFunction2: {
        std::string code;
        if (!r.string(&code, "FUNCTION2 library")) return failed();
        ++info->functions_skipped;
        if (obs) obs->on_function(item_offset);
        continue;
      }
      case kOpEof:
        break;
      default:
        if (!is_loadable_type(type)) {
          r.fail("value type", type == kTypeModule || type == kTypeModule2
                                   ? std::string("module values can't be loaded (no modules)")
                                   : "unknown RDB value type " + std::to_string(type));
          return failed();
        }
        break;
    }
    if (type == kOpEof) break;

    // A key: its name, then its value.
    if (!r.string(&key, "key")) return failed();
    if (obs) obs->on_key_start(key, type);
    Entry* e = read_value(r, type, key, limits);
    if (e == nullptr && is_empty_value_error(r.status())) {
      // Redis 7.0 skips an empty collection in a file (RESTORE refuses it).
      r.clear_error();
      ++info->empty_keys_skipped;
      expire_ms = -1;
      lfu_freq = -1;
      lru_idle = -1;
      continue;
    }
    if (e == nullptr) {
      if (r.ok()) r.fail("value", "unreadable value of key '" + key + "'");
      return failed();
    }
    const bool expired = params.skip_expired && expire_ms != -1 && expire_ms < now_ms;
    if (expire_ms != -1) ++info->expires;
    if (obs) obs->on_key(db, type, key, expire_ms, expired, item_offset);
    const int dbi = static_cast<int>(db);
    if (expired || params.discard) {
      Entry::destroy(e);
      if (expired) ++info->keys_expired;
    } else if (staging.db(dbi).main.find(key) != nullptr) {
      Entry::destroy(e);
      r.fail("key", "duplicate key '" + key + "' in db " + std::to_string(db));
      info->error_offset = item_offset;
      return r.status();
    } else {
      staging.add(dbi, e);
      if (expire_ms != -1) staging.set_expire(dbi, e, expire_ms);
      // objectSetLRUOrLFU: restore the file's access data under the matching policy.
      if (lfu && lfu_freq >= 0) {
        e->set_lru((lfu_minutes << 8) | static_cast<uint32_t>(lfu_freq));
      } else if (lru && lru_idle >= 0) {
        int64_t abs = static_cast<int64_t>(lru_clock) - lru_idle;
        if (abs < 0) abs = (lru_clock + kLruClockMax / 2) % kLruClockMax;
        e->set_lru(static_cast<uint32_t>(abs));
      }
      ++info->keys_loaded;
    }
    expire_ms = -1;
    lru_idle = -1;
    lfu_freq = -1;
  }

  // The checksum (files from version 5 on) covers every byte before it.
  if (version >= 5) {
    const size_t covered = r.offset();
    uint64_t stored = 0;
    if (!r.le64(&stored, "checksum")) return failed();
    const uint64_t computed = crc64(0, data.data(), covered);
    if (obs) obs->on_checksum(stored, computed, covered);
    if (params.verify_checksum && stored != 0 && stored != computed) {
      char buf[96];
      std::snprintf(buf, sizeof(buf), "expected %016llx, computed %016llx",
                    static_cast<unsigned long long>(stored),
                    static_cast<unsigned long long>(computed));
      info->error_offset = covered;
      return Status::corruption("RDB checksum mismatch at offset " + std::to_string(covered) +
                                ": " + buf);
    }
  }
  info->end_offset = r.offset();
  if (params.progress) params.progress(data.size(), data.size());
  return Status::ok();
}

namespace {

// Moves every key of staging into ks (kAdd / kOverwrite), keeping each key's TTL and access
// stamp. For kAdd, conflicts were ruled out by the caller.
void merge_into(Keyspace& staging, Keyspace& ks, LoadMode mode) {
  // Loaded keys are not new keys to anyone (no `new` event, no ready list), as in Redis's
  // dbAddRDBLoad: ks counts as loading while they move in.
  const bool was_loading = ks.loading();
  ks.set_loading(true);
  struct Moved {
    Entry* e;
    int64_t when;
  };
  for (int i = 0; i < staging.num_dbs(); ++i) {
    Db& d = staging.db(i);
    std::vector<Moved> moved;
    moved.reserve(d.main.size());
    d.main.for_each([&](Entry* e) { moved.push_back({e, staging.get_expire(i, e)}); });
    d.main.clear([](Entry*) {});
    d.expires.clear([](Entry* x) { Entry::destroy(x); });
    for (const Moved& m : moved) {
      const uint32_t stamp = m.e->lru();
      m.e->set_has_expire(false);
      if (mode == LoadMode::kOverwrite) {
        ks.overwrite(i, m.e, false);
      } else {
        ks.add(i, m.e);
      }
      m.e->set_lru(stamp);
      if (m.when != -1) ks.set_expire(i, m.e, m.when);
    }
  }
  ks.set_loading(was_loading);
}

}  // namespace

Status load_bytes(std::string_view data, Keyspace& ks, LoadMode mode, const LoadParams& params,
                  LoadInfo* info) {
  Keyspace staging(ks.options());
  staging.set_loading(true);
  LoadParams p = params;
  p.discard = false;
  Status s = load_image(data, staging, p, info);
  if (!s.is_ok()) return s;
  if (mode == LoadMode::kReplace) {
    // The byte counts travel with the dbs; neither keyspace may keep pointers to changed
    // collections across the swap.
    staging.settle_memory();
    ks.settle_memory();
    for (int i = 0; i < ks.num_dbs(); ++i) std::swap(ks.db(i), staging.db(i));
    return Status::ok();
  }
  if (mode == LoadMode::kAdd) {
    for (int i = 0; i < staging.num_dbs(); ++i) {
      std::string dup;
      staging.db(i).main.for_each([&](Entry* e) {
        if (dup.empty() && ks.db(i).main.find(e->key()) != nullptr) dup = e->key();
      });
      if (!dup.empty()) {
        return Status::corruption("duplicate key '" + dup + "' in db " + std::to_string(i) +
                                  ": already in the store");
      }
    }
  }
  merge_into(staging, ks, mode);
  return Status::ok();
}

Status load_file(const std::string& path, Keyspace& ks, LoadMode mode, const LoadParams& params,
                 LoadInfo* info) {
  std::string data;
  Status s = read_file(path, &data);
  if (!s.is_ok()) return s;
  return load_bytes(data, ks, mode, params, info);
}

}  // namespace kevy::rdb
