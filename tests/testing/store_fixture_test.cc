// StoreTest: commands, seeding every type, inspection and the key matchers.
#include <kevy/testing.h>

#include <chrono>
#include <string>

namespace kevy::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::Not;

class StoreFixtureTest : public StoreTest {};

// The text a matcher gives for a value (what gtest prints on failure).
template <typename T>
std::string explain(const ::testing::Matcher<const T&>& m, const T& value) {
  ::testing::StringMatchResultListener listener;
  m.MatchAndExplain(value, &listener);
  return listener.str();
}

TEST_F(StoreFixtureTest, ExecuteRunsRedisCommandsInTheFixtureSession) {
  EXPECT_EQ(execute({"SET", "k", "v"}).str(), "OK");
  EXPECT_EQ(execute({"GET", "k"}).str(), "v");
  EXPECT_EQ(execute({"SELECT", "3"}).str(), "OK");  // the session keeps its db
  EXPECT_EQ(execute({"GET", "k"}).type(), Reply::Type::kNull);
  EXPECT_EQ(execute(std::vector<std::string>{"SET", std::string("a\0b", 3), ""}).str(), "OK");
  EXPECT_THAT(key(std::string("a\0b", 3), 3), StringEq(""));
}

TEST_F(StoreFixtureTest, SeedWritesEveryTypeWithoutRecordingIt) {
  seed("s", "text");
  seed("l", List{{"a", "b", "a"}}, seconds(30));
  seed("set", Set{{"x", "y"}});
  seed("h", Hash{{{"f1", "v1"}, {"f2", "v2"}}}, milliseconds(1500), /*db=*/2);
  seed("z", Zset{{{"m1", 2.5}, {"m2", -1}}});
  EXPECT_TRUE(commands().empty());

  EXPECT_EQ(execute({"TYPE", "l"}).str(), "list");
  EXPECT_EQ(execute({"LRANGE", "l", "0", "-1"}).elements().size(), 3u);
  EXPECT_EQ(execute({"PTTL", "l"}).integer_value(), 30000);
  EXPECT_EQ(execute({"ZSCORE", "z", "m1"}).double_value(), 2.5);
  EXPECT_THAT(key("h", 2), HashEq({{"f2", "v2"}, {"f1", "v1"}}));
  EXPECT_THAT(key("h", 2), HasTtl(milliseconds(1500)));
  EXPECT_THAT(key("h"), Not(HashEq({{"f1", "v1"}, {"f2", "v2"}})));  // db 0 has no "h"
}

TEST_F(StoreFixtureTest, SeedReplacesTheKeyAndAnEmptyCollectionDeletesIt) {
  seed("k", List{{"a"}});
  seed("k", "now a string");
  EXPECT_THAT(key("k"), StringEq("now a string"));
  seed("k", Set{});
  EXPECT_THAT(store(), Not(HasKey("k")));
}

TEST_F(StoreFixtureTest, DumpKeyspaceReadsEveryKeyOfADatabase) {
  seed("s", "v", seconds(10));
  seed("l", List{{"b", "a"}});
  seed("set", Set{{"y", "x"}});
  seed("h", Hash{{{"b", "2"}, {"a", "1"}}});
  seed("z", Zset{{{"two", 2}, {"one", 1}}});
  seed("other-db", "v", std::nullopt, 1);
  const KeyspaceDump dump = dump_keyspace();
  ASSERT_EQ(dump.size(), 5u);
  EXPECT_EQ(dump.at("s"), (KeyDump{"string", std::string("v"), milliseconds(10000)}));
  EXPECT_EQ(dump.at("l"), (KeyDump{"list", List{{"b", "a"}}, std::nullopt}));
  EXPECT_EQ(dump.at("set"), (KeyDump{"set", Set{{"x", "y"}}, std::nullopt}));  // sorted
  EXPECT_EQ(dump.at("h"), (KeyDump{"hash", Hash{{{"a", "1"}, {"b", "2"}}}, std::nullopt}));
  EXPECT_EQ(dump.at("z"), (KeyDump{"zset", Zset{{{"one", 1}, {"two", 2}}}, std::nullopt}));
  EXPECT_THAT(dump, HasKeyIn("z"));
  EXPECT_THAT(dump, Not(HasKeyIn("other-db")));
  EXPECT_THAT(dump_keyspace(1), HasKeyIn("other-db"));
  EXPECT_EQ(::testing::PrintToString(dump.at("s")), "string \"v\" ttl 10000ms");
}

TEST_F(StoreFixtureTest, KeyMatchersCompareAndExplain) {
  seed("l", List{{"a", "b"}});
  seed("set", Set{{"1", "2", "3"}});
  seed("z", Zset{{{"b", 1}, {"a", 1}, {"c", 0.5}}});
  seed("plain", "v");
  EXPECT_THAT(store(), HasKey("l"));
  EXPECT_THAT(store(), Not(HasKey("l", 1)));
  EXPECT_THAT(key("l"), ListEq({"a", "b"}));
  EXPECT_THAT(key("l"), Not(ListEq({"b", "a"})));  // lists keep their order
  EXPECT_THAT(key("set"), SetEq({"3", "1", "2"}));  // sets do not
  EXPECT_THAT(key("z"), ZsetEq({{"c", 0.5}, {"a", 1}, {"b", 1}}));
  EXPECT_THAT(key("z"), ZsetEq({{"a", 1}, {"b", 1}, {"c", 0.5}}));  // given in any order
  EXPECT_THAT(key("z"), Not(ZsetEq({{"a", 1}, {"b", 2}, {"c", 0.5}})));
  EXPECT_THAT(key("plain"), HasNoTtl());
  EXPECT_THAT(key("plain"), Not(ListEq({"v"})));  // another type

  EXPECT_EQ(explain(ListEq({"x"}), key("l")), "which is list { \"a\", \"b\" }");
  EXPECT_EQ(::testing::DescribeMatcher<const KeyRef&>(ListEq({"x"})), "is list { \"x\" }");
  EXPECT_EQ(explain(HasTtl(seconds(1)), key("l")), "which has no TTL");
  EXPECT_EQ(explain(StringEq("v"), key("missing")), "which does not exist");
  EXPECT_EQ(::testing::DescribeMatcher<const KeyRef&>(HasTtl(seconds(2), milliseconds(10))),
            "has a TTL of 2000 ms +- 10 ms");
  EXPECT_THAT(::testing::DescribeMatcher<const Store&>(HasKey("k"), /*negation=*/true),
              HasSubstr("has no key \"k\""));
}

