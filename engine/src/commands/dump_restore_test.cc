// DUMP and RESTORE against redis-server 7.0.15. The tables in tests/data/dump_restore_cases.txt
// are recorded from the oracle by corpus/scripts/gen_dump_cases.py (sanitize-dump-payload yes)
// and read at run time (test_support/case_file.h):
// - dump cases: commands building one key, Redis's DUMP payload and OBJECT ENCODING before and
//   after RESTORE. Our DUMP must be byte-identical where Redis's layout is deterministic
//   (`exact`); every Redis payload must RESTORE in kevy to the same contents and encoding, and
//   ours must round-trip.
// - restore cases: payloads of older RDB types and malformed values, with Redis's answer.
// - corrupt cases: for sample payloads, Redis's answer to each byte flipped and each
//   truncation of the value (footer recomputed), one letter each: O ok, B Bad data format,
//   V version/checksum.
// The hand-written tests at the end were recorded on the oracle with redis-cli.
#include "commands/dump_restore.h"
#include "test_support/hex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "persist/crc64.h"
#include "test_support/case_file.h"
#include "test_support/family_test.h"

namespace kevy {
namespace {

struct DumpCase {
  std::string name;
  std::vector<std::vector<std::string>> commands;
  std::string payload_hex;
  std::string encoding;           // OBJECT ENCODING of the built key
  std::string restored_encoding;  // OBJECT ENCODING after RESTORE of the payload
  bool exact = false;             // Redis's bytes are deterministic for these contents
};

struct RestoreCase {
  std::string name;
  std::vector<std::string> config;  // CONFIG SET name value ... before the RESTORE
  std::string payload_hex;
  std::string reply;     // "OK" or the error text without "ERR "
  std::string encoding;  // after RESTORE, when OK
  std::string type;
  std::vector<std::string> contents;  // as Contents() lists them
};

// RPUSH l of n elements of `size` bytes under list-max-listpack-size `fill`: Redis's DUMP
// payload length and its last 8 bytes (the CRC64).
struct NodeCase {
  int fill = 0;
  int size = 0;
  int n = 0;
  size_t payload_len = 0;
  std::string crc_hex;
};

struct CorruptCase {
  std::string name;
  std::string payload_hex;
  std::string flips;  // per value byte: RESTORE's answer with that byte xor 0xff
  std::string cuts;   // per length n: RESTORE's answer with the value cut to n bytes
};

struct Cases {
  std::vector<DumpCase> dumps;
  std::vector<NodeCase> nodes;
  std::vector<RestoreCase> restores;
  std::vector<CorruptCase> corrupts;
};

// Record kinds of dump_restore_cases.txt (see the generator's header comment):
//   dump NAME ENCODING RESTORED_ENCODING EXACT(0|1) PAYLOAD_HEX, then its `cmd ARG...` lines
//   node FILL SIZE N PAYLOAD_LEN CRC_HEX
//   restore NAME PAYLOAD_HEX REPLY ENCODING TYPE, then `config [NAME VALUE]...` and
//     `contents [ITEM]...`
//   corrupt NAME PAYLOAD_HEX FLIPS CUTS
Cases load_cases() {
  Cases c;
  auto need = [](const std::vector<std::string>& r, size_t n) {
    if (r.size() != n) throw std::runtime_error("dump_restore_cases.txt: bad " + r[0] + " record");
  };
  for (auto& r : test_data::read_records("dump_restore_cases.txt")) {
    const std::string& kind = r[0];
    if (kind == "dump") {
      need(r, 6);
      c.dumps.push_back({r[1], {}, r[5], r[2], r[3], r[4] == "1"});
    } else if (kind == "cmd") {
      if (c.dumps.empty()) throw std::runtime_error("dump_restore_cases.txt: cmd before dump");
      c.dumps.back().commands.emplace_back(r.begin() + 1, r.end());
    } else if (kind == "node") {
      need(r, 6);
      c.nodes.push_back({std::stoi(r[1]), std::stoi(r[2]), std::stoi(r[3]),
                         static_cast<size_t>(std::stoul(r[4])), r[5]});
    } else if (kind == "restore") {
      need(r, 6);
      c.restores.push_back({r[1], {}, r[2], r[3], r[4], r[5], {}});
    } else if (kind == "config" || kind == "contents") {
      if (c.restores.empty()) {
        throw std::runtime_error("dump_restore_cases.txt: " + kind + " before restore");
      }
      auto& list = kind == "config" ? c.restores.back().config : c.restores.back().contents;
      list.assign(r.begin() + 1, r.end());
    } else if (kind == "corrupt") {
      need(r, 5);
      c.corrupts.push_back({r[1], r[2], r[3], r[4]});
    } else {
      throw std::runtime_error("dump_restore_cases.txt: unknown record " + kind);
    }
  }
  return c;
}

const Cases& cases() {
  static const Cases c = load_cases();
  return c;
}

// A data file that lost a table would make the loops below pass vacuously.
TEST(DumpRestoreCasesTest, EveryTableHasCases) {
  EXPECT_GT(cases().dumps.size(), 50u);
  EXPECT_FALSE(cases().nodes.empty());
  EXPECT_FALSE(cases().restores.empty());
  EXPECT_FALSE(cases().corrupts.empty());
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

// value bytes + version 10 + CRC64, as the generator's with_footer.
std::string with_footer(std::string body) {
  body.push_back(10);
  body.push_back(0);
  uint64_t crc = crc64(0, body.data(), body.size());
  for (int i = 0; i < 8; ++i) body.push_back(static_cast<char>(crc >> (8 * i)));
  return body;
}

class DumpRestoreTest : public FamilyTest {
 protected:
  Reply cmd(const std::vector<std::string>& argv) {
    std::vector<std::string_view> views(argv.begin(), argv.end());
    return store_.execute(views, session_);
  }
  std::string text(const std::vector<std::string>& argv) {
    Reply r = cmd(argv);
    return r.is_error() ? "error: " + r.str() : r.str();
  }

  // The key's type and contents as the generator lists them: GET; LRANGE; SMEMBERS sorted;
  // ZRANGE WITHSCORES; HGETALL as pairs sorted by field.
  std::pair<std::string, std::vector<std::string>> contents(const std::string& key) {
    const std::string type = text({"TYPE", key});
    std::vector<std::string> items;
    auto strings = [&](const Reply& r) {
      for (const Reply& e : r.elements()) items.push_back(e.str());
    };
    if (type == "string") {
      items.push_back(text({"GET", key}));
    } else if (type == "list") {
      strings(cmd({"LRANGE", key, "0", "-1"}));
    } else if (type == "set") {
      strings(cmd({"SMEMBERS", key}));
      std::sort(items.begin(), items.end());
    } else if (type == "zset") {
      // Scores as RESP2 prints them (bulk strings), via the wire form.
      std::vector<std::string_view> argv = {"ZRANGE", key, "0", "-1", "WITHSCORES"};
      std::string resp = store_.execute_resp(argv, session_);
      size_t pos = resp.find("\r\n") + 2;
      while (pos < resp.size()) {
        const size_t eol = resp.find("\r\n", pos);
        const size_t len = std::stoul(resp.substr(pos + 1, eol - pos - 1));
        items.push_back(resp.substr(eol + 2, len));
        pos = eol + 2 + len + 2;
      }
    } else if (type == "hash") {
      Reply r = cmd({"HGETALL", key});
      std::vector<std::pair<std::string, std::string>> pairs;
      const auto& e = r.elements();
      for (size_t i = 0; i + 1 < e.size(); i += 2) pairs.emplace_back(e[i].str(), e[i + 1].str());
      std::sort(pairs.begin(), pairs.end());
      for (auto& [f, v] : pairs) {
        items.push_back(f);
        items.push_back(v);
      }
    }
    return {type, items};
  }

  // RESTORE r 0 payload REPLACE: "OK" or the error text without "ERR ".
  std::string restore(const std::string& payload) {
    Reply r = cmd({"RESTORE", "r", "0", payload, "REPLACE"});
    if (!r.is_error()) return r.str();
    std::string e = r.str();
    return e.rfind("ERR ", 0) == 0 ? e.substr(4) : e;
  }

  // The generator's defaults, restored between cases.
  void reset_config() {
    static const char* const kDefaults[][2] = {
        {"rdbcompression", "yes"},         {"list-max-listpack-size", "-2"},
        {"hash-max-listpack-entries", "512"}, {"hash-max-listpack-value", "64"},
        {"set-max-intset-entries", "512"},  {"zset-max-listpack-entries", "128"},
        {"zset-max-listpack-value", "64"}};
    for (const auto& kv : kDefaults) ASSERT_EQ(text({"CONFIG", "SET", kv[0], kv[1]}), "OK");
  }

  void build(const DumpCase& c) {
    cmd({"FLUSHALL"});
    reset_config();
    for (const auto& argv : c.commands) ASSERT_FALSE(cmd(argv).is_error()) << c.name;
  }
};

TEST_F(DumpRestoreTest, DumpIsByteIdenticalToRedis) {
  int exact = 0;
  for (const DumpCase& c : cases().dumps) {
    build(c);
    const std::string& key = c.commands.back()[1];
    EXPECT_EQ(text({"OBJECT", "ENCODING", key}), c.encoding) << c.name;
    if (!c.exact) continue;
    ++exact;
    EXPECT_EQ(to_hex(text({"DUMP", key})), c.payload_hex) << c.name;
  }
  EXPECT_GT(exact, 50);
}

// gen_dump_cases.py's node_element.
std::string node_element(int i, int size) {
  std::string digits = std::to_string(i);
  if (static_cast<int>(digits.size()) >= size) return digits.substr(digits.size() - size);
  return std::string(static_cast<size_t>(size) - digits.size(), 'x') + digits;
}

TEST_F(DumpRestoreTest, ListNodeBoundariesAsRedis) {
  for (const NodeCase& c : cases().nodes) {
    cmd({"FLUSHALL"});
    ASSERT_EQ(text({"CONFIG", "SET", "list-max-listpack-size", std::to_string(c.fill)}), "OK");
    std::vector<std::string> argv = {"RPUSH", "l"};
    for (int i = 0; i < c.n; ++i) argv.push_back(node_element(i, c.size));
    cmd(argv);
    const std::string payload = text({"DUMP", "l"});
    EXPECT_EQ(payload.size(), c.payload_len) << "fill " << c.fill << " size " << c.size;
    EXPECT_EQ(to_hex(payload.substr(payload.size() - 8)), c.crc_hex)
        << "fill " << c.fill << " size " << c.size;
  }
}

// RPUSH l of n node_element()s under list-compress-depth, rdbcompression and
// list-max-listpack-size, recorded from redis-server 7.0.15: DUMP's length and CRC64, and
// DEBUG OBJECT from serializedlength on (lru fields left out). Redis writes the nodes it
// keeps compressed (past `depth` at each end, 48 bytes or more, 8 or more saved) as LZF blobs
// even with rdbcompression no; nodes under 48 bytes and lists of fewer than 2 * depth nodes
// stay raw.
struct CompressedListCase {
  int depth;
  const char* rdbcompression;
  int fill, size, n;
  size_t payload_len;
  const char* crc_hex;
  const char* debug_object;
};
constexpr CompressedListCase kCompressedListCases[] = {
    {1, "no", -2, 100, 200, 12920, "0e7944d8a169aa70", "serializedlength:12909 ql_nodes:3 ql_avg_node:66.67 ql_listpack_max:-2 ql_compressed:1 ql_uncompressed_size:20621"},
    {2, "no", -2, 100, 400, 25830, "4293972873b7d227", "serializedlength:25819 ql_nodes:6 ql_avg_node:66.67 ql_listpack_max:-2 ql_compressed:1 ql_uncompressed_size:41242"},
    {1, "no", 3, 30, 12, 288, "f9c61c748b1cd5aa", "serializedlength:277 ql_nodes:4 ql_avg_node:3.00 ql_listpack_max:3 ql_compressed:1 ql_uncompressed_size:412"},
    {1, "no", 3, 10, 12, 192, "3bb36b68a9317208", "serializedlength:181 ql_nodes:4 ql_avg_node:3.00 ql_listpack_max:3 ql_compressed:1 ql_uncompressed_size:172"},
    {1, "yes", 3, 30, 12, 141, "de24a61d4924499f", "serializedlength:130 ql_nodes:4 ql_avg_node:3.00 ql_listpack_max:3 ql_compressed:1 ql_uncompressed_size:412"},
    {3, "no", -1, 40, 800, 22994, "767ade98a059cbc0", "serializedlength:22983 ql_nodes:9 ql_avg_node:88.89 ql_listpack_max:-1 ql_compressed:1 ql_uncompressed_size:33663"},
    {1, "no", 5, 1, 40, 164, "ef093e7c34adbfe9", "serializedlength:153 ql_nodes:8 ql_avg_node:5.00 ql_listpack_max:5 ql_compressed:1 ql_uncompressed_size:136"},
    {2, "no", 2, 60, 3, 218, "eb52c62e5dcdb4cf", "serializedlength:207 ql_nodes:2 ql_avg_node:1.50 ql_listpack_max:2 ql_compressed:1 ql_uncompressed_size:200"},
};

TEST_F(DumpRestoreTest, CompressedListNodesAsRedis) {
  for (const CompressedListCase& c : kCompressedListCases) {
    const std::string what = "depth " + std::to_string(c.depth) + " rdbcompression " +
                             c.rdbcompression + " fill " + std::to_string(c.fill) + " size " +
                             std::to_string(c.size);
    cmd({"FLUSHALL"});
    ASSERT_EQ(text({"CONFIG", "SET", "list-compress-depth", std::to_string(c.depth)}), "OK");
    ASSERT_EQ(text({"CONFIG", "SET", "rdbcompression", c.rdbcompression}), "OK");
    ASSERT_EQ(text({"CONFIG", "SET", "list-max-listpack-size", std::to_string(c.fill)}), "OK");
    std::vector<std::string> argv = {"RPUSH", "l"};
    for (int i = 0; i < c.n; ++i) argv.push_back(node_element(i, c.size));
    cmd(argv);
    const std::string payload = text({"DUMP", "l"});
    EXPECT_EQ(payload.size(), c.payload_len) << what;
    EXPECT_EQ(to_hex(payload.substr(payload.size() - 8)), c.crc_hex) << what;
    // DEBUG OBJECT without the address and lru fields.
    const std::string line = text({"DEBUG", "OBJECT", "l"});
    std::string fields;
    for (size_t at = line.find("serializedlength"); at < line.size();) {
      size_t end = line.find(' ', at);
      if (end == std::string::npos) end = line.size();
      const std::string field = line.substr(at, end - at);
      if (field.rfind("lru", 0) != 0) fields += (fields.empty() ? "" : " ") + field;
      at = end + 1;
    }
    EXPECT_EQ(fields, c.debug_object) << what;
    // The payload loads back to the same list.
    ASSERT_EQ(restore(payload), "OK") << what;
    EXPECT_EQ(contents("r"), contents("l")) << what;
  }
  reset_config();
  ASSERT_EQ(text({"CONFIG", "SET", "list-compress-depth", "0"}), "OK");
}

// Recorded from redis-server 7.0.15 (found by a DUMP-comparing hunt): an intset keeps the
// width of the widest member it ever held, and a loaded blob keeps its width.
TEST_F(DumpRestoreTest, IntsetKeepsItsWidthAfterTheWideMemberLeaves) {
  cmd({"SADD", "s", "65536", "1"});
  cmd({"SREM", "s", "65536"});
  EXPECT_EQ(text({"OBJECT", "ENCODING", "s"}), "intset");
  const std::string four = "0b0c0400000001000000010000000a00ca59bf87762d2635";
  EXPECT_EQ(to_hex(text({"DUMP", "s"})), four);
  cmd({"SADD", "s1", "12345678901", "100"});
  cmd({"SMOVE", "s1", "s3", "12345678901"});
  EXPECT_EQ(to_hex(text({"DUMP", "s1"})), "0b10080000000100000064000000000000000a004b10d6462cb319d9");
  ASSERT_EQ(restore(from_hex(four)), "OK");
  EXPECT_EQ(to_hex(text({"DUMP", "r"})), four);
  EXPECT_EQ(contents("r"), contents("s"));
}

// Recorded from redis-server 7.0.15: a listpack zset holds integral scores within +-2^62
// (bounds included) as integers, beyond as "%.17g" text; ZSCAN replies the same texts.
TEST_F(DumpRestoreTest, ListpackScoresUpToTwoToThe62AreIntegers) {
  cmd({"ZADD", "z", "4611686018427387904", "a", "-4611686018427387904", "b", "1e18", "c",
       "4611686018427388928", "d"});
  EXPECT_EQ(to_hex(text({"DUMP", "z"})),
            "11c34043404909490000000800816202f42008400003c0098163400c0864a7b3b6e00d098161400c600"
            "01d400981640296342e36313136383630313834323733383839652b313817ff0a002c07dd18c592d736");
  EXPECT_EQ(cmd({"ZSCAN", "z", "0"}).to_resp(2),
            "*2\r\n$1\r\n0\r\n*8\r\n$1\r\nb\r\n$20\r\n-4611686018427387904\r\n$1\r\nc\r\n"
            "$19\r\n1000000000000000000\r\n$1\r\na\r\n$19\r\n4611686018427387904\r\n$1\r\nd\r\n"
            "$22\r\n4.6116860184273889e+18\r\n");
}

TEST_F(DumpRestoreTest, RedisPayloadsRestoreToTheSameContentsAndEncoding) {
  for (const DumpCase& c : cases().dumps) {
    build(c);
    const std::string& key = c.commands.back()[1];
    const auto want = contents(key);
    ASSERT_EQ(restore(from_hex(c.payload_hex)), "OK") << c.name;
    EXPECT_EQ(text({"OBJECT", "ENCODING", "r"}), c.restored_encoding) << c.name;
    EXPECT_EQ(contents("r"), want) << c.name;
  }
}

TEST_F(DumpRestoreTest, OurPayloadsRoundTrip) {
  for (const DumpCase& c : cases().dumps) {
    build(c);
    const std::string& key = c.commands.back()[1];
    const auto want = contents(key);
    ASSERT_EQ(restore(text({"DUMP", key})), "OK") << c.name;
    EXPECT_EQ(text({"OBJECT", "ENCODING", "r"}), c.restored_encoding) << c.name;
    EXPECT_EQ(contents("r"), want) << c.name;
  }
}

TEST_F(DumpRestoreTest, CraftedAndOldTypePayloadsAsRedis) {
  for (const RestoreCase& c : cases().restores) {
    cmd({"FLUSHALL"});
    reset_config();
    for (size_t i = 0; i + 1 < c.config.size(); i += 2) {
      ASSERT_EQ(text({"CONFIG", "SET", c.config[i], c.config[i + 1]}), "OK") << c.name;
    }
    EXPECT_EQ(restore(from_hex(c.payload_hex)), c.reply) << c.name;
    if (std::string_view(c.reply) != "OK") {
      EXPECT_EQ(text({"EXISTS", "r"}), "") << c.name;
      continue;
    }
    EXPECT_EQ(text({"OBJECT", "ENCODING", "r"}), c.encoding) << c.name;
    EXPECT_EQ(contents("r"), std::make_pair(std::string(c.type), c.contents)) << c.name;
  }
}

char letter(const std::string& reply) {
  if (reply == "OK") return 'O';
  if (reply == "Bad data format") return 'B';
  if (reply == "DUMP payload version or checksum are wrong") return 'V';
  return '?';
}

TEST_F(DumpRestoreTest, CorruptedValuesAnswerAsRedis) {
  for (const CorruptCase& c : cases().corrupts) {
    const std::string payload = from_hex(c.payload_hex);
    const std::string body = payload.substr(0, payload.size() - 10);
    std::string flips, cuts;
    for (size_t i = 0; i < body.size(); ++i) {
      std::string b = body;
      b[i] = static_cast<char>(b[i] ^ 0xff);
      flips.push_back(letter(restore(with_footer(b))));
    }
    for (size_t n = 0; n < body.size(); ++n) cuts.push_back(letter(restore(with_footer(body.substr(0, n)))));
    EXPECT_EQ(flips, c.flips) << c.name;
    EXPECT_EQ(cuts, c.cuts) << c.name;
  }
}

// ---- command behaviour (recorded with redis-cli on 7.0.15) --------------------------------

// A listpack zset whose score is the text "-0" (commands store 0): redis-server 7.0.15 keeps
// the text, so the score reads -0, ZADD of an equal score leaves it, and DUMP gives back the
// payload's bytes; a new member's -0 is stored as 0. Replies recorded from redis-server 7.0.15
// (found by fuzz_restore_diff: fuzz/regressions/restore_diff/zset-listpack-negative-zero-text,
// whose replay compares TYPE and DIGEST-VALUE with redis-server's).
TEST_F(DumpRestoreTest, ZsetListpackKeepsTheNegativeZeroItWasGiven) {
  const std::string value = from_hex("110e0e0000000200816102822d3003ff");
  std::string payload = value + std::string("\x0a\x00", 2);
  const uint64_t crc = crc64(0, payload.data(), payload.size());
  for (int i = 0; i < 8; ++i) payload.push_back(static_cast<char>(crc >> (8 * i)));
  ASSERT_EQ(restore(payload), "OK");
  EXPECT_EQ(run({"OBJECT", "ENCODING", "r"}), "$8\r\nlistpack\r\n");
  EXPECT_EQ(run({"ZSCORE", "r", "a"}), "$2\r\n-0\r\n");
  EXPECT_EQ(text({"DUMP", "r"}), payload);
  EXPECT_EQ(run({"ZADD", "r", "0", "a"}), ":0\r\n");
  EXPECT_EQ(run({"ZINCRBY", "r", "0", "a"}), "$1\r\n0\r\n");  // -0 + 0, not stored
  EXPECT_EQ(run({"ZADD", "r", "-0", "b"}), ":1\r\n");
  EXPECT_EQ(run({"ZRANGE", "r", "0", "-1", "WITHSCORES"}),
            "*4\r\n$1\r\na\r\n$2\r\n-0\r\n$1\r\nb\r\n$1\r\n0\r\n");
  EXPECT_EQ(text({"DUMP", "r"}),
            std::string("\x11\x13\x13\x00\x00\x00\x04\x00\x81" "a\x02\x82-0\x03\x81" "b\x02\x00\x01\xff"
                        "\n\x00\xb1\xc2" "A\xa3\xba\x84\xbd|",
                        31));
}

TEST_F(DumpRestoreTest, DumpOfMissingKeyIsNull) { EXPECT_EQ(run({"DUMP", "nokey"}), "$-1\r\n"); }

TEST_F(DumpRestoreTest, ErrorsInRedisOrder) {
  run({"SET", "s", "v"});
  const std::string p = text({"DUMP", "s"});
  auto restore_args = [&](std::vector<std::string> argv) { return text(argv); };
  // Options are parsed first, then BUSYKEY, then the TTL, then the payload.
  EXPECT_EQ(restore_args({"RESTORE", "s", "x", p}), "error: BUSYKEY Target key name already exists.");
  EXPECT_EQ(restore_args({"RESTORE", "n", "x", p}), "error: ERR value is not an integer or out of range");
  EXPECT_EQ(restore_args({"RESTORE", "n", "-1", p}), "error: ERR Invalid TTL value, must be >= 0");
  EXPECT_EQ(restore_args({"RESTORE", "n", "-1", "bad"}), "error: ERR Invalid TTL value, must be >= 0");
  EXPECT_EQ(restore_args({"RESTORE", "n", "0", "bad"}),
            "error: ERR DUMP payload version or checksum are wrong");
  EXPECT_EQ(restore_args({"RESTORE", "s", "0", p, "foo"}), "error: ERR syntax error");
  EXPECT_EQ(restore_args({"RESTORE", "k", "-5", "bad", "bogus"}), "error: ERR syntax error");
  EXPECT_EQ(restore_args({"RESTORE", "n", "0", p, "IDLETIME"}), "error: ERR syntax error");
  EXPECT_EQ(restore_args({"RESTORE", "n", "0", p, "REPLACE", "FREQ"}), "error: ERR syntax error");
  EXPECT_EQ(restore_args({"RESTORE", "n", "0", p, "IDLETIME", "x"}),
            "error: ERR value is not an integer or out of range");
  EXPECT_EQ(restore_args({"RESTORE", "j", "0", p, "FREQ", "1.5"}),
            "error: ERR value is not an integer or out of range");
  EXPECT_EQ(restore_args({"RESTORE", "s", "0", "short", "IDLETIME", "-1"}),
            "error: ERR Invalid IDLETIME value, must be >= 0");
  EXPECT_EQ(restore_args({"RESTORE", "n", "0", p, "FREQ", "256"}),
            "error: ERR Invalid FREQ value, must be >= 0 and <= 255");
  EXPECT_EQ(restore_args({"RESTORE", "n", "0", p, "FREQ", "-1"}),
            "error: ERR Invalid FREQ value, must be >= 0 and <= 255");
  EXPECT_EQ(restore_args({"RESTORE", "k", "0", p, "FREQ", "300", "bogus"}),
            "error: ERR Invalid FREQ value, must be >= 0 and <= 255");
  // IDLETIME and FREQ exclude each other; a repeated IDLETIME is fine.
  EXPECT_EQ(restore_args({"RESTORE", "n", "0", p, "FREQ", "1", "IDLETIME", "2"}),
            "error: ERR syntax error");
  EXPECT_EQ(restore_args({"RESTORE", "n", "0", p, "IDLETIME", "1", "FREQ", "2"}),
            "error: ERR syntax error");
  EXPECT_EQ(restore_args({"RESTORE", "n", "0", p, "IDLETIME", "1", "IDLETIME", "2"}), "OK");
  EXPECT_EQ(run({"RESTORE", "x"}),
            "-ERR wrong number of arguments for 'restore' command\r\n");
}

TEST_F(DumpRestoreTest, TtlAbsttlAndReplace) {
  run({"SET", "s", "v"});
  const std::string p = text({"DUMP", "s"});
  EXPECT_EQ(text({"RESTORE", "n4", "100000", p}), "OK");
  EXPECT_EQ(run({"PTTL", "n4"}), ":100000\r\n");
  // An absolute time in the past: +OK, no key; with REPLACE the old key is gone too.
  EXPECT_EQ(text({"RESTORE", "n3", "1", p, "ABSTTL"}), "OK");
  EXPECT_EQ(run({"EXISTS", "n3"}), ":0\r\n");
  EXPECT_EQ(text({"RESTORE", "s", "1", p, "ABSTTL", "REPLACE"}), "OK");
  EXPECT_EQ(run({"EXISTS", "s"}), ":0\r\n");
  // A relative TTL that overflows wraps negative, so the key counts as expired.
  EXPECT_EQ(text({"RESTORE", "g", "9223372036854775807", p}), "OK");
  EXPECT_EQ(run({"EXISTS", "g"}), ":0\r\n");
  EXPECT_EQ(text({"RESTORE", "h", "9223372036854775807", p, "ABSTTL"}), "OK");
  EXPECT_EQ(run({"PTTL", "h"}), ":" + std::to_string(9223372036854775807LL - 1700000000000LL) + "\r\n");
  // REPLACE drops the old TTL; ttl 0 means none.
  run({"SET", "old", "x"});
  run({"EXPIRE", "old", "100"});
  EXPECT_EQ(text({"RESTORE", "old", "0", p, "REPLACE"}), "OK");
  EXPECT_EQ(run({"TTL", "old"}), ":-1\r\n");
  EXPECT_EQ(run({"GET", "old"}), "$1\r\nv\r\n");
  // REPLACE over another type.
  run({"LPUSH", "lst", "a"});
  EXPECT_EQ(text({"RESTORE", "lst", "0", p}), "error: BUSYKEY Target key name already exists.");
  EXPECT_EQ(text({"RESTORE", "lst", "0", p, "REPLACE"}), "OK");
  EXPECT_EQ(run({"TYPE", "lst"}), "+string\r\n");
}

TEST_F(DumpRestoreTest, IdletimeAndFreqFollowThePolicy) {
  run({"SET", "s", "v"});
  const std::string p = text({"DUMP", "s"});
  EXPECT_EQ(text({"RESTORE", "a", "0", p, "IDLETIME", "100"}), "OK");
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "a"}), ":100\r\n");
  EXPECT_EQ(text({"RESTORE", "b", "0", p, "FREQ", "100"}), "OK");  // ignored under LRU
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "b"}), ":0\r\n");
  EXPECT_EQ(text({"RESTORE", "i", "0", p, "replace", "absttl", "idletime", "5", "idletime", "7"}),
            "OK");
  EXPECT_EQ(run({"OBJECT", "IDLETIME", "i"}), ":7\r\n");
  // Idle times past the 24-bit clock wrap as in Redis. Recorded with the oracle's LRU clock
  // at 514066 (unix seconds & 0xffffff); the manual clock is moved to that value.
  advance_ms((int64_t{1711276032} - 1700000000 + 514066) * 1000);
  const std::pair<const char*, const char*> wraps[] = {
      {"16777215", ":0\r\n"},        {"16777216", ":1\r\n"},
      {"20000000", ":3222784\r\n"},  {"100000000", ":16113920\r\n"},
      {"9223372036854775807", ":16777214\r\n"}};
  for (const auto& [idle, want] : wraps) {
    EXPECT_EQ(text({"RESTORE", "c", "0", p, "IDLETIME", idle, "REPLACE"}), "OK");
    EXPECT_EQ(run({"OBJECT", "IDLETIME", "c"}), want) << idle;
  }
  run({"CONFIG", "SET", "maxmemory-policy", "allkeys-lfu"});
  EXPECT_EQ(text({"RESTORE", "d", "0", p, "FREQ", "100"}), "OK");
  EXPECT_EQ(run({"OBJECT", "FREQ", "d"}), ":100\r\n");
  EXPECT_EQ(text({"RESTORE", "e", "0", p, "IDLETIME", "100"}), "OK");  // ignored under LFU
  EXPECT_EQ(run({"OBJECT", "FREQ", "e"}), ":5\r\n");
}

}  // namespace
}  // namespace kevy
