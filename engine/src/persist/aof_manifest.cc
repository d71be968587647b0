// The multi-part AOF manifest: parsing and formatting with redis-server 7.0.15's rules
// (aof_manifest.h). Facts confirmed against the running 7.0.15 by feeding it manifests:
//   - the file is read in fgets chunks of at most 1024 bytes: a longer line is "too long", and
//     the rest of an over-long comment is read as the next line;
//   - a chunk starting with '#' is a comment (it still counts as a line: a manifest holding only
//     comments is not "empty", it names no files);
//   - a line without '\n' (the last one included) is "too long"; a NUL byte ends the line;
//   - the line is trimmed of " \t\r\n", split as sdssplitargs does (quotes, \xHH), and must
//     hold an even number (>= 6) of words: key/value pairs with case-insensitive keys file,
//     seq, type — unknown keys are ignored, a repeated key's last value wins;
//   - seq is read with atoll (so "12abc" is 12, "abc" is 0), type is the value's first byte;
//     a missing name, a zero seq or an empty type is "Invalid AOF manifest file format";
//   - a name holding '/' or '\' is refused; an empty name ("") is accepted;
//   - increments must have strictly increasing seq; history lines are not checked.
#include "persist/aof_manifest.h"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstring>

#include "core/ascii.h"
#include "core/config_values.h"
#include "resp/split_args.h"

namespace kevy::aof {

namespace {

constexpr size_t kMaxLineChunk = 1024;  // MANIFEST_MAX_LINE: fgets reads at most this many bytes

// C's atoll as glibc implements it: leading blanks, an optional sign, digits; clamped to the
// long long range; 0 when there are no digits.
int64_t c_atoll(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  constexpr uint64_t kLimit = static_cast<uint64_t>(LLONG_MAX) + 1;  // saturates here
  uint64_t v = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    v = v > kLimit / 10 ? kLimit : v * 10 + static_cast<unsigned>(s[i] - '0');
    if (v > kLimit) v = kLimit;
  }
  if (neg) return v == kLimit ? LLONG_MIN : -static_cast<int64_t>(v);
  return v >= kLimit ? LLONG_MAX : static_cast<int64_t>(v);
}

std::string_view trim(std::string_view s, std::string_view chars) {
  const size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(chars);
  return s.substr(b, e - b + 1);
}

// sdsneedsrepr: bytes that sdscatrepr escapes, and blanks (which would split the word).
bool needs_repr(std::string_view s) {
  for (unsigned char c : s) {
    if (c == '\\' || c == '"' || c == '\n' || c == '\r' || c == '\t' || c == '\a' ||
        c == '\b' || !std::isprint(c) || std::isspace(c)) {
      return true;
    }
  }
  return false;
}

Status manifest_error(std::string_view err, int linenum, const std::string* line) {
  std::string msg(err);
  if (line != nullptr) {
    msg += " (reading the manifest file, at line " + std::to_string(linenum) + ": '" + *line +
           "')";
  }
  return Status::corruption(msg);
}

std::string errno_text(std::string_view what, std::string_view name, int err) {
  return std::string(what) + " " + std::string(name) + ": " + std::strerror(err);
}

}  // namespace