TEST_F(StoreFixtureTest, HasTtlAllowsATolerance) {
  seed("k", "v", seconds(60));
  EXPECT_THAT(key("k"), HasTtl(seconds(60)));
  advance(milliseconds(400));
  EXPECT_THAT(key("k"), Not(HasTtl(seconds(60))));
  EXPECT_THAT(key("k"), HasTtl(seconds(60), milliseconds(500)));
  EXPECT_THAT(key("k"), HasTtl(milliseconds(59600)));
}

TEST_F(StoreFixtureTest, IsRespErrorMatchesRepliesStatusesAndResults) {
  seed("l", List{{"a"}});
  EXPECT_THAT(execute({"GET", "l"}), IsRespError("WRONGTYPE"));
  EXPECT_THAT(execute({"INCR", "nope", "x"}), IsRespError("ERR wrong number of arguments"));
  EXPECT_THAT(execute({"GET", "missing"}), Not(IsRespError("")));
  EXPECT_THAT(store().set("l", "v", SetOptions{}.xx()), Not(IsRespError("")));
  EXPECT_THAT(store().sadd("l", std::vector<std::string_view>{"m"}), IsRespError("WRONGTYPE"));
  EXPECT_THAT(store().config_set("hz", "nope"), IsRespError("ERR CONFIG SET failed"));
  EXPECT_EQ(explain(::testing::Matcher<const Reply&>(IsRespError("ERR")), Reply::simple("OK")),
            "which is not an error");
}

// A file redis-server 7.0.15 saved (fuzz/make_seeds.py): strings, a list, a set, a hash, a
// zset and TTLs in several databases.
TEST_F(StoreFixtureTest, LoadRdbReadsARedisSnapshot) {
  seed("before", "gone after the load");
  ASSERT_TRUE(load_rdb(KEVY_SOURCE_DIR "/fuzz/seeds/rdb_load/mixed.rdb").is_ok());
  EXPECT_THAT(store(), Not(HasKey("before")));
  EXPECT_FALSE(dump_keyspace().empty());
  EXPECT_THAT(load_rdb("/nonexistent/dump.rdb"), IsRespError(""));
}

TEST_F(StoreFixtureTest, LoadCorpusCaseReplaysARecordedCaseAndChecksItsReplies) {
  const std::string file = KEVY_SOURCE_DIR "/corpus/lists.corpus";
  ASSERT_TRUE(load_corpus_case(file, "lists/push-and-length/resp2").is_ok());
  EXPECT_THAT(key("l"), ListEq({"y", "x", "c", "b", "a", "d", "e", "z"}));
  EXPECT_TRUE(commands().empty());  // the toolkit's own client is not recorded

  // A store whose state makes the recorded replies wrong: the first difference is named.
  reset();
  seed("l", "a string");
  const Status s = load_corpus_case(file, "lists/push-and-length/resp2");
  EXPECT_THAT(s, IsRespError(file + ":"));
  EXPECT_THAT(s.message(), HasSubstr("lpush l a b c: redis-server replied \":3\\r\\n\", kevy "
                                     "\"-WRONGTYPE"));
  EXPECT_EQ(load_corpus_case(file, "lists/no-such-case").code(), Status::Code::kNotFound);
  const Status multi = load_corpus_case(KEVY_SOURCE_DIR "/corpus/multi.corpus",
                                        "multi/multi-exec-queues-and-runs/resp2");
  EXPECT_THAT(multi.message(), HasSubstr("several connections"));
}

TEST_F(StoreFixtureTest, LoadCorpusCaseMovesTheClockForBlockingCommands) {
  // BLPOP/BZPOPMIN with short timeouts on missing keys: recorded in real time, replayed here
  // on the manual clock.
  const std::string file = KEVY_SOURCE_DIR "/corpus/lists.corpus";
  EXPECT_TRUE(load_corpus_case(file, "lists/blocking-timeout-replies/resp2").is_ok());
  EXPECT_TRUE(load_corpus_case(file, "lists/blocking-timeout-replies/resp3").is_ok());
}

TEST_F(StoreFixtureTest, AKeyRefKeepsItsStore) {
  seed("k", "old");
  const KeyRef old_key = key("k");
  reset();
  EXPECT_THAT(old_key, StringEq("old"));  // the store it was made for
  EXPECT_THAT(key("k"), Not(StringEq("old")));
}

TEST_F(StoreFixtureTest, ResetGivesAnEmptyStoreWithNewOptions) {
  seed("k", "v");
  execute({"GET", "k"});
  reset(Options{}.with_databases(2));
  EXPECT_THAT(store(), Not(HasKey("k")));
  EXPECT_TRUE(commands().empty());
  EXPECT_THAT(execute({"SELECT", "2"}), IsRespError("ERR DB index is out of range"));
}

}  // namespace
}  // namespace kevy::testing
