// MULTI EXEC DISCARD WATCH UNWATCH: the command rows and handlers. The rules that apply around
// every other command in MULTI (queueing, refusals, OOM) are in clients/transaction.cc.
#include <string>
#include <vector>

#include "clients/client_state.h"
#include "clients/clients.h"
#include "clients/transaction.h"
#include "commands/call.h"
#include "commands/errors.h"

namespace kevy {
namespace {

bool in_multi(const Session& s) { return s.state != nullptr && s.state->in_multi; }

Reply multi_command(CommandContext& ctx, Args) {
  ClientState& c = client_state_of(ctx.session);
  if (c.in_multi) return Reply::error(err::kMultiNested);
  c.in_multi = true;
  return Reply::ok();
}

Reply exec_command(CommandContext& ctx, Args) {
  if (!in_multi(ctx.session)) return Reply::error(err::kExecWithoutMulti);
  ClientState& c = *ctx.session.state;
  if (watched_key_expired(ctx.ks, c)) c.dirty_cas = true;
  if (c.exec_abort || c.dirty_cas) {
    const bool abort = c.exec_abort;
    transaction_discard(ctx.ks, c);
    return abort ? Reply::error(err::kExecAbort) : Reply::null_array();
  }
  // The keys are unwatched before the commands run (their own writes must not matter). The
  // client stays in MULTI with its queue while they run, as in Redis: blocking commands do not
  // block, and CLIENT INFO inside EXEC shows flags=x and multi=<queue length>.
  ctx.ks.clients().watches.unwatch_all(c);
  std::vector<Reply> replies;
  replies.reserve(c.queued.size());
  std::vector<std::string_view> argv;
  // No queued command can change the queue (MULTI, EXEC, DISCARD, RESET are never queued);
  // the index still guards against one that would.
  for (size_t i = 0; i < c.queued.size(); ++i) {
    const QueuedCommand& q = c.queued[i];
    argv.assign(q.argv.begin(), q.argv.end());
    replies.push_back(call_command(ctx, *q.spec, argv));
    // A blocking command that found no data replied its "cannot block" form; it never waits.
    ctx.ks.block_request() = BlockRequest{};
  }
  transaction_discard(ctx.ks, c);
  return Reply::array(std::move(replies));
}

Reply discard_command(CommandContext& ctx, Args) {
  if (!in_multi(ctx.session)) return Reply::error(err::kDiscardWithoutMulti);
  transaction_discard(ctx.ks, *ctx.session.state);
  return Reply::ok();
}

Reply watch_command(CommandContext& ctx, Args argv) {
  if (in_multi(ctx.session)) return Reply::error(err::kWatchInsideMulti);
  client_state_of(ctx.session);
  const std::shared_ptr<ClientState>& c = ctx.session.state;
  const int db = ctx.db();
  for (size_t i = 1; i < argv.size(); ++i) {
    // Not a lookup: WATCH neither deletes an expired key nor counts a hit or miss.
    const Entry* e = ctx.ks.db(db).main.find(argv[i]);
    const bool expired = e != nullptr && ctx.ks.is_expired(db, e);
    ctx.ks.clients().watches.watch(c, db, argv[i], expired);
  }
  return Reply::ok();
}

Reply unwatch_command(CommandContext& ctx, Args) {
  if (ctx.session.state != nullptr) {
    ctx.ks.clients().watches.unwatch_all(*ctx.session.state);
    ctx.session.state->dirty_cas = false;
  }
  return Reply::ok();
}

}  // namespace

void register_transaction_commands(CommandTable& t) {
  constexpr uint32_t kTx = kCmdNoscript | kCmdLoading | kCmdStale;
  FamilyRows add(t, "transactions");
  add("multi", 1, kTx | kCmdFast | kCmdAllowBusy, multi_command, "1.2.0", 0, 0);
  add("exec", 1, kTx | kCmdSkipSlowlog, exec_command, "1.2.0", 0, 0);
  add("discard", 1, kTx | kCmdFast | kCmdAllowBusy, discard_command, "2.0.0", 0, 0);
  add("watch", -2, kTx | kCmdFast | kCmdAllowBusy, watch_command, "2.2.0", 1, -1);
  add("unwatch", 1, kTx | kCmdFast | kCmdAllowBusy, unwatch_command, "2.2.0", 0, 0);
}

}  // namespace kevy
