// Tests of props: the generators cover every command in kevy's command table (and every
// subcommand of a container), the tip table agrees with corpus/commands.json, and the gate can
// fail: a target with a wrong reply makes props exit 1 with a shrunk corpus case on disk.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "commands/command_table.h"
#include "corpus.h"
#include "modes.h"
#include "props.h"
#include "props_internal.h"
#include "targets.h"

namespace kevy::conformance::props {
namespace {

namespace fs = std::filesystem;

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Every command of the table as a label: "GET", "OBJECT|ENCODING".
std::set<std::string> implemented_labels() {
  std::set<std::string> out;
  for (const CommandSpec* spec : CommandTable::instance().all()) {
    if (spec->subcommands.empty()) {
      out.insert(upper(spec->name));
    } else {
      for (const CommandSpec& sub : spec->subcommands) {
        out.insert(upper(spec->name) + "|" + upper(sub.name));
      }
    }
  }
  return out;
}

// Commands props does not generate, by family (label prefix), each with its reason. Their
// replies describe the connection or the process (ids, addresses, timings, statistics), or
// they change how the connection replies (CLIENT REPLY, MONITOR, RESET) or how the server
// behaves (CONFIG SET), so a random sequence cannot compare them. The corpus families client,
// command, config and server and corpus/compare_command_metadata.py cover them instead.
bool introspection_command(const std::string& label) {
  // MEMORY's numbers are each server's own heap (kevy's model vs jemalloc's); its replies'
  // shapes and errors are in the corpus family memory and commands/memory_cmds_test.cc.
  for (const char* prefix :
       {"CLIENT|", "COMMAND|", "CONFIG|", "LATENCY|", "MEMORY|", "SLOWLOG|"}) {
    if (label.rfind(prefix, 0) == 0) return true;
  }
  return label == "INFO" || label == "LASTSAVE" || label == "MONITOR" || label == "RESET";
}

// Persistence commands props does not generate: SAVE and BGSAVE write files and BGSAVE's reply
// depends on timing; DUMP's payload of a hashtable-encoded value follows table order and
// RESTORE needs a valid payload. The corpus family persist and the DUMP/RESTORE oracle cases
// (engine/src/commands/dump_restore_test.cc) cover them.
bool persistence_command(const std::string& label) {
  return label == "SAVE" || label == "BGSAVE" || label == "BGREWRITEAOF" || label == "DUMP" ||
         label == "RESTORE";
}

// The subscribing commands props does not generate: SUBSCRIBE, PSUBSCRIBE and SSUBSCRIBE put
// a RESP2 connection in subscribed mode (most later commands refused) beyond the end of the
// case, and messages (PUBLISH, keyspace events) would arrive as pushes between replies, which
// a runner reading one reply per command cannot pair. The multi-connection corpus cases
// (corpus/scripts/pubsub.txt) cover them. The unsubscribing ones are generated (props_gen.cc).
bool subscribing_command(const std::string& label) {
  return label == "SUBSCRIBE" || label == "PSUBSCRIBE" || label == "SSUBSCRIBE";
}

TEST(PropsGenerators, EveryImplementedCommandIsGenerated) {
  std::map<std::string, int> seen;
  for (ExpiryMode mode : {ExpiryMode::kRelative, ExpiryMode::kAbsolute}) {
    for (const Command& c : sample_commands(42, 20000, mode)) {
      ++seen[command_label(c)];
      // DEBUG is not a container in the table: its own subcommands count for "DEBUG" too.
      if (const std::string l = command_label(c); l.rfind("DEBUG|", 0) == 0) ++seen["DEBUG"];
    }
  }
  const std::set<std::string> implemented = implemented_labels();
  ASSERT_GT(implemented.size(), 60u);
  for (const std::string& name : implemented) {
    if (introspection_command(name) || persistence_command(name) || subscribing_command(name)) {
      continue;
    }
    EXPECT_GE(seen[name], 10) << name << " is implemented but (almost) never generated";
  }
  // Every row of the generator table is reachable too.
  for (const std::string& label : generated_command_names()) {
    if (label == "UNKNOWN" || label == "OBJECT|FOO" || label == "DEBUG|FOO" ||
        label == "PUBSUB|FOO") {
      continue;
    }
    EXPECT_GE(seen[label], 10) << label;
  }
}

TEST(PropsGenerators, InvalidShapesAppear) {
  // Wrong arity: the same command name with different argument counts; re-cased names.
  std::map<std::string, std::set<size_t>> arities;
  bool recased = false;
  for (const Command& c : sample_commands(7, 20000, ExpiryMode::kAbsolute)) {
    arities[command_label(c)].insert(c.argv.size());
    if (!c.argv.empty() && c.argv[0] != upper(c.argv[0]) && c.argv[0] != "@scan") recased = true;
  }
  for (const char* fixed : {"GET", "TYPE", "STRLEN", "GETBIT", "ECHO", "RENAME"}) {
    EXPECT_GE(arities[fixed].size(), 3u) << fixed << " only generated with one arity";
  }
  EXPECT_TRUE(recased);
}

TEST(PropsGenerators, DeterministicForASeed) {
  auto a = sample_commands(99, 500, ExpiryMode::kRelative);
  auto b = sample_commands(99, 500, ExpiryMode::kRelative);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].argv, b[i].argv);
}

