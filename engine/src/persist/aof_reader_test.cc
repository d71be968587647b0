// AofReader: commands, annotations, cut tails at every byte, malformed bytes with offsets, and
// files larger than its read chunk (read from disk).
#include "persist/aof_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kevy::aof {
namespace {

using Next = AofReader::Next;

std::string resp(std::initializer_list<std::string_view> argv) {
  std::string out = "*" + std::to_string(argv.size()) + "\r\n";
  for (std::string_view a : argv) {
    out += "$" + std::to_string(a.size()) + "\r\n";
    out += a;
    out += "\r\n";
  }
  return out;
}

std::vector<std::vector<std::string>> read_all_commands(std::string_view data, Next* last) {
  AofReader r;
  r.open_bytes(data);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> argv;
  for (;;) {
    *last = r.next(&argv);
    if (*last != Next::kCommand) return out;
    out.push_back(argv);
  }
}

TEST(AofReader, ReadsCommandsWithOffsets) {
  const std::string a = resp({"SELECT", "0"});
  const std::string b = resp({"set", "k", std::string_view("v\r\n\0x", 5)});
  const std::string data = a + b;
  AofReader r;
  r.open_bytes(data);
  std::vector<std::string> argv;
  ASSERT_EQ(r.next(&argv), Next::kCommand);
  EXPECT_EQ(argv, (std::vector<std::string>{"SELECT", "0"}));
  EXPECT_EQ(r.offset(), 0u);
  EXPECT_EQ(r.end_offset(), a.size());
  ASSERT_EQ(r.next(&argv), Next::kCommand);
  EXPECT_EQ(argv[2], std::string("v\r\n\0x", 5));
  EXPECT_EQ(r.offset(), a.size());
  EXPECT_EQ(r.end_offset(), data.size());
  EXPECT_EQ(r.next(&argv), Next::kEnd);
  EXPECT_EQ(r.next(&argv), Next::kEnd);
}

TEST(AofReader, SkipsAnnotationLines) {
  Next last;
  auto cmds = read_all_commands("#TS:1700000000\r\n" + resp({"set", "a", "1"}) + "#x", &last);
  EXPECT_EQ(last, Next::kEnd);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0][0], "set");
}

TEST(AofReader, EveryCutOfAValidFileIsTruncatedOrEnd) {
  const std::string a = resp({"SELECT", "0"});
  const std::string data = a + resp({"set", "a", "1"}) + resp({"rpush", "l", "x", "yy"});
  std::vector<size_t> ends;
  {
    AofReader r;
    r.open_bytes(data);
    std::vector<std::string> argv;
    while (r.next(&argv) == Next::kCommand) ends.push_back(r.end_offset());
  }
  for (size_t cut = 0; cut <= data.size(); ++cut) {
    Next last;
    AofReader r;
    r.open_bytes(std::string_view(data).substr(0, cut));
    std::vector<std::string> argv;
    size_t whole = 0;
    while ((last = r.next(&argv)) == Next::kCommand) ++whole;
    const bool at_boundary = cut == 0 || std::find(ends.begin(), ends.end(), cut) != ends.end();
    EXPECT_EQ(last, at_boundary ? Next::kEnd : Next::kTruncated) << "cut " << cut;
    if (last == Next::kTruncated) {
      EXPECT_EQ(r.offset(), whole == 0 ? 0 : ends[whole - 1]) << "cut " << cut;
    }
  }
}

TEST(AofReader, MalformedBytesAreReportedWhereTheyAre) {
  const std::string head = resp({"SELECT", "0"});  // 23 bytes
  struct Case {
    std::string tail;
    uint64_t offset;
    std::string error;
  };
  const Case cases[] = {
      {"hello\r\n", 23, "expected '*', got 'h'"},
      {"*0\r\n", 23, "invalid argument count line"},
      {"*-1\r\n", 23, "invalid argument count line"},
      {"*3\n", 23, "invalid argument count line"},
      {"*3x\r\n", 23, "invalid argument count line"},
      {"*2147483648\r\n", 23, "invalid argument count line"},
      {"*1\r\n:3\r\n", 27, "expected '$', got ':'"},
      {"*1\r\n$-1\r\n", 27, "invalid bulk length line"},
      {"*1\r\n$99999999999999999999\r\n", 27, "invalid bulk length line"},
      {"*1\r\n$1\r\naXY", 32, "expected \\r\\n after the argument, got 'X' 'Y'"},
      {"*1\r\n$1\r\na\r\x01", 32, "expected \\r\\n after the argument, got \\x0d \\x01"},
      {"*x", 23, "invalid argument count line"},  // cut, but no count can start so
      {"*1\r\n#x\r\n", 27, "expected '$', got '#'"},
  };
  for (const Case& c : cases) {
    AofReader r;
    const std::string data = head + c.tail;
    r.open_bytes(data);
    std::vector<std::string> argv;
    ASSERT_EQ(r.next(&argv), Next::kCommand);
    ASSERT_EQ(r.next(&argv), Next::kBadFormat) << c.tail;
    EXPECT_EQ(r.error_offset(), c.offset) << c.tail;
    EXPECT_EQ(r.error(), c.error) << c.tail;
  }
}

