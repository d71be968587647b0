// kevy::Transaction (kevy/transaction.h): MULTI / EXEC / DISCARD / WATCH / UNWATCH sent through
// Store::execute on the caller's Session, so the embedded transaction and the commands share
// one implementation (clients/transaction.cc, commands/multi_cmds.cc).
#include "kevy/transaction.h"

#include <vector>

namespace kevy {

Transaction::~Transaction() {
  if (begun_) discard();
}

Reply Transaction::begin() {
  const std::string_view multi[] = {"MULTI"};
  Reply r = run(multi);
  // MULTI fails only when the session is already in MULTI (begun by hand): go on in it.
  begun_ = true;
  return r;
}

Reply Transaction::watch(std::span<const std::string_view> keys) {
  std::vector<std::string_view> argv;
  argv.reserve(keys.size() + 1);
  argv.push_back("WATCH");
  argv.insert(argv.end(), keys.begin(), keys.end());
  return run(argv);
}

Reply Transaction::unwatch() {
  const std::string_view argv[] = {"UNWATCH"};
  return run(argv);
}

Reply Transaction::queue(std::span<const std::string_view> argv) {
  if (!begun_) begin();
  return run(argv);
}

Reply Transaction::exec() {
  if (!begun_) begin();
  begun_ = false;
  const std::string_view argv[] = {"EXEC"};
  return run(argv);
}

Reply Transaction::discard() {
  const std::string_view argv[] = {begun_ ? "DISCARD" : "UNWATCH"};
  begun_ = false;
  return run(argv);
}

}  // namespace kevy
