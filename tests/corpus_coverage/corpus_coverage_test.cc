// corpus_coverage: fails, naming the command, when a command (or container subcommand) of
// kevy's CommandTable has no `> CMD` line in any corpus/*.corpus case that kevy can run.
// Cases tagged needs=... (types kevy does not have yet, e.g. wrongtype.corpus) do not count.
// Corpus format: corpus/README.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "commands/command_table.h"
#include "resp/split_args.h"

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

struct CorpusNames {
  std::set<std::string> names;  // "get", "object", "object|encoding" (lowercase)
  size_t files = 0;
  size_t cases = 0;
};

// Every command name (and "name|second-arg") on a `> ` or `>cN ` line of a case without a
// needs= tag.
CorpusNames read_corpus(const std::filesystem::path& dir) {
  CorpusNames out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".corpus") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    ++out.files;
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::vector<std::vector<std::string>> pending;  // commands of the current case
    bool runnable = true;
    auto flush = [&] {
      if (runnable) {
        for (const auto& argv : pending) {
          std::string name = lower(argv[0]);
          out.names.insert(name);
          if (argv.size() >= 2) out.names.insert(name + "|" + lower(argv[1]));
        }
      }
      pending.clear();
      runnable = true;
    };
    while (std::getline(in, line)) {
      if (line.rfind("=== ", 0) == 0) {
        flush();
        ++out.cases;
      } else if (line.rfind("tags:", 0) == 0) {
        if (line.find(" needs=") != std::string::npos) runnable = false;
      } else if (line.rfind("> ", 0) == 0 && line.size() > 2 && line[2] != '@') {
        auto argv = kevy::split_args(std::string_view(line).substr(2));
        EXPECT_TRUE(argv.has_value()) << path << ": bad quoting: " << line;
        if (argv && !argv->empty()) pending.push_back(std::move(*argv));
      } else if (line.rfind(">c", 0) == 0 && line.find(' ') != std::string::npos) {
        // ">c2 CMD": a command of a multi-connection case (corpus/README.md).
        auto argv = kevy::split_args(std::string_view(line).substr(line.find(' ') + 1));
        EXPECT_TRUE(argv.has_value()) << path << ": bad quoting: " << line;
        if (argv && !argv->empty()) pending.push_back(std::move(*argv));
      }
    }
    flush();
  }
  return out;
}

// $KEVY_CORPUS_DIR overrides the corpus/ directory of the source tree.
std::string corpus_dir() {
  const char* env = std::getenv("KEVY_CORPUS_DIR");
  return env != nullptr && *env != '\0' ? env : KEVY_CORPUS_DIR;
}

TEST(CorpusCoverage, EveryCommandHasACase) {
  const std::string dir = corpus_dir();
  const CorpusNames corpus = read_corpus(dir);
  ASSERT_GT(corpus.files, 0u) << "no .corpus files in " << dir;
  std::vector<std::string> missing;
  size_t checked = 0;
  for (const kevy::CommandSpec* spec : kevy::CommandTable::instance().all()) {
    if (spec->subcommands.empty()) {
      ++checked;
      if (!corpus.names.count(lower(spec->full_name))) missing.push_back(spec->full_name);
      continue;
    }
    for (const kevy::CommandSpec& sub : spec->subcommands) {
      ++checked;
      if (!corpus.names.count(lower(sub.full_name))) missing.push_back(sub.full_name);
    }
  }
  std::sort(missing.begin(), missing.end());
  for (const std::string& name : missing) {
    ADD_FAILURE() << "command '" << name << "' has no `> " << name
                  << " ...` line in any runnable case of " << dir
                  << "/*.corpus (add one to corpus/scripts/ and run corpus/record.py)";
  }
  std::printf("corpus coverage: %zu commands/subcommands, %zu covered, %zu corpus files, "
              "%zu cases\n",
              checked, checked - missing.size(), corpus.files, corpus.cases);
}

}  // namespace
