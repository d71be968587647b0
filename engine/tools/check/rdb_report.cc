// kevy-check's RDB report (rdb_report.h).
#include "rdb_report.h"

#include <cstdio>

#include "core/keyspace.h"

namespace kevy::check {

void line(size_t offset, const std::string& text) {
  std::printf("[offset %zu] %s\n", offset, text.c_str());
}

void RdbReport::on_aux(std::string_view key, std::string_view value, size_t offset) {
  line(offset, "AUX FIELD " + std::string(key) + " = '" + std::string(value) + "'");
}
void RdbReport::on_select_db(uint64_t db, size_t offset) {
  line(offset, "Selecting DB ID " + std::to_string(db));
}
void RdbReport::on_resize_db(uint64_t keys, uint64_t expires, size_t offset) {
  line(offset, "RESIZEDB keys=" + std::to_string(keys) + " expires=" + std::to_string(expires));
}
void RdbReport::on_function(size_t offset) {
  line(offset, "FUNCTION2 library (skipped by kevy when loading)");
}
void RdbReport::on_key_start(std::string_view key, uint8_t type) {
  key_ = key;
  type_ = type;
  reading_key_ = true;
}
void RdbReport::on_key(uint64_t db, uint8_t type, std::string_view, int64_t expire_ms,
                       bool expired, size_t) {
  reading_key_ = false;
  ++keys_;
  ++per_db_[db];
  ++per_type_[type];
  if (expire_ms != -1) ++expires_;
  if (expired) ++already_expired_;
}
void RdbReport::on_checksum(uint64_t stored, uint64_t computed, size_t offset) {
  if (stored == 0) {
    line(offset, "RDB file was saved with checksum disabled: no check performed.");
  } else if (stored == computed) {
    line(offset, "Checksum OK");
  }
}

void RdbReport::error_context() const {
  if (!reading_key_) return;
  std::printf("[additional info] Reading key '%s'\n", key_.c_str());
  std::printf("[additional info] Reading type %u (%s)\n", unsigned{type_},
              std::string(rdb::type_name(type_)).c_str());
}

void RdbReport::totals() const {
  for (const auto& [db, n] : per_db_) {
    std::printf("[info] db %llu: %llu keys\n", static_cast<unsigned long long>(db),
                static_cast<unsigned long long>(n));
  }
  for (const auto& [type, n] : per_type_) {
    std::printf("[info] type %u (%s): %llu keys\n", unsigned{type},
                std::string(rdb::type_name(type)).c_str(), static_cast<unsigned long long>(n));
  }
  std::printf("[info] %llu keys read\n", static_cast<unsigned long long>(keys_));
  std::printf("[info] %llu expires\n", static_cast<unsigned long long>(expires_));
  std::printf("[info] %llu already expired\n", static_cast<unsigned long long>(already_expired_));
}

bool check_rdb_image(std::string_view data, const std::string& label, size_t* end) {
  line(0, "Checking RDB file " + label);
  if (data.size() >= 9 && data.compare(0, 5, "REDIS") == 0) {
    line(5, "RDB version " + std::string(data.substr(5, 4)));
  }
  Keyspace ks{Options{}};
  ks.begin_command();
  rdb::LoadParams params;
  params.discard = true;
  RdbReport report;
  params.observer = &report;
  rdb::LoadInfo info;
  const Status s = rdb::load_image(data, ks, params, &info);
  if (!s.is_ok()) {
    std::printf("--- RDB ERROR DETECTED ---\n");
    line(info.error_offset, s.message());
    report.error_context();
    report.totals();
    return false;
  }
  line(info.end_offset, "\\o/ RDB looks OK! \\o/");
  report.totals();
  *end = info.end_offset;
  return true;
}

}  // namespace kevy::check
