#include "commands/errors.h"

#include <algorithm>
#include <cctype>

namespace kevy::err {
namespace {

// Redis formats these with printf "%s"/"%.Ns": the text stops at the first NUL byte.
std::string_view c_string(std::string_view s, size_t max) {
  size_t nul = s.find('\0');
  if (nul != std::string_view::npos) s = s.substr(0, nul);
  return s.substr(0, std::min(max, s.size()));
}

// Redis's addReplyErrorFormat keeps an error on one line: trailing CR/LF are trimmed and the
// remaining ones become spaces.
std::string one_line(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.pop_back();
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  return s;
}

}  // namespace

std::string wrong_arity(std::string_view full_name) {
  return "ERR wrong number of arguments for '" + std::string(full_name) + "' command";
}

std::string unknown_command(std::string_view name, const std::string_view* args, size_t nargs) {
  std::string list;
  for (size_t i = 0; i < nargs && list.size() < 128; ++i) {
    size_t room = 128 - list.size();  // Redis: "'%.*s' " with 128 - sdslen(args) precision
    list += '\'';
    list += c_string(args[i], room);
    list += "' ";
  }
  return "ERR unknown command '" + std::string(c_string(name, 128)) +
         "', with args beginning with: " + list;
}

std::string unknown_subcommand(std::string_view sub, std::string_view container) {
  std::string upper(c_string(container, SIZE_MAX));
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "ERR unknown subcommand '" + std::string(c_string(sub, 128)) + "'. Try " + upper +
         " HELP.";
}

std::string subcommand_syntax(std::string_view sub, std::string_view command) {
  std::string upper(c_string(command, SIZE_MAX));
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "ERR unknown subcommand or wrong number of arguments for '" +
         std::string(c_string(sub, 128)) + "'. Try " + upper + " HELP.";
}

std::string unsupported_option(std::string_view option) {
  return one_line("ERR Unsupported option " + std::string(c_string(option, SIZE_MAX)));
}

std::string hello_syntax(std::string_view option) {
  return "ERR Syntax error in HELLO option '" + std::string(c_string(option, SIZE_MAX)) + "'";
}

std::string invalid_expire(std::string_view command) {
  return "ERR invalid expire time in '" + std::string(command) + "' command";
}

std::string at_least_one_input_key(std::string_view command) {
  return "ERR at least 1 input key is needed for '" + std::string(command) + "' command";
}

std::string unknown_client_type(std::string_view type) {
  return "ERR Unknown client type '" + std::string(type) + "'";
}

std::string no_such_user(std::string_view user) {
  return "ERR No such user '" + std::string(user) + "'";
}

std::string no_latency_samples(std::string_view event) {
  return one_line("ERR No samples available for event '" +
                  std::string(c_string(event, SIZE_MAX)) + "'");
}

std::string config_set_failed(std::string_view name, std::string_view reason) {
  return one_line("ERR CONFIG SET failed (possibly related to argument '" +
                  std::string(c_string(name, SIZE_MAX)) + "') - " + std::string(reason));
}

std::string config_unknown_option(std::string_view name) {
  return one_line("ERR Unknown option or number of arguments for CONFIG SET - '" +
                  std::string(c_string(name, SIZE_MAX)) + "'");
}

std::string config_range(int64_t min, int64_t max) {
  return "argument must be between " + std::to_string(min) + " and " + std::to_string(max) +
         " inclusive";
}

std::string config_enum(std::string_view names_comma_separated) {
  return "argument(s) must be one of the following: " + std::string(names_comma_separated);
}

std::string config_rewrite_failed(std::string_view reason) {
  return "ERR Rewriting config file: " + std::string(reason);
}

namespace {
constexpr std::string_view kPubsubContextTail =
    "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context";
}  // namespace

std::string pubsub_context(std::string_view full_name) {
  return "ERR Can't execute '" + std::string(full_name) + std::string(kPubsubContextTail);
}

std::string pubsub_context_execabort() {
  return std::string(kExecAbortBecause) + "Can't execute 'exec" + std::string(kPubsubContextTail);
}

}  // namespace kevy::err
