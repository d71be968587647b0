// The report kevy-check prints while walking an RDB image (kevy-check rdb, and the RDB base or
// preamble inside kevy-check aof), in redis-check-rdb's shape: "[offset N] ..." lines for each
// AUX field, SELECTDB, RESIZEDB and FUNCTION2, the checksum verdict, and "[info]" totals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "persist/rdb_file.h"

namespace kevy::check {

// Prints "[offset N] text".
void line(size_t offset, const std::string& text);

class RdbReport : public rdb::LoadObserver {
 public:
  void on_aux(std::string_view key, std::string_view value, size_t offset) override;
  void on_select_db(uint64_t db, size_t offset) override;
  void on_resize_db(uint64_t keys, uint64_t expires, size_t offset) override;
  void on_function(size_t offset) override;
  void on_key_start(std::string_view key, uint8_t type) override;
  void on_key(uint64_t db, uint8_t type, std::string_view key, int64_t expire_ms, bool expired,
              size_t offset) override;
  void on_checksum(uint64_t stored, uint64_t computed, size_t offset) override;

  // After an error: which key was being read, if any.
  void error_context() const;
  void totals() const;

 private:
  std::string key_;
  uint8_t type_ = 0;
  bool reading_key_ = false;
  uint64_t keys_ = 0, expires_ = 0, already_expired_ = 0;
  std::map<uint64_t, uint64_t> per_db_;
  std::map<unsigned, uint64_t> per_type_;
};

// Checks the RDB image at the start of data (which may be followed by an AOF tail), printing
// the report headed by "Checking RDB file <label>". True when it loads; *end is then where the
// image ended.
bool check_rdb_image(std::string_view data, const std::string& label, size_t* end);

}  // namespace kevy::check
