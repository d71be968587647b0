// Blocked clients in the Store: registering a client that a blocking command (BLPOP ...)
// asked to block, serving waiters when their keys get data, timeouts, CLIENT UNBLOCK, and the
// embedded wait. See clients/blocking.h for the registry and store_impl.h for the contracts.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "clients/blocking.h"
#include "clients/client_state.h"
#include "clients/clients.h"
#include "clients/transaction.h"
#include "commands/call.h"
#include "commands/pubsub_cmds.h"
#include "store_impl.h"

namespace kevy {

namespace {

// Whether the value under key is what the waiter waits for.
bool holds(Keyspace& ks, int db, std::string_view key, ReadyType type) {
  Entry* e = ks.lookup_quiet(db, key);
  if (e == nullptr) return false;
  return type == ReadyType::kList ? e->type() == ObjType::kList : e->type() == ObjType::kZset;
}

// The waiter's command narrowed to the one ready key, so that it is served from that key as
// redis-server 7.0 does (BLPOP a b, then a transaction pushing to b before a: the waiter gets
// b's element). Commands with a single source key run unchanged.
std::vector<std::string> argv_for_ready_key(const Waiter& w, std::string_view key) {
  const std::vector<std::string>& argv = w.argv;
  std::string name(argv[0]);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name == "blpop" || name == "brpop" || name == "bzpopmin" || name == "bzpopmax") {
    return {argv[0], std::string(key), argv.back()};
  }
  if (name == "blmpop" || name == "bzmpop") {
    // timeout numkeys key... where [COUNT n]: numkeys was valid when the command blocked.
    const size_t numkeys = std::stoul(argv[2]);
    std::vector<std::string> out = {argv[0], argv[1], "1", std::string(key)};
    out.insert(out.end(), argv.begin() + 3 + static_cast<std::ptrdiff_t>(numkeys), argv.end());
    return out;
  }
  return argv;
}

}  // namespace

uint64_t Store::Impl::block_client(Session& session, const CommandSpec& spec, Args argv,
                                   std::optional<Reply>* result) {
  BlockRequest& req = ks.block_request();
  ClientState& state = client_state_of(session);
  Waiter w;
  w.client = session.state;
  w.session = &session;
  w.spec = &spec;
  w.argv.assign(argv.begin(), argv.end());
  w.type = req.type;
  w.db = session.db;
  w.keys = std::move(req.keys);
  w.deadline_ms = req.deadline_ms;
  w.timeout_reply = std::move(req.timeout_reply);
  w.result = result;
  w.wake = result != nullptr ? &block_cv : nullptr;
  state.blocked = true;
  req = BlockRequest{};
  return ks.clients().blocked.add(std::move(w));
}

void Store::Impl::serve_ready_keys() {
  BlockedClients& blocked = ks.clients().blocked;
  while (blocked.has_ready()) {
    for (const auto& [db, key] : blocked.take_ready()) {
      for (uint64_t id : blocked.waiters_on(db, key)) {
        Waiter* w = blocked.find(id);
        if (w == nullptr) continue;
        if (!holds(ks, db, key, w->type)) break;  // served empty, or another type now
        // The command runs again in its own session, as a unit of its own; what it pops is
        // propagated in its non-blocking form (the handlers rewrite it).
        const std::vector<std::string> narrowed = argv_for_ready_key(*w, key);
        std::vector<std::string_view> argv(narrowed.begin(), narrowed.end());
        CommandContext ctx{ks, *w->session};
        Reply reply = call_command(ctx, *w->spec, argv, /*record_stats=*/false);
        const bool still_empty = ks.block_request().wanted;
        ks.block_request() = BlockRequest{};
        end_command();
        if (still_empty) continue;
        blocked.finish(id, std::move(reply));
      }
    }
  }
}

Reply Store::Impl::wait_blocked(uint64_t id, std::optional<Reply>* result) {
  std::unique_lock<std::mutex> lock(mu);
  while (!result->has_value()) {
    Waiter* w = ks.clients().blocked.find(id);
    if (w == nullptr) return Reply::null_array();  // forgotten without a reply (RESET)
    const int64_t now = ks.clock().now_ms();
    if (w->deadline_ms != 0 && now > w->deadline_ms) {  // Redis: timeout < now
      ks.clients().blocked.finish(id, w->timeout_reply);
      break;
    }
    std::chrono::milliseconds step(10);
    if (w->deadline_ms != 0) {
      step = std::min(step, std::chrono::milliseconds(w->deadline_ms + 1 - now));
    }
    block_cv.wait_for(lock, step);
  }
  return std::move(**result);
}

void Store::Impl::expire_waiters() {
  BlockedClients& blocked = ks.clients().blocked;
  if (blocked.size() == 0) return;
  for (uint64_t id : blocked.timed_out(ks.clock().now_ms())) {
    Waiter* w = blocked.find(id);
    if (w != nullptr) blocked.finish(id, w->timeout_reply);
  }
}

void Store::time_out_blocked() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  impl_->expire_waiters();
}

int64_t Store::next_block_deadline_ms() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->ks.clients().blocked.next_deadline_ms();
}

void Store::end_session(Session& session) {
  if (!session.state) return;
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  BlockedClients& blocked = impl_->ks.clients().blocked;
  if (Waiter* w = blocked.find_client(session.state->client_id)) blocked.remove(w->id);
  session.state->blocked = false;
  CommandContext ctx{impl_->ks, session};
  pubsub_reset(ctx);
  transaction_reset(ctx);
}

namespace {

// BLPOP/BRPOP's reply as (key, element); nullopt for the timeout's null array.
Result<std::optional<std::pair<std::string, std::string>>> pop_pair(const Reply& r) {
  if (r.is_error()) return Status::command_error(r.str());
  if (r.is_null()) return std::optional<std::pair<std::string, std::string>>();
  return std::optional<std::pair<std::string, std::string>>(
      std::pair(r.elements()[0].str(), r.elements()[1].str()));
}

Result<std::optional<std::pair<std::string, std::string>>> blocking_pop(
    Store& store, std::string_view name, std::span<const std::string_view> keys,
    std::chrono::milliseconds timeout, int db) {
  if (keys.empty()) return Status::command_error(err::wrong_arity(name));
  if (timeout.count() < 0) return Status::command_error(err::kTimeoutNegative);
  // Whole ms as seconds with three decimals: exact, and parsed back to the same ms.
  const std::string seconds = std::to_string(timeout.count() / 1000) + "." +
                              std::to_string(1000 + timeout.count() % 1000).substr(1);
  std::vector<std::string_view> argv;
  argv.push_back(name);
  argv.insert(argv.end(), keys.begin(), keys.end());
  argv.push_back(seconds);
  Session s;
  s.db = db;
  return pop_pair(store.execute(argv, s));
}

}  // namespace

Result<std::optional<std::pair<std::string, std::string>>> Store::blpop(
    std::span<const std::string_view> keys, std::chrono::milliseconds timeout, int db) {
  return blocking_pop(*this, "blpop", keys, timeout, db);
}

Result<std::optional<std::pair<std::string, std::string>>> Store::brpop(
    std::span<const std::string_view> keys, std::chrono::milliseconds timeout, int db) {
  return blocking_pop(*this, "brpop", keys, timeout, db);
}

}  // namespace kevy
