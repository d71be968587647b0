// The manifest of a Redis 7.0 multi-part AOF (`appendonlydir/appendonly.aof.manifest`): which
// base, incremental and history files make up the AOF, and their sequence numbers. Parsed and
// written as redis-server 7.0.15 does, so either side can take over the other's directory.
//
// One line per file: `file <name> seq <n> type <b|h|i>` (names with spaces or special bytes are
// quoted as Redis quotes them). At most one base; increments are replayed in seq order after it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kevy/status.h"

namespace kevy::aof {

enum class FileKind : char { kBase = 'b', kHistory = 'h', kIncr = 'i' };

struct ManifestFile {
  std::string name;
  int64_t seq = 0;
  FileKind kind = FileKind::kIncr;
};

struct Manifest {
  std::optional<ManifestFile> base;
  std::vector<ManifestFile> incrs;    // in the order they are replayed (ascending seq)
  std::vector<ManifestFile> history;  // retired files, deleted once the manifest is persisted
  // The highest base / incr seq ever used, so new files get fresh numbers.
  int64_t base_seq = 0;
  int64_t incr_seq = 0;
};

// Parses a manifest's text with redis-server 7.0.15's rules; a malformed one gives
// Status::corruption with Redis's message (e.g. "Invalid AOF manifest file format").
Result<Manifest> parse_manifest(std::string_view text);
// The text redis-server 7.0.15 writes for m (base, then history, then increments).
std::string format_manifest(const Manifest& m);

// File names for appendfilename `prefix` (default "appendonly.aof"):
//   <prefix>.<seq>.base.rdb | <prefix>.<seq>.base.aof | <prefix>.<seq>.incr.aof | <prefix>.manifest
std::string base_file_name(std::string_view prefix, int64_t seq, bool rdb_preamble);
std::string incr_file_name(std::string_view prefix, int64_t seq);
std::string manifest_file_name(std::string_view prefix);
// "temp-<prefix>.manifest": where write_manifest_file writes before renaming.
std::string temp_manifest_file_name(std::string_view prefix);

// Reads and parses <dir>/<prefix>.manifest. not_found when it does not exist, io_error when it
// can't be read, else parse_manifest's result.
Result<Manifest> read_manifest_file(const std::string& dir, std::string_view prefix);
// Persists m as <dir>/<prefix>.manifest the way Redis does (persistAofManifest): write
// temp-<prefix>.manifest, fsync it, rename it over the manifest, fsync the directory. io_error
// with Redis's wording and errno's text on failure (the old manifest is then untouched).
Status write_manifest_file(const std::string& dir, std::string_view prefix, const Manifest& m);

}  // namespace kevy::aof
