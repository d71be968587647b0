// AOF manifests: texts recorded from redis-server 7.0.15 parse and format back byte for byte;
// malformed ones give Redis's messages; the accepted oddities are those 7.0.15 accepts (each
// case below was fed to redis-server 7.0.15 at startup and its log or behaviour noted).
#include "persist/aof_manifest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace kevy::aof {
namespace {

// After `--aof-disable-auto-gc yes`, two BGREWRITEAOF with preamble and one without.
constexpr std::string_view kOracleHistory =
    "file appendonly.aof.4.base.aof seq 4 type b\n"
    "file appendonly.aof.3.incr.aof seq 3 type h\n"
    "file appendonly.aof.3.base.rdb seq 3 type h\n"
    "file appendonly.aof.2.incr.aof seq 2 type h\n"
    "file appendonly.aof.2.base.rdb seq 2 type h\n"
    "file appendonly.aof.1.incr.aof seq 1 type h\n"
    "file appendonly.aof.1.base.rdb seq 1 type h\n"
    "file appendonly.aof.4.incr.aof seq 4 type i\n";

TEST(AofManifest, OracleManifestWithHistoryRoundTrips) {
  Result<Manifest> m = parse_manifest(kOracleHistory);
  ASSERT_TRUE(m.ok()) << m.status().message();
  ASSERT_TRUE(m->base.has_value());
  EXPECT_EQ(m->base->name, "appendonly.aof.4.base.aof");
  EXPECT_EQ(m->base->seq, 4);
  EXPECT_EQ(m->base->kind, FileKind::kBase);
  ASSERT_EQ(m->history.size(), 6u);
  EXPECT_EQ(m->history[0].name, "appendonly.aof.3.incr.aof");
  EXPECT_EQ(m->history[5].name, "appendonly.aof.1.base.rdb");
  EXPECT_EQ(m->history[5].kind, FileKind::kHistory);
  ASSERT_EQ(m->incrs.size(), 1u);
  EXPECT_EQ(m->incrs[0].seq, 4);
  EXPECT_EQ(m->base_seq, 4);
  EXPECT_EQ(m->incr_seq, 4);
  EXPECT_EQ(format_manifest(*m), kOracleHistory);
}

TEST(AofManifest, OracleQuotesOddNames) {
  // redis-server 7.0.15 --appendfilename 'my file.aof' / 'q"x.aof' / 'tab<TAB>x'.
  for (std::string_view text : {
           "file \"my file.aof.1.base.rdb\" seq 1 type b\nfile \"my file.aof.1.incr.aof\" seq 1 type i\n",
           "file \"q\\\"x.aof.1.base.rdb\" seq 1 type b\nfile \"q\\\"x.aof.1.incr.aof\" seq 1 type i\n",
           "file \"tab\\tx.1.base.rdb\" seq 1 type b\nfile \"tab\\tx.1.incr.aof\" seq 1 type i\n"}) {
    Result<Manifest> m = parse_manifest(text);
    ASSERT_TRUE(m.ok()) << text;
    EXPECT_EQ(format_manifest(*m), text);
  }
  Result<Manifest> m = parse_manifest("file \"my file.aof.1.base.rdb\" seq 1 type b\n");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->base->name, "my file.aof.1.base.rdb");
  // Bytes outside printable ASCII come back as \xHH (sdscatrepr).
  Manifest odd;
  odd.incrs.push_back(ManifestFile{std::string("a\xc3\xa9\x01", 4), 7, FileKind::kIncr});
  EXPECT_EQ(format_manifest(odd), "file \"a\\xc3\\xa9\\x01\" seq 7 type i\n");
  Result<Manifest> back = parse_manifest(format_manifest(odd));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->incrs[0].name, odd.incrs[0].name);
}

TEST(AofManifest, FormatOrderIsBaseHistoryIncr) {
  Manifest m;
  m.incrs.push_back(ManifestFile{"i3", 3, FileKind::kIncr});
  m.history.push_back(ManifestFile{"h1", 1, FileKind::kHistory});
  m.base = ManifestFile{"b2", 2, FileKind::kBase};
  EXPECT_EQ(format_manifest(m), "file b2 seq 2 type b\nfile h1 seq 1 type h\nfile i3 seq 3 type i\n");
  EXPECT_EQ(format_manifest(Manifest{}), "");
}

