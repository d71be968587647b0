// Unit tests of multi-connection corpus cases (corpus/README.md, "Multi-connection cases"):
// parsing and writing `>cN` / `<cN` lines, and their replay on the embedded target (sessions
// of one Store) and, when redis-server 7.0.15 is installed, on a spawned redis-server.
#include <gtest/gtest.h>

#include <sstream>

#include "corpus.h"
#include "replay.h"
#include "targets.h"

namespace kevy::conformance {
namespace {

constexpr const char* kPubSub =
    "# SUBSCRIBE and PUBLISH\n"
    "=== pubsub/subscribe/resp2\n"
    "tags: family=pubsub since=2.0.0 proto=2 clients=2\n"
    ">c2 SUBSCRIBE ch\n"
    "<c2 *3\\r\\n$9\\r\\nsubscribe\\r\\n$2\\r\\nch\\r\\n:1\\r\\n\n"
    ">c1 PUBLISH ch hi\n"
    "<c1 :1\\r\\n\n"
    "<c2 *3\\r\\n$7\\r\\nmessage\\r\\n$2\\r\\nch\\r\\n$2\\r\\nhi\\r\\n\n"
    "> @sleep 1\n"
    ">c1 PUBSUB NUMSUB ch\n"
    "<~c1 *2\\r\\n$2\\r\\nch\\r\\n:1\\r\\n\n";

constexpr const char* kBlocking =
    "=== blocking/blpop/resp2\n"
    "tags: family=blocking since=2.0.0 proto=2 blocking=waits clients=2\n"
    ">c1 BLPOP q 0\n"
    ">c2 RPUSH q a\n"
    "<c1 *2\\r\\n$1\\r\\nq\\r\\n$1\\r\\na\\r\\n\n"
    "<c2 :1\\r\\n\n";

CorpusFile parse_ok(const std::string& text) {
  CorpusFile f;
  std::string error;
  EXPECT_TRUE(parse_corpus("m.corpus", text, &f, &error)) << error;
  return f;
}

TEST(MultiCorpus, ParsesConnectionsAndMessages) {
  CorpusFile f = parse_ok(kPubSub);
  ASSERT_EQ(f.cases.size(), 1u);
  const CorpusCase& c = f.cases[0];
  EXPECT_TRUE(c.multi);
  EXPECT_FALSE(c.waits());
  ASSERT_EQ(c.steps.size(), 4u);
  EXPECT_EQ(c.steps[0].conn, "c2");
  EXPECT_EQ(c.steps[0].argv, (std::vector<std::string>{"SUBSCRIBE", "ch"}));
  ASSERT_EQ(c.steps[1].messages.size(), 2u);
  EXPECT_EQ(c.steps[1].messages[0].conn, "c1");
  EXPECT_EQ(c.steps[1].messages[0].bytes, ":1\r\n");
  EXPECT_EQ(c.steps[1].messages[1].conn, "c2");
  EXPECT_EQ(c.steps[1].messages[1].line_no, 8);
  EXPECT_EQ(c.steps[2].kind, CorpusStep::Kind::kSleep);
  EXPECT_TRUE(c.steps[2].conn.empty());
  EXPECT_EQ(c.steps[3].messages[0].compare, Compare::kUnordered);
  EXPECT_FALSE(c.steps[0].has_expected);

  CorpusFile b = parse_ok(kBlocking);
  EXPECT_TRUE(b.cases[0].waits());
  EXPECT_TRUE(b.cases[0].steps[0].messages.empty());  // BLPOP blocks: no message after it
}

TEST(MultiCorpus, RejectsMixedOrMalformedLines) {
  const char* bad[] = {
      // a message line before any command
      "=== t/x/resp2\n<c1 +OK\\r\\n\n",
      // a plain `> ` command in a multi-connection case
      "=== t/x/resp2\n>c1 PING\n<c1 +PONG\\r\\n\n> PING\n< +PONG\\r\\n\n",
      // a plain `<` reply in a multi-connection case
      "=== t/x/resp2\n>c1 PING\n< +PONG\\r\\n\n",
      // messages in a single-connection case
      "=== t/x/resp2\n> PING\n< +PONG\\r\\n\n<c2 +PONG\\r\\n\n",
      // connection names are c1 .. c99
      "=== t/x/resp2\n>c0 PING\n",
      "=== t/x/resp2\n>c1 PING\n<cx +PONG\\r\\n\n",
      "=== t/x/resp2\n>c1\n",
      // @scan is for single-connection cases
      "=== t/x/resp2\n>c1 PING\n> @scan\n<~ *0\\r\\n\n",
  };
  for (const char* text : bad) {
    CorpusFile f;
    std::string error;
    EXPECT_FALSE(parse_corpus("bad.corpus", text, &f, &error)) << text;
    EXPECT_NE(error.find("bad.corpus:"), std::string::npos) << error;
  }
}

TEST(MultiCorpus, WriteRoundTrips) {
  CorpusFile f = parse_ok(kPubSub);
  std::ostringstream out;
  write_corpus(out, f.cases);
  CorpusFile g = parse_ok(out.str());
  std::ostringstream again;
  write_corpus(again, g.cases);
  EXPECT_EQ(out.str(), again.str());
  EXPECT_NE(out.str().find(">c2 SUBSCRIBE ch\n<c2 *3"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("> @sleep 1\n>c1 PUBSUB"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("<~c1 *2"), std::string::npos) << out.str();
}

ReplayResult replay_text(const std::string& text, Target& t, std::vector<CorpusFile>* files) {
  files->push_back(parse_ok(text));
  ReplayResult result;
  std::string error;
  EXPECT_TRUE(replay(*files, t, nullptr, ReplayOptions{}, &result, &error)) << error;
  return result;
}

TEST(MultiReplay, EmbeddedSessionsReceiveTheirMessages) {
  KevyTarget kevy;
  std::vector<CorpusFile> files;
  ReplayResult r = replay_text(kPubSub, kevy, &files);
  ASSERT_EQ(r.cases.size(), 1u);
  EXPECT_TRUE(r.cases[0].passed()) << (r.cases[0].shown.empty() ? "" : r.cases[0].shown[0].error);
  EXPECT_EQ(r.commands, 4);
}

TEST(MultiReplay, WrongMissingAndExtraMessagesAreDifferences) {
  KevyTarget kevy;
  std::vector<CorpusFile> files;
  // 1: c2 gets "hi", not "ho"; 2: nobody expects c2's message; 3: c1 gets no second PONG.
  const std::string wrong =
      "=== t/wrong/resp2\ntags: proto=2\n>c2 SUBSCRIBE ch\n"
      "<c2 *3\\r\\n$9\\r\\nsubscribe\\r\\n$2\\r\\nch\\r\\n:1\\r\\n\n"
      ">c1 PUBLISH ch hi\n<c1 :1\\r\\n\n"
      "<c2 *3\\r\\n$7\\r\\nmessage\\r\\n$2\\r\\nch\\r\\n$2\\r\\nho\\r\\n\n";
  const std::string extra =
      "=== t/extra/resp2\ntags: proto=2\n>c2 SUBSCRIBE ch\n"
      "<c2 *3\\r\\n$9\\r\\nsubscribe\\r\\n$2\\r\\nch\\r\\n:1\\r\\n\n"
      ">c1 PUBLISH ch hi\n<c1 :1\\r\\n\n";
  const std::string missing = "=== t/missing/resp2\ntags: proto=2\n>c1 PING\n"
                              "<c1 +PONG\\r\\n\n<c1 +PONG\\r\\n\n";
  ReplayResult r = replay_text(wrong + extra + missing, kevy, &files);
  ASSERT_EQ(r.cases.size(), 3u);
  ASSERT_TRUE(r.cases[0].failed());
  EXPECT_EQ(r.cases[0].shown[0].command, "c1 PUBLISH ch hi");
  EXPECT_EQ(r.cases[0].shown[0].conn, "c2");
  EXPECT_NE(r.cases[0].shown[0].actual.find("hi"), std::string::npos);
  ASSERT_TRUE(r.cases[1].failed());
  EXPECT_NE(r.cases[1].shown[0].error.find("unexpected message on c2"), std::string::npos)
      << r.cases[1].shown[0].error;
  ASSERT_TRUE(r.cases[2].failed());
  EXPECT_NE(r.cases[2].shown[0].error.find("no message on c1"), std::string::npos)
      << r.cases[2].shown[0].error;
}

TEST(MultiReplay, EmbeddedSkipsCasesThatWaitAndSubstitutesClientIds) {
  KevyTarget kevy;
  std::vector<CorpusFile> files;
  // Embedded connections get client ids 100, 101, ... in opening order.
  ReplayResult r = replay_text(std::string(kBlocking) +
                                   "=== server/ids/resp3\ntags: proto=3\n"
                                   ">c1 ECHO $id(c2)\n<c1 $3\\r\\n101\\r\\n\n"
                                   ">c2 CLIENT ID\n<c2 :101\\r\\n\n",
                               kevy, &files);
  ASSERT_EQ(r.cases.size(), 2u);
  EXPECT_TRUE(r.cases[0].skipped());
  EXPECT_NE(r.cases[0].not_run.find("waits"), std::string::npos);
  EXPECT_EQ(r.skipped_cases, 1);
  EXPECT_TRUE(r.cases[1].passed()) << (r.cases[1].shown.empty() ? "" : r.cases[1].shown[0].error);
}

TEST(MultiReplay, RedisServerWakesTheBlockedConnection) {
  std::string error;
  bool unavailable = false;
  auto redis = open_target("spawn:redis-server", &error, &unavailable);
  if (!redis && unavailable) GTEST_SKIP() << error;
  ASSERT_TRUE(redis) << error;
  std::vector<CorpusFile> files;
  ReplayResult r = replay_text(std::string(kBlocking) + kPubSub, *redis, &files);
  ASSERT_EQ(r.cases.size(), 2u);
  for (const CaseResult& c : r.cases) {
    EXPECT_TRUE(c.passed()) << c.c->id << ": "
                            << (c.shown.empty() ? "" : c.shown[0].error + c.shown[0].actual);
  }
}

}  // namespace
}  // namespace kevy::conformance
