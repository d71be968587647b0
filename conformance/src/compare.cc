#include "compare.h"

#include <fnmatch.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "resp_value.h"

namespace kevy::conformance {
namespace {

bool parse_one(std::string_view bytes, cli::RespValue* v) {
  size_t used = 0;
  return cli::parse_resp(bytes, v, &used) == cli::ParseStatus::kOk && used == bytes.size();
}

void append_shape(const cli::RespValue& v, std::string* out) {
  if (v.type == '-') {
    *out += '-';
    *out += v.str;
    *out += ';';
    return;
  }
  *out += v.type;
  if (v.null()) {
    *out += "null";
    return;
  }
  if (v.is_aggregate()) {
    *out += std::to_string(v.elems.size());
    *out += '[';
    for (const cli::RespValue& e : v.elems) {
      append_shape(e, out);
      *out += ',';
    }
    *out += ']';
  }
}

std::string unordered_key(const cli::RespValue& v) {
  if (!v.is_aggregate() || v.null()) return cli::encode_resp(v);
  std::vector<std::string> parts;
  if (v.type == '%') {
    for (size_t i = 0; i + 1 < v.elems.size(); i += 2) {
      parts.push_back(cli::encode_resp(v.elems[i]) + cli::encode_resp(v.elems[i + 1]));
    }
  } else {
    for (const cli::RespValue& e : v.elems) parts.push_back(cli::encode_resp(e));
  }
  std::sort(parts.begin(), parts.end());
  std::string out(1, v.type);
  out += std::to_string(parts.size());
  out += " sorted:";
  for (const std::string& p : parts) out += p;
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

const char* compare_marker(Compare mode) {
  switch (mode) {
    case Compare::kUnordered:
    case Compare::kScan:
      return "<~";
    case Compare::kShape:
      return "<?";
    default:
      return "<";
  }
}

std::string comparison_key(Compare mode, std::string_view reply) {
  if (mode == Compare::kExact || mode == Compare::kSleep) {
    return std::string(reply);
  }
  cli::RespValue v;
  if (!parse_one(reply, &v)) return std::string(reply);
  if (mode == Compare::kShape) {
    std::string s;
    append_shape(v, &s);
    return s;
  }
  return unordered_key(v);
}

bool replies_match(Compare mode, std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (mode == Compare::kExact || mode == Compare::kSleep) return false;
  return comparison_key(mode, a) == comparison_key(mode, b);
}

std::string quote_bytes(std::string_view bytes) {
  std::string out = "\"";
  out += cli::escape_bytes(bytes);
  out += '"';
  return out;
}

bool KnownDivergences::parse(std::string_view path, std::string_view content,
                             std::string* error) {
  entries_.clear();
  int line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = trim(content.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    KnownDivergence d;
    d.line_no = line_no;
    std::string_view rest = line;
    auto next_field = [&rest]() {
      size_t e = rest.find_first_of(" \t");
      std::string_view f = rest.substr(0, e);
      rest = e == std::string_view::npos ? std::string_view{} : trim(rest.substr(e));
      return std::string(f);
    };
    d.case_glob = next_field();
    d.command_glob = next_field();
    d.reason = std::string(rest);
    if (d.case_glob.empty() || d.command_glob.empty() || d.reason.empty()) {
      *error = std::string(path) + ":" + std::to_string(line_no) +
               ": expected `case-id-glob command-glob reason`";
      return false;
    }
    entries_.push_back(std::move(d));
  }
  return true;
}

bool KnownDivergences::load(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(path, ss.str(), error);
}

const KnownDivergence* KnownDivergences::find(std::string_view case_id,
                                              std::string_view command_text) const {
  if (entries_.empty()) return nullptr;
  const std::string id(case_id), cmd(command_text);
  for (const KnownDivergence& d : entries_) {
    if (::fnmatch(d.case_glob.c_str(), id.c_str(), 0) == 0 &&
        ::fnmatch(d.command_glob.c_str(), cmd.c_str(), FNM_CASEFOLD) == 0) {
      return &d;
    }
  }
  return nullptr;
}

}  // namespace kevy::conformance
