// Reply: a typed RESP3 reply tree, and its exact encoding to RESP2 and RESP3.
//
// Every command produces a Reply; the encoders downgrade RESP3-only types to RESP2 exactly as
// redis-server 7.0.15 does: map -> flat array, set/push -> array, double -> bulk "%.17g",
// boolean -> integer 0/1, big number and verbatim -> bulk string, null -> "$-1" (null bulk) or
// "*-1" (null array, as the command chooses), both "_" in RESP3.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kevy {

class Reply {
 public:
  enum class Type : uint8_t {
    kSimple,     // +OK
    kError,      // -ERR ...
    kInteger,    // :1
    kBulk,       // $3 foo
    kNull,       // RESP2 $-1 or *-1 (see null_is_array()), RESP3 _
    kArray,      // *
    kMap,        // RESP3 %, RESP2 flat array of 2n
    kSet,        // RESP3 ~, RESP2 array
    kDouble,     // RESP3 ,  RESP2 bulk "%.17g"
    kBoolean,    // RESP3 #t/#f, RESP2 :1/:0
    kBigNumber,  // RESP3 (, RESP2 bulk
    kVerbatim,   // RESP3 =len fmt:text, RESP2 bulk text
    kPush,       // RESP3 >, RESP2 array
    // Several replies sent back to back, with no header of its own: a command that answers
    // more than once, as SUBSCRIBE a b (one confirmation per channel). Inside EXEC it stays
    // one element of the array while writing all of its replies, as redis-server does.
    kSequence,
  };

  Reply() : type_(Type::kNull) {}
  static Reply simple(std::string_view s) { return Reply(Type::kSimple, s); }
  static Reply ok() { return simple("OK"); }
  // `text` is the error line without the leading '-', e.g. "ERR syntax error".
  static Reply error(std::string_view text) { return Reply(Type::kError, text); }
  static Reply integer(int64_t v) {
    Reply r(Type::kInteger);
    r.int_ = v;
    return r;
  }
  static Reply bulk(std::string_view s) { return Reply(Type::kBulk, s); }
  static Reply bulk(const char* s) { return Reply(Type::kBulk, std::string_view(s)); }
  static Reply bulk(std::string&& s) {
    Reply r(Type::kBulk);
    r.str_ = std::move(s);
    return r;
  }
  static Reply null() { return Reply(Type::kNull); }
  static Reply null_array() {
    Reply r(Type::kNull);
    r.int_ = 1;
    return r;
  }
  static Reply array(std::vector<Reply> elems = {}) { return Reply(Type::kArray, std::move(elems)); }
  // `flat` holds key, value, key, value, ...
  static Reply map(std::vector<Reply> flat = {}) { return Reply(Type::kMap, std::move(flat)); }
  static Reply set(std::vector<Reply> elems = {}) { return Reply(Type::kSet, std::move(elems)); }
  static Reply push(std::vector<Reply> elems = {}) { return Reply(Type::kPush, std::move(elems)); }
  // See Type::kSequence; elements() are the replies in the order they are sent.
  static Reply sequence(std::vector<Reply> replies) {
    return Reply(Type::kSequence, std::move(replies));
  }
  static Reply dbl(double d) {
    Reply r(Type::kDouble);
    r.dbl_ = d;
    return r;
  }
  static Reply boolean(bool b) {
    Reply r(Type::kBoolean);
    r.int_ = b ? 1 : 0;
    return r;
  }
  static Reply big_number(std::string_view digits) { return Reply(Type::kBigNumber, digits); }
  // `format` is the 3-letter verbatim type ("txt" or "mkd").
  static Reply verbatim(std::string_view format, std::string_view text) {
    Reply r(Type::kVerbatim, text);
    r.format_ = std::string(format);
    return r;
  }

  Type type() const { return type_; }
  bool is_error() const { return type_ == Type::kError; }
  bool is_null() const { return type_ == Type::kNull; }
  bool null_is_array() const { return type_ == Type::kNull && int_ == 1; }
  // Text of simple, error, bulk, big number and verbatim replies.
  const std::string& str() const { return str_; }
  int64_t integer_value() const { return int_; }
  double double_value() const { return dbl_; }
  bool boolean_value() const { return int_ != 0; }
  const std::string& verbatim_format() const { return format_; }
  // Elements of array, map (flattened), set, push and sequence replies.
  const std::vector<Reply>& elements() const { return elems_; }
  std::vector<Reply>& elements() { return elems_; }
  void push_back(Reply r) { elems_.push_back(std::move(r)); }

  // Appends the exact bytes redis-server sends for this reply in protocol 2 or 3.
  void append_resp(std::string& out, int protocol) const;
  std::string to_resp(int protocol) const {
    std::string out;
    append_resp(out, protocol);
    return out;
  }
  // A one-line human-readable form for test failure messages.
  std::string debug_string() const;

  friend bool operator==(const Reply& a, const Reply& b);

 private:
  explicit Reply(Type t) : type_(t) {}
  Reply(Type t, std::string_view s) : type_(t), str_(s) {}
  Reply(Type t, std::vector<Reply> e) : type_(t), elems_(std::move(e)) {}

  Type type_;
  int64_t int_ = 0;
  double dbl_ = 0;
  std::string str_;
  std::string format_;
  std::vector<Reply> elems_;
};

}  // namespace kevy
