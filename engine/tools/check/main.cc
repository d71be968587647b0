// kevy-check: checks persistence files the way redis-check-rdb / redis-check-aof do, and
// reports their structure.
//
//   kevy-check rdb FILE
//   kevy-check aof [--fix] DIR | FILE.manifest | FILE.aof      (check_aof.h)
//
// rdb: prints the header version, each AUX field, each SELECTDB / RESIZEDB, any FUNCTION2
// library (which kevy skips when loading), then the checksum verdict and totals: keys per db
// and per RDB type, keys with a TTL, keys already expired. On the first error it prints
// "--- RDB ERROR DETECTED ---", the offset and message, and what was being read. Offsets are
// where each item starts.
// Exit status 0 when the file(s) load, 1 when not, 2 for usage errors.
#include <cstdio>
#include <cstring>
#include <string>

#include "check_aof.h"
#include "persist/rdb_file.h"
#include "rdb_report.h"

namespace {

int check_rdb(const std::string& path) {
  std::string data;
  const kevy::Status s = kevy::rdb::read_file(path, &data);
  if (!s.is_ok()) {
    kevy::check::line(0, "Checking RDB file " + path);
    std::printf("--- RDB ERROR DETECTED ---\n");
    kevy::check::line(0, s.message());
    return 1;
  }
  size_t end = 0;
  return kevy::check::check_rdb_image(data, path, &end) ? 0 : 1;
}

int usage() {
  std::fprintf(stderr,
               "Usage: kevy-check rdb <file.rdb>\n"
               "       kevy-check aof [--fix] <dir|file.manifest|file.aof>\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  if (std::strcmp(argv[1], "rdb") == 0 && argc == 3) return check_rdb(argv[2]);
  if (std::strcmp(argv[1], "aof") == 0) {
    if (argc == 3) return kevy::check::check_aof(argv[2], false);
    if (argc == 4 && std::strcmp(argv[2], "--fix") == 0) return kevy::check::check_aof(argv[3], true);
  }
  return usage();
}
