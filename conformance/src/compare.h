// Reply comparison of the conformance harness: exact bytes, multiset ("<~", replies of commands
// whose COMMAND INFO tips say nondeterministic_output_order) and shape ("<?", tip
// nondeterministic_output). Nothing else is ever loosened (corpus/README.md).
//
// Also the accepted differences of corpus/known-divergences.txt.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kevy::conformance {

// How two replies are compared. kScan / kSleep are the corpus's "@scan" / "@sleep" lines;
// replies_match treats them as kUnordered / kExact.
enum class Compare {
  kExact,      // byte-identical replies ("<")
  kUnordered,  // "<~": aggregates compared as multisets of elements (map entries as pairs)
  kShape,      // "<?": only the type tree (type bytes, nulls, aggregate lengths), recursively;
               // error replies still compare their text
  kScan,       // "@scan ...": SCAN to cursor 0, key sets compared
  kSleep,      // "@sleep MS": a pause, not a comparison
};

// The corpus marker of a mode: "<", "<~", "<?" (kSleep: "<", kScan: "<~").
const char* compare_marker(Compare mode);

// True when `a` and `b` (each one complete RESP2/RESP3 reply) are equal under `mode`. Replies
// that do not parse as exactly one reply are compared byte for byte.
bool replies_match(Compare mode, std::string_view a, std::string_view b);

// The canonical form that `mode` compares (what replies_match compares for equality); for
// reports ("shape *2[$,$,]") and for hashing. Exact: the bytes themselves.
std::string comparison_key(Compare mode, std::string_view reply);

// `bytes` as a double-quoted, escaped string for reports: "+OK\r\n".
std::string quote_bytes(std::string_view bytes);
// The same (the original name; call it qualified, conformance::quoted, because with a
// std::string argument argument-dependent lookup also finds std::quoted).
inline std::string quoted(std::string_view bytes) { return quote_bytes(bytes); }

// One accepted difference: `case-id-glob command-glob reason` (corpus/README.md). The globs are
// fnmatch(3) patterns; the command glob is matched, case-insensitively, against the command
// line as written in the corpus ("SET k v EX 100"; "@scan MATCH k*" for scans).
struct KnownDivergence {
  std::string case_glob;
  std::string command_glob;
  std::string reason;
  int line_no = 0;
};

class KnownDivergences {
 public:
  // Parses the file's content ('#' comments and blank lines ignored). False with *error =
  // "path:line: reason" on a line with fewer than three fields.
  bool parse(std::string_view path, std::string_view content, std::string* error);
  // Reads `path`; a missing file is an error.
  bool load(const std::string& path, std::string* error);

  // The entry that accepts a difference on `command_text` in case `case_id`, or nullptr.
  const KnownDivergence* find(std::string_view case_id, std::string_view command_text) const;
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<KnownDivergence> entries_;
};

}  // namespace kevy::conformance
