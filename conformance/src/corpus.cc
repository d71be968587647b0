#include "corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "resp_value.h"
#include "resp/split_args.h"

namespace kevy::conformance {
namespace {

namespace fs = std::filesystem;

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_plain(std::string_view arg) {
  if (arg.empty()) return false;
  for (char ch : arg) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '\\') return false;
  }
  return true;
}

bool parse_number(std::string_view s, int* out) {
  if (s.empty() || s.size() > 7) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// c1 .. c99 (no leading zero).
bool is_conn_name(std::string_view s) {
  if (s.size() < 2 || s.size() > 3 || s[0] != 'c' || s[1] < '1' || s[1] > '9') return false;
  return s.size() == 2 || (s[2] >= '0' && s[2] <= '9');
}

}  // namespace

std::string CorpusStep::text() const {
  switch (kind) {
    case Kind::kSleep:
      return "@sleep " + std::to_string(sleep_ms);
    case Kind::kScan: {
      std::string s = "@scan";
      for (const std::string& a : argv) {
        s += ' ';
        s += quote_arg(a);
      }
      return s;
    }
    default:
      return format_command(argv);
  }
}

std::string CorpusCase::tag(std::string_view key, std::string_view fallback) const {
  for (const auto& [k, v] : tags) {
    if (k == key) return v;
  }
  return std::string(fallback);
}

void CorpusCase::set_tag(std::string_view key, std::string_view value) {
  for (auto& [k, v] : tags) {
    if (k == key) {
      v = std::string(value);
      return;
    }
  }
  tags.emplace_back(std::string(key), std::string(value));
}

int CorpusCase::protocol() const {
  std::string p = tag("proto");
  if (p.empty()) {
    // No tag: the id's protocol suffix ("strings/x/resp3").
    return id.size() >= 6 && id.compare(id.size() - 6, 6, "/resp3") == 0 ? 3 : 2;
  }
  return p == "3" ? 3 : 2;
}

std::string CorpusCase::family() const {
  std::string f = tag("family");
  if (!f.empty()) return f;
  return id.substr(0, id.find('/'));
}

