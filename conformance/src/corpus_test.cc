// Unit tests of the harness library: corpus parsing and writing (round trip), comparison
// modes, known divergences, target URIs and the embedded/faulty targets.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "compare.h"
#include "corpus.h"
#include "replay.h"
#include "state_diff.h"
#include "targets.h"

namespace kevy::conformance {
namespace {

constexpr const char* kSample =
    "# a comment\n"
    "=== strings/set-options/resp2\n"
    "tags: family=strings since=1.0.0 proto=2\n"
    "> SET k v EX 100\n"
    "< +OK\\r\\n\n"
    "> KEYS *\n"
    "<~ *2\\r\\n$1\\r\\na\\r\\n$1\\r\\nb\\r\\n\n"
    "\n"
    "=== server/time/resp3\n"
    "tags: family=server proto=3\n"
    "> TIME\n"
    "<? *2\\r\\n$10\\r\\n1700000000\\r\\n$6\\r\\n123456\\r\\n\n"
    "> @sleep 10\n"
    "> @scan MATCH \"k*\" COUNT 5\n"
    "<~ *1\\r\\n$1\\r\\nk\\r\\n\n"
    "> set \"k\\x00ey\" \"a b\" \"\" \"@x\"\n"
    "< +OK\\r\\n\n";

TEST(CorpusParse, ReadsCasesTagsStepsAndMarkers) {
  CorpusFile f;
  std::string error;
  ASSERT_TRUE(parse_corpus("sample.corpus", kSample, &f, &error)) << error;
  ASSERT_EQ(f.cases.size(), 2u);
  const CorpusCase& a = f.cases[0];
  EXPECT_EQ(a.id, "strings/set-options/resp2");
  EXPECT_EQ(a.family(), "strings");
  EXPECT_EQ(a.tag("since"), "1.0.0");
  EXPECT_EQ(a.protocol(), 2);
  EXPECT_EQ(a.line_no, 2);
  ASSERT_EQ(a.steps.size(), 2u);
  EXPECT_EQ(a.steps[0].argv, (std::vector<std::string>{"SET", "k", "v", "EX", "100"}));
  EXPECT_EQ(a.steps[0].expected, "+OK\r\n");
  EXPECT_EQ(a.steps[0].compare, Compare::kExact);
  EXPECT_EQ(a.steps[0].line_no, 4);
  EXPECT_EQ(a.steps[1].compare, Compare::kUnordered);

  const CorpusCase& b = f.cases[1];
  EXPECT_EQ(b.protocol(), 3);
  ASSERT_EQ(b.steps.size(), 4u);
  EXPECT_EQ(b.steps[0].compare, Compare::kShape);
  EXPECT_EQ(b.steps[1].kind, CorpusStep::Kind::kSleep);
  EXPECT_EQ(b.steps[1].sleep_ms, 10);
  EXPECT_EQ(b.steps[2].kind, CorpusStep::Kind::kScan);
  EXPECT_EQ(b.steps[2].argv, (std::vector<std::string>{"MATCH", "k*", "COUNT", "5"}));
  EXPECT_EQ(b.steps[2].expected, "*1\r\n$1\r\nk\r\n");
  EXPECT_EQ(b.steps[3].argv, (std::vector<std::string>{"set", std::string("k\0ey", 4), "a b",
                                                        "", "@x"}));
}

TEST(CorpusParse, FamilyFallsBackToTheIdPrefix) {
  CorpusFile f;
  std::string error;
  ASSERT_TRUE(parse_corpus("x", "=== lists/a/resp2\n> PING\n< +PONG\\r\\n\n", &f, &error));
  EXPECT_EQ(f.cases[0].family(), "lists");
  EXPECT_EQ(f.cases[0].protocol(), 2);
}

TEST(CorpusParse, RejectsMalformedLines) {
  const std::pair<const char*, const char*> bad[] = {
      {"> PING\n< +PONG\\r\\n\n", "before the first"},
      {"=== a/b/resp2\n< +OK\\r\\n\n", "without a `>`"},
      {"=== a/b/resp2\n> PING\n", "without a recorded reply"},
      {"=== a/b/resp2\n> PING\n< +PONG\\q\n", "invalid escape"},
      {"=== a/b/resp2\n> PING\n< +PONG\\x4\n", "invalid escape"},
      {"=== a/b/resp2\n> GET \"k\n< $-1\\r\\n\n", "invalid quoting"},
      {"=== a/b/resp2\n> @nap 3\n", "unknown directive"},
      {"=== a/b/resp2\n> @sleep x\n", "@sleep takes"},
      {"=== a/b/resp2\n> @sleep 5\n< +OK\\r\\n\n", "@sleep has no reply"},
      {"=== a/b/resp2\n> @scan\n< *0\\r\\n\n", "written `<~`"},
      {"=== a/b/resp2\n> PING\n< +PONG\\r\\n\n< +PONG\\r\\n\n", "second reply"},
      {"=== a/b/resp2\nwhat\n", "unknown line"},
      {"=== a/b/resp2\ntags: proto\n", "key=value"},
      {"=== a/b/resp2\n> PING\n<+PONG\\r\\n\n", "starts with"},
  };
  for (const auto& [text, why] : bad) {
    CorpusFile f;
    std::string error;
    EXPECT_FALSE(parse_corpus("bad.corpus", text, &f, &error)) << text;
    EXPECT_NE(error.find(why), std::string::npos) << text << " -> " << error;
    EXPECT_EQ(error.rfind("bad.corpus:", 0), 0u) << error;
  }
}

TEST(CorpusWrite, RoundTripsTheSample) {
  CorpusFile f;
  std::string error;
  ASSERT_TRUE(parse_corpus("sample", kSample, &f, &error)) << error;
  std::ostringstream out;
  write_corpus(out, f.cases);
  CorpusFile again;
  ASSERT_TRUE(parse_corpus("written", out.str(), &again, &error)) << error << "\n" << out.str();
  ASSERT_EQ(again.cases.size(), f.cases.size());
  for (size_t i = 0; i < f.cases.size(); ++i) {
    EXPECT_EQ(again.cases[i].id, f.cases[i].id);
    EXPECT_EQ(again.cases[i].tags, f.cases[i].tags);
    ASSERT_EQ(again.cases[i].steps.size(), f.cases[i].steps.size());
    for (size_t j = 0; j < f.cases[i].steps.size(); ++j) {
      const CorpusStep& x = f.cases[i].steps[j];
      const CorpusStep& y = again.cases[i].steps[j];
      EXPECT_EQ(y.kind, x.kind);
      EXPECT_EQ(y.argv, x.argv);
      EXPECT_EQ(y.sleep_ms, x.sleep_ms);
      EXPECT_EQ(y.compare, x.compare);
      EXPECT_EQ(y.expected, x.expected);
    }
  }
  // Writing the re-read cases gives the same text again.
  std::ostringstream out2;
  write_corpus(out2, again.cases);
  EXPECT_EQ(out2.str(), out.str());
}

TEST(CorpusWrite, RoundTripsEveryByteInArgumentsAndReplies) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  CorpusCase c;
  c.id = "props/shrunk-1/resp2";
  c.set_tag("family", "props");
  c.set_tag("proto", "2");
  const std::vector<std::vector<std::string>> commands = {
      {"SET", all, all},
      {"@sleep", "x"},  // a command literally named @sleep must stay a command
      {"GET", "", " ", "\"", "'", "\\", "a b", "#", "<", ">"},
      {"x'y", "a\"b", "\\x41"},
  };
  for (const auto& argv : commands) {
    CorpusStep s;
    s.argv = argv;
    s.has_expected = true;
    s.expected = "$256\r\n" + all + "\r\n";
    s.compare = Compare::kShape;
    c.steps.push_back(s);
  }
  std::ostringstream out;
  write_case(out, c);
  CorpusFile f;
  std::string error;
  ASSERT_TRUE(parse_corpus("w", out.str(), &f, &error)) << error << "\n" << out.str();
  ASSERT_EQ(f.cases.size(), 1u);
  ASSERT_EQ(f.cases[0].steps.size(), commands.size());
  for (size_t i = 0; i < commands.size(); ++i) {
    EXPECT_EQ(f.cases[0].steps[i].kind, CorpusStep::Kind::kCommand);
    EXPECT_EQ(f.cases[0].steps[i].argv, commands[i]);
    EXPECT_EQ(f.cases[0].steps[i].expected, c.steps[i].expected);
    EXPECT_EQ(f.cases[0].steps[i].compare, Compare::kShape);
  }
}

TEST(CorpusWrite, FormatsPlainTokensAsIs) {
  EXPECT_EQ(format_command({"SET", "k", "v", "EX", "100"}), "SET k v EX 100");
  EXPECT_EQ(format_command({"SET", "a b", ""}), "SET \"a b\" \"\"");
  EXPECT_EQ(format_command({"@scan"}), "\"@scan\"");
  EXPECT_EQ(format_command({"GET", "@k"}), "GET @k");
  EXPECT_EQ(quote_arg(std::string("\x00\xff", 2)), "\"\\x00\\xff\"");
}

TEST(Unescape, InvertsEscapeBytes) {
  std::string out;
  ASSERT_TRUE(unescape_reply("+OK\\r\\n\\t\\\\\\\"\\x00\\xFf", &out));
  EXPECT_EQ(out, std::string("+OK\r\n\t\\\"\x00\xff", 10));
  EXPECT_FALSE(unescape_reply("\\", &out));
  EXPECT_FALSE(unescape_reply("\\x", &out));
  EXPECT_FALSE(unescape_reply("\\xg0", &out));
  EXPECT_FALSE(unescape_reply("\\a", &out));
}

TEST(Compare, ExactComparesBytes) {
  EXPECT_TRUE(replies_match(Compare::kExact, "+OK\r\n", "+OK\r\n"));
  EXPECT_FALSE(replies_match(Compare::kExact, "+OK\r\n", "+ok\r\n"));
  EXPECT_FALSE(replies_match(Compare::kExact, "*2\r\n:1\r\n:2\r\n", "*2\r\n:2\r\n:1\r\n"));
}

TEST(Compare, UnorderedComparesMultisets) {
  EXPECT_TRUE(replies_match(Compare::kUnordered, "*2\r\n:1\r\n:2\r\n", "*2\r\n:2\r\n:1\r\n"));
  EXPECT_FALSE(replies_match(Compare::kUnordered, "*2\r\n:1\r\n:1\r\n", "*2\r\n:1\r\n:2\r\n"));
  EXPECT_FALSE(replies_match(Compare::kUnordered, "*1\r\n:1\r\n", "*2\r\n:1\r\n:1\r\n"));
  // Sets (RESP3) and arrays are different types.
  EXPECT_FALSE(replies_match(Compare::kUnordered, "~1\r\n:1\r\n", "*1\r\n:1\r\n"));
  // Maps compare as sets of pairs: a value cannot move to another key.
  EXPECT_TRUE(replies_match(Compare::kUnordered, "%2\r\n+a\r\n:1\r\n+b\r\n:2\r\n",
                            "%2\r\n+b\r\n:2\r\n+a\r\n:1\r\n"));
  EXPECT_FALSE(replies_match(Compare::kUnordered, "%2\r\n+a\r\n:1\r\n+b\r\n:2\r\n",
                             "%2\r\n+a\r\n:2\r\n+b\r\n:1\r\n"));
  // Non-aggregates compare exactly.
  EXPECT_FALSE(replies_match(Compare::kUnordered, ":1\r\n", ":2\r\n"));
  EXPECT_TRUE(replies_match(Compare::kScan, "*2\r\n$1\r\na\r\n$1\r\nb\r\n",
                            "*2\r\n$1\r\nb\r\n$1\r\na\r\n"));
}

TEST(Compare, ShapeComparesTypesNullsAndLengthsButErrorText) {
  EXPECT_TRUE(replies_match(Compare::kShape, "*2\r\n$10\r\n1700000000\r\n$6\r\n123456\r\n",
                            "*2\r\n$10\r\n1700000999\r\n$3\r\n123\r\n"));
  EXPECT_FALSE(replies_match(Compare::kShape, "*2\r\n$1\r\na\r\n$1\r\nb\r\n",
                             "*1\r\n$1\r\na\r\n"));
  EXPECT_FALSE(replies_match(Compare::kShape, "$-1\r\n", "$1\r\na\r\n"));
  EXPECT_FALSE(replies_match(Compare::kShape, ":1\r\n", "$1\r\n1\r\n"));
  EXPECT_FALSE(replies_match(Compare::kShape, "-ERR a\r\n", "-ERR b\r\n"));
  EXPECT_TRUE(replies_match(Compare::kShape, "-ERR a\r\n", "-ERR a\r\n"));
  EXPECT_EQ(comparison_key(Compare::kShape, "*2\r\n$1\r\na\r\n_\r\n"), "*2[$,_null,]");
}

TEST(Compare, UnparsableRepliesCompareAsBytes) {
  EXPECT_FALSE(replies_match(Compare::kShape, "garbage", "other"));
  EXPECT_TRUE(replies_match(Compare::kShape, "garbage", "garbage"));
  EXPECT_FALSE(replies_match(Compare::kShape, "+OK\r\n+OK\r\n", "+NO\r\n+NO\r\n"));
  EXPECT_STREQ(compare_marker(Compare::kUnordered), "<~");
  EXPECT_STREQ(compare_marker(Compare::kShape), "<?");
  EXPECT_STREQ(compare_marker(Compare::kExact), "<");
}

TEST(KnownDivergences, MatchesCaseAndCommandGlobs) {
  KnownDivergences k;
  std::string error;
  ASSERT_TRUE(k.parse("kd", "# header\n\nstrings/* set*EX* PX rounding differs (issue #9)\n",
                      &error))
      << error;
  ASSERT_EQ(k.size(), 1u);
  const KnownDivergence* d = k.find("strings/set-options/resp2", "SET k v EX 100");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->reason, "PX rounding differs (issue #9)");
  EXPECT_EQ(k.find("keyspace/x/resp2", "SET k v EX 100"), nullptr);
  EXPECT_EQ(k.find("strings/x/resp2", "GET k"), nullptr);
  EXPECT_FALSE(k.parse("kd", "strings/* SET\n", &error));
  EXPECT_EQ(error, "kd:1: expected `case-id-glob command-glob reason`");
}