TEST(PropsGenerators, RelativeSequencesNeverReadAbsoluteExpiryOfPoolKeys) {
  for (const Command& c : sample_commands(5, 20000, ExpiryMode::kRelative)) {
    const std::string l = command_label(c);
    if ((l == "EXPIRETIME" || l == "PEXPIRETIME") && c.argv.size() == 2) {
      EXPECT_EQ(c.argv[1], "absent:key");
    }
    for (const std::string& a : c.argv) {
      if (l.find("EXPIRE") != std::string::npos && l != "EXPIRETIME" && l != "PEXPIRETIME") {
        EXPECT_NE(upper(a), "GT");
        EXPECT_NE(upper(a), "LT");
      }
    }
  }
}

TEST(PropsGenerators, SpopNeverRemovesARandomSubset) {
  // "SPOP key" (or a count below the set's size) pops members chosen at random, after which
  // the two targets' sets differ. Every generated SPOP has a count of 100 / 0 / -1 / x, or is
  // an arity error.
  int spops = 0;
  for (ExpiryMode mode : {ExpiryMode::kRelative, ExpiryMode::kAbsolute}) {
    for (const Command& c : sample_commands(11, 50000, mode)) {
      if (command_label(c) != "SPOP") continue;
      ++spops;
      if (c.argv.size() == 1) continue;  // wrong arity
      ASSERT_GE(c.argv.size(), 3u) << "SPOP without a count";
      EXPECT_TRUE(c.argv[2] == "100" || c.argv[2] == "0" || c.argv[2] == "-1" || c.argv[2] == "x")
          << c.argv[2];
    }
  }
  EXPECT_GT(spops, 20);
}

// Generated sequences (not single commands): what sequence_gen adds on top of the rows.
std::vector<Sequence> sample_sequences(uint64_t seed, int n, int length) {
  const rc::Gen<Sequence> g = sequence_gen(length, 25, {});
  rc::Random r(seed);
  std::vector<Sequence> out;
  for (int i = 0; i < n; ++i) out.push_back(g(r.split(), rc::kNominalSize).value());
  return out;
}

TEST(PropsGenerators, SequencesHoldTransactions) {
  int execs = 0, queued_total = 0, discards = 0, watched_execs = 0, aborted = 0;
  for (const Sequence& s : sample_sequences(17, 300, 50)) {
    bool in_multi = false, watching = false;
    int queued = 0;
    for (const Command& c : s.commands) {
      const TxRole role = tx_role(in_multi, c.argv);
      // The @scan directive loops over replies: never inside a transaction.
      if (in_multi) {
        EXPECT_NE(command_label(c), "@SCAN");
      }
      if (role == TxRole::kPlain && command_label(c) == "WATCH") watching = true;
      if (role == TxRole::kOpen) queued = 0;
      if (role == TxRole::kQueued) ++queued;
      if (role == TxRole::kExec && queued > 0) {
        ++execs;
        queued_total += queued;
        watched_execs += watching ? 1 : 0;
      }
      if (role == TxRole::kEnd) ++(command_label(c) == "EXEC" ? aborted : discards);
      if (role == TxRole::kExec || role == TxRole::kEnd) watching = false;
      in_multi = tx_in_multi_after(in_multi, role);
    }
  }
  // Most sequences hold a transaction, closed after a few queued commands (seed 17: 138
  // EXECs of 469 queued commands, 84 DISCARDs, 19 EXECABORTs, 20 EXECs after a WATCH).
  EXPECT_GE(execs, 100);
  EXPECT_GE(queued_total, 2 * execs);
  EXPECT_GE(discards, 40);
  EXPECT_GE(watched_execs, 10);
  EXPECT_GE(aborted, 5);
}

