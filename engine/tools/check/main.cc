// kevy-check: checks persistence files the way redis-check-rdb does, and reports their structure.
//
//   kevy-check rdb FILE
//
// Prints the header version, each AUX field, each SELECTDB / RESIZEDB, any FUNCTION2 library
// (which kevy skips when loading), then the checksum verdict and totals: keys per db and per
// RDB type, keys with a TTL, keys already expired. On the first error it prints
// "--- RDB ERROR DETECTED ---", the offset and message, and what was being read. Offsets are
// where each item starts. Exit status 0 when the file loads, 1 when it does not, 2 for usage.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <string_view>

#include "core/keyspace.h"
#include "persist/rdb_file.h"

namespace {

void line(size_t offset, const std::string& text) {
  std::printf("[offset %zu] %s\n", offset, text.c_str());
}

// Prints the structure as the loader walks it and keeps the counts.
class Report : public kevy::rdb::LoadObserver {
 public:
  void on_aux(std::string_view key, std::string_view value, size_t offset) override {
    line(offset, "AUX FIELD " + std::string(key) + " = '" + std::string(value) + "'");
  }
  void on_select_db(uint64_t db, size_t offset) override {
    line(offset, "Selecting DB ID " + std::to_string(db));
  }
  void on_resize_db(uint64_t keys, uint64_t expires, size_t offset) override {
    line(offset, "RESIZEDB keys=" + std::to_string(keys) + " expires=" + std::to_string(expires));
  }
  void on_function(size_t offset) override {
    line(offset, "FUNCTION2 library (skipped by kevy when loading)");
  }
  void on_key_start(std::string_view key, uint8_t type) override {
    key_ = key;
    type_ = type;
    reading_key_ = true;
  }
  void on_key(uint64_t db, uint8_t type, std::string_view, int64_t expire_ms, bool expired,
              size_t) override {
    reading_key_ = false;
    ++keys_;
    ++per_db_[db];
    ++per_type_[type];
    if (expire_ms != -1) ++expires_;
    if (expired) ++already_expired_;
  }
  void on_checksum(uint64_t stored, uint64_t computed, size_t offset) override {
    if (stored == 0) {
      line(offset, "RDB file was saved with checksum disabled: no check performed.");
    } else if (stored == computed) {
      line(offset, "Checksum OK");
    }
  }

  void error_context() const {
    if (!reading_key_) return;
    std::printf("[additional info] Reading key '%s'\n", key_.c_str());
    std::printf("[additional info] Reading type %u (%s)\n", unsigned{type_},
                std::string(kevy::rdb::type_name(type_)).c_str());
  }
  void totals() const {
    for (const auto& [db, n] : per_db_) {
      std::printf("[info] db %llu: %llu keys\n", static_cast<unsigned long long>(db),
                  static_cast<unsigned long long>(n));
    }
    for (const auto& [type, n] : per_type_) {
      std::printf("[info] type %u (%s): %llu keys\n", unsigned{type},
                  std::string(kevy::rdb::type_name(type)).c_str(),
                  static_cast<unsigned long long>(n));
    }
    std::printf("[info] %llu keys read\n", static_cast<unsigned long long>(keys_));
    std::printf("[info] %llu expires\n", static_cast<unsigned long long>(expires_));
    std::printf("[info] %llu already expired\n", static_cast<unsigned long long>(already_expired_));
  }

 private:
  std::string key_;
  uint8_t type_ = 0;
  bool reading_key_ = false;
  uint64_t keys_ = 0, expires_ = 0, already_expired_ = 0;
  std::map<uint64_t, uint64_t> per_db_;
  std::map<unsigned, uint64_t> per_type_;
};

int check_rdb(const std::string& path) {
  line(0, "Checking RDB file " + path);
  std::string data;
  kevy::Status s = kevy::rdb::read_file(path, &data);
  if (!s.is_ok()) {
    std::printf("--- RDB ERROR DETECTED ---\n");
    line(0, s.message());
    return 1;
  }
  if (data.size() >= 9 && data.compare(0, 5, "REDIS") == 0) {
    line(5, "RDB version " + data.substr(5, 4));
  }
  kevy::Keyspace ks{kevy::Options{}};
  kevy::rdb::LoadParams params;
  params.discard = true;
  Report report;
  params.observer = &report;
  kevy::rdb::LoadInfo info;
  s = kevy::rdb::load_image(data, ks, params, &info);
  if (!s.is_ok()) {
    std::printf("--- RDB ERROR DETECTED ---\n");
    line(info.error_offset, s.message());
    report.error_context();
    report.totals();
    return 1;
  }
  line(data.size(), "\\o/ RDB looks OK! \\o/");
  report.totals();
  return 0;
}

int usage() {
  std::fprintf(stderr, "Usage: kevy-check rdb <file.rdb>\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return usage();
  if (std::strcmp(argv[1], "rdb") == 0) return check_rdb(argv[2]);
  return usage();
}
