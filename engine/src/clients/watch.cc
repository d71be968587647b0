// WatchRegistry: see watch.h. The rules are redis-server 7.0.15's (checked on the oracle):
// - a write to a WATCHed key marks the watcher dirty, unless the key had already expired when
//   it was WATCHed and is now gone (the deletion of an expired key is no logical change; the
//   key then counts as a plain missing key from here on);
// - FLUSHDB/FLUSHALL touch only watched keys present in the flushed db(s), expired-at-watch
//   keys excepted (they just lose that mark);
// - SWAPDB a b touches a watched key of a (or b) when it is present in either db, except an
//   expired-at-watch key that the swap replaces with nothing (mark dropped) or with another
//   expired key, and a missing key that the swap replaces with an expired one (which then
//   counts as expired-at-watch).
#include "clients/watch.h"

#include <algorithm>

#include "core/keyspace.h"

namespace kevy {
namespace {

// by_key_'s key: the db number, a NUL, the key bytes.
std::string watch_id(int db, std::string_view key) {
  std::string id = std::to_string(db);
  id.push_back('\0');
  id.append(key);
  return id;
}

// Splits a watch_id back into its db and key.
std::pair<int, std::string_view> split_id(const std::string& id) {
  const size_t nul = id.find('\0');
  int db = 0;
  for (size_t i = 0; i < nul; ++i) db = db * 10 + (id[i] - '0');
  return {db, std::string_view(id).substr(nul + 1)};
}

// c's entry for (db, key); nullptr when c does not watch it (it unwatched meanwhile).
WatchedKey* find_watched(ClientState& c, int db, std::string_view key) {
  for (WatchedKey& wk : c.watched) {
    if (wk.db == db && wk.key == key) return &wk;
  }
  return nullptr;
}

// The key's entry in db as stored, expired or not (no lazy expiry, no statistics).
const Entry* present(Keyspace& ks, int db, std::string_view key) {
  return ks.db(db).main.find(key);
}

bool present_and_expired(Keyspace& ks, int db, std::string_view key) {
  const Entry* e = present(ks, db, key);
  return e != nullptr && ks.is_expired(db, e);
}

}  // namespace

void WatchRegistry::watch(const std::shared_ptr<ClientState>& c, int db, std::string_view key,
                          bool expired_at_watch) {
  if (find_watched(*c, db, key) != nullptr) return;
  c->watched.push_back(WatchedKey{db, std::string(key), expired_at_watch});
  by_key_[watch_id(db, key)].push_back(c);
}

void WatchRegistry::unwatch_all(ClientState& c) {
  for (const WatchedKey& wk : c.watched) {
    auto it = by_key_.find(watch_id(wk.db, wk.key));
    if (it == by_key_.end()) continue;
    auto& watchers = it->second;
    // Drops c, and any watcher whose session is gone.
    std::erase_if(watchers, [&](const std::weak_ptr<ClientState>& w) {
      auto p = w.lock();
      return p == nullptr || p.get() == &c;
    });
    if (watchers.empty()) by_key_.erase(it);
  }
  c.watched.clear();
}

void WatchRegistry::touch(Keyspace& ks, int db, std::string_view key) {
  if (by_key_.empty()) return;
  auto it = by_key_.find(watch_id(db, key));
  if (it == by_key_.end()) return;
  bool gone = false;  // a watcher's session was destroyed without unwatching
  for (const auto& w : it->second) {
    auto c = w.lock();
    if (c == nullptr) {
      gone = true;
      continue;
    }
    WatchedKey* wk = find_watched(*c, db, key);
    if (wk != nullptr && wk->expired_at_watch) {
      if (present(ks, db, key) == nullptr) {
        wk->expired_at_watch = false;
        continue;
      }
    }
    c->dirty_cas = true;
  }
  if (gone) {
    std::erase_if(it->second, [](const std::weak_ptr<ClientState>& w) { return w.expired(); });
    if (it->second.empty()) by_key_.erase(it);
  }
}

void WatchRegistry::flushing(Keyspace& ks, int db) {
  for (const auto& [id, watchers] : by_key_) {
    const auto [kdb, key] = split_id(id);
    if (db >= 0 && kdb != db) continue;
    if (kdb >= ks.num_dbs() || present(ks, kdb, key) == nullptr) continue;
    for (const auto& w : watchers) {
      auto c = w.lock();
      if (c == nullptr) continue;
      WatchedKey* wk = find_watched(*c, kdb, key);
      if (wk != nullptr && wk->expired_at_watch) {
        wk->expired_at_watch = false;
        continue;
      }
      c->dirty_cas = true;
    }
  }
}

void WatchRegistry::swapping(Keyspace& ks, int a, int b) {
  if (a == b) return;  // SWAPDB n n changes nothing
  for (const auto& [id, watchers] : by_key_) {
    const auto [kdb, key] = split_id(id);
    if (kdb != a && kdb != b) continue;
    const int other = kdb == a ? b : a;
    const bool here = present(ks, kdb, key) != nullptr;
    const bool there = present(ks, other, key) != nullptr;
    if (!here && !there) continue;
    const bool there_expired = there && present_and_expired(ks, other, key);
    for (const auto& w : watchers) {
      auto c = w.lock();
      if (c == nullptr) continue;
      WatchedKey* wk = find_watched(*c, kdb, key);
      if (wk != nullptr && wk->expired_at_watch) {
        if (!there) {
          wk->expired_at_watch = false;
          continue;
        }
        if (there_expired) continue;
      } else if (wk != nullptr && !here && there_expired) {
        wk->expired_at_watch = true;
        continue;
      }
      c->dirty_cas = true;
    }
  }
}

}  // namespace kevy