bool unescape_reply(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c != '\\') {
      *out += c;
      continue;
    }
    if (++i == in.size()) return false;
    switch (in[i]) {
      case 'r': *out += '\r'; break;
      case 'n': *out += '\n'; break;
      case 't': *out += '\t'; break;
      case '\\': *out += '\\'; break;
      case '"': *out += '"'; break;
      case 'x': {
        if (i + 2 >= in.size()) return false;
        int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
        if (hi < 0 || lo < 0) return false;
        *out += static_cast<char>(hi * 16 + lo);
        i += 2;
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

std::string quote_arg(std::string_view arg) {
  if (is_plain(arg)) return std::string(arg);
  std::string s = "\"";
  s += cli::escape_bytes(arg);
  s += '"';
  return s;
}

std::string format_command(const std::vector<std::string>& argv) {
  std::string s;
  for (size_t i = 0; i < argv.size(); ++i) {
    if (i > 0) s += ' ';
    if (i == 0 && !argv[0].empty() && argv[0][0] == '@') {
      s += '"';
      s += cli::escape_bytes(argv[0]);
      s += '"';
    } else {
      s += quote_arg(argv[i]);
    }
  }
  return s;
}

bool parse_corpus(std::string_view path, std::string_view content, CorpusFile* out,
                  std::string* error) {
  out->path = std::string(path);
  out->cases.clear();
  int line_no = 0;
  size_t pos = 0;
  CorpusCase* current = nullptr;
  CorpusStep* last = nullptr;  // the step a `<` line belongs to
  auto fail = [&](const std::string& why) {
    *error = std::string(path) + ":" + std::to_string(line_no) + ": " + why;
    return false;
  };
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view raw = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = trim(raw);
    if (line.empty() || line[0] == '#') continue;

    if (line.substr(0, 3) == "===") {
      std::string_view id = trim(line.substr(3));
      if (size_t sp = id.find_first_of(" \t"); sp != std::string_view::npos) {
        std::string_view rest = trim(id.substr(sp));
        if (!rest.empty() && rest[0] != '#') return fail("a case id has no blanks");
        id = id.substr(0, sp);
      }
      if (id.empty()) return fail("=== without a case id");
      CorpusCase c;
      c.id = std::string(id);
      c.file = std::string(path);
      c.line_no = line_no;
      out->cases.push_back(std::move(c));
      current = &out->cases.back();
      last = nullptr;
      continue;
    }
    if (current == nullptr) return fail("a line before the first `=== case-id`");

    if (line.substr(0, 5) == "tags:") {
      std::string_view rest = trim(line.substr(5));
      while (!rest.empty()) {
        size_t sp = rest.find_first_of(" \t");
        std::string_view kv = rest.substr(0, sp);
        rest = sp == std::string_view::npos ? std::string_view{} : trim(rest.substr(sp));
        size_t eq = kv.find('=');
        if (eq == std::string_view::npos || eq == 0) return fail("a tag is written key=value");
        current->set_tag(kv.substr(0, eq), kv.substr(eq + 1));
      }
      continue;
    }

    if (line[0] == '>' && line.size() > 2 && line[1] == 'c' && line[2] >= '1' &&
        line[2] <= '9') {
      // ">c2 CMD": a command of a multi-connection case.
      size_t sp = line.find_first_of(" \t");
      if (sp == std::string_view::npos) return fail("`>cN` without a command");
      std::string conn(line.substr(1, sp - 1));
      if (!is_conn_name(conn)) return fail("a connection is named c1 .. c99");
      std::string_view cmd = trim(line.substr(sp));
      auto args = split_args(cmd);
      if (!args) return fail("invalid quoting (redis-cli would say \"Invalid argument(s)\")");
      if (args->empty()) return fail("`>cN` without a command");
      CorpusStep step;
      step.line_no = line_no;
      step.conn = std::move(conn);
      step.argv = std::move(*args);
      current->multi = true;
      current->steps.push_back(std::move(step));
      last = &current->steps.back();
      continue;
    }

    if (line[0] == '>') {
      // The text after "> " (not trimmed at the end: a quoted argument may end in blanks,
      // but quoting keeps them inside quotes, so trimming is safe).
      std::string_view cmd = trim(line.substr(1));
      CorpusStep step;
      step.line_no = line_no;
      const bool directive = !cmd.empty() && cmd[0] == '@';
      auto args = split_args(cmd);
      if (!args) return fail("invalid quoting (redis-cli would say \"Invalid argument(s)\")");
      if (args->empty()) return fail("`>` without a command");
      if (directive) {
        const std::string& d = (*args)[0];
        if (d == "@sleep") {
          step.kind = CorpusStep::Kind::kSleep;
          if (args->size() != 2 || !parse_number((*args)[1], &step.sleep_ms)) {
            return fail("@sleep takes one number of milliseconds");
          }
        } else if (d == "@scan") {
          step.kind = CorpusStep::Kind::kScan;
          step.compare = Compare::kScan;
          step.argv.assign(args->begin() + 1, args->end());
        } else {
          return fail("unknown directive " + d);
        }
      } else {
        step.argv = std::move(*args);
      }
      current->steps.push_back(std::move(step));
      last = &current->steps.back();
      continue;
    }

    if (line[0] == '<') {
      Compare mode = Compare::kExact;
      size_t skip = 1;
      if (line.size() > 1 && line[1] == '~') {
        mode = Compare::kUnordered;
        skip = 2;
      } else if (line.size() > 1 && line[1] == '?') {
        mode = Compare::kShape;
        skip = 2;
      }
      if (skip < line.size() && line[skip] == 'c') {
        // "<c2 bytes": a message of a multi-connection case.
        size_t sp = line.find_first_of(" \t", skip);
        std::string conn(line.substr(skip, sp == std::string_view::npos ? sp : sp - skip));
        if (!is_conn_name(conn)) return fail("a connection is named c1 .. c99");
        if (last == nullptr) return fail("a message line without a `>` command before it");
        if (last->kind == CorpusStep::Kind::kScan) return fail("@scan has no messages");
        ExpectedMessage m;
        m.conn = std::move(conn);
        m.compare = mode;
        m.line_no = line_no;
        std::string_view rest = sp == std::string_view::npos ? "" : trim(line.substr(sp));
        if (!unescape_reply(rest, &m.bytes)) {
          return fail("invalid escape in a reply (\\r \\n \\t \\\\ \\\" \\xHH)");
        }
        last->messages.push_back(std::move(m));
        continue;
      }
      if (skip < line.size() && line[skip] != ' ' && line[skip] != '\t') {
        return fail("a reply line starts with `< `, `<~ ` or `<? `");
      }
      if (last == nullptr) return fail("a reply line without a `>` command before it");
      if (last->has_expected) return fail("a second reply line for one command");
      if (last->kind == CorpusStep::Kind::kSleep) return fail("@sleep has no reply");
      if (last->kind == CorpusStep::Kind::kScan && mode != Compare::kUnordered) {
        return fail("the reply of @scan is written `<~`");
      }
      if (!unescape_reply(trim(line.substr(skip)), &last->expected)) {
        return fail("invalid escape in a reply (\\r \\n \\t \\\\ \\\" \\xHH)");
      }
      last->has_expected = true;
      if (last->kind == CorpusStep::Kind::kCommand) last->compare = mode;
      continue;
    }
    return fail("unknown line (expected ===, tags:, >, <, <~, <? or #)");
  }
  for (const CorpusCase& c : out->cases) {
    for (const CorpusStep& s : c.steps) {
      if (c.multi) {
        // Every command names its connection and has only `<cN` messages.
        const char* why = nullptr;
        if (s.has_expected) {
          why = "a `<` reply line without a connection in a multi-connection case";
        } else if (s.kind == CorpusStep::Kind::kCommand && s.conn.empty()) {
          why = "a `> ` command without a connection in a multi-connection case";
        } else if (s.kind == CorpusStep::Kind::kScan) {
          why = "@scan in a multi-connection case";
        }
        if (why != nullptr) {
          *error = std::string(path) + ":" + std::to_string(s.line_no) + ": " + why;
          return false;
        }
        continue;
      }
      if (!s.messages.empty()) {
        *error = std::string(path) + ":" + std::to_string(s.line_no) +
                 ": `<cN` messages belong to multi-connection cases (`>cN` commands)";
        return false;
      }
      if (s.kind != CorpusStep::Kind::kSleep && !s.has_expected) {
        *error = std::string(path) + ":" + std::to_string(s.line_no) +
                 ": a command without a recorded reply";
        return false;
      }
    }
  }
  return true;
}

bool read_corpus_file(const std::string& path, CorpusFile* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_corpus(path, ss.str(), out, error);
}

bool collect_corpus_paths(const std::vector<std::string>& args, std::vector<std::string>* out,
                          std::string* error) {
  for (const std::string& a : args) {
    std::error_code ec;
    if (fs::is_directory(a, ec)) {
      std::vector<std::string> files;
      for (const auto& entry : fs::directory_iterator(a, ec)) {
        if (entry.path().extension() == ".corpus") files.push_back(entry.path().string());
      }
      std::sort(files.begin(), files.end());
      out->insert(out->end(), files.begin(), files.end());
    } else if (fs::exists(a, ec)) {
      out->push_back(a);
    } else {
      *error = "no such corpus file or directory: " + a;
      return false;
    }
  }
  return true;
}

void write_case(std::ostream& out, const CorpusCase& c) {
  out << "=== " << c.id << "\n";
  if (!c.tags.empty()) {
    out << "tags:";
    for (const auto& [k, v] : c.tags) out << ' ' << k << '=' << v;
    out << "\n";
  }
  for (const CorpusStep& s : c.steps) {
    if (c.multi) {
      out << (s.conn.empty() ? std::string("> ") : ">" + s.conn + " ") << s.text() << "\n";
      for (const ExpectedMessage& m : s.messages) {
        out << compare_marker(m.compare) << m.conn << ' ' << cli::escape_bytes(m.bytes) << "\n";
      }
      continue;
    }
    out << "> " << s.text() << "\n";
    if (s.kind == CorpusStep::Kind::kSleep || !s.has_expected) continue;
    out << (s.kind == CorpusStep::Kind::kScan ? "<~" : compare_marker(s.compare)) << ' '
        << cli::escape_bytes(s.expected) << "\n";
  }
}

void write_corpus(std::ostream& out, const std::vector<CorpusCase>& cases) {
  for (size_t i = 0; i < cases.size(); ++i) {
    if (i > 0) out << "\n";
    write_case(out, cases[i]);
  }
}

}  // namespace kevy::conformance
