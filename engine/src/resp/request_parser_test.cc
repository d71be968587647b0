// RequestParser tests. Expected behaviour and error texts are what redis-server 7.0.15 does
// with the same bytes on a raw socket (see the notes in request_parser.h).
#include "resp/request_parser.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace kevy {

struct RequestParserPeer {
  static const std::string& buf(const RequestParser& p) { return p.buf_; }
};

namespace {

using Argv = std::vector<std::string>;
using Result = RequestParser::Result;

// The last command, copied out of the parser's buffer.
Argv argv_of(const RequestParser& p) { return Argv(p.argv().begin(), p.argv().end()); }

std::string encode(const Argv& argv) {
  std::string out = "*" + std::to_string(argv.size()) + "\r\n";
  for (const auto& a : argv) out += "$" + std::to_string(a.size()) + "\r\n" + a + "\r\n";
  return out;
}

struct Outcome {
  std::vector<Argv> commands;
  std::string error;  // empty when no error
  bool operator==(const Outcome& o) const { return commands == o.commands && error == o.error; }
};

// Drains every complete command after each feed.
Outcome run_chunks(const std::vector<std::string>& chunks, RequestLimits limits = {}) {
  RequestParser p(limits);
  Outcome out;
  for (const auto& c : chunks) {
    p.feed(c);
    for (;;) {
      Result r = p.next();
      if (r == Result::kNeedMore) break;
      if (r == Result::kError) {
        out.error = p.error();
        EXPECT_EQ(p.next(), Result::kError);  // the error state sticks
        return out;
      }
      out.commands.push_back(argv_of(p));
    }
  }
  return out;
}

Outcome run(const std::string& bytes, RequestLimits limits = {}) {
  return run_chunks({bytes}, limits);
}

Outcome run_bytewise(const std::string& bytes, RequestLimits limits = {}) {
  std::vector<std::string> chunks;
  for (char c : bytes) chunks.emplace_back(1, c);
  return run_chunks(chunks, limits);
}

TEST(RequestParser, PipelinedCommandsInOneFeed) {
  const std::string bytes = encode({"SET", "k", "v"}) + "GET k\r\n" + encode({"PING"}) +
                            "ECHO x\n" + encode({"DEL", "a", "b"});
  Outcome o = run(bytes);
  EXPECT_EQ(o.error, "");
  EXPECT_EQ(o.commands,
            (std::vector<Argv>{{"SET", "k", "v"}, {"GET", "k"}, {"PING"}, {"ECHO", "x"},
                               {"DEL", "a", "b"}}));
  EXPECT_EQ(run_bytewise(bytes), o);
}

TEST(RequestParser, NeedMoreUntilComplete) {
  RequestParser p;
  EXPECT_EQ(p.next(), Result::kNeedMore);
  p.feed("*2\r\n$3\r\nGET\r\n$1\r");
  EXPECT_EQ(p.next(), Result::kNeedMore);
  p.feed("\nk\r");
  EXPECT_EQ(p.next(), Result::kNeedMore);
  p.feed("\n");
  ASSERT_EQ(p.next(), Result::kCommand);
  EXPECT_EQ(argv_of(p), (Argv{"GET", "k"}));
  EXPECT_EQ(p.next(), Result::kNeedMore);
  EXPECT_EQ(p.buffered(), 0u);
}

TEST(RequestParser, BinaryBulksAndEmptyBulk) {
  const std::string bin("a\0b\r\nc\n\r", 8);
  const std::string bytes = encode({"SET", bin, ""}) + encode({""});
  Outcome o = run(bytes);
  EXPECT_EQ(o.error, "");
  EXPECT_EQ(o.commands, (std::vector<Argv>{{"SET", bin, ""}, {""}}));
  EXPECT_EQ(run_bytewise(bytes), o);
}

TEST(RequestParser, ZeroAndNegativeCountsAreSkipped) {
  const std::string bytes = "*0\r\n*-1\r\n*-5\r\nPING\r\n*0\r\n" + encode({"GET", "k"});
  Outcome o = run(bytes);
  EXPECT_EQ(o.error, "");
  EXPECT_EQ(o.commands, (std::vector<Argv>{{"PING"}, {"GET", "k"}}));
  EXPECT_EQ(run_bytewise(bytes), o);
}

TEST(RequestParser, BytesAfterCrAndAfterBulkDataAreNotChecked) {
  // Redis skips the byte after a header's '\r' and the 2 bytes after a bulk's data unchecked.
  Outcome o = run("*1\rX$4\r\nPING\r\n*1\r\n$4\r\nPINGXY*1\r\n$4\r\nPING\r\n");
  EXPECT_EQ(o.error, "");
  EXPECT_EQ(o.commands, (std::vector<Argv>{{"PING"}, {"PING"}, {"PING"}}));
}

TEST(RequestParser, InlineLines) {
  const std::string bytes =
      "PING\r\nPING\nPING\r\r\n  \r\n\r\n\n \t \nSET \"k\" v\r\n"
      "RPUSH l \"a\\x41\\n\\\"b\" 'c\\'d' e\"f g\" \"\\xZZ\" 'x\\ny' \x0bv\r\n"
      "ECHO \"\" \"\\x4\" \"\\x4a\"\r\n";
  Outcome o = run(bytes);
  EXPECT_EQ(o.error, "");
  EXPECT_EQ(o.commands,
            (std::vector<Argv>{{"PING"},
                               {"PING"},
                               {"PING"},
                               {"SET", "k", "v"},
                               {"RPUSH", "l", "aA\n\"b", "c'd", "ef g", "xZZ", "x\\ny", "v"},
                               {"ECHO", "", "x4", "J"}}));
  EXPECT_EQ(run_bytewise(bytes), o);
}

TEST(RequestParser, Errors) {
  struct Case {
    std::string bytes;
    std::string error;
  };
  const std::string k64(64 * 1024, '1');
  const std::vector<Case> cases = {
      {"*x\r\n\n", "ERR Protocol error: invalid multibulk length"},
      {"*\r\n", "ERR Protocol error: invalid multibulk length"},
      {"*-0\r\n", "ERR Protocol error: invalid multibulk length"},
      {"*01\r\n", "ERR Protocol error: invalid multibulk length"},
      {"*+1\r\n", "ERR Protocol error: invalid multibulk length"},
      {"*2147483648\r\n", "ERR Protocol error: invalid multibulk length"},
      {"*1\n$4\r\nPING\r\n", "ERR Protocol error: invalid multibulk length"},
      {"*1\r\nx3\r\nfoo\r\n", "ERR Protocol error: expected '$', got 'x'"},
      {"*1\r\n\n$3\r\nfoo\r\n", "ERR Protocol error: expected '$', got ' '"},
      {"*1\r\n\r\n", "ERR Protocol error: expected '$', got ' '"},
      {"*1\r\n\x80$4\r\n", "ERR Protocol error: expected '$', got '\x80'"},
      {"*1\r\n$-1\r\n", "ERR Protocol error: invalid bulk length"},
      {"*1\r\n$x\r\n", "ERR Protocol error: invalid bulk length"},
      {"*1\r\n$01\r\n", "ERR Protocol error: invalid bulk length"},
      {"*1\r\n$\r\n", "ERR Protocol error: invalid bulk length"},
      {"*1\r\n$536870913\r\n", "ERR Protocol error: invalid bulk length"},
      {"ECHO \"a\"b\r\n", "ERR Protocol error: unbalanced quotes in request"},
      {"ECHO \"ab\r\n", "ERR Protocol error: unbalanced quotes in request"},
      {"ECHO 'a'b\r\n", "ERR Protocol error: unbalanced quotes in request"},
      {"ECHO 'ab\r\n", "ERR Protocol error: unbalanced quotes in request"},
      {"ECHO \"a\\\"\r\n", "ERR Protocol error: unbalanced quotes in request"},
      {std::string(64 * 1024 + 1, 'A'), "ERR Protocol error: too big inline request"},
      {"*" + k64, "ERR Protocol error: too big mbulk count string"},
      {"*1\r\n$" + k64, "ERR Protocol error: too big bulk count string"},
      // A NUL hides the line end (Redis uses strchr): only the size limit ends the wait.
      {std::string("PING\0", 5) + std::string(64 * 1024, 'A') + "\r\n",
       "ERR Protocol error: too big inline request"},
      {std::string("*1\0\r\n", 5) + std::string(64 * 1024, 'A'),
       "ERR Protocol error: too big mbulk count string"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.bytes.substr(0, 40));
    Outcome o = run(c.bytes);
    EXPECT_EQ(o.error, c.error);
    EXPECT_TRUE(o.commands.empty());
    if (c.bytes.size() < 1000) {
      EXPECT_EQ(run_bytewise(c.bytes), o);
    }
  }
}

TEST(RequestParser, CommandsBeforeAnErrorComeOutFirst) {
  Outcome o = run("PING\r\n*1\r\n$x\r\nPING\r\n");
  EXPECT_EQ(o.commands, (std::vector<Argv>{{"PING"}}));
  EXPECT_EQ(o.error, "ERR Protocol error: invalid bulk length");
  // Further input is ignored once failed.
  RequestParser p;
  p.feed("*x\r\n");
  EXPECT_EQ(p.next(), Result::kError);
  p.feed("PING\r\n");
  EXPECT_EQ(p.next(), Result::kError);
  EXPECT_EQ(p.buffered(), 0u);
}

TEST(RequestParser, NoErrorAtTheExactLimits) {
  const std::string k64(64 * 1024, 'A');
  EXPECT_EQ(run(k64), Outcome{});  // 65536 bytes without a newline: still waiting
  EXPECT_EQ(run("*" + std::string(64 * 1024 - 1, '1')), Outcome{});
  EXPECT_EQ(run("*1\r\n$" + std::string(64 * 1024 - 1, '1')), Outcome{});
  EXPECT_EQ(run("*2147483647\r\n"), Outcome{});
  EXPECT_EQ(run("*1048577\r\n"), Outcome{});  // not limited to 1024*1024 in 7.0
  EXPECT_EQ(run("*1\r\n$536870912\r\n"), Outcome{});
  // A complete line longer than the limit is fine.
  Outcome o = run(std::string(64 * 1024 + 10, 'A') + "\n");
  EXPECT_EQ(o.error, "");
  ASSERT_EQ(o.commands.size(), 1u);
  EXPECT_EQ(o.commands[0][0].size(), 64u * 1024 + 10);
}

TEST(RequestParser, CustomLimits) {
  RequestLimits l;
  l.max_bulk_len = 10;
  l.max_inline_len = 16;
  l.max_multibulk_len = 3;
  EXPECT_EQ(run(encode({"a", "b", "0123456789"}), l).commands,
            (std::vector<Argv>{{"a", "b", "0123456789"}}));
  EXPECT_EQ(run(encode({"a", "b", "c", "d"}), l).error,
            "ERR Protocol error: invalid multibulk length");
  EXPECT_EQ(run(encode({"01234567890"}), l).error, "ERR Protocol error: invalid bulk length");
  EXPECT_EQ(run(std::string(16, 'A'), l), Outcome{});
  EXPECT_EQ(run(std::string(17, 'A'), l).error, "ERR Protocol error: too big inline request");
  EXPECT_EQ(run_bytewise(std::string(17, 'A'), l).error,
            "ERR Protocol error: too big inline request");
  EXPECT_EQ(run("*" + std::string(16, '1'), l).error,
            "ERR Protocol error: too big mbulk count string");
  EXPECT_EQ(run("*1\r\n$" + std::string(12, '1'), l), Outcome{});  // 13 bytes after "*1\r\n"
  EXPECT_EQ(run("*1\r\n$" + std::string(16, '1'), l).error,
            "ERR Protocol error: too big bulk count string");
  // The "too big" checks apply to the unconsumed bytes only.
  EXPECT_EQ(run("PING\r\n" + std::string(16, 'A'), l).commands, (std::vector<Argv>{{"PING"}}));
}

TEST(RequestParser, BufferedShrinksAndConsumedBytesAreDropped) {
  RequestParser p;
  const std::string cmd = encode({"SET", "key", std::string(100, 'v')});
  p.feed(cmd + cmd + cmd.substr(0, 10));
  EXPECT_EQ(p.buffered(), 2 * cmd.size() + 10);
  ASSERT_EQ(p.next(), Result::kCommand);
  EXPECT_EQ(p.buffered(), cmd.size() + 10);
  ASSERT_EQ(p.next(), Result::kCommand);
  EXPECT_EQ(p.buffered(), 10u);
  EXPECT_EQ(p.next(), Result::kNeedMore);
  // A long-running pipelined stream: the buffer never holds much more than the unconsumed part.
  size_t max_size = 0;
  for (int i = 0; i < 10000; ++i) {
    p.feed(cmd.substr(10) + cmd.substr(0, 10));
    ASSERT_EQ(p.next(), Result::kCommand);
    ASSERT_EQ(p.next(), Result::kNeedMore);
    max_size = std::max(max_size, RequestParserPeer::buf(p).size());
  }
  EXPECT_LE(max_size, 3 * cmd.size());
  p.feed(cmd.substr(10));
  ASSERT_EQ(p.next(), Result::kCommand);
  EXPECT_EQ(p.buffered(), 0u);
}

TEST(RequestParser, BigBulkIsReservedOnceAndNotCopied) {
  const size_t n = 1 << 20;
  std::string value(n, 'x');
  value[0] = 'a';
  value[n - 1] = 'z';
  RequestParser q;
  q.feed("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + std::to_string(n) + "\r\n" + value.substr(0, 1000));
  ASSERT_EQ(q.next(), Result::kNeedMore);
  const std::string& buf = RequestParserPeer::buf(q);
  const size_t capacity = buf.capacity();
  const char* data = buf.data();
  EXPECT_GE(capacity, n + 2);
  for (size_t off = 1000; off < n; off += 4096) {
    q.feed(value.substr(off, 4096));
    ASSERT_EQ(q.next(), Result::kNeedMore);
    ASSERT_EQ(RequestParserPeer::buf(q).data(), data);  // never reallocated
  }
  EXPECT_EQ(q.buffered(), n);
  q.feed("\r\n");
  ASSERT_EQ(q.next(), Result::kCommand);
  ASSERT_EQ(q.argv().size(), 3u);
  EXPECT_EQ(q.argv()[2], value);
  EXPECT_EQ(RequestParserPeer::buf(q).data(), data);  // viewed where it was received, no copy
  EXPECT_GE(q.argv()[2].data(), data);
  EXPECT_LT(q.argv()[2].data(), data + capacity);
  EXPECT_EQ(q.buffered(), 0u);
  // The next command releases the big buffer.
  ASSERT_EQ(q.next(), Result::kNeedMore);
  EXPECT_LT(RequestParserPeer::buf(q).capacity(), n);
}

TEST(RequestParser, BigBulkFollowedByPipelinedBytes) {
  const std::string big(100000, 'b');
  const std::string bytes = encode({"SET", "k", big}) + encode({"GET", "k"});
  std::vector<std::string> chunks;
  for (size_t off = 0; off < bytes.size(); off += 7777) chunks.push_back(bytes.substr(off, 7777));
  Outcome o = run_chunks(chunks);
  EXPECT_EQ(o.error, "");
  EXPECT_EQ(o.commands, (std::vector<Argv>{{"SET", "k", big}, {"GET", "k"}}));
}

TEST(RequestParser, RandomSplitsDecodeTheSame) {
  std::mt19937 rng(12345);
  auto rand = [&](size_t lo, size_t hi) {
    return std::uniform_int_distribution<size_t>(lo, hi)(rng);
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<Argv> commands;
    std::string bytes;
    const size_t count = rand(1, 20);
    for (size_t i = 0; i < count; ++i) {
      Argv argv;
      const size_t argc = rand(1, 6);
      const bool is_inline = rand(0, 3) == 0;
      for (size_t j = 0; j < argc; ++j) {
        const bool big = rand(0, 9) == 0;
        std::string arg(big ? rand(0, 70000) : rand(0, 20), 'a');
        for (size_t k = 0; k < arg.size(); k += big ? 97 : 1) {  // big ones: some random bytes
          arg[k] = is_inline ? static_cast<char>('a' + rand(0, 25)) : static_cast<char>(rand(0, 255));
        }
        if (is_inline && arg.empty()) arg = "x";
        argv.push_back(std::move(arg));
      }
      if (rand(0, 5) == 0) bytes += "*0\r\n";
      if (is_inline) {
        std::string line;
        for (const auto& a : argv) line += (line.empty() ? "" : " ") + a;
        if (line.size() > 60000) line.resize(60000);
        // Re-split what the line actually holds.
        argv.clear();
        size_t p = 0;
        while (p < line.size()) {
          size_t sp = line.find(' ', p);
          if (sp == std::string::npos) sp = line.size();
          argv.push_back(line.substr(p, sp - p));
          p = sp + 1;
        }
        bytes += line + (rand(0, 1) ? "\r\n" : "\n");
      } else {
        bytes += encode(argv);
      }
      commands.push_back(std::move(argv));
    }
    std::vector<std::string> chunks;
    for (size_t off = 0; off < bytes.size();) {
      const size_t len = rand(0, 2) == 0 ? rand(1, 3) : rand(1, 20000);
      chunks.push_back(bytes.substr(off, len));
      off += len;
    }
    Outcome o = run_chunks(chunks);
    ASSERT_EQ(o.error, "") << "round " << round;
    ASSERT_EQ(o.commands, commands) << "round " << round;
  }
}

}  // namespace
}  // namespace kevy
