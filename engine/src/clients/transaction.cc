// MULTI / EXEC / DISCARD / WATCH / UNWATCH: see transaction.h. Facts from redis-server 7.0.15:
// - in MULTI every command but EXEC DISCARD MULTI WATCH QUIT RESET is queued (+QUEUED); a
//   command refused while queueing (unknown, wrong arity, OOM, no-multi flag, subscribed
//   context) flags the transaction and EXEC replies EXECABORT; nested MULTI and WATCH inside
//   MULTI reply an error without flagging it;
// - once the transaction is flagged or a WATCHed key was touched, further commands still
//   reply +QUEUED but are not kept (CLIENT LIST multi= stops counting);
// - EXEC: EXECABORT wins over a touched key (null array); a watched key that was live at WATCH
//   and is logically expired at EXEC also fails the EXEC; else every queued command runs through
//   call_command (statistics per command, propagation as one unit: the Store wraps more than
//   one propagated op in MULTI/EXEC), runtime errors stay in the array;
// - over maxmemory, every command in MULTI but EXEC DISCARD QUIT RESET is refused with OOM, and
//   EXEC when a queued command is denyoom: EXEC then replies "EXECABORT Transaction discarded
//   because of: OOM ..." and the transaction is dropped.
#include "clients/transaction.h"

#include <string>
#include <vector>

#include "clients/client_state.h"
#include "clients/clients.h"
#include "commands/command_stats.h"
#include "commands/errors.h"

namespace kevy {
namespace {

bool is(const CommandSpec& spec, std::string_view name) { return spec.full_name == name; }

// Runs now even inside MULTI (Redis's processCommand exceptions to queueing).
bool runs_in_multi(const CommandSpec& spec) {
  return is(spec, "exec") || is(spec, "discard") || is(spec, "multi") || is(spec, "watch") ||
         is(spec, "quit") || is(spec, "reset");
}

bool in_multi(const Session& s) { return s.state != nullptr && s.state->in_multi; }

}  // namespace

void transaction_discard(Keyspace& ks, ClientState& c) {
  c.queued.clear();
  c.in_multi = false;
  c.exec_abort = false;
  c.dirty_cas = false;
  ks.clients().watches.unwatch_all(c);
}

bool watched_key_expired(Keyspace& ks, const ClientState& c) {
  for (const WatchedKey& wk : c.watched) {
    if (wk.expired_at_watch || wk.db >= ks.num_dbs()) continue;
    const Entry* e = ks.db(wk.db).main.find(wk.key);
    if (e != nullptr && ks.is_expired(wk.db, e)) return true;
  }
  return false;
}

void transaction_refused(Session& s) {
  if (in_multi(s)) s.state->exec_abort = true;
}

Reply transaction_rejection(Keyspace& ks, Session& s, const CommandSpec* spec, Reply error) {
  transaction_refused(s);
  if (spec == nullptr || !is(*spec, "exec")) return error;
  if (s.state != nullptr) transaction_discard(ks, *s.state);
  std::string_view text = error.str();
  if (text.starts_with("EXECABORT ")) return error;  // already in that form
  if (text.starts_with("ERR ")) text.remove_prefix(4);
  std::string msg(err::kExecAbortBecause);
  msg.append(text);
  return Reply::error(msg);
}

std::optional<Reply> transaction_intercept(CommandContext& ctx, const CommandSpec& spec,
                                           Args argv) {
  if (!in_multi(ctx.session) || runs_in_multi(spec)) return std::nullopt;
  ClientState& c = *ctx.session.state;
  if ((spec.flags & kCmdNoMulti) != 0) {
    Reply refused = Reply::error(err::kNotAllowedInMulti);
    record_rejected(ctx.ks, &spec, refused);
    c.exec_abort = true;
    return refused;
  }
  // A transaction that can only fail keeps nothing more.
  if (!c.exec_abort && !c.dirty_cas) {
    c.queued.push_back(QueuedCommand{&spec, std::vector<std::string>(argv.begin(), argv.end())});
  }
  return Reply::simple("QUEUED");
}

bool exec_is_denyoom(const Session& s, const CommandSpec& spec) {
  if (!in_multi(s)) return false;
  if (is(spec, "exec")) {
    for (const QueuedCommand& q : s.state->queued) {
      if ((q.spec->flags & kCmdDenyOom) != 0) return true;
    }
    return false;
  }
  // A no-multi command gets its own refusal first (transaction_intercept), as in Redis.
  if ((spec.flags & kCmdNoMulti) != 0) return false;
  return !(is(spec, "discard") || is(spec, "quit") || is(spec, "reset"));
}

void transaction_reset(CommandContext& ctx) {
  if (ctx.session.state != nullptr) transaction_discard(ctx.ks, *ctx.session.state);
}

size_t transaction_queued_count(const Session& s) {
  return in_multi(s) ? s.state->queued.size() : 0;
}

}  // namespace kevy
