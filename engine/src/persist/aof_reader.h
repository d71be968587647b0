// AofReader: reads one AOF file (a base or an increment) command by command, for the loader
// (aof_load.h) and kevy-check. The file is streamed in chunks, so memory stays bounded by the
// largest command, and a length field never allocates before its bytes were read.
//
// Format, as redis-server 7.0.15 writes it: each command is `*<argc>\r\n` then argc times
// `$<len>\r\n<len bytes>\r\n`. Where the reader stops, and why:
//   kEnd        the file ended between two commands;
//   kTruncated  the file ended inside a command (a cut tail: `offset()` is where that command
//               started, the end of the last whole one);
//   kBadFormat  bytes that are not this format (error() says what, error_offset() where);
//   kIoError    read(2) failed (io_status()).
// Lines are read as Redis reads them (fgets into a 1024-byte buffer): a line starting with '#'
// between commands is an annotation (e.g. a timestamp) and is skipped; a longer line is read
// in 1023-byte pieces. Deviations from Redis, which parses with atoi/strtol and does not look
// at the two bytes after an argument: kevy requires `*<digits>\r\n` (1 <= argc <= INT_MAX),
// `$<digits>\r\n` and the "\r\n" after each argument, so such damage is reported where it is
// instead of being replayed as something else.
//
// A file that begins with "REDIS" holds an RDB image first (a base written with
// aof-use-rdb-preamble yes, or an old single-file AOF with a preamble): read_all() gives the
// whole file, and skip_to() continues with the commands after the image.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kevy/status.h"

namespace kevy::aof {

class AofReader {
 public:
  enum class Next { kCommand, kEnd, kTruncated, kBadFormat, kIoError };

  AofReader() = default;
  AofReader(const AofReader&) = delete;
  AofReader& operator=(const AofReader&) = delete;
  ~AofReader();

  // Opens path for reading. not_found when it does not exist, io_error otherwise.
  Status open(const std::string& path);
  // Reads from bytes already in memory instead of a file (tests, fuzzing). data must outlive
  // the reader's use of it.
  void open_bytes(std::string_view data);
  // The file's size when it was opened.
  uint64_t size() const { return size_; }
  // True when the file starts with "REDIS" (an RDB image).
  bool starts_with_rdb();
  // The whole file (REQUIRES: no command was read yet). The view lives as long as the reader.
  Status read_all(std::string_view* data);
  // Continues reading commands at file offset `offset` (REQUIRES: read_all() was called).
  void skip_to(uint64_t offset);

  // Reads the next command into *argv (its arguments; argv[0] is the name). On kCommand,
  // offset() is where it started and end_offset() where it ended.
  Next next(std::vector<std::string>* argv);
  uint64_t offset() const { return cmd_start_; }
  uint64_t end_offset() const { return base_ + pos_; }

  // After kBadFormat: what was wrong and the file offset of the offending bytes.
  const std::string& error() const { return error_; }
  uint64_t error_offset() const { return error_offset_; }
  // After kIoError (or a failed read_all): the read error.
  const Status& io_status() const { return io_; }

 private:
  // Makes at least n bytes after pos_ available when the file has them; false at end of file
  // (or a read error, kept in io_).
  bool ensure(size_t n);
  size_t avail() const { return buf_.size() - pos_; }
  // Reads one fgets line: *line gets its bytes (with the '\n' when there is one). Returns false
  // when no byte is left.
  bool read_line(std::string_view* line);
  Next bad(uint64_t at, std::string what);
  // Parses "<c><digits>\r\n" lines; kCommand when *value was read.
  Next number_line(char prefix, uint64_t max, uint64_t* value);

  int fd_ = -1;
  std::string path_;
  std::string owned_;          // buffered bytes of a file
  std::string_view buf_;       // the buffered bytes (owned_, or caller's memory)
  size_t pos_ = 0;             // next byte to parse, index into buf_
  uint64_t base_ = 0;          // file offset of buf_[0]
  uint64_t size_ = 0;
  bool eof_ = false;
  bool in_memory_ = false;
  uint64_t cmd_start_ = 0;
  std::string error_;
  uint64_t error_offset_ = 0;
  Status io_;
};

}  // namespace kevy::aof