Result<Manifest> parse_manifest(std::string_view text) {
  Manifest m;
  int64_t maxseq = 0;
  int linenum = 0;
  size_t pos = 0;
  for (;;) {
    if (pos >= text.size()) {
      if (linenum == 0) return manifest_error("Found an empty AOF manifest", 0, nullptr);
      break;
    }
    // One fgets: through the first '\n', at most kMaxLineChunk bytes.
    const std::string_view window = text.substr(pos, kMaxLineChunk);
    const size_t nl = window.find('\n');
    const std::string_view chunk = nl == std::string_view::npos ? window : window.substr(0, nl + 1);
    pos += chunk.size();
    ++linenum;

    if (chunk[0] == '#') continue;  // a comment
    // The rest of the loader sees a C string.
    std::string_view cstr = chunk.substr(0, chunk.find('\0'));
    if (cstr.find('\n') == std::string_view::npos) {
      return manifest_error("The AOF manifest file contains too long line", linenum, nullptr);
    }
    const std::string line(trim(cstr, " \t\r\n"));
    if (line.empty()) return manifest_error("Invalid AOF manifest file format", linenum, &line);

    std::optional<std::vector<std::string>> words = split_args(line);
    if (!words || words->size() < 6 || words->size() % 2 != 0) {
      return manifest_error("Invalid AOF manifest file format", linenum, &line);
    }
    ManifestFile f;
    bool has_name = false;
    char type = 0;
    for (size_t i = 0; i < words->size(); i += 2) {
      const std::string& key = (*words)[i];
      const std::string& value = (*words)[i + 1];
      if (eq_ci(key, "file")) {
        f.name = value.substr(0, value.find('\0'));  // sdsnew: a C string
        has_name = true;
        if (f.name.find_first_of("/\\") != std::string::npos) {
          return manifest_error("File can't be a path, just a filename", linenum, &line);
        }
      } else if (eq_ci(key, "seq")) {
        f.seq = c_atoll(value);
      } else if (eq_ci(key, "type")) {
        type = value.empty() ? '\0' : value[0];
      }
    }
    if (!has_name || f.seq == 0 || type == '\0') {
      return manifest_error("Invalid AOF manifest file format", linenum, &line);
    }
    switch (type) {
      case 'b':
        if (m.base) return manifest_error("Found duplicate base file information", linenum, &line);
        f.kind = FileKind::kBase;
        m.base_seq = f.seq;
        m.base = std::move(f);
        break;
      case 'h':
        f.kind = FileKind::kHistory;
        m.history.push_back(std::move(f));
        break;
      case 'i':
        if (f.seq <= maxseq) {
          return manifest_error("Found a non-monotonic sequence number", linenum, &line);
        }
        f.kind = FileKind::kIncr;
        maxseq = f.seq;
        m.incr_seq = f.seq;
        m.incrs.push_back(std::move(f));
        break;
      default:
        return manifest_error("Unknown AOF file type", linenum, &line);
    }
  }
  return m;
}

std::string format_manifest(const Manifest& m) {
  std::string out;
  auto add = [&out](const ManifestFile& f, char type) {
    out += "file ";
    out += needs_repr(f.name) ? config::quote_repr(f.name) : f.name;
    out += " seq ";
    out += std::to_string(f.seq);
    out += " type ";
    out += type;
    out += '\n';
  };
  if (m.base) add(*m.base, 'b');
  for (const ManifestFile& f : m.history) add(f, 'h');
  for (const ManifestFile& f : m.incrs) add(f, 'i');
  return out;
}

std::string base_file_name(std::string_view prefix, int64_t seq, bool rdb_preamble) {
  return std::string(prefix) + "." + std::to_string(seq) + ".base" +
         (rdb_preamble ? ".rdb" : ".aof");
}

std::string incr_file_name(std::string_view prefix, int64_t seq) {
  return std::string(prefix) + "." + std::to_string(seq) + ".incr.aof";
}

std::string manifest_file_name(std::string_view prefix) {
  return std::string(prefix) + ".manifest";
}

std::string temp_manifest_file_name(std::string_view prefix) {
  return "temp-" + manifest_file_name(prefix);
}

Result<Manifest> read_manifest_file(const std::string& dir, std::string_view prefix) {
  const std::string path = dir + "/" + manifest_file_name(prefix);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return Status::not_found(errno_text("can't open the AOF manifest", path, err));
    return Status::io_error(errno_text("can't open the AOF manifest file", path, err) +
                            " for reading");
  }
  std::string text;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return Status::io_error(errno_text("Read AOF manifest failed:", path, err));
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return parse_manifest(text);
}

Status write_manifest_file(const std::string& dir, std::string_view prefix, const Manifest& m) {
  const std::string name = manifest_file_name(prefix);
  const std::string tmp_name = temp_manifest_file_name(prefix);
  const std::string path = dir + "/" + name;
  const std::string tmp_path = dir + "/" + tmp_name;
  const std::string text = format_manifest(m);

  const int fd = ::open(tmp_path.c_str(), O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::io_error(errno_text("Can't open the AOF manifest file", tmp_name, errno));
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return Status::io_error(
          errno_text("Error trying to write the temporary AOF manifest file", tmp_name, err));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    return Status::io_error(errno_text("Fail to fsync the temp AOF file", tmp_name, err) + ".");
  }
  ::close(fd);
  if (::rename(tmp_path.c_str(), path.c_str()) != 0) {
    return Status::io_error(errno_text("Error trying to rename the temporary AOF manifest file",
                                       tmp_name + " into " + name, errno));
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_CLOEXEC);
  if (dfd < 0 || ::fsync(dfd) != 0) {
    const int err = errno;
    if (dfd >= 0) ::close(dfd);
    return Status::io_error(errno_text("Fail to fsync AOF directory", path, err) + ".");
  }
  ::close(dfd);
  return Status::ok();
}

}  // namespace kevy::aof
