#include "server/server_commands.h"

#include <optional>
#include <string_view>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "core/numbers.h"

namespace kevy {
namespace {

constexpr std::string_view kNoAuth = "-NOAUTH Authentication required.\r\n";
constexpr std::string_view kHelloNoAuth =
    "-NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO "
    "AUTH <user> <pass> option can be used to authenticate the client and select the RESP "
    "protocol version at the same time\r\n";
constexpr std::string_view kAuthNoPassword =
    "-ERR AUTH <password> called without any password configured for the default user. Are you "
    "sure your configuration is correct?\r\n";

void reply_error(Connection& conn, std::string_view text) {
  conn.append_output("-");
  conn.append_output(text);
  conn.append_output("\r\n");
}

// Without ACLs only the user "default" exists; with no requirepass it is `nopass`.
bool credentials_ok(const std::string& require_pass, std::string_view user, std::string_view pass) {
  return user == "default" && (require_pass.empty() || pass == require_pass);
}

// AUTH [user] password.
void auth_command(const std::string& require_pass, Connection& conn, Args argv) {
  if (argv.size() < 2) return reply_error(conn, err::wrong_arity("auth"));
  if (argv.size() > 3) return reply_error(conn, err::kSyntax);
  if (argv.size() == 2 && require_pass.empty()) return conn.append_output(kAuthNoPassword);
  std::string_view user = argv.size() == 3 ? argv[1] : "default";
  if (!credentials_ok(require_pass, user, argv.back())) return reply_error(conn, err::kWrongPass);
  conn.authenticated = true;
  conn.append_output("+OK\r\n");
}

// SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]. As redis-server: the RDB snapshot is saved
// first when save points are configured (`save` not empty) or SAVE is given, unless NOSAVE;
// a failed save keeps the server running with an error, unless FORCE. No shutdown is ever in
// progress for ABORT (there is no replica to wait for).
AfterCommand shutdown_command(Store& store, Connection& conn, Args argv) {
  bool save = false, nosave = false, abort = false, force = false, now = false;
  for (size_t i = 1; i < argv.size(); ++i) {
    if (eq_ci(argv[i], "save")) save = true;
    else if (eq_ci(argv[i], "nosave")) nosave = true;
    else if (eq_ci(argv[i], "abort")) abort = true;
    else if (eq_ci(argv[i], "force")) force = true;
    else if (eq_ci(argv[i], "now")) now = true;
    else return reply_error(conn, err::kSyntax), AfterCommand::kContinue;
  }
  if ((save && nosave) || (abort && (save || nosave || force || now))) {
    return reply_error(conn, err::kSyntax), AfterCommand::kContinue;
  }
  if (abort) return reply_error(conn, "ERR No shutdown in progress."), AfterCommand::kContinue;
  auto save_points = store.config_get("save");
  const bool has_save_points = save_points.ok() && !save_points.value().empty();
  if (!nosave && (save || has_save_points) && !store.save().is_ok() && !force) {
    reply_error(conn, err::kShutdownErrors);
    return AfterCommand::kContinue;
  }
  return AfterCommand::kShutdown;
}

// With requirepass, HELLO's own checks (protocol version, option syntax) come first, then
// AUTH's credentials, then the NOAUTH check. Returns true when the Store should run it.
bool hello_gate(const std::string& require_pass, Connection& conn, Args argv) {
  if (argv.size() >= 2) {
    auto v = parse_int64(argv[1]);
    if (!v || *v < 2 || *v > 3) return true;  // the Store replies the error
  }
  std::optional<std::pair<std::string_view, std::string_view>> auth;
  for (size_t i = 2; i < argv.size(); ++i) {
    const size_t more = argv.size() - i - 1;
    if (eq_ci(argv[i], "auth") && more >= 2) {
      auth.emplace(argv[i + 1], argv[i + 2]);
      i += 2;
    } else if (eq_ci(argv[i], "setname") && more >= 1) {
      ++i;
    } else {
      return true;  // syntax error: the Store replies it
    }
  }
  if (auth) {
    if (!credentials_ok(require_pass, auth->first, auth->second)) {
      reply_error(conn, err::kWrongPass);
      return false;
    }
    conn.authenticated = true;
  }
  if (!conn.authenticated) {
    conn.append_output(kHelloNoAuth);
    return false;
  }
  return true;
}

}  // namespace

AfterCommand run_client_command(Store& store, const std::string& require_pass, Connection& conn,
                                Args argv) {
  const std::string_view name = argv[0];
  if (eq_ci(name, "quit")) {
    conn.append_output("+OK\r\n");
    conn.close_after_flush = true;
    return AfterCommand::kContinue;
  }
  if (eq_ci(name, "auth")) {
    auth_command(require_pass, conn, argv);
    return AfterCommand::kContinue;
  }
  if (eq_ci(name, "hello") && !require_pass.empty()) {
    if (!hello_gate(require_pass, conn, argv)) return AfterCommand::kContinue;
  } else if (!conn.authenticated) {
    // Redis reports an unknown command or a wrong arity before NOAUTH.
    Reply error;
    const bool known = eq_ci(name, "shutdown") || CommandTable::instance().resolve(argv, &error);
    if (known) {
      conn.append_output(kNoAuth);
      return AfterCommand::kContinue;
    }
  }
  if (eq_ci(name, "shutdown")) return shutdown_command(store, conn, argv);
  const Reply reply = store.execute(argv, conn.session());
  // A command that blocked replies later (ClientState::on_unblocked).
  if (conn.session().blocked) return AfterCommand::kContinue;
  // After HELLO the reply is already in the new protocol, as Redis does.
  conn.append_reply(reply, conn.session().protocol);
  return AfterCommand::kContinue;
}

}  // namespace kevy
