// TestStore::load_corpus_case: one recorded conversation with redis-server 7.0.15 replayed on
// the test's store, each reply checked as kevy-conform replay checks it.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "compare.h"
#include "corpus.h"
#include "kevy/testing/fixtures.h"

namespace kevy::testing {
namespace {

// Commands that may wait for data: on the test's manual clock their timeout never comes by
// itself, so load_corpus_case moves the clock for them.
bool may_block(std::string_view name) {
  static constexpr std::string_view kBlocking[] = {"blpop",  "brpop",    "brpoplpush", "blmove",
                                                   "blmpop", "bzpopmin", "bzpopmax",   "bzmpop"};
  for (std::string_view b : kBlocking) {
    if (name.size() == b.size() &&
        std::equal(name.begin(), name.end(), b.begin(),
                   [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == y; })) {
      return true;
    }
  }
  return false;
}

}  // namespace

// Runs a command that may block on another thread, moving the clock 10 ms at a time while it
// waits (a recorded case's timeouts are short: it was recorded in real time). After an hour
// of the test's time it is unblocked with CLIENT UNBLOCK (an error for the caller).
std::string TestStore::run_blocking_step(const std::vector<std::string_view>& argv, Session& s) {
  std::future<std::string> reply =
      std::async(std::launch::async, [&] { return store_->execute_resp(argv, s); });
  for (int step = 0; reply.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready;
       ++step) {
    if (step < 360000) {
      advance(std::chrono::milliseconds(10));
      continue;
    }
    Session other;
    other.client_id = CommandMonitor::kToolkitClientId;
    const std::string id = std::to_string(s.client_id);
    const std::string_view unblock[] = {"CLIENT", "UNBLOCK", id, "ERROR"};
    store_->execute(unblock, other);
  }
  return reply.get();
}

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
    const std::string got =
        may_block(argv[0]) ? run_blocking_step(argv, s) : store_->execute_resp(argv, s);
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
