// MULTI / EXEC / DISCARD / WATCH / UNWATCH: the rules redis-server 7.0's processCommand and
// multi.c apply, as functions Store::execute calls around every command, plus the command rows
// (commands/multi_cmds.cc registers them).
//
// REQUIRES: the store lock (all of them).
#pragma once

#include <optional>

#include "commands/command_table.h"
#include "commands/context.h"

namespace kevy {

struct ClientState;

// A command was refused before running (unknown command or subcommand, wrong arity, OOM, not
// allowed while subscribed) while the session is in MULTI: Redis's flagTransaction, so that
// EXEC replies EXECABORT. No-op outside MULTI.
void transaction_refused(Session& s);

// Called for every resolved command that is about to run. In MULTI, queues it and returns
// +QUEUED, or returns the error that refuses it (and flags the transaction when Redis does);
// returns nullopt to run the command now (outside MULTI, and for EXEC DISCARD MULTI WATCH QUIT
// RESET inside it).
std::optional<Reply> transaction_intercept(CommandContext& ctx, const CommandSpec& spec,
                                           Args argv);

// Whether a session in MULTI whose queue holds a denyoom command must be refused with OOM at
// EXEC (Redis treats such an EXEC as denyoom). Also true for every other command sent in
// MULTI but DISCARD QUIT RESET and the no-multi ones (SAVE...: refused as not allowed in a
// transaction first): over maxmemory Redis refuses them all with OOM (queueing may grow memory
// without bound), flagging the transaction.
bool exec_is_denyoom(const Session& s, const CommandSpec& spec);

// Drops the session's transaction and WATCHed keys (RESET, disconnect).
void transaction_reset(CommandContext& ctx);

// Additions (multi helper):
//
// A command refused before running with `error` (unknown, wrong arity, OOM, subscribed
// context): transaction_refused(s), and when the refused command is EXEC (spec: the row it
// resolved to, or the row whose arity was wrong; nullptr for an unknown command) the
// transaction is dropped and the reply becomes "EXECABORT Transaction discarded because of:
// <error without a leading \"ERR \">", as Redis's execCommandAbort (an error already starting
// with EXECABORT, as pubsub_context_error's for EXEC, is kept). Returns the reply to send
// (record that one in the error statistics).
Reply transaction_rejection(Keyspace& ks, Session& s, const CommandSpec* spec, Reply error);

// Redis's discardTransaction: drops the queue, MULTI, both dirty flags and the WATCHed keys.
void transaction_discard(Keyspace& ks, ClientState& c);

// EXEC's check (Redis 7.0's isWatchedKeyExpired): a WATCHed key that was live when watched is
// still stored but has logically expired by the command time.
bool watched_key_expired(Keyspace& ks, const ClientState& c);

// Commands queued so far (CLIENT LIST multi=); 0 outside MULTI (callers print -1 then).
size_t transaction_queued_count(const Session& s);

void register_transaction_commands(CommandTable& t);

}  // namespace kevy
