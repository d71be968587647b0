// libFuzzer target: command sequences on the embedded store, checked for invariants.
//
// Input: bytes decoded by props::sequence_from_bytes (conformance/src/props.h) into up to 48
// commands of the props generator (the same rows kevy-conform props draws: small key pools so
// types clash, edge values, MULTI/EXEC, expiries). They run on a fresh store per input with a
// fixed clock, memory-accounting checks on (a drift aborts) and blocking commands answering
// their timeout at once. Then, for every database:
//  - DBSIZE equals the number of keys a full SCAN returns (nothing expires: the clock stands);
//  - every key survives DUMP / DEL / RESTORE with its TTL: the same DEBUG DIGEST-VALUE and
//    PTTL, and DEBUG DIGEST of the whole dataset is the same afterwards.
// A failure prints the sequence (redis-cli syntax) and aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.h"
#include "fuzz_check.h"
#include "kevy/store.h"
#include "props.h"

namespace {

using kevy::Reply;
namespace props = kevy::conformance::props;

constexpr const char* kTarget = "fuzz_command_sequence";
constexpr int kDatabases = 16;

class Checker {
 public:
  explicit Checker(const props::Sequence& seq) : seq_(seq) {
    static const auto clock = std::make_shared<kevy::ManualClock>(1700000000000);
    auto opened = kevy::Store::open(kevy::Options{}
                                        .with_clock(clock)
                                        .with_databases(kDatabases)
                                        .with_memory_accounting_check()
                                        .with_blocking_commands_wait(false));
    if (!opened.ok()) fail("the store did not open");
    store_ = std::make_unique<kevy::Store>(std::move(opened.value()));
  }

  void run() {
    kevy::Session s;
    if (seq_.protocol == 3) call(s, {"HELLO", "3"});
    for (const props::Command& c : seq_.commands) {
      if (c.argv.empty()) continue;
      if (c.argv[0] == "@scan") {
        scan_all(s);  // the directive's keys are read, not checked
        continue;
      }
      std::vector<std::string_view> argv(c.argv.begin(), c.argv.end());
      store_->execute(argv, s);
    }
    store_->end_session(s);  // drops a MULTI left open, WATCHes, subscriptions
  }

  void check() {
    kevy::Session s;
    const std::string digest = call(s, {"DEBUG", "DIGEST"}).str();
    for (int db = 0; db < kDatabases; ++db) {
      call(s, {"SELECT", std::to_string(db)});
      const std::set<std::string> keys = scan_all(s);
      const int64_t dbsize = call(s, {"DBSIZE"}).integer_value();
      if (dbsize != static_cast<int64_t>(keys.size())) fail("DBSIZE differs from SCAN's keys");
      for (const std::string& k : keys) round_trip(s, k);
    }
    call(s, {"SELECT", "0"});
    if (call(s, {"DEBUG", "DIGEST"}).str() != digest) fail("DEBUG DIGEST changed by DUMP/RESTORE");
  }

 private:
  Reply call(kevy::Session& s, const std::vector<std::string>& argv) {
    std::vector<std::string_view> v(argv.begin(), argv.end());
    return store_->execute(v, s);
  }

  // Every key SCAN returns (from cursor 0 to 0) in the session's database.
  std::set<std::string> scan_all(kevy::Session& s) {
    std::set<std::string> keys;
    std::string cursor = "0";
    do {
      const Reply page = call(s, {"SCAN", cursor, "COUNT", "100"});
      if (page.elements().size() != 2) fail("SCAN did not answer [cursor, keys]");
      cursor = page.elements()[0].str();
      for (const Reply& k : page.elements()[1].elements()) keys.insert(k.str());
    } while (cursor != "0");
    return keys;
  }

  void round_trip(kevy::Session& s, const std::string& key) {
    const std::string before = call(s, {"DEBUG", "DIGEST-VALUE", key}).elements().at(0).str();
    const int64_t pttl = call(s, {"PTTL", key}).integer_value();
    const Reply dump = call(s, {"DUMP", key});
    if (dump.type() != Reply::Type::kBulk) fail("DUMP of an existing key is not a bulk string");
    call(s, {"DEL", key});
    const Reply restored =
        call(s, {"RESTORE", key, std::to_string(pttl > 0 ? pttl : 0), dump.str()});
    if (restored.is_error()) fail("RESTORE refused kevy's own DUMP payload");
    if (call(s, {"DEBUG", "DIGEST-VALUE", key}).elements().at(0).str() != before) {
      fail("DEBUG DIGEST-VALUE changed by DUMP/RESTORE");
    }
    if (call(s, {"PTTL", key}).integer_value() != pttl) fail("PTTL changed by DUMP/RESTORE");
  }

  [[noreturn]] void fail(const char* what) const {
    std::fprintf(stderr, "%s: %s\nthe sequence (RESP%d):\n", kTarget, what, seq_.protocol);
    for (const props::Command& c : seq_.commands) {
      std::fprintf(stderr, "  %s\n", kevy::conformance::format_command(c.argv).c_str());
    }
    kevy::fuzz::fail(kTarget, what);
  }

  const props::Sequence& seq_;
  std::unique_ptr<kevy::Store> store_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const props::Sequence seq = props::sequence_from_bytes(data, size, 48);
  Checker checker(seq);
  checker.run();
  checker.check();
  return 0;
}
