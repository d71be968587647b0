// Reader and writer of recorded corpus files (`corpus/<family>.corpus`; the format is
// specified in corpus/README.md):
//
//   === strings/set-options/resp2
//   tags: family=strings since=1.0.0 proto=2
//   > SET k v EX 100
//   < +OK\r\n
//   > @scan MATCH k*
//   <~ *1\r\n$1\r\nk\r\n
//   > @sleep 10
//
// A multi-connection case names the connection of each command and of each message it
// expects (corpus/README.md, "Multi-connection cases"):
//
//   >c1 BLPOP q 0
//   >c2 RPUSH q a
//   <c1 *2\r\n$1\r\nq\r\n$1\r\na\r\n
//   <c2 :1\r\n
//
// Commands are written with redis-cli quoting (cli::split_args reads them back), replies as
// escaped bytes (cli::escape_bytes / unescape_reply). write_case(parse(x)) round-trips.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compare.h"

namespace kevy::conformance {

// One message a multi-connection case expects after a step: on which connection, and how it
// is compared.
struct ExpectedMessage {
  std::string conn;  // "c1", "c2", ...
  Compare compare = Compare::kExact;
  std::string bytes;
  int line_no = 0;
};

struct CorpusStep {
  enum class Kind { kCommand, kSleep, kScan };
  Kind kind = Kind::kCommand;
  // kCommand: the command; kScan: the SCAN options (MATCH p COUNT n TYPE t); kSleep: empty.
  std::vector<std::string> argv;
  int sleep_ms = 0;  // kSleep
  // The recorded reply (raw bytes) and how it is compared. kScan: the array of the keys seen
  // (bulk strings), compared as a set. kSleep has none.
  bool has_expected = false;
  Compare compare = Compare::kExact;
  std::string expected;
  int line_no = 0;  // of the `>` line (0 for steps built in memory)
  // Multi-connection cases: the connection that sends the command ("c2"; empty for @sleep),
  // and every message that arrives on any connection after it, in the order written
  // (connections by name, each in arrival order). A command that blocks has none.
  std::string conn;
  std::vector<ExpectedMessage> messages;

  // The step as written after "> " ("SET k v", "@sleep 10", "@scan MATCH k*"), without the
  // connection.
  std::string text() const;
};

struct CorpusCase {
  std::string id;  // family/name/protocol
  // Tags in file order ("family" -> "strings", "since" -> "1.0.0", "proto" -> "2").
  std::vector<std::pair<std::string, std::string>> tags;
  std::vector<CorpusStep> steps;
  std::string file;  // where it was read from (for reports)
  int line_no = 0;   // of the `===` line
  // Some `>cN` line: a multi-connection case (steps carry conn and messages, not expected).
  bool multi = false;

  // The value of a tag, or `fallback`.
  std::string tag(std::string_view key, std::string_view fallback = "") const;
  void set_tag(std::string_view key, std::string_view value);
  // proto= tag; without one, 3 when the id ends in /resp3, else 2.
  int protocol() const;
  // family= tag, else the id up to its first '/'.
  std::string family() const;
  // blocking=waits: some command waits for another connection (replayed on server targets
  // only: the embedded store would wait on the replaying thread).
  bool waits() const { return tag("blocking") == "waits"; }
};

struct CorpusFile {
  std::string path;
  std::vector<CorpusCase> cases;
};

// Parses a corpus file. False with *error = "path:line: reason" on a malformed line: unknown
// line kind, a reply line without a command, bad escapes or quoting, a command before `===`.
bool parse_corpus(std::string_view path, std::string_view content, CorpusFile* out,
                  std::string* error);
// Reads and parses one file.
bool read_corpus_file(const std::string& path, CorpusFile* out, std::string* error);
// The .corpus files named by `args`: files as given, directories -> their *.corpus files
// (sorted, not recursive). False with *error when an argument does not exist.
bool collect_corpus_paths(const std::vector<std::string>& args, std::vector<std::string>* out,
                          std::string* error);

// Writes one case (the `===` line, the tags line, then steps). REQUIRES: every kCommand step
// has a non-empty argv.
void write_case(std::ostream& out, const CorpusCase& c);
// A whole file: the cases separated by blank lines.
void write_corpus(std::ostream& out, const std::vector<CorpusCase>& cases);

// One argument with redis-cli quoting: as is when it is a plain token, else "..." escaped.
std::string quote_arg(std::string_view arg);
// A command line: quoted arguments separated by one space. A first argument that starts with
// '@' is always quoted so it cannot be read back as a directive.
std::string format_command(const std::vector<std::string>& argv);
// The inverse of cli::escape_bytes: \r \n \t \\ \" \xHH (hex digits of either case). False on
// any other escape or a truncated \x.
bool unescape_reply(std::string_view escaped, std::string* out);

}  // namespace kevy::conformance