TEST(PropsGenerators, NoNumericSortAfterAnOutOfRangeNumber) {
  int rewritten = 0;
  for (const Sequence& s : sample_sequences(23, 300, 50)) {
    bool overflowed = false;
    for (const Command& c : s.commands) {
      const std::string l = command_label(c);
      if (overflowed && (l == "SORT" || l == "SORT_RO")) {
        ++rewritten;
        for (size_t i = 1; i < c.argv.size(); ++i) {
          EXPECT_NE(upper(c.argv[i]), "BY") << format_command(c.argv);
        }
        // ALPHA right after the key, unless the generator put one in an option's place.
        if (c.argv.size() >= 3 && upper(c.argv[2]) != "ALPHA") {
          EXPECT_NE(std::find_if(c.argv.begin() + 3, c.argv.end(),
                                 [](const std::string& a) { return upper(a) == "ALPHA"; }),
                    c.argv.end())
              << format_command(c.argv);
        }
      }
      overflowed |= may_leave_erange(c);
    }
  }
  EXPECT_GT(rewritten, 10);
  EXPECT_TRUE(may_leave_erange(Command{{"ZADD", "z", "1e400", "m"}}));
  EXPECT_TRUE(may_leave_erange(Command{{"RPUSH", "l", "1e-400"}}));
  EXPECT_TRUE(may_leave_erange(Command{{"SCAN", "18446744073709551616"}}));
  EXPECT_FALSE(may_leave_erange(Command{{"ZADD", "z", "1e308", "inf", "nan", "abc"}}));
  EXPECT_FALSE(may_leave_erange(Command{{"SET", "k", "18446744073709551615", "-1"}}));
  EXPECT_FALSE(may_leave_erange(Command{{"1e400"}}));  // the name is not parsed
}

TEST(PropsTx, RolesFollowRedis) {
  using V = std::vector<std::string>;
  EXPECT_EQ(tx_role(false, V{"multi"}), TxRole::kOpen);
  EXPECT_EQ(tx_role(false, V{"MULTI", "x"}), TxRole::kPlain);
  EXPECT_EQ(tx_role(false, V{"EXEC"}), TxRole::kPlain);
  EXPECT_EQ(tx_role(false, V{"WATCH", "k"}), TxRole::kPlain);
  EXPECT_EQ(tx_role(true, V{"GET", "k"}), TxRole::kQueued);
  EXPECT_EQ(tx_role(true, V{"NOSUCHCMD"}), TxRole::kQueued);
  EXPECT_EQ(tx_role(true, V{"MULTI"}), TxRole::kImmediate);
  EXPECT_EQ(tx_role(true, V{"MULTI", "x"}), TxRole::kQueued);  // arity: queue-time error
  EXPECT_EQ(tx_role(true, V{"Watch", "k"}), TxRole::kImmediate);
  EXPECT_EQ(tx_role(true, V{"WATCH"}), TxRole::kQueued);
  EXPECT_EQ(tx_role(true, V{"UNWATCH"}), TxRole::kQueued);
  EXPECT_EQ(tx_role(true, V{"exec"}), TxRole::kExec);
  EXPECT_EQ(tx_role(true, V{"EXEC", "x"}), TxRole::kEnd);  // EXECABORT
  EXPECT_EQ(tx_role(true, V{"DISCARD"}), TxRole::kEnd);
  EXPECT_EQ(tx_role(true, V{"DISCARD", "x"}), TxRole::kQueued);
  EXPECT_TRUE(tx_in_multi_after(false, TxRole::kOpen));
  EXPECT_TRUE(tx_in_multi_after(true, TxRole::kQueued));
  EXPECT_TRUE(tx_in_multi_after(true, TxRole::kImmediate));
  EXPECT_FALSE(tx_in_multi_after(true, TxRole::kExec));
  EXPECT_FALSE(tx_in_multi_after(true, TxRole::kEnd));
}