TEST(AofReader, HugeLengthsAreACutNotAnAllocation) {
  for (std::string data : {std::string("*2147483647\r\n$3\r\nset\r\n"),
                           std::string("*1\r\n$4611686018427387903\r\nabc"),
                           std::string("*1\r\n$1000000000\r\n")}) {
    AofReader r;
    r.open_bytes(data);
    std::vector<std::string> argv;
    EXPECT_EQ(r.next(&argv), Next::kTruncated);
    EXPECT_EQ(r.offset(), 0u);
  }
}

TEST(AofReader, LongLinesAreReadInFgetsPieces) {
  // An annotation longer than 1023 bytes: the rest is read as a command line.
  AofReader r;
  const std::string data = "#" + std::string(1100, 'x') + "\n" + resp({"set", "a", "1"});
  r.open_bytes(data);
  std::vector<std::string> argv;
  EXPECT_EQ(r.next(&argv), Next::kBadFormat);
  EXPECT_EQ(r.error_offset(), 1023u);
}

TEST(AofReader, FilesLargerThanTheReadChunk) {
  std::string dir = (std::filesystem::temp_directory_path() / "kevy-aofreader-XXXXXX").string();
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  const std::string path = dir + "/big.aof";
  std::string data = resp({"SELECT", "0"});
  const std::string big(3 << 20, 'v');  // one argument over several chunks
  data += resp({"set", "big", big});
  for (int i = 0; i < 50000; ++i) data += resp({"rpush", "l", std::to_string(i)});
  std::ofstream(path, std::ios::binary) << data;

  AofReader r;
  ASSERT_TRUE(r.open(path).is_ok());
  EXPECT_EQ(r.size(), data.size());
  EXPECT_FALSE(r.starts_with_rdb());
  std::vector<std::string> argv;
  ASSERT_EQ(r.next(&argv), Next::kCommand);
  ASSERT_EQ(r.next(&argv), Next::kCommand);
  EXPECT_EQ(argv[2], big);
  int n = 0;
  Next last;
  while ((last = r.next(&argv)) == Next::kCommand) {
    ASSERT_EQ(argv[2], std::to_string(n));
    ++n;
  }
  EXPECT_EQ(last, Next::kEnd);
  EXPECT_EQ(n, 50000);

  // The same file cut inside the big argument.
  std::filesystem::resize_file(path, 2 << 20);
  AofReader cut;
  ASSERT_TRUE(cut.open(path).is_ok());
  ASSERT_EQ(cut.next(&argv), Next::kCommand);
  EXPECT_EQ(cut.next(&argv), Next::kTruncated);
  EXPECT_EQ(cut.offset(), 23u);

  AofReader missing;
  EXPECT_EQ(missing.open(dir + "/nope").code(), Status::Code::kNotFound);
  std::filesystem::remove_all(dir);
}

TEST(AofReader, RdbImageThenCommands) {
  const std::string data = "REDIS0010xyz" + resp({"set", "a", "1"});
  AofReader r;
  r.open_bytes(data);
  ASSERT_TRUE(r.starts_with_rdb());
  std::string_view all;
  ASSERT_TRUE(r.read_all(&all).is_ok());
  EXPECT_EQ(all, data);
  r.skip_to(12);
  std::vector<std::string> argv;
  ASSERT_EQ(r.next(&argv), Next::kCommand);
  EXPECT_EQ(argv[0], "set");
  EXPECT_EQ(r.offset(), 12u);
}

}  // namespace
}  // namespace kevy::aof
