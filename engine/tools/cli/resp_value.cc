#include "resp_value.h"

#include <charconv>
#include <cstdint>
#include <limits>

namespace kevy::cli {
namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  explicit Parser(std::string_view in) : in_(in) {}

  ParseStatus value(RespValue* out, int depth) {
    if (depth > kMaxDepth) return ParseStatus::kMalformed;
    if (pos_ >= in_.size()) return ParseStatus::kIncomplete;
    const char type = in_[pos_];
    std::string_view line;
    ParseStatus st = read_line(pos_ + 1, &line);
    if (st != ParseStatus::kOk) return st;
    out->type = type;
    switch (type) {
      case '+':
      case '-':
      case ':':
      case ',':
      case '(':
        out->str = std::string(line);
        return ParseStatus::kOk;
      case '_':
        return line.empty() ? ParseStatus::kOk : ParseStatus::kMalformed;
      case '#':
        if (line != "t" && line != "f") return ParseStatus::kMalformed;
        out->str = std::string(line);
        return ParseStatus::kOk;
      case '$':
      case '=': {
        int64_t n;
        if (!to_int(line, &n)) return ParseStatus::kMalformed;
        if (n == -1 && type == '$') {
          out->is_null = true;
          return ParseStatus::kOk;
        }
        if (n < 0) return ParseStatus::kMalformed;
        if (in_.size() - pos_ < static_cast<uint64_t>(n) + 2) return ParseStatus::kIncomplete;
        out->str = std::string(in_.substr(pos_, n));
        if (in_.substr(pos_ + n, 2) != "\r\n") return ParseStatus::kMalformed;
        pos_ += n + 2;
        return ParseStatus::kOk;
      }
      case '*':
      case '~':
      case '>':
      case '%':
      case '|': {
        int64_t n;
        if (!to_int(line, &n)) return ParseStatus::kMalformed;
        if (n == -1 && type == '*') {
          out->is_null = true;
          return ParseStatus::kOk;
        }
        if (n < 0) return ParseStatus::kMalformed;
        const bool pairs = type == '%' || type == '|';
        // A map or attribute of more than INT64_MAX / 2 pairs has no element count.
        if (pairs && n > std::numeric_limits<int64_t>::max() / 2) return ParseStatus::kMalformed;
        const int64_t count = pairs ? 2 * n : n;
        std::vector<RespValue> elems;
        for (int64_t i = 0; i < count; ++i) {
          RespValue e;
          st = value(&e, depth + 1);
          if (st != ParseStatus::kOk) return st;
          elems.push_back(std::move(e));
        }
        if (type != '|') {
          out->elems = std::move(elems);
          return ParseStatus::kOk;
        }
        // An attribute decorates the reply that follows it.
        RespValue next;
        st = value(&next, depth + 1);
        if (st != ParseStatus::kOk) return st;
        *out = std::move(next);
        out->attributes = std::move(elems);
        return ParseStatus::kOk;
      }
      default:
        return ParseStatus::kMalformed;
    }
  }

  size_t pos() const { return pos_; }

 private:
  // Reads the line that starts at `from` (without its CRLF) and moves pos_ past it.
  ParseStatus read_line(size_t from, std::string_view* line) {
    size_t end = in_.find("\r\n", from);
    if (end == std::string_view::npos) return ParseStatus::kIncomplete;
    *line = in_.substr(from, end - from);
    pos_ = end + 2;
    return ParseStatus::kOk;
  }

  static bool to_int(std::string_view s, int64_t* v) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
    return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
  }

  std::string_view in_;
  size_t pos_ = 0;
};

void encode_into(const RespValue& v, std::string& out) {
  if (!v.attributes.empty()) {
    out += '|' + std::to_string(v.attributes.size() / 2) + "\r\n";
    for (const RespValue& a : v.attributes) encode_into(a, out);
  }
  if (v.is_null) {
    out += v.type;
    out += "-1\r\n";
    return;
  }
  switch (v.type) {
    case '$':
    case '=':
      out += v.type + std::to_string(v.str.size()) + "\r\n";
      out += v.str;
      out += "\r\n";
      return;
    case '*':
    case '~':
    case '>':
    case '%': {
      size_t n = v.type == '%' ? v.elems.size() / 2 : v.elems.size();
      out += v.type + std::to_string(n) + "\r\n";
      for (const RespValue& e : v.elems) encode_into(e, out);
      return;
    }
    default:
      out += v.type;
      out += v.str;
      out += "\r\n";
      return;
  }
}

}  // namespace

ParseStatus parse_resp(std::string_view in, RespValue* out, size_t* consumed) {
  Parser p(in);
  RespValue v;
  ParseStatus st = p.value(&v, 0);
  if (st == ParseStatus::kOk) {
    *out = std::move(v);
    *consumed = p.pos();
  }
  return st;
}

std::string encode_resp(const RespValue& v) {
  std::string out;
  encode_into(v, out);
  return out;
}

std::string escape_bytes(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size());
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      default:
        if (c >= 0x20 && c < 0x7f) {
          out += static_cast<char>(c);
        } else {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        }
    }
  }
  return out;
}

}  // namespace kevy::cli
