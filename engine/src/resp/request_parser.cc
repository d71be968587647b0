#include "resp/request_parser.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

#include "core/numbers.h"
#include "resp/split_args.h"

namespace kevy {
namespace {

// A bulk at least this long is received into a buffer reserved for it once and handed over
// without a copy when it is all the buffer holds (Redis's PROTO_MBULK_BIG_ARG).
constexpr size_t kBigArg = 32 * 1024;
// An emptied buffer whose capacity is above this is released rather than kept.
constexpr size_t kKeepCapacity = 64 * 1024;
// Redis preallocates at most this many argv slots for `*<n>`.
constexpr int64_t kMaxArgvReserve = 1024;


}  // namespace

void RequestParser::feed(std::string_view bytes) {
  if (failed_ || bytes.empty()) return;
  compact();
  buf_.append(bytes.data(), bytes.size());
}

size_t RequestParser::buffered() const { return buf_.size() - pos_; }

// Drops consumed bytes once they are at least half of the buffer (amortized O(1) per byte).
void RequestParser::compact() {
  if (pos_ == 0) return;
  if (pos_ == buf_.size()) {
    if (buf_.capacity() > kKeepCapacity) {
      buf_ = std::string();
    } else {
      buf_.clear();
    }
    pos_ = 0;
  } else if (pos_ >= buf_.size() / 2) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
}

void RequestParser::consume_to(size_t new_pos) {
  pos_ = new_pos;
  scanned_ = 0;
}

RequestParser::Result RequestParser::fail(std::string error) {
  failed_ = true;
  error_ = std::move(error);
  argv_.clear();
  buf_ = std::string();
  pos_ = 0;
  return Result::kError;
}

// Index of the first `terminator` at or after pos_, as strchr finds it: a NUL byte before it
// hides it for good. npos when there is none (yet). Bytes already searched are not searched
// again, so byte-by-byte feeding of a long line stays linear.
size_t RequestParser::find_line_end(char terminator) {
  if (scanned_ == kBlocked) return std::string::npos;
  const char* from = buf_.data() + pos_ + scanned_;
  const size_t n = buf_.size() - pos_ - scanned_;
  const void* hit = std::memchr(from, terminator, n);
  const size_t limit = hit ? static_cast<size_t>(static_cast<const char*>(hit) - from) : n;
  if (std::memchr(from, '\0', limit) != nullptr) {
    scanned_ = kBlocked;
    return std::string::npos;
  }
  scanned_ += limit;  // stays on the terminator if found, so a retry finds it at once
  return hit ? pos_ + scanned_ : std::string::npos;
}

RequestParser::Result RequestParser::next() {
  if (failed_) return Result::kError;
  if (multibulk_left_ == 0) argv_.clear();
  for (;;) {
    if (multibulk_left_ == 0) {
      if (pos_ >= buf_.size()) return Result::kNeedMore;
      if (buf_[pos_] == '*') {
        const size_t cr = find_line_end('\r');
        if (cr == std::string::npos) {
          if (buffered() > limits_.max_inline_len) {
            return fail("ERR Protocol error: too big mbulk count string");
          }
          return Result::kNeedMore;
        }
        if (cr + 1 >= buf_.size()) return Result::kNeedMore;  // the byte after '\r'
        auto n = parse_int64(std::string_view(buf_).substr(pos_ + 1, cr - pos_ - 1));
        if (!n || *n > limits_.max_multibulk_len) {
          return fail("ERR Protocol error: invalid multibulk length");
        }
        consume_to(cr + 2);
        if (*n <= 0) continue;  // `*0` and `*-1` are skipped
        multibulk_left_ = *n;
        bulk_len_ = -1;
        argv_.reserve(static_cast<size_t>(std::min(*n, kMaxArgvReserve)));
      } else {
        const size_t lf = find_line_end('\n');
        if (lf == std::string::npos) {
          if (buffered() > limits_.max_inline_len) {
            return fail("ERR Protocol error: too big inline request");
          }
          return Result::kNeedMore;
        }
        size_t end = lf;
        if (end > pos_ && buf_[end - 1] == '\r') --end;
        auto args = split_args(std::string_view(buf_).substr(pos_, end - pos_));
        if (!args) return fail("ERR Protocol error: unbalanced quotes in request");
        consume_to(lf + 1);
        if (args->empty()) continue;  // empty line
        argv_ = std::move(*args);
        return Result::kCommand;
      }
    }

    while (multibulk_left_ > 0) {
      if (bulk_len_ < 0) {
        const size_t cr = find_line_end('\r');
        if (cr == std::string::npos) {
          if (buffered() > limits_.max_inline_len) {
            return fail("ERR Protocol error: too big bulk count string");
          }
          return Result::kNeedMore;
        }
        if (cr + 1 >= buf_.size()) return Result::kNeedMore;
        if (buf_[pos_] != '$') {
          char got = buf_[pos_];
          if (got == '\r' || got == '\n') got = ' ';  // addReplyError maps them to spaces
          return fail(std::string("ERR Protocol error: expected '$', got '") + got + "'");
        }
        auto len = parse_int64(std::string_view(buf_).substr(pos_ + 1, cr - pos_ - 1));
        if (!len || *len < 0 || static_cast<uint64_t>(*len) > limits_.max_bulk_len) {
          return fail("ERR Protocol error: invalid bulk length");
        }
        consume_to(cr + 2);
        bulk_len_ = *len;
        const size_t need = static_cast<size_t>(bulk_len_) + 2;
        if (static_cast<size_t>(bulk_len_) >= kBigArg && buffered() < need) {
          // Receive the big bulk at the start of a buffer sized for it: no regrowth while it
          // arrives, and no copy when it is complete (see below).
          buf_.erase(0, pos_);
          pos_ = 0;
          buf_.reserve(need);
        }
      }
      const size_t len = static_cast<size_t>(bulk_len_);
      if (buffered() < len + 2) return Result::kNeedMore;
      if (pos_ == 0 && buf_.size() == len + 2 && len >= kBigArg) {
        buf_.resize(len);
        argv_.push_back(std::move(buf_));
        buf_ = std::string();
        consume_to(0);
      } else {
        argv_.emplace_back(buf_, pos_, len);
        consume_to(pos_ + len + 2);  // the 2 bytes after the data are not checked, as in Redis
      }
      bulk_len_ = -1;
      --multibulk_left_;
    }
    return Result::kCommand;
  }
}

}  // namespace kevy
