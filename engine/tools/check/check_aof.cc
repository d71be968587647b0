// kevy-check aof (check_aof.h).
#include "check_aof.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command_table.h"
#include "persist/aof_manifest.h"
#include "persist/aof_reader.h"
#include "persist/rdb_file.h"
#include "rdb_report.h"

namespace kevy::check {

namespace {

using ull = unsigned long long;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// What checking one file found.
struct FileResult {
  bool opened = true;
  bool valid = true;
  bool fixable = false;  // a damaged tail that truncating to ok_up_to removes
  uint64_t size = 0;
  uint64_t ok_up_to = 0;
};

// Walks the commands of one file and prints what redis-check-aof prints, plus the structure.
class FileChecker {
 public:
  FileChecker(std::string path, std::string label) : path_(std::move(path)), label_(std::move(label)) {}

  FileResult run() {
    FileResult res;
    aof::AofReader r;
    const Status s = r.open(path_);
    if (!s.is_ok()) {
      struct stat st {};
      const int err = ::stat(path_.c_str(), &st) != 0 ? errno : EACCES;
      std::printf("Cannot open file %s: %s, aborting...\n", path_.c_str(), std::strerror(err));
      res.opened = false;
      res.valid = false;
      return res;
    }
    res.size = r.size();
    if (res.size == 0) return res;
    if (r.starts_with_rdb()) {
      std::string_view data;
      size_t end = 0;
      if (!r.read_all(&data).is_ok() || !check_rdb_image(data, label_, &end)) {
        res.valid = false;
        res.ok_up_to = 0;
        return res;
      }
      std::printf("RDB preamble is OK, proceeding with AOF tail...\n");
      r.skip_to(end);
      res.ok_up_to = end;
    }
    walk(r, &res);
    if (!error_.empty()) std::printf("0x%16llx: %s\n", static_cast<ull>(error_at_), error_.c_str());
    std::printf("AOF analyzed: filename=%s, size=%llu, ok_up_to=%llu, diff=%llu\n", label_.c_str(),
                static_cast<ull>(res.size), static_cast<ull>(res.ok_up_to),
                static_cast<ull>(res.size - res.ok_up_to));
    print_structure();
    return res;
  }

 private:
  void fail(FileResult* res, uint64_t at, std::string what, bool fixable) {
    error_ = std::move(what);
    error_at_ = at;
    res->valid = false;
    res->fixable = fixable;
  }

  void walk(aof::AofReader& r, FileResult* res) {
    const CommandTable& table = CommandTable::instance();
    std::vector<std::string> argv;
    bool in_multi = false;
    for (;;) {
      const aof::AofReader::Next n = r.next(&argv);
      if (n == aof::AofReader::Next::kEnd) {
        if (in_multi) return fail(res, r.end_offset(), "Reached EOF before reading EXEC for MULTI", true);
        res->ok_up_to = r.end_offset();  // trailing annotations are valid
        return;
      }
      if (n == aof::AofReader::Next::kTruncated) {
        return fail(res, r.offset(), "Unexpected end of file: the last command is cut", true);
      }
      if (n == aof::AofReader::Next::kBadFormat) return fail(res, r.error_offset(), r.error(), true);
      if (n == aof::AofReader::Next::kIoError) {
        return fail(res, r.end_offset(), r.io_status().message(), false);
      }
      const std::string name = lower(argv[0]);
      if (name == "multi") {
        if (in_multi) return fail(res, r.offset(), "Unexpected MULTI in AOF " + label_, true);
        in_multi = true;
        ++blocks_;
        continue;
      }
      if (name == "exec") {
        if (!in_multi) return fail(res, r.offset(), "Unexpected EXEC in AOF " + label_, true);
        in_multi = false;
        res->ok_up_to = r.end_offset();
        continue;
      }
      std::vector<std::string_view> views(argv.begin(), argv.end());
      Reply error;
      const CommandSpec* rejected = nullptr;
      if (table.resolve(Args(views), &error, &rejected) == nullptr) {
        return fail(res, r.offset(),
                    rejected == nullptr
                        ? "Unknown command '" + argv[0] + "': kevy can't replay it"
                        : "kevy refuses '" + argv[0] + "': " + error.str(),
                    false);
      }
      ++per_command_[name];
      ++commands_;
      if (name == "select" && argv.size() == 2) dbs_.insert(argv[1]);
      if (!in_multi) res->ok_up_to = r.end_offset();
    }
  }

  void print_structure() const {
    std::string names;
    for (const auto& [name, n] : per_command_) names += " " + name + "=" + std::to_string(n);
    std::printf("[info] %llu commands%s\n", static_cast<ull>(commands_),
                names.empty() ? "" : (":" + names).c_str());
    std::printf("[info] %llu MULTI/EXEC blocks\n", static_cast<ull>(blocks_));
    if (!dbs_.empty()) {
      std::string list;
      for (const std::string& db : dbs_) list += " " + db;
      std::printf("[info] SELECT db:%s\n", list.c_str());
    }
  }

