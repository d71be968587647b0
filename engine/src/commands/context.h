// CommandContext: what a command handler sees — the keyspace, the calling session, and the
// argv span type. Handlers have the signature `Reply handler(CommandContext&, Args)`.
#pragma once

#include <span>
#include <string_view>

#include "core/keyspace.h"
#include "kevy/reply.h"
#include "kevy/store.h"

namespace kevy {

using Args = std::span<const std::string_view>;

struct CommandContext {
  Keyspace& ks;
  Session& session;
  int db() const { return session.db; }
  bool resp3() const { return session.protocol >= 3; }
};

using Handler = Reply (*)(CommandContext&, Args);

}  // namespace kevy
