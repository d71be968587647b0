// Pub/sub commands (SUBSCRIBE UNSUBSCRIBE PSUBSCRIBE PUNSUBSCRIBE SSUBSCRIBE SUNSUBSCRIBE
// PUBLISH SPUBLISH PUBSUB) and the rules Store::execute applies to subscribed clients.
//
// Replies: every (un)subscribe confirmation is a Reply::push ([kind, name, count]: RESP3 '>',
// RESP2 '*'); a command confirming several names replies a Reply::sequence of them (the bytes
// redis-server writes, one confirmation after the other). Messages published later reach the
// client through ClientState::push (clients/pubsub.h).
//
// REQUIRES: the store lock (all of them).
#pragma once

#include <optional>

#include "commands/command_table.h"
#include "commands/context.h"

namespace kevy {

// Redis's processCommand check for a RESP2 client with at least one subscription (channel,
// pattern or shard channel): only (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PING, QUIT and RESET may
// run; any other command (subcommands named "client|info") gets the error, EXEC the EXECABORT
// form. nullopt when the command may run (always for RESP3 clients).
std::optional<Reply> pubsub_context_error(CommandContext& ctx, const CommandSpec& spec);

// Drops every subscription of the session's client, without replies (RESET, disconnect).
void pubsub_reset(CommandContext& ctx);

// Whether PING must answer as in RESP2 subscribed mode: ["pong", message or ""].
bool pubsub_ping_as_array(const Session& s);

}  // namespace kevy