TEST(PropsTx, ExecArraysCompareElementByElement) {
  // SMEMBERS's set in another order, then an exact GET reply.
  const std::string a = "*2\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nv\r\n";
  const std::string b = "*2\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nv\r\n";
  const std::string b_get = "*2\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nw\r\n";
  EXPECT_TRUE(exec_replies_match({Compare::kUnordered, Compare::kExact}, a, b));
  EXPECT_FALSE(exec_replies_match({Compare::kExact, Compare::kExact}, a, b));
  EXPECT_FALSE(exec_replies_match({Compare::kUnordered, Compare::kExact}, a, b_get));
  // Not the expected number of elements, or not arrays: exact.
  EXPECT_FALSE(exec_replies_match({Compare::kUnordered}, a, b));
  EXPECT_TRUE(exec_replies_match({Compare::kUnordered}, "*-1\r\n", "*-1\r\n"));
  EXPECT_FALSE(exec_replies_match({Compare::kUnordered}, "*-1\r\n", "_\r\n"));
  EXPECT_TRUE(exec_replies_match({}, "*0\r\n", "*0\r\n"));
  // RESP3 elements: maps, pushes, nulls, doubles.
  const std::string r3 = "*3\r\n%1\r\n+k\r\n:1\r\n>3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n,1.5\r\n";
  EXPECT_TRUE(exec_replies_match({Compare::kExact, Compare::kExact, Compare::kExact}, r3, r3));
  EXPECT_EQ(loosest({Compare::kExact, Compare::kUnordered}), Compare::kShape);
  EXPECT_EQ(loosest({Compare::kExact}), Compare::kExact);
  EXPECT_EQ(loosest({}), Compare::kExact);
}

TEST(PropsTips, ComparisonModesComeFromCommandsJson) {
  const fs::path json = fs::path(KEVY_SOURCE_DIR) / "corpus" / "commands.json";
  Tips tips;
  std::string error;
  ASSERT_TRUE(tips.load(json.string(), &error)) << error;
  EXPECT_GT(tips.size(), 200u);
  EXPECT_EQ(tips.compare_for({"KEYS", "*"}), Compare::kUnordered);
  EXPECT_EQ(tips.compare_for({"smembers", "s"}), Compare::kUnordered);
  EXPECT_EQ(tips.compare_for({"SSCAN", "s", "0"}), Compare::kShape);
  EXPECT_EQ(tips.compare_for({"OBJECT", "encoding", "k"}), Compare::kShape);
  EXPECT_EQ(tips.compare_for({"GET", "k"}), Compare::kExact);
  EXPECT_EQ(tips.compare_for({"NOSUCHCMD"}), Compare::kExact);
}

// Corrupts every reply of INCR (a bug that is deterministic, so that shrinking converges).
class WrongIncr final : public Target {
 public:
  const char* name() const override { return "wrong-incr"; }
  bool reset(int protocol, std::string* error) override { return inner_.reset(protocol, error); }
  bool run(const std::vector<std::string>& argv, std::string* reply,
           std::string* error) override {
    if (!inner_.run(argv, reply, error)) return false;
    if (!argv.empty() && upper(argv[0]) == "INCR" && !reply->empty() && (*reply)[0] == ':') {
      *reply = ":12345\r\n";
    }
    return true;
  }

 private:
  KevyTarget inner_;
};

fs::path temp_dir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("kevy-props-test-" + name);
  fs::remove_all(p);
  return p;
}

TEST(PropsRun, EmbeddedAgainstItselfIsClean) {
  KevyTarget a, b;
  Options o;
  o.seed = 11;
  o.runs = 60;
  o.length = 30;
  o.target_a = &a;
  o.target_b = &b;
  o.out_dir = temp_dir("clean").string();
  std::ostringstream log;
  Result r = run(o, log);
  EXPECT_EQ(r.exit_code, kExitOk) << log.str();
  EXPECT_EQ(r.runs, 60);
  EXPECT_EQ(r.commands, 60 * 30);
  EXPECT_FALSE(fs::exists(o.out_dir));
}