struct BadCase {
  std::string text;
  std::string message;  // Redis's text, then kevy's "(reading the manifest file, ...)" context
};

TEST(AofManifest, MalformedManifestsGiveRedisMessages) {
  const std::string invalid = "Invalid AOF manifest file format";
  const BadCase cases[] = {
      {"", "Found an empty AOF manifest"},
      {"file a seq 1 type i\n\nfile b seq 2 type i\n",
       invalid + " (reading the manifest file, at line 2: '')"},
      {"file a seq 1 type i", "The AOF manifest file contains too long line"},
      {"file a seq 1 type\n", invalid + " (reading the manifest file, at line 1: 'file a seq 1 type')"},
      {"file a seq 1 type i foo\n", invalid + " (reading the manifest file, at line 1: 'file a seq 1 type i foo')"},
      {"file a seq 0 type i\n", invalid + " (reading the manifest file, at line 1: 'file a seq 0 type i')"},
      {"file a seq abc type i\n", invalid + " (reading the manifest file, at line 1: 'file a seq abc type i')"},
      {"file a seq -1 type i\n",
       "Found a non-monotonic sequence number (reading the manifest file, at line 1: 'file a seq -1 type i')"},
      {"file a seq 1 type x\n", "Unknown AOF file type (reading the manifest file, at line 1: 'file a seq 1 type x')"},
      {"file a seq 1 type \"\"\n", invalid + " (reading the manifest file, at line 1: 'file a seq 1 type \"\"')"},
      {"file dir/a seq 1 type i\n",
       "File can't be a path, just a filename (reading the manifest file, at line 1: 'file dir/a seq 1 type i')"},
      {"file \"a\\\\b\" seq 1 type i\n",
       "File can't be a path, just a filename (reading the manifest file, at line 1: 'file \"a\\\\b\" seq 1 type i')"},
      {"file a seq 1 type b\nfile a seq 2 type b\n",
       "Found duplicate base file information (reading the manifest file, at line 2: 'file a seq 2 type b')"},
      {"file a seq 1 type b\nfile b seq 2 type h\nfile c seq 3 type b\n",
       "Found duplicate base file information (reading the manifest file, at line 3: 'file c seq 3 type b')"},
      {"file a seq 2 type i\nfile a seq 2 type i\n",
       "Found a non-monotonic sequence number (reading the manifest file, at line 2: 'file a seq 2 type i')"},
      {"file \"a seq 1 type i\n", invalid + " (reading the manifest file, at line 1: 'file \"a seq 1 type i')"},
      {"file \"a\"b seq 1 type i\n", invalid + " (reading the manifest file, at line 1: 'file \"a\"b seq 1 type i')"},
      {"seq 1 type i foo bar\n", invalid + " (reading the manifest file, at line 1: 'seq 1 type i foo bar')"},
      // A NUL byte ends the C string before the newline.
      {std::string("file a seq 1 type i\0\n", 21), "The AOF manifest file contains too long line"},
  };
  for (const BadCase& c : cases) {
    Result<Manifest> m = parse_manifest(c.text);
    ASSERT_FALSE(m.ok()) << c.text;
    EXPECT_EQ(m.status().code(), Status::Code::kCorruption);
    EXPECT_EQ(m.status().message(), c.message) << c.text;
  }
}

