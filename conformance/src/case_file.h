// Case files of the conformance test (format: tests/conformance/README.md).
//
// A file is a list of cases separated by blank lines; each non-comment line is one command,
// split like redis-cli splits it, optionally preceded by a marker that says how its replies
// are compared (exact bytes by default).
#pragma once

#include <string>
#include <vector>

namespace kevy::conformance {

enum class Compare {
  kExact,      // byte-identical replies
  kUnordered,  // "~": aggregate replies compared as multisets of elements
  kShape,      // "?" / "?type": only the type tree (types, nulls, lengths of aggregates)
  kIgnore,     // "!": run on both, reply not compared
  kScan,       // "@scan [MATCH p] [COUNT n] [TYPE t]": SCAN to cursor 0, compare the key sets
  kSleep,      // "@sleep <ms>": pause (both targets see the same wall-clock gap)
};

struct CaseLine {
  int line_no = 0;
  Compare compare = Compare::kExact;
  std::vector<std::string> argv;  // the command (for kScan: the SCAN options; kSleep: {ms})
  std::string text;               // the line as written, for reports
};

struct Case {
  std::string name;  // the case's first comment, or "line N"
  int first_line = 0;
  std::vector<CaseLine> lines;
};

struct CaseFile {
  std::string path;
  std::vector<Case> cases;
};

// Parses `content`. Returns false with *error = "path:line: reason" on a line the splitter
// rejects or an unknown / incomplete directive.
bool parse_case_file(const std::string& path, const std::string& content, CaseFile* out,
                     std::string* error);

}  // namespace kevy::conformance
