// Test data read at run time from tests/data/ (recorded from redis-server by the scripts in
// corpus/), instead of compiled-in tables: big generated tables made kevy_unit_tests slow to
// build in every CI configuration.
//
// Format: one record per line, fields separated by one space; lines that are empty or start
// with '#' are comments. Every field is escaped the same way: bytes 0x21..0x7e other than '\'
// stand for themselves, any other byte is written \xHH (two lower-case hex digits), and the
// empty field is written \e. The writers are escape_field() in corpus/gen_digest_cases.py and
// corpus/scripts/gen_dump_cases.py.
//
// The source tree is found through the compile definition KEVY_SOURCE_DIR (set for
// kevy_unit_tests in engine/CMakeLists.txt).
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kevy::test_data {

// <source dir>/tests/data/<name>.
inline std::string path(std::string_view name) {
  return std::string(KEVY_SOURCE_DIR) + "/tests/data/" + std::string(name);
}

// One field's bytes. Throws std::invalid_argument on a malformed escape.
inline std::string unescape(std::string_view field) {
  if (field == "\\e") return "";
  std::string out;
  out.reserve(field.size());
  auto hex_digit = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    throw std::invalid_argument("bad escape in field: " + std::string(field));
  };
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out.push_back(field[i]);
      continue;
    }
    if (i + 3 >= field.size()) {
      throw std::invalid_argument("cut escape in field: " + std::string(field));
    }
    if (field[i + 1] != 'x') {
      throw std::invalid_argument("bad escape in field: " + std::string(field));
    }
    out.push_back(static_cast<char>(hex_digit(field[i + 2]) * 16 + hex_digit(field[i + 3])));
    i += 3;
  }
  return out;
}

// Every record of the file, each field unescaped. Throws std::runtime_error when the file
// cannot be read or holds no record, so a missing data file fails the tests loudly.
inline std::vector<std::vector<std::string>> read_records(std::string_view name) {
  const std::string file = path(name);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read test data " + file);
  std::vector<std::vector<std::string>> records;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      const size_t end = line.find(' ', start);
      fields.push_back(unescape(std::string_view(line).substr(start, end - start)));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    records.push_back(std::move(fields));
  }
  if (records.empty()) throw std::runtime_error("no records in test data " + file);
  return records;
}

}  // namespace kevy::test_data
