#include "case_file.h"

#include <sstream>

#include "split_args.h"

namespace kevy::conformance {
namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

bool parse_case_file(const std::string& path, const std::string& content, CaseFile* out,
                     std::string* error) {
  out->path = path;
  out->cases.clear();
  std::istringstream in(content);
  std::string raw;
  int line_no = 0;
  Case current;
  bool open = false;  // a case has started (by a comment or a command)
  auto close = [&] {
    if (!current.lines.empty()) {
      if (current.name.empty()) current.name = "line " + std::to_string(current.first_line);
      out->cases.push_back(std::move(current));
    }
    current = Case{};
    open = false;
  };
  auto fail = [&](const std::string& why) {
    *error = path + ":" + std::to_string(line_no) + ": " + why;
    return false;
  };

  while (std::getline(in, raw)) {
    ++line_no;
    std::string line = trim(raw);
    if (line.empty()) {
      close();
      continue;
    }
    if (!open) {
      open = true;
      current.first_line = line_no;
    }
    if (line[0] == '#') {
      if (current.name.empty() && current.lines.empty()) current.name = trim(line.substr(1));
      continue;
    }
    auto args = cli::split_args(line);
    if (!args) return fail("invalid quoting (redis-cli would say \"Invalid argument(s)\")");
    if (args->empty()) continue;

    CaseLine cl;
    cl.line_no = line_no;
    cl.text = line;
    std::vector<std::string>& a = *args;
    const std::string& m = a[0];
    size_t skip = 1;
    if (m == "~") {
      cl.compare = Compare::kUnordered;
    } else if (m == "?" || m == "?type") {
      cl.compare = Compare::kShape;
    } else if (m == "!") {
      cl.compare = Compare::kIgnore;
    } else if (m == "@scan") {
      cl.compare = Compare::kScan;
    } else if (m == "@sleep") {
      cl.compare = Compare::kSleep;
      if (a.size() != 2 || a[1].find_first_not_of("0123456789") != std::string::npos ||
          a[1].empty() || a[1].size() > 5) {
        return fail("@sleep takes one number of milliseconds (at most 99999)");
      }
    } else if (!m.empty() && m[0] == '@') {
      return fail("unknown directive " + m);
    } else {
      skip = 0;
    }
    cl.argv.assign(a.begin() + static_cast<std::ptrdiff_t>(skip), a.end());
    if (cl.argv.empty() && cl.compare != Compare::kScan) return fail("marker without a command");
    current.lines.push_back(std::move(cl));
  }
  close();
  return true;
}

}  // namespace kevy::conformance
