// TestStore::load_corpus_case: one recorded conversation with redis-server 7.0.15 replayed on
// the test's store, each reply checked as kevy-conform replay checks it.
#include <string>
#include <vector>

#include "compare.h"
#include "corpus.h"
#include "kevy/testing/fixtures.h"

namespace kevy::testing {

Status TestStore::load_corpus_case(const std::string& corpus_file, std::string_view id) {
  conformance::CorpusFile file;
  std::string error;
  if (!conformance::read_corpus_file(corpus_file, &file, &error)) {
    return Status::invalid_argument(error);
  }
  const conformance::CorpusCase* found = nullptr;
  for (const conformance::CorpusCase& c : file.cases) {
    if (c.id == id) found = &c;
  }
  if (found == nullptr) {
    return Status::not_found("no case '" + std::string(id) + "' in " + corpus_file);
  }
  if (found->multi) {
    return Status::invalid_argument("case '" + found->id +
                                    "' has several connections: replay it with kevy-conform");
  }
  // A client of its own (never recorded nor faulted), in the case's protocol.
  Session s;
  s.client_id = CommandMonitor::kToolkitClientId;
  if (found->protocol() == 3) {
    const std::string_view hello[] = {"HELLO", "3"};
    store_->execute(hello, s);
  }
  for (const conformance::CorpusStep& step : found->steps) {
    if (step.kind == conformance::CorpusStep::Kind::kSleep) {
      advance(std::chrono::milliseconds(step.sleep_ms));
      continue;
    }
    if (step.kind != conformance::CorpusStep::Kind::kCommand) continue;  // @scan: nothing to seed
    const std::vector<std::string_view> argv(step.argv.begin(), step.argv.end());
    const std::string got = store_->execute_resp(argv, s);
    if (step.has_expected && !conformance::replies_match(step.compare, step.expected, got)) {
      store_->end_session(s);
      return Status::invalid_argument(corpus_file + ":" + std::to_string(step.line_no) + ": " +
                                      step.text() + ": redis-server replied " +
                                      conformance::quoted(step.expected) + ", kevy " +
                                      conformance::quoted(got));
    }
  }
  store_->end_session(s);
  return Status::ok();
}

}  // namespace kevy::testing
