// AofReader: one AOF file, command by command (aof_reader.h).
#include "persist/aof_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

namespace kevy::aof {

namespace {

constexpr size_t kLineMax = 1023;           // fgets into Redis's 1024-byte buffer
constexpr size_t kChunk = 1 << 20;          // bytes read from the file at a time
constexpr uint64_t kMaxBulk = 1ULL << 62;   // keeps len + 2 from overflowing

std::string byte_text(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", u);
  return buf;
}

std::string errno_text(std::string_view what, const std::string& path, int err) {
  return std::string(what) + " " + path + ": " + std::strerror(err);
}

}  // namespace

AofReader::~AofReader() {
  if (fd_ >= 0) ::close(fd_);
}

Status AofReader::open(const std::string& path) {
  path_ = path;
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    const int err = errno;
    if (err == ENOENT) return Status::not_found(errno_text("can't open", path, err));
    return Status::io_error(errno_text("can't open", path, err));
  }
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return Status::io_error(errno_text("can't stat", path, errno));
  size_ = static_cast<uint64_t>(st.st_size);
  return Status::ok();
}

void AofReader::open_bytes(std::string_view data) {
  buf_ = data;
  size_ = data.size();
  in_memory_ = true;
  eof_ = true;
}

bool AofReader::ensure(size_t n) {
  while (avail() < n && !eof_) {
    // Drop what was parsed before growing the buffer.
    if (pos_ > 0 && (pos_ >= kChunk || pos_ * 2 >= owned_.size())) {
      owned_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
    }
    const size_t old = owned_.size();
    owned_.resize(old + kChunk);
    ssize_t got;
    do {
      got = ::read(fd_, owned_.data() + old, kChunk);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
      io_ = Status::io_error(errno_text("read error on", path_, errno));
      owned_.resize(old);
      eof_ = true;
    } else {
      owned_.resize(old + static_cast<size_t>(got));
      if (got == 0) eof_ = true;
    }
    buf_ = owned_;
  }
  return avail() >= n;
}

bool AofReader::starts_with_rdb() {
  ensure(5);
  return avail() >= 5 && buf_.substr(pos_, 5) == "REDIS";
}

Status AofReader::read_all(std::string_view* data) {
  while (!eof_) ensure(avail() + kChunk);
  if (!io_.is_ok()) return io_;
  *data = buf_;
  return Status::ok();
}

void AofReader::skip_to(uint64_t offset) {
  pos_ = offset - base_;
  if (pos_ > buf_.size()) pos_ = buf_.size();
}

bool AofReader::read_line(std::string_view* line) {
  ensure(kLineMax);
  if (avail() == 0) return false;
  const std::string_view window = buf_.substr(pos_, kLineMax);
  const size_t nl = window.find('\n');
  *line = nl == std::string_view::npos ? window : window.substr(0, nl + 1);
  pos_ += line->size();
  return true;
}

AofReader::Next AofReader::bad(uint64_t at, std::string what) {
  error_ = std::move(what);
  error_offset_ = at;
  return Next::kBadFormat;
}

AofReader::Next AofReader::number_line(char prefix, uint64_t max, uint64_t* value) {
  const uint64_t at = end_offset();
  std::string_view line;
  if (!read_line(&line)) return io_.is_ok() ? Next::kTruncated : Next::kIoError;
  const char* what = prefix == '*' ? "argument count" : "bulk length";
  if (line[0] != prefix) {
    return bad(at, std::string("expected '") + prefix + "', got " + byte_text(line[0]));
  }
  size_t i = 1;
  uint64_t v = 0;
  bool too_big = false;
  for (; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) {
    const unsigned d = static_cast<unsigned>(line[i] - '0');
    if (too_big || v > (max - d) / 10) {
      too_big = true;  // the line is refused below; keep scanning its digits
    } else {
      v = v * 10 + d;
    }
  }
  const bool digits = i > 1;
  const bool complete = line.back() == '\n';
  if (!complete) {
    if (!io_.is_ok()) return Next::kIoError;
    // The file ended inside this line (shorter than a full fgets buffer): a cut when what is
    // there could still become a valid line.
    const bool prefix_ok = line.size() < kLineMax && !too_big &&
                           (i == line.size() || (i + 1 == line.size() && line[i] == '\r'));
    if (prefix_ok) return Next::kTruncated;
    return bad(at, std::string("invalid ") + what + " line");
  }
  if (!digits || too_big || i + 2 != line.size() || line[i] != '\r') {
    return bad(at, std::string("invalid ") + what + " line");
  }
  *value = v;
  return Next::kCommand;
}

AofReader::Next AofReader::next(std::vector<std::string>* argv) {
  argv->clear();
  for (;;) {
    cmd_start_ = end_offset();
    if (!ensure(1)) return io_.is_ok() ? Next::kEnd : Next::kIoError;
    if (buf_[pos_] != '#') break;
    std::string_view annotation;
    read_line(&annotation);  // skipped, as Redis skips "#TS:..." lines
  }
  uint64_t argc = 0;
  Next n = number_line('*', INT_MAX, &argc);
  if (n != Next::kCommand) return n;
  if (argc == 0) return bad(cmd_start_, "invalid argument count line");
  for (uint64_t j = 0; j < argc; ++j) {
    uint64_t len = 0;
    n = number_line('$', kMaxBulk, &len);
    if (n != Next::kCommand) return n;
    if (!ensure(static_cast<size_t>(len) + 2)) {
      return io_.is_ok() ? Next::kTruncated : Next::kIoError;
    }
    if (buf_[pos_ + len] != '\r' || buf_[pos_ + len + 1] != '\n') {
      return bad(end_offset() + len, "expected \\r\\n after the argument, got " +
                                         byte_text(buf_[pos_ + len]) + " " +
                                         byte_text(buf_[pos_ + len + 1]));
    }
    argv->emplace_back(buf_.substr(pos_, len));
    pos_ += len + 2;
  }
  return Next::kCommand;
}

}  // namespace kevy::aof