TEST(TargetUri, ParsesEveryScheme) {
  TargetUri u;
  std::string error;
  ASSERT_TRUE(parse_target_uri("embedded", &u, &error));
  EXPECT_EQ(u.kind, TargetUri::Kind::kEmbedded);
  EXPECT_FALSE(u.fresh);
  ASSERT_TRUE(parse_target_uri("embedded:fresh", &u, &error));
  EXPECT_TRUE(u.fresh);
  ASSERT_TRUE(parse_target_uri("resp://127.0.0.1:7001", &u, &error));
  EXPECT_EQ(u.kind, TargetUri::Kind::kTcp);
  EXPECT_EQ(u.host, "127.0.0.1");
  EXPECT_EQ(u.port, 7001);
  ASSERT_TRUE(parse_target_uri("resp://localhost", &u, &error));
  EXPECT_EQ(u.port, 6379);
  ASSERT_TRUE(parse_target_uri("resp://[::1]:6380", &u, &error));
  EXPECT_EQ(u.host, "::1");
  EXPECT_EQ(u.port, 6380);
  ASSERT_TRUE(parse_target_uri("unix:///tmp/r.sock", &u, &error));
  EXPECT_EQ(u.kind, TargetUri::Kind::kUnix);
  EXPECT_EQ(u.path, "/tmp/r.sock");
  ASSERT_TRUE(parse_target_uri("spawn:redis-server", &u, &error));
  EXPECT_EQ(u.kind, TargetUri::Kind::kSpawnRedis);
  ASSERT_TRUE(parse_target_uri("spawn:kevy-server", &u, &error));
  EXPECT_EQ(u.kind, TargetUri::Kind::kSpawnKevy);
  ASSERT_TRUE(parse_target_uri("faulty:3:resp://h:1", &u, &error));
  EXPECT_EQ(u.kind, TargetUri::Kind::kFaulty);
  EXPECT_EQ(u.fault_at, 3);
  EXPECT_EQ(u.inner, "resp://h:1");
  ASSERT_TRUE(parse_target_uri("faulty:1:faulty:2:embedded", &u, &error));
  EXPECT_EQ(u.inner, "faulty:2:embedded");
}