  std::string path_;
  std::string label_;
  std::string error_;
  uint64_t error_at_ = 0;
  uint64_t commands_ = 0;
  uint64_t blocks_ = 0;
  std::map<std::string, uint64_t> per_command_;
  std::set<std::string> dbs_;
};

// Prints the verdict of one file and applies --fix; true when the file is (now) valid.
bool settle(const std::string& kind, const std::string& path, const std::string& label,
            const FileResult& res, bool fix, bool last) {
  if (!res.opened) return false;
  if (res.size == 0) {
    std::printf("%sAOF %s is empty\n", kind.c_str(), label.c_str());
    return true;
  }
  if (res.valid) {
    std::printf("%sAOF %s is valid\n", kind.c_str(), label.c_str());
    return true;
  }
  if (!fix) {
    std::printf("AOF %s is not valid. Use the --fix option to try fixing it.\n", label.c_str());
    return false;
  }
  if (!res.fixable) {
    std::printf("AOF %s is not valid and truncating it would not fix it: not changed\n",
                label.c_str());
    return false;
  }
  if (!last) {
    std::printf("Failed to truncate AOF %s because it is not the last file\n", label.c_str());
    return false;
  }
  std::printf("This will shrink the AOF %s from %llu bytes, with %llu bytes, to %llu bytes\n",
              label.c_str(), static_cast<ull>(res.size), static_cast<ull>(res.size - res.ok_up_to),
              static_cast<ull>(res.ok_up_to));
  if (::truncate(path.c_str(), static_cast<off_t>(res.ok_up_to)) != 0) {
    std::printf("Failed to truncate AOF %s: %s\n", label.c_str(), std::strerror(errno));
    return false;
  }
  std::printf("Successfully truncated AOF %s\n", label.c_str());
  return true;
}

std::string dir_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A manifest by content: the first line that is not a comment starts with "file ".
bool looks_like_manifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string data(4096, '\0');
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<size_t>(in.gcount()));
  size_t pos = 0;
  while (pos < data.size()) {
    const size_t nl = data.find('\n', pos);
    const std::string_view l =
        std::string_view(data).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!l.empty() && l[0] != '#') return lower(l.substr(0, 5)) == "file ";
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return false;
}

int check_manifest(const std::string& manifest_path, bool fix) {
  std::printf("Start checking Multi Part AOF\n");
  std::string text;
  Status s = rdb::read_file(manifest_path, &text);
  if (!s.is_ok()) {
    std::printf("Cannot read file %s: %s\n", manifest_path.c_str(), s.message().c_str());
    return 1;
  }
  Result<aof::Manifest> m = aof::parse_manifest(text);
  if (!m.ok()) {
    std::printf("*** FATAL AOF MANIFEST FILE ERROR ***\n%s\n", m.status().message().c_str());
    return 1;
  }
  const std::string dir = dir_of(manifest_path);
  std::printf("[info] manifest %s: %s base, %zu increment(s), %zu history file(s) (not loaded)\n",
              manifest_path.c_str(), m->base ? "1" : "no", m->incrs.size(), m->history.size());
  auto type_char = [](aof::FileKind k) { return static_cast<char>(k); };
  if (m->base) std::printf("[info] file %s seq %lld type b\n", m->base->name.c_str(), static_cast<long long>(m->base->seq));
  for (const aof::ManifestFile& f : m->history) {
    std::printf("[info] file %s seq %lld type %c\n", f.name.c_str(), static_cast<long long>(f.seq), type_char(f.kind));
  }
  for (const aof::ManifestFile& f : m->incrs) {
    std::printf("[info] file %s seq %lld type %c\n", f.name.c_str(), static_cast<long long>(f.seq), type_char(f.kind));
  }
  const size_t total = (m->base ? 1 : 0) + m->incrs.size();
  size_t index = 0;
  if (m->base) {
    const std::string path = dir + "/" + m->base->name;
    aof::AofReader peek;
    const bool rdb = peek.open(path).is_ok() && peek.starts_with_rdb();
    std::printf("Start to check BASE AOF (%s format).\n", rdb ? "RDB" : "RESP");
    const FileResult res = FileChecker(path, m->base->name).run();
    if (!settle("BASE ", path, m->base->name, res, fix, ++index == total)) return 1;
  }
  if (!m->incrs.empty()) std::printf("Start to check INCR files.\n");
  for (const aof::ManifestFile& f : m->incrs) {
    const std::string path = dir + "/" + f.name;
    const FileResult res = FileChecker(path, f.name).run();
    if (!settle("INCR ", path, f.name, res, fix, ++index == total)) return 1;
  }
  std::printf("All AOF files and manifest are valid\n");
  return 0;
}

int check_single(const std::string& path, bool fix) {
  std::printf("Start checking Old-Style AOF\n");
  const FileResult res = FileChecker(path, path).run();
  return settle("", path, path, res, fix, true) ? 0 : 1;
}

}  // namespace

int check_aof(const std::string& path, bool fix) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    std::printf("Cannot open file %s: %s\n", path.c_str(), std::strerror(errno));
    return 1;
  }
  if (S_ISDIR(st.st_mode)) {
    std::vector<std::string> manifests;
    if (DIR* d = ::opendir(path.c_str())) {
      while (const dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (ends_with(name, ".manifest") && name.rfind("temp-", 0) != 0) manifests.push_back(name);
      }
      ::closedir(d);
    }
    if (manifests.size() != 1) {
      std::printf("%s: expected one AOF manifest in the directory, found %zu\n", path.c_str(),
                  manifests.size());
      return 1;
    }
    return check_manifest(path + "/" + manifests[0], fix);
  }
  if (ends_with(path, ".manifest") || looks_like_manifest(path)) return check_manifest(path, fix);
  return check_single(path, fix);
}

}  // namespace kevy::check
