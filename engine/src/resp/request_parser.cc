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


// A `*`/`$` line's number, as string2ll reads it. The common case, 1 to 9 plain digits with no
// leading zero, is parsed here; anything else (signs, zeros, long numbers) goes to
// parse_int64.
std::optional<int64_t> parse_length(std::string_view s) {
  if (s.empty() || s.size() > 9 || s[0] < '1' || s[0] > '9') return parse_int64(s);
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

void RequestParser::feed(std::string_view bytes) {
  if (failed_ || bytes.empty()) return;
  compact();
  buf_.append(bytes.data(), bytes.size());
}

size_t RequestParser::buffered() const { return buf_.size() - pos_; }

// Drops the bytes of finished commands once they are at least half of the buffer (amortized
// O(1) per byte); the command being parsed stays, and its argument offsets move with it.
void RequestParser::compact() {
  if (cmd_start_ == 0) return;
  if (cmd_start_ == buf_.size()) {
    if (buf_.capacity() > kKeepCapacity) {
      std::string().swap(buf_);  // (assigning an empty string would keep the capacity)
    } else {
      buf_.clear();
    }
  } else if (cmd_start_ >= buf_.size() / 2) {
    buf_.erase(0, cmd_start_);
  } else {
    return;
  }
  pos_ -= cmd_start_;
  for (auto& span : spans_) span.first -= cmd_start_;
  cmd_start_ = 0;
}

void RequestParser::begin_command() {
  argv_.clear();
  spans_.clear();
  cmd_start_ = pos_;
  compact();
}

void RequestParser::consume_to(size_t new_pos) {
  pos_ = new_pos;
  scanned_ = 0;
}

RequestParser::Result RequestParser::fail(std::string error) {
  failed_ = true;
  error_ = std::move(error);
  argv_.clear();
  spans_.clear();
  std::string().swap(buf_);
  pos_ = 0;
  cmd_start_ = 0;
  return Result::kError;
}

// Index of the first `terminator` at or after pos_, as strchr finds it: a NUL byte before it
// hides it for good. npos when there is none (yet). Bytes already searched are not searched
// again, so byte-by-byte feeding of a long line stays linear.
size_t RequestParser::find_line_end(char terminator) {
  if (scanned_ == kBlocked) return std::string::npos;
  const char* from = buf_.data() + pos_ + scanned_;
  const size_t n = buf_.size() - pos_ - scanned_;
  // Short lines (`$3\r\n`, most of a request) are scanned here in one pass; longer ones with
  // memchr.
  constexpr size_t kShortLine = 24;
  for (size_t i = 0; i < std::min(n, kShortLine); ++i) {
    if (from[i] == terminator) {
      scanned_ += i;
      return pos_ + scanned_;
    }
    if (from[i] == '\0') {
      scanned_ = kBlocked;
      return std::string::npos;
    }
  }
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
  argv_.clear();
  for (;;) {
    if (multibulk_left_ == 0) {
      begin_command();
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
        auto n = parse_length(std::string_view(buf_.data() + pos_ + 1, cr - pos_ - 1));
        if (!n || *n > limits_.max_multibulk_len) {
          return fail("ERR Protocol error: invalid multibulk length");
        }
        consume_to(cr + 2);
        if (*n <= 0) continue;  // `*0` and `*-1` are skipped
        multibulk_left_ = *n;
        bulk_len_ = -1;
        spans_.reserve(static_cast<size_t>(std::min(*n, kMaxArgvReserve)));
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
        inline_args_ = std::move(*args);
        argv_.assign(inline_args_.begin(), inline_args_.end());
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
        auto len = parse_length(std::string_view(buf_.data() + pos_ + 1, cr - pos_ - 1));
        if (!len || *len < 0 || static_cast<uint64_t>(*len) > limits_.max_bulk_len) {
          return fail("ERR Protocol error: invalid bulk length");
        }
        consume_to(cr + 2);
        bulk_len_ = *len;
        const size_t need = static_cast<size_t>(bulk_len_) + 2;
        if (static_cast<size_t>(bulk_len_) >= kBigArg && buffered() < need) {
          // Room for the big bulk after the command's earlier bytes, reserved once: no
          // regrowth (and no copy) while it arrives.
          if (cmd_start_ > 0) {
            buf_.erase(0, cmd_start_);
            pos_ -= cmd_start_;
            for (auto& span : spans_) span.first -= cmd_start_;
            cmd_start_ = 0;
          }
          buf_.reserve(pos_ + need);
        }
      }
      const size_t len = static_cast<size_t>(bulk_len_);
      if (buffered() < len + 2) return Result::kNeedMore;
      spans_.emplace_back(pos_, len);
      consume_to(pos_ + len + 2);  // the 2 bytes after the data are not checked, as in Redis
      bulk_len_ = -1;
      --multibulk_left_;
    }
    argv_.reserve(spans_.size());
    for (const auto& [offset, len] : spans_) argv_.emplace_back(buf_.data() + offset, len);
    return Result::kCommand;
  }
}

}  // namespace kevy
