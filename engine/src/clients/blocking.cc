// BlockedClients: see clients/blocking.h.
#include "clients/blocking.h"

#include <algorithm>

namespace kevy {

std::string BlockedClients::slot(int db, std::string_view key) {
  std::string s = std::to_string(db);
  s += '\0';
  s.append(key);
  return s;
}

uint64_t BlockedClients::add(Waiter w) {
  w.id = next_id_++;
  const uint64_t id = w.id;
  for (const std::string& key : w.keys) {
    std::vector<uint64_t>& ids = by_key_[slot(w.db, key)];
    // BLPOP k k waits once on k.
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
  waiters_.emplace(id, std::move(w));
  return id;
}

void BlockedClients::remove(uint64_t id) {
  auto it = waiters_.find(id);
  if (it == waiters_.end()) return;
  for (const std::string& key : it->second.keys) {
    auto k = by_key_.find(slot(it->second.db, key));
    if (k == by_key_.end()) continue;
    std::erase(k->second, id);
    if (k->second.empty()) by_key_.erase(k);
  }
  waiters_.erase(it);
}

void BlockedClients::finish(uint64_t id, Reply reply) {
  Waiter* w = find(id);
  if (w == nullptr) return;
  std::shared_ptr<ClientState> client = w->client.lock();
  if (client) client->blocked = false;
  if (w->result != nullptr) {
    *w->result = std::move(reply);
    if (w->wake != nullptr) w->wake->notify_all();
  } else if (client && client->on_unblocked) {
    client->on_unblocked(reply);
  }
  remove(id);
}

Waiter* BlockedClients::find(uint64_t id) {
  auto it = waiters_.find(id);
  return it == waiters_.end() ? nullptr : &it->second;
}

Waiter* BlockedClients::find_client(int64_t client_id) {
  for (auto& [id, w] : waiters_) {
    auto c = w.client.lock();
    if (c && c->client_id == client_id) return &w;
  }
  return nullptr;
}

void BlockedClients::key_ready(int db, std::string_view key) {
  std::string s = slot(db, key);
  if (!by_key_.contains(s) || ready_set_.contains(s)) return;
  ready_set_.insert(s);
  ready_.emplace_back(db, std::string(key));
}

void BlockedClients::dbs_swapped(int a, int b) {
  for (auto& [id, w] : waiters_) {
    if (w.db != a && w.db != b) continue;
    for (const std::string& key : w.keys) key_ready(w.db, key);
  }
}

std::vector<std::pair<int, std::string>> BlockedClients::take_ready() {
  ready_set_.clear();
  return std::exchange(ready_, {});
}

std::vector<uint64_t> BlockedClients::waiters_on(int db, std::string_view key) const {
  auto it = by_key_.find(slot(db, key));
  return it == by_key_.end() ? std::vector<uint64_t>{} : it->second;
}

std::vector<uint64_t> BlockedClients::timed_out(int64_t now_ms) const {
  std::vector<uint64_t> out;
  for (const auto& [id, w] : waiters_) {
    if (w.deadline_ms != 0 && w.deadline_ms < now_ms) out.push_back(id);
  }
  return out;
}

size_t BlockedClients::with_timeout() const {
  size_t n = 0;
  for (const auto& [id, w] : waiters_) n += w.deadline_ms != 0 ? 1 : 0;
  return n;
}

int64_t BlockedClients::next_deadline_ms() const {
  int64_t next = 0;
  for (const auto& [id, w] : waiters_) {
    if (w.deadline_ms != 0 && (next == 0 || w.deadline_ms < next)) next = w.deadline_ms;
  }
  return next;
}

}  // namespace kevy
