// CONFIG SET's effect, shared by the CONFIG command (config_cmds.cc) and Store::config_set:
// the registry validates and stores the values (core/config_registry.h) and this also passes the
// new values on to the modules that keep their own copy (the latency tracking of ServerStats).
#pragma once

#include <span>

#include "core/config_registry.h"
#include "core/keyspace.h"
#include "kevy/status.h"

namespace kevy {

// Sets every (name, value) pair or none; the error is Redis's reply text.
Status config_set(Keyspace& ks, std::span<const ConfigRegistry::NameValue> pairs,
                  ConfigRegistry::Origin origin = ConfigRegistry::Origin::kConfigSet);

}  // namespace kevy