TEST(TargetUri, RejectsMalformedUris) {
  for (const char* bad : {"", "redis", "resp://", "resp://h:0", "resp://h:70000", "resp://h:x",
                          "unix://relative", "unix://", "faulty:0:embedded", "faulty:x:embedded",
                          "faulty:3", "faulty:3:nope", "spawn:memcached", "Embedded"}) {
    TargetUri u;
    std::string error;
    EXPECT_FALSE(parse_target_uri(bad, &u, &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

TEST(Targets, SpawnKevyServerWithoutTheBinaryIsUnavailable) {
  ::setenv("KEVY_SERVER", "/nonexistent/kevy-server", 1);
  std::string error;
  bool unavailable = false;
  EXPECT_EQ(open_target("spawn:kevy-server", &error, &unavailable), nullptr);
  ::unsetenv("KEVY_SERVER");
  EXPECT_NE(error.find("kevy-server"), std::string::npos) << error;
  EXPECT_TRUE(unavailable);
}

TEST(Targets, EmbeddedResetFlushesAndSetsTheProtocol) {
  std::string error, reply;
  auto t = open_target("embedded", &error);
  ASSERT_NE(t, nullptr) << error;
  ASSERT_TRUE(t->reset(2, &error)) << error;
  ASSERT_TRUE(t->run({"SET", "k", "v"}, &reply, &error));
  ASSERT_TRUE(t->run({"SELECT", "3"}, &reply, &error));
  ASSERT_TRUE(t->run({"SET", "k3", "v"}, &reply, &error));
  ASSERT_TRUE(t->reset(3, &error)) << error;
  ASSERT_TRUE(t->run({"GET", "k"}, &reply, &error));
  EXPECT_EQ(reply, "_\r\n");  // flushed, RESP3 null, db 0
  ASSERT_TRUE(t->run({"DBSIZE"}, &reply, &error));
  EXPECT_EQ(reply, ":0\r\n");
  ASSERT_TRUE(t->run({"SELECT", "3"}, &reply, &error));
  ASSERT_TRUE(t->run({"DBSIZE"}, &reply, &error));
  EXPECT_EQ(reply, ":0\r\n");
}

TEST(Targets, FaultyReplacesExactlyTheNthReply) {
  std::string error, reply;
  auto t = open_target("faulty:2:embedded", &error);
  ASSERT_NE(t, nullptr) << error;
  ASSERT_TRUE(t->reset(2, &error));
  ASSERT_TRUE(t->run({"PING"}, &reply, &error));
  EXPECT_EQ(reply, "+PONG\r\n");
  ASSERT_TRUE(t->run({"PING"}, &reply, &error));
  EXPECT_EQ(reply, "-ERR kevy-conform faulty target: reply 2 replaced\r\n");
  ASSERT_TRUE(t->run({"PING"}, &reply, &error));
  EXPECT_EQ(reply, "+PONG\r\n");
  EXPECT_STREQ(t->name(), "faulty:2:kevy");
}

TEST(Replay, OneTargetAgainstRecordedRepliesFindsTheDifference) {
  CorpusFile f;
  std::string error;
  ASSERT_TRUE(parse_corpus("r.corpus",
                           "=== t/ok/resp2\n> SET k v\n< +OK\\r\\n\n> GET k\n< $1\\r\\nv\\r\\n\n"
                           "=== t/bad/resp3\n> GET k\n< $-1\\r\\n\n> @scan\n<~ *0\\r\\n\n",
                           &f, &error))
      << error;
  KevyTarget kevy;
  ReplayResult result;
  const std::vector<CorpusFile> files = {f};  // result.cases point into it
  ASSERT_TRUE(replay(files, kevy, nullptr, ReplayOptions{}, &result, &error)) << error;
  ASSERT_EQ(result.cases.size(), 2u);
  EXPECT_TRUE(result.cases[0].passed());
  ASSERT_FALSE(result.cases[1].passed());  // RESP3 null is "_", not "$-1"
  ASSERT_EQ(result.cases[1].shown.size(), 1u);
  EXPECT_EQ(result.cases[1].shown[0].actual, "_\r\n");
  EXPECT_EQ(result.cases[1].shown[0].command, "GET k");
  EXPECT_EQ(result.commands, 4);
  EXPECT_EQ(result.failed_cases, 1);
  std::ostringstream junit;
  write_junit(junit, result);
  EXPECT_NE(junit.str().find("<failure type=\"difference\" message=\"GET k: expected"),
            std::string::npos)
      << junit.str();
}

TEST(StateDiff, ReportsMissingKeysValuesAndTtls) {
  KevyTarget a, b;
  std::string error, reply;
  ASSERT_TRUE(a.reset(2, &error) && b.reset(2, &error)) << error;
  for (auto* t : {&a, &b}) {
    ASSERT_TRUE(t->run({"SET", "same", "1"}, &reply, &error));
    ASSERT_TRUE(t->run({"SET", "ttl", "1", "PX", "100000"}, &reply, &error));
  }
  ASSERT_TRUE(a.run({"SET", "value", "a"}, &reply, &error));
  ASSERT_TRUE(b.run({"SET", "value", "b"}, &reply, &error));
  ASSERT_TRUE(a.run({"SET", "only-a", "x"}, &reply, &error));
  ASSERT_TRUE(b.run({"SELECT", "5"}, &reply, &error));
  ASSERT_TRUE(b.run({"SET", "only-b", "x"}, &reply, &error));
  ASSERT_TRUE(b.run({"SELECT", "0"}, &reply, &error));
  ASSERT_TRUE(a.run({"SET", "ttl-far", "1", "PX", "100000"}, &reply, &error));
  ASSERT_TRUE(b.run({"SET", "ttl-far", "1", "PX", "50000"}, &reply, &error));

  StateDiffResult r;
  ASSERT_TRUE(state_diff(a, b, StateDiffOptions{}, &r, &error)) << error;
  EXPECT_EQ(r.keys_a, 5u);
  EXPECT_EQ(r.keys_b, 5u);
  ASSERT_EQ(r.total_differences, 4u);
  std::vector<std::string> text;
  for (const auto& d : r.differences) text.push_back(describe(d, "A", "B"));
  EXPECT_EQ(text[0], "db 0 key \"only-a\": only in A");
  // The PTTLs are read from a real clock: a millisecond may pass between SET and the diff.
  EXPECT_EQ(text[1].rfind("db 0 key \"ttl-far\": PTTL differs beyond the tolerance: A ", 0), 0u)
      << text[1];
  EXPECT_EQ(text[2], "db 0 key \"value\": value differs: A \"$1\\r\\na\\r\\n\"  B \"$1\\r\\nb\\r\\n\"");
  EXPECT_EQ(text[3], "db 5 key \"only-b\": only in B");

  StateDiffResult same;
  ASSERT_TRUE(state_diff(a, a, StateDiffOptions{}, &same, &error)) << error;
  EXPECT_TRUE(same.same());
}

}  // namespace
}  // namespace kevy::conformance
