// ClientState: what a client carries beyond its Session's plain fields — its transaction
// (MULTI queue, WATCHed keys), its pub/sub subscriptions and the messages pushed to it, and the
// command it is blocked in. The Store creates it the first time a session needs one
// (client_state_of()) and the Session owns it through a shared_ptr; the registries that must
// reach a client from a key or a channel (clients/watch.h, clients/pubsub.h,
// clients/blocking.h) hold weak_ptrs, so a Session may simply be destroyed.
//
// Thread-safety: every field is read and written under the store lock only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "kevy/reply.h"
#include "kevy/store.h"

namespace kevy {

struct CommandSpec;

// One command queued between MULTI and EXEC, with its own copy of the arguments.
struct QueuedCommand {
  const CommandSpec* spec = nullptr;
  std::vector<std::string> argv;
};

// One WATCHed key. expired_at_watch: the key's TTL had already passed when it was watched
// (Redis 7.0 then does not count the later deletion of the expired key as a change).
struct WatchedKey {
  int db = 0;
  std::string key;
  bool expired_at_watch = false;
};

struct ClientState {
  // Unique per state; Session::client_id of the session that created it.
  int64_t client_id = 0;

  // ---- MULTI / EXEC (clients/transaction.h)
  bool in_multi = false;
  // A command was refused while queueing (unknown, wrong arity, OOM, not allowed): EXEC
  // replies EXECABORT. Redis's CLIENT_DIRTY_EXEC.
  bool exec_abort = false;
  // A WATCHed key was touched: EXEC replies a null array. Redis's CLIENT_DIRTY_CAS.
  bool dirty_cas = false;
  std::vector<QueuedCommand> queued;
  std::vector<WatchedKey> watched;

  // ---- pub/sub (clients/pubsub.h keeps the reverse maps)
  std::set<std::string> channels;
  std::set<std::string> patterns;
  std::set<std::string> shard_channels;
  size_t subscription_count() const { return channels.size() + patterns.size(); }
  bool subscribed() const {
    return !channels.empty() || !patterns.empty() || !shard_channels.empty();
  }

  // ---- delivery of out-of-band replies: pub/sub messages, and the reply of a blocked
  // command that was served or timed out.
  // Set by kevy::Server for its connections (it may be called from any thread that runs a
  // command: the server moves the bytes to its loop thread). When unset, pushed messages wait
  // in `mailbox` (Store::take_pushed()).
  std::function<void(const Reply&)> deliver;
  std::vector<Reply> mailbox;
  void push(Reply message) {
    if (deliver) {
      deliver(message);
    } else {
      mailbox.push_back(std::move(message));
    }
  }

  // ---- blocking (clients/blocking.h)
  // True while the client waits in a blocking command (CLIENT LIST flag 'b').
  bool blocked = false;
  // Set by the server for its connections: receives the reply of the blocked command when it
  // is served, times out or is unblocked (may be called from any thread running a command).
  std::function<void(const Reply&)> on_unblocked;
  // Set by the server for its connections: a blocking command with no data then registers
  // the client and returns at once, the reply coming later through `deliver`. Embedded
  // sessions instead wait in Store::execute.
  bool can_block_async = false;
};

// The session's state, created on first use.
inline ClientState& client_state_of(Session& s) {
  if (!s.state) {
    s.state = std::make_shared<ClientState>();
    s.state->client_id = s.client_id;
  }
  return *s.state;
}

}  // namespace kevy