TEST(PropsRun, GateFailsAndShrinksOnAWrongReply) {
  KevyTarget a;
  WrongIncr b;
  Options o;
  o.seed = 3;
  o.runs = 200;
  o.length = 40;
  o.target_a = &a;
  o.target_b = &b;
  o.out_dir = temp_dir("gate").string();
  std::ostringstream log;
  Result r = run(o, log);
  ASSERT_EQ(r.exit_code, kExitDifferences) << log.str();
  ASSERT_FALSE(r.case_path.empty()) << log.str();
  EXPECT_TRUE(fs::exists(r.case_path));
  EXPECT_NE(log.str().find("DIFFERENCE"), std::string::npos);

  // The written case parses, and shrinking left exactly the one INCR that differs.
  CorpusFile file;
  std::string error;
  ASSERT_TRUE(read_corpus_file(r.case_path, &file, &error)) << error;
  ASSERT_EQ(file.cases.size(), 1u);
  const CorpusCase& c = file.cases[0];
  EXPECT_EQ(c.id.rfind("props/3-", 0), 0u) << c.id;
  ASSERT_EQ(c.steps.size(), 1u) << r.case_text;
  EXPECT_EQ(upper(c.steps[0].argv[0]), "INCR");
  EXPECT_EQ(c.steps[0].expected, ":1\r\n");
  fs::remove_all(o.out_dir);
}

TEST(PropsRun, GateFailsOnFaultyTargetUri) {
  Options o;
  o.seed = 5;
  o.runs = 50;
  o.length = 20;
  o.targets = {"embedded", "faulty:100:embedded"};
  o.out_dir = temp_dir("faulty").string();
  std::ostringstream log;
  Result r = run(o, log);
  ASSERT_EQ(r.exit_code, kExitDifferences) << log.str();
  EXPECT_TRUE(fs::exists(r.case_path)) << log.str();
  fs::remove_all(o.out_dir);
}

// Keeps one Session across cases and resets it with FLUSHALL / SELECT 0 / HELLO on that
// session, as a network target does on its connection; a reset whose FLUSHALL does not
// answer +OK (queued in a MULTI left open by the last case) fails.
class OneConnection final : public Target {
 public:
  const char* name() const override { return "one-connection"; }
  bool reset(int protocol, std::string* error) override {
    Store* store = inner_.store(error);
    if (store == nullptr) return false;
    const std::string hello = std::to_string(protocol);
    const std::vector<std::string> flush{"FLUSHALL"}, select{"SELECT", "0"},
        hello_cmd{"HELLO", hello};
    std::string r;
    for (const auto* cmd : {&flush, &select}) {
      run(*cmd, &r, error);
      if (r != "+OK\r\n") {
        *error = (*cmd)[0] + " answered " + r;
        return false;
      }
    }
    return run(hello_cmd, &r, error);
  }
  bool run(const std::vector<std::string>& argv, std::string* reply,
           std::string* error) override {
    Store* store = inner_.store(error);
    if (store == nullptr) return false;
    std::vector<std::string_view> views(argv.begin(), argv.end());
    *reply = store->execute_resp(views, session_);
    return true;
  }

 private:
  KevyTarget inner_;
  Session session_;
};

TEST(PropsRun, TransactionsDoNotOutliveTheirCase) {
  // Many generated cases end inside MULTI, or WATCH keys the next case writes; the runner
  // ends both before the next reset, so a target that keeps its connection stays in step.
  KevyTarget a;
  OneConnection b;
  Options o;
  o.seed = 29;
  o.runs = 150;
  o.length = 40;
  o.target_a = &a;
  o.target_b = &b;
  o.out_dir = temp_dir("one-connection").string();
  std::ostringstream log;
  Result r = run(o, log);
  EXPECT_EQ(r.exit_code, kExitOk) << log.str();
  EXPECT_EQ(r.runs, 150);
  fs::remove_all(o.out_dir);
}

TEST(PropsMode, UsageErrors) {
  EXPECT_EQ(props_mode({"--target", "embedded"}), kExitUsage);
  EXPECT_EQ(props_mode({"--target", "embedded", "--target", "embedded", "--runs", "x"}),
            kExitUsage);
  EXPECT_EQ(props_mode({"--bogus"}), kExitUsage);
}

}  // namespace
}  // namespace kevy::conformance::props
