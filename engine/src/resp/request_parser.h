// RequestParser: the server side of RESP — turns the bytes a client sends into commands,
// exactly as redis-server 7.0.15 reads its query buffer (processMultibulkBuffer /
// processInlineBuffer).
//
// - Multibulk requests: `*<n>\r\n` then n times `$<len>\r\n<bytes>\r\n`. `*0`/`*-1` (and
//   smaller) are skipped, as Redis does. Bulks may arrive split over any number of feed()
//   calls; no argument is copied: argv() views the receive buffer, which holds the whole
//   command until it has been handed out (a huge bulk is received into room reserved for it).
// - Inline requests: any first byte other than '*' — a line up to "\n" (a trailing "\r" is
//   dropped) split like Redis's sdssplitargs (quotes, \xHH escapes); an empty line is skipped.
// - Limits and errors: Redis's exact texts (without the "-" and "\r\n"), e.g.
//   "ERR Protocol error: invalid multibulk length", "ERR Protocol error: invalid bulk length",
//   "ERR Protocol error: expected '$', got 'x'", "ERR Protocol error: too big inline request",
//   "ERR Protocol error: too big mbulk count string", "ERR Protocol error: too big bulk count
//   string", "ERR Protocol error: unbalanced quotes in request". After an error the parser
//   stays in the error state: the server replies the error and closes the connection, as
//   Redis does.
//
// Details checked against redis-server 7.0.15 with raw sockets:
// - On a protocol error Redis sends exactly "-<error>\r\n" and closes the connection; the
//   commands before the bad one in the same read are executed and answered first.
// - The `*<n>` limit is INT_MAX (2147483647), not 1024*1024: `*1048577` is accepted.
// - Numbers follow string2ll: no '+', no leading zeros, "-0" is invalid. `$-1` is an
//   invalid bulk length; `$<max_bulk_len>` is still accepted.
// - A `*`/`$` line ends at the first '\r' and the byte after it is skipped unchecked
//   (`*1\rX$4\r\nPING\r\n` is PING); `*1\n$4\r\n...` is an invalid multibulk length.
//   The 2 bytes after a bulk's data are skipped unchecked too (`$4\r\nPINGXY` is fine).
// - In "expected '$', got 'c'" c is the raw byte; '\r' and '\n' print as ' '.
// - Redis looks for the end of a line with strchr, so a NUL byte before the "\n" (inline)
//   or "\r" (`*`/`$` line) hides it: nothing is parsed until the "too big" error.
// - The "too big" errors fire when more than max_inline_len unconsumed bytes hold no line
//   end; a complete line of any length is fine. Redis checks after every read of at most
//   16 KiB (PROTO_IOBUF_LEN), so a server that wants the same outcome for over-long lines
//   should call next() after feeding each 16 KiB at most.
// - An inline line "  " or "" is skipped; `*1\r\n$0\r\n\r\n` is a command with argv {""}.
//
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kevy {

struct RequestLimits {
  size_t max_bulk_len = 512ull << 20;        // proto-max-bulk-len
  size_t max_inline_len = 64ull << 10;       // PROTO_INLINE_MAX_SIZE (also bounds `*`/`$` lines)
  int64_t max_multibulk_len = 2147483647;    // Redis 7.0's fixed limit on `*<n>` (INT_MAX)
};

class RequestParser {
 public:
  enum class Result {
    kNeedMore,  // no complete command buffered; feed more bytes
    kCommand,   // argv() holds the next command
    kError,     // error() holds Redis's reply text; close the connection after replying it
  };

  explicit RequestParser(RequestLimits limits = {}) : limits_(limits) {}
  // New limits apply from the next command parsed (CONFIG SET proto-max-bulk-len).
  void set_limits(RequestLimits limits) { limits_ = limits; }

  // Appends bytes received from the client.
  void feed(std::string_view bytes);
  // Parses the next command out of the buffered bytes.
  Result next();
  // The command of the last kCommand: views into the parser's buffer, valid until the next
  // call of next() or feed().
  const std::vector<std::string_view>& argv() const { return argv_; }
  // The error of the last kError, e.g. "ERR Protocol error: invalid bulk length".
  const std::string& error() const { return error_; }
  // Bytes received and not yet consumed (client-query-buffer-limit is checked on this).
  size_t buffered() const;

 private:
  RequestLimits limits_;
  std::string buf_;
  size_t pos_ = 0;        // first unparsed byte of buf_
  size_t cmd_start_ = 0;  // first byte of the command being parsed; bytes before it are done
  // The current multibulk's arguments so far, as (offset in buf_, length): offsets, not
  // views, because compaction moves the buffer while a command is still arriving.
  std::vector<std::pair<size_t, size_t>> spans_;
  std::vector<std::string> inline_args_;  // an inline command's unescaped arguments
  std::vector<std::string_view> argv_;
  std::string error_;
  // Multibulk state carried across feed() calls.
  int64_t multibulk_left_ = 0;
  int64_t bulk_len_ = -1;
  bool failed_ = false;
  // Bytes after pos_ already searched for the current line's end; kBlocked once a NUL hid it.
  size_t scanned_ = 0;

  static constexpr size_t kBlocked = static_cast<size_t>(-1);
  size_t find_line_end(char terminator);
  void consume_to(size_t new_pos);
  void compact();
  // Starts a new command at pos_: forgets the last one and drops finished bytes.
  void begin_command();
  Result fail(std::string error);
  friend struct RequestParserPeer;  // unit tests inspect the buffer
};

}  // namespace kevy
