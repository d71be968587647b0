// Clients: the registries that reach clients from keys and channels — pub/sub, WATCHed keys,
// blocked clients — owned by the Keyspace (Keyspace::clients()) so that every command handler
// reaches them through its CommandContext. Also the KeyEventSink the Keyspace reports key
// events to (core/key_events.h), which routes them here.
//
// Thread-safety: under the store lock only.
#pragma once

#include "clients/blocking.h"
#include "clients/pubsub.h"
#include "clients/watch.h"
#include "core/key_events.h"

namespace kevy {

class Keyspace;

struct Clients {
  PubSub pubsub;
  WatchRegistry watches;
  BlockedClients blocked;
};

// Routes the keyspace's key events: modified keys to WATCH, keyspace notifications to pub/sub
// (channels __keyspace@<db>__:<key> with the event as message and __keyevent@<db>__:<event>
// with the key), ready keys to the blocked clients.
class ClientEvents final : public KeyEventSink {
 public:
  ClientEvents(Keyspace& ks, Clients& clients) : ks_(ks), clients_(clients) {}
  void key_modified(int db, std::string_view key) override;
  void keyspace_event(uint32_t cls, std::string_view event, int db,
                      std::string_view key) override;
  void key_ready(int db, std::string_view key, ReadyType type) override;
  void dbs_flushing(int db) override;
  void dbs_swapping(int a, int b) override;

 private:
  Keyspace& ks_;
  Clients& clients_;
};

}  // namespace kevy
