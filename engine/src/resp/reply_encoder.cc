// Encodes kevy::Reply into RESP2/RESP3 bytes exactly as redis-server 7.0.15 writes them.
#include <cmath>
#include <cstdio>

#include "core/numbers.h"
#include "kevy/reply.h"

namespace kevy {
namespace {

void append_line(std::string& out, char prefix, std::string_view body) {
  out += prefix;
  out += body;
  out += "\r\n";
}

void append_bulk(std::string& out, std::string_view s) {
  out += '$';
  out += std::to_string(s.size());
  out += "\r\n";
  out += s;
  out += "\r\n";
}

void append_aggregate_header(std::string& out, char prefix, size_t n) {
  out += prefix;
  out += std::to_string(n);
  out += "\r\n";
}

}  // namespace

void Reply::append_resp(std::string& out, int protocol) const {
  const bool resp3 = protocol >= 3;
  switch (type_) {
    case Type::kSimple:
      append_line(out, '+', str_);
      return;
    case Type::kError: {
      // Redis turns newlines inside an error into spaces so the protocol stays valid.
      std::string line = str_;
      for (char& c : line) {
        if (c == '\r' || c == '\n') c = ' ';
      }
      append_line(out, '-', line);
      return;
    }
    case Type::kInteger:
      append_line(out, ':', std::to_string(int_));
      return;
    case Type::kBulk:
      append_bulk(out, str_);
      return;
    case Type::kNull:
      out += resp3 ? "_\r\n" : (null_is_array() ? "*-1\r\n" : "$-1\r\n");
      return;
    case Type::kArray:
    case Type::kSet:
    case Type::kPush: {
      char prefix = '*';
      if (resp3 && type_ == Type::kSet) prefix = '~';
      if (resp3 && type_ == Type::kPush) prefix = '>';
      append_aggregate_header(out, prefix, elems_.size());
      for (const Reply& e : elems_) e.append_resp(out, protocol);
      return;
    }
    case Type::kSequence:
      for (const Reply& e : elems_) e.append_resp(out, protocol);
      return;
    case Type::kMap:
      if (resp3) {
        append_aggregate_header(out, '%', elems_.size() / 2);
      } else {
        append_aggregate_header(out, '*', elems_.size());
      }
      for (const Reply& e : elems_) e.append_resp(out, protocol);
      return;
    case Type::kDouble: {
      std::string text = format_double_reply(dbl_);
      if (resp3) {
        append_line(out, ',', text);
      } else {
        append_bulk(out, text);
      }
      return;
    }
    case Type::kBoolean:
      if (resp3) {
        out += int_ ? "#t\r\n" : "#f\r\n";
      } else {
        out += int_ ? ":1\r\n" : ":0\r\n";
      }
      return;
    case Type::kBigNumber:
      if (resp3) {
        append_line(out, '(', str_);
      } else {
        append_bulk(out, str_);
      }
      return;
    case Type::kVerbatim:
      if (resp3) {
        out += '=';
        out += std::to_string(str_.size() + 4);
        out += "\r\n";
        out += format_;
        out += ':';
        out += str_;
        out += "\r\n";
      } else {
        append_bulk(out, str_);
      }
      return;
  }
}

std::string Reply::debug_string() const {
  // Built with += only: GCC 12 at -O3 reports a false -Wrestrict on "lit" + std::string.
  std::string s;
  switch (type_) {
    case Type::kSimple: s += '+'; s += str_; return s;
    case Type::kError: s += '-'; s += str_; return s;
    case Type::kInteger: s += ':'; s += std::to_string(int_); return s;
    case Type::kBulk: s += '"'; s += str_; s += '"'; return s;
    case Type::kNull: return "(nil)";
    case Type::kDouble: s += ','; s += format_double_reply(dbl_); return s;
    case Type::kBoolean: return int_ ? "#t" : "#f";
    case Type::kBigNumber: s += '('; s += str_; return s;
    case Type::kVerbatim: s += '='; s += format_; s += ':'; s += str_; return s;
    case Type::kArray:
    case Type::kMap:
    case Type::kSet:
    case Type::kPush:
    case Type::kSequence: {
      s += type_ == Type::kMap        ? "{"
           : type_ == Type::kSet      ? "~["
           : type_ == Type::kSequence ? "seq["
                                      : "[";
      for (size_t i = 0; i < elems_.size(); ++i) {
        if (i) s += ", ";
        s += elems_[i].debug_string();
      }
      s += type_ == Type::kMap ? "}" : "]";
      return s;
    }
  }
  return "?";
}

bool operator==(const Reply& a, const Reply& b) {
  if (a.type_ != b.type_ || a.int_ != b.int_ || a.str_ != b.str_ || a.format_ != b.format_) {
    return false;
  }
  if (a.type_ == Reply::Type::kDouble &&
      !(a.dbl_ == b.dbl_ || (std::isnan(a.dbl_) && std::isnan(b.dbl_)))) {
    return false;
  }
  return a.elems_ == b.elems_;
}

}  // namespace kevy
