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
    if (introspection_command(name) || persistence_command(name)) continue;
    EXPECT_GE(seen[name], 10) << name << " is implemented but (almost) never generated";
  }
  // Every row of the generator table is reachable too.
  for (const std::string& label : generated_command_names()) {
    if (label == "UNKNOWN" || label == "OBJECT|FOO" || label == "DEBUG|FOO") continue;
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

TEST(PropsMode, UsageErrors) {
  EXPECT_EQ(props_mode({"--target", "embedded"}), kExitUsage);
  EXPECT_EQ(props_mode({"--target", "embedded", "--target", "embedded", "--runs", "x"}),
            kExitUsage);
  EXPECT_EQ(props_mode({"--bogus"}), kExitUsage);
}

}  // namespace
}  // namespace kevy::conformance::props
