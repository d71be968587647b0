// Whole RDB files (version 10, as redis-server 7.0.15 writes them): serializing every db of a
// Keyspace, writing the bytes crash-safely, and loading a file into a staging keyspace that is
// swapped in only when the whole file was read and verified.
//
// File layout written: "REDIS0010", AUX redis-ver / redis-bits / ctime / used-mem / aof-base
// (the fields and order of a 7.0.15 master without replication state), then for each non-empty
// db SELECTDB, RESIZEDB (keys, keys with a TTL) and its keys — [EXPIRETIME_MS] [IDLE under an
// LRU maxmemory-policy | FREQ under an LFU one] type key value — then EOF and the CRC64 of
// everything before it (0 when rdbchecksum is off).
//
// Loading accepts versions 1..10 and every opcode 7.0.15 knows. Choices where Redis has options:
// AUX fields are reported to the observer and otherwise ignored (as Redis ignores unknown ones);
// FUNCTION2 (a function library) is skipped — kevy has no functions — and counted in
// LoadInfo::functions_skipped; MODULE_AUX and module value types are refused (no modules);
// the pre-7.0 FUNCTION opcode is refused as 7.0 refuses it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/keyspace.h"
#include "kevy/status.h"

namespace kevy::rdb {

// What a save writes besides the keys.
struct SaveParams {
  bool compress = true;   // rdbcompression: LZF for strings over 20 bytes
  bool checksum = true;   // rdbchecksum: CRC64 after EOF (else 8 zero bytes)
  uint64_t used_mem = 0;  // AUX used-mem
  bool aof_base = false;  // AUX aof-base: 1 when the file is an AOF base (preamble)
};

// Serializes every non-empty db of ks into *out (appending). ks.now_ms() is the ctime and the
// instant IDLE/FREQ are measured at; keys whose TTL passed are written too (the loader drops
// them), as Redis does. When `drain` is given it is called whenever *out holds more than
// kDrainBytes (and once at the end): it consumes the bytes and clears *out; its first error
// stops the save and is returned. REQUIRES: the store lock (ks is read throughout).
constexpr size_t kDrainBytes = 1 << 20;
using Drain = std::function<Status(std::string&)>;
Status serialize(Keyspace& ks, const SaveParams& params, std::string* out,
                 const Drain& drain = nullptr);

// Writes bytes to path crash-safely, as rdbSave does: into "temp-<pid>-<n>.rdb" in path's
// directory, fsync, rename over path, fsync the directory. On error the temporary file is
// removed and path is untouched; the Status names the operation and errno's text.
Status write_file_atomic(const std::string& path, std::string_view bytes);

// serialize() streamed straight into a temporary file (no whole-file buffer), then renamed over
// path as write_file_atomic does. REQUIRES: the store lock.
Status save_file(Keyspace& ks, const SaveParams& params, const std::string& path);

// Structure events of a load (kevy-check prints them). Offsets are file byte offsets where
// the item starts.
class LoadObserver {
 public:
  virtual ~LoadObserver() = default;
  virtual void on_aux(std::string_view /*key*/, std::string_view /*value*/, size_t /*offset*/) {}
  virtual void on_select_db(uint64_t /*db*/, size_t /*offset*/) {}
  virtual void on_resize_db(uint64_t /*keys*/, uint64_t /*expires*/, size_t /*offset*/) {}
  virtual void on_function(size_t /*offset*/) {}
  // After the value was read; expire_ms is -1 without a TTL; `expired` when it was skipped
  // because its time had passed.
  virtual void on_key(uint64_t /*db*/, uint8_t /*type*/, std::string_view /*key*/,
                      int64_t /*expire_ms*/, bool /*expired*/, size_t /*offset*/) {}
  // What the key being read is (for error context); called before its value is read.
  virtual void on_key_start(std::string_view /*key*/, uint8_t /*type*/) {}
  virtual void on_checksum(uint64_t /*stored*/, uint64_t /*computed*/, size_t /*offset*/) {}
};

struct LoadParams {
  // rdbchecksum: verify a non-zero stored CRC64 (a zero one means "saved without checksum").
  bool verify_checksum = true;
  // Drop keys whose expire time is before ks.now_ms(), as a master does (false for an AOF
  // preamble, which keeps them for the AOF's own commands to decide).
  bool skip_expired = true;
  // Read and validate every value but keep none (kevy-check); SELECTDB is then not limited
  // by the number of dbs and duplicates are not detected.
  bool discard = false;
  // Called with (bytes read, total bytes) about every MiB and at the end.
  std::function<void(uint64_t, uint64_t)> progress;
  LoadObserver* observer = nullptr;
};

struct LoadInfo {
  int version = 0;
  std::vector<std::pair<std::string, std::string>> aux;
  uint64_t keys_loaded = 0;   // keys added (INFO rdb_last_load_keys_loaded)
  uint64_t keys_expired = 0;  // keys dropped as expired (rdb_last_load_keys_expired)
  uint64_t expires = 0;       // keys read with a TTL (expired ones included)
  uint64_t functions_skipped = 0;
  uint64_t empty_keys_skipped = 0;  // empty collections, skipped as Redis 7.0 does
  // On error: the file offset where reading stopped.
  size_t error_offset = 0;
  // On success: where the image ended (after the checksum); an old-style AOF continues with
  // commands from there.
  size_t end_offset = 0;
};

// Parses a whole RDB image into `staging`, a keyspace with no keys and the databases count
// and limits (Options) of the store it is for; keys get their TTL and, under an LRU / LFU
// policy, the IDLE / FREQ of the file. On error the Status (corruption, with the byte offset)
// is returned and staging holds part of the file: the caller discards it.
Status load_image(std::string_view data, Keyspace& staging, const LoadParams& params,
                  LoadInfo* info);

// Reads a whole file; not_found when it does not exist, io_error for other failures.
Status read_file(const std::string& path, std::string* out);

// How a loaded file meets the keys already in the store.
enum class LoadMode {
  kReplace,    // the store's keys are replaced by the file's (startup, DEBUG RELOAD)
  kAdd,        // added; a key already present is an error and nothing changes (NOFLUSH)
  kOverwrite,  // added; the file's value wins over a key already present (NOFLUSH MERGE)
};

// Loads the file at path into ks: first into a staging keyspace, then, only when the whole
// file loaded, moved into ks as `mode` says. On any error ks is unchanged.
// REQUIRES: the store lock.
Status load_file(const std::string& path, Keyspace& ks, LoadMode mode, const LoadParams& params,
                 LoadInfo* info);
// The same for bytes already in memory.
Status load_bytes(std::string_view data, Keyspace& ks, LoadMode mode, const LoadParams& params,
                  LoadInfo* info);

// The name of an RDB type byte as redis-check-rdb prints it ("string", "quicklist-v2", ...).
std::string_view type_name(uint8_t type);

}  // namespace kevy::rdb
