// ClientEvents: see clients/clients.h.
#include <string>

#include "clients/clients.h"
#include "core/keyspace.h"

namespace kevy {

void ClientEvents::key_modified(int db, std::string_view key) {
  if (!clients_.watches.empty()) clients_.watches.touch(ks_, db, key);
}

void ClientEvents::keyspace_event(uint32_t /*cls*/, std::string_view event, int db,
                                  std::string_view key) {
  const uint32_t flags = ks_.options().notify_keyspace_events;
  const std::string prefix = "@" + std::to_string(db) + "__:";
  if (flags & kNotifyKeyspace) {
    std::string channel = "__keyspace" + prefix;
    channel.append(key);
    clients_.pubsub.publish(channel, event);
  }
  if (flags & kNotifyKeyevent) {
    std::string channel = "__keyevent" + prefix;
    channel.append(event);
    clients_.pubsub.publish(channel, key);
  }
}

void ClientEvents::key_ready(int db, std::string_view key, ReadyType /*type*/) {
  if (clients_.blocked.size() != 0) clients_.blocked.key_ready(db, key);
}

void ClientEvents::dbs_flushing(int db) {
  if (!clients_.watches.empty()) clients_.watches.flushing(ks_, db);
}

void ClientEvents::dbs_swapping(int a, int b) {
  if (!clients_.watches.empty()) clients_.watches.swapping(ks_, a, b);
  if (clients_.blocked.size() != 0) clients_.blocked.dbs_swapped(a, b);
}

}  // namespace kevy
