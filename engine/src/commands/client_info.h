// Client descriptions shared by CLIENT, HELLO and the network server: name validation and the
// CLIENT LIST line format.
#pragma once

#include <string>
#include <string_view>

#include "commands/client_host.h"
#include "kevy/store.h"

namespace kevy {

// Redis's rule for client names: printable ASCII without spaces ('!'..'~'); empty is allowed
// (it clears the name).
bool valid_client_name(std::string_view name);

// One CLIENT LIST line without the trailing "\n": "id=3 addr=... resp=2".
std::string format_client_info(const ClientInfo& c);

// What CLIENT INFO/LIST report for an embedded session: no socket (fd=-1, empty addresses),
// its id, name, db and protocol, cmd = the command running now.
ClientInfo embedded_client_info(const Session& s);

}  // namespace kevy
