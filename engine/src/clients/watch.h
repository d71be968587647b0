// WatchRegistry: which clients WATCH which keys, so that a write to a key (Redis's
// signalModifiedKey), FLUSHDB/FLUSHALL and SWAPDB mark those clients' transactions dirty
// (ClientState::dirty_cas). Each client also lists its own keys (ClientState::watched).
//
// Thread-safety: under the store lock only.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clients/client_state.h"

namespace kevy {

class Keyspace;

class WatchRegistry {
 public:
  // WATCH key: adds (db, key) to c's watched keys unless already there. expired_at_watch as
  // in WatchedKey.
  void watch(const std::shared_ptr<ClientState>& c, int db, std::string_view key,
             bool expired_at_watch);
  // UNWATCH, EXEC, DISCARD, RESET, disconnect: forgets all of c's keys.
  void unwatch_all(ClientState& c);
  // signalModifiedKey: marks every client watching (db, key) dirty. O(1) when nobody watches.
  void touch(Keyspace& ks, int db, std::string_view key);
  // Before FLUSHDB (db) / FLUSHALL (-1): touches watched keys that exist in the db(s).
  void flushing(Keyspace& ks, int db);
  // Before SWAPDB a b: touches watched keys of a or b that exist in a or in b.
  void swapping(Keyspace& ks, int a, int b);
  bool empty() const { return by_key_.empty(); }

 private:
  // "db\0key" -> clients watching it.
  std::unordered_map<std::string, std::vector<std::weak_ptr<ClientState>>> by_key_;
};

}  // namespace kevy
