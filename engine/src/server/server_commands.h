// The commands the network layer answers itself, because they concern the connection or the
// process rather than the keyspace: QUIT, AUTH, SHUTDOWN, and the requirepass gate in front of
// every other command (HELLO ... AUTH is checked here, then run by the Store).
// Replies and errors are redis-server 7.0.15's texts.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "kevy/store.h"
#include "server/connection.h"

namespace kevy {

enum class AfterCommand {
  kContinue,  // keep reading commands
  kShutdown,  // SHUTDOWN: stop the server without replying
};

// Runs argv for conn: appends the reply to conn's output (or sets close_after_flush for QUIT).
// require_pass empty means no password is configured.
AfterCommand run_client_command(Store& store, const std::string& require_pass, Connection& conn,
                                std::span<const std::string_view> argv);

}  // namespace kevy