TEST(AofManifest, AcceptsWhatRedisAccepts) {
  struct Ok {
    std::string text;
    std::string name;
    int64_t seq;
  };
  const Ok cases[] = {
      {"file a seq 1 type i foo bar\n", "a", 1},          // unknown keys ignored
      {"FILE a SEQ 1 TYPE i\n", "a", 1},                  // keys case-insensitive
      {"file a seq 1 type incr\n", "a", 1},               // type = first byte
      {"file a seq 12abc type i\n", "a", 12},             // atoll
      {"file a seq +3 type i\n", "a", 3},
      {"file a seq \" 4\" type i\n", "a", 4},
      {"file a file b seq 1 type i\n", "b", 1},           // the last value wins
      {"  file a seq 1 type i  \r\n", "a", 1},            // trimmed, CRLF
      {"file\ta\tseq\t1\ttype\ti\n", "a", 1},
      {"file \"\" seq 1 type i\n", "", 1},
      {"file 'a b' seq 1 type i\n", "a b", 1},
      {"file \"a\\x41\\n\" seq 1 type i\n", "aA\n", 1},
      {std::string("file \"ab\\x00cd\" seq 1 type i\n"), "ab", 1},  // a C string
      {"# comment\nfile a seq 1 type i\n", "a", 1},
      {"file a seq 99999999999999999999 type i\n", "a", INT64_MAX},
  };
  for (const Ok& c : cases) {
    Result<Manifest> m = parse_manifest(c.text);
    ASSERT_TRUE(m.ok()) << c.text << ": " << m.status().message();
    ASSERT_EQ(m->incrs.size(), 1u) << c.text;
    EXPECT_EQ(m->incrs[0].name, c.name) << c.text;
    EXPECT_EQ(m->incrs[0].seq, c.seq) << c.text;
  }
  // Only comments: not empty, names nothing (Redis then starts a fresh AOF).
  Result<Manifest> m = parse_manifest("#x\n");
  ASSERT_TRUE(m.ok());
  EXPECT_FALSE(m->base.has_value());
  EXPECT_TRUE(m->incrs.empty());
  // A trailing comment needs no newline (it is skipped before the newline check).
  EXPECT_TRUE(parse_manifest("file a seq 1 type i\n#end").ok());
  // History lines are not ordered.
  m = parse_manifest("file a seq 5 type h\nfile b seq 1 type h\nfile c seq 1 type i\n");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->history.size(), 2u);
  EXPECT_EQ(m->incr_seq, 1);
  EXPECT_EQ(m->base_seq, 0);
}

TEST(AofManifest, LinesAreReadInFgetsChunksOf1024Bytes) {
  // "file " + name + " seq 1 type i" is 18 + name bytes: 1023 with the newline fits.
  const std::string fits = "file " + std::string(1005, 'a') + " seq 1 type i\n";
  Result<Manifest> m = parse_manifest(fits);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->incrs[0].name.size(), 1005u);
  const std::string too_long = "file " + std::string(1006, 'a') + " seq 1 type i\n";
  m = parse_manifest(too_long);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "The AOF manifest file contains too long line");
  // The rest of an over-long comment is read as line 2.
  m = parse_manifest("#" + std::string(1100, 'x') + "\nfile a seq 1 type i\n");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "Invalid AOF manifest file format (reading the manifest file, "
                                  "at line 2: '" + std::string(77, 'x') + "')");
}

TEST(AofManifest, FileNames) {
  EXPECT_EQ(base_file_name("appendonly.aof", 3, true), "appendonly.aof.3.base.rdb");
  EXPECT_EQ(base_file_name("appendonly.aof", 4, false), "appendonly.aof.4.base.aof");
  EXPECT_EQ(incr_file_name("appendonly.aof", 12), "appendonly.aof.12.incr.aof");
  EXPECT_EQ(manifest_file_name("my file.aof"), "my file.aof.manifest");
  EXPECT_EQ(temp_manifest_file_name("appendonly.aof"), "temp-appendonly.aof.manifest");
}

TEST(AofManifest, WriteAndReadFile) {
  std::string dir = (std::filesystem::temp_directory_path() / "kevy-manifest-XXXXXX").string();
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  Result<Manifest> missing = read_manifest_file(dir, "appendonly.aof");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);

  Result<Manifest> m = parse_manifest(kOracleHistory);
  ASSERT_TRUE(m.ok());
  ASSERT_TRUE(write_manifest_file(dir, "appendonly.aof", *m).is_ok());
  EXPECT_FALSE(std::filesystem::exists(dir + "/temp-appendonly.aof.manifest"));
  Result<Manifest> back = read_manifest_file(dir, "appendonly.aof");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(format_manifest(*back), kOracleHistory);

  Status s = write_manifest_file(dir + "/missing", "appendonly.aof", *m);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_EQ(s.message().rfind("Can't open the AOF manifest file temp-appendonly.aof.manifest: ", 0), 0u)
      << s.message();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kevy::aof
